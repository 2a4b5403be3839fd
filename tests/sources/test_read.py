"""The merged reading helpers (sources/_read.py, _codes.py, _tables.py): what the old separate readers did, in one."""

from __future__ import annotations

import pandas as pd
import pytest
from politics_files import write

from multipolar.errors import DataError, UnknownCountryError
from multipolar.sources._codes import iso3_at, iso3_column
from multipolar.sources._read import read_csv
from multipolar.sources._tables import table_frame


def test_blank_lines_are_skipped_and_rows_keep_their_line(tmp_path):
    # Armenia's file has a blank line after every record (CRLF line ends).
    path = write(tmp_path / "a.csv", "a,b\r\n\r\n1,2\r\n\r\n3,4\r\n")
    frame = read_csv(path, ("a", "b"))
    assert list(frame.index) == [3, 5] and frame["b"].tolist() == ["2", "4"]


def test_a_quoted_line_break_keeps_the_line_numbers_right(tmp_path):
    frame = read_csv(write(tmp_path / "a.csv", 'a,b\n"x\ny",1\n2,3\n'), ("a", "b"))
    assert list(frame.index) == [3, 4] and frame["a"].tolist() == ["x\ny", "2"]


def test_a_short_row_names_its_line(tmp_path):
    with pytest.raises(DataError) as err:
        read_csv(write(tmp_path / "a.csv", "a,b\n1,2\n3\n"), ("a", "b"))
    message = "row 3: 1 fields, the header has 2 (a broken line, or the file is cut short)"
    assert "a.csv" in str(err.value) and message in str(err.value)


def test_a_file_cut_inside_its_last_quoted_cell_is_refused(tmp_path):
    path = write(tmp_path / "a.csv", 'a,b\n1,"x')  # two fields, but the quote never closes
    with pytest.raises(DataError, match=r"a\.csv, row 2: malformed CSV .*cut short"):
        read_csv(path, ("a", "b"), final_newline=False)


def test_a_repeated_header_and_utf16_without_mark_are_refused(tmp_path):
    with pytest.raises(DataError, match=r"row 1: header repeats columns \['a'\]"):
        read_csv(write(tmp_path / "a.csv", "a,b,a\n1,2,3\n"), ("a", "b"))
    with pytest.raises(DataError, match=r"row 1: not UTF-8 text: UTF-16 or UTF-32 \(NUL bytes found\); re-save the "
                                        r"file as UTF-8"):
        read_csv(write(tmp_path / "b.csv", "a,b\n1,2\n".encode("utf-16-le")), ("a", "b"))


def test_strip_merges_cells_that_differ_only_by_spaces(tmp_path):
    frame = read_csv(write(tmp_path / "a.csv", "a,b\n x,1\nx ,2\n"), ("a",), strip=True)
    assert frame["a"].tolist() == ["x", "x"] and list(frame["a"].cat.categories) == ["x"]


def test_labels_resolve_or_stop_at_their_row_or_cell(tmp_path):
    frame = pd.DataFrame({"partner": pd.Categorical(["Albania", "Atlantis", "Atlantis"])}, index=[2, 5, 9])
    with pytest.raises(UnknownCountryError, match=r"f\.csv, row 5, field 'partner': .*'Atlantis'.*mappings/eurostat"):
        iso3_column(frame, "partner", "f.csv", mapping="eurostat", guess=None)
    assert iso3_column(frame.iloc[:1], "partner", "f.csv", mapping="eurostat", guess=None).tolist() == ["ALB"]
    with pytest.raises(UnknownCountryError, match=r"field \"partner name \('Atlantis' at cell B9\)\""):
        iso3_at({"Albania": "cell B8", "Atlantis": "cell B9"}, file="f.xlsx", field="partner name")


def test_table_frame_gives_the_schema_columns_and_types():
    rows = [{"reporter": "KAZ", "partner": "CHN", "year": 2020, "flow": "export", "value_published": 5.0,
             "months": 12, "note": float("nan")}]
    frame = table_frame("trade_flows", rows, source="x", value_usd=5e3, unit_published="USD thousand",
                        basis="FOB", is_estimate=False)
    assert list(frame.columns) == ["reporter", "partner", "year", "flow", "source", "value_usd", "value_published",
                                   "unit_published", "basis", "is_estimate", "months", "note"]
    assert (str(frame["year"].dtype), str(frame["months"].dtype), str(frame["is_estimate"].dtype)) == \
        ("int16", "int8", "bool")
    assert frame["note"].tolist() == [None] and frame["value_usd"].tolist() == [5e3]
