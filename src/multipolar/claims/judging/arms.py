"""Judging arms claims on SIPRI's trend-indicator values summed over the claim's window: suppliers' shares and ranks
of a recipient's imports (arms_share), the top suppliers as a list, a recipient's total against another's, and the
supplier's side (its deliveries to each buyer), with the no-clear-lead rule for a 'main' supplier."""

from __future__ import annotations

from ..model import CONTRADICTED, PARTLY, SUPPORTED, UNVERIFIABLE, AsOf, Call, Observation
from ..reading.entities import name, names
from . import tolerances as tol
from .common import fmt, hedged, unverifiable, verdict
from .frame_memo import per_frame
from .leads import NO_CLEAR_LEAD, leader
from .sources import label
from .trade import expanded
from .windows import resolve_window

SOURCE = label("sipri_at")


def _window(p, frames, as_of):
    """(end, window, why) of the claim over the years the frames have, or (None, 0, why)."""
    data_years = sorted({y for f in frames if not f.empty
                         for y in per_frame(f, "years", lambda f=f: {int(y) for y in f["year"]})})
    if not data_years:
        return None, 0, "no SIPRI deliveries in the pack"
    return resolve_window(p, data_years, as_of)


def _sums(rows_by_country: dict, end: int):
    """Totals and per-partner sums at the window ending in `end`, over several countries' rows."""
    total, by_partner, short = 0.0, {}, []
    for country, rows in rows_by_country.items():
        found = per_frame(rows, ("sums", end), lambda rows=rows: _year_rows(rows, end))
        if found is None:
            continue
        first_total, partners, is_short = found
        total += first_total
        for partner, value in partners:
            by_partner[partner] = by_partner.get(partner, 0.0) + value
        if is_short:
            short.append(country)
    return total, by_partner, short


def _year_rows(rows, end: int):
    """(the first row's total, [(partner, partner_value)] in row order, a window shorter than asked) of the rows of
    year `end`, or None."""
    rows = rows[rows["year"] == end] if not rows.empty else rows
    if rows.empty:
        return None
    first = rows.iloc[0]
    partners = [(row.partner, float(row.partner_value)) for row in rows.itertuples(index=False)]
    return float(first["total_value"]), partners, int(first["window_years"]) < int(first["window"])


