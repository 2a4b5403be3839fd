"""Judging a trade figure (level, change, multiple) for one pair: each source's series at the target year, the
deciding source chosen by trust, the others reported, the safety rule applied, and the calls that reproduce it."""

from __future__ import annotations

from ..evidence import Evidence, Series
from ..model import AsOf, Claim, CONTRADICTED, PARTLY, SUPPORTED, UNVERIFIABLE
from ..reading.entities import name
from . import tolerances as tol
from .common import combine, fmt, hedged, observe, unverifiable, verdict
from .attribution import Attribution, settle
from .sources import guard, order, pick
from .years import target_year

# Units a trade figure can be compared in (the data hold US dollars; Eurostat publishes euros).
COMPARABLE = (None, "USD", "EUR", "share", "multiple", "percent_change", "direction", "rank")


def expanded(codes, ev: Evidence, on) -> list[str]:
    """ISO3 codes of a list of countries and group ids, groups expanded as of `on`."""
    return [c for code in codes for c in ev.expand(code, on)]


def pairs_of(p, ev: Evidence, as_of: AsOf) -> list[tuple[str, str]]:
    countries, partners = expanded(p.country, ev, as_of.day), expanded(p.partner, ev, as_of.day)
    return [(c, q) for c in countries for q in partners if c != q]


def needs_base(kind: str, p) -> bool:
    return kind in ("change", "multiple")


def period_problem(kind: str, p) -> str | None:
    """Why a period cannot be compared with annual figures, or None."""
    if p.unresolved and p.unresolved.startswith("the year of"):
        return p.unresolved
    if p.fiscal:
        return f"a fiscal-year figure ('{p.fiscal}'): the data are calendar years, and a fiscal year is never " \
               "compared with one"
    if p.partial:
        return f"partial-year figure ('{p.partial}'): the data are annual"
    if kind == "change" and p.month and not p.since:
        return f"the claim is about a month ({p.month}); the data are annual"
    if p.unresolved and p.unresolved.endswith("years"):  # "in recent years", "over the past few years"
        return f"'{p.unresolved}' names no year: the figure's period is not stated"
    if p.unresolved:
        return f"relative period '{p.unresolved}' needs the article's date (--date)"
    return None


def unverifiable_reason(kind: str, p, pairs) -> str | None:
    if getattr(p, "goods", None):
        return f"a product category ('{p.goods}'): the pack holds all-goods trade totals only"
    problem = period_problem(kind, p)
    if problem:
        return problem
    if p.unit not in COMPARABLE:
        return f"amount in {p.unit}: the data hold US dollar values (and Eurostat's euros) only"
    terms = getattr(p, "terms", None)
    if terms and terms not in ("USD", "EUR"):
        return f"a change measured in {terms} terms: the data hold US dollar values (and Eurostat's euros) only, and " \
               "a rate in another currency differs from the dollar rate by the exchange rate's own change"
    if needs_base(kind, p) and not p.base_year:
        return "no base period stated or resolvable (e.g. 'since 2020', 'from 2019 to 2023')"
    if not pairs:
        return "no country pair could be resolved"
    return None


