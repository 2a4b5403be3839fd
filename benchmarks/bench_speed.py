"""Benchmark issue 14's interactive-speed targets: start-up, one query, crossover, checks, the API under load.

    nice python benchmarks/bench_speed.py [--runs 5] [--only startup,query,warm,trade_sql,crossover,check,api]
                                          [--api-seconds 30] [--api-rounds 1] [--clients 50] [--json FILE]

Method: every command runs in a fresh Python process, as a user runs it; commands compared are run interleaved
(A, B, A, B, ...) so they see the same machine load, and the figure is the median of --runs; a ratio is the median
of A over the median of B measured in the same run. Peak memory is the process's own maximum resident set
(VmHWM of /proc/self/status, read at exit). Measured on the shared 2-core machine: the load average is printed with each section.
The package is byte-compiled first and the processes may use its .pyc files, as after `pip install`.

- startup: `multipolar --help`, `multipolar indicator --bogus` (exit 2), against `python -c pass`.
- query: `multipolar indicator trade_share --country KAZ --partner CHN,RUS --flow turnover --years 2015-2023
  --format csv` (indicator cache filled) against the hand-written DuckDB SQL of the same rule
  (baselines.trade_share_sql) for the same rows in a fresh process.
- warm: `multipolar.indicator(...)` of the same query in one warm process (median of 50 calls after one).
- trade_sql: trade shares of every country in one process, the registry (fresh context, indicator cache off)
  against the hand-written SQL, interleaved.
- crossover: `multipolar crossover --region central-asia --format json`, warm (cache filled) and cold (an empty
  $MULTIPOLAR_CACHE_DIR each run).
- check: `multipolar check` of the seed article and of a 2 MB text (benchmarks/long_text.py), time and peak RSS.
- api: `multipolar serve [--workers N]` with 50 concurrent clients for --api-seconds each: a cached mix (GETs of
  indicators, crossover and leads, answered once before by every worker) and a cache-missing mix (every request new:
  POST /api/check of a unique text, indicators with unique parameters); p50/p95 and the server's resident memory
  (all its processes) at rest before (after one request of each kind: libraries and pack tables loaded) and 5 s
  after the runs; --api-rounds N runs both mixes N times, the size after each (a bounded server stays level).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SEED_ARTICLE = Path("/work/shared/articles/astana-sco-summit.txt")
QUERY = ["indicator", "trade_share", "--country", "KAZ", "--partner", "CHN,RUS", "--flow", "turnover",
         "--years", "2015-2023", "--format", "csv"]
TARGETS = {"help": 0.3, "bad_option": 0.3, "query_ratio": 1.5, "warm_ms": 50.0, "trade_sql_ratio": 1.5,
           "crossover": 1.5, "check_seed": 1.5, "check_2mb": 10.0, "check_2mb_mb": 300.0, "api_cached_p95_ms": 50.0,
           "api_missing_p95_ms": 500.0}
# Runs a command line of multipolar in this process and writes (wall seconds, peak RSS MB) to $BENCH_OUT at exit.
CLI = r"""
import atexit, os, sys, time
t0 = time.perf_counter()
def _out():
    # VmHWM: this program's own peak (getrusage's ru_maxrss keeps the forking parent's peak across exec)
    hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
    with open(os.environ["BENCH_OUT"], "w") as fh:
        fh.write(f"{time.perf_counter() - t0} {hwm / 1024}")
atexit.register(_out)
sys.argv = ["multipolar", *sys.argv[1:]]
from multipolar.cli import main
main()
"""
SQL = r"""
import sys, duckdb
from baselines import trade_share_sql
from multipolar import config
from multipolar.store import read_manifest
pack = config.pack_dir(None)
m = read_manifest(pack)
sql = trade_share_sql(pack / m["tables"]["trade_flows"]["file"], m["pack_countries"],
                      "country = 'KAZ' AND partner IN ('CHN', 'RUS') AND flow = 'turnover' AND year BETWEEN 2015 AND 2023")