def judge_arms(claim, ev, as_of: AsOf):
    p = claim.payload
    if p.measure:
        return unverifiable(claim, f"'{p.measure}' is not what SIPRI's register records (deliveries of major arms): "
                                   "the data cannot check it")
    if p.relation == "change":
        return judge_change(claim, ev, as_of)
    if p.side == "exports":
        return judge_buyers(claim, ev, as_of)
    recipients = expanded(p.recipient, ev, as_of.day)
    suppliers = expanded(p.supplier, ev, as_of.day) if p.supplier != ("WLD",) else ["WLD"]
    if not recipients or not suppliers:
        return unverifiable(claim, "the supplier or the recipient could not be resolved")
    if p.relation == "ratio":
        return judge_ratio(claim, ev, as_of, recipients)
    if p.relation == "importer rank":
        return judge_importers(claim, ev, as_of, recipients)
    end, window, why = _window(p, [ev.arms(c, 5) for c in recipients], as_of)
    if end is None:
        if why == "no SIPRI deliveries in the pack":
            why = f"no SIPRI deliveries recorded for {names(recipients)} in the pack"
        return unverifiable(claim, why)
    totals, by_supplier, short = _sums({c: ev.arms(c, window) for c in recipients}, end)
    calls = [Call.indicator("arms_share", country=c, years=str(end), window=window) for c in recipients]
    if totals <= 0:
        return unverifiable(claim, f"no SIPRI deliveries to {names(recipients)} in {end - window + 1}-{end}")
    span = f"{end - window + 1}-{end}" if window > 1 else str(end)
    where = names(p.recipient) if len(recipients) > 1 else name(recipients[0])
    claimed_pv = totals if suppliers == ["WLD"] else sum(by_supplier.get(s, 0.0) for s in suppliers)
    share = claimed_pv / totals
    ranked = [(s, v) for s, v in sorted(by_supplier.items(), key=lambda kv: -kv[1]) if v > 0]
    arithmetic = [f"{names(suppliers)}: {fmt(claimed_pv, 'TIV')} of {fmt(totals, 'TIV')} delivered to {where} in "
                  f"{span} = {fmt(share, 'share')}",
                  "largest suppliers: " + ", ".join(f"{name(s)} {fmt(v / totals, 'share')}" for s, v in ranked[:4])]
    arithmetic += [why] if why else []
    if short:
        arithmetic.append(f"SIPRI's register starts in 2000: the window is shorter for {names(short)}")
    observed = [Observation(share, "share", SOURCE, span, ",".join(recipients), ",".join(suppliers),
                            note=f"{fmt(claimed_pv, 'TIV')} of {fmt(totals, 'TIV')} (TIV, not dollars)")]
    if suppliers != ["WLD"] and claimed_pv <= 0 and (p.value or 0) > 0:  # absent: coverage, never a zero
        return unverifiable(claim, f"coverage: {SOURCE} records no major-arms deliveries by {names(suppliers)} to "
                                   f"{where} in {span} (its register holds major conventional arms only)",
                            observed, arithmetic, calls)
    if p.amount and short:
        return unverifiable(claim, f"a total over {span} begins before SIPRI's register in the data (deliveries from "
                                   f"2000 only): the total cannot be reproduced")
    if p.amount:
        claimed = p.value / 1e6  # "$804 million" read as 804 million TIV
        j = tol.judge(claimed, claimed_pv, p.hedge, kind="level", half_unit=p.half_unit / 1e6)
        who = "all suppliers" if suppliers == ["WLD"] else names(suppliers)
        arithmetic.append(f"claimed {hedged(p.value, 'USD', p.hedge)} read as {claimed:,.1f} million TIV (SIPRI's "
                          f"trend-indicator values, which the press often writes as dollars) → accepted "
                          f"{tol.describe(j.low, j.high, lambda x: fmt(x, 'TIV'))}")
        reason = f"{j.verdict} by {SOURCE}: {who} delivered {fmt(claimed_pv, 'TIV')} to {where} in {span}"
        return verdict(claim, j.verdict, reason, observed, arithmetic, calls)
    if p.relation == "share":
        j = tol.judge(p.value, share, p.hedge, kind="share", half_unit=p.half_unit)
        words = f"'{p.words} supplier' read as {hedged(p.value, 'share', p.hedge)}; " if p.words else ""
        arithmetic.append(f"{words}claimed {hedged(p.value, 'share', p.hedge)} → accepted "
                          f"{tol.describe(j.low, j.high, lambda x: fmt(x, 'share'))}")
        reason = f"{j.verdict} by {SOURCE}: {names(suppliers)} {fmt(share, 'share')} of the major arms imports of " \
                 f"{where} in {span}"
        return verdict(claim, j.verdict, reason, observed, arithmetic, calls)
    if p.relation == "top":
        n = int(p.value)
        top = [s for s, _ in ranked[:n]]
        hits = [s for s in suppliers if s in top]
        held = {s for s, _ in ranked}
        outcome = SUPPORTED if len(hits) == len(suppliers) else PARTLY if hits else \
            UNVERIFIABLE if not any(s in held for s in suppliers) else CONTRADICTED  # none held: coverage
        reason = f"the {n} largest suppliers of {where} in {span}: " + ", ".join(
            f"{name(s)} ({fmt(v / totals, 'share')})" for s, v in ranked[:n]) + \
            (f"; not among them: {names([s for s in suppliers if s not in top])}" if len(hits) < len(suppliers) else "")
        return verdict(claim, outcome, reason, observed, arithmetic, calls)
    return _rank(claim, suppliers, ranked, totals, share, f"suppliers of {where} in {span}", observed, arithmetic,
                 calls)


def _rank(claim, who, ranked, total, share, among, observed, arithmetic, calls):
    """A rank among suppliers (or buyers), with the no-clear-lead rule for first place."""
    p = claim.payload
    position = next((i + 1 for i, (s, _) in enumerate(ranked) if s in who), None)
    outcome = UNVERIFIABLE if position is None else SUPPORTED if position == int(p.value) else CONTRADICTED
    where = f"ranks {position}" if position else "has no deliveries in the register held (coverage: not known to rank)"
    reason = f"{names(who)} {where} among {among} ({fmt(share, 'share')})" + \
        (f"; first is {name(ranked[0][0])} ({fmt(ranked[0][1] / total, 'share')})" if ranked else "")
    if outcome == SUPPORTED and int(p.value) == 1 and len(ranked) > 1:
        second = ranked[1]
        if leader(ranked[0][1] / total, second[1] / total, "share") == NO_CLEAR_LEAD:
            outcome = PARTLY
            reason += f"; but no clear lead over {name(second[0])} ({fmt(second[1] / total, 'share')})"
    return verdict(claim, outcome, reason, observed, arithmetic, calls)


