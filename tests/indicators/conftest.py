"""Fixtures for the indicator suite: one synthetic-table harness per backend (DuckDB always, Spark when installed),
and the data pack for tests on real data (skipped with the reason when a table is absent)."""

from __future__ import annotations

import importlib.util
import shutil

import ibis
import pandas as pd
import pyarrow as pa
import pytest

from multipolar import config
from multipolar.indicators import Context, compute
from multipolar.schema import TABLES

# Defaults for schema columns a synthetic row leaves out.
DEFAULTS = {
    "trade_flows": {"value_published": None, "unit_published": "USD", "basis": "FOB", "is_estimate": False,
                    "months": 12, "note": None},
    "arms_transfers": {"n_deals": 1},
    "alliances": {"defense": False, "offense": False, "neutrality": False, "nonaggression": False,
                  "consultation": False},
    "events": {"verbal_coop": None, "material_coop": None, "verbal_conflict": None, "material_conflict": None,
               "score": None, "directed": True},
    "development_finance": {"commitments_adj_usd": None},
    "un_agreement": {"ideal_point": None},
    "un_roll_calls": {"date": None, "unres": None, "important": None, "issues": None, "short": None},
    "macro": {"population": None},
}

# DuckDB always; Spark when pyspark and Java are installed (marked `spark`: deselect with -m "not spark", the
# Spark run of the synthetic suite takes minutes on local[1]).
BACKENDS = ["duckdb", pytest.param("pyspark", marks=pytest.mark.spark)]


def arrow_table(name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts) as an Arrow table with exactly the canonical schema of `name`, defaults filled."""
    spec = TABLES[name]
    defaults = DEFAULTS.get(name, {})
    full = [{c: row.get(c, defaults.get(c)) for c in spec.columns} for row in rows]
    if name == "trade_flows":
        for row in full:
            if row["value_published"] is None:
                row["value_published"] = row["value_usd"] if row["value_usd"] is not None else 0.0
    if name == "un_roll_calls":
        for row in full:
            if row["date"] is None:
                import datetime

                row["date"] = datetime.date(int(row["year"]), 10, 1)
    return pa.Table.from_pylist(full, schema=spec.schema)


_SPARK = None
# One small local session for the whole run, tuned for tiny tables: one shuffle partition, no adaptive re-planning,
# no code generation (compiling Java for each of hundreds of small queries costs more than it saves: measured ~30%
# less JVM CPU time on the re-routing queries), no progress bars.
SPARK_TEST_CONFIG = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "1",
    "spark.default.parallelism": "1",
    "spark.sql.adaptive.enabled": "false",
    "spark.sql.codegen.wholeStage": "false",
    "spark.sql.codegen.factoryMode": "NO_CODEGEN",
    # 1g ran out of heap in CI (Catalyst keeps the composite's and the crossover's analysed plans alive: measured
    # old generation full at 1g; 3g leaves it under half full over tests/indicators/test_other_formulas.py).
    "spark.driver.memory": "3g",
}


def _spark():
    """(session, Ibis connection), created once per test run."""
    global _SPARK
    if _SPARK is None:
        from pyspark.sql import SparkSession

        builder = SparkSession.builder.master("local[1]").appName("multipolar-tests")
        for key, value in SPARK_TEST_CONFIG.items():
            builder = builder.config(key, value)
        session = builder.getOrCreate()
        _SPARK = (session, ibis.pyspark.connect(session))
    return _SPARK


@pytest.fixture(params=BACKENDS)
def backend(request):
    """Backend name; pyspark is skipped with the reason when it (or Java) is not installed."""
    if request.param == "pyspark":
        if importlib.util.find_spec("pyspark") is None:
            pytest.skip("pyspark not installed (pip install 'multipolar[spark]'): Spark run of the suite skipped")
        if shutil.which("java") is None:
            pytest.skip("Java not found: Spark run of the suite skipped")
    return request.param


@pytest.fixture
def make_ctx(backend):
    """make_ctx({table: [row dicts]}, countries=None) -> a Context over fresh synthetic tables on the backend."""
    created = []

    def make(tables: dict[str, list[dict]], countries=None) -> Context:
        if backend == "duckdb":
            con = ibis.duckdb.connect()
            for name, rows in tables.items():
                # via a memtable: create_table(pyarrow) trips over an Ibis 12 / sqlglot 30 incompatibility
                con.create_table(name, ibis.memtable(arrow_table(name, rows)))
        else:
            # Temp views through the Spark session itself (Ibis' drop/replace statements trip over sqlglot 30);
            # every canonical name is dropped first so that no table of an earlier test leaks into this one.
            session, con = _spark()
            # Ibis keeps .cache() results per expression, and every test registers its tables under the same
            # names on this one connection: release the results computed from earlier tests' tables.
            for cached in list(con._cache_name_to_entry):
                con._finalize_cached_table(cached)
            for name in TABLES:
                session.catalog.dropTempView(name)
            for name, rows in tables.items():
                session.createDataFrame(arrow_table(name, rows).to_pandas()).createOrReplaceTempView(name)
                created.append(name)
        manifest = {"pack_countries": list(countries)} if countries else None
        return Context(con, manifest)

    yield make


def one(frame, **match):
    """The single row of frame matching every column=value given; fails the test saying what matched otherwise."""
    hit = frame
    for key, value in match.items():
        hit = hit[hit[key] == value]
    assert len(hit) == 1, f"expected one row for {match}, got {len(hit)}:\n{hit}"
    return hit.iloc[0]


def run(ind_expr) -> pd.DataFrame:
    """Execute an Ibis expression to pandas (same call on every backend)."""
    return ind_expr.to_pandas()


@pytest.fixture(scope="session")
def pack():
    """The data pack (shipped, or $MULTIPOLAR_PACK_DIR); skipped with the reason when there is none."""
    folder = config.pack_dir()
    if not (folder / "manifest.json").exists():
        pytest.skip(f"no data pack at {folder} (build one, or set MULTIPOLAR_PACK_DIR)")
    return folder


def need(pack, *tables):
    """Skip unless the pack holds every named table."""
    from multipolar.store import read_manifest

    have = read_manifest(pack)["tables"]
    missing = [t for t in tables if t not in have]
    if missing:
        pytest.skip(f"pack at {pack} lacks table(s) {', '.join(missing)} (source parser not built yet?)")


def need_source(pack, table, source):
    """Skip unless table holds rows of source."""
    from multipolar.store import read_manifest

    need(pack, table)
    sources = read_manifest(pack)["tables"][table]["coverage"].get("sources", [])
    if source not in sources:
        pytest.skip(f"pack table {table} has no rows from source {source!r} (has {sources})")


__all__ = ["arrow_table", "run", "need", "need_source", "compute"]
