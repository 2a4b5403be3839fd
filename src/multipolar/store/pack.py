"""Build the data pack (compact Parquet tables + manifest.json) from the raw sources, atomically and reproducibly."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from .. import config
from ..countries import FOCUS, POWERS
from ..errors import DataError, MultipolarError, UsageError
from ..schema import TABLES, spec
from ..sources import SOURCE_MODULES, load_source
from ..sources.base import sha256
from .manifest import MANIFEST, read_manifest
from .tables import ROW_GROUP, read_table, validate, write_table

# Version of the pack layout; bump when manifest fields or table meanings change.
PACK_FORMAT = 1
# Countries whose ties the pack keeps: rows where any country column is one of these (or the world total).
PACK_COUNTRIES = tuple(sorted(set(FOCUS) | set(POWERS)))
# Suffix of the lock file beside a pack folder that a build holds (".pack.build-lock" for a folder named pack).
LOCK_SUFFIX = ".build-lock"
# Largest pack we accept to ship (bytes).
PACK_BUDGET = 15 * 1024 * 1024
# Tables written in several row groups (rows per group): sorted by their key (reporter first), so a read filtered by
# reporter (a claim check's Eurostat figures) decompresses one group of trade_flows instead of all 480,000 rows, for
# ~0.7 MB more pack (zstd compresses each group apart).
ROW_GROUPS = {"trade_flows": 1 << 16}

Progress = Callable[[str, int, int], None]
# The step adding derived tables to a pack being built: derive(staging folder, manifest so far, progress) writes
# their files into the folder and returns {name: manifest entry} (multipolar.indicators.derived.derive_tables).
Derive = Callable[[Path, dict, "Progress | None"], dict]


def _focus_filter(table: pa.Table, country_columns: Sequence[str]) -> pa.Table:
    """Rows where at least one country column names a pack country."""
    if not country_columns:
        return table
    keep = pa.array(PACK_COUNTRIES)
    mask = None
    for column in country_columns:
        hit = pc.is_in(table[column], value_set=keep)
        hit = pc.fill_null(hit, False)
        mask = hit if mask is None else pc.or_(mask, hit)
    return table.filter(mask)


def _coverage(table: pa.Table, country_columns: Sequence[str]) -> dict:
    """Years (or periods), number of countries and sources a table covers."""
    cover: dict = {"rows": table.num_rows}
    for column in ("year", "period", "session"):
        if column in table.column_names and table.num_rows:
            values = table[column]
            cover[f"{column}s"] = [pc.min(values).as_py(), pc.max(values).as_py()]
            break
    if country_columns and table.num_rows:
        countries = set()
        for column in country_columns:
            countries.update(v for v in pc.unique(table[column]).to_pylist() if v)
        cover["countries"] = len(countries)
    if "source" in table.column_names:
        cover["sources"] = sorted(pc.unique(table["source"]).to_pylist())
    return cover


def _origin_record(origin, files: list[Path], data_dir: Path) -> dict:
    record = origin.provenance()
    record["files"] = [{"path": str(f.relative_to(data_dir)), "sha256": sha256(f), "bytes": f.stat().st_size}
                       for f in files]
    return record


def parse_sources(data_dir: Path, names: Sequence[str] = SOURCE_MODULES, progress: Progress | None = None):
    """Parse every named source; returns ({table: [(source_id, arrow table)]}, {source_id: origin record}, excluded)."""
    parts: dict[str, list[tuple[str, pa.Table]]] = {}
    origins: dict[str, dict] = {}
    excluded: list[dict] = []
    for i, name in enumerate(names):
        module = load_source(name)
        origin = module.ORIGIN
        if progress:
            progress(f"parsing {origin.id}", i, len(names))
        files = origin.input_files(data_dir) if origin.files else []
        frames = module.parse(data_dir)
        if not origin.redistributable:
            excluded.append({"source": origin.id, "reason": origin.licence, "tables": sorted(frames)})
            continue
        origins[origin.id] = _origin_record(origin, files, data_dir)
        for table_name, frame in frames.items():
            table = validate(frame, spec(table_name), origin=f"{origin.id} → {table_name}")
            parts.setdefault(table_name, []).append((origin.id, table))
    if progress:
        progress("parsed", len(names), len(names))
    return parts, origins, excluded


def pack_out_dir(out_dir: str | Path | None) -> Path:
    """Where a build writes: out_dir, else $MULTIPOLAR_PACK_DIR; never the installed package's pack unless named.

    A UsageError when neither is given: rebuilding the pack shipped in the package must be asked for by name
    (`--out src/multipolar/pack`), so that no build replaces it by accident.
    """
    if out_dir:
        return Path(out_dir).expanduser().resolve()
    if os.environ.get(config.PACK_DIR_ENV):
        return Path(os.environ[config.PACK_DIR_ENV]).expanduser().resolve()
    raise UsageError(f"name the pack folder to write: --out DIR or ${config.PACK_DIR_ENV} (to rebuild the pack "
                     f"shipped in the package, say so: --out {config.SHIPPED_PACK_DIR})")


def raw_data_dir(data_dir: str | Path | None) -> Path:
    """The raw data folder a build reads; a UsageError when the folder the user named is missing."""
    folder = config.data_dir(data_dir)
    if not folder.is_dir():
        message = "raw data folder not found (pass --data-dir or set MULTIPOLAR_DATA_DIR)"
        if data_dir or os.environ.get(config.DATA_DIR_ENV):  # named by the user: a usage error
            raise UsageError(message, file=folder)
        raise DataError(message, file=folder)
    return folder


@contextlib.contextmanager
def build_lock(out_dir: Path):
    """Hold an exclusive lock on out_dir's builds; a second build into the same folder stops at once, saying so.

    The lock is an flock on a file beside the folder (kept, never deleted: deleting would let two builds lock two
    different files); the system drops it when the process ends, so a killed build never leaves a stale lock.
    """
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    path = out_dir.parent / f".{out_dir.name}{LOCK_SUFFIX}"
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise MultipolarError(f"another build-pack is writing {out_dir}; wait until it ends (lock: {path.name})",
                                  file=out_dir) from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def build_pack(data_dir: str | Path | None = None, out_dir: str | Path | None = None, *,
               names: Sequence[str] = SOURCE_MODULES, progress: Progress | None = None,
               include_pulled: bool = False, pull_dir: str | Path | None = None, derive: Derive | None = None) -> dict:
    """Derive a pack from the raw data of `names` and swap it into out_dir only when every table is valid.

    out_dir: the folder to write (default $MULTIPOLAR_PACK_DIR; a UsageError when neither is given: the installed
    package's pack is written only when named). A subset of names gives a partial pack (`verify` says so); to
    rebuild some sources inside a complete pack use rebuild_sources(). include_pulled adds the tables fetched by
    `multipolar data pull` (from pull_dir, default the cache) as further sources. A failure at any step leaves the
    previous pack untouched; a concurrent build into the same folder stops. derive: the step adding the derived
    tables (`multipolar.indicators.derived.derive_tables`, which `multipolar data build-pack` passes: the indicators'
    own expressions run on the new tables before the pack is swapped in); without it the pack has none and every
    query computes them. Returns the manifest.
    """
    out_dir = pack_out_dir(out_dir)
    data_dir = raw_data_dir(data_dir)
    with build_lock(out_dir):
        parts, origins, excluded = parse_sources(data_dir, names, progress)
        if include_pulled:
            from .pulled import pulled_excluded, pulled_origins, pulled_parts

            for table_name, pieces in pulled_parts(pull_dir).items():
                parts.setdefault(table_name, []).extend(pieces)
            origins.update(pulled_origins(pull_dir))
            excluded.extend(pulled_excluded(pull_dir))
        manifest = _write_pack(out_dir, parts, origins, excluded, {}, progress, derive)
    return manifest


def rebuild_sources(data_dir: str | Path | None = None, out_dir: str | Path | None = None, *,
                    names: Sequence[str], progress: Progress | None = None, derive: Derive | None = None) -> dict:
    """Re-derive the rows of the named sources inside the complete pack at out_dir; every other row and table stays.

    The pack must exist and be complete and sound (verify); its manifest says which `source` values each origin
    wrote to each table (source_ids), so the named sources' old rows are replaced and nothing else is touched:
    untouched tables keep their bytes. The derived tables are derived again (derive, as in build_pack()); without
    derive, those derived from tables that did not change are kept as they are and the others dropped (computed on
    the fly). Atomic like build_pack(). Returns the new manifest.
    """
    out_dir = pack_out_dir(out_dir)
    data_dir = raw_data_dir(data_dir)
    with build_lock(out_dir):
        if not (out_dir / MANIFEST).exists():
            raise UsageError("--source rebuilds tables inside a complete pack, and there is none here: build the "
                             "whole pack first (without --source)", file=out_dir)
        from . import verify

        problems = verify(out_dir)
        if problems:
            raise DataError(f"the pack to update is not sound ({problems[0]}); rebuild it whole (without --source)",
                            file=out_dir)
        old = read_manifest(out_dir)
        modules = [load_source(name) for name in names]
        rebuilt = {m.ORIGIN.id for m in modules}
        parts, origins, excluded = parse_sources(data_dir, names, progress)
        keep: dict[str, dict] = {}  # tables no named source wrote, before or now: copied as they are
        for table_name, entry in old["tables"].items():
            ids = entry.get("source_ids")
            if ids is None:
                raise DataError(f"the pack's manifest does not record which rows each source wrote (table "
                                f"{table_name}); rebuild the whole pack once (without --source)", file=out_dir)
            touched = rebuilt & set(ids)
            if not touched and table_name not in parts:
                keep[table_name] = entry
                continue
            # Rows of the other sources stay, read back from the pack; the named sources' rows are replaced.
            table = read_table(out_dir / entry["file"])
            theirs = sorted(v for sid in touched for v in ids[sid])
            if theirs:
                table = table.filter(pc.invert(pc.is_in(table["source"], value_set=pa.array(theirs))))
            for record in entry["sources"]:
                if record["id"] in rebuilt:
                    continue
                origins.setdefault(record["id"], record)
                mine = pc.is_in(table["source"], value_set=pa.array(ids[record["id"]]))
                parts.setdefault(table_name, []).append((record["id"], table.filter(mine)))
        excluded.extend(e for e in old["excluded"] if e["source"] not in rebuilt)
        manifest = _write_pack(out_dir, parts, origins, excluded, keep, progress, derive,
                               keep_derived=old.get("derived") or {})
    return manifest


def _write_pack(out_dir: Path, parts: dict, origins: dict, excluded: list, keep: dict,
                progress: Progress | None, derive: Derive | None = None, keep_derived: dict | None = None) -> dict:
    """Write every table of parts (and copy the files of `keep`, {table: manifest entry}) into a staging folder
    beside out_dir, add the derived tables (derive(staging, manifest, progress) writes their files there and returns
    their manifest entries; without derive, the entries of `keep_derived` whose base tables kept their checksums are
    copied), then swap it in."""
    staging = Path(tempfile.mkdtemp(prefix=".pack-build-", dir=out_dir.parent))
    staging.chmod(0o755)  # mkdtemp makes an owner-only folder; the installed pack must be readable by all
    try:
        manifest = {"format": PACK_FORMAT, "pack_countries": list(PACK_COUNTRIES), "tables": {},
                    "excluded": sorted(excluded, key=lambda e: e["source"])}
        for table_name, entry in sorted(keep.items()):
            shutil.copy2(out_dir / entry["file"], staging / entry["file"])
            manifest["tables"][table_name] = entry
        for n, (table_name, pieces) in enumerate(sorted(parts.items())):
            if progress:
                progress(f"writing {table_name}", n, len(parts))
            table_spec = TABLES[table_name]
            combined = pa.concat_tables([t for _, t in pieces])
            if table_spec.focus_only:
                combined = _focus_filter(combined, table_spec.country_columns)
            combined = validate(combined.to_pandas(), table_spec, origin=f"pack → {table_name}")
            used = sorted({sid for sid, _ in pieces})
            entry = {
                "description": table_spec.description,
                "key": list(table_spec.key),
                "columns": {f.name: str(f.type) for f in table_spec.schema},
                "coverage": _coverage(combined, table_spec.country_columns),
                "derivation": f"union of {', '.join(used)}; "
                              + ("rows kept where a country column is a pack country; "
                                 if table_spec.focus_only and table_spec.country_columns else "all rows kept; ")
                              + "validated (schema, ISO3 codes, unique key) and sorted by key",
                "sources": [origins[sid] for sid in used],
            }
            path = staging / f"{table_name}.parquet"
            write_table(combined, path, entry, row_group_size=ROW_GROUPS.get(table_name, ROW_GROUP))
            entry["file"] = path.name
            entry["sha256"] = sha256(path)
            entry["bytes"] = path.stat().st_size
            # Which `source` values each origin wrote (e.g. national_am: national_am, national_am_origin): what
            # rebuild_sources() replaces. In the manifest only, so the table files' bytes do not depend on it.
            entry["source_ids"] = {sid: sorted({v for s, t in pieces if s == sid
                                                for v in pc.unique(t["source"]).to_pylist()})
                                   for sid in used}
            manifest["tables"][table_name] = entry
        if derive is not None:
            manifest["derived"] = derive(staging, manifest, progress)
        else:
            kept = {name: entry for name, entry in sorted((keep_derived or {}).items())
                    if all(manifest["tables"].get(t, {}).get("sha256") == checksum
                           for t, checksum in entry.get("derived_from", {}).items())}
            for entry in kept.values():
                shutil.copy2(out_dir / entry["file"], staging / entry["file"])
            if kept:
                manifest["derived"] = kept
        total = sum(e["bytes"] for e in manifest["tables"].values())
        total += sum(e["bytes"] for e in manifest.get("derived", {}).values())
        if total > PACK_BUDGET:
            raise DataError(f"pack is {total / 1e6:.1f} MB, over the {PACK_BUDGET / 1e6:.1f} MB budget", file=out_dir)
        manifest["bytes"] = total
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                                        encoding="utf-8")
        _swap_in(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if progress:
        progress("done", len(parts), len(parts))
    return manifest


def _swap_in(staging: Path, out_dir: Path) -> None:
    """Replace out_dir by staging with renames, so readers see either the old or the new pack, never a mix."""
    backup = None
    if out_dir.exists():
        backup = Path(tempfile.mkdtemp(prefix=".pack-old-", dir=out_dir.parent))
        backup.rmdir()
        out_dir.rename(backup)
    try:
        staging.rename(out_dir)
    except OSError as exc:
        if backup:
            backup.rename(out_dir)
        raise MultipolarError(f"could not install the new pack: {exc}", file=out_dir) from exc
    if backup:
        shutil.rmtree(backup, ignore_errors=True)