def judge_ratio(claim, ev, as_of: AsOf, recipients):
    """One recipient's (or group's) total arms imports against another's over the same window."""
    p = claim.payload
    rivals = expanded(p.rival, ev, as_of.day)
    end, window, why = _window(p, [ev.arms(c, 5) for c in recipients + rivals], as_of)
    if end is None or not rivals:
        return unverifiable(claim, why or "the other recipient could not be resolved")
    a, _, _ = _sums({c: ev.arms(c, window) for c in recipients}, end)
    b, _, _ = _sums({c: ev.arms(c, window) for c in rivals}, end)
    span = f"{end - window + 1}-{end}" if window > 1 else str(end)
    if a <= 0 or b <= 0:
        return unverifiable(claim, f"no SIPRI deliveries to {names(recipients if a <= 0 else rivals)} in {span}")
    ratio = a / b
    j = tol.judge(p.value, ratio, p.hedge, kind="multiple")
    arithmetic = [f"{names(recipients)} {fmt(a, 'TIV')} / {names(rivals)} {fmt(b, 'TIV')} in {span} = ×{ratio:.2f}; "
                  f"claimed {hedged(p.value, 'multiple', p.hedge)} → accepted "
                  f"{tol.describe(j.low, j.high, lambda x: f'×{x:.2f}')}"] + ([why] if why else [])
    observed = [Observation(a, "TIV", SOURCE, span, ",".join(recipients)),
                Observation(b, "TIV", SOURCE, span, ",".join(rivals))]
    calls = [Call.indicator("arms_share", country=c, years=str(end), window=window) for c in recipients + rivals]
    reason = f"{j.verdict} by {SOURCE}: the arms imports of {names(recipients)} were ×{ratio:.2f} those of " \
             f"{names(rivals)} in {span}"
    return verdict(claim, j.verdict, reason, observed, arithmetic, calls)


def judge_buyers(claim, ev, as_of: AsOf):
    """The supplier's side: a buyer's share or rank among the supplier's deliveries over the window."""
    p = claim.payload
    suppliers = expanded(p.supplier, ev, as_of.day)
    buyers = expanded(p.recipient, ev, as_of.day) if p.recipient != ("WLD",) else ["WLD"]
    if len(suppliers) != 1 or not buyers:
        return unverifiable(claim, "the supplier or its buyers could not be resolved")
    supplier = suppliers[0]
    probe = ev.arms_exports(supplier, 5)
    if p.amount and p.recipient == ("WLD",) and not probe.empty:
        return _world_total(claim, ev, as_of, supplier, probe)
    if probe.empty:
        return unverifiable(claim, f"the pack keeps all of a supplier's deliveries only for its own states; "
                                   f"{name(supplier)}'s deliveries to other states are not held")
    end, window, why = _window(p, [probe], as_of)
    if end is None:
        return unverifiable(claim, why)
    total, by_buyer, _ = _sums({supplier: ev.arms_exports(supplier, window)}, end)
    span = f"{end - window + 1}-{end}" if window > 1 else str(end)
    if total <= 0:
        return unverifiable(claim, f"no SIPRI deliveries by {name(supplier)} in {span}")
    claimed_pv = sum(by_buyer.get(b, 0.0) for b in buyers)
    share = claimed_pv / total
    ranked = [(b, v) for b, v in sorted(by_buyer.items(), key=lambda kv: -kv[1]) if v > 0]
    arithmetic = [f"{name(supplier)}'s deliveries in {span}: {fmt(total, 'TIV')}; to {names(buyers)} "
                  f"{fmt(claimed_pv, 'TIV')} = {fmt(share, 'share')}",
                  "largest buyers: " + ", ".join(f"{name(b)} {fmt(v / total, 'share')}" for b, v in ranked[:4])]
    arithmetic += [why] if why else []
    observed = [Observation(share, "share", SOURCE, span, supplier, ",".join(buyers),
                            note=f"{fmt(claimed_pv, 'TIV')} of {fmt(total, 'TIV')} (TIV)")]
    calls = [Call.load("arms_transfers", partner=supplier, year=span)]
    if p.relation == "share":
        if claimed_pv <= 0 and (p.value or 0) > 0:  # absent: coverage, never a zero
            return unverifiable(claim, f"coverage: {SOURCE} records no major-arms deliveries by {name(supplier)} to "
                                       f"{names(buyers)} in {span}", observed, arithmetic, calls)
        j = tol.judge(p.value, share, p.hedge, kind="share", half_unit=p.half_unit)
        arithmetic.append(f"claimed {hedged(p.value, 'share', p.hedge)} → accepted "
                          f"{tol.describe(j.low, j.high, lambda x: fmt(x, 'share'))}")
        reason = f"{j.verdict} by {SOURCE}: {names(buyers)} took {fmt(share, 'share')} of {name(supplier)}'s " \
                 f"deliveries of major arms in {span}"
        return verdict(claim, j.verdict, reason, observed, arithmetic, calls)
    return _rank(claim, buyers, ranked, total, share, f"buyers of {name(supplier)}'s arms in {span}", observed,
                 arithmetic, calls)


