"""Judging comparisons of economies and populations on the World Bank's table: one state's (or group's) GDP or
population as a multiple of others' summed in the same year (a group named as the rival leaves out the state
compared: 'the other four'), and a state's rank within a group by GDP or population."""

from __future__ import annotations

from ..model import Call, Observation
from ..reading.entities import name, names
from . import tolerances as tol
from .common import fmt, hedged, unverifiable, verdict
from .leads import NO_CLEAR_LEAD, leader
from .sources import label
from .trade import expanded
from .windows import latest_year

SOURCE = label("worldbank_wdi")
COLUMNS = {"gdp": "gdp_usd", "population": "population", "gdp per capita": "gdp per capita"}


def _values(ev, countries, column) -> dict[str, dict[int, float]]:
    """Each state's figures by year; column 'gdp per capita' is GDP over population, where both are held."""
    out = {}
    for c in countries:
        f = ev.macro(c)
        if f.empty:
            out[c] = {}
        elif column == "gdp per capita":
            out[c] = {int(y): float(g) / float(n) for y, g, n in zip(f["year"], f["gdp_usd"], f["population"])
                      if g == g and n == n and n > 0}
        else:
            out[c] = {int(y): float(v) for y, v in zip(f["year"], f[column]) if v == v}
    return out


def _year(p, values, as_of):
    common = sorted(set.intersection(*(set(v) for v in values.values()))) if values else []
    if not common:
        return None, common
    return (p.year if p.year in common else None) if p.year else latest_year(common, as_of)[0], common


def _two_sides(claim, ev, as_of, *, span: bool):
    """The claim's side and its rival's (states or groups, the rival without the claim's own members), summed in the
    year compared: (mine, theirs, year, a, b), or an unverifiable verdict naming what is missing (`span`: with the
    years the figures do cover)."""
    p = claim.payload
    mine = expanded(p.country, ev, as_of.day)
    theirs = [c for c in expanded(p.rival, ev, as_of.day) if c not in mine]
    values = _values(ev, mine + theirs, COLUMNS[p.measure])
    missing = [c for c, v in values.items() if not v]
    if missing or not theirs:
        return unverifiable(claim, f"no {p.measure} figures for {names(missing or list(p.rival))} in the pack")
    year, common = _year(p, values, as_of)
    if year is None:
        return unverifiable(claim, f"no {p.measure} for every state compared in {p.year or 'a common year'}"
                                   + (f" (figures {common[0]}-{common[-1]})" if span and common else ""))
    return mine, theirs, year, sum(values[c][year] for c in mine), sum(values[c][year] for c in theirs)


def judge_ratio(claim, ev, as_of):
    p = claim.payload
    sides = _two_sides(claim, ev, as_of, span=True)
    if not isinstance(sides, tuple):
        return sides
    mine, theirs, year, a, b = sides
    ratio = a / b
    j = tol.judge(p.value, ratio, p.hedge, kind="multiple")
    shown = "×" + f"{ratio:.2f}"
    arithmetic = [f"{year}: {' + '.join(name(c) for c in mine)} {a:,.0f} / {' + '.join(name(c) for c in theirs)} "
                  f"{b:,.0f} = {shown}; claimed {hedged(p.value, 'multiple', p.hedge)} → accepted "
                  f"{tol.describe(j.low, j.high, lambda x: f'×{x:.2f}')}"]
    reason = f"{j.verdict} by {SOURCE}: the {p.measure} of {names(mine)} is {shown} that of {names(theirs)} in {year}"
    return verdict(claim, j.verdict, reason, [Observation(ratio, "multiple", SOURCE, year, ",".join(mine))],
                   arithmetic, [Call.load("macro", country=",".join(mine + theirs), year=str(year))])


def judge_rank(claim, ev, as_of):
    p = claim.payload
    column = COLUMNS[p.measure]
    group = expanded(p.region, ev, as_of.day)
    target = expanded(p.country, ev, as_of.day)
    if not set(target) <= set(group):
        return unverifiable(claim, f"{names(target)} is not among {names(p.region)} on {as_of.day.isoformat()}: "
                                   f"a rank within the group does not apply")
    values = _values(ev, group, column)
    missing = [c for c, v in values.items() if not v]
    if missing:
        return unverifiable(claim, f"no {p.measure} figures for {names(missing)} in the pack (coverage: the rank "
                                   f"cannot be known)")
    year, common = _year(p, values, as_of)
    if year is None:
        return unverifiable(claim, f"no {p.measure} for every member of {names(p.region)} in {p.year or 'one year'}")
    ranked = sorted(group, key=lambda c: values[c][year], reverse=not p.lowest)
    position = ranked.index(target[0]) + 1
    outcome = "supported" if position == int(p.value) else "contradicted"
    claimed = ranked[int(p.value) - 1] if 0 < int(p.value) <= len(ranked) else None
    if claimed and claimed != target[0] and leader(values[claimed][year], values[target[0]][year], "USD",
                                                   (claimed, target[0])) == NO_CLEAR_LEAD:
        outcome = "partly supported"  # within the lead rule's margin of the place claimed: no clear order
    order = ", ".join(f"{name(c)} {values[c][year]:,.0f}" for c in ranked) + \
        (" (US dollars of GDP per head)" if p.measure == "gdp per capita" else "")
    which = ("poorest" if p.measure == "gdp per capita" else "smallest") if p.lowest else \
        ("richest" if p.measure == "gdp per capita" else "largest")
    reason = f"{outcome} by {SOURCE}: by {p.measure} in {year}, {name(target[0])} is number {position} ({which} " \
             f"first) of {names(p.region)}: {order}"
    return verdict(claim, outcome, reason, [Observation(position, "rank", SOURCE, year, target[0])],
                   [f"{year}: {order}"], [Call.load("macro", country=",".join(group), year=str(year))])


def judge_difference(claim, ev, as_of):
    """A state's (or group's) GDP minus another's in one year ('$3 trillion more than B'), on the World Bank's
    current-dollar figures; a gap whose sign is wrong is contradicted."""
    p = claim.payload
    sides = _two_sides(claim, ev, as_of, span=False)
    if not isinstance(sides, tuple):
        return sides
    mine, theirs, year, a, b = sides
    gap = a - b
    j = tol.judge(abs(p.value), abs(gap), p.hedge, kind="level", half_unit=p.half_unit)
    outcome = j.verdict if (gap >= 0) == (p.value >= 0) else "contradicted"
    show = lambda x: fmt(x, "USD")  # noqa: E731
    arithmetic = [f"{year}: {names(mine)} {show(a)} − {names(theirs)} {show(b)} = {show(gap)}; claimed "
                  f"{'+' if p.value >= 0 else '−'}{show(abs(p.value))} → accepted {tol.describe(j.low, j.high, show)}"]
    reason = f"{outcome} by {SOURCE}: the {p.measure} of {names(mine)} minus that of {names(theirs)} is {show(gap)} " \
             f"in {year}"
    return verdict(claim, outcome, reason, [Observation(gap, "USD", SOURCE, year, ",".join(mine))], arithmetic,
                   [Call.load("macro", country=",".join(mine + theirs), year=str(year))])
