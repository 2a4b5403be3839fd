"""IMF Direction of Trade Statistics (DOTS): each reporter's exports (FOB) and imports (CIF) by partner, from the raw
workbooks."""

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
    title="Direction of Trade Statistics (DOTS): Exports, FOB to Partner Countries and Imports, CIF from Partner "
          "Countries (US dollars, millions)",
    urls=("https://data.imf.org/?sk=9D6028D4-F14A-464C-A2F2-59B2CD424B85",
          "https://github.com/SamLeBlanc/Direction-of-Trade-Map/tree/"
          "a0b40afbac7cefc59a4b35c1ebe541ac546aafad/data/DOTS"),
    licence="IMF data, attribution required; the IMF terms of use were NOT re-verified. The repository the copy came "
            "from is MIT-licensed, which covers its author's code only, not the IMF data.",
    citation="International Monetary Fund, Direction of Trade Statistics (DOTS), Exports FOB to partner countries and "
             "Imports CIF from partner countries, US dollars millions, 1960-2020; workbooks as copied in "
             "github.com/SamLeBlanc/Direction-of-Trade-Map "
             "(commit a0b40af, 2022-05-09).",
    folder="imf_dots",
    files=("raw_xlsx/DOTS_*.xlsx",),
    retrieved="2022-05-09 (github.com/SamLeBlanc/Direction-of-Trade-Map commit "
              "a0b40afbac7cefc59a4b35c1ebe541ac546aafad); the IMF release date is not stated in the workbooks",
    steps=(
        "both sheets of each raw_xlsx/DOTS_<n>.xlsx: sheet 1 'Exports, FOB to Partner Countries' (the reporter's "
        "exports, flow 'export', basis FOB) and sheet 2 'Imports, CIF from Partner Countries' (the reporter's own "
        "imports, flow 'import', basis CIF); in each, title in B2, reporter in B4 (the same in both sheets), unit in "
        "B5 (must be 'US Dollars, Millions', else the parse stops), years in row 7 from column C (the two sheets "
        "may list different years), partners in column B from row 8",
        "cells '1,234.56 e' are IMF estimates: number kept, is_estimate = true; empty cells dropped",
        "a partner label repeated in one sheet (e.g. 'Australia' above 'World') is kept once when its values are "
        "identical, else the parse stops",
        "reporter and partner names to ISO3 via mappings/imf_dots.csv then country_converter; 'World' → WLD, "
        "'European Union' → EUU; regional aggregates, 'not specified' rows, dissolved states and SACCA skipped "
        "(listed with an empty code in the mapping); unknown names stop the parse",
        "reporter workbooks that are aggregates (e.g. 'Euro Area', 'Advanced Economies') skipped the same way; a "
        "reporter present in two workbooks is kept once when both are identical (Nicaragua: DOTS_143 = DOTS_144)",
        "value_usd = million USD × 1e6; months 12",
    ),
    caveats=(
        "Exports are valued FOB and imports CIF (cost, insurance and freight included), so a state's imports from "
        "B exceed B's reported exports to it by the freight margin even when both report the same goods; larger "
        "gaps (e.g. China's reported exports to Central Asian states up to 3-4 times what those states record as "
        "imports from China) are reporting differences: see the reporting_gap indicator.",
        "IMF estimates (' e') fill gaps for non- and slow-reporting countries: Iran ~91% of cells since 2000, "
        "Turkmenistan ~27%, Tajikistan ~20%; use is_estimate.",
        "Dissolved states (USSR, Yugoslavia, Czechoslovakia, Serbia and Montenegro, East Germany, North and South "
        "Yemen, Netherlands Antilles, Belgium-Luxembourg) and the South African Common Customs Area (reporter "
        "1960-1997; South Africa alone from 1998) have no current ISO3 code and are left out.",
        "'European Union' is kept as EUU (the IMF's EU aggregate, composition as defined by the IMF release).",
        "The tidy CSV next to the workbooks (dots_exports_fob_tidy_1960_2020.csv.gz) holds the exports sheet only; "
        "it serves as a cross-check of the export rows.",
    ),
    identity=Identity("IMF Direction of Trade Statistics", role="own", trust=40),
)

