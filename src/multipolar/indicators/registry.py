"""The indicator registry: metadata per indicator, the query a user asks, and the context indicators run in."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError, UsageError, invalid_choice

# The dimensions of influence an indicator can measure.
DIMENSIONS = ("trade", "security", "diplomacy", "finance", "composite")
# Trade flows as indicators report them: from the country's side; turnover = exports + imports.
FLOWS = ("export", "import", "turnover")


@dataclass(frozen=True)
class Param:
    """One parameter an indicator accepts beyond the common filters."""

    name: str
    default: Any
    doc: str
    kind: type = str  # int, float, str or dict: what a CLI string is converted to

    def convert(self, value):
        """The value as `kind`; a UsageError naming the parameter when it does not fit."""
        if value is None or isinstance(value, self.kind) and not (self.kind is int and isinstance(value, bool)):
            return value
        try:
            if self.kind is dict:
                return _parse_mapping(value)
            if self.kind is int:
                return int(str(value))
            if self.kind is float:
                return float(str(value))
            return self.kind(value)
        except (TypeError, ValueError) as exc:
            raise UsageError(f"invalid value {value!r} for parameter {self.name!r} ({self.kind.__name__} "
                             f"expected): {exc}") from None


def _parse_mapping(value) -> dict:
    """A dict from a dict, JSON text or 'key=1,key2=0.5' / 'key:1,key2:0.5'."""
    if isinstance(value, dict):
        return dict(value)
    text = str(value).strip()
    if text.startswith("{"):
        return dict(json.loads(text))
    out = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, sep, number = part.replace(":", "=").partition("=")
        if not sep:
            raise ValueError(f"{part!r} is not key=value")
        out[key.strip()] = float(number)
    return out


@dataclass(frozen=True)
class Indicator:
    """A named, documented function from canonical tables (Ibis) to a table with a source column."""

    name: str
    dimension: str
    title: str
    unit: str
    definition: str
    inputs: tuple[str, ...]          # canonical tables read
    sources: str                     # what the source labels of the output mean
    func: Callable                   # func(ctx, query) -> ibis.Table (no execution, no pandas)
    columns: tuple[str, ...]         # output columns, in order
    labels: Callable                 # labels(ctx) -> list of source labels the indicator can output in this pack
    params: tuple[Param, ...] = ()
    flows: tuple[str, ...] = ()      # valid values of the flow filter (empty: no flow column)
    partner_column: str | None = "partner"
    sort: tuple[str, ...] = ()
    # whole(query) -> whether the query's rows are the indicator's whole output (default parameters) filtered by
    # the query; None: always (the function reads the query's parameters only, never its filters).
    whole: Callable | None = None

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise invalid_choice(f"parameter of {self.name}", name, [p.name for p in self.params] or ["(none)"])


@dataclass
class Query:
    """What the user asked: filters (already validated) and the indicator's parameters."""

    country: list[str] | None = None
    partner: list[str] | None = None
    years: tuple[int, int] | None = None
    source: list[str] | None = None
    flow: list[str] | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str):
        return self.params[name]


INDICATORS: dict[str, Indicator] = {}


def _contains(outer, inner) -> bool:
    """Whether Ibis expression `outer` has `inner`'s node in its graph."""
    node = inner.op()
    return any(n == node for n in outer.op().find(type(node)))


