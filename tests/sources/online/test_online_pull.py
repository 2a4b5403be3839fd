"""`multipolar data pull` end to end against the local server, and the pulled tables handed to the pack builder."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from multipolar import config
from multipolar.cli import app, main
from multipolar.sources import worldbank_api
from multipolar.store import pulled
from multipolar.store.tables import read_metadata

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
WB_PATH = "/v2/country/KAZ;KGZ/indicator/NY.GDP.MKTP.CD;SP.POP.TOTL"
IMF_PATH = "/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/RUS.XG_FOB_USD+MG_CIF_USD.CHN+G001+KAZ+KGZ.A"
runner = CliRunner()


@pytest.fixture
def worldbank(api_server, waits, monkeypatch):
    """The World Bank API played from the two recorded pages (10 rows a page)."""
    monkeypatch.setenv("MULTIPOLAR_WORLDBANK_URL", api_server.base + "/v2")
    monkeypatch.setattr(worldbank_api, "PER_PAGE", 10)
    pages = {p: (FIXTURES / "worldbank" / f"page{p}.json").read_bytes() for p in (1, 2)}
    api_server.route(WB_PATH, lambda query: (pages[int(query["page"])], "application/json"))
    return api_server


def _fixture_macro() -> dict:
    out: dict = {}
    for p in (1, 2):
        for row in json.loads((FIXTURES / "worldbank" / f"page{p}.json").read_text())[1]:
            column = {"NY.GDP.MKTP.CD": "gdp_usd", "SP.POP.TOTL": "population"}[row["indicator"]["id"]]
            out.setdefault((row["countryiso3code"], int(row["date"])), {})[column] = row["value"]
    return out


def _run_main(monkeypatch, capsys, *args) -> tuple[int, str, str]:
    """Run the real entry point (which turns errors into one line and an exit code)."""
    monkeypatch.setattr(sys, "argv", ["multipolar", *args])
    with pytest.raises(SystemExit) as exc:
        main()
    out = capsys.readouterr()
    return exc.value.code, out.out, out.err


def test_pull_worldbank_writes_the_pulled_table(worldbank):
    result = runner.invoke(app, ["data", "pull", "worldbank", "--years", "2019-2023", "--countries", "KAZ,KGZ"])
    assert result.exit_code == 0, result.output
    path = config.cache_dir() / "pulled" / "worldbank_api" / "macro.parquet"
    assert path.exists() and str(path) in result.stdout
    table = pq.read_table(path).to_pandas()
    got = {(r.country, r.year): {"gdp_usd": r.gdp_usd, "population": r.population} for r in table.itertuples()}
    assert got == _fixture_macro()
    # e.g. Kazakhstan 2023: the World Bank's GDP in current US$ (gdp.csv) and population (population.csv)
    assert got[("KAZ", 2023)] == {"gdp_usd": 261421121085.57208, "population": 20330104}
    meta = read_metadata(path)
    origin = meta["origin"]
    assert origin["id"] == "worldbank_api" and origin["licence"] and origin["citation"]
    assert meta["pull"]["years"] == [2019, 2023] and meta["pull"]["countries"] == ["KAZ", "KGZ"]
    fixture_sha = sorted(hashlib.sha256((FIXTURES / "worldbank" / f"page{p}.json").read_bytes()).hexdigest()
                         for p in (1, 2))
    assert sorted(f["sha256"] for f in origin["files"]) == fixture_sha
    assert all(f["path"].startswith(worldbank.base + WB_PATH) and "page=" in f["path"] for f in origin["files"])
    assert origin["retrieved"] == max(f["retrieved_at"] for f in origin["files"])


def test_pulled_tables_are_ready_for_the_pack_builder(worldbank):
    assert runner.invoke(app, ["data", "pull", "worldbank", "--years", "2019-2023",
                               "--countries", "KAZ,KGZ"]).exit_code == 0
    parts = pulled.pulled_parts()
    assert list(parts) == ["macro"]
    [(source_id, table)] = parts["macro"]
    assert source_id == "worldbank_api" and table.num_rows == len(_fixture_macro())
    origins = pulled.pulled_origins()
    assert list(origins) == ["worldbank_api"] and len(origins["worldbank_api"]["files"]) == 2
    assert pulled.pulled_excluded() == []


def test_a_second_pull_uses_the_cache_and_refresh_downloads_again(worldbank):
    args = ["data", "pull", "worldbank", "--years", "2019-2023", "--countries", "KAZ,KGZ"]
    assert runner.invoke(app, args).exit_code == 0
    assert runner.invoke(app, args).exit_code == 0
    assert len(worldbank.seen) == 2  # two pages, once
    assert runner.invoke(app, [*args, "--refresh"]).exit_code == 0
    assert len(worldbank.seen) == 4


def test_a_failed_pull_leaves_the_previous_table_untouched(worldbank):
    args = ["data", "pull", "worldbank", "--years", "2019-2023", "--countries", "KAZ,KGZ"]
    assert runner.invoke(app, args).exit_code == 0
    path = config.cache_dir() / "pulled" / "worldbank_api" / "macro.parquet"
    before = path.read_bytes()
    refusal = (FIXTURES / "worldbank" / "refusal.json").read_bytes()
    worldbank.route(WB_PATH, lambda query: (refusal, "application/json"))
    result = runner.invoke(app, [*args, "--refresh"])
    assert result.exit_code != 0 and "parameter value is not valid" in str(result.exception)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["macro.parquet"]  # no temporary file left


def test_invalid_source_exits_2_listing_the_choices(monkeypatch, capsys, waits):
    code, _, err = _run_main(monkeypatch, capsys, "data", "pull", "imf")
    assert code == 2
    assert err.strip() == "error: invalid source 'imf'; valid choices: comtrade, imf-imts, worldbank"


def test_invalid_years_and_countries_are_usage_errors(monkeypatch, capsys, waits):
    code, _, err = _run_main(monkeypatch, capsys, "data", "pull", "worldbank", "--years", "2024-2019")
    assert code == 2 and "first year after last" in err
    code, _, err = _run_main(monkeypatch, capsys, "data", "pull", "worldbank", "--countries", "KAZ,XYZ")
    assert code == 2 and "XYZ" in err


def test_offline_pull_exits_1_with_one_clear_line(monkeypatch, capsys, waits, closed_port):
    monkeypatch.setenv("MULTIPOLAR_WORLDBANK_URL", closed_port + "/v2")
    code, out, err = _run_main(monkeypatch, capsys, "data", "pull", "worldbank", "--years", "2019-2023",
                               "--countries", "KAZ,KGZ")
    assert code == 1
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines == [f"error: cannot reach {closed_port}{WB_PATH} (offline?) — the shipped data pack works offline"]
    assert not (config.cache_dir() / "pulled").exists()


def test_pull_imf_imts_and_comtrade_through_the_library(api_server, waits, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_IMF_URL", api_server.base + "/sdmx/3.0")
    monkeypatch.setenv("MULTIPOLAR_COMTRADE_URL", api_server.base)
    monkeypatch.delenv("MULTIPOLAR_COMTRADE_KEY", raising=False)
    api_server.serve(IMF_PATH, FIXTURES / "imf_imts" / "RUS.csv", "text/csv")
    api_server.serve("/public/v1/preview/C/A/HS", FIXTURES / "comtrade" / "KGZ_2022_2023.json")
    # Reporter RUS with partners CHN, KAZ, KGZ and World: the recorded query.
    from multipolar.sources import imf_imts_api

    real_fetch = imf_imts_api.fetch
    monkeypatch.setattr(imf_imts_api, "fetch", lambda years, countries, **kw: real_fetch(
        years, ["RUS"], partners=["CHN", "KAZ", "KGZ", "WLD"], **kw))
    written = pulled.pull("imf-imts", (2019, 2023), ["RUS"])
    assert pq.read_table(written["trade_flows"]).num_rows == 40
    written = pulled.pull("comtrade", (2022, 2023), ["KGZ"])
    assert pq.read_table(written["trade_flows"]).num_rows == 12
    # UN Comtrade's terms restrict redistribution: its pulled table stays out of a pack unless asked for.
    assert [sid for sid, _ in pulled.pulled_parts()["trade_flows"]] == ["imf_imts_api"]
    everything = pulled.pulled_parts(include_restricted=True)["trade_flows"]
    assert sorted(sid for sid, _ in everything) == ["imf_imts_api", "un_comtrade"]
    assert [e["source"] for e in pulled.pulled_excluded()] == ["un_comtrade"]
