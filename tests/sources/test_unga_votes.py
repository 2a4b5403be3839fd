"""unga_votes: UN General Assembly votes and roll calls, checked against the raw unvotes files."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pandas as pd
import pytest
from politics_files import csv_text, raw_columns, raw_rows, reorder, write

from multipolar.errors import DataError, UnknownCountryError
from multipolar.schema import spec
from multipolar.sources import unga_votes
from multipolar.store.tables import validate


@pytest.fixture(scope="module")
def parsed(data_dir):
    return unga_votes.parse(data_dir)


@pytest.fixture(scope="module")
def raw_votes(data_dir):
    columns = ("rcid", "country", "country_code", "vote")
    rows = raw_columns(data_dir / "unga_votes" / "un_votes.csv.gz", *columns)
    return [dict(zip(columns, r)) for r in rows if r[1] in RAW_NAMES]


# The raw names the tests below look at (reading all 870k rows as dicts is slow).
RAW_NAMES = {"Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "China", "Russia"}


def test_store_accepts_both_tables(parsed):
    for name, frame in parsed.items():
        assert validate(frame, spec(name)).num_rows == len(frame) > 0


def test_vote_counts_match_the_raw_file_for_each_central_asian_state(parsed, raw_votes):
    code = {"yes": 1, "abstain": 2, "no": 3}
    votes = parsed["un_votes"]
    for name, iso3 in [("Kazakhstan", "KAZ"), ("Kyrgyzstan", "KGZ"), ("Tajikistan", "TJK"),
                       ("Turkmenistan", "TKM"), ("Uzbekistan", "UZB"), ("China", "CHN")]:
        expected = Counter(code[r["vote"]] for r in raw_votes if r["country"] == name)
        got = Counter(votes.loc[votes["country"] == iso3, "vote"].tolist())
        assert got == expected and sum(got.values()) > 1000, iso3


def test_individual_votes_match_the_raw_file(parsed, raw_votes):
    votes = parsed["un_votes"].set_index(["rcid", "country"])["vote"]
    code = {"yes": 1, "abstain": 2, "no": 3}
    kaz = [r for r in raw_votes if r["country_code"] == "KZ"]
    for r in kaz[::200]:
        assert votes.loc[(int(float(r["rcid"])), "KAZ")] == code[r["vote"]]


def test_ussr_votes_are_kept_as_russia(parsed, raw_votes):
    # unvotes labels the USSR's seat 'Russia' from 1946; the UN seat passed to the Russian Federation in 1991.
    russia = [r for r in raw_votes if r["country"] == "Russia"]
    assert len(russia) == 6145
    votes = parsed["un_votes"]
    assert (votes["country"] == "RUS").sum() == len(russia)
    calls = parsed["un_roll_calls"].set_index("rcid")
    rus = votes[votes["country"] == "RUS"]
    assert (calls.loc[rus["rcid"], "date"] < dt.date(1991, 12, 26)).sum() > 3000


def test_only_focus_states_china_and_russia_are_kept(parsed):
    from multipolar.countries import FOCUS, POWERS

    assert set(parsed["un_votes"]["country"]) <= set(FOCUS) | set(POWERS)
    assert {"CHN", "RUS", "KAZ", "IND", "IRN"} <= set(parsed["un_votes"]["country"])


def test_roll_calls_match_provenance_figures(parsed):
    # PROVENANCE.txt: 6,203 roll calls, sessions 1-74, dates 1946-01-01..2020-01-14; 5,745 issue rows.
    calls = parsed["un_roll_calls"]
    assert len(calls) == 6203
    assert (calls["session"].min(), calls["session"].max()) == (1, 74)
    assert (min(calls["date"]), max(calls["date"])) == (dt.date(1946, 1, 1), dt.date(2020, 1, 14))
    assert calls["issues"].dropna().str.split(",").map(len).sum() == 5745
    assert (calls["year"] == pd.to_datetime(calls["date"]).dt.year).all()


def test_roll_call_fields_match_the_raw_file(parsed, data_dir):
    raw = {int(r["rcid"]): r for r in raw_rows(data_dir / "unga_votes" / "un_roll_calls.csv.gz")}
    issues = {}
    for r in raw_rows(data_dir / "unga_votes" / "un_roll_call_issues.csv.gz"):
        issues.setdefault(int(r["rcid"]), set()).add(r["short_name"])
    for row in parsed["un_roll_calls"].itertuples():
        r = raw[row.rcid]
        assert row.session == int(float(r["session"]))
        assert str(row.date) == r["date"]
        assert row.unres == (r["unres"].strip() or None)
        assert row.short == (r["short"].strip() or None)
        assert row.important == {"1": True, "0": False, "": None}[r["importantvote"]]
        assert (set(row.issues.split(",")) if row.issues else set()) == issues.get(row.rcid, set())


def test_important_vote_is_null_only_where_not_coded(parsed):
    calls = parsed["un_roll_calls"]
    # importantvote is empty for the roll calls not yet (73-74) or not coded (some of 52-72): null, never False.
    missing = calls["important"].isna()
    assert calls.loc[calls["session"].isin([73, 74]), "important"].isna().all()
    assert calls.loc[missing, "session"].min() >= 52 and missing.sum() > 300


# --- small files written by the tests ------------------------------------------------------------------------------

VOTES_HEADER = ["rcid", "country", "country_code", "vote"]
CALLS = csv_text(["rcid", "session", "importantvote", "date", "unres", "amend", "para", "short", "descr"],
                 [[3, "1.0", "0", "1946-01-01", "R/1/66", "1", "0", "RULES", "x"],
                  [4, "1.0", "", "1946-01-02", "", "0", "0", "", "y"]])
ISSUES = csv_text(["rcid", "short_name", "issue"], [[3, "me", "Palestinian conflict"], [3, "hr", "Human rights"]])
GOOD_VOTES = [["3.0", "Russia", "RU", "yes"], ["3.0", "Kazakhstan", "KZ", "no"], ["4.0", "China", "CN", "abstain"],
              ["4.0", "Namibia", "NA", "yes"], ["4.0", "Czechoslovakia", "CS", "no"]]


def folder(tmp_path, votes=None, *, votes_text=None):
    base = tmp_path / "unga_votes"
    write(base / "un_roll_calls.csv.gz", CALLS)
    write(base / "un_roll_call_issues.csv.gz", ISSUES)
    write(base / "un_votes.csv.gz", votes_text if votes_text is not None else csv_text(VOTES_HEADER, votes))
    return base


def test_small_file_parses_with_namibia_na_and_historical_states(tmp_path):
    folder(tmp_path, GOOD_VOTES)
    out = unga_votes.parse(tmp_path)
    votes = out["un_votes"].sort_values(["rcid", "country"]).values.tolist()
    assert votes == [[3, "KAZ", 3, "unvotes"], [3, "RUS", 1, "unvotes"], [4, "CHN", 2, "unvotes"]]
    calls = out["un_roll_calls"].set_index("rcid")
    assert calls.loc[3, "issues"] == "hr,me" and calls.loc[4, "issues"] is None
    assert calls.loc[4, "important"] is None and calls.loc[4, "unres"] is None


def test_reordered_columns_give_the_same_rows(tmp_path):
    folder(tmp_path, GOOD_VOTES)
    expected = unga_votes.parse(tmp_path)
    folder(tmp_path, votes_text=reorder(csv_text(VOTES_HEADER, GOOD_VOTES)))
    write(tmp_path / "unga_votes" / "un_roll_calls.csv.gz", reorder(CALLS))
    got = unga_votes.parse(tmp_path)
    for name in expected:
        pd.testing.assert_frame_equal(got[name], expected[name])


def test_vote_out_of_range_names_file_row_and_value(tmp_path):
    folder(tmp_path, GOOD_VOTES[:2] + [["4.0", "China", "CN", "7"]])
    with pytest.raises(DataError) as err:
        unga_votes.parse(tmp_path)
    message = str(err.value)
    assert "un_votes.csv.gz" in message and "row 4" in message and "'vote'" in message and "'7'" in message


def test_unknown_country_names_file_row_and_name(tmp_path):
    folder(tmp_path, GOOD_VOTES + [["4.0", "Atlantis", "", "yes"]])
    with pytest.raises(UnknownCountryError) as err:
        unga_votes.parse(tmp_path)
    assert "un_votes.csv.gz" in str(err.value) and "row 7" in str(err.value) and "'Atlantis'" in str(err.value)


def test_iso2_code_disagreeing_with_the_name_stops(tmp_path):
    folder(tmp_path, GOOD_VOTES + [["4.0", "Kazakhstan", "KG", "yes"]])
    with pytest.raises(DataError, match=r"row 7.*'KG' does not match"):
        unga_votes.parse(tmp_path)


def test_vote_on_an_unknown_roll_call_stops(tmp_path):
    folder(tmp_path, GOOD_VOTES + [["99.0", "China", "CN", "yes"]])
    with pytest.raises(DataError, match=r"row 7.*roll call 99 is not in un_roll_calls"):
        unga_votes.parse(tmp_path)


def test_missing_column_is_named(tmp_path):
    folder(tmp_path, votes_text=csv_text(["rcid", "country", "country_code"], [["3.0", "China", "CN"]]))
    with pytest.raises(DataError, match=r"missing columns \['vote'\]"):
        unga_votes.parse(tmp_path)


def test_roll_calls_carry_their_tally_over_every_recorded_vote(parsed, data_dir):
    # The tally counts every state's recorded vote, also those the pack keeps no rows for.
    calls = parsed["un_roll_calls"].set_index("rcid")
    rows = raw_columns(data_dir / "unga_votes" / "un_votes.csv.gz", "rcid", "vote")
    for rcid in (5309, 5546, 6155):
        cast = [vote for r, vote in rows if int(float(r)) == rcid]
        assert [calls.loc[rcid, v] for v in ("yes", "abstain", "no")] == \
            [cast.count("yes"), cast.count("abstain"), cast.count("no")]
    # R/68/262 (27 March 2014), 'Territorial integrity of Ukraine': adopted 100-11 with 58 abstentions (UN press
    # release GA/11493, https://press.un.org/en/2014/ga11493.doc.htm)
    assert [calls.loc[5309, v] for v in ("yes", "no", "abstain")] == [100, 11, 58]
    assert "Territorial integrity of Ukraine" in calls.loc[5309, "descr"]


def test_small_file_tallies_count_states_the_pack_skips(tmp_path):
    folder(tmp_path, GOOD_VOTES)
    calls = unga_votes.parse(tmp_path)["un_roll_calls"].set_index("rcid")
    assert [calls.loc[3, v] for v in ("yes", "abstain", "no")] == [1, 0, 1]
    assert [calls.loc[4, v] for v in ("yes", "abstain", "no")] == [1, 1, 1]  # Czechoslovakia's 'no' counted
    assert calls.loc[3, "descr"] == "x"
