"""Claim kind `crossover`: when one power passed the other in a state ('China overtook Russia in Uzbekistan's trade
in 2019', 'China has been ahead of Russia in Kazakhstan since 2019', 'Kyrgyzstan is the latest state where China
passed Russia'), judged inside one consistent source view per state (the state's own trade figures; SIPRI five-year
arms shares; UN agreement), with the one no-clear-lead rule: a near-tie is never a lead."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging.common import combine, fmt, unverifiable, verdict
from ..judging.leads import NO_CLEAR_LEAD, describe_rule, leader, trade_totals
from ..judging.trade import call_for, expanded
from ..model import CONTRADICTED, PARTLY, SUPPORTED, UNVERIFIABLE, AsOf, Call
from ..payloads import Payload
from ..reading.entities import name, names
from ..reading.sentence import E, EL, GAP
from ..registry import register_kind

_PASSED = r"(?:overtook|has\s+overtaken|had\s+overtaken|overtakes|overtaking|surpassed|has\s+surpassed|passed|has\s+" \
          r"passed|outstripped|outpaced|eclipsed|has\s+eclipsed|pulled\s+ahead\s+of|moved\s+ahead\s+of|overtaken)"
# The place gained: "first place", "the top", "main", "largest", "No. 1".
_TOP = r"first|top|main|largest|biggest|leading|principal|number[- ]one|No\.?\s*1|primary|chief|foremost"
PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<a>{E})\s+{_PASSED}\s+(?P<b>{E})\s+(?:in|as|for)\s+(?:(?:trade|trading)(?:\s+turnover)?\s+with\s+)?"
    rf"(?:(?:all|each\s+of|every\s+one\s+of)\s+(?:the\s+)?(?:two|three|four|five|six|\d)?\s*)?(?P<where>{EL})"
    rf"(?P<rest>{GAP}{{0,60}})",
    rf"(?P<where>{E})\s+(?:is|was|became)\s+the\s+(?:latest|most\s+recent|last)\s+(?:state|country|of\s+them)\s+"
    rf"(?:where|in\s+which|to\s+see)\s+(?P<a>{E})\s+{_PASSED}\s+(?P<b>{E})(?P<rest>{GAP}{{0,60}})",
    rf"(?P<a>{E})\s+(?:has\s+been|was|is|remained|has\s+stayed)\s+(?:clearly\s+|firmly\s+)?ahead\s+of\s+(?P<b>{E})"
    rf"\s+in\s+(?P<where>{EL})(?P<rest>{GAP}{{0,60}})",
    # a crossover told as a rank gained: "overtook B in 2023 to become A's main trading partner", "moved ahead of B
    # into first place in A's foreign trade", "passed B as the top partner of A"
    rf"(?P<a>{E})\s+{_PASSED}\s+(?P<b>{E})(?:\s*,?\s+(?:in|during|by)\s+(?:the\s+)?(?:\d{{4}}|first|second|third|"
    rf"fourth)(?:\s+(?:half|quarter)(?:\s+of\s+\d{{4}})?)?)?\s*,?\s+(?:to\s+become|becoming|and\s+became|to\s+take|"
    rf"taking|into|as|to)\s+(?:the\s+)?(?:{_TOP})\s+(?:(?:trading|trade|economic)\s+partner|place|position|spot|rank)?"
    rf"\s*(?:in|of|among|for)?\s*(?P<where>{E})(?P<rest>{GAP}{{0,60}})",
    rf"(?P<a>{E})\s+{_PASSED}\s+(?P<b>{E})(?:\s*,?\s+(?:in|during|by)\s+\d{{4}})?\s*,?\s+(?:to\s+become|becoming|"
    rf"and\s+became|as)\s+(?P<where>{E})(?:['’]s)?\s+(?:{_TOP})\s+(?:trading\s+|trade\s+|economic\s+)?partner"
    rf"(?P<rest>{GAP}{{0,60}})",
)]
DIMENSIONS = [(r"\barms|weapons|military", "arms"), (r"\bvot|UN\b|General Assembly", "votes"),
              (r"lend|loans|financ", "finance")]


@dataclass(frozen=True, kw_only=True)
class CrossoverClaim(Payload):
    """relation 'overtook' (in year), 'since' (ahead every year from year), 'latest' (the last state of a region
    where leader passed laggard); dimension trade, arms or votes."""

    relation: str
    leader: tuple[str, ...]
    laggard: tuple[str, ...]
    country: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    dimension: str = "trade"
    flow: str = "turnover"
    year: int | None = None


@register_kind("crossover", payload=CrossoverClaim, order=26, title="When one power passed the other",
               examples=("China overtook Russia in Uzbekistan's trade in 2019.",
                         "Kyrgyzstan is the latest state where China passed Russia.",
                         "China has been ahead of Russia in Kazakhstan's trade since 2020."))
class Crossover:
    def read(r) -> None:
        for i, pattern in enumerate(PATTERNS):
            for m in pattern.finditer(r.masked):
                if r.overlaps_used(m.start(), m.end()):
                    continue
                a, b = r.codes(m.start("a"), m.end("a")), r.codes(m.start("b"), m.end("b"))
                where = r.codes(m.start("where"), m.end("where"))
                if not a or not b or not where or set(a) & set(where):
                    continue
                clause = r.text[m.start():m.end()]
                dimension = next((d for p, d in DIMENSIONS if re.search(p, clause, re.IGNORECASE)), "trade")
                year = r.year_in(m.start(), m.end() + 20) or fronted_year(r, m.start())
                fields = {"leader": a, "laggard": b, "dimension": dimension, "year": year,
                          "relation": ("overtook", "latest", "since", "overtook", "overtook")[i],
                          "flow": "export" if re.search(r"\bexport", clause) else "import" if
                          re.search(r"\bimport", clause) else "turnover"}
                if i == 1:
                    regions = [x.code for x in r.mentions if x.kind == "group"]
                    fields.update({"country": where, "region": regions[:1] or ["CA5"]})
                else:
                    fields["country"] = where
                if i == 2 and not re.search(r"\bsince\b", clause):
                    continue
                end = m.end() if i < 3 else m.start("rest")  # a rank gained: its figures are read by the others
                r.add("crossover", m.start(), end, fields)
                r.take(m.start(), end)

    def judge(claim, evidence, as_of):
        return judge_crossover(claim, evidence, as_of)


def fronted_year(r, position: int) -> int | None:
    """The year written before the crossing in its own clause ("In 2021 Russia moved ahead of China ...")."""
    from ..reading.clauses import clause_bounds

    start = clause_bounds(r.text, position)[0]
    years = [tm.year for tm in r.times if start <= tm.start and tm.end <= position and tm.kind in ("year", "month")
             and tm.year]
    return years[-1] if years else None


def yearly_pairs(ev, country, lead, lag, dimension, flow) -> list:
    """Consistent views of both powers' values, the state's own first: [({year: (lead, lag)}, label, unit, calls)]."""
    if dimension == "trade":
        out = []
        a = {s.source: s for s in ev.trade_series(country, lead, flow) if s.kind in ("own", "mirror")
             and s.unit == "USD"}
        b = {s.source: s for s in ev.trade_series(country, lag, flow) if s.kind in ("own", "mirror")
             and s.unit == "USD"}
        for src in sorted(set(a) & set(b), key=lambda x: (a[x].kind != "own", a[x].trust, x)):
            years = sorted(set(a[src].values) & set(b[src].values))
            if years:
                totals = trade_totals(ev, a[src])
                if all(totals.get(y) for y in years):  # shares of the country's trade, as indicators.crossover
                    values, unit = {y: (a[src].values[y] / totals[y], b[src].values[y] / totals[y]) for y in years}, \
                        "share"
                else:
                    values, unit = {y: (a[src].values[y], b[src].values[y]) for y in years}, "USD"
                out.append((values, a[src].label, unit, [call_for(a[src], years), call_for(b[src], years)]))
        return out
    if dimension == "arms":
        rows = ev.arms(country, 5)
        label, call = "SIPRI arms deliveries, five-year shares", Call.indicator("arms_share", country=country,
                                                                               partner=f"{lead},{lag}", window=5)
    elif dimension == "votes":
        rows = ev.un_agreement(country)
        if not rows.empty:
            rows = rows[rows["source"] == sorted(rows["source"].unique())[0]]
        label, call = "UNGA agreement", Call.indicator("un_agreement", country=country)
    else:
        return []
    if rows.empty:
        return []
    values = {}
    for year, group in rows.groupby("year"):
        by = dict(zip(group["partner"], group["value"]))
        if lead in by and lag in by:
            values[int(year)] = (float(by[lead]), float(by[lag]))
    return [(values, label, "share", [call])] if values else []


def crossings(values: dict, unit: str, lead: str, lag: str) -> tuple[list[int], dict]:
    """Years in which lead became clearly ahead after lag was clearly ahead (near-ties carry no lead)."""
    who = {y: leader(a, b, unit, (lead, lag)) for y, (a, b) in sorted(values.items())}
    out, last = [], None
    for y, w in who.items():
        if w == lead and last == lag:
            out.append(y)
        if w != NO_CLEAR_LEAD:
            last = w
    return out, who


def judge_crossover(claim, ev, as_of: AsOf):
    p = claim.payload
    lead, lag = (expanded(x, ev, as_of.day) for x in (p.leader, p.laggard))
    if len(lead) != 1 or len(lag) != 1:
        return unverifiable(claim, "the two powers could not be resolved")
    lead, lag = lead[0], lag[0]
    if p.dimension == "finance":
        return unverifiable(claim, "no Russian development finance data: the two cannot be compared")
    countries = expanded(p.region if p.relation == "latest" else p.country, ev, as_of.day)
    found, parts, verdicts, calls, arithmetic = {}, [], [], [], [f"lead rule: {describe_rule()}"]
    views: dict = {}
    for country in countries:
        for values, label, unit, pair_calls in yearly_pairs(ev, country, lead, lag, p.dimension, p.flow):
            years, who = crossings(values, unit, lead, lag)
            views.setdefault(country, []).append((years, who, label))
            calls += pair_calls
            shown = ", ".join(f"{y}: {fmt(a, unit)} vs {fmt(b, unit)}" for y, (a, b) in sorted(values.items())[-6:])
            arithmetic.append(f"{name(country)} ({label}): {shown}")
        if country in views:
            found[country] = views[country][0]
    if p.relation == "latest":
        target = expanded(p.country, ev, as_of.day)
        last = {c: max(v[0]) for c, v in found.items() if v[0]}
        if not last:
            return unverifiable(claim, f"no state of {names(p.region)} shows {name(lead)} passing {name(lag)} in "
                                       f"the data", arithmetic=arithmetic, calls=calls)
        latest = max(last.values())
        winners = [c for c, y in last.items() if y == latest]
        outcome = SUPPORTED if set(target) <= set(winners) else CONTRADICTED
        reason = f"latest crossings ({p.dimension}): " + ", ".join(f"{name(c)} {y}" for c, y in
                                                                  sorted(last.items(), key=lambda kv: -kv[1]))
        missing = [c for c in countries if c not in found]
        if missing:
            reason += f"; no comparable figures for {names(missing)}"
        return verdict(claim, outcome, reason, arithmetic=arithmetic, calls=calls)
    for country in countries:
        if country not in found:
            verdicts.append(UNVERIFIABLE)
            parts.append(f"{name(country)}: no source gives both {name(lead)} and {name(lag)}")
            continue
        years, who, label = found[country]
        span = f"{min(who)}-{max(who)}"
        if p.relation == "since":
            after = {y: w for y, w in who.items() if p.year and y >= p.year}
            if not after:
                verdicts.append(UNVERIFIABLE)
                parts.append(f"{name(country)}: no figures from {p.year} ({label}, {span})")
                continue
            against = [y for y, w in after.items() if w != lead]
            verdicts.append(SUPPORTED if not against else PARTLY if all(after[y] == NO_CLEAR_LEAD for y in against)
                            else CONTRADICTED)
            parts.append(f"{name(country)} ({label}): {name(lead)} ahead every year from {p.year}" if not against
                         else f"{name(country)} ({label}): not ahead in {', '.join(map(str, against))}")
            continue
        if p.year and p.year not in who:
            verdicts.append(UNVERIFIABLE)
            parts.append(f"{name(country)}: no figures for {p.year} ({label}, {span})")
            continue
        if not years:
            now = who.get(p.year or max(who))
            # a tie in the claimed year is no clear lead, not the other power ahead
            verdicts.append(PARTLY if now == NO_CLEAR_LEAD else CONTRADICTED if now != lead else UNVERIFIABLE)
            parts.append(f"{name(country)} ({label}, {span}): {name(lead)} never passes {name(lag)} in these years" +
                         (f" (no clear lead in {p.year or max(who)})" if now == NO_CLEAR_LEAD else ""))
            continue
        text = f"{name(country)} ({label}): {name(lead)} passed {name(lag)} in {', '.join(map(str, years))}"
        if p.year and who.get(p.year) == lead and not any(y < p.year for y in who):
            verdicts.append(UNVERIFIABLE)
            parts.append(f"{name(country)} ({label}): {name(lead)} ahead in {p.year}, the first year of the figures: "
                         "no earlier year to show it passing")
            continue
        if p.year is None or p.year in years:
            verdicts.append(SUPPORTED)
        else:
            backer = next((v for v in views[country][1:] if p.year in v[0]), None)
            if backer is not None or any(abs(p.year - y) == 1 for y in years):
                verdicts.append(PARTLY)  # another view (the partners' reports) or a year apart
                if backer is not None:
                    text += f"; sources disagree: in {backer[2]} it passed in {', '.join(map(str, backer[0]))}"
            else:
                verdicts.append(CONTRADICTED)
        parts.append(text)
    return verdict(claim, combine(verdicts), "; ".join(parts), arithmetic=arithmetic, calls=calls)
