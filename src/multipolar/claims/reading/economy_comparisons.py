"""Reading comparisons of economies and populations: one state's GDP or population as a multiple of another's ('the
GDP of A is about four times that of B'), larger or smaller than others' ('A's economy is larger than those of the
other four Central Asian states combined'), a rank within a group ('the most populous Central Asian state', 'the
largest economy in the SCO', 'the region's second-largest economy'), and a population given in an apposition ('A,
with a population of 36 million, ...')."""

from __future__ import annotations

import re

from .numbers import HEDGE_WORDS, NUM, RATIO, hedge_before, hedge_id, parse_number, ratio_value
from .sentence import E, EL
from .prefilter import finditer

_MEAS = r"(?:GDP|gross\s+domestic\s+product|economy|economic\s+output|population)"
_BE = r"(?:is|was|are|were|has\s+been|remains|remained|is\s+now|became|has\s+become)"
_HEDGE = rf"(?P<h>{HEDGE_WORDS})?\s*"
_OF = r"(?:(?:that|those)\s+of\s+|the\s+size\s+of\s+|as\s+(?:large|big|high)\s+as\s+)?(?:the\s+)?(?:other\s+\w+\s+)?"
_SUBJECT = [rf"(?:the\s+)?(?P<meas>{_MEAS})\s+of\s+(?P<a>{E})", rf"(?P<a>{E})(?:['’]s)?\s+(?P<meas>{_MEAS})"]
RATIOS = [re.compile(rf"{s}\s+{_BE}\s+{_HEDGE}{RATIO}\s+(?:larger\s+than\s+|bigger\s+than\s+|{_OF})(?P<b>{EL})",
                     re.IGNORECASE) for s in _SUBJECT]
LARGER = [re.compile(rf"{s}\s+{_BE}\s+(?:much\s+|far\s+|considerably\s+|slightly\s+)?(?P<cmp>larger|bigger|greater|higher|"
                     rf"smaller|lower)\s+than\s+{_OF}(?P<b>{EL})(?P<comb>\s+(?:combined|together|put\s+together))?",
                     re.IGNORECASE) for s in _SUBJECT]
_ORD = r"(?:(?P<ord>second|third|fourth|fifth|2nd|3rd|4th|5th)[- ])?"
_SUP = r"(?P<sup>most\s+populous|least\s+populous|largest|biggest|smallest|poorest|richest|wealthiest)"
RANK = re.compile(rf"(?P<a>{E})(?:\s*,[^,;.]{{3,60}},)?\s+{_BE}\s+(?:the\s+)?(?:(?P<reg0>{E})(?:['’]s)?\s+)?{_ORD}{_SUP}\s+"
                  rf"(?:(?P<reg1>{E})\s+)?(?P<noun>economy|economies|state|country|nation|member(?:\s+state)?)?"
                  rf"(?:\s+(?:in|of|among|within)\s+(?:the\s+)?(?P<reg2>{EL}))?", re.IGNORECASE)
POPULATION_APPOSITION = re.compile(rf"(?P<a>{E})\s*,\s+(?:with|having)\s+(?:a\s+)?population\s+of\s+(?P<n>(?:about\s+|"
                                   rf"around\s+|some\s+|nearly\s+|over\s+|more\s+than\s+|almost\s+)?{NUM}\s*(?:million|"
                                   rf"billion))", re.IGNORECASE)
# "..., about $3 trillion more than B" right after a state's GDP figure: the gap between the two in the same year.
DIFFERENCE = re.compile(rf"(?:\s+in\s+(?:19|20)\d\d)?\s*,?\s+(?:or\s+|which\s+(?:is|was)\s+|i\.e\.\s+)?(?P<amt>(?:(?:about|"
                        rf"around|roughly|some|nearly|almost|over|more\s+than|just\s+over|just\s+under)\s+)?(?:US\$|\$|USD)"
                        rf"\s?[\d.,]+\s?(?:trillion|billion|million|tn|bn|mn)?)\s+(?P<cmp>more|less|larger|smaller|bigger|"
                        rf"higher|lower|above|below)\s+(?:than\s+)?(?:that\s+of\s+|those\s+of\s+)?(?:the\s+)?(?P<b>{EL})",
                        re.IGNORECASE)
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}


def _measure(word: str) -> str:
    return "population" if "popul" in word.lower() else "gdp"


