"""Turning points: for each target, dimension and source, the year China's measure first exceeded Russia's."""

from __future__ import annotations

from pathlib import Path

import ibis
import pandas as pd

from ..countries import CENTRAL_ASIA, POWERS
from ..errors import UsageError, invalid_choice
from .api import _year_ranges, build, context, get, validate
from .registry import Context, MissingTableError

# The measure compared on each dimension: (indicator, parameters, flows in order of preference or None).
MEASURES = {
    "trade": [("trade_share", {}, ("turnover", "import", "export"))],
    "security": [("arms_share_5y", {}, None)],
    "diplomacy": [("un_agreement", {}, None), ("event_balance", {}, None)],
    "finance": [("finance_commitments", {}, None)],
    "composite": [("influence_score", {}, None)],
}
# Dimensions crossover answers for.
CROSSOVER_DIMENSIONS = tuple(MEASURES)
# SCO member states other than China and Russia (full members as of 2024), used when the pack has no memberships.
SCO_MEMBERS_FALLBACK = ("BLR", "IND", "IRN", "KAZ", "KGZ", "PAK", "TJK", "UZB")
# Region names --region accepts.
REGIONS = ("central-asia", "sco")
# How many years back lead_change looks: the latest lead against the lead in the first year compared within this
# many years before the latest.
TREND_YEARS = 5
# Columns of the crossover table.
COLUMNS = ("country", "dimension", "source", "measure", "first_year", "held", "latest_year", "latest_lead",
           "china_latest", "russia_latest", "since_year", "leader_since", "lead_change", "first_compared",
           "n_years", "note")


def sco_members(ctx: Context) -> list[str]:
    """SCO member states (any time, from the memberships table; the fallback list when the pack has none)."""
    if ctx.has("memberships"):
        m = ctx.table("memberships")
        m = m.filter(m.organization == "SCO", m.role == "member")
        found = sorted(set(m.select("country").distinct().to_pyarrow().column(0).to_pylist()))
        if found:
            return found
    return list(SCO_MEMBERS_FALLBACK)


def targets(ctx: Context, countries=None, region=None) -> list[str]:
    """The target states: named countries and/or regions ('central-asia', 'sco'), China and Russia left out;
    every pack country but the two powers when neither is given."""
    valid = ctx.countries() or []
    chosen: list[str] = []
    items = []
    for value in (region, countries):
        if value is None:
            continue
        items += value.split(",") if isinstance(value, str) else list(value)
    for item in (str(i).strip() for i in items):
        if not item:
            continue
        key = item.lower()
        if key in ("central-asia", "central_asia", "centralasia", "ca"):
            chosen += CENTRAL_ASIA
        elif key == "sco":
            chosen += sco_members(ctx)
        elif item.upper() in valid or (not valid and len(item) == 3):
            chosen.append(item.upper())
        else:
            raise invalid_choice("region or country", item, list(REGIONS) + valid)
    if not items:
        chosen = list(valid)
    out = [c for c in dict.fromkeys(chosen) if c not in POWERS]
    if not out:
        raise UsageError("no target state: China and Russia are the powers compared, name another country or region")
    return out


def _rows(ctx: Context, name: str, params: dict, flows, countries: list[str]):
    """The targets' China and Russia rows of one measure, in the columns every measure shares (flow '' for a
    measure without flows), computed once (a small table)."""
    ind = get(name)
    t = build(ind, ctx, validate(ind, ctx, country=countries, partner=list(POWERS), **params))
    if flows:
        t = t.filter(t.flow.isin(list(flows)))
        pref = ibis.cases(*[(t.flow == f, i) for i, f in enumerate(flows)], else_=len(flows))
        measure, flow = ibis.literal(f"{name}:") + t.flow, t.flow
    else:
        measure, pref, flow = ibis.literal(name), ibis.literal(0), ibis.literal("")
    months = t.months.cast("int32") if "months" in t.columns else ibis.literal(12).cast("int32")
    t = t.select(ind=ibis.literal(name), country=t.country.cast("string"), source=t.source.cast("string"),
                 flow=flow.cast("string"), measure=measure.cast("string"), pref=pref.cast("int64"),
                 partner=t.partner.cast("string"), year=t.year.cast("int64"), value=t.value.cast("float64"),
                 months=months)
    return ctx._materialize(t) if ctx.materialize else t


