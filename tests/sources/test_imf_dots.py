"""imf_dots: raw DOTS workbooks (exports and imports sheets) → trade_flows; figures from PROVENANCE and the issue, the
tidy CSV and an independent openpyxl reading as cross-checks, bad input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from multipolar.countries import to_iso3
from multipolar.errors import DataError, UnknownCountryError
from multipolar.schema import TABLES
from multipolar.sources import imf_dots

# --- real data -------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def flows(data_dir) -> pd.DataFrame:
    return imf_dots.parse(data_dir)["trade_flows"]


def value(flows, reporter, partner, year, flow="export") -> float:
    hit = flows[(flows.reporter == reporter) & (flows.partner == partner) & (flows.year == year)
                & (flows.flow == flow)]
    assert len(hit) == 1, hit
    return float(hit.value_published.iloc[0])


def test_columns_are_the_schema(flows, data_dir):
    assert list(flows.columns) == TABLES["trade_flows"].columns
    assert set(flows.flow) == {"export", "import"} and set(flows.months) == {12}
    # exports are valued FOB, the reporter's own imports CIF
    assert set(flows.loc[flows.flow == "export", "basis"]) == {"FOB"}
    assert set(flows.loc[flows.flow == "import", "basis"]) == {"CIF"}
    assert set(flows.unit_published) == {"USD million"}
    # The negative values the IMF publishes for a country-level reporter (World, an aggregate, with Malaysia in
    # 1960-1963; read with openpyxl from both sheets of DOTS_221) are kept as published, flagged in their note; every
    # other row has no note.
    import openpyxl

    book = openpyxl.load_workbook(data_dir / "imf_dots" / "raw_xlsx" / "DOTS_221.xlsx", read_only=True)
    negatives = set()
    for flow, sheet in zip(("export", "import"), book.worksheets[:2]):
        rows = list(sheet.iter_rows(values_only=True))
        years = rows[6]
        malaysia = next(r for r in rows if r[1] == "Malaysia")
        negatives |= {(flow, int(years[c]), v) for c, v in enumerate(malaysia) if isinstance(v, float) and v < 0}
    noted = flows[flows.note.notna()]
    assert len(negatives) == 5
    assert {(r.flow, int(r.year), r.value_published) for r in noted.itertuples()} == negatives
    assert noted.note.str.contains("implausible as published").all()


def test_provenance_figures(flows):
    # imf_dots/PROVENANCE.txt: "CHN->KAZ 2019 = 12,807 mn; RUS->KAZ 2019 = 13,683 mn" (rounded to the million).
    assert value(flows, "CHN", "KAZ", 2019) == pytest.approx(12_807, abs=0.5)
    assert value(flows, "RUS", "KAZ", 2019) == pytest.approx(13_683, abs=0.5)
    row = flows[(flows.reporter == "CHN") & (flows.partner == "KAZ") & (flows.year == 2019)
                & (flows.flow == "export")].iloc[0]
    assert row.value_usd == pytest.approx(row.value_published * 1e6)


def test_estimate_shares(flows):
    # PROVENANCE: share of estimated cells since 2000 is Iran 0.91, Turkmenistan 0.27, Tajikistan 0.20 (all partner
    # labels, aggregates included); the other focus reporters 0. Country partners only, the shares are at least that.
    recent = flows[(flows.year >= 2000) & (flows.flow == "export")]
    share = recent.groupby("reporter").is_estimate.mean()
    assert share["IRN"] > 0.9
    assert 0.2 < share["TKM"] < 0.4 and 0.15 < share["TJK"] < 0.35
    for reporter in ("CHN", "RUS", "KAZ", "KGZ", "UZB", "IND", "PAK"):
        assert share[reporter] == 0, reporter


def test_world_and_aggregates(flows):
    assert "WLD" in set(flows.partner) and "WLD" in set(flows.reporter)
    assert flows.partner.str.len().eq(3).all()
    # the Nicaragua workbook exists twice (DOTS_143, DOTS_144, identical): one set of rows, so the key is unique
    assert not flows.duplicated(["reporter", "partner", "year", "flow"]).any()


def test_equals_tidy_csv(flows, data_dir):
    """Every parsed cell equals the tidy conversion shipped next to the workbooks (and no cell is missing)."""
    tidy = pd.read_csv(data_dir / "imf_dots" / "dots_exports_fob_tidy_1960_2020.csv.gz").drop_duplicates()
    codes = to_iso3(set(tidy.reporter) | set(tidy.partner), mapping="imf_dots")
    tidy["reporter"], tidy["partner"] = tidy.reporter.map(codes), tidy.partner.map(codes)
    tidy = tidy.dropna(subset=["reporter", "partner"])
    both = tidy.merge(flows[flows.flow == "export"], on=["reporter", "partner", "year"], how="outer", indicator=True)
    assert (both["_merge"] == "both").all(), both[both["_merge"] != "both"].head()
    np.testing.assert_allclose(both.value_published, both.exports_fob_usd_mn, rtol=1e-12, atol=1e-8)
    assert (both.estimated.astype(bool) == both.is_estimate).all()


def _raw_sheet(path: Path, index: int) -> tuple[str, dict[str, dict[int, tuple[float, bool]]]]:
    """A sheet read with openpyxl alone (no package code): (reporter, {partner label: {year: (million USD,
    estimated)}}), first occurrence of a repeated label kept."""
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book.worksheets[index].iter_rows(values_only=True))
    book.close()
    years = {i: int(v) for i, v in enumerate(rows[6]) if v is not None}
    out: dict[str, dict] = {}
    for row in rows[7:]:
        if not row[1]:
            continue
        cells = {}
        for i, v in enumerate(row):
            if i in years and v is not None:
                text = str(v)
                cells[years[i]] = (float(text.replace(" e", "").replace(",", "")), text.endswith(" e"))
        out.setdefault(row[1].strip(), cells)
    return rows[3][1].strip(), out


# The Central Asian states' workbooks and the powers' (imf_dots/file_index.csv).
WORKBOOKS = {"KAZ": "DOTS_103.xlsx", "KGZ": "DOTS_109.xlsx", "TJK": "DOTS_192.xlsx", "TKM": "DOTS_201.xlsx",
             "UZB": "DOTS_210.xlsx", "CHN": "DOTS_40.xlsx", "RUS": "DOTS_162.xlsx"}


@pytest.mark.parametrize("reporter", sorted(WORKBOOKS))
def test_imports_sheet_equals_the_workbook(flows, data_dir, reporter):
    """Every import cell of the pack's parse equals the 'Imports, CIF' sheet read independently (openpyxl)."""
    title_cell = openpyxl.load_workbook(data_dir / "imf_dots" / "raw_xlsx" / WORKBOOKS[reporter],
                                        read_only=True).worksheets[1]["B2"].value
    assert title_cell == "Imports, CIF from Partner Countries"
    _, sheet = _raw_sheet(data_dir / "imf_dots" / "raw_xlsx" / WORKBOOKS[reporter], 1)
    codes = to_iso3(set(sheet), mapping="imf_dots")
    expected = {(codes[label], year): cell for label, cells in sheet.items() if codes.get(label)
                for year, cell in cells.items()}
    got = flows[(flows.reporter == reporter) & (flows.flow == "import")]
    assert len(got) == len(expected)
    for row in got.itertuples(index=False):
        number, estimated = expected[(row.partner, row.year)]
        assert row.value_published == pytest.approx(number, rel=1e-12) and row.is_estimate == estimated
        assert row.basis == "CIF"


