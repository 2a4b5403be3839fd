"""Trade frames: whose trade with whom a sentence talks about ('China's trade with Russia', 'exports from the West
into Central Asia'), the flow seen from the first party's side; a clause naming only a flow continues the last one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .flow_parts import flow_parts
from .flow_phrases import FLOW_VERBS, MOVEMENT_FRAMES, PASSIVE_LEAD
from .pair_frames import THEIR_COUNTRIES, bilateral_parties
from .sentence import E, EL, GAP
from .prefilter import finditer, search
from .shares import arms_total

_TRADE = r"(?:bilateral\s+|mutual\s+|total\s+|overall\s+|foreign\s+|two-way\s+|goods\s+|merchandise\s+)*" \
         r"(?:trade(?:\s+turnover)?|turnover|commerce|trade\s+volume)"
_GOODS = r"(?:of\s+(?P<goods>[\w\s,-]{1,60}?)\s+)?"
# Words that may stand between a preposition and a partner: "from neighbouring China", "to the fellow SCO member".
_ADJ = r"(?:(?:the|neighbouring|neighboring|nearby|fellow|landlocked|resource-rich|sanctions-hit|its\s+neighbour)\s+)*"
# A list of partners never ends in a state owning the next trade noun ("with Iran, and the UAE's trade with ...").
_NOT_OWNER = r"(?!\s+(?:bilateral\s+|total\s+|foreign\s+)?(?:trade|exports|imports|turnover)\b)"
# Goods words that mean all goods (a frame 'of <goods>' naming anything else is about a product category).
GENERIC_GOODS = {"goods", "merchandise", "products", "all goods", "commodities"}
FRAME_PATTERNS: list[tuple[str, str]] = [
    (rf"(?:{_TRADE})(?:[^.;]|\.(?=\d)){{0,25}}?\bbetween\s+(?:the\s+)?(?P<a>{EL})\s+and\s+(?P<b>{EL})", "turnover"),
    (rf"(?P<a>{E})\s*[-–—/]\s*(?P<b>{E})\s+(?:{_TRADE})", "turnover"),
    (rf"(?P<a>{EL})\s+(?:{_TRADE})\s+(?:turnover\s+)?with\s+{_ADJ}(?P<b>{EL}){_NOT_OWNER}", "turnover"),
    (rf"(?:{_TRADE})\s+(?:turnover\s+)?of\s+(?P<a>{E})\s+with\s+(?P<b>{EL})", "turnover"),
    (rf"(?P<a>{E})\s+and\s+(?P<b>{E})\s+(?:{_TRADE})", "turnover"),
    (rf"(?P<a>{EL})\s+(?:total\s+|overall\s+|goods\s+|merchandise\s+)?(?:exports?|shipments|sales|deliveries|"
     rf"supplies)\s+{_GOODS}(?:to|into|for)\s+(?:parts\s+of\s+)?{_ADJ}(?P<b>{EL})", "export"),
    (rf"(?:exports?|shipments|exporting|deliveries)\s+{_GOODS}from\s+(?:the\s+)?(?P<a>{EL})\s+"
     rf"(?:in)?to\s+(?:the\s+|parts\s+of\s+)?(?P<b>{EL})", "export"),
    (rf"(?P<a>{E})\s+(?:exported|shipped|sold)\b{GAP}{{0,60}}?\bto\s+(?P<b>{EL})", "export"),
    (rf"(?P<a>{EL})\s+(?:total\s+|goods\s+|merchandise\s+)?(?:imports?|purchases)\s+{_GOODS}from\s+{_ADJ}(?P<b>{EL})",
     "import"),
    (rf"(?:imports?|purchases)\s+{_GOODS}from\s+(?P<b>{EL})\s+(?:in)?to\s+(?P<a>{EL})", "import"),
    (rf"(?P<a>{E})\s+(?:imported|bought|purchased)\b{GAP}{{0,60}}?\bfrom\s+(?P<b>{EL})", "import"),
    (rf"(?:imported|bought|purchased)\s+by\s+(?P<a>{E})\s+from\s+(?P<b>{EL})", "import"),
    (rf"{PASSIVE_LEAD}(?:exported|shipped|sold)\s+to\s+(?P<b>{EL})\s+by\s+(?P<a>{E})", "export"),  # the passive
    (rf"{PASSIVE_LEAD}(?:imported|bought|purchased)\s+from\s+(?P<b>{EL})\s+by\s+(?P<a>{E})", "import"),
    (rf"(?P<a>{E})(?:(?!,\s*(?:while|whereas|but)\b){GAP}){{0,40}}?\b(?:traded|trade|trades)\s+(?:turnover\s+)?with\s+(?:the\s+)?(?P<b>{EL})", "turnover"),
    (rf"(?P<a>{EL})\s+(?:traded|trade|trades|did|conducted)\s+(?=(?:about\s+|some\s+|over\s+|more\s+than\s+|nearly\s+|"
     rf"around\s+|almost\s+)?(?:US\$|\$|€|USD|EUR|\d))(?:(?!⟨)(?:[^.;]|\.(?=\d))){{1,60}}?\s+(?:worth\s+of\s+)?(?:goods\s+|"
     rf"trade\s+|business\s+)?with\s+(?:the\s+)?(?P<b>{EL})", "turnover"),
    (rf"(?P<a>{E})\s+(?:sold|shipped|exported)\s+(?:(?!⟨)(?:[^.;]|\.(?=\d))){{1,60}}?\s+(?:worth\s+of\s+)?(?:goods\s+)?to\s+(?P<b>{EL})",
     "export"),
    (rf"(?P<a>{E})\s+(?:bought|imported|purchased)\s+(?:(?!⟨)(?:[^.;]|\.(?=\d))){{1,60}}?\s+(?:worth\s+of\s+)?(?:goods\s+)?from\s+"
     rf"(?P<b>{EL})", "import"),
]
# Frames without their first party: "trade with China", "exports to Russia", "those to China" — the party is the
# statistics' country the sentence cites, else the sentence's (or paragraph's) subject.
HALF_PATTERNS: list[tuple[str, str]] = [
    (rf"(?:{_TRADE})\s+(?:turnover\s+)?with\s+{_ADJ}(?P<b>{EL}){_NOT_OWNER}", "turnover"),
    (rf"(?:exports?|shipments|sales|deliveries|\bthose)\s+{_GOODS}(?:to|into)\s+{_ADJ}(?P<b>{EL})", "export"),
    (rf"(?:imports?|purchases|\bthose)\s+{_GOODS}from\s+{_ADJ}(?P<b>{EL})", "import"),
]
# "bilateral trade", "mutual trade", "two-way trade" with neither party in the phrase: the sentence's two parties.
BILATERAL = re.compile(r"\b(?:bilateral|mutual|two-way)\s+(?:trade|commerce)(?:\s+turnover)?\b(?!\s+(?:between|with|of))"
                       r"|\b(?:trade|turnover|commerce)(?:\s+turnover)?\s+between\s+(?:the\s+)?(?:two|both)\s+(?:countries|"
                       r"states|nations|sides|neighbou?rs)" + THEIR_COUNTRIES, re.IGNORECASE)
# A clause naming only a flow continues the previous frame: "..., while imports fell 5%", "with exports of $4 billion".
ELLIPSIS = re.compile(rf"(?:(?:,\s*|\s+)(?:while|whereas|and|but|with)\s+(?:its\s+|their\s+|⟨#*⟩\s+)?|[,;]\s*(?=(?:exports|"
                      rf"imports)\s+{FLOW_VERBS}\b))(?P<flow>exports|imports|trade|turnover)\b(?!\s+(?:to|from|with)\b)",
                      re.IGNORECASE)  # ", exports rose 12%", "; imports fell": a bare flow with its verb continues too
ORDINAL = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
# A rank clause naming a pair, continued by a flow ("B remained A's largest partner for trade, with trade up N% to
# $X"): the pair of the continuing clause.
RANK_PAIR = re.compile(rf"(?P<b>{E})\s+(?:was|is|became|remained|remains|has\s+been|had\s+been|stayed|(?:overtook|passed|"
                       rf"surpassed|overtaken)\s+{E}(?:\s+in\s+\d{{4}})?\s*,?\s+(?:to\s+become|becoming))\s+(?:again\s+|"
                       rf"still\s+|also\s+)?(?:(?P<a>{E})(?:['’]s)?\s+(?:{ORDINAL}[-\s])?(?:top|largest|biggest|main|leading|principal|"
                       rf"first)\s+(?:trading|trade)\s+partner)(?:\s+(?:in|for)\s+\d{{4}})?(?:\s+after\s+{EL})?(?=\s*,?\s+with\b)",
                       re.IGNORECASE)  # "B was A's third-largest partner in 2017 after C and D, with ...": the same pair
# "..., with $939 million of trade: $207 million of exports and ...": a total split into its flows continues the pair
WITH_TOTAL = re.compile(r"\s*,?\s+with\s+(?:US\$|\$|€|USD|EUR)\s?\d[\d.,]*\s?(?:billion|million|bn|mn|m)?\s+(?:of|in)\s+"
                        r"(?:total\s+|two-way\s+)?(?:trade|turnover)\s*(?::|,?\s+(?:of\s+which|made\s+up\s+of|comprising))")
# A verb continuing the previous frame's first party: "Turkey imported $2.3 billion from A and exported $4.1 billion to A".
VERB_ELLIPSIS = re.compile(rf"(?:,\s*|\s+)(?:and|while|whereas|but)\s+(?:it\s+|they\s+|⟨#*⟩\s+)?(?P<verb>exported|"
                           rf"imported|shipped|sold|bought|purchased)\s+(?:(?!⟨)(?:[^.;]|\.(?=\d))){{0,60}}?\b(?:to|from)\s+(?P<b>{EL})",
                           re.IGNORECASE)
# A state's trade with the world: "Georgia's total foreign trade", "Kazakhstan's exports" (no partner named).
WORLD = re.compile(rf"(?P<a>{E})\s+(?:total\s+|overall\s+)?(?:(?:foreign|external|international|goods|merchandise)\s+trade"
                   rf"(?:\s+turnover)?|"
                   rf"trade\s+turnover|(?:total\s+)?(?P<flow>exports|imports))\b(?!\s+(?:to|from|with|between|of)\b)",
                   re.IGNORECASE)
_COMPILED = [(re.compile(p, re.IGNORECASE), flow) for p, flow in FRAME_PATTERNS + MOVEMENT_FRAMES]
RATE_BEFORE = re.compile(r"\b(?:an?\s+)?(?:(?:almost|nearly|about|around|over|more\s+than|some|roughly|just\s+over|just\s+"
                         r"under)\s+)?\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent)\s+(?:year-on-year\s+)?(?:jump|rise|"
                         r"increase|growth|gain|surge|fall|drop|decline|decrease|contraction|slump)\s+in\s+(?:the\s+)?$",
                         re.IGNORECASE)
_HALF = [(re.compile(p, re.IGNORECASE), flow) for p, flow in HALF_PATTERNS]
_FLOWS = {"exports": "export", "imports": "import", "trade": "turnover", "turnover": "turnover"}


@dataclass
class Frame:
    """Whose trade with whom: countries (or group ids), partners, flow, and the span that named them."""

    country: list[str]
    partner: list[str]
    flow: str
    start: int
    end: int
    parent: Frame | None = None  # the frame an elliptic one continues (its period, its parties)
    half: bool = False           # its first party was not named in it (taken from the reporter or the subject)
    goods: str | None = None     # a product category the frame is limited to ("dual-use goods"), else None


def frames(r) -> list[Frame]:
    """The trade frames of a sentence (a Reading), left to right, computed once per sentence."""
    if "frames" in r.cache:
        return r.cache["frames"]
    found: list[Frame] = []
    for pattern, flow in _COMPILED:
        for m in finditer(pattern, r.masked):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            a = [x.code for x in r.ents(m.start("a"), m.end("a")) if not r.in_reporter(x)]
            b = [x.code for x in r.ents(m.start("b"), m.end("b")) if not r.in_reporter(x)]
            if not a or not b or set(a) & set(b) and len(a) == len(b) == 1:
                continue
            found.append(Frame(_uniq(a), _uniq(b), flow, m.start(), m.end(), goods=_goods(m)))
    for pattern, flow in _HALF:
        for m in finditer(pattern, r.masked):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            b = [x.code for x in r.ents(m.start("b"), m.end("b")) if not r.in_reporter(x)]
            a = _first_party(r, m.start(), b)
            if a and b:
                found.append(Frame([a], _uniq(b), flow, m.start(), m.end(), half=True,
                                   goods=_goods(m) or (goods_before(r.text, m.start()) if flow != "turnover" else None)))
    for m in finditer(BILATERAL, r.masked):
        if any(m.start() < f.end and f.start < m.end() for f in found):
            continue
        parties = bilateral_parties(r)
        if len(parties) == 2:
            found.append(Frame([parties[0]], [parties[1]], "turnover", m.start(), m.end(), half=True))
    for m in finditer(WORLD, r.masked):
        if any(m.start() < f.end and f.start < m.end() for f in found):
            continue
        a = [x.code for x in r.ents(m.start("a"), m.end("a")) if not r.in_reporter(x)]
        ment = r.by_start.get(m.start("a"))
        if ment is not None and ment.pronoun and any(f.end <= m.start() for f in found):
            continue  # "..., while its imports were $111 billion": the earlier frame continues (ELLIPSIS)
        if a and (r.triggers & {"amount", "percent", "change"}):
            flow = {"exports": "export", "imports": "import"}.get((m.group("flow") or "").lower(), "turnover")
            pair = next((f for f in reversed(found) if f.end <= m.start() and len(f.country) == 1 and
                         len(f.partner) == 1 and a[0] in (*f.country, *f.partner)), None)
            if pair is not None and m.group("flow") and not re.search(r"total|overall|foreign|external", m.group(0),
                                                                    re.IGNORECASE):
                # "trade between A and B reached $22 billion, with A's exports at $8.4 billion": to B
                other = pair.partner if a[0] in pair.country else pair.country
                found.append(Frame(a, list(other), flow, m.start(), m.end(), parent=pair))
                continue
            found.append(Frame(a, ["WLD"], flow, m.start(), m.end()))
    found.sort(key=lambda f: f.start)
    for m in finditer(VERB_ELLIPSIS, r.masked):
        before = [f for f in found if f.end <= m.start()]
        if not before or any(m.start() < f.end and f.start < m.end() for f in found):
            continue
        b = [x.code for x in r.ents(m.start("b"), m.end("b")) if not r.in_reporter(x)]
        flow = "export" if m.group("verb").lower() in ("exported", "shipped", "sold") else "import"
        if b:
            found.append(Frame(before[-1].country, _uniq(b), flow, m.start("verb"), m.end(), parent=before[-1]))
    found.sort(key=lambda f: f.start)
    for m in finditer(RANK_PAIR, r.masked):  # "B was A's top partner in 2023, with trade up 52%": the pair continues
        if any(m.start() < f.end and f.start < m.end() for f in found) or not (ELLIPSIS.match(r.masked, m.end()) or
                                                                   WITH_TOTAL.match(r.masked, m.end())):
            continue
        a = [x.code for x in r.ents(m.start("a"), m.end("a")) if not r.in_reporter(x)]
        b = [x.code for x in r.ents(m.start("b"), m.end("b")) if not r.in_reporter(x)]
        if len(a) == 1 and len(b) == 1 and a != b:
            found.append(Frame(a, b, "turnover", m.start(), m.end()))
    found.sort(key=lambda f: f.start)
    _split(r, found)
    found.sort(key=lambda f: f.start)
    for m in finditer(ELLIPSIS, r.masked):
        before = [f for f in found if f.end <= m.start()]
        if not before or any(m.start() < f.end and f.start < m.end() for f in found):
            continue
        prev = before[-1]
        flow = _FLOWS[m.group("flow").lower()]
        found.append(Frame(prev.country, prev.partner, flow, m.start("flow"), m.end(), parent=prev))
    for f in found:  # "A sold $5 billion of arms to B", "exported $2 billion worth of wheat to B": a product named inside
        said = None if f.goods else search(PRODUCT_INSIDE, r.text, f.start, f.end)
        if said and any(ARMS_GOODS.fullmatch(w) or PRODUCTS.fullmatch(w) for w in said.group("g").split()):
            f.goods = said.group("g")
    found = [f for f in found if not (f.goods and ARMS_GOODS.match(f.goods)) and not arms_total(r.text, f.partner, f.flow)]
    for f in found:  # "an almost 50% jump in A's exports to B": the rate before the frame is the frame's
        lead = search(RATE_BEFORE, r.masked, max(0, f.start - 80), f.start)
        if lead and not any(g is not f and g.start < f.start and lead.start() < g.end for g in found):
            f.start = lead.start()
    found.sort(key=lambda f: f.start)
    for i, f in enumerate(found):
        if f.half and i:
            f.parent = found[i - 1]
    r.cache["frames"] = found
    return found


ARMS_GOODS = re.compile(r"(?:major\s+)?(?:arms|weapons?|weaponry|military)\b", re.IGNORECASE)
# Products a text may name right before 'exports' or 'imports' ('gas exports to China'): a claim about them is about a
# product category, not the all-goods totals the pack holds.
PRODUCTS = re.compile(r"(?:arms|weapons?|weaponry|military|oil|crude|petroleum|gas|LNG|coal|electricity|energy|uranium|"
                      r"gold|copper|aluminium|aluminum|zinc|metals?|steel|iron|ore|grain|wheat|flour|cotton|food|"
                      r"agricultural|farm|meat|fruit|vegetables?|textiles?|fertili[sz]ers?|timber|cars?|vehicles?|"
                      r"machinery|equipment|electronics|chemicals?|pharmaceuticals?|services|tech|technology|"
                      r"dual-use|non-oil|non-energy|non-resource|mineral|minerals|fuel|fuels|hydrocarbons?|cement)",
                      re.IGNORECASE)


# A product named between a trade verb's amount and its partner ("$5 billion of arms to", "worth of wheat from").
PRODUCT_INSIDE = re.compile(r"\b(?:worth\s+)?of\s+(?P<g>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?)\s+(?:to|from|into|with)\b",
                            re.IGNORECASE)


def goods_before(text: str, position: int) -> str | None:
    """A product named right before a flow noun ('arms exports to China', 'gas imports from Russia'), or None."""
    m = re.search(r"\b([A-Za-z][A-Za-z-]{1,})\s+$", text[max(0, position - 30):position])
    return m.group(1) if m and PRODUCTS.fullmatch(m.group(1)) else None


def _goods(m) -> str | None:
    goods = (m.groupdict().get("goods") or "").strip()
    return goods if goods and goods.lower() not in GENERIC_GOODS else None


def _first_party(r, position: int, partners: list[str]) -> str | None:
    """Who trades in a frame that names only the partner: the country whose statistics the sentence cites, else
    the sentence's subject before it, else the paragraph's."""
    reporters = [c for c in r.reporter_codes if len(c) == 3 and c not in partners and c not in ("IMF",)]
    if len(reporters) == 1:
        return reporters[0]
    for m in r.mentions:
        if m.start >= position:
            break
        if m.kind in ("country", "group") and not r.in_reporter(m) and m.code not in partners:
            return m.code
    focus = r.ctx.focus
    if focus and focus not in partners:
        return focus
    last = r.ctx.last_trade  # "A's exports to B rose 40%. Imports from B grew 13%": A, the figure before's country
    if last is not None and len(last.country) == 1 and list(last.partner) == list(partners) and \
            last.country[0] not in partners:
        return last.country[0]
    return r.ctx.topic(exclude=partners)  # "Trade with B rose" in an article about A: A, the text's clear topic


def _uniq(items):
    out = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def _split(r, found: list[Frame]) -> None:
    """Frames for the parts of a pair's total split by flow ('made up of $210 million of A's exports and ...')."""
    for a, other, flow, start, end, pair in flow_parts(r, found):
        found[:] = [f for f in found if not (start <= f.start and f.end <= end)]  # its flow word read alone
        if not any(start < f.end and f.start < end for f in found):
            found.append(Frame([a], [other], flow, start, end, parent=pair))


def regions(r) -> list[tuple[Frame, tuple[int, int]]]:
    """Each frame with the part of the sentence its figures are read from: up to the next frame."""
    found = frames(r)
    return [(f, (f.start, found[i + 1].start if i + 1 < len(found) else len(r.text))) for i, f in enumerate(found)]


def base_fields(r, frame: Frame) -> dict:
    """The scope fields of a trade claim read in a frame: country, partner, flow, the reporter the text cites and a
    product category when the frame names one."""
    fields = {"country": frame.country, "partner": frame.partner, "flow": frame.flow, "goods": frame.goods,
              "basis": basis_in(r.text)}
    if r.reporter:
        fields["reporter"] = r.reporter_codes
    return fields


BASIS = re.compile(r"\bby\s+(?:country\s+of\s+)?(?P<b>origin|consignment)\b", re.IGNORECASE)


def basis_in(text: str) -> str | None:
    """'origin' or 'consignment' when a sentence says how its imports are counted ('by country of consignment')."""
    m = search(BASIS, text)
    return m.group("b").lower() if m else None


# Words before a year that make it the base of a change, not its period: "from $Y in 2019", "compared with 2019".
CHANGE_BASE = re.compile(r"\b(?:from|compared\s+(?:with|to)|against|than|versus|vs\.?)\b(?:(?!\b(?:while|whereas|"
                         r"but)\b)[^,;]){0,30}?(?:\bin\s+|\bof\s+)?$", re.IGNORECASE)
PERIOD_KEYS = ("year", "base_year", "years", "partial", "fiscal", "since", "unresolved", "month")


def resolve_frame_period(r, frame: Frame, fields: dict, pos: int, region: tuple[int, int], *, change: bool) -> None:
    """The period of a figure read in a frame: its clause's times; a frame continuing another ('while imports
    fell 5%') takes the period of the clause it continues when its own says none."""
    from .clauses import resolve_period, time_for

    from .clauses import clause_bounds

    resolve_period(r, time_for(r, pos, region=region), fields, change=change)
    parent = frame.parent
    while parent is not None and not any(fields.get(k) for k in PERIOD_KEYS):
        # "In 2017, A's trade with B exceeded $X, while trade with C reached $Y": the time of the clause it continues
        # (through a chain: "...in 2022; exports grew 5% and imports 7%": the imports continue the exports' clause)
        start = clause_bounds(r.text, parent.start)[0]
        resolve_period(r, time_for(r, parent.start, region=(start, frame.start)), fields, change=change)
        parent = parent.parent
    if not any(fields.get(k) for k in PERIOD_KEYS) and re.search(r"\b(?:while|whereas|but)\s*$",
                                                                  r.text[max(0, frame.start - 12):frame.start]):
        # "A's exports fell 5% in 2019, while B's exports rose 3%": the year of the clause it is set against
        earlier = [tm for tm in r.times if tm.end <= frame.start and tm.kind in ("year", "month") and tm.year]
        # "fell 5% in 2020 to $X from $Y in 2019, while ...": the clause's period, never the base of its change
        earlier = [tm for tm in earlier if not search(CHANGE_BASE, r.text[max(0, tm.start - 40):tm.start])] or earlier
        if earlier:
            resolve_period(r, [earlier[-1]], fields, change=change)
            fields["period_note"] = f"the year of the clause before ({earlier[-1].year})"
    if change and fields.get("yoy") and "year" not in fields and "base_year" not in fields:
        # "..., with exports 93 times higher than a year earlier": the year the sentence named before it
        earlier = [tm.year for tm in r.times if tm.end <= pos and tm.kind in ("year", "month") and tm.year]
        if earlier:
            fields.update({"year": earlier[-1], "base_year": earlier[-1] - 1})
    if not any(fields.get(k) for k in PERIOD_KEYS):
        fronted = [tm for tm in r.times if tm.end <= pos and FRONTED.match(r.text[:tm.start])
                   and tm.kind in ("partial", "fiscal", "year", "month", "range", "relative")]
        if fronted:  # "In the first nine months of 2023, A ... (...), and B ...": the fronted time is every clause's
            resolve_period(r, fronted[:1], fields, change=change)
            fields["period_note"] = "; ".join(x for x in (fields.get("period_note"),
                                                         f"the time that opens the sentence ('{fronted[0].text}')") if x)
    if not any(fields.get(k) for k in PERIOD_KEYS):
        carry_period(r, fields, change=change)
    last = r.ctx.last_time
    continues = any(m.pronoun and m.start <= frame.start + 2 for m in r.mentions)
    if continues and last is not None and last.kind in ("year", "month") and not any(fields.get(k) for k in PERIOD_KEYS):
        fields["year"] = last.year  # "In 2023 ... Its exports rose 20%": the year the previous sentence named
        if change:
            fields.update({"base_year": last.year - 1, "yoy": True})
        fields["period_note"] = f"the year of the previous sentence ({last.year})"


