"""Claim kind `finance`: Chinese development finance ('China committed $X billion to Kazakhstan between 2000 and
2021', 'Chinese lending to Central Asia totalled $X', 'Kazakhstan was the largest recipient of Chinese development
finance in Central Asia'), judged on AidData's commitments (finance_commitments) summed over the window — on face
value and on AidData's adjusted amounts, each named."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging import tolerances as tol
from ..judging.common import fmt, hedged, unverifiable, verdict
from ..judging.leads import NO_CLEAR_LEAD, leader
from ..judging.trade import expanded
from ..model import CONTRADICTED, PARTLY, SUPPORTED, AsOf, Call, Observation
from ..payloads import Payload
from ..reading.clauses import window_of
from ..reading.entities import name, names
from ..reading.numbers import MONEY_RE, amounts
from ..reading.ranks import rank_of
from ..reading.sentence import E, EL, GAP
from ..reading.shares import RANK
from ..judging.sources import label
from ..registry import register_kind

SOURCE = label("aiddata_gcdf3")
AMOUNTS = {"nominal": "face value", "adjusted": "AidData's adjusted amounts"}
_MONEY = re.sub(r"\(\?P<\w+>", "(?:", MONEY_RE.pattern)
_FIN = r"(?:development\s+finance|(?:development\s+)?lending|loans?|financing|finance|credit|aid|grants?|" \
       r"commitments|official\s+finance|infrastructure\s+loans)"
_HEDGE = r"(?:(?:more\s+than|over|nearly|almost|about|around|roughly|some|at\s+least|close\s+to|just\s+over|" \
         r"just\s+under|less\s+than)\s+)?"
PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<lender>{E})\s+(?:(?:state\s+|policy\s+|development\s+)?(?:lenders|banks|creditors|institutions|government)\s+)?"
    rf"(?:has\s+|had\s+|have\s+)?(?:committed|lent|loaned|provided|extended|pledged|gave|granted|"
    rf"disbursed|invested)\s+(?:a\s+total\s+of\s+)?(?P<amt>{_HEDGE}{_MONEY})\s+(?:(?:in|of|worth\s+of)\s+)?"
    rf"(?:{_FIN}\s+)?(?:to|for|in)\s+(?:the\s+)?(?P<rec>{EL})",
    rf"(?P<lender>{E})\s+(?:{_FIN})\s+(?:to|in|for)\s+(?:the\s+)?(?P<rec>{EL})(?:[^.;]|\.(?=\d)){{0,40}}?"
    rf"(?:totall?ed|amounted\s+to|reached|was|were|came\s+to|stood\s+at|exceeded|topped|of)\s+(?P<amt>{_HEDGE}"
    rf"{_MONEY})",
    rf"(?P<rec>{E})\s+(?:has\s+|had\s+)?(?:received|got|borrowed|obtained|secured)\s+(?P<amt>{_HEDGE}{_MONEY})\s+"
    rf"(?:in\s+|of\s+)?(?:{_FIN}\s+)?from\s+(?P<lender>{E})",
    rf"(?P<rec>{E})\s+(?:is|was|has\s+been|remains|remained|became)\s+(?:the\s+)?{RANK}\s+(?:recipient|borrower|"
    rf"beneficiary)\s+of\s+(?P<lender>{E})\s+(?:{_FIN})(?:\s+(?:in|among|across)\s+(?:the\s+)?(?P<region>{EL})|"
    rf"\s+(?P<world>worldwide|globally|in\s+the\s+world))?",
    rf"(?P<rec>{E}){GAP}{{0,120}}?(?P<lender>{E})\s+(?:{_FIN}){GAP}{{0,80}}?\b(?:portfolio|total|sum|commitments|"
    rf"loans)\s+(?:of|worth|totall?ing|amounting\s+to)\s+(?P<amt>{_HEDGE}{_MONEY})",
)]


@dataclass(frozen=True, kw_only=True)
class FinanceClaim(Payload):
    """A lender's commitments to recipients (relation 'total', value in USD) or a recipient's rank among a region's
    recipients (relation 'rank'), over a window (years, span, base_year or one year; all of AidData's years when
    none is stated)."""

    lender: tuple[str, ...]
    recipient: tuple[str, ...]
    relation: str = "total"
    value: float | None = None
    unit: str = "USD"
    hedge: str | None = None
    half_unit: float = 0.0
    region: tuple[str, ...] = ()
    worldwide: bool = False
    years: tuple[int, int] | None = None
    span: int | None = None
    base_year: int | None = None
    year: int | None = None


@register_kind("finance", payload=FinanceClaim, order=44, title="Development finance (AidData)",
               examples=("China committed $15 billion in development finance to Kazakhstan between 2000 and 2021.",
                         "Kazakhstan was the largest recipient of Chinese development finance in Central Asia."))
class Finance:
    def read(r) -> None:
        if "finance" not in r.triggers:
            return
        for pattern in PATTERNS:
            for m in pattern.finditer(r.masked):
                span = (m.start("amt"), m.end("amt")) if m.groupdict().get("amt") else (m.start(), m.end())
                if r.overlaps_used(*span):
                    continue
                lender, recipient = r.codes(m.start("lender"), m.end("lender")), r.codes(m.start("rec"), m.end("rec"))
                if not lender or not recipient:
                    continue
                fields = {"lender": lender, "recipient": recipient, **window_of(r, m.start())}
                if m.groupdict().get("amt"):
                    found = amounts(r.text, m.start("amt"), m.end("amt"))
                    if not found:
                        continue
                    a = found[0]
                    fields.update({"relation": "total", "value": a.value, "unit": a.currency, "hedge": a.hedge,
                                   "half_unit": a.half_unit})
                    r.take(a.start, a.end)
                else:
                    region = r.codes(m.start("region"), m.end("region")) if m.group("region") else []
                    fields.update({"relation": "rank", "value": rank_of(m.group("rk")), "region": region,
                                   "worldwide": bool(m.group("world"))})
                r.add("finance", m.start(), m.end(), fields)
                r.take(*span)

    def judge(claim, evidence, as_of):
        return judge_finance(claim, evidence, as_of)


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


def _totals(ev, recipients, amount, first, last):
    out = {}
    for country in recipients:
        rows = ev.finance(country, amount)
        if rows.empty:
            continue
        rows = rows[(rows["partner"] == "CHN") & (rows["year"] >= first) & (rows["year"] <= last)]
        out[country] = float(rows["value"].sum())
    return out


def judge_finance(claim, ev, as_of: AsOf):
    p = claim.payload
    lenders = expanded(p.lender, ev, as_of.day)
    if lenders != ["CHN"]:
        return unverifiable(claim, f"the pack holds Chinese development finance only (AidData); no data on lending by "
                                   f"{names([x for x in lenders if x != 'CHN']) or names(lenders)}")
    if p.relation == "rank" and p.worldwide:
        return unverifiable(claim, "a rank among all the world's recipients: the pack holds AidData for its own "
                                   "countries only, so a worldwide rank cannot be checked")
    if p.relation == "total" and p.unit != "USD":
        return unverifiable(claim, f"an amount in {p.unit}: AidData's commitments are in US dollars")
    probe = ev.finance(None, "nominal")
    years = sorted({int(y) for y in probe["year"]}) if not probe.empty else []
    if p.relation == "rank":
        recipients = expanded(p.region, ev, as_of.day) if p.region else sorted(set(probe["country"]))
    else:
        recipients = expanded(p.recipient, ev, as_of.day)
    if not years:
        return unverifiable(claim, "no development finance data in the pack")
    first, last, why = _window(p, years)
    if first < min(years) or last > max(years):
        return unverifiable(claim, f"AidData covers {min(years)}-{max(years)}; the claim is about {first}-{last}")
    span = f"{first}-{last}" if first != last else str(first)
    calls = [Call.indicator("finance_commitments", country=",".join(recipients), partner="CHN", years=span,
                            amount=amount) for amount in AMOUNTS]
    results = {}
    for amount, label in AMOUNTS.items():
        totals = _totals(ev, recipients, amount, first, last)
        results[amount] = totals
    observed, arithmetic = [], ([why] if why else [])
    if p.relation == "total":
        outcomes = {}
        for amount, totals in results.items():
            total = sum(totals.values())
            j = tol.judge(p.value, total, p.hedge, kind="level", half_unit=p.half_unit)
            outcomes[amount] = (j.verdict, total)
            observed.append(Observation(total, "USD", f"{SOURCE}, {AMOUNTS[amount]}", span, ",".join(recipients),
                                        "CHN", note="commitments, constant 2021 US dollars"))
            arithmetic.append(f"{AMOUNTS[amount]}: " + " + ".join(f"{name(c)} {fmt(v, 'USD')}" for c, v in
                                                                  totals.items()) + f" = {fmt(total, 'USD')}; claimed "
                              f"{hedged(p.value, 'USD', p.hedge)} → accepted "
                              f"{tol.describe(j.low, j.high, lambda x: fmt(x, 'USD'))}")
        face, adjusted = outcomes["nominal"], outcomes["adjusted"]
        outcome = face[0]
        reason = f"{face[0]} on face value: {fmt(face[1], 'USD')} committed by China to {names(p.recipient)} in {span}" \
                 f"; adjusted amounts give {fmt(adjusted[1], 'USD')} ({adjusted[0]})"
        if face[0] != SUPPORTED and adjusted[0] == SUPPORTED:
            outcome = SUPPORTED  # AidData publishes both; the claim matches its adjusted amounts
            reason = f"supported on AidData's adjusted amounts: {fmt(adjusted[1], 'USD')} committed by China to " \
                     f"{names(p.recipient)} in {span}; face value gives {fmt(face[1], 'USD')} ({face[0]})"
        return verdict(claim, outcome, reason + f" ({SOURCE})", observed, arithmetic, calls)
    parts, outcomes = [], []
    for amount, totals in results.items():
        ranked = sorted(((c, v) for c, v in totals.items() if v > 0), key=lambda kv: -kv[1])
        target = expanded(p.recipient, ev, as_of.day)
        position = next((i + 1 for i, (c, _) in enumerate(ranked) if c in target), None)
        ok = position == int(p.value or 1)
        if ok and position == 1 and len(ranked) > 1 and \
                leader(ranked[0][1], ranked[1][1], "USD") == NO_CLEAR_LEAD:
            outcomes.append(PARTLY)
        else:
            outcomes.append(SUPPORTED if ok else CONTRADICTED)
        top = ", ".join(name(c) + " " + fmt(v, "USD") for c, v in ranked[:3])
        parts.append(f"{AMOUNTS[amount]}: {names(target)} ranks {position or 'nowhere'} of {len(ranked)} ({top})")
        observed.append(Observation(position, "rank", f"{SOURCE}, {AMOUNTS[amount]}", span, ",".join(target), "CHN"))
    outcome = outcomes[0] if outcomes[0] == outcomes[1] else PARTLY
    reason = f"among {names(p.region or p.recipient)} in {span}: " + "; ".join(parts)
    return verdict(claim, outcome, reason, observed, arithmetic, calls)
