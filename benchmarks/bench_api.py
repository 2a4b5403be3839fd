"""Benchmark the dashboard's indicator API under 20 concurrent clients on loopback: p50 and p95 latency.

    python benchmarks/bench_api.py [--pack DIR] [--clients 20] [--requests 100]

Starts `multipolar serve` (uvicorn, one process, no warm-up) on a free loopback port, then:

1. cold: every distinct query once, 20 at a time (each one computed from the pack: the first time any client asks);
2. steady: each of the 20 clients sends --requests queries drawn at random from the same set (answers cached after
   their first computation: the pack is read-only, so they never go stale).

The queries are what the dashboard's pages ask: each SCO state's trade shares, arms shares, UN agreement and
composite score against China and Russia, plus partner ranks and trade values. Prints p50/p95/max per phase, the
target (p95 < 100 ms in steady state) and the ratio to a baseline measured in the same run under the same load: a
static file (/static/style.css), i.e. the server's own overhead.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time

import httpx

# Target from the issue: p95 latency of indicator calls under 20 concurrent clients.
TARGET_P95_MS = 100.0
STATES = ("BLR", "IND", "IRN", "KAZ", "KGZ", "PAK", "TJK", "UZB")
QUERIES = [f"/api/indicators/{name}?country={c}&partner=CHN,RUS" + extra
           for c in STATES
           for name, extra in (("trade_share", "&flow=turnover"), ("arms_share_5y", ""), ("un_agreement", ""),
                               ("influence_score", ""), ("partner_rank", "&flow=turnover"),
                               ("trade_value", "&years=2015-2023"))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, pack: str, workers: int = 1) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "multipolar.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--no-warm"]
    if workers != 1:
        cmd += ["--workers", str(workers)]
    if pack:
        cmd += ["--pack", pack]
    env = dict(os.environ)
    proc = subprocess.Popen([sys.executable, "-c", "from multipolar.cli import main; main()", *cmd[3:]], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/static/style.css", timeout=1).raise_for_status()
            return proc
        except httpx.HTTPError:
            if proc.poll() is not None:
                sys.exit(f"server exited: {proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
    proc.terminate()
    sys.exit("server did not start within 60 s")


class Connection:
    """One keep-alive HTTP/1.1 connection: a minimal client, so that the clients' own CPU (two cores are shared
    with the server) weighs as little as possible on the figures."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = next(int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:"))
        await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def phase(base: str, urls_per_client: list[list[str]]) -> tuple[list[float], list[int], float]:
    host, port = base.rsplit("/", 1)[-1].split(":")
    latencies: list[float] = []
    statuses: list[int] = []

    async def worker(urls):
        conn = Connection(host, int(port))
        try:
            for url in urls:
                t = time.perf_counter()
                statuses.append(await conn.get(url))
                latencies.append((time.perf_counter() - t) * 1000)
        finally:
            conn.close()

    t = time.perf_counter()
    await asyncio.gather(*(worker(u) for u in urls_per_client))
    return latencies, statuses, time.perf_counter() - t


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def report(name: str, lat: list[float], statuses: list[int], seconds: float) -> float:
    bad = sum(1 for s in statuses if s != 200)
    p95 = pct(lat, 95)
    print(f"{name:<34} n={len(lat):5d}  p50 {pct(lat, 50):7.1f} ms  p95 {p95:7.1f} ms  max {max(lat):7.1f} ms  "
          f"{len(lat) / seconds:7.1f} req/s" + (f"  NON-200: {bad}" if bad else ""))
    return p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", default="", help="pack folder (default: $MULTIPOLAR_PACK_DIR or the shipped pack)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=100, help="requests per client in the steady phase")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    port = free_port()
    proc = start_server(port, args.pack)
    base = f"http://127.0.0.1:{port}"
    try:
        print(f"uvicorn on {base}; {args.clients} concurrent clients; {len(QUERIES)} distinct indicator queries; "
              f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
        cold = [QUERIES[i::args.clients] for i in range(args.clients)]
        lat, st, secs = asyncio.run(phase(base, cold))
        report("cold (each query computed once)", lat, st, secs)
        static = [["/static/style.css"] * args.requests for _ in range(args.clients)]
        lat_b, st_b, secs_b = asyncio.run(phase(base, static))
        p95_base = report("baseline: static file", lat_b, st_b, secs_b)
        steady = [[rng.choice(QUERIES) for _ in range(args.requests)] for _ in range(args.clients)]
        lat_s, st_s, secs_s = asyncio.run(phase(base, steady))
        p95 = report("steady: indicator API", lat_s, st_s, secs_s)
        print(f"\np95 ratio indicator API / static file: {p95 / p95_base:.2f}x")
        verdict = "meets" if p95 < TARGET_P95_MS else "MISSES"
        print(f"target p95 < {TARGET_P95_MS:.0f} ms under {args.clients} clients (steady): {verdict} ({p95:.1f} ms)")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