def _compare(ctx: Context, t, params: dict | None = None, flows=None, countries: list[str] | None = None):
    """(per-group summary, one-power groups, latest values) of measure rows (`_rows`, one or several measures
    unioned: one query each for all of them), as Ibis expressions. t may also be a measure's name, with its
    params, flows and target countries (one measure)."""
    if isinstance(t, str):
        t = _rows(ctx, t, params or {}, flows, list(countries or []))
    keys = ["ind", "country", "source", "flow"]
    c = t.filter(t.partner == "CHN")
    r = t.filter(t.partner == "RUS")
    r = r.select(**{f"r_{k}": r[k] for k in keys}, r_year=r.year, russia=r.value)
    p = c.inner_join(r, [c[k] == r[f"r_{k}"] for k in keys] + [c.year == r.r_year])
    p = p.select(*keys, "measure", "pref", "year", "months", china=p.value, russia=p.russia)
    p = p.filter(p.china.notnull() & p.russia.notnull())
    # One measure per (country, source): the most preferred flow compared there (turnover, else imports, exports).
    w = ibis.window(group_by=[p.ind, p.country, p.source])
    p = p.mutate(best=p.pref.min().over(w))
    p = p.filter(p.pref == p.best).mutate(lead=p.china - p.russia)
    g = ibis.window(group_by=[p.ind, p.country, p.source, p.measure])
    # side: who is ahead in a year (1 China, -1 Russia, 0 level); `latest` the group's latest year compared.
    p = p.mutate(fy=ibis.ifelse(p.lead > 0, p.year, None).min().over(g),
                 behind=ibis.ifelse(p.lead <= 0, p.year, None).max().over(g),
                 side=ibis.cases((p.lead > 0, 1), (p.lead < 0, -1), else_=0), latest=p.year.max().over(g))
    p = p.mutate(latest_side=ibis.ifelse(p.year == p.latest, p.side, None).max().over(g),
                 trend_from=ibis.ifelse(p.year >= p.latest - TREND_YEARS, p.year, None).min().over(g))
    # The last year someone other than the latest year's leader was ahead (null: the same side every year).
    p = p.mutate(other_side=ibis.ifelse(p.side != p.latest_side, p.year, None).max().over(g))
    summary = p.group_by("ind", "country", "source", "measure").aggregate(
        first_year=p.fy.min(),
        bad_after=((p.year > p.fy) & (p.lead <= 0)).cast("int32").sum(),
        since_year=ibis.ifelse((p.lead > 0) & (p.year > p.behind.fill_null(-1)), p.year, None).min(),
        leader_since=ibis.ifelse(p.year > p.other_side.fill_null(-1), p.year, None).min(),
        trend_from=p.trend_from.min(),
        lead_then=ibis.ifelse(p.year == p.trend_from, p.lead, None).max(),
        first_compared=p.year.min(), latest_year=p.year.max(), n_years=p.year.count().cast("int32"),
        latest_lead=p.lead.argmax(p.year), china_latest=p.china.argmax(p.year),
        russia_latest=p.russia.argmax(p.year), latest_months=p.months.argmax(p.year), years=p.year.collect(),
        behind_after=ibis.ifelse((p.year > p.fy) & (p.lead <= 0), p.year, None).collect())
    # Change of China's lead since the first year compared within TREND_YEARS of the latest (none when the latest
    # year is the only one there).
    summary = summary.mutate(lead_change=ibis.ifelse(summary.trend_from == summary.latest_year, None,
                                                     summary.latest_lead - summary.lead_then))
    # Groups where only one power has data (e.g. AidData: Chinese lending only).
    presence = t.group_by("ind", "country", "source").aggregate(
        has_chn=(t.partner == "CHN").any(), has_rus=(t.partner == "RUS").any(),
        measure=t.measure.min(), latest_year=t.year.max())
    single = presence.filter(presence.has_chn != presence.has_rus)
    last_value = t.group_by("ind", "country", "source", "partner").aggregate(latest=t.value.argmax(t.year))
    return summary, single, last_value


def _note(row) -> str:
    parts = []
    measure = row["measure"]
    if measure.startswith("trade_share:") and not measure.endswith("turnover"):
        flow = measure.split(":")[1]
        parts.append(f"compares shares of {flow}s: this source view has no turnover"
                     + (" (IMF DOTS publishes exports only)" if "imf_dots" in row["source"] else ""))
    first, compared = row["first_year"], row["first_compared"]
    if pd.isna(first):
        parts.append(f"Russia ahead (or level) in every year compared ({compared}-{row['latest_year']})")
    elif first == compared:
        parts.append(f"China ahead from the first year compared ({compared}): no crossover observed in this source")
    else:
        parts.append(f"China first ahead in {int(first)}")
    if not pd.isna(first):
        behind = sorted(int(y) for y in (row["behind_after"] or []))
        if behind:
            parts.append(f"the lead did not hold: Russia ahead again in {_year_ranges(behind)}")
            if not pd.isna(row["since_year"]):
                parts.append(f"China continuously ahead since {int(row['since_year'])}")
    if not pd.isna(row.get("latest_months")) and int(row["latest_months"]) < 12:
        n = int(row["latest_months"])
        parts.append(f"the latest year compared ({row['latest_year']}) covers {n} month{'s' if n > 1 else ''} only")
    years = {int(y) for y in (row["years"] or [])}
    missing = [y for y in range(int(compared), int(row["latest_year"]) + 1) if y not in years]
    if missing:
        parts.append(f"no comparison for {_year_ranges(missing)} (a measure missing in the source)")
    return "; ".join(parts)


