"""A pack's manifest (every table's file, checksum, coverage and provenance): where it is and how it is read."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .. import config
from ..errors import DataError, UsageError

# Name of the file describing every table of a pack.
MANIFEST = "manifest.json"


def read_manifest(pack: str | Path | None = None) -> dict:
    """The manifest of a pack (default: the shipped one)."""
    folder = config.pack_dir(pack)
    path = folder / MANIFEST
    if not path.exists():
        chosen = pack or os.environ.get(config.PACK_DIR_ENV)
        if chosen:  # the user named this folder (--pack, pack=, $MULTIPOLAR_PACK_DIR): a usage error
            what = "folder not found" if not folder.exists() else f"not a data pack (no {MANIFEST})"
            via = "--pack/pack=" if pack else f"${config.PACK_DIR_ENV}"
            raise UsageError(f"{what}: {via} must name a pack folder (one `multipolar data build-pack` wrote)",
                             file=folder)
        raise DataError("no data pack here (run `multipolar data build-pack`)", file=path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"manifest is not valid JSON: {exc}", file=path) from exc


def manifest_for_reading(pack: str | Path | None = None) -> dict:
    """The manifest, parsed once per version of the file (its size and modification time) and shared: for the
    store's own read-only use (a claim check reads tables dozens of times); never hand it out to be changed."""
    path = config.pack_dir(pack) / MANIFEST
    try:
        stat = path.stat()
    except OSError:
        return read_manifest(pack)  # the missing file's own error
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    found = _SHARED.get(key)
    if found is None:
        found = read_manifest(pack)
        _SHARED.clear()  # one version kept (threads may both read it: the same content)
        _SHARED[key] = found
    return found


# {(path, mtime_ns, size): the parsed manifest}: one entry, replaced as a whole (safe for concurrent readers).
_SHARED: dict = {}