rows = duckdb.sql(sql).fetchall()
sys.stdout.write("\n".join(",".join("" if v is None else str(v) for v in r) for r in rows))
"""

# The engine's floor: a fresh process reading the same country, partners and years straight from trade_flows (no
# rule applied: a lower bound for any implementation, not the same result).
FLOOR = r"""
import sys, duckdb
from multipolar import config
pack = config.pack_dir(None)
rows = duckdb.sql(f"SELECT * FROM read_parquet('{pack}/trade_flows.parquet') WHERE reporter = 'KAZ' "
                  "AND partner IN ('CHN', 'RUS', 'WLD') AND year BETWEEN 2015 AND 2023").fetchall()
sys.stdout.write("\n".join(",".join("" if v is None else str(v) for v in r) for r in rows))
"""


def load() -> str:
    return f"load average {os.getloadavg()[0]:.1f} (1 min), {os.cpu_count()} CPUs"


def run(args: list[str], env: dict | None = None, code: str = CLI, stdin=None) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MB, exit code) of a fresh process; the wall time is the parent's."""
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as fh:
        out = fh.name
    env = {**os.environ, **(env or {}), "BENCH_OUT": out, "PYTHONPATH": str(HERE)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: the package's .pyc files exist (see compile_package)
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, *args], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, stdin=stdin)
    wall = time.perf_counter() - t
    try:
        text = Path(out).read_text().split()
        rss = float(text[1]) if len(text) > 1 else float("nan")
    finally:
        os.unlink(out)
    return wall, rss, proc.returncode


def compile_package() -> None:
    """Byte-compile the multipolar package, as `pip install` does: otherwise, where PYTHONDONTWRITEBYTECODE is set (or
    the package is an editable checkout never imported), every timed process would first compile ~200 modules from
    source (~0.3 s of a claim check)."""
    import compileall

    import multipolar

    compileall.compile_dir(str(Path(multipolar.__file__).parent), quiet=1)


def interleaved(commands: dict[str, tuple], runs: int) -> dict[str, dict]:
    """Each named (args, env, code) run `runs` times, in turn; median wall time and peak RSS of each."""
    times = {k: [] for k in commands}
    rss = {k: [] for k in commands}
    codes = {k: set() for k in commands}
    for _ in range(runs):
        for name, (args, env, code) in commands.items():
            wall, mb, rc = run(args, env, code)
            times[name].append(wall)
            rss[name].append(mb)
            codes[name].add(rc)
    return {k: {"median_s": statistics.median(times[k]), "runs_s": [round(t, 3) for t in times[k]],
                "peak_rss_mb": max(rss[k]), "exit_codes": sorted(codes[k])} for k in commands}


def show(title: str, figures: dict[str, dict]) -> None:
    print(f"\n{title} ({load()})")
    for k, v in figures.items():
        print(f"  {k:<28} median {v['median_s']:6.3f} s  peak RSS {v['peak_rss_mb']:6.0f} MB  runs {v['runs_s']}  "
              f"exit {v['exit_codes']}")


def bench_startup(runs: int) -> dict:
    f = interleaved({"python -c pass": ([], None, "pass"), "multipolar --help": (["--help"], None, CLI),
                     "indicator --bogus": (["indicator", "--bogus"], None, CLI)}, runs)
    show("start-up", f)
    return {"help": f["multipolar --help"]["median_s"], "bad_option": f["indicator --bogus"]["median_s"],
            "python_s": f["python -c pass"]["median_s"], "detail": f}


