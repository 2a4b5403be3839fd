"""The indicator cache changes no output: every indicator's frame read from the cache (and from the pack's derived
tables) equals the frame computed in memory through Ibis from the base tables without either, whole and filtered;
entries are whole files written once, safe under concurrent processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from multipolar.indicators import INDICATORS, api, cache, derived
from multipolar.indicators.registry import MissingTableError

# Filtered queries (beyond each indicator's whole output): (indicator, filters).
FILTERED = [
    ("trade_share", dict(country="KAZ", partner="CHN,RUS", flow="turnover", years="2015-2023")),
    ("trade_share", dict(country="KGZ", source="mirror:imf_dots", flow="import")),
    ("trade_value", dict(country=["UZB", "TJK"], partner="WLD", years=2019)),
    ("partner_rank", dict(country="KAZ", partner="CHN", source="reconciled")),
    ("top_partner", dict(country="MNG", flow="export")),
    ("trade_hhi", dict(country="ARM", years="2010-2020")),
    ("dependence_asymmetry", dict(country="RUS", partner="CHN")),
    ("reporting_gap", dict(country="TJK", partner="CHN", flow="import", years=2019)),
    ("arms_share_5y", dict(country="KAZ", partner="CHN,RUS")),
    ("un_agreement", dict(country="KAZ", partner="CHN,RUS")),
    ("un_agreement", dict(country="KAZ", partner="IND")),  # computed for India: never from the whole output
    ("event_balance", dict(country="KGZ")),
    ("finance_commitments", dict(country="PAK")),
    ("influence_score", dict(country="IRN", partner="CHN", years="2021-2023")),
    ("trade_growth", dict(country="KAZ", partner="CHN", flow="export", base_year=2010)),  # other parameters
    ("rerouting_growth", dict(partner="KGZ,KAZ,RUS")),
]


def _frames(name: str, monkeypatch, filters: dict, cached: bool) -> pd.DataFrame | None:
    """The frame with the indicator cache and the pack's derived tables (cached), or computed from the base tables
    without either."""
    monkeypatch.setenv(cache.ENV, "on" if cached else "off")
    monkeypatch.setenv(derived.ENV, "on" if cached else "off")
    monkeypatch.setattr(api, "_CONTEXTS", {})
    try:
        return api.compute(name, **filters)
    except MissingTableError:
        return None


# Floats agree to this relative difference, everything else exactly: DuckDB's parallel sums of doubles may add in
# another order from one run to the next, so two runs without any cache already differ in the last bit (e.g.
# arms_share for one row: 0x1.669069dfedc2fp-6 in one run, ...c2ep-6 in the next).
RTOL = 1e-12


def _same(a: pd.DataFrame | None, b: pd.DataFrame | None) -> None:
    assert (a is None) == (b is None)
    if a is None:
        return
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=RTOL, atol=0)
    for column in a.columns:  # and exactly, for every column that is not a float
        if a[column].dtype.kind != "f":
            pd.testing.assert_series_equal(a[column], b[column], check_exact=True)
    assert a.attrs == b.attrs


@pytest.mark.parametrize("name", sorted(INDICATORS))
def test_whole_output_from_the_cache_equals_the_computed_one(name, pack, monkeypatch):
    computed = _frames(name, monkeypatch, {}, cached=False)
    first = _frames(name, monkeypatch, {}, cached=True)  # computed once and written to the cache
    again = _frames(name, monkeypatch, {}, cached=True)  # read from it
    _same(computed, first)
    _same(computed, again)


@pytest.mark.parametrize("name,filters", FILTERED, ids=[f"{n}-{i}" for i, (n, _) in enumerate(FILTERED)])
def test_filtered_query_from_the_cache_equals_the_computed_one(name, filters, pack, monkeypatch):
    computed = _frames(name, monkeypatch, filters, cached=False)
    cached = _frames(name, monkeypatch, filters, cached=True)
    assert computed is not None and len(computed) > 0
    _same(computed, cached)


def test_cache_folder_names_pack_and_code(pack, tmp_path, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_CACHE_DIR", str(tmp_path))
    store = cache.Store.for_pack(pack)
    assert store.folder.parent == tmp_path / cache.SUBDIR
    manifest = (pack / "manifest.json").read_bytes()
    assert store.folder.name == cache.stamp(manifest)
    assert cache.stamp(manifest + b" ") != cache.stamp(manifest)  # another pack: another folder
    monkeypatch.setenv(cache.ENV, "off")
    assert cache.Store.for_pack(pack) is None


def test_entries_are_written_whole_once_and_an_unwritable_folder_is_skipped(tmp_path):
    store = cache.Store(tmp_path / "s")
    calls = []

    def write(tmp):
        calls.append(tmp)
        tmp.write_text("x")

    path = store.get_or_put("entry", write, ".txt")
    assert path.read_text() == "x" and store.get_or_put("entry", write, ".txt") == path and len(calls) == 1
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]  # no temporary file left

    def broken(tmp):
        tmp.write_text("half")
        raise OSError("disk full")

    assert store.put("other", broken, ".txt") is None
    assert not store.find("other", ".txt") and not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    blocked = tmp_path / "file"
    blocked.write_text("")
    assert cache.Store(blocked / "s").put("entry", write, ".txt") is None  # not a folder: computed in memory


CHILD = """
import json, sys
import multipolar
f = multipolar.indicator("trade_hhi", country=sys.argv[1])
print(json.dumps([len(f), float(f["value"].sum())]))
"""


def test_concurrent_processes_fill_one_entry_and_agree(pack, tmp_path):
    env = {**os.environ, "MULTIPOLAR_CACHE_DIR": str(tmp_path)}
    procs = [subprocess.Popen([sys.executable, "-c", CHILD, c], env=env, stdout=subprocess.PIPE, text=True)
             for c in ("KAZ", "KAZ", "UZB")]
    out = [json.loads(p.communicate(timeout=600)[0]) for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert out[0] == out[1] and out[0][0] > 0 and out[2][0] > 0
    (folder,) = (tmp_path / cache.SUBDIR).iterdir()
    # One entry per country asked (computed for that country alone), each written once.
    assert sorted(p.name for p in folder.glob("*trade_hhi*.parquet")) == [
        "shard-out-trade_hhi.KAZ.parquet", "shard-out-trade_hhi.UZB.parquet"]
    assert not list(folder.glob("*.tmp"))


# Command lines whose output must not depend on the cache: (arguments...). Every format of the indicator command
# (table, csv, json), flags in notes, gap notes, an integer column with missing values (floats in the frame).
COMMANDS = [
    ["indicator", "trade_share", "--country", "KAZ", "--partner", "CHN,RUS", "--flow", "turnover", "--years",
     "2015-2023"],
    ["indicator", "trade_share", "-c", "KGZ", "-p", "CHN", "--years", "2019-2023", "--format", "csv"],
    ["indicator", "trade_value", "-c", "UZB", "-p", "RUS", "--source", "imf_dots,reconciled", "--format", "json"],
    ["indicator", "trade_growth", "-c", "TJK", "-p", "CHN", "--flow", "import", "--format", "csv"],
    ["indicator", "arms_share_5y", "-c", "KAZ", "-p", "CHN,RUS", "--years", "2010-2023"],
    ["indicator", "un_agreement", "-c", "KGZ", "-p", "CHN", "--format", "json"],
    ["indicator", "trade_hhi", "-c", "ARM", "--limit", "5"],
    ["crossover", "--region", "central-asia", "--format", "json"],
    ["crossover", "IRN", "MNG", "-d", "trade,diplomacy", "--format", "csv"],
    ["crossover", "--region", "sco", "-d", "security"],
]


def _parsed(args, out):
    """Output parsed (CSV, JSON) so that floats compare to RTOL; a table as its lines of cells, a number shown
    with 4 significant digits compared to one unit of its last digit (a value on a rounding boundary, e.g.
    889.65, may show as 889.6 in one run and 889.7 in the next even without any cache: see RTOL)."""
    if "csv" in args:
        import csv
        import io

        return list(csv.reader(io.StringIO(out)))
    if "json" in args:
        return json.loads(out)
    return [Shown(cell) for line in out.splitlines() for cell in line.split()]


class Shown(str):
    """A cell of a printed table."""

    def __eq__(self, other):
        if str.__eq__(self, other):
            return True
        try:
            a, b = float(self.replace(",", "")), float(other.replace(",", ""))
        except ValueError:
            return False
        digits = self.replace(",", "").split(".")
        unit = 10.0 ** -(len(digits[1]) if len(digits) > 1 else 0)
        return abs(a - b) <= unit * 1.0001

    __hash__ = str.__hash__


def _close(a, b) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, Shown):
        return a == b
    if isinstance(a, str) and isinstance(b, str) and a != b:
        try:  # a CSV cell holding a float
            return type(a) is type(b) and "." in a and _close(float(a), float(b))
        except ValueError:
            return False
    if isinstance(a, float) and isinstance(b, float):
        return a == b or abs(a - b) <= RTOL * max(abs(a), abs(b))
    return a == b and type(a) is type(b)


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a[:2]) + f"-{i}" for i, a in enumerate(COMMANDS)])
def test_command_output_from_the_cache_equals_the_computed_one(cli, args, pack, monkeypatch):
    outputs = []
    for cached in (False, True, True):
        monkeypatch.setenv(cache.ENV, "on" if cached else "off")
        monkeypatch.setenv(derived.ENV, "on" if cached else "off")
        monkeypatch.setattr(api, "_CONTEXTS", {})
        code, out, err = cli(*args)
        assert code == 0, err
        outputs.append((_parsed(args, out), err))
    for out, err in outputs[1:]:
        assert _close(outputs[0][0], out)
        assert err == outputs[0][1]


# Choices of states and dimensions whose crossover rows, read from the whole table (the pack's derived crossover),
# must equal the rows computed for that choice alone from the base tables.
CROSSOVERS = [
    dict(region="central-asia"),
    dict(countries=["IRN"], dimensions=["trade"]),
    dict(region="sco", dimensions=["security", "composite"]),
    dict(countries=["MNG", "ARM"], dimensions="diplomacy,finance"),
]


@pytest.mark.parametrize("choice", CROSSOVERS, ids=[str(i) for i in range(len(CROSSOVERS))])
def test_crossover_from_the_cache_equals_the_computed_one(choice, pack, monkeypatch):
    from multipolar.indicators import crossover

    frames = []
    for cached in (False, True, True):
        monkeypatch.setenv(cache.ENV, "on" if cached else "off")
        monkeypatch.setenv(derived.ENV, "on" if cached else "off")
        monkeypatch.setattr(api, "_CONTEXTS", {})
        frames.append(crossover(**choice))
    assert len(frames[0]) > 0
    for frame in frames[1:]:
        _same(frames[0], frame)


def test_sco_members_read_from_the_pack_file_equal_the_ibis_query(pack):
    import ibis

    from multipolar.indicators.crossover import sco_members
    from multipolar.indicators.registry import Context
    from multipolar.store import read_manifest

    manifest = read_manifest(pack)
    con = ibis.duckdb.connect()
    con.read_parquet(pack / manifest["tables"]["memberships"]["file"], table_name="memberships")
    through_ibis = sco_members(Context(con, manifest))
    assert through_ibis == sco_members(api.context(pack))
    assert {"KAZ", "KGZ", "TJK", "UZB", "IND", "PAK", "IRN", "CHN", "RUS"} <= set(through_ibis)


def test_gap_notes_of_a_small_frame_equal_those_of_its_groups(pack, monkeypatch):
    """Gap notes are collected from Arrow tables (`compute`), row by row in Python for small frames and by pandas'
    groupby for large ones: the same notes."""
    from multipolar.indicators import api

    for name, filters in [("trade_value", dict(country="KAZ,KGZ", partner="CHN", years="1990-2023")),
                          ("trade_share", dict(country="TJK", partner="RUS", source="imf_dots,national_kz")),
                          ("un_agreement", dict(country="KAZ", partner="CHN", years="1992-2024"))]:
        ind = api.get(name)
        ctx = api.context()
        q = api.validate(ind, ctx, **filters)
        frame = api.compute(name, **filters)
        small = api.gaps(frame, ind, q)
        monkeypatch.setattr(api, "SMALL_FRAME", 0)  # every frame taken as large
        large = api.gaps(frame, ind, q)
        monkeypatch.undo()
        import pyarrow as pa

        arrow = api.gaps(pa.Table.from_pandas(frame, preserve_index=False), ind, q)
        assert small == large == arrow and small, name


def test_prune_keeps_the_newest_entries_of_a_prefix_and_the_one_just_written(tmp_path):
    store = cache.Store(tmp_path / "s")
    paths = []
    for i in range(5):
        path = store.put(f"out-x-year={i}", lambda tmp: tmp.write_text("x"))
        os.utime(path, (1_000 + i, 1_000 + i))  # entry i written at second 1000 + i
        paths.append(path)
    other = store.put("out-y-year=1", lambda tmp: tmp.write_text("y"))
    store.prune("out-x-", 3, keep=paths[0])
    assert [p.exists() for p in paths] == [True, False, False, True, True]  # the 2 newest and the one kept
    assert other.exists()  # another indicator's entries untouched


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_crossover_command_prints_the_frame_of_multipolar_crossover(cli, fmt, pack, capsys, monkeypatch):
    """The command's rows (read with DuckDB from the cache, without pandas) print as the frame of
    indicators.crossover() rendered by pandas (None for missing values) prints."""
    from multipolar.cli.indicators import TABLE_COLUMNS
    from multipolar.cli.output import emit, records
    from multipolar.indicators import crossover

    monkeypatch.setattr(api, "_CONTEXTS", {})
    code, out, _ = cli(*["crossover", "--region", "central-asia", "-d", "trade,security", "--format", fmt])
    assert code == 0
    frame = crossover(region="central-asia", dimensions=["trade", "security"])
    frame = frame.astype(object).where(frame.notna(), None)
    if fmt == "json":
        assert _close(json.loads(out), json.loads(json.dumps(records(frame))))
    elif fmt == "csv":
        emit(frame, "csv")
        assert _close(_parsed(["csv"], out), _parsed(["csv"], capsys.readouterr().out))
    else:
        emit(frame[list(TABLE_COLUMNS)], "table", title="China overtaking Russia: first year, by dimension and source")
        table = capsys.readouterr().out
        assert out.startswith(table) and len(frame) > 0
