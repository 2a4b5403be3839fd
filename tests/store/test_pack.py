"""The pack builder: validation, atomic swap, identical bytes on rebuild, verify, load filters — on small fake sources."""

from __future__ import annotations

import json
import types

import pandas as pd
import pytest

from multipolar import store
from multipolar.errors import DataError, UsageError
from multipolar.sources.base import Origin
from multipolar.store import pack as pack_module


def _trade_rows(values):
    """trade_flows rows: (reporter, partner, year, value in USD million)."""
    return pd.DataFrame([
        {"reporter": r, "partner": p, "year": y, "flow": "export", "source": "fake_trade", "value_usd": v * 1e6,
         "value_published": v, "unit_published": "USD million", "basis": "FOB", "is_estimate": False, "months": 12,
         "note": None}
        for r, p, y, v in values])


def _fake_source(tmp_path, frames, *, redistributable=True, name="fake_trade"):
    folder = tmp_path / "raw" / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "input.csv").write_text("placeholder input\n")
    origin = Origin(id=name, producer="Test producer", title="Fake trade", urls=("https://example.org",),
                    licence="CC0" if redistributable else "no redistribution", citation="Test 2026", folder=name,
                    files=("input.csv",), retrieved="2026-01-01", steps=("read the CSV",),
                    redistributable=redistributable)
    return types.SimpleNamespace(ORIGIN=origin, parse=lambda data_dir: {k: v() for k, v in frames.items()})


@pytest.fixture
def fake_sources(tmp_path, monkeypatch):
    """Install fake source modules; returns a dict to fill name → module."""
    modules = {}
    monkeypatch.setattr(pack_module, "load_source", lambda name: modules[name])
    return modules


GOOD = [("KAZ", "CHN", 2019, 100.0), ("KAZ", "RUS", 2019, 80.0), ("CHN", "KAZ", 2019, 12807.0),
        ("USA", "DEU", 2019, 5.0)]


def test_build_filters_to_pack_countries_and_records_provenance(tmp_path, fake_sources):
    fake_sources["fake_trade"] = _fake_source(tmp_path, {"trade_flows": lambda: _trade_rows(GOOD)})
    manifest = store.build_pack(tmp_path / "raw", tmp_path / "pack", names=("fake_trade",))
    table = store.load("trade_flows", pack=tmp_path / "pack")
    # USA→DEU touches no pack country and is dropped; the three others stay.
    assert len(table) == 3 and "USA" not in set(table.reporter)
    entry = manifest["tables"]["trade_flows"]
    assert entry["coverage"]["rows"] == 3
    assert entry["sources"][0]["licence"] == "CC0"
    assert entry["sources"][0]["files"][0]["path"] == "fake_trade/input.csv"
    assert store.verify(tmp_path / "pack", complete=False) == []