def bench_query(runs: int) -> dict:
    run(QUERY)  # the indicator cache filled (a first query of a pack version computes it)
    f = interleaved({"CLI indicator query": (QUERY, None, CLI), "hand-written DuckDB SQL": ([], None, SQL),
                     "DuckDB floor (plain filter)": ([], None, FLOOR)}, runs)
    show("one indicator query, fresh process", f)
    ratio = f["CLI indicator query"]["median_s"] / f["hand-written DuckDB SQL"]["median_s"]
    floor = f["CLI indicator query"]["median_s"] / f["DuckDB floor (plain filter)"]["median_s"]
    print(f"  ratio CLI / SQL of the same rule: {ratio:.2f}x; CLI / plain filter (no rule): {floor:.2f}x")
    return {"query_s": f["CLI indicator query"]["median_s"], "sql_s": f["hand-written DuckDB SQL"]["median_s"],
            "floor_s": f["DuckDB floor (plain filter)"]["median_s"], "query_ratio": ratio, "floor_ratio": floor}


def bench_warm() -> dict:
    import multipolar

    kw = dict(country="KAZ", partner="CHN,RUS", flow="turnover", years="2015-2023")
    multipolar.indicator("trade_share", **kw)
    times = []
    for _ in range(50):
        t = time.perf_counter()
        multipolar.indicator("trade_share", **kw)
        times.append((time.perf_counter() - t) * 1000)
    ms = statistics.median(times)
    print(f"\nmultipolar.indicator() warm ({load()}): median {ms:.1f} ms of 50 calls (max {max(times):.1f} ms)")
    return {"warm_ms": ms}


def bench_trade_sql(runs: int) -> dict:
    """Trade shares of every pack country: registry (fresh context, no indicator cache) vs the hand-written SQL."""
    import duckdb

    from baselines import trade_share_sql
    from multipolar import config
    from multipolar.indicators import api, cache
    from multipolar.store import read_manifest

    pack = config.pack_dir(None)
    manifest = read_manifest(pack)
    sql = trade_share_sql(pack / manifest["tables"]["trade_flows"]["file"], manifest["pack_countries"])
    os.environ[cache.ENV] = "off"
    reg, base, n = [], [], 0
    try:
        for _ in range(runs):
            api._CONTEXTS.clear()
            t = time.perf_counter()
            n = len(api.compute("trade_share"))
            reg.append(time.perf_counter() - t)
            t = time.perf_counter()
            m = len(duckdb.connect().sql(sql).fetchall())
            base.append(time.perf_counter() - t)
    finally:
        os.environ.pop(cache.ENV, None)
        api._CONTEXTS.clear()
    r, b = statistics.median(reg), statistics.median(base)
    print(f"\ntrade shares, every country, same process, interleaved ({load()}): registry {r:.2f} s ({n:,} rows), "
          f"hand-written SQL {b:.2f} s ({m:,} rows); ratio {r / b:.2f}x")
    return {"trade_registry_s": r, "trade_sql_s": b, "trade_sql_ratio": r / b}


def bench_crossover(runs: int) -> dict:
    args = ["crossover", "--region", "central-asia", "--format", "json"]
    run(args)
    cold_dirs = [tempfile.mkdtemp(prefix="bench-cache-") for _ in range(runs)]
    try:
        warm = interleaved({"crossover warm": (args, None, CLI)}, runs)
        cold = {"crossover cold": {"runs_s": [], "peak_rss_mb": 0, "exit_codes": set()}}
        for d in cold_dirs:
            wall, mb, rc = run(args, {"MULTIPOLAR_CACHE_DIR": d})
            cold["crossover cold"]["runs_s"].append(round(wall, 3))
            cold["crossover cold"]["peak_rss_mb"] = max(cold["crossover cold"]["peak_rss_mb"], mb)
            cold["crossover cold"]["exit_codes"].add(rc)
        cold["crossover cold"]["median_s"] = statistics.median(cold["crossover cold"]["runs_s"])
        cold["crossover cold"]["exit_codes"] = sorted(cold["crossover cold"]["exit_codes"])
    finally:
        for d in cold_dirs:
            shutil.rmtree(d, ignore_errors=True)
    show("crossover --region central-asia", {**warm, **cold})
    return {"crossover": warm["crossover warm"]["median_s"], "crossover_cold": cold["crossover cold"]["median_s"]}


