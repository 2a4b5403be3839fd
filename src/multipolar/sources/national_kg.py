"""Kyrgyzstan's own goods trade by partner country (National Statistical Committee tables 4.03.00.18 and .20)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import DataError
from ._codes import iso3_at
from ._national import LICENCE, REPOSITORY_URL, RETRIEVED
from ._read import cell_ref, clean_label, read_sheets
from ._tables import table_frame
from .base import RU, Identity, Origin, to_number

ORIGIN = Origin(
    id="national_kg",
    producer="National Statistical Committee of the Kyrgyz Republic",
    title="4.03.00.18 Географическое распределение экспорта товаров / 4.03.00.20 Географическое распределение "
          "импорта товаров (Geographic distribution of exports / imports of goods), 1994-2023",
    urls=("https://www.stat.gov.kg/en/statistics/vneshneekonomicheskaya-deyatelnost/", REPOSITORY_URL),
    licence=LICENCE,
    citation="National Statistical Committee of the Kyrgyz Republic, tables 4.03.00.18 'Geographic distribution of "
             "exports of goods' and 4.03.00.20 'Geographic distribution of imports of goods' (thousand US dollars, "
             "1994-2023), stat.gov.kg.",
    folder="national_stats/kyrgyzstan",
    files=("kg_4.03.00.18_*.xlsx", "kg_4.03.00.20_*.xlsx"),
    retrieved=RETRIEVED,
    steps=(
        "Exports are read from table 4.03.00.18 only and imports from table 4.03.00.20 only (one table per flow, "
        "so no key appears twice); the title cell must name the table and its flow.",
        "Locate the Russian name column by its 'Всего' (total) cell and the year columns by the year header row "
        "above it (a re-ordered table is read by its headers); a year header with a footnote mark ('2023 1') takes "
        "the footnote's text from the bottom of the sheet ('1 Предварительные данные' = preliminary) into note.",
        "Check the unit cell above the header in the Russian column is '(тыс. долларов США)'; anything else stops "
        "with the cell named.",
        "Map partner names with mappings/national_kg.csv ('Всего' = WLD; 'ЕС' = EUU, the office's EU total; 'СНГ', "
        "'ШОС', 'ЕАЭС', the continents, 'Неопределенная страна', 'Европейский союз (ЕС)' (the EU institutions as "
        "a partner, not the EU total), 'ООН', 'Нормандские Острова' and 'Нидерландские "
        "Антильские острова' are listed as non-country labels and skipped); unknown names stop the parse.",
        "'-' cells (no trade recorded) give no row; published zeros are kept; value_usd = thousand USD x 1000.",
        "Not read: 4.03.00.17 (exports by country in thousand soms, only CIS / non-CIS totals), export_2023 / "
        "import_2023 (by region of Kyrgyzstan, million USD), export_goods / import_goods and 4.03.00.10 / .12 (by "
        "activity or product, not by partner), 4.02.00.01 (exchange rates, not trade).",
    ),
    caveats=(
        "Valuation basis: not stated in the tables; recorded as exports FOB, imports CIF following the CIS/EAEU "
        "practice the project assumes for Kyrgyzstan, not a statement of these files.",
        "Imports 2023 are marked preliminary by the table (footnote 1); is_estimate stays False (a preliminary "
        "count is not an estimate) and note says 'preliminary'.",
        "The world totals equal the 'Всего' of the by-activity tables (export_goods / import_goods, 4.03.00.27 / "
        ".28) for 2016-2023 within 0.04 thousand USD, except 2023 imports: 12,517,912 there vs the preliminary "
        "12,351,968 here (+1.3%, a later revision without a partner breakdown); this table is kept for all years.",
        "Kyrgyzstan's recorded imports from China are far below China's reported exports to Kyrgyzstan (a factor "
        "of 3-4 in some years, see national_stats/PROVENANCE.txt): use the mirror figures alongside.",
        "Partner rows do not always add up to the published total: 'Неопределенная страна' (skipped) holds "
        "11-14% of exports in 2008, 2009 and 2011-2013; and in 2021 the export partner rows sum to 1,646,613 of a "
        "published total of 2,752,164 (60%) while the table's continent subtotals sum to about 635,000: the 2021 "
        "export column is internally inconsistent in the publication; use 2021 export shares with care.",
        "Exports include non-monetary gold (e.g. to Switzerland and the United Kingdom), which dominates some years.",
        "Skipped labels with figures: 'Неопределенная страна' (undefined country), 'Европейский союз (ЕС)' (EU not "
        "broken down by member), 'ООН', 'Нормандские Острова' (Channel Islands, no ISO3 code) and 'Нидерландские "
        "Антильские острова' (dissolved 2010).",
        "Publication page URL not re-checked (offline copy).",
    ),
    identity=Identity("Kyrgyzstan's National Statistical Committee", reporter="KGZ", role="own", trust=10),
)

# Table code, title word and flow of each file pattern.
TABLES = {"kg_4.03.00.18_*.xlsx": ("4.03.00.18", "экспорт", "export"),
          "kg_4.03.00.20_*.xlsx": ("4.03.00.20", "импорт", "import")}
# The unit the Russian column must state above the header (parentheses and spaces removed).
EXPECTED_UNIT = "тыс. долларов США"
# Stored unit label and factor to US dollars.
UNIT_PUBLISHED, UNIT_FACTOR = "USD thousand", 1000.0
# Valuation basis per flow (see ORIGIN.caveats: assumed, not stated in the files).
BASIS = {"export": "FOB", "import": "CIF"}
_YEAR = re.compile(r"^((?:19|20)\d{2})(?:\.0)?\s*(\S*)$")
_FOOTNOTE = re.compile(r"^(\d+|\*+)\s+(\S.*)$")


# Number style of Kyrgyzstan's Russian-language workbooks (decimal mark, thousands separator; base.NumberStyle).
NUMBERS = RU


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """Kyrgyzstan's exports and imports by partner (trade_flows), 1994-2023."""
    folder = ORIGIN.folder_path(data_dir)
    rows = []
    for pattern, (code, word, flow) in TABLES.items():
        paths = sorted(folder.glob(pattern))
        if len(paths) != 1:
            raise DataError(f"expected one file matching {pattern!r}, found {[p.name for p in paths]}", file=folder)
        rows.extend(read_table(paths[0], code, word, flow))
    return {"trade_flows": table_frame("trade_flows", rows)}