def judge_importers(claim, ev, as_of: AsOf, recipients):
    """A recipient's rank among a region's arms importers by their totals over the window (among the world's:
    arms_world.judge_world)."""
    p = claim.payload
    region = expanded(p.rival, ev, as_of.day)
    end, window, why = _window(p, [ev.arms(c, 5) for c in region], as_of)
    if end is None:
        return unverifiable(claim, why)
    totals = {c: _sums({c: ev.arms(c, window)}, end)[0] for c in region}
    ranked = [(c, v) for c, v in sorted(totals.items(), key=lambda kv: -kv[1]) if v > 0]
    span = f"{end - window + 1}-{end}" if window > 1 else str(end)
    whole = sum(v for _, v in ranked)
    observed = [Observation(totals.get(recipients[0], 0.0), "TIV", SOURCE, span, recipients[0])]
    calls = [Call.indicator("arms_share", country=c, years=str(end), window=window) for c in region]
    arithmetic = ["importers: " + ", ".join(f"{name(c)} {fmt(v, 'TIV')}" for c, v in ranked)] + ([why] if why else [])
    return _rank(claim, recipients, ranked, whole or 1.0, totals.get(recipients[0], 0.0) / (whole or 1.0),
                 f"the arms importers of {names(p.rival)} in {span}", observed, arithmetic, calls)


def _window_total(ev, p, years, side: str) -> tuple[float | None, str]:
    """The TIV delivered over a window: a supplier's exports (to the named buyers, or all) or a recipient's imports
    (from the named suppliers, or all); None with the reason when the pack cannot give it."""
    first, last = years
    window = last - first + 1
    if side == "exports":
        supplier = p.supplier[0]
        rows = ev.arms_exports(supplier, window)
        if rows.empty:
            return None, f"the pack keeps all of a supplier's deliveries only for its own states, not {name(supplier)}'s"
        rows = rows[rows["year"] == last]
        if rows.empty:
            return None, f"no SIPRI deliveries by {name(supplier)} in {first}-{last}"
        if int(rows["window_years"].min()) < window:
            return None, f"{first}-{last} begins before SIPRI's register in the data (deliveries from 2000 only)"
        total, per, _ = _sums({supplier: rows}, last)
        return (total if p.recipient == ("WLD",) else sum(per.get(c, 0.0) for c in p.recipient)), ""
    totals = []
    for country in p.recipient:
        rows = ev.arms(country, window)
        rows = rows[rows["year"] == last] if not rows.empty else rows
        if rows.empty:  # a state outside the pack's own: its imports from the whole register, when the pack has it
            total = _imports_from_register(ev, country, p.supplier, window, last)
            if total is None:
                return None, f"no SIPRI deliveries to {name(country)} in {first}-{last}"
            totals.append(total)
            continue
        if int(rows["window_years"].min()) < window:
            return None, f"{first}-{last} begins before SIPRI's register in the data (deliveries from 2000 only)"
        total, per, _ = _sums({country: rows}, last)
        totals.append(total if p.supplier == ("WLD",) else sum(per.get(c, 0.0) for c in p.supplier))
    return sum(totals), ""


