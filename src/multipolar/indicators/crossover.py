"""Turning points: for each target, dimension and source, the year China's measure first exceeded Russia's, read with
the one no-clear-lead rule (`leads.py`), within one consistent source view, full years only, each reading with its
flags (`quality.py`).

- A year counts for China (Russia) only when the lead passes the rule's threshold for the measure's unit; smaller
  gaps are "no clear lead" and never a lead, a reversal or the start of a run.
- Partial years (months < 12: GDELT's 2024, Armenia's 2023) are never compared as years; the note names them.
- The reconciled view may change source view between years: its turning points are read within the view of its
  latest year only (the years of other views are in their own views' rows), the row says `source_switch` and the
  note names the views, so a change of view is never reported as a change of leader.
- `leader` is the latest year's reading by the rule, and "no clear lead" when another source for the same state
  and measure shows a clear lead the other way in that year (the lead lies within the spread of the sources).
"""

from __future__ import annotations

from pathlib import Path

from ..countries import CENTRAL_ASIA, POWERS
from ..errors import UsageError, invalid_choice
from ..lazy import ibis
from ..lazy import pandas as pd
from ..lazy import pyarrow as pa
from . import leads
from . import quality as Q
from .api import _year_ranges, context, get, rows_table, to_pandas, validate
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
           "leader", "quality", "latest_quality", "china_latest", "russia_latest", "since_year", "leader_since", "lead_change",
           "first_compared", "n_years", "view", "note")


def sco_members(ctx: Context) -> list[str]:
    """SCO member states (any time, from the memberships table; the fallback list when the pack has none)."""
    if ctx.has("memberships"):
        if ctx.folder is not None:  # the pack's own file: one small DuckDB read, no Ibis
            from .api import _literal, _reader

            file = Path(ctx.folder) / ctx.manifest["tables"]["memberships"]["file"]
            found = sorted({r[0] for r in _reader().execute(
                f"SELECT DISTINCT country FROM read_parquet({_literal(file)}) "
                "WHERE organization = 'SCO' AND role = 'member'").fetchall()})
        else:
            with ctx.lock:
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
    measure without flows; view = the source view a reconciled row comes from, else the source)."""
    ind = get(name)
    t = rows_table(ind, ctx, validate(ind, ctx, country=countries, partner=list(POWERS), **params))
    if flows:
        t = t.filter(t.flow.isin(list(flows)))
        pref = ibis.cases(*[(t.flow == f, i) for i, f in enumerate(flows)], else_=len(flows))
        measure, flow = ibis.literal(f"{name}:") + t.flow, t.flow
    else:
        measure, pref, flow = ibis.literal(name), ibis.literal(0), ibis.literal("")
    months = t.months.cast("int32") if "months" in t.columns else ibis.literal(12).cast("int32")
    view = ibis.ifelse(t.source == "reconciled", t.basis, t.source) if "basis" in t.columns else t.source
    return t.select(ind=ibis.literal(name), country=t.country.cast("string"), source=t.source.cast("string"),
                    flow=flow.cast("string"), measure=measure.cast("string"), pref=pref.cast("int64"),
                    partner=t.partner.cast("string"), year=t.year.cast("int64"), value=t.value.cast("float64"),
                    months=months, quality=t.quality.cast("string"), view=view.cast("string"))


def _compare(ctx: Context, t, params: dict | None = None, flows=None, countries: list[str] | None = None):
    """(pairs, presence) of measure rows (`_rows`, one or several measures unioned) as DataFrames: pairs = one row
    per (ind, country, source, measure, year) where both powers have a value (china, russia, months, both rows'
    quality, view); presence = per (ind, country, source) whether China and Russia have rows at all. t may also be
    a measure's name, with its params, flows and target countries (one measure)."""
    if isinstance(t, str):
        t = _rows(ctx, t, params or {}, flows, list(countries or []))
    keys = ["ind", "country", "source", "flow"]
    c = t.filter(t.partner == "CHN")
    r = t.filter(t.partner == "RUS")
    r = r.select(**{f"r_{k}": r[k] for k in keys}, r_year=r.year, russia=r.value, r_months=r.months,
                 r_quality=r.quality)
    p = c.inner_join(r, [c[k] == r[f"r_{k}"] for k in keys] + [c.year == r.r_year])
    p = p.filter(p.value.notnull() & p.russia.notnull())
    pairs = p.select(*keys, "measure", "pref", "year", "view", china=p.value, russia=p.russia,
                     months=ibis.least(p.months, p.r_months), c_quality=p.quality, r_quality=p.r_quality)
    presence = t.group_by("ind", "country", "source").aggregate(
        has_chn=(t.partner == "CHN").any(), has_rus=(t.partner == "RUS").any(), measure=t.measure.min(),
        latest_year=t.year.max())
    return to_pandas(pairs), to_pandas(presence)


