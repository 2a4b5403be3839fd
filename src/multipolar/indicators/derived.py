"""The pack's derived tables: what every query starts from (the trade views, the crossover of every pack state, the
whole outputs of the small indicators the report and the re-routing summary read), computed at pack build by the
indicators' own expressions, kept in the pack with their provenance, and read back instead of recomputed while they
are current.

- Built by `derive_tables` (the step `multipolar data build-pack` adds to `store.build_pack`): the same Ibis
  expressions and crossover code a query runs, on the new pack's base tables, on DuckDB with one thread (sums added
  in one order: the same bits at every build), rows in a fixed order, written like every pack table (zstd, the
  provenance in the file). Each manifest entry (`manifest["derived"][name]`) records what derived it (`derived_by`),
  from which base tables and their checksums (`derived_from`), the stamp of the code that computed it (`code`: a hash
  of the files deciding the values, `CODE`, and of the engines' versions) and the sources behind it.
- Read by `available`: a derived table is used only while its code stamp is this installation's and the base tables
  it was derived from still have the checksums it records; otherwise (an older pack, a pack built by other code, a
  table rebuilt since) it is computed on the fly, as without it. `$MULTIPOLAR_DERIVED=off` turns them off.
- Values, `source` labels and `quality` flags are the expressions' own: a derived table is what they compute, stored.
- Budget: derived tables are added in the order of DERIVED (most time saved per byte first) while the pack stays
  within its size budget (`store.pack.PACK_BUDGET`); one that does not fit is left out, and the manifest says so
  (`derived_left_out`): it is then computed on the fly, so a growing pack never fails to build for them.
"""

from __future__ import annotations

import functools
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .. import __version__

# File name prefix of the derived tables in a pack folder.
PREFIX = "derived_"
# Environment variable turning the derived tables off ("0", "off", "no", "false"): every query computes them.
ENV = "MULTIPOLAR_DERIVED"
# The package's source files whose code decides the derived tables' values: a change to any of them makes the derived
# tables of a pack built before it unused (computed on the fly) until the pack is rebuilt. The running machinery
# (api.py, cache.py, rows.py, registry.py: filters, caching, the context) is left out: it decides how, not what, and
# the tests compare the derived tables with what it computes.
CODE = ("indicators", "countries.py", "memberships.py")
CODE_EXCLUDED = ("indicators/__init__.py", "indicators/api.py", "indicators/cache.py", "indicators/rows.py",
                 "indicators/registry.py")
# Engines whose versions are part of the code stamp.
ENGINES = ("duckdb", "ibis-framework", "sqlglot", "pandas", "pyarrow")

_PACKAGE = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Derived:
    """One derived table: its name (the memoised expression, `crossover`, or the indicator cache's whole-output entry
    `out-<indicator>[-<param>=<value>]` it stands for), what it holds, what computes it, the base tables it reads and
    its key; for an indicator's whole output, the indicator and its parameters."""

    name: str
    description: str
    derived_by: str
    inputs: tuple[str, ...]
    key: tuple[str, ...]
    indicator: str | None = None
    params: tuple = ()


def _output(indicator: str, **params) -> Derived:
    """The whole output of a registered indicator (every country, partner, year, source and flow) for `params`."""
    from .registry import INDICATORS

    ind = INDICATORS[indicator]
    name = f"out-{indicator}" + ("-" + ",".join(f"{k}={v}" for k, v in sorted(params.items())) if params else "")
    what = f"{indicator} ({', '.join(f'{k}={v}' for k, v in sorted(params.items()))})" if params else indicator
    return Derived(name, f"The whole output of the indicator {what}: {ind.title}",
                   f"the indicator {what} (multipolar.indicators)", tuple(sorted(ind.inputs)), ind.sort,
                   indicator=indicator, params=tuple(sorted(params.items())))


# The crossover's measures read these tables (the indicators' declared inputs).
_CROSSOVER_INPUTS = ("alliances", "arms_transfers", "development_finance", "events", "macro", "shared_igos",
                     "trade_flows", "un_agreement", "un_roll_calls", "un_votes")

def specs() -> tuple[Derived, ...]:
    """Every derived table, in the order they are added within the budget (most time saved per byte first)."""
    return (DERIVED[1],) + tuple(_output(name, **params) for name, params in OUTPUTS) + (DERIVED[0],)


