"""Claim kind `comparison`: which of two partners leads in a country's trade ('Russia lagged consistently',
'overtaking Russia', 'Kazakhstan trades more with China than with Russia'), judged on trade_value of both partners
in the same source, every year of the last five for 'consistently', with the one no-clear-lead rule."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging import tolerances as tol
from ..judging.common import combine, fmt, observe, unverifiable, verdict
from ..judging.leads import NO_CLEAR_LEAD, trade_leader, trade_totals
from ..judging.trade import call_for, expanded, period_problem
from ..model import CONTRADICTED, PARTLY, SUPPORTED, UNVERIFIABLE, AsOf
from ..payloads import Period
from ..reading.clauses import resolve_period, time_for
from ..reading.entities import name
from ..reading.numbers import amounts
from ..reading.sentence import E
from ..registry import register_kind

# "Consistently": every year of this many recent years (with data) must agree.
CONSISTENT_YEARS = 5
LAGGED = re.compile(rf"(?P<a>{E})\s+(?:has\s+|have\s+)?(?:(?P<adv1>consistently|always|still|far|well)\s+)?"
                    rf"(?:lagged|lags|lagging|trailed|trails|trailing|fell\s+behind|falls\s+behind|was\s+behind|"
                    rf"is\s+behind|remained\s+behind|came\s+second)(?:\s+behind\s+(?P<b>{E}))?"
                    rf"(?:\s+(?P<adv2>consistently|far\s+behind|well\s+behind|every\s+year|throughout))?")
_FLOWN = r"(?P<fl>trade(?:\s+turnover)?|turnover|exports|imports)"
# "China's trade with Kazakhstan exceeded Russia's", "Kazakhstan's trade with China is larger than its trade with Russia"
EXCEEDED = re.compile(rf"(?P<a>{E})\s+{_FLOWN}\s+(?:with|to|from)\s+(?P<whose>{E})\s+(?:has\s+)?(?P<v>exceeded|surpassed|"
                      rf"outstripped|overtook|overtaken|topped|was\s+(?:larger|bigger|higher|greater)\s+than|is\s+(?:now\s+)?"
                      rf"(?:larger|bigger|higher|greater)\s+than)\s+(?:that\s+of\s+)?(?P<b>{E})", re.IGNORECASE)
LARGER = re.compile(rf"(?P<whose>{E})\s+{_FLOWN}\s+(?:with|to|from)\s+(?P<a>{E})\s+(?:is|was|are|were)\s+(?:now\s+|still\s+)?"
                    rf"(?:far\s+|much\s+)?(?:larger|bigger|greater|higher)\s+than\s+(?:{E}|its|their|that)\s+(?:\w+\s+)?"
                    rf"(?:with|to|from)\s+(?P<b>{E})", re.IGNORECASE)
# "<A> trades more with <B> than with <C>", "<A>'s trade with <B> exceeds its trade with <C>".
MORE_THAN = re.compile(rf"(?P<whose>{E})\s+(?:now\s+|still\s+)?(?P<verb>trades?|traded|does\s+more\s+trade|buys|bought|imports|"
                       rf"imported|sells|sold|exports|exported)\s+(?:more|far\s+more|much\s+more)\s+(?:goods\s+)?"
                       rf"(?:with|from|to)\s+(?P<a>{E})\s+than\s+(?:with\s+|from\s+|to\s+)?(?P<b>{E})", re.IGNORECASE)

# "A's trade with B exceeded (lagged) its trade with C (by $N)": both partners in A's trade, a difference optional.
_BEYOND = r"exceeded|exceeds|surpassed|outstripped|outpaced|topped|was\s+(?:larger|bigger|higher|greater)\s+than"
_BEHIND = r"lagged|lags|trailed|trails|fell\s+short\s+of|was\s+(?:smaller|lower|less)\s+than"
ITS_OTHER = re.compile(rf"(?P<whose>{E})\s+(?:(?:19|20)\d\d\s+)?{_FLOWN}\s+(?:with|to|from)\s+(?P<a>{E})\s+(?:has\s+)?"
                       rf"(?:still\s+|also\s+)?(?:(?P<beyond>{_BEYOND})|(?P<behind>{_BEHIND}))\s+(?:that\s+with|"
                       rf"(?:its|their|the\s+country['’]s|{E})\s+(?:trade|turnover|exports|imports)\s+(?:with|to|from))\s+"
                       rf"(?P<b>{E})(?:\s+by\s+)?", re.IGNORECASE)

HEDGE_ONLY = re.compile(r"\s*(?:about|some|nearly|almost|over|more\s+than|roughly|around)?\s*", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class ComparisonClaim(Period):
    """Two partners compared in the country's trade: leader ahead of laggard (relation 'lagged', 'ahead' or
    'overtook'), every year of the last five when consistently."""

    country: tuple[str, ...] = ()
    leader: tuple[str, ...] = ()
    laggard: tuple[str, ...] = ()
    flow: str = "turnover"
    relation: str = "lagged"
    consistently: bool = False
    reporter: tuple[str, ...] = ()
    difference: float | None = None  # "... by $2 billion": the leader's value minus the laggard's (USD)
    hedge: str | None = None
    half_unit: float | None = None


@register_kind("comparison", payload=ComparisonClaim, order=24, title="Which partner leads",
               examples=("Tajikistan buys more from China than from Russia.",
                         "Uzbekistan trades more with China than with Russia."))
class Comparison:
    def read(r) -> None:
        for m in LAGGED.finditer(r.masked):
            _lagged(r, m)
        for m in MORE_THAN.finditer(r.masked):
            whose, a, b = (r.codes(m.start(k), m.end(k)) for k in ("whose", "a", "b"))
            if whose and a and b and not r.overlaps_used(m.start(), m.end()):
                verb = m.group("verb").lower()
                flow = "import" if verb.startswith(("buy", "bought", "import")) else \
                    "export" if verb.startswith(("sell", "sold", "export")) else "turnover"
                fields = {"country": whose, "leader": a, "laggard": b, "relation": "ahead", "flow": flow,
                          "reporter": r.reporter_codes}
                resolve_period(r, time_for(r, m.start()), fields, change=False)
                r.add("comparison", m.start(), m.end(), fields)
                r.take(m.start(), m.end())

        for pattern in (EXCEEDED, LARGER):
            for m in pattern.finditer(r.masked):
                whose, a, b = (r.codes(m.start(k), m.end(k)) for k in ("whose", "a", "b"))
                if not (whose and a and b) or r.overlaps_used(m.start(), m.end()) or set(a) & set(b):
                    continue
                word = m.group("fl").lower()
                flow = "import" if word == "exports" and pattern is EXCEEDED else \
                    "export" if word == "imports" and pattern is EXCEEDED else \
                    {"exports": "export", "imports": "import"}.get(word, "turnover")
                first = re.search(r"first\s+time|overtook|overtaken", r.text, re.IGNORECASE)
                fields = {"country": whose, "leader": a, "laggard": b, "flow": flow,
                          "relation": "overtook" if first else "ahead", "reporter": r.reporter_codes}
                resolve_period(r, time_for(r, m.start()), fields, change=False)
                r.add("comparison", m.start(), m.end(), fields)
                r.take(m.start(), m.end())

        for m in ITS_OTHER.finditer(r.masked):
            _its_other(r, m)

    def judge(claim, evidence, as_of):
        return judge_comparison(claim, evidence, as_of)


def _its_other(r, m) -> None:
    """A's trade with B set against its trade with C; 'by $N' right after: the difference, in US dollars."""
    whose, a, b = (r.codes(m.start(k), m.end(k)) for k in ("whose", "a", "b"))
    if not (whose and a and b) or set(a) & set(b) or r.overlaps_used(m.start(), m.end()):
        return
    leader, laggard = (a, b) if m.group("beyond") else (b, a)
    flow = {"exports": "export", "imports": "import"}.get(m.group("fl").lower(), "turnover")
    fields = {"country": whose, "leader": leader, "laggard": laggard, "flow": flow, "relation": "ahead",
              "reporter": r.reporter_codes}
    end = m.end()
    if m.group(0).rstrip().endswith("by"):
        found = amounts(r.text, m.end(), m.end() + 40)
        if found and found[0].currency == "USD" and HEDGE_ONLY.fullmatch(r.text, m.end(), found[0].start):
            fields.update({"difference": found[0].value, "hedge": found[0].hedge, "half_unit": found[0].half_unit})
            end = found[0].end
            r.take(found[0].start, found[0].end)
    resolve_period(r, time_for(r, m.start()), fields, change=False)
    r.add("comparison", m.start(), end, fields)
    r.take(m.start(), end)


