"""Truthful readings (issue 9) on the real pack: own- and partner-reported DOTS crossovers against both sheets of the
IMF's workbooks, every quality flag on the real cases the issue names, the no-clear-lead rule, the composite's fixed
component sets, the junior-partner series and AidData's two amounts. Expected values are computed here from the raw
files (openpyxl, csv), never from the package."""

from __future__ import annotations

import csv
import json

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from multipolar.cli import app
from multipolar.indicators import INDICATORS, MissingTableError, compute, crossover, leads, quality

from . import dots_workbooks
from .conftest import need, need_source, one

CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
# The rule's threshold on 0-1 shares (leads.py: "a gap below 2 points ... is no clear lead").
THRESHOLD = 0.02


@pytest.fixture(scope="module")
def workbooks(data_dir):
    folder = data_dir / "imf_dots" / "raw_xlsx"
    if not (folder / dots_workbooks.FILES["KAZ"]).exists():
        pytest.skip(f"{folder} lacks the DOTS workbooks")
    return folder


@pytest.fixture(scope="module")
def trade_pack(pack):
    need_source(pack, "trade_flows", "imf_dots")
    return pack


@pytest.fixture(scope="module")
def ca_trade(trade_pack):
    return crossover(region="central-asia", dimensions="trade")


def _side(lead: float) -> int:
    return 0 if abs(lead) < THRESHOLD else (1 if lead > 0 else -1)


def test_threshold_is_the_documented_rule():
    assert leads.SHARE.absolute == THRESHOLD and leads.rule_for("trade_share") is leads.SHARE


# --- own-reported and partner-reported DOTS views --------------------------------------------------------------------

@pytest.mark.parametrize("country", CENTRAL_ASIA)
@pytest.mark.parametrize("view", ["own", "mirror"])
def test_dots_crossover_matches_both_sheets_of_the_workbooks(workbooks, ca_trade, country, view):
    """first_year, held, latest year and lead, China's current run and the latest leader's run, computed from the
    workbooks: own view = the state's exports (FOB) and its own imports (CIF); mirror = China's and Russia's
    reports (their imports from it, their exports to it) over the IMF World reporter's rows."""
    shares = dots_workbooks.turnover_shares(workbooks, country, view)
    years = sorted(shares)
    lead = {y: shares[y][0] - shares[y][1] for y in years}
    side = {y: _side(lead[y]) for y in years}
    first = next((y for y in years if side[y] == 1), None)
    latest = years[-1]

    def run_start(test):
        start = None
        for y in reversed(years):
            if not test(side[y]):
                break
            start = y
        return start

    row = one(ca_trade, country=country, source="imf_dots" if view == "own" else "mirror:imf_dots")
    assert row["measure"] == "trade_share:turnover"  # both views have both flows now
    assert (row["first_compared"], row["latest_year"], row["n_years"]) == (years[0], latest, len(years))
    assert (None if pd.isna(row["first_year"]) else row["first_year"]) == first
    if first is not None:
        assert bool(row["held"]) is all(side[y] == 1 for y in years if y > first)
    assert row["latest_lead"] == pytest.approx(lead[latest], rel=1e-9)
    assert row["leader_since"] == run_start(lambda s: s == side[latest])
    since = run_start(lambda s: s == 1) if side[latest] == 1 else None
    assert (None if pd.isna(row["since_year"]) else row["since_year"]) == since
    # The leader: the latest year's side, unless another source shows the other power clearly ahead that year
    # (the other DOTS view, read from the workbooks too, is one of them).
    other = dots_workbooks.turnover_shares(workbooks, country, "mirror" if view == "own" else "own")
    if side[latest] == 0:
        assert row["leader"] == "no clear lead"
    elif latest in other and _side(other[latest][0] - other[latest][1]) == -side[latest]:
        assert row["leader"] == "no clear lead" and "within the spread of the sources" in row["note"]
    else:
        assert row["leader"] in (leads.name_of(side[latest]), "no clear lead")


