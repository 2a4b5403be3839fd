"""Judging a partial-year figure ('in the first nine months of 2021', 'January-November') like with like: the same
months summed from the monthly tables (Russian customs, Eurostat, Armenia, Georgia) where they exist, compared with
the same months a year earlier for a change; a partner's share or rank over those months from the partners listed
(their sum is the total when the table lists as many partners as the indicators require, or a world row exists);
otherwise unverifiable, saying which monthly data exist."""

from __future__ import annotations

from ..evidence import FLIP, Evidence, Series
from ..model import CONTRADICTED, PARTLY, SUPPORTED, UNVERIFIABLE, Claim, Observation
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
    if p.basis:  # "by country of origin": only the series counting imports so
        candidates = [(s, f) for s, f in candidates if basis_of(s.label) == p.basis] or candidates
    base = p.base_year if p.base_year else (p.year - 1 if claim.type != "level" else None)
    gaps, done = [], []
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
        if outcome == CONTRADICTED and flipped and not p.reporter:
            # the months of a partner's record only: the text's own figures (its first party's) are not held
            outcome, why = UNVERIFIABLE, f"only {name(s.reporter)}'s record of these months is held, not " \
                                         f"{name(country)}'s own figures the text gives"
        reason = f"{outcome} by {label}: {summary} (like with like: the same months)"
        if why:
            reason = f"not checkable on matching figures: {why}; {label} gives {summary}"
        done.append((s, flipped, outcome, reason, observed, arith, call))
    if done:
        return _pick(claim, done)
    return unverifiable(claim, f"partial-year figure ('{p.partial}'): " + "; ".join(gaps) +
                        "; the annual data are never compared with a part of a year", calls=[])


def _pick(claim: Claim, done: list):
    """The deciding monthly series: the first (the country's own, most trusted), unless another series of the same
    reporter and side (the same office counting imports by origin and by consignment, the text saying neither)
    supports the claim; the others' figures are named."""
    first = done[0]
    same = [d for d in done if d[0].reporter == first[0].reporter and d[1] == first[1]]
    best = next((d for d in same if d[2] == SUPPORTED), None) or next((d for d in same if d[2] == PARTLY), None) \
        or first
    s, _, outcome, reason, observed, arith, call = best
    others = [d for d in done if d is not best][:2]
    for d in others:
        reason += f"; {d[0].label} gives {fmt(d[4][-1].value, d[0].unit)} ({d[2]})"
        observed = observed + d[4]
    return verdict(claim, outcome, reason, observed, arith, [call] + [d[6] for d in others])


__all__ = ["judge_partial", "UNVERIFIABLE"]


def basis_of(series_label: str) -> str:
    """'origin' for a source counting imports by country of origin, else 'consignment'."""
    return "origin" if "origin" in series_label.lower() else "consignment"


def _partner_sums(ev, country: str, flow: str, year: int, months, basis: str | None):
    """[(source label, {partner: sum over the months}, total, how the total was found)] per source whose months
    are all there; the total is the world row, else the partners' sum when they are as many as the indicators
    require for a sum to stand in for the world (indicators.trade.MIN_PARTNERS_FOR_SUM)."""
    from ...indicators.trade import MIN_PARTNERS_FOR_SUM

    frame = ev.monthly_partners(country, flow)
    out = []
    if frame.empty:
        return out
    wanted = set(range(months[0], months[1] + 1))
    for source, rows in frame.groupby("source", sort=True):
        from .sources import identity

        ident = identity(str(source))
        label = ident.label if ident else str(source)
        if basis and basis_of(label) != basis:
            continue
        rows = rows[(rows["year"] == year) & rows["month"].isin(wanted)]
        if set(rows["month"]) != wanted:
            continue
        sums = rows.groupby("partner")["value"].sum()
        if "WLD" in sums.index:
            total, how = float(sums.pop("WLD")), "the world row"
        elif len(sums) >= MIN_PARTNERS_FOR_SUM:
            total, how = float(sums.sum()), f"the sum of the {len(sums)} partners listed"
        else:
            continue
        out.append((label, {k: float(v) for k, v in sums.items()}, total, how, str(source)))
    return out


