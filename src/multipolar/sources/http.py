"""Download helper for the online connectors: cached, streamed to a .part file, resumable, retried, checksummed."""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from importlib.metadata import version as _version
from pathlib import Path
from urllib.parse import urlsplit

from .. import config
from ..errors import OfflineError, SourceError
from ..lazy import LazyModule
from .base import sha256 as file_sha256

# Byte progress callback: (bytes written so far, total bytes or None when the server does not say).
ByteProgress = Callable[[int, "int | None"], None]

# Sub-folder of the cache that holds raw responses (one file + one .json sidecar per request).
CACHE_SUBDIR = "http"
# Longest wait between two tries, whatever Retry-After or the backoff say (seconds); a longer Retry-After is capped
# and the wait announced (notify), so a pull never sleeps silently for minutes.
MAX_WAIT = 60.0
# Largest answer accepted (bytes): the connectors' answers are a few MB; an endless or runaway body stops here.
MAX_BYTES = 256 * 1024 * 1024
# Overall deadline of one download, all tries and waits included (seconds): a server trickling bytes (which the
# per-read timeout never catches) or asking to come back later cannot hang a pull.
DEADLINE = 600.0
# Statuses worth trying again: rate limiting and server-side failures.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504}) | frozenset(range(505, 600))
# Sent with every request so that providers can tell who is calling.
USER_AGENT = f"multipolar (research; python-httpx/{_version('httpx')})"
# httpx, imported at the first download (reading a source's ORIGIN, as the claim checker does, needs no network).
httpx = LazyModule("httpx")
# Tests replace this to record the waits instead of sleeping.
_sleep = time.sleep
# The clock of the deadline (tests may replace it).
_clock = time.monotonic


def _notify(message: str) -> None:
    """Say what the download is doing that takes time (a wait before a retry) on stderr."""
    print(f"note: {message}", file=sys.stderr, flush=True)


# Where download() announces its waits (tests replace it to record them).
notify: Callable[[str], None] = _notify


class HTTPStatusError(SourceError):
    """The server answered with an error status that is not worth retrying (e.g. 404: no such series)."""

    def __init__(self, message: str, *, status: int, file=None):
        super().__init__(message, file=file)
        self.status = status


class _Limit(Exception):
    """A size or time limit was hit: the try is not retried and the partial file is removed."""


class _Retryable(Exception):
    """One try failed in a way another try may fix; `wait` is what the server asked for (Retry-After)."""

    def __init__(self, message: str, *, wait: float | None = None, unreachable: bool = False):
        super().__init__(message)
        self.wait = wait
        self.unreachable = unreachable


