"""Decide each claim: query the evidence, compare with the documented tolerances, and say why, per source."""

from __future__ import annotations

import datetime as dt
import math
import re

from ..countries import name_of
from . import tolerances as tol
from .evidence import Evidence, Series
from .lexicon import ORG_NAMES
from .model import CONTRADICTED, PARTLY, SUPPORTED, UNVERIFIABLE, Claim, Observation, Verdict

# Source ids in the order we trust them for a country's own reporting (national statistics first).
OWN_ORDER = ("national_", "press:", "imf_imts", "imf_dots", "russia_fcs", "comtrade", "eurostat")
# A claim without a year may use data at most this many years older than the last full year before the article.
STALE_YEARS = 1
# Mirror views complete enough to rank a country's partners (partners' reports from nearly every state).
COMPLETE_MIRRORS = ("mirror:imf_dots",)
# "Consistently": every year of this many recent years (with data) must agree.
CONSISTENT_YEARS = 5
# Group ids readable in reasons.
GROUP_NAMES = {"CA5": "the five Central Asian states", "SCO": "SCO members", "EAEU": "EAEU members",
               "WEST": "the West (EU, US, UK)", "SHANGHAI5": "the Shanghai Five", "WLD": "the world"}


def name(code: str) -> str:
    if code in GROUP_NAMES:
        return GROUP_NAMES[code]
    return name_of(code) if isinstance(code, str) and len(code) == 3 else str(code)


def names(codes) -> str:
    codes = list(codes)
    return " and ".join([", ".join(name(c) for c in codes[:-1]), name(codes[-1])]) if len(codes) > 1 else \
        (name(codes[0]) if codes else "")


