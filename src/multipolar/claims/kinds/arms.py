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
from ..reading.numbers import amounts, share_at
from ..reading.ranks import rank_of
from ..reading.sentence import E, EL
from ..reading.shares import ARMS, ARMS_FLOW, RANK, SHARE, SUPPLIER
from ..judging.sources import label
from ..registry import register_kind

SOURCE = label("sipri_at")
_VERB = r"(?:has\s+|have\s+|had\s+)?(?:supplied|supplies|supply|provided|provides|delivered|delivers|accounted\s+for|" \
        r"accounts\s+for|account\s+for|made\s+up|makes\s+up|represented|represents|sold|sells|was\s+responsible\s+for|" \
        r"covered|covers)"
PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<sup>{EL})\s+(?:together\s+|alone\s+|jointly\s+)?{_VERB}\s+(?:(?:a\s+share\s+of|a|an)\s+)?"
    rf"(?P<num>{SHARE})\s+(?:of\s+)?(?:the\s+)?(?P<rec>{EL}|its|their)\s+(?:total\s+)?{ARMS}{ARMS_FLOW}",
    rf"(?P<sup>{E})\s+(?:has\s+|had\s+)?(?:supplied|provided|furnished|equipped)\s+(?P<rec>{E})\s+with\s+(?P<num>{SHARE})"
    rf"\s+of\s+(?:its|their|{E})\s+(?:total\s+)?{ARMS}{ARMS_FLOW}",
    rf"(?P<sup>{E})\s+(?:{ARMS}|deliveries|supplies)\s+(?:made\s+up|accounted\s+for|represented|were)\s+(?P<num>{SHARE})"
    rf"\s+of\s+(?:all\s+)?(?:the\s+)?(?:{ARMS}\s+)?(?:deliveries|imports|supplies|transfers|purchases)\s+(?:to|of|by)\s+"
    rf"(?:the\s+)?(?P<rec>{EL})",
    rf"(?P<sup>{E})\s+{_VERB}\s+(?P<num>{SHARE})\s+of\s+(?:all\s+|the\s+)?(?:its\s+)?{ARMS}(?:\s+imports)?(?P<rec>)",
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


# Measures of arms relations SIPRI's delivery register does not hold (contracts, orders, cooperation).
OTHER_MEASURE = r"(?P<measure>military[- ]technical\s+cooperation|(?:arms|defen[cs]e|weapons?)\s+(?:contracts|orders|" \
                r"deals|market|spending|budget))"
MEASURES = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<num>{SHARE})\s+of\s+(?:the\s+)?(?P<rec>{E})\s+{OTHER_MEASURE}(?:[^.;]{{0,40}}?\b(?:was|were|came|went)\s+"
    rf"(?:with|from|to)\s+(?P<sup>{E}))?",
    rf"(?P<sup>{E})\s+share\s+of\s+(?:the\s+)?{OTHER_MEASURE}\s+(?:that\s+|which\s+)?(?P<rec>{E})(?:[^.;]|\.(?=\d))"
    rf"{{0,60}}?(?P<num>\d+(?:\.\d+)?\s?(?:%|percent))",
)]
# "..., and 55% in 2015-19" / "... and 31% from Russia": the same claim for another period or supplier.
CONTINUED = re.compile(rf"(?:\s+(?:in|over|during)\s+[^,;.]{{4,20}}?)?\s*,?\s*(?:and|while|but|whereas|to)\s+(?P<num>{SHARE})\s+(?:(?:in|over|during)\s+"
                       rf"(?P<when>[^,;.]{{4,20}}?)(?=[,;.]|\s+and\b|$)|from\s+(?P<sup>{E}))", re.IGNORECASE)
# "Iran imported $1.1 billion worth of arms" and "Russia ($804 million)": SIPRI trend-indicator values, which the
# press writes as dollars.
TOTAL = re.compile(rf"(?P<rec>{E})\s+(?:imported|received|bought|purchased|acquired)\s+(?P<amt>(?:about\s+|some\s+|"
                   rf"around\s+|nearly\s+|more\s+than\s+)?(?:US\$|\$|USD)\s?[\d.,]+\s?(?:billion|million|bn|mn)?)\s+"
                   rf"(?:worth\s+of\s+|in\s+)?{ARMS}", re.IGNORECASE)
