"""Russian customs (FCS) trade as published by Rosstat: annual with CIS states (94itog), monthly with 29 partners."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import DataError
from . import _read
from ._codes import iso3_at
from ._read import cell, cell_ref, read_sheets
from ._tables import table_frame
from .base import RU, Identity, Origin, to_number

# Source id of the monthly table and of its annual sums (a different table from the annual one, so its own id).
MONTHLY_SOURCE = "russia_fcs_monthly"

ORIGIN = Origin(
    id="russia_fcs",
    producer="Federal Customs Service of Russia (FCS), tables published by Rosstat",
    title="Основные показатели экспорта и импорта Российской Федерации (по данным ФТС России) [94itog.xlsx]; "
          "Внешняя торговля Российской Федерации с основными странами (по данным ФТС России) [96stran.xlsx]",
    urls=("https://rosstat.gov.ru/statistics/vneshnyaya_torgovlya",
          "https://customs.gov.ru/statistic",
          "https://github.com/mary-lev/eu-export-sanctions/tree/4b6a5dfc864ab3352104974a4516458fd7347b38/"
          "data/russian_data"),
    licence="Data belong to Rosstat / the FCS of Russia; their reuse terms were NOT re-verified. The repository the "
            "copy came from has an Apache-2.0 LICENSE file (its README says MIT), which covers its code only.",
    citation="Rosstat, 'Основные показатели экспорта и импорта Российской Федерации' (1994-2021) and 'Внешняя "
             "торговля Российской Федерации с основными странами' (monthly 2006-2021), by data of the FCS of "
             "Russia, million US dollars; copies in github.com/mary-lev/eu-export-sanctions (commit 4b6a5df).",
    folder="russia_customs",
    files=("94itog.xlsx", "96stran.xlsx"),
    retrieved="github.com/mary-lev/eu-export-sanctions commit 4b6a5dfc864ab3352104974a4516458fd7347b38 "
              "(data/russian_data); Rosstat's publication date is not stated in the workbooks",
    steps=(
        "94itog.xlsx: one sheet per year (sheet name = B4); unit in B3 must be '(млн долларов США)'; column A rows "
        "'Экспорт'/'Импорт' open a flow and carry the world total (→ WLD), the rows below are partners",
        "96stran.xlsx: sheets 'Экспорт' and 'Импорт'; unit in A4 must be million US dollars; partners in row 5 from "
        "column B; a number in column A starts a year, month names (январь … декабрь) follow; '…' cells skipped",
        "Russian partner names (Latin look-alike letters such as the 'a' in 'Китaй' replaced by Cyrillic ones, line "
        "breaks collapsed) to ISO3 via mappings/russia_customs.csv; the CIS and non-CIS subtotals skipped there; "
        "unknown names stop the parse",
        "trade_flows: 94itog rows as source 'russia_fcs' (months 12); monthly rows summed per partner, year and flow "
        "as source 'russia_fcs_monthly' with months = months present (a note names the missing ones); both kept "
        "where they overlap (Belarus, Kazakhstan, Uzbekistan)",
        "trade_monthly: every monthly cell, period 'YYYY-MM', source 'russia_fcs_monthly'",
        "reporter RUS; exports basis FOB, imports CIF (Russian customs statistics); value_usd = million USD × 1e6",
    ),
    caveats=(
        "Ends in 2021: Russia stopped publishing trade by partner in 2022.",
        "Kazakhstan July-December 2010 are '…' in the monthly table (customs union: no customs declarations at the "
        "Russia-Kazakhstan border from July 2010); the 2010 monthly sum for Kazakhstan covers 6 months, while the "
        "annual table gives a full-year figure.",
        "After the customs union (Kazakhstan 2010, Belarus 2011) trade with EAEU members is compiled without customs "
        "declarations (statistical reporting), which may differ in coverage; not verified here.",
        "The annual table has no China and no Turkmenistan; the monthly table covers 29 main partners only.",
        "Exports FOB, imports CIF: not directly comparable with partners' figures on the other basis.",
    ),
    identity=Identity("Russian customs (FCS, via Rosstat)", reporter="RUS", role="own", trust=50),
    variants=(("russia_fcs_monthly", Identity("Russian customs (FCS), monthly tables summed", reporter="RUS", role="own", trust=55)),),
)

# Labels that open a flow block in 94itog and carry the world total.
FLOW_ROWS = {"Экспорт": "export", "Импорт": "import"}
# Monthly sheets of 96stran → flow.
MONTHLY_SHEETS = {"Экспорт": "export", "Импорт": "import"}
# Basis of Russian customs statistics by flow.
BASIS = {"export": "FOB", "import": "CIF"}
# Table-of-contents sheet present in both workbooks, holding no data.
CONTENTS_SHEET = "Содержание"
# Unit labels accepted (96stran spells it 'доллалов', a typo in the original).
UNITS = {"(млн долларов США)", "(млн доллалов США)"}
# Month names as 96stran writes them.
MONTHS = {name: i for i, name in enumerate(
    ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
     "декабрь"], start=1)}
# Latin letters that look like Cyrillic ones, as mixed into some of Rosstat's labels.
_LOOKALIKES = str.maketrans("aeopcxyAEOPCXBKMHT", "аеорсхуАЕОРСХВКМНТ")


# Number style of Rosstat's Russian-language workbooks (decimal mark, thousands separator; base.NumberStyle).
NUMBERS = RU


def clean_label(value) -> str:
    """A Russian label with spaces collapsed and Latin look-alike letters made Cyrillic."""
    text = _read.clean_label(value)
    if re.search("[А-Яа-яЁё]", text):
        text = text.translate(_LOOKALIKES)
    return text


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """94itog.xlsx and 96stran.xlsx as trade_flows (annual table + monthly sums) and trade_monthly."""
    annual_path, monthly_path = ORIGIN.input_files(data_dir)
    annual = read_annual(annual_path)
    monthly = read_monthly(monthly_path)
    flows = pd.concat([_annual_frame(annual), _monthly_sums(monthly)], ignore_index=True)
    flows = flows.sort_values(["partner", "year", "flow", "source"], kind="stable").reset_index(drop=True)
    return {"trade_flows": flows, "trade_monthly": _monthly_frame(monthly)}


def read_annual(path: Path) -> list[tuple[str, int, str, float]]:
    """94itog.xlsx as [(partner ISO3, year, flow, million USD)]."""
    grids = read_sheets(path)
    raw, locations = [], {}
    for name, grid in grids.items():
        if name == CONTENTS_SHEET:
            continue
        if not re.fullmatch(r"(19|20)\d\d", name.strip()):
            raise DataError(f"unexpected sheet {name!r}: one sheet per year expected", file=path)
        year = int(name)
        where = f"sheet {name!r}"
        unit = clean_label(cell(grid, 3, 2) or "")
        if unit not in UNITS:
            raise DataError(f"unit is {cell(grid, 3, 2)!r}, expected '(млн долларов США)'", file=path,
                            field=f"{where} cell B3")
        header = cell(grid, 4, 2)
        if not isinstance(header, float) or int(header) != year:
            raise DataError(f"year header {header!r} differs from the sheet name {name!r}", file=path,
                            field=f"{where} cell B4")
        flow = None
        for r in range(5, len(grid) + 1):
            label, value = cell(grid, r, 1), cell(grid, r, 2)
            if label is None or not clean_label(label):
                if value is not None:
                    raise DataError(f"value {value!r} without a label", file=path, row=r, field=f"{where} cell B{r}")
                continue
            label = clean_label(label)
            number = to_number(value, file=path, row=r, field=f"{where} cell B{r}", style=NUMBERS)
            if label in FLOW_ROWS:
                flow = FLOW_ROWS[label]
                label = None  # the world total
            elif flow is None:
                raise DataError(f"partner {label!r} before an 'Экспорт'/'Импорт' row", file=path, row=r,
                                field=f"{where} cell A{r}")
            else:
                locations.setdefault(label, f"{where} cell A{r}")
            if number is not None:
                raw.append((label, year, flow, number, f"{where} row {r}"))
    codes = iso3_at(locations, mapping="russia_customs", file=path, field="partner")
    codes[None] = "WLD"
    rows, seen = [], {}
    for label, year, flow, number, where in raw:
        partner = codes[label]
        if partner is None:  # CIS / non-CIS subtotal
            continue
        if (partner, year, flow) in seen:
            raise DataError(f"{partner} {flow} {year} given twice ({seen[(partner, year, flow)]} and {where})",
                            file=path)
        seen[(partner, year, flow)] = where
        rows.append((partner, year, flow, number))
    return rows


def read_monthly(path: Path) -> list[tuple[str, int, int, str, float]]:
    """96stran.xlsx as [(partner ISO3, year, month, flow, million USD)]; '…' cells left out."""
    grids = read_sheets(path, sheets=list(MONTHLY_SHEETS))
    out = []
    for name, grid in grids.items():
        flow, where = MONTHLY_SHEETS[name], f"sheet {name!r}"
        unit = clean_label(cell(grid, 4, 1) or "")
        if unit not in UNITS:
            raise DataError(f"unit is {cell(grid, 4, 1)!r}, expected '(млн долларов США)'", file=path,
                            field=f"{where} cell A4")
        if len(grid) < 6:
            raise DataError(f"only {len(grid)} rows: no data (truncated sheet?)", file=path, field=where)
        header = grid[4]
        locations, columns = {}, {}
        for c in range(2, len(header) + 1):
            label = header[c - 1]
            if label is None or not clean_label(label):
                continue
            columns[c] = clean_label(label)
            locations.setdefault(columns[c], f"{where} cell {cell_ref(5, c)}")
        codes = iso3_at(locations, mapping="russia_customs", file=path, field="partner")
        if len(set(codes.values())) != len(codes) or None in codes.values():
            raise DataError(f"partner columns must be distinct countries, found {sorted(locations)}", file=path,
                            field=f"{where} row 5")
        year, seen = None, set()
        for r in range(6, len(grid) + 1):
            row = grid[r - 1]
            head = row[0]
            values = {c: row[c - 1] for c in range(2, len(row) + 1) if row[c - 1] is not None}
            if isinstance(head, float):
                if not head.is_integer() or not 1990 <= head <= 2100:
                    raise DataError(f"year {head!r} is not a year", file=path, row=r, field=f"{where} cell A{r}")
                if values:
                    raise DataError("values on a year row", file=path, row=r, field=f"{where} row {r}")
                year = int(head)
                continue
            if head is None and not values:
                continue
            month = MONTHS.get(clean_label(head or "").lower())
            if month is None:
                raise DataError(f"{head!r} is neither a year nor a month name", file=path, row=r,
                                field=f"{where} cell A{r}")
            if year is None:
                raise DataError("month row before any year row", file=path, row=r, field=f"{where} cell A{r}")
            if (year, month) in seen:
                raise DataError(f"{year}-{month:02d} appears twice", file=path, row=r, field=f"{where} cell A{r}")
            seen.add((year, month))
            for c, value in values.items():
                if c not in columns:
                    raise DataError(f"value {value!r} under an empty header", file=path, row=r,
                                    field=f"{where} cell {cell_ref(r, c)}")
                number = to_number(value, file=path, row=r, field=f"{where} cell {cell_ref(r, c)}", style=NUMBERS)
                if number is not None:
                    out.append((codes[columns[c]], year, month, flow, number))
    return out


def _trade(table: str, frame: pd.DataFrame, source: str, **columns) -> pd.DataFrame:
    """Rows of million USD as `table`: reporter RUS, basis by flow (Russian customs statistics)."""
    published = frame["value_published"].astype("float64")
    return table_frame(table, frame, reporter="RUS", source=source, value_published=published,
                       value_usd=published * 1e6, unit_published="USD million", basis=frame["flow"].map(BASIS),
                       is_estimate=False, **columns)


def _annual_frame(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(rows, columns=["partner", "year", "flow", "value_published"])
    return _trade("trade_flows", frame, ORIGIN.id, months=12, note=None)


def _monthly_sums(rows: list[tuple]) -> pd.DataFrame:
    """Annual sums of the monthly table; months = number of months present, a note names the missing ones."""
    monthly = pd.DataFrame.from_records(rows, columns=["partner", "year", "month", "flow", "value_published"])
    grouped = monthly.groupby(["partner", "year", "flow"], sort=True)
    frame = grouped["value_published"].sum().reset_index()
    present = grouped["month"].apply(lambda m: sorted(m)).reset_index(drop=True)
    notes = [None if len(m) == 12 else
             f"sum of {len(m)} months; months {', '.join(str(x) for x in range(1, 13) if x not in m)} "
             "not published ('…')" for m in present]
    return _trade("trade_flows", frame, MONTHLY_SOURCE, months=present.map(len), note=notes)


def _monthly_frame(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(rows, columns=["partner", "year", "month", "flow", "value_published"])
    frame["period"] = [f"{y}-{m:02d}" for y, m in zip(frame["year"], frame["month"])]
    frame = _trade("trade_monthly", frame, MONTHLY_SOURCE, note=None)
    return frame.sort_values(["partner", "period", "flow"], kind="stable").reset_index(drop=True)
