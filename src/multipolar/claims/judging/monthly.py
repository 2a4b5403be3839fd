"""Judging a partial-year figure ('in the first nine months of 2021', 'January-November') like with like: the same
months summed from the monthly tables (Russian customs, Eurostat, Armenia, Georgia) where they exist, compared with
the same months a year earlier for a change; otherwise unverifiable, saying which monthly data exist."""

from __future__ import annotations

from ..evidence import FLIP, Evidence, Series
from ..model import Claim, Observation, UNVERIFIABLE
from ..reading.entities import name
from . import tolerances as tol
from .common import fmt, hedged, unverifiable, verdict
from .sources import guard


def _months(p) -> str:
    first, last = p.months
    return f"{first:02d}-{last:02d}"


def _window(s: Series, year: int, months: tuple[int, int]) -> float | None:
    keys = [(year, m) for m in range(months[0], months[1] + 1)]
    if not all(k in s.values for k in keys):
        return None
    return sum(s.values[k] for k in keys)


def judge_partial(claim: Claim, ev: Evidence, pairs) -> object | None:
    """A verdict on a partial-period level, change or multiple from monthly figures; None to fall back."""
    p = claim.payload
    if len(pairs) != 1:
        return None
    country, partner = pairs[0]
    candidates = [(s, False) for s in ev.monthly_series(country, partner, p.flow)]
    candidates += [(s, True) for s in ev.monthly_series(partner, country, FLIP[p.flow])]
    if not candidates:
        return unverifiable(claim, f"partial-year figure ('{p.partial}'): no monthly figures for "
                                   f"{name(country)}–{name(partner)} in the pack (monthly tables: Russian customs "
                                   f"to 2021, Eurostat, Armenia, Georgia); the annual data are never compared with it")
    base = p.base_year if p.base_year else (p.year - 1 if claim.type != "level" else None)
    gaps = []
    for s, flipped in candidates:
        if claim.type == "level" and p.unit != s.unit:
            gaps.append(f"{s.label} publishes {s.unit}, the claim is in {p.unit}")
            continue
        end = _window(s, p.year, p.months)
        if end is None:
            covered = sorted(s.values)
            gaps.append(f"{s.label} has no complete {p.year}-{_months(p)} (monthly data "
                        f"{covered[0][0]}-{covered[0][1]:02d} to {covered[-1][0]}-{covered[-1][1]:02d})")
            continue
        label = f"{s.label}, months {_months(p)} summed" + (f" ({name(s.reporter)}'s record)" if flipped else "")
        observed = [Observation(end, s.unit, label, p.year, country, partner, p.flow)]
        call = s.call.but(year=str(p.year)) if s.call else None
        if claim.type == "level":
            j = tol.judge(p.value, end, p.hedge, kind="level", half_unit=p.half_unit)
            outcome, summary = j.verdict, f"{fmt(end, s.unit)} in {p.year}-{_months(p)}"
            arith = [f"{label}: {fmt(end, s.unit)}; claimed {hedged(p.value, p.unit, p.hedge)} → accepted "
                     f"{tol.describe(j.low, j.high, lambda x: fmt(x, s.unit))}"]
        else:
            start = _window(s, base, p.months) if base else None
            if not start:
                gaps.append(f"{s.label} has no complete {base}-{_months(p)} to compare with")
                continue
            ratio = end / start
            observed.insert(0, Observation(start, s.unit, label, base, country, partner, p.flow))
            arith = [f"{label}: {fmt(end, s.unit)} ({p.year}) / {fmt(start, s.unit)} ({base}) = ×{ratio:.2f}"]
            if p.unit == "percent_change":
                j = tol.judge(p.value, (ratio - 1) * 100, p.hedge, kind="growth", half_unit=p.half_unit)
                summary = f"{(ratio - 1) * 100:+.1f}% ({base}-{p.year}, months {_months(p)})"
            elif p.unit == "direction":
                j = tol.judge_direction(ratio, p.direction)
                summary = f"×{ratio:.2f} ({base}-{p.year}, months {_months(p)})"
            else:
                j = tol.judge(p.value, ratio, p.hedge, kind="multiple")
                summary = f"×{ratio:.2f} ({base}-{p.year}, months {_months(p)})"
            outcome = j.verdict
            call = s.call.but(year=f"{base}-{p.year}") if s.call else None
        years = []  # monthly sums are complete by construction: no partial-year flag applies
        outcome, why = guard(outcome, s, years, p.reporter, country, partner, p.flow)
        reason = f"{outcome} by {label}: {summary} (like with like: the same months)"
        if why:
            reason = f"not checkable on matching figures: {why}; {label} gives {summary}"
        return verdict(claim, outcome, reason, observed, arith, [call])
    return unverifiable(claim, f"partial-year figure ('{p.partial}'): " + "; ".join(gaps) +
                        "; the annual data are never compared with a part of a year", calls=[])


__all__ = ["judge_partial", "UNVERIFIABLE"]
