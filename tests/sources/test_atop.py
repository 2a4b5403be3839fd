"""atop: alliance obligations and shared IGOs per country pair and year, checked against the raw peacesciencer files."""

from __future__ import annotations

import pandas as pd
import pytest
from politics_files import csv_text, raw_columns, raw_rows, reorder, write

from multipolar.countries import read_mapping
from multipolar.errors import DataError, UnknownCountryError
from multipolar.schema import spec
from multipolar.sources import atop
from multipolar.store.tables import validate

OBLIGATIONS = {"atop_defense": "defense", "atop_offense": "offense", "atop_neutral": "neutrality",
               "atop_nonagg": "nonaggression", "atop_consul": "consultation"}
# COW codes (COW state list, states2016.csv).
RUS, CHN = 365, 710
CENTRAL_ASIA = {705: "KAZ", 703: "KGZ", 702: "TJK", 704: "UZB", 701: "TKM"}


@pytest.fixture(scope="module")
def parsed(data_dir):
    return atop.parse(data_dir)


@pytest.fixture(scope="module")
def raw_alliances(data_dir):
    return raw_rows(data_dir / "atop_alliances" / "atop_alliance.csv.gz")


def pair(frame, a, b, year):
    a, b = sorted((a, b))
    rows = frame[(frame["country_a"] == a) & (frame["country_b"] == b) & (frame["year"] == year)]
    assert len(rows) == 1, (a, b, year)
    return rows.iloc[0]


def test_store_accepts_both_tables(parsed):
    for name, frame in parsed.items():
        assert validate(frame, spec(name)).num_rows == len(frame) > 0


def test_provenance_2018_russia_defense_pledges(parsed):
    # PROVENANCE.txt: 2018 RUS-KAZ/KGZ/TJK/UZB/BLR/ARM defense = 1.
    for partner in ("KAZ", "KGZ", "TJK", "UZB", "BLR", "ARM"):
        assert pair(parsed["alliances"], "RUS", partner, 2018)["defense"], partner


def test_provenance_2018_china_central_asia(parsed):
    # PROVENANCE.txt: 2018 CHN-Central Asia nonaggression = 1 and consultation = 1, defense = 0.
    for partner in CENTRAL_ASIA.values():
        row = pair(parsed["alliances"], "CHN", partner, 2018)
        assert row["nonaggression"] and row["consultation"] and not row["defense"], partner


def test_obligations_are_the_either_direction_maximum_of_the_raw_file(parsed, raw_alliances):
    # The raw file is directed (both orientations); the table holds a pair once, true when either side pledges.
    expected = {}
    for r in raw_alliances:
        codes = {int(float(r["ccode1"])), int(float(r["ccode2"]))}
        if RUS in codes and codes & set(CENTRAL_ASIA):
            (other,) = codes - {RUS}
            key = (CENTRAL_ASIA[other], int(float(r["year"])))
            previous = expected.get(key, {name: False for name in OBLIGATIONS.values()})
            expected[key] = {name: previous[name] or r[col] == "1.0" for col, name in OBLIGATIONS.items()}
    assert len(expected) > 100
    for (partner, year), values in expected.items():
        row = pair(parsed["alliances"], "RUS", partner, year)
        assert {name: bool(row[name]) for name in values} == values, (partner, year)


def test_directions_really_differ_in_the_raw_file(raw_alliances):
    # Why the either-direction rule matters: some pairs have a pledge in one direction only.
    seen = {(r["ccode1"], r["ccode2"], r["year"]): r["atop_defense"] for r in raw_alliances}
    assert any(v != seen[(b, a, y)] for (a, b, y), v in seen.items())


def test_pairs_are_ordered_and_touch_a_focus_state(parsed):
    from multipolar.countries import FOCUS

    for name, frame in parsed.items():
        assert (frame["country_a"] < frame["country_b"]).all(), name
        assert (frame["country_a"].isin(FOCUS) | frame["country_b"].isin(FOCUS)).all(), name


