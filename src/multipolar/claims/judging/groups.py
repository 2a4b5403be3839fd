"""Judging a trade figure about a group ('Russia's trade with the Central Asian republics together'): the press figure for
the group when one exists, else the sum over the pairs, each pair from its first source that has every year needed
(never mixing sources, or currencies, across the years of one pair)."""

from __future__ import annotations

import math

from ...countries import CENTRAL_ASIA
from ..evidence import Evidence, Series
from ..model import AsOf, Claim, PARTLY, SUPPORTED, UNVERIFIABLE
from ..reading.entities import name
from . import tolerances as tol
from .common import fmt, observe, unverifiable, verdict
from .sources import order
from .trade import call_for, judge_series, names_pair, unverifiable_reason
from .years import target_year


def as_group(codes) -> list[str]:
    """A list naming exactly the five Central Asian states is the group CA5 (press figures use it)."""
    return ["CA5"] if sorted(codes) == sorted(CENTRAL_ASIA) else list(codes)


def judge_group_direction(claim: Claim, ev: Evidence, as_of: AsOf, pairs, series_by_pair):
    """A group's direction-only change ("SCO members' exports to Russia have increased"): the sum over the pairs
    with data in both years (each pair from its first US-dollar source), with the pairs that moved the other way
    named."""
    p = claim.payload
    base = int(p.base_year)
    observed, arithmetic, against, missing, calls = [], [], [], [], []
    total_base = total_end = 0.0
    end_year = None
    for pair in pairs:
        usd = [s for s in series_by_pair[pair] if s.unit == "USD"]
        target = target_year(p.year, {y for s in usd for y in s.values if y > base}, as_of.article)
        s = next((s for s in usd if base in s.values and target[0] in s.values), None)
        if s is None:
            missing.append(pair)
            continue
        end_year = target[0]
        b, e = s.values[base], s.values[end_year]
        total_base += b
        total_end += e
        observed += [observe(s, base), observe(s, end_year)]
        calls.append(call_for(s, [base, end_year]))
        arithmetic.append(f"{names_pair(pair)} ({s.label}): {fmt(b, 'USD')} → {fmt(e, 'USD')}")
        if tol.judge_direction(e / b if b else math.inf, p.direction).verdict != SUPPORTED:
            against.append(pair)
    if not observed or total_base <= 0:
        return unverifiable(claim, f"no pair has data for {base} and a later year", observed, arithmetic)
    ratio = total_end / total_base
    outcome = tol.judge_direction(ratio, p.direction).verdict
    covered = len(pairs) - len(missing)
    arithmetic.append(f"sum: {fmt(total_end, 'USD')} ({end_year}) / {fmt(total_base, 'USD')} ({base}) = ×{ratio:.2f}")
    reason = f"sum over {covered} of {len(pairs)} pairs: ×{ratio:.2f} ({base}-{end_year})"
    if against:
        reason += "; moved the other way: " + ", ".join(names_pair(x) for x in against)
    if missing:
        reason += "; no data: " + ", ".join(names_pair(x) for x in missing)
        if covered < len(pairs) / 2 and outcome == SUPPORTED:
            outcome = PARTLY  # most of the group is not covered
    if p.period_note:
        reason += f". Period: {p.period_note}"
    return verdict(claim, outcome, reason, observed, arithmetic, calls)


def judge_group(claim: Claim, ev: Evidence, as_of: AsOf, pairs, series_by_pair):
    """A level, change or multiple about a group: the group's press figure, else the sum over its pairs."""
    p = claim.payload
    kind = claim.type
    countries, partners = as_group(p.country), as_group(p.partner)
    candidates: list[Series] = []
    if len(countries) == 1 and len(partners) == 1:
        candidates += order(ev.press_series(countries[0], partners[0], p.flow), p.reporter, countries[0], partners[0])
    union = {y for ss in series_by_pair.values() for s in ss for y in s.values}
    union |= {y for s in candidates for y in s.values}
    if kind != "level" and p.base_year:
        union = {y for y in union if y > p.base_year}
    target = target_year(p.year, union, as_of.article)
    needed = [y for y in (p.base_year if kind != "level" else None, target[0]) if y]
    total, used = sum_series(p, pairs, series_by_pair, needed)
    if total is not None:
        candidates.append(total)
    reason = unverifiable_reason(kind, p, pairs)
    if reason:
        return unverifiable(claim, reason)
    results = []
    for s in candidates:
        r = judge_series(kind, p, ev, s, target)
        if r is not None:
            results.append((s, r))
    if not results:
        missing = [pair for pair in pairs
                   if not any(all(y in s.values for y in needed) for s in series_by_pair[pair])]
        why = target[1] if target[0] is None else f"no figure for {', '.join(map(str, needed))} for " + \
            ", ".join(names_pair(x) for x in missing)
        return unverifiable(claim, why)
    best = next((r for r in results if r[1][0] == SUPPORTED), results[0])
    s0, (v0, obs0, ar0, sum0, used0) = best
    observed, arithmetic = list(obs0), list(ar0)
    calls = [call_for(s, needed) for s in used] if s0 is total else [call_for(s0, used0)]
    text = f"{v0} by {s0.label}: {sum0}"
    for s, (v, obs, ar, summ, _) in [r for r in results if r is not best][:2]:
        observed += obs
        arithmetic += ar
        text += f"; {s.label} gives {summ}" + ("" if v == v0 else f" ({v})")
    if total is not None and total.notes:
        arithmetic += [f"{year}: {note}" for year, note in sorted(total.notes.items())]
    return verdict(claim, v0, text, observed, arithmetic, calls)


def sum_series(p, pairs, series_by_pair, needed: list[int]) -> tuple[Series | None, list[Series]]:
    """The sum over pairs for the needed years (each pair from its first US-dollar source with all of them), or
    None; and the series summed."""
    if not needed:
        return None, []
    chosen = []
    for pair in pairs:
        s = next((s for s in series_by_pair[pair] if s.unit == "USD" and all(y in s.values for y in needed)), None)
        if s is None:
            return None, []
        chosen.append(s)
    total = Series("sum", f"sum over {len(chosen)} pairs", None, ",".join(p.country), ",".join(p.partner), p.flow,
                   "sum")
    for year in needed:
        total.values[year] = sum(s.values[year] for s in chosen)
        total.notes[year] = " + ".join(f"{name(s.country)}–{name(s.partner)} {fmt(s.values[year], 'USD')} "
                                       f"({s.label})" for s in chosen) + f" = {fmt(total.values[year], 'USD')}"
        if any(year in s.estimates for s in chosen):
            total.estimates.add(year)
    return total, chosen


__all__ = ["judge_group", "judge_group_direction", "sum_series", "as_group", "UNVERIFIABLE"]