# Indicators whose whole outputs are derived: small (tens of kB), and read by the report's series and the re-routing
# summary; computing them cold costs seconds (the composite, the re-routing sums over product_trade).
OUTPUTS = (("influence_score", {}), ("arms_share_5y", {}), ("un_agreement", {}), ("finance_commitments", {}),
           ("rerouting_growth", {}), ("rerouting_leakage", {}), ("rerouting_leakage", {"by": "product"}),
           ("rerouting_roundabout", {}))

DERIVED = (
    Derived("trade_views",
            "The trade views every trade indicator starts from: one row per (country, partner, year, flow, source "
            "view) with its value in USD, basis, valuation and flags (own, mirror and reconciled views; exports, "
            "imports and turnover)",
            "the trade views (multipolar.indicators.trade.views)", ("trade_flows",),
            ("country", "partner", "year", "flow", "source")),
    Derived("crossover",
            "The crossover table of every pack state on every dimension (who leads, since when, by whose numbers, "
            "with the reading's quality flags and notes): what `multipolar crossover` and the report read",
            "crossover (multipolar.indicators.crossover.crossover) of every pack state but the two powers, on every "
            "dimension", _CROSSOVER_INPUTS, ("country", "dimension", "source", "measure")),
)


def enabled() -> bool:
    """Whether derived tables are read (they are unless $MULTIPOLAR_DERIVED says off)."""
    return os.environ.get(ENV, "").strip().lower() not in ("0", "off", "no", "false")


def code_files() -> list[Path]:
    """The files of CODE (less CODE_EXCLUDED), in a fixed order."""
    files = []
    for name in CODE:
        path = _PACKAGE / name
        found = [path] if path.is_file() else sorted(path.rglob("*.py"))
        files += [f for f in found if f.is_file() and f.relative_to(_PACKAGE).as_posix() not in CODE_EXCLUDED]
    return files


@functools.cache
def code_stamp() -> str:
    """A hash of the code deciding the derived tables' values, the package version and the engines' versions."""
    from importlib import metadata

    digest = hashlib.sha256(__version__.encode())
    for name in ENGINES:
        try:
            digest.update(f"{name}={metadata.version(name)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-;".encode())
    for path in code_files():
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def _why_not(entry: dict, manifest: dict, folder: Path) -> str | None:
    """Why a derived table cannot be used in place of its computation (None: it can)."""
    if entry.get("code") != code_stamp():
        return ("derived by other code than this installation's (rebuild the pack with `multipolar data build-pack` "
                "to use it); computed on the fly meanwhile")
    for table, checksum in sorted(entry.get("derived_from", {}).items()):
        if manifest.get("tables", {}).get(table, {}).get("sha256") != checksum:
            return f"derived from another version of {table} than the pack holds; computed on the fly"
    if not (Path(folder) / entry.get("file", "")).is_file():
        return "file missing; computed on the fly"
    return None


def available(folder, manifest: dict) -> dict[str, Path]:
    """{name: file} of the pack's derived tables that stand for their computation here (see the module docstring)."""
    if not enabled():
        return {}
    found = {}
    for name, entry in sorted((manifest.get("derived") or {}).items()):
        if _why_not(entry, manifest, Path(folder)) is None:
            found[name] = Path(folder) / entry["file"]
    return found


def status(folder, manifest: dict) -> list[str]:
    """One line per derived table of the pack: used, or why not (none: the pack has no derived tables)."""
    lines = []
    for name, entry in sorted((manifest.get("derived") or {}).items()):
        why = _why_not(entry, manifest, Path(folder))
        lines.append(f"{name}: " + (f"{entry.get('coverage', {}).get('rows', '?'):,} rows, read instead of computed"
                                    if why is None else why))
    return lines


def _context(folder: Path, manifest: dict):
    """A fresh DuckDB context over the pack being built, one thread (the same sums, in the same order, every build)."""
    import ibis

    from .registry import Context

    con = ibis.duckdb.connect()
    con.raw_sql("SET threads = 1")
    con.raw_sql("SET enable_progress_bar = false")
    return Context(con, manifest, folder=folder)


