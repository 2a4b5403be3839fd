"""Claim kind `rank`: a partner's place among a country's trade partners ('the main trading partner of all five
Central Asian states', 'Uzbekistan's second-largest trading partner, behind China', 'first place among Kazakhstan's
partners', 'the main destination for its exports', 'its largest source of imports'), judged on partner_rank in the
country's own view (else the IMF's complete mirror)."""

from __future__ import annotations

from dataclasses import dataclass

from ..judging.common import combine, fmt, unverifiable, verdict
from ..judging.leads import NO_CLEAR_LEAD, trade_leader
from ...indicators.leads import SHARE
from ..judging.trade import expanded, period_problem
from ..judging.years import common_article_date, target_year
from ..model import CONTRADICTED, PARTLY, SUPPORTED, UNVERIFIABLE, AsOf, Call, Observation
from ..judging.sources import source_label, source_trust
from ..payloads import Period, TradeScope
from ..reading.entities import name, names
from ..registry import register_kind
from ..reading.rank_followers import read_followers
from ..reading.ranks import read_ranks
from ..reading.rank_groups import read_rank_groups

# Mirror views complete enough to rank a country's partners (partners' reports from nearly every state).
COMPLETE_MIRRORS = ("mirror:imf_dots",)


@dataclass(frozen=True, kw_only=True)
class RankClaim(TradeScope, Period):
    """A partner's rank (value 1 = largest) for a flow; all: true of every country named; behind: the partners the
    text says rank above it."""

    value: int = 1
    unit: str = "rank"
    all: bool = False
    behind: tuple[str, ...] = ()
    among: tuple[str, ...] = ()  # ranked among these partners only ("among China's Central Asian partners")
    within: int | None = None  # "one of its main partners": any rank from 1 to within (None: exactly value)


@register_kind("rank", payload=RankClaim, order=22, title="Rank among trade partners",
               examples=("China is the top trading partner of each of the five Central Asian states.",
                         "Kazakhstan was Kyrgyzstan's third-largest trading partner in 2018, behind China and Russia.",
                         "Russia is Tajikistan's largest source of imports but only its fourth-largest export market."))
class Rank:
    def read(r) -> None:
        read_ranks(r)
        read_rank_groups(r)
        read_followers(r)

    def judge(claim, evidence, as_of):
        return judge_rank(claim, evidence, as_of)


def rank_view(frame):
    """The rows a rank may use: the country's own view, else the IMF's complete mirror (a full partner list)."""
    if frame.empty:
        return frame
    own = frame[~frame["source"].str.startswith("mirror:") & (frame["source"] != "reconciled")]
    return own if not own.empty else frame[frame["source"].isin(COMPLETE_MIRRORS)]


