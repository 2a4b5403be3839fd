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


def _middleware(client, kind):
    """The instance of an ASGI middleware class in the app's stack (built at the first request)."""
    layer = client.app.middleware_stack
    while layer is not None and not isinstance(layer, kind):
        layer = getattr(layer, "app", None)
    return layer


def test_answer_cache_replays_the_first_answer_exactly(client):
    from multipolar.web.app import AnswerCache

    urls = ["/api/indicators/trade_share?country=KAZ&partner=CHN,RUS&flow=turnover",
            "/api/indicators/trade_share?country=KAZ&partner=CHN,RUS&flow=turnover&format=csv",
            "/api/crossover?region=central-asia", "/api/leads?region=central-asia&format=csv"]
    first = [client.get(u) for u in urls]
    cache = _middleware(client, AnswerCache)
    assert cache is not None
    assert all(r.status_code == 200 for r in first), [r.text[:200] for r in first]
    for url, before in zip(urls, first):
        key = (url.split("?")[0], url.split("?")[1].encode())
        assert key in cache.answers, f"{url} was not kept"
        again = client.get(url)  # from the middleware
        assert again.status_code == 200 and again.content == before.content
        assert again.headers == before.headers  # content type, length, the CSV's file name
    assert first[1].headers["content-disposition"].startswith("attachment")


def test_answer_cache_keeps_no_errors_nor_other_paths(client):
    from multipolar.web.app import AnswerCache

    bad = "/api/indicators/trade_share?country=KAZ&bogus=1"
    assert client.get(bad).status_code == 422
    cache = _middleware(client, AnswerCache)
    assert ("/api/indicators/trade_share", b"country=KAZ&bogus=1") not in cache.answers
    assert client.get(bad).status_code == 422  # still the app's own answer
    unknown = "/api/indicators/no_such_indicator?country=KAZ"
    assert client.get(unknown).status_code == 404 and client.get(unknown).status_code == 404
    client.get("/api/countries")
    assert not any(path == "/api/countries" for path, _ in cache.answers)


def test_answer_cache_is_bounded():
    from multipolar.web.app import AnswerCache

    cache = AnswerCache(app=None, limit=100, largest=60)
    for i in range(5):
        cache._keep((f"/api/crossover", str(i).encode()), [], b"x" * 40)
    assert cache.size <= 100 and len(cache.answers) == 2
    assert list(cache.answers) == [("/api/crossover", b"3"), ("/api/crossover", b"4")]  # the oldest went first
    cache._keep(("/api/leads", b""), [], b"y" * 61)  # larger than `largest`: never kept
    assert ("/api/leads", b"") not in cache.answers
