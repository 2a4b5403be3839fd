"""Arms claims stated in a with-clause after an arms figure: 'with China its top supplier at 41% of its arms
imports' (a rank and a share), 'with China supplying 82% of them' (a share of the arms imports just named, over the
same years), 'and A's share of B's imports fell to 45%' after arms imports were named (the same imports); and a
supplier's total to one recipient in trend-indicator values or dollars ('A has supplied 110 TIV of
arms to B since 2005, while C supplied only 4 TIV'), judged as SIPRI TIV."""

from __future__ import annotations

import re

from .clauses import window_of
from .numbers import hedge_before, share_at
from .ranks import rank_of
from .sentence import E, EL
from .shares import ARMS, ARMS_IMPORTS, RANK, SHARE, SUPPLIER
from .prefilter import finditer

# "..., receiving 30% of them", "... in 2016-2020, with a quarter of the deliveries": the share that goes with a rank
# just stated (of the same deliveries: the recipient's imports, or on the supplier's side its exports).
TRAILING_SHARE = re.compile(rf"(?:\s+(?:exports|imports|deliveries|sales))?(?:\s+(?:in|over|during|between)\s+[^,;.]{{4,25}}?)?\s*,?\s*(?:taking|receiving|getting|"
                            rf"absorbing|with|accounting\s+for|supplying|providing|delivering)\s+(?P<num>{SHARE})"
                            rf"(?:\s+of\s+(?:them|those|the\s+total|all|the\s+(?:{ARMS}|deliveries|transfers)"
                            rf"(?:\s+delivered)?|(?:its|their)\s+(?:total\s+)?(?:{ARMS}\s*)?(?:exports|imports|"
                            rf"deliveries|sales|purchases)))?(?=[\s,;.)]|$)", re.IGNORECASE)
# "Ukraine stood third among weapons suppliers for Georgia", "Italy came second among the suppliers of Qatar"
RANKED_AMONG = re.compile(rf"(?P<sup>{E})\s+(?:ranked|ranks|was\s+ranked|came|comes|placed|stood|was)\s+"
                          rf"(?:(?:the\s+)?{RANK}|first)\s+among\s+(?:the\s+)?(?:{ARMS}\s+)?{SUPPLIER}\s+(?:to|of|for)\s+"
                          rf"(?:the\s+)?(?P<rec>{E})", re.IGNORECASE)

_SHARE_VERB = r"(?:at|with|on|accounting\s+for|providing|supplying|making\s+up|delivering)"
WITH_RANKED = re.compile(
    rf"\bwith\s+(?P<sup>{E})\s+(?:as\s+)?(?:the\s+)?(?P<rec>{E})\s+{RANK}\s+(?:{ARMS}\s+)?{SUPPLIER}\s*,?\s+{_SHARE_VERB}\s+"
    rf"(?P<num>{SHARE})(?:\s+of\s+(?:{E}|the)\s+(?:total\s+)?(?:{ARMS}\s*)?(?:imports|purchases|acquisitions))?",
    re.IGNORECASE)
WITH_THEM = re.compile(rf"\bwith\s+(?P<sup>{EL})\s+(?:alone\s+)?(?:supplying|providing|accounting\s+for|delivering|"
                       rf"making\s+up|responsible\s+for)\s+(?P<num>{SHARE})\s+of\s+(?:them|those|these|the\s+total|"
                       rf"that\s+total|the\s+deliveries|all\s+of\s+them)\b", re.IGNORECASE)

# "..., while Russia's share of India's imports fell to 45%" once the sentence has named arms imports: their share
ELIDED_SHARE = re.compile(rf"(?P<sup>{E})(?:['’]s)?\s+share\s+(?:of|in)\s+(?P<rec>{E}(?:['’]s)?|its|their)\s+"
                          rf"(?:total\s+)?(?:imports|purchases|acquisitions)\s+(?:has\s+|had\s+)?(?:grew|rose|climbed|"
                          rf"increased|jumped|reached|was|stood|fell|dropped|declined|shrank)(?:\s+(?:to|at))?\s+"
                          rf"(?P<num>{SHARE})", re.IGNORECASE)


