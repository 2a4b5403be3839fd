"""national_ge: Geostat's totals workbook parsed into trade_flows (WLD) and trade_monthly, checked cell by cell."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import openpyxl
import pytest

from multipolar.errors import DataError
from multipolar.schema import spec
from multipolar.sources import national_ge
from multipolar.store.tables import validate

FOLDER = "national_stats/georgia"
FILE = "FTrade_1995-2024.xlsx"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@pytest.fixture(scope="module")
def parsed(data_dir):
    return national_ge.parse(data_dir)


def raw_cell(data_dir, block, label, year):
    """A cell read with openpyxl: the column whose header is the year (or 'year*'), the row labelled `label` at or
    after the row labelled `block` ('Total Exports' / 'Total Imports') in column A."""
    sheet = openpyxl.load_workbook(Path(data_dir) / FOLDER / FILE, data_only=True).worksheets[0]
    header = next(row for row in sheet.iter_rows(max_row=10) if any(c.value == 1995 for c in row))
    col = next(c.column for c in header if str(c.value).rstrip("*") == str(year))
    start = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == block)
    row = next(r for r in range(start, sheet.max_row + 1) if sheet.cell(r, 1).value == label)
    return sheet.cell(row, col).value


def pick(frame, flow, **where):
    rows = frame[frame.flow == flow]
    for column, wanted in where.items():
        rows = rows[rows[column] == wanted]
    assert len(rows) == 1, f"{len(rows)} rows for {flow} {where}"
    return rows.iloc[0]


@pytest.mark.parametrize("block,flow,year", [("Total Exports", "export", 2019), ("Total Imports", "import", 2023),
                                             ("Total Exports", "export", 1995), ("Total Imports", "import", 2024)])
def test_annual_totals_equal_the_cells(data_dir, parsed, block, flow, year):
    expected = raw_cell(data_dir, block, block, year)
    row = pick(parsed["trade_flows"], flow, year=year)
    assert row.partner == "WLD" and row.reporter == "GEO"
    assert row.value_published == expected and row.value_usd == pytest.approx(expected * 1e6)
    assert row.unit_published == "USD million"


def test_monthly_values_equal_the_cells(data_dir, parsed):
    for month_number, month in ((3, "March"), (12, "December")):
        expected = raw_cell(data_dir, "Total Imports", month, 2022)
        row = pick(parsed["trade_monthly"], "import", period=f"2022-{month_number:02d}")
        assert row.value_published == expected


def test_exports_2019_agree_with_imf_dots(data_dir, parsed):
    # Geostat 2019 exports 3,797.04 mn USD vs IMF DOTS Georgia -> World 3,798.39 mn USD (ratio 0.9996): the unit
    # '(Mill. USD)' read from the sheet is right.
    with gzip.open(Path(data_dir) / "imf_dots" / "dots_exports_fob_tidy_1960_2020.csv.gz", "rt") as fh:
        header = next(csv.reader([fh.readline()]))
        dots = next(float(r["exports_fob_usd_mn"]) for line in fh if line.startswith("Georgia,World,2019,")
                    for r in [dict(zip(header, next(csv.reader([line]))))])
    geostat = pick(parsed["trade_flows"], "export", year=2019).value_usd / 1e6
    assert geostat / dots == pytest.approx(1.0, abs=0.01)


def test_2024_is_preliminary_and_partial(data_dir, parsed):
    assert raw_cell(data_dir, "Total Exports", "November", 2024) is None
    row = pick(parsed["trade_flows"], "export", year=2024)
    assert row.months == 10 and "January-October only" in row.note and "preliminary" in row.note
    assert not row.is_estimate
    assert pick(parsed["trade_flows"], "export", year=2023).months == 12


def test_annual_totals_are_the_sum_of_their_months(data_dir, parsed):
    # Read independently from the sheet for one year, then compared with the parsed annual row.
    months = [raw_cell(data_dir, "Total Exports", m, 2021) for m in MONTHS]
    assert sum(months) == pytest.approx(pick(parsed["trade_flows"], "export", year=2021).value_published)


def test_frames_fit_the_store(parsed):
    for name in ("trade_flows", "trade_monthly"):
        frame = parsed[name]
        assert validate(frame, spec(name), origin=f"national_ge {name}").num_rows == len(frame)
    assert set(parsed["trade_flows"].partner) == {"WLD"}  # the workbook has no partner breakdown
    assert parsed["trade_flows"].year.min() == 1995 and parsed["trade_flows"].year.max() == 2024


# ---- small broken workbooks laid out like the real folder -------------------------------------------------------
# No partner names exist in this workbook, so there is no unknown-partner case.

def write_book(data_dir: Path, *, unit="(Mill. USD)", years=(2023, "2024*"), months=MONTHS, export_values=None,
               footnote="* Preliminary data.") -> Path:
    folder = data_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "1995-2024"
    sheet.append(["Georgian Exports and Imports in 1995-2024"])
    sheet.append([None])
    sheet.append([unit])
    sheet.append([None, *years])
    values = export_values or {y: [10.0 * (i + 1) for i in range(12)] for y in years}
    for block in ("Total Exports", "Total Imports"):
        sheet.append([block, *(sum(v for v in values[y] if v is not None) for y in years)])
        sheet.append(["of which:"])
        for i, month in enumerate(months):
            sheet.append([month, *(values[y][i] for y in years)])
        sheet.append([None])
    sheet.append([footnote])
    path = folder / FILE
    book.save(path)
    return path


def test_minimal_workbook_parses(tmp_path):
    write_book(tmp_path)
    out = national_ge.parse(tmp_path)
    assert pick(out["trade_flows"], "import", year=2023).value_usd == 780e6
    assert len(out["trade_monthly"]) == 48


def test_text_in_another_encoding_saved_as_xlsx(tmp_path):
    path = write_book(tmp_path)
    path.write_bytes("Total Exports;5468,4\n".encode("utf-16"))
    with pytest.raises(DataError, match=r"FTrade_1995-2024\.xlsx: cannot read workbook \(.*\); is it truncated or not "
                                        r"a spreadsheet\?"):
        national_ge.parse(tmp_path)


def test_reordered_year_columns_are_read_by_header(tmp_path):
    values = {2023: [1.0] * 12, "2024*": [2.0] * 10 + [None, None]}
    write_book(tmp_path, years=("2024*", 2023), export_values=values)
    flows = national_ge.parse(tmp_path)["trade_flows"]
    assert pick(flows, "export", year=2023).value_published == 12.0
    partial = pick(flows, "export", year=2024)
    assert (partial.value_published, partial.months) == (20.0, 10)


def test_wrong_unit_in_the_header(tmp_path):
    write_book(tmp_path, unit="(Thous. USD)")
    with pytest.raises(DataError, match=r"FTrade_1995-2024\.xlsx, row 3, field \"sheet '1995-2024' cell A3\": unit "
                                        r"is '\(Thous\. USD\)', expected '\(Mill\. USD\)'"):
        national_ge.parse(tmp_path)


def test_missing_month_row(tmp_path):
    write_book(tmp_path, months=[m for m in MONTHS if m != "June"] + ["Junee"])
    with pytest.raises(DataError, match=r"FTrade_1995-2024\.xlsx, row 5, .*'total exports' block lacks month rows "
                                        r"\[6\]"):
        national_ge.parse(tmp_path)


def test_footnote_mark_without_text(tmp_path):
    write_book(tmp_path, footnote="Source: Revenue Service")
    with pytest.raises(DataError, match=r"row 4, field \"sheet '1995-2024' cell C4\": year header '2024\*' has "
                                        r"footnote '\*' but no footnote text"):
        national_ge.parse(tmp_path)
