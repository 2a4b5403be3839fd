"""Trade indicator formulas on small synthetic tables, on every backend: views, shares, ranks, HHI, growth,
asymmetry; expected values worked out by hand in each test."""

from __future__ import annotations

import pytest

from multipolar.indicators import expression

from .conftest import one


def tf(reporter, partner, year, flow, source, value, **extra):
    return dict(reporter=reporter, partner=partner, year=year, flow=flow, source=source, value_usd=value, **extra)


# A small world: Kazakhstan reports its exports to DOTS (and, in 2019, its imports CIF) and to its own statistics
# (both flows); China and Russia report exports (and China its imports from Kazakhstan) to DOTS; the IMF's World
# row gives the mirror totals.
ROWS = [
    tf("KAZ", "CHN", 2019, "export", "imf_dots", 10.0), tf("KAZ", "RUS", 2019, "export", "imf_dots", 20.0),
    tf("KAZ", "DEU", 2019, "export", "imf_dots", 30.0), tf("KAZ", "WLD", 2019, "export", "imf_dots", 100.0),
    tf("KAZ", "EUU", 2019, "export", "imf_dots", 35.0),
    tf("CHN", "KAZ", 2019, "export", "imf_dots", 30.0), tf("RUS", "KAZ", 2019, "export", "imf_dots", 25.0),
    tf("WLD", "KAZ", 2019, "export", "imf_dots", 80.0),
    tf("KAZ", "CHN", 2018, "export", "imf_dots", 5.0), tf("KAZ", "WLD", 2018, "export", "imf_dots", 90.0),
    # DOTS imports CIF: Kazakhstan's own (from China 24, world 85) and China's from Kazakhstan (12); the World row
    tf("KAZ", "CHN", 2019, "import", "imf_dots", 24.0, basis="CIF"),
    tf("KAZ", "WLD", 2019, "import", "imf_dots", 85.0, basis="CIF"),
    tf("CHN", "KAZ", 2019, "import", "imf_dots", 12.0, basis="CIF"),
    tf("WLD", "KAZ", 2019, "import", "imf_dots", 95.0, basis="CIF"),
    tf("KAZ", "CHN", 2019, "export", "national_kz", 11.0), tf("KAZ", "CHN", 2019, "import", "national_kz", 28.0),
    tf("KAZ", "RUS", 2019, "export", "national_kz", 21.0), tf("KAZ", "RUS", 2019, "import", "national_kz", 24.0),
    tf("KAZ", "WLD", 2019, "export", "national_kz", 101.0), tf("KAZ", "WLD", 2019, "import", "national_kz", 79.0),
    # exports only in 2020: no turnover row may appear for 2020
    tf("KAZ", "CHN", 2020, "export", "national_kz", 12.0), tf("KAZ", "WLD", 2020, "export", "national_kz", 110.0),
    # a value not in USD (null) gives no row
    tf("KAZ", "CHN", 2019, "export", "eurostat_x", None),
]
COUNTRIES = ["KAZ", "CHN", "RUS"]


def q(ctx, name, **filters):
    frame = expression(name, ctx, **filters).to_pandas()
    return frame.sort_values(list(frame.columns[:5])).reset_index(drop=True)


@pytest.fixture
def ctx(make_ctx):
    return make_ctx({"trade_flows": ROWS}, countries=COUNTRIES)


def test_own_view_share_and_turnover(ctx):
    s = q(ctx, "trade_share", country="KAZ")
    # national_kz 2019: China 11 of 101 exports, 28 of 79 imports, (11 + 28) of (101 + 79) turnover
    assert one(s, partner="CHN", year=2019, flow="export", source="national_kz")["value"] == pytest.approx(11 / 101)
    assert one(s, partner="CHN", year=2019, flow="import", source="national_kz")["value"] == pytest.approx(28 / 79)
    assert one(s, partner="CHN", year=2019, flow="turnover", source="national_kz")["value"] == \
        pytest.approx((11 + 28) / (101 + 79))
    # 2020 has exports only: turnover needs both flows, so no row (never one flow alone)
    assert s[(s.year == 2020) & (s.flow == "turnover")].empty
    # the EU is a partner like any other in shares: 35 of 100
    assert one(s, partner="EUU", year=2019, flow="export", source="imf_dots")["value"] == pytest.approx(0.35)
    # the null (non-USD) value gives no row and no label
    assert "eurostat_x" not in set(s.source)


