"""Computing indicators: validate a request at the boundary, build the Ibis expression, run it on a backend."""

from __future__ import annotations

import functools
import threading
from pathlib import Path

from .. import config
from ..countries import resolve_many
from ..errors import DataError, UsageError, invalid_choice
from ..lazy import pandas as pd
from ..lazy import pyarrow as pa
from . import cache
from .registry import INDICATORS, Context, Indicator, Query

# Engines an indicator can run on: DuckDB (embedded, default) and Spark (through Ibis' PySpark backend).
BACKENDS = ("duckdb", "pyspark")
# Common filters every indicator accepts (the rest of the keyword arguments are the indicator's parameters).
FILTERS = ("country", "partner", "years", "source", "flow")

_CONTEXTS: dict[tuple[str, str], Context] = {}


def get(name: str) -> Indicator:
    """The registered indicator `name`; a UsageError listing the valid names otherwise."""
    if name not in INDICATORS:
        raise invalid_choice("indicator", name, INDICATORS)
    return INDICATORS[name]


def list_indicators() -> pd.DataFrame:
    """Every indicator: name, dimension, title, unit, definition, inputs, sources, params, columns."""
    rows = []
    for ind in INDICATORS.values():
        rows.append({
            "name": ind.name, "dimension": ind.dimension, "title": ind.title, "unit": ind.unit,
            "definition": ind.definition, "inputs": ", ".join(ind.inputs), "sources": ind.sources,
            "params": "; ".join(f"{p.name}={p.default!r}: {p.doc}" for p in ind.params),
            "columns": ", ".join(ind.columns),
        })
    return pd.DataFrame(rows)


def _spark_connection(folder: Path, manifest: dict):
    import ibis
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("multipolar")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate())
    con = ibis.pyspark.connect(session)
    for name, entry in manifest["tables"].items():
        con.read_parquet(str(folder / entry["file"]), table_name=name)
    return con


def _duckdb_connection():
    import ibis

    # No progress bar of DuckDB's own on the terminal: the commands draw theirs (on stderr, only on a terminal).
    con = ibis.duckdb.connect()
    con.raw_sql("SET enable_progress_bar = false")
    return con


def context(pack: str | Path | None = None, backend: str = "duckdb") -> Context:
    """The (cached) context for a pack folder on a backend."""
    if backend not in BACKENDS:
        raise invalid_choice("backend", backend, BACKENDS)
    folder = config.pack_dir(pack)
    key = (str(folder), backend)
    found = _CONTEXTS.get(key)
    if found is not None:
        return found
    with _CONTEXTS_LOCK:  # one context per pack and backend, also when threads ask at once
        return _new_context(key, folder, backend)


_CONTEXTS_LOCK = threading.Lock()


def _new_context(key: tuple[str, str], folder: Path, backend: str) -> Context:
    from .. import store

    if key not in _CONTEXTS:
        manifest = store.read_manifest(folder)
        if backend == "duckdb":
            # A fresh connection reading each pack table when first asked for (a CLI call needs only a few), made
            # when an expression first needs it; the pack's indicator cache answers the rest.
            # The pack's derived tables (the trade views, the crossover) stand for their computation while current.
            from . import derived

            _CONTEXTS[key] = Context(_duckdb_connection, manifest, folder=folder, store=cache.Store.for_pack(folder),
                                     derived=derived.available(folder, manifest))
        else:
            try:
                con = _spark_connection(folder, manifest)
            except ImportError:
                raise UsageError("backend 'pyspark' needs pyspark (pip install 'multipolar[spark]') and Java") \
                    from None
            _CONTEXTS[key] = Context(con, manifest)
    return _CONTEXTS[key]


def _as_list(value, upper=False) -> list[str] | None:
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    items = [str(v).strip() for v in items if str(v).strip()]
    return [v.upper() for v in items] if upper else items


def parse_years(years) -> tuple[int, int] | None:
    """None, 2019, '2000-2023' or (2000, 2023) as (first, last); a UsageError for anything else."""
    from ..store import parse_years as _parse

    if years is None or years == "":
        return None
    try:
        span = _parse(years)
    except (DataError, TypeError, ValueError):
        raise UsageError(f"invalid years {years!r}; use YEAR or FIRST-LAST, e.g. 2019 or 2000-2023") from None
    if span and not (1800 <= span[0] <= 2100 and 1800 <= span[1] <= 2100):
        raise UsageError(f"invalid years {years!r}; years must lie between 1800 and 2100")
    return span


