"""Claim kind `other`: an amount no other reader explained ('a 30 billion yuan special lending facility'): listed as
unverifiable with what it is about, never dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging.common import unverifiable
from ..payloads import Figure
from ..reading.clauses import clause_bounds
from ..reading.numbers import PERCENT_RE, amounts, percent_at
from ..reading.statements import STATEMENT_REASONS, SWAP, read_statements
from ..registry import register_kind


@dataclass(frozen=True, kw_only=True)
class OtherClaim(Figure):
    """An amount, its clause ('about') and the year of the clause."""

    about: str = ""
    year: int | None = None


@register_kind("other", payload=OtherClaim, order=90, title="A figure no indicator covers",
               examples=("Xi announced a 30 billion yuan special lending facility within the IBC.",))
class Other:
    def read(r) -> None:
        for a in amounts(r.text):
            if r.overlaps_used(a.start, a.end):
                continue
            if any(c.span[0] - r.s.start <= a.start < c.span[1] - r.s.start for c in r.claims):
                continue
            c0, c1 = clause_bounds(r.text, a.start)
            fields = {"value": a.value, "unit": a.currency, "hedge": a.hedge, "about": r.text[c0:c1].strip(" ,;("),
                      "year": r.year_in(c0, c1)}
            start = a.start - 60 if a.start - 60 > c0 else c0
            if start > c0 and not r.text[start - 1].isspace():  # never from the middle of a word or a number
                start = next((k + 1 for k in range(start, a.start) if r.text[k].isspace()), a.start)
            r.add("other", max(c0, start), a.end + 40 if a.end + 40 < c1 else c1, fields)
            r.take(a.start, a.end)

        if r.claims:
            return
        # a sentence no reader explained: a count or forecast ('the number of registered migrants stood at N'), else
        # a percentage ('that rate jumped to 64%'), else an event, a rank or an ordinal no table holds
        _counts(r)
        if not r.claims:
            _percentage(r)
        if not r.claims:
            read_statements(r)

    def judge(claim, evidence, as_of):
        p = claim.payload
        what = p.about or claim.text
        if p.unit == "count":
            return unverifiable(claim, f"not covered: a count ({what[:120]}); no table in the data counts these")
        if p.unit not in STATEMENT_REASONS and p.unit not in ("count", "forecast") and SWAP.search(what):
            return unverifiable(claim, f"{STATEMENT_REASONS['swap line']} ({what[:120]})")  # an amount under a swap
        if p.unit in STATEMENT_REASONS:
            return unverifiable(claim, f"{STATEMENT_REASONS[p.unit]} ({what[:120]})")
        if p.unit == "forecast":
            return unverifiable(claim, f"a forecast, target or range, not a recorded figure ({what[:120]})")
        if p.unit == "share":
            return unverifiable(claim, f"not covered: a percentage no reader matched to a statistic the data hold "
                                       f"({what[:120]})")
        if p.unit and p.unit not in ("USD", "EUR"):
            return unverifiable(claim, f"not covered: an amount in {p.unit} ({what[:120]}); the data hold trade in "
                                       "US dollars and no series matches it")
        return unverifiable(claim, f"not covered: no indicator matches this figure ({what[:120]})")


# A count of things written in digits ("11 packages", "17,000 test kits", "516,000 migrants"), never a year, a day of a
# month, a physical quantity of goods (tonnes, barrels: listed as not checked, a product the data do not hold), a
# percentage or an amount; and a forecast, target or range of money ("could reach $14-16bn").
COUNT = re.compile(r"(?<![\w$€.,-])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:million|thousand|billion))?\s+"
                   r"(?P<noun>(?:[A-Za-z][a-z-]+\s+){0,2}[a-z][a-z-]+)")
NOT_COUNTED = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|tonnes|tons|barrels|cubic|kilos|kg|litres|liters|"
                         r"percent|per|times|years?|months?|days?|weeks?|hours?|minutes?|decades?|centur\w+|"
                         r"billion|million|trillion|bn|mn|%|p\.?m|a\.?m|and|or|to|of|in|on|at|from|the)\b")
# "the number of registered migrants stood at 516,000": a count after the noun it counts.
NUMBER_OF = re.compile(r"\bnumber\s+of\s+(?P<noun>(?:[a-z][a-z-]+\s+){0,4}[a-z][a-z-]+)\s+(?:(?:has|had|have)\s+)?"
                       r"(?:stood\s+at|was|were|is|are|"
                       r"reached|rose\s+to|fell\s+to|totall?ed|hit|exceeded|topped)\s+(?:about\s+|some\s+|around\s+|"
                       r"nearly\s+|over\s+|more\s+than\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?P<scale>million|"
                       r"thousand|billion))?", re.IGNORECASE)
FORECAST = re.compile(r"\b(?:could|would|will|may|might|is\s+expected\s+to|are\s+expected\s+to|is\s+set\s+to|aims?\s+to|"
                      r"plans?\s+to|target(?:s|ed)?|forecasts?|projected|projections?)\b(?:[^.;]){0,40}?(?:US\$|\$|€)\s?"
                      r"\d[\d.,]*\s*[-–]\s*\d", re.IGNORECASE)


def _percentage(r) -> None:
    """An 'other' claim for the first percentage of a sentence no reader explained."""
    for m in PERCENT_RE.finditer(r.text):
        if r.overlaps_used(m.start(), m.end()):
            continue
        pct = percent_at(r.text, m.start(), m.end())
        c0, c1 = clause_bounds(r.text, m.start())
        r.add("other", c0, c1, {"value": pct.value, "unit": "share", "hedge": pct.hedge,
                                "about": r.text[c0:c1].strip(" ,;("), "year": r.year_in(c0, c1)})
        r.take(m.start(), m.end())
        return


def _counts(r) -> None:
    """An 'other' claim for a count or a forecast in a sentence no reader explained (unverifiable, never dropped)."""
    f = FORECAST.search(r.text)
    if f:
        c0, c1 = clause_bounds(r.text, f.start())
        r.add("other", c0, c1, {"unit": "forecast", "about": r.text[c0:c1].strip(" ,;(")})
        return
    n = NUMBER_OF.search(r.text)
    if n and not r.overlaps_used(n.start("n"), n.end("n")):
        scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9}.get((n.group("scale") or "").lower(), 1)
        c0, c1 = clause_bounds(r.text, n.start())
        r.add("other", max(c0, n.start() - 30), n.end(), {"value": float(n.group("n").replace(",", "")) * scale,
                                                         "unit": "count", "about": r.text[c0:c1].strip(" ,;("),
                                                         "year": r.year_in(c0, c1)})
        r.take(n.start("n"), n.end("n"))
        return
    for m in COUNT.finditer(r.text):
        number = m.group("n").replace(",", "")
        if re.fullmatch(r"(?:1[89]|20)\d\d", number) or NOT_COUNTED.match(m.group("noun")):
            continue
        if re.search(r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                     r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s*$", r.text[max(0, m.start() - 12):m.start()]):
            continue  # "on April 2": a date
        if r.overlaps_used(m.start(), m.end()):
            continue
        c0, c1 = clause_bounds(r.text, m.start())
        r.add("other", max(c0, m.start() - 60), min(c1, m.end() + 40),
              {"value": float(number), "unit": "count", "about": r.text[c0:c1].strip(" ,;("),
               "year": r.year_in(c0, c1)})
        r.take(m.start(), m.end())
        return