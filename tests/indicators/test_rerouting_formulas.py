"""Re-routing indicator formulas on small synthetic product_trade tables, on every backend: zero-filled monthly series,
index and same-month growth, same-months comparisons with partial years, code levels never mixed, the control
series, the leakage ratio and the annual (BACI-like) path; expected values worked out by hand in each test."""

from __future__ import annotations

import pytest

from multipolar.errors import UsageError
from multipolar.indicators import expression

from .conftest import one


def pt(partner, year, month, code, value, *, level=None, reporter="EUU", source="eurostat_sanctioned",
       sanctioned=None, tier=None, currency="EUR"):
    level = level or {8: "CN8", 6: "HS6", 4: "HS4"}.get(len(code), "TOTAL")
    return dict(reporter=reporter, partner=partner, flow="export", year=year, month=month, product_code=code,
                code_level=level, value=float(value), currency=currency, quantity=None,
                sanctioned=(level != "TOTAL") if sanctioned is None else sanctioned, chpl_tier=tier, source=source)


def months(partner, year, code, values, **kw):
    return [pt(partner, year, m, code, v, **kw) for m, v in enumerate(values, start=1) if v is not None]


# Two years of monthly data (2021 full, 2022 Jan-Apr): a CN8 code to KGZ and RUS, a CHPL-listed CN8 code to KGZ,
# an HS4 heading that contains them (never to be added to them), and the all-goods totals (another source).
ROWS = [
    *months("KGZ", 2021, "84713000", [10] * 12),
    *months("KGZ", 2022, "84713000", [10, 20, None, 40]),         # March: no row = no trade recorded
    *months("KGZ", 2021, "85423190", [2] * 12, tier="1"),
    *months("KGZ", 2022, "85423190", [2, 2, 6, 6], tier="1"),
    *months("RUS", 2021, "84713000", [100] * 12),
    *months("RUS", 2022, "84713000", [100, 100, 30, 20]),
    *months("KGZ", 2021, "8471", [999] * 12),
    *months("KGZ", 2022, "8471", [999] * 4),
    *months("KGZ", 2021, "TOTAL", [50] * 12, source="eurostat_comext"),
    *months("KGZ", 2022, "TOTAL", [50, 60, 70, 80], source="eurostat_comext"),
]


def q(ctx, name, **filters):
    return expression(name, ctx, **filters).to_pandas()


@pytest.fixture
def ctx(make_ctx):
    return make_ctx({"product_trade": ROWS})


def test_monthly_series_zero_filled_indexed_and_same_month_growth(ctx):
    e = q(ctx, "rerouting_exports", partner="KGZ")
    # CN8 only (the HS4 heading's 999 never added): 10 + 2 a month in 2021
    assert one(e, year=2021, month=6)["value"] == 12.0
    assert one(e, year=2022, month=2)["value"] == 22.0
    # March 2022 has a row for one code only: 0 + 6
    march = one(e, year=2022, month=3)
    assert march["value"] == 6.0
    # baseline = 2021's average month (12); index 50; same month a year earlier 12
    assert march["baseline"] == 12.0 and march["index"] == pytest.approx(50.0)
    assert march["yoy"] == pytest.approx(6 / 12)
    assert one(e, year=2021, month=1)["yoy"] != one(e, year=2021, month=1)["yoy"]  # no 2020: NaN
    # months the source does not cover are never filled: nothing after April 2022
    assert len(e[e.year == 2022]) == 4
    assert set(e.quality) == {""} and set(e.currency) == {"EUR"} and set(e.source) == {"eurostat_sanctioned"}


def test_same_months_a_year_earlier_with_partial_year_flag(ctx):
    g = q(ctx, "rerouting_growth", partner="KGZ", years=2022)
    row = one(g, partner="KGZ")
    # Jan-Apr 2022 (12 + 22 + 6 + 46) against Jan-Apr 2021 (4 x 12)
    assert row["base_value"] == 48.0 and row["end_value"] == 86.0
    assert row["value"] == pytest.approx(86 / 48) and row["pct"] == pytest.approx((86 / 48 - 1) * 100)
    assert (row["months"], row["first_month"], row["last_month"]) == (4, 1, 4)
    assert row["quality"] == "partial_year:4m"
    # from March on: (6 + 46) / 24
    post = one(q(ctx, "rerouting_growth", partner="KGZ", years=2022, from_month=3), partner="KGZ")
    assert post["value"] == pytest.approx(52 / 24) and post["quality"] == "partial_year:2m"


def test_chpl_set_level_choice_and_total(ctx):
    chpl = one(q(ctx, "rerouting_growth", partner="KGZ", years=2022, products="chpl"), partner="KGZ")
    assert chpl["end_value"] == 16.0 and chpl["base_value"] == 8.0
    hs4 = one(q(ctx, "rerouting_growth", partner="KGZ", years=2022, level="HS4"), partner="KGZ")
    assert hs4["end_value"] == 4 * 999.0 and hs4["code_level"] == "HS4"
    total = one(q(ctx, "rerouting_growth", partner="KGZ", years=2022, products="total"), partner="KGZ")
    assert total["end_value"] == 260.0 and total["source"] == "eurostat_comext"


def test_control_is_total_minus_sanctioned(ctx):
    c = q(ctx, "rerouting_exports", partner="KGZ", products="other", years=2022)
    # April 2022: 80 all goods minus 46 of sanctioned CN8 codes
    row = one(c, month=4)
    assert row["value"] == 34.0
    assert row["source"] == "eurostat_comext minus eurostat_sanctioned"
    # March: 70 - 6
    assert one(c, month=3)["value"] == 64.0


