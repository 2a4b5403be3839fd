"""Judging development-finance claims on AidData's Global Chinese Development Finance 3.0 (commitments, constant 2021
US dollars): totals over a window on face value and on AidData's adjusted amounts (each named), ranks among a region's
recipients or among all 138 recipients, a flow class's part of the total; an amount from an earlier AidData release
(other years, price base and project list) is never compared with 3.0's."""

from __future__ import annotations

import datetime as dt

from ..model import CONTRADICTED, PARTLY, SUPPORTED, UNVERIFIABLE, AsOf, Call, Observation
from ..reading.entities import name, names
from . import tolerances as tol
from .common import fmt, hedged, unverifiable, verdict
from .frame_memo import per_frame
from .leads import NO_CLEAR_LEAD, leader
from .sources import label
from .trade import expanded

SOURCE = label("aiddata_gcdf3")
AMOUNTS = {"nominal": "face value", "adjusted": "AidData's adjusted amounts"}
# AidData's releases of its Chinese development finance data: (name, first year, last year, price base, published).
# The pack holds 3.0; the earlier ones covered fewer years in other constant dollars with other project lists
# (AidData, 'Aid, China, and Growth', 2017; 'Banking on the Belt and Road', 2021; 'Belt and Road Reboot', 2023).
RELEASES = (("1.0", 2000, 2014, 2014, dt.date(2017, 10, 11)), ("2.0", 2000, 2017, 2017, dt.date(2021, 9, 29)),
            ("3.0", 2000, 2021, 2021, dt.date(2023, 11, 6)))


def earlier_release(first: int, last: int, article: dt.date | None) -> str | None:
    """Why an amount comes from an earlier AidData release than the pack's 3.0, or None: the article predates 3.0,
    or (without a date) its window is exactly an earlier release's coverage."""
    held = RELEASES[-1]
    if article is not None and article < held[4]:
        name_, a, b, base, published = max((x for x in RELEASES if x[4] <= article), key=lambda x: x[4],
                                           default=RELEASES[0])
        return f"written on {article.isoformat()}, before AidData's release {held[0]} ({held[4].isoformat()}): the " \
               f"amount comes from release {name_} ({a}-{b}, constant {base} US dollars, another project list), " \
               f"which the pack does not hold"
    if article is None:
        for name_, a, b, base, _ in RELEASES[:-1]:
            if (first, last) == (a, b):
                return f"the window {a}-{b} is exactly AidData release {name_}'s coverage: its amounts are in " \
                       f"constant {base} US dollars with another project list, and the pack holds release " \
                       f"{held[0]} (constant {held[3]} dollars) only"
    return None


def _window(p, years: list[int]) -> tuple[int, int, str]:
    first, last = min(years), max(years)
    if p.years:
        return p.years[0], p.years[1], ""
    if p.year and not p.span:
        return p.year, p.year, ""
    if p.base_year:
        return p.base_year, last, f"'since {p.base_year}' read as {p.base_year}-{last}"
    if p.span:
        end = p.year or last
        return end - p.span + 1, end, f"'{p.span} years' read as {end - p.span + 1}-{end}"
    return first, last, f"no period stated: every year AidData covers ({first}-{last})"


def _totals(frame, first, last, recipients=None) -> dict[str, float]:
    if frame.empty:
        return {}
    key = ("totals", first, last, None if recipients is None else tuple(recipients))
    return dict(per_frame(frame, key, lambda: _sum_totals(frame, first, last, recipients)))


def _sum_totals(frame, first, last, recipients) -> dict[str, float]:
    rows = frame[(frame["partner"] == "CHN") & (frame["year"] >= first) & (frame["year"] <= last)]
    if recipients is not None:
        rows = rows[rows["country"].isin(recipients)]
    return {c: float(v) for c, v in rows.groupby("country")["value"].sum().items()}