def validate(ind: Indicator, ctx: Context, *, country=None, partner=None, years=None, source=None, flow=None,
             **params) -> Query:
    """The request as a Query; a UsageError listing the valid choices for anything invalid."""
    q = Query()
    # Countries by name or code, any case ('Kazakhstan', 'KAZ', 'kaz'), with "did you mean" on a typo.
    q.country = resolve_many(country, valid=ctx.countries(), kind="country")
    if q.country and "country" not in ind.columns:
        raise UsageError(f"indicator {ind.name} has no country column; drop --country (its columns: "
                         f"{', '.join(ind.columns)})")
    q.partner = _as_list(partner)
    if q.partner:
        if ind.partner_column is None:
            raise UsageError(f"indicator {ind.name} has no partner; drop --partner (its columns: "
                             f"{', '.join(ind.columns)})")
        q.partner = resolve_many(q.partner, kind="partner", aggregates=True)
    q.years = parse_years(years)
    if q.years:
        span = ctx.year_span(ind.inputs)
        if span and (q.years[1] < span[0] or q.years[0] > span[1]):
            raise UsageError(f"invalid years {years!r}: the data of {ind.name} cover {span[0]}-{span[1]}")
    q.source = _as_list(source)
    if q.source:
        labels = ctx.labels(ind)
        for s in q.source:
            if s not in labels:
                raise invalid_choice(f"source for {ind.name}", s, labels or ["(no data in this pack)"])
    q.flow = _as_list(flow, upper=False)
    if q.flow:
        if not ind.flows:
            raise UsageError(f"indicator {ind.name} has no flow; drop --flow")
        for f in q.flow:
            if f not in ind.flows:
                raise invalid_choice("flow", f, ind.flows)
    known = {p.name: p for p in ind.params}
    for key in params:
        if key not in known:
            raise unknown_option(ind, key)
    q.params = {p.name: p.convert(params[p.name]) if params.get(p.name) is not None else p.default
                for p in ind.params}
    return q