def cache_key(url: str, params: Mapping | None = None) -> str:
    """A stable hex digest of the URL and its query parameters (order-insensitive)."""
    items = sorted((str(k), str(v)) for k, v in (params or {}).items())
    raw = json.dumps({"url": url, "params": items}, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def cache_path(url: str, params: Mapping | None = None, *, suffix: str = "") -> Path:
    """Where download() keeps the response of url+params in the cache: <cache>/http/<host>/<digest><suffix>."""
    host = urlsplit(url).netloc.replace(":", "_") or "local"
    return config.cache_dir() / CACHE_SUBDIR / host / f"{cache_key(url, params)[:32]}{suffix}"


def sidecar_path(path: Path) -> Path:
    """The JSON file next to a cached response that says where and when it came from."""
    path = Path(path)
    return path.with_name(path.name + ".json")


def read_sidecar(path: Path) -> dict:
    """The sidecar of a downloaded file (url, params, retrieved_at, sha256, bytes); a SourceError when absent."""
    side = sidecar_path(path)
    try:
        return json.loads(side.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SourceError(f"no readable download record next to the response ({exc})", file=side) from exc


def discard(path: Path) -> None:
    """Remove a cached response and its sidecar (e.g. an error message the server sent with status 200)."""
    _discard(Path(path), sidecar_path(Path(path)))


def full_url(url: str, params: Mapping | None = None) -> str:
    """The URL with its query string, as the server saw it."""
    return str(httpx.URL(url, params={str(k): str(v) for k, v in (params or {}).items()}))


def _write_json(path: Path, data: dict) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1, sort_keys=True, ensure_ascii=False)
        fh.write("\n")
    os.replace(tmp, path)


def _cached(dest: Path, url: str, params: dict, sha256: str | None) -> bool:
    """True when dest holds a complete earlier download of exactly this request."""
    if not dest.is_file() or not sidecar_path(dest).is_file():
        return False
    try:
        meta = read_sidecar(dest)
    except SourceError:
        return False
    if meta.get("url") != url or meta.get("params") != params:
        return False
    actual = file_sha256(dest)
    if actual != meta.get("sha256"):  # the cached file was changed or cut: fetch it again
        return False
    return sha256 is None or actual == sha256.lower()


def is_cached(url: str, params: Mapping | None = None, *, suffix: str = "") -> bool:
    """Whether download() would answer url+params from the cache without a request."""
    params = {str(k): str(v) for k, v in (params or {}).items()}
    return _cached(cache_path(url, params, suffix=suffix), url, params, None)


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds the server asks us to wait (Retry-After as seconds or as an HTTP date), or None."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _part_meta_matches(part: Path, url: str, params: dict) -> dict | None:
    """The validators (ETag, Last-Modified) saved when the .part was started, if it belongs to this request."""
    side = sidecar_path(part)
    if not part.is_file() or not side.is_file():
        return None
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    if meta.get("url") != url or meta.get("params") != params:
        return None
    return meta


def _discard(*paths: Path) -> None:
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def _one_try(client: httpx.Client, url: str, params: dict, headers: dict, part: Path,
             progress: ByteProgress | None, max_bytes: int, ends_at: float, deadline: float,
             retry_on: frozenset[int] = RETRY_STATUSES) -> None:
    """One GET streamed into part, resuming it with Range when possible. Raises _Retryable, _Limit (more than
    max_bytes, or the clock past ends_at) or SourceError."""
    meta = _part_meta_matches(part, url, params)
    start = part.stat().st_size if meta else 0
    if not meta:
        _discard(part, sidecar_path(part))
    request_headers = dict(headers)
    # Raw bytes on the wire, so that Range offsets and the cached file agree.
    request_headers.setdefault("Accept-Encoding", "identity")
    if start:
        request_headers["Range"] = f"bytes={start}-"
        validator = meta.get("etag") or meta.get("last_modified")
        if validator:
            request_headers["If-Range"] = validator
    try:
        with client.stream("GET", url, params=params, headers=request_headers) as response:
            status = response.status_code
            if status == 416 and start:  # our .part is no longer a prefix of the resource: start over
                _discard(part, sidecar_path(part))
                raise _Retryable(f"HTTP 416 on resume from byte {start}", wait=0.0)
            if status in retry_on:
                raise _Retryable(f"HTTP {status}", wait=_retry_after(response))
            if status not in (200, 206):
                body = response.read().decode("utf-8", "replace").strip().replace("\n", " ")[:200]
                raise HTTPStatusError(f"HTTP {status} from {full_url(url, params)}" + (f": {body}" if body else ""),
                                      status=status)
            encoded = response.headers.get("Content-Encoding", "identity").lower() not in ("", "identity")
            length = response.headers.get("Content-Length")
            if status == 206 and start:
                first = _content_range_start(response.headers.get("Content-Range", ""))
                if first != start:  # the server resumed elsewhere: never splice mismatched bytes
                    _discard(part, sidecar_path(part))
                    raise _Retryable(f"server resumed at byte {first}, not {start}", wait=0.0)
                mode, done = "ab", start
            else:
                mode, done = "wb", 0
                _write_json(sidecar_path(part), {"url": url, "params": params,
                                                 "etag": response.headers.get("ETag"),
                                                 "last_modified": response.headers.get("Last-Modified")})
            total = done + int(length) if length and length.isdigit() and not encoded else None
            if total is not None and total > max_bytes:
                raise _Limit(f"the answer is {total:,} bytes (Content-Length), over the {max_bytes:,}-byte limit")
            if progress:
                progress(done, total)
            chunks = response.iter_bytes() if encoded else response.iter_raw()
            with part.open(mode) as fh:
                for chunk in chunks:
                    fh.write(chunk)
                    done += len(chunk)
                    if done > max_bytes:
                        raise _Limit(f"the answer passed the {max_bytes:,}-byte limit (endless or runaway body)")
                    if _clock() > ends_at:
                        raise _Limit(f"no complete answer within the {deadline:g}-second deadline "
                                     f"({done:,} bytes received: the server is sending too slowly)")
                    if progress:
                        progress(done, total)
            if encoded:
                # A decoded body cannot be resumed by byte offset: a cut one is discarded, not kept.
                _discard(sidecar_path(part))
            if total is not None and done != total:
                raise _Retryable(f"connection closed after {done} of {total} bytes")
    except httpx.ConnectError as exc:  # DNS failure, connection refused, network unreachable
        raise _Retryable(f"cannot connect ({exc})", unreachable=True) from exc
    except httpx.ConnectTimeout as exc:
        raise _Retryable(f"connection timed out ({exc})", unreachable=True) from exc
    except httpx.TransportError as exc:  # read timeouts, cut connections, protocol errors
        raise _Retryable(f"{type(exc).__name__}: {exc}") from exc


def _content_range_start(value: str) -> int | None:
    # "bytes 100-199/200"
    try:
        unit, _, rest = value.partition(" ")
        return int(rest.split("-", 1)[0]) if unit == "bytes" else None
    except ValueError:
        return None


def download(url: str, dest: str | Path | None = None, *, params: Mapping | None = None,
             headers: Mapping | None = None, sha256: str | None = None, retries: int = 4, backoff: float = 0.5,
             progress: ByteProgress | None = None, timeout: float = 60.0, refresh: bool = False,
             suffix: str = "", client: httpx.Client | None = None, max_bytes: int | None = None,
             deadline: float | None = None, retry_statuses: frozenset[int] = frozenset()) -> Path:
    """Fetch url (with params) into dest, or into the cache when dest is None; return the file's path.

    An earlier complete download of the same URL+params is reused unless refresh=True. The body is streamed to
    `<dest>.part` and renamed into place only when complete (and matching `sha256` when given); a cut transfer is
    resumed with a Range request on the next try. Connection errors, timeouts, HTTP 429 and 5xx are retried
    `retries` times with exponential backoff (Retry-After honoured up to MAX_WAIT, each wait announced through
    `notify`). Limits: at most `max_bytes` (default MAX_BYTES) and `deadline` seconds for the whole download, tries
    and waits included (default DEADLINE); hitting either stops at once and removes the .part file. Headers are not
    part of the cache key, so an API key sent as a header never lands on disk. Raises OfflineError when no try could
    connect at all, SourceError for any other failure (the checksum file is removed); HTTPStatusError (a SourceError
    with .status) for an error status that is not retried. retry_statuses adds statuses to retry (e.g. 403 for an
    API that answers a spent quota with it).
    """
    max_bytes = MAX_BYTES if max_bytes is None else int(max_bytes)
    deadline = DEADLINE if deadline is None else float(deadline)
    ends_at = _clock() + deadline
    params = {str(k): str(v) for k, v in (params or {}).items()}
    headers = {"User-Agent": USER_AGENT, **{str(k): str(v) for k, v in (headers or {}).items()}}
    dest = Path(dest) if dest is not None else cache_path(url, params, suffix=suffix)
    if not refresh and _cached(dest, url, params, sha256):
        if progress:
            size = dest.stat().st_size
            progress(size, size)
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    if refresh:
        _discard(part, sidecar_path(part))
    own_client = client is None
    client = client or httpx.Client(timeout=timeout, follow_redirects=True)
    failures: list[_Retryable] = []
    try:
        for attempt in range(retries + 1):
            try:
                _one_try(client, url, params, headers, part, progress, max_bytes, ends_at, deadline,
                         RETRY_STATUSES | frozenset(retry_statuses))
                break
            except _Limit as exc:
                _discard(part, sidecar_path(part))
                raise SourceError(f"{exc}; stopped and removed the partial file — {full_url(url, params)}",
                                  file=dest) from None
            except _Retryable as exc:
                failures.append(exc)
                if attempt == retries:
                    break
                asked = exc.wait
                wait = min(asked if asked is not None else backoff * (2 ** attempt), MAX_WAIT)
                left = ends_at - _clock()
                if wait > left:
                    _discard(part, sidecar_path(part))
                    raise SourceError(f"{exc}; a retry after {wait:g} s would pass the {deadline:g}-second deadline "
                                      f"({max(left, 0):.0f} s left); stopped and removed the partial file — "
                                      f"{full_url(url, params)}", file=dest) from None
                if asked is not None and asked > 1:
                    capped = f" (the server asked for {asked:g} s; capped at {MAX_WAIT:g} s)" if asked > wait else ""
                    notify(f"{exc} from {urlsplit(url).netloc}: waiting {wait:g} s before try {attempt + 2} of "
                           f"{retries + 1}{capped}")
                _sleep(wait)
    finally:
        if own_client:
            client.close()
    if len(failures) == retries + 1:
        if all(f.unreachable for f in failures):
            raise OfflineError(f"cannot reach {url} (offline?) — the shipped data pack works offline")
        raise SourceError(f"download failed after {retries + 1} tries: {failures[-1]} — {full_url(url, params)}")
    digest = file_sha256(part)
    if sha256 is not None and digest != sha256.lower():
        _discard(part, sidecar_path(part))
        raise SourceError(f"checksum mismatch for {full_url(url, params)}: expected sha256 {sha256.lower()}, "
                          f"got {digest}; the file was removed", file=dest)
    os.replace(part, dest)
    _discard(sidecar_path(part))
    _write_json(sidecar_path(dest), {
        "url": url, "params": params, "full_url": full_url(url, params),
        "retrieved_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "sha256": digest, "bytes": dest.stat().st_size,
    })
    return dest
