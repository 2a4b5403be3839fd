"""Computing indicators: validate a request at the boundary, build the Ibis expression, run it on a backend."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from .. import config
from ..countries import resolve_many
from ..errors import DataError, UsageError, invalid_choice
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


def context(pack: str | Path | None = None, backend: str = "duckdb") -> Context:
    """The (cached) context for a pack folder on a backend."""
    if backend not in BACKENDS:
        raise invalid_choice("backend", backend, BACKENDS)
    from .. import store

    folder = config.pack_dir(pack)
    key = (str(folder), backend)
    if key not in _CONTEXTS:
        manifest = store.read_manifest(folder)
        if backend == "duckdb":
            # A fresh connection reading each pack table when first asked for (a CLI call needs only a few).
            import ibis

            _CONTEXTS[key] = Context(ibis.duckdb.connect(), manifest, folder=folder)
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
        labels = ind.labels(ctx)
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
    t = ind.func(ctx, q)
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


def gaps(frame: pd.DataFrame, ind: Indicator, q: Query) -> list[str]:
    """Notes on years and sources missing from a result: inside the requested years (or between a series' first
    and last year), per country and source; and requested sources with no rows at all. Never filled, only told."""
    notes = []
    if frame.empty:
        asked = ", ".join(filter(None, [",".join(q.country or []), ",".join(q.source or []),
                                        f"{q.years[0]}-{q.years[1]}" if q.years else ""]))
        return [f"no rows for {ind.name}" + (f" ({asked})" if asked else "")]
    if "year" not in frame.columns or "source" not in frame.columns:
        return notes
    keys = [k for k in ("country", "source", "flow") if k in frame.columns]
    for key, group in frame.groupby(keys, sort=True):
        present = set(int(y) for y in group["year"].dropna().unique())
        first, last = (q.years if q.years else (min(present), max(present)))
        missing = [y for y in range(first, last + 1) if y not in present]
        if missing:
            label = dict(zip(keys, key if isinstance(key, tuple) else (key,)))
            what = f"{label.get('source')}" + (f" {label['flow']}" if "flow" in label else "")
            notes.append(f"{what}: no {label.get('country', '')} data for {_year_ranges(missing)}".replace("  ", " "))
    for s in q.source or []:
        for c in q.country or [None]:
            hit = frame["source"] == s
            if c is not None and "country" in frame.columns:
                hit &= frame["country"] == c
            if not hit.any():
                notes.append(f"{s}: no rows" + (f" for {c}" if c else "") + " with these filters")
    return notes


# Text columns of indicator frames: pandas' Arrow-backed string dtype with NaN for missing values (the default
# `str` dtype of pandas 3): no Python object per cell, so converting a result costs a quarter of the time.
TEXT = pd.StringDtype("pyarrow", na_value=np.nan)
_TEXT_TYPES = {pa.string(): TEXT, pa.large_string(): TEXT}


def to_pandas(expr) -> pd.DataFrame:
    """Execute expr and convert through Arrow (Ibis' own to_pandas converts column by column in Python); text
    columns become TEXT."""
    return expr.to_pyarrow().to_pandas(types_mapper=_TEXT_TYPES.get)


def compute(name: str, *, country=None, partner=None, years=None, source=None, flow=None, pack=None,
            backend: str = "duckdb", **params) -> pd.DataFrame:
    """An indicator as a pandas DataFrame, the source column kept; `frame.attrs['gaps']` lists missing years.

    country/partner: ISO3 code or list; years: 2019, '2000-2023' or (2000, 2023); source: label or list (see
    `list_indicators()`); flow: export | import | turnover (trade indicators); other keyword arguments are the
    indicator's parameters.
    """
    ind = get(name)
    ctx = context(pack, backend)
    q = validate(ind, ctx, country=country, partner=partner, years=years, source=source, flow=flow, **params)
    frame = to_pandas(build(ind, ctx, q))
    sort = [c for c in ind.sort if c in frame.columns]
    if sort and not frame.empty:
        frame = frame.sort_values(sort, kind="stable")
    frame = frame.reset_index(drop=True)
    frame.attrs["indicator"] = name
    frame.attrs["gaps"] = gaps(frame, ind, q)
    return frame