# Where the header cells are (one-based row, column).
TITLE_CELL, REPORTER_CELL, UNIT_CELL = (2, 2), (4, 2), (5, 2)
# Row of the years; first row of partners; column of partner names; first column of values.
YEAR_ROW, FIRST_ROW, LABEL_COL, FIRST_COL = 7, 8, 2, 3
# The sheets read, in workbook order: (flow, the title the sheet must have in B2, valuation basis).
SHEETS = (("export", "Exports, FOB to Partner Countries", "FOB"),
          ("import", "Imports, CIF from Partner Countries", "CIF"))
# What the exports sheet must say (kept for callers that name it).
EXPECTED_TITLE = SHEETS[0][1]
EXPECTED_UNIT = "US Dollars, Millions"
# Negative values the IMF itself publishes (reporter label, partner label, year): kept as published with a note that
# flags them (schema.PUBLISHED_ODDITY); any other negative value stops the parse. All are aggregates' trade with
# Malaysia in 1960-1963 (an adjustment of the 1960s aggregates; no pack country is involved): World (DOTS_221) exports
# 1960 -4.8 and imports 1960-1963 -2.7, -0.9, -0.936, -3.1; Advanced Economies (DOTS_222, an aggregate reporter the
# parse skips) exports 1960-1963 and imports 1960-1963.
PUBLISHED_NEGATIVE = {(reporter, "Malaysia", year) for reporter in ("World", "Advanced Economies")
                      for year in range(1960, 1964)}
# A value cell written as text: '1,234.56' with an optional ' e' (IMF estimate).
_TEXT_VALUE = re.compile(r"^\s*(-?\d[\d,]*(?:\.\d*)?)\s*(e)?\s*$")
# One parsed value: (flow, partner label, sheet row, year, million USD, is_estimate).
Record = tuple[str, str, int, int, float, bool]


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """All reporter workbooks as the trade_flows table (exports FOB and imports CIF, million USD × 1e6)."""
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


def read_workbook(path: Path) -> tuple[str, list[Record]]:
    """One raw workbook, both sheets, as (reporter name, [(flow, partner name, sheet row, year, million USD,
    is_estimate)])."""
    grids = list(read_sheets(path).items())
    if len(grids) < len(SHEETS):
        raise DataError(f"workbook has {len(grids)} sheet(s); expected {len(SHEETS)}: "
                        + ", ".join(repr(title) for _, title, _ in SHEETS), file=path)
    reporter, records = None, []
    for (flow, title, _), (name, grid) in zip(SHEETS, grids):
        where = f"sheet {name!r}, " if flow != SHEETS[0][0] else ""
        label, found = _read_sheet(path, grid, title, where)
        if reporter is None:
            reporter = label
        elif label != reporter:
            raise DataError(f"{where}reporter is {label!r}, but {reporter!r} in the exports sheet", file=path,
                            field=f"cell {cell_ref(*REPORTER_CELL)}")
        records.extend((flow, *record) for record in found)
    return reporter, records


def _read_sheet(path: Path, grid: list[list], expected_title: str, where: str):
    """One sheet as (reporter name, [(partner name, sheet row, year, million USD, is_estimate)]); `where` names the
    sheet in errors (empty for the first)."""
    title = cell(grid, *TITLE_CELL)
    if title != expected_title:
        raise DataError(f"{where}title is {title!r}, expected {expected_title!r}", file=path,
                        field=f"cell {cell_ref(*TITLE_CELL)}")
    unit = cell(grid, *UNIT_CELL)
    if unit != EXPECTED_UNIT:
        raise DataError(f"{where}unit is {unit!r}, expected {EXPECTED_UNIT!r}", file=path,
                        field=f"cell {cell_ref(*UNIT_CELL)}")
    reporter = cell(grid, *REPORTER_CELL)
    if not isinstance(reporter, str) or not reporter.strip():
        raise DataError(f"{where}reporter name missing", file=path, field=f"cell {cell_ref(*REPORTER_CELL)}")
    if len(grid) < FIRST_ROW:
        raise DataError(f"{where}only {len(grid)} rows: no partner rows (truncated sheet?)", file=path,
                        row=len(grid))
    years = _years(grid, path, where)
    records = []
    seen: dict[str, tuple[int, list]] = {}
    for r in range(FIRST_ROW, len(grid) + 1):
        row = grid[r - 1]
        label = cell(grid, r, LABEL_COL)
        values = [(years.get(c), c, row[c - 1]) for c in range(FIRST_COL, len(row) + 1) if row[c - 1] is not None]
        if label is None or not str(label).strip():
            if values:
                raise DataError(f"{where}values without a partner name", file=path, row=r,
                                field=cell_ref(r, LABEL_COL))
            continue
        label = str(label).strip()
        parsed = []
        for year, c, value in values:
            if year is None:
                raise DataError(f"{where}value {value!r} in a column without a year in row {YEAR_ROW}", file=path,
                                row=r, field=cell_ref(r, c))
            parsed.append((year, *_value(value, path, r, c, where)))
            if parsed[-1][1] < 0 and (reporter.strip(), label, year) not in PUBLISHED_NEGATIVE:
                raise DataError(f"{where}negative value {value!r}: trade values are never negative", file=path,
                                row=r, field=cell_ref(r, c))
        if label in seen:
            first_row, first_parsed = seen[label]
            if first_parsed != parsed:
                raise DataError(f"{where}partner {label!r} appears in rows {first_row} and {r} with different "
                                "values", file=path, row=r, field=cell_ref(r, LABEL_COL))
            continue
        seen[label] = (r, parsed)
        records.extend((label, r, year, number, estimate) for year, number, estimate in parsed)
    return reporter.strip(), records