def test_shared_igos_match_the_raw_file_for_china_russia_and_central_asia(parsed, data_dir):
    igos = parsed["shared_igos"]
    table = {(r.country_a, r.country_b, r.year): r.n_shared for r in igos.itertuples()}
    names = {RUS: "RUS", CHN: "CHN", **CENTRAL_ASIA}
    wanted = {f"{code}.0" for code in names}
    checked = 0
    path = data_dir / "atop_alliances" / "cow_igo_ndy.csv.gz"
    for code1, code2, year, count in raw_columns(path, "ccode1", "ccode2", "year", "dyadigos"):
        if code1 in wanted and code2 in wanted:
            a, b = sorted((names[int(float(code1))], names[int(float(code2))]))
            assert table[(a, b, int(float(year)))] == int(float(count))
            checked += 1
    assert checked > 300
    assert set(igos["source"]) == {"cow_igo_dyad"} and set(parsed["alliances"]["source"]) == {"atop"}


def test_states_that_no_longer_exist_are_listed_in_cow_mapping():
    # Checked against COW's state list (states2016.csv): Hanover, Bavaria, ..., Zanzibar, Korea (1887-1905).
    mapping = read_mapping("cow")
    for code in (240, 245, 267, 269, 271, 273, 275, 280, 300, 327, 329, 332, 335, 337, 511, 730):
        assert mapping[str(code)] == "", code


# --- small files written by the tests ------------------------------------------------------------------------------

A_HEADER = ["ccode1", "ccode2", "year", *OBLIGATIONS]
A_GOOD = [["365.0", "705.0", "2018.0", "1.0", "0.0", "0.0", "1.0", "1.0"],
          ["705.0", "365.0", "2018.0", "0.0", "0.0", "1.0", "1.0", "1.0"],
          ["2.0", "20.0", "2018.0", "1.0", "0.0", "0.0", "0.0", "1.0"],
          ["365.0", "245.0", "1850.0", "0.0", "0.0", "0.0", "1.0", "0.0"]]
I_HEADER = ["ccode1", "ccode2", "year", "dyadigos"]
I_GOOD = [["365.0", "710.0", "2014.0", "40.0"], ["2.0", "20.0", "2014.0", "60.0"]]


def make(tmp_path, alliances=None, igos=None, *, alliances_text=None):
    base = tmp_path / "atop_alliances"
    write(base / "atop_alliance.csv.gz", alliances_text or csv_text(A_HEADER, alliances or A_GOOD))
    write(base / "cow_igo_ndy.csv.gz", csv_text(I_HEADER, igos or I_GOOD))
    return base


def test_small_files(tmp_path):
    make(tmp_path)
    out = atop.parse(tmp_path)
    # USA-Canada has no focus state; Bavaria no longer exists; the two Russia-Kazakhstan directions merge.
    assert out["alliances"].drop(columns="source").values.tolist() == [
        ["KAZ", "RUS", 2018, True, False, True, True, True]]
    assert out["shared_igos"].values.tolist() == [["CHN", "RUS", 2014, "cow_igo_dyad", 40]]


def test_reordered_columns_give_the_same_rows(tmp_path):
    make(tmp_path)
    expected = atop.parse(tmp_path)
    make(tmp_path, alliances_text=reorder(csv_text(A_HEADER, A_GOOD)))
    for name in expected:
        pd.testing.assert_frame_equal(atop.parse(tmp_path)[name], expected[name])


def test_obligation_outside_zero_one_stops(tmp_path):
    make(tmp_path, A_GOOD + [["365.0", "703.0", "2018.0", "2.0", "0.0", "0.0", "0.0", "0.0"]])
    with pytest.raises(DataError) as err:
        atop.parse(tmp_path)
    assert all(s in str(err.value) for s in ("atop_alliance.csv.gz", "row 6", "'atop_defense'", "above the maximum 1"))


def test_negative_igo_count_stops(tmp_path):
    make(tmp_path, igos=I_GOOD + [["365.0", "705.0", "2014.0", "-1.0"]])
    with pytest.raises(DataError, match=r"cow_igo_ndy\.csv\.gz, row 4, field 'dyadigos': below the minimum 0"):
        atop.parse(tmp_path)


def test_unknown_cow_code_names_the_row(tmp_path):
    make(tmp_path, A_GOOD + [["365.0", "999.0", "2018.0", "1.0", "0.0", "0.0", "0.0", "0.0"]])
    with pytest.raises(UnknownCountryError) as err:
        atop.parse(tmp_path)
    assert all(s in str(err.value) for s in ("atop_alliance.csv.gz", "row 6", "'ccode2'", "'999'"))