def _lagged(r, m) -> None:
    laggard = r.codes(m.start("a"), m.end("a"))
    leader_ = r.codes(m.start("b"), m.end("b")) if m.group("b") else []
    # the frame of the sentence's share or rank claim: whose trade, and who leads
    frame_claims = [c for c in r.claims if c.type in ("share", "rank")]
    leaders = [c for c in frame_claims if set(c.payload.partner or ()) - set(laggard)]  # never the laggard itself
    if not leader_ and leaders:
        leader_ = list(leaders[-1].payload.partner)
    if not leader_ and r.ctx.focus:
        leader_ = [r.ctx.focus]
    whose = list(frame_claims[-1].payload.country) if frame_claims else []
    if not laggard or not leader_ or not whose:
        return
    fields = {"country": whose, "leader": leader_, "laggard": laggard,
              "flow": frame_claims[-1].payload.flow if frame_claims else "turnover", "relation": "lagged",
              "consistently": bool(re.search(r"consistently|always|every year|throughout", m.group(0)))}
    if frame_claims and frame_claims[-1].payload.year:
        fields["year"] = frame_claims[-1].payload.year
    if r.reporter:
        fields["reporter"] = r.reporter_codes
    r.add("comparison", m.start(), m.end(), fields)
    r.take(m.start(), m.end())


