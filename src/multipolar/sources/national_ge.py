"""Georgia's own total goods exports and imports, annual and monthly (Geostat workbook 1995-2024)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import DataError
from ._national import LICENCE, REPOSITORY_URL, RETRIEVED
from ._read import cell_ref, clean_label, read_sheets
from ._tables import table_frame
from .base import EN, Identity, Origin, to_number

ORIGIN = Origin(
    id="national_ge",
    producer="National Statistics Office of Georgia (Geostat)",
    title="Georgian Exports and Imports in 1995-2024 (totals, annual and monthly, million USD)",
    urls=("https://www.geostat.ge/en/modules/categories/35/external-merchandise-trade", REPOSITORY_URL),
    licence=LICENCE,
    citation="National Statistics Office of Georgia (Geostat), 'Georgian Exports and Imports in 1995-2024' "
             "(FTrade_1995-2024.xlsx, million US dollars; sources: Revenue Service of the Ministry of Finance of "
             "Georgia, Georgian State Electrosystem, Electricity System Commercial Operator, Georgian Gas "
             "Transportation Company), geostat.ge.",
    folder="national_stats/georgia",
    files=("FTrade_*.xlsx",),
    retrieved=RETRIEVED,
    steps=(
        "Inspected FTrade_1995-2024.xlsx: one sheet '1995-2024' with the title 'Georgian Exports and Imports in "
        "1995-2024', unit '(Mill. USD)', a year header (1995 … 2023, '2024*'), a 'Total Exports' row followed by "
        "January-December rows, the same for 'Total Imports', and the footnote '* Preliminary data.'. It has NO "
        "breakdown by partner country: only Georgia's trade with the world.",
        "Check the unit cell above the year header is '(Mill. USD)' (anything else stops with the cell named); "
        "value_usd = million USD x 1e6.",
        "Locate the year columns by the header row and the blocks by their 'Total Exports' / 'Total Imports' "
        "labels, and the month rows by their English month names.",
        "Annual totals go to trade_flows (partner WLD) with months = the number of months with figures (2024: "
        "January-October, months = 10, 'preliminary' from the '*' footnote in note); monthly figures go to "
        "trade_monthly (period 'YYYY-MM').",
    ),
    caveats=(
        "Totals only: this workbook gives no partner breakdown, so it adds Georgia's world totals (WLD) but no "
        "bilateral China/Russia figures.",
        "2024 is preliminary and covers January-October (months = 10); is_estimate stays False (a preliminary "
        "count is not an estimate) and note says so.",
        "Valuation basis not stated in the workbook: 'unknown'.",
        "Publication page URL not re-checked (offline copy).",
    ),
    identity=Identity("Georgia's National Statistics Office", reporter="GEO", role="own", trust=10),
)

# Unit the workbook must state, the stored unit label and the factor to US dollars.
EXPECTED_UNIT, UNIT_PUBLISHED, UNIT_FACTOR = "(Mill. USD)", "USD million", 1e6
# Block labels → flow.
BLOCKS = {"total exports": "export", "total imports": "import"}
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
BASIS = "unknown"
_YEAR = re.compile(r"^((?:19|20)\d{2})(?:\.0)?\s*(\**)$")
_FOOTNOTE = re.compile(r"^(\*+)\s*(\S.*)$")


# Number style of Geostat's English workbook (decimal mark, thousands separator; base.NumberStyle).
NUMBERS = EN


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """Georgia's exports and imports with the world: annual (trade_flows) and monthly (trade_monthly)."""
    annual, monthly = [], []
    for path in ORIGIN.input_files(data_dir):
        a, m = read_workbook(path)
        annual.extend(a)
        monthly.extend(m)
    return {"trade_flows": table_frame("trade_flows", annual), "trade_monthly": table_frame("trade_monthly", monthly)}


