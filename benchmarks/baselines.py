"""Baselines the benchmarks measure multipolar against: the trade-share rules written by hand, once as DuckDB SQL and
once in pandas (the same views, reconciliation, shares, coverage and quality flags as `indicators/trade.py`).

Both read the pack's `trade_flows.parquet` directly; `check_same()` compares a baseline's rows with the registry's
(floats to 1e-9 relative, every other column exactly) so that a benchmark never times a baseline that computes
something else.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

# Codes that are totals or groups, not countries (multipolar.countries.AGGREGATE_CODES).
AGGREGATES = ("WLD", "EUU", "CA5")
KEYS = ["country", "partner", "year", "flow", "source"]
SHARE_COLUMNS = ("country", "partner", "year", "flow", "source", "value", "partner_value", "total_value", "coverage",
                 "is_estimate", "months", "basis", "quality")


def _list(values) -> str:
    return ", ".join("'" + str(v).replace("'", "''") + "'" for v in values)


def trade_share_sql(trade_flows: Path | str, countries, where: str = "") -> str:
    """The trade_share indicator as one hand-written DuckDB query over trade_flows.parquet: every pack country, or
    the rows `where` selects (e.g. "country = 'KAZ' AND flow = 'turnover'"), ordered as the registry orders them."""
    agg, pack = _list(AGGREGATES), _list(countries)
    path = "'" + str(trade_flows).replace("'", "''") + "'"
    return f"""
