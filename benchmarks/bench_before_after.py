"""The same commands from two checkouts, interleaved in one run: before (another checkout's src/, e.g. a worktree of
the merge base) against after (the installed package), so that a speed-up is a ratio measured under the same load.

    git worktree add --detach /tmp/before <commit> && python -m compileall -q /tmp/before/src
    nice python benchmarks/bench_before_after.py --before /tmp/before/src [--runs 5] [--only help,bad,seed,big]

Commands: `multipolar --help`, `multipolar indicator --bogus` (exit 2), `multipolar check` of the seed article (seed;
seedcold: each run with a new empty $MULTIPOLAR_CACHE_DIR, as the report's cold build checks it) and (big) of a 2 MB
text (benchmarks/long_text.py). Each runs in a fresh process (bench_speed.CLI: wall time and peak
RSS), before and after in turn; the CPU time is the child's user + system time. Before the timed runs each of help,
bad and seed runs once per side (the indicator cache and the regex cache filled); the 2 MB text is not warmed (four
runs of it take minutes). Prints medians and after/before ratios.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_speed import CLI, SEED_ARTICLE, compile_package  # noqa: E402


def run(args: list[str], before: str | None, cold: bool = False) -> tuple[float, float, float, int]:
    """(wall s, CPU s, peak RSS MB, exit code) of one fresh process, from `before`'s src when given; cold: with a new
    empty $MULTIPOLAR_CACHE_DIR (no indicator cache, no compiled readers' patterns: what `bench_report.py` calls
    cold)."""
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as fh:
        out = fh.name
    env = {**os.environ, "BENCH_OUT": out}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if before:
        env["PYTHONPATH"] = before
    if cold:
        env["MULTIPOLAR_CACHE_DIR"] = tempfile.mkdtemp(prefix="bench-cold-")
    c0 = os.times()
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CLI, *args], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    if cold:
        shutil.rmtree(env["MULTIPOLAR_CACHE_DIR"], ignore_errors=True)
    c1 = os.times()
    text = Path(out).read_text().split()
    os.unlink(out)
    cpu = (c1.children_user - c0.children_user) + (c1.children_system - c0.children_system)
    return wall, cpu, float(text[1]) if len(text) > 1 else float("nan"), proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="src/ folder of the checkout measured as 'before'")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="help,bad,seed")
    args = parser.parse_args()
    compile_package()
    commands = {"help": ["--help"], "bad": ["indicator", "--bogus"],
                "seed": ["check", str(SEED_ARTICLE), "--format", "json"],
                "seedcold": ["check", str(SEED_ARTICLE), "--format", "json"]}
    folder = Path(tempfile.mkdtemp(prefix="bench-ba-"))
    chosen = args.only.split(",")
    if "big" in chosen:
        from long_text import long_text

        big = folder / "long.txt"
        big.write_text(long_text(2_000_000), encoding="utf-8")
        commands["big"] = ["check", str(big), "--format", "json"]
    for name in chosen:
        if name != "big" and not name.endswith("cold"):
            run(commands[name], args.before)
            run(commands[name], None)
    results = {(n, side): [] for n in chosen for side in ("before", "after")}
    loads = []
    for _ in range(args.runs if "big" not in chosen else 1):
        for name in chosen:
            for side in ("before", "after"):
                results[(name, side)].append(run(commands[name], args.before if side == "before" else None,
                                                 cold=name.endswith("cold")))
        loads.append(os.getloadavg()[0])
    print(f"load average (1 min) after each round: {', '.join(f'{x:.1f}' for x in loads)}; {os.cpu_count()} CPUs")
    for name in chosen:
        row = {}
        for side in ("before", "after"):
            r = results[(name, side)]
            row[side] = (statistics.median(x[0] for x in r), statistics.median(x[1] for x in r), max(x[2] for x in r),
                         sorted({x[3] for x in r}))
        (bw, bc, bm, be), (aw, ac, am, ae) = row["before"], row["after"]
        print(f"{name:8s} before {bw:6.2f} s wall {bc:6.2f} s CPU {bm:5.0f} MB exit {be} | after {aw:6.2f} s wall "
              f"{ac:6.2f} s CPU {am:5.0f} MB exit {ae} | after/before wall {aw / bw:.2f}, CPU {ac / bc:.2f}")


if __name__ == "__main__":
    main()