def test_own_reports_say_what_the_issue_says(workbooks, trade_pack):
    # Issue 9: "By the states' own reports China is never ahead for TJK, ahead for KGZ only 2016-19, for KAZ only
    # 2010 and 2012" (turnover shares, strictly ahead, from 1994).
    expected = {"TJK": set(), "KGZ": set(range(2016, 2020)), "KAZ": {2010, 2012}}
    for country, years in expected.items():
        shares = dots_workbooks.turnover_shares(workbooks, country, "own")
        raw = {y for y, (c, r) in shares.items() if y >= 1994 and c > r}
        assert raw == years, country
        s = compute("trade_share", country=country, partner=["CHN", "RUS"], source="imf_dots", flow="turnover",
                    years="1994-2020")
        wide = s.pivot(index="year", columns="partner", values="value")
        assert set(wide.index[wide["CHN"] > wide["RUS"]]) == years, country


def test_reporting_gap_2019_matches_the_workbooks(workbooks, trade_pack):
    # Issue 9: "In 2019 China reported exporting 1.95x (KAZ), 3.64x (KGZ) and 2.66x (TJK) what those states
    # recorded as imports from China".
    stated = {"KAZ": 1.95, "KGZ": 3.64, "TJK": 2.66}
    g = compute("reporting_gap", country=list(stated), partner="CHN", years=2019, flow="import", source="imf_dots")
    for country, ratio in stated.items():
        china = dots_workbooks.value(workbooks, "CHN", country, "export", 2019)
        own = dots_workbooks.value(workbooks, country, "CHN", "import", 2019)
        assert round(china / own, 2) == ratio
        row = one(g, country=country)
        assert row["value"] == pytest.approx(china / own, rel=1e-9)
        assert row["own_reported"] == pytest.approx(own * 1e6) and row["partner_reported"] == pytest.approx(china * 1e6)
        assert (row["own_valuation"], row["partner_valuation"]) == ("CIF", "FOB")