def test_rebuild_gives_identical_bytes(tmp_path, fake_sources):
    fake_sources["fake_trade"] = _fake_source(tmp_path, {"trade_flows": lambda: _trade_rows(GOOD)})
    store.build_pack(tmp_path / "raw", tmp_path / "a", names=("fake_trade",))
    store.build_pack(tmp_path / "raw", tmp_path / "b", names=("fake_trade",))
    for name in ("trade_flows.parquet", "manifest.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_rebuild_with_derived_tables_gives_identical_bytes_and_verifies(tmp_path, fake_sources):
    from multipolar.indicators.derived import derive_tables

    fake_sources["fake_trade"] = _fake_source(tmp_path, {"trade_flows": lambda: _trade_rows(GOOD)})
    a = store.build_pack(tmp_path / "raw", tmp_path / "a", names=("fake_trade",), derive=derive_tables)
    store.build_pack(tmp_path / "raw", tmp_path / "b", names=("fake_trade",), derive=derive_tables)
    # Only the derived tables whose inputs the pack holds (the crossover needs tables this pack lacks).
    assert sorted(a["derived"]) == ["trade_views"]
    assert a["derived"]["trade_views"]["derived_from"] == {"trade_flows": a["tables"]["trade_flows"]["sha256"]}
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert "derived_trade_views.parquet" in names and names == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert store.verify(tmp_path / "a", complete=False) == []


def test_failed_build_leaves_previous_pack_untouched(tmp_path, fake_sources):
    fake_sources["fake_trade"] = _fake_source(tmp_path, {"trade_flows": lambda: _trade_rows(GOOD)})
    store.build_pack(tmp_path / "raw", tmp_path / "pack", names=("fake_trade",))
    before = {p.name: p.read_bytes() for p in (tmp_path / "pack").iterdir()}
    duplicated = GOOD + [("KAZ", "CHN", 2019, 101.0)]
    fake_sources["fake_trade"] = _fake_source(tmp_path, {"trade_flows": lambda: _trade_rows(duplicated)})
    with pytest.raises(DataError, match="share a key"):
        store.build_pack(tmp_path / "raw", tmp_path / "pack", names=("fake_trade",))
    after = {p.name: p.read_bytes() for p in (tmp_path / "pack").iterdir()}
    assert after == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".pack-")]


@pytest.mark.parametrize("mutate, message", [
    (lambda f: f.assign(reporter=f.reporter.where(f.index != 1, "Kazakstan")), "not ISO3"),
    (lambda f: f.assign(year=f.year.astype(object).where(f.index != 0, None)), "required value missing"),
    (lambda f: f.drop(columns=["basis"]), "missing columns"),
    (lambda f: f.assign(value_usd="lots"), "do not fit the schema"),
])
def test_invalid_frames_are_refused_with_the_problem(tmp_path, fake_sources, mutate, message):
    fake_sources["fake_trade"] = _fake_source(tmp_path, {"trade_flows": lambda: mutate(_trade_rows(GOOD))})
    with pytest.raises(DataError, match=message) as info:
        store.build_pack(tmp_path / "raw", tmp_path / "pack", names=("fake_trade",))
    assert "fake_trade" in str(info.value)
    assert not (tmp_path / "pack").exists()


def test_sources_that_may_not_be_redistributed_are_left_out_and_say_so(tmp_path, fake_sources):
    fake_sources["fake_trade"] = _fake_source(tmp_path, {"trade_flows": lambda: _trade_rows(GOOD)})
    fake_sources["closed"] = _fake_source(tmp_path, {"trade_flows": lambda: _trade_rows(GOOD)},
                                          redistributable=False, name="closed")
    manifest = store.build_pack(tmp_path / "raw", tmp_path / "pack", names=("fake_trade", "closed"))
    assert manifest["excluded"] == [{"source": "closed", "reason": "no redistribution", "tables": ["trade_flows"]}]
    assert [s["id"] for s in manifest["tables"]["trade_flows"]["sources"]] == ["fake_trade"]


def test_verify_detects_a_tampered_table(tmp_path, fake_sources):
    fake_sources["fake_trade"] = _fake_source(tmp_path, {"trade_flows": lambda: _trade_rows(GOOD)})
    store.build_pack(tmp_path / "raw", tmp_path / "pack", names=("fake_trade",))
    path = tmp_path / "pack" / "trade_flows.parquet"
    path.write_bytes(path.read_bytes()[:-40] + b"\0" * 40)
    problems = store.verify(tmp_path / "pack")
    assert any("checksum" in p for p in problems)