def test_mirror_view_and_dots_turnover(ctx):
    v = q(ctx, "trade_value", country="KAZ")
    # Kazakhstan's imports from China as China reports its exports to Kazakhstan (FOB)
    row = one(v, partner="CHN", year=2019, flow="import", source="mirror:imf_dots")
    assert row["value"] == 30.0 and row["valuation"] == "FOB"
    # its exports to China as China reports its imports from Kazakhstan (CIF): the mirror is partners' reports only
    row = one(v, partner="CHN", year=2019, flow="export", source="mirror:imf_dots")
    assert row["value"] == 12.0 and row["valuation"] == "CIF"
    # mirror turnover = both of China's reports (12 + 30), never Kazakhstan's own exports
    row = one(v, partner="CHN", year=2019, flow="turnover", source="mirror:imf_dots")
    assert row["value"] == 12.0 + 30.0
    assert row["basis"] == "mirror:imf_dots" and row["valuation"] == "CIF+FOB"
    # own DOTS view: Kazakhstan's exports FOB (10) + its own imports CIF (24)
    row = one(v, partner="CHN", year=2019, flow="turnover", source="imf_dots")
    assert row["value"] == 10.0 + 24.0 and row["valuation"] == "FOB+CIF"
    # Russia reports no imports from Kazakhstan: no mirror export, so no mirror turnover (never one flow alone)
    assert v[(v.source == "mirror:imf_dots") & (v.partner == "RUS") & (v.flow != "import")].empty
    s = q(ctx, "trade_share", country="KAZ", source="mirror:imf_dots")
    # mirror totals = the IMF's World rows: imports 80 (World's exports to KAZ), exports 95 (World's imports)
    assert one(s, partner="CHN", year=2019, flow="import")["value"] == pytest.approx(30 / 80)
    assert one(s, partner="CHN", year=2019, flow="export")["value"] == pytest.approx(12 / 95)
    assert one(s, partner="CHN", year=2019, flow="turnover")["value"] == pytest.approx((12 + 30) / (95 + 80))


def test_reporting_gap(ctx):
    g = q(ctx, "reporting_gap", country="KAZ", partner="CHN")
    # imports: China reports exporting 30 (FOB), Kazakhstan records imports of 24 (CIF): 30 / 24
    row = one(g, year=2019, flow="import", source="imf_dots")
    assert row["value"] == pytest.approx(30 / 24)
    assert (row["own_reported"], row["partner_reported"]) == (24.0, 30.0)
    assert (row["own_valuation"], row["partner_valuation"]) == ("CIF", "FOB")
    assert row["difference"] == pytest.approx(6.0) and row["partner_source"] == "imf_dots"
    # exports: China's imports from Kazakhstan 12 (CIF) against Kazakhstan's exports 10 (FOB)
    row = one(g, year=2019, flow="export", source="imf_dots")
    assert row["value"] == pytest.approx(12 / 10)
    assert (row["own_valuation"], row["partner_valuation"]) == ("FOB", "CIF")
    # turnover: (12 + 30) / (10 + 24)
    assert one(g, year=2019, flow="turnover", source="imf_dots")["value"] == pytest.approx(42 / 34)
    # 2018: Kazakhstan's export of 5 has no partner report: no row; no gap for a country with itself
    assert g[g.year == 2018].empty
    assert set(g.source) == {"imf_dots"}


def test_mirror_total_is_sum_of_partners_without_world_row(make_ctx):
    rows = [r for r in ROWS if r["reporter"] != "WLD"]
    ctx = make_ctx({"trade_flows": rows}, countries=COUNTRIES)
    s = q(ctx, "trade_share", country="KAZ", source="mirror:imf_dots", flow="import")
    # without the IMF World row, the total is China's 30 + Russia's 25 reported exports to Kazakhstan
    row = one(s, partner="CHN", year=2019)
    assert row["total_value"] == 55.0
    assert "sum of partners' reports" in row["basis"]


