"""World Bank GDP (current US$) and population by country and year, from the datasets/gdp and /population copies."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from ..errors import DataError
from ..schema import TABLES
from ._codes import iso3_at
from ._read import read_csv, read_text
from .base import Identity, Origin, to_number

ORIGIN = Origin(
    id="worldbank_wdi",
    producer="World Bank",
    title="World Development Indicators: GDP (current US$) NY.GDP.MKTP.CD and Population, total SP.POP.TOTL",
    urls=("https://data.worldbank.org/indicator/NY.GDP.MKTP.CD",
          "https://data.worldbank.org/indicator/SP.POP.TOTL",
          "https://github.com/datasets/gdp/blob/822019c80142c162e4ca4eb1a63699ae36075078/data/gdp.csv",
          "https://github.com/datasets/population/blob/425fc447a53a26c767a15a7de60c4cc2478a0595/data/population.csv"),
    licence="World Bank data: CC BY 4.0 (World Bank terms of use for datasets). The datasets/* packaging is "
            "ODC-PDDL-1.0 per its datapackage.json.",
    citation="World Bank, World Development Indicators: GDP (current US$) (NY.GDP.MKTP.CD), 1960-2023, and "
             "Population, total (SP.POP.TOTL), 1960-2024; CSV copies from github.com/datasets/gdp (commit 822019c) "
             "and github.com/datasets/population (commit 425fc44). Licence CC BY 4.0.",
    folder="worldbank",
    files=("gdp.csv", "population.csv", "gdp.datapackage.json", "population.datapackage.json"),
    retrieved="gdp: github.com/datasets/gdp commit 822019c80142c162e4ca4eb1a63699ae36075078 (2026-03-20); "
              "population: github.com/datasets/population commit 425fc447a53a26c767a15a7de60c4cc2478a0595 "
              "(2026-03-06)",
    steps=(
        "each datapackage.json must name the World Bank indicator (NY.GDP.MKTP.CD, SP.POP.TOTL) and, for GDP, "
        "'current USD' as the unit of Value, else the parse stops",
        "gdp.csv and population.csv read as UTF-8 by column name (Country Name, Country Code, Year, Value)",
        "Country Code kept when it is an ISO3 country code or WLD/EUU; the World Bank's regional, income and "
        "lending groups (and CHI, Channel Islands) are skipped, each listed in mappings/worldbank.csv; any other "
        "code stops the parse",
        "GDP and population joined on country and year (either may be missing)",
    ),
    caveats=(
        "GDP in current US dollars (market exchange rates): not adjusted for prices or purchasing power.",
        "EUU (European Union) is kept as an aggregate: the project uses it as a partner code.",
    ),
    identity=Identity("World Bank World Development Indicators", role="estimate", trust=50),
)

# Columns parse() reads.
COLUMNS = ("Country Name", "Country Code", "Year", "Value")
# File → (column of the macro table, indicator code its datapackage must cite, unit its Value field must state).
FILES = {"gdp": ("gdp_usd", "NY.GDP.MKTP.CD", "GDP in current USD"),
         "population": ("population", "SP.POP.TOTL", None)}


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """gdp.csv and population.csv as the macro table."""
    folder = ORIGIN.folder_path(data_dir)
    ORIGIN.input_files(data_dir)  # stops when a file is missing
    frames = []
    for stem, (column, indicator, unit) in FILES.items():
        check_package(folder / f"{stem}.datapackage.json", f"{stem}.csv", indicator, unit)
        frames.append(read_series(folder / f"{stem}.csv", column))
    frame = frames[0].merge(frames[1], on=["country", "year"], how="outer")
    frame["source"] = ORIGIN.id
    frame["year"] = frame["year"].astype("int16")
    frame = frame[TABLES["macro"].columns]
    return {"macro": frame.sort_values(["country", "year"], kind="stable").reset_index(drop=True)}


def check_package(path: Path, csv_name: str, indicator: str, unit: str | None) -> None:
    """Stop unless the datapackage describes csv_name as the World Bank indicator (and unit) we expect."""
    try:
        package = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise DataError(f"not valid JSON: {exc.msg}", file=path, row=exc.lineno) from None
    sources = " ".join(str(s.get("path", "")) for s in package.get("sources", []))
    if indicator not in sources:
        raise DataError(f"sources do not cite the World Bank indicator {indicator} (found {sources!r})", file=path,
                        field="sources")
    resource = next((r for r in package.get("resources", []) if str(r.get("path", "")).endswith(csv_name)), None)
    if resource is None:
        raise DataError(f"no resource describes {csv_name}", file=path, field="resources")
    if unit is not None:
        fields = {f.get("name"): f for f in resource.get("schema", {}).get("fields", [])}
        found = fields.get("Value", {}).get("description")
        if found != unit:
            raise DataError(f"unit of Value is {found!r}, expected {unit!r}", file=path,
                            field=f"resources[{resource.get('name')}].schema.fields[Value].description")


def read_series(path: Path, column: str) -> pd.DataFrame:
    """One World Bank CSV as (country, year, column); aggregates skipped, unknown codes and duplicates stop."""
    rows = read_csv(path, COLUMNS, final_newline=False).to_dict("index")
    locations = {}
    for line, row in rows.items():
        locations.setdefault(row["Country Code"].strip(), f"row {line}")
    codes = iso3_at(locations, mapping="worldbank", guess="iso3", file=path, field="Country Code")
    records, seen = [], {}
    for line, row in rows.items():
        country = codes[row["Country Code"].strip()]
        if country is None:
            continue
        year_text = row["Year"].strip()
        if not re.fullmatch(r"\d{4}", year_text):
            raise DataError(f"year {row['Year']!r} is not a year", file=path, row=line, field="Year")
        year = int(year_text)
        if (country, year) in seen:
            raise DataError(f"{country} {year} also in row {seen[(country, year)]}", file=path, row=line,
                            field="Country Code")
        seen[(country, year)] = line
        value = to_number(row["Value"], file=path, row=line, field="Value")
        if value is not None:
            records.append((country, year, value))
    frame = pd.DataFrame.from_records(records, columns=["country", "year", column])
    frame[column] = frame[column].astype("float64")
    return frame
