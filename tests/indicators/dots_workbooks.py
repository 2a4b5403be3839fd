"""The IMF DOTS workbooks read for the tests with openpyxl alone (no package code): both sheets of a reporter's
workbook as {partner label: {year: million USD}}, and turnover shares and leads computed from them by hand."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import openpyxl

# Reporter workbooks (imf_dots/file_index.csv) and the labels the workbooks use for the states.
FILES = {"KAZ": "DOTS_103.xlsx", "KGZ": "DOTS_109.xlsx", "TJK": "DOTS_192.xlsx", "TKM": "DOTS_201.xlsx",
         "UZB": "DOTS_210.xlsx", "CHN": "DOTS_40.xlsx", "RUS": "DOTS_162.xlsx", "WLD": "DOTS_221.xlsx"}
LABELS = {"KAZ": "Kazakhstan, Rep. of", "KGZ": "Kyrgyz Rep.", "TJK": "Tajikistan, Rep. of", "TKM": "Turkmenistan",
          "UZB": "Uzbekistan, Rep. of", "CHN": "China, P.R.: Mainland", "RUS": "Russian Federation", "WLD": "World"}
# Sheet index of each flow (the reporter's exports FOB, its imports CIF).
SHEETS = {"export": 0, "import": 1}
# The IMF's estimate marker: a text cell '1,234.5 e'.
ESTIMATE = " e"


def _number(value) -> tuple[float, bool]:
    if isinstance(value, (int, float)):
        return float(value), False
    text = str(value).strip()
    return float(text.removesuffix("e").strip().replace(",", "")), text.endswith(ESTIMATE.strip())


@cache
def sheet(folder: Path, reporter: str, flow: str) -> dict[str, dict[int, tuple[float, bool]]]:
    """{partner label: {year: (million USD, is_estimate)}} of one sheet; a label's first row wins (the workbooks
    repeat e.g. 'Australia' with the same values)."""
    book = openpyxl.load_workbook(Path(folder) / FILES[reporter], read_only=True)
    rows = list(book.worksheets[SHEETS[flow]].iter_rows(values_only=True))
    book.close()
    years = {i: int(v) for i, v in enumerate(rows[6]) if v is not None}
    out: dict[str, dict] = {}
    for row in rows[7:]:
        if row[1] and row[1].strip() not in out:
            out[row[1].strip()] = {years[i]: _number(v) for i, v in enumerate(row) if i in years and v is not None}
    return out


def value(folder, reporter: str, partner: str, flow: str, year: int) -> float | None:
    """What `reporter` reports for its `flow` with `partner` (ISO3 codes) in `year`, million USD (None: no cell)."""
    cell = sheet(folder, reporter, flow).get(LABELS[partner], {}).get(year)
    return None if cell is None else cell[0]


def turnover_shares(folder, country: str, view: str) -> dict[int, tuple[float, float]]:
    """{year: (China's share, Russia's share)} of `country`'s turnover in the own view (its exports FOB + its own
    imports CIF, over its World rows) or the mirror view (China's / Russia's imports from it + their exports to it,
    over the IMF World reporter's imports from and exports to it); years where a needed cell is missing are left
    out (the package needs both flows of both the partner and the world total)."""
    out = {}
    for year in range(1948, 2021):
        if view == "own":
            cells = {p: [value(folder, country, p, f, year) for f in ("export", "import")]
                     for p in ("CHN", "RUS", "WLD")}
        else:
            cells = {p: [value(folder, p, country, f, year) for f in ("import", "export")]
                     for p in ("CHN", "RUS", "WLD")}
        if any(v is None for pair in cells.values() for v in pair):
            continue
        total = sum(cells["WLD"])
        if total > 0:
            out[year] = (sum(cells["CHN"]) / total, sum(cells["RUS"]) / total)
    return out