def test_cli_crossover_json_has_both_dots_views_with_leader_and_quality(trade_pack):
    result = CliRunner().invoke(app, ["crossover", "--region", "central-asia", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    for country in CENTRAL_ASIA:
        sources = {r["source"] for r in rows if r["country"] == country and r["dimension"] == "trade"}
        assert {"imf_dots", "mirror:imf_dots", "reconciled"} <= sources
    for r in rows:
        assert r["leader"] in leads.LEADERS and isinstance(r["quality"], str)
        quality.combine(r["quality"])  # every flag from the vocabulary


# --- the reconciled view never splices silently -----------------------------------------------------------------------

def test_kazakhstan_switch_to_national_statistics_is_flagged(data_dir, trade_pack):
    need_source(trade_pack, "trade_flows", "national_kz")
    # The Bureau's workbooks start with 2018 (sheet '12_2018' of the 2019 workbook): the first national year.
    files = sorted((data_dir / "national_stats" / "kazakhstan").glob("kz_foreign_trade_by_country_*.xls"))
    first_national = int(files[0].stem[-4:]) - 1
    assert first_national == 2018
    s = compute("trade_share", country="KAZ", partner="CHN", source="reconciled", flow="turnover",
                years=f"{first_national - 1}-{first_national + 1}")
    before, at, after = (one(s, year=y) for y in (first_national - 1, first_national, first_national + 1))
    assert before["basis"] == "imf_dots" and at["basis"] == after["basis"] == "national_kz"
    assert "source_switch" in quality.split(at["quality"])
    assert "source_switch" not in quality.split(before["quality"]) + quality.split(after["quality"])
    c = crossover(countries="KAZ", dimensions="trade")
    rec = one(c, source="reconciled")
    assert rec["view"] == "national_kz" and rec["first_compared"] == first_national
    assert "source_switch" in quality.split(rec["quality"])
    assert rec["first_year"] == one(c, source="national_kz")["first_year"]


def test_uzbekistan_switch_is_not_read_as_a_reversal(trade_pack):
    need_source(trade_pack, "trade_flows", "national_uz")
    c = crossover(countries="UZB", dimensions="trade")
    rec, nat = one(c, source="reconciled"), one(c, source="national_uz")
    # read within Uzbekistan's own statistics (2010 on) only: the same turning points as that view
    assert rec["view"] == "national_uz" and rec["first_compared"] == nat["first_compared"] == 2010
    for column in ("first_year", "since_year", "leader_since", "latest_year"):
        assert (pd.isna(rec[column]) and pd.isna(nat[column])) or rec[column] == nat[column], column
    assert "source_switch" in quality.split(rec["quality"])
    assert "switch of view is never read as a change of leader" in rec["note"]


# --- quality flags on the issue's real cases --------------------------------------------------------------------------

def test_imputed_uzbekistan_dots_shares(workbooks, trade_pack):
    # Uzbekistan's DOTS export shares (partner / World) are identical to 8 digits 2006-2015.
    exports = dots_workbooks.sheet(workbooks, "UZB", "export")
    share = {y: exports["China, P.R.: Mainland"][y][0] / exports["World"][y][0] for y in range(2005, 2021)}
    assert all(abs(share[y] / share[y + 1] - 1) < 5e-8 for y in range(2006, 2015))
    assert abs(share[2015] / share[2016] - 1) > 0.1
    s = compute("trade_share", country="UZB", partner=["CHN", "RUS"], source="imf_dots", flow="export",
                years="2006-2020")
    for row in s.itertuples():
        assert ("imputed" in quality.split(row.quality)) is (row.year <= 2015), (row.partner, row.year)
    assert not s["is_estimate"].any()  # not an IMF estimate: only the flag tells


def test_estimate_iran(data_dir, trade_pack):
    # Iran's DOTS cells are IMF estimates (' e'): e.g. its 2019 exports to China.
    book = openpyxl.load_workbook(data_dir / "imf_dots" / "raw_xlsx" / "DOTS_95.xlsx", read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    col = next(i for i, v in enumerate(rows[6]) if v == "2019")
    cell = next(r[col] for r in rows if r[1] == "China, P.R.: Mainland")
    assert str(cell).endswith(" e")
    row = one(compute("trade_value", country="IRN", partner="CHN", years=2019, source="imf_dots", flow="export"),
              year=2019)
    assert "estimate" in quality.split(row["quality"])


def test_partial_year_gdelt_2024(data_dir, pack):
    need_source(pack, "events", "gdelt_annual")
    with open(data_dir / "gdelt_dyads" / "gdelt_edge_monthly_CHN_RUS.csv", encoding="utf-8", newline="") as fh:
        months = {r["month"][4:] for r in csv.DictReader(fh) if r["month"].startswith("2024")}
    assert months == {"01", "02"}
    e = compute("event_balance", country="KAZ", partner=["CHN", "RUS"], years="2023-2024")
    for row in e.itertuples():
        expected = f"partial_year:{len(months)}m" if row.year == 2024 else ""
        assert row.quality == expected, (row.source, row.year)
    c = crossover(countries="KAZ", dimensions="diplomacy")
    for source in ("gdelt_annual", "gdelt_monthly"):
        row = one(c, source=source)
        assert row["latest_year"] == 2023 and "2024 covers 2 months only: not compared as a year" in row["note"]


def test_partial_year_armenia_2023(data_dir, pack):
    need_source(pack, "trade_flows", "national_am")
    with open(data_dir / "national_stats" / "armenia" / "armenia_data.csv", encoding="utf-8", newline="") as fh:
        periods = {r["timeperiod"].strip() for r in csv.DictReader(fh) if r["year"].strip() == "2023"}
    assert periods == {"1", "Year"}  # the 'Year' row of 2023 covers January only
    s = compute("trade_share", country="ARM", partner=["CHN", "RUS"], source="national_am", years="2022-2023")
    for row in s.itertuples():
        assert ("partial_year:1m" in quality.split(row.quality)) is (row.year == 2023)
    c = crossover(countries="ARM", dimensions="trade")
    row = one(c, source="national_am")
    assert row["latest_year"] == 2022 and "2023 covers 1 month only: not compared as a year" in row["note"]


def test_preliminary_kyrgyz_2023_imports(data_dir, pack):
    need_source(pack, "trade_flows", "national_kg")
    sheet = openpyxl.load_workbook(data_dir / "national_stats" / "kyrgyzstan" /
                                   "kg_4.03.00.20_imports_geographic_distribution.xlsx").worksheets[0]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    # footnote 1 of the 2023 column: preliminary data
    assert "2023 1" in texts and "1 Предварительные данные" in texts
    v = compute("trade_value", country="KGZ", partner=["CHN", "RUS"], source="national_kg", flow="import",
                years="2022-2023")
    for row in v.itertuples():
        assert ("preliminary" in quality.split(row.quality)) is (row.year == 2023)


def test_coverage_kyrgyz_2021_exports(data_dir, pack):
    need_source(pack, "trade_flows", "national_kg")
    rows = list(openpyxl.load_workbook(data_dir / "national_stats" / "kyrgyzstan" /
                                       "kg_4.03.00.18_exports_geographic_distribution.xlsx",
                                       data_only=True).worksheets[0].iter_rows(values_only=True))
    col = {int(y): i for i, y in enumerate(rows[3]) if isinstance(y, (int, float))}

    def cell(label, year):
        return next(r[col[year]] for r in rows if r[2] and r[2].strip() == label)

    # the table's blocks (CIS, then the continents outside it) add up to the partners it lists
    blocks = ("CIS", "Europe", "Asia", "America", "Africa", "Australia and Oceania")
    listed = {y: sum(cell(b, y) for b in blocks) for y in (2021, 2022)}
    total = {y: cell("Total", y) for y in (2021, 2022)}
    russia = {y: cell("Russia", y) for y in (2021, 2022)}
    assert round(listed[2021] / total[2021], 2) == 0.60  # issue 9: "sum to 60% of the published total"
    s = compute("trade_share", country="KGZ", partner="RUS", source="national_kg", flow="export", years=2021)
    row = one(s, year=2021)
    assert row["value"] == pytest.approx(russia[2021] / total[2021], rel=1e-9)  # 14.3%
    assert round(russia[2021] / listed[2021], 3) == 0.239  # 23.9% of the listed partners
    assert row["coverage"] == pytest.approx(listed[2021] / total[2021], abs=1e-3)
    assert "coverage:60%" in quality.split(row["quality"])
    # growth in share 2021 -> 2022 reads x3.3 against the total, x2.0 against the listed partners; flagged
    g = one(compute("trade_growth", country="KGZ", partner="RUS", source="national_kg", flow="export",
                    base_year=2021, year=2022, measure="share"), year=2022)
    assert round(g["value"], 1) == round((russia[2022] / total[2022]) / (russia[2021] / total[2021]), 1) == 3.3
    assert round((russia[2022] / listed[2022]) / (russia[2021] / listed[2021]), 1) == 2.0
    assert "coverage:60%" in quality.split(g["quality"])


def test_coverage_uzbek_2023_exports(data_dir, pack):
    need_source(pack, "trade_flows", "national_uz")
    with open(data_dir / "national_stats" / "uzbekistan" / "sdmx_data_1105.csv", encoding="utf-8-sig",
              newline="") as fh:
        rows = list(csv.DictReader(fh))
    total = sum(float(r["2023"]) for r in rows if r["2023"])
    other = next(float(r["2023"]) for r in rows if r["Klassifikator_en"] == "Other countries")
    assert round(other / total, 2) == 0.42  # issue 9: "Uzbek exports are 42% 'Other countries' in 2023"
    s = compute("trade_share", country="UZB", partner="CHN", source="national_uz", flow="export", years=2023)
    assert f"coverage:{round((1 - other / total) * 100)}%" in quality.split(one(s, year=2023)["quality"])


def test_implausible_imf_estimates_for_russia_and_uzbekistan(data_dir, pack):
    need_source(pack, "trade_flows", "imf_imts")
    need_source(pack, "trade_flows", "national_uz")
    with open(data_dir / "imf_imts_russia" / "RU_trade.csv", encoding="utf-8-sig", newline="") as fh:
        imts = next(r for r in csv.DictReader(fh) if r["COUNTERPART_COUNTRY.ID"] == "UZB"
                    and r["INDICATOR.ID"] == "XG_FOB_USD")
    with open(data_dir / "national_stats" / "uzbekistan" / "sdmx_data_1176.csv", encoding="utf-8-sig",
              newline="") as fh:
        uzb = next(r for r in csv.DictReader(fh) if r["Klassifikator_en"] == "Russia")
    estimate = {y: float(imts[str(y)]) * 1e6 for y in (2022, 2023)}  # million USD
    own = {y: float(uzb[str(y)]) * 1e3 for y in (2022, 2023)}  # thousand USD
    # the IMF's estimate jumps x3.7 in one year; Uzbekistan's own imports from Russia do not
    assert round(estimate[2023] / estimate[2022], 1) == 3.7 and own[2023] / own[2022] < 1.1
    v = compute("trade_value", country="RUS", partner="UZB", source="imf_imts", flow="export", years="2022-2023")
    for year in (2022, 2023):
        flags = quality.split(one(v, year=year)["quality"])
        assert "estimate" in flags
        assert ("implausible" in flags) is (max(estimate[year] / own[year], own[year] / estimate[year])
                                            > quality.IMPLAUSIBLE_FACTOR), year
    assert "implausible" in quality.split(one(v, year=2023)["quality"])


# --- the no-clear-lead rule on the issue's near-ties ------------------------------------------------------------------

def test_near_tie_in_un_agreement_is_no_clear_lead(data_dir, pack):
    need(pack, "un_agreement")
    # Issue 9: "73.8 vs 72.9 UN agreement" — Belarus, session 78 (2023), published agreement scores
    with open(data_dir / "unga_ideal_points" / "IdealpointestimatesAll_Jun2024.csv", encoding="utf-8",
              newline="") as fh:
        raw = next(r for r in csv.DictReader(fh) if r["iso3c"] == "BLR" and r["session"] == "78")
    china, russia = float(raw["ChinaAgree"]), float(raw["RUSSAgree"])
    assert (round(china * 100, 1), round(russia * 100, 1)) == (73.8, 72.9)
    row = one(crossover(countries="BLR", dimensions="diplomacy"), source="bsv_idealpoints")
    assert row["latest_year"] == 2023 and row["latest_lead"] == pytest.approx(china - russia, abs=1e-6)
    assert row["leader"] == "no clear lead" and leads.leader(china, russia) == "no clear lead"


def test_near_tie_in_arms_shares_is_no_clear_lead(pack):
    need(pack, "arms_transfers")
    # Issue 9: "0.0% vs 0.4% arms share" — Turkmenistan's 5-year arms imports, 2023
    row = one(crossover(countries="TKM", dimensions="security"), source="sipri_at")
    assert round(row["china_latest"] * 100, 1) == 0.0 and round(row["russia_latest"] * 100, 1) == 0.4
    assert row["leader"] == "no clear lead"


def test_latest_values_carry_their_own_flags_not_those_of_the_lead_s_first_year(data_dir, pack):
    """The raw SIPRI register starts with deliveries in 2000 (its header), so a 5-year window ending before 2004
    holds fewer years (partial_window) and one ending in 2023 does not: the reading's `quality` keeps the flags of
    the year the lead began, `latest_quality` those of the latest year's values only."""
    need(pack, "arms_transfers")
    header = (data_dir / "sipri_arms_transfers" / "trade_2023.csv").read_text(encoding="utf-8", errors="replace")[:400]
    assert "year range '2000'" in header
    row = one(crossover(countries="PAK", dimensions="security"), source="sipri_at")
    assert row["latest_year"] == 2023 and "partial_window" not in row["latest_quality"]
    if row["leader_since"] < 2000 + 4:
        assert f"partial_window:{row['leader_since'] - 2000 + 1}y" in row["quality"]


# --- the composite index ----------------------------------------------------------------------------------------------

def test_iran_composite_2021_2023_has_no_zero_from_a_missing_component(pack):
    need(pack, "trade_flows", "arms_transfers", "alliances", "shared_igos", "un_agreement")
    result = CliRunner().invoke(app, ["indicator", "influence_score", "--country", "IRN", "--partner", "CHN",
                                      "--years", "2021-2023", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["year"] for r in rows] == [2021, 2022, 2023]
    for r in rows:
        assert r["value"] > 0 and r["bandwidth"] > 0 and r["dependence"] > 0
        # every component of the fixed set has a value (observed or carried, and then flagged)
        for component in r["components"].split(","):
            assert r[f"x_{component}"] is not None, (r["year"], component)
        carried = dict(item.split("=") for item in r["carried"].split(",") if item)
        for component, year in carried.items():
            assert f"carried_forward:{component}={year}" in quality.split(r["quality"])
        # trade (IMF estimates for Iran, to 2020) is carried, not dropped
        assert "trade" in r["components"].split(",") and "trade" in carried


def test_composite_component_set_never_changes_mid_series(pack):
    need(pack, "trade_flows", "arms_transfers", "alliances", "shared_igos", "un_agreement")
    s = compute("influence_score")
    sets = s.groupby("country")["components"].nunique()
    assert (sets == 1).all(), sets[sets > 1]
    for component in ("trade", "arms", "alliance", "igo", "un"):
        inset = s["components"].str.split(",").map(lambda c, name=component: name in c)
        assert s.loc[inset, f"x_{component}"].notna().all(), component
    assert (s["value"] > 0).all() or s.loc[s["value"] == 0, "x_trade"].eq(0).all()
    assert INDICATORS["influence_score"].unit == "index 0-1 (not a percentage)"


# --- junior partner, AidData, finance rows ----------------------------------------------------------------------------

def test_junior_partner_series_runs_to_2024(data_dir, pack):
    need_source(pack, "trade_flows", "imf_imts")
    with open(data_dir / "imf_imts_russia" / "RU_trade.csv", encoding="utf-8-sig", newline="") as fh:
        cells = {(r["COUNTERPART_COUNTRY.ID"], r["INDICATOR.ID"]): r for r in csv.DictReader(fh)}
    china = sum(float(cells[("CHN", i)]["2024"]) for i in ("XG_FOB_USD", "MG_CIF_USD"))
    world = sum(float(cells[("G001", i)]["2024"]) for i in ("XG_FOB_USD", "MG_CIF_USD"))
    a = compute("dependence_asymmetry", country="RUS", partner="CHN", flow="turnover", source="imf_imts")
    assert a["year"].max() == 2024
    row = one(a, year=2024)
    assert row["country_share"] == pytest.approx(china / world, rel=1e-9)
    assert pd.isna(row["partner_share"]) and pd.isna(row["value"])  # Russia's share of China's trade: none here
    assert "estimate" in quality.split(row["quality"])


def test_aiddata_face_value_and_adjusted_amounts(data_dir, pack):
    need(pack, "development_finance")
    with open(data_dir / "aiddata_chinese_finance" / "cow_gcdf.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))

    def amounts(ccode, year):
        row = next(r for r in rows if r["ccode"] == ccode and r["year"] == str(year))
        face = sum(float(row[f"{c}_amt"] or 0) for c in ("oda", "oof", "vof"))
        adjusted = sum(float(row[f"{c}_adj"] or 0) for c in ("oda", "oof", "vof"))
        return face, adjusted

    face, adjusted = amounts("770", 2021)  # Pakistan (COW 770)
    f = compute("finance_commitments", country="PAK", years=2021)
    row = one(f, year=2021)
    assert row["face_value"] == pytest.approx(face) and row["adjusted"] == pytest.approx(adjusted)
    assert row["amount"] == "face_value" and row["value"] == pytest.approx(face)
    a = one(compute("finance_commitments", country="PAK", years=2021, amount="adjusted"), year=2021)
    assert a["amount"] == "adjusted" and a["value"] == pytest.approx(adjusted)
    # rank among every recipient with a recorded commitment that year (a row of zeros records none), by the amount
    year_rows = [r for r in rows if r["year"] == "2021"
                 and any(float(r[f"{c}_{k}"] or 0) > 0 for c in ("oda", "oof", "vof") for k in ("amt", "adj"))]
    faces = sorted((sum(float(r[f"{c}_amt"] or 0) for c in ("oda", "oof", "vof")) for r in year_rows), reverse=True)
    assert row["rank"] == 1 + sum(1 for v in faces if v > face) and row["n_recipients"] == len(year_rows)


def test_finance_row_shows_china_lending_and_rank(pack):
    need(pack, "development_finance")
    row = one(crossover(countries="KAZ", dimensions="finance"), source="aiddata_gcdf3")
    assert row["quality"] == "no_comparison" and row["leader"] == "no clear lead"
    f = compute("finance_commitments", country="KAZ", partner="CHN")
    last = f.sort_values("year").iloc[-1]
    assert row["china_latest"] == pytest.approx(last["value"])
    assert f"rank {int(last['rank'])} of {int(last['n_recipients'])} recipients" in row["note"]


# --- every frame carries its flags ------------------------------------------------------------------------------------

def test_every_indicator_has_a_quality_column():
    for ind in INDICATORS.values():
        assert ind.columns[-1] == "quality" or "quality" in ind.columns, ind.name


@pytest.mark.parametrize("name", sorted(INDICATORS))
def test_quality_values_are_strings_from_the_vocabulary(pack, name):
    need(pack, *[t for t in INDICATORS[name].inputs if t in ("trade_flows", "events")])
    try:
        # Kazakhstan's rows where the indicator has a country column; product-level ones have exporter/partner.
        columns = INDICATORS[name].columns
        filters = {"country": "KAZ"} if "country" in columns else {"partner": "KAZ"} if "partner" in columns else {}
        frame = compute(name, **filters)
    except MissingTableError as exc:
        pytest.skip(f"{name}: {exc}")
    assert not frame.empty
    assert "quality" in frame.columns
    assert frame["quality"].notna().all()
    for value in frame["quality"].unique():
        assert quality.combine(value) == value  # known flags, each once, alphabetical


def test_quality_texts_and_merging():
    assert quality.flag_text("partial_year:2m").startswith("covers 2 months of the year only")
    assert quality.flag_text("coverage:60%").startswith("the partner countries listed add up to 60% of the total")
    assert "factor of 2" in quality.flag_text("implausible")
    assert quality.combine("estimate; coverage:51%", "coverage:45%; imputed", "") == \
        "coverage:45%; estimate; imputed"
    assert quality.combine("carried_forward:igo=2014", "carried_forward:igo=2012") == "carried_forward:igo=2012"
    with pytest.raises(ValueError, match="unknown quality flag 'guess'"):
        quality.combine("guess")
    assert [v["flag"] for v in quality.vocabulary()] == [
        "estimate", "imputed", "partial_year:2m", "preliminary", "coverage:60%", "source_switch", "implausible",
        "partial_window:2y", "carried_forward:igo=2014", "no_comparison"]


def test_lead_rule_per_unit():
    assert leads.leader(0.738, 0.729) == "no clear lead"  # 0.9 points of agreement
    assert leads.leader(0.0, 0.004) == "no clear lead"  # 0.4 points of arms share
    assert leads.leader(0.25, 0.20) == "China" and leads.leader(0.20, 0.25) == "Russia"
    score = leads.rule_for("event_balance", "gdelt_annual")
    assert leads.leader(1050.0, 1000.0, score) == "no clear lead"  # under 10% of the larger value
    assert leads.leader(1200.0, 1000.0, score) == "China"
    assert leads.rule_for("event_balance", "icews") is leads.NET_SHARE
    assert leads.across_sources(["China", "no clear lead"]) == "China"
    assert leads.across_sources(["China", "Russia"]) == "no clear lead"
    assert leads.across_sources([]) == "no clear lead"
