"""A local HTTP server that plays the online APIs from recorded responses, and a clean cache for every test."""

from __future__ import annotations

import hashlib
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest

from multipolar.sources import http

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# A route answers a request's query with (body, content type), or None for 404.
Answer = Callable[[dict], "tuple[bytes, str] | None"]


@dataclass
class Seen:
    path: str
    query: dict
    headers: dict


@dataclass
class FixtureServer:
    """Serves registered paths; can fail the next N requests, cut a body, corrupt it, or refuse Range."""

    base: str = ""
    routes: dict[str, Answer] = field(default_factory=dict)
    failures: list[tuple[int, dict]] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)
    supports_range: bool = True
    cut_after: int | None = None  # the next full answer stops after this many bytes (connection closed)
    corrupt: bool = False  # flip the first byte of every body
    lock: threading.Lock = field(default_factory=threading.Lock)

    def serve(self, path: str, body: bytes | str | Path, content_type: str = "application/json") -> None:
        """Answer GET path (any query) with body (bytes, text, or a fixture file)."""
        if isinstance(body, Path):
            body = body.read_bytes()
        elif isinstance(body, str):
            body = body.encode("utf-8")
        self.routes[path] = lambda query, body=body: (body, content_type)

    def route(self, path: str, answer: Answer) -> None:
        """Answer GET path with answer(query)."""
        self.routes[path] = answer

    def fail(self, times: int, status: int = 503, headers: dict | None = None) -> None:
        """Make the next `times` requests fail with status (and headers, e.g. Retry-After)."""
        self.failures.extend([(status, headers or {})] * times)


def _handler(state: FixtureServer):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep test output quiet
            pass

        def _send(self, status: int, body: bytes, headers: dict, *, limit: int | None = None) -> None:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body if limit is None else body[:limit])
            self.wfile.flush()
            if limit is not None:
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)

        def do_GET(self):  # noqa: N802 (http.server's naming)
            parts = urlsplit(self.path)
            path, query = unquote(parts.path), dict(parse_qsl(parts.query, keep_blank_values=True))
            with state.lock:
                state.seen.append(Seen(path, query, dict(self.headers.items())))
                failure = state.failures.pop(0) if state.failures else None
            if failure:
                status, headers = failure
                self._send(status, b'{"error": "simulated failure"}', {"Content-Type": "application/json", **headers})
                return
            answer = state.routes.get(path)
            found = answer(query) if answer else None
            if found is None:
                self._send(404, b"not found", {"Content-Type": "text/plain"})
                return
            body, content_type = found
            if state.corrupt:
                body = bytes([body[0] ^ 0xFF]) + body[1:]
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            headers = {"Content-Type": content_type, "ETag": etag}
            if state.supports_range:
                headers["Accept-Ranges"] = "bytes"
            wanted = self.headers.get("Range", "")
            if_range = self.headers.get("If-Range")
            if (state.supports_range and wanted.startswith("bytes=") and wanted.endswith("-")
                    and (if_range is None or if_range == etag)):
                start = int(wanted[len("bytes="):-1])
                if start >= len(body):
                    self._send(416, b"", {"Content-Range": f"bytes */{len(body)}"})
                    return
                headers["Content-Range"] = f"bytes {start}-{len(body) - 1}/{len(body)}"
                self._send(206, body[start:], headers)
                return
            with state.lock:
                limit, state.cut_after = state.cut_after, None
            self._send(200, body, headers, limit=limit)

    return Handler


@pytest.fixture
def api_server():
    """A fresh local server on 127.0.0.1 for one test."""
    state = FixtureServer()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def closed_port() -> str:
    """A base URL on a local port where nothing listens (connections are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def waits(monkeypatch, tmp_path) -> list[float]:
    """A private download cache, and the backoff waits recorded instead of slept."""
    monkeypatch.setenv("MULTIPOLAR_CACHE_DIR", str(tmp_path / "cache"))
    recorded: list[float] = []
    monkeypatch.setattr(http, "_sleep", recorded.append)
    return recorded