def _runs_start(years: list[int], sides: dict[int, int], wanted) -> int | None:
    """First year of the unbroken run of years (ending at the latest) whose side satisfies `wanted`."""
    start = None
    for y in reversed(years):
        if not wanted(sides[y]):
            break
        start = y
    return start


def _flag_years(rows: list[dict]) -> str:
    """'estimate in 2000-2020; imputed in 2001-2015': each flag's years among the rows (either power)."""
    by_flag: dict[str, set[int]] = {}
    for r in rows:
        for flag in Q.split(Q.combine(r["c_quality"], r["r_quality"])):
            by_flag.setdefault(flag.split(":")[0] if flag.startswith("carried_forward") else flag, set()).add(
                r["year"])
    return "; ".join(f"{flag} in {_year_ranges(sorted(ys))}" for flag, ys in sorted(by_flag.items()))


def summarise(pairs: pd.DataFrame) -> list[dict]:
    """Crossover rows (dicts) from the compared pairs of every measure: one per (ind, country, source)."""
    if pairs.empty:
        return []
    # One measure per (ind, country, source): the most preferred flow compared there.
    best = pairs.groupby(["ind", "country", "source"])["pref"].transform("min")
    pairs = pairs[pairs["pref"] == best].sort_values(["ind", "country", "source", "year"], kind="stable")
    records = pairs.to_dict("records")
    groups: dict[tuple, list[dict]] = {}
    spread: dict[tuple, dict[str, int]] = {}
    for r in records:
        r["year"] = int(r["year"])
        r["months"] = 12 if pd.isna(r["months"]) else int(r["months"])
        r["side"] = leads.side(r["china"], r["russia"], leads.rule_for(r["ind"], r["source"]))
        groups.setdefault((r["ind"], r["country"], r["source"]), []).append(r)
        if r["months"] >= 12:  # each full year's side per source, for the spread check across sources
            spread.setdefault((r["country"], r["measure"], r["year"]), {})[r["source"]] = r["side"]
    return [_summary(ind, country, source, rows, spread) for (ind, country, source), rows in sorted(groups.items())]


