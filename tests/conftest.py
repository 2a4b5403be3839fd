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


@pytest.fixture(scope="session", autouse=True)
def cache_dir(tmp_path_factory) -> Path:
    """One cache folder for the whole run (the indicator cache fills it once; nothing is written to the user's
    ~/.cache), unless $MULTIPOLAR_CACHE_DIR names one."""
    import os

    if os.environ.get(config.CACHE_DIR_ENV):
        return Path(os.environ[config.CACHE_DIR_ENV])
    folder = tmp_path_factory.mktemp("cache")
    os.environ[config.CACHE_DIR_ENV] = str(folder)
    return folder


# Screenshots and rendered pages the browser tests keep (git-ignored).
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


@pytest.fixture(scope="session")
def pack() -> Path:
    """The data pack (shipped, or $MULTIPOLAR_PACK_DIR); skipped with the reason when there is none."""
    folder = config.pack_dir()
    if not (folder / "manifest.json").exists():
        pytest.skip(f"no data pack at {folder} (build one with `multipolar data build-pack`, or set "
                    "MULTIPOLAR_PACK_DIR)")
    return folder


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium through Playwright, per module (Playwright's sync API allows one session at a
    time); skipped with the reason when Chromium is not installed."""
    from multipolar.report.build import CHROMIUM, browser_args

    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium) to run browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=browser_args())
        yield b
        b.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def cli(capsys):
    """cli(*args) runs `multipolar ARGS` through its entry point (as a user's shell would) and returns (exit code,
    stdout, stderr); the code is SystemExit's own, 0 when the command returns."""
    import sys

    from multipolar.cli import main

    def run(*args):
        old = sys.argv
        sys.argv = ["multipolar", *args]
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code
        finally:
            sys.argv = old
        out = capsys.readouterr()
        return code, out.out, out.err

    return run