def read_workbook(path: Path) -> tuple[list[dict], list[dict]]:
    """The annual and monthly rows of one Geostat totals workbook."""
    sheets = read_sheets(path)  # grid[r][c] is cell (r + 1, c + 1)
    name = next((n for n, g in sheets.items() if g and "exports and imports" in clean_label(g[0][0]).lower()), None)
    if name is None:
        raise DataError("no sheet titled '… Exports and Imports …' in cell A1", file=path)
    grid, where = sheets[name], f"sheet {name!r}"

    header = next((r for r in range(min(len(grid), 15)) if sum(bool(_YEAR.match(clean_label(v))) for v in grid[r])
                   >= 2), None)
    if header is None:
        raise DataError("no year header row in the first 15 rows", file=path, field=where)
    unit = next(((r, c, clean_label(v)) for r in range(header) for c, v in enumerate(grid[r])
                 if re.search(r"usd|dollar|gel|lari", clean_label(v), re.IGNORECASE)), None)
    if unit is None:
        raise DataError(f"no unit above the year header (expected {EXPECTED_UNIT!r})", file=path, field=where)
    if unit[2] != EXPECTED_UNIT:
        raise DataError(f"unit is {unit[2]!r}, expected {EXPECTED_UNIT!r}", file=path, row=unit[0] + 1,
                        field=f"{where} cell {cell_ref(unit[0] + 1, unit[1] + 1)}")
    footnotes = {}
    for r in range(header + 1, len(grid)):
        match = _FOOTNOTE.match(clean_label(grid[r][0] if grid[r] else ""))
        if match:
            footnotes[match.group(1)] = match.group(2)
    years = {}
    for c, value in enumerate(grid[header]):
        match = _YEAR.match(clean_label(value))
        if not match:
            continue
        year, mark = int(match.group(1)), match.group(2)
        if year in years:
            raise DataError(f"year {year} appears in two columns", file=path, row=header + 1,
                            field=f"{where} cell {cell_ref(header + 1, c + 1)}")
        note = None
        if mark:
            if mark not in footnotes:
                raise DataError(f"year header {clean_label(value)!r} has footnote {mark!r} but no footnote text",
                                file=path, row=header + 1, field=f"{where} cell {cell_ref(header + 1, c + 1)}")
            text = footnotes[mark]
            note = ("preliminary data" if "preliminary" in text.lower() else "footnote") + f" ({mark} {text})"
        years[year] = (c, note)

    labels = [clean_label(row[0] if row else "").lower() for row in grid]
    annual, monthly = [], []
    for block, flow in BLOCKS.items():
        starts = [r for r, label in enumerate(labels) if label == block]
        if len(starts) != 1:
            raise DataError(f"expected one {block.title()!r} row in column A, found {len(starts)}", file=path,
                            field=where)
        start = starts[0]
        month_rows, r = {}, start + 1
        while r < len(grid) and labels[r] not in BLOCKS:
            if labels[r] in MONTHS:
                month = MONTHS.index(labels[r]) + 1
                if month in month_rows:
                    raise DataError(f"month {labels[r]!r} twice in the {block!r} block", file=path, row=r + 1,
                                    field=where)
                month_rows[month] = r
            r += 1
        if sorted(month_rows) != list(range(1, 13)):
            raise DataError(f"the {block!r} block lacks month rows {sorted(set(range(1, 13)) - set(month_rows))}",
                            file=path, row=start + 1, field=where)
        common = {"reporter": "GEO", "partner": "WLD", "flow": flow, "source": ORIGIN.id,
                  "unit_published": UNIT_PUBLISHED, "basis": BASIS, "is_estimate": False}
        for year, (c, note) in years.items():
            present = []
            for month, mr in sorted(month_rows.items()):
                value = _value(grid, mr, c, path, where)
                if value is None:
                    continue
                present.append(month)
                monthly.append({**common, "period": f"{year}-{month:02d}", "value_usd": value * UNIT_FACTOR,
                                "value_published": value, "note": note})
            total = _value(grid, start, c, path, where)
            if total is None:
                continue
            if not present:
                raise DataError(f"{year} has a total but no monthly figures", file=path, row=start + 1,
                                field=f"{where} cell {cell_ref(start + 1, c + 1)}")
            parts = [note] if note else []
            if len(present) < 12:
                span = (f"January-{MONTHS[len(present) - 1].title()}" if present == list(range(1, len(present) + 1))
                        else "months " + ", ".join(map(str, present)))
                parts.append(f"{span} only ({len(present)} months)")
            annual.append({**common, "year": year, "value_usd": total * UNIT_FACTOR, "value_published": total,
                           "months": len(present), "note": "; ".join(parts) or None})
    return annual, monthly


def _value(grid, r: int, c: int, path: Path, where: str) -> float | None:
    row = grid[r]
    return to_number(row[c] if c < len(row) else None, file=path, row=r + 1,
                     field=f"{where} cell {cell_ref(r + 1, c + 1)}", style=NUMBERS)