def read_elided_share(r) -> None:
    """A supplier's share of a state's 'imports' in a sentence that named arms imports before it."""
    for m in finditer(ELIDED_SHARE, r.masked):
        if r.overlaps_used(m.start(), m.end()) or not re.search(ARMS_IMPORTS, r.text[:m.start()]):
            continue
        sup = r.codes(m.start("sup"), m.end("sup"), ("country",))
        word = r.text[m.start("rec"):m.end("rec")].lower()
        rec = ([r.subject()] if r.subject() else []) if word in ("its", "their") else \
            r.codes(m.start("rec"), m.end("rec"))
        share = share_at(r.text, m.start("num"), m.end("num"))
        if not sup or not rec or share is None or sup == rec:
            continue
        when = window_of(r, m.start())
        if not when:  # the window the sentence named before ("in 2019-23 ..., and A's share of B's imports ...")
            before = [t for t in r.times if t.kind == "range" and t.start < m.start()]
            when = {"years": (before[-1].year, before[-1].year2)} if before else {}
        r.add("arms", m.start(), m.end(), {"supplier": sup, "recipient": rec, "relation": "share", "value": share.value,
                                           "hedge": share.hedge, "half_unit": share.half_unit, **when})
        r.take(m.start(), m.end())


# "in 2015-19 Russia supplied 80% of Kazakhstan's weapons, while China accounted for 40% of Turkmenistan's": the noun left
# out after a possessive is the arms imports of the share just read (its window too)
POSSESSIVE_ONLY = re.compile(rf"(?:,\s*|\s+)(?:while|and|whereas|but)\s+(?P<sup>{E})\s+(?:supplied|provided|delivered|"
                             rf"accounted\s+for|made\s+up)\s+(?P<num>{SHARE})\s+of\s+(?P<rec>{E})(?:['’]s?)?(?=\s*(?:[.;,]|$))",
                             re.IGNORECASE)


def read_possessive_only(r) -> None:
    """A second supplier's share of another recipient's arms imports, the noun left out after the possessive."""
    for m in finditer(POSSESSIVE_ONLY, r.masked):
        first = [c.payload for c in r.claims if c.type == "arms" and c.payload.relation == "share"
                 and c.payload.side == "imports"][-1:]
        sup, rec = r.codes(m.start("sup"), m.end("sup"), ("country",)), r.codes(m.start("rec"), m.end("rec"))
        share = share_at(r.text, m.start("num"), m.end("num"))
        possessive = re.search(r"['’]s?$", r.text[m.start("rec"):m.end()].rstrip())
        if not first or not possessive or not sup or not rec or share is None or sup == rec or \
                r.overlaps_used(m.start(), m.end()):
            continue
        when = {k: v for k, v in first[0].to_dict().items() if k in ("years", "span", "year", "base_year")}
        r.add("arms", m.start("sup"), m.end(), {"supplier": sup, "recipient": rec, "relation": "share",
                                                "value": share.value, "hedge": share.hedge,
                                                "half_unit": share.half_unit, **when})
        r.take(m.start("sup"), m.end())


def read_ranked_among(r) -> None:
    """'A ranked second among arms suppliers to B' (a rank of A among B's suppliers)."""
    for m in finditer(RANKED_AMONG, r.masked):
        sup, rec = r.codes(m.start("sup"), m.end("sup")), r.codes(m.start("rec"), m.end("rec"))
        rec = [c for c in rec if c not in sup]
        if not sup or not rec or r.overlaps_used(m.start(), m.end()):
            continue
        rank = rank_of(m.group("rk")) if m.group("rk") else 1
        r.add("arms", m.start(), m.end(), {"supplier": sup, "recipient": rec, "relation": "rank", "value": rank,
                                           **window_of(r, m.start())})
        r.take(m.start(), m.end())


def read_trailing_shares(r) -> None:
    """The share stated right after an arms rank ('X was Y's largest buyer, with 40% of them'): the same pair, side
    and window."""
    for c in [c for c in r.claims if c.type == "arms" and c.payload.relation == "rank"]:
        m = TRAILING_SHARE.match(r.masked, c.span[1] - r.s.start)
        share = share_at(r.text, m.start("num"), m.end("num")) if m else None
        if share is None or r.overlaps_used(m.start("num"), m.end("num")):
            continue
        p = c.payload
        when = {k: getattr(p, k) for k in ("years", "span", "base_year", "year") if getattr(p, k) is not None}
        r.add("arms", c.span[0] - r.s.start, m.end(), {
            "supplier": list(p.supplier), "recipient": list(p.recipient), "relation": "share", "side": p.side,
            "value": share.value, "hedge": share.hedge, "half_unit": share.half_unit,
            **(when or window_of(r, m.start("num")))})
        r.take(m.start("num"), m.end("num"))