def _common_source(ev, country, lead, lag, flow, cap):
    """The most trusted own source reporting both partners, with the years both have (up to cap)."""
    a = {s.source: s for s in ev.trade_series(country, lead, flow) if s.kind in ("own", "mirror") and s.unit == "USD"}
    b = {s.source: s for s in ev.trade_series(country, lag, flow) if s.kind in ("own", "mirror") and s.unit == "USD"}
    for src in sorted(set(a) & set(b), key=lambda x: (a[x].kind != "own", a[x].trust, x)):
        years = sorted(y for y in set(a[src].values) & set(b[src].values) if cap is None or y <= cap)
        if years:
            return a[src], b[src], years
    return None


def judge_comparison(claim, ev, as_of: AsOf):
    p = claim.payload
    problem = period_problem("comparison", p)
    if problem:
        return unverifiable(claim, problem)
    countries = expanded(p.country, ev, as_of.day)
    leaders, laggards = expanded(p.leader, ev, as_of.day), expanded(p.laggard, ev, as_of.day)
    if len(leaders) != 1 or len(laggards) != 1 or not countries:
        return unverifiable(claim, "the compared states could not be resolved")
    lead, lag = leaders[0], laggards[0]
    cap = p.year or (as_of.article.year - 1 if as_of.article else None)
    observed, arithmetic, parts, verdicts, calls = [], [], [], [], []
    for country in countries:
        found = _common_source(ev, country, lead, lag, p.flow, cap)
        if found is None:
            verdicts.append(UNVERIFIABLE)
            parts.append(f"{name(country)}: no source reports both partners")
            continue
        a, b, years = found
        totals = trade_totals(ev, a)

        def who(y):
            return trade_leader(a.values[y], b.values[y], totals.get(y), (lead, lag))

        def show(y, tail=""):
            observed.extend([observe(a, y), observe(b, y)])
            arithmetic.append(f"{name(country)} {y} ({a.label}): {name(lead)} {fmt(a.values[y], 'USD')} vs "
                              f"{name(lag)} {fmt(b.values[y], 'USD')}{tail}")
        if p.relation == "overtook":
            year = int(p.year) if p.year else years[-1]
            if year not in years:
                verdicts.append(UNVERIFIABLE)
                parts.append(f"{name(country)}: no {year} figures")
                continue
            now = who(year)
            earlier = [y for y in years if y < year]
            behind = [y for y in earlier if who(y) == lag]
            if now == lead:
                # Overtaking needs a year clearly behind before; clearly ahead already contradicts it; only
                # near-ties before (no clear lead) make it partly true.
                outcome = SUPPORTED if behind else CONTRADICTED if any(who(y) == lead for y in earlier) else PARTLY
            else:
                outcome = CONTRADICTED if now == lag else PARTLY
            verdicts.append(outcome)
            for y in ([behind[-1]] if behind else []) + [year]:
                show(y)
            state = "ahead" if now == lead else "behind" if now == lag else "level with the other (no clear lead)"
            parts.append(f"{name(country)}: {name(lead)} {state} in {year}" +
                         (f", behind in {behind[-1]}" if behind else ", never clearly behind before"))
        elif p.difference is not None:
            year = int(p.year) if p.year else years[-1]
            if year not in years:
                verdicts.append(UNVERIFIABLE)
                parts.append(f"{name(country)}: no {year} figures for both partners in {a.label}")
                continue
            gap = a.values[year] - b.values[year]
            j = tol.judge(p.difference, gap, p.hedge, half_unit=p.half_unit or 0.0)
            verdicts.append(j.verdict)
            show(year, f" → difference {fmt(gap, 'USD')}")
            parts.append(f"{name(country)}: {name(lead)} minus {name(lag)} = {fmt(gap, 'USD')} in {year} ({a.label})")
        else:
            window = years[-CONSISTENT_YEARS:] if p.consistently else years[-1:]
            wrong = [y for y in window if who(y) == lag]
            tied = [y for y in window if who(y) == NO_CLEAR_LEAD]
            for y in window:
                state = "ahead" if y in wrong else "level (no clear lead)" if y in tied else "behind"
                show(y, f" → {name(lag)} {state}")
            # 'consistently' fails in a year of no clear lead as much as in a year the other way; a single year's
            # near-tie is only partly the claim.
            verdicts.append(CONTRADICTED if wrong or (tied and p.consistently) else PARTLY if tied else SUPPORTED)
            span = f"{window[0]}-{window[-1]}" if len(window) > 1 else str(window[0])
            if wrong:
                parts.append(f"{name(country)}: {name(lag)} was ahead of {name(lead)} in "
                             f"{', '.join(map(str, wrong))} ({a.label}, {span})")
            elif tied:
                parts.append(f"{name(country)}: no clear lead in {', '.join(map(str, tied))} ({a.label}, {span})")
            else:
                when = f"in every year {span}" if len(window) > 1 else f"in {span}"
                parts.append(f"{name(country)}: {name(lag)} behind {name(lead)} {when} ({a.label})")
        calls += [call_for(a, years), call_for(b, years)]
    outcome = combine(verdicts)
    if p.consistently and CONTRADICTED in verdicts:
        outcome = CONTRADICTED  # said of every year: one state and year where the other was clearly ahead refutes it
    return verdict(claim, outcome, "; ".join(parts), observed, arithmetic, calls)