def judge_finance(claim, ev, as_of: AsOf):
    p = claim.payload
    if p.measure:
        return unverifiable(claim, f"'{p.measure}': repayments, debts owed and defaults are not in the data (AidData "
                                   f"records commitments only, not what was repaid or is still owed)")
    lenders = expanded(p.lender, ev, as_of.day)
    if lenders != ["CHN"]:
        return unverifiable(claim, f"the pack holds Chinese development finance only (AidData); no data on lending by "
                                   f"{names([x for x in lenders if x != 'CHN']) or names(lenders)}")
    if p.relation == "total" and p.unit != "USD":
        return unverifiable(claim, f"an amount in {p.unit}: AidData's commitments are in US dollars")
    probe = ev.finance_all("nominal")
    years = sorted(per_frame(probe, "years", lambda: {int(y) for y in probe["year"]})) if not probe.empty else []
    if not years:
        return unverifiable(claim, "no development finance data in the pack")
    first, last, why = _window(p, years)
    if first < min(years) or last > max(years):
        return unverifiable(claim, f"AidData covers {min(years)}-{max(years)}; the claim is about {first}-{last}")
    span = f"{first}-{last}" if first != last else str(first)
    if p.relation == "peak year":
        return _judge_peak(claim, ev, as_of, years)
    if p.relation == "total":
        older = earlier_release(first, last, as_of.article)
        if older:
            return unverifiable(claim, f"not comparable: {older}")
        return _judge_total(claim, ev, as_of, first, last, span, why)
    if p.relation == "share":
        return _judge_share(claim, ev, as_of, first, last, span, why)
    return _judge_rank(claim, ev, as_of, first, last, span, why)


def _judge_total(claim, ev, as_of, first, last, span, why):
    p = claim.payload
    recipients = expanded(p.recipient, ev, as_of.day)
    observed, arithmetic, outcomes = [], ([why] if why else []), {}
    what = f"{p.flow_class} " if p.flow_class else ""
    one = recipients[0] if len(recipients) == 1 else None
    years = last - first + 1
    everyone = p.recipient == ("WLD",)  # every recipient AidData lists
    for amount, words in AMOUNTS.items():
        totals = _totals(ev.finance_all(amount, p.flow_class), first, last) if everyone else \
            _totals(ev.finance(one, amount, p.flow_class), first, last, recipients)
        if not everyone and set(totals) != set(recipients):  # states outside the pack's: every recipient AidData lists
            totals = _totals(ev.finance_all(amount, p.flow_class), first, last, recipients) or totals
        if everyone:  # the sum of all recipients, shown as one line
            totals = {f"all {len(totals)} recipients": sum(totals.values())}
        total = sum(totals.values()) / (years if p.per_year else 1)
        j = tol.judge(p.value, total, p.hedge, kind="level", half_unit=p.half_unit)
        outcomes[amount] = (j.verdict, total)
        observed.append(Observation(total, "USD", f"{SOURCE}, {words}", span, ",".join(recipients), "CHN",
                                    note=f"{what}commitments, constant 2021 US dollars"))
        arithmetic.append(f"{words}: " + " + ".join(f"{name(c)} {fmt(v, 'USD')}" for c, v in totals.items())
                          + (f" over {years} years" if p.per_year else "")
                          + f" = {fmt(total, 'USD')}{' a year' if p.per_year else ''}; claimed "
                          f"{hedged(p.value, 'USD', p.hedge)} → accepted "
                          f"{tol.describe(j.low, j.high, lambda x: fmt(x, 'USD'))}")
    if p.amount:  # the text names which of AidData's amounts it uses
        chosen = outcomes[p.amount]
        return verdict(claim, chosen[0], f"{chosen[0]} on {AMOUNTS[p.amount]}, which the text names: "
                                         f"{fmt(chosen[1], 'USD')} of {what}commitments by China to "
                                         f"{names(p.recipient)} in {span}" + (" a year" if p.per_year else "") +
                       f" ({SOURCE})", observed, arithmetic, _calls(recipients, span, p))
    face, adjusted = outcomes["nominal"], outcomes["adjusted"]
    outcome, reason = face[0], f"{face[0]} on face value: {fmt(face[1], 'USD')} of {what}commitments by China to " \
                               f"{names(p.recipient)} in {span}; adjusted amounts give {fmt(adjusted[1], 'USD')} " \
                               f"({adjusted[0]})"
    if face[0] != SUPPORTED and adjusted[0] == SUPPORTED:
        outcome = SUPPORTED  # AidData publishes both; the claim matches its adjusted amounts
        reason = f"supported on AidData's adjusted amounts: {fmt(adjusted[1], 'USD')} of {what}commitments by China " \
                 f"to {names(p.recipient)} in {span}; face value gives {fmt(face[1], 'USD')} ({face[0]})"
    return verdict(claim, outcome, reason + f" ({SOURCE})", observed, arithmetic, _calls(recipients, span, p))