def crossover(countries=None, region=None, dimensions=None, pack: str | Path | None = None,
              backend: str = "duckdb") -> pd.DataFrame:
    """One row per (country, dimension, source): the first year China's measure exceeded Russia's (first_year),
    whether the lead held in every later year compared (held), the latest year compared and the lead there
    (latest_lead = China minus Russia), both latest values, the start of China's current unbroken lead
    (since_year), the first year of the unbroken run of years, ending at the latest, in which the latest year's
    leader (China, Russia or neither: level) was ahead (leader_since), how much China's lead changed over the last
    TREND_YEARS years compared (lead_change: latest lead minus the lead in the first year compared within
    TREND_YEARS of the latest; > 0 = toward China), and a note on gaps, flows and one-sided data. Years where
    either measure is missing are not compared (never filled)."""
    ctx = context(pack, backend)
    with ctx.batch():  # every measure below shares the trade views, shares and other memoised tables
        return _crossover(ctx, countries, region, dimensions)


def _crossover(ctx: Context, countries, region, dimensions) -> pd.DataFrame:
    dims = [d.strip() for d in (dimensions.split(",") if isinstance(dimensions, str) else dimensions or [])]
    dims = [d for d in dims if d] or list(CROSSOVER_DIMENSIONS)
    for d in dims:
        if d not in MEASURES:
            raise invalid_choice("dimension", d, CROSSOVER_DIMENSIONS)
    chosen = targets(ctx, countries, region)
    rows = []
    # Every measure's rows first, then one summary query for all of them (not three queries per measure).
    parts, absent = [], {}
    for dim in dims:
        for name, params, flows in MEASURES[dim]:
            try:
                parts.append(_rows(ctx, name, params, flows, chosen))
            except MissingTableError as exc:
                absent[(dim, name)] = exc
    s_all = one_all = last_all = None
    if parts:
        summary, single, last_value = _compare(ctx, ibis.union(*parts, distinct=False) if len(parts) > 1
                                               else parts[0])
        s_all = summary.to_pandas()
        one_all = single.to_pandas()
        last_all = last_value.to_pandas() if not one_all.empty else None
    for dim in dims:
        for name, params, flows in MEASURES[dim]:
            if (dim, name) in absent:
                for c in chosen:
                    rows.append({"country": c, "dimension": dim, "source": "", "measure": name,
                                 "note": f"not computed: {absent[(dim, name)].message}"})
                continue
            s = s_all[s_all["ind"] == name]
            one = one_all[one_all["ind"] == name]
            last = last_all[last_all["ind"] == name] if last_all is not None else None
            for rec in s.to_dict("records"):
                held = None if pd.isna(rec["first_year"]) else bool(rec["bad_after"] == 0)
                rows.append({**{k: rec[k] for k in ("country", "source", "measure", "first_year", "latest_year",
                                                    "latest_lead", "china_latest", "russia_latest", "since_year",
                                                    "leader_since", "lead_change", "first_compared", "n_years")},
                             "dimension": dim, "held": held, "note": _note(rec)})
            for rec in one.to_dict("records"):
                missing = "Russia" if rec["has_chn"] else "China"
                present = "CHN" if rec["has_chn"] else "RUS"
                hit = last[(last.country == rec["country"]) & (last.source == rec["source"])
                           & (last.partner == present)]
                value = float(hit["latest"].iloc[0]) if not hit.empty else None
                rows.append({"country": rec["country"], "dimension": dim, "source": rec["source"],
                             "measure": rec["measure"] or name, "latest_year": rec["latest_year"],
                             "china_latest" if present == "CHN" else "russia_latest": value,
                             "note": f"no {missing} data in this source: no comparison possible"})
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for column in ("first_year", "latest_year", "since_year", "leader_since", "first_compared", "n_years"):
        frame[column] = frame[column].astype("Int64")
    frame["held"] = frame["held"].astype("boolean")
    order = {d: i for i, d in enumerate(CROSSOVER_DIMENSIONS)}
    frame = frame.assign(_d=frame["dimension"].map(order)).sort_values(["country", "_d", "source"], kind="stable")
    return frame.drop(columns="_d").reset_index(drop=True)