def _imports_from_register(ev, country: str, suppliers, window: int, last: int) -> float | None:
    """A recipient's imports over the window ending in `last` (from all suppliers, or the named ones) summed from
    SIPRI's whole register; None when the pack does not hold it or the window begins before the register."""
    if suppliers == ("WLD",):
        frames = [(ev.arms_world("imports", window), "country")]
    else:
        frames = [(ev.arms_exports(s, window), "partner") for s in suppliers]
    if any(f.empty for f, _ in frames) or any(last - window + 1 < int(f["year"].min()) for f, _ in frames):
        return None
    return sum(float(f.loc[(f[column] == country) & (f["year"] == last), "partner_value"].sum())
               for f, column in frames)


def judge_change(claim, ev, as_of: AsOf):
    """A change of arms exports or imports between two windows of years, in percent."""
    p = claim.payload
    side = p.side
    before, why = _window_total(ev, p, p.base_years, side)
    after, why2 = _window_total(ev, p, p.years, side) if before is not None else (None, why)
    if before is None or after is None:
        return unverifiable(claim, why or why2)
    if before <= 0:
        return unverifiable(claim, f"no deliveries in {p.base_years[0]}-{p.base_years[1]} to compare with")
    change = (after / before - 1) * 100
    j = tol.judge(p.value, change, p.hedge, kind="growth")
    a, b = p.base_years, p.years
    who = name(p.supplier[0]) + "'s arms exports" + ("" if p.recipient == ("WLD",) else f" to {names(p.recipient)}") \
        if side == "exports" else names(p.recipient) + "'s arms imports" + \
        ("" if p.supplier == ("WLD",) else f" from {names(p.supplier)}")
    arithmetic = [f"{who}: {fmt(before, 'TIV')} ({a[0]}-{a[1]}) → {fmt(after, 'TIV')} ({b[0]}-{b[1]}) = {change:+.1f}%; "
                  f"claimed {p.value:+g}% → accepted {j.low:+.1f}% to {j.high:+.1f}%"]
    reason = f"{j.verdict} by {SOURCE}: {who} {change:+.1f}% from {a[0]}-{a[1]} to {b[0]}-{b[1]}"
    observed = [Observation(before, "TIV", SOURCE, f"{a[0]}-{a[1]}"), Observation(after, "TIV", SOURCE, f"{b[0]}-{b[1]}")]
    call = Call.load("arms_transfers", partner=p.supplier[0], year=f"{a[0]}-{b[1]}") if side == "exports" else \
        Call.indicator("arms_share", country=",".join(p.recipient), years=f"{a[1]},{b[1]}", window=b[1] - b[0] + 1)
    return verdict(claim, j.verdict, reason, observed, arithmetic, [call])


def _world_total(claim, ev, as_of: AsOf, supplier: str, probe):
    """A supplier's deliveries to every buyer over the window, the claimed dollars read as million TIV."""
    p = claim.payload
    end, window, why = _window(p, [probe], as_of)
    if end is None:
        return unverifiable(claim, why)
    total, _, short = _sums({supplier: ev.arms_exports(supplier, window)}, end)
    span = f"{end - window + 1}-{end}" if window > 1 else str(end)
    if short:
        return unverifiable(claim, f"a total over {span} begins before SIPRI's register in the data (deliveries from "
                                   f"2000 only): the total cannot be reproduced")
    claimed = p.value / 1e6
    j = tol.judge(claimed, total, p.hedge, kind="level", half_unit=p.half_unit / 1e6)
    arithmetic = [f"{name(supplier)}'s deliveries to all buyers in {span}: {fmt(total, 'TIV')}",
                  f"claimed {hedged(p.value, 'USD', p.hedge)} read as {claimed:,.1f} million TIV (SIPRI's trend-"
                  f"indicator values, which the press often writes as dollars) → accepted "
                  f"{tol.describe(j.low, j.high, lambda x: fmt(x, 'TIV'))}"] + ([why] if why else [])
    observed = [Observation(total, "TIV", SOURCE, span, supplier, "WLD", note="TIV, not dollars")]
    return verdict(claim, j.verdict, f"{j.verdict} by {SOURCE}: {name(supplier)} delivered {fmt(total, 'TIV')} of "
                                     f"major arms to all buyers in {span}", observed, arithmetic,
                   [Call.load("arms_transfers", partner=supplier, year=span)])