def unknown_option(ind: Indicator, key: str) -> UsageError:
    """The error for a keyword an indicator does not take: its parameters, the closest name (a filter's too, e.g.
    'year' → 'years') and the filters every indicator takes."""
    import difflib

    params = [p.name for p in ind.params]
    close = difflib.get_close_matches(key, list(FILTERS) + params, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return UsageError(f"invalid parameter of {ind.name} {key!r}; valid choices: {', '.join(params) or '(none)'}"
                      f"{hint} (the filters every indicator takes: {', '.join(FILTERS)})")


def build(ind: Indicator, ctx: Context, q: Query):
    """The indicator's Ibis expression with the request's filters applied (not executed)."""
    return _filtered(ind.func(ctx, q), ind, q)


def rows_table(ind: Indicator, ctx: Context, q: Query):
    """q's rows as an Ibis table (not executed): the indicator's whole output in the pack's indicator cache,
    filtered, when the cache can answer q (computed and kept there first when missing), else `build`'s expression.
    For callers that go on in Ibis (the crossover); the same rows either way."""
    paths = cached_output(ind, ctx, q)
    if paths is None:
        return build(ind, ctx, q)
    key = f"output:{paths}"
    if key not in ctx._memo:
        ctx._n_cached += 1
        files = [str(p) for p in paths]
        table = ctx.con.read_parquet(files if len(files) > 1 else files[0],
                                     table_name=f"_multipolar_out_{id(ctx):x}_{ctx._n_cached}")
        ctx._memo[key] = cache.as_computed(table, cache.stored_schema(paths[0], ctx.con.con))
    return _filtered(ctx._memo[key], ind, q)


def _filtered(t, ind: Indicator, q: Query):
    """Indicator rows t with q's filters applied, in the indicator's columns."""
    # One filter node and no projection when the columns are already right: every Ibis node costs compile time,
    # which dominates small queries (e.g. the claims' one-country look-ups).
    predicates = []
    if q.country:
        predicates.append(t.country.isin(q.country))
    if q.partner and ind.partner_column:
        predicates.append(t[ind.partner_column].isin(q.partner))
    if q.years:
        predicates.append(t.year.between(q.years[0], q.years[1]))
    if q.source:
        predicates.append(t.source.isin(q.source))
    if q.flow and "flow" in ind.columns:
        predicates.append(t.flow.isin(q.flow))
    if predicates:
        t = t.filter(*predicates)
    return t if tuple(t.columns) == tuple(ind.columns) else t.select(*ind.columns)


def expression(name: str, con=None, *, pack=None, backend: str = "duckdb", **filters):
    """The Ibis expression of an indicator, filtered, unexecuted: run it on any backend (`.to_pandas()`, …).

    con: an Ibis connection holding the canonical tables by name (e.g. `ibis.pyspark.connect(session)` with the
    pack's Parquet files registered) or a Context; default: the pack's connection for `backend`.
    """
    ind = get(name)
    if isinstance(con, Context):
        ctx = con
    else:
        ctx = Context(con) if con is not None else context(pack, backend)
    return build(ind, ctx, validate(ind, ctx, **filters))


def _year_ranges(years) -> str:
    """[2001, 2002, 2003, 2007] -> '2001-2003, 2007'."""
    out, run = [], []
    for y in sorted(years):
        if run and y == run[-1] + 1:
            run.append(y)
        else:
            if run:
                out.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
            run = [y]
    if run:
        out.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(out)


def gaps(frame, ind: Indicator, q: Query) -> list[str]:
    """Notes on years and sources missing from a result (a DataFrame or `Rows`): inside the requested years (or
    between a series' first and last year), per country and source; and requested sources with no rows at all.
    Never filled, only told."""
    notes = []
    columns = frame.column_names if hasattr(frame, "column_names") else list(frame.columns)
    if (frame.num_rows == 0) if hasattr(frame, "num_rows") else frame.empty:
        asked = ", ".join(filter(None, [",".join(q.country or []), ",".join(q.source or []),
                                        f"{q.years[0]}-{q.years[1]}" if q.years else ""]))
        return [f"no rows for {ind.name}" + (f" ({asked})" if asked else "")]
    if "year" not in columns or "source" not in columns:
        return notes
    keys = [k for k in ("country", "source", "flow") if k in columns]
    years, pairs = _year_groups(frame, keys)
    for key in sorted(years):
        present = years[key]
        first, last = (q.years if q.years else (min(present), max(present)))
        missing = [y for y in range(first, last + 1) if y not in present]
        if missing:
            label = dict(zip(keys, key))
            what = f"{label.get('source')}" + (f" {label['flow']}" if "flow" in label else "")
            notes.append(f"{what}: no {label.get('country', '')} data for {_year_ranges(missing)}".replace("  ", " "))
    sources = {source for source, _ in pairs}
    for s in q.source or []:
        for c in q.country or [None]:
            found = (s, c) in pairs if c is not None and "country" in columns else s in sources
            if not found:
                notes.append(f"{s}: no rows" + (f" for {c}" if c else "") + " with these filters")
    return notes


# Rows up to which a frame's gap notes are collected row by row in Python (beyond: pandas' groupby).
SMALL_FRAME = 20_000


def _missing(value) -> bool:
    """None, NaN or pandas' NA."""
    return value is None or (isinstance(value, float) and value != value) or type(value).__name__ == "NAType"


def _year_groups(frame, keys: list[str]) -> tuple[dict[tuple, set[int]], set[tuple]]:
    """({(country, source, flow) present: its years}, {(source, country or None)} of the rows), from an Arrow table,
    a DataFrame or `Rows`; rows with a missing key are in no group (as in pandas' groupby)."""
    if hasattr(frame, "num_rows"):  # Arrow: grouped by Arrow's own group_by
        import pyarrow.compute as pc

        valid = None
        for k in keys:
            ok = pc.is_valid(frame[k])
            valid = ok if valid is None else pc.and_(valid, ok)
        found = frame.select(keys + ["year"]).filter(valid).group_by(keys).aggregate([("year", "distinct")])
        groups = {tuple(row[k] for k in keys): {int(y) for y in row["year_distinct"] if y is not None}
                  for row in found.to_pylist()}
        by = ["source", "country"] if "country" in frame.column_names else ["source"]
        seen = frame.select(by).group_by(by).aggregate([]).to_pylist()
        return groups, {(row["source"], row.get("country")) for row in seen}
    if hasattr(frame, "groupby") and len(frame) <= SMALL_FRAME:  # its rows in Python: faster than a groupby
        from .rows import Rows

        columns = list(dict.fromkeys([*keys, "year", "source", *(["country"] if "country" in frame.columns else [])]))
        values = [frame[c].tolist() for c in columns]
        plain = [[None if _missing(v) else v for v in column] for column in values]
        frame = Rows(tuple(columns), list(zip(*plain)))
    if hasattr(frame, "groupby"):
        groups = {}
        for key, group in frame.groupby(keys, sort=True):
            groups[key if isinstance(key, tuple) else (key,)] = set(int(y) for y in group["year"].dropna().unique())
        country = frame["country"] if "country" in frame.columns else None
        pairs = set(zip(frame["source"], country if country is not None else [None] * len(frame)))
        return groups, pairs
    index = [frame.columns.index(k) for k in keys]
    y, src = frame.columns.index("year"), frame.columns.index("source")
    ci = frame.columns.index("country") if "country" in frame.columns else None
    groups: dict[tuple, set[int]] = {}
    pairs = set()
    for row in frame.rows:
        pairs.add((row[src], row[ci] if ci is not None else None))
        key = tuple(row[i] for i in index)
        if any(k is None for k in key):
            continue
        years = groups.setdefault(key, set())
        if row[y] is not None:
            years.add(int(row[y]))
    return groups, pairs


@functools.cache
def text_dtype():
    """The dtype of text columns of indicator frames: pandas' Arrow-backed string dtype with NaN for missing values
    (the default `str` dtype of pandas 3): no Python object per cell, so converting a result costs a quarter of the
    time."""
    return pd.StringDtype("pyarrow", na_value=float("nan"))


def arrow_to_pandas(table) -> pd.DataFrame:
    """An Arrow table as an indicator frame (text columns as `text_dtype()`)."""
    text = {pa.string(): text_dtype(), pa.large_string(): text_dtype()}
    return table.to_pandas(types_mapper=text.get)


def to_pandas(expr) -> pd.DataFrame:
    """Execute expr and convert through Arrow (Ibis' own to_pandas converts column by column in Python); text
    columns become `text_dtype()`."""
    return arrow_to_pandas(expr.to_pyarrow())


def compute(name: str, *, country=None, partner=None, years=None, source=None, flow=None, pack=None,
            backend: str = "duckdb", **params) -> pd.DataFrame:
    """An indicator as a pandas DataFrame, the source column kept; `frame.attrs['gaps']` lists missing years.

    country/partner: ISO3 code or list; years: 2019, '2000-2023' or (2000, 2023); source: label or list (see
    `list_indicators()`); flow: export | import | turnover (trade indicators); other keyword arguments are the
    indicator's parameters.

    A query with the indicator's default parameters is a filtered read of its whole output in the pack's indicator
    cache (computed once, at the first such query); any other is computed through Ibis on the cached shared
    tables (`cache.py`). Both give the same frame.
    """
    ind = get(name)
    ctx = context(pack, backend)
    q = validate(ind, ctx, country=country, partner=partner, years=years, source=source, flow=flow, **params)
    return _frame(ind, ctx, q)


def compute_rows(name: str, *, country=None, partner=None, years=None, source=None, flow=None, pack=None,
                 backend: str = "duckdb", **params):
    """`compute`'s result as `Rows` (plain Python values, the same as the frame's): read from the indicator cache
    without pandas when the query can be (what the command line prints), else converted from the frame."""
    from .rows import Rows

    ind = get(name)
    ctx = context(pack, backend)
    q = validate(ind, ctx, country=country, partner=partner, years=years, source=source, flow=flow, **params)
    import duckdb

    paths = cached_output(ind, ctx, q)
    try:
        result = _reader().execute(output_query(paths, ind, q, ordered=True)) if paths is not None else None
    except duckdb.IOException:  # the entry was removed meanwhile (an old variant pruned)
        result = None
    if result is None:
        return Rows.from_frame(_frame(ind, ctx, q))
    columns = [d[0] for d in result.description]
    rows = Rows.from_duckdb(columns, [d[1] for d in result.description], result.fetchall())
    rows.attrs["indicator"] = name
    rows.attrs["gaps"] = gaps(rows, ind, q)
    return rows


def _frame(ind: Indicator, ctx: Context, q: Query):
    """The frame of a validated query: from the indicator cache when it can answer, else computed."""
    paths = cached_output(ind, ctx, q)
    table = read_output(paths, ind, q, ordered=True) if paths is not None else None
    ordered = table is not None  # read in the frame's order
    if table is None:
        with ctx.lock:
            table = build(ind, ctx, q).to_pyarrow()
    notes = gaps(table, ind, q)
    frame = arrow_to_pandas(table)
    sort = [c for c in ind.sort if c in frame.columns]
    if sort and not frame.empty and not ordered:
        frame = frame.sort_values(sort, kind="stable")
    frame = frame.reset_index(drop=True)
    frame.attrs["indicator"] = ind.name
    frame.attrs["gaps"] = notes
    return frame




# ---------------------------------------------------------------------------------------------------------------
# Whole outputs in the indicator cache: a query with default parameters is a filtered read

_READERS = threading.local()


def output_name(ind: Indicator, q: Query) -> str | None:
    """The indicator cache's entry for q's whole output: `out-<indicator>` for the default parameters,
    `out-<indicator>-<param>=<value>,...` for other values of its integer, text and yes/no parameters (e.g. a
    claim's trade_growth from 2021 to 2023); None for a query the whole output cannot answer (other parameters,
    e.g. composite weights, or a filter the indicator's function reads: `Indicator.whole`)."""
    if ind.whole is not None and not ind.whole(q):
        return None
    changed = {p.name: q.params.get(p.name) for p in ind.params if q.params.get(p.name) != p.default}
    if not changed:
        return f"out-{ind.name}"
    if not all(isinstance(v, (int, str, bool)) and len(str(v)) <= 40 for v in changed.values()):
        return None
    return f"out-{ind.name}-" + ",".join(f"{k}={v}" for k, v in sorted(changed.items()))


def cached_output(ind: Indicator, ctx: Context, q: Query) -> list[Path] | None:
    """The files holding q's rows when q can be answered from its whole output (`output_name`): the pack's derived
    copy of it (derived.py); else, in the pack's indicator cache, the whole output's file when it is there; for a
    query naming countries, else, one file per country (`shard_name`: the whole output's rows of that country), those
    missing computed first in one query for the missing countries only (a cold query computes its countries, not
    every country); for a query naming none, the whole output, computed and written first when missing. None
    otherwise (no cache, another backend, other parameters). At most cache.MAX_VARIANTS entries of other parameter
    values are kept per indicator (the oldest go)."""
    store = ctx.store
    name = output_name(ind, q) if store is not None or ctx.derived else None
    if name is None:
        return None
    if name in ctx.derived:  # the pack's own copy, derived at pack build (derived.py)
        return [ctx.derived[name]]
    if store is None:
        return None
    found = store.find(name)
    if found is not None:
        return [found]
    if q.country and "country" in ind.columns:
        return _country_outputs(ind, ctx, q, name)

    def write(tmp: Path) -> None:
        with ctx.lock:
            whole = build(ind, ctx, Query(params=dict(q.params)))
            # Clustered by country: a query for one country reads a few row groups.
            ordered = whole.order_by("country") if "country" in whole.columns else whole
            cache.write_parquet(ctx.con, ordered, tmp, row_group_size=cache.ROW_GROUP)

    path = store.put(name, write)
    if path is not None and name != f"out-{ind.name}":
        store.prune(f"out-{ind.name}-", cache.MAX_VARIANTS, keep=path)
    return [path] if path is not None else None


def _rows_of_countries(ctx: Context, ind: Indicator, unfiltered, countries: list[str], name: str):
    """(Arrow rows, Arrow schema) of an indicator's unfiltered expression for some countries. On DuckDB the
    expression's SQL is compiled once per context and output (Ibis takes ~0.07 s to compile a trade indicator, as much
    as running it for one country), each later set of countries a WHERE around it (the filter Ibis itself wraps
    around it, pushed down to the scan the same way)."""
    key = f"sql:{name}"
    if key not in ctx._memo:
        whole = _filtered(unfiltered, ind, Query())
        compiled = None
        if getattr(ctx.con, "name", None) == "duckdb":
            ctx.con._run_pre_execute_hooks(whole)  # registers what the expression reads from memory, as Ibis does
            compiled = ctx.con.compile(whole)
        ctx._memo[key] = (whole, compiled, whole.schema().to_pyarrow())
    whole, compiled, schema = ctx._memo[key]
    if compiled is None:
        return _filtered(unfiltered, ind, Query(country=countries)).to_pyarrow(), schema
    values = ", ".join(_literal(c) for c in countries)
    return ctx.con.con.sql(f'SELECT * FROM ({compiled}) AS "t" WHERE "t"."country" IN ({values})').to_arrow_table(), schema


def shard_name(name: str, country: str) -> str:
    """The indicator cache's entry for the rows of one country of whole output `name`."""
    return f"shard-{name}.{country}"


def _country_outputs(ind: Indicator, ctx: Context, q: Query, name: str) -> list[Path] | None:
    """One file per country of q (see `cached_output`), the missing ones computed by one query and written."""
    store = ctx.store
    missing = [c for c in q.country if store.find(shard_name(name, c)) is None]
    if missing:
        import base64

        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        with ctx.lock:
            # The indicator's unfiltered expression built once per context and parameters, each country's query a
            # filter on it (pushed down to the scan): building it again per query would count as a reuse of its
            # memoised parts and materialise them whole (e.g. the shares of every country), which is what a query
            # naming a few countries avoids. (The function reads the parameters only, never the filters: `whole`.)
            key = f"unfiltered:{name}"
            if key not in ctx._memo:
                ctx._memo[key] = ind.func(ctx, Query(params=dict(q.params)))
            rows, schema = _rows_of_countries(ctx, ind, ctx._memo[key], missing, name)
        meta = {cache.SCHEMA_KEY.encode(): base64.b64encode(schema.serialize().to_pybytes())}
        rows = rows.cast(schema).replace_schema_metadata(meta)
        for country in missing:
            part = rows.filter(pc.equal(rows["country"], country))
            store.put(shard_name(name, country), lambda tmp, part=part: pq.write_table(part, tmp))
        if name != f"out-{ind.name}":
            store.prune(f"shard-out-{ind.name}-", cache.MAX_VARIANTS * 8)
    paths = [store.find(shard_name(name, c)) for c in q.country]
    return None if any(p is None for p in paths) else paths


def _reader():
    """This thread's DuckDB connection for cached reads (a connection serves one query at a time)."""
    con = getattr(_READERS, "con", None)
    if con is None:
        import duckdb

        con = _READERS.con = duckdb.connect()
        con.execute("SET enable_progress_bar = false")
        # Parquet footers read once per file (a claim check reads the same outputs dozens of times).
        con.execute("SET parquet_metadata_cache = true")
    return con


def output_query(paths: list[Path], ind: Indicator, q: Query, ordered: bool = False) -> str:
    """SQL reading q's rows from an indicator's whole output (its file, or its countries' files): the filters of
    `build`; ordered:
    in the order of `compute`'s frame (a stable sort by the indicator's sort columns, missing values last)."""
    # Values are written into the SQL as quoted literals: DuckDB prunes Parquet row groups on literals at planning
    # time, which halves the time of a small read against bound parameters.
    where = []

    def among(column: str, values) -> None:
        where.append(f'"{column}" IN ({", ".join(_literal(v) for v in values)})')

    if q.country:
        among("country", q.country)
    if q.partner and ind.partner_column:
        among(ind.partner_column, q.partner)
    if q.years:
        where.append(f"year BETWEEN {int(q.years[0])} AND {int(q.years[1])}")
    if q.source:
        among("source", q.source)
    if q.flow and "flow" in ind.columns:
        among("flow", q.flow)
    columns = ", ".join(f'"{c}"' for c in ind.columns)
    files = ", ".join(_literal(str(p)) for p in paths)
    source = f"read_parquet([{files}]" + (", file_row_number = true)" if ordered else ")")
    sql = f"SELECT {columns} FROM {source}" + (f" WHERE {' AND '.join(where)}" if where else "")
    if ordered:
        sort = [f'"{c}" ASC NULLS LAST' for c in ind.sort if c in ind.columns]
        sql += f" ORDER BY {', '.join(sort + ['file_row_number'])}"
    return sql


def _literal(value) -> str:
    """A SQL string literal (quotes doubled)."""
    return "'" + str(value).replace("'", "''") + "'"


def read_output(paths: list[Path], ind: Indicator, q: Query, ordered: bool = False):
    """q's rows of an indicator's cached whole output (its file, or its countries' files), as an Arrow table with
    the computed frame's types (None when a file is gone)."""
    import duckdb

    con = _reader()
    try:
        return con.sql(output_query(paths, ind, q, ordered)).to_arrow_table().cast(cache.stored_schema(paths[0], con))
    except duckdb.IOException:  # the entry was removed meanwhile (an old variant pruned): computed instead
        return None
