"""CEPII BACI reader on small BACI-format folders the tests write: strict parse, lazy scan of CSV and Parquet (same
rows), the re-routing indicators run on it, and broken inputs refused with file and row."""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd
import pytest

from multipolar.errors import DataError
from multipolar.indicators import expression
from multipolar.schema import TABLES
from multipolar.sources import baci
from multipolar.store.tables import validate

# BACI's numeric country codes (as in its country_codes file): 276 Germany, 251 France, 417 Kyrgyzstan,
# 643 Russia, 842 USA, and 490 'Other Asia, nes', which has no ISO3 country code.
COUNTRIES = """country_code,country_name,country_iso2,country_iso3
276,Germany,DE,DEU
251,France,FR,FRA
417,Kyrgyzstan,KG,KGZ
643,Russian Federation,RU,RUS
842,USA,US,USA
490,"Other Asia, nes",,S19
"""
PRODUCTS = """code,description
010121,"Horses: live, pure-bred breeding animals"
847130,"Portable automatic data processing machines"
854231,"Electronic integrated circuits: processors and controllers"
"""
# 2021 and 2022: k written as a number in one row (the leading zero lost), q 'NA' in one row.
Y2021 = """t,i,j,k,v,q
2021,276,417,847130,100.0,1.5
2021,251,417,854231,50.0,NA
2021,276,643,847130,1000.0,12.0
2021,276,643,10121,20.0,3.0
2021,490,417,847130,7.0,1.0
"""
Y2022 = """t,i,j,k,v,q
2022,276,417,847130,450.0,5.0
2022,251,417,854231,150.0,2.0
2022,842,417,847130,999.0,9.0
2022,276,643,847130,100.0,1.0
"""


def make_lists(root: Path) -> Path:
    """A raw-data folder with the two product lists BACI rows are flagged from: CHPL and the EU annex codes."""
    (root / "chpl").mkdir(parents=True, exist_ok=True)
    (root / "chpl" / "chpl_hs6.csv").write_text("hs6,tier\n854231,1\n", encoding="utf-8")
    folder = root / "eurostat_sanctioned_cn8"
    folder.mkdir(exist_ok=True)
    (folder / "export_sanctions_codes.csv").write_text('"code","product"\n"84713000","laptops"\n"85423190","cpu"\n',
                                                       encoding="utf-8")
    return root


def make_baci(folder: Path, y2021=Y2021, y2022=Y2022) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "country_codes_V202401.csv").write_text(COUNTRIES, encoding="utf-8")
    (folder / "product_codes_HS17_V202401.csv").write_text(PRODUCTS, encoding="utf-8")
    (folder / "BACI_HS17_Y2021_V202401.csv").write_text(y2021, encoding="utf-8")
    (folder / "BACI_HS17_Y2022_V202401.csv").write_text(y2022, encoding="utf-8")
    return folder


@pytest.fixture
def lists(tmp_path):
    return make_lists(tmp_path / "data")


@pytest.fixture
def folder(tmp_path):
    return make_baci(tmp_path / "baci")


KEY = ["reporter", "partner", "year", "product_code"]


def test_parse(folder, lists, caplog):
    with caplog.at_level(logging.WARNING):
        out = baci.parse(folder, lists)
    trade = out["product_trade"]
    validate(trade, TABLES["product_trade"], origin="baci")
    validate(out["product_codes"], TABLES["product_codes"], origin="baci")
    # the 'Other Asia, nes' row is left out, and the log says so
    assert len(trade) == 8 and "490" in caplog.text
    row = trade[(trade.reporter == "DEU") & (trade.partner == "KGZ") & (trade.year == 2022)].iloc[0]
    # thousands of USD -> USD; HS6 as text; flagged sanctioned (84713000 is on the annex list); not on the CHPL
    assert row.value == 450_000.0 and row.product_code == "847130" and row.sanctioned and row.chpl_tier is None
    assert row.currency == "USD" and row.code_level == "HS6" and pd.isna(row.month) and row.quantity == 5.0
    horses = trade[trade.product_code == "010121"].iloc[0]
    assert not horses.sanctioned and horses.value == 20_000.0
    cpu = trade[(trade.product_code == "854231") & (trade.year == 2021)].iloc[0]
    assert cpu.chpl_tier == "1" and pd.isna(cpu.quantity)
    assert set(out["product_codes"].product_code) == {"010121", "847130", "854231"}


def _scanned(folder, lists):
    import ibis

    con = ibis.duckdb.connect()
    frame = baci.scan(folder, con, lists).to_pandas()
    return frame.sort_values(KEY).reset_index(drop=True)


