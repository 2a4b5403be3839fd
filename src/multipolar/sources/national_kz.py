"""Kazakhstan's own goods trade by partner country (Bureau of National Statistics workbooks, one a year)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import DataError
from ._codes import iso3_at
from ._national import LICENCE, REPOSITORY_URL, RETRIEVED
from ._read import cell_ref, clean_label
from ._tables import table_frame
from .base import RU, Identity, Origin, to_number

ORIGIN = Origin(
    id="national_kz",
    producer="Bureau of National Statistics of the Agency for Strategic Planning and Reforms of the Republic of "
             "Kazakhstan",
    title="Основные показатели внешней торговли Республики Казахстан (Main indicators of foreign trade of the "
          "Republic of Kazakhstan), by country, 2019-2023 editions",
    urls=("https://stat.gov.kz/en/industries/economy/foreign-market/publications/", REPOSITORY_URL),
    licence=LICENCE,
    citation="Bureau of National Statistics of the Republic of Kazakhstan, 'Main indicators of foreign trade of the "
             "Republic of Kazakhstan' (annual workbooks 2019-2023, thousand US dollars), stat.gov.kz.",
    folder="national_stats/kazakhstan",
    files=("kz_foreign_trade_by_country_*.xls",),
    retrieved=RETRIEVED,
    steps=(
        "Read every workbook kz_foreign_trade_by_country_<year>.xls with xlrd; a data sheet is one whose first "
        "column holds a 'Наименование…' header row.",
        "Take each sheet's year and months from its period line ('за январь-декабрь 2019 года', 'за 2022 год', "
        "'2023 год'; a 'январь-<month>' range gives months < 12), and check the unit line above the header is "
        "'тыс. долларов США' (anything else stops with the cell named).",
        "Locate the 'Экспорт' and 'Импорт' columns by their header text and take their 'всего' (total) column; the "
        "share-in-total (%) and turnover columns are not stored (turnover is derived by indicators).",
        "The year's own workbook is the source of each year's figures. The previous-year comparison sheet of the "
        "next workbook is used only for a year no own workbook covers (2018, from the 2019 workbook); where a "
        "comparison sheet disagrees with the own-year workbook the own-year figure is kept (checked: 2019-2022 "
        "differ by less than 0.5 thousand USD, apart from spelling of partner names).",
        "Map partner names with mappings/national_kz.csv (Russian spellings as published; 'Всего' = WLD; 'Страны ЕС' "
        "= EUU, the office's EU total; other groups such as 'Страны СНГ', 'Страны ЕАЭС', 'Европа', 'Азия', "
        "'Остальные страны мира' are "
        "listed as aggregates and skipped); unknown names stop the parse.",
        "Blank cells (no trade recorded) give no row; value_usd = published thousand USD x 1000.",
    ),
    caveats=(
        "Valuation basis: the workbooks do not state it (the 2023 workbook's 'Метод.пояснения' sheet defines "
        "countries of origin/destination but not FOB/CIF); basis is recorded as exports FOB, imports CIF following "
        "the CIS/EAEU practice the project assumes for Kazakhstan, not a statement of these files.",
        "Trade with EAEU members (Armenia, Belarus, Kyrgyzstan, Russia) comes from the 1-TS enterprise survey, trade "
        "with other partners from customs declarations (State Revenue Committee), per the 2023 workbook's "
        "methodology sheet: the two parts are compiled differently.",
        "2018 comes from the comparison sheet of the 2019 workbook (figures rounded to 0.1 thousand USD).",
        "Own-year figures may be revised in later editions; the own-year edition is kept on purpose.",
        "Publication page URL not re-checked (offline copy).",
    ),
    identity=Identity("Kazakhstan's Bureau of National Statistics", reporter="KAZ", role="own", trust=10),
)

# The unit every sheet must state above its header.
EXPECTED_UNIT = "тыс. долларов США"
# Stored unit label for that unit, and its factor to US dollars.
UNIT_PUBLISHED, UNIT_FACTOR = "USD thousand", 1000.0
# Valuation basis per flow (see ORIGIN.caveats: assumed, not stated in the files).
BASIS = {"export": "FOB", "import": "CIF"}
# Header labels of the flow columns, lower case.
FLOW_HEADERS = {"экспорт": "export", "импорт": "import"}
# Russian month names (nominative, lower case) → month number, for partial-year periods.
MONTHS = {name: i for i, name in enumerate(
    ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
     "декабрь"), start=1)}
# English month names for notes.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
_PERIOD = re.compile(r"^(?:за\s+)?(?:январь\s*-\s*(?P<end>[а-я]+)\s+)?(?P<year>(19|20)\d{2})\s+год", re.IGNORECASE)
_FILE_YEAR = re.compile(r"_(\d{4})\.xls$")


@dataclass
class Sheet:
    """One data sheet: its period and its partner rows (label, zero-based row, {flow: value})."""

    file: Path
    name: str
    year: int
    months: int
    rows: list[tuple[str, int, dict[str, float]]] = field(default_factory=list)


# Number style of Kazakhstan's Russian-language workbooks (decimal mark, thousands separator; base.NumberStyle).
NUMBERS = RU


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """Kazakhstan's exports and imports by partner (trade_flows), one row per partner, year and flow."""
    files = ORIGIN.input_files(data_dir)
    own: dict[int, Sheet] = {}
    others: list[Sheet] = []
    for path in files:
        match = _FILE_YEAR.search(path.name)
        if not match:
            raise DataError("file name does not end in _<year>.xls", file=path)
        file_year = int(match.group(1))
        sheets = read_workbook(path)
        mine = [s for s in sheets if s.year == file_year]
        if len(mine) != 1:
            raise DataError(f"expected one sheet for {file_year}, found {[s.name for s in mine]}", file=path)
        own[file_year] = mine[0]
        others.extend(s for s in sheets if s.year != file_year)
    chosen = dict(own)
    for sheet in sorted(others, key=lambda s: (s.year, s.file.name)):
        if sheet.year not in chosen:  # a comparison sheet only fills a year no own-year workbook covers
            chosen[sheet.year] = sheet
    rows = []
    for year in sorted(chosen):
        rows.extend(_rows(chosen[year], from_own=year in own))
    return {"trade_flows": table_frame("trade_flows", rows)}


