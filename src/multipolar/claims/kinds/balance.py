"""Claim kind `balance`: a trade surplus or deficit with a partner ('Kazakhstan's trade surplus with China was
$5 billion in 2023'), judged on exports minus imports in the same source and year."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging import tolerances as tol
from ..judging.common import fmt, observe, unverifiable, verdict
from ..judging.trade import call_for, expanded
from ..judging.years import target_year
from ..payloads import Figure, Period
from ..reading.clauses import resolve_period, time_for
from ..reading.frames import CHANGE_BASE
from ..reading.numbers import amounts
from ..reading.sentence import E
from ..registry import register_kind

PATTERN = re.compile(rf"(?P<a>{E})\s+(?:trade\s+)?(?P<kind>surplus|deficit)\s+with\s+(?P<b>{E})", re.IGNORECASE)
# "A's deficit exceeding $N": a balance without its partner, said in a sentence about A's trade with one partner.
OWN = re.compile(rf"(?P<a>{E})(?:['’]s)?\s+(?:trade\s+)?(?P<kind>surplus|deficit)\b(?!\s+with\b)", re.IGNORECASE)
# "A's imports from B exceeded its exports to B by $N": a deficit (exports exceeding imports: a surplus).
EXCEEDED_BY = re.compile(rf"(?P<a>{E})\s+(?P<flow>imports|exports)\s+(?:from|to)\s+(?P<b>{E})\s+(?:(?:19|20)\d\d\s+)?"
                         rf"(?:exceeded|exceeds|surpassed|outstripped|topped|were\s+(?:larger|higher|greater)\s+than)\s+"
                         rf"(?:{E}|its|the\s+country['’]s)\s+(?:exports|imports)(?:\s+(?:to|from)\s+{E})?\s+by\s+",
                         re.IGNORECASE)
# What may stand between a balance word and its amounts (no other flow, no clause break).
GAP = re.compile(r"(?:(?!\b(?:trade|turnover|exports?|imports?|while|whereas|but)\b)[^;])*$", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class BalanceClaim(Period, Figure):
    country: tuple[str, ...]
    partner: tuple[str, ...]
    reporter: tuple[str, ...] = ()  # the statistics the text cites (ISO3, EUU, IMF)
    either: bool = False  # "a trade deficit of $N" in a sentence about one pair: whichever side has it


@register_kind("balance", payload=BalanceClaim, order=33, title="Trade balance",
               examples=("Kazakhstan's trade surplus with China was $5 billion in 2023.",))
class Balance:
    def read(r):
        for m in PATTERN.finditer(r.masked):
            found = amounts(r.text, m.end(), m.end() + 40)
            if not found:
                continue
            _pair_balance(r, m, found[0], 1 if m.group("kind").lower() == "surplus" else -1)
        for m in EXCEEDED_BY.finditer(r.masked):
            found = amounts(r.text, m.end(), m.end() + 40)
            if not found or found[0].start - m.end() > 20 or r.overlaps_used(found[0].start, found[0].end):
                continue
            _pair_balance(r, m, found[0], -1 if m.group("flow").lower() == "imports" else 1)
        _without_partner(r)
        _bare(r)

    def judge(claim, evidence, as_of):
        p = claim.payload
        countries, partners = expanded(p.country, evidence, as_of.day), expanded(p.partner, evidence, as_of.day)
        if len(countries) != 1 or len(partners) != 1:
            return unverifiable(claim, "a balance is checked for one country and one partner")
        country, partner = countries[0], partners[0]
        if p.partial or p.fiscal:
            return unverifiable(claim, f"a balance for {p.partial or p.fiscal}: the data are calendar years, and "
                                       "the balance is computed for full years only")
        # the reporter the text names (any of its series, press figures too), else the country's own figures
        keep = (lambda s: s.reporter in p.reporter and s.kind != "reconciled") if p.reporter else \
            (lambda s: s.kind == "own" or p.either and s.kind == "mirror")  # either side: the partner's own too
        exports = {s.source: s for s in evidence.trade_series(country, partner, "export") if keep(s)}
        imports = {s.source: s for s in evidence.trade_series(country, partner, "import") if keep(s)}
        for source in sorted(set(exports) & set(imports), key=lambda x: (exports[x].kind != "own", exports[x].trust)):
            x, m = exports[source], imports[source]
            year, why = target_year(p.year, set(x.values) & set(m.values), as_of.article)
            if year in x.values and year in m.values:
                value = x.values[year] - m.values[year]
                if p.either:  # the size of the pair's imbalance, on the side the claim's word names
                    value = abs(value) if p.value >= 0 else -abs(value)
                j = tol.judge(p.value, value, p.hedge, half_unit=p.half_unit)
                return verdict(claim, j.verdict, f"{j.verdict} by {x.label}: {fmt(value, 'USD')} in {year}",
                               [observe(x, year), observe(m, year)],
                               [f"exports {fmt(x.values[year], 'USD')} - imports {fmt(m.values[year], 'USD')} = "
                                f"{fmt(value, 'USD')}"] + ([why] if why else []),
                               [call_for(x, [year]), call_for(m, [year])])
        return unverifiable(claim, "no source gives both exports and imports for the year" +
                            (f" in the figures the text cites ({', '.join(p.reporter)})" if p.reporter else ""))


def _pair_balance(r, m, a, sign: int) -> None:
    """A balance of the pair the match names (groups a, b) with amount `a`, signed (+1 surplus, -1 deficit)."""
    fields = {"country": r.codes(m.start("a"), m.end("a")), "partner": r.codes(m.start("b"), m.end("b")),
              "value": sign * a.value, "unit": a.currency, "hedge": a.hedge, "half_unit": a.half_unit,
              "reporter": r.reporter_codes}
    resolve_period(r, time_for(r, m.start()), fields, change=False)
    r.add("balance", m.start(), a.end, fields)
    r.take(a.start, a.end)


def _without_partner(r) -> None:
    """'..., with A's deficit exceeding $N for the first time at $M': the partner being the other party of the
    sentence's trade frames with A (one partner, else not read)."""
    from ..reading.frames import base_fields, regions

    frames = [f for f, _ in regions(r) if len(f.country) == 1 and len(f.partner) == 1]
    for m in OWN.finditer(r.masked):
        a = r.codes(m.start("a"), m.end("a"))
        mine = [f for f in frames if a and a[0] in (*f.country, *f.partner)]
        others = {f.partner[0] if f.country[0] == a[0] else f.country[0] for f in mine}
        if len(a) != 1 or len(others) != 1:
            continue
        owner = {"country": a, "partner": sorted(others), "reporter": base_fields(r, mine[0]).get("reporter", [])}
        _read_amounts(r, m, owner, since=mine[0].start, with_bases=False, stop=None)


