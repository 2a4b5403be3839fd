"""Claim kind `other`: an amount no other reader explained ('a 30 billion yuan special lending facility'): listed as
unverifiable with what it is about, never dropped."""

from __future__ import annotations

from dataclasses import dataclass

from ..judging.common import unverifiable
from ..payloads import Figure
from ..reading.clauses import clause_bounds
from ..reading.numbers import PERCENT_RE, amounts, percent_at
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
            r.add("other", max(c0, start), a.end + 40 if a.end + 40 < c1 else c1, fields)
            r.take(a.start, a.end)

        if r.claims or not any(m.kind in ("country", "group", "org") for m in r.mentions):
            return
        for m in PERCENT_RE.finditer(r.text):  # a percentage in a sentence no reader explained
            if r.overlaps_used(m.start(), m.end()):
                continue
            pct = percent_at(r.text, m.start(), m.end())
            c0, c1 = clause_bounds(r.text, m.start())
            r.add("other", c0, c1, {"value": pct.value, "unit": "share", "hedge": pct.hedge,
                                    "about": r.text[c0:c1].strip(" ,;("), "year": r.year_in(c0, c1)})
            r.take(m.start(), m.end())
            break

    def judge(claim, evidence, as_of):
        p = claim.payload
        what = p.about or claim.text
        if p.unit == "share":
            return unverifiable(claim, f"not covered: a percentage no reader matched to a statistic the data hold "
                                       f"({what[:120]})")
        if p.unit and p.unit not in ("USD", "EUR"):
            return unverifiable(claim, f"not covered: an amount in {p.unit} ({what[:120]}); the data hold trade in "
                                       "US dollars and no series matches it")
        return unverifiable(claim, f"not covered: no indicator matches this figure ({what[:120]})")
