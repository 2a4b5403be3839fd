"""Reading ranks among trade partners: '<B> is <A>'s largest trading partner', 'the main trading partner of <A>',
'<A>'s top partner is <B>', '<B> overtook <C> to become <A>'s largest partner', '<B> ranks second among <A>'s
partners', 'the main destination for <A>'s exports', 'the largest source of <A>'s imports', 'its third-largest
export market, behind <C> and <D>'; a crossover stated with the rank becomes a comparison claim too."""

from __future__ import annotations

import re

from .clauses import resolve_period, time_for
from .numbers import ORDINALS, YEAR
from .sentence import E, EL
from .shares import SHARE
from .prefilter import finditer

_ORD_WORDS = "|".join(sorted((w for w in ORDINALS if "-" not in w), key=len, reverse=True))
RANKWORD = (rf"(?P<rk>(?:(?:{_ORD_WORDS}|\d(?:st|nd|rd|th))[- ](?:largest|biggest|most important|main)|main|largest|"
            rf"biggest|top|leading|principal|primary|key|number[- ]one|No\.\s?1|first|second|third|fourth|fifth))")
# What a rank is of: trade partners (turnover), export markets and destinations (exports), sources and suppliers
# (imports).
PARTNER = r"(?:(?:trade|trading|trade and economic|economic|commercial|foreign trade)\s+)?partners?"
EXPORT_NOUN = r"(?:export\s+(?:market|destination|partner)s?|(?:market|destination|buyer)s?\s+for\s+" \
              r"(?:(?:the\s+)?(?P<whose_x>{E})\s+|its\s+|their\s+)?(?:exports|goods|products))"
IMPORT_NOUN = r"(?:import\s+(?:source|partner|supplier)s?|(?:source|supplier|origin)s?\s+of\s+" \
              r"(?:(?:the\s+)?(?P<whose_m>{E})\s+|its\s+|their\s+)?imports|suppliers?)"
