"""national_kz: Kazakhstan's workbooks parsed into trade_flows, checked against cells read independently."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from multipolar.errors import DataError, UnknownCountryError
from multipolar.schema import spec
from multipolar.sources import national_kz
from multipolar.store.tables import validate

FOLDER = "national_stats/kazakhstan"


@pytest.fixture(scope="module")
def flows(data_dir):
    return national_kz.parse(data_dir)["trade_flows"]


def value(frame, partner, year, flow):
    rows = frame[(frame.partner == partner) & (frame.year == year) & (frame.flow == flow)]
    assert len(rows) == 1, f"{len(rows)} rows for {partner} {year} {flow}"
    return rows.iloc[0]


def raw_cell(data_dir, book_year, sheet_suffix, name, flow_header):
    """A cell read straight from the workbook: the sheet named after the year, the row found by the partner's name,
    the 'всего' column under the flow's header (a separate code path from the parser)."""
    import xlrd

    book = xlrd.open_workbook(str(Path(data_dir) / FOLDER / f"kz_foreign_trade_by_country_{book_year}.xls"))
    sheet = next(s for s in book.sheets() if s.name.endswith(sheet_suffix))
    header = next(r for r in range(sheet.nrows) if str(sheet.cell_value(r, 0)).startswith("Наименование"))
    col = next(c for c in range(sheet.ncols) if str(sheet.cell_value(header, c)).strip().lower() == flow_header)
    row = next(r for r in range(sheet.nrows) if str(sheet.cell_value(r, 0)).strip().startswith(name))
    return sheet.cell_value(row, col)


def test_china_imports_2023_is_the_stated_figure(flows):
    # Stated in the project issue from Kazakhstan's own statistics: imports from China 2023 = 15,389,231 thousand USD.
    row = value(flows, "CHN", 2023, "import")
    assert round(row.value_published) == 15_389_231
    assert row.value_usd == pytest.approx(15_389_231.31222 * 1000)
    assert row.unit_published == "USD thousand" and row.basis == "CIF" and row.months == 12
    assert not row.is_estimate


# (workbook year, sheet name ends with, name in column A, ISO3, flow) — a reference case is one line.
CASES = [
    (2023, "2023", "Китай", "CHN", "export"),
    (2023, "2023", "Россия", "RUS", "import"),
    (2023, "2023", "Всего", "WLD", "export"),
    (2022, "2022", "Узбекистан", "UZB", "import"),
    (2021, "2021", "Кыргызстан", "KGZ", "export"),
    (2020, "2020", "Таджикистан", "TJK", "import"),
    (2019, "2019", "Беларусь", "BLR", "export"),
    (2019, "2018", "Россия", "RUS", "import"),  # 2018: only in the 2019 workbook's comparison sheet
]


@pytest.mark.parametrize("book_year,sheet,name,iso,flow", CASES)
def test_parsed_values_equal_cells_found_by_name(data_dir, flows, book_year, sheet, name, iso, flow):
    expected = raw_cell(data_dir, book_year, sheet, name, {"export": "экспорт", "import": "импорт"}[flow])
    row = value(flows, iso, int(sheet), flow)
    assert row.value_published == pytest.approx(expected, rel=1e-12)
    assert row.value_usd == pytest.approx(expected * 1000, rel=1e-12)


def test_own_year_workbook_wins_over_the_next_years_comparison_sheet(data_dir, flows):
    own = raw_cell(data_dir, 2020, "12_2020", "Армения", "импорт")         # 7829.1 in the 2020 workbook
    later = raw_cell(data_dir, 2021, "12_2020", "Армения", "импорт")       # 7829.06387 in the 2021 workbook
    assert own != later  # the two editions differ, so the test can tell which one was kept
    row = value(flows, "ARM", 2020, "import")
    assert row.value_published == own and row.note is None


def test_2018_comes_from_the_comparison_sheet_with_a_note(flows):
    rows = flows[flows.year == 2018]
    assert len(rows) > 100
    assert rows.note.str.contains("comparison sheet '12_2018' of kz_foreign_trade_by_country_2019.xls").all()


def test_partners_add_up_to_the_world_total(flows):
    # Aggregates (CIS, EAEU, EU, continents, 'rest of world') are skipped, countries are all kept: the countries sum
    # to the published total ('Всего'), e.g. 2023 imports 60,412,283.3 thousand USD.
    for (year, flow), group in flows.groupby(["year", "flow"]):
        world = group.loc[group.partner == "WLD", "value_published"].sum()
        countries = group.loc[~group.partner.isin(["WLD", "EUU"]), "value_published"].sum()
        assert countries == pytest.approx(world, rel=2e-5), (year, flow)


def test_frame_fits_the_store(flows):
    table = validate(flows, spec("trade_flows"), origin="national_kz")
    assert table.num_rows == len(flows)
    assert set(flows.year) == set(range(2018, 2024))
    assert set(flows.source) == {"national_kz"} and set(flows.reporter) == {"KAZ"}


# ---- small broken workbooks laid out like the real folder -------------------------------------------------------

HEADER = ["Наименование", "Товарооборот", "", "Экспорт", "", "Импорт", ""]
SUB = ["", "Всего", "%", "всего", "%", "всего", "%"]
ROWS = [["Всего", 300.0, 100, 100.0, 100, 200.0, 100],
        ["Страны СНГ", 50.0, 1, 20.0, 1, 30.0, 1],
        ["Китай", 250.0, 1, 80.0, 1, 170.0, 1]]


