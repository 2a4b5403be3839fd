"""icews: directed country-pair event counts per year, checked against the raw netify export."""

from __future__ import annotations

import pandas as pd
import pytest
from politics_files import csv_text, raw_columns, reorder, write

from multipolar.errors import DataError, UnknownCountryError
from multipolar.schema import spec
from multipolar.sources import icews

FILE = "icews_counts.csv.gz"
COUNTS = {"verbCoop": "verbal_coop", "matlCoop": "material_coop", "verbConf": "verbal_conflict",
          "matlConf": "material_conflict"}


@pytest.fixture(scope="module")
def parsed(data_dir):
    return icews.parse(data_dir)["events"]


@pytest.fixture(scope="module")
def raw(data_dir):
    return raw_columns(data_dir / "icews_events" / FILE, "i_iso3c", "j_iso3c", "year", *COUNTS)


def test_store_accepts_the_table(parsed):
    from multipolar.store.tables import validate

    assert validate(parsed, spec("events")).num_rows == len(parsed)


def test_provenance_figures(parsed):
    # PROVENANCE.txt: 298,376 directed dyad-years, 152 countries, 2002..2014.
    assert len(parsed) == 298376
    assert len(set(parsed["actor"]) | set(parsed["target"])) == 152
    assert (parsed["period"].min(), parsed["period"].max()) == ("2002", "2014")
    assert set(parsed["source"]) == {"icews"} and parsed["directed"].all() and parsed["score"].isna().all()


def test_counts_of_china_and_russia_with_central_asia_match_the_raw_file(parsed, raw):
    table = parsed.set_index(["actor", "target", "period"])
    central_asia = {"KAZ", "KGZ", "TJK", "UZB", "TKM"}
    checked = 0
    for i, j, year, *counts in raw:
        if (i in {"CHN", "RUS"} and j in central_asia) or (j in {"CHN", "RUS"} and i in central_asia):
            row = table.loc[(i, j, str(int(float(year))))]
            assert [row[name] for name in COUNTS.values()] == [float(c) for c in counts], (i, j, year)
            checked += 1
    assert checked == 2 * 2 * 5 * 13   # both directions, 2 powers x 5 states x 13 years


def test_direction_is_kept(parsed):
    table = parsed.set_index(["actor", "target", "period"])
    there, back = table.loc[("CHN", "KAZ", "2010")], table.loc[("KAZ", "CHN", "2010")]
    assert there["verbal_coop"] != back["verbal_coop"]


# --- small files written by the tests ------------------------------------------------------------------------------

HEADER = ["i", "j", "i_iso3c", "j_iso3c", "year", *COUNTS]
GOOD = [["China", "Kazakhstan", "CHN", "KAZ", "2010.0", "50.0", "3.0", "1.0", "0.0"],
        ["Kazakhstan", "China", "KAZ", "CHN", "2010.0", "40.0", "2.0", "0.0", "0.0"],
        ["Russian Federation", "Uzbekistan", "RUS", "UZB", "2014.0", "0.0", "0.0", "0.0", "0.0"]]


def make(tmp_path, rows=None, text=None):
    return write(tmp_path / "icews_events" / FILE, text if text is not None else csv_text(HEADER, rows))


def test_small_file(tmp_path):
    make(tmp_path, GOOD)
    out = icews.parse(tmp_path)["events"]
    assert out[["actor", "target", "period", *COUNTS.values()]].values.tolist() == [
        ["CHN", "KAZ", "2010", 50.0, 3.0, 1.0, 0.0], ["KAZ", "CHN", "2010", 40.0, 2.0, 0.0, 0.0],
        ["RUS", "UZB", "2014", 0.0, 0.0, 0.0, 0.0]]


def test_reordered_columns_give_the_same_rows(tmp_path):
    make(tmp_path, GOOD)
    expected = icews.parse(tmp_path)["events"]
    make(tmp_path, text=reorder(csv_text(HEADER, GOOD)))
    pd.testing.assert_frame_equal(icews.parse(tmp_path)["events"], expected)


def test_negative_count_stops(tmp_path):
    make(tmp_path, GOOD + [["China", "India", "CHN", "IND", "2010.0", "5.0", "-2.0", "0.0", "0.0"]])
    with pytest.raises(DataError) as err:
        icews.parse(tmp_path)
    assert all(s in str(err.value) for s in (FILE, "row 5", "'matlCoop'", "below the minimum 0", "'-2.0'"))


def test_fractional_count_stops(tmp_path):
    make(tmp_path, GOOD + [["China", "India", "CHN", "IND", "2010.0", "5.5", "2.0", "0.0", "0.0"]])
    with pytest.raises(DataError, match=r"row 5, field 'verbCoop': not a whole number: '5.5'"):
        icews.parse(tmp_path)


def test_unknown_code_names_the_row(tmp_path):
    make(tmp_path, GOOD + [["Atlantis", "India", "ATL", "IND", "2010.0", "5.0", "2.0", "0.0", "0.0"]])
    with pytest.raises(UnknownCountryError) as err:
        icews.parse(tmp_path)
    assert all(s in str(err.value) for s in (FILE, "row 5", "'i_iso3c'", "'ATL'"))


def test_code_disagreeing_with_the_name_stops(tmp_path):
    make(tmp_path, GOOD + [["China", "India", "RUS", "IND", "2010.0", "5.0", "2.0", "0.0", "0.0"]])
    with pytest.raises(DataError, match=r"row 5, field 'i_iso3c': 'RUS' does not match the country name 'China'"):
        icews.parse(tmp_path)