def test_scan_csv_and_parquet_give_the_parsed_rows(folder, lists, tmp_path):
    parsed = baci.parse(folder, lists)["product_trade"].sort_values(KEY).reset_index(drop=True)
    scanned = _scanned(folder, lists)
    assert list(scanned.columns) == TABLES["product_trade"].columns
    for column in ("reporter", "partner", "product_code", "currency", "source", "code_level", "flow"):
        assert scanned[column].tolist() == parsed[column].tolist()
    assert scanned["value"].tolist() == parsed["value"].tolist()
    assert scanned["sanctioned"].tolist() == parsed["sanctioned"].tolist()
    assert scanned["chpl_tier"].fillna("-").tolist() == parsed["chpl_tier"].fillna("-").tolist()
    assert scanned["quantity"].fillna(-1).tolist() == parsed["quantity"].fillna(-1).tolist()
    # the same data as partitioned Parquet (t=YYYY/part-0.parquet), the layout of benchmarks/bench_scale.py
    raw = pd.concat([pd.read_csv(p, dtype={"k": str}, na_values=["NA"]) for p in sorted(folder.glob("BACI_*.csv"))])
    out = tmp_path / "parquet"
    baci.write_parquet(raw, out)
    (out / "country_codes_V202401.csv").write_text(COUNTRIES, encoding="utf-8")
    from_parquet = _scanned(out, lists)
    assert from_parquet["value"].tolist() == parsed["value"].tolist()
    assert from_parquet["product_code"].tolist() == parsed["product_code"].tolist()


def test_rerouting_indicators_run_on_baci(folder, lists):
    ctx = baci.context(folder, data_dir=lists)
    g = expression("rerouting_growth", ctx, exporters="EU27", level="HS6", years=2022).to_pandas()
    kgz = g[g.partner == "KGZ"].iloc[0]
    # sanctioned HS6 codes (847130, 854231), EU members only: (450 + 150) / (100 + 50) thousand USD, whole years
    assert kgz.value == pytest.approx(4.0) and kgz.months == 12 and kgz.quality == "" and kgz.source == "baci"
    lk = expression("rerouting_leakage", ctx, exporters="EU27", level="HS6", years=2022,
                    neighbours="KGZ").to_pandas().iloc[0]
    # rise 450 thousand (600 - 150); fall 900 thousand (1000 - 100; the horses are not sanctioned)
    assert lk.value == pytest.approx(450 / 900)


def test_year_mismatch(folder, lists):
    make_baci(folder, y2022=Y2022.replace("2022,842", "2021,842"))
    with pytest.raises(DataError, match="not the file's year 2022") as err:
        baci.parse(folder, lists)
    assert "BACI_HS17_Y2022_V202401.csv" in str(err.value) and "row 4" in str(err.value)


def test_bad_product_code(folder, lists):
    make_baci(folder, y2021=Y2021.replace("847130,100.0", "84-71,100.0"))
    with pytest.raises(DataError, match="not an HS6 product code") as err:
        baci.parse(folder, lists)
    assert "row 2" in str(err.value)


def test_negative_value(folder, lists):
    make_baci(folder, y2021=Y2021.replace("100.0,1.5", "-100.0,1.5"))
    with pytest.raises(DataError, match="below the minimum"):
        baci.parse(folder, lists)


def test_missing_country_codes(folder, lists):
    (folder / "country_codes_V202401.csv").unlink()
    with pytest.raises(DataError, match="no country_codes"):
        baci.parse(folder, lists)


def test_empty_folder(tmp_path, lists):
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataError, match="no BACI yearly files"):
        baci.parse(tmp_path / "empty", lists)


def test_older_country_code_layout(folder, lists):
    old = COUNTRIES.replace("country_code,country_name,country_iso2,country_iso3",
                            "country_code,country_name_abbreviation,iso_2digit_alpha,iso_3digit_alpha")
    (folder / "country_codes_V202401.csv").write_text(old, encoding="utf-8")
    assert len(baci.parse(folder, lists)["product_trade"]) == 8


def test_aggregate_by_chapter_equals_the_scan_summed(folder, lists):
    import ibis

    con = ibis.duckdb.connect()
    agg = baci.aggregate(folder, con).to_pandas()
    rows = baci.scan(folder, con, lists).to_pandas()
    expected = rows.assign(product_group=rows.product_code.str[:2]).groupby(
        ["reporter", "partner", "year", "product_group"])["value"].sum()
    got = agg.set_index(["reporter", "partner", "year", "product_group"])["value"]
    assert got.sort_index().to_dict() == expected.sort_index().to_dict()
    # chapter '01' keeps its leading zero; 2021 DEU -> RUS holds 1000 (ch. 84) and 20 (ch. 01) thousand USD
    assert got[("DEU", "RUS", 2021, "01")] == 20_000.0 and got[("DEU", "RUS", 2021, "84")] == 1_000_000.0
    assert set(agg.n_products) == {1} and set(agg.currency) == {"USD"}
    with pytest.raises(DataError, match="2 \\(chapter\\)"):
        baci.aggregate(folder, con, digits=3)