TARGET = rf"(?:(?P<pn>{PARTNER})|(?P<xn>{EXPORT_NOUN.format(E=E)})|(?P<mn>{IMPORT_NOUN.format(E=E)}))"
BE = r"(?:is|was|ha[sd]\s+(?:also\s+|long\s+|again\s+|still\s+|already\s+)?been|remains|remained|became|has become|had become|is now|is still|will remain|stays|stayed)"
ADV = r"(?:now\s+|still\s+|already\s+|again\s+|also\s+|only\s+|by far\s+|firmly\s+)*"
_SUBJ = rf"(?P<b>{E}|It|it)"
PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    rf"{_SUBJ}\s+(?:{BE}|is|was)\s+{ADV}(?:the\s+)?{RANKWORD}\s+{TARGET}(?:\s+(?:of|for|to)\s+(?:both\s+|each\s+of\s+"
    rf"|all\s+)?(?:the\s+)?(?P<whose>{EL}))?",
    rf"{_SUBJ}\s+(?:{BE}|is|was)\s+{ADV}(?P<whose>{EL})\s+{RANKWORD}\s+{TARGET}",
    rf"(?P<whose>{E})\s+{RANKWORD}\s+{TARGET}\s+(?:{BE}|is|was)\s+(?P<b2>{E})",
    rf"(?P<b3>{E})\s+(?:overtook|has\s+overtaken|had\s+overtaken|overtaking|surpassed|has\s+surpassed|"
    rf"replaced|has\s+replaced|displaced|has\s+displaced|outstripped|overtakes|eclipsed|has\s+eclipsed|"
    rf"eclipsing)\s+(?P<c>{E})\s+(?:to\s+become|as)\s+(?:the\s+)?(?:(?P<whose>{E})\s+)?{RANKWORD}\s+{TARGET}"
    rf"(?:\s+(?:of|for)\s+(?:all\s+|both\s+|each\s+of\s+)?(?:the\s+)?(?P<whose2>{EL}))?",
    rf"(?P<c>{E})\s+(?:has\s+)?(?:lost|ceded|surrendered|gave\s+up)\s+(?:its\s+|their\s+|the\s+|{E}\s+)?(?:position|place|"
    rf"status|spot|title|role|rank)\s+as\s+(?:the\s+)?(?P<whose>{E})\s+{RANKWORD}\s+{TARGET}\s+to\s+(?P<b5>{E})",
    rf"(?:making|made|makes|leaving|keeping|to\s+make|calls|called|calling|dubbed|(?:placed|places|place|ranked|ranks|named|names|listed|lists|put|puts|described|describes|"
    rf"showed|shows|show|identified|identifies)\s+(?P<as>))\s*(?P<b4>{E})\s+(?(as)as\s+)(?:the\s+)?(?P<whose>{E})\s+"
    rf"{RANKWORD}\s+{TARGET}",
    rf"{_SUBJ}\s+(?:ranks?|ranked|occupies|occupied|takes|took|holds|held|is\s+in|was\s+in|came|comes|stood|"
    rf"stands)\s+(?:in\s+)?(?:a\s+)?(?:confident\s+|clear\s+)?(?P<rk>first|second|third|fourth|fifth|1st|2nd|3rd|4th|"
    rf"5th|top)\s+(?:place\s+|position\s+|spot\s+)?(?:among|in|on\s+the\s+list\s+of)\s+(?P<whose>{E})\s+"
    rf"(?:(?P<among>{E})\s+)?(?:(?:main|foreign|leading|largest)\s+)?(?:trade\s+|trading\s+|foreign\s+trade\s+|"
    rf"economic\s+)?"
    rf"(?:(?P<pn2>partners|turnover)|(?P<xn2>export\s+(?:markets|destinations|partners))|"
    rf"(?P<mn2>import\s+(?:sources|partners|suppliers)|suppliers))",
    # the top of a list: "put B at the top of A's trading partners", "B was at the top of A's partners", "B topped
    # the list of A's export markets"
    rf"(?:(?:placed|places|put|puts|ranked|ranks|showed|shows|show)\s+)?(?P<b4>{E})\s+(?:(?:is|was|sat|sits|stood|stands|"
    rf"remained|remains|came|comes|stayed)\s+)?(?:at\s+the\s+(?P<rk>top)\s+of|(?P<rk2>top)ped)\s+(?:the\s+list\s+of\s+)?"
    rf"(?P<whose>{E})\s+(?:(?:main|foreign|leading|largest)\s+)?(?:trade\s+|trading\s+|foreign\s+trade\s+|economic\s+)?"
    rf"(?:(?P<pn2>partners)|(?P<xn2>export\s+(?:markets|destinations|partners))|"
    rf"(?P<mn2>import\s+(?:sources|partners|suppliers)|suppliers))",
)]
# "..., but only its third-largest export market": a second rank of the same partner in a compound sentence.
CONTINUED = re.compile(rf"\s*,?\s*(?:but|and|while|yet|whereas)\s+(?:is\s+|was\s+)?(?:only\s+|just\s+|also\s+)?"
                       rf"(?:the\s+|its\s+|their\s+)?(?:(?P<whose>{E})\s+)?{RANKWORD}\s+{TARGET}", re.IGNORECASE)
FOLLOWED = re.compile(rf"(?:\s+(?:in|for)\s+\d{{4}})?,?\s+followed\s+by\s+(?P<next>{EL})")
OVERTAKING = re.compile(rf"(?:\s+(?:in|by|since)\s+\d{{4}})?,?\s+(?:overtaking|surpassing|displacing|replacing|eclipsing)\s+"
                        rf"(?P<c>{E})")
# "... in Europe", "among its Asian partners": a rank within a region (country_converter's continents, without China
# and Russia, the two powers the project compares; the EU's member states).
REGION = re.compile(rf"\s+(?:in|among|within|of)\s+(?:the\s+|its\s+)?(?:(?P<eu>{E})(?:\s+(?:partners|neighbours|"
                    rf"neighbors))?|(?P<region>Europe|Asia|Africa|Oceania|the\s+Americas|America))(?!\w)", re.IGNORECASE)