def test_load_filters(tmp_path, fake_sources):
    rows = GOOD + [("KAZ", "CHN", 2020, 110.0), ("KGZ", "CHN", 2020, 7.0)]
    fake_sources["fake_trade"] = _fake_source(tmp_path, {"trade_flows": lambda: _trade_rows(rows)})
    store.build_pack(tmp_path / "raw", tmp_path / "pack", names=("fake_trade",))
    pack = tmp_path / "pack"
    kaz_chn = store.load("trade_flows", pack=pack, country="KAZ", partner="CHN")
    assert sorted(kaz_chn.year) == [2019, 2020]
    assert len(store.load("trade_flows", pack=pack, year="2020-2020")) == 2
    # country without partner matches either country column: KAZ as reporter (3 rows) or as partner (1 row).
    assert len(store.load("trade_flows", pack=pack, country="KAZ")) == 4
    with pytest.raises(Exception, match="valid choices"):
        store.load("trade_flows", pack=pack, source="nope")
    with pytest.raises(Exception, match="valid choices"):
        store.load("no_such_table", pack=pack)


def test_missing_data_dir_is_a_clear_error(tmp_path):
    with pytest.raises(UsageError, match="raw data folder not found"):  # a folder the caller named: usage
        store.build_pack(tmp_path / "nowhere", tmp_path / "pack")


def test_manifest_is_json_with_sorted_keys(tmp_path, fake_sources):
    fake_sources["fake_trade"] = _fake_source(tmp_path, {"trade_flows": lambda: _trade_rows(GOOD)})
    store.build_pack(tmp_path / "raw", tmp_path / "pack", names=("fake_trade",))
    text = (tmp_path / "pack" / "manifest.json").read_text()
    assert json.loads(text)["format"] == pack_module.PACK_FORMAT
    assert str(tmp_path) not in text  # no machine-specific paths: the bytes must not depend on where it is built


def test_pulled_tables_join_the_pack_as_their_own_source(tmp_path, fake_sources):
    from dataclasses import asdict

    from multipolar.schema import spec
    from multipolar.store.tables import validate, write_table

    fake_sources["fake_trade"] = _fake_source(tmp_path, {"trade_flows": lambda: _trade_rows(GOOD)})
    pulled_origin = _fake_source(tmp_path, {}, name="worldbank_api").ORIGIN
    macro = pd.DataFrame([{"country": "KAZ", "year": 2023, "source": "worldbank_api",
                           "gdp_usd": 261421121085.57, "population": 20330104.0}])
    record = asdict(pulled_origin) | {"files": [{"path": "https://api.example.org/v2", "sha256": "0" * 64,
                                                 "bytes": 10}]}
    write_table(validate(macro, spec("macro")), tmp_path / "pulled" / "worldbank_api" / "macro.parquet",
                {"origin": record})
    manifest = store.build_pack(tmp_path / "raw", tmp_path / "pack", names=("fake_trade",), include_pulled=True,
                                pull_dir=tmp_path / "pulled")
    assert [s["id"] for s in manifest["tables"]["macro"]["sources"]] == ["worldbank_api"]
    gdp = store.load("macro", pack=tmp_path / "pack", country="KAZ")
    assert gdp.gdp_usd.tolist() == [261421121085.57]
    without = store.build_pack(tmp_path / "raw", tmp_path / "pack2", names=("fake_trade",))
    assert "macro" not in without["tables"]


# --- where a build writes, --source inside a complete pack, the full catalogue, the lock ---------------------------

def test_build_without_a_named_folder_is_refused_and_the_package_pack_untouched(tmp_path, fake_sources, monkeypatch):
    from multipolar import config

    monkeypatch.delenv(config.PACK_DIR_ENV, raising=False)
    before = (config.SHIPPED_PACK_DIR / "manifest.json").read_bytes()
    fake_sources["fake_trade"] = _fake_source(tmp_path, {"trade_flows": lambda: _trade_rows(GOOD)})
    with pytest.raises(UsageError, match=r"name the pack folder to write: --out DIR or \$MULTIPOLAR_PACK_DIR"):
        store.build_pack(tmp_path / "raw", names=("fake_trade",))
    assert (config.SHIPPED_PACK_DIR / "manifest.json").read_bytes() == before