def _summary(ind: str, country: str, source: str, rows: list[dict], spread: dict) -> dict:
    rule = leads.rule_for(ind, source)
    measure = rows[0]["measure"]
    notes, flags = [], set()
    if measure.startswith("trade_share:") and not measure.endswith("turnover"):
        notes.append(f"compares shares of {measure.split(':')[1]}s: this source view has no turnover")
    partial = [r for r in rows if r["months"] < 12]
    rows = [r for r in rows if r["months"] >= 12]
    partial_note = "; ".join(f"{r['year']} covers {r['months']} month{'s' if r['months'] != 1 else ''} only: not "
                             f"compared as a year" for r in partial)
    row = {"country": country, "source": source, "measure": measure}
    if not rows:
        quality = Q.combine(*[r["c_quality"] for r in partial], *[r["r_quality"] for r in partial])
        row.update(leader=leads.NO_CLEAR_LEAD, quality=quality, latest_quality=quality,
                   note="; ".join(notes + [partial_note, "no full year compared"]))
        return row
    # One consistent view: the reconciled view's latest view, over its unbroken run of years up to the latest.
    latest_view = rows[-1]["view"]
    spans: dict[str, list[int]] = {}
    for r in rows:
        spans.setdefault(r["view"], []).append(r["year"])
    view_note = ""
    if len(spans) > 1:
        flags.add("source_switch")
        start = len(rows)
        while start > 0 and rows[start - 1]["view"] == latest_view:
            start -= 1
        listed = "; ".join(f"{view} ({_year_ranges(years)})" for view, years in spans.items())
        view_note = (f"the reconciled view switches source view ({listed}): turning points are read within "
                     f"{latest_view} from {rows[start]['year']} only (the other years are in their own views' rows), "
                     f"so a switch of view is never read as a change of leader")
        rows = rows[start:]
    years = [r["year"] for r in rows]
    side = {r["year"]: r["side"] for r in rows}
    lead = {r["year"]: r["china"] - r["russia"] for r in rows}
    first = next((y for y in years if side[y] == 1), None)
    latest = years[-1]
    held = None if first is None else all(side[y] == 1 for y in years if y > first)
    russia_again = [y for y in years if first is not None and y > first and side[y] == -1]
    unclear_after = [y for y in years if first is not None and y > first and side[y] == 0]
    since = _runs_start(years, side, lambda s: s == 1) if side[latest] == 1 else None
    leader_since = _runs_start(years, side, lambda s: s == side[latest])
    window = [y for y in years if y >= latest - TREND_YEARS]
    lead_change = None if window[0] == latest else lead[latest] - lead[window[0]]
    # The latest year's reading, then the spread of the sources that year.
    reading = leads.name_of(side[latest])
    others = {s: v for s, v in spread.get((country, measure, latest), {}).items() if s != source}
    against = sorted(s for s, v in others.items() if v == -side[latest] and v != 0)
    notes_leader = ""
    if reading != leads.NO_CLEAR_LEAD and against:
        notes_leader = (f"latest year {latest}: this source shows {reading} ahead, but {', '.join(against)} "
                        f"{'shows' if len(against) == 1 else 'show'} {leads.name_of(-side[latest])} ahead: the lead "
                        f"lies within the spread of the sources, so no clear lead")
        reading = leads.NO_CLEAR_LEAD
    elif side[latest] == 0:
        notes_leader = (f"latest year {latest}: no clear lead ({rule.describe()}; gap "
                        f"{_gap(lead[latest], rule)})")
    if first is None:
        notes.append(f"China never clearly ahead in the years compared ({years[0]}-{latest})")
    elif first == years[0]:
        notes.append(f"China clearly ahead from the first year compared ({first}): no crossover observed in this "
                     f"view")
    else:
        notes.append(f"China first clearly ahead in {first}")
    if russia_again:
        notes.append(f"the lead did not hold: Russia clearly ahead again in {_year_ranges(russia_again)}")
    if unclear_after:
        notes.append(f"no clear lead in {_year_ranges(unclear_after)}")
    if first is not None and not held and since is not None:
        notes.append(f"China continuously and clearly ahead since {since}")
    for text in (notes_leader, view_note, partial_note):
        if text:
            notes.append(text)
    missing = [y for y in range(years[0], latest + 1) if y not in side]
    if missing:
        notes.append(f"no comparison for {_year_ranges(missing)} (a measure missing in the source)")
    flag_years = _flag_years(rows)
    if flag_years:
        notes.append(f"flags: {flag_years}")
    # The reading's flags: those of the latest year and of the first year of the current run, and the switch.
    rest = [r for r in rows if r["year"] in (latest, leader_since)]
    quality = Q.combine(flags, *[r["c_quality"] for r in rest], *[r["r_quality"] for r in rest])
    last = rows[-1]
    # The latest figures' own flags (a flag of the run's first year alone does not qualify them).
    latest_quality = Q.combine(last["c_quality"], last["r_quality"])
    row.update(first_year=first, held=held, latest_year=latest, latest_lead=lead[latest], leader=reading,
               quality=quality, latest_quality=latest_quality, china_latest=float(last["china"]), russia_latest=float(last["russia"]),
               since_year=since, leader_since=leader_since, lead_change=lead_change, first_compared=years[0],
               n_years=len(years), view=latest_view, note="; ".join(notes))
    return row


def _gap(lead: float, rule: leads.Rule) -> str:
    if rule.absolute is not None:
        return f"{abs(lead) * 100:.1f} points"
    return f"{abs(lead):,.4g}"


def _singles(ctx: Context, single: pd.DataFrame) -> list[dict]:
    """The rows of the (country, source) groups where only one power has data: its latest value (and, for lending,
    the amount named and the country's rank among the lender's recipients), no comparison. One query per
    indicator."""
    out = []
    for name, groups in single.groupby("ind", sort=True):
        ind = get(name)
        present = sorted({"CHN" if has else "RUS" for has in groups["has_chn"]})
        t = rows_table(ind, ctx, validate(ind, ctx, country=sorted(set(groups["country"])), partner=present,
                                          source=sorted(set(groups["source"]))))
        frame = to_pandas(t).sort_values("year", kind="stable")
        for rec in groups.to_dict("records"):
            power = "CHN" if rec["has_chn"] else "RUS"
            mine = frame[(frame["country"] == rec["country"]) & (frame["source"] == rec["source"])
                         & (frame["partner"] == power)]
            out.append(_single(rec, power, mine))
    return out