def test_leakage_ratio_overall_and_by_product(ctx):
    lk = q(ctx, "rerouting_leakage", years=2022, neighbours="KGZ")
    row = one(lk, group="all")
    # March-April: KGZ 52 now vs 24 a year earlier (+28); RUS 50 now vs 200 (-150)
    assert (row["neighbours_end"], row["neighbours_base"], row["rise"]) == (52.0, 24.0, 28.0)
    assert (row["target_base"], row["target_end"], row["fall"]) == (200.0, 50.0, 150.0)
    assert row["value"] == pytest.approx(28 / 150)
    assert row["quality"] == "partial_year:2m" and (row["first_month"], row["last_month"]) == (3, 4)
    by = q(ctx, "rerouting_leakage", years=2022, neighbours="KGZ", by="product")
    # 84713000: KGZ 40 vs 20 (+20), RUS 50 vs 200 (150): 20/150; 85423190: KGZ +8, RUS never bought it: no ratio
    assert one(by, group="84713000")["value"] == pytest.approx(20 / 150)
    cpu = one(by, group="85423190")
    assert cpu["rise"] == 8.0 and cpu["fall"] == 0.0 and cpu["value"] != cpu["value"]
    ch = q(ctx, "rerouting_leakage", years=2022, neighbours="KGZ", by="chapter")
    assert one(ch, group="84")["value"] == pytest.approx(20 / 150)


def test_panel_has_control_and_zero_filled_cells(ctx):
    p = q(ctx, "rerouting_panel", partner="KGZ")
    # 2 CN8 codes + the control, 16 months each
    assert len(p) == 3 * 16
    assert one(p, product_code="84713000", year=2022, month=3)["value"] == 0.0
    control = p[p.product_code == "OTHER"]
    assert not control.sanctioned.any() and p[p.product_code != "OTHER"].sanctioned.all()
    assert one(p, product_code="OTHER", year=2021, month=5)["value"] == 50.0 - 12.0


def test_annual_data_and_member_state_exporters(make_ctx):
    # BACI-like: annual rows (month null), HS6, USD, by member state
    rows = [pt("KGZ", 2021, None, "847130", 100, reporter="DEU", source="baci", currency="USD"),
            pt("KGZ", 2021, None, "847130", 50, reporter="FRA", source="baci", currency="USD"),
            pt("KGZ", 2022, None, "847130", 450, reporter="DEU", source="baci", currency="USD"),
            pt("KGZ", 2022, None, "847130", 999, reporter="USA", source="baci", currency="USD"),
            pt("RUS", 2021, None, "847130", 1000, reporter="DEU", source="baci", currency="USD"),
            pt("RUS", 2022, None, "847130", 100, reporter="DEU", source="baci", currency="USD")]
    ctx = make_ctx({"product_trade": rows})
    g = q(ctx, "rerouting_growth", exporters="EU27", level="HS6", years=2022)
    kgz = one(g, partner="KGZ")
    # DEU + FRA (the USA is not in the EU): 450 against 150, whole years, no partial flag
    assert kgz["value"] == pytest.approx(3.0) and kgz["months"] == 12 and kgz["quality"] == ""
    assert kgz["exporter"] == "EU27" and kgz["currency"] == "USD"
    lk = one(q(ctx, "rerouting_leakage", exporters="EU27", level="HS6", years=2022, neighbours="KGZ"), group="all")
    assert lk["value"] == pytest.approx(300 / 900)
    e = q(ctx, "rerouting_exports", exporters="EU27", level="HS6", partner="KGZ")
    assert one(e, year=2022)["index"] == pytest.approx(300.0)
    assert e.month.isna().all()


def test_invalid_choices_list_the_valid_ones(ctx):
    with pytest.raises(UsageError, match="valid choices: all, chpl, other, sanctioned, total"):
        expression("rerouting_growth", ctx, products="dual-use")
    with pytest.raises(UsageError, match="CN8, HS4, HS6"):
        expression("rerouting_growth", ctx, level="HS2")
    with pytest.raises(UsageError, match="EU27"):
        expression("rerouting_growth", ctx, exporters="Europe")
    with pytest.raises(UsageError, match="has no country column"):
        expression("rerouting_growth", ctx, country="KGZ")
    with pytest.raises(UsageError, match="chapter, product"):
        expression("rerouting_leakage", ctx, by="hs2")


def test_growth_against_a_fixed_base_year(make_ctx):
    # three years of the all-goods totals: 2021 full, 2022 full, 2023 Jan-Mar
    rows = [*months("KGZ", 2021, "TOTAL", [10] * 12, source="eurostat_comext"),
            *months("KGZ", 2022, "TOTAL", [20] * 12, source="eurostat_comext"),
            *months("KGZ", 2023, "TOTAL", [30, 30, 30], source="eurostat_comext")]
    ctx = make_ctx({"product_trade": rows})
    g = q(ctx, "rerouting_growth", products="total", base_year=2021)
    # 2022 against all of 2021; 2023 (Jan-Mar) against Jan-Mar 2021, flagged partial
    assert one(g, year=2022)["value"] == pytest.approx(2.0) and one(g, year=2022)["base_year"] == 2021
    row = one(g, year=2023)
    assert row["value"] == pytest.approx(3.0) and row["base_value"] == 30.0 and row["quality"] == "partial_year:3m"
    assert set(g.year) == {2022, 2023}
    # the default compares each year with the one before
    prev = one(q(ctx, "rerouting_growth", products="total", years=2023), year=2023)
    assert prev["base_year"] == 2022 and prev["value"] == pytest.approx(1.5)
