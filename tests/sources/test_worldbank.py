"""worldbank: gdp.csv + population.csv → macro; raw values, aggregates skipped, bad input."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from multipolar.errors import DataError, UnknownCountryError
from multipolar.schema import TABLES
from multipolar.sources import worldbank

# --- real data -------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def macro(data_dir) -> pd.DataFrame:
    return worldbank.parse(data_dir)["macro"]


def raw(data_dir, stem, code, year) -> float:
    """The Value of one row of the raw CSV, read here without the parser."""
    with (data_dir / "worldbank" / f"{stem}.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["Country Code"] == code and row["Year"] == str(year):
                return float(row["Value"])
    raise AssertionError(f"{code} {year} not in {stem}.csv")


def one(macro, country, year) -> pd.Series:
    hit = macro[(macro.country == country) & (macro.year == year)]
    assert len(hit) == 1, hit
    return hit.iloc[0]


@pytest.mark.parametrize("country,year", [("KAZ", 2023), ("CHN", 2000), ("RUS", 2021), ("WLD", 2023), ("TKM", 2010)])
def test_values_equal_the_raw_files(macro, data_dir, country, year):
    row = one(macro, country, year)
    assert row.gdp_usd == raw(data_dir, "gdp", country, year)
    assert row.population == raw(data_dir, "population", country, year)


def test_raw_figures(macro):
    # gdp.csv: "Kazakhstan,KAZ,2023,261421121085.57208"; population.csv: "Kazakhstan,KAZ,2023,20330104"
    assert one(macro, "KAZ", 2023).gdp_usd == pytest.approx(261_421_121_085.57208)
    assert one(macro, "KAZ", 2023).population == 20_330_104
    # population runs to 2024 while GDP stops in 2023 (PROVENANCE): the 2024 row has no GDP
    row = one(macro, "KAZ", 2024)
    assert pd.isna(row.gdp_usd) and row.population > 0


def test_aggregates_skipped_world_kept(macro, data_dir):
    assert list(macro.columns) == TABLES["macro"].columns and set(macro.source) == {"worldbank_wdi"}
    countries = set(macro.country)
    assert {"WLD", "EUU", "KAZ", "XKX", "PSE"} <= countries
    # regions and income groups of the World Bank, as named in gdp.csv
    assert not countries & {"EAS", "ECS", "HIC", "LMC", "UMC", "ARB", "EMU", "OED", "SAS", "CHI"}
    codes = set(pd.read_csv(data_dir / "worldbank" / "gdp.csv", keep_default_na=False)["Country Code"])
    assert len(codes) == 262 and len(codes - countries) == 47  # PROVENANCE: 262 codes; 47 are groups (or CHI)


# --- small files written by the tests --------------------------------------------------------------------------------

GDP = [["Country Name", "Country Code", "Year", "Value"], ["Kazakhstan", "KAZ", "2023", "261421121085.57208"],
       ["Cote d'Ivoire", "CIV", "2023", "78875000000"], ["World", "WLD", "2023", "105435039507024.1"],
       ["High income", "HIC", "2023", "6.5e13"]]
POPULATION = [["Country Name", "Country Code", "Year", "Value"], ["Kazakhstan", "KAZ", "2023", "20330104"],
              ["Kazakhstan", "KAZ", "2024", "20592571"], ["World", "WLD", "2023", "8064057930"]]


def write_worldbank(folder: Path, data_dir: Path | None = None, gdp=GDP, population=POPULATION, encoding="utf-8",
                    gdp_unit="GDP in current USD") -> Path:
    out = folder / "worldbank"
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in (("gdp.csv", gdp), ("population.csv", population)):
        with (out / name).open("w", encoding=encoding, newline="") as fh:
            csv.writer(fh).writerows(rows)
    packages = {
        "gdp": {"sources": [{"path": "http://data.worldbank.org/indicator/NY.GDP.MKTP.CD"}],
                "resources": [{"name": "gdp", "path": "data/gdp.csv", "schema": {"fields": [
                    {"name": "Value", "type": "number", "description": gdp_unit}]}}]},
        "population": {"sources": [{"path": "http://data.worldbank.org/indicator/SP.POP.TOTL"}],
                       "resources": [{"name": "population", "path": "data/population.csv"}]},
    }
    for stem, package in packages.items():
        (out / f"{stem}.datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    return out


def rows(frame):
    return [tuple(None if pd.isna(v) else v for v in r)
            for r in frame[["country", "year", "gdp_usd", "population"]].itertuples(index=False, name=None)]


EXPECTED = [("CIV", 2023, 78875000000.0, None), ("KAZ", 2023, 261421121085.57208, 20330104.0),
            ("KAZ", 2024, None, 20592571.0), ("WLD", 2023, 105435039507024.1, 8064057930.0)]


def test_small_files(tmp_path):
    write_worldbank(tmp_path)
    assert rows(worldbank.parse(tmp_path)["macro"]) == EXPECTED


def test_real_datapackages_are_accepted(tmp_path, data_dir):
    out = write_worldbank(tmp_path)
    for name in ("gdp.datapackage.json", "population.datapackage.json"):
        shutil.copy(data_dir / "worldbank" / name, out / name)
    assert rows(worldbank.parse(tmp_path)["macro"]) == EXPECTED


def test_reordered_columns(tmp_path):
    order = [3, 2, 1, 0]
    write_worldbank(tmp_path, gdp=[[r[i] for i in order] for r in GDP],
                    population=[[r[i] for i in order] for r in POPULATION])
    assert rows(worldbank.parse(tmp_path)["macro"]) == EXPECTED


def test_wrong_unit(tmp_path):
    write_worldbank(tmp_path, gdp_unit="GDP in constant 2015 USD")
    with pytest.raises(DataError) as err:
        worldbank.parse(tmp_path)
    message = str(err.value)
    assert "gdp.datapackage.json" in message and "schema.fields[Value].description" in message
    assert "'GDP in constant 2015 USD', expected 'GDP in current USD'" in message


def test_unknown_code(tmp_path):
    write_worldbank(tmp_path, gdp=[*GDP, ["Atlantis", "ZZZ", "2023", "1"]])
    with pytest.raises(UnknownCountryError) as err:
        worldbank.parse(tmp_path)
    assert "gdp.csv" in str(err.value) and "'ZZZ' at row 6" in str(err.value)


def test_text_value(tmp_path):
    write_worldbank(tmp_path, population=[*POPULATION, ["Kyrgyz Republic", "KGZ", "2023", "n/a"]])
    with pytest.raises(DataError, match=r"population\.csv, row 5, field 'Value': not a number: 'n/a'"):
        worldbank.parse(tmp_path)


def test_duplicate_country_year(tmp_path):
    write_worldbank(tmp_path, gdp=[*GDP, GDP[1]])
    with pytest.raises(DataError, match=r"gdp\.csv, row 6, field 'Country Code': KAZ 2023 also in row 2"):
        worldbank.parse(tmp_path)


def test_missing_column(tmp_path):
    write_worldbank(tmp_path, gdp=[r[:3] for r in GDP])
    with pytest.raises(DataError, match=r"gdp\.csv, row 1: missing columns \['Value'\]"):
        worldbank.parse(tmp_path)
