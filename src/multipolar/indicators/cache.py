"""The indicator cache: tables every query needs, materialised once per pack and code, so that a query is a filtered
read.

Layout: `$MULTIPOLAR_CACHE_DIR/indicators/<stamp>/` (default `~/.cache/multipolar/indicators/`), where the stamp is a
hash of the pack's manifest (its tables' checksums), the package version, the source files of the code that computes
indicators and the versions of DuckDB and Ibis: any change to the data, that code or the engine gives a new folder,
so an entry never goes stale. In it:

- `memo-<key>.parquet`: the memoised sub-expressions indicators share (the trade views, shares, flagged keys, ...),
  written the first time a context computes them (`Context.memo`);
- `out-<indicator>.parquet`: an indicator's whole output for its default parameters (every country, partner, year,
  source and flow), sorted by the indicator's sort key; a query with only filters reads it with a WHERE clause;
  written by a query naming no country;
- `shard-out-<indicator>.<ISO3>.parquet`: the whole output's rows of one country, written by the first query naming
  that country (when the whole output is not there): a cold query computes its own countries, not every country;
- `labels-<indicator>.json`: the source labels the indicator can output in this pack (checked against --source).

Every file is written to a temporary name in the same folder and renamed into place (readers see a whole file or
none), by one process at a time per entry (an `flock` on `<entry>.lock`: a second process waits, then reads what the
first wrote). A folder that cannot be written is simply not used: indicators are then computed in memory.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from .. import __version__, config

# Sub-folder of the cache directory holding the indicator cache.
SUBDIR = "indicators"
# Environment variable that turns the cache off ("0", "off", "no", "false"): every query is computed in memory.
ENV = "MULTIPOLAR_INDICATOR_CACHE"
# The package's source files whose code decides indicator outputs: a change to any of them gives a new stamp.
CODE = ("indicators", "countries.py", "memberships.py", "schema.py", "store", "lazy.py")
# Engines whose versions are part of the stamp (a new DuckDB or Ibis may compute differently).
ENGINES = ("duckdb", "ibis-framework", "sqlglot")
# A stamp folder not used for this many days is removed when a new one is made (each use touches its folder; a
# process still reading an older folder, e.g. a server started before an upgrade, keeps it alive).
PRUNE_DAYS = 7
# Key of the Parquet metadata entry holding the Arrow schema Ibis gives a cached expression (DuckDB may store a
# narrower type, e.g. int32 for an Ibis int64): read back with exactly the types of the expression it stands for.
SCHEMA_KEY = "multipolar_arrow_schema"
# Most entries kept per indicator for parameter values other than its defaults (the oldest are removed).
MAX_VARIANTS = 64
# Rows per Parquet row group of an output table: small enough that a filter on the leading sort column (country)
# skips most of a large table.
ROW_GROUP = 16_384

_PACKAGE = Path(__file__).resolve().parents[1]
_THREAD_LOCKS: dict[str, threading.Lock] = {}
_THREAD_LOCKS_GUARD = threading.Lock()


def enabled() -> bool:
    """Whether the cache is on (it is unless $MULTIPOLAR_INDICATOR_CACHE says off)."""
    return os.environ.get(ENV, "").strip().lower() not in ("0", "off", "no", "false")


def _engine_versions() -> str:
    from importlib import metadata

    out = []
    for name in ENGINES:
        try:
            out.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}=-")
    return ";".join(out)


def code_files() -> list[Path]:
    """The source files listed in CODE, in a fixed order."""
    files = []
    for name in CODE:
        path = _PACKAGE / name
        found = [path] if path.is_file() else sorted(path.rglob("*.py"))
        files += [f for f in found if f.is_file()]
    return files


def stamp(manifest_bytes: bytes) -> str:
    """The cache folder name for a pack's manifest with this code and these engines."""
    digest = hashlib.sha256(manifest_bytes)
    digest.update(__version__.encode())
    digest.update(_engine_versions().encode())
    for path in code_files():
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def _safe(name: str) -> str:
    """A file-name-safe rendering of an entry name (its hash appended when anything was replaced)."""
    clean = re.sub(r"[^A-Za-z0-9_.=-]+", "_", name)
    if clean != name or len(clean) > 120:
        clean = f"{clean[:80]}-{hashlib.sha256(name.encode()).hexdigest()[:12]}"
    return clean


