"""sipri: arms deliveries summed to supplier, recipient and year, recomputed from the raw register."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd
import pytest
from politics_files import csv_text, raw_rows, reorder, write

from multipolar.errors import DataError, UnknownCountryError
from multipolar.schema import spec
from multipolar.sources import sipri
from multipolar.store.tables import validate

FILE = "trade_2023.csv"


@pytest.fixture(scope="module")
def parsed(data_dir):
    return sipri.parse(data_dir)["arms_transfers"]


@pytest.fixture(scope="module")
def raw(data_dir):
    return raw_rows(data_dir / "sipri_arms_transfers" / FILE, skip=11)


def test_store_accepts_the_table(parsed):
    assert validate(parsed, spec("arms_transfers")).num_rows == len(parsed)


def test_provenance_figures(raw):
    # PROVENANCE.txt: 20,480 delivery rows, delivery years 2000..2023.
    assert len(raw) == 20480
    years = {int(r["Delivery year"]) for r in raw}
    assert (min(years), max(years)) == (2000, 2023)


@pytest.mark.parametrize("supplier, recipient, iso", [("Russia", "Kazakhstan", ("RUS", "KAZ")),
                                                      ("China", "Pakistan", ("CHN", "PAK")),
                                                      ("Russia", "India", ("RUS", "IND"))])
def test_tiv_and_deals_recomputed_from_the_register(parsed, raw, supplier, recipient, iso):
    tiv, deals = defaultdict(float), defaultdict(set)
    for r in raw:
        if r["Supplier"] == supplier and r["Recipient"] == recipient and 2015 <= int(r["Delivery year"]) <= 2023:
            tiv[int(r["Delivery year"])] += float(r["TIV delivery values"])
            deals[int(r["Delivery year"])].add(r["SIPRI AT Database ID"])
    rows = parsed[(parsed["supplier"] == iso[0]) & (parsed["recipient"] == iso[1]) & (parsed["year"] >= 2015)]
    got = {int(r.year): (r.tiv, r.n_deals) for r in rows.itertuples()}
    assert got.keys() == tiv.keys() and len(got) >= 5
    for year in tiv:
        assert got[year][0] == pytest.approx(tiv[year], abs=1e-6)
        assert got[year][1] == len(deals[year])


def test_russia_to_kazakhstan_2015_2023_total(parsed, raw):
    expected = sum(float(r["TIV delivery values"]) for r in raw if r["Supplier"] == "Russia"
                   and r["Recipient"] == "Kazakhstan" and 2015 <= int(r["Delivery year"]) <= 2023)
    rows = parsed[(parsed["supplier"] == "RUS") & (parsed["recipient"] == "KAZ") & parsed["year"].between(2015, 2023)]
    assert rows["tiv"].sum() == pytest.approx(expected, abs=1e-6)
    assert expected > 1000


def test_skipped_non_state_tiv_is_what_origin_states(parsed, raw):
    def not_state(name):
        return "*" in name or name.startswith("unknown")

    skipped = [r for r in raw if not_state(r["Supplier"]) or not_state(r["Recipient"])]
    skipped_tiv = round(sum(float(r["TIV delivery values"]) for r in skipped), 2)
    assert (len(skipped), skipped_tiv) == (sipri.SKIPPED_ROWS, sipri.SKIPPED_TIV)
    assert any(f"{sipri.SKIPPED_ROWS} rows, {sipri.SKIPPED_TIV:,.2f} million TIV" in s for s in sipri.ORIGIN.steps)
    total = sum(float(r["TIV delivery values"]) for r in raw)
    assert parsed["tiv"].sum() + skipped_tiv == pytest.approx(total, abs=1e-3)


def test_every_starred_name_is_listed_and_skipped(raw):
    from multipolar.countries import read_mapping

    mapping = read_mapping("sipri")
    starred = {n for r in raw for n in (r["Supplier"], r["Recipient"]) if "*" in n or n.startswith("unknown")}
    assert starred <= set(mapping) and all(mapping[n] == "" for n in starred)
    for example in ("Houthi rebels (Yemen)*", "NATO**", "African Union**", "unknown supplier(s)"):
        assert example in starred


def test_licence_says_only_aggregates_ship(parsed):
    licence = sipri.ORIGIN.licence
    assert "aggregates" in licence and "not" in licence and "SIPRI" in licence
    assert list(parsed.columns) == spec("arms_transfers").columns   # no designation, description or order data


# --- small files written by the tests ------------------------------------------------------------------------------

PREAMBLE = "".join(f"preamble line {i}\n" for i in range(1, 10)) + "\nSource: SIPRI Arms Transfers Database\n"
HEADER = ["SIPRI AT Database ID", "Supplier", "Recipient", "Designation", "Description", "Armament category",
          "Order date", "Order date is estimate", "Numbers delivered", "Numbers delivered is estimate",
          "Delivery year", "Delivery year is estimate", "Status", "SIPRI estimate", "TIV deal unit",
          "TIV delivery values", "Local production"]


def row(deal, supplier, recipient, year, tiv):
    return [deal, supplier, recipient, "X-1", "thing", "Aircraft", "2010", "No", "1", "No", year, "No", "New",
            "1", "1", tiv, "No"]


GOOD = [row(1, "Russia", "Kazakhstan", 2016, "10"), row(1, "Russia", "Kazakhstan", 2017, "2.5"),
        row(2, "Russia", "Kazakhstan", 2016, "0.25"), row(3, "Russia", "NATO**", 2016, "4"),
        row(4, "UAE", "Egypt", 2020, "1")]


def make(tmp_path, rows=None, text=None, encoding="utf-8"):
    text = text if text is not None else PREAMBLE + csv_text(HEADER, rows)
    return write(tmp_path / "sipri_arms_transfers" / FILE, text, encoding=encoding)


def test_small_file_sums_and_counts(tmp_path):
    make(tmp_path, GOOD)
    out = sipri.parse(tmp_path)["arms_transfers"]
    assert out[["supplier", "recipient", "year", "tiv", "n_deals"]].values.tolist() == [
        ["ARE", "EGY", 2020, 1.0, 1], ["RUS", "KAZ", 2016, 10.25, 2], ["RUS", "KAZ", 2017, 2.5, 1]]


def test_reordered_columns_give_the_same_rows(tmp_path):
    make(tmp_path, GOOD)
    expected = sipri.parse(tmp_path)["arms_transfers"]
    make(tmp_path, text=PREAMBLE + reorder(csv_text(HEADER, GOOD)))
    pd.testing.assert_frame_equal(sipri.parse(tmp_path)["arms_transfers"], expected)


def test_negative_tiv_stops(tmp_path):
    make(tmp_path, GOOD + [row(5, "China", "Pakistan", 2018, "-3")])
    with pytest.raises(DataError) as err:
        sipri.parse(tmp_path)
    message = str(err.value)
    # 11 preamble lines + header: the sixth data row is line 18.
    assert all(s in message for s in (FILE, "row 18", "'TIV delivery values'", "below the minimum 0", "'-3'"))


def test_unknown_country_names_the_row(tmp_path):
    make(tmp_path, GOOD + [row(5, "Atlantis", "Pakistan", 2018, "3")])
    with pytest.raises(UnknownCountryError) as err:
        sipri.parse(tmp_path)
    assert all(s in str(err.value) for s in (FILE, "row 18", "'Supplier'", "'Atlantis'"))


def test_unlisted_non_state_actor_is_not_guessed_as_its_country(tmp_path):
    # country_converter would read 'Chad' in the brackets; a starred name must be listed in mappings/sipri.csv.
    make(tmp_path, GOOD + [row(5, "Russia", "New rebels (Chad)*", 2018, "3")])
    with pytest.raises(UnknownCountryError, match=r"row 18, field 'Recipient'.*'New rebels \(Chad\)\*'"):
        sipri.parse(tmp_path)


def test_delivery_year_out_of_range_stops(tmp_path):
    make(tmp_path, GOOD + [row(5, "China", "Pakistan", "20188", "3")])
    with pytest.raises(DataError, match=r"row 18, field 'Delivery year': above the maximum 20\d\d"):
        sipri.parse(tmp_path)


def test_missing_preamble_is_reported(tmp_path):
    make(tmp_path, text=csv_text(HEADER, GOOD * 4))
    with pytest.raises(DataError, match=r"row 12: missing columns \['SIPRI AT Database ID', 'Supplier'"):
        sipri.parse(tmp_path)