def test_issue_figures_for_imports(flows):
    # Issue 9: "TJK's own CIF imports from China 605 m vs China's 1,612 m" (2019, rounded to the million).
    assert value(flows, "TJK", "CHN", 2019, "import") == pytest.approx(605, abs=0.5)
    assert value(flows, "CHN", "TJK", 2019, "export") == pytest.approx(1_612, abs=0.5)


# --- small files written by the tests --------------------------------------------------------------------------------

YEARS = ("2018", "2019")


def _fill(sheet, title, reporter, unit, years, partners) -> None:
    sheet["B2"], sheet["B4"], sheet["B5"] = title, reporter, unit
    for j, year in enumerate(years):
        sheet.cell(row=7, column=3 + j, value=year)
    for i, (label, values) in enumerate(partners):
        sheet.cell(row=8 + i, column=2, value=label)
        for j, v in enumerate(values):
            sheet.cell(row=8 + i, column=3 + j, value=v)


# Imports sheet of the small workbooks: other years than the exports sheet (as in the real files).
IMPORTS = (("2019", "2020"), [("World", [50.0, "60.5 e"]), ("China, P.R.: Mainland", [5.0, 6.0]),
                              ("Emerging and Developing Economies", [20.0, 30.0])])


def write_dots(folder: Path, name="DOTS_1.xlsx", *, reporter="Kazakhstan, Rep. of", unit="US Dollars, Millions",
               title="Exports, FOB to Partner Countries", years=YEARS, partners=None, imports=IMPORTS,
               import_title="Imports, CIF from Partner Countries", import_reporter=None) -> Path:
    """A workbook laid out like the IMF's: title B2, reporter B4, unit B5, years row 7, partners from row 8, in an
    exports sheet and an imports sheet (imports=None: no imports sheet)."""
    partners = partners if partners is not None else [
        ("Australia", [1.5, 2.5]),
        ("World", [100.0, "1,234.50 e"]),
        ("Advanced Economies", [40.0, 50.0]),
        ("Australia", [1.5, 2.5]),
        ("China, P.R.: Mainland", [None, "7.25 e"]),
        ("Russian Federation", [3.0, 4.0]),
    ]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Exports, FOB"
    _fill(sheet, title, reporter, unit, years, partners)
    if imports is not None:
        _fill(book.create_sheet("Imports, CIF"), import_title, import_reporter or reporter, unit, *imports)
    path = folder / "imf_dots" / "raw_xlsx" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def rows(frame, flow="export"):
    frame = frame[frame.flow == flow]
    return sorted(frame[["reporter", "partner", "year", "value_published", "is_estimate"]].itertuples(index=False,
                                                                                                      name=None))


