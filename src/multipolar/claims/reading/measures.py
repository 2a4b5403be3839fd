"""A generic reader of a state's size: a measure the macro table holds (population, GDP, GDP per head) named next to a
figure in one clause, about the state the clause is about, whatever the construction around them ('X, with some 7
million inhabitants, ...', '... with a GDP per capita of $1,300', 'a nation of 36 million people'). It runs after the
macro kind's specific patterns and reads only what they left."""

from __future__ import annotations

import re

from .economy_comparisons import read_difference_after
from .numbers import HEDGE, NUM, amounts, hedge_before, parse_number
from .prefilter import finditer

_HEDGE = HEDGE
# Each measure: its words and where its figure stands ('N million inhabitants': before; 'GDP per capita of $N': after).
PEOPLE = re.compile(rf"(?P<n>{_HEDGE}(?:{NUM})\s*(?P<scale>million|billion|mn|m|bn))\s+(?:people|inhabitants|residents|"
                    rf"citizens)\b|\bpopulation\s+(?:of|at|is|was|stood\s+at|reached)\s+(?P<n2>{_HEDGE}(?:{NUM})\s*"
                    rf"(?P<scale2>million|billion|mn|m|bn))\b", re.IGNORECASE)
PER_HEAD = re.compile(r"\b(?:GDP|gross\s+domestic\s+product|income)\s+per\s+(?:capita|head|person)|\bper[- ]capita\s+"
                      r"(?:GDP|income)", re.IGNORECASE)
GDP = re.compile(r"\b(?:GDP|gross\s+domestic\s+product|economy)\b(?!\s+per\b)(?!\s+growth)", re.IGNORECASE)
# The figure right after a money measure: 'of $N', 'at $N', 'was $N', 'worth $N', ': $N'.
AFTER = re.compile(r"\s*,?\s*(?:\(\w+\)\s*)?(?:of|at|was|is|stood\s+at|reached|worth|totalling|totaling|amounting\s+to|:)?"
                   r"\s*(?=(?:about|around|roughly|some|nearly|almost|over|more\s+than|just\s+over|just\s+under|an\s+"
                   r"estimated|estimated|approximately)?\s*"
                   r"(?:US\$|\$|USD))", re.IGNORECASE)


def read_measures(r, year: int | None) -> None:
    """Add a `macro` claim for every measure-and-figure pair no earlier reader took."""
    read_world_contribution(r, year)
    for m in finditer(PEOPLE, r.text):
        key = "n" if m.group("n") else "n2"
        if r.overlaps_used(m.start(), m.end()):
            continue
        who = _about(r, m.start())
        number = re.search(rf"({NUM})", m.group(key))
        if not who or not number:
            continue
        value, decimals = parse_number(number.group(1))
        scale = 1e9 if m.group("scale" if key == "n" else "scale2").lower().startswith("b") else 1e6
        r.add("macro", m.start(), m.end(), {"country": who, "measure": "population", "value": value * scale,
                                            "unit": "people", "half_unit": 0.5 * 10 ** -decimals * scale,
                                            "hedge": hedge_before(r.text, m.start(key) + number.start(1) + 1),
                                            "year": year})
        r.take(m.start(), m.end())
    for pattern, measure in ((PER_HEAD, "gdp per capita"), (GDP, "gdp")):
        for m in finditer(pattern, r.text):
            after = AFTER.match(r.text, m.end())
            if not after or r.overlaps_used(m.start(), m.end()):
                continue
            found = amounts(r.text, after.end(), min(len(r.text), after.end() + 40), small=measure != "gdp")
            if not found or found[0].start - after.end() > 20 or r.overlaps_used(found[0].start, found[0].end):
                continue
            who = _about(r, m.start())
            if not who:
                continue
            a = found[0]
            r.add("macro", m.start(), a.end, {"country": who, "measure": measure, "value": a.value, "unit": a.currency,
                                              "hedge": a.hedge, "half_unit": a.half_unit, "year": year})
            r.take(m.start(), a.end)
            if measure == "gdp":
                read_difference_after(r, a.end, who, year)


# "The group's members contribute some $23 trillion to global GDP": the group's GDP, the amount before the measure.
TO_WORLD = re.compile(r"(?P<amt>(?:(?:about|around|roughly|some|nearly|almost|over|more\s+than|approximately)\s+)*"
                      r"(?:US\$|\$|USD)\s?[\d.,]+\s?(?:trillion|billion|tn|bn)?)\s+(?:to|of)\s+(?:the\s+)?(?:global|world(?:['’]s)?)\s+"
                      r"(?:GDP|output|economy)\b", re.IGNORECASE)


def read_world_contribution(r, year: int | None) -> None:
    """'A and B contribute $N to global GDP': the GDP of the states (or the organization's members) the sentence
    opens with."""
    for m in finditer(TO_WORLD, r.text):
        found = amounts(r.text, m.start("amt"), m.end("amt"))
        first = next((x for x in r.mentions if x.start < m.start() and x.kind in ("country", "group", "org")), None)
        if not found or first is None or r.overlaps_used(found[0].start, found[0].end):
            continue
        who = r.codes(first.start, m.start()) if first.kind != "org" else [first.code]
        a = found[0]
        r.add("macro", first.start, m.end(), {"country": who, "measure": "gdp", "value": a.value, "unit": a.currency,
                                              "hedge": a.hedge, "half_unit": a.half_unit, "year": year})
        r.take(a.start, a.end)


def _about(r, position: int) -> list[str]:
    """The state a measure is about: a possessive right before it ("Mongolia's economy", "the country's GDP"), else
    the sentence's subject (never a place named in passing: "the poorest country in Central Asia, with a GDP ...")."""
    own = [m for m in r.mentions if m.kind in ("country", "group") and m.end <= position and m.possessive
           and re.fullmatch(r"(?:['’]s)?\s+(?:\w+\s+){0,2}", r.text[m.end:position])]
    if own:
        return [own[-1].code]
    subject = r.subject()
    return [subject] if subject else []