def write_book(data_dir: Path, *, period="2023 год", unit="тыс. долларов США", header=HEADER, sub=SUB, rows=ROWS,
               year=2023) -> Path:
    xlwt = pytest.importorskip("xlwt", reason="xlwt (test-only) writes the .xls test files")
    folder = data_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet(str(year))
    sheet.write(0, 0, " Основные показатели внешней торговли Республики Казахстан")
    sheet.write(1, 0, period)
    sheet.write(2, 4, unit)
    for r, line in enumerate([header, sub, *rows], start=3):
        for c, cell in enumerate(line):
            if cell != "":
                sheet.write(r, c, cell)
    path = folder / f"kz_foreign_trade_by_country_{year}.xls"
    book.save(str(path))
    return path


def test_minimal_workbook_parses(tmp_path):
    write_book(tmp_path)
    frame = national_kz.parse(tmp_path)["trade_flows"]
    assert value(frame, "CHN", 2023, "import").value_usd == 170_000.0
    assert set(frame.partner) == {"WLD", "CHN"}  # 'Страны СНГ' skipped as an aggregate


def test_text_in_another_encoding_saved_as_xls(tmp_path):
    folder = tmp_path / FOLDER
    folder.mkdir(parents=True)
    (folder / "kz_foreign_trade_by_country_2023.xls").write_bytes("Наименование;Экспорт\nКитай;1\n".encode("cp1251"))
    with pytest.raises(DataError, match=r"kz_foreign_trade_by_country_2023\.xls: cannot read workbook"):
        national_kz.parse(tmp_path)


def test_reordered_columns_are_read_by_header(tmp_path):
    # Import block before export block: values must follow their headers, not their positions.
    header = ["Наименование", "Импорт", "", "Товарооборот", "", "Экспорт", ""]
    rows = [[r[0], r[5], r[6], r[1], r[2], r[3], r[4]] for r in ROWS]
    write_book(tmp_path, header=header, rows=rows)
    frame = national_kz.parse(tmp_path)["trade_flows"]
    assert value(frame, "CHN", 2023, "import").value_published == 170.0
    assert value(frame, "CHN", 2023, "export").value_published == 80.0


def test_missing_flow_column(tmp_path):
    write_book(tmp_path, header=["Наименование", "Товарооборот", "", "Экспорт", "", "Ввоз", ""])
    with pytest.raises(DataError, match=r"kz_foreign_trade_by_country_2023\.xls, row 4.*lacks an 'Экспорт' or "
                                        r"'Импорт' column"):
        national_kz.parse(tmp_path)


def test_wrong_unit_in_the_header(tmp_path):
    write_book(tmp_path, unit="млн. долларов США")
    with pytest.raises(DataError) as err:
        national_kz.parse(tmp_path)
    message = str(err.value)
    assert "kz_foreign_trade_by_country_2023.xls" in message and "row 3" in message and "cell E3" in message
    assert "unit is 'млн. долларов США', expected 'тыс. долларов США'" in message


def test_unknown_partner_name(tmp_path):
    write_book(tmp_path, rows=[*ROWS, ["Атлантида", 1.0, 0, 1.0, 0, "", ""]])
    with pytest.raises(UnknownCountryError) as err:
        national_kz.parse(tmp_path)
    message = str(err.value)
    assert "kz_foreign_trade_by_country_2023.xls" in message
    assert "'Атлантида' at sheet '2023' cell A9" in message and "unknown country names" in message


def test_text_in_a_number_cell(tmp_path):
    write_book(tmp_path, rows=[*ROWS, ["Япония", 1.0, 0, "н/д", 0, 1.0, 0]])
    with pytest.raises(DataError, match=r"row 9, field \"sheet '2023' cell D9\": not a number: 'н/д'"):
        national_kz.parse(tmp_path)


def test_partial_year_sheet_carries_its_months(tmp_path):
    write_book(tmp_path, period="за январь-июнь 2023 года")
    frame = national_kz.parse(tmp_path)["trade_flows"]
    row = value(frame, "CHN", 2023, "import")
    assert row.months == 6 and "January-June only (6 months)" in row.note


def test_two_spellings_of_one_country_in_a_sheet(tmp_path):
    write_book(tmp_path, rows=[*ROWS, ["Антигуа И Барбуда", 1.0, 0, 1.0, 0, "", ""],
                               ["Антигуа и Барбуда", 2.0, 0, 2.0, 0, "", ""]])
    with pytest.raises(DataError, match="partner ATG appears twice"):
        national_kz.parse(tmp_path)


def test_a_copy_of_the_real_2023_workbook_parses_alone(data_dir, tmp_path):
    # The real 2023 workbook alone in a folder laid out like the real one parses: the layout the broken-file tests
    # imitate is the real one.
    folder = tmp_path / FOLDER
    folder.mkdir(parents=True)
    shutil.copy(Path(data_dir) / FOLDER / "kz_foreign_trade_by_country_2023.xls", folder)
    frame = national_kz.parse(tmp_path)["trade_flows"]
    assert round(value(frame, "CHN", 2023, "import").value_published) == 15_389_231
