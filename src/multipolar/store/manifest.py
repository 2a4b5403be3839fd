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