def judge_partial_share(claim, ev, country: str, partners: list[str]):
    """A partner's (or several partners') share of a country's flow over part of a year, from monthly tables."""
    p = claim.payload
    found = _partner_sums(ev, country, p.flow, p.year, p.months, getattr(p, "basis", None))
    if not found:
        return None
    label, sums, total, how, source = found[0]
    absent = [x for x in partners if x not in sums]
    if absent:  # coverage: a partner without a row is not a zero (the table may list only its main partners)
        return unverifiable(claim, _absent(label, p, absent, country, sums), calls=[_monthly_call(country, source,
                                                                                                  p.year)])
    part = sum(sums.get(x, 0.0) for x in partners)
    share = part / total if total else float("nan")
    j = tol.judge(p.value, share, p.hedge, kind="share", half_unit=p.half_unit)
    span = f"{p.year}-{_months(p)}"
    arithmetic = [f"{label}, months {_months(p)} of {p.year}: {', '.join(name(x) for x in partners)} "
                  f"{fmt(part, 'USD')} / {fmt(total, 'USD')} ({how}) = {fmt(share, 'share')}; claimed "
                  f"{hedged(p.value, 'share', p.hedge)} → accepted {tol.describe(j.low, j.high, lambda x: fmt(x, 'share'))}"]
    reason = f"{j.verdict} by {label}, months {_months(p)} summed: {fmt(share, 'share')} in {span} (like with like: " \
             "the same months)"
    observed = [Observation(share, "share", f"{label}, months {_months(p)} summed", p.year, country,
                            ",".join(partners), p.flow)]
    return verdict(claim, j.verdict, reason, observed, arithmetic, [_monthly_call(country, source, p.year)])


def judge_partial_rank(claim, ev, country: str, partner: str):
    """A partner's rank among a country's partners over part of a year, from monthly tables."""
    from ..model import CONTRADICTED, SUPPORTED

    p = claim.payload
    found = _partner_sums(ev, country, p.flow, p.year, p.months, getattr(p, "basis", None))
    if not found:
        return None
    label, sums, total, how, source = found[0]
    if partner not in sums:  # coverage: a partner without a row ranks nowhere only in this table, not in the trade
        return unverifiable(claim, _absent(label, p, [partner], country, sums),
                            calls=[_monthly_call(country, source, p.year)])
    ranked = sorted(((k, v) for k, v in sums.items() if k != country), key=lambda kv: -kv[1])
    order = [k for k, _ in ranked]
    position = order.index(partner) + 1 if partner in order else None
    ok = position == int(p.value or 1) and (not p.behind or sorted(order[:position - 1]) == sorted(p.behind))
    top = ", ".join(f"{name(k)} {fmt(v, 'USD')}" for k, v in ranked[:max(3, int(p.value or 1))])
    reason = f"{label}, months {_months(p)} of {p.year} summed: {name(partner)} ranks {position or 'nowhere'} ({top})"
    return verdict(claim, SUPPORTED if ok else CONTRADICTED, reason,
                   [Observation(position, "rank", f"{label}, months {_months(p)} summed", p.year, country, partner,
                                p.flow)], calls=[_monthly_call(country, source, p.year)])


def _absent(label, p, partners, country, sums) -> str:
    """Why a partner missing from the summed months leaves the claim unverifiable (coverage, never a zero)."""
    return (f"coverage: {', '.join(name(x) for x in partners)} has no row in {label}, months {_months(p)} of {p.year} "
            f"({len(sums)} partners listed for {name(country)}); a partner the table does not list is not known to "
            "rank nowhere or to hold no share")


def _monthly_call(country, source, year):
    from ..model import Call

    return Call.load("trade_monthly", country=country, source=source, year=str(year))
