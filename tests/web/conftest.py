"""Fixtures for the dashboard tests: an in-process client and a live uvicorn server (the pack and headless Chromium
come from tests/conftest.py)."""

from __future__ import annotations

import socket
import threading
import time

import pytest


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