def test_small_workbook(tmp_path):
    write_dots(tmp_path)
    frame = imf_dots.parse(tmp_path)["trade_flows"]
    # Australia twice with equal values → once; 'Advanced Economies' skipped; '1,234.50 e' → 1234.5, estimated.
    assert rows(frame) == [("KAZ", "AUS", 2018, 1.5, False), ("KAZ", "AUS", 2019, 2.5, False),
                           ("KAZ", "CHN", 2019, 7.25, True), ("KAZ", "RUS", 2018, 3.0, False),
                           ("KAZ", "RUS", 2019, 4.0, False), ("KAZ", "WLD", 2018, 100.0, False),
                           ("KAZ", "WLD", 2019, 1234.5, True)]
    assert frame.value_usd.tolist() == [v * 1e6 for v in frame.value_published]
    # the imports sheet: its own years, the reporter's own imports, CIF; the aggregate row skipped
    assert rows(frame, "import") == [("KAZ", "CHN", 2019, 5.0, False), ("KAZ", "CHN", 2020, 6.0, False),
                                     ("KAZ", "WLD", 2019, 50.0, False), ("KAZ", "WLD", 2020, 60.5, True)]
    assert set(frame.loc[frame.flow == "import", "basis"]) == {"CIF"}
    assert set(frame.loc[frame.flow == "export", "basis"]) == {"FOB"}


def test_reordered_year_columns_parse_the_same(tmp_path):
    write_dots(tmp_path / "a")
    swapped = [("World", [100.0, "1,234.50 e"][::-1]), ("Russian Federation", [4.0, 3.0])]
    write_dots(tmp_path / "b", years=YEARS[::-1], partners=swapped)
    a = imf_dots.parse(tmp_path / "a")["trade_flows"]
    b = imf_dots.parse(tmp_path / "b")["trade_flows"]
    assert [r for r in rows(a) if r[1] in ("WLD", "RUS")] == rows(b)


def test_aggregate_reporter_is_skipped_and_identical_copy_kept_once(tmp_path):
    write_dots(tmp_path, "DOTS_1.xlsx")
    write_dots(tmp_path, "DOTS_2.xlsx")  # identical copy, as Nicaragua's DOTS_143/144
    write_dots(tmp_path, "DOTS_3.xlsx", reporter="Euro Area")
    frame = imf_dots.parse(tmp_path)["trade_flows"]
    assert set(frame.reporter) == {"KAZ"} and len(frame) == 7 + 4


def test_same_reporter_with_other_values_stops(tmp_path):
    write_dots(tmp_path, "DOTS_1.xlsx")
    write_dots(tmp_path, "DOTS_2.xlsx", partners=[("World", [1.0, 2.0])])
    with pytest.raises(DataError, match=r"DOTS_2\.xlsx.*B4.*also in DOTS_1\.xlsx with other values"):
        imf_dots.parse(tmp_path)


def test_csv_saved_as_xlsx(tmp_path):
    path = tmp_path / "imf_dots" / "raw_xlsx" / "DOTS_1.xlsx"
    path.parent.mkdir(parents=True)
    path.write_text("reporter,partner,year\nKazakhstan,World,2019\n", encoding="utf-16")
    with pytest.raises(DataError, match=r"DOTS_1\.xlsx: cannot read workbook \(.*\); is it truncated or not a "
                                        r"spreadsheet\?"):
        imf_dots.parse(tmp_path)


