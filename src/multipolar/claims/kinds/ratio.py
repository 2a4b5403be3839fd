"""Claim kind `ratio`: one partner's trade with a country as a multiple of another's ('Russia's trade with Kyrgyzstan
is about half of China's', 'Kazakhstan's exports to China are twice those to Russia'), judged on both partners'
values in the same source (the country's own statistics first), at the same year."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging import tolerances as tol
from ..judging.common import fmt, hedged, observe, unverifiable, verdict
from ..judging.sources import pick, tier
from ..judging.trade import call_for, expanded, period_problem
from ..judging.years import target_year
from ..model import CONTRADICTED, AsOf
from ..payloads import Period
from ..reading.clauses import resolve_period, time_for
from ..reading.entities import name
from ..reading.numbers import HEDGE, RATIO, hedge_before, ratio_value
from ..reading.sentence import E
from ..registry import register_kind

_FLOWN = r"(?P<flow>trade(?:\s+turnover)?|turnover|exports|imports)"
_BE = r"(?:is|was|are|were|amounted\s+to|stood\s+at|came\s+to|reached|equals?|equalled)\s+(?:now\s+|still\s+|only\s+|" \
      r"just\s+|barely\s+)?"
_HEDGE = HEDGE
PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    # "<A>'s trade with <X> is half of <B>'s" — the common party is X
    rf"(?P<a>{E})\s+{_FLOWN}\s+(?:with|to|from)\s+(?P<x>{E})\s+{_BE}{_HEDGE}{RATIO}\s+(?:of\s+|that\s+of\s+|the\s+size\s+"
    rf"of\s+|as\s+(?:large|big|much)\s+as\s+)?(?P<b>{E})",
    # "<X>'s exports to <A> are twice those to <B>"
    rf"(?P<x>{E})\s+{_FLOWN}\s+(?:with|to|from)\s+(?P<a>{E})\s+{_BE}{_HEDGE}{RATIO}\s+(?:of\s+)?(?:those|that|the\s+"
    rf"(?:level|value|volume))\s+(?:with|to|from)\s+(?P<b>{E})",
    # "<X>'s exports to <A> were worth less than half its exports to <B>"
    rf"(?P<x>{E})\s+{_FLOWN}\s+(?:with|to|from)\s+(?P<a>{E})(?:\s+in\s+(?:19|20)\d\d)?\s+{_BE}(?:worth\s+)?{_HEDGE}{RATIO}"
    rf"\s+(?:of\s+)?(?:its|their|{E})\s+(?:trade|exports|imports)\s+(?:with|to|from)\s+(?P<b>{E})",
    # "<X> imports twice as much from <A> as from <B>"
    rf"(?P<x>{E})\s+(?P<verb>imports|imported|buys|bought|exports|exported|sells|sold|trades|traded)\s+{_HEDGE}{RATIO}\s+"
    rf"as\s+much\s+(?:from|to|with)\s+(?P<a>{E})\s+as\s+(?:from|to|with)\s+(?P<b>{E})",
)]
_VERB_FLOWS = {"import": "import", "bought": "import", "buys": "import", "export": "export", "sell": "export",
               "sold": "export", "trade": "turnover"}


# "..., about 40% lower than Tajikistan's $4.2 billion of trade with Russia": one frame's trade against another
# partner's, as a percentage difference.
PERCENT_THAN = re.compile(rf"(?P<pct>\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent))\s+(?P<dir>lower|less|smaller|higher|more|"
                          rf"larger|greater|bigger|above|below)\s+than\s+(?:that\s+(?:with|of)\s+|its\s+trade\s+with\s+|"
                          rf"(?P<whose>{E})\s+(?:(?:[^.;,]|\.(?=\d)){{0,30}}?\s)?(?:(?:of\s+)?(?:trade|turnover)\s+)?with\s+|with\s+)"
                          rf"(?P<b>{E})", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class RatioClaim(Period):
    """value(country with partner) / value(country with rival) = value, for a flow."""

    country: tuple[str, ...]
    partner: tuple[str, ...]
    rival: tuple[str, ...]
    flow: str = "turnover"
    value: float = 1.0
    hedge: str | None = None
    reporter: tuple[str, ...] = ()
    unit: str = "multiple"  # or 'percent': the partner's trade is value% above (below, negative) the rival's


@register_kind("ratio", payload=RatioClaim, order=28, title="Ratio between two partners",
               examples=("Russia's trade with Kyrgyzstan is about half of China's.",
                         "Kazakhstan's exports to China are twice those to Russia."))
class Ratio:
    def read(r) -> None:
        for pattern in PATTERNS:
            for m in pattern.finditer(r.masked):
                if r.overlaps_used(m.start(), m.end()):
                    continue
                x, a, b = (r.codes(m.start(k), m.end(k)) for k in ("x", "a", "b"))
                value = ratio_value(m.group("ratio"))
                if not (x and a and b and value) or set(a) & set(b) or set(x) & set(b) or set(x) & set(a):
                    continue
                if m.groupdict().get("verb"):
                    verb = m.group("verb").lower()
                    flow = next(f for k, f in _VERB_FLOWS.items() if verb.startswith(k))
                else:
                    word = m.group("flow").lower()
                    flow = "export" if word == "exports" else "import" if word == "imports" else "turnover"
                if pattern is PATTERNS[0] and flow != "turnover":
                    flow = {"export": "import", "import": "export"}[flow]  # A's exports to X = X's imports from A
                hedge = hedge_before(r.text, m.start("ratio"), 20) or ("about" if m.group("ratio").lower() in
                                                                       ("half", "a third", "a quarter") else None)
                fields = {"country": x, "partner": a, "rival": b, "flow": flow, "value": value, "hedge": hedge,
                          "reporter": r.reporter_codes}
                resolve_period(r, time_for(r, m.start()), fields, change=False)
                r.add("ratio", m.start(), m.end(), fields)
                r.take(m.start(), m.end())
        _percent_than(r)
        _frame_ratios(r)

    def judge(claim, evidence, as_of):
        return judge_ratio(claim, evidence, as_of)


def _percent_than(r) -> None:
    from ..reading.frames import frames
    from ..reading.numbers import percent_at

    for m in PERCENT_THAN.finditer(r.masked):
        before = [f for f in frames(r) if f.end <= m.start()]
        rival = r.codes(m.start("b"), m.end("b"))
        pct = percent_at(r.text, m.start("pct"), m.end("pct"))
        if not before or not rival or pct is None or r.overlaps_used(m.start(), m.end()):
            continue
        frame = before[-1]
        whose = r.codes(m.start("whose"), m.end("whose")) if m.group("whose") else frame.country
        if set(whose) != set(frame.country) or set(rival) & set(frame.partner):
            continue
        down = m.group("dir").lower() in ("lower", "less", "smaller", "below")
        fields = {"country": frame.country, "partner": frame.partner, "rival": rival, "flow": frame.flow,
                  "value": -pct.value * 100 if down else pct.value * 100, "unit": "percent", "hedge": pct.hedge,
                  "reporter": r.reporter_codes}
        resolve_period(r, time_for(r, m.start()), fields, change=False)
        r.add("ratio", m.start(), m.end(), fields)
        r.take(m.start(), m.end())


def _frame_ratios(r) -> None:
    """'Sino-Saudi trade is three times as large as China's trade with Iran': two frames sharing one state."""
    from ..reading.frame_ratios import frame_ratios

    for country, partner, rival, flow, ratio, start, end in frame_ratios(r):
        value = ratio_value(ratio)
        if not value or r.overlaps_used(start, end):
            continue
        fields = {"country": [country], "partner": [partner], "rival": [rival], "flow": flow, "value": value,
                  "hedge": hedge_before(r.text, r.text.index(ratio, start), 20), "reporter": r.reporter_codes}
        resolve_period(r, time_for(r, start), fields, change=False)
        r.add("ratio", start, end, fields)
        r.take(start, end)