def fmt(value: float, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if unit == "USD":
        if abs(value) >= 1e9:
            return f"${value / 1e9:,.2f} bn"
        if abs(value) >= 1e6:
            return f"${value / 1e6:,.1f} mn"
        return f"${value:,.0f}"
    if unit == "share":
        return f"{value * 100:.2f}%"
    if unit == "multiple":
        return f"×{value:.2f}"
    if unit == "percent_change":
        return f"{value:+.1f}%"
    return f"{value:g}"


def evaluate(claim: Claim, ev: Evidence, date: dt.date | None = None) -> Verdict:
    """The verdict on one claim."""
    handler = {"level": _level_like, "change": _level_like, "multiple": _level_like, "share": _share,
               "rank": _rank, "comparison": _comparison, "membership": _membership, "founding": _founding,
               "summit": _summit, "quote": _quote, "other": _other}.get(claim.type, _other)
    return handler(claim, ev, date)


def _v(claim, verdict, reason, observed=(), arithmetic=()) -> Verdict:
    return Verdict(claim, verdict, list(observed), reason, list(arithmetic))


def combine(verdicts: list[str]) -> str:
    """Several parts (countries, documents): all supported → supported; none → contradicted; mixed → partly."""
    checked = [v for v in verdicts if v != UNVERIFIABLE]
    if not checked:
        return UNVERIFIABLE
    if all(v == SUPPORTED for v in checked):
        return SUPPORTED if len(checked) == len(verdicts) else PARTLY
    if all(v == CONTRADICTED for v in checked):
        return CONTRADICTED
    return PARTLY


def statement_verdict(verdicts: list[Verdict]) -> str:
    """One verdict for a statement from its claims' verdicts: all supported → supported, all contradicted →
    contradicted, all unverifiable → unverifiable, otherwise partly supported; 'none' when no claim was found."""
    if not verdicts:
        return "none"
    kinds = [v.verdict for v in verdicts]
    if all(k == UNVERIFIABLE for k in kinds):
        return UNVERIFIABLE
    return combine(kinds)


# --- trade: level, change, multiple -----------------------------------------------------------------------------


def _expanded(claim: Claim, ev: Evidence, field: str, on) -> list[str]:
    """The ISO3 codes of a parsed field (countries, partners, leaders…), groups expanded as of `on`."""
    return [c for code in claim.parsed.get(field, []) for c in ev.expand(code, on)]


def _countries_and_partner(claim: Claim, ev: Evidence, date) -> tuple[list[str], str | None]:
    """The claim's countries and its one partner (None unless there is exactly one), groups expanded as of date."""
    on = date or dt.date.today()
    partners = _expanded(claim, ev, "partner", on)
    return _expanded(claim, ev, "country", on), (partners[0] if len(partners) == 1 else None)


def _pairs(claim: Claim, ev: Evidence, date) -> list[tuple[str, str]]:
    on = date or dt.date.today()
    countries = _expanded(claim, ev, "country", on)
    partners = _expanded(claim, ev, "partner", on)
    return [(c, p) for c in countries for p in partners if c != p]


def _order(series: list[Series], parsed: dict, country: str, partner: str) -> list[Series]:
    """Series in the order the verdict trusts them: a reporter the text names; the country's own figures; the
    partner's; the rest. The reconciled view only repeats one of these and is left out."""
    chosen = [s for s in series if s.kind != "reconciled"]
    if any(s.source == "russia_fcs" for s in chosen):
        chosen = [s for s in chosen if s.source != "russia_fcs_monthly"]

    def key(s: Series):
        named, side = _tier(s, parsed, country, partner)
        within = next((i for i, p in enumerate(OWN_ORDER) if s.source.startswith(p)), len(OWN_ORDER))
        return (named, side, within, s.source)

    return sorted(chosen, key=key)


def _target_year(parsed: dict, years, date) -> tuple[int | None, str]:
    """The year a claim is about: the stated year; else the last full year before the article (a year earlier when
    no source has it yet, never older: STALE_YEARS); without an article date, the latest year in the data."""
    if parsed.get("year"):
        return int(parsed["year"]), ""
    years = sorted(set(years))
    if date is None:
        if not years:
            return None, "no year stated and no data"
        return years[-1], "no year stated and no article date: the latest year in the data"
    cap = date.year - 1
    usable = [y for y in years if cap - STALE_YEARS <= y <= cap]
    if not usable:
        latest = max((y for y in years if y <= cap), default=None)
        return None, f"no year stated: the last full year before the article is {cap}" + \
            (f", but the data end in {latest}" if latest else "")
    year = max(usable)
    why = f"no year stated: the last full year before the article ({cap})"
    if year != cap:
        why += f"; no source has {cap} yet, so {year}"
    return year, why


def _growth(ev: Evidence, s: Series, base: int, year: int) -> float | None:
    """end/base of a series: the trade_growth indicator for indicator views, the ratio of the two published
    figures for press series (no indicator covers them)."""
    if base not in s.values or year not in s.values or s.values[base] <= 0:
        return None
    if s.query is not None:
        c, p, f, src = s.query
        frame = ev.growth(c, p, f, base, year)
        if not frame.empty:
            rows = frame[frame["source"] == src]
            if not rows.empty:
                return float(rows.iloc[0]["value"])
    return s.values[year] / s.values[base]


def _obs(s: Series, year: int, unit: str = "USD", value=None) -> Observation:
    v = s.values.get(year) if value is None else value
    note = []
    if year in s.estimates:
        note.append("estimate" if s.kind != "press" else "derived on the page")
    if year in s.months:
        note.append(f"{s.months[year]} months only")
    if year in s.notes and s.kind != "press":
        note.append(s.notes[year])
    return Observation(v, unit, s.label, year, s.country, s.partner, s.flow, s.urls.get(year),
                       "; ".join(note) or None)


def _judge_series(claim: Claim, ev: Evidence, s: Series, date, target: tuple[int | None, str]) \
        -> tuple[str, list, list, str] | None:
    """(verdict, observations, arithmetic, summary) of one series at the target year, or None when it lacks the
    needed years."""
    p = claim.parsed
    if claim.type == "level":
        year, why = target
        if year is None or year not in s.values:
            return None
        v = s.values[year]
        if p.get("value") is None:
            return None
        j = tol.judge(p["value"], v, p.get("hedge"), kind="level", half_unit=p.get("half_unit", 0.0))
        arith = [f"{s.label}: {fmt(v, 'USD')} in {year}; claimed {_hedged(p)} → accepted "
                 f"{tol.describe(j.low, j.high, lambda x: fmt(x, 'USD'))}"]
        verdict = j.verdict
        summary = f"{fmt(v, 'USD')} in {year}"
        if p.get("record"):
            earlier = [y for y in s.years() if y < year]
            if len(earlier) >= tol.RECORD_MIN_HISTORY:
                peak = max(s.values[y] for y in earlier)
                is_record = v > peak
                arith.append(f"record: {fmt(v, 'USD')} vs earlier peak {fmt(peak, 'USD')} "
                             f"({min(earlier)}-{max(earlier)}) → {'a record' if is_record else 'not a record'}")
                if not is_record:
                    verdict = combine([verdict, CONTRADICTED])
        if j.note:
            summary += f" ({j.note})"
        if why:
            arith.append(why)
        return verdict, [_obs(s, year)], arith, summary
    base = p.get("base_year")
    if base is None:
        return None
    if claim.type == "change" and p.get("month") and not p.get("since"):
        return None
    years_after = [y for y in s.years() if y > base]
    end, why = target
    if end is None or end not in s.values or base not in s.values:
        return None
    ratio = _growth(ev, s, base, end)
    if ratio is None:
        return None
    obs = [_obs(s, base), _obs(s, end)]
    arith = [f"{s.label}: {fmt(s.values[end], 'USD')} ({end}) / {fmt(s.values[base], 'USD')} ({base}) = ×{ratio:.2f}"]
    if why:
        arith.append(why)
    if p.get("unit") == "percent_change":
        pct = (ratio - 1) * 100
        j = tol.judge(p["value"], pct, p.get("hedge"), kind="growth", half_unit=p.get("half_unit", 0.0))
        arith.append(f"growth {pct:+.1f}% vs claimed {_hedged(p)} → accepted "
                     f"{tol.describe(j.low, j.high, lambda x: f'{x:+.1f}%')}")
        return j.verdict, obs, arith, f"{pct:+.1f}% ({base}-{end})"
    if p.get("unit") == "direction":
        j = tol.judge_direction(ratio, p["direction"])
        return j.verdict, obs, arith, f"×{ratio:.2f} ({base}-{end}){', ' + j.note if j.note else ''}"
    j = tol.judge(p["value"], ratio, p.get("hedge"), kind="multiple")
    arith.append(f"claimed {_hedged(p)} → accepted {tol.describe(j.low, j.high, lambda x: f'×{x:.2f}')}")
    verdict, summary = j.verdict, f"×{ratio:.2f} ({base}-{end})"
    if verdict != SUPPORTED and p.get("since"):
        # "since 2021 ... nearly tripled": did it hold in an intermediate year?
        held = []
        for y in years_after:
            if y < end and y in s.values:
                r = _growth(ev, s, base, y)
                if r is not None and tol.judge(p["value"], r, p.get("hedge"), kind="multiple").verdict == SUPPORTED:
                    held.append((y, r))
        if held:
            y, r = held[-1]
            verdict = PARTLY
            arith.append(f"it held in {y} (×{r:.2f}) but not in {end} (×{ratio:.2f})")
            summary = f"×{r:.2f} by {y}, ×{ratio:.2f} by {end}"
            obs.insert(1, _obs(s, y))
    return verdict, obs, arith, summary


def _hedged(p: dict) -> str:
    hedge = p.get("hedge")
    unit = p.get("unit", "USD")
    value = p.get("value")
    text = fmt(value, unit) if value is not None else ""
    if unit == "multiple":
        text = f"×{value:g}"
    return f"{hedge} {text}" if hedge else text


def _unverifiable_reason(claim: Claim, pairs, series_by_pair) -> str | None:
    p = claim.parsed
    if p.get("partial"):
        return f"partial-year figure ('{p['partial']}'): the data are annual"
    if claim.type == "change" and p.get("month") and not p.get("since"):
        return f"the claim is about a month ({p['month']}); the data are annual"
    if p.get("unit") not in (None, "USD", "share", "multiple", "percent_change", "direction", "rank"):
        return f"amount in {p['unit']}: the data hold US dollar values only"
    if p.get("unresolved"):
        return f"relative period '{p['unresolved']}' needs the article's date (--date)"
    if claim.type in ("change", "multiple") and not p.get("base_year"):
        return "no base period stated or resolvable (e.g. 'since 2020', 'from 2019 to 2023')"
    if not pairs:
        return "no country pair could be resolved"
    return None


def _level_like(claim: Claim, ev: Evidence, date) -> Verdict:
    pairs = _pairs(claim, ev, date)
    series_by_pair = {pair: _order(ev.trade_series(pair[0], pair[1], claim.parsed["flow"]), claim.parsed, *pair)
                      for pair in pairs}
    reason = _unverifiable_reason(claim, pairs, series_by_pair)
    if reason:
        return _v(claim, UNVERIFIABLE, reason)
    group = len(pairs) > 1
    if group and claim.type == "change" and claim.parsed.get("unit") == "direction":
        return _group_direction(claim, ev, date, pairs, series_by_pair)
    if group:
        return _group(claim, ev, date, pairs, series_by_pair)
    observed, arithmetic, parts, part_verdicts = [], [], [], []
    for pair in pairs:
        results = []
        target = _pair_target(claim, series_by_pair[pair], date)
        for s in series_by_pair[pair]:
            r = _judge_series(claim, ev, s, date, target)
            if r is not None:
                results.append((s, r))
        if not results:
            part_verdicts.append(UNVERIFIABLE)
            why = target[1] if target[0] is None and target[1] else _no_data(claim, series_by_pair[pair], date)
            parts.append(f"{name(pair[0])}–{name(pair[1])}: {why}")
            continue
        results = _pick(results, claim.parsed, *pair)
        s0, (v0, obs0, ar0, sum0) = results[0]
        verdict0 = v0
        disagree, backer = "", None
        if v0 != SUPPORTED and not claim.parsed.get("reporter"):
            backer = next(((s, r) for s, r in results[1:] if r[0] == SUPPORTED), None)
            if backer is not None:
                verdict0 = PARTLY  # the country's own figures say otherwise, another official source agrees
                disagree = f"; sources disagree: {backer[0].label} supports it ({backer[1][3]})"
        part_verdicts.append(verdict0)
        observed += obs0
        arithmetic += ar0
        text = f"{v0} by {s0.label}: {sum0}{disagree}"
        others = []
        for s, (v, obs, ar, summ) in results[1:4]:
            if disagree and s is backer[0]:
                continue
            observed += obs
            arithmetic += ar
            others.append(f"{s.label} gives {summ}" + ("" if v == v0 else f" ({v})"))
        if others:
            text += "; " + "; ".join(others)
        parts.append((f"{name(pair[0])}–{name(pair[1])}: " if group else "") + text)
    verdict = combine(part_verdicts)
    reason = ". ".join(parts)
    if claim.parsed.get("period_note"):
        reason += f". Period: {claim.parsed['period_note']}"
    if verdict == UNVERIFIABLE and not reason:
        reason = "no data"
    return _v(claim, verdict, reason, observed, arithmetic)


def _tier(s: Series, parsed: dict, country: str, partner: str) -> tuple[int, int]:
    """(named reporter?, whose figures: the country's 0, the partner's 1, others 2) — the first two keys of _order."""
    hint = set(parsed.get("reporter") or [])
    named = 0 if hint and (s.reporter in hint or ("IMF" in hint and "imf" in s.source)) else 1
    side = 0 if s.reporter == country else 1 if s.reporter == partner else 2
    return named, side


def _pick(results: list, parsed: dict, country: str, partner: str) -> list:
    """Results with the one that decides first: within the most trusted tier (named reporter, else the country's
    own figures), a source that supports the claim wins over one that does not (the issue's "supported by China's
    customs figures; Kazakhstan's statistics give 21.5%")."""
    if not results:
        return results
    top = _tier(results[0][0], parsed, country, partner)
    same = [r for r in results if _tier(r[0], parsed, country, partner) == top]
    best = next((r for r in same if r[1][0] == SUPPORTED), None) or \
        next((r for r in same if r[1][0] == PARTLY), None) or same[0]
    return [best] + [r for r in results if r is not best]


def _pair_target(claim: Claim, series: list[Series], date) -> tuple[int | None, str]:
    """The (end) year for a pair, chosen over all its sources at once so every source is judged on the same year."""
    p = claim.parsed
    years = {y for s in series for y in s.values}
    if claim.type != "level" and p.get("base_year"):
        years = {y for y in years if y > p["base_year"]}
    return _target_year(p, years, date)


def _group_direction(claim, ev, date, pairs, series_by_pair) -> Verdict:
    """A group's direction-only change ("SCO members' exports to Russia have increased"): the sum over the pairs
    with data in both years (each pair from its first source), with the pairs that moved the other way named."""
    p = claim.parsed
    base = int(p["base_year"])
    observed, arithmetic, against, missing = [], [], [], []
    total_base = total_end = 0.0
    end_year = None
    for pair in pairs:
        target = _pair_target(claim, series_by_pair[pair], date)
        s = next((s for s in series_by_pair[pair] if base in s.values and target[0] in s.values), None)
        if s is None:
            missing.append(pair)
            continue
        end_year = target[0]
        b, e = s.values[base], s.values[end_year]
        total_base += b
        total_end += e
        observed += [_obs(s, base), _obs(s, end_year)]
        arithmetic.append(f"{name(pair[0])}–{name(pair[1])} ({s.label}): {fmt(b, 'USD')} → {fmt(e, 'USD')}")
        if tol.judge_direction(e / b if b else math.inf, p["direction"]).verdict != SUPPORTED:
            against.append(pair)
    if not observed or total_base <= 0:
        return _v(claim, UNVERIFIABLE, f"no pair has data for {base} and a later year", observed, arithmetic)
    ratio = total_end / total_base
    j = tol.judge_direction(ratio, p["direction"])
    verdict = j.verdict
    covered = len(pairs) - len(missing)
    arithmetic.append(f"sum: {fmt(total_end, 'USD')} ({end_year}) / {fmt(total_base, 'USD')} ({base}) = ×{ratio:.2f}")
    reason = f"sum over {covered} of {len(pairs)} pairs: ×{ratio:.2f} ({base}-{end_year})"
    if against:
        reason += "; moved the other way: " + ", ".join(f"{name(a)}–{name(b)}" for a, b in against)
    if missing:
        reason += "; no data: " + ", ".join(f"{name(a)}–{name(b)}" for a, b in missing)
        if covered < len(pairs) / 2 and verdict == SUPPORTED:
            verdict = PARTLY  # most of the group is not covered
    if p.get("period_note"):
        reason += f". Period: {p['period_note']}"
    return _v(claim, verdict, reason, observed, arithmetic)


def _no_data(claim: Claim, series: list[Series], date) -> str:
    years = sorted({y for s in series for y in s.values})
    if not years:
        return "no data for this pair in the pack"
    p = claim.parsed
    wanted = [y for y in (p.get("base_year"), p.get("year")) if y]
    span = f"{years[0]}-{years[-1]}"
    if wanted:
        return f"no data for {', '.join(map(str, wanted))} (data cover {span} across sources)"
    return f"no figure for the period (data cover {span})"


def _group(claim, ev, date, pairs, series_by_pair) -> Verdict:
    """A claim about a group ("China's trade with the five Central Asian states"): judged on the press figure for
    the group when one exists, else on the sum over the pairs, each pair taken from its first source that has every
    year the claim needs (never mixing sources across the years of one pair)."""
    p = claim.parsed
    countries, partners = _as_group(p.get("country", [])), _as_group(p.get("partner", []))
    candidates: list[Series] = []
    if len(countries) == 1 and len(partners) == 1:
        candidates += _order(ev.press_series(countries[0], partners[0], p["flow"]), p, countries[0], partners[0])
    union = {y for ss in series_by_pair.values() for s in ss for y in s.values}
    union |= {y for s in candidates for y in s.values}
    if claim.type != "level" and p.get("base_year"):
        union = {y for y in union if y > p["base_year"]}
    target = _target_year(p, union, date)
    needed = [y for y in (p.get("base_year") if claim.type != "level" else None, target[0]) if y]
    total = _sum_series(claim, pairs, series_by_pair, needed)
    if total is not None:
        candidates.append(total)
    reason = _unverifiable_reason(claim, pairs, series_by_pair)
    if reason:
        return _v(claim, UNVERIFIABLE, reason)
    results = []
    for s in candidates:
        r = _judge_series(claim, ev, s, date, target)
        if r is not None:
            results.append((s, r))
    if not results:
        missing = [pair for pair in pairs if not any(all(y in s.values for y in needed) for s in series_by_pair[pair])]
        why = target[1] if target[0] is None else f"no figure for {', '.join(map(str, needed))} for " + \
            ", ".join(f"{name(a)}–{name(b)}" for a, b in missing)
        return _v(claim, UNVERIFIABLE, why)
    best = next((r for r in results if r[1][0] == SUPPORTED), results[0])
    s0, (v0, obs0, ar0, sum0) = best
    observed, arithmetic = list(obs0), list(ar0)
    text = f"{v0} by {s0.label}: {sum0}"
    for s, (v, obs, ar, summ) in [r for r in results if r is not best][:2]:
        observed += obs
        arithmetic += ar
        text += f"; {s.label} gives {summ}" + ("" if v == v0 else f" ({v})")
    if total is not None and total.notes:
        arithmetic += [f"{year}: {note}" for year, note in sorted(total.notes.items())]
    return _v(claim, v0, text, observed, arithmetic)


def _sum_series(claim, pairs, series_by_pair, needed: list[int]) -> Series | None:
    """The sum over pairs for the needed years (each pair from its first source with all of them), or None."""
    if not needed:
        return None
    chosen = []
    for pair in pairs:
        s = next((s for s in series_by_pair[pair] if all(y in s.values for y in needed)), None)
        if s is None:
            return None
        chosen.append(s)
    p = claim.parsed
    label = f"sum over {len(chosen)} pairs"
    total = Series("sum", label, None, ",".join(p.get("country", [])), ",".join(p.get("partner", [])), p["flow"],
                   "sum")
    for year in needed:
        total.values[year] = sum(s.values[year] for s in chosen)
        total.notes[year] = " + ".join(f"{name(s.country)}–{name(s.partner)} {fmt(s.values[year], 'USD')} "
                                       f"({s.label})" for s in chosen) + f" = {fmt(total.values[year], 'USD')}"
        if any(year in s.estimates for s in chosen):
            total.estimates.add(year)
    return total


# --- shares -----------------------------------------------------------------------------------------------------


def _as_group(codes: list[str]) -> list[str]:
    """A list naming exactly the five Central Asian states is the group CA5 (press figures use it)."""
    from ..countries import CENTRAL_ASIA

    return ["CA5"] if sorted(codes) == sorted(CENTRAL_ASIA) else list(codes)


def _partial(claim: Claim) -> Verdict | None:
    p = claim.parsed
    if p.get("partial"):
        return _v(claim, UNVERIFIABLE, f"partial-year figure ('{p['partial']}'): the data are annual")
    if p.get("unresolved"):
        return _v(claim, UNVERIFIABLE, f"relative period '{p['unresolved']}' needs the article's date (--date)")
    return None


def _share(claim: Claim, ev: Evidence, date) -> Verdict:
    p = claim.parsed
    if partial := _partial(claim):
        return partial
    countries, partner = _countries_and_partner(claim, ev, date)
    if partner is None or not countries:
        return _v(claim, UNVERIFIABLE, "the share's partner or country could not be resolved to one state")
    observed, arithmetic, parts, verdicts = [], [], [], []
    if len(countries) > 1:
        date = date or _common_date(p, [{y for s in ev.share_series(c, partner, p["flow"]) for y in s.values}
                                        for c in countries])
    for country in countries:
        series = _order(ev.share_series(country, partner, p["flow"]), p, country, partner)
        own = [s for s in series if s.kind == "own"] or series
        results = []
        year, why = _target_year(p, {y for s in own for y in s.values}, date)
        for s in own:
            if year is None or year not in s.values:
                continue
            v = s.values[year]
            extra = s.extra.get(year, {})
            arith = f"{s.label}: {fmt(extra.get('partner_value'), 'USD')} / {fmt(extra.get('total_value'), 'USD')}" \
                    f" = {fmt(v, 'share')} ({year})"
            if p.get("record"):
                earlier = [y for y in s.years() if y < year]
                if len(earlier) < tol.RECORD_MIN_HISTORY:
                    continue
                peak_year = max(earlier, key=lambda y: s.values[y])
                ok = v > s.values[peak_year]
                results.append((s, SUPPORTED if ok else CONTRADICTED, year, v,
                                [arith, f"earlier peak {fmt(s.values[peak_year], 'share')} ({peak_year}) → "
                                        f"{'a record' if ok else 'not a record'}"] + ([why] if why else [])))
            else:
                j = tol.judge(p["value"], v, p.get("hedge"), kind="share", half_unit=p.get("half_unit", 0.0))
                results.append((s, j.verdict, year, v, [arith + f"; claimed {_hedged(p)} → accepted "
                                                        f"{tol.describe(j.low, j.high, lambda x: fmt(x, 'share'))}"]
                                + ([why] if why else [])))
        if not results:
            verdicts.append(UNVERIFIABLE)
            latest = max((y for s in series for y in s.values), default=None)
            parts.append(f"{name(country)}: no share of {name(partner)} for {year or why} in the pack" +
                         (f" (latest: {latest})" if latest else " (no source gives its world total)"))
            continue
        s0, v0, y0, val0, ar0 = results[0]
        verdicts.append(v0)
        observed.append(Observation(val0, "share", s0.label, y0, country, partner, p["flow"]))
        arithmetic += ar0
        text = f"{name(country)}: {v0} by {s0.label} ({fmt(val0, 'share')} in {y0})"
        for s, v, y, val, ar in results[1:3]:
            observed.append(Observation(val, "share", s.label, y, country, partner, p["flow"]))
            arithmetic += ar
            text += f"; {s.label} gives {fmt(val, 'share')} in {y}"
        parts.append(text)
    verdict = combine(verdicts)
    reason = ". ".join(parts)
    if p.get("reading"):
        reason = f"{p['reading']}. " + reason
    return _v(claim, verdict, reason, observed, arithmetic)


# --- ranks ------------------------------------------------------------------------------------------------------


def _rank(claim: Claim, ev: Evidence, date) -> Verdict:
    p = claim.parsed
    if partial := _partial(claim):
        return partial
    countries, partner = _countries_and_partner(claim, ev, date)
    if partner is None or not countries:
        return _v(claim, UNVERIFIABLE, "the partner or the countries could not be resolved")
    wanted = int(p.get("value", 1))
    observed, arithmetic, parts, verdicts = [], [], [], []
    date = date or _common_date(p, [set(_rank_view(ev.ranks(c, p["flow"]))["year"]) for c in countries])
    for country in countries:
        frame = ev.ranks(country, p["flow"])
        if frame.empty:
            verdicts.append(UNVERIFIABLE)
            parts.append(f"{name(country)}: no partner data in the pack")
            continue
        use = _rank_view(frame)
        if use.empty:
            verdicts.append(UNVERIFIABLE)
            parts.append(f"{name(country)}: no source lists all its partners")
            continue
        year, why = _target_year(p, set(use["year"]), date)
        if year is None or year not in set(use["year"]):
            verdicts.append(UNVERIFIABLE)
            latest = int(use["year"].max())
            older = use[use["year"] == latest]
            top = older.sort_values(["value", "partner_value"], ascending=[True, False]).iloc[0]
            parts.append(f"{name(country)}: no data for {year or why.split(' is ')[-1].split(',')[0]} (latest "
                         f"{latest}, {_src(top['source'])}: first partner {name(top['partner'])})")
            continue
        rows = use[use["year"] == year]
        source = sorted(rows["source"].unique(), key=_src_order)[0]
        rows = rows[rows["source"] == source]
        top = rows.sort_values(["value", "partner_value"], ascending=[True, False]).iloc[0]
        hit = rows[rows["partner"] == partner]
        rank = int(hit.iloc[0]["value"]) if not hit.empty else None
        ok = rank is not None and (rank == wanted if wanted > 1 else rank == 1)
        verdicts.append(SUPPORTED if ok else CONTRADICTED)
        pv = float(hit.iloc[0]["partner_value"]) if not hit.empty else None
        observed.append(Observation(rank, "rank", _src(source), year, country, partner, p["flow"],
                                    note=f"{name(partner)} {fmt(pv, 'USD')}; top: {name(top['partner'])} "
                                         f"{fmt(float(top['partner_value']), 'USD')}"))
        arithmetic.append(f"{name(country)} {year} ({_src(source)}): {name(partner)} ranks {rank} of "
                          f"{int(top['n_partners'])} partners ({fmt(pv, 'USD')}); first is {name(top['partner'])} "
                          f"({fmt(float(top['partner_value']), 'USD')})")
        first = "" if ok else f"; first is {name(top['partner'])}"
        where = f"ranks {rank}" if rank else "is not among its listed partners"
        parts.append(f"{name(country)}: {'yes' if ok else 'no'} — {name(partner)} {where} in {year} "
                     f"({_src(source)}){first}")
    verdict = combine(verdicts)
    return _v(claim, verdict, "; ".join(parts), observed, arithmetic)


def _rank_view(frame):
    """The rows a rank may use: the country's own view, else the IMF's complete mirror (a full partner list)."""
    if frame.empty:
        return frame.assign(year=[]) if "year" not in frame else frame
    own = frame[~frame["source"].str.startswith("mirror:") & (frame["source"] != "reconciled")]
    return own if not own.empty else frame[frame["source"].isin(COMPLETE_MIRRORS)]


def _common_date(p: dict, year_sets: list[set]) -> dt.date | None:
    """Without an article date, claims about several countries are all checked as of the latest year any of them
    has (so one country's old data does not pass for 'now'): returns 1 January of the year after it."""
    if p.get("year"):
        return None
    years = [y for ys in year_sets for y in ys]
    return dt.date(int(max(years)) + 1, 1, 1) if years else None


def _src(source: str) -> str:
    from .evidence import SOURCE_NAMES

    raw = source.split(":", 1)[1] if source.startswith("mirror:") else source
    label = SOURCE_NAMES.get(raw, raw)
    return f"{label}, partners' mirror figures" if source.startswith("mirror:") else label


def _src_order(source: str) -> tuple:
    return (source.startswith("mirror:"),
            next((i for i, p in enumerate(OWN_ORDER) if source.startswith(p)), len(OWN_ORDER)), source)


# --- comparisons ------------------------------------------------------------------------------------------------


def _comparison(claim: Claim, ev: Evidence, date) -> Verdict:
    p = claim.parsed
    if partial := _partial(claim):
        return partial
    on = date or dt.date.today()
    countries = _expanded(claim, ev, "country", on)
    leaders = _expanded(claim, ev, "leader", on)
    laggards = _expanded(claim, ev, "laggard", on)
    if len(leaders) != 1 or len(laggards) != 1 or not countries:
        return _v(claim, UNVERIFIABLE, "the compared states could not be resolved")
    leader, laggard = leaders[0], laggards[0]
    cap = p.get("year") or (date.year - 1 if date else None)
    observed, arithmetic, parts, verdicts = [], [], [], []
    for country in countries:
        a = {s.source: s for s in ev.trade_series(country, leader, p["flow"]) if s.kind == "own"}
        b = {s.source: s for s in ev.trade_series(country, laggard, p["flow"]) if s.kind == "own"}
        common = sorted(set(a) & set(b), key=_src_order)
        best = None
        for src in common:
            years = sorted(y for y in set(a[src].values) & set(b[src].values) if cap is None or y <= cap)
            if years:
                best = (src, years)
                break
        if best is None:
            verdicts.append(UNVERIFIABLE)
            parts.append(f"{name(country)}: no source reports both partners")
            continue
        src, years = best
        if p.get("relation") == "overtook":
            year = int(p["year"]) if p.get("year") else years[-1]
            if year not in years:
                verdicts.append(UNVERIFIABLE)
                parts.append(f"{name(country)}: no {year} figures")
                continue
            before = [y for y in years if y < year]
            ahead_now = a[src].values[year] > b[src].values[year]
            behind_before = [y for y in before if a[src].values[y] <= b[src].values[y]]
            ok = ahead_now and bool(behind_before)
            verdicts.append(SUPPORTED if ok else CONTRADICTED)
            for y in ([behind_before[-1]] if behind_before else []) + [year]:
                observed += [_obs(a[src], y), _obs(b[src], y)]
                arithmetic.append(f"{name(country)} {y} ({a[src].label}): {name(leader)} "
                                  f"{fmt(a[src].values[y], 'USD')} vs {name(laggard)} {fmt(b[src].values[y], 'USD')}")
            parts.append(f"{name(country)}: {name(leader)} {'ahead' if ahead_now else 'behind'} in {year}" +
                         (f", behind in {behind_before[-1]}" if behind_before else ", never behind before"))
            continue
        window = years[-CONSISTENT_YEARS:] if p.get("consistently") else years[-1:]
        wrong = [y for y in window if b[src].values[y] >= a[src].values[y]]
        for y in window:
            observed += [_obs(a[src], y), _obs(b[src], y)]
            arithmetic.append(f"{name(country)} {y} ({a[src].label}): {name(leader)} {fmt(a[src].values[y], 'USD')}"
                              f" vs {name(laggard)} {fmt(b[src].values[y], 'USD')} → "
                              f"{name(laggard)} {'ahead' if y in wrong else 'behind'}")
        verdicts.append(CONTRADICTED if wrong else SUPPORTED)
        span = f"{window[0]}-{window[-1]}" if len(window) > 1 else str(window[0])
        if wrong:
            parts.append(f"{name(country)}: {name(laggard)} was ahead of {name(leader)} in "
                         f"{', '.join(map(str, wrong))} ({a[src].label}, {span})")
        else:
            parts.append(f"{name(country)}: {name(laggard)} behind {name(leader)} in every year {span} "
                         f"({a[src].label})")
    return _v(claim, combine(verdicts), "; ".join(parts), observed, arithmetic)


# --- institutions -----------------------------------------------------------------------------------------------


def _org_name(org: str) -> str:
    return ORG_NAMES.get(org, org)


def _membership(claim: Claim, ev: Evidence, date) -> Verdict:
    p = claim.parsed
    org = p["org"]
    tl = ev.timeline(org)
    if tl.empty:
        return _v(claim, UNVERIFIABLE, f"no membership records for {_org_name(org)}")
    on = date or dt.date.today()
    rel = p["relation"]
    src = f"multipolar membership registry ({_org_name(org)})"
    if rel == "joined":
        verdicts, parts, observed = [], [], []
        role = (p.get("role") or "member").replace(" ", "_")
        for country in p["country"]:
            rows = tl[(tl["country"] == country) & (tl["role"] == role)]
            if rows.empty:
                roles = tl[tl["country"] == country]
                verdicts.append(CONTRADICTED)
                parts.append(f"{name(country)} has never been {role.replace('_', ' ')} of {_org_name(org)}" +
                             (f" (roles: {', '.join(sorted(set(roles['role'])))})" if not roles.empty else ""))
                continue
            start = rows.iloc[0]["start"]
            ok = start.year == p["year"] and (not p.get("month") or start.month == p["month"]) and \
                (not p.get("day") or start.day == p["day"])
            verdicts.append(SUPPORTED if ok else CONTRADICTED)
            observed.append(Observation(start.isoformat(), "date", src, start.year, country,
                                        note=str(rows.iloc[0].get("citation") or "")[:200] or None))
            parts.append(f"{name(country)} became {role.replace('_', ' ')} on {start.isoformat()}")
        if p.get("ordinal") and len(p["country"]) == 1:
            country = p["country"][0]
            rows = tl[(tl["country"] == country) & (tl["role"] == "member")]
            if not rows.empty:
                start = rows.iloc[0]["start"]
                n = len(set(tl[(tl["role"] == "member") & (tl["start"] <= start)]["country"]))
                ok = n == p["ordinal"]
                parts.append(f"it was member number {n} (claimed {p['ordinal']})")
                # the date is the claim's core: a right ordinal does not rescue a wrong date
                if verdicts[0] == SUPPORTED and not ok:
                    verdicts.append(CONTRADICTED)
        return _v(claim, combine(verdicts), "; ".join(parts), observed)
    if rel == "latest":
        members = tl[(tl["role"] == "member") & (tl["start"] <= on)]
        if members.empty:
            return _v(claim, UNVERIFIABLE, "no members recorded")
        last = members.sort_values("start").iloc[-1]
        country = p["country"][0]
        ok = last["country"] == country
        return _v(claim, SUPPORTED if ok else CONTRADICTED,
                  f"the latest member of {_org_name(org)} as of {on.isoformat()} is {name(last['country'])} "
                  f"(joined {last['start'].isoformat()})",
                  [Observation(last["country"], "country", src, last["start"].year, note=last["start"].isoformat())])
    if rel in ("never", "not member"):
        country = p["country"][0]
        rows = tl[(tl["country"] == country) & (tl["role"] == "member")]
        if rel == "never":
            ok = rows.empty
            other = tl[tl["country"] == country]
            detail = "no membership recorded" if ok else f"member since {rows.iloc[0]['start'].isoformat()}"
            if ok and not other.empty:
                detail += f" (other roles: {', '.join(sorted(set(other['role'])))})"
        else:
            role = ev.status(country, org, on)
            ok = role != "member"
            detail = f"status on {on.isoformat()}: {role or 'none'}"
        return _v(claim, SUPPORTED if ok else CONTRADICTED, f"{name(country)} in {_org_name(org)}: {detail}",
                  [Observation(detail, "text", src, None, country)])
    if rel in ("member", "observer", "dialogue partner"):
        when = p.get("year") or on
        verdicts, parts, observed = [], [], []
        for country in p["country"]:
            role = ev.status(country, org, when)
            want = rel.replace(" ", "_")
            ok = role == want
            verdicts.append(SUPPORTED if ok else CONTRADICTED)
            parts.append(f"{name(country)}: {role or 'no role'} of {_org_name(org)} on {when}")
            observed.append(Observation(role or "none", "text", src, when if isinstance(when, int) else when.year,
                                        country))
        return _v(claim, combine(verdicts), "; ".join(parts), observed)
    if rel == "count" and not p.get("country"):
        role = (p.get("role") or "member").replace(" ", "_")
        from .. import memberships

        frame = ev.memberships_frame()
        held = memberships.members(org, on, (role,), frame=frame) if frame is not None else []
        ok = len(held) == p["count"]
        return _v(claim, SUPPORTED if ok else CONTRADICTED,
                  f"{_org_name(org)} had {len(held)} {role.replace('_', ' ')}s on {on.isoformat()}: {names(held)}",
                  [Observation(len(held), "count", src, on.year)], [f"{' + '.join(held)} = {len(held)}"])
    if rel == "count":
        group = [c for code in p["country"] for c in ev.expand(code, on)]
        members = set(ev.members(org, on))
        inside = [c for c in group if c in members]
        ok = len(inside) == p["count"]
        return _v(claim, SUPPORTED if ok else CONTRADICTED,
                  f"{len(inside)} of {len(group)} are members of {_org_name(org)} on {on.isoformat()}: "
                  f"{names(inside)}",
                  [Observation(len(inside), "count", src, on.year)],
                  [f"{' + '.join(inside)} = {len(inside)}"])
    if rel == "expanded":
        base = int(p["base_year"])
        before, now = ev.members(org, base), ev.members(org, on)
        ok = len(now) > len(before)
        return _v(claim, SUPPORTED if ok else CONTRADICTED,
                  f"{_org_name(org)} had {len(before)} members in {base} and {len(now)} on {on.isoformat()}",
                  [Observation(len(before), "count", src, base), Observation(len(now), "count", src, on.year)],
                  [f"{base}: {', '.join(before)}", f"{on.isoformat()}: {', '.join(now)}"])
    return _v(claim, UNVERIFIABLE, f"membership relation '{rel}' is not checked")


def _founding(claim: Claim, ev: Evidence, date) -> Verdict:
    p = claim.parsed
    row = ev.organization(p["org"])
    if not row or row.get("founded") is None:
        return _v(claim, UNVERIFIABLE, f"no founding date recorded for {_org_name(p['org'])}")
    founded = row["founded"]
    if isinstance(founded, str):
        founded = dt.date.fromisoformat(founded[:10])
    elif hasattr(founded, "date") and not isinstance(founded, dt.date):
        founded = founded.date()
    ok = founded.year == p["year"] and (not p.get("month") or founded.month == p["month"]) and \
        (not p.get("day") or founded.day == p["day"])
    obs = Observation(founded.isoformat(), "date", "multipolar organizations registry", founded.year,
                      note=str(row.get("citation") or "")[:200] or None)
    return _v(claim, SUPPORTED if ok else CONTRADICTED,
              f"{_org_name(p['org'])} was founded on {founded.isoformat()} ({row.get('citation', '')})".strip(),
              [obs])


def _summit_rows(ev: Evidence):
    frame = ev.summits()
    return frame


def _summit(claim: Claim, ev: Evidence, date) -> Verdict:
    p = claim.parsed
    frame = _summit_rows(ev)
    if frame.empty:
        return _v(claim, UNVERIFIABLE, "no summits table in the data pack")
    src = "SCO summits list (sco_declarations/summits.csv)"
    rel = p["relation"]
    if rel == "date":
        if not p.get("year"):
            return _v(claim, UNVERIFIABLE, p.get("period_note") or "the summit's date could not be resolved")
        rows = frame[frame["host_city"].str.startswith(p["city"]) & (frame["year"] == p["year"])]
        if rows.empty:
            return _v(claim, CONTRADICTED, f"no SCO summit in {p['city']} in {p['year']}")
        held = rows.iloc[0]["date"]
        obs = [Observation(held.isoformat(), "date", src, held.year, note=rows.iloc[0]["host_city"])]
        if p.get("date"):
            claimed = dt.date.fromisoformat(p["date"])
            ok = claimed == held
            return _v(claim, SUPPORTED if ok else CONTRADICTED,
                      f"the {p['city']} summit ended on {held.isoformat()}; the text's date resolves to "
                      f"{claimed.isoformat()} ({p.get('period_note', '')})", obs)
        ok = (not p.get("month") or held.month == p["month"]) and (not p.get("day") or held.day == p["day"])
        return _v(claim, SUPPORTED if ok else CONTRADICTED, f"the {p['city']} summit: {held.isoformat()}", obs)
    if rel == "ordinal":
        rows = frame[frame["year"] == p["year"]]
        if rows.empty:
            return _v(claim, UNVERIFIABLE, f"no summit recorded in {p['year']}")
        position = int((frame["date"] <= rows.iloc[0]["date"]).sum())
        ok = position == p["ordinal"]
        return _v(claim, SUPPORTED if ok else CONTRADICTED,
                  f"the {p['year']} summit ({rows.iloc[0]['host_city']}) is meeting number {position} of the "
                  f"Council of Heads of State counted from 2001", [Observation(position, "count", src, p["year"])],
                  [f"summits from {int(frame['year'].min())} to {p['year']}: {position}"])
    if rel == "hosts":
        verdicts, parts, observed = [], [], []
        for year, city in p["summits"]:
            rows = frame[frame["year"] == year]
            if rows.empty:
                verdicts.append(UNVERIFIABLE)
                parts.append(f"no summit recorded in {year}")
                continue
            host = rows.iloc[0]["host_city"]
            ok = str(host).startswith(city)
            verdicts.append(SUPPORTED if ok else CONTRADICTED)
            parts.append(f"{year}: {host}")
            observed.append(Observation(host, "text", src, year))
        return _v(claim, combine(verdicts), "; ".join(parts), observed)
    if rel == "host":
        year = p.get("year")
        if year is None and p.get("city"):
            rows = frame[frame["host_city"].str.startswith(p["city"]) & (frame["date"] <= dt.date.today())]
            year = int(rows.iloc[-1]["year"]) if not rows.empty else None
        if year is None:
            return _v(claim, UNVERIFIABLE, "which summit is meant needs the article's date (--date)")
        rows = frame[frame["year"] == year]
        if rows.empty:
            return _v(claim, UNVERIFIABLE, f"no summit recorded in {year}")
        host = rows.iloc[0]["host_country"]
        ok = host in p["country"]
        return _v(claim, SUPPORTED if ok else CONTRADICTED,
                  f"the {year} summit was held in {rows.iloc[0]['host_city']}, {name(host)}",
                  [Observation(host, "country", src, year)])
    return _v(claim, UNVERIFIABLE, f"summit relation '{rel}' is not checked")


def _quote(claim: Claim, ev: Evidence, date) -> Verdict:
    from .evidence import normalise_text

    p = claim.parsed
    quote = normalise_text(p["quote"]).strip(" .,;")
    verdicts, parts, observed = [], [], []
    for year, city in p["documents"]:
        if not year:
            frame = ev.summits()
            rows = frame[frame["host_city"].str.startswith(city)] if not frame.empty and city else frame
            year = int(rows.iloc[-1]["year"]) if not rows.empty else None
        held = ev.declaration_text(year) if year else None
        doc = f"{year} {city or ''} Declaration".replace("  ", " ")
        if held is None:
            verdicts.append(UNVERIFIABLE)
            parts.append(f"the text of the {doc} is not held")
            continue
        text, url = held
        verdict, detail = _find_quote(quote, text)
        verdicts.append(verdict)
        parts.append(f"{doc}: {detail}")
        observed.append(Observation(detail, "text", f"{doc} (official English text)", year, url=url))
    return _v(claim, combine(verdicts), "; ".join(parts), observed)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text.lower())