def read_table(path: Path, code: str, word: str, flow: str) -> list[dict]:
    """The trade_flows rows of one geographic-distribution table."""
    sheets = read_sheets(path)  # grid[r][c] is cell (r + 1, c + 1)
    title_sheet = next((name for name, grid in sheets.items()
                        if any(code in clean_label(v) for row in grid[:3] for v in row if v)), None)
    if title_sheet is None:
        raise DataError(f"no sheet whose title names table {code}", file=path)
    grid = sheets[title_sheet]
    where = f"sheet {title_sheet!r}"
    title = " ".join(clean_label(v) for row in grid[:3] for v in row if v and code in clean_label(v))
    if word not in title.lower():
        raise DataError(f"title {title!r} does not describe {flow}s", file=path, row=1, field=where)

    total = next(((r, c) for r in range(min(len(grid), 15)) for c, v in enumerate(grid[r])
                  if clean_label(v) == "Всего"), None)
    if total is None:
        raise DataError("no 'Всего' (total) row in the first 15 rows", file=path, field=where)
    total_row, name_col = total
    header_row = next((r for r in range(total_row - 1, -1, -1)
                       if sum(bool(_YEAR.match(clean_label(v))) for v in grid[r]) >= 2), None)
    if header_row is None:
        raise DataError("no year header row above the total row", file=path, row=total_row + 1, field=where)
    unit = next(((r, clean_label(grid[r][name_col])) for r in range(header_row)
                 if name_col < len(grid[r]) and re.search(r"доллар|сом|руб", clean_label(grid[r][name_col]))), None)
    if unit is None:
        raise DataError(f"no unit above the header in the name column (expected {EXPECTED_UNIT!r})", file=path,
                        field=where)
    unit_text = unit[1].strip("() ")
    if unit_text != EXPECTED_UNIT:
        raise DataError(f"unit is {unit[1]!r}, expected '({EXPECTED_UNIT})'", file=path, row=unit[0] + 1,
                        field=f"{where} cell {cell_ref(unit[0] + 1, name_col + 1)}")

    footnotes = {}
    for r in range(total_row + 1, len(grid)):
        match = _FOOTNOTE.match(clean_label(grid[r][name_col] if name_col < len(grid[r]) else ""))
        if match:
            footnotes.setdefault(match.group(1), match.group(2))
    years: dict[int, tuple[int, str | None]] = {}
    for c, value in enumerate(grid[header_row]):
        match = _YEAR.match(clean_label(value))
        if not match:
            continue
        year, mark = int(match.group(1)), match.group(2) or None
        if year in years:
            raise DataError(f"year {year} appears in two columns", file=path, row=header_row + 1,
                            field=f"{where} cell {cell_ref(header_row + 1, c + 1)}")
        note = None
        if mark:
            text = footnotes.get(mark)
            if text is None:
                raise DataError(f"year header {clean_label(value)!r} has footnote {mark!r} but no footnote text",
                                file=path, row=header_row + 1, field=f"{where} cell {cell_ref(header_row + 1, c + 1)}")
            note = ("preliminary data" if "предварительн" in text.lower() else "footnote") + f" ({mark}: {text})"
        years[year] = (c, note)

    entries = []  # (label, zero-based row, {year: value})
    for r in range(total_row, len(grid)):
        row = grid[r]
        label = clean_label(row[name_col] if name_col < len(row) else "")
        cells = {year: row[c] if c < len(row) else None for year, (c, _) in years.items()}
        if all(v is None for v in cells.values()):
            continue  # blank separators and footnote lines
        if not label:
            raise DataError("figures without a partner name", file=path, row=r + 1,
                            field=f"{where} cell {cell_ref(r + 1, name_col + 1)}")
        values = {}
        for year, value in cells.items():
            number = to_number(value, file=path, row=r + 1,
                               field=f"{where} cell {cell_ref(r + 1, years[year][0] + 1)}", style=NUMBERS)
            if number is not None:
                values[year] = number
        entries.append((label, r, values))

    locations = {}
    for label, r, _ in entries:
        locations.setdefault(label, f"{where} cell {cell_ref(r + 1, name_col + 1)}")
    codes = iso3_at(locations, mapping="national_kg", file=path, field="partner name")
    out, seen = [], {}
    for label, r, values in entries:
        partner = codes[label]
        if partner is None:
            continue
        for year, value in values.items():
            if (partner, year) in seen:
                raise DataError(f"partner {partner} has two {year} figures (cells {seen[partner, year]} and "
                                f"{cell_ref(r + 1, years[year][0] + 1)})", file=path, row=r + 1, field=where)
            seen[partner, year] = cell_ref(r + 1, years[year][0] + 1)
            out.append({
                "reporter": "KGZ", "partner": partner, "year": year, "flow": flow, "source": ORIGIN.id,
                "value_usd": value * UNIT_FACTOR, "value_published": value, "unit_published": UNIT_PUBLISHED,
                "basis": BASIS[flow], "is_estimate": False, "months": 12, "note": years[year][1],
            })
    return out
