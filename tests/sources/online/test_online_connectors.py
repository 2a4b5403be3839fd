"""The IMF IMTS, UN Comtrade and World Bank connectors: requests they make, and parsing of recorded answers.

Expected numbers are read from the fixture files with csv/json here (and, where the shared data is present, from
the raw files the fixtures were made from), never from the code under test.
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import pandas as pd
import pytest

from multipolar.errors import DataError, SourceError, UnknownCountryError
from multipolar.schema import TABLES
from multipolar.sources import comtrade, http, imf_imts_api, worldbank_api
from multipolar.store.tables import validate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
IMF_CSV = FIXTURES / "imf_imts" / "RUS.csv"
IMF_JSON = FIXTURES / "imf_imts" / "RUS_CHN.json"
IMF_PATH = "/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/RUS.XG_FOB_USD+MG_CIF_USD.CHN+G001+KAZ+KGZ.A"
COMTRADE_JSON = FIXTURES / "comtrade" / "KGZ_2022_2023.json"
WB_PATH = "/v2/country/KAZ;KGZ/indicator/NY.GDP.MKTP.CD;SP.POP.TOTL"
FLOW = {"XG_FOB_USD": "export", "MG_CIF_USD": "import"}


# ---------------------------------------------------------------- IMF IMTS

def _imf_expected() -> dict:
    """{(reporter, partner, year, flow): dollars} read straight from the fixture CSV."""
    with IMF_CSV.open(encoding="utf-8") as fh:
        return {(r["COUNTRY"], "WLD" if r["COUNTERPART_COUNTRY"] == "G001" else r["COUNTERPART_COUNTRY"],
                 int(r["TIME_PERIOD"]), FLOW[r["INDICATOR"]]): float(r["OBS_VALUE"]) for r in csv.DictReader(fh)}


def test_imf_request_follows_the_sdmx_3_key_structure(monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_IMF_URL", "http://example.test/sdmx/3.0/")
    url, params = imf_imts_api.request_for("RUS", ["KGZ", "WLD", "CHN", "KAZ"], (2019, 2023))
    assert url == "http://example.test" + IMF_PATH
    # SDMX's period form: with plain years the IMF's SDMX 3.0 service answers empty tables.
    assert params == {"c[TIME_PERIOD]": "ge:2019-A1+le:2023-A1"}
    monkeypatch.delenv("MULTIPOLAR_IMF_URL")
    assert imf_imts_api.request_for("KAZ", ["CHN"], (2020, 2020))[0] == (
        "https://api.imf.org/external/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/KAZ.XG_FOB_USD+MG_CIF_USD.CHN.A")


def test_imf_fetch_and_parse_give_the_recorded_dollars(api_server, waits, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_IMF_URL", api_server.base + "/sdmx/3.0")
    api_server.serve(IMF_PATH, IMF_CSV, "application/vnd.sdmx.data+csv;version=2.0.0")
    paths = imf_imts_api.fetch((2019, 2023), ["RUS"], partners=["CHN", "KAZ", "KGZ", "WLD"])
    seen = api_server.seen[0]
    assert seen.query == {"c[TIME_PERIOD]": "ge:2019-A1+le:2023-A1"}
    assert seen.headers["Accept"] == "application/vnd.sdmx.data+csv;version=2.0.0"
    frame = imf_imts_api.parse_response(paths)["trade_flows"]
    assert list(frame.columns) == TABLES["trade_flows"].columns
    expected = _imf_expected()
    assert len(frame) == len(expected) == 40  # 4 partners x 2 flows x 5 years
    got = {(r.reporter, r.partner, r.year, r.flow): r.value_usd for r in frame.itertuples()}
    assert got == expected
    assert set(frame["source"]) == {"imf_imts_api"} and set(frame["unit_published"]) == {"USD"}
    assert (frame["value_usd"] == frame["value_published"]).all()
    assert dict(frame.groupby("flow")["basis"].unique().map(list)) == {"export": ["FOB"], "import": ["CIF"]}
    # PROVENANCE of imf_imts_russia: Russia's exports to China 2021 = 68,423 million USD.
    rus_chn = frame[(frame.partner == "CHN") & (frame.year == 2021) & (frame.flow == "export")].value_usd.item()
    assert round(rus_chn / 1e6) == 68423
    validate(frame, TABLES["trade_flows"], origin="test")


def test_imf_values_match_the_imfs_own_extract_in_millions(data_dir):
    """The fixture's dollars are the IMF extract's millions x 1e6 (RU_trade.csv, read independently)."""
    raw = data_dir / "imf_imts_russia" / "RU_trade.csv"
    if not raw.exists():
        pytest.skip(f"{raw} not present")
    frame = imf_imts_api.parse_response([IMF_CSV])["trade_flows"]
    with raw.open(encoding="utf-8-sig") as fh:
        rows = {(r["INDICATOR.ID"], r["COUNTERPART_COUNTRY.ID"]): r for r in csv.DictReader(fh)}
    for rec in frame.itertuples():
        indicator = "XG_FOB_USD" if rec.flow == "export" else "MG_CIF_USD"
        millions = float(rows[(indicator, "G001" if rec.partner == "WLD" else rec.partner)][str(rec.year)])
        assert rec.value_usd == pytest.approx(millions * 1e6, rel=1e-12)


def test_imf_sdmx_json_answer_parses_like_the_csv(tmp_path):
    from_json = imf_imts_api.parse_response([IMF_JSON])["trade_flows"]
    from_csv = imf_imts_api.parse_response([IMF_CSV])["trade_flows"]
    subset = from_csv[(from_csv.partner == "CHN") & from_csv.year.isin([2021, 2022])].reset_index(drop=True)
    assert len(from_json) == 4
    pd.testing.assert_frame_equal(from_json, subset)


def _imf_csv(tmp_path, lines: list[str], header: str | None = None):
    head = header or "STRUCTURE,STRUCTURE_ID,ACTION,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD," \
                     "OBS_VALUE,SCALE,UNIT,DERIVATION_TYPE,STATUS"
    path = tmp_path / "answer.csv"
    path.write_text("\n".join([head, *lines]) + "\n", encoding="utf-8")
    return path


def test_imf_answer_in_millions_is_refused(tmp_path):
    # Synthetic: Russia's 2019 world exports written in millions, as the Data Explorer's downloads show them.
    path = _imf_csv(tmp_path, ["dataflow,IMF.STA:IMTS(1.0.0),I,RUS,XG_FOB_USD,G001,A,2019,419731.67898,6,USD,,"])
    with pytest.raises(DataError, match="millions"):
        imf_imts_api.parse_response([path])


def test_imf_status_unit_mult_and_empty_cells(tmp_path):
    # Synthetic rows: an estimate flagged 'e', a UNIT_MULT column, and an empty observation that is dropped.
    header = "DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE,UNIT_MULT,STATUS"
    path = _imf_csv(tmp_path, ["IMF.STA:IMTS(1.0.0),KAZ,MG_CIF_USD,CHN,A,2022,2.5,9,e",
                               "IMF.STA:IMTS(1.0.0),KAZ,MG_CIF_USD,CHN,A,2023,,9,"], header=header)
    frame = imf_imts_api.parse_response([path])["trade_flows"]
    assert len(frame) == 1
    row = frame.iloc[0]
    assert row.value_usd == 2.5e9 and row.value_published == 2.5 and bool(row.is_estimate)
    assert row.note == "IMF STATUS e"


def test_imf_unexpected_indicator_and_unknown_code_are_errors(tmp_path):
    path = _imf_csv(tmp_path, ["dataflow,IMF.STA:IMTS(1.0.0),I,KAZ,MG_FOB_USD,CHN,A,2022,1e9,6,USD,,"])
    with pytest.raises(DataError, match="unexpected indicator"):
        imf_imts_api.parse_response([path])
    path = _imf_csv(tmp_path, ["dataflow,IMF.STA:IMTS(1.0.0),I,KAZ,XG_FOB_USD,GX123,A,2022,1e9,6,USD,,"])
    with pytest.raises(UnknownCountryError, match="GX123"):
        imf_imts_api.parse_response([path])


def test_imf_estimates_come_from_derivation_type_and_years_are_filtered_locally(tmp_path):
    frame = imf_imts_api.parse_response([IMF_CSV])["trade_flows"]
    # The fixture marks Russia's 2022+ figures (IMF estimates: RU_trade.csv's caveat) with a derivation code; STATUS
    # is empty, as in real answers.
    assert set(frame[frame.year >= 2022].is_estimate) == {True} and set(frame[frame.year < 2022].is_estimate) == {False}
    assert set(frame[frame.year >= 2022].note) == {"IMF DERIVATION_TYPE E"}
    assert not imf_imts_api.is_estimate_code("", "") and not imf_imts_api.is_estimate_code("Reported", "")
    # The server's time filter is not trusted: the parser keeps the asked years only.
    assert set(imf_imts_api.parse_response([IMF_CSV], years=(2020, 2021))["trade_flows"].year) == {2020, 2021}
    # The period form of TIME_PERIOD reads like the plain year.
    path = _imf_csv(tmp_path, ["dataflow,IMF.STA:IMTS(1.0.0),I,KAZ,XG_FOB_USD,CHN,A,2022-A1,1e9,6,USD,,"])
    assert imf_imts_api.parse_response([path])["trade_flows"].year.tolist() == [2022]


def test_imf_empty_answers_mean_no_data_for_that_reporter(api_server, waits, monkeypatch):
    """An empty table (the header and one all-blank row) or HTTP 404 is 'no data for this reporter'; the pull fails
    only when every answer is empty."""
    said = []
    monkeypatch.setattr(http, "notify", said.append)
    monkeypatch.setenv("MULTIPOLAR_IMF_URL", api_server.base + "/sdmx/3.0")
    header = IMF_CSV.read_text(encoding="utf-8").splitlines()[0]
    api_server.serve(IMF_PATH, IMF_CSV, "application/vnd.sdmx.data+csv;version=2.0.0")
    empty_path = "/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/TKM.XG_FOB_USD+MG_CIF_USD.CHN+G001+KAZ+KGZ.A"
    api_server.serve(empty_path, header + "\n" + "," * header.count(",") + "\n", "text/csv")
    # KGZ: no route, so the local server answers 404.
    paths = imf_imts_api.fetch((2019, 2023), ["KGZ", "RUS", "TKM"], partners=["CHN", "KAZ", "KGZ", "WLD"])
    assert len(paths) == 2 and said == ["IMF IMTS: no data for KGZ, TKM in 2019-2023 (empty answer or HTTP 404)"]
    frame = imf_imts_api.parse_response(paths)["trade_flows"]
    assert set(frame.reporter) == {"RUS"} and len(frame) == 40


def test_imf_a_cut_or_broken_answer_is_an_error_and_leaves_the_cache(api_server, waits, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_IMF_URL", api_server.base + "/sdmx/3.0")
    text = IMF_CSV.read_text(encoding="utf-8")
    api_server.serve(IMF_PATH, text[:-8], "text/csv")  # cut inside the last row
    url, params = imf_imts_api.request_for("RUS", ["CHN", "KAZ", "KGZ", "WLD"], (2019, 2023))
    with pytest.raises(DataError, match=r"row 41: \d+ cells, the header has 13 .*cut short"):
        imf_imts_api.fetch((2019, 2023), ["RUS"], partners=["CHN", "KAZ", "KGZ", "WLD"])
    assert not http.is_cached(url, params, suffix=".csv")
    api_server.serve(IMF_PATH, text[:-1], "text/csv")  # only the final line break missing: cut inside a value?
    with pytest.raises(DataError, match="does not end with a line break"):
        imf_imts_api.fetch((2019, 2023), ["RUS"], partners=["CHN", "KAZ", "KGZ", "WLD"], refresh=True)
    assert not http.is_cached(url, params, suffix=".csv")


def test_imf_html_answer_is_a_source_error(tmp_path):
    path = tmp_path / "answer.csv"
    path.write_text("<html><body>Service unavailable</body></html>", encoding="utf-8")
    with pytest.raises(SourceError, match="not SDMX-CSV"):
        imf_imts_api.parse_response([path])


# ---------------------------------------------------------------- UN Comtrade

def _comtrade_expected() -> dict:
    iso = {0: "WLD", 156: "CHN", 643: "RUS", 417: "KGZ"}
    data = json.loads(COMTRADE_JSON.read_text(encoding="utf-8"))["data"]
    flow = {"X": "export", "M": "import"}
    return {(iso[r["reporterCode"]], iso[r["partnerCode"]], r["refYear"], flow[r["flowCode"]]): r["primaryValue"]
            for r in data}


def test_comtrade_requests_use_the_preview_without_a_key(monkeypatch):
    monkeypatch.delenv("MULTIPOLAR_COMTRADE_KEY", raising=False)
    monkeypatch.delenv("MULTIPOLAR_COMTRADE_URL", raising=False)
    calls = comtrade.requests_for((2022, 2023), ["KGZ"])
    assert len(calls) == 1
    reporter, url, params = calls[0]
    assert (reporter, url) == ("KGZ", "https://comtradeapi.un.org/public/v1/preview/C/A/HS")
    assert params == {"reporterCode": 417, "period": "2022,2023", "partnerCode": "0,156,643", "partner2Code": 0,
                      "flowCode": "M,X", "cmdCode": "TOTAL", "customsCode": "C00", "motCode": 0,
                      "includeDesc": "true"}
    monkeypatch.setenv("MULTIPOLAR_COMTRADE_KEY", "k")
    assert comtrade.requests_for((2022, 2023), ["KGZ"])[0][1] == "https://comtradeapi.un.org/data/v1/get/C/A/HS"


def test_comtrade_splits_years_to_stay_under_the_preview_limit():
    calls = comtrade.requests_for((2000, 2024), ["KAZ", "KGZ", "TJK", "TKM", "UZB", "IND", "PAK", "IRN"])
    for _, _, params in calls:
        partners = params["partnerCode"].count(",") + 1
        periods = params["period"].count(",") + 1
        assert 2 * partners * periods <= 500 and periods <= 12
    years = sorted(int(y) for _, _, p in calls if p["reporterCode"] == 398 for y in p["period"].split(","))
    assert years == list(range(2000, 2025))


def test_comtrade_fetch_sends_the_key_as_a_header_and_parses(api_server, waits, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_COMTRADE_URL", api_server.base)
    monkeypatch.setenv("MULTIPOLAR_COMTRADE_KEY", "secret-key")
    api_server.serve("/data/v1/get/C/A/HS", COMTRADE_JSON)
    paths = comtrade.fetch((2022, 2023), ["KGZ"])
    seen = api_server.seen[0]
    assert seen.headers["Ocp-Apim-Subscription-Key"] == "secret-key"
    assert seen.query["reporterCode"] == "417" and seen.query["period"] == "2022,2023"
    assert all("secret-key" not in http.sidecar_path(p).read_text() for p in paths)
    frame = comtrade.parse_response(paths)["trade_flows"]
    assert {(r.reporter, r.partner, r.year, r.flow): r.value_usd for r in frame.itertuples()} == _comtrade_expected()
    # Kyrgyz statistics (PROVENANCE of national_stats): imports from China in 2023 = 5,353,257 thousand USD.
    kgz_chn = frame[(frame.partner == "CHN") & (frame.year == 2023) & (frame.flow == "import")]
    assert kgz_chn.value_usd.item() == 5_353_257_336
    assert set(frame[frame.flow == "import"].basis) == {"CIF"} and set(frame[frame.flow == "export"].basis) == {"FOB"}
    assert set(frame.source) == {"un_comtrade"}
    validate(frame, TABLES["trade_flows"], origin="test")


def _comtrade_answer(tmp_path, rows, **extra):
    path = tmp_path / "answer.json"
    path.write_text(json.dumps({"elapsedTime": "0.1 secs", "count": len(rows), "data": rows, **extra}))
    return path


def test_comtrade_breakdown_rows_are_ignored_and_unknown_codes_are_errors(tmp_path):
    base = json.loads(COMTRADE_JSON.read_text(encoding="utf-8"))["data"][0]
    by_mode = dict(base, motCode=2100, primaryValue=1.0)  # synthetic: a transport-mode breakdown row
    frame = comtrade.parse_response([_comtrade_answer(tmp_path, [base, by_mode])])["trade_flows"]
    assert len(frame) == 1 and frame.value_usd.item() == base["primaryValue"]
    with pytest.raises(UnknownCountryError, match="999"):
        comtrade.parse_response([_comtrade_answer(tmp_path, [dict(base, partnerCode=999)])])


def test_comtrade_count_must_match_the_rows_received(tmp_path):
    rows = json.loads(COMTRADE_JSON.read_text(encoding="utf-8"))["data"]
    path = tmp_path / "answer.json"
    path.write_text(json.dumps({"elapsedTime": "0.1 secs", "count": len(rows) + 3, "data": rows}))
    with pytest.raises(DataError, match=f"says count {len(rows) + 3} but holds {len(rows)} rows"):
        comtrade.parse_response([path])


def test_comtrade_calls_are_paced_and_a_spent_quota_is_retried(api_server, waits, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_COMTRADE_URL", api_server.base)
    monkeypatch.delenv("MULTIPOLAR_COMTRADE_KEY", raising=False)
    monkeypatch.setattr(http, "notify", lambda message: None)
    api_server.serve("/public/v1/preview/C/A/HS", COMTRADE_JSON)
    api_server.fail(1, 403, {"Retry-After": "2"})  # the gateway's answer to a spent quota
    paths = comtrade.fetch((2000, 2023), ["KGZ"])  # several blocks of years: several calls
    calls = len(comtrade.requests_for((2000, 2023), ["KGZ"]))
    assert calls > 1 and len(paths) == calls and len(api_server.seen) == calls + 1
    assert waits[0] == 2.0  # Retry-After of the 403
    pauses = waits[1:]
    assert len(pauses) == calls - 1 and all(0 < p <= comtrade.PACE_PREVIEW for p in pauses)
    api_server.seen.clear()
    waits.clear()
    comtrade.fetch((2000, 2023), ["KGZ"])  # all cached: no call, no pause
    assert api_server.seen == [] and waits == []


def test_comtrade_error_answers_are_source_errors(tmp_path):
    path = tmp_path / "error.json"
    path.write_text(json.dumps({"statusCode": 401, "message": "Access denied due to invalid subscription key."}))
    with pytest.raises(SourceError, match="invalid subscription key"):
        comtrade.parse_response([path])


# ---------------------------------------------------------------- World Bank

def _wb_expected() -> dict:
    out: dict = {}
    for page in ("page1.json", "page2.json"):
        for row in json.loads((FIXTURES / "worldbank" / page).read_text())[1]:
            column = {"NY.GDP.MKTP.CD": "gdp_usd", "SP.POP.TOTL": "population"}[row["indicator"]["id"]]
            out.setdefault((row["countryiso3code"], int(row["date"])), {})[column] = row["value"]
    return out


def _serve_worldbank(api_server, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_WORLDBANK_URL", api_server.base + "/v2")
    monkeypatch.setattr(worldbank_api, "PER_PAGE", 10)
    pages = {p: (FIXTURES / "worldbank" / f"page{p}.json").read_bytes() for p in (1, 2)}
    api_server.route(WB_PATH, lambda query: (pages[int(query["page"])], "application/json;charset=utf-8"))


def test_worldbank_fetch_follows_pages(api_server, waits, monkeypatch):
    _serve_worldbank(api_server, monkeypatch)
    paths = worldbank_api.fetch((2019, 2023), ["KGZ", "KAZ"])
    assert len(paths) == 2
    assert [s.query for s in api_server.seen] == [
        {"source": "2", "format": "json", "date": "2019:2023", "per_page": "10", "page": str(p)} for p in (1, 2)]
    frame = worldbank_api.parse_response(paths)["macro"]
    assert list(frame.columns) == TABLES["macro"].columns
    got = {(r.country, r.year): {"gdp_usd": r.gdp_usd, "population": r.population} for r in frame.itertuples()}
    assert got == _wb_expected() and len(got) == 10
    assert set(frame.source) == {"worldbank_api"}
    validate(frame, TABLES["macro"], origin="test")


def test_worldbank_values_are_the_published_ones(data_dir):
    """Kazakhstan's 2023 GDP and population equal the World Bank figures in the shared raw data."""
    gdp_file, pop_file = data_dir / "worldbank" / "gdp.csv", data_dir / "worldbank" / "population.csv"
    if not gdp_file.exists():
        pytest.skip(f"{gdp_file} not present")
    frame = worldbank_api.parse_response([FIXTURES / "worldbank" / f"page{p}.json" for p in (1, 2)])["macro"]
    row = frame[(frame.country == "KAZ") & (frame.year == 2023)].iloc[0]
    gdp = pd.read_csv(gdp_file)
    pop = pd.read_csv(pop_file)
    pick = lambda t: t[(t["Country Code"] == "KAZ") & (t["Year"] == 2023)]["Value"].item()  # noqa: E731
    assert row.gdp_usd == pytest.approx(pick(gdp), rel=1e-12)
    assert row.population == pick(pop)
    assert 2.6e11 < row.gdp_usd < 2.7e11  # about 261 billion US dollars