def terms_for(r, region: tuple[int, int], pos: int) -> str | None:
    """The currency a change read at pos is measured in: said in its clause ('growing 4.5% in yuan terms'), else the
    currency of an amount in the same frame when it is not the dollar or the euro ('0.62 trillion yuan, up 4.5%')."""
    from .clauses import clause_bounds
    from .numbers import amounts, terms_in

    c0, c1 = clause_bounds(r.text, pos)
    said = terms_in(r.text, c0, c1)
    if said:
        return said
    foreign = [a.currency for a in amounts(r.text, *region) if a.currency not in ("USD", "EUR")]
    return foreign[0] if foreign else None


# What may stand before a time that opens a sentence ("In", "During the", "Over", "Between").
FRONTED = re.compile(r"\s*(?:(?:In|During|Over|For|Between|From|Throughout|By|Across)\s+)?(?:the\s+)?$")
# "Over the same ten months", "in the same period": the period of the figure read before.
SAME_PERIOD = re.compile(r"\b(?:over|in|during|for)\s+the\s+same\s+(?:\w+\s+)?(?:months?|period|quarter|weeks)\b",
                         re.IGNORECASE)


def carry_period(r, fields: dict, *, change: bool) -> None:
    """A trade figure that names no period continues the period of the figure the previous sentence gave (a part of
    a year with its months, a fiscal year, or a year), and so does one that says 'over the same months' however far
    back that figure was; a figure whose sentence follows one without trade figures is left to the usual rule."""
    last = r.ctx.last_trade
    if last is None or not (r.ctx.trade_gap == 0 or search(SAME_PERIOD, r.text)):
        return
    year, partial, fiscal = getattr(last, "year", None), getattr(last, "partial", None), getattr(last, "fiscal", None)
    if not (year or partial or fiscal):
        return
    said = []
    if partial:
        fields["partial"] = partial
        if getattr(last, "months", None):
            fields["months"] = list(last.months)
        said.append(partial.strip())
    if fiscal:
        fields["fiscal"] = fiscal
        said.append(fiscal)
    if year:
        fields["year"] = year
        said.append(str(year))
        if change:
            fields.update({"base_year": year - 1, "yoy": True})
    fields["period_note"] = f"the period of the figure before it ({', '.join(said)})"

