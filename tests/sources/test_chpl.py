"""CHPL items: the tier counts PROVENANCE states, and broken files refused."""

from __future__ import annotations

import collections
import csv
from pathlib import Path

import pytest

from multipolar.errors import DataError
from multipolar.schema import TABLES
from multipolar.sources import chpl
from multipolar.store.tables import validate

# PROVENANCE.txt: tier 1 = 4, tier 2 = 5, tier 3A/3B/3C = 16/5/4, tier 4A/4B = 11/5; total 50.
STATED = {"1": 4, "2": 5, "3A": 16, "3B": 5, "3C": 4, "4A": 11, "4B": 5}


def test_tier_counts(data_dir):
    table = chpl.parse(data_dir)["chpl_items"]
    validate(table, TABLES["chpl_items"], origin="chpl")
    assert dict(collections.Counter(table.tier)) == STATED
    assert len(table) == sum(STATED.values()) == 50
    assert set(table.source) == {"chpl"}


def test_rows_match_the_file(data_dir):
    with (data_dir / "chpl" / "chpl_hs6.csv").open(encoding="utf-8", newline="") as fh:
        raw = {r["hs6"]: r["tier"] for r in csv.DictReader(fh)}
    table = chpl.parse(data_dir)["chpl_items"]
    assert dict(zip(table.hs6, table.tier)) == raw
    assert raw["854231"] == "1" and raw["880730"] == "3B"


def test_origin():
    assert "not re-verified" in chpl.ORIGIN.licence
    assert any("sub-tier" in c for c in chpl.ORIGIN.caveats)


def make(tmp_path: Path, text: str | bytes) -> Path:
    (tmp_path / "chpl").mkdir(exist_ok=True)
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    (tmp_path / "chpl" / "chpl_hs6.csv").write_bytes(data)
    return tmp_path


def test_reordered_columns(tmp_path):
    table = chpl.parse(make(tmp_path, "tier,hs6\n1,854231\n3a,901310\n"))["chpl_items"]
    assert table[["hs6", "tier"]].values.tolist() == [["854231", "1"], ["901310", "3A"]]


@pytest.mark.parametrize("text, message", [
    ("hs6,tier\n854231,1\n85423,2\n", "row 3, field 'hs6': hs6 '85423' is not a six-digit"),
    ("hs6,tier\n854231,5\n", "row 2, field 'tier': tier '5' is not one of"),
    ("hs6,tier\n854231,1\n854231,2\n", "rows 2 and 3 give different values"),
    ("hs6,tier\n854231,1\n851762", "row 3: file does not end with a line break: truncated?"),
    ("hs6,tier\n854231,1\n851762\n", "row 3: 1 fields, the header has 2 (a broken line, or the file is cut short)"),
    ("hs6\n854231\n", "missing columns ['tier']"),
])
def test_broken_files(tmp_path, text, message):
    with pytest.raises(DataError) as err:
        chpl.parse(make(tmp_path, text))
    assert message in str(err.value) and "chpl_hs6.csv" in str(err.value)


def test_identical_duplicate_is_dropped(tmp_path):
    table = chpl.parse(make(tmp_path, "hs6,tier\n854231,1\n854231,1\n"))["chpl_items"]
    assert table.hs6.tolist() == ["854231"]
