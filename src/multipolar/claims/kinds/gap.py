"""Claim kind `gap`: how far two sides' records of the same flow differ ('China reported exports to Kyrgyzstan nearly
four times what Kyrgyzstan recorded as imports from China'), judged on the exporter's record (the mirror view) over
the importer's own record of the same flow and year; exports are valued FOB and imports CIF, which the reason says."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging import tolerances as tol
from ..judging.common import fmt, hedged, observe, unverifiable, verdict
from ..judging.trade import call_for, expanded
from ..judging.years import target_year
from ..model import AsOf
from ..payloads import Payload
from ..reading.clauses import clause_bounds
from ..reading.entities import name
from ..reading.numbers import RATIO, amounts, hedge_before, ratio_value
from ..reading.sentence import E, GAP
from ..registry import register_kind

_REC = r"(?:reported|recorded|declared|registered|official|customs)"
PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<a>{E})\s+(?:{_REC}\s+)?(?:\w+\s+)?exports?\s+to\s+(?P<b>{E}){GAP}{{0,80}}?\b{RATIO}\s+(?:what|the\s+(?:value|"
    rf"imports?)|those|the\s+figure)\s+(?:(?:that\s+)?(?P<b2>{E})\s+)?(?:itself\s+)?(?:{_REC}|reports|records|"
    rf"declares|shows?)",
    rf"(?P<a>{E})\s+(?:{_REC}\s+)?(?:\w+\s+)?exports?\s+to\s+(?P<b>{E}){GAP}{{0,80}}?\b{RATIO}\s+(?:larger\s+than\s+|"
    rf"higher\s+than\s+|as\s+(?:large|high)\s+as\s+)?(?P<b2>{E})\s+(?:{_REC}\s+)?imports\s+from\s+(?P<a2>{E})",
    # "... Chinese exports to Kyrgyzstan was more than seven times Kyrgyzstan's own figure"
    rf"(?P<a>{E})\s+(?:{_REC}\s+)?(?:\w+\s+)?exports?\s+to\s+(?P<b>{E}){GAP}{{0,80}}?\b{RATIO}\s+(?:larger\s+than\s+|"
    rf"higher\s+than\s+)?(?P<b2>{E})\s+(?:own\s+)?(?:figures?|records?|data|statistics|numbers?)",
)]
# "Kyrgyz and Russian figures on exports to Kyrgyzstan in 2015 differ by $0.6 billion"
DIFFER = re.compile(rf"(?P<s1>{E})\s+and\s+(?P<s2>{E})\s+(?:data|figures|statistics|records)\s+on\s+(?P<flow>imports|"
                    rf"exports)\s+(?:of\s+(?:{E}\s+)?goods\s+)?(?:into|to|from|by)\s+(?P<x>{E}){GAP}{{0,60}}?\bdiffer"
                    rf"(?:ed)?\s+by\s+(?P<amt>(?:about\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?(?:US\$|\$|USD)"
                    rf"\s?[\d.,]+\s?(?:billion|million|bn|mn)?)", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class GapClaim(Payload):
    """exporter's recorded exports to importer / importer's recorded imports from exporter = value, in a year."""

    exporter: tuple[str, ...]
    importer: tuple[str, ...]
    value: float
    unit: str = "multiple"  # 'multiple' (exporter's record / importer's) or 'USD' (their difference)
    hedge: str | None = None
    half_unit: float = 0.0
    year: int | None = None


@register_kind("gap", payload=GapClaim, order=29, title="Gap between two sides' records",
               examples=("Russia reported exports to Tajikistan in 2016 about three times what Tajikistan recorded as "
                         "imports from Russia.",))
class Gap:
    def read(r) -> None:
        for pattern in PATTERNS:
            for m in pattern.finditer(r.masked):
                a, b = r.codes(m.start("a"), m.end("a")), r.codes(m.start("b"), m.end("b"))
                value = ratio_value(m.group("ratio"))
                if not (a and b and value) or r.overlaps_used(m.start(), m.end()):
                    continue
                r.add("gap", m.start(), m.end(), {"exporter": a, "importer": b, "value": value,
                                                  "hedge": hedge_before(r.text, m.start("ratio"), 20),
                                                  "year": r.year_in(m.start(), m.end()) or
                                                  r.year_in(*clause_bounds(r.text, m.start()))})
                r.take(m.start(), m.end())
        for m in DIFFER.finditer(r.masked):
            sides = r.codes(m.start("s1"), m.end("s1")) + r.codes(m.start("s2"), m.end("s2"))
            x = r.codes(m.start("x"), m.end("x"))
            found = amounts(r.text, m.start("amt"), m.end("amt"))
            others = [c for c in sides if c not in x]
            if len(x) != 1 or len(others) != 1 or not found or r.overlaps_used(m.start(), m.end()):
                continue
            importer, exporter = (x, others) if m.group("flow").lower() == "imports" else (others, x)
            a = found[0]
            r.add("gap", m.start(), m.end(), {"exporter": exporter, "importer": importer, "value": a.value,
                                              "unit": a.currency, "hedge": a.hedge, "half_unit": a.half_unit,
                                              "year": r.year_in(m.start(), m.end()) or
                                              r.year_in(*clause_bounds(r.text, m.start()))})
            r.take(m.start(), m.end())

    def judge(claim, evidence, as_of):
        return judge_gap(claim, evidence, as_of)


def judge_gap(claim, ev, as_of: AsOf):
    p = claim.payload
    exporter, importer = expanded(p.exporter, ev, as_of.day), expanded(p.importer, ev, as_of.day)
    if len(exporter) != 1 or len(importer) != 1:
        return unverifiable(claim, "the two sides could not be resolved to single states")
    exporter, importer = exporter[0], importer[0]
    series = ev.trade_series(importer, exporter, "import")
    own = [s for s in series if s.kind == "own" and s.reporter == importer and s.unit == "USD"]
    mirror = [s for s in series if s.kind in ("mirror", "press") and s.reporter == exporter and s.unit == "USD"]
    for o in sorted(own, key=lambda s: s.trust):
        for m in sorted(mirror, key=lambda s: s.trust):
            year, why = target_year(p.year, set(o.values) & set(m.values), as_of.article)
            if year is None or year not in o.values or year not in m.values or not o.values[year]:
                continue
            ratio = m.values[year] / o.values[year]
            if p.unit == "USD":
                diff = m.values[year] - o.values[year]
                j = tol.judge(p.value, abs(diff), p.hedge, kind="level", half_unit=p.half_unit)
                shown = f"{fmt(diff, 'USD')} apart ({name(exporter) if diff > 0 else name(importer)}'s record higher)"
                arith = f"{year}: {m.label} {fmt(m.values[year], 'USD')} - {o.label} {fmt(o.values[year], 'USD')} = " \
                        f"{fmt(diff, 'USD')}; claimed {hedged(p.value, 'USD', p.hedge)} → accepted " \
                        f"{tol.describe(j.low, j.high, lambda x: fmt(x, 'USD'))}"
            else:
                j = tol.judge(p.value, ratio, p.hedge, kind="multiple")
                shown = f"×{ratio:.2f}"
                arith = f"{year}: {m.label} {fmt(m.values[year], 'USD')} / {o.label} {fmt(o.values[year], 'USD')} = " \
                        f"×{ratio:.2f}; claimed {hedged(p.value, 'multiple', p.hedge)} → accepted " \
                        f"{tol.describe(j.low, j.high, lambda x: f'×{x:.2f}')}"
            arithmetic = [arith,
                          "exports are valued FOB and imports CIF: freight and insurance alone make imports a few "
                          "percent higher"] + ([why] if why else [])
            reason = f"{j.verdict}: {name(exporter)}'s record of its exports to {name(importer)} and {name(importer)}'s " \
                     f"record of the same imports in {year}: {shown} ({m.label}; {o.label})"
            return verdict(claim, j.verdict, reason, [observe(m, year), observe(o, year)], arithmetic,
                           [call_for(m, [year]), call_for(o, [year])])
    return unverifiable(claim, f"no year in which both {name(exporter)}'s record of its exports to {name(importer)} "
                               f"and {name(importer)}'s own record of those imports are in the pack")