def register(name: str, *, dimension: str, title: str, unit: str, definition: str, inputs, sources: str,
             columns, labels, params=(), flows=(), partner_column="partner", sort=(), whole=None):
    """Decorator adding an indicator function to the registry under `name`."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")

    def wrap(func):
        if name in INDICATORS:
            raise ValueError(f"indicator {name!r} registered twice")
        INDICATORS[name] = Indicator(
            name=name, dimension=dimension, title=title, unit=unit, definition=" ".join(definition.split()),
            inputs=tuple(inputs), sources=" ".join(sources.split()), func=func, columns=tuple(columns),
            labels=labels, params=tuple(params), flows=tuple(flows), partner_column=partner_column,
            sort=tuple(sort) or tuple(c for c in ("country", "partner", "flow", "source", "year") if c in columns),
            whole=whole)
        return func

    return wrap


class MissingTableError(DataError):
    """An indicator needs a canonical table the pack (or connection) does not hold."""


class Context:
    """An Ibis connection plus what indicators share on it: the pack manifest and memoised sub-expressions.

    Memoised expressions (e.g. the trade views every trade indicator starts from) are materialised once per
    context (a temporary table in DuckDB, Ibis' `.cache()` elsewhere, e.g. a cached DataFrame in Spark). With a
    `store` (the indicator cache of the pack, `cache.py`; DuckDB only), they are materialised at their first use as
    Parquet files there, and every later context, in this process or another, reads them instead of computing them.
    """

    def __init__(self, con, manifest: dict | None = None, *, materialize: bool = True, folder=None, store=None,
                 derived: dict | None = None):
        """con: an Ibis connection, or a function making one (called when an expression first needs it, so that a
        query the indicator cache answers never imports Ibis). folder: the pack folder of `manifest`, when the
        connection does not hold its tables yet: each is then read (registered on the connection) the first time
        an indicator asks for it. store: the pack's indicator cache (`cache.Store`) or None. derived: {memo key:
        file} of the pack's derived tables standing for memoised expressions (`derived.available`; DuckDB only)."""
        self._con = con
        self.manifest = manifest
        self.materialize = materialize
        self.folder = folder
        self.store = store
        self.derived = dict(derived or {})
        self._lock = threading.RLock()  # one expression at a time on the connection (it is not thread-safe)
        self._opened: dict[str, Any] = {}  # table name -> Ibis table
        self._memo: dict[str, Any] = {}
        self._tables: set[str] | None = None
        self._n_cached = 0
        self._uses: dict[str, int] = {}
        self._materialized: set[str] = set()
        self._policy: dict[str, bool | str] = {}  # memo key -> its cache policy
        self._batch = 0  # > 0 inside batch(): "reused" expressions are materialised at first use
        self._unkept: set[str] = set()  # memo keys never kept in the store

    @property
    def con(self):
        """The Ibis connection (made at first use when the context was given a function making it)."""
        if callable(self._con) and not hasattr(self._con, "table"):
            with self._lock:
                if callable(self._con) and not hasattr(self._con, "table"):
                    self._con = self._con()
        return self._con

    @property
    def lock(self):
        """Held while an expression of this context is built or run: its connection serves one query at a time."""
        return self._lock

    def labels(self, ind) -> list[str]:
        """The source labels indicator `ind` can output in this pack (from the indicator cache when it has them)."""
        key = f"labels:{ind.name}"
        if key not in self._memo:
            found = self.store.read_json(f"labels-{ind.name}") if self.store is not None else None
            if found is None:
                with self._lock:  # a query on the connection
                    found = list(ind.labels(self))
                if self.store is not None:
                    self.store.write_json(f"labels-{ind.name}", found)
            self._memo[key] = found
        return self._memo[key]

    def has(self, name: str) -> bool:
        """Whether the connection holds table `name` (the manifest says so, or the backend finds it)."""
        if self.manifest and "tables" in self.manifest:
            return name in self.manifest["tables"]
        if self._tables is None:
            self._tables = set()
        if name not in self._tables:
            # Ask for the one table: list_tables() fails on some Ibis/DuckDB version pairs.
            try:
                self.con.table(name)
            except Exception:  # noqa: BLE001 - every backend has its own "not found" error
                return False
            self._tables.add(name)
        return True

    def table(self, name: str, needed_by: str = ""):
        """The Ibis table `name`; a MissingTableError saying which indicator needs it when absent."""
        if not self.has(name):
            who = f" (needed by {needed_by})" if needed_by else ""
            raise MissingTableError(f"table {name!r} is not in the data pack{who}; rebuild the pack with the source "
                                    f"that provides it (`multipolar data build-pack`)")
        if name not in self._opened:
            if self.folder is not None:
                file = Path(self.folder) / self.manifest["tables"][name]["file"]
                self._opened[name] = self.con.read_parquet(file, table_name=name)
            else:
                self._opened[name] = self.con.table(name)
        return self._opened[name]

    def memo(self, key: str, build: Callable, *, cache: bool | str = "reused", keep: bool = True):
        """build() once per context. cache=True: materialise it on the backend at once; "reused" (default):
        materialise it when it would be computed a second time (a sub-expression used once is cheaper left
        inline); False: never. keep: with a store (the indicator cache), a materialised expression is kept there
        for every later context, and materialised at its first use (keep=False: one cheaply derived from a kept
        one and as large, e.g. the trade shares from the views, is only materialised as the policy says).

        "A second time" counts the memoised expressions built on it: materialising one of them first materialises
        the inline memoised expressions inside it (it would compute them again). Once an expression is
        materialised, every memoised expression built on it reads its table instead (the node is replaced in
        their Ibis graphs)."""
        self._uses[key] = self._uses.get(key, 0) + 1
        if not keep:
            self._unkept.add(key)
        if key not in self._memo:
            stored = self._stored(key) if cache is not False else None
            if stored is not None:
                self._memo[key] = stored
                self._policy[key] = cache
                self._materialized.add(key)
                return stored
            self._memo[key] = build()
            self._policy[key] = cache
            persist = self._persists(key)
            if cache is True or (cache == "reused" and (self._batch or persist)):
                self._store(key)
        elif cache == "reused":
            self._store(key)
        return self._memo[key]

    def _persists(self, key: str) -> bool:
        """Whether memoised expression `key` is kept in the indicator cache (a store, DuckDB, an Ibis expression)."""
        return (self.store is not None and self.materialize and key not in self._unkept
                and getattr(self.con, "name", "") == "duckdb" and hasattr(self._memo.get(key), "op"))

    def _stored(self, key: str):
        """The memoised expression `key` read from the pack's derived tables or the indicator cache, or None when
        neither has it."""
        from . import cache

        if key in self.derived:  # computed at pack build by the same expression (derived.py)
            import pyarrow.parquet as pq

            path = self.derived[key]
            self._n_cached += 1
            table = self.con.read_parquet(path, table_name=f"_multipolar_memo_{id(self):x}_{self._n_cached}")
            return cache.as_computed(table, pq.read_schema(path).remove_metadata())
        if self.store is None or not self.materialize or key in self._unkept:
            return None
        path = self.store.find(f"memo-{key}")
        if path is None:
            return None
        self._n_cached += 1
        table = self.con.read_parquet(path, table_name=f"_multipolar_memo_{id(self):x}_{self._n_cached}")
        return cache.as_computed(table, cache.stored_schema(path, self.con.con))

    @contextlib.contextmanager
    def batch(self):
        """For a caller about to ask for many indicators (crossover, report): inside the block, memoised "reused"
        expressions are materialised at their first use, as they will be used again."""
        with self._lock:
            self._batch += 1
        try:
            yield self
        finally:
            with self._lock:
                self._batch -= 1

    def _inline(self):
        """(key, expression) of the memoised Ibis expressions not materialised."""
        return [(k, v) for k, v in self._memo.items() if k not in self._materialized and hasattr(v, "op")]

    def _store(self, key: str) -> None:
        """Materialise the memoised expression `key` (when this context materialises at all), after the inline
        memoised "reused" expressions it contains; then point the other memoised expressions at its table."""
        if not self.materialize or key in self._materialized:
            return
        for other in [k for k, _ in self._inline() if k != key]:
            # (re-read: storing one may have pointed the others, and `key`, at its table)
            if (other not in self._materialized and self._policy.get(other) == "reused"
                    and _contains(self._memo[key], self._memo[other])):
                self._store(other)
        expr = self._memo[key]
        table = self._materialize(expr, key)
        self._memo[key] = table
        self._materialized.add(key)
        for other, dependent in self._inline():
            if _contains(dependent, expr):
                self._memo[other] = dependent.op().replace({expr.op(): table.op()}).to_expr()

    def _materialize(self, expr, key: str | None = None):
        """Compute expr once on the backend and return a table reading the result.

        DuckDB with a store: a Parquet file in the indicator cache (read by every later context); without: a
        temporary table (gone with the connection). Ibis' own .cache() is avoided there because its clean-up issues
        a DROP that sqlglot 30 renders without the table name. Spark: a local checkpoint registered as a temporary
        view. Other backends: .cache().
        """
        if getattr(self.con, "name", "") == "duckdb":
            from . import cache

            self._n_cached += 1
            name = f"_multipolar_memo_{id(self):x}_{self._n_cached}"
            schema = expr.schema()
            if key is not None and self.store is not None and key not in self._unkept:
                path = self.store.get_or_put(f"memo-{key}", lambda tmp: cache.write_parquet(self.con, expr, tmp))
                if path is not None:
                    return cache.as_computed(self.con.read_parquet(path, table_name=name), schema)
            # (DuckDB may store a narrower type than Ibis gives the expression, e.g. int32 for int64: the table is
            # read with the expression's types, so an indicator gives the same frame with or without it.)
            return cache.as_computed(self.con.create_table(name, expr, temp=True), schema)
        # Ibis' .cache() runs the query without registering the in-memory tables (memtables) in it, as its
        # execute methods do first: register them here.
        register = getattr(self.con, "_run_pre_execute_hooks", None)
        if register is not None:
            register(expr)
        session = getattr(self.con, "_session", None)
        if getattr(self.con, "name", "") == "pyspark" and session is not None:
            # Spark's cache() keeps the whole lineage in every plan built on it, and Catalyst analyses it again each
            # time (the composite's plans took minutes and ran a 1 GB heap out of memory); a local checkpoint
            # computes it once and cuts the lineage, so later plans start from its rows.
            from . import cache

            self._n_cached += 1
            name = f"_multipolar_memo_{id(self):x}_{self._n_cached}"
            schema = expr.schema()
            session.sql(self.con.compile(expr)).localCheckpoint(eager=True).createOrReplaceTempView(name)
            return cache.as_computed(self.con.table(name), schema)
        return expr.cache()

    def sources_of(self, name: str) -> list[str]:
        """The raw source ids present in table `name` (from the manifest when there is one, else by query)."""
        if not self.has(name):
            return []
        if self.manifest and name in self.manifest.get("tables", {}):
            cover = self.manifest["tables"][name].get("coverage", {})
            if "sources" in cover:
                return list(cover["sources"])
        key = f"sources_of:{name}"
        if key not in self._memo:
            table = self.table(name)
            self._memo[key] = sorted(table.select("source").distinct().to_pyarrow().column(0).to_pylist())
        return self._memo[key]

    def year_span(self, names) -> tuple[int, int] | None:
        """The widest (first, last) year the tables cover, from the manifest (None when unknown)."""
        spans = []
        for name in names:
            entry = (self.manifest or {}).get("tables", {}).get(name)
            if not entry:
                continue
            cover = entry.get("coverage", {})
            for key in ("years", "periods"):
                if key in cover:
                    spans.append((int(str(cover[key][0])[:4]), int(str(cover[key][1])[:4])))
                    break
        if not spans:
            return None
        return (min(s[0] for s in spans), max(s[1] for s in spans))

    def countries(self) -> list[str] | None:
        """Countries the pack keeps ties for (None when unknown: an ad hoc connection)."""
        if self.manifest and "pack_countries" in self.manifest:
            return list(self.manifest["pack_countries"])
        return None