def judge_series(kind: str, p, ev: Evidence, s: Series, target: tuple[int | None, str]):
    """(verdict, observations, arithmetic, summary, years used) of one series at the target year, or None when it
    lacks the needed years or the claim's currency."""
    if p.unit in ("USD", "EUR") and kind in ("level", "change") and s.unit != p.unit:
        return None
    if getattr(p, "terms", None) in ("USD", "EUR") and s.unit != p.terms:
        return None  # "in euro terms": judged on euro figures only
    if kind == "level":
        year, why = target
        if year is None or year not in s.values or p.value is None:
            return None
        v = s.values[year]
        j = tol.judge(p.value, v, p.hedge, kind="level", half_unit=p.half_unit)
        arith = [f"{s.label}: {fmt(v, s.unit)} in {year}; claimed {hedged(p.value, p.unit, p.hedge)} → accepted "
                 f"{tol.describe(j.low, j.high, lambda x: fmt(x, s.unit))}"]
        outcome, summary = j.verdict, f"{fmt(v, s.unit)} in {year}"
        if getattr(p, "record", False):
            earlier = [y for y in s.years() if y < year]
            if len(earlier) >= tol.RECORD_MIN_HISTORY:
                peak = max(s.values[y] for y in earlier)
                is_record = v > peak
                arith.append(f"record: {fmt(v, s.unit)} vs earlier peak {fmt(peak, s.unit)} "
                             f"({min(earlier)}-{max(earlier)}) → {'a record' if is_record else 'not a record'}")
                if not is_record:
                    outcome = combine([outcome, CONTRADICTED])
        if j.note:
            summary += f" ({j.note})"
        if why:
            arith.append(why)
        return outcome, [observe(s, year)], arith, summary, [year]
    base = p.base_year
    end, why = target
    if base is None or end is None or end not in s.values or base not in s.values:
        return None
    ratio = ev.growth(s, base, end)
    if ratio is None:
        return None
    obs = [observe(s, base), observe(s, end)]
    arith = [f"{s.label}: {fmt(s.values[end], s.unit)} ({end}) / {fmt(s.values[base], s.unit)} ({base}) = "
             f"×{ratio:.2f}"]
    if why:
        arith.append(why)
    if p.unit in ("USD", "EUR"):
        diff = s.values[end] - s.values[base]
        j = tol.judge(p.value, diff, p.hedge, kind="level", half_unit=p.half_unit)
        arith.append(f"difference {fmt(diff, s.unit)} vs claimed {hedged(p.value, p.unit, p.hedge)} → accepted "
                     f"{tol.describe(j.low, j.high, lambda x: fmt(x, s.unit))}")
        return j.verdict, obs, arith, f"{fmt(diff, s.unit)} ({base}-{end})", [base, end]
    if p.unit == "percent_change":
        pct = (ratio - 1) * 100
        j = tol.judge(p.value, pct, p.hedge, kind="growth", half_unit=p.half_unit)
        arith.append(f"growth {pct:+.1f}% vs claimed {hedged(p.value, 'percent_change', p.hedge)} → accepted "
                     f"{tol.describe(j.low, j.high, lambda x: f'{x:+.1f}%')}")
        return j.verdict, obs, arith, f"{pct:+.1f}% ({base}-{end})", [base, end]
    if p.unit == "direction":
        j = tol.judge_direction(ratio, p.direction)
        return j.verdict, obs, arith, f"×{ratio:.2f} ({base}-{end}){', ' + j.note if j.note else ''}", [base, end]
    j = tol.judge(p.value, ratio, p.hedge, kind="multiple")
    arith.append(f"claimed {hedged(p.value, 'multiple', p.hedge)} → accepted "
                 f"{tol.describe(j.low, j.high, lambda x: f'×{x:.2f}')}")
    outcome, summary = j.verdict, f"×{ratio:.2f} ({base}-{end})"
    if outcome != SUPPORTED and p.since:
        # "since 2021 ... nearly tripled": did it hold in an intermediate year?
        held = []
        for y in s.years():
            if base < y < end:
                r = ev.growth(s, base, y)
                if r is not None and tol.judge(p.value, r, p.hedge, kind="multiple").verdict == SUPPORTED:
                    held.append((y, r))
        if held:
            y, r = held[-1]
            outcome = PARTLY
            arith.append(f"it held in {y} (×{r:.2f}) but not in {end} (×{ratio:.2f})")
            summary = f"×{r:.2f} by {y}, ×{ratio:.2f} by {end}"
            obs.insert(1, observe(s, y))
    return outcome, obs, arith, summary, [base, end]


def pair_target(kind: str, p, series: list[Series], as_of: AsOf) -> tuple[int | None, str]:
    """The (end) year for a pair, chosen over all its sources at once so every source is judged on the same year."""
    years = {y for s in series for y in s.values}
    if kind != "level" and p.base_year:
        years = {y for y in years if y > p.base_year}
    return target_year(p.year, years, as_of.article)


def no_data(p, series: list[Series]) -> str:
    years = sorted({y for s in series for y in s.values})
    if not years:
        return "no data for this pair in the pack"
    wanted = [y for y in (p.base_year, p.year) if y]
    span = f"{years[0]}-{years[-1]}"
    if wanted:
        return f"no data for {', '.join(map(str, wanted))} (data cover {span} across sources)"
    return f"no figure for the period (data cover {span})"


def call_for(s: Series, years) -> object:
    """The call reproducing a series' figures for the years used."""
    if s.call is None:
        return None
    years = sorted({int(y) for y in years if y is not None})
    span = (str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}") if years else None
    if s.call.function == "indicator":
        return s.call.but(years=span)
    return s.call.but(year=span)