def _sources(manifest: dict, inputs) -> list[dict]:
    """The sources behind the input tables (id, producer, licence, citation), each once, by id."""
    found = {}
    for table in inputs:
        for record in manifest["tables"][table]["sources"]:
            found.setdefault(record["id"], {k: record[k] for k in ("id", "producer", "licence", "citation")
                                            if k in record})
    return [found[k] for k in sorted(found)]


def _compute(ctx, wanted: list[Derived]) -> dict:
    """{name: Arrow table} of the wanted derived tables, computed by the indicators' own code on ctx."""
    import base64

    import pyarrow as pa

    from . import api, cache

    out = {}
    names = {d.name for d in wanted}
    with ctx.batch():  # the crossover, the outputs and the views share the trade views: computed once
        for d in wanted:
            if d.indicator is None:
                continue
            ind = api.get(d.indicator)
            q = api.validate(ind, ctx, **dict(d.params))
            assert api.output_name(ind, q) == d.name, (d.name, api.output_name(ind, q))
            expr = api.build(ind, ctx, q)
            table = expr.to_pyarrow()
            # Every column in the sort (the indicator's sort columns first): one order, the same bytes every build.
            order = list(dict.fromkeys([*ind.sort, *ind.columns]))
            table = table.sort_by([(c, "ascending") for c in order])
            schema = expr.schema().to_pyarrow()  # read back with exactly the expression's types (cache.py)
            meta = {cache.SCHEMA_KEY.encode(): base64.b64encode(schema.serialize().to_pybytes())}
            out[d.name] = table.cast(schema).replace_schema_metadata(meta)
        if "crossover" in names:
            from .crossover import CROSSOVER_DIMENSIONS, _crossover, targets

            frame = _crossover(ctx, targets(ctx), list(CROSSOVER_DIMENSIONS))
            out["crossover"] = pa.Table.from_pandas(frame, preserve_index=False)  # its row order kept
        if "trade_views" in names:
            from .trade import views

            table = views(ctx).to_pyarrow()
            key = [(c, "ascending") for c in ("country", "partner", "year", "flow", "source", "basis")]
            out["trade_views"] = table.sort_by(key)
    return out


def derive_tables(folder: Path, manifest: dict, progress=None) -> dict:
    """Compute every derived table whose inputs the pack being built in `folder` holds, write it there and return
    {name: manifest entry} (the step `store.build_pack(derive=...)` runs before the pack is swapped in)."""
    from ..sources.base import sha256
    from ..store.tables import write_table

    from ..store.pack import PACK_BUDGET

    wanted = [d for d in specs() if all(t in manifest["tables"] for t in d.inputs)]
    if not wanted:
        return {}
    if progress:
        progress("deriving " + ", ".join(d.name for d in wanted), 0, 1)
    tables = _compute(_context(Path(folder), manifest), wanted)
    stamp = code_stamp()
    entries = {}
    room = PACK_BUDGET - sum(e["bytes"] for e in manifest["tables"].values())
    left_out = []
    for d in wanted:
        table = tables[d.name]
        entry = {
            "description": d.description,
            "derived_by": d.derived_by,
            "derived_from": {t: manifest["tables"][t]["sha256"] for t in d.inputs},
            "derivation": f"derived by {d.derived_by} from {', '.join(d.inputs)}, at pack build (DuckDB, one "
                          f"thread); values, source labels and quality flags as computed, rows in a fixed order",
            "code": stamp,
            "key": list(d.key),
            "columns": {f.name: str(f.type) for f in table.schema},
            "coverage": {"rows": table.num_rows},
            "sources": _sources(manifest, d.inputs),
        }
        path = Path(folder) / f"{PREFIX}{d.name}.parquet"
        write_table(table, path, entry, keep_metadata=True)
        size = path.stat().st_size
        if size > room:  # over the pack's budget: left out (computed on the fly), and said so
            path.unlink()
            left_out.append({"name": d.name, "bytes": size, "reason": f"over the pack's budget by {size - room:,} "
                                                                      "bytes; computed on the fly"})
            continue
        room -= size
        entry["file"] = path.name
        entry["sha256"] = sha256(path)
        entry["bytes"] = size
        entries[d.name] = entry
    if left_out:
        manifest["derived_left_out"] = left_out
    return entries


__all__ = ["DERIVED", "Derived", "available", "status", "derive_tables", "code_stamp", "enabled"]