def test_reconciled_prefers_national_statistics_then_falls_back(ctx):
    v = q(ctx, "trade_value", country="KAZ", source="reconciled")
    # 2019 exports: national_kz has a world total, so it wins over imf_dots (11, not 10)
    assert one(v, partner="CHN", year=2019, flow="export")["value"] == 11.0
    assert one(v, partner="CHN", year=2019, flow="export")["basis"] == "national_kz"
    # 2018: only DOTS reports, so DOTS
    assert one(v, partner="CHN", year=2018, flow="export")["basis"] == "imf_dots"
    s = q(ctx, "trade_share", country="KAZ", source="reconciled", flow="turnover")
    assert one(s, partner="CHN", year=2019)["value"] == pytest.approx((11 + 28) / (101 + 79))


def test_reconciled_uses_mirror_imports_where_no_own_imports(make_ctx):
    rows = [r for r in ROWS if r["source"] != "national_kz" and not (r["reporter"] == "KAZ" and r["flow"] == "import")]
    ctx = make_ctx({"trade_flows": rows}, countries=COUNTRIES)
    s = q(ctx, "trade_share", country="KAZ", source="reconciled", flow="turnover")
    row = one(s, partner="CHN", year=2019)
    # exports from Kazakhstan's DOTS report, imports from China's: (10 + 30) / (100 + 80)
    assert row["value"] == pytest.approx(40 / 180)
    assert row["basis"] == "export: imf_dots; import: mirror:imf_dots"


def test_total_from_sum_of_many_partners_only(make_ctx):
    # 60 partners of 1.0 each and no world row: the sum (60) stands in as total, said so in basis
    many = [tf("UZB", f"P{i:02d}", 2019, "export", "national_uz", 1.0) for i in range(59)]
    many = [dict(r, partner=code) for r, code in zip(many, _iso3_codes(59))]
    many.append(tf("UZB", "CHN", 2019, "export", "national_uz", 1.0))
    few = [tf("RUS", "CHN", 2019, "export", "russia_fcs_monthly", 5.0),
           tf("RUS", "KAZ", 2019, "export", "russia_fcs_monthly", 5.0)]
    ctx = make_ctx({"trade_flows": many + few}, countries=["UZB", "RUS", "CHN", "KAZ"])
    s = q(ctx, "trade_share", partner="CHN")
    row = one(s, country="UZB", source="national_uz")
    assert row["value"] == pytest.approx(1 / 60)
    assert "sum of listed partners" in row["basis"]
    # two partners listed are no world total: no share
    assert s[s.source == "russia_fcs_monthly"].empty


def _iso3_codes(n):
    import country_converter as coco

    codes = [c for c in coco.CountryConverter().data["ISO3"].tolist() if c not in ("UZB", "CHN")]
    return sorted(codes)[:n]


def test_partner_rank_ties_and_aggregates(make_ctx):
    rows = [tf("KAZ", "CHN", 2019, "export", "s", 50.0), tf("KAZ", "RUS", 2019, "export", "s", 50.0),
            tf("KAZ", "DEU", 2019, "export", "s", 20.0), tf("KAZ", "WLD", 2019, "export", "s", 200.0),
            tf("KAZ", "EUU", 2019, "export", "s", 90.0)]
    ctx = make_ctx({"trade_flows": rows}, countries=COUNTRIES)
    r = q(ctx, "partner_rank", country="KAZ", source="s")
    # ties share the better rank; WLD and EUU are not ranked; 3 partner countries
    assert dict(zip(r.partner, r.value)) == {"CHN": 1, "RUS": 1, "DEU": 3}
    assert set(r.n_partners) == {3}
    top = q(ctx, "top_partner", country="KAZ", source="s")
    # tie broken by ISO3 code: CHN before RUS; share = 50 / 200
    assert one(top, year=2019)["partner"] == "CHN"
    assert one(top, year=2019)["value"] == pytest.approx(0.25)


