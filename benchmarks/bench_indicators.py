"""Benchmark the indicator registry on the data pack against a straightforward pandas implementation.

    python benchmarks/bench_indicators.py [--pack DIR] [--repeat 3]

1. Computes every registered indicator for all countries and years in the pack (fresh DuckDB connection, nothing
   cached from an earlier run) and prints the time of each and the total.
2. Times the trade shares (own, mirror and reconciled views; exports, imports and turnover; every country and year)
   through the registry and through a pandas implementation of the same rules, in the same process, runs
   interleaved (registry, pandas, registry, ...) so both see the same machine load, each registry run from a fresh
   connection; checks that both give the same numbers and prints the best times and the ratios best against best and
   median against median (target: registry >= 3x faster).
3. The same two with the pack's derived tables (what `multipolar data build-pack` computed with the same expressions:
   the trade views, the small indicators' whole outputs, the crossover), as a fresh process on this pack reads them:
   the full set, then the trade shares against the same pandas baseline, interleaved again. A pack without derived
   tables skips this part.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import numpy as np
import pandas as pd

from multipolar import config
from multipolar.indicators import INDICATORS, api
from multipolar.indicators.registry import Context
from multipolar.store import read_manifest

from baselines import pandas_trade_shares  # the one pandas baseline of the trade shares (benchmarks/baselines.py)

KEYS = ["country", "partner", "year", "flow", "source"]


def fresh_context(folder: Path, tables=None, derived: bool = False) -> Context:
    """A new DuckDB connection over the pack's Parquet files (all, or the named tables), each read when first asked
    for, as `multipolar.indicators.context()` does: nothing memoised from an earlier run. derived: with the pack's
    derived tables (those current for this code), as `context()` reads them; else from the base tables only."""
    import ibis

    from multipolar.indicators import derived as derived_tables

    manifest = read_manifest(folder)
    found = derived_tables.available(folder, manifest) if derived else {}
    if tables is not None:
        manifest = dict(manifest, tables={k: v for k, v in manifest["tables"].items() if k in tables})
    return Context(ibis.duckdb.connect(), manifest, folder=folder, derived=found)


def registry_indicator(ctx: Context, name: str) -> pd.DataFrame:
    ind = INDICATORS[name]
    q = api.validate(ind, ctx)
    name_out = api.output_name(ind, q)
    if name_out in ctx.derived:  # the pack's derived whole output: read, as compute() does
        return api.arrow_to_pandas(api.read_output([ctx.derived[name_out]], ind, q, ordered=True))
    return api.to_pandas(api.build(ind, ctx, q))


def scaled_pack(folder: Path, factor: int) -> Path:
    """A temporary pack whose trade_flows holds the pack's rows `factor` times, each copy shifted by 200 years
    (same countries, same rules, `factor` times the rows): shows how the two implementations scale."""
    import tempfile

    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.read_table(folder / "trade_flows.parquet")
    copies = [table.set_column(table.column_names.index("year"), "year",
                               pc.add(table["year"], pa.scalar(200 * k, pa.int16()))) for k in range(factor)]
    out = Path(tempfile.mkdtemp(prefix="bench-pack-"))
    pq.write_table(pa.concat_tables(copies), out / "trade_flows.parquet")
    manifest = read_manifest(folder)
    entry = dict(manifest["tables"]["trade_flows"], file="trade_flows.parquet")
    entry["coverage"] = dict(entry["coverage"], rows=table.num_rows * factor)
    (out / "manifest.json").write_text(json.dumps(dict(manifest, tables={"trade_flows": entry})))
    return out


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def best_of(fn, repeat: int) -> tuple[float, object]:
    runs = [timed(fn) for _ in range(repeat)]
    return min(r[0] for r in runs), runs[-1][1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", default=None, help="pack folder (default: shipped pack or $MULTIPOLAR_PACK_DIR)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (part 2: interleaved pairs)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument("--scale", type=int, default=1, help="also time part 2 on trade_flows repeated N times")
    args = parser.parse_args()
    folder = config.pack_dir(args.pack)
    manifest = read_manifest(folder)
    countries = manifest["pack_countries"]
    print(f"pack: {folder} ({manifest['tables']['trade_flows']['coverage']['rows']:,} trade_flows rows, "
          f"{len(countries)} pack countries)")

    # 1. the full indicator set, all countries and years, one fresh connection
    ctx = fresh_context(folder)
    timings = {}
    start_all = time.perf_counter()
    for name in INDICATORS:
        start = time.perf_counter()
        try:
            rows = len(registry_indicator(ctx, name))
            timings[name] = (time.perf_counter() - start, rows, "")
        except Exception as exc:  # noqa: BLE001 - a missing table is reported, not fatal
            timings[name] = (time.perf_counter() - start, 0, f"{type(exc).__name__}: {exc}"[:80])
    full = time.perf_counter() - start_all
    print("\n1. full indicator set (registry, DuckDB, all countries and years)")
    for name, (secs, rows, err) in timings.items():
        print(f"   {name:24s} {secs:7.2f} s  {rows:>9,} rows  {err}")
    print(f"   {'total':24s} {full:7.2f} s")

    # 2. trade shares: registry vs pandas, same process, same rules
    def registry_run():
        # like the baseline, read only trade_flows, from a fresh connection
        return registry_indicator(fresh_context(folder, ["trade_flows"]), "trade_share")

    # Interleaved (registry, pandas, registry, pandas, ...): both see the same machine load.
    reg_times, pd_times = [], []
    for _ in range(args.repeat):
        secs, reg = timed(registry_run)
        reg_times.append(secs)
        secs, base = timed(lambda: pandas_trade_shares(folder, countries))
        pd_times.append(secs)
    t_reg, t_pd = min(reg_times), min(pd_times)
    # Keys compared as plain Python values (the registry's text columns are pandas' Arrow-backed str dtype).
    # The registry's quality column (flags needing windows over the whole table) has no baseline here.
    a = reg[list(base.columns)].astype({k: object for k in KEYS}).set_index(KEYS).sort_index()
    b = base.astype({k: object for k in KEYS}).set_index(KEYS).sort_index()
    same_keys = a.index.equals(b.index) and list(a.columns) == list(b.columns)
    max_diff, same_other = float("nan"), False
    if same_keys:  # same keys in the same order: compare column by column
        max_diff = max(float(np.nanmax(np.abs(a[c].to_numpy() - b[c].to_numpy())))
                       for c in ("value", "partner_value", "total_value", "coverage"))
        same_other = all((a[c].astype(object) == b[c].astype(object)).all() for c in ("is_estimate", "months", "basis"))
    print("\n2. trade shares, every country, year, flow and source view (best of "
          f"{args.repeat} interleaved runs, from Parquet to a pandas DataFrame)")
    print(f"   registry (Ibis on DuckDB): {t_reg:7.2f} s  {len(reg):,} rows")
    print(f"   pandas baseline:           {t_pd:7.2f} s  {len(base):,} rows")
    print(f"   same rows: {same_keys}; largest difference in value, partner_value, total_value: {max_diff:.3g}; "
          f"same is_estimate, months, basis: {same_other}")
    print(f"   ratio pandas / registry: {t_pd / t_reg:.2f}x best against best, "
          f"{statistics.median(pd_times) / statistics.median(reg_times):.2f}x median against median "
          f"(target >= 3x)")
    if args.scale > 1:
        big = scaled_pack(folder, args.scale)
        t_reg_big, _ = best_of(lambda: registry_indicator(fresh_context(big, ["trade_flows"]), "trade_share"),
                               args.repeat)
        t_pd_big, _ = best_of(lambda: pandas_trade_shares(big, countries), args.repeat)
        print(f"\n   x{args.scale} rows: registry {t_reg_big:.2f} s, pandas {t_pd_big:.2f} s, "
              f"ratio {t_pd_big / t_reg_big:.2f}x")
        import shutil

        shutil.rmtree(big, ignore_errors=True)
    # 3. the same with the pack's derived tables
    derived_figures = {}
    if fresh_context(folder, derived=True).derived:
        ctx = fresh_context(folder, derived=True)
        start_all = time.perf_counter()
        for name in INDICATORS:
            try:
                registry_indicator(ctx, name)
            except Exception:  # noqa: BLE001 - as in part 1
                pass
        full_derived = time.perf_counter() - start_all
        reg_d, pd_d = [], []
        for _ in range(args.repeat):
            secs, reg3 = timed(lambda: registry_indicator(fresh_context(folder, ["trade_flows"], derived=True),
                                                          "trade_share"))
            reg_d.append(secs)
            secs, _ = timed(lambda: pandas_trade_shares(folder, countries))
            pd_d.append(secs)
        print(f"\n3. with the pack's derived tables ({', '.join(sorted(ctx.derived))})")
        print(f"   full indicator set: {full_derived:7.2f} s (part 1: {full:.2f} s from the base tables)")
        print(f"   trade shares: registry {min(reg_d):.2f} s ({len(reg3):,} rows), pandas {min(pd_d):.2f} s; ratio "
              f"{min(pd_d) / min(reg_d):.2f}x best against best, "
              f"{statistics.median(pd_d) / statistics.median(reg_d):.2f}x median against median (target >= 10x)")
        derived_figures = {"full_set_derived_seconds": full_derived, "registry_derived_trade_share_seconds": min(reg_d),
                           "pandas_trade_share_seconds_part3": min(pd_d),
                           "ratio_derived": min(pd_d) / min(reg_d),
                           "median_ratio_derived": statistics.median(pd_d) / statistics.median(reg_d)}
    if args.json:
        print(json.dumps({**derived_figures, "full_set_seconds": full, "registry_trade_share_seconds": t_reg,
                          "pandas_trade_share_seconds": t_pd, "ratio": t_pd / t_reg,
                          "median_ratio": statistics.median(pd_times) / statistics.median(reg_times), "same_rows": same_keys,
                          "same_other_columns": same_other,
                          "max_value_difference": max_diff,
                          "per_indicator": {k: v[0] for k, v in timings.items()}}))


if __name__ == "__main__":
    main()