def _single(rec: dict, present: str, frame: pd.DataFrame) -> dict:
    missing = "Russia" if present == "CHN" else "China"
    row = {"country": rec["country"], "source": rec["source"], "measure": rec["measure"],
           "latest_year": rec["latest_year"], "leader": leads.NO_CLEAR_LEAD, "quality": "no_comparison"}
    note = f"no {missing} data in this source: no comparison possible"
    if not frame.empty:
        last = frame.iloc[-1]
        row["china_latest" if present == "CHN" else "russia_latest"] = float(last["value"])
        row["latest_year"] = int(last["year"])
        row["quality"] = Q.combine("no_comparison", last.get("quality", ""))
        row["latest_quality"] = Q.combine(last.get("quality", ""))
        who = "China" if present == "CHN" else "Russia"
        if rec["ind"] == "finance_commitments":
            total = frame["value"].sum()
            note += (f"; {who}'s commitments in {int(last['year'])}: {last['value'] / 1e6:,.0f} m USD "
                     f"({last['amount'].replace('_', ' ')}, constant 2021), rank {int(last['rank'])} of "
                     f"{int(last['n_recipients'])} recipients that year; {total / 1e9:,.2f} bn USD in "
                     f"{int(frame['year'].min())}-{int(last['year'])} over {len(frame)} years with a commitment "
                     "(a year without a row: no recorded commitment)")
        else:
            note += f"; {who}'s latest value: {last['value']:.4g} ({int(last['year'])})"
    row["note"] = note
    return row


def crossover(countries=None, region=None, dimensions=None, pack: str | Path | None = None,
              backend: str = "duckdb", progress=None) -> pd.DataFrame:
    """One row per (country, dimension, source), read with the no-clear-lead rule (leads.py) within one source
    view: the first year China was clearly ahead (first_year), whether the lead held in every later year compared
    (held), the latest full year compared and the lead there (latest_lead = China minus Russia), `leader` (China,
    Russia or no clear lead, the spread of the sources applied), `quality` (the flags of the reading: the latest
    year's and the current run's first year's, and source_switch), `latest_quality` (the latest year's flags alone:
    those of the two latest values), both latest values, the start of China's current
    clear run (since_year), the first year of the latest leader's unbroken run (leader_since; for no clear lead,
    the run of years without one), how much China's lead changed over the last TREND_YEARS years compared
    (lead_change; > 0 = toward China), the source view read (view) and a note. Years where either measure is
    missing are not compared (never filled); partial years are never compared. progress(step, done, total), when
    given, is called as each step of a computation starts (nothing is called when the cache answers)."""
    ctx = context(pack, backend)
    dims = _dimensions(dimensions)
    chosen = targets(ctx, countries, region)
    whole = _whole(ctx, progress)
    if whole is not None:
        # A state's rows depend on that state's data only (the spread of the sources is read within the state,
        # measure and year), so the rows of any choice of states and dimensions are the whole table's.
        keep = whole["country"].isin(chosen) & whole["dimension"].isin(dims)
        return whole[keep].reset_index(drop=True)
    with ctx.lock, ctx.batch():  # every measure below shares the trade views, shares and other memoised tables
        return _crossover(ctx, chosen, dims, progress)


def _dimensions(dimensions) -> list[str]:
    """The dimensions asked for (a list or comma-separated; default all), each checked."""
    dims = [d.strip() for d in (dimensions.split(",") if isinstance(dimensions, str) else dimensions or [])]
    dims = [d for d in dims if d] or list(CROSSOVER_DIMENSIONS)
    for d in dims:
        if d not in MEASURES:
            raise invalid_choice("dimension", d, CROSSOVER_DIMENSIONS)
    return dims