# "..., and fourth worldwide after India and Iran": a second rank with no noun of its own.
CONTINUED_BARE = re.compile(rf"\s*,?\s*(?:and|but|while|yet)\s+(?:is\s+|ranks?\s+|ranked\s+)?(?:only\s+)?(?P<rk>{_ORD_WORDS}|"
                            rf"\d(?:st|nd|rd|th))(?:[- ](?:largest|biggest))?\s+(?:in\s+the\s+world|worldwide|globally|"
                            rf"overall|among\s+all\s+(?:its\s+|their\s+)?partners)", re.IGNORECASE)
# Figures given with a rank: "..., supplying $4.8 billion, over a third of all imports", "with 14.2% of
# Uzbekistan's trade turnover in 2021 (12.9% in 2020)".
_LEAD = r"(?:\s+(?:in|for)\s+\d{4}|\s+(?:the|a)\s+year\s+(?:before|earlier)\s*\(\d{4}\))?,?\s+"  # "(2020)": its year
AMOUNT_APP = re.compile(rf"{_LEAD}(?:with|supplying|providing|worth|accounting\s+for|buying|taking|at)\s+(?:(?:bilateral\s+|"
                        rf"mutual\s+|total\s+)?(?:trade(?:\s+turnover)?|turnover)\s+(?:reaching|of|at|totall?ing|worth|amounting\s+to|"
                        rf"surpassing|exceeding|hitting)\s+)?(?P<amt>(?:US\$|\$|USD|€)\s?[\d.,]+\s?(?:trillion|billion|million|"
                        rf"tn|bn|mn)?)", re.IGNORECASE)
# An earlier amount of the same scope after a rank's amount: "with $9 billion of trade, up from $8 billion in 2020".
UP_FROM = re.compile(r"(?:\s+(?:of|in)\s+(?:bilateral\s+|total\s+|mutual\s+)?(?:trade|turnover|exports|imports))?,?\s+"
                     r"(?:up|down|rising|falling|growing)\s+from\s+(?P<amt>(?:US\$|\$|USD|€)\s?[\d.,]+\s?(?:trillion|"
                     r"billion|million|tn|bn|mn)?)\s+(?:in|a\s+year\s+earlier\s+in)\s+(?P<y>\d{4})\b", re.IGNORECASE)
SHARE_APP = re.compile(rf"{_LEAD}(?:(?:supplying|accounting\s+for|taking|buying|providing|with|making\s+up|or)\s+)?"
                       rf"(?:a\s+)?(?:(?:whopping|mere|hefty|massive|modest|staggering)\s+)?(?P<num>{SHARE})(?:\s+(?:share\s+)?of\s+(?:(?:all|the|its|their|total|overall|{E})\s+)*"
                       rf"(?:(?:foreign\s+|external\s+)?(?:trade(?:\s+turnover)?|turnover|imports|exports|purchases|"
                       rf"sales|them|the\s+total|total))?)?(?:\s+in\s+(?P<y>{YEAR}))?", re.IGNORECASE)
PAREN_SHARE = re.compile(rf"\s*\(\s*(?P<num>\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent))\s+in\s+(?P<y>{YEAR})\s*\)")
# "..., behind China" / "after China and Russia": the partners ranked above.
BEHIND = re.compile(rf"(?:\s+(?:in|for)\s+\d{{4}})?,?\s+(?:behind|after|trailing(?:\s+only)?)\s+(?:only\s+)?"
                    rf"(?P<above>{EL})")


def rank_of(word: str) -> int:
    """'second-largest' → 2, '3rd biggest' → 3, 'main' → 1."""
    word = word.lower()
    m = re.match(r"(\d+)", word)
    if m:
        return int(m.group(1))
    head = re.split(r"[- ]", word)[0]
    return ORDINALS.get(head, 1)


def _flow(gd: dict, text: str) -> str:
    if gd.get("xn") or gd.get("xn2"):
        return "export"
    if gd.get("mn") or gd.get("mn2"):
        return "import"
    return "export" if re.search(r"\bexport", text) else "import" if re.search(r"\bimport", text) else "turnover"


