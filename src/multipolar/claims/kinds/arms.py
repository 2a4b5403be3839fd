"""Claim kind `arms`: who supplies a state's (or a region's) major arms ('Russia supplied 76% of Kazakhstan's arms
imports in 2019-2023', 'the bulk of Kazakhstan's major arms over five years came from Russia', 'Russia is the main
arms supplier to Central Asia', 'China was Turkmenistan's largest arms supplier'), judged on SIPRI trend-indicator
values (arms_share over the stated window; SIPRI's five years when none is stated), with the no-clear-lead rule."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging import tolerances as tol
from ..judging.common import fmt, hedged, unverifiable, verdict
from ..judging.leads import NO_CLEAR_LEAD, leader
from ..judging.trade import expanded
from ..judging.windows import resolve_window
from ..model import CONTRADICTED, PARTLY, SUPPORTED, AsOf, Call, Observation
from ..payloads import Payload
from ..reading.clauses import window_of
from ..reading.entities import name, names
from ..reading.numbers import share_at
from ..reading.ranks import rank_of
from ..reading.sentence import E, EL
from ..reading.shares import ARMS, ARMS_FLOW, RANK, SHARE, SUPPLIER
from ..registry import register_kind

SOURCE = "SIPRI Arms Transfers Database (trend-indicator values)"
_VERB = r"(?:has\s+|have\s+|had\s+)?(?:supplied|supplies|supply|provided|provides|delivered|delivers|accounted\s+for|" \
        r"accounts\s+for|account\s+for|made\s+up|makes\s+up|represented|represents|sold|sells|was\s+responsible\s+for|" \
        r"covered|covers)"
PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<sup>{EL})\s+(?:together\s+|alone\s+|jointly\s+)?{_VERB}\s+(?:(?:a\s+share\s+of|a|an)\s+)?"
    rf"(?P<num>{SHARE})\s+(?:of\s+)?(?:the\s+)?(?P<rec>{EL}|its|their)\s+(?:total\s+)?{ARMS}{ARMS_FLOW}",
    rf"(?P<rec>{E})\s+(?:imported|bought|received|sourced|obtained|purchased|got|acquired|imports|buys|receives|"
    rf"sources)\s+(?P<num>{SHARE})\s+of\s+(?:its|their|{E})\s+(?:total\s+)?{ARMS}{ARMS_FLOW}\s+from\s+(?P<sup>{EL})",
    rf"(?P<sup>{E})\s+share\s+(?:of|in)\s+(?P<rec>{EL})\s+{ARMS}{ARMS_FLOW}(?:[^.;]|\.(?=\d)){{0,40}}?"
    rf"(?P<num>{SHARE})",
    rf"(?P<num>{SHARE})\s+of\s+(?P<rec>{EL})\s+{ARMS}{ARMS_FLOW}\s+(?:came|come|comes|originated)\s+from\s+"
    rf"(?P<sup>{EL})",
    rf"(?P<sup>{E})\s+(?:is|was|has\s+been|remains|remained|became|has\s+become|is\s+still|is\s+now)\s+"
    rf"(?:still\s+|now\s+|by\s+far\s+|also\s+)?(?:the\s+)?{RANK}\s+(?:{ARMS}\s+)?{SUPPLIER}(?:\s+of\s+{ARMS})?\s+"
    rf"(?:to|of|for)\s+(?:the\s+)?(?P<rec>{EL})",
    rf"(?P<sup>{E})\s+(?:is|was|has\s+been|remains|remained|became)\s+(?:still\s+|now\s+|by\s+far\s+)?"
    rf"(?P<rec>{E})\s+{RANK}\s+{ARMS}\s+{SUPPLIER}",
    rf"(?P<rec>{E})\s+{RANK}\s+{ARMS}\s+{SUPPLIER}\s+(?:is|was|has\s+been|remains|remained)\s+(?P<sup>{E})",
)]


@dataclass(frozen=True, kw_only=True)
class ArmsClaim(Payload):
    """Suppliers' share (relation 'share', value 0-1) or rank (relation 'rank', value 1 = largest) of recipients'
    major arms imports, over a window: years (first, last), span (n years to the latest), base_year ('since'),
    year (one year)."""

    supplier: tuple[str, ...]
    recipient: tuple[str, ...]
    relation: str = "share"
    value: float = 1.0
    hedge: str | None = None
    half_unit: float = 0.0
    years: tuple[int, int] | None = None
    span: int | None = None
    base_year: int | None = None
    year: int | None = None


@register_kind("arms", payload=ArmsClaim, order=40, title="Arms supplies (SIPRI)",
               examples=("Russia supplied 76% of Kazakhstan's major arms imports in 2019-2023.",
                         "Russia accounted for the bulk of Kazakhstan's arms imports over the past five years.",
                         "Russia remains the main arms supplier to Central Asia."))
class Arms:
    def read(r) -> None:
        if "security" not in r.triggers:
            return
        for pattern in PATTERNS:
            for m in pattern.finditer(r.masked):
                if r.overlaps_used(m.start(), m.end()):
                    continue
                suppliers = r.codes(m.start("sup"), m.end("sup"))
                recipients = r.codes(m.start("rec"), m.end("rec")) if m.group("rec") not in ("its", "their") \
                    else [c for c in [r.subject()] if c]
                if "rec" in m.groupdict() and r.by_start.get(m.start("rec")) is not None and \
                        r.by_start[m.start("rec")].pronoun and set(recipients) & set(suppliers):
                    recipients = [r.ctx.focus] if r.ctx.focus else []
                recipients = [c for c in recipients if c not in suppliers]
                if not suppliers or not recipients:
                    continue
                fields = {"supplier": suppliers, "recipient": recipients, **window_of(r, m.start())}
                if "num" in m.groupdict() and m.group("num"):
                    share = share_at(r.text, m.start("num"), m.end("num"))
                    if share is None:
                        continue
                    fields.update({"relation": "share", "value": share.value, "hedge": share.hedge,
                                   "half_unit": share.half_unit})
                else:
                    fields.update({"relation": "rank", "value": rank_of(m.group("rk"))})
                r.add("arms", m.start(), m.end(), fields)
                r.take(m.start(), m.end())

    def judge(claim, evidence, as_of):
        return judge_arms(claim, evidence, as_of)


def judge_arms(claim, ev, as_of: AsOf):
    p = claim.payload
    recipients = expanded(p.recipient, ev, as_of.day)
    suppliers = expanded(p.supplier, ev, as_of.day)
    if not recipients or not suppliers:
        return unverifiable(claim, "the supplier or the recipient could not be resolved")
    yearly = [ev.arms(c, 5) for c in recipients]
    data_years = sorted({int(y) for f in yearly if not f.empty for y in f["year"]})
    if not data_years:
        return unverifiable(claim, f"no SIPRI deliveries recorded for {names(recipients)} in the pack")
    end, window, why = resolve_window(p, data_years, as_of)
    if end is None:
        return unverifiable(claim, why)
    totals, by_supplier, calls, partial_windows = 0.0, {}, [], []
    for country in recipients:
        rows = ev.arms(country, window)
        rows = rows[rows["year"] == end] if not rows.empty else rows
        if rows.empty:
            continue
        totals += float(rows.iloc[0]["total_value"])
        for row in rows.itertuples(index=False):
            by_supplier[row.partner] = by_supplier.get(row.partner, 0.0) + float(row.partner_value)
        if int(rows.iloc[0]["window_years"]) < window:
            partial_windows.append(country)
        calls.append(Call.indicator("arms_share", country=country, years=str(end), window=window))
    if totals <= 0:
        return unverifiable(claim, f"no SIPRI deliveries to {names(recipients)} in {end - window + 1}-{end}")
    span = f"{end - window + 1}-{end}" if window > 1 else str(end)
    where = names(p.recipient) if len(recipients) > 1 else name(recipients[0])
    claimed_pv = sum(by_supplier.get(s, 0.0) for s in suppliers)
    share = claimed_pv / totals
    ranked = sorted(by_supplier.items(), key=lambda kv: -kv[1])
    arithmetic = [f"{names(suppliers)}: {fmt(claimed_pv, 'TIV')} of {fmt(totals, 'TIV')} delivered to {where} in "
                  f"{span} = {fmt(share, 'share')}"]
    arithmetic.append("largest suppliers: " + ", ".join(f"{name(s)} {fmt(v / totals, 'share')}" for s, v in ranked[:4]))
    if why:
        arithmetic.append(why)
    if partial_windows:
        arithmetic.append(f"SIPRI's register starts in 2000: the window is shorter for {names(partial_windows)}")
    observed = [Observation(share, "share", SOURCE, span, ",".join(recipients), ",".join(suppliers),
                            note=f"{fmt(claimed_pv, 'TIV')} of {fmt(totals, 'TIV')} (TIV, not dollars)")]
    if p.relation == "share":
        j = tol.judge(p.value, share, p.hedge, kind="share", half_unit=p.half_unit)
        arithmetic.append(f"claimed {hedged(p.value, 'share', p.hedge)} → accepted "
                          f"{tol.describe(j.low, j.high, lambda x: fmt(x, 'share'))}")
        reason = f"{j.verdict} by {SOURCE}: {names(suppliers)} {fmt(share, 'share')} of {where}'s major arms imports " \
                 f"in {span}"
        return verdict(claim, j.verdict, reason, observed, arithmetic, calls)
    ranked = [(s, v) for s, v in ranked if v > 0]
    position = next((i + 1 for i, (s, _) in enumerate(ranked) if s in suppliers), None)
    outcome = SUPPORTED if position == int(p.value) else CONTRADICTED
    reason = f"{names(suppliers)} ranks {position or 'nowhere (no deliveries)'} among suppliers of {where} in {span} " \
             f"({fmt(share, 'share')}); first is {name(ranked[0][0])} ({fmt(ranked[0][1] / totals, 'share')})"
    if outcome == SUPPORTED and int(p.value) == 1 and len(ranked) > 1:
        second = ranked[1]
        if leader(ranked[0][1] / totals, second[1] / totals, "share") == NO_CLEAR_LEAD:
            outcome = PARTLY
            reason += f"; but no clear lead over {name(second[0])} ({fmt(second[1] / totals, 'share')})"
    return verdict(claim, outcome, reason, observed, arithmetic, calls)
