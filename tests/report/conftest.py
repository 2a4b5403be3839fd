"""Fixtures for the report tests: the data pack (skipped with the reason when absent), one report built per session,
(the pack and headless Chromium come from tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipolar import config


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Builds in these tests cache into a folder of their own, never the user's."""
    import os

    old = os.environ.get(config.CACHE_DIR_ENV)
    os.environ[config.CACHE_DIR_ENV] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop(config.CACHE_DIR_ENV, None)
    else:
        os.environ[config.CACHE_DIR_ENV] = old


@pytest.fixture(scope="session")
def built(pack, tmp_path_factory) -> dict:
    """The SCO report built once from the pack: {"path": Path, "steps": [(label, done, total), ...]}."""
    from multipolar.report import build_report

    steps = []
    path = build_report(tmp_path_factory.mktemp("report") / "report.html", region="sco",
                        progress=lambda label, done, total: steps.append((label, done, total)))
    return {"path": path, "steps": steps}


@pytest.fixture(scope="session")
def report_path(built) -> Path:
    return built["path"]


@pytest.fixture(scope="session")
def report_html(report_path) -> str:
    return report_path.read_text(encoding="utf-8")