def judge_ratio(claim, ev, as_of: AsOf):
    p = claim.payload
    problem = period_problem("ratio", p)
    if problem:
        return unverifiable(claim, problem)
    country, partner, rival = (expanded(x, ev, as_of.day) for x in (p.country, p.partner, p.rival))
    if len(country) != 1 or len(partner) != 1 or len(rival) != 1:
        return unverifiable(claim, "the country and the two partners could not be resolved to single states")
    country, partner, rival = country[0], partner[0], rival[0]
    a = {s.source: s for s in ev.trade_series(country, partner, p.flow) if s.kind in ("own", "mirror", "press")
         and s.unit == "USD"}
    b = {s.source: s for s in ev.trade_series(country, rival, p.flow) if s.kind in ("own", "mirror", "press")
         and s.unit == "USD"}
    common = sorted(set(a) & set(b), key=lambda x: (*tier(a[x], p.reporter, country, partner), a[x].trust, x))
    results = []
    for src in common:
        year, why = target_year(p.year, set(a[src].values) & set(b[src].values), as_of.article)
        if year is None or year not in a[src].values or year not in b[src].values or not b[src].values[year]:
            continue
        results.append((a[src], _judge_one(p, a[src], b[src], year, why, partner, rival, country)))
    if results:
        # within the most trusted tier (a source the text names, else the country's own), one that agrees decides
        s0, (outcome, reason, observed, arithmetic, calls) = pick(results, p.reporter, country, partner)[0]
        return verdict(claim, outcome, reason, observed, arithmetic, calls)
    return unverifiable(claim, f"no source gives {name(country)}'s {p.flow} with both {name(partner)} and "
                               f"{name(rival)} for the same year")


def _judge_one(p, sa, sb, year, why, partner, rival, country):
    """(verdict, reason, observed, arithmetic, calls) of one source's two figures for the year."""
    va, vb = sa.values[year], sb.values[year]
    ratio = va / vb
    if p.unit == "percent":
        diff = (ratio - 1) * 100
        j = tol.judge(abs(p.value), abs(diff), p.hedge, kind="growth")
        outcome = j.verdict if (diff < 0) == (p.value < 0) else CONTRADICTED
        shown = f"{diff:+.1f}%"
        accepted = tol.describe(j.low, j.high, lambda x: f"{x:.1f}%")
        claimed = f"{hedged(abs(p.value), 'percent', p.hedge)}% {'lower' if p.value < 0 else 'higher'}"
    else:
        j = tol.judge(p.value, ratio, p.hedge, kind="multiple")
        outcome, shown = j.verdict, f"×{ratio:.2f}"
        accepted = tol.describe(j.low, j.high, lambda x: f"×{x:.2f}")
        claimed = hedged(p.value, "multiple", p.hedge)
    arithmetic = [f"{sa.label} {year}: {name(partner)} {fmt(va, 'USD')} / {name(rival)} {fmt(vb, 'USD')} = "
                  f"{shown}; claimed {claimed} → accepted {accepted}"] + ([why] if why else [])
    reason = f"{outcome} by {sa.label}: {name(country)}'s {p.flow} with {name(partner)} is {shown} " \
             f"{'against' if p.unit == 'percent' else 'that with'} {name(rival)} in {year}"
    return (outcome, reason, [observe(sa, year), observe(sb, year)], arithmetic,
            [call_for(sa, [year]), call_for(sb, [year])])