# "..., while Turkey ranked only fourth with 6.1%": a rank in the share the sentence just gave (its country and flow).
BARE = re.compile(rf"(?P<b>{E})\s+(?:ranked|ranks|came|comes|stood|was|is)\s+(?:only\s+|just\s+)?(?P<rk>{_ORD_WORDS}|"
                  rf"\d(?:st|nd|rd|th))(?:\s+place)?(?!\s+(?:among|in|on|largest|biggest|[\w-]+\s+partner))",
                  re.IGNORECASE)


def read_ranks(r) -> None:
    for pattern in PATTERNS:
        for m in finditer(pattern, r.masked):
            if r.overlaps_used(m.start(), m.end()):
                continue
            _rank(r, m)
    shares = [c for c in r.claims if c.type == "share"]
    for m in finditer(BARE, r.masked):
        partner = r.codes(m.start("b"), m.end("b"))
        if not shares or not partner or r.overlaps_used(m.start(), m.end()):
            continue
        base = shares[-1].payload
        if set(partner) & set(base.country):
            continue
        fields = {"country": list(base.country), "partner": partner, "flow": base.flow, "value": rank_of(m.group("rk")),
                  "unit": "rank", "reporter": list(base.reporter) or None, "basis": base.basis}
        for key in ("year", "partial", "months", "fiscal"):
            if getattr(base, key):
                fields[key] = getattr(base, key)
        r.add("rank", m.start(), m.end(), fields)
        r.take(m.start(), m.end())
        _figures(r, m.end(), list(base.country), partner, fields)


def _rank(r, m) -> None:
    gd = m.groupdict()
    key = next(k for k in ("b", "b2", "b3", "b4", "b5") if gd.get(k))
    partner = r.codes(m.start(key), m.end(key))
    whose = []
    for k in ("whose", "whose2", "whose_x", "whose_m"):
        if gd.get(k):
            whose = r.codes(m.start(k), m.end(k))
            break
    whose = [w for w in whose if w not in partner]
    if not partner or not whose:
        return
    text = m.group(0)
    flow = _flow(gd, text)
    fields = {"country": whose, "partner": partner, "flow": flow, "value": rank_of(gd["rk"] or gd.get("rk2")),
              "unit": "rank"}
    if re.search(r"\ball\b|\beach\b|\bevery\b|\bboth\b", text, re.IGNORECASE):
        fields["all"] = True
    if r.reporter:
        fields["reporter"] = r.reporter_codes
    if gd.get("among"):
        fields["among"] = r.codes(m.start("among"), m.end("among"))
    end = m.end()
    region = REGION.match(r.masked, end)
    if region:
        code = (r.code_at(region.start("eu")) or r.org_at(region.start("eu"))) if region.group("eu") else \
            f"REGION:{region.group('region').title()}"
        ment = r.by_start.get(region.start("eu")) if region.group("eu") else None
        if code in ("EUU", "EU27") or (code and code.startswith("REGION:")):
            fields["among"] = ["EU27" if code == "EUU" else code.replace("The Americas", "America")]
            end = region.end()
        elif ment is not None and (ment.kind == "group" or r.org_at(region.start("eu"))) and code not in partner:
            # "its largest trading partner in Central Asia", "first among its partners in the CIS": among that
            # group's (or organization's member) states
            fields["among"] = [code]
            end = region.end()
    behind = BEHIND.match(r.masked, end)
    if behind and fields["value"] > 1:
        fields["behind"] = r.codes(behind.start("above"), behind.end("above"))
        end = behind.end()
    resolve_period(r, time_for(r, m.start()), fields, change=False)
    since = [t for t in time_for(r, m.start()) if t.kind == "since" and t.year]
    if since and "year" not in fields:  # "has been Turkmenistan's biggest export market since 2011"
        fields.update({"since": True, "base_year": since[0].year})
    r.add("rank", m.start(), end, fields)
    r.take(m.start(), end)
    if len(partner) == 1:
        end = _figures(r, end, whose, partner, fields)
    followed = FOLLOWED.match(r.masked, end)
    if followed and fields["value"] == 1:  # "..., followed by China and Kazakhstan": ranks 2, 3, ...
        for i, nxt in enumerate(r.codes(followed.start("next"), followed.end("next")), start=2):
            more = dict(fields, partner=[nxt], value=i)
            r.add("rank", followed.start("next"), followed.end(), more)
        r.take(followed.start(), followed.end())
    cont = CONTINUED.match(r.masked, end) or CONTINUED_BARE.match(r.masked, end)
    if cont:
        gd2 = cont.groupdict()
        whose2 = ([w for w in r.codes(cont.start("whose"), cont.end("whose")) if w not in partner]
                  if gd2.get("whose") else []) or whose
        fields2 = dict(fields, country=whose2, flow=_flow(gd2, cont.group(0)), value=rank_of(gd2["rk"]))
        for key in ("behind", "among"):
            fields2.pop(key, None)
        stop = cont.end()
        behind = BEHIND.match(r.masked, stop)
        if behind and fields2["value"] > 1:  # "fourth worldwide after India and Iran"
            fields2["behind"] = r.codes(behind.start("above"), behind.end("above"))
            stop = behind.end()
        r.add("rank", cont.start("rk"), stop, fields2)
        r.take(cont.start(), stop)
        if len(partner) == 1:
            _figures(r, stop, whose2, partner, fields2)
    # "..., overtaking Russia": the rank came with a crossover
    after = OVERTAKING.match(r.masked, m.end())
    rival_at = (m.start("c"), m.end("c")) if gd.get("c") else ((after.start("c"), after.end("c")) if after else None)
    if rival_at:
        rival = r.codes(*rival_at)
        cmp_fields = {"country": whose, "leader": partner, "laggard": rival, "flow": flow, "relation": "overtook",
                      "year": fields.get("year")}
        if r.reporter:
            cmp_fields["reporter"] = r.reporter_codes
        r.add("comparison", m.start(), m.end(), cmp_fields)