def judge_rank(claim, ev, as_of: AsOf):
    p = claim.payload
    countries, partners = expanded(p.country, ev, as_of.day), expanded(p.partner, ev, as_of.day)
    if p.partial and p.months and p.year and len(countries) == 1 and len(partners) == 1:
        from ..judging.monthly import judge_partial_rank

        found = judge_partial_rank(claim, ev, countries[0], partners[0])  # the same months, like with like
        if found is not None:
            return found
    problem = period_problem("rank", p)
    if problem:
        return unverifiable(claim, problem)
    if len(partners) != 1 or not countries:
        return unverifiable(claim, "the partner or the countries could not be resolved")
    partner, wanted = partners[0], int(p.value or 1)
    if p.among and any(c == "EU27" or c.startswith("REGION:") for c in p.among):
        return judge_within(claim, ev, as_of, countries, partner, set(expanded(p.among, ev, as_of.day)))
    if p.among:
        return judge_among(claim, ev, as_of, countries, partner, expanded(p.among, ev, as_of.day))
    article = as_of.article
    if article is None:
        article = common_article_date(p.year, [set(rank_view(ev.ranks(c, p.flow)).get("year", [])) for c in countries])
    observed, arithmetic, parts, verdicts, calls = [], [], [], [], []
    for country in countries:
        use = rank_view(ev.ranks(country, p.flow))
        if use.empty:
            verdicts.append(UNVERIFIABLE)
            parts.append(f"{name(country)}: no source lists all its partners")
            continue
        year, why = target_year(p.year, set(use["year"]), article)
        if year is None or year not in set(use["year"]):
            verdicts.append(UNVERIFIABLE)
            latest = int(use["year"].max())
            older = use[use["year"] == latest]
            top = older.sort_values(["value", "partner_value"], ascending=[True, False]).iloc[0]
            missing = year or why.split(" is ")[-1].split(",")[0]
            parts.append(f"{name(country)}: no data for {missing} (latest {latest}, {source_label(top['source'])}: "
                         f"first partner {name(top['partner'])})")
            continue
        rows = use[use["year"] == year]
        source = sorted(rows["source"].unique(), key=lambda s: (s.startswith("mirror:"), source_trust(s), s))[0]
        rows = rows[rows["source"] == source].sort_values(["value", "partner_value"], ascending=[True, False])
        top = rows.iloc[0]
        hit = rows[rows["partner"] == partner]
        rank = int(hit.iloc[0]["value"]) if not hit.empty else None
        if rank is None:  # coverage: a partner the list does not hold is not known to rank nowhere
            verdicts.append(UNVERIFIABLE)
            parts.append(f"{name(country)}: coverage — {name(partner)} is not among the {int(top['n_partners'])} "
                         f"partners {source_label(source)} lists for {year}")
            calls.append(Call.indicator("partner_rank", country=country, flow=p.flow, years=str(year), source=source))
            continue
        ok = rank <= p.within if p.within else rank == wanted
        if ok and p.since and p.base_year:  # "has been its largest partner since 2011": every year since, one source
            kept = use[(use["source"] == source) & (use["year"] >= p.base_year) & (use["year"] <= year)]
            held = {int(y): int(g[g["partner"] == partner]["value"].iloc[0]) if partner in set(g["partner"]) else None
                    for y, g in kept.groupby("year")}
            misses = [y for y, k in sorted(held.items()) if k != wanted]
            arithmetic.append(f"{name(partner)}'s rank {min(held)}-{max(held)} ({source_label(source)}): " +
                              ", ".join(f"{y}: {k}" for y, k in sorted(held.items())))
            if misses:
                verdicts.append(PARTLY if len(misses) < len(held) else CONTRADICTED)
                parts.append(f"{name(country)}: not rank {wanted} in {', '.join(map(str, misses))} "
                             f"({source_label(source)})")
                continue
        if ok and p.behind:
            above = list(rows[rows["value"] < rank]["partner"])
            ok = sorted(above) == sorted(p.behind)
            arithmetic.append(f"ranked above {name(partner)}: {names(above) or 'none'} (claimed {names(p.behind)})")
        tie = first_place_tie(rows) if wanted == 1 and rank <= 2 and not (p.within or p.behind or p.since) else None
        flagged = _weak_rows(rows, rank) if not ok else []
        verdicts.append(PARTLY if tie else SUPPORTED if ok else UNVERIFIABLE if flagged else CONTRADICTED)
        pv = float(hit.iloc[0]["partner_value"]) if not hit.empty else None
        label = source_label(source)
        observed.append(Observation(rank, "rank", label, year, country, partner, p.flow,
                                    note=f"{name(partner)} {fmt(pv, 'USD')}; top: {name(top['partner'])} "
                                         f"{fmt(float(top['partner_value']), 'USD')}"))
        arithmetic.append(f"{name(country)} {year} ({label}, {p.flow}): {name(partner)} ranks {rank} of "
                          f"{int(top['n_partners'])} partners ({fmt(pv, 'USD')}); first is {name(top['partner'])} "
                          f"({fmt(float(top['partner_value']), 'USD')})")
        calls.append(Call.indicator("partner_rank", country=country, flow=p.flow, years=str(year), source=source))
        first = "" if ok else f"; first is {name(top['partner'])}"
        where = (f"ranks {rank}" + (f" (claimed: among the first {p.within})" if p.within else "")) if rank \
            else "is not among its listed partners"
        parts.append(f"{name(country)}: {'yes' if ok else 'not decided' if flagged else 'no'} — {name(partner)} {where} in {year} ({label})"
                     f"{first}")
        if tie:
            parts[-1] += f"; {tie}"
        if flagged:
            parts[-1] += f"; not checkable on matching figures: the ranking rests on values the data flag " \
                         f"({', '.join(flagged)}), which cannot contradict a claim on their own"
    return verdict(claim, combine(verdicts), "; ".join(parts), observed, arithmetic, calls)


def _weak_rows(rows, rank: int | None) -> list[str]:
    """The weak flags (an estimate, a preliminary value ...) on the rows that decide a rank: the partner's and those
    ranked above it. A ranking of estimates may support a rank, never contradict it."""
    from ..judging.quality import weak

    if "quality" not in rows.columns:
        return []
    deciding = rows if rank is None else rows[rows["value"] <= rank]
    found = {f for q in deciding["quality"] if isinstance(q, str) for f in weak(q)}
    return sorted(found)