def bench_check(runs: int) -> dict:
    from long_text import long_text

    folder = Path(tempfile.mkdtemp(prefix="bench-check-"))
    big = folder / "long.txt"
    big.write_text(long_text(2_000_000), encoding="utf-8")
    try:
        run(["check", str(SEED_ARTICLE), "--format", "json"])
        seed = interleaved({"check seed article": (["check", str(SEED_ARTICLE), "--format", "json"], None, CLI)},
                           runs)
        large = interleaved({"check 2 MB text": (["check", str(big), "--format", "json"], None, CLI)},
                            max(1, runs // 2))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    show(f"check ({big.name}: 2,000,000 bytes)", {**seed, **large})
    return {"check_seed": seed["check seed article"]["median_s"],
            "check_seed_mb": seed["check seed article"]["peak_rss_mb"],
            "check_2mb": large["check 2 MB text"]["median_s"], "check_2mb_mb": large["check 2 MB text"]["peak_rss_mb"]}


# --- API load -------------------------------------------------------------------------------------------------

def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _load(port: int, clients: int, seconds: float, next_request) -> tuple[list[float], int]:
    """`clients` keep-alive connections sending next_request() -> (method, path, body) for `seconds`."""
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds

    async def client(i):
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < stop:
                method, path, body = next_request()
                data = body.encode() if body else b""
                head = f"{method} {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {len(data)}\r\n"
                head += "Content-Type: application/json\r\n\r\n" if body else "\r\n"
                t = time.perf_counter()
                writer.write(head.encode() + data)
                await writer.drain()
                raw = await reader.readuntil(b"\r\n\r\n")
                lines = raw.decode("latin-1").split("\r\n")
                status = int(lines[0].split()[1])
                length = next(int(x.split(":", 1)[1]) for x in lines if x.lower().startswith("content-length:"))
                await reader.readexactly(length)
                latencies.append((time.perf_counter() - t) * 1000)
                errors += status != 200
        finally:
            writer.close()

    await asyncio.gather(*(client(i) for i in range(clients)))
    return latencies, errors


def bench_api(clients: int, seconds: float, workers: int = 1, rounds: int = 1) -> dict:
    import httpx

    from bench_api import QUERIES, free_port, start_server
    from long_text import paragraphs

    port = free_port()
    proc = start_server(port, "", workers)
    rng = random.Random(1)
    try:
        base = f"http://127.0.0.1:{port}"
        cached = QUERIES + ["/api/crossover?region=central-asia", "/api/leads?region=central-asia"]
        for path in cached:  # each answered once: the cached mix reads answers
            httpx.get(base + path, timeout=300)
        texts = [p for p in paragraphs() if len(p) < 2000]
        for _ in range(4 * workers):  # with several worker processes each one answers the cached mix once
            for path in cached:
                httpx.get(base + path, timeout=300)
            # and one request of each uncached kind: the checker's modules and the pack tables it reads are loaded
            # (once per process) before the resting size is taken
            httpx.post(base + "/api/check", json={"text": f"Kazakhstan's trade with China was ${_ + 1} billion in "
                                                          "2015."}, timeout=300)
            httpx.get(base + f"/api/indicators/trade_value?country=KAZ&partner=CHN&years=2001-2002&limit={_ + 1}",
                      timeout=300)
        time.sleep(3)
        before = _server_rss_mb(proc.pid)
        print(f"\nAPI, {clients} concurrent clients, {seconds:.0f} s per mix, {workers} server process(es) ({load()});"
              f" server RSS {before:.0f} MB")
        lat, err = asyncio.run(_load(port, clients, seconds, lambda: ("GET", rng.choice(cached), None)))
        out = {"api_cached_p50_ms": statistics.median(lat), "api_cached_p95_ms": _pct(lat, 95),
               "api_cached_n": len(lat), "api_cached_errors": err}
        print(f"  cached mix:        n={len(lat):6d}  p50 {out['api_cached_p50_ms']:7.1f} ms  p95 "
              f"{out['api_cached_p95_ms']:7.1f} ms  non-200 {err}   ({load()})")
        counter = iter(range(10**9))

        def missing():
            i = next(counter)
            if i % 2 == 0:  # a unique text: a paragraph with a unique figure and year appended
                text = f"{rng.choice(texts)} Kazakhstan's trade with China reached ${1 + i / 1000:.3f} billion in " \
                       f"{1995 + i % 29}."
                return "POST", "/api/check", json.dumps({"text": text})
            c = rng.choice(("KAZ", "UZB", "KGZ", "TJK", "TKM", "MNG", "IND", "PAK", "IRN", "BLR"))
            first = 1992 + (i // 2) % 25
            return "GET", (f"/api/indicators/trade_value?country={c}&partner=CHN,RUS&years={first}-"
                           f"{first + 1 + (i // 50) % 8}&limit={100 + i % 997}"), None

        lat, err = asyncio.run(_load(port, clients, seconds, missing))
        out.update({"api_missing_p50_ms": statistics.median(lat), "api_missing_p95_ms": _pct(lat, 95),
                    "api_missing_n": len(lat), "api_missing_errors": err})
        print(f"  cache-missing mix: n={len(lat):6d}  p50 {out['api_missing_p50_ms']:7.1f} ms  p95 "
              f"{out['api_missing_p95_ms']:7.1f} ms  non-200 {err}   ({load()})")
        time.sleep(5)
        after = _server_rss_mb(proc.pid)
        out.update({"rss_before_mb": before, "rss_after_mb": after})
        print(f"  server RSS before {before:.0f} MB, after {after:.0f} MB (answer cache bounded at 64 MB)")
        for extra in range(2, rounds + 1):  # the same mixes again: a bounded server's size stays where it was
            asyncio.run(_load(port, clients, seconds, lambda: ("GET", rng.choice(cached), None)))
            lat, err = asyncio.run(_load(port, clients, seconds, missing))
            time.sleep(5)
            again = _server_rss_mb(proc.pid)
            out[f"rss_after_round{extra}_mb"] = again
            print(f"  round {extra}: cache-missing p95 {_pct(lat, 95):7.1f} ms, n={len(lat)}; server RSS after "
                  f"{again:.0f} MB   ({load()})")
        return out
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _server_rss_mb(pid: int) -> float:
    """Resident memory of the server: its process and, with --workers, its worker processes."""
    total = _rss_mb(pid)
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        total += _server_rss_mb(int(child))
    return total


def _pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="startup,query,warm,trade_sql,crossover,check,api")
    parser.add_argument("--api-seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1, help="server processes of `multipolar serve` (api)")
    parser.add_argument("--api-rounds", type=int, default=1,
                        help="api: run both mixes this many times, the server's size after each (is it bounded?)")
    parser.add_argument("--json", help="write the figures to this file as JSON")
    args = parser.parse_args()
    chosen = args.only.split(",")
    compile_package()
    figures: dict = {"load_start": os.getloadavg()[0]}
    steps = {"startup": lambda: bench_startup(args.runs), "query": lambda: bench_query(args.runs),
             "warm": bench_warm, "trade_sql": lambda: bench_trade_sql(args.runs),
             "crossover": lambda: bench_crossover(args.runs), "check": lambda: bench_check(args.runs),
             "api": lambda: bench_api(args.clients, args.api_seconds, args.workers, args.api_rounds)}
    for name in chosen:
        figures.update(steps[name]())
    figures["load_end"] = os.getloadavg()[0]
    print("\ntarget                       measured      target   met")
    for key, target in TARGETS.items():
        if key in figures:
            print(f"  {key:<26} {figures[key]:10.3f}  {target:10.3f}   {'yes' if figures[key] <= target else 'NO'}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1, default=str))


if __name__ == "__main__":
    main()
