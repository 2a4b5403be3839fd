"""Benchmark `multipolar report`: the time to build the report from the data pack, step by step.

    python benchmarks/bench_report.py [--pack DIR] [--region sco] [--repeat 2]

Each run is a fresh Python process, as a user running the command would see it:

- cold: nothing from an earlier build: the report cache off (cache=False) and an empty indicator cache
  ($MULTIPOLAR_CACHE_DIR a new empty folder for every cold run); only what the pack ships (its derived tables) is
  there;
- cold without derived tables (`--without-derived`): the same with $MULTIPOLAR_DERIVED=off, i.e. what a pack built
  without them (or by an older version) costs; runs interleaved with the cold ones (cold, cold without, cold, ...);
- cold before (`--before SRC`): the same cold build from another checkout's src/ (PYTHONPATH, e.g. a worktree of
  the merge base, with its own shipped pack), interleaved with the cold ones (cold, cold before, cold, ...), its
  median compared with the cold median measured in the same run;
- the command (`--cli`): the whole `multipolar report --no-cache -q` command, timed from outside (wall clock, and
  the CPU time of the process and its children), with a new empty $MULTIPOLAR_CACHE_DIR per run: what a user
  waits for (the command starts the seed article's check before it imports the report); with --before,
  interleaved with the same command run on that checkout's src/ (the console script, PYTHONPATH);
- warm: a second build from the same pack and code, reusing those two results from the report cache (a temporary
  $MULTIPOLAR_CACHE_DIR filled by one build first).

Prints the wall-clock time of every step of the first cold build, cold and warm totals (medians) against the targets
CPU time, and the ratio to a baseline measured in the same run: a fresh process that imports multipolar and reads
the pack's largest table (trade_flows) into pandas.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

# Targets of the issues: the report builds cold from the pack within this many seconds on a 2-core machine.
TARGETS = {"issue 12": 10.0, "issue 14": 5.0}

CHILD = r"""
import json, os, sys, time
t0 = time.perf_counter(); c0 = os.times()
steps = []
def progress(label, done, total):
    steps.append((label, time.perf_counter() - t0))
from multipolar.report import build_report
t_import = time.perf_counter() - t0
path = build_report(sys.argv[1], region=sys.argv[2], pack=sys.argv[3] or None, progress=progress,
                    cache=sys.argv[4] == "1")
c1 = os.times()
print(json.dumps({"import": t_import, "steps": steps, "total": time.perf_counter() - t0,
                  "cpu": (c1.user - c0.user) + (c1.system - c0.system), "bytes": os.path.getsize(path)}))
