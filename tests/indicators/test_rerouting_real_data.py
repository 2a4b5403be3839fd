"""Re-routing indicators on the data pack against the raw Eurostat CSVs read with independent pandas code, and
against the figures published in issue 13 (Jan-Nov 2022 vs Jan-Nov 2021, EU27 exports of the sanctioned CN8 codes).
"""

from __future__ import annotations

import pandas as pd
import pytest

from multipolar.indicators import compute

from .conftest import need, one

TIDY = "eurostat_sanctioned_cn8/eu_exports_cn_monthly_tidy.csv.gz"
NAMES = {"Armenia": "ARM", "Belarus (Belorussia)": "BLR", "Georgia": "GEO", "Kazakhstan": "KAZ",
         "Kyrgyzstan": "KGZ", "Russian Federation (Russia)": "RUS", "Uzbekistan": "UZB"}
# Issue 13 (from the raw CN8 rows): multiple Jan-Nov 2022 / Jan-Nov 2021, with the base and end values where given
# (EUR). The multiples are published to one decimal (RUS: two), the values to 0.1 m / 0.1 bn.
PUBLISHED = {"KGZ": (7.1, 70.1e6, 495.0e6), "ARM": (3.9, None, None), "KAZ": (2.2, None, None),
             "GEO": (2.2, None, None), "UZB": (1.8, None, None), "RUS": (0.41, 30.4e9, 12.6e9)}


@pytest.fixture(scope="module")
def raw(data_dir):
    """The tidy file: CN8 rows only (HS4 rows overlap them), partner as ISO3, year and month."""
    frame = pd.read_csv(data_dir / TIDY, dtype={"product_code": str, "value": float})
    frame = frame[frame["product_code"].str.len() == 8]
    return frame.assign(partner=frame["partner"].map(NAMES), year=frame["period"].str[:4].astype(int),
                        month=frame["period"].str[5:].astype(int))


@pytest.fixture(scope="module")
def growth(pack):
    need(pack, "product_trade")
    return compute("rerouting_growth", years=2022, pack=pack)


def test_issue_figures_from_the_raw_csv(growth, raw):
    jan_nov = raw[raw["month"] <= 11]
    sums = jan_nov.groupby(["partner", "year"])["value"].sum()
    for partner, (multiple, base, end) in PUBLISHED.items():
        row = one(growth, partner=partner)
        # the raw file, read independently
        assert row["base_value"] == pytest.approx(sums[(partner, 2021)], rel=1e-9)
        assert row["end_value"] == pytest.approx(sums[(partner, 2022)], rel=1e-9)
        # the issue's published figures
        assert row["value"] == pytest.approx(multiple, abs=0.05 if multiple >= 1 else 0.005)
        if base:
            tolerance = 0.05e6 if base < 1e9 else 0.05e9
            assert row["base_value"] == pytest.approx(base, abs=tolerance)
            assert row["end_value"] == pytest.approx(end, abs=tolerance)
        assert (row["months"], row["first_month"], row["last_month"]) == (11, 1, 11)
        assert row["quality"] == "partial_year:11m"
        assert row["source"] == "eurostat_sanctioned" and row["currency"] == "EUR"


def test_leakage_ratio_from_the_raw_csv(pack, raw):
    need(pack, "product_trade")
    lk = compute("rerouting_leakage", years=2022, pack=pack)
    row = one(lk, group="all")
    post = raw[(raw["month"] >= 3) & (raw["month"] <= 11)].groupby(["partner", "year"])["value"].sum()
    neighbours = ["ARM", "GEO", "KAZ", "KGZ", "UZB"]
    rise = sum(post[(p, 2022)] - post[(p, 2021)] for p in neighbours)
    fall = post[("RUS", 2021)] - post[("RUS", 2022)]
    assert row["rise"] == pytest.approx(rise, rel=1e-9) and row["fall"] == pytest.approx(fall, rel=1e-9)
    assert row["value"] == pytest.approx(rise / fall, rel=1e-9)
    assert row["quality"] == "partial_year:9m" and (row["first_month"], row["last_month"]) == (3, 11)


def test_leakage_by_product_carries_labels_and_adds_up(pack, raw):
    need(pack, "product_trade", "product_codes")
    by = compute("rerouting_leakage", years=2022, by="product", pack=pack)
    overall = one(compute("rerouting_leakage", years=2022, pack=pack), group="all")
    assert by["rise"].sum() == pytest.approx(overall["rise"], rel=1e-9)
    assert by["fall"].sum() == pytest.approx(overall["fall"], rel=1e-9)
    assert by["label"].notna().all()
    assert one(by, group="85423190")["label"].endswith("[85423190]")


def test_monthly_index_for_kyrgyzstan_from_the_raw_csv(pack, raw):
    need(pack, "product_trade")
    e = compute("rerouting_exports", partner="KGZ", years="2021-2022", pack=pack)
    kgz = raw[raw["partner"] == "KGZ"].groupby(["year", "month"])["value"].sum()
    baseline = kgz.loc[2021].mean()
    row = one(e, year=2022, month=10)
    assert row["value"] == pytest.approx(kgz[(2022, 10)], rel=1e-9)
    assert row["index"] == pytest.approx(kgz[(2022, 10)] / baseline * 100, rel=1e-9)
    assert row["yoy"] == pytest.approx(kgz[(2022, 10)] / kgz[(2021, 10)], rel=1e-9)


def test_control_against_the_raw_totals(pack, raw, data_dir):
    need(pack, "product_trade")
    c = compute("rerouting_exports", partner="KGZ", products="other", years=2022, pack=pack)
    totals = pd.read_csv(data_dir / "eurostat_totals" / "eu_exports_to_kyrgyzstan_monthly.csv")
    eu = totals[totals["REPORTER"].str.startswith("European Union - 27")]
    june = float(eu.loc[eu["PERIOD"].str.endswith("Jun. 2022"), "VALUE_IN_EUR"].iloc[0])
    sanctioned = raw[(raw["partner"] == "KGZ") & (raw["year"] == 2022) & (raw["month"] == 6)]["value"].sum()
    row = one(c, month=6)
    assert row["value"] == pytest.approx(june - sanctioned, rel=1e-9)
    assert row["source"] == "eurostat_comext minus eurostat_sanctioned"


def test_roundabout_shows_both_legs_with_their_flags(pack):
    need(pack, "product_trade", "trade_flows")
    r = compute("rerouting_roundabout", partner="KGZ", years=2022, pack=pack)
    eu = r[r.leg.str.startswith("EU exports")]
    assert len(eu) == 1 and eu.iloc[0]["value"] == pytest.approx(7.065, abs=0.001)
    russia = r[r.leg.str.startswith("partner's exports")]
    # Kyrgyzstan's own statistics are among the sources of the Russia leg, and every estimate says so
    assert "national_kg" in set(russia.source)
    imf = russia[russia.source == "mirror:imf_imts"]
    assert (imf.quality.str.contains("estimate")).all()
    assert set(r.unit) == {"EUR", "USD"}