def test_build_writes_to_multipolar_pack_dir(tmp_path, fake_sources, monkeypatch):
    from multipolar import config

    monkeypatch.setenv(config.PACK_DIR_ENV, str(tmp_path / "env-pack"))
    fake_sources["fake_trade"] = _fake_source(tmp_path, {"trade_flows": lambda: _trade_rows(GOOD)})
    store.build_pack(tmp_path / "raw", names=("fake_trade",))
    assert (tmp_path / "env-pack" / "trade_flows.parquet").exists()


def test_verify_names_the_missing_tables_of_a_partial_pack(tmp_path, fake_sources):
    fake_sources["fake_trade"] = _fake_source(tmp_path, {"trade_flows": lambda: _trade_rows(GOOD)})
    store.build_pack(tmp_path / "raw", tmp_path / "pack", names=("fake_trade",))
    problems = store.verify(tmp_path / "pack")
    from multipolar.schema import TABLES

    n = len(TABLES)
    assert len(problems) == 1 and f"incomplete pack: {n - 1} of the {n} canonical tables missing" in problems[0]
    assert "macro" in problems[0] and "trade_flows" not in problems[0].split("missing")[1]


def test_a_second_build_into_the_same_folder_stops_while_the_first_holds_the_lock(tmp_path, fake_sources):
    from multipolar.errors import MultipolarError

    fake_sources["fake_trade"] = _fake_source(tmp_path, {"trade_flows": lambda: _trade_rows(GOOD)})
    store.build_pack(tmp_path / "raw", tmp_path / "pack", names=("fake_trade",))
    before = {p.name: p.read_bytes() for p in (tmp_path / "pack").iterdir()}
    with pack_module.build_lock((tmp_path / "pack").resolve()):  # a first build in progress
        with pytest.raises(MultipolarError, match="another build-pack is writing .*pack; wait until it ends"):
            store.build_pack(tmp_path / "raw", tmp_path / "pack", names=("fake_trade",))
    assert {p.name: p.read_bytes() for p in (tmp_path / "pack").iterdir()} == before
    store.build_pack(tmp_path / "raw", tmp_path / "pack", names=("fake_trade",))  # lock released: builds again