WITH tf AS (
  SELECT reporter AS country, partner, CAST(year AS INTEGER) AS year, flow, source, value_usd AS value, is_estimate,
         CAST(months AS SMALLINT) AS months, source AS basis, basis AS valuation,
         coalesce(contains(lower(note), 'preliminary'), false) AS preliminary
  FROM read_parquet({path}) WHERE value_usd IS NOT NULL AND flow IN ('export', 'import')
),
-- reporter-years whose partner values are the previous year's times one factor
p AS (
  SELECT *, value / sum(value) OVER (PARTITION BY country, year, flow, source) AS s
  FROM tf WHERE partner NOT IN ({agg}) AND partner <> country AND value > 0
),
lagged AS (
  SELECT *, lag(year) OVER w AS py, lag(value) OVER w AS pv, lag(s) OVER w AS ps
  FROM p WINDOW w AS (PARTITION BY country, partner, flow, source ORDER BY year)
),
imputed AS (
  SELECT country, year, flow, source FROM lagged
  WHERE py = year - 1 AND s >= 0.001 AND ps >= 0.001
  GROUP BY ALL HAVING count(partner) >= 3 AND max(value / pv) <= min(value / pv) * (1 + 1e-5)
),
-- estimates more than a factor of 2 from every report of the same flow by the partner itself
implausible AS (
  SELECT e.country, e.partner, e.year, e.flow, e.source
  FROM tf e JOIN tf r ON e.country = r.partner AND e.partner = r.country AND e.year = r.year
       AND e.flow = CASE r.flow WHEN 'export' THEN 'import' ELSE 'export' END
  WHERE e.is_estimate AND e.partner NOT IN ({agg}) AND e.country NOT IN ({agg}) AND e.value > 0
    AND NOT r.is_estimate AND r.months >= 12 AND r.partner NOT IN ({agg}) AND r.country NOT IN ({agg})
    AND r.value > 0
  GROUP BY ALL HAVING min(abs(ln(e.value / r.value))) > ln(2)
),
base AS (
  SELECT t.country, t.partner, t.year, t.flow, t.source, t.value, t.is_estimate, t.months, t.basis, t.valuation,
         t.preliminary, i.country IS NOT NULL AND t.partner NOT IN ({agg}) AS imputed,
         b.country IS NOT NULL AS implausible, false AS switch
  FROM tf t
  LEFT JOIN imputed i ON t.country = i.country AND t.year = i.year AND t.flow = i.flow AND t.source = i.source
  LEFT JOIN implausible b ON t.country = b.country AND t.partner = b.partner AND t.year = b.year
       AND t.flow = b.flow AND t.source = b.source
),
own AS (SELECT * FROM base WHERE country NOT IN ({agg}) AND country IN ({pack})),
listed AS (
  SELECT country, year, flow, source, sum(value) AS value, count(partner) AS n, bool_or(is_estimate) AS is_estimate,
         min(months) AS months, bool_or(preliminary) AS preliminary, bool_or(imputed) AS imputed,
         bool_or(implausible) AS implausible, bool_or(switch) AS switch, max(valuation) AS valuation
  FROM own WHERE partner NOT IN ({agg}) AND partner <> country GROUP BY ALL
),
derived AS (
  SELECT l.country, 'WLD' AS partner, l.year, l.flow, l.source, l.value, l.is_estimate, l.months,
         l.source || ' (total = sum of listed partners)' AS basis, l.valuation, l.preliminary, l.imputed,
         l.implausible, l.switch
  FROM listed l ANTI JOIN (SELECT * FROM own WHERE partner = 'WLD') h USING (country, year, flow, source)
  WHERE l.n >= 50
),
m AS (
  SELECT * FROM base WHERE partner NOT IN ({agg}) AND partner IN ({pack})
    AND (country <> 'WLD' OR source IN ('imf_dots'))
),
mirror AS (
  SELECT partner AS country, country AS partner, year,
         CASE flow WHEN 'export' THEN 'import' ELSE 'export' END AS flow, 'mirror:' || source AS source, value,
         is_estimate, months, 'mirror:' || source AS basis, valuation, preliminary, imputed, implausible, switch
  FROM m
),
summed AS (
  SELECT partner AS country, 'WLD' AS partner, year, CASE flow WHEN 'export' THEN 'import' ELSE 'export' END AS flow,
         'mirror:' || source AS source, sum(value) AS value, bool_or(is_estimate) AS is_estimate,
         min(months) AS months, 'mirror:' || source || ' (sum of partners'' reports)' AS basis,
         max(valuation) AS valuation, bool_or(preliminary) AS preliminary, bool_or(imputed) AS imputed,
         bool_or(implausible) AS implausible, bool_or(switch) AS switch
  FROM m WHERE source IN ('imf_dots') AND country NOT IN ({agg})
    AND source NOT IN (SELECT source FROM base WHERE country = 'WLD')
  GROUP BY partner, year, flow, source
),
flows AS (
  SELECT * FROM own UNION ALL SELECT * FROM derived UNION ALL SELECT * FROM mirror UNION ALL SELECT * FROM summed
),
-- reconciled: per (country, year, flow) the first view with a world total; switch = another view than the year before
chosen AS (
  SELECT country, year, flow, source AS chosen FROM flows WHERE partner = 'WLD'
  QUALIFY row_number() OVER (PARTITION BY country, year, flow ORDER BY
    CASE WHEN starts_with(source, 'national_') THEN 0 WHEN source = 'imf_imts' THEN 1 WHEN source = 'imf_dots' THEN 2
         WHEN source = 'russia_fcs' THEN 3 WHEN source = 'mirror:imf_dots' THEN 5
         WHEN starts_with(source, 'mirror:') THEN 6 ELSE 4 END, source) = 1
),
switched AS (
  SELECT *, coalesce(lag(chosen) OVER (PARTITION BY country, flow ORDER BY year) <> chosen, false) AS switched
  FROM chosen
),
reconciled AS (
  SELECT f.country, f.partner, f.year, f.flow, 'reconciled' AS source, f.value, f.is_estimate, f.months, f.basis,
         f.valuation, f.preliminary, f.imputed, f.implausible, c.switched AS switch
  FROM flows f JOIN switched c ON f.country = c.country AND f.year = c.year AND f.flow = c.flow
       AND f.source = c.chosen
),
both_flows AS (SELECT * FROM flows UNION ALL SELECT * FROM reconciled),
turnover AS (
  SELECT e.country, e.partner, e.year, 'turnover' AS flow, e.source, e.value + i.value AS value,
         e.is_estimate OR i.is_estimate AS is_estimate, least(e.months, i.months) AS months,
         CASE WHEN e.basis = i.basis THEN e.basis ELSE 'export: ' || e.basis || '; import: ' || i.basis END AS basis,
         CASE WHEN e.valuation = i.valuation THEN e.valuation ELSE e.valuation || '+' || i.valuation END AS valuation,
         e.preliminary OR i.preliminary AS preliminary, e.imputed OR i.imputed AS imputed,
         e.implausible OR i.implausible AS implausible, e.switch OR i.switch AS switch
  FROM both_flows e JOIN both_flows i ON e.country = i.country AND e.partner = i.partner AND e.year = i.year
       AND e.source = i.source
  WHERE e.flow = 'export' AND i.flow = 'import'
),
views AS (SELECT * FROM both_flows UNION ALL SELECT * FROM turnover),
coverage AS (
  SELECT t.country, t.year, t.flow, t.source,
         CASE WHEN t.value > 0 THEN l.listed / t.value END AS coverage
  FROM views t LEFT JOIN (
    SELECT country, year, flow, source, sum(value) AS listed FROM views
    WHERE partner NOT IN ({agg}) AND partner <> country GROUP BY ALL
  ) l USING (country, year, flow, source)
  WHERE t.partner = 'WLD'
),
shares AS (
  SELECT v.country, v.partner, v.year, v.flow, v.source, v.value / t.value AS value, v.value AS partner_value,
         t.value AS total_value, c.coverage, v.is_estimate OR t.is_estimate AS is_estimate,
         least(v.months, t.months) AS months,
         CASE WHEN v.basis = t.basis THEN v.basis ELSE v.basis || '; total: ' || t.basis END AS basis,
         v.preliminary OR t.preliminary AS preliminary, v.imputed OR t.imputed AS imputed,
         v.implausible OR t.implausible AS implausible, v.switch OR t.switch AS switch
  FROM views v
  JOIN views t ON v.country = t.country AND v.year = t.year AND v.flow = t.flow AND v.source = t.source
  LEFT JOIN coverage c ON v.country = c.country AND v.year = c.year AND v.flow = c.flow AND v.source = c.source
  WHERE v.partner <> 'WLD' AND t.partner = 'WLD' AND t.value > 0
),
flagged AS (
  SELECT *, concat(
      CASE WHEN coverage < 0.9 THEN '; coverage:' || CAST(CAST(round(coverage * 100, 0) AS BIGINT) AS VARCHAR) || '%'
           ELSE '' END,
      CASE WHEN is_estimate THEN '; estimate' ELSE '' END,
      CASE WHEN implausible THEN '; implausible' ELSE '' END,
      CASE WHEN imputed THEN '; imputed' ELSE '' END,
      CASE WHEN coalesce(months, 12) < 12 THEN '; partial_year:' || CAST(months AS VARCHAR) || 'm' ELSE '' END,
      CASE WHEN preliminary THEN '; preliminary' ELSE '' END,
      CASE WHEN switch THEN '; source_switch' ELSE '' END) AS flags
  FROM shares
)
SELECT {", ".join(SHARE_COLUMNS[:-1])}, CASE WHEN flags = '' THEN '' ELSE substr(flags, 3) END AS quality
FROM flagged {("WHERE " + where) if where else ""}
ORDER BY country, partner, flow, source, year
"""


def pandas_trade_shares(folder: Path, countries: list[str]):
    """The trade shares of the registry written directly in pandas: same views and rules (the quality column
    left out: its flags need windows over the whole table, see `trade_share_sql`)."""
    import pandas as pd

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


def check_same(registry, baseline, floats=("value", "partner_value", "total_value", "coverage"), rtol=1e-9) -> str:
    """'' when baseline (a DataFrame) has the registry's rows and values (the registry's columns it has; floats to
    rtol, the rest exactly), else what differs."""
    columns = [c for c in registry.columns if c in baseline.columns]
    a = registry[columns].astype({k: object for k in KEYS}).set_index(KEYS).sort_index()
    b = baseline[columns].astype({k: object for k in KEYS}).set_index(KEYS).sort_index()
    if not a.index.equals(b.index):
        return f"different rows ({len(a):,} against {len(b):,})"
    for c in a.columns:
        x, y = a[c].to_numpy(), b[c].to_numpy()
        if c in floats:
            x, y = x.astype(float), y.astype(float)
            same = np.allclose(x, y, rtol=rtol, atol=0, equal_nan=True)
        else:
            same = all(u == v or (u != u and v != v) for u, v in zip(x.astype(object), y.astype(object)))
        if not same:
            return f"column {c} differs"
    return ""
