"""Fixtures for the claim checker's tests: a data pack with the tables the checker reads."""

from __future__ import annotations

import os

import pytest

from multipolar import config

# Tables the checker reads, and the source modules that fill them (a pack is built from these when neither the
# shipped pack nor $MULTIPOLAR_PACK_DIR has them all).
NEEDED_TABLES = ("trade_flows", "headline_figures", "memberships", "organizations", "summits")
SOURCES = ("registry", "imf_dots", "imf_imts", "russia_customs", "national_kz", "national_kg", "national_uz",
           "press_figures")


def _has_tables(folder) -> bool:
    from multipolar.store import table_names

    try:
        return set(NEEDED_TABLES) <= set(table_names(folder))
    except Exception:  # no pack there, or an unreadable manifest
        return False


@pytest.fixture(scope="session")
def claims_pack(request, tmp_path_factory):
    """A pack folder with every table the checker reads: $MULTIPOLAR_PACK_DIR, else the shipped pack, else one
    built here from the raw data (skipped, with the reason, when the raw data are absent)."""
    for candidate in (os.environ.get(config.PACK_DIR_ENV), config.SHIPPED_PACK_DIR):
        if candidate and _has_tables(candidate):
            return str(candidate)
    data_dir = request.getfixturevalue("data_dir")
    from multipolar.sources import SOURCE_MODULES
    from multipolar.store import build_pack

    missing = [s for s in SOURCES if s not in SOURCE_MODULES]
    if missing:
        pytest.skip(f"source modules missing: {missing}")
    out = tmp_path_factory.mktemp("claims") / "pack"
    build_pack(data_dir, out, names=SOURCES)
    return str(out)
