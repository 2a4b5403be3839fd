"""The strict CSV reader shared by the parsers (sources/_read.py)."""

from __future__ import annotations

import pytest
from politics_files import write

from multipolar.errors import DataError
from multipolar.sources._read import numbers, read_csv


def test_rows_are_indexed_by_line_and_namibia_na_survives(tmp_path):
    path = write(tmp_path / "a.csv", "name,code,value\nNamibia,NA,1\nChina,CN,\n")
    frame = read_csv(path, ("code", "name"))
    assert list(frame.columns) == ["code", "name"] and list(frame.index) == [2, 3]
    assert frame["code"].tolist() == ["NA", "CN"]
    assert numbers(read_csv(path, ("value",)), "value", path, blank=("",)).isna().tolist() == [False, True]


def test_bad_byte_after_the_first_megabyte_names_its_line(tmp_path):
    # Multi-byte characters straddle the 1 MiB decoding blocks: only the real bad byte may be reported.
    lines = ["name,value\n"] + [f"Côte d’Ivoire {i},{i}\n" for i in range(90000)]
    data = "".join(lines).encode("utf-8") + b"bad \xff here,1\n"
    assert len(data) > 2 * (1 << 20)
    path = write(tmp_path / "big.csv", data)
    with pytest.raises(DataError, match=rf"big\.csv, row {len(lines) + 1}: not UTF-8 text \(byte 0xff at offset \d+: "
                                        r"invalid start byte\); re-save the file as UTF-8"):
        read_csv(path, ("name",))


def test_valid_character_cut_by_the_block_edge_passes(tmp_path):
    # 'ü' is two bytes; place it so that the first 1 MiB block ends between them.
    head = b"name,value\n"
    filler = b"x" * ((1 << 20) - len(head) - 1 - len(b"T"))
    data = head + b"T" + filler + "ü,1\n".encode("utf-8") + "Türkiye,2\n".encode("utf-8")
    assert data[(1 << 20) - 1:(1 << 20) + 1] == "ü".encode("utf-8")
    path = write(tmp_path / "edge.csv", data)
    assert read_csv(path, ("name", "value"))["value"].tolist() == ["1", "2"]


def test_row_with_too_many_fields_is_named(tmp_path):
    path = write(tmp_path / "a.csv", "a,b\n1,2\n3,4,5\n")
    with pytest.raises(DataError, match=r"a\.csv, row 3: 3 fields, the header has 2 \(an unquoted separator or a "
                                        r"shifted row\)"):
        read_csv(path, ("a", "b"))


def test_empty_file_and_fraction_are_reported(tmp_path):
    with pytest.raises(DataError, match="empty file"):
        read_csv(write(tmp_path / "e.csv", ""), ("a",))
    path = write(tmp_path / "a.csv", "a\n1.5\n")
    with pytest.raises(DataError, match=r"row 2, field 'a': not a whole number: '1.5'"):
        numbers(read_csv(path, ("a",)), "a", path, integer=True)


@pytest.mark.parametrize("text", ["nan", "inf", "1_000", "1,5", "0x10"])
def test_only_plain_decimal_numbers_are_numbers(tmp_path, text):
    path = write(tmp_path / "a.csv", f'a\n"{text}"\n')
    with pytest.raises(DataError, match=r"not a number"):
        numbers(read_csv(path, ("a",)), "a", path)
