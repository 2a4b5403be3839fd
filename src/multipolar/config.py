"""Where multipolar finds the raw shared data, its data pack and its download cache."""

from __future__ import annotations

import os
from pathlib import Path

# Environment variable that overrides the raw data folder (default: ../shared/data from the working directory).
DATA_DIR_ENV = "MULTIPOLAR_DATA_DIR"
# Environment variable that points load() at another data pack folder.
PACK_DIR_ENV = "MULTIPOLAR_PACK_DIR"
# Environment variable for the download cache used by `multipolar data pull`.
CACHE_DIR_ENV = "MULTIPOLAR_CACHE_DIR"

PACKAGE_DIR = Path(__file__).resolve().parent
# The data pack shipped inside the package.
SHIPPED_PACK_DIR = PACKAGE_DIR / "pack"


def data_dir(override: str | Path | None = None) -> Path:
    """The raw data folder: the override, else $MULTIPOLAR_DATA_DIR, else ../shared/data (cwd, then the checkout)."""
    if override:
        return Path(override).expanduser().resolve()
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV]).expanduser().resolve()
    candidates = [Path.cwd() / ".." / "shared" / "data", PACKAGE_DIR.parents[2] / ".." / "shared" / "data"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate.resolve()
    return candidates[0].resolve()


def pack_dir(override: str | Path | None = None) -> Path:
    """The data pack folder: the override, else $MULTIPOLAR_PACK_DIR, else the pack shipped in the package."""
    if override:
        return Path(override).expanduser().resolve()
    if os.environ.get(PACK_DIR_ENV):
        return Path(os.environ[PACK_DIR_ENV]).expanduser().resolve()
    return SHIPPED_PACK_DIR


def cache_dir(override: str | Path | None = None) -> Path:
    """The download cache: the override, else $MULTIPOLAR_CACHE_DIR, else ~/.cache/multipolar."""
    if override:
        return Path(override).expanduser().resolve()
    if os.environ.get(CACHE_DIR_ENV):
        return Path(os.environ[CACHE_DIR_ENV]).expanduser().resolve()
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "multipolar"
