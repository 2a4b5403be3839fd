"""How the dashboard is served: `multipolar serve --workers N` (worker processes built from the environment their
parent sets) and the memory a burst of uncached requests freed handed back once builds pause."""

from __future__ import annotations

import json
import time

from multipolar.web import service as service_module
from multipolar.web.app import SERVE_PACK_ENV, SERVE_WARM_ENV, app_from_env
from multipolar.web.service import Service


def test_workers_option_is_checked(cli):
    code, out, err = cli("serve", "--workers", "0")
    assert code == 2 and "--workers" in err
    code, out, _ = cli("serve", "--help")
    assert code == 0 and "--workers" in out


def test_worker_app_gets_its_parent_s_pack(monkeypatch, tmp_path):
    monkeypatch.setenv(SERVE_PACK_ENV, str(tmp_path))
    monkeypatch.setenv(SERVE_WARM_ENV, "0")
    assert app_from_env().state.service.pack == str(tmp_path)
    monkeypatch.setenv(SERVE_PACK_ENV, "")
    assert app_from_env().state.service.pack is None  # no --pack: the default pack


def test_memory_released_once_builds_pause(monkeypatch):
    released = []
    monkeypatch.setattr(service_module, "IDLE_TRIM_SECONDS", 0.2)
    service = Service(None, workers=2)
    service._release = lambda: released.append(time.monotonic())  # this service's releases only
    service._quieted = True  # no pack needed: the builds below are plain values
    for i in range(3):
        assert json.loads(bytes(service.cached(("test", i), lambda i=i: {"value": i}))) == {"value": i}
    built = time.monotonic()
    deadline = time.monotonic() + 5
    while not released and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(released) == 1, "memory was not released after the builds paused"
    assert released[0] - built >= 0.15  # not before the builds had paused (0.2 s after the last one)
    time.sleep(0.6)
    assert len(released) == 1, "released again without any build in between"
    service.cached(("test", "again"), lambda: {"value": "again"})
    deadline = time.monotonic() + 5
    while len(released) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(released) == 2


def test_release_memory_runs_here():
    service_module.release_memory()  # gc, Arrow's pool, malloc_trim: no error whatever is loaded