def crossover_rows(countries=None, region=None, dimensions=None, pack: str | Path | None = None, progress=None):
    """`crossover`'s rows as `Rows` (plain Python values, None for missing: what the command line prints), read
    with DuckDB from the whole table in the pack's indicator cache, without pandas once it is there; None without a
    cache (then `crossover` computes the frame)."""
    from .api import _literal, _reader
    from .rows import Rows

    ctx = context(pack)
    dims = _dimensions(dimensions)
    chosen = targets(ctx, countries, region)
    path = ctx.derived.get("crossover")  # the pack's own (derived at pack build), else the indicator cache's
    if path is None and ctx.store is None:
        return None
    if path is None:
        path = ctx.store.find("crossover")
    if path is None and _whole(ctx, progress) is not None:  # computed and kept first
        path = ctx.store.find("crossover")
    if path is None:
        return None
    result = _reader().execute(
        f"SELECT * EXCLUDE (file_row_number) FROM read_parquet({_literal(path)}, file_row_number = true) "
        f"WHERE country IN ({', '.join(map(_literal, chosen))}) AND dimension IN ({', '.join(map(_literal, dims))}) "
        "ORDER BY file_row_number")
    columns = tuple(d[0] for d in result.description)
    return Rows(columns, [tuple(None if isinstance(v, float) and v != v else v for v in row)
                          for row in result.fetchall()])


def _whole(ctx: Context, progress=None) -> pd.DataFrame | None:
    """The crossover of every pack state on every dimension: the pack's derived table (derived.py), else from the
    pack's indicator cache (computed and kept there first when missing); None without either."""
    store = ctx.store
    path = ctx.derived.get("crossover")
    if path is None and store is None:
        return None
    if path is None:
        path = store.find("crossover")
    if path is None:
        def write(tmp):
            import pyarrow.parquet as pq

            with ctx.lock, ctx.batch():  # (the connection serves one thread at a time)
                frame = _crossover(ctx, targets(ctx), list(CROSSOVER_DIMENSIONS), progress)
            pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), tmp)

        path = store.put("crossover", write)
        if path is None:
            return None
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).read().to_pandas()  # (not read_table: it imports pyarrow.dataset, 0.7 s)


def _crossover(ctx: Context, chosen: list[str], dims: list[str], progress=None) -> pd.DataFrame:
    rows = []
    # Every measure's rows first, then one query for all of them (not one per measure).
    parts, absent = [], {}
    measures = [(dim, *m) for dim in dims for m in MEASURES[dim]]
    total = len(measures) + 3
    step = progress or (lambda *_: None)
    for done, (dim, name, params, flows) in enumerate(measures):
        step(f"crossover: {name}", done, total)
        try:
            parts.append(_rows(ctx, name, params, flows, chosen))
        except MissingTableError as exc:
            absent[(dim, name)] = exc
    summaries, presence = [], pd.DataFrame()
    if parts:
        step("crossover: comparing China and Russia", len(measures), total)
        pairs, presence = _compare(ctx, ibis.union(*parts, distinct=False) if len(parts) > 1 else parts[0])
        step("crossover: reading leads", len(measures) + 1, total)
        summaries = summarise(pairs)
    dimension_of = {name: dim for dim in dims for name, _, _ in MEASURES[dim]}
    for rec in summaries:
        rows.append({**rec, "dimension": dimension_of[rec.pop("ind", None) or _ind(rec["measure"])]})
    step("crossover: one power only", len(measures) + 2, total)
    if not presence.empty:
        single = presence[presence["has_chn"] != presence["has_rus"]]
        for rec in _singles(ctx, single):
            rows.append({**rec, "dimension": dimension_of[_ind(rec["measure"])]})
    for (dim, name), exc in absent.items():
        for c in chosen:
            rows.append({"country": c, "dimension": dim, "source": "", "measure": name, "leader": leads.NO_CLEAR_LEAD,
                         "quality": "", "latest_quality": "", "note": f"not computed: {exc.message}"})
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for column in ("first_year", "latest_year", "since_year", "leader_since", "first_compared", "n_years"):
        frame[column] = frame[column].astype("Int64")
    for column in ("latest_lead", "china_latest", "russia_latest", "lead_change"):
        frame[column] = frame[column].astype("float64")  # (a choice of states with no value at all: NaN, not None)
    frame["held"] = frame["held"].astype("boolean")
    for column in ("quality", "latest_quality", "note", "view", "source"):
        frame[column] = frame[column].fillna("").astype(str)
    order = {d: i for i, d in enumerate(CROSSOVER_DIMENSIONS)}
    frame = frame.assign(_d=frame["dimension"].map(order)).sort_values(["country", "_d", "source"], kind="stable")
    step("crossover: done", total, total)
    return frame.drop(columns="_d").reset_index(drop=True)


def _ind(measure: str) -> str:
    return measure.split(":", 1)[0]