SUPPLIER_AMOUNT = re.compile(rf"(?P<sup>{E})\s*\((?P<amt>(?:US\$|\$|USD)\s?[\d.,]+\s?(?:billion|million|bn|mn)?)\)")


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
    measure: str | None = None  # a measure the register does not hold ('arms contracts')
    amount: bool = False        # value is an amount in million TIV (written as dollars), not a share


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
                if not m.group("rec") and m.group("rec") is not None:  # "In Kyrgyzstan, Russia supplied 70% of arms"
                    recipients = [x.code for x in r.mentions if x.kind in ("country", "group") and x.code not in
                                  suppliers][:1] or ([r.ctx.focus] if r.ctx.focus not in (None, *suppliers) else [])
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
                claim = r.add("arms", m.start(), m.end(), fields)
                r.take(m.start(), m.end())
                if fields.get("relation") == "share":
                    _continued(r, m.end(), claim.payload)
        _other_measures(r)
        _totals(r)

    def judge(claim, evidence, as_of):
        return judge_arms(claim, evidence, as_of)


def _continued(r, end: int, first) -> None:
    m = CONTINUED.match(r.masked, end)
    if not m:
        return
    share = share_at(r.text, m.start("num"), m.end("num"))
    if share is None:
        return
    fields = first.to_dict()
    fields.update({"value": share.value, "hedge": share.hedge, "half_unit": share.half_unit})
    if m.group("sup"):
        fields["supplier"] = r.codes(m.start("sup"), m.end("sup"))
    else:
        for key in ("years", "span", "base_year", "year"):
            fields.pop(key, None)
        fields.update(window_of(r, m.start("when")))
    r.add("arms", m.start("num"), m.end(), fields)
    r.take(m.start(), m.end())


def _other_measures(r) -> None:
    for pattern in MEASURES:
        for m in pattern.finditer(r.masked):
            rec = r.codes(m.start("rec"), m.end("rec"))
            sup = r.codes(m.start("sup"), m.end("sup")) if m.group("sup") else []
            share = share_at(r.text, m.start("num"), m.end("num"))
            if rec and share and not r.overlaps_used(m.start(), m.end()):
                r.add("arms", m.start(), m.end(), {"supplier": sup or rec, "recipient": rec, "value": share.value,
                                                   "measure": m.group("measure"), **window_of(r, m.start())})
                r.take(m.start(), m.end())


def _totals(r) -> None:
    """'Iran imported $1.1 billion worth of arms in 2007-2016, with Russia ($804 million) ...'."""
    for m in TOTAL.finditer(r.masked):
        rec = r.codes(m.start("rec"), m.end("rec"))
        found = amounts(r.text, m.start("amt"), m.end("amt"))
        if not rec or not found or r.overlaps_used(m.start(), m.end()):
            continue
        window = window_of(r, m.start())
        r.add("arms", m.start(), m.end(), {"supplier": ["WLD"], "recipient": rec, "relation": "total",
                                           "value": found[0].value, "hedge": found[0].hedge, "amount": True,
                                           "half_unit": found[0].half_unit, **window})
        r.take(m.start(), m.end())
        for s in SUPPLIER_AMOUNT.finditer(r.masked, m.end()):
            sup = r.codes(s.start("sup"), s.end("sup"))
            got = amounts(r.text, s.start("amt"), s.end("amt"))
            if sup and got:
                r.add("arms", s.start(), s.end(), {"supplier": sup, "recipient": rec, "relation": "total",
                                                   "value": got[0].value, "hedge": got[0].hedge, "amount": True,
                                                   "half_unit": got[0].half_unit, **window})
                r.take(s.start(), s.end())


def judge_arms(claim, ev, as_of: AsOf):
    p = claim.payload
    if p.measure:
        return unverifiable(claim, f"'{p.measure}' is not what SIPRI's register records (deliveries of major arms): "
                                   "the data cannot check it")
    recipients = expanded(p.recipient, ev, as_of.day)
    suppliers = expanded(p.supplier, ev, as_of.day) if p.supplier != ("WLD",) else ["WLD"]
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
    claimed_pv = totals if suppliers == ["WLD"] else sum(by_supplier.get(s, 0.0) for s in suppliers)
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
        arithmetic.append(f"claimed {hedged(p.value, 'share', p.hedge)} → accepted "
                          f"{tol.describe(j.low, j.high, lambda x: fmt(x, 'share'))}")
        reason = f"{j.verdict} by {SOURCE}: {names(suppliers)} {fmt(share, 'share')} of the major arms imports of " \
                 f"{where} in {span}"
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
