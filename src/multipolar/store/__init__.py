"""Read access to the data pack: load a table with filters, list and verify tables, an Ibis connection."""

from __future__ import annotations

import functools
import importlib
import re
from pathlib import Path

from .. import config
from ..errors import DataError, UsageError, invalid_choice
from ..lazy import pandas as pd
from ..lazy import pyarrow as pa
from .manifest import MANIFEST, manifest_for_reading, read_manifest

# YEAR or FIRST-LAST, spaces allowed around the dash; nothing else ('2019-' is not 2019).
_YEARS = re.compile(r"^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$")

__all__ = ["load", "load_arrow", "table_names", "verify", "connect", "build_pack", "rebuild_sources", "read_manifest",
           "parse_years"]
# Names served by submodules that import pyarrow (and the sources): loaded when first used, so that reading the
# manifest (every command does) costs no Arrow import.
_LAZY = {"build_pack": "pack", "rebuild_sources": "pack", "read_metadata": "tables", "read_table": "tables",
         "validate": "tables"}
_SUBMODULES = ("pack", "tables", "pulled")


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def table_names(pack: str | Path | None = None) -> list[str]:
    """Tables present in a pack."""
    return sorted(manifest_for_reading(pack)["tables"])


def parse_years(years) -> tuple[int, int] | None:
    """None, 2019, (2000, 2023), '2000-2023' or '2019' as an inclusive (first, last) pair; a UsageError for anything
    else ('2019-', '-2019', '2019-20x', a first year after the last, a year outside multipolar.dates' range)."""
    from ..dates import check_year

    if years is None:
        return None
    if isinstance(years, bool):
        raise UsageError(f"invalid years {years!r}; use YEAR or FIRST-LAST, e.g. 2000-2023")
    if isinstance(years, int):
        year = check_year(years, field="years")
        return (year, year)
    if isinstance(years, (tuple, list)) and len(years) == 2:
        first, last = check_year(years[0], field="years"), check_year(years[1], field="years")
    else:
        match = _YEARS.match(str(years))
        if not match:
            raise UsageError(f"invalid years {years!r}; use YEAR or FIRST-LAST, e.g. 2000-2023")
        first = check_year(match.group(1), field="years")
        last = check_year(match.group(2), field="years") if match.group(2) else first
    if first > last:
        raise UsageError(f"invalid years {years!r}: first year after last")
    return (first, last)


def _as_list(value) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v) for v in value]


def load_arrow(name: str, *, pack: str | Path | None = None, country=None, partner=None, year=None,
               source=None) -> pa.Table:
    """A pack table as Arrow, filtered. country matches any country column except a 'partner'-like one when
    partner is given (trade_flows: reporter; un_votes: country; arms: recipient)."""
    import pyarrow.compute as pc

    from ..schema import TABLES

    manifest = manifest_for_reading(pack)
    if name not in manifest["tables"]:
        raise invalid_choice("table", name, manifest["tables"])
    spec = TABLES[name]
    countries, partners, sources = _as_list(country), _as_list(partner), _as_list(source)
    columns = []
    if countries:
        first = [c for c in spec.country_columns if c not in ("partner", "supplier", "target", "country_b", "lender")]
        columns = first[:1] if partners else list(spec.country_columns)
    second = [c for c in ("partner", "supplier", "target", "country_b", "lender") if c in spec.columns]
    # Row groups whose statistics exclude a filter are not read: (column, values) pairs that must all hold.
    prune = [(columns[0], countries)] if len(columns) == 1 else []
    prune += [(second[0], partners)] if partners and second else []
    prune += [("source", sources)] if sources and "source" in spec.columns else []
    table = _read_pack_table(config.pack_dir(pack) / manifest["tables"][name]["file"], prune)
    if countries:
        mask = None
        for column in columns:
            hit = pc.is_in(table[column], value_set=pa.array(countries))
            mask = hit if mask is None else pc.or_(mask, hit)
        table = table.filter(mask) if mask is not None else table
    if partners:
        if not second:
            raise DataError(f"table {name} has no partner column")
        table = table.filter(pc.is_in(table[second[0]], value_set=pa.array(partners)))
    span = parse_years(year)
    if span:
        if "year" in table.column_names:
            years = table["year"]
        elif "period" in table.column_names:
            years = pc.cast(pc.utf8_slice_codeunits(table["period"], 0, 4), pa.int16())
        else:
            raise DataError(f"table {name} has no year column")
        table = table.filter(pc.and_(pc.greater_equal(years, span[0]), pc.less_equal(years, span[1])))
    if sources:
        valid = set(manifest["tables"][name]["coverage"].get("sources", []))
        unknown = [s for s in sources if s not in valid]
        if unknown:
            raise invalid_choice("source", unknown[0], valid)
        table = table.filter(pc.is_in(table["source"], value_set=pa.array(sources)))
    return table


def _read_pack_table(path: Path, prune=()):
    """A pack table file as Arrow, each row group read once per process (and again when the file changes): a claim
    check filters the same tables many times, and reading trade_flows whole costs 0.1 s each time. prune:
    (column, values) pairs; a row group whose min/max statistics of a column hold none of its values is skipped
    (the rows returned are those of the whole table that could match, in its order: callers filter them)."""
    stat = Path(path).stat() if Path(path).exists() else None
    entry = _read_cached(str(path), stat.st_mtime_ns if stat else None, stat.st_size if stat else None)
    with entry["lock"]:
        if entry["file"] is None:
            import pyarrow.parquet as pq

            try:
                entry["file"] = pq.ParquetFile(path)
            except (pa.ArrowInvalid, OSError):
                from .tables import read_table

                return read_table(Path(path))  # the error naming the file
        file = entry["file"]
        wanted = [i for i in range(file.metadata.num_row_groups) if _may_hold(file.metadata.row_group(i), prune)]
        groups = entry["groups"]
        for i in wanted:
            if i not in groups:
                try:
                    groups[i] = file.read_row_group(i)
                except (pa.ArrowInvalid, OSError) as exc:
                    raise DataError(f"cannot read Parquet: {exc}", file=path) from exc
        if len(wanted) == 1:
            return groups[wanted[0]]
        if not wanted:
            return file.schema_arrow.empty_table()
        return pa.concat_tables([groups[i] for i in wanted])


