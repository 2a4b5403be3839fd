"""IMF Direction of Trade Statistics (DOTS): each reporter's exports FOB by partner, read from the raw workbooks."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import DataError
from ..schema import PUBLISHED_ODDITY
from ._codes import iso3_at
from ._read import cell, cell_ref, read_sheets
from ._tables import table_frame
from .base import Identity, Origin

ORIGIN = Origin(
    id="imf_dots",
    producer="International Monetary Fund (IMF), Statistics Department",
    title="Direction of Trade Statistics (DOTS): Exports, FOB to Partner Countries (US dollars, millions)",
    urls=("https://data.imf.org/?sk=9D6028D4-F14A-464C-A2F2-59B2CD424B85",
          "https://github.com/SamLeBlanc/Direction-of-Trade-Map/tree/"
          "a0b40afbac7cefc59a4b35c1ebe541ac546aafad/data/DOTS"),
    licence="IMF data, attribution required; the IMF terms of use were NOT re-verified. The repository the copy came "
            "from is MIT-licensed, which covers its author's code only, not the IMF data.",
    citation="International Monetary Fund, Direction of Trade Statistics (DOTS), Exports FOB to partner countries, "
             "US dollars millions, 1960-2020; workbooks as copied in github.com/SamLeBlanc/Direction-of-Trade-Map "
             "(commit a0b40af, 2022-05-09).",
    folder="imf_dots",
    files=("raw_xlsx/DOTS_*.xlsx",),
    retrieved="2022-05-09 (github.com/SamLeBlanc/Direction-of-Trade-Map commit "
              "a0b40afbac7cefc59a4b35c1ebe541ac546aafad); the IMF release date is not stated in the workbooks",
    steps=(
        "first sheet of each raw_xlsx/DOTS_<n>.xlsx: title in B2, reporter in B4, unit in B5 (must be "
        "'US Dollars, Millions', else the parse stops), years in row 7 from column C, partners in column B from row 8",
        "cells '1,234.56 e' are IMF estimates: number kept, is_estimate = true; empty cells dropped",
        "a partner label repeated in one sheet (e.g. 'Australia' above 'World') is kept once when its values are "
        "identical, else the parse stops",
        "reporter and partner names to ISO3 via mappings/imf_dots.csv then country_converter; 'World' → WLD, "
        "'European Union' → EUU; regional aggregates, 'not specified' rows, dissolved states and SACCA skipped "
        "(listed with an empty code in the mapping); unknown names stop the parse",
        "reporter workbooks that are aggregates (e.g. 'Euro Area', 'Advanced Economies') skipped the same way; a "
        "reporter present in two workbooks is kept once when both are identical (Nicaragua: DOTS_143 = DOTS_144)",
        "value_usd = million USD × 1e6; flow 'export', basis FOB, months 12",
    ),
    caveats=(
        "Exports only: a country's imports from a partner are the partner's mirror exports (FOB, not CIF). The "
        "workbooks also hold an 'Imports, CIF' sheet, which this parser does not read.",
        "IMF estimates (' e') fill gaps for non- and slow-reporting countries: Iran ~91% of cells since 2000, "
        "Turkmenistan ~27%, Tajikistan ~20%; use is_estimate.",
        "Dissolved states (USSR, Yugoslavia, Czechoslovakia, Serbia and Montenegro, East Germany, North and South "
        "Yemen, Netherlands Antilles, Belgium-Luxembourg) and the South African Common Customs Area (reporter "
        "1960-1997; South Africa alone from 1998) have no current ISO3 code and are left out.",
        "'European Union' is kept as EUU (the IMF's EU aggregate, composition as defined by the IMF release).",
    ),
    identity=Identity("IMF Direction of Trade Statistics", role="own", trust=40),
)

# Where the header cells are (one-based row, column).
TITLE_CELL, REPORTER_CELL, UNIT_CELL = (2, 2), (4, 2), (5, 2)
# Row of the years; first row of partners; column of partner names; first column of values.
YEAR_ROW, FIRST_ROW, LABEL_COL, FIRST_COL = 7, 8, 2, 3
# What the sheet must say; anything else (imports sheet, thousands) stops the parse.
EXPECTED_TITLE = "Exports, FOB to Partner Countries"
EXPECTED_UNIT = "US Dollars, Millions"
# Negative values the IMF itself publishes (reporter label, partner label, year): kept as published with a note that
# flags them (schema.PUBLISHED_ODDITY); any other negative value stops the parse. All five are aggregates' exports
# to Malaysia (an adjustment of the 1960s aggregates; no pack country is involved): World (DOTS_221) 1960 -4.8;
# Advanced Economies (DOTS_222, an aggregate reporter the parse skips) 1960-1963 -4.8, -2.8, -1.3, -6.3.
PUBLISHED_NEGATIVE = {("World", "Malaysia", 1960)} | {("Advanced Economies", "Malaysia", y) for y in range(1960, 1964)}
# A value cell written as text: '1,234.56' with an optional ' e' (IMF estimate).
_TEXT_VALUE = re.compile(r"^\s*(-?\d[\d,]*(?:\.\d*)?)\s*(e)?\s*$")


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """All reporter workbooks as the trade_flows table (exports FOB, million USD × 1e6)."""
    files = ORIGIN.input_files(data_dir)
    kept: dict[str, tuple[Path, list]] = {}
    for path in files:
        reporter_label, records = read_workbook(path)
        reporter = iso3_at({reporter_label: f"cell {cell_ref(*REPORTER_CELL)}"}, mapping="imf_dots", file=path,
                           field="reporter")[reporter_label]
        if reporter is None:  # an aggregate reporter listed in the mapping (e.g. 'Euro Area')
            continue
        rows = _to_iso3(path, records)
        if reporter in kept:
            first, first_rows = kept[reporter]
            if first_rows != rows:
                raise DataError(f"reporter {reporter_label!r} ({reporter}) also in {first.name} with other values",
                                file=path, field=cell_ref(*REPORTER_CELL))
            continue  # an identical copy of a workbook already read
        kept[reporter] = (path, rows)
    return {"trade_flows": _frame(kept)}


def read_workbook(path: Path) -> tuple[str, list[tuple[str, int, int, float, bool]]]:
    """One raw workbook as (reporter name, [(partner name, sheet row, year, million USD, is_estimate)])."""
    grid = next(iter(read_sheets(path, sheets=[0]).values()))
    title = cell(grid, *TITLE_CELL)
    if title != EXPECTED_TITLE:
        raise DataError(f"title is {title!r}, expected {EXPECTED_TITLE!r}", file=path,
                        field=f"cell {cell_ref(*TITLE_CELL)}")
    unit = cell(grid, *UNIT_CELL)
    if unit != EXPECTED_UNIT:
        raise DataError(f"unit is {unit!r}, expected {EXPECTED_UNIT!r}", file=path,
                        field=f"cell {cell_ref(*UNIT_CELL)}")
    reporter = cell(grid, *REPORTER_CELL)
    if not isinstance(reporter, str) or not reporter.strip():
        raise DataError("reporter name missing", file=path, field=f"cell {cell_ref(*REPORTER_CELL)}")
    if len(grid) < FIRST_ROW:
        raise DataError(f"only {len(grid)} rows: no partner rows (truncated sheet?)", file=path, row=len(grid))
    years = _years(grid, path)
    records: list[tuple[str, int, int, float, bool]] = []
    seen: dict[str, tuple[int, list]] = {}
    for r in range(FIRST_ROW, len(grid) + 1):
        row = grid[r - 1]
        label = cell(grid, r, LABEL_COL)
        values = [(years.get(c), c, row[c - 1]) for c in range(FIRST_COL, len(row) + 1) if row[c - 1] is not None]
        if label is None or not str(label).strip():
            if values:
                raise DataError("values without a partner name", file=path, row=r, field=cell_ref(r, LABEL_COL))
            continue
        label = str(label).strip()
        parsed = []
        for year, c, value in values:
            if year is None:
                raise DataError(f"value {value!r} in a column without a year in row {YEAR_ROW}", file=path, row=r,
                                field=cell_ref(r, c))
            parsed.append((year, *_value(value, path, r, c)))
            if parsed[-1][1] < 0 and (reporter.strip(), label, year) not in PUBLISHED_NEGATIVE:
                raise DataError(f"negative value {value!r}: exports are never negative", file=path, row=r,
                                field=cell_ref(r, c))
        if label in seen:
            first_row, first_parsed = seen[label]
            if first_parsed != parsed:
                raise DataError(f"partner {label!r} appears in rows {first_row} and {r} with different values",
                                file=path, row=r, field=cell_ref(r, LABEL_COL))
            continue
        seen[label] = (r, parsed)
        records.extend((label, r, year, number, estimate) for year, number, estimate in parsed)
    return reporter.strip(), records


def _years(grid: list[list], path: Path) -> dict[int, int]:
    """{column: year} from the year row; stops on a header that is not a year."""
    years = {}
    row = grid[YEAR_ROW - 1]
    for c in range(FIRST_COL, len(row) + 1):
        value = row[c - 1]
        if value is None:
            continue
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value).strip()
        if not re.fullmatch(r"(19|20)\d\d", text):
            raise DataError(f"year header {value!r} is not a year", file=path, row=YEAR_ROW,
                            field=cell_ref(YEAR_ROW, c))
        years[c] = int(text)
    if not years:
        raise DataError("no years in the header row", file=path, row=YEAR_ROW)
    return years


def _value(value, path: Path, r: int, c: int) -> tuple[float, bool]:
    """A value cell as (million USD, is_estimate)."""
    if isinstance(value, float):
        return value, False
    if isinstance(value, str):
        match = _TEXT_VALUE.match(value)
        if match:
            return float(match.group(1).replace(",", "")), match.group(2) is not None
    raise DataError(f"not a number: {value!r}", file=path, row=r, field=cell_ref(r, c))


def _to_iso3(path: Path, records: list) -> list[tuple[str, int, float, bool]]:
    """Partner names → ISO3, aggregates dropped; two names for one country in the same year stop the parse."""
    locations = {}
    for label, r, *_ in records:
        if label not in locations:
            locations[label] = f"cell {cell_ref(r, LABEL_COL)}"
    codes = iso3_at(locations, mapping="imf_dots", file=path, field="partner")
    rows, seen = [], {}
    for label, r, year, number, estimate in records:
        partner = codes[label]
        if partner is None:
            continue
        if (partner, year) in seen and seen[(partner, year)] != label:
            raise DataError(f"partners {seen[(partner, year)]!r} and {label!r} both map to {partner} in {year}",
                            file=path, row=r, field=cell_ref(r, LABEL_COL))
        seen[(partner, year)] = label
        rows.append((partner, year, number, estimate))
    return rows


def _frame(kept: dict[str, tuple[Path, list]]) -> pd.DataFrame:
    reporters, partners, years, values, estimates = [], [], [], [], []
    for reporter, (_, rows) in kept.items():
        for partner, year, number, estimate in rows:
            reporters.append(reporter)
            partners.append(partner)
            years.append(year)
            values.append(number)
            estimates.append(estimate)
    published = pd.Series(values, dtype="float64")
    frame = table_frame("trade_flows", {"reporter": reporters, "partner": partners, "year": years,
                                        "value_usd": published * 1e6, "value_published": published,
                                        "is_estimate": pd.Series(estimates, dtype="bool")},
                        flow="export", source=ORIGIN.id, unit_published="USD million", basis="FOB", months=12,
                        note=[f"{PUBLISHED_ODDITY}: a negative export in the IMF's workbook" if v < 0 else None
                              for v in values])
    return frame.sort_values(["reporter", "partner", "year"], kind="stable").reset_index(drop=True)