def judge_pair(claim: Claim, ev: Evidence, as_of: AsOf, pair, series: list[Series]):
    """(verdict, reason, observed, arithmetic, calls) of a claim about one pair."""
    kind, p = claim.type, claim.payload
    target = pair_target(kind, p, series, as_of)
    results = []
    for s in series:
        r = judge_series(kind, p, ev, s, target)
        if r is not None:
            results.append((s, r))
    if not results:
        why = target[1] if target[0] is None and target[1] else no_data(p, series)
        if p.unit == "EUR" and not any(s.unit == "EUR" for s in series):
            why = "an amount in euros: no source publishes this pair in euros (Eurostat covers the EU's trade)"
        elif p.unit == "USD" and series and all(s.unit == "EUR" for s in series):
            why = "the only source for this pair publishes euros (Eurostat); the claim is in US dollars"
        return UNVERIFIABLE, why, [], [], []
    results = pick(results, p.reporter, *pair)
    s0, (v0, obs0, ar0, sum0, used0) = results[0]
    outcome, guard_why = guard(v0, s0, used0, p.reporter, pair[0], pair[1], p.flow)
    if guard_why and not p.reporter:
        # the deciding figure may not contradict (an estimate, part of a year): a matching one that may decides
        able = next(((s, r) for s, r in results[1:] if r[0] == CONTRADICTED and s.kind in ("own", "mirror") and
                     guard(r[0], s, r[4], p.reporter, pair[0], pair[1], p.flow)[1] is None), None)
        if able is not None:
            results = [able] + [x for x in results if x is not able]
            s0, (v0, obs0, ar0, sum0, used0) = results[0]
            outcome, guard_why = v0, None
    disagree = ""
    # the deciding figure says otherwise but another official source supports it: partly supported, both named
    outcome, backer = settle(outcome, results[0], results, Attribution(tuple(p.reporter or ())))
    if backer is not None:
        disagree = f"; sources disagree: {backer[0].label} supports it ({backer[1][3]})"
    observed, arithmetic, calls = list(obs0), list(ar0), [call_for(s0, used0)]
    text = f"{v0} by {s0.label}: {sum0}{disagree}"
    if backer is not None and outcome == SUPPORTED:
        text = f"supported by {backer[0].label}: {backer[1][3]}; {s0.label} gives {sum0} ({v0}), a figure the data " \
               f"flag (estimate, partial or weak) that may not decide"
    if guard_why and outcome == UNVERIFIABLE:
        text = f"not checkable on matching figures: {guard_why}; it gives {sum0}" + \
            (", which would contradict the claim" if v0 == CONTRADICTED else "")
    others = []
    for s, (v, obs, ar, summ, used) in results[1:4]:
        if disagree and s is backer[0]:
            calls.append(call_for(s, used))
            continue
        observed += obs
        arithmetic += ar
        calls.append(call_for(s, used))
        others.append(f"{s.label} gives {summ}" + ("" if v == v0 else f" ({v})"))
    if others:
        text += "; " + "; ".join(others)
    return outcome, text, observed, arithmetic, calls


def judge_trade(claim: Claim, ev: Evidence, as_of: AsOf):
    """The verdict on a level, change or multiple claim about one pair or a group."""
    from .groups import judge_group, judge_group_direction

    p = claim.payload
    if p.goods:
        return unverifiable(claim, unverifiable_reason(claim.type, p, []))
    pairs = pairs_of(p, ev, as_of)
    series_by_pair = {pair: order(ev.trade_series(pair[0], pair[1], p.flow), p.reporter, *pair) for pair in pairs}
    if p.partial and p.months and p.year:
        from .monthly import judge_partial

        partial = judge_partial(claim, ev, pairs)
        if partial is not None:
            return partial
    if p.fiscal and not p.goods:
        from .fiscal import judge_fiscal

        fiscal = judge_fiscal(claim, ev, pairs)  # the same fiscal year's official figure, when the data hold one
        if fiscal is not None:
            return fiscal
    reason = unverifiable_reason(claim.type, p, pairs) or unfinished_year(p, as_of)
    if reason:
        return unverifiable(claim, reason)
    if len(pairs) > 1 and claim.type == "change" and p.unit == "direction":
        return judge_group_direction(claim, ev, as_of, pairs, series_by_pair)
    if len(pairs) > 1:
        return judge_group(claim, ev, as_of, pairs, series_by_pair)
    series, gap = series_by_pair[pairs[0]], None
    if claim.type == "level" and p.year and not p.month:  # a year held by month only: its twelve months summed
        from .summed_months import summed_years

        built, gap = summed_years(ev, pairs[0], p.flow, int(p.year), series)
        series = order(series + built, p.reporter, *pairs[0]) if built else series
    outcome, text, observed, arithmetic, calls = judge_pair(claim, ev, as_of, pairs[0], series)
    if outcome == UNVERIFIABLE and not observed:
        text = f"{names_pair(pairs[0])}: {text}"
    if outcome == UNVERIFIABLE and gap:
        text += f" ({gap})"
    if p.period_note:
        text += f". Period: {p.period_note}"
    return verdict(claim, outcome, text or "no data", observed, arithmetic, calls)


def unfinished_year(p, as_of: AsOf) -> str | None:
    """Why a figure for a year the article was written in cannot be the full year's (it can only cover the months
    before the article, which it does not state), or None."""
    article, year = as_of.article, getattr(p, "year", None)
    if article is None or not year or p.partial or p.fiscal or p.month or article.year != int(year):
        return None
    return f"the article is dated {article.isoformat()}, before {year} ended: its figure for {year} can only cover " \
           "part of the year (months not stated); the annual data are never compared with it"


def names_pair(pair) -> str:
    return f"{name(pair[0])}–{name(pair[1])}"
