"""Fixtures for the dashboard tests: the pack, an in-process client, a live uvicorn server and headless Chromium."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from multipolar import config

# Where the browser tests keep their screenshots (git-ignored).
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Debian's Chromium, driven by Playwright (never `playwright install`).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def pack() -> Path:
    """The data pack (shipped, or $MULTIPOLAR_PACK_DIR); skipped with the reason when there is none."""
    folder = config.pack_dir()
    if not (folder / "manifest.json").exists():
        pytest.skip(f"no data pack at {folder} (build one with `multipolar data build-pack`, or set "
                    "MULTIPOLAR_PACK_DIR)")
    return folder


@pytest.fixture(scope="session")
def client(pack):
    """A TestClient over the app (raise_server_exceptions=False: a bug shows as a 500 the tests can see)."""
    from fastapi.testclient import TestClient

    from multipolar.web import create_app

    with TestClient(create_app(pack), raise_server_exceptions=False) as c:
        yield c


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(pack):
    """The dashboard served by uvicorn on a free loopback port, in a thread; yields its base URL."""
    import uvicorn

    from multipolar.web import create_app

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(pack, warm=True), host="127.0.0.1", port=port,
                                       log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not srv.started:
        if time.time() > deadline:
            pytest.fail("uvicorn did not start within 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


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