def _figures(r, end: int, whose, partner, fields) -> int:
    """The amounts and shares given right after a rank, in a chain ('supplying $4.8 billion, over a third of all
    imports'; 'with 14.2% of its trade in 2021 (12.9% in 2020)'): level and share claims for the partner."""
    from .numbers import amounts, share_at

    base = {"country": whose, "partner": partner, "flow": fields["flow"], "reporter": fields.get("reporter"),
            **{k: fields[k] for k in ("partial", "months", "fiscal", "basis") if fields.get(k)}}
    while True:
        m = AMOUNT_APP.match(r.masked, end)
        if m:
            found = amounts(r.text, m.start("amt"), m.end("amt"))
            if found and not r.overlaps_used(found[0].start, found[0].end):
                a = found[0]
                r.add("level", a.start, a.end, {**base, "value": a.value, "unit": a.currency, "hedge": a.hedge,
                                                "half_unit": a.half_unit, "year": fields.get("year")})
                r.take(a.start, a.end)
            end = m.end()
            earlier = UP_FROM.match(r.masked, end)  # "..., up from $8 billion in 2020": the same scope that year
            found = amounts(r.text, earlier.start("amt"), earlier.end("amt")) if earlier else []
            if found and not r.overlaps_used(found[0].start, found[0].end):
                a = found[0]
                r.add("level", a.start, earlier.end(), {**base, "value": a.value, "unit": a.currency, "hedge": a.hedge,
                                                        "half_unit": a.half_unit, "year": int(earlier.group("y"))})
                r.take(a.start, a.end)
                end = earlier.end()
            continue
        m = SHARE_APP.match(r.masked, end) or PAREN_SHARE.match(r.masked, end)
        if not m:
            return end
        pct = share_at(r.text, m.start("num"), m.end("num"))
        if pct is None or r.overlaps_used(pct.start, pct.end):
            return end
        year = int(m.group("y")) if m.group("y") else fields.get("year")
        r.add("share", pct.start, m.end(), {**base, "value": pct.value, "unit": "share", "hedge": pct.hedge,
                                            "half_unit": pct.half_unit, "year": year})
        r.take(pct.start, pct.end)
        end = m.end()