"""

BASELINE = r"""
import sys, time
t0 = time.perf_counter()
import multipolar
frame = multipolar.load("trade_flows", pack=sys.argv[1] or None)
print(time.perf_counter() - t0)
"""


def run(code: str, *args: str, env: dict | None = None) -> str:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         env={**os.environ, **(env or {})})
    if out.returncode:
        sys.exit(f"benchmark child failed:\n{out.stderr[-2000:]}")
    return out.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", default="", help="pack folder (default: $MULTIPOLAR_PACK_DIR or the shipped pack)")
    parser.add_argument("--region", default="sco", choices=("sco", "central-asia"))
    parser.add_argument("--repeat", type=int, default=2, help="fresh-process builds to time")
    parser.add_argument("--without-derived", action="store_true",
                        help="also time cold builds with the pack's derived tables off, interleaved")
    parser.add_argument("--before", default="", help="src/ folder of a checkout whose cold builds are timed "
                                                      "interleaved with this one's (PYTHONPATH)")
    parser.add_argument("--cli", action="store_true", help="time the whole `multipolar report` command instead "
                                                                "(cold, interleaved with --before when given)")
    args = parser.parse_args()
    if args.cli:
        return cli(args)

    load_start = os.getloadavg()[0]
    baseline = [float(run(BASELINE, args.pack)) for _ in range(2)]
    base = min(baseline)
    cold, warm, without, before = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            empty = {"MULTIPOLAR_CACHE_DIR": os.path.join(tmp, f"empty{i}")}
            cold.append(json.loads(run(CHILD, os.path.join(tmp, f"cold{i}.html"), args.region, args.pack, "0",
                                       env=empty)))
            if args.before:
                empty = {"MULTIPOLAR_CACHE_DIR": os.path.join(tmp, f"empty-before{i}"), "PYTHONPATH": args.before}
                before.append(json.loads(run(CHILD, os.path.join(tmp, f"before{i}.html"), args.region, args.pack,
                                             "0", env=empty)))
            if args.without_derived:
                empty = {"MULTIPOLAR_CACHE_DIR": os.path.join(tmp, f"empty-nd{i}"), "MULTIPOLAR_DERIVED": "off"}
                without.append(json.loads(run(CHILD, os.path.join(tmp, f"nd{i}.html"), args.region, args.pack, "0",
                                              env=empty)))
        cache = {"MULTIPOLAR_CACHE_DIR": os.path.join(tmp, "cache")}
        run(CHILD, os.path.join(tmp, "fill.html"), args.region, args.pack, "1", env=cache)
        for i in range(args.repeat):
            warm.append(json.loads(run(CHILD, os.path.join(tmp, f"warm{i}.html"), args.region, args.pack, "1",
                                       env=cache)))

    print(f"multipolar report --region {args.region}: fresh-process builds on {os.cpu_count()} CPUs "
          f"(load average {os.getloadavg()[0]:.1f}; {load_start:.1f} at the start)")
    print(f"baseline (fresh process: import multipolar + load trade_flows): {base:.2f} s")
    first = cold[0]
    print("\nsteps of the first cold build (wall clock, s):")
    marks = [("import", 0.0)] + first["steps"]
    for (label, start), (_next, end) in zip(marks, marks[1:] + [("end", first["total"])]):
        print(f"  {end - start:6.2f}  {label}")
    print(f"report size: {first['bytes'] / 1e6:.1f} MB\n")
    runs = [("cold", cold)] + ([("cold before", before)] if before else []) + \
        ([("cold, derived tables off", without)] if without else []) + [("warm", warm)]
    for name, results in runs:
        totals = [r["total"] for r in results]
        cpus = [r["cpu"] for r in results]
        best, median = min(totals), statistics.median(totals)
        verdicts = "; ".join(f"<= {t:.0f} s ({issue}): {'meets' if median <= t else 'MISSES'}"
                             for issue, t in TARGETS.items())
        print(f"{name}: median {median:.2f} s, best {best:.2f} s (runs: {', '.join(f'{t:.2f}' for t in totals)}); "
              f"CPU {statistics.median(cpus):.2f} s; {median / base:.1f}x baseline; median {verdicts}")
    if before:
        after_median = statistics.median(r["total"] for r in cold)
        before_median = statistics.median(r["total"] for r in before)
        print(f"cold after/before: {after_median / before_median:.2f} (medians {after_median:.2f} / "
              f"{before_median:.2f} s, interleaved; before = {args.before})")


def command(out: str, region: str, pack: str, env: dict) -> tuple[float, float]:
    """(wall, CPU of the process and its children) of one `multipolar report --no-cache -q` run."""
    import resource
    import time

    script = os.path.join(os.path.dirname(sys.executable), "multipolar")
    argv = [script] if os.path.exists(script) else [sys.executable, "-c", "from multipolar.cli import main; main()"]
    argv += ["report", "--region", region, "--no-cache", "-q", "--out", out] + (["--pack", pack] if pack else [])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env={**os.environ, **env})
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        sys.exit(f"report command failed:\n{done.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cli(args) -> None:
    load_start = os.getloadavg()[0]
    runs: dict[str, list[tuple[float, float]]] = {"after": [], "before": []}
    loads = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            sides = [("after", {})] + ([("before", {"PYTHONPATH": args.before})] if args.before else [])
            for side, env in (sides if i % 2 == 0 else sides[::-1]):
                env = {**env, "MULTIPOLAR_CACHE_DIR": os.path.join(tmp, f"{side}{i}")}
                runs[side].append(command(os.path.join(tmp, f"{side}{i}.html"), args.region, args.pack, env))
                loads.append(os.getloadavg()[0])
    print(f"multipolar report --region {args.region} --no-cache -q, cold (empty cache per run), whole command: "
          f"{args.repeat} runs per side, interleaved; {os.cpu_count()} CPUs, 1-min load {load_start:.1f} at the "
          f"start, {min(loads):.1f}-{max(loads):.1f} during")
    for side, results in runs.items():
        if results:
            walls, cpus = [r[0] for r in results], [r[1] for r in results]
            print(f"{side}: median {statistics.median(walls):.2f} s wall (runs: "
                  f"{', '.join(f'{w:.2f}' for w in walls)}), CPU {statistics.median(cpus):.2f} s; <= 5 s: "
                  f"{'meets' if statistics.median(walls) <= 5 else 'MISSES'}")
    if runs["before"]:
        a = statistics.median(r[0] for r in runs["after"])
        b = statistics.median(r[0] for r in runs["before"])
        print(f"after/before: {a / b:.2f} (medians {a:.2f} / {b:.2f} s)")


if __name__ == "__main__":
    main()