def _calls(recipients, span, p):
    return [Call.indicator("finance_commitments", country=",".join(recipients), partner="CHN", years=span,
                           amount=amount, flow_class=p.flow_class) for amount in AMOUNTS]


def _judge_share(claim, ev, as_of, first, last, span, why):
    """A flow class's part of a recipient's commitments, on either of AidData's amounts (each named)."""
    p = claim.payload
    recipients = expanded(p.recipient, ev, as_of.day)
    one = recipients[0] if len(recipients) == 1 else None
    observed, arithmetic, outcomes = [], ([why] if why else []), {}
    for amount, words in AMOUNTS.items():
        part = sum(_totals(ev.finance(one, amount, p.flow_class), first, last, recipients).values())
        whole = sum(_totals(ev.finance(one, amount), first, last, recipients).values())
        if whole <= 0:
            continue
        share = part / whole
        j = tol.judge(p.value, share, p.hedge, kind="share", half_unit=p.half_unit)
        outcomes[amount] = (j.verdict, share)
        observed.append(Observation(share, "share", f"{SOURCE}, {words}", span, ",".join(recipients), "CHN",
                                    note=f"{p.flow_class} {fmt(part, 'USD')} of {fmt(whole, 'USD')}"))
        arithmetic.append(f"{words}: {p.flow_class} {fmt(part, 'USD')} / all {fmt(whole, 'USD')} = "
                          f"{fmt(share, 'share')}; claimed {hedged(p.value, 'share', p.hedge)} → accepted "
                          f"{tol.describe(j.low, j.high, lambda x: fmt(x, 'share'))}")
    if not outcomes:
        return unverifiable(claim, f"no commitments to {names(p.recipient)} in {span}")
    best = next((a for a, (v, _) in outcomes.items() if v == SUPPORTED), next(iter(outcomes)))
    v, share = outcomes[best]
    reason = f"{v} on {AMOUNTS[best]}: {p.flow_class} flows were {fmt(share, 'share')} of China's commitments to " \
             f"{names(p.recipient)} in {span}" + "".join(f"; on {AMOUNTS[a]}: {fmt(s, 'share')} ({x})"
                                                          for a, (x, s) in outcomes.items() if a != best)
    return verdict(claim, v, reason, observed, arithmetic, _calls(recipients, span, p))


def _judge_rank(claim, ev, as_of, first, last, span, why):
    """A recipient's rank among a region's recipients, or among all AidData's recipients (worldwide, or no region
    named), on both amounts; the amount the text states with the rank decides which one it used."""
    p = claim.payload
    target = expanded(p.recipient, ev, as_of.day)
    region = expanded(p.region, ev, as_of.day) if p.region else None
    parts, observed, results = [], [], {}
    calls = []
    for amount, words in AMOUNTS.items():
        frame = ev.finance(None, amount, p.flow_class) if region else ev.finance_all(amount, p.flow_class)
        totals = _totals(frame, first, last, region)
        ranked = sorted(((c, v) for c, v in totals.items() if v > 0), key=lambda kv: -kv[1])
        if not ranked:
            continue
        position = next((i + 1 for i, (c, _) in enumerate(ranked) if c in target), None)
        ok = position == int(p.value or 1)
        outcome = UNVERIFIABLE if position is None else SUPPORTED if ok else CONTRADICTED  # absent: coverage
        if ok and position == 1 and len(ranked) > 1 and leader(ranked[0][1], ranked[1][1], "USD") == NO_CLEAR_LEAD:
            outcome = PARTLY
        stated = tol.judge(p.stated, sum(totals.get(c, 0.0) for c in target), None).verdict if p.stated else None
        results[amount] = (outcome, stated)
        top = ", ".join(name(c) + " " + fmt(v, "USD") for c, v in ranked[:max(3, int(p.value or 1))])
        where = f"ranks {position}" if position else "has no commitments recorded (coverage: not known to rank)"
        parts.append(f"{words}: {names(target)} {where} of {len(ranked)} ({top})")
        observed.append(Observation(position, "rank", f"{SOURCE}, {words}", span, ",".join(target), "CHN"))
    if not results:
        return unverifiable(claim, f"no commitments recorded in {span}")
    if region:
        calls = _calls(region, span, p)
    else:
        calls = [Call.load("development_finance", year=span)]
    matched = [a for a, (_, s) in results.items() if s == SUPPORTED]
    if p.listed and len(matched) == 2:  # a ranked list: the measure every amount of the list fits ranks it
        fits = [a for a in results if all(tol.judge(v, _totals(ev.finance_all(a, p.flow_class), first, last,
                                                               [c]).get(c, 0.0), None).verdict == SUPPORTED
                                          for c, v in p.listed)]
        matched = fits if len(fits) == 1 else matched
    outcomes = [o for o, _ in results.values()]
    if len(matched) == 1:  # the amount the text gives is AidData's face value or its adjusted amount: rank on it
        outcome = results[matched[0]][0]
        parts.append(f"ranked on {AMOUNTS[matched[0]]}, which the amount the text gives matches")
    elif len(matched) == 2:  # the amount fits both: AidData's headline measure (its adjusted amounts) decides
        outcome = results["adjusted"][0]
        parts.append("the amount the text gives fits both; ranked on AidData's adjusted amounts, the measure of its "
                     "headline figures")
    else:
        outcome = outcomes[0] if len(set(outcomes)) == 1 else PARTLY
    among = f"among {names(p.region)}" if region else f"among all {len(set(ev.finance_all('nominal')['country']))} " \
                                                      f"recipients AidData lists"
    reason = f"{among}, {span}: " + "; ".join(parts)
    return verdict(claim, outcome, reason, observed, [why] if why else [], calls)


