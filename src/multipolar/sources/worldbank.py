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
from .base import EN, Identity, Origin, to_number

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
        "plausibility: every value and year within the macro table's ranges (schema.py); the world's population "
        "between 2.5e9 and 1e10 and its GDP between 1e12 and 1e15 (a file in thousands or millions fails here); GDP "
        "per person between 1e-3 and 5e5 USD except the rows listed in ODD_GDP; gdp.csv, which has no final line "
        "break, must end on a complete row (its last value within a factor 3 of the year before)",
    ),
    caveats=(
        "GDP in current US dollars (market exchange rates): not adjusted for prices or purchasing power.",
        "EUU (European Union) is kept as an aggregate: the project uses it as a partner code.",
    ),
    identity=Identity("World Bank World Development Indicators", role="estimate", trust=50),
)

# Anchors a file in another unit cannot meet: the world's population and GDP (WLD rows; 1960-2024: 3.0e9-8.1e9
# people, 1.4e12-1.05e14 USD).
WORLD_RANGES = {"population": (2.5e9, 1e10), "gdp_usd": (1e12, 1e15)}
# GDP per person (USD) outside which a row is a unit or data error (real: Myanmar 1966 11.8, Monaco 2022 225,630).
PER_PERSON = (1.0, 5e5)
# Rows the World Bank publishes with an implausible GDP per person, kept as published: Georgia 1987-1989, GDP
# 11,503-14,047 USD for 4.8 million people (the WDI's own figures for the Soviet years; checked by the tests).
ODD_GDP = {("GEO", 1987), ("GEO", 1988), ("GEO", 1989)}
# gdp.csv ends without a line break, so a cut inside its last value is invisible to the reader: its last row's value
# must lie within this factor of the same country's previous year.
LAST_ROW_FACTOR = 3.0
# Columns parse() reads.
COLUMNS = ("Country Name", "Country Code", "Year", "Value")
# File → (column of the macro table, indicator code its datapackage must cite, unit its Value field must state).
FILES = {"gdp": ("gdp_usd", "NY.GDP.MKTP.CD", "GDP in current USD"),
         "population": ("population", "SP.POP.TOTL", None)}


# Number style of the World Bank's CSV (decimal mark, thousands separator; base.NumberStyle).
NUMBERS = EN


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """gdp.csv and population.csv as the macro table."""
    folder = ORIGIN.folder_path(data_dir)
    ORIGIN.input_files(data_dir)  # stops when a file is missing
    frames = []
    for stem, (column, indicator, unit) in FILES.items():
        check_package(folder / f"{stem}.datapackage.json", f"{stem}.csv", indicator, unit)
        frames.append(read_series(folder / f"{stem}.csv", column))
    frame = frames[0].merge(frames[1], on=["country", "year"], how="outer")
    _check_plausible(frame, folder)
    frame = frame.drop(columns=["_gdp_line", "_population_line"])
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


def _check_plausible(frame: pd.DataFrame, folder: Path) -> None:
    """The world anchors and GDP per person (see ORIGIN.steps); errors name the file and the row."""
    for column, (low, high) in WORLD_RANGES.items():
        world = frame[(frame["country"] == "WLD") & frame[column].notna()]
        bad = world[(world[column] < low) | (world[column] > high)]
        if not bad.empty:
            row = bad.iloc[0]
            stem = "gdp" if column == "gdp_usd" else "population"
            raise DataError(f"world {column} {row[column]:,.0f} in {int(row['year'])} is outside {low:g}-{high:g}: "
                            "a file in another unit (thousands, millions)?", file=folder / f"{stem}.csv",
                            row=int(row[f"_{stem}_line"]), field="Value")
    per_person = frame["gdp_usd"] / frame["population"]
    odd = pd.Series([(c, int(y)) in ODD_GDP for c, y in zip(frame["country"], frame["year"])], index=frame.index)
    bad = frame[((per_person < PER_PERSON[0]) | (per_person > PER_PERSON[1])) & ~odd]
    if not bad.empty:
        row = bad.iloc[0]
        value = row["gdp_usd"] / row["population"]
        raise DataError(f"{row['country']} {int(row['year'])}: GDP per person {value:,.2f} USD is outside "
                        f"{PER_PERSON[0]:g}-{PER_PERSON[1]:g} (GDP or population in another unit?)",
                        file=folder / "population.csv", row=int(row["_population_line"]), field="Value")


def read_series(path: Path, column: str) -> pd.DataFrame:
    """One World Bank CSV as (country, year, column, _<stem>_line); aggregates skipped, unknown codes, duplicates and
    values outside the macro table's ranges stop naming the row."""
    # population.csv ends with a line break (a cut file would not); gdp.csv does not, see LAST_ROW_FACTOR.
    rows = read_csv(path, COLUMNS, final_newline=path.stem != "gdp").to_dict("index")
    bounds = TABLES["macro"].checks
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
        if not bounds["year"].low <= year <= bounds["year"].high:
            raise DataError(f"year {year} is implausible: it must be {bounds['year'].describe()}", file=path,
                            row=line, field="Year")
        if (country, year) in seen:
            raise DataError(f"{country} {year} also in row {seen[(country, year)]}", file=path, row=line,
                            field="Country Code")
        seen[(country, year)] = line
        value = to_number(row["Value"], file=path, row=line, field="Value", style=NUMBERS)
        if value is not None:
            if not bounds[column].low <= value <= bounds[column].high:
                raise DataError(f"{column} {value:,} is implausible: it must be {bounds[column].describe()} "
                                f"({bounds[column].why})", file=path, row=line, field="Value")
            records.append((country, year, value, line))
    frame = pd.DataFrame.from_records(records, columns=["country", "year", column, f"_{path.stem}_line"])
    frame[column] = frame[column].astype("float64")
    if path.stem == "gdp" and records:
        _check_last_row(frame, column, path, records[-1])
    return frame


def _check_last_row(frame: pd.DataFrame, column: str, path: Path, last: tuple) -> None:
    """The file's last row against the same country's previous year (a cut inside the last value shrinks it)."""
    country, year, value, line = last
    before = frame[(frame["country"] == country) & (frame["year"] == year - 1)]
    if before.empty:
        return
    previous = float(before[column].iloc[0])
    if previous > 0 and not previous / LAST_ROW_FACTOR <= value <= previous * LAST_ROW_FACTOR:
        raise DataError(f"the last row's {column} {value:,} is out of line with {year - 1} ({previous:,}): the file "
                        "may be cut inside its last value", file=path, row=line, field="Value")