def read_workbook(path: Path) -> list[Sheet]:
    """Every data sheet of one workbook, with its period, unit check and partner rows."""
    import xlrd

    try:
        book = xlrd.open_workbook(str(path))
    except Exception as exc:  # xlrd raises many types for truncated or non-xls files
        raise DataError(f"cannot read workbook ({type(exc).__name__}: {exc}); is it truncated or not a spreadsheet?",
                        file=path) from exc
    sheets = []
    for sh in book.sheets():
        header = next((r for r in range(min(sh.nrows, 15)) if clean_label(sh.cell_value(r, 0)).startswith(
            "Наименование")), None)
        if header is None:
            continue  # cover, legend, contents and methodology sheets
        sheets.append(_read_sheet(path, sh, header))
    if not sheets:
        raise DataError("no sheet with a 'Наименование' header row", file=path)
    return sheets


def _read_sheet(path: Path, sh, header: int) -> Sheet:
    where = f"sheet {sh.name!r}"
    year = months = None
    unit_cell = None
    for r in range(header):
        for c in range(sh.ncols):
            text = clean_label(sh.cell_value(r, c))
            match = _PERIOD.match(text)
            if match and year is None:
                year = int(match.group("year"))
                end = (match.group("end") or "декабрь").lower()
                if end not in MONTHS:
                    raise DataError(f"unknown month {end!r} in period {text!r}", file=path, row=r + 1,
                                    field=f"{where} cell {cell_ref(r + 1, c + 1)}")
                months = MONTHS[end]
            if "доллар" in text.lower() or "тенге" in text.lower():
                unit_cell = (r, c, text)
    if year is None:
        raise DataError("no period line ('за … 2019 года' / '2023 год') above the header", file=path,
                        field=where)
    if unit_cell is None:
        raise DataError(f"no unit line above the header (expected {EXPECTED_UNIT!r})", file=path, field=where)
    r, c, text = unit_cell
    if text != EXPECTED_UNIT:
        raise DataError(f"unit is {text!r}, expected {EXPECTED_UNIT!r}", file=path, row=r + 1,
                        field=f"{where} cell {cell_ref(r + 1, c + 1)}")
    columns = {}
    for c in range(1, sh.ncols):
        flow = FLOW_HEADERS.get(clean_label(sh.cell_value(header, c)).lower())
        if flow:
            columns[flow] = c
    if set(columns) != set(FLOW_HEADERS.values()):
        found = [clean_label(sh.cell_value(header, c)) for c in range(sh.ncols)]
        raise DataError(f"header lacks an 'Экспорт' or 'Импорт' column; found {found}", file=path, row=header + 1,
                        field=where)
    if header + 1 >= sh.nrows:
        raise DataError("sheet ends after its header", file=path, row=header + 1, field=where)
    for flow, c in columns.items():
        sub = clean_label(sh.cell_value(header + 1, c)).lower()
        if sub != "всего":
            raise DataError(f"{flow} column's sub-header is {sub!r}, expected 'всего'", file=path, row=header + 2,
                            field=f"{where} cell {cell_ref(header + 2, c + 1)}")
    sheet = Sheet(path, sh.name, year, months)
    for r in range(header + 2, sh.nrows):
        label = clean_label(sh.cell_value(r, 0))
        values = {}
        for flow, c in columns.items():
            value = to_number(sh.cell_value(r, c), file=path, row=r + 1,
                              field=f"{where} cell {cell_ref(r + 1, c + 1)}", style=NUMBERS)
            if value is not None:
                values[flow] = value
        if not label:
            if values:
                raise DataError("figures without a partner name", file=path, row=r + 1,
                                field=f"{where} cell {cell_ref(r + 1, 1)}")
            continue
        sheet.rows.append((label, r, values))
    if not sheet.rows:
        raise DataError("no partner rows below the header", file=path, row=header + 2, field=where)
    return sheet


