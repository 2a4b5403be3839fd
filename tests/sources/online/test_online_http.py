"""The download helper against a local server: cache, sidecar, retries, Retry-After, resume, checksum, offline."""

from __future__ import annotations

import hashlib
import json

import pytest

from multipolar.errors import OfflineError, SourceError
from multipolar.sources import http

# 2,000 bytes that differ from position to position, so a wrongly spliced resume cannot go unnoticed.
BODY = bytes((i * 7 + i // 256) % 251 for i in range(2000))
BODY_SHA = hashlib.sha256(BODY).hexdigest()


def test_download_streams_into_the_cache_and_records_a_sidecar(api_server, waits):
    api_server.serve("/data.bin", BODY, "application/octet-stream")
    path = http.download(api_server.base + "/data.bin", params={"b": 2, "a": "x"}, suffix=".bin")
    assert path.read_bytes() == BODY
    assert path.suffix == ".bin" and str(path).startswith(str(http.config.cache_dir()))
    assert not path.with_name(path.name + ".part").exists()
    meta = json.loads(http.sidecar_path(path).read_text())
    assert meta["url"] == api_server.base + "/data.bin"
    assert meta["params"] == {"a": "x", "b": "2"}
    assert meta["sha256"] == BODY_SHA and meta["bytes"] == len(BODY)
    assert meta["retrieved_at"].endswith("+00:00")
    assert api_server.seen[0].query == {"a": "x", "b": "2"}


def test_a_cached_answer_is_reused_until_refresh(api_server, waits):
    api_server.serve("/data.bin", BODY)
    url = api_server.base + "/data.bin"
    first = http.download(url, params={"q": 1})
    second = http.download(url, params={"q": 1})
    assert first == second and len(api_server.seen) == 1
    other = http.download(url, params={"q": 2})  # other parameters: another cache entry
    assert other != first and len(api_server.seen) == 2
    http.download(url, params={"q": 1}, refresh=True)
    assert len(api_server.seen) == 3


def test_a_damaged_cache_file_is_fetched_again(api_server, waits):
    api_server.serve("/data.bin", BODY)
    path = http.download(api_server.base + "/data.bin")
    path.write_bytes(BODY[:10])
    assert http.download(api_server.base + "/data.bin").read_bytes() == BODY
    assert len(api_server.seen) == 2


def test_headers_such_as_an_api_key_stay_out_of_the_cache(api_server, waits):
    api_server.serve("/data.bin", BODY)
    path = http.download(api_server.base + "/data.bin", headers={"X-Api-Key": "s3cret"})
    assert api_server.seen[0].headers["X-Api-Key"] == "s3cret"
    assert "s3cret" not in http.sidecar_path(path).read_text() and "s3cret" not in str(path)
    assert path == http.cache_path(api_server.base + "/data.bin")


def test_server_errors_are_retried_with_exponential_backoff(api_server, waits):
    api_server.serve("/data.bin", BODY)
    api_server.fail(3, 503)
    path = http.download(api_server.base + "/data.bin", backoff=0.5)
    assert path.read_bytes() == BODY
    assert len(api_server.seen) == 4
    assert waits == [0.5, 1.0, 2.0]


def test_retry_after_is_honoured(api_server, waits):
    api_server.serve("/data.bin", BODY)
    api_server.fail(1, 429, {"Retry-After": "7"})
    api_server.fail(1, 503, {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})  # a date in the past: no wait
    http.download(api_server.base + "/data.bin", backoff=0.5)
    assert waits == [7.0, 0.0]


def test_when_retries_run_out_the_error_says_so_and_leaves_no_file(api_server, waits):
    api_server.serve("/data.bin", BODY)
    api_server.fail(10, 502)
    dest = http.cache_path(api_server.base + "/data.bin")
    with pytest.raises(SourceError) as exc:
        http.download(api_server.base + "/data.bin", retries=2)
    assert not isinstance(exc.value, OfflineError)
    assert "after 3 tries" in str(exc.value) and "HTTP 502" in str(exc.value)
    assert len(api_server.seen) == 3 and not dest.exists()


def test_client_errors_are_not_retried(api_server, waits):
    with pytest.raises(SourceError, match="HTTP 404"):
        http.download(api_server.base + "/missing")
    assert len(api_server.seen) == 1 and waits == []


def test_a_cut_transfer_is_resumed_with_a_range_request(api_server, waits):
    api_server.serve("/data.bin", BODY)
    api_server.cut_after = 700
    path = http.download(api_server.base + "/data.bin")
    assert path.read_bytes() == BODY
    first, second = api_server.seen
    assert "Range" not in first.headers
    assert second.headers["Range"] == "bytes=700-"
    assert second.headers["If-Range"].startswith('"')  # the ETag of the first answer
    assert json.loads(http.sidecar_path(path).read_text())["sha256"] == BODY_SHA


def test_without_range_support_the_download_restarts(api_server, waits):
    api_server.serve("/data.bin", BODY)
    api_server.supports_range = False
    api_server.cut_after = 700
    path = http.download(api_server.base + "/data.bin")
    assert path.read_bytes() == BODY  # the 200 answer replaced the partial file instead of being appended
    assert len(api_server.seen) == 2


def test_checksum_is_verified(api_server, waits):
    api_server.serve("/data.bin", BODY)
    path = http.download(api_server.base + "/data.bin", sha256=BODY_SHA)
    assert path.read_bytes() == BODY


def test_a_corrupted_body_fails_the_checksum_and_is_removed(api_server, waits):
    api_server.serve("/data.bin", BODY)
    api_server.corrupt = True
    dest = http.cache_path(api_server.base + "/data.bin")
    with pytest.raises(SourceError, match="checksum mismatch") as exc:
        http.download(api_server.base + "/data.bin", sha256=BODY_SHA)
    assert BODY_SHA in str(exc.value)
    assert not dest.exists() and not dest.with_name(dest.name + ".part").exists()
    assert not http.sidecar_path(dest).exists()


def test_unreachable_server_is_an_offline_error_naming_the_url(closed_port, waits):
    url = closed_port + "/v2/country/KAZ"
    with pytest.raises(OfflineError) as exc:
        http.download(url, retries=3, backoff=0.5)
    message = str(exc.value)
    assert message == f"cannot reach {url} (offline?) — the shipped data pack works offline"
    assert "\n" not in message
    assert waits == [0.5, 1.0, 2.0]  # every try was made before giving up


# --- limits: size, overall deadline, Retry-After capped and announced ---------------------------------------------

import socket  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from contextlib import contextmanager  # noqa: E402


@contextmanager
def raw_server(body_writer):
    """A one-purpose local HTTP server: answers every GET with 200 and lets body_writer(sock) send the body."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(0.1)
    stop = threading.Event()

    def run():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                try:
                    conn.recv(65536)
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n")
                    body_writer(conn, stop)
                except OSError:  # the client hung up: that is what the limits do
                    pass

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def endless(conn, stop):
    block = b"x" * 65536
    while not stop.is_set():
        conn.sendall(block)


def trickle(conn, stop):
    while not stop.is_set():
        conn.sendall(b"x")
        time.sleep(0.2)


def _no_part_left(dest):
    return not dest.exists() and not dest.with_name(dest.name + ".part").exists() \
        and not dest.with_name(dest.name + ".part.json").exists()


def test_an_endless_body_stops_at_the_size_limit_and_leaves_no_part(waits):
    with raw_server(endless) as base:
        dest = http.cache_path(base + "/big")
        started = time.monotonic()
        with pytest.raises(SourceError, match=r"passed the 1,048,576-byte limit .*removed the partial file"):
            http.download(base + "/big", max_bytes=1 << 20)
        assert time.monotonic() - started < 20
    assert _no_part_left(dest)


def test_a_declared_length_over_the_limit_is_refused_before_reading(api_server, waits):
    api_server.serve("/data.bin", BODY)
    with pytest.raises(SourceError, match=r"is 2,000 bytes \(Content-Length\), over the 1,000-byte limit"):
        http.download(api_server.base + "/data.bin", max_bytes=1000)
    assert len(api_server.seen) == 1 and _no_part_left(http.cache_path(api_server.base + "/data.bin"))


def test_a_trickling_server_hits_the_overall_deadline_and_leaves_no_part(waits):
    with raw_server(trickle) as base:
        dest = http.cache_path(base + "/slow")
        started = time.monotonic()
        with pytest.raises(SourceError, match=r"no complete answer within the 1-second deadline .*too slowly"):
            http.download(base + "/slow", deadline=1.0)
        elapsed = time.monotonic() - started
    assert 1.0 <= elapsed < 10  # the per-read timeout (60 s) would never have fired: a byte comes every 0.2 s
    assert _no_part_left(dest)


def test_a_long_retry_after_is_capped_and_announced(api_server, waits, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(http, "notify", said.append)
    api_server.serve("/data.bin", BODY)
    api_server.fail(1, 429, {"Retry-After": "1200"})  # twenty minutes
    assert http.download(api_server.base + "/data.bin").read_bytes() == BODY
    assert waits == [http.MAX_WAIT]
    assert said == [f"HTTP 429 from {api_server.base[7:]}: waiting {http.MAX_WAIT:g} s before try 2 of 5 (the server "
                    f"asked for 1200 s; capped at {http.MAX_WAIT:g} s)"]


def test_a_wait_that_would_pass_the_deadline_stops_now(api_server, waits):
    api_server.serve("/data.bin", BODY)
    api_server.fail(1, 503, {"Retry-After": "30"})
    with pytest.raises(SourceError, match=r"HTTP 503; a retry after 30 s would pass the 10-second deadline"):
        http.download(api_server.base + "/data.bin", deadline=10)
    assert len(api_server.seen) == 1
