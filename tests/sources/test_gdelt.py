"""gdelt: monthly and annual composite scores, checked against the raw derived files."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd
import pytest
from politics_files import csv_text, raw_rows, reorder, write

from multipolar.countries import FOCUS
from multipolar.errors import DataError, UnknownCountryError
from multipolar.schema import spec
from multipolar.sources import gdelt

MONTHLY, ANNUAL, COUNTRIES = "gdelt_edge_monthly_CHN_RUS.csv", "gdelt_edge_annual_allpairs.csv.gz", \
    "country_codes_clean.csv"


@pytest.fixture(scope="module")
def parsed(data_dir):
    return gdelt.parse(data_dir)["events"]


@pytest.fixture(scope="module")
def raw_monthly(data_dir):
    return raw_rows(data_dir / "gdelt_dyads" / MONTHLY)


@pytest.fixture(scope="module")
def raw_annual(data_dir):
    return raw_rows(data_dir / "gdelt_dyads" / ANNUAL)


def test_store_accepts_the_table(parsed):
    from multipolar.store.tables import validate

    assert validate(parsed, spec("events")).num_rows == len(parsed)


def test_monthly_rows_match_the_raw_file(parsed, raw_monthly):
    # PROVENANCE.txt: 23,421 rows, 201801..202402; the China-Russia pair is listed under both powers.
    assert len(raw_monthly) == 23421
    monthly = parsed[parsed["source"] == "gdelt_monthly"].set_index(["actor", "target", "period"])["score"]
    both = [r for r in raw_monthly if {r["source"], r["partner"]} == {"CHN", "RUS"}]
    assert len(monthly) == len(raw_monthly) - len(both) // 2
    for r in raw_monthly:
        period = f"{r['month'][:4]}-{r['month'][4:]}"
        actor, target = ("CHN", "RUS") if {r["source"], r["partner"]} == {"CHN", "RUS"} else (r["source"],
                                                                                                r["partner"])
        assert monthly.loc[(actor, target, period)] == float(r["edge_sum"])
    assert (min(monthly.index.get_level_values("period")), max(monthly.index.get_level_values("period"))) == \
        ("2018-01", "2024-02")


def test_annual_score_is_the_sum_of_the_months(parsed, raw_monthly):
    annual = parsed[parsed["source"] == "gdelt_annual"].set_index(["actor", "target", "period"])["score"]
    sums = defaultdict(float)
    for r in raw_monthly:
        sums[(r["source"], r["partner"], r["month"][:4])] += float(r["edge_sum"])
    for partner in ("KAZ", "KGZ", "TJK", "UZB", "IND", "IRN"):
        for power in ("CHN", "RUS"):
            for year in ("2018", "2021", "2023", "2024"):
                assert annual.loc[(power, partner, year)] == pytest.approx(sums[(power, partner, year)], rel=1e-9)


def test_annual_rows_are_the_raw_pairs_with_a_focus_state(parsed, raw_annual):
    annual = parsed[parsed["source"] == "gdelt_annual"]
    expected = {(frozenset((r["iso3_a"], r["iso3_b"])), r["year"]): float(r["edge_sum"]) for r in raw_annual
                if r["iso3_a"] in FOCUS or r["iso3_b"] in FOCUS}
    got = {(frozenset((r.actor, r.target)), r.period): r.score for r in annual.itertuples()}
    assert got == expected
    assert {"2018", "2024"} <= set(annual["period"])


def test_orientation_puts_the_power_first_else_alphabetical(parsed):
    annual = parsed[parsed["source"] == "gdelt_annual"]
    with_power = annual["actor"].isin(["CHN", "RUS"]) | annual["target"].isin(["CHN", "RUS"])
    assert annual.loc[with_power, "actor"].isin(["CHN", "RUS"]).all()
    assert not ((annual["actor"] == "RUS") & (annual["target"] == "CHN")).any()
    rest = annual[~with_power]
    assert (rest["actor"] < rest["target"]).all() and len(rest) > 1000
    assert not parsed["directed"].any() and parsed["verbal_coop"].isna().all()


def test_partial_2024_is_stated():
    assert any("2024" in c and "23 February" in c and "partial" in c for c in gdelt.ORIGIN.caveats)


def test_every_code_is_in_the_tab_separated_country_list(parsed, data_dir):
    listed = {r["Alpha3_code"].strip() for r in raw_rows(data_dir / "gdelt_dyads" / COUNTRIES, delimiter="\t")}
    assert len(listed) == 249
    assert set(parsed["actor"]) | set(parsed["target"]) <= listed


# --- small files written by the tests ------------------------------------------------------------------------------

M_HEADER = ["month", "source", "partner", "edge_sum", "days_nonzero", "edge_pos_days", "edge_neg_days"]
M_GOOD = [["202301", "CHN", "KAZ", "10.5", "3", "3", "0"], ["202301", "CHN", "RUS", "7", "2", "2", "0"],
          ["202301", "RUS", "CHN", "7", "2", "2", "0"], ["202302", "RUS", "KAZ", "-2.25", "1", "0", "1"]]
A_HEADER = ["year", "iso3_a", "iso3_b", "edge_sum"]
A_GOOD = [["2023", "KAZ", "CHN", "100"], ["2023", "USA", "FRA", "5"], ["2023", "UZB", "AFG", "3"]]
COUNTRY_LIST = "Country_name\tOfficial_state_name\tAlpha3_code\n" + "".join(
    f"{c} x \tThe {c}\t{c}\n" for c in ("AFG", "CHN", "FRA", "KAZ", "RUS", "USA", "UZB", "IND"))


def make(tmp_path, monthly=None, annual=None, *, monthly_text=None, annual_text=None):
    base = tmp_path / "gdelt_dyads"
    write(base / MONTHLY, monthly_text if monthly_text is not None else csv_text(M_HEADER, monthly or M_GOOD))
    write(base / ANNUAL, annual_text if annual_text is not None else csv_text(A_HEADER, annual or A_GOOD))
    write(base / COUNTRIES, COUNTRY_LIST)
    return base


def test_small_files(tmp_path):
    make(tmp_path)
    out = gdelt.parse(tmp_path)["events"]
    assert out[["actor", "target", "period", "source", "score"]].values.tolist() == [
        ["CHN", "KAZ", "2023-01", "gdelt_monthly", 10.5], ["CHN", "RUS", "2023-01", "gdelt_monthly", 7.0],
        ["RUS", "KAZ", "2023-02", "gdelt_monthly", -2.25],
        ["CHN", "KAZ", "2023", "gdelt_annual", 100.0], ["AFG", "UZB", "2023", "gdelt_annual", 3.0]]


def test_reordered_columns_give_the_same_rows(tmp_path):
    make(tmp_path)
    expected = gdelt.parse(tmp_path)["events"]
    make(tmp_path, monthly_text=reorder(csv_text(M_HEADER, M_GOOD)), annual_text=reorder(csv_text(A_HEADER, A_GOOD)))
    pd.testing.assert_frame_equal(gdelt.parse(tmp_path)["events"], expected)


def test_month_out_of_range_stops(tmp_path):
    make(tmp_path, M_GOOD + [["202313", "CHN", "IND", "1", "1", "1", "0"]])
    with pytest.raises(DataError) as err:
        gdelt.parse(tmp_path)
    assert all(s in str(err.value) for s in (MONTHLY, "row 6", "'month'", "not a month YYYYMM", "'202313'"))


def test_power_other_than_china_or_russia_stops(tmp_path):
    make(tmp_path, M_GOOD + [["202301", "USA", "IND", "1", "1", "1", "0"]])
    with pytest.raises(DataError, match=r"row 6, field 'source': 'USA' is not one of \['CHN', 'RUS'\]"):
        gdelt.parse(tmp_path)


def test_unequal_china_russia_rows_stop(tmp_path):
    make(tmp_path, [M_GOOD[0], M_GOOD[1], ["202301", "RUS", "CHN", "8", "2", "2", "0"]])
    with pytest.raises(DataError, match=r"CHN-RUS pair has two different scores in 2023-01"):
        gdelt.parse(tmp_path)


def test_unknown_code_names_the_row(tmp_path):
    make(tmp_path, annual=A_GOOD + [["2023", "KAZ", "ZZZ", "4"]])
    with pytest.raises(UnknownCountryError) as err:
        gdelt.parse(tmp_path)
    assert all(s in str(err.value) for s in (ANNUAL, "row 5", "'iso3_b'", "'ZZZ'"))


def test_code_missing_from_the_country_list_stops(tmp_path):
    make(tmp_path, annual=A_GOOD + [["2023", "KAZ", "DEU", "4"]])
    with pytest.raises(UnknownCountryError, match=r"row 5, field 'iso3_b \(not in country_codes_clean.csv\)'"):
        gdelt.parse(tmp_path)


def test_non_number_score_stops(tmp_path):
    make(tmp_path, annual=A_GOOD + [["2023", "KAZ", "IND", "inf"]])
    with pytest.raises(DataError, match=r"row 5, field 'edge_sum': not a number: 'inf'"):
        gdelt.parse(tmp_path)
