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
