"""sources._read and _codes: cell references, the two workbook readers agreeing, strict text, code lookups."""

from __future__ import annotations

import openpyxl
import pytest

from multipolar.errors import DataError, UnknownCountryError
from multipolar.sources import _codes, _read


@pytest.mark.parametrize("row,col,ref", [(1, 1, "A1"), (5, 2, "B5"), (7, 26, "Z7"), (9, 27, "AA9"), (3, 63, "BK3")])
def test_cell_ref(row, col, ref):
    assert _read.cell_ref(row, col) == ref


def small_book(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "first"
    sheet["B2"], sheet["C3"], sheet["D3"], sheet["B4"] = "title", 12, 1.5, "7.25 e"
    book.create_sheet("second")["A1"] = "x"
    book.save(path)
    return path


def test_grid_is_anchored_at_a1(tmp_path):
    grids = _read.read_sheets(small_book(tmp_path / "b.xlsx"))
    grid = grids["first"]
    assert list(grids) == ["first", "second"]
    assert _read.cell(grid, 2, 2) == "title" and _read.cell(grid, 3, 3) == 12.0
    assert _read.cell(grid, 4, 2) == "7.25 e"
    assert _read.cell(grid, 1, 1) is None and _read.cell(grid, 99, 99) is None


def test_openpyxl_fallback_reads_the_same_grid(tmp_path, monkeypatch, data_dir):
    if _read.CalamineWorkbook is None:
        pytest.skip("python-calamine not installed: only the openpyxl reader is in use")
    paths = [small_book(tmp_path / "b.xlsx"), data_dir / "imf_dots" / "raw_xlsx" / "DOTS_1.xlsx",
             data_dir / "russia_customs" / "96stran.xlsx"]
    fast = [_read.read_sheets(p) for p in paths]
    monkeypatch.setattr(_read, "CalamineWorkbook", None)
    slow = [_read.read_sheets(p) for p in paths]
    for a, b in zip(fast, slow):
        assert list(a) == list(b)
        for name in a:
            width = max(len(r) for r in a[name] + b[name])
            pad = lambda grid: [list(r) + [None] * (width - len(r)) for r in grid]  # noqa: E731
            assert pad(a[name]) == pad(b[name]), name


def test_missing_sheet(tmp_path):
    with pytest.raises(DataError, match=r"b\.xlsx: sheet 'third' not found; sheets are \['first', 'second'\]"):
        _read.read_sheets(small_book(tmp_path / "b.xlsx"), sheets=["third"])


def test_read_text_names_the_line(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("a,b\nok,1\nNiño,2\n".encode("cp1252"))
    with pytest.raises(DataError, match=r"t\.csv, row 3: not UTF-8 text \(byte 0xf1 at offset 11: invalid continuation "
                                        r"byte\); re-save the file as UTF-8"):
        _read.read_text(path)


def test_codes_to_iso3(tmp_path):
    assert _codes.iso3_at({"G001": "row 2", "KAZ": "row 3", "G163": "row 4"}, mapping="imf_imts", guess="iso3",
                          file="f.csv", field="code") == {"G001": "WLD", "KAZ": "KAZ", "G163": None}
    with pytest.raises(UnknownCountryError, match=r"f\.csv, field \"code \('Kazakhstan' at row 3\)\""):
        # a name is not a code: no fuzzy matching
        _codes.iso3_at({"KAZ": "row 2", "Kazakhstan": "row 3"}, mapping="imf_imts", guess="iso3", file="f.csv",
                       field="code")
