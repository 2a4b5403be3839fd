"""The pack's derived tables are what the indicators' own code computes from the pack's base tables; they record how
they were derived; `data verify` checks them; a pack without them (or with stale ones) still answers, computing them."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pyarrow as pa
import pytest

from multipolar import store
from multipolar.indicators import api, cache, crossover, derived
from multipolar.indicators.registry import Context


def _from_base(pack) -> Context:
    """A fresh DuckDB context over the pack's base tables only: no derived table, no indicator cache."""
    import ibis

    return Context(ibis.duckdb.connect(), store.read_manifest(pack), folder=pack)


@pytest.fixture(scope="module")
def manifest(pack):
    found = store.read_manifest(pack)
    if not found.get("derived"):
        pytest.skip("this pack has no derived tables (built without them)")
    return found


def _read(pack, manifest, name) -> pa.Table:
    import pyarrow.parquet as pq

    return pq.ParquetFile(pack / manifest["derived"][name]["file"]).read()


def test_manifest_records_how_each_derived_table_was_derived(pack, manifest):
    for name, entry in manifest["derived"].items():
        spec = next(d for d in derived.specs() if d.name == name)
        assert entry["derived_by"] == spec.derived_by and spec.derived_by in entry["derivation"]
        assert entry["derived_from"] == {t: manifest["tables"][t]["sha256"] for t in spec.inputs}
        assert entry["code"] == derived.code_stamp(), "derived by other code: rebuild the pack (data build-pack)"
        ids = {s["id"] for t in spec.inputs for s in manifest["tables"][t]["sources"]}
        assert sorted(s["id"] for s in entry["sources"]) == sorted(ids)
        assert all(s["licence"] and s["citation"] for s in entry["sources"])
        assert entry["coverage"]["rows"] == len(_read(pack, manifest, name)) > 0
    assert manifest["bytes"] == sum(e["bytes"] for part in ("tables", "derived") for e in manifest[part].values())


def test_derived_trade_views_equal_the_views_computed_from_trade_flows(pack, manifest):
    from multipolar.indicators.trade import views

    computed = views(_from_base(pack)).to_pyarrow()
    stored = _read(pack, manifest, "trade_views").replace_schema_metadata(None)
    key = [(c, "ascending") for c in ("country", "partner", "year", "flow", "source", "basis")]
    computed = computed.sort_by(key)
    assert stored.schema == computed.schema and stored.num_rows == computed.num_rows
    for column in stored.column_names:  # values, labels and flags as computed (sums in another order: 1e-12)
        a, b = stored[column].to_pandas(), computed[column].to_pandas()
        if a.dtype.kind == "f":
            pd.testing.assert_series_equal(a, b, check_exact=False, rtol=1e-12, atol=0)
        else:
            pd.testing.assert_series_equal(a, b, check_exact=True)
    # Flags and source labels travel: the derived table holds every flag the expression gives.
    for flag in ("is_estimate", "imputed", "implausible", "switch", "preliminary"):
        assert stored[flag].to_pandas().sum() == computed[flag].to_pandas().sum()


def test_derived_crossover_equals_the_crossover_computed_from_the_base_tables(pack, manifest):
    from multipolar.indicators.crossover import CROSSOVER_DIMENSIONS, _crossover, targets

    ctx = _from_base(pack)
    with ctx.batch():
        computed = _crossover(ctx, targets(ctx), list(CROSSOVER_DIMENSIONS))
    stored = _read(pack, manifest, "crossover").to_pandas()
    pd.testing.assert_frame_equal(stored, computed, check_exact=False, rtol=1e-12, atol=0)
    for column in ("leader", "quality", "note", "source", "view", "first_year", "since_year"):
        pd.testing.assert_series_equal(stored[column], computed[column], check_exact=True)


def _copy_without_derived(pack, tmp_path, keep=()):
    """A copy of the pack as an older build wrote it: no derived tables (or only those in keep)."""
    out = tmp_path / "older"
    shutil.copytree(pack, out)
    manifest = json.loads((out / "manifest.json").read_text())
    for name in list(manifest.get("derived", {})):
        if name not in keep:
            (out / manifest["derived"].pop(name)["file"]).unlink()
    if not manifest.get("derived"):
        manifest.pop("derived", None)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return out


def test_a_pack_without_derived_tables_gives_the_same_answers(pack, manifest, tmp_path, monkeypatch):
    older = _copy_without_derived(pack, tmp_path)
    assert store.verify(older) == []
    monkeypatch.setattr(api, "_CONTEXTS", {})
    monkeypatch.setenv(cache.ENV, "off")
    assert api.context(older).derived == {}
    a = crossover(region="central-asia", dimensions="trade", pack=older)
    b = api.compute("trade_share", country="KAZ", partner="CHN,RUS", flow="turnover", pack=older)
    monkeypatch.setattr(api, "_CONTEXTS", {})
    assert sorted(api.context(pack).derived) == sorted(manifest["derived"])
    pd.testing.assert_frame_equal(a, crossover(region="central-asia", dimensions="trade", pack=pack),
                                  check_exact=False, rtol=1e-12)
    c = api.compute("trade_share", country="KAZ", partner="CHN,RUS", flow="turnover", pack=pack)
    pd.testing.assert_frame_equal(b, c, check_exact=False, rtol=1e-12)
    assert len(a) > 0 and len(b) > 0


def test_stale_derived_tables_are_not_read(pack, manifest, tmp_path, monkeypatch):
    """Derived by other code, or from another version of a base table: computed on the fly, and said so."""
    older = _copy_without_derived(pack, tmp_path, keep=tuple(manifest["derived"]))
    data = json.loads((older / "manifest.json").read_text())
    data["derived"]["crossover"]["code"] = "0" * 24
    (older / "manifest.json").write_text(json.dumps(data))
    assert sorted(derived.available(older, data)) == sorted(set(manifest["derived"]) - {"crossover"})
    assert any("crossover: derived by other code" in line for line in derived.status(older, data))
    data["derived"]["trade_views"]["derived_from"]["trade_flows"] = "f" * 64
    assert "trade_views" not in derived.available(older, data)
    monkeypatch.setenv(derived.ENV, "off")
    assert derived.available(pack, manifest) == {}


def test_verify_checks_the_derived_tables(pack, manifest, tmp_path):
    older = _copy_without_derived(pack, tmp_path, keep=tuple(manifest["derived"]))
    assert store.verify(older) == []
    data = json.loads((older / "manifest.json").read_text())
    # A derived table whose base table changed since it was derived.
    data["derived"]["trade_views"]["derived_from"]["trade_flows"] = "f" * 64
    (older / "manifest.json").write_text(json.dumps(data))
    assert any("derived from a version of trade_flows" in p for p in store.verify(older))
    # A tampered derived file.
    data["derived"]["trade_views"]["derived_from"]["trade_flows"] = manifest["tables"]["trade_flows"]["sha256"]
    (older / "manifest.json").write_text(json.dumps(data))
    path = older / data["derived"]["crossover"]["file"]
    path.write_bytes(path.read_bytes()[:-10] + b"0123456789")
    assert any("checksum differs" in p and "derived_crossover" in p for p in store.verify(older))
    path.unlink()
    assert any("derived table crossover missing" in p for p in store.verify(older))
