"""Judging ranks and shares among all the world's arms importers and exporters on SIPRI's whole register: every
state's deliveries summed over the claim's window (SIPRI's five years when none is stated), with the no-clear-lead
rule for first place."""

from __future__ import annotations

from ..model import CONTRADICTED, PARTLY, SUPPORTED, Call, Observation
from ..reading.entities import name, names
from . import tolerances as tol
from .arms import SOURCE, _rank, _window
from .common import fmt, hedged, unverifiable, verdict
from .trade import expanded

# What the world's totals leave out (sources/sipri.py: SKIPPED_ROWS, SKIPPED_TIV), said beside every world figure.
WORLD_NOTE = ("SIPRI's register (January 2025 revision), states only: 330 register rows to or from non-state actors "
              "and organisations (3,237 of 613,036 million TIV) are not counted")
# Why a pack holding SIPRI's deliveries for its own states only cannot decide a world figure.
NOT_HELD = {
    "importer rank": "a rank among all the world's arms importers: the pack keeps SIPRI's deliveries to its own "
                     "states only, so other importers' totals are incomplete",
    "exporter rank": "a rank among all the world's arms exporters: the pack keeps SIPRI's deliveries to its own states "
                     "and their suppliers only, not every exporter's total, so the world's ranking cannot be rebuilt",
    "world top": "the largest of all the world's arms importers or exporters: the pack keeps SIPRI's deliveries "
                 "involving its own states only, not every importer's and exporter's total",
    "world share": "a share of the world's arms exports or imports: the pack does not keep SIPRI's world total (every "
                   "supplier's deliveries to every recipient), only deliveries involving its own states",
}


def is_world(p) -> bool:
    """A rank or share among all the world's importers or exporters (not among a region's)."""
    return p.relation in ("exporter rank", "world share", "world top") or \
        p.relation == "importer rank" and (p.words == "world" or not p.rival)


def judge_world(claim, ev, as_of):
    """A state's rank among, or share of, all the world's arms exports or imports over the window."""
    p = claim.payload
    imports = p.relation == "importer rank" or p.relation in ("world share", "world top") and p.supplier == ("WLD",)
    side = "imports" if imports else "exports"
    who = expanded(p.recipient if imports else p.supplier, ev, as_of.day)
    if not who:
        return unverifiable(claim, "the state could not be resolved")
    probe = ev.arms_world(side, 5)
    if probe.empty:
        return unverifiable(claim, NOT_HELD[p.relation])
    end, window, why = _window(p, [probe], as_of)
    if end is None:
        return unverifiable(claim, why)
    span = f"{end - window + 1}-{end}" if window > 1 else str(end)
    rows = ev.arms_world(side, window)
    rows = rows[rows["year"] == end] if not rows.empty else rows
    if rows.empty:
        return unverifiable(claim, f"no SIPRI deliveries in {span}")
    if int(rows["window_years"].min()) < window:
        return unverifiable(claim, f"a window {span} begins before SIPRI's register in the data (deliveries from "
                                   f"2000 only): the world's totals cannot be reproduced")
    total = float(rows["total_value"].iloc[0])
    ranked = sorted(((r.country, float(r.partner_value)) for r in rows.itertuples(index=False)), key=lambda kv: -kv[1])
    value = sum(v for c, v in ranked if c in who)
    share = value / total
    states = "importers" if imports else "exporters"
    arithmetic = [f"{names(who)}: {fmt(value, 'TIV')} of the world's {fmt(total, 'TIV')} in {span} = "
                  f"{fmt(share, 'share')}",
                  f"largest {states}: " + ", ".join(f"{name(c)} {fmt(v / total, 'share')}" for c, v in ranked[:5]),
                  WORLD_NOTE] + ([why] if why else [])
    observed = [Observation(share, "share", SOURCE, span, ",".join(who), "WLD",
                            note=f"{fmt(value, 'TIV')} of {fmt(total, 'TIV')} (TIV, not dollars)")]
    calls = [Call.load("arms_transfers", year=span)]
    if p.relation == "world top":
        return _top(claim, who, ranked, total, f"the world's {int(p.value)} largest arms {states} in {span}", observed,
                    arithmetic, calls)
    if p.relation != "world share":
        return _rank(claim, who, ranked, total, share, f"the world's arms {states} in {span}", observed, arithmetic,
                     calls)
    if value <= 0:
        return unverifiable(claim, f"coverage: {SOURCE} records no major-arms {side} of {names(who)} in {span}",
                            observed, arithmetic, calls)
    j = tol.judge(p.value, share, p.hedge, kind="share", half_unit=p.half_unit)
    arithmetic.append(f"claimed {hedged(p.value, 'share', p.hedge)} → accepted "
                      f"{tol.describe(j.low, j.high, lambda x: fmt(x, 'share'))}")
    reason = f"{j.verdict} by {SOURCE}: {names(who)} {fmt(share, 'share')} of the world's major arms {side} in {span}"
    return verdict(claim, j.verdict, reason, observed, arithmetic, calls)


def _top(claim, who, ranked, total, among, observed, arithmetic, calls):
    """The states named as the top n: all among them supported, some partly, none contradicted."""
    n = int(claim.payload.value)
    top = [c for c, _ in ranked[:n]]
    hits = [c for c in who if c in top]
    outcome = SUPPORTED if len(hits) == len(who) else PARTLY if hits else CONTRADICTED
    reason = f"{among}: " + ", ".join(f"{name(c)} ({fmt(v / total, 'share')})" for c, v in ranked[:n]) + \
        (f"; not among them: {names([c for c in who if c not in top])}" if len(hits) < len(who) else "")
    return verdict(claim, outcome, reason, observed, arithmetic, calls)