# "..., leaving a trade deficit of about $30 billion": a balance no party owns, in a sentence about one pair.
BARE = re.compile(r"\b(?:a|the)\s+(?:record\s+|bilateral\s+)?(?:trade\s+)?(?P<kind>surplus|deficit)\b(?!\s+(?:with|of\s+⟨))",
                  re.IGNORECASE)


BY_AMOUNT = re.compile(r"\bby\s+(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?(?:US\$|\$|€|USD|EUR)?\s?$",
                       re.IGNORECASE)


def _bare(r) -> None:
    """A balance said with no owner ('the trade deficit was $N') when every trade frame of the sentence is one pair:
    the size of that pair's imbalance, on whichever side has the deficit (or surplus) the word names."""
    from ..reading.frames import base_fields, regions

    frames = [f for f, _ in regions(r)]
    pairs = {frozenset((*f.country, *f.partner)) for f in frames}
    if len(pairs) != 1 or any(len(f.country) != 1 or len(f.partner) != 1 for f in frames):
        return
    first = frames[0]
    owner = {"country": list(first.country), "partner": list(first.partner), "either": True,
             "reporter": base_fields(r, first).get("reporter", [])}
    for m in BARE.finditer(r.masked):
        if not r.overlaps_used(m.start(), m.end()):
            # "the deficit narrowed by $2 billion": a change of the balance, not the balance
            _read_amounts(r, m, owner, since=0, with_bases=True, stop=BY_AMOUNT)


def _read_amounts(r, m, owner: dict, *, since: int, with_bases: bool, stop) -> None:
    """Each amount after the balance word `m` in its clause (no other flow or clause break before it), as a balance
    of the `owner` parties; its period the clause's, else the one calendar year said before it (from `since`)."""
    from ..reading.clauses import clause_bounds

    sign = 1 if m.group("kind").lower() == "surplus" else -1
    end = clause_bounds(r.text, m.end())[1]
    for amount in amounts(r.text, m.end(), end):
        if r.overlaps_used(amount.start, amount.end) or not GAP.match(r.text[m.end():amount.start]) or \
                amount.currency not in ("USD", "EUR") or stop is not None and stop.search(r.text, m.end(), amount.start):
            break
        fields = {**owner, "value": sign * amount.value, "unit": amount.currency, "hedge": amount.hedge,
                  "half_unit": amount.half_unit}
        resolve_period(r, time_for(r, m.start()), fields, change=False)
        if not any(fields.get(k) for k in ("year", "years", "partial", "fiscal", "unresolved", "now")):
            year = _year_said_before(r, since, m.start(), with_bases)
            if year:
                fields["year"] = year
                fields["period_note"] = (f"the year of the pair's figures before it ({year})" if with_bases else
                                         f"the year of the pair's figure before it ({year})")
        r.add("balance", m.start(), amount.end, fields)
        r.take(amount.start, amount.end)


def _year_said_before(r, since: int, until: int, with_bases: bool) -> int | None:
    """The one calendar year every time said between `since` and `until` names (no partial year, range or month);
    with_bases: a change's base year ('from $Y in 2017') may stand beside it and is not that year."""
    said = [t for t in r.times if since <= t.start and t.end <= until]
    if with_bases:
        ends = [t.year for t in said if t.kind == "year" and t.year and
                not CHANGE_BASE.search(r.text[max(0, t.start - 40):t.start])]
        ok = all(t.kind in ("year", "base") for t in said)
    else:
        ends = [t.year for t in said if t.kind == "year" and t.year]
        ok = len(ends) == len(said)
    return ends[-1] if said and ok and len(set(ends)) == 1 else None