# A change's end value with its own year right after its verb: "doubled to EUR 2.8 billion in 2022", "rose 9% to
# $5 billion in 2023" (the year belongs to the change, whatever year an earlier figure of the clause carries).
TO_VALUE_YEAR = re.compile(r"(?:\s+by\s+[\d.,]+\s?(?:%|percent|per\s+cent))?\s+to\s+(?:a\s+record\s+(?:of\s+)?)?"
                           r"(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|just\s+over\s+)?"
                           r"(?:(?:US)?\$|€|USD\s?|EUR\s?)?\d[\d.,]*\s?(?:trillion|billion|million|tn|bn|mn)?\s*"
                           r"(?:euros?|dollars|rubles|roubles|yuan)?\s+(?:in|for)\s+(?P<y>(?:19|20)\d\d)\b(?!\s*[-–/])",
                           re.IGNORECASE)


def end_year_after(r, pos: int, region: tuple[int, int], fields: dict) -> None:
    """A change whose end value follows it with a year ('..., which had been EUR 1.4 billion in 2021, doubled to
    EUR 2.8 billion in 2022'): that year is the change's; the base is the year of a figure written before it in the
    region when earlier, else the year before (a 'since' stays the base it states)."""
    m = TO_VALUE_YEAR.match(r.text, pos)
    if m is None or m.end() > region[1]:
        return
    year = int(m.group("y"))
    earlier = [tm.year for tm in r.times if region[0] <= tm.start and tm.end <= pos and tm.kind == "year"
               and tm.year and tm.year < year]
    fields["year"] = year
    if fields.get("since"):
        return
    fields["base_year"] = earlier[-1] if earlier else year - 1
    fields["yoy"] = not earlier
    for key in ("partial", "months", "period_note"):
        fields.pop(key, None)
