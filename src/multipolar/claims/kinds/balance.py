"""Claim kind `balance`: a trade surplus or deficit with a partner ('Kazakhstan's trade surplus with China was
$5 billion in 2023'), judged on exports minus imports in the same source and year."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging import tolerances as tol
from ..judging.common import fmt, observe, unverifiable, verdict
from ..judging.trade import call_for, expanded
from ..judging.years import target_year
from ..payloads import Figure, Period
from ..reading.clauses import resolve_period, time_for
from ..reading.numbers import amounts
from ..reading.sentence import E
from ..registry import register_kind

PATTERN = re.compile(rf"(?P<a>{E})\s+(?:trade\s+)?(?P<kind>surplus|deficit)\s+with\s+(?P<b>{E})", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class BalanceClaim(Period, Figure):
    country: tuple[str, ...]
    partner: tuple[str, ...]


@register_kind("balance", payload=BalanceClaim, order=33, title="Trade balance",
               examples=("Kazakhstan's trade surplus with China was $5 billion in 2023.",))
class Balance:
    def read(r):
        for m in PATTERN.finditer(r.masked):
            found = amounts(r.text, m.end(), m.end() + 40)
            if not found:
                continue
            a = found[0]
            sign = 1 if m.group("kind").lower() == "surplus" else -1
            fields = {"country": r.codes(m.start("a"), m.end("a")), "partner": r.codes(m.start("b"), m.end("b")),
                      "value": sign * a.value, "unit": a.currency, "hedge": a.hedge, "half_unit": a.half_unit}
            resolve_period(r, time_for(r, m.start()), fields, change=False)
            r.add("balance", m.start(), a.end, fields)
            r.take(a.start, a.end)

    def judge(claim, evidence, as_of):
        p = claim.payload
        countries, partners = expanded(p.country, evidence, as_of.day), expanded(p.partner, evidence, as_of.day)
        if len(countries) != 1 or len(partners) != 1:
            return unverifiable(claim, "a balance is checked for one country and one partner")
        country, partner = countries[0], partners[0]
        exports = {s.source: s for s in evidence.trade_series(country, partner, "export") if s.kind == "own"}
        imports = {s.source: s for s in evidence.trade_series(country, partner, "import") if s.kind == "own"}
        for source in sorted(set(exports) & set(imports), key=lambda x: exports[x].trust):
            x, m = exports[source], imports[source]
            year, why = target_year(p.year, set(x.values) & set(m.values), as_of.article)
            if year in x.values and year in m.values:
                value = x.values[year] - m.values[year]
                j = tol.judge(p.value, value, p.hedge, half_unit=p.half_unit)
                return verdict(claim, j.verdict, f"{j.verdict} by {x.label}: {fmt(value, 'USD')} in {year}",
                               [observe(x, year), observe(m, year)],
                               [f"exports {fmt(x.values[year], 'USD')} - imports {fmt(m.values[year], 'USD')} = "
                                f"{fmt(value, 'USD')}"] + ([why] if why else []),
                               [call_for(x, [year]), call_for(m, [year])])
        return unverifiable(claim, "no source gives both exports and imports for the year")