def _may_hold(group, prune) -> bool:
    """Whether a row group's statistics leave room for every (column, values) pair of prune."""
    names = None
    for column, values in prune:
        if names is None:
            names = {group.column(j).path_in_schema: j for j in range(group.num_columns)}
        j = names.get(column)
        stats = group.column(j).statistics if j is not None else None
        if stats is None or not stats.has_min_max:
            continue
        try:
            if not any(stats.min <= v <= stats.max for v in values):
                return False
        except TypeError:  # statistics of another type than the values: no pruning on them
            continue
    return True


@functools.lru_cache(maxsize=16)
def _read_cached(path: str, mtime_ns, size):
    import threading

    return {"lock": threading.Lock(), "file": None, "groups": {}}


def load(name: str, *, pack: str | Path | None = None, country=None, partner=None, year=None,
         source=None) -> pd.DataFrame:
    """A pack table as a pandas DataFrame, filtered by country, partner, year (2019, '2000-2023') and source."""
    return load_arrow(name, pack=pack, country=country, partner=partner, year=year, source=source).to_pandas()


def verify(pack: str | Path | None = None, *, complete: bool = True) -> list[str]:
    """Problems found in a pack: canonical tables missing from it (unless complete=False, for packs built from a
    few sources on purpose), missing files, checksum or schema mismatches, duplicate keys. Empty = sound."""
    from ..schema import TABLES
    from ..sources.base import sha256
    from .tables import read_metadata, read_table, validate

    folder = config.pack_dir(pack)
    problems: list[str] = []
    try:
        manifest = read_manifest(pack)
    except DataError as exc:
        return [exc.one_line()]
    missing = sorted(set(TABLES) - set(manifest["tables"]))
    if complete and missing:
        problems.append(f"{folder}: incomplete pack: {len(missing)} of the {len(TABLES)} canonical tables missing "
                        f"({', '.join(missing)}); rebuild the whole pack (multipolar data build-pack --out DIR)")
    for name, entry in sorted(manifest["tables"].items()):
        path = folder / entry["file"]
        if not path.exists():
            problems.append(f"{path}: missing")
            continue
        if sha256(path) != entry["sha256"]:
            problems.append(f"{path}: checksum differs from {MANIFEST}")
        if name not in TABLES:
            problems.append(f"{path}: unknown table {name}")
            continue
        try:
            table = read_table(path)
            if table.schema.remove_metadata() != TABLES[name].schema:
                problems.append(f"{path}: schema differs from the canonical schema of {name}")
            validate(table.to_pandas(), TABLES[name], origin=str(path))
            if table.num_rows != entry["coverage"]["rows"]:
                problems.append(f"{path}: {table.num_rows} rows, manifest says {entry['coverage']['rows']}")
            if read_metadata(path).get("sources") != entry["sources"]:
                problems.append(f"{path}: provenance in the file differs from {MANIFEST}")
        except DataError as exc:
            problems.append(exc.one_line())
    problems += _verify_derived(folder, manifest)
    return problems


def _verify_derived(folder: Path, manifest: dict) -> list[str]:
    """Problems of the pack's derived tables (manifest["derived"]): missing file, checksum, row count or provenance
    differing from the manifest, or a base table they were derived from no longer the version they record."""
    from ..sources.base import sha256
    from .tables import read_metadata

    problems = []
    for name, entry in sorted((manifest.get("derived") or {}).items()):
        path = folder / entry.get("file", f"derived_{name}.parquet")
        if not path.exists():
            problems.append(f"{path}: derived table {name} missing")
            continue
        if sha256(path) != entry.get("sha256"):
            problems.append(f"{path}: checksum differs from {MANIFEST}")
            continue
        for table, checksum in sorted(entry.get("derived_from", {}).items()):
            base = manifest["tables"].get(table)
            if base is None:
                problems.append(f"{path}: derived from {table}, which the pack does not hold")
            elif base["sha256"] != checksum:
                problems.append(f"{path}: derived from a version of {table} (sha256 {checksum[:12]}…) other than the "
                                f"pack's ({base['sha256'][:12]}…); rebuild the pack")
        try:
            import pyarrow.parquet as pq

            rows = pq.ParquetFile(path).metadata.num_rows
            if rows != entry.get("coverage", {}).get("rows"):
                problems.append(f"{path}: {rows} rows, manifest says {entry.get('coverage', {}).get('rows')}")
            stored = read_metadata(path)
            expected = {k: v for k, v in entry.items() if k not in ("file", "sha256", "bytes")}
            if stored != expected:
                problems.append(f"{path}: provenance in the file differs from {MANIFEST}")
        except (OSError, ValueError) as exc:
            problems.append(f"{path}: cannot read Parquet: {exc}")
    return problems


@functools.cache
def _connect(folder: str):
    import ibis

    con = ibis.duckdb.connect()
    manifest = read_manifest(folder)
    for name, entry in manifest["tables"].items():
        con.read_parquet(Path(folder) / entry["file"], table_name=name)
    return con


def connect(pack: str | Path | None = None):
    """An Ibis DuckDB connection with every pack table registered under its name (cached per pack folder)."""
    return _connect(str(config.pack_dir(pack)))