def read_economy_comparisons(r, year: int | None) -> None:
    """Add the macro claims of a sentence's comparisons (see the module docstring)."""
    for pattern in RATIOS:
        for m in finditer(pattern, r.masked):
            a, b = r.codes(m.start("a"), m.end("a")), r.codes(m.start("b"), m.end("b"))
            value = ratio_value(m.group("ratio"))
            if a and b and value and not set(a) & set(b) and not r.overlaps_used(m.start(), m.end()):
                hedge = hedge_id(re.sub(r"\s+", " ", m.group("h") or "").lower() or None)
                r.add("macro", m.start(), m.end(), {"country": a, "rival": b, "measure": _measure(m.group("meas")),
                                                    "unit": "ratio", "value": value, "hedge": hedge, "year": year})
                r.take(m.start(), m.end())
    for pattern in LARGER:
        for m in finditer(pattern, r.masked):
            a, b = r.codes(m.start("a"), m.end("a")), r.codes(m.start("b"), m.end("b"))
            if a and b and not set(a) & set(b) and not r.overlaps_used(m.start(), m.end()):
                smaller = m.group("cmp").lower() in ("smaller", "lower")
                r.add("macro", m.start(), m.end(), {"country": a, "rival": b, "measure": _measure(m.group("meas")),
                                                    "unit": "ratio", "value": 1.0,
                                                    "hedge": "less than" if smaller else "more than", "year": year})
                r.take(m.start(), m.end())
    for m in finditer(POPULATION_APPOSITION, r.masked):
        a = r.codes(m.start("a"), m.end("a"), ("country",))
        number = re.search(rf"({NUM})\s*(million|billion)", m.group("n"))
        if not a or not number or r.overlaps_used(m.start("n"), m.end("n")):
            continue
        value, decimals = parse_number(number.group(1))
        scale = 1e9 if number.group(2).lower().startswith("b") else 1e6
        hedge = hedge_id(re.match(r"\s*(\w+(?:\s+than)?)", m.group("n")).group(1).lower()) or \
            hedge_before(r.text, m.start("n"))
        r.add("macro", m.start(), m.end(), {"country": a, "measure": "population", "value": value * scale,
                                            "unit": "people", "half_unit": 0.5 * 10 ** -decimals * scale,
                                            "hedge": hedge, "year": year})
        r.take(m.start("n"), m.end("n"))
    for m in finditer(RANK, r.masked):
        a = r.codes(m.start("a"), m.end("a"), ("country",))
        key = next((k for k in ("reg0", "reg1", "reg2") if m.group(k)), None)
        region = r.codes(m.start(key), m.end(key)) or ([r.org_at(m.start(key))] if r.org_at(m.start(key)) else []) \
            if key else []
        sup = m.group("sup").lower()
        noun = (m.group("noun") or "").lower()
        measure = "population" if "populous" in sup else "gdp per capita" if sup in ("poorest", "richest", "wealthiest") \
            else "gdp" if noun.startswith("econom") else None
        if len(a) != 1 or not region or measure is None or r.overlaps_used(m.start("sup"), m.end()):
            continue  # 'the largest state' (by area?) or no group named: not read
        rank = _ORDINALS.get((m.group("ord") or "").lower(), 1)
        r.add("macro", m.start(), m.end(), {"country": a, "region": region, "measure": measure, "unit": "rank",
                                            "value": float(rank), "lowest": sup.startswith(("least", "smallest", "poorest")),
                                            "year": year})
        r.take(m.start(), m.end())


def read_difference_after(r, end: int, who: list[str], year: int | None) -> None:
    """'A's GDP was $X in YEAR, about $N more than B's': the gap A − B (negative for 'less'), a `macro` claim with
    unit 'difference' judged on both states' figures of the same year."""
    from .numbers import amounts

    m = DIFFERENCE.match(r.masked, end)
    if not m:
        return
    b = r.codes(m.start("b"), m.end("b"))
    found = amounts(r.text, m.start("amt"), m.end("amt"))
    if not b or not found or set(b) & set(who) or r.overlaps_used(found[0].start, found[0].end):
        return
    a = found[0]
    sign = -1 if m.group("cmp").lower() in ("less", "smaller", "lower", "below") else 1
    r.add("macro", m.start("amt"), m.end(), {"country": who, "rival": b, "measure": "gdp", "unit": "difference",
                                             "value": sign * a.value, "hedge": a.hedge, "half_unit": a.half_unit,
                                             "year": year})
    r.take(m.start("amt"), m.end())


# A world ranking by GDP with each state's amount: "A ranks 90th with $40 billion, ahead of B ($9 billion, 140th)".
_AMT = r"(?:(?:about|around|roughly|some|nearly|almost|over|just\s+over|just\s+under)\s+)?(?:US\$|\$|USD)\s?[\d.,]+\s?" \
       r"(?:trillion|billion|million|tn|bn|mn)?"
# after a state's name (matched on the unmasked text, where bracketed asides are kept)
RANKED = [re.compile(p, re.IGNORECASE) for p in (
    rf"\s+(?:ranks|ranked|is|was|stands|stood|came|comes|placed)\s+(?:at\s+)?(?P<n>\d{{1,3}})(?:st|nd|rd|th)"
    rf"(?:\s+in\s+the\s+world)?\s+with\s+(?P<amt>{_AMT})",
    rf"\s*\(\s*(?P<amt>{_AMT})\s*,\s*(?P<n>\d{{1,3}})(?:st|nd|rd|th)\s*\)")]


def read_world_ranking(r, year: int | None) -> None:
    """In a sentence about a GDP ranking, each state's amount (its GDP, judged) and its place (unit 'world rank':
    a rank among every economy, which the checker does not rebuild: unverifiable, said so)."""
    if not re.search(r"\brank(?:s|ed|ing)?\b", r.text, re.IGNORECASE) or not re.search(r"\bGDP\b|\beconom", r.text):
        return
    from .numbers import amounts

    for x in [m for m in r.mentions if m.kind == "country" and not m.pronoun]:
        m = next((found for p in RANKED if (found := p.match(r.text, x.end))), None)
        found = amounts(r.text, m.start("amt"), m.end("amt")) if m else []
        if not found or r.overlaps_used(found[0].start, found[0].end):
            continue
        amt = found[0]
        r.add("macro", x.start, m.end(), {"country": [x.code], "measure": "gdp", "value": amt.value,
                                          "unit": amt.currency, "hedge": amt.hedge, "half_unit": amt.half_unit,
                                          "year": year})
        r.add("macro", x.start, m.end(), {"country": [x.code], "measure": "gdp", "value": float(m.group("n")),
                                          "unit": "world rank", "year": year})
        r.take(x.start, m.end())