def test_worldbank_refusal_is_a_source_error_and_is_not_cached(api_server, waits, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_WORLDBANK_URL", api_server.base + "/v2")
    api_server.serve("/v2/country/XXX/indicator/NY.GDP.MKTP.CD;SP.POP.TOTL", FIXTURES / "worldbank" / "refusal.json")
    with pytest.raises(SourceError, match="parameter value is not valid"):
        worldbank_api.fetch((2019, 2023), ["XXX"])
    url, params = worldbank_api.request_for((2019, 2023), ["XXX"], 1)
    assert not http.cache_path(url, params, suffix=".json").exists()


def test_worldbank_null_values_are_dropped(tmp_path):
    head = {"page": 1, "pages": 1, "per_page": 50, "total": 4}
    row = {"indicator": {"id": "NY.GDP.MKTP.CD"}, "country": {"id": "KZ"}, "countryiso3code": "KAZ"}
    pop = {"id": "SP.POP.TOTL"}
    rows = [dict(row, date="2024", value=None), dict(row, indicator=pop, date="2024", value=None),  # not published
            dict(row, date="2023", value=2.6e11), dict(row, indicator=pop, date="2023", value=None)]
    path = tmp_path / "p.json"
    path.write_text(json.dumps([head, rows]))
    frame = worldbank_api.parse_response([path])["macro"]
    assert frame.year.tolist() == [2023]  # 2024 has no value at all: dropped
    assert frame.gdp_usd.item() == 2.6e11 and math.isnan(frame.population.item())