def test_wrong_unit(tmp_path):
    write_dots(tmp_path, unit="US Dollars, Thousands")
    with pytest.raises(DataError) as err:
        imf_dots.parse(tmp_path)
    message = str(err.value)
    assert "DOTS_1.xlsx" in message and "cell B5" in message
    assert "'US Dollars, Thousands', expected 'US Dollars, Millions'" in message


def test_imports_sheet_first_is_refused(tmp_path):
    write_dots(tmp_path, title="Imports, CIF from Partner Countries")
    with pytest.raises(DataError, match=r"DOTS_1\.xlsx, field 'cell B2': title is 'Imports, CIF"):
        imf_dots.parse(tmp_path)


def test_imports_sheet_with_the_wrong_title(tmp_path):
    write_dots(tmp_path, import_title="Exports, FOB to Partner Countries")
    with pytest.raises(DataError, match=r"DOTS_1\.xlsx, field 'cell B2': sheet 'Imports, CIF', title is 'Exports, "
                                        r"FOB to Partner Countries', expected 'Imports, CIF from Partner Countries'"):
        imf_dots.parse(tmp_path)


def test_imports_sheet_missing(tmp_path):
    write_dots(tmp_path, imports=None)
    with pytest.raises(DataError, match=r"DOTS_1\.xlsx: workbook has 1 sheet\(s\); expected 2"):
        imf_dots.parse(tmp_path)


def test_imports_sheet_of_another_reporter(tmp_path):
    write_dots(tmp_path, import_reporter="Kyrgyz Rep.")
    with pytest.raises(DataError, match=r"field 'cell B4': sheet 'Imports, CIF', reporter is 'Kyrgyz Rep.', but "
                                        r"'Kazakhstan, Rep. of' in the exports sheet"):
        imf_dots.parse(tmp_path)


def test_bad_number_in_the_imports_sheet(tmp_path):
    write_dots(tmp_path, imports=(("2019",), [("World", ["n/a"])]))
    with pytest.raises(DataError, match=r"row 8, field 'C8': sheet 'Imports, CIF', not a number: 'n/a'"):
        imf_dots.parse(tmp_path)


def test_unknown_partner(tmp_path):
    write_dots(tmp_path, partners=[("World", [1.0, 2.0]), ("Atlantis", [1.0, None])])
    with pytest.raises(UnknownCountryError) as err:
        imf_dots.parse(tmp_path)
    message = str(err.value)
    assert "DOTS_1.xlsx" in message and "'Atlantis' at cell B9" in message and "unknown country names" in message


def test_unknown_reporter(tmp_path):
    write_dots(tmp_path, reporter="Republic of Nowhere")
    with pytest.raises(UnknownCountryError, match=r"DOTS_1\.xlsx.*'Republic of Nowhere' at cell B4"):
        imf_dots.parse(tmp_path)


def test_text_that_is_not_a_number(tmp_path):
    write_dots(tmp_path, partners=[("World", [1.0, "12.3 x"])])
    with pytest.raises(DataError, match=r"DOTS_1\.xlsx, row 8, field 'D8': not a number: '12.3 x'"):
        imf_dots.parse(tmp_path)


def test_repeated_partner_with_other_values(tmp_path):
    write_dots(tmp_path, partners=[("World", [1.0, 2.0]), ("World", [1.0, 3.0])])
    with pytest.raises(DataError, match=r"row 9, field 'B9': partner 'World' appears in rows 8 and 9 with differ"):
        imf_dots.parse(tmp_path)


def test_value_in_a_column_without_year(tmp_path):
    write_dots(tmp_path, partners=[("World", [1.0, 2.0, 3.0])])
    with pytest.raises(DataError, match=r"row 8, field 'E8': value 3\.0 in a column without a year"):
        imf_dots.parse(tmp_path)


def test_bad_year_header(tmp_path):
    write_dots(tmp_path, years=("2018", "FY19"))
    with pytest.raises(DataError, match=r"DOTS_1\.xlsx, row 7, field 'D7': year header 'FY19' is not a year"):
        imf_dots.parse(tmp_path)


def test_no_workbooks(tmp_path):
    (tmp_path / "imf_dots" / "raw_xlsx").mkdir(parents=True)
    with pytest.raises(DataError, match="no file matches 'raw_xlsx/DOTS_\\*.xlsx'"):
        imf_dots.parse(tmp_path)
