"""Armenia's own goods trade by partner country, monthly and annual (Statistical Committee, 2017-2023)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import DataError
from ..schema import TABLES
from ._codes import iso3_at
from ._national import LICENCE, REPOSITORY_URL, RETRIEVED
from ._read import read_csv
from ._tables import AT, table_frame
from .base import EN, Identity, Origin, to_number

# Source id of imports by country of origin (exports and imports by country of consignment use ORIGIN.id).
ORIGIN_SOURCE = "national_am_origin"

ORIGIN = Origin(
    id="national_am",
    producer="Statistical Committee of the Republic of Armenia (Armstat)",
    title="External trade of Armenia by country: exports, imports by country of consignment, imports by country "
          "of origin, monthly and annual, 2017-2023",
    urls=("https://armstat.am/en/", REPOSITORY_URL),
    licence=LICENCE,
    citation="Statistical Committee of the Republic of Armenia, external trade by partner country (exports; "
             "imports by consignment and by origin), monthly and annual 2017-2023, armstat.am.",
    folder="national_stats/armenia",
    files=("armenia_data.csv",),
    retrieved=RETRIEVED,
    steps=(
        "Read armenia_data.csv (UTF-8/ASCII CSV with blank lines between records; columns country, export, "
        "import_consigment, import_origin, timeperiod, year, located by header name).",
        "Source ids: exports and imports by country of consignment are 'national_am'; imports by country of "
        "origin are 'national_am_origin' (two rows for one import cell, never one key twice).",
        "Rows with timeperiod 'Year' go to trade_flows; rows with timeperiod 1-12 go to trade_monthly (period "
        "'YYYY-MM'). An annual row's months = the number of months the file holds for that year (2023: January "
        "only, so months = 1 and a note); annual rows are taken as published, not summed from the months.",
        "Check the unit by magnitude (the file states none): for each period and column, the partners must sum to "
        "between 5e4 and 5e8, i.e. USD 50 mn-500 bn if the unit is thousand USD; otherwise stop naming it.",
        "Map partner names (English) with country_converter and mappings/national_am.csv ('Unknown country' and "
        "'EU countries not specified' skipped; 'American Saoma' = ASM, 'Monako' = MCO); unknown names stop the "
        "parse. Rows with an empty country name are skipped (see caveats).",
        "'-' cells give no row; value_usd = value x 1000 (thousand USD).",
        "Each annual row must equal the sum of its months within rounding (0.06 per month of the year plus 0.1%), "
        "except where "
        "the publication itself differs (ANNUAL_NOT_SUM_OF_MONTHS: Afghanistan 2020 exports); otherwise the parse "
        "stops naming the annual row (a corrupted or rescaled row breaks the identity).",
    ),
    caveats=(
        "Unit: the file does not state it; thousand USD is recorded because the 2019 exports to China, 193,709.7, "
        "equal IMF DOTS's Armenia exports to China (USD 193.7 mn) and the 2019 exports to Russia, 741,441.5, are "
        "within 2% of DOTS (USD 733.1 mn); the source repository's code also treats it as thousand USD.",
        "Imports by consignment and by origin are different measures (country the goods were shipped from vs. "
        "where they were made): do not add or mix them; national_am_origin is typically higher for China.",
        "2023 holds January only: its 'Year' rows are January figures (months = 1).",
        "No world total is published in the file, so no WLD row is stored.",
        "Rows whose country name is empty (13 records a year 2017-2021, 2 in 2022: an unnamed partner with "
        "figures, e.g. exports 6,319.4 in 2021) are skipped: the partner cannot be identified.",
        "The annual figure equals the sum of the months everywhere except Afghanistan 2020 (exports 3,326.0 vs "
        "2,992.7 from the months); annual rows are kept as published.",
        "Valuation basis not stated in the file: 'unknown'.",
        "Publication page URL (armstat.am) not re-checked.",
    ),
    identity=Identity("Armenia's Statistical Committee", reporter="ARM", role="own", trust=10),
    variants=((ORIGIN_SOURCE, Identity("Armenia's Statistical Committee (imports by country of origin)", reporter="ARM", role="own", trust=12)),),
)

# Flow columns → (flow, source id).
COLUMNS = {"export": ("export", ORIGIN.id), "import_consigment": ("import", ORIGIN.id),
           "import_origin": ("import", ORIGIN_SOURCE)}
# Stored unit label and factor to US dollars (decided by the magnitude check, see ORIGIN.caveats).
UNIT_PUBLISHED, UNIT_FACTOR = "USD thousand", 1000.0
# Plausible range of one period's partner sum in thousand USD: USD 50 mn (a month) to 500 bn.
TOTAL_RANGE = (5e4, 5e8)
BASIS = "unknown"
# Annual rows that the publication gives different from the sum of their months (partner, year, column), checked by
# the tests against the raw file: kept as published (see ORIGIN.caveats).
ANNUAL_NOT_SUM_OF_MONTHS = {("Afghanistan", 2020, "export")}
# The years a trade figure can have (schema.py).
YEARS = TABLES["trade_flows"].checks["year"]
# Rounding allowed between an annual row and the sum of its months: per month summed, and relative.
MONTH_ROUNDING, RELATIVE_ROUNDING = 0.06, 0.001
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


# Number style of Armstat's English CSV (decimal mark, thousands separator; base.NumberStyle).
NUMBERS = EN


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """Armenia's exports and imports by partner: annual (trade_flows) and monthly (trade_monthly)."""
    (path,) = ORIGIN.input_files(data_dir)
    records = read_records(path)
    months_of: dict[int, set[int]] = {}
    for _, _, period, year, _ in records:
        if period != "Year":
            months_of.setdefault(year, set()).add(int(period))

    totals: dict[tuple, float] = {}
    for _, _, period, year, values in records:
        for column, value in values.items():
            totals[(year, period, column)] = totals.get((year, period, column), 0.0) + value
    low, high = TOTAL_RANGE
    for (year, period, column), total in sorted(totals.items()):
        if not low <= total <= high:
            raise DataError(f"{year} {period}: partners sum to {total:,.1f}, not thousand USD (expected "
                            f"{low:,.0f}-{high:,.0f})", file=path, field=column)

    codes = iso3_at({name: f"line {lineno}" for lineno, name, *_ in reversed(records) if name},
                    mapping="national_am", file=path, field="partner name")
    _check_annual_is_sum_of_months([r for r in records if codes.get(r[1])], path)  # the rows that are stored
    annual, monthly, seen = [], [], {}
    for lineno, name, period, year, values in records:
        partner = codes.get(name)
        if partner is None:
            continue  # aggregates listed in the mapping, and unnamed rows (see ORIGIN.caveats)
        for column, value in values.items():
            flow, source = COLUMNS[column]
            key = (partner, year, period, flow, source)
            if key in seen:
                raise DataError(f"two rows for {partner} {year} {period} {column} (lines {seen[key]} and {lineno})",
                                file=path, row=lineno)
            seen[key] = lineno
            common = {"reporter": "ARM", "partner": partner, "flow": flow, "source": source,
                      "value_usd": value * UNIT_FACTOR, "value_published": value, "unit_published": UNIT_PUBLISHED,
                      "basis": BASIS, "is_estimate": False, AT: (path, lineno, column)}
            if period == "Year":
                months = sorted(months_of.get(year, ()))
                if not months:
                    raise DataError(f"annual row for {year} but no monthly rows for that year", file=path,
                                    row=lineno)
                note = None
                if len(months) < 12:
                    names = ", ".join(_MONTH_NAMES[m - 1] for m in months)
                    note = f"only {names} {year} in the file: the 'Year' row covers {len(months)} month(s)"
                annual.append({**common, "year": year, "months": len(months), "note": note})
            else:
                monthly.append({**common, "period": f"{year}-{int(period):02d}", "note": None})
    return {"trade_flows": table_frame("trade_flows", annual), "trade_monthly": table_frame("trade_monthly", monthly)}