def _years(grid: list[list], path: Path, where: str = "") -> dict[int, int]:
    """{column: year} from the year row; stops on a header that is not a year."""
    years = {}
    row = grid[YEAR_ROW - 1]
    for c in range(FIRST_COL, len(row) + 1):
        value = row[c - 1]
        if value is None:
            continue
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value).strip()
        if not re.fullmatch(r"(19|20)\d\d", text):
            raise DataError(f"{where}year header {value!r} is not a year", file=path, row=YEAR_ROW,
                            field=cell_ref(YEAR_ROW, c))
        years[c] = int(text)
    if not years:
        raise DataError(f"{where}no years in the header row", file=path, row=YEAR_ROW)
    return years


def _value(value, path: Path, r: int, c: int, where: str = "") -> tuple[float, bool]:
    """A value cell as (million USD, is_estimate)."""
    if isinstance(value, float):
        return value, False
    if isinstance(value, str):
        match = _TEXT_VALUE.match(value)
        if match:
            return float(match.group(1).replace(",", "")), match.group(2) is not None
    raise DataError(f"{where}not a number: {value!r}", file=path, row=r, field=cell_ref(r, c))


def _to_iso3(path: Path, records: list[Record]) -> list[tuple[str, str, int, float, bool]]:
    """Partner names → ISO3, aggregates dropped; two names for one country in the same year and flow stop the
    parse."""
    locations = {}
    for flow, label, r, *_ in records:
        if label not in locations:
            locations[label] = f"cell {cell_ref(r, LABEL_COL)}" + ("" if flow == SHEETS[0][0] else f" ({flow}s)")
    codes = iso3_at(locations, mapping="imf_dots", file=path, field="partner")
    rows, seen = [], {}
    for flow, label, r, year, number, estimate in records:
        partner = codes[label]
        if partner is None:
            continue
        key = (flow, partner, year)
        if key in seen and seen[key] != label:
            raise DataError(f"partners {seen[key]!r} and {label!r} both map to {partner} in {year} ({flow}s)",
                            file=path, row=r, field=cell_ref(r, LABEL_COL))
        seen[key] = label
        rows.append((flow, partner, year, number, estimate))
    return rows


def _frame(kept: dict[str, tuple[Path, list]]) -> pd.DataFrame:
    reporters, flows, partners, years, values, estimates = [], [], [], [], [], []
    for reporter, (_, rows) in kept.items():
        for flow, partner, year, number, estimate in rows:
            reporters.append(reporter)
            flows.append(flow)
            partners.append(partner)
            years.append(year)
            values.append(number)
            estimates.append(estimate)
    published = pd.Series(values, dtype="float64")
    basis = dict((flow, valuation) for flow, _, valuation in SHEETS)
    frame = table_frame("trade_flows", {"reporter": reporters, "partner": partners, "year": years, "flow": flows,
                                        "value_usd": published * 1e6, "value_published": published,
                                        "is_estimate": pd.Series(estimates, dtype="bool"),
                                        "basis": [basis[f] for f in flows]},
                        source=ORIGIN.id, unit_published="USD million", months=12,
                        note=[f"{PUBLISHED_ODDITY}: a negative value in the IMF's workbook" if v < 0 else None
                              for v in values])
    return frame.sort_values(["reporter", "partner", "flow", "year"], kind="stable").reset_index(drop=True)