def read_with_clauses(r) -> None:
    for m in finditer(WITH_RANKED, r.masked):
        sup, rec = r.codes(m.start("sup"), m.end("sup")), r.codes(m.start("rec"), m.end("rec"))
        rec = [c for c in rec if c not in sup]
        share = share_at(r.text, m.start("num"), m.end("num"))
        if not sup or not rec or share is None or r.overlaps_used(m.start(), m.end()):
            continue
        when = window_of(r, m.start())
        r.add("arms", m.start("sup"), m.end(), {"supplier": sup, "recipient": rec, "relation": "rank",
                                                "value": rank_of(m.group("rk")), **when})
        r.add("arms", m.start("sup"), m.end(), {"supplier": sup, "recipient": rec, "relation": "share",
                                                "value": share.value, "hedge": share.hedge,
                                                "half_unit": share.half_unit, **when})
        r.take(m.start(), m.end())
    for m in finditer(WITH_THEM, r.masked):
        before = [c for c in r.claims if c.type == "arms" and c.span[1] - r.s.start <= m.start()
                  and c.payload.side == "imports" and c.payload.recipient != ("WLD",)]
        sup = r.codes(m.start("sup"), m.end("sup"))
        share = share_at(r.text, m.start("num"), m.end("num"))
        if not before or not sup or share is None or r.overlaps_used(m.start(), m.end()):
            continue
        # "them": the arms imports the nearest claim before names, over its years
        first = max(before, key=lambda c: c.span[1]).payload
        when = {"years": first.years} if first.years else window_of(r, m.start())
        r.add("arms", m.start("sup"), m.end(), {"supplier": sup, "recipient": list(first.recipient),
                                                "relation": "share", "value": share.value, "hedge": share.hedge,
                                                "half_unit": share.half_unit, **when})
        r.take(m.start(), m.end())


# "110 TIV", "110 million TIV", "$804 million": SIPRI's trend-indicator values (millions), often written as dollars.
_AMT = r"(?P<amt>(?:US\$|\$)?\s?\d[\d.,]*\s*(?:(?P<scale>billion|million|bn|mn)\s*)?(?P<tiv>TIV\b)?)"
SUPPLIED = re.compile(rf"(?P<sup>{E})\s+(?:has\s+|had\s+|have\s+)?(?:supplied|delivered|sold|provided|exported|"
                      rf"transferred)\s+(?:(?:about|some|around|nearly|almost|over|more\s+than|only|just)\s+)?{_AMT}\s+"
                      rf"(?:(?:worth\s+)?of\s+|in\s+)?(?:{ARMS}\s+)?to\s+(?P<rec>{E})", re.IGNORECASE)
SUPPLIED_MORE = re.compile(rf"\s*,?\s*(?:while|and|but|whereas)?\s*(?P<sup>{E})\s+(?:(?:has\s+|had\s+)?(?:supplied|"
                           rf"delivered|sold|provided)\s+)?(?:(?:only|just|about|some|nearly|almost)\s+)?{_AMT}",
                           re.IGNORECASE)


def _tiv(r, m) -> tuple[float, float] | None:
    """(value in TIV units, half its last digit) of an amount written as TIV or dollars; None without either mark."""
    text = m.group("amt")
    if not m.group("tiv") and "$" not in text:
        return None
    number = re.search(r"\d[\d,]*(?:\.\d+)?", text).group(0).replace(",", "")
    decimals = len(number.split(".")[1]) if "." in number else 0
    scale = {"billion": 1e9, "bn": 1e9}.get((m.group("scale") or "").lower(), 1e6)
    return float(number) * scale, 0.5 * 10 ** -decimals * scale


