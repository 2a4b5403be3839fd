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
# Columns of the crossover table.
COLUMNS = ("country", "dimension", "source", "measure", "first_year", "held", "latest_year", "latest_lead",
           "china_latest", "russia_latest", "since_year", "first_compared", "n_years", "note")


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


def _compare(ctx: Context, name: str, params: dict, flows, countries: list[str]):
    """(per-group summary, per-year rows, one-power groups) for one measure, as Ibis expressions."""
    ind = get(name)
    t = build(ind, ctx, validate(ind, ctx, country=countries, partner=list(POWERS), **params))
    keys = ["country", "source"]
    if flows:
        t = t.filter(t.flow.isin(list(flows)))
        pref = ibis.cases(*[(t.flow == f, i) for i, f in enumerate(flows)], else_=len(flows))
        t = t.mutate(measure=ibis.literal(f"{name}:") + t.flow, pref=pref)
        keys.append("flow")
    else:
        t = t.mutate(measure=ibis.literal(name), pref=ibis.literal(0))
    months = t.months.cast("int32") if "months" in t.columns else ibis.literal(12)
    t = t.mutate(months=months).select(*keys, "measure", "pref", "partner", "year", "value", "months")
    # The targets' China and Russia rows are few: compute them once, then summarise that small table three ways.
    if ctx.materialize:
        t = ctx._materialize(t)
    c = t.filter(t.partner == "CHN")
    r = t.filter(t.partner == "RUS")
    r = r.select(**{f"r_{k}": r[k] for k in keys}, r_year=r.year, russia=r.value)
    p = c.inner_join(r, [c[k] == r[f"r_{k}"] for k in keys] + [c.year == r.r_year])
    p = p.select(*keys, "measure", "pref", "year", "months", china=p.value, russia=p.russia)
    p = p.filter(p.china.notnull() & p.russia.notnull())
    # One measure per (country, source): the most preferred flow compared there (turnover, else imports, exports).
    w = ibis.window(group_by=[p.country, p.source])
    p = p.mutate(best=p.pref.min().over(w))
    p = p.filter(p.pref == p.best).mutate(lead=p.china - p.russia)
    g = ibis.window(group_by=[p.country, p.source, p.measure])
    p = p.mutate(fy=ibis.ifelse(p.lead > 0, p.year, None).min().over(g),
                 behind=ibis.ifelse(p.lead <= 0, p.year, None).max().over(g))
    summary = p.group_by("country", "source", "measure").aggregate(
        first_year=p.fy.min(),
        bad_after=((p.year > p.fy) & (p.lead <= 0)).cast("int32").sum(),
        since_year=ibis.ifelse((p.lead > 0) & (p.year > p.behind.fill_null(-1)), p.year, None).min(),
        first_compared=p.year.min(), latest_year=p.year.max(), n_years=p.year.count().cast("int32"),
        latest_lead=p.lead.argmax(p.year), china_latest=p.china.argmax(p.year),
        russia_latest=p.russia.argmax(p.year), latest_months=p.months.argmax(p.year), years=p.year.collect(),
        behind_after=ibis.ifelse((p.year > p.fy) & (p.lead <= 0), p.year, None).collect())
    # Groups where only one power has data (e.g. AidData: Chinese lending only).
    presence = t.group_by("country", "source").aggregate(
        has_chn=(t.partner == "CHN").any(), has_rus=(t.partner == "RUS").any(),
        measure=t.measure.min(), latest_year=t.year.max())
    single = presence.filter(presence.has_chn != presence.has_rus)
    last_value = t.group_by("country", "source", "partner").aggregate(latest=t.value.argmax(t.year))
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
    (since_year), and a note on gaps, flows and one-sided data. Years where either measure is missing are not
    compared (never filled)."""
    ctx = context(pack, backend)
    dims = [d.strip() for d in (dimensions.split(",") if isinstance(dimensions, str) else dimensions or [])]
    dims = [d for d in dims if d] or list(CROSSOVER_DIMENSIONS)
    for d in dims:
        if d not in MEASURES:
            raise invalid_choice("dimension", d, CROSSOVER_DIMENSIONS)
    chosen = targets(ctx, countries, region)
    rows = []
    for dim in dims:
        for name, params, flows in MEASURES[dim]:
            try:
                summary, single, last_value = _compare(ctx, name, params, flows, chosen)
                s = summary.to_pandas()
                one = single.to_pandas()
                last = last_value.to_pandas() if not one.empty else None
            except MissingTableError as exc:
                for c in chosen:
                    rows.append({"country": c, "dimension": dim, "source": "", "measure": name,
                                 "note": f"not computed: {exc.message}"})
                continue
            for rec in s.to_dict("records"):
                held = None if pd.isna(rec["first_year"]) else bool(rec["bad_after"] == 0)
                rows.append({**{k: rec[k] for k in ("country", "source", "measure", "first_year", "latest_year",
                                                    "latest_lead", "china_latest", "russia_latest", "since_year",
                                                    "first_compared", "n_years")},
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
    for column in ("first_year", "latest_year", "since_year", "first_compared", "n_years"):
        frame[column] = frame[column].astype("Int64")
    frame["held"] = frame["held"].astype("boolean")
    order = {d: i for i, d in enumerate(CROSSOVER_DIMENSIONS)}
    frame = frame.assign(_d=frame["dimension"].map(order)).sort_values(["country", "_d", "source"], kind="stable")
    return frame.drop(columns="_d").reset_index(drop=True)