def test_hhi(make_ctx):
    rows = [tf("KAZ", "CHN", 2019, "export", "s", 60.0), tf("KAZ", "RUS", 2019, "export", "s", 30.0),
            tf("KAZ", "DEU", 2019, "export", "s", 10.0), tf("KAZ", "WLD", 2019, "export", "s", 125.0),
            tf("KAZ", "CHN", 2020, "export", "s", 5.0)]
    ctx = make_ctx({"trade_flows": rows}, countries=COUNTRIES)
    h = q(ctx, "trade_hhi", country="KAZ", source="s")
    row = one(h, year=2019)
    # shares of the listed partners: 0.6, 0.3, 0.1 -> 0.36 + 0.09 + 0.01
    assert row["value"] == pytest.approx(0.36 + 0.09 + 0.01)
    assert row["n_partners"] == 3
    assert row["coverage"] == pytest.approx(100 / 125)
    # a single partner: HHI 1, no world total: coverage unknown
    row = one(h, year=2020)
    assert row["value"] == pytest.approx(1.0)
    assert row["coverage"] != row["coverage"]  # NaN


def test_growth_pairs_and_basis_switch(ctx):
    g = q(ctx, "trade_growth", country="KAZ", partner="CHN", source="imf_dots", flow="export",
          base_year=2018, year=2019)
    row = one(g, year=2019)
    assert row["value"] == pytest.approx(10 / 5)
    assert row["pct"] == pytest.approx(100.0)
    # year over year by default
    g = q(ctx, "trade_growth", country="KAZ", partner="WLD", source="imf_dots", flow="export")
    assert one(g, year=2019)["value"] == pytest.approx(100 / 90)
    # reconciled switches from imf_dots (2018) to national_kz (2019): no multiple across two views
    g = q(ctx, "trade_growth", country="KAZ", partner="CHN", source="reconciled", flow="export", base_year=2018)
    assert g[g.year == 2019].empty
    # growth of a share
    g = q(ctx, "trade_growth", country="KAZ", partner="CHN", source="imf_dots", flow="export", measure="share",
          base_year=2018, year=2019)
    assert one(g, year=2019)["value"] == pytest.approx((10 / 100) / (5 / 90))


def test_dependence_asymmetry(make_ctx):
    # Russia: 40 of its 100 exports go to China; China: 20 of its 1000 exports go to Russia (both DOTS)
    rows = [tf("RUS", "CHN", 2019, "export", "imf_dots", 40.0), tf("RUS", "WLD", 2019, "export", "imf_dots", 100.0),
            tf("CHN", "RUS", 2019, "export", "imf_dots", 20.0), tf("CHN", "WLD", 2019, "export", "imf_dots", 1000.0)]
    ctx = make_ctx({"trade_flows": rows}, countries=COUNTRIES)
    a = q(ctx, "dependence_asymmetry", country="RUS", partner="CHN", source="imf_dots", flow="export")
    row = one(a, year=2019)
    assert row["country_share"] == pytest.approx(0.4)
    assert row["partner_share"] == pytest.approx(0.02)
    assert row["value"] == pytest.approx(0.4 / 0.02)  # Russia 20x more dependent on China than China on Russia
    assert row["difference"] == pytest.approx(0.38)


def test_no_year_filled(ctx):
    # imf_dots has 2018 and 2019 only: asking for 2017-2020 gives those two years, nothing invented
    s = q(ctx, "trade_share", country="KAZ", partner="CHN", source="imf_dots", flow="export", years="2017-2020")
    assert sorted(s.year) == [2018, 2019]


def test_partial_years_and_estimates_carried(make_ctx):
    rows = [tf("KAZ", "CHN", 2023, "export", "s", 5.0, months=6, is_estimate=True),
            tf("KAZ", "WLD", 2023, "export", "s", 50.0, months=6)]
    ctx = make_ctx({"trade_flows": rows}, countries=COUNTRIES)
    s = q(ctx, "trade_share", country="KAZ", source="s")
    row = one(s, partner="CHN")
    assert row["months"] == 6
    assert bool(row["is_estimate"]) is True