def test_two_concurrent_build_processes_cannot_both_win(tmp_path):
    """Two real `build-pack` processes into one folder: while the first holds the lock (its parsing signals it has
    started, then waits), the second exits 1 naming the lock; the first then completes."""
    import subprocess
    import sys
    import time

    started, release = tmp_path / "started", tmp_path / "release"
    script = (
        "import sys, time, pathlib; from multipolar.store import pack as p\n"
        "def slow(*a, **k):\n"
        f"    pathlib.Path({str(started)!r}).touch()\n"
        f"    while not pathlib.Path({str(release)!r}).exists(): time.sleep(0.05)\n"
        "    return {}, {}, []\n"
        "p.parse_sources = slow\n"
        "from multipolar.cli import main\n"
        f"sys.argv = ['multipolar', 'data', 'build-pack', '--data-dir', {str(tmp_path)!r}, '--out', "
        f"{str(tmp_path / 'pack')!r}]\n"
        "main()\n")
    first = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(1200):
            if started.exists():
                break
            time.sleep(0.05)
        assert started.exists(), "the first build never started"
        second = subprocess.run([sys.executable, "-c", script], stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        release.touch()
        _, first_err = first.communicate(timeout=120)
    assert second.returncode == 1 and "another build-pack is writing" in second.stderr
    assert first.returncode == 0, first_err


def test_source_rebuild_replaces_only_that_sources_rows_in_a_complete_pack(tmp_path, fake_sources, monkeypatch):
    """--source X on a copy of the shipped (complete) pack: X's rows replaced, every other table byte-identical."""
    import shutil

    from multipolar import config
    from multipolar.sources import load_source

    pack = tmp_path / "pack"
    shutil.copytree(config.SHIPPED_PACK_DIR, pack)
    before = {p.name: p.read_bytes() for p in pack.iterdir()}
    arms = store.load("arms_transfers", pack=pack)
    sipri = load_source("sipri")
    changed = arms.assign(tiv=arms.tiv * 2)
    fake = types.SimpleNamespace(ORIGIN=sipri.ORIGIN, parse=lambda data_dir: {"arms_transfers": changed})
    monkeypatch.setattr(pack_module, "load_source", lambda name: {"sipri": fake}[name])
    monkeypatch.setattr(type(sipri.ORIGIN), "input_files", lambda self, data_dir: [])
    manifest = store.rebuild_sources(tmp_path, pack, names=("sipri",))
    after = {p.name: p.read_bytes() for p in pack.iterdir()}
    from multipolar.schema import TABLES

    # The derived tables read from arms_transfers (the crossover, ...) are dropped (computed on the fly) by a
    # rebuild that does not derive again; the others (the trade views, from trade_flows only) kept as they were.
    old = store.read_manifest(config.SHIPPED_PACK_DIR).get("derived", {})
    stale = {n for n, e in old.items() if "arms_transfers" in e["derived_from"]}
    assert "crossover" in stale and "trade_views" not in stale
    assert sorted(after) == sorted(set(before) - {old[n]["file"] for n in stale})
    assert len(manifest["tables"]) == len(TABLES) and sorted(manifest["derived"]) == sorted(set(old) - stale)
    assert [n for n in after if after[n] != before[n]] == ["arms_transfers.parquet", "manifest.json"]
    assert store.load("arms_transfers", pack=pack).tiv.sum() == pytest.approx(2 * arms.tiv.sum())
    assert store.verify(pack) == []


def test_source_rebuild_of_a_shared_table_keeps_the_other_sources_rows(tmp_path, fake_sources, monkeypatch):
    import shutil

    from multipolar import config
    from multipolar.sources import load_source

    pack = tmp_path / "pack"
    shutil.copytree(config.SHIPPED_PACK_DIR, pack)
    flows = store.load("trade_flows", pack=pack)
    am = load_source("national_am")
    # national_am writes two source ids (national_am, national_am_origin) to two tables; drop its 2022 rows.
    mine = {t: store.load(t, pack=pack, source=["national_am", "national_am_origin"])
            for t in ("trade_flows", "trade_monthly")}
    parsed = {"trade_flows": mine["trade_flows"][mine["trade_flows"].year != 2022],
              "trade_monthly": mine["trade_monthly"]}
    fake = types.SimpleNamespace(ORIGIN=am.ORIGIN, parse=lambda data_dir: parsed)
    monkeypatch.setattr(pack_module, "load_source", lambda name: {"national_am": fake}[name])
    monkeypatch.setattr(type(am.ORIGIN), "input_files", lambda self, data_dir: [])
    store.rebuild_sources(tmp_path, pack, names=("national_am",))
    new = store.load("trade_flows", pack=pack)
    others = flows[~flows.source.isin(["national_am", "national_am_origin"])]
    assert len(new) == len(others) + len(parsed["trade_flows"])
    assert not ((new.source.isin(["national_am", "national_am_origin"])) & (new.year == 2022)).any()
    assert set(new.source) == set(flows.source)


def test_source_rebuild_needs_a_complete_pack(tmp_path, fake_sources):
    fake_sources["fake_trade"] = _fake_source(tmp_path, {"trade_flows": lambda: _trade_rows(GOOD)})
    with pytest.raises(UsageError, match="build the whole pack first"):
        store.rebuild_sources(tmp_path / "raw", tmp_path / "pack", names=("fake_trade",))
    store.build_pack(tmp_path / "raw", tmp_path / "pack", names=("fake_trade",))
    with pytest.raises(DataError, match="not sound .*incomplete pack"):
        store.rebuild_sources(tmp_path / "raw", tmp_path / "pack", names=("fake_trade",))