def _rows(sheet: Sheet, *, from_own: bool) -> list[dict]:
    locations = {}
    for label, r, _ in sheet.rows:
        locations.setdefault(label, f"sheet {sheet.name!r} cell {cell_ref(r + 1, 1)}")
    codes = iso3_at(locations, mapping="national_kz", file=sheet.file, field="partner name")
    note_parts = []
    if not from_own:
        note_parts.append(f"from the previous-year comparison sheet {sheet.name!r} of {sheet.file.name} "
                          f"(no {sheet.year} workbook)")
    if sheet.months != 12:
        note_parts.append(f"January-{MONTH_NAMES[sheet.months - 1]} only ({sheet.months} months)")
    note = "; ".join(note_parts) or None
    out, seen = [], {}
    for label, r, values in sheet.rows:
        partner = codes[label]
        if partner is None:
            continue
        if partner in seen:
            raise DataError(f"partner {partner} appears twice (cells {seen[partner]} and {cell_ref(r + 1, 1)})",
                            file=sheet.file, row=r + 1, field=f"sheet {sheet.name!r}")
        seen[partner] = cell_ref(r + 1, 1)
        for flow, value in values.items():
            out.append({
                "reporter": "KAZ", "partner": partner, "year": sheet.year, "flow": flow, "source": ORIGIN.id,
                "value_usd": value * UNIT_FACTOR, "value_published": value, "unit_published": UNIT_PUBLISHED,
                "basis": BASIS[flow], "is_estimate": False, "months": sheet.months, "note": note,
            })
    return out