def _check_annual_is_sum_of_months(records: list, path: Path) -> None:
    """Stop at an annual row that differs from the sum of its months beyond rounding (unless the publication does)."""
    months: dict[tuple, list[float]] = {}
    in_year: dict[int, set[str]] = {}
    for _, name, period, year, values in records:
        if period != "Year":
            in_year.setdefault(year, set()).add(period)
            for column, value in values.items():
                months.setdefault((name, year, column), []).append(value)
    for lineno, name, period, year, values in records:
        if period != "Year" or not name:
            continue
        for column, value in values.items():
            parts = months.get((name, year, column), [])
            total = sum(parts)
            # Every month of the year may hide a rounded figure ('-' for less than 0.05): allow each its rounding.
            slack = MONTH_ROUNDING * max(len(in_year.get(year, ())), 1) + RELATIVE_ROUNDING * abs(value)
            if abs(value - total) > slack and (name, year, column) not in ANNUAL_NOT_SUM_OF_MONTHS:
                raise DataError(f"{name} {year}: the annual {value:,.1f} differs from the sum of its "
                                f"{len(parts)} months {total:,.1f} (a corrupted or rescaled row?)", file=path,
                                row=lineno, field=column)


def read_records(path: Path) -> list[tuple[int, str, str, int, dict[str, float]]]:
    """(line, country, 'Year' or month '1'-'12', year, {column: value}) for each non-blank record."""
    frame = read_csv(path, ("country", "timeperiod", "year", *COLUMNS), all_columns=True)
    records = []
    for lineno, line in frame.to_dict("index").items():
        if not any(cell.strip() for cell in line.values()):
            continue
        period = line["timeperiod"].strip()
        if period != "Year" and not (period.isdigit() and 1 <= int(period) <= 12):
            raise DataError(f"timeperiod {period!r} is neither 'Year' nor a month 1-12", file=path, row=lineno,
                            field="timeperiod")
        year_text = line["year"].strip()
        if not (year_text.isdigit() and len(year_text) == 4):
            raise DataError(f"year {year_text!r} is not a year", file=path, row=lineno, field="year")
        if not YEARS.low <= int(year_text) <= YEARS.high:
            raise DataError(f"year {year_text} is implausible: it must be {YEARS.describe()}", file=path, row=lineno,
                            field="year")
        values = {}
        for column in COLUMNS:
            number = to_number(line[column], file=path, row=lineno, field=column, style=NUMBERS)
            if number is not None and number < 0:
                raise DataError(f"negative value {line[column]!r}: trade is never negative", file=path, row=lineno,
                                field=column)
            if number is not None:
                values[column] = number
        records.append((lineno, line["country"].strip(), period, int(year_text), values))
    return records