def first_place_tie(rows) -> str | None:
    """The first two partners of one source's list when their gap is no clear lead (the one lead rule, on their shares
    of the listed partners' total): a first place in a near-tie is only partly a first place."""
    if len(rows) < 2:
        return None
    a, b = (float(rows.iloc[k]["partner_value"]) for k in (0, 1))
    total = float(rows["partner_value"].sum())
    if trade_leader(a, b, total, ("first", "second")) != NO_CLEAR_LEAD:
        return None
    first, second = (name(rows.iloc[k]["partner"]) for k in (0, 1))
    return (f"no clear lead: {first} {a / total:.1%} vs {second} {b / total:.1%} of the listed partners' trade "
            f"({SHARE.describe()})")


__all__ = ["RankClaim", "judge_rank", "rank_view", "CONTRADICTED"]


def judge_among(claim, ev, as_of: AsOf, countries, partner, among):
    """A rank among a named set of partners: their values in one source and year (the country's own first)."""
    from ..judging.trade import call_for
    from ..judging.years import target_year

    p = claim.payload
    verdicts, parts, observed, calls = [], [], [], []
    for country in countries:
        by_source: dict = {}
        others = [c for c in among if c != country]  # "first among Russia's partners in the CIS": Russia aside
        if partner not in others:
            verdicts.append(UNVERIFIABLE)
            parts.append(f"{name(country)}: {name(partner)} is not one of {names(others)}, the set it is ranked in")
            continue
        for other in others:
            for s in ev.trade_series(country, other, p.flow):
                if s.kind != "reconciled" and s.unit == "USD":
                    by_source.setdefault((s.kind, s.trust, s.source), {})[other] = s
        done = False
        for key in sorted(by_source, key=lambda k: (k[0] != "own", k[0] != "mirror", k[1], k[2])):  # own first
            series = by_source[key]
            if set(series) != set(others):
                continue
            years = set.intersection(*(set(s.values) for s in series.values()))
            year, _ = target_year(p.year, years, as_of.article)
            if year not in years:
                continue
            ranked = sorted(others, key=lambda c: -series[c].values[year])
            position = ranked.index(partner) + 1 if partner in ranked else None
            ok = position == int(p.value or 1)
            from ..judging.quality import weak
            flagged = not ok and any(year in sr.estimates or weak(sr.quality.get(year)) for sr in series.values())
            verdicts.append(SUPPORTED if ok else UNVERIFIABLE if flagged else CONTRADICTED)
            label = next(iter(series.values())).label
            listing = ", ".join(f"{name(c)} {fmt(series[c].values[year], 'USD')}" for c in ranked)
            parts.append(f"{name(country)} {year} ({label}): {name(partner)} ranks {position} of {len(ranked)} "
                         f"({listing})")
            observed.append(Observation(position, "rank", label, year, country, partner, p.flow))
            calls += [call_for(s, [year]) for s in series.values()]
            done = True
            break
        if not done:
            verdicts.append(UNVERIFIABLE)
            parts.append(f"{name(country)}: no source gives all of {names(others)} for one year")
    return verdict(claim, combine(verdicts), "; ".join(parts), observed, calls=calls)


def judge_within(claim, ev, as_of: AsOf, countries, partner, region: set):
    """A rank among a region's partners ('its largest trading partner in Europe'): the country's full partner list
    (partner_rank, own view first) restricted to the region."""
    p = claim.payload
    verdicts, parts, observed, calls = [], [], [], []
    for country in countries:
        use = rank_view(ev.ranks(country, p.flow))
        year, _ = target_year(p.year, set(use.get("year", [])), as_of.article)
        rows = use[use["year"] == year] if not use.empty else use
        if rows.empty:
            verdicts.append(UNVERIFIABLE)
            parts.append(f"{name(country)}: no source lists all its partners for {year or 'the year'}")
            continue
        source = sorted(rows["source"].unique(), key=lambda s: (s.startswith("mirror:"), source_trust(s), s))[0]
        rows = rows[(rows["source"] == source) & rows["partner"].isin(region | {partner})]
        ranked = rows.sort_values("partner_value", ascending=False)
        order = list(ranked["partner"])
        position = order.index(partner) + 1 if partner in order else None
        ok = position == int(p.value or 1)
        verdicts.append(UNVERIFIABLE if position is None else SUPPORTED if ok else CONTRADICTED)
        top = ", ".join(f"{name(c)} {fmt(float(v), 'USD')}" for c, v in zip(ranked["partner"][:3],
                                                                            ranked["partner_value"][:3]))
        where = f"ranks {position}" if position else "is not among the partners it lists (coverage: not known to rank)"
        parts.append(f"{name(country)} {year} ({source_label(source)}): {name(partner)} {where} "
                     f"among its partners in {names(p.among)} ({top})")
        observed.append(Observation(position, "rank", source_label(source), year, country, partner, p.flow))
        calls.append(Call.indicator("partner_rank", country=country, flow=p.flow, years=str(year), source=source))
    return verdict(claim, combine(verdicts), "; ".join(parts), observed, calls=calls)