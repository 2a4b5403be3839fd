"""Reading a state's size stated as a profile ('Georgia numbered 3.7 million people in 2018, with a GDP of $17.6 billion,
that is $4,700 a head'): its population, its GDP and its GDP per head, each a `macro` claim of the same year."""

from __future__ import annotations

import re

from .numbers import MONEY, YEAR, amounts, parse_number
from .sentence import E
from .prefilter import finditer

_MONEY = MONEY
HAD_PEOPLE = re.compile(rf"(?P<who>{E})\s+(?:had|has|counted|numbered)\s+(?:a\s+population\s+of\s+)?(?P<n>(?:(?:about|"
                        rf"around|some|nearly|almost|over|more\s+than)\s+)?\d+(?:\.\d+)?\s*(?:million|billion))"
                        rf"(?:\s+(?:inhabitants|people|residents|citizens))?", re.IGNORECASE)
AND_GDP = re.compile(rf"(?:\s+in\s+{YEAR})?\s*,?\s+(?:and|with)\s+(?:a\s+)?(?:GDP|gross\s+domestic\s+product)\s+of\s+"
                     rf"(?P<amt>{_MONEY})(?:\s+(?:at|in)\s+current\s+(?:prices|dollars|US\s+dollars))?", re.IGNORECASE)
PER_HEAD = re.compile(rf"\s*,?\s+(?:or|i\.e\.|that\s+is)\s+(?P<amt>{_MONEY})\s+(?:per\s+(?:head|capita|person|"
                      rf"inhabitant)|a\s+head)", re.IGNORECASE)


def read_profile(r, year: int | None) -> None:
    """The population, then the GDP and the GDP per head that follow it in the same clause."""
    for m in finditer(HAD_PEOPLE, r.masked):
        who = r.codes(m.start("who"), m.end("who"))
        number = re.search(r"(\d+(?:\.\d+)?)\s*(million|billion)", m.group("n"))
        if not who or not number or r.overlaps_used(m.start(), m.end()):
            continue
        value, decimals = parse_number(number.group(1))
        scale = 1e9 if number.group(2).lower() == "billion" else 1e6
        hedge = re.match(r"(about|around|some|nearly|almost|over|more\s+than)\s", m.group("n"))
        r.add("macro", m.start(), m.end(), {"country": who, "measure": "population", "value": value * scale,
                                            "unit": "people", "half_unit": 0.5 * 10 ** -decimals * scale,
                                            "hedge": _hedge(hedge.group(1)) if hedge else None, "year": year})
        r.take(m.start(), m.end())
        end = m.end()
        for pattern, measure in ((AND_GDP, "gdp"), (PER_HEAD, "gdp per capita")):
            g = pattern.match(r.masked, end)
            found = amounts(r.text, g.start("amt"), g.end("amt"), small=measure != "gdp") if g else None
            if not found:
                continue
            a = found[0]
            r.add("macro", g.start("amt"), g.end(), {"country": who, "measure": measure, "value": a.value,
                                                     "unit": a.currency, "hedge": a.hedge, "half_unit": a.half_unit,
                                                     "year": year})
            r.take(g.start(), g.end())
            end = g.end()


def _hedge(word: str) -> str:
    return {"around": "about", "some": "about", "almost": "nearly", "over": "more than"}.get(word.lower(), word.lower())