def _judge_peak(claim, ev, as_of, years):
    """The year of a recipient's largest commitments, on either of AidData's amounts (the amount stated for it, if
    any, says which); a year within the lead rule's margin of the largest is no clear peak (partly)."""
    p = claim.payload
    recipients = expanded(p.recipient, ev, as_of.day)
    observed, parts, results = [], [], {}
    for amount, words in AMOUNTS.items():
        frame = ev.finance(recipients[0], amount, p.flow_class)
        if frame.empty:
            continue
        rows = frame[(frame["partner"] == "CHN") & frame["country"].isin(recipients)]
        per_year = {int(y): float(v) for y, v in rows.groupby("year")["value"].sum().items()}
        if not per_year:
            continue
        top = max(per_year, key=per_year.get)
        claimed = per_year.get(p.year, 0.0)
        outcome = SUPPORTED if top == p.year else PARTLY if claimed and leader(
            per_year[top], claimed, "USD") == NO_CLEAR_LEAD else CONTRADICTED
        stated = tol.judge(p.value, claimed, p.hedge, kind="level", half_unit=p.half_unit).verdict \
            if p.value else None
        results[amount] = (outcome, stated)
        parts.append(f"{words}: largest in {top} ({fmt(per_year[top], 'USD')}); {p.year}: {fmt(claimed, 'USD')}")
        observed.append(Observation(per_year[top], "USD", f"{SOURCE}, {words}", top, ",".join(recipients), "CHN"))
    if not results:
        return unverifiable(claim, f"no commitments to {names(p.recipient)} recorded (coverage: not known)")
    if p.value:  # the amount stated for the year says which of AidData's amounts the text uses
        fit = [a for a, (_, s) in results.items() if s == SUPPORTED]
        chosen = results[fit[-1]] if fit else None
        outcome = chosen[0] if chosen else PARTLY if any(o == SUPPORTED for o, _ in results.values()) else \
            CONTRADICTED
        parts.append(f"the amount stated ({fmt(p.value, 'USD')}) fits " +
                     (", ".join(AMOUNTS[a] for a in fit) if fit else "neither amount"))
    else:
        outcomes = [o for o, _ in results.values()]
        outcome = outcomes[0] if len(set(outcomes)) == 1 else PARTLY
    return verdict(claim, outcome, f"China's commitments to {names(p.recipient)} by year, {min(years)}-{max(years)}: "
                   + "; ".join(parts), observed,
                   calls=_calls(recipients, f"{min(years)}-{max(years)}", p))


__all__ = ["judge_finance", "earlier_release", "UNVERIFIABLE"]