def read_supplied_totals(r) -> None:
    for m in finditer(SUPPLIED, r.masked):
        sup, rec = r.codes(m.start("sup"), m.end("sup")), r.codes(m.start("rec"), m.end("rec"))
        amount = _tiv(r, m)
        if not sup or not rec or amount is None or r.overlaps_used(m.start(), m.end()):
            continue
        when = window_of(r, m.start())
        fields = {"recipient": rec, "relation": "total", "amount": True, **when}
        r.add("arms", m.start(), m.end(), {**fields, "supplier": sup, "value": amount[0], "half_unit": amount[1],
                                           "hedge": hedge_before(r.text, m.start("amt"), 15)})
        end = m.end()
        while (more := SUPPLIED_MORE.match(r.masked, end)) is not None and (amount := _tiv(r, more)) is not None:
            other = r.codes(more.start("sup"), more.end("sup"))
            if other:
                r.add("arms", more.start("sup"), more.end(), {**fields, "supplier": other, "value": amount[0],
                                                              "half_unit": amount[1]})
            end = more.end()
        r.take(m.start(), end)


# "China supplied 74% of Pakistan's arms imports, Russia 6.6% and Italy 5.9%"; "35% of China's deliveries went to
# Pakistan, with Bangladesh next at 19%": further states with their shares of the same arms, the verb left out
ELIDED_MORE = re.compile(rf"(?:\s+(?:in|over|during)\s+[^,;.⟨]{{4,20}}?)?\s*,?\s*(?:and\s+|with\s+|while\s+)?"
                         rf"(?:the\s+)?(?P<state>{E})\s+(?:(?:was\s+|came\s+|coming\s+)?(?:next|second|third)\s+)?"
                         rf"(?:(?:with|at|on)\s+)?(?P<num>{SHARE})(?!\s+of\b)(?=[\s,;.)]|$)", re.IGNORECASE)


def read_elided_more(r, end: int, first) -> None:
    """Each further state of a list that continues a share just read, judged on its own share: the other supplier
    of the same recipient's imports, or (on the supplier's side) the other buyer. A hedge counts only for the figure
    it stands before."""
    while (m := ELIDED_MORE.match(r.masked, end)) is not None:
        state = r.codes(m.start("state"), m.end("state"), ("country",))
        share = share_at(r.text, m.start("num"), m.end("num"))
        fields = first.to_dict()
        role = "recipient" if fields.get("side") == "exports" else "supplier"
        other = "supplier" if role == "recipient" else "recipient"
        if len(state) != 1 or share is None or state[0] in fields.get(other, []) or r.overlaps_used(m.start(), m.end()):
            return
        fields.update({role: state, "value": share.value, "hedge": share.hedge, "half_unit": share.half_unit})
        r.add("arms", m.start("state"), m.end(), fields)
        r.take(m.start(), m.end())
        end = m.end()


# "France displaced the US as India's second-largest arms supplier": the one ranked n-th in the window, the other n-th
# in the five years before it (the window named in the sentence; SIPRI's windows are compared with the one before)
DISPLACED = re.compile(rf"(?P<sup>{E})\s+(?:has\s+|had\s+)?(?:displaced|replaced|overtook|overtaken|supplanted|"
                       rf"ousted|edged\s+out|pushed\s+out)\s+(?:the\s+)?(?P<old>{E})\s+(?:to\s+become|as)\s+(?:the\s+)?(?P<rec>{E})"
                       rf"(?:['’]s)?\s+(?:single\s+)?{RANK}\s+(?:{ARMS}\s+)?{SUPPLIER}", re.IGNORECASE)


def read_displaced(r) -> None:
    """A supplier taking another's rank among a recipient's arms suppliers: two rank claims, one per window."""
    for m in DISPLACED.finditer(r.masked):
        sup, old = r.codes(m.start("sup"), m.end("sup"), ("country",)), r.codes(m.start("old"), m.end("old"), ("country",))
        rec = r.codes(m.start("rec"), m.end("rec"), ("country",))
        arms = re.search(r"arms|weapon", m.group(0), re.IGNORECASE) or re.search(ARMS_IMPORTS, r.text)
        ranges = [t for t in r.times if t.kind == "range"]
        if len(sup) != 1 or len(old) != 1 or len(rec) != 1 or not arms or not ranges or \
                r.overlaps_used(m.start(), m.end()):
            continue
        later = (ranges[-1].year, ranges[-1].year2)
        earlier = (2 * later[0] - later[1] - 1, later[0] - 1)
        rank = rank_of(m.group("rk"))
        for who, years in ((sup, later), (old, earlier)):
            r.add("arms", m.start(), m.end(), {"supplier": who, "recipient": rec, "relation": "rank", "value": rank,
                                               "years": years})
        r.take(m.start(), m.end())
