"""Data pulled from online sources: run a connector, keep its validated tables, and hand them to the pack builder.

Layout: <pull dir>/<source id>/<table>.parquet (default pull dir: <cache dir>/pulled), each file carrying in its
Parquet metadata the source's ORIGIN, the request URLs, when they were retrieved and the responses' checksums.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType

from .. import config
from ..countries import CENTRAL_ASIA, POWERS, is_iso3
from ..errors import DataError, SourceError, UsageError, invalid_choice
from ..lazy import LazyModule
from ..lazy import pyarrow as pa

# Imported when a pull or a build first needs them (the command line reads this module's choices for its --help).
http = LazyModule("multipolar.sources.http")
table_io = LazyModule("multipolar.store.tables")
schema = LazyModule("multipolar.schema")

# CLI name → connector module under multipolar.sources (the online sources `multipolar data pull` knows).
PULL_SOURCES = {"imf-imts": "imf_imts_api", "comtrade": "comtrade", "worldbank": "worldbank_api"}
# Sub-folder of the cache where pulled tables are kept.
PULLED_SUBDIR = "pulled"
DEFAULT_YEARS = (2015, 2024)
DEFAULT_COUNTRIES = CENTRAL_ASIA + POWERS

Progress = Callable[[str, int, int], None]


def pull_dir(override: str | Path | None = None) -> Path:
    """Where pulled tables live: the override, else <cache dir>/pulled."""
    return Path(override).expanduser().resolve() if override else config.cache_dir() / PULLED_SUBDIR


def load_connector(name: str) -> ModuleType:
    """The connector module for a CLI source name; a UsageError listing the valid names otherwise."""
    if name not in PULL_SOURCES:
        raise invalid_choice("source", name, PULL_SOURCES)
    return importlib.import_module(f"multipolar.sources.{PULL_SOURCES[name]}")


def check_countries(codes: Iterable[str]) -> list[str]:
    """Upper-cased, de-duplicated ISO3 codes; a UsageError naming any code that is not one."""
    out = sorted({str(c).strip().upper() for c in codes if str(c).strip()})
    if not out:
        raise UsageError("no country given; use ISO3 codes, e.g. --countries KAZ,KGZ,CHN")
    bad = [c for c in out if c in ("WLD", "EUU") or not is_iso3(c)]
    if bad:
        raise UsageError(f"invalid country code(s) {', '.join(bad)}; use ISO3 country codes, e.g. KAZ,KGZ,TJK,"
                         f"TKM,UZB,CHN,RUS")
    return out


def _origin_record(origin, responses: list[Path]) -> dict:
    """The ORIGIN as a dict, with the responses (URL, checksum, size, retrieval time) as its files."""
    record = origin.provenance()
    files = []
    for path in responses:
        meta = http.read_sidecar(path)
        files.append({"path": meta.get("full_url") or http.full_url(meta["url"], meta.get("params")),
                      "sha256": meta["sha256"], "bytes": meta["bytes"], "retrieved_at": meta["retrieved_at"]})
    files.sort(key=lambda f: f["path"])
    record["files"] = files
    if files:
        record["retrieved"] = max(f["retrieved_at"] for f in files)
    return record


def pull(name: str, years: tuple[int, int] = DEFAULT_YEARS, countries: Iterable[str] = DEFAULT_COUNTRIES, *,
         refresh: bool = False, progress: Progress | None = None, out_dir: str | Path | None = None) -> dict:
    """Fetch, parse and validate one online source, then write its tables; returns {table: path}.

    The new tables replace the source's earlier pulled ones (a pull is a snapshot of its query, not an append).
    Every table is validated before any is written, and each write is atomic, so a failed pull leaves the
    previously pulled tables as they were.
    """
    module = load_connector(name)
    origin = module.ORIGIN
    countries = check_countries(countries)
    first, last = int(years[0]), int(years[1])
    if first > last:
        raise UsageError(f"invalid years {first}-{last}: first year after last")
    responses = module.fetch((first, last), countries, progress=progress, refresh=refresh)
    try:
        frames = module.parse_response(responses, years=(first, last))
        tables = {}
        for table_name, frame in frames.items():
            if frame.empty:
                raise SourceError(f"{origin.id}: the answers hold no {table_name} rows for {first}-{last} and "
                                  f"{', '.join(countries)}; nothing written")
            tables[table_name] = table_io.validate(frame, schema.spec(table_name),
                                                   origin=f"{origin.id} → {table_name}")
    except (SourceError, DataError):
        for path in responses:  # an answer that failed to parse: never reuse it from the cache
            http.discard(path)
        raise
    record = _origin_record(origin, responses)
    folder = pull_dir(out_dir) / origin.id
    written = {}
    for table_name, table in sorted(tables.items()):
        meta = {"table": table_name, "description": schema.spec(table_name).description, "origin": record,
                "pull": {"source": name, "years": [first, last], "countries": countries,
                         "retrieved_at": record.get("retrieved"), "rows": table.num_rows}}
        path = folder / f"{table_name}.parquet"
        table_io.write_table(table, path, meta)
        written[table_name] = path
    return written


def _pulled_files(pull_dir_: str | Path | None) -> list[tuple[str, str, Path]]:
    root = pull_dir(pull_dir_)
    if not root.is_dir():
        return []
    return [(p.parent.name, p.stem, p) for p in sorted(root.glob("*/*.parquet"))]


def _redistributable(meta: dict) -> bool:
    return bool(meta.get("origin", {}).get("redistributable", True))


def pulled_parts(pull_dir_: str | Path | None = None, *, include_restricted: bool = False
                 ) -> dict[str, list[tuple[str, pa.Table]]]:
    """{table: [(source id, Arrow table)]} of every pulled table, re-validated; shaped like parse_sources()'s parts.

    Sources whose ORIGIN says redistributable=False are left out unless include_restricted (see pulled_excluded).
    """
    parts: dict[str, list[tuple[str, pa.Table]]] = {}
    for source_id, table_name, path in _pulled_files(pull_dir_):
        meta = table_io.read_metadata(path)
        if not include_restricted and not _redistributable(meta):
            continue
        table = table_io.validate(table_io.read_table(path).to_pandas(), schema.spec(table_name), origin=str(path))
        sources = set(table.column("source").to_pylist()) if "source" in table.column_names else {source_id}
        if sources != {source_id}:
            raise DataError(f"pulled table holds sources {sorted(sources)}, expected only {source_id!r}", file=path)
        parts.setdefault(table_name, []).append((source_id, table))
    return parts


def pulled_origins(pull_dir_: str | Path | None = None, *, include_restricted: bool = False) -> dict[str, dict]:
    """{source id: origin record} of the pulled sources, shaped like the pack manifest's source records (ORIGIN
    fields, `retrieved` = when the responses were fetched, `files` = the request URLs with sha256 and bytes)."""
    origins: dict[str, dict] = {}
    for source_id, _, path in _pulled_files(pull_dir_):
        meta = table_io.read_metadata(path)
        if not include_restricted and not _redistributable(meta):
            continue
        if "origin" not in meta:
            raise DataError("pulled table has no origin in its metadata", file=path)
        origins[source_id] = meta["origin"]
    return origins


def pulled_excluded(pull_dir_: str | Path | None = None) -> list[dict]:
    """Pulled sources a pack must leave out (redistributable=False), like the manifest's `excluded` entries."""
    excluded: dict[str, dict] = {}
    for source_id, table_name, path in _pulled_files(pull_dir_):
        meta = table_io.read_metadata(path)
        if not _redistributable(meta):
            entry = excluded.setdefault(source_id, {"source": source_id, "reason": meta["origin"]["licence"],
                                                    "tables": []})
            entry["tables"].append(table_name)
    return sorted(excluded.values(), key=lambda e: e["source"])