class Store:
    """The cache folder of one pack (see the module docstring)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._usable: bool | None = None

    @classmethod
    def for_pack(cls, pack_folder: Path) -> Store | None:
        """The store of the pack in `pack_folder`, or None when the cache is off or the pack has no manifest."""
        if not enabled():
            return None
        manifest = Path(pack_folder) / "manifest.json"
        try:
            data = manifest.read_bytes()
        except OSError:
            return None
        return cls(config.cache_dir() / SUBDIR / stamp(data))

    def usable(self) -> bool:
        """Whether the folder exists or can be made (made now, and older stamp folders pruned)."""
        if self._usable is None:
            try:
                fresh = not self.folder.exists()
                self.folder.mkdir(parents=True, exist_ok=True)
                os.utime(self.folder)  # in use: never pruned while used within PRUNE_DAYS
                probe = self.folder / f".probe-{os.getpid()}-{threading.get_ident()}"
                probe.write_bytes(b"")
                probe.unlink()
                self._usable = True
                if fresh:
                    self._prune()
            except OSError:
                self._usable = False
        return self._usable

    def _prune(self) -> None:
        """Remove the stamp folders not used for PRUNE_DAYS (older packs, older code)."""
        import time

        limit = time.time() - PRUNE_DAYS * 86400
        try:
            for old in self.folder.parent.iterdir():
                if old.is_dir() and old != self.folder and old.stat().st_mtime < limit:
                    shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass

    def path(self, name: str, suffix: str = ".parquet") -> Path:
        return self.folder / f"{_safe(name)}{suffix}"

    def find(self, name: str, suffix: str = ".parquet") -> Path | None:
        """The entry's file when it exists."""
        self.usable()  # (once per process: marks the folder as in use)
        path = self.path(name, suffix)
        return path if path.exists() else None

    @contextlib.contextmanager
    def locked(self, name: str):
        """Hold the entry's lock: one thread of one process computes an entry; the others wait for it."""
        lock_path = self.path(name, ".lock")
        with _THREAD_LOCKS_GUARD:
            thread_lock = _THREAD_LOCKS.setdefault(str(lock_path), threading.Lock())
        with thread_lock, open(lock_path, "a+b") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def put(self, name: str, write: Callable[[Path], None], suffix: str = ".parquet") -> Path | None:
        """Write an entry once: `write(tmp)` fills a temporary file that is then renamed into place. Under the entry's
        lock; when another process wrote it meanwhile, that file is kept. None when the folder cannot be written."""
        if not self.usable():
            return None
        path = self.path(name, suffix)
        try:
            with self.locked(name):
                if path.exists():
                    return path
                tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
                try:
                    write(tmp)
                    os.replace(tmp, path)
                finally:
                    with contextlib.suppress(FileNotFoundError):
                        tmp.unlink()
        except OSError:
            return None
        return path

    def get_or_put(self, name: str, write: Callable[[Path], None], suffix: str = ".parquet") -> Path | None:
        """The entry's file, written first by `write` when missing (see `put`)."""
        return self.find(name, suffix) or self.put(name, write, suffix)

    def prune(self, prefix: str, most: int, keep: Path | None = None) -> None:
        """Remove the oldest entries whose names start with `prefix` beyond the `most` newest (never `keep`)."""
        try:
            found = sorted((p for p in self.folder.glob(f"{_safe(prefix)}*.parquet") if p != keep),
                           key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            return
        for old in found[max(most - 1, 0):]:
            with contextlib.suppress(OSError):
                old.unlink()

    def read_json(self, name: str):
        path = self.find(name, ".json")
        if path is None:
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def write_json(self, name: str, value) -> None:
        self.put(name, lambda tmp: tmp.write_text(json.dumps(value), encoding="utf-8"), ".json")


def write_parquet(con, expr, path: Path, **options) -> None:
    """Run Ibis expression `expr` on DuckDB connection `con` into a Parquet file, its Ibis schema kept in the file."""
    import base64

    schema = base64.b64encode(expr.schema().to_pyarrow().serialize().to_pybytes()).decode()
    con.to_parquet(expr, path, kv_metadata={SCHEMA_KEY: schema}, **options)


_SCHEMAS: dict[str, object] = {}
_SCHEMAS_GUARD = threading.Lock()


def stored_schema(path: Path, duck):
    """The Arrow schema kept in a file `write_parquet` wrote (read once per file and process; `duck`: a DuckDB
    connection)."""
    import base64

    import pyarrow as pa

    key = str(path)
    if key not in _SCHEMAS:
        rows = duck.execute("SELECT value FROM parquet_kv_metadata(?) WHERE key = ?", [key, SCHEMA_KEY]).fetchall()
        schema = pa.ipc.read_schema(pa.py_buffer(base64.b64decode(bytes(rows[0][0]))))
        with _SCHEMAS_GUARD:
            _SCHEMAS[key] = schema
    return _SCHEMAS[key]


def as_computed(table, schema):
    """Ibis table `table` with the types of `schema` (an Ibis schema, or the Arrow schema of `stored_schema`)."""
    from ..lazy import ibis

    if not isinstance(schema, ibis.Schema):
        schema = ibis.Schema.from_pyarrow(schema)
    return table if table.schema() == schema else table.cast(schema)
