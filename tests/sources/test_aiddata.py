"""aiddata: Chinese development finance per recipient, year and flow class, against cow_gcdf.csv and gw_gcdf.csv."""

from __future__ import annotations

import pandas as pd
import pytest
from politics_files import csv_text, raw_rows, reorder, write

from multipolar.errors import DataError, UnknownCountryError
from multipolar.schema import spec
from multipolar.sources import aiddata
from multipolar.store.tables import validate

FILE = "cow_gcdf.csv"
CLASSES = {"ODA-like": "oda", "OOF-like": "oof", "Vague": "vof"}
# COW codes of focus states (COW state list); their Gleditsch-Ward codes are the same numbers.
COW = {705: "KAZ", 703: "KGZ", 702: "TJK", 704: "UZB", 701: "TKM", 365: "RUS", 770: "PAK", 630: "IRN", 370: "BLR",
       712: "MNG", 700: "AFG", 750: "IND", 371: "ARM", 372: "GEO", 373: "AZE"}


@pytest.fixture(scope="module")
def parsed(data_dir):
    return aiddata.parse(data_dir)["development_finance"]


@pytest.fixture(scope="module")
def raw(data_dir):
    return raw_rows(data_dir / "aiddata_chinese_finance" / FILE)


def test_store_accepts_the_table(parsed):
    assert validate(parsed, spec("development_finance")).num_rows == len(parsed)


def test_provenance_figures(parsed, raw):
    # PROVENANCE.txt: cow_gcdf 2,458 rows, 138 recipients, 2000..2021.
    assert len(raw) == 2458
    assert parsed["recipient"].nunique() == 138
    assert (parsed["year"].min(), parsed["year"].max()) == (2000, 2021)
    assert set(parsed["lender"]) == {"CHN"}


def test_focus_rows_match_the_raw_file(parsed, raw):
    table = parsed.set_index(["recipient", "year", "flow_class"])
    expected_rows = 0
    for r in raw:
        iso3 = COW.get(int(r["ccode"]))
        if not iso3:
            continue
        for flow_class, prefix in CLASSES.items():
            amt, adj = float(r[f"{prefix}_amt"]), float(r[f"{prefix}_adj"])
            key = (iso3, int(r["year"]), flow_class)
            if amt == 0 and adj == 0:
                assert key not in table.index
                continue
            expected_rows += 1
            assert table.loc[key, "commitments_usd"] == amt
            assert table.loc[key, "commitments_adj_usd"] == adj
    assert expected_rows == parsed["recipient"].isin(COW.values()).sum() > 100


def test_row_count_per_class_is_the_nonzero_count(parsed, raw):
    for flow_class, prefix in CLASSES.items():
        nonzero = sum(float(r[f"{prefix}_amt"]) != 0 or float(r[f"{prefix}_adj"]) != 0 for r in raw)
        assert (parsed["flow_class"] == flow_class).sum() == nonzero


def test_gleditsch_ward_file_agrees_for_focus_states(parsed, data_dir):
    gw = raw_rows(data_dir / "aiddata_chinese_finance" / "gw_gcdf.csv")
    table = parsed.set_index(["recipient", "year", "flow_class"])["commitments_usd"]
    compared = 0
    for r in gw:
        iso3 = COW.get(int(r["gwcode"]))
        if not iso3:
            continue
        for flow_class, prefix in CLASSES.items():
            if float(r[f"{prefix}_amt"]) != 0:
                assert table.loc[(iso3, int(r["year"]), flow_class)] == pytest.approx(float(r[f"{prefix}_amt"]))
                compared += 1
    assert compared > 150


def test_kazakhstan_total_2000_2021(parsed, raw):
    expected = sum(float(r[f"{p}_amt"]) for r in raw if r["ccode"] == "705" for p in CLASSES.values())
    assert parsed.loc[parsed["recipient"] == "KAZ", "commitments_usd"].sum() == pytest.approx(expected)
    assert expected > 1e10


# --- small files written by the tests ------------------------------------------------------------------------------

HEADER = ["ccode", "year", "oof_amt", "oof_adj", "oda_amt", "oda_adj", "vof_amt", "vof_adj"]
GOOD = [["705", "2015", "100.5", "90", "0", "0", "0", "0"],
        ["365", "2016", "0", "0", "5", "5", "7", "0"],
        ["703", "2017", "0", "0", "0", "0", "0", "0"]]


def make(tmp_path, rows=None, text=None):
    return write(tmp_path / "aiddata_chinese_finance" / FILE, text if text is not None else csv_text(HEADER, rows))


def test_small_file(tmp_path):
    make(tmp_path, GOOD)
    out = aiddata.parse(tmp_path)["development_finance"]
    assert out[["recipient", "year", "flow_class", "commitments_usd", "commitments_adj_usd"]].values.tolist() == [
        ["KAZ", 2015, "OOF-like", 100.5, 90.0], ["RUS", 2016, "ODA-like", 5.0, 5.0], ["RUS", 2016, "Vague", 7.0, 0.0]]


def test_reordered_columns_give_the_same_rows(tmp_path):
    make(tmp_path, GOOD)
    expected = aiddata.parse(tmp_path)["development_finance"]
    make(tmp_path, text=reorder(csv_text(HEADER, GOOD)))
    pd.testing.assert_frame_equal(aiddata.parse(tmp_path)["development_finance"], expected)


def test_negative_amount_stops(tmp_path):
    make(tmp_path, GOOD + [["704", "2018", "0", "0", "-4", "0", "0", "0"]])
    with pytest.raises(DataError) as err:
        aiddata.parse(tmp_path)
    assert all(s in str(err.value) for s in (FILE, "row 5", "'oda_amt'", "below the minimum 0", "'-4'"))


def test_text_in_an_amount_stops(tmp_path):
    make(tmp_path, GOOD + [["704", "2018", "0", "0", "n/a", "0", "0", "0"]])
    with pytest.raises(DataError, match=r"row 5, field 'oda_amt': not a number: 'n/a'"):
        aiddata.parse(tmp_path)


def test_unknown_cow_code_names_the_row(tmp_path):
    make(tmp_path, GOOD + [["999", "2018", "1", "1", "0", "0", "0", "0"]])
    with pytest.raises(UnknownCountryError) as err:
        aiddata.parse(tmp_path)
    assert FILE in str(err.value) and "row 5" in str(err.value) and "'999'" in str(err.value)


def test_state_that_no_longer_exists_stops(tmp_path):
    make(tmp_path, GOOD + [["265", "2001", "1", "1", "0", "0", "0", "0"]])
    with pytest.raises(DataError, match=r"row 5, field 'ccode': COW code 265 is a state that no longer exists"):
        aiddata.parse(tmp_path)


def test_duplicate_recipient_year_stops(tmp_path):
    make(tmp_path, GOOD + [GOOD[0]])
    with pytest.raises(DataError, match=r"row 2: two rows for KAZ 2015"):
        aiddata.parse(tmp_path)
