"""Fixtures for the report tests: the data pack (skipped with the reason when absent), one report built per session,
and headless Debian Chromium for the browser tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipolar import config

# Where the browser tests keep their screenshots (git-ignored).
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Debian's Chromium, driven by Playwright (never `playwright install`).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


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
def pack() -> Path:
    """The data pack (shipped, or $MULTIPOLAR_PACK_DIR); skipped with the reason when there is none."""
    folder = config.pack_dir()
    if not (folder / "manifest.json").exists():
        pytest.skip(f"no data pack at {folder} (build one with `multipolar data build-pack`, or set "
                    "MULTIPOLAR_PACK_DIR)")
    return folder


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


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium through Playwright, per module (Playwright's sync API allows one session at a
    time); skipped with the reason when Chromium is not installed."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium) to run browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