def _find_quote(quote: str, text: str) -> tuple[str, str]:
    """Exact (normalised) → supported; the quote's parts found apart, or a near wording (≥ 75% of its words in one
    window) → partly supported; otherwise contradicted (the document does not say it)."""
    if quote in text:
        return SUPPORTED, "found verbatim"
    qw, tw = _words(quote), _words(text)
    if not qw:
        return UNVERIFIABLE, "empty quotation"
    joined = " " + " ".join(tw) + " "
    if " " + " ".join(qw) + " " in joined:
        return SUPPORTED, "found verbatim (punctuation aside)"
    # pieces: split the quote at commas and check each fragment of 3+ words
    pieces = [_words(x) for x in re.split(r"[,;:]", quote)]
    pieces = [x for x in pieces if len(x) >= 3]
    found = [x for x in pieces if " " + " ".join(x) + " " in joined]
    if pieces and len(found) == len(pieces) and len(pieces) > 1:
        return PARTLY, "every part is in the text, but not as one continuous passage"
    # best window of the quote's length
    n = len(qw)
    best, best_at = 0.0, 0
    want = set(qw)
    for i in range(0, max(1, len(tw) - n + 1)):
        window = tw[i:i + n]
        score = sum(1 for a, b in zip(window, qw) if a == b) / n
        if score > best:
            best, best_at = score, i
        if score == 1:
            break
    if best >= 0.75:
        near = " ".join(tw[best_at:best_at + n])
        return PARTLY, f"near wording: '{near}'"
    if found:
        return PARTLY, f"{len(found)} of {len(pieces)} parts found"
    overlap = len(want & set(tw)) / len(want)
    return CONTRADICTED, f"not in the text (best match {best:.0%} of the words in order; {overlap:.0%} of them " \
                         f"appear anywhere)"


def _other(claim: Claim, ev: Evidence, date) -> Verdict:
    p = claim.parsed
    unit = p.get("unit")
    what = p.get("about", claim.text)
    if unit and unit != "USD":
        reason = f"not covered: an amount in {unit} ({what[:120]}); the data hold trade in US dollars and no series " \
                 "matches it"
    else:
        reason = f"not covered: no indicator matches this figure ({what[:120]})"
    return _v(claim, UNVERIFIABLE, reason)
