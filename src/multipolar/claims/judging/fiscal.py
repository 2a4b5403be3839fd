"""Fiscal-year trade figures: a level claimed for a fiscal year ('fiscal year April 2022-March 2023', 'FY 2021-22')
is compared only with an official figure for that same fiscal year — the press-reported headline figures keep
India's April-March years as 'YYYY-YY' — and never with calendar years."""

from __future__ import annotations

import re

from ..evidence import FLIP
from ..model import Call, CONTRADICTED, Observation, PARTLY, SUPPORTED, UNVERIFIABLE
from . import tolerances as tol
from .common import fmt, hedged, verdict

# The two years of a fiscal period: '2022-23', '2022/2023', 'April 2022-March 2023', 'FY2021-22'.
_SPAN = re.compile(r"((?:19|20)\d\d)\s*(?:[-–/]|to|through)\s*(?:[A-Za-z]+\.?\s+)?((?:19|20)?\d\d)(?!\d)")


def fiscal_label(words: str | None) -> str | None:
    """'2022-23' for the words of a fiscal period spanning two years, else None (a one-year 'FY2023' is ambiguous)."""
    m = _SPAN.search(words or "")
    if not m:
        return None
    first, second = int(m.group(1)), m.group(2)
    second_year = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
    return f"{first}-{second_year % 100:02d}" if second_year == first + 1 else None


def fiscal_figures(ev, country: str, partner: str, flow: str, label: str) -> list[dict]:
    """The press-reported official figures of one pair and flow for one fiscal year, seen from country's side."""
    from ..pack_evidence import PRESS_FLOWS, press_reporter

    frame = ev.load("headline_figures")
    if frame is None or frame.empty:
        return []
    out = []
    for row in frame.to_dict("records"):
        f = PRESS_FLOWS.get(str(row.get("flow")))
        if f is None or str(row.get("period")) != label:
            continue
        pair = (row.get("country_a"), row.get("country_b"))
        own = f if pair == (country, partner) else FLIP[f] if pair == (partner, country) else None
        if own != flow:
            continue
        source = str(row.get("reporter_source"))
        out.append({"value": float(row["value_usd"]), "label": f"{source}, as reported in the press",
                    "reporter": press_reporter(source), "url": row.get("url"),
                    "call": Call.load("headline_figures", country=pair[0], partner=pair[1])})
    return out


def judge_fiscal(claim, ev, pairs):
    """The verdict on a level claimed for a fiscal year, from the same fiscal year's official figure; None when the
    data hold none (the caller then says why a fiscal year is not compared with calendar years)."""
    p = claim.payload
    label = fiscal_label(p.fiscal)
    if claim.type != "level" or label is None or len(pairs) != 1 or p.value is None or p.unit != "USD":
        return None
    country, partner = pairs[0]
    figures = fiscal_figures(ev, country, partner, p.flow, label)
    if not figures:
        return None
    named = set(p.reporter or ())
    figures.sort(key=lambda x: 0 if x["reporter"] in named else 1)
    first = figures[0]
    j = tol.judge(p.value, first["value"], p.hedge, kind="level", half_unit=p.half_unit)
    outcome = j.verdict
    reason = f"{outcome} by {first['label']}: {fmt(first['value'], 'USD')} in fiscal year {label}"
    if outcome == CONTRADICTED and named and first["reporter"] not in named:
        outcome = UNVERIFIABLE  # the safety rule: only the reporter the text cites may contradict it
        reason = f"not checkable on matching figures: {first['label']} is not the source the text cites; it gives " \
                 f"{fmt(first['value'], 'USD')} in fiscal year {label}"
    elif outcome == CONTRADICTED:
        backer = next((x for x in figures[1:] if tol.judge(p.value, x["value"], p.hedge, half_unit=p.half_unit)
                       .verdict == SUPPORTED), None)
        if backer is not None:  # the combiner's rule (judging/attribution.py): never contradicted then
            outcome = PARTLY
            reason = f"partly supported: {reason}; sources disagree: {backer['label']} supports it " \
                     f"({fmt(backer['value'], 'USD')})"
    observed = [Observation(x["value"], "USD", x["label"], label, country, partner, p.flow, url=x["url"],
                            note=f"fiscal year {label}") for x in figures]
    arithmetic = [f"{first['label']}: {fmt(first['value'], 'USD')} in fiscal year {label}; claimed "
                  f"{hedged(p.value, p.unit, p.hedge)} → accepted {tol.describe(j.low, j.high, lambda x: fmt(x, 'USD'))}"]
    return verdict(claim, outcome, reason, observed, arithmetic, [x["call"] for x in figures])
