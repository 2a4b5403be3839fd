"""Benchmark the indicator registry on the data pack against a straightforward pandas implementation.

    python benchmarks/bench_indicators.py [--pack DIR] [--repeat 3]

1. Computes every registered indicator for all countries and years in the pack (fresh DuckDB connection, nothing
   cached from an earlier run) and prints the time of each and the total.
2. Times the trade shares (own, mirror and reconciled views; exports, imports and turnover; every country and year)
   through the registry and through a pandas implementation of the same rules, in the same process, runs
   interleaved (registry, pandas, registry, ...) so both see the same machine load, each registry run from a fresh
   connection; checks that both give the same numbers and prints the best times and the ratios best against best and
   median against median (target: registry >= 3x faster).
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

AGGREGATES = ("WLD", "EUU", "CA5")
KEYS = ["country", "partner", "year", "flow", "source"]


def fresh_context(folder: Path, tables=None) -> Context:
    """A new DuckDB connection over the pack's Parquet files (all, or the named tables), each read when first asked
    for, as `multipolar.indicators.context()` does: nothing memoised from an earlier run."""
    import ibis

    manifest = read_manifest(folder)
    if tables is not None:
        manifest = dict(manifest, tables={k: v for k, v in manifest["tables"].items() if k in tables})
    return Context(ibis.duckdb.connect(), manifest, folder=folder)


def registry_indicator(ctx: Context, name: str) -> pd.DataFrame:
    ind = INDICATORS[name]
    return api.to_pandas(api.build(ind, ctx, api.validate(ind, ctx)))


# --------------------------------------------------------------------------------------------- pandas baseline
def pandas_trade_shares(folder: Path, countries: list[str]) -> pd.DataFrame:
    """The trade shares of the registry, written directly in pandas: same views, same rules."""
    tf = pd.read_parquet(folder / "trade_flows.parquet")
    tf = tf[tf.value_usd.notna() & tf.flow.isin(["export", "import"])]
    base = pd.DataFrame({"country": tf.reporter, "partner": tf.partner, "year": tf.year.astype("int32"),
                         "flow": tf.flow, "source": tf.source, "value": tf.value_usd,
                         "is_estimate": tf.is_estimate, "months": tf.months.astype("int16"), "basis": tf.source})
    own = base[~base.country.isin(AGGREGATES) & base.country.isin(countries)]
    # world total = sum of partners where a source lists >= 50 partners and publishes none
    listed = own[~own.partner.isin(AGGREGATES) & (own.partner != own.country)]
    sums = listed.groupby(["country", "year", "flow", "source"], as_index=False).agg(
        value=("value", "sum"), is_estimate=("is_estimate", "any"), months=("months", "min"), n=("partner", "count"))
    have = own[own.partner == "WLD"][["country", "year", "flow", "source"]].drop_duplicates()
    sums = sums[sums.n >= 50].merge(have, how="left", indicator=True)
    sums = sums[sums._merge == "left_only"].drop(columns=["_merge", "n"])
    sums["partner"] = "WLD"
    sums["basis"] = sums.source + " (total = sum of listed partners)"
    own = pd.concat([own, sums[own.columns]], ignore_index=True)
    # mirror: the partner's report from the country's side
    m = base[~base.partner.isin(AGGREGATES)]
    mirror = pd.DataFrame({"country": m.partner, "partner": m.country, "year": m.year,
                           "flow": np.where(m.flow == "export", "import", "export"), "source": "mirror:" + m.source,
                           "value": m.value, "is_estimate": m.is_estimate, "months": m.months,
                           "basis": "mirror:" + m.source})
    mirror = mirror[mirror.country.isin(countries)]
    mirror = mirror[(mirror.partner != "WLD") | (mirror.source == "mirror:imf_dots")]
    cells = mirror[~mirror.partner.isin(AGGREGATES) & (mirror.source == "mirror:imf_dots")]
    msum = cells.groupby(["country", "year", "flow", "source"], as_index=False).agg(
        value=("value", "sum"), is_estimate=("is_estimate", "any"), months=("months", "min"))
    mhave = mirror[mirror.partner == "WLD"][["country", "year", "flow", "source"]].drop_duplicates()
    msum = msum.merge(mhave, how="left", indicator=True)
    msum = msum[msum._merge == "left_only"].drop(columns="_merge")
    msum["partner"] = "WLD"
    msum["basis"] = msum.source + " (sum of partners' reports)"
    mirror = pd.concat([mirror, msum[mirror.columns]], ignore_index=True)

    def turnover(exports, imports):
        k = ["country", "partner", "year", "source"]
        j = exports.merge(imports, on=k, suffixes=("_e", "_i"))
        basis = np.where(j.basis_e == j.basis_i, j.basis_e, "export: " + j.basis_e + "; import: " + j.basis_i)
        return pd.DataFrame({"country": j.country, "partner": j.partner, "year": j.year, "flow": "turnover",
                             "source": j.source, "value": j.value_e + j.value_i,
                             "is_estimate": j.is_estimate_e | j.is_estimate_i,
                             "months": np.minimum(j.months_e, j.months_i), "basis": basis})

    own_t = turnover(own[own.flow == "export"], own[own.flow == "import"])
    # the mirror view is partners' reports only (DOTS: their imports CIF as the country's exports)
    mir_t = turnover(mirror[mirror.flow == "export"], mirror[mirror.flow == "import"])
    raw = pd.concat([own, own_t, mirror, mir_t], ignore_index=True)
    # reconciled: per (country, year, flow) the first view with a world total
    tot = raw[(raw.partner == "WLD") & raw.flow.isin(["export", "import"])].copy()
    src = tot.source
    tot["priority"] = np.select(
        [src.str.startswith("national_"), src == "imf_imts", src == "imf_dots", src == "russia_fcs",
         src == "mirror:imf_dots", src.str.startswith("mirror:")], [0, 1, 2, 3, 5, 6], 4)
    tot = tot.sort_values(["priority", "source"]).drop_duplicates(["country", "year", "flow"])
    chosen = tot[["country", "year", "flow", "source"]]
    rec = raw[raw.flow.isin(["export", "import"])].merge(chosen, on=["country", "year", "flow", "source"])
    rec["source"] = "reconciled"
    rec = pd.concat([rec, turnover(rec[rec.flow == "export"], rec[rec.flow == "import"])], ignore_index=True)
    views = pd.concat([raw, rec], ignore_index=True)
    # shares: partner value over the same view's world total
    world = views[views.partner == "WLD"][["country", "year", "flow", "source", "value", "is_estimate", "months",
                                           "basis"]]
    world = world.rename(columns={"value": "total_value", "is_estimate": "t_est", "months": "t_months",
                                  "basis": "t_basis"})
    s = views[views.partner != "WLD"].merge(world, on=["country", "year", "flow", "source"])
    s = s[s.total_value > 0]
    # coverage: the partner countries the view lists, summed, over its world total
    cells = views[~views.partner.isin(AGGREGATES) & (views.partner != views.country)]
    listed = cells.groupby(["country", "year", "flow", "source"], as_index=False)["value"].sum()
    s = s.merge(listed.rename(columns={"value": "listed"}), on=["country", "year", "flow", "source"], how="left")
    return pd.DataFrame({"country": s.country, "partner": s.partner, "year": s.year, "flow": s.flow,
                         "source": s.source, "value": s.value / s.total_value, "partner_value": s.value,
                         "total_value": s.total_value, "coverage": s.listed / s.total_value,
                         "is_estimate": s.is_estimate | s.t_est,
                         "months": np.minimum(s.months, s.t_months),
                         "basis": np.where(s.basis == s.t_basis, s.basis, s.basis + "; total: " + s.t_basis)})


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
    if args.json:
        print(json.dumps({"full_set_seconds": full, "registry_trade_share_seconds": t_reg,
                          "pandas_trade_share_seconds": t_pd, "ratio": t_pd / t_reg,
                          "median_ratio": statistics.median(pd_times) / statistics.median(reg_times), "same_rows": same_keys,
                          "same_other_columns": same_other,
                          "max_value_difference": max_diff,
                          "per_indicator": {k: v[0] for k, v in timings.items()}}))


if __name__ == "__main__":
    main()
