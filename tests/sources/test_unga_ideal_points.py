"""unga_ideal_points: agreement with China and Russia and ideal points, checked against the raw file."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from politics_files import csv_text, raw_rows, reorder, write

from multipolar.errors import DataError, UnknownCountryError
from multipolar.schema import spec
from multipolar.sources import unga_ideal_points
from multipolar.store.tables import validate

FILE = "IdealpointestimatesAll_Jun2024.csv"
# COW codes of some focus states (COW state list, states2016.csv), to read the raw file independently.
COW = {705: "KAZ", 703: "KGZ", 702: "TJK", 704: "UZB", 701: "TKM", 710: "CHN", 365: "RUS", 750: "IND", 770: "PAK",
       630: "IRN", 370: "BLR", 712: "MNG", 700: "AFG", 371: "ARM", 640: "TUR"}


@pytest.fixture(scope="module")
def parsed(data_dir):
    return unga_ideal_points.parse(data_dir)["un_agreement"]


@pytest.fixture(scope="module")
def raw(data_dir):
    return raw_rows(data_dir / "unga_ideal_points" / FILE)


def number(text):
    return None if text == "NA" else float(text)


def test_store_accepts_the_table(parsed):
    assert validate(parsed, spec("un_agreement")).num_rows == len(parsed)


def test_rows_of_focus_states_match_the_raw_file(parsed, raw):
    table = parsed.set_index(["country", "session"])
    checked = 0
    for r in raw:
        iso3 = COW.get(int(r["ccode"]))
        if not iso3:
            continue
        row = table.loc[(iso3, int(r["session"]))]
        assert row["year"] == int(r["session"]) + 1945
        assert row["n_votes"] == int(r["NVotesAll"])
        assert row["ideal_point"] == pytest.approx(float(r["IdealPointAll"]), abs=0)
        for column, raw_column in (("agree_chn", "ChinaAgree"), ("agree_rus", "RUSSAgree")):
            expected = number(r[raw_column])
            assert (math.isnan(row[column]) if expected is None else row[column] == expected), (iso3, column)
        checked += 1
    assert checked > 700


def test_one_row_read_by_hand(parsed, raw):
    # Kazakhstan (COW 705) in session 70 (2015), straight from the file.
    r = next(r for r in raw if r["ccode"] == "705" and r["session"] == "70")
    row = parsed[(parsed["country"] == "KAZ") & (parsed["session"] == 70)].iloc[0]
    assert (row["agree_chn"], row["agree_rus"], row["n_votes"]) == (float(r["ChinaAgree"]), float(r["RUSSAgree"]),
                                                                    int(r["NVotesAll"]))


def test_provenance_figures_and_skipped_states(parsed, raw):
    # PROVENANCE.txt: 11,238 rows, sessions 1..78, 199 COW codes.
    assert len(raw) == 11238 and len({r["ccode"] for r in raw}) == 199
    assert (parsed["session"].min(), parsed["session"].max()) == (1, 78)
    # GDR 265, Czechoslovakia 315, Yugoslavia 345 and South Yemen 680 have no single successor seat: skipped.
    skipped = sum(r["ccode"] in {"265", "315", "345", "680"} for r in raw)
    assert len(parsed) == len(raw) - skipped


def test_session_78_partial_rows_are_visible_through_n_votes(parsed):
    # PROVENANCE.txt: session 78 is partial for some states, e.g. TUR NVotesAll = 2.
    s78 = parsed[parsed["session"] == 78].set_index("country")["n_votes"]
    assert s78["TUR"] == 2 and s78["STP"] == 2
    assert s78.median() > 80
    assert any("Session 78" in c and "n_votes" in c for c in unga_ideal_points.ORIGIN.caveats)


def test_historical_seats_follow_the_un_seat_rule(parsed):
    deu = parsed[parsed["country"] == "DEU"]["session"]
    yem = parsed[parsed["country"] == "YEM"]["session"]
    assert deu.min() == 28 and deu.is_unique        # FRG 28-45, then Germany 46-
    assert yem.min() == 2 and yem.is_unique         # Yemen Arab Republic 2-45, then Yemen 46-
    assert "SRB" not in set(parsed["country"])      # Yugoslavia skipped, as in unga_votes


# --- small files written by the tests ------------------------------------------------------------------------------

HEADER = ["", "ccode", "session", "NVotesAll", "IdealPointAll", "QO%All", "iso3c", "Countryname", "USAgree",
          "RUSSAgree", "ChinaAgree"]
GOOD = [["1", "705", "70", "80", "-0.5", "-1", "KAZ", "Kazakhstan", "0.3", "0.9", "0.85"],
        ["2", "710", "70", "82", "-0.9", "-1", "CHN", "China", "0.2", "0.88", "NA"],
        ["3", "265", "40", "70", "-0.7", "-1", "DDR", "German Democratic Republic", "0.1", "0.95", "0.8"]]


def make(tmp_path, rows=None, text=None):
    return write(tmp_path / "unga_ideal_points" / FILE, text if text is not None else csv_text(HEADER, rows))


def test_small_file(tmp_path):
    make(tmp_path, GOOD)
    out = unga_ideal_points.parse(tmp_path)["un_agreement"]
    assert out["country"].tolist() == ["KAZ", "CHN"]
    assert out.iloc[0][["year", "agree_chn", "agree_rus", "n_votes"]].tolist() == [2015, 0.85, 0.9, 80]
    assert math.isnan(out.iloc[1]["agree_chn"])


def test_reordered_columns_give_the_same_rows(tmp_path):
    make(tmp_path, GOOD)
    expected = unga_ideal_points.parse(tmp_path)["un_agreement"]
    make(tmp_path, text=reorder(csv_text(HEADER, GOOD)))
    pd.testing.assert_frame_equal(unga_ideal_points.parse(tmp_path)["un_agreement"], expected)


def test_agreement_above_one_stops(tmp_path):
    make(tmp_path, GOOD + [["4", "703", "70", "80", "0.1", "-1", "KGZ", "Kyrgyzstan", "0.3", "1.5", "0.8"]])
    with pytest.raises(DataError) as err:
        unga_ideal_points.parse(tmp_path)
    assert all(s in str(err.value) for s in (FILE, "row 5", "'RUSSAgree'", "above the maximum 1", "'1.5'"))


def test_zero_votes_stops(tmp_path):
    make(tmp_path, GOOD + [["4", "703", "70", "0", "0.1", "-1", "KGZ", "Kyrgyzstan", "0.3", "0.5", "0.8"]])
    with pytest.raises(DataError, match=r"row 5, field 'NVotesAll': below the minimum 1"):
        unga_ideal_points.parse(tmp_path)


def test_unknown_cow_code_names_the_row(tmp_path):
    make(tmp_path, GOOD + [["4", "999", "70", "80", "0.1", "-1", "XXX", "Atlantis", "0.3", "0.5", "0.8"]])
    with pytest.raises(UnknownCountryError) as err:
        unga_ideal_points.parse(tmp_path)
    assert FILE in str(err.value) and "row 5" in str(err.value) and "'999'" in str(err.value)


def test_iso3c_disagreeing_with_the_cow_code_stops(tmp_path):
    make(tmp_path, GOOD + [["4", "703", "70", "80", "0.1", "-1", "KAZ", "Kyrgyzstan", "0.3", "0.5", "0.8"]])
    with pytest.raises(DataError, match=r"row 5, field 'iso3c': iso3c 'KAZ' disagrees with COW code 703"):
        unga_ideal_points.parse(tmp_path)
