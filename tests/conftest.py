"""Shared test fixtures: where the raw shared data is, and skipping cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipolar import config


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The raw shared data folder; tests that need it are skipped with the reason when it is absent."""
    path = config.data_dir()
    if not path.is_dir():
        pytest.skip(f"raw shared data not found at {path} (set MULTIPOLAR_DATA_DIR)")
    return path
