"""Reading comparisons of economies and populations: one state's GDP or population as a multiple of another's ('the
GDP of A is about four times that of B'), larger or smaller than others' ('A's economy is larger than those of the
other four Central Asian states combined'), a rank within a group ('the most populous Central Asian state', 'the
largest economy in the SCO', 'the region's second-largest economy'), and a population given in an apposition ('A,
with a population of 36 million, ...')."""

from __future__ import annotations

import re

from .numbers import HEDGE_WORDS, NUM, RATIO, hedge_before, hedge_id, parse_number, ratio_value
from .sentence import E, EL

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
_SUP = r"(?P<sup>most\s+populous|least\s+populous|largest|biggest|smallest)"
RANK = re.compile(rf"(?P<a>{E})(?:\s*,[^,;.]{{3,60}},)?\s+{_BE}\s+(?:the\s+)?(?:(?P<reg0>{E})(?:['’]s)?\s+)?{_ORD}{_SUP}\s+"
                  rf"(?:(?P<reg1>{E})\s+)?(?P<noun>economy|economies|state|country|nation|member(?:\s+state)?)?"
                  rf"(?:\s+(?:in|of|among|within)\s+(?:the\s+)?(?P<reg2>{EL}))?", re.IGNORECASE)
POPULATION_APPOSITION = re.compile(rf"(?P<a>{E})\s*,\s+(?:with|having)\s+(?:a\s+)?population\s+of\s+(?P<n>(?:about\s+|"
                                   rf"around\s+|some\s+|nearly\s+|over\s+|more\s+than\s+|almost\s+)?{NUM}\s*(?:million|"
                                   rf"billion))", re.IGNORECASE)
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}


def _measure(word: str) -> str:
    return "population" if "popul" in word.lower() else "gdp"


def read_economy_comparisons(r, year: int | None) -> None:
    """Add the macro claims of a sentence's comparisons (see the module docstring)."""
    for pattern in RATIOS:
        for m in pattern.finditer(r.masked):
            a, b = r.codes(m.start("a"), m.end("a")), r.codes(m.start("b"), m.end("b"))
            value = ratio_value(m.group("ratio"))
            if a and b and value and not set(a) & set(b) and not r.overlaps_used(m.start(), m.end()):
                hedge = hedge_id(re.sub(r"\s+", " ", m.group("h") or "").lower() or None)
                r.add("macro", m.start(), m.end(), {"country": a, "rival": b, "measure": _measure(m.group("meas")),
                                                    "unit": "ratio", "value": value, "hedge": hedge, "year": year})
                r.take(m.start(), m.end())
    for pattern in LARGER:
        for m in pattern.finditer(r.masked):
            a, b = r.codes(m.start("a"), m.end("a")), r.codes(m.start("b"), m.end("b"))
            if a and b and not set(a) & set(b) and not r.overlaps_used(m.start(), m.end()):
                smaller = m.group("cmp").lower() in ("smaller", "lower")
                r.add("macro", m.start(), m.end(), {"country": a, "rival": b, "measure": _measure(m.group("meas")),
                                                    "unit": "ratio", "value": 1.0,
                                                    "hedge": "less than" if smaller else "more than", "year": year})
                r.take(m.start(), m.end())
    for m in POPULATION_APPOSITION.finditer(r.masked):
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
    for m in RANK.finditer(r.masked):
        a = r.codes(m.start("a"), m.end("a"), ("country",))
        key = next((k for k in ("reg0", "reg1", "reg2") if m.group(k)), None)
        region = r.codes(m.start(key), m.end(key)) or ([r.org_at(m.start(key))] if r.org_at(m.start(key)) else []) \
            if key else []
        sup = m.group("sup").lower()
        noun = (m.group("noun") or "").lower()
        measure = "population" if "populous" in sup else "gdp" if noun.startswith("econom") else None
        if len(a) != 1 or not region or measure is None or r.overlaps_used(m.start("sup"), m.end()):
            continue  # 'the largest state' (by area?) or no group named: not read
        rank = _ORDINALS.get((m.group("ord") or "").lower(), 1)
        r.add("macro", m.start(), m.end(), {"country": a, "region": region, "measure": measure, "unit": "rank",
                                            "value": float(rank), "lowest": sup.startswith(("least", "smallest")),
                                            "year": year})
        r.take(m.start(), m.end())
