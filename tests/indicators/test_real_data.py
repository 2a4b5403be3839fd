"""Indicators on the real data pack against numbers computed here, by hand, from the raw files in the shared data
folder (or stated in their PROVENANCE files / the publications themselves). Skipped with the reason when the pack or
the raw data lack what a test needs."""

from __future__ import annotations

import csv
import gzip
from collections import defaultdict

import pytest

from multipolar.indicators import compute, crossover

from . import dots_workbooks
from .conftest import need, need_source, one

# DOTS partner labels that are groups, not countries (plus World and the EU), as they appear in the tidy CSV.
DOTS_GROUPS = {
    "World", "European Union", "Advanced Economies", "Africa", "Africa not specified", "Asia not specified",
    "Countries & Areas not specified", "Emerging Market and Developing Economies by Source of Export Earnings: Fuel",
    "Emerging Market and Developing Economies by Source of Export Earnings: Nonfuel", "Emerging and Developing Asia",
    "Emerging and Developing Economies", "Emerging and Developing Europe", "Euro Area", "Europe not specified",
    "Middle East", "Middle East and Central Asia", "Middle East and Central Asia not specified",
    "Other Countries not included elsewhere", "Special Categories", "Sub-Saharan Africa", "Western Hemisphere",
    "Western Hemisphere not specified", "South African Common Customs Area (SACCA)",
}
KAZ, CHN, RUS, WORLD = "Kazakhstan, Rep. of", "China, P.R.: Mainland", "Russian Federation", "World"


@pytest.fixture(scope="module")
def dots(data_dir):
    """{(reporter label, partner label, year): million USD} from the DOTS tidy CSV, for the rows tests use."""
    path = data_dir / "imf_dots" / "dots_exports_fob_tidy_1960_2020.csv.gz"
    if not path.exists():
        pytest.skip(f"{path} not found")
    keep = {KAZ, CHN, RUS, WORLD}
    out = {}
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["reporter"] in keep or row["partner"] in keep:
                out[(row["reporter"], row["partner"], int(row["year"]))] = float(row["exports_fob_usd_mn"])
    return out


@pytest.fixture(scope="module")
def pack_trade(pack):
    need_source(pack, "trade_flows", "imf_dots")
    return pack


def test_dots_export_share_by_hand(dots, pack_trade):
    # China's share of Kazakhstan's exports in 2019, as Kazakhstan reports to the IMF:
    # 7,823.406348 / 57,676.727675 million USD (KAZ -> China mainland / KAZ -> World)
    expected = dots[(KAZ, CHN, 2019)] / dots[(KAZ, WORLD, 2019)]
    assert expected == pytest.approx(7823.406348 / 57676.727675)
    s = compute("trade_share", country="KAZ", partner="CHN", years=2019, source="imf_dots", flow="export")
    assert one(s, year=2019)["value"] == pytest.approx(expected, rel=1e-9)
    assert one(s, year=2019)["partner_value"] == pytest.approx(7823.406348e6, rel=1e-9)


def test_dots_mirror_import_and_turnover_shares_by_hand(dots, pack_trade, data_dir):
    # Kazakhstan's imports from China as China reports them (12,806.97853 mn) over the IMF World row's exports to
    # Kazakhstan (43,225.379859 mn)
    imp = dots[(CHN, KAZ, 2019)] / dots[(WORLD, KAZ, 2019)]
    assert imp == pytest.approx(12806.97853 / 43225.379859)
    # mirror turnover: partners' reports only, both sheets of the workbooks: (China's imports from KAZ + China's
    # exports to KAZ) / (World's imports from KAZ + World's exports to KAZ)
    folder = data_dir / "imf_dots" / "raw_xlsx"
    turn = dots_workbooks.turnover_shares(folder, "KAZ", "mirror")[2019][0]
    s = compute("trade_share", country="KAZ", partner="CHN", years=2019, source="mirror:imf_dots")
    assert one(s, flow="import")["value"] == pytest.approx(imp, rel=1e-9)
    assert one(s, flow="turnover")["value"] == pytest.approx(turn, rel=1e-9)
    # own turnover: Kazakhstan's exports FOB and its own imports CIF
    own = dots_workbooks.turnover_shares(folder, "KAZ", "own")[2019][0]
    s = compute("trade_share", country="KAZ", partner="CHN", years=2019, source="imf_dots", flow="turnover")
    assert one(s, year=2019)["value"] == pytest.approx(own, rel=1e-9)
    # the reconciled view for 2019 takes Kazakhstan's own statistics when the pack has them, else its DOTS reports
    r = compute("trade_share", country="KAZ", partner="CHN", years=2019, source="reconciled", flow="turnover")
    assert one(r, year=2019)["basis"] in ("national_kz", "imf_dots")


def _dots_partners(dots, reporter, year):
    return {p: v for (r, p, y), v in dots.items() if r == reporter and y == year and p not in DOTS_GROUPS}


def test_dots_rank_and_hhi_by_hand(dots, pack_trade, data_dir):
    # all of Kazakhstan's 2019 DOTS export partners (the fixture only kept rows touching KAZ/CHN/RUS/World, which
    # includes every KAZ -> partner row)
    partners = _dots_partners(dots, KAZ, 2019)
    china = partners[CHN]
    rank = 1 + sum(1 for v in partners.values() if v > china)  # Italy's 8,373.7 mn is the only larger one
    assert rank == 2
    r = compute("partner_rank", country="KAZ", partner="CHN", years=2019, source="imf_dots", flow="export")
    assert one(r, year=2019)["value"] == rank
    total = sum(partners.values())
    hhi = sum((v / total) ** 2 for v in partners.values())
    h = compute("trade_hhi", country="KAZ", years=2019, source="imf_dots", flow="export")
    assert one(h, year=2019)["value"] == pytest.approx(hhi, rel=1e-6)
    assert one(h, year=2019)["n_partners"] == len([v for v in partners.values() if v > 0])
    top = compute("top_partner", country="KAZ", years=2019, source="imf_dots", flow="export")
    assert one(top, year=2019)["partner"] == "ITA"


def test_dots_growth_by_hand(dots, pack_trade):
    # China's exports to Kazakhstan, 2019 -> 2020 as China reports: 11,706.98856 / 12,806.97853
    g = compute("trade_growth", country="KAZ", partner="CHN", source="mirror:imf_dots", flow="import",
                base_year=2019, year=2020)
    expected = dots[(CHN, KAZ, 2020)] / dots[(CHN, KAZ, 2019)]
    assert one(g, year=2020)["value"] == pytest.approx(expected, rel=1e-9)
    assert one(g, year=2020)["pct"] == pytest.approx((expected - 1) * 100, rel=1e-9)


def test_dots_dependence_asymmetry_by_hand(dots, pack_trade):
    # How junior is Russia to China (2019, DOTS, exports as each reports them)?
    rus_on_chn = dots[(RUS, CHN, 2019)] / dots[(RUS, WORLD, 2019)]
    chn_on_rus = dots[(CHN, RUS, 2019)] / dots[(CHN, WORLD, 2019)]
    a = compute("dependence_asymmetry", country="RUS", partner="CHN", years=2019, source="imf_dots", flow="export")
    row = one(a, year=2019)
    assert row["country_share"] == pytest.approx(rus_on_chn, rel=1e-9)
    assert row["partner_share"] == pytest.approx(chn_on_rus, rel=1e-9)
    assert row["value"] == pytest.approx(rus_on_chn / chn_on_rus, rel=1e-9)
    assert row["value"] > 5  # China takes a far larger share of Russia's exports than Russia of China's


@pytest.fixture(scope="module")
def kz_published(data_dir):
    """China's and Russia's shares of Kazakhstan's turnover, per year: the partner's turnover over the total
    ("Всего" row), both in the Bureau of National Statistics workbooks (sheet named after the year, column
    "Товарооборот / Всего", thousand USD); 2018 from the 2019 workbook's sheet "12_2018" (whose published
    percentages have one decimal only, hence values rather than percentages)."""
    xlrd = pytest.importorskip("xlrd")
    folder = data_dir / "national_stats" / "kazakhstan"
    out = {}
    for year in range(2019, 2024):
        path = folder / f"kz_foreign_trade_by_country_{year}.xls"
        if not path.exists():
            pytest.skip(f"{path} not found")
        book = xlrd.open_workbook(path)
        for sheet_year in ([2018, 2019] if year == 2019 else [year]):
            sheet = next(s for s in book.sheets() if s.name.strip().endswith(str(sheet_year)))  # "12_2019", "2023"
            turnover = {}
            for r in range(sheet.nrows):
                row = sheet.row_values(r)
                label = str(row[0]).strip()
                if label in ("Китай", "Россия") or (label.startswith("Всего") and "total" not in turnover):
                    turnover["total" if label.startswith("Всего") else label] = float(row[1])
            out[sheet_year] = (turnover["Китай"] / turnover["total"], turnover["Россия"] / turnover["total"])
    return out


def test_national_kz_turnover_share_against_published(kz_published, pack):
    need_source(pack, "trade_flows", "national_kz")
    s = compute("trade_share", country="KAZ", partner=["CHN", "RUS"], source="national_kz", flow="turnover",
                years="2018-2023")
    for year, (china, russia) in kz_published.items():
        assert one(s, partner="CHN", year=year)["value"] == pytest.approx(china, rel=1e-6), year
        assert one(s, partner="RUS", year=year)["value"] == pytest.approx(russia, rel=1e-6), year


def test_national_kz_and_mirror_give_different_crossovers(kz_published, dots, pack):
    need_source(pack, "trade_flows", "national_kz")
    need_source(pack, "trade_flows", "imf_dots")
    first_published = min(y for y, (c, r) in kz_published.items() if c > r)  # 2023 in the 2018-2023 sheets
    c = crossover(countries="KAZ", dimensions="trade")
    own, mirror = one(c, source="national_kz"), one(c, source="mirror:imf_dots")
    assert own["first_year"] == first_published
    assert own["first_year"] != mirror["first_year"]  # both shown, each with its own year
    # 2018-2023 compared: China ahead in 2023 only, so since 2023; over the last 5 years (2023 - 5 = 2018) China's
    # lead moved by (2023 lead - 2018 lead)
    assert (own["first_compared"], own["latest_year"]) == (2018, 2023)
    lead = {y: china - russia for y, (china, russia) in kz_published.items()}
    assert own["leader_since"] == 2023
    assert own["lead_change"] == pytest.approx(lead[2023] - lead[2018], rel=1e-6)


def test_published_figures_kgz_rus(pack):
    need(pack, "trade_flows")
    # national_stats/PROVENANCE.txt: Kyrgyzstan's imports in 2023 from China 5,353,257 and from Russia 2,182,927
    # thousand USD (National Statistical Committee, table 4.03.00.20)
    need_source(pack, "trade_flows", "national_kg")
    v = compute("trade_value", country="KGZ", partner=["CHN", "RUS"], years=2023, source="national_kg",
                flow="import")
    assert one(v, partner="CHN")["value"] == pytest.approx(5_353_257e3, rel=1e-6)
    assert one(v, partner="RUS")["value"] == pytest.approx(2_182_927e3, rel=1e-6)


def test_published_figures_russia(pack):
    # russia_customs/PROVENANCE.txt (FCS via Rosstat, 94itog.xlsx): 2021 exports to Kazakhstan 18,496 mn USD,
    # imports from Kazakhstan 7,135 mn USD
    need_source(pack, "trade_flows", "russia_fcs")
    v = compute("trade_value", country="RUS", partner="KAZ", years=2021, source="russia_fcs")
    assert one(v, flow="export")["value"] == pytest.approx(18_496e6, rel=1e-3)
    assert one(v, flow="import")["value"] == pytest.approx(7_135e6, rel=1e-3)
    assert one(v, flow="turnover")["value"] == pytest.approx((18_496 + 7_135) * 1e6, rel=1e-3)
    # imf_imts_russia/PROVENANCE.txt: RUS exports to CHN 2021 68,423 mn, imports from CHN 72,686 mn (IMF IMTS);
    # seen from China (mirror:imf_imts) the same flows swap
    need_source(pack, "trade_flows", "imf_imts")
    m = compute("trade_value", country="CHN", partner="RUS", years=2021, source="mirror:imf_imts")
    assert one(m, flow="import")["value"] == pytest.approx(68_423e6, rel=1e-4)
    assert one(m, flow="export")["value"] == pytest.approx(72_686e6, rel=1e-4)
    # 2022-2024 IMTS values are IMF estimates, and the flag travels to the indicator
    e = compute("trade_value", country="RUS", partner="CHN", years=2023, source="imf_imts", flow="export")
    assert bool(one(e, year=2023)["is_estimate"]) is True


def test_arms_share_by_hand(pack, data_dir):
    need(pack, "arms_transfers")
    path = data_dir / "sipri_arms_transfers" / "trade_2023.csv"
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        lines = fh.read().splitlines()[11:]  # 11 preamble lines, then the header
    by_supplier = defaultdict(float)
    for row in csv.DictReader(lines):
        if row["Recipient"] == "Kazakhstan" and row["Delivery year"] in {str(y) for y in range(2019, 2024)}:
            by_supplier[row["Supplier"]] += float(row["TIV delivery values"] or 0)
    # Russia 845.2 of 898.87 million TIV delivered to Kazakhstan in 2019-2023
    expected = by_supplier["Russia"] / sum(by_supplier.values())
    assert expected == pytest.approx(845.2 / 898.87)
    s = compute("arms_share_5y", country="KAZ", partner=["RUS", "CHN"], years=2023)
    assert one(s, partner="RUS")["value"] == pytest.approx(expected, rel=1e-9)
    assert one(s, partner="CHN")["value"] == 0.0  # no Chinese delivery in the window: a real zero


def test_arms_sums_are_exact_to_six_decimals_in_any_window(pack, data_dir):
    """TIV sums equal the raw register's decimal sums rounded to 6 places, bit for bit: DuckDB's parallel sums add in
    a thread-dependent order, and unrounded last bits differed between cold runs (a printed 18,148.4 vs 18,148.5)."""
    from decimal import Decimal

    need(pack, "arms_transfers")
    path = data_dir / "sipri_arms_transfers" / "trade_2023.csv"
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        lines = fh.read().splitlines()[11:]
    window = {str(y) for y in range(2017, 2024)}  # 7 years: not a window the pack ships
    by_supplier = defaultdict(Decimal)
    for row in csv.DictReader(lines):
        # sources/sipri.py skips non-state and unknown suppliers (NOT_STATES): India's 6.48 from "unknown supplier(s)"
        if row["Recipient"] == "India" and row["Delivery year"] in window and not row["Supplier"].startswith("unknown"):
            by_supplier[row["Supplier"]] += Decimal(row["TIV delivery values"] or "0")
    s = compute("arms_share", country="IND", partner=["RUS", "FRA"], years=2023, window=7)
    total = float(round(sum(by_supplier.values()), 6))
    for partner, name in (("RUS", "Russia"), ("FRA", "France")):
        row = one(s, partner=partner)
        assert row["partner_value"] == float(round(by_supplier[name], 6))
        assert row["total_value"] == total


def test_un_agreement_by_hand_and_published(pack, data_dir):
    need(pack, "un_votes", "un_roll_calls", "un_agreement")
    session = {}
    with gzip.open(data_dir / "unga_votes" / "un_roll_calls.csv.gz", "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            session[int(float(row["rcid"]))] = int(float(row["session"]))
    votes = defaultdict(dict)
    with gzip.open(data_dir / "unga_votes" / "un_votes.csv.gz", "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["country_code"] in ("KZ", "CN"):
                votes[int(float(row["rcid"]))][row["country_code"]] = row["vote"]
    both = [v for rcid, v in votes.items() if session[rcid] == 74 and len(v) == 2]
    same = sum(1 for v in both if v["KZ"] == v["CN"])
    assert (same, len(both)) == (73, 89)
    u = compute("un_agreement", country="KAZ", partner="CHN", years=2019)
    assert one(u, source="unvotes_computed")["value"] == pytest.approx(same / len(both))
    # Bailey, Strezhnev & Voeten, IdealpointestimatesAll_Jun2024.csv: KAZ session 74 ChinaAgree = 0.8202247
    assert one(u, source="bsv_idealpoints")["value"] == pytest.approx(0.8202247, abs=1e-7)
    check = compute("un_agreement_check", country="KAZ", partner="CHN", years=2019)
    assert abs(one(check, year=2019)["difference"]) < 1e-6


def test_finance_by_hand(pack, data_dir):
    need(pack, "development_finance", "macro")
    # AidData GCDF 3.0 (cow_gcdf.csv), Kazakhstan = COW 705, 2013: ODA-like + OOF-like + vague amounts
    with (data_dir / "aiddata_chinese_finance" / "cow_gcdf.csv").open(encoding="utf-8", newline="") as fh:
        row = next(r for r in csv.DictReader(fh) if r["ccode"] == "705" and r["year"] == "2013")
    total = float(row["oda_amt"]) + float(row["oof_amt"]) + float(row["vof_amt"])
    with (data_dir / "worldbank" / "gdp.csv").open(encoding="utf-8", newline="") as fh:
        gdp = next(float(r["Value"]) for r in csv.DictReader(fh) if r["Country Code"] == "KAZ" and r["Year"] == "2013")
    c = compute("finance_commitments", country="KAZ", partner="CHN", years=2013)
    assert one(c, year=2013)["value"] == pytest.approx(total, rel=1e-9)
    g = compute("finance_gdp_share", country="KAZ", partner="CHN", years=2013)
    assert one(g, year=2013)["value"] == pytest.approx(total / gdp, rel=1e-9)


def test_alliances_by_hand(pack, data_dir):
    need(pack, "alliances")
    # ATOP dyad-year (atop_alliance.csv.gz): Russia (365) - Kazakhstan (705), 2018: defense 1, offense 0,
    # neutrality 1, non-aggression 1, consultation 1 -> 4 obligation types
    with gzip.open(data_dir / "atop_alliances" / "atop_alliance.csv.gz", "rt", encoding="utf-8", newline="") as fh:
        row = next(r for r in csv.DictReader(fh)
                   if (r["ccode1"], r["ccode2"], r["year"]) == ("365.0", "705.0", "2018.0"))
    flags = [row[k] == "1.0" for k in ("atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul")]
    a = compute("alliance_ties", country="KAZ", partner="RUS", years=2018)
    assert one(a, year=2018)["value"] == sum(flags) == 4
    assert bool(one(a, year=2018)["defense"]) is True


def test_icews_balance_by_hand(pack, data_dir):
    need_source(pack, "events", "icews")
    coop = conf = 0.0
    with gzip.open(data_dir / "icews_events" / "icews_counts.csv.gz", "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if {row["i_iso3c"], row["j_iso3c"]} == {"KAZ", "CHN"} and row["year"] == "2010.0":
                coop += float(row["verbCoop"]) + float(row["matlCoop"])
                conf += float(row["verbConf"]) + float(row["matlConf"])
    e = compute("event_balance", country="KAZ", partner="CHN", years=2010, source="icews")
    assert one(e, year=2010)["value"] == pytest.approx((coop - conf) / (coop + conf), rel=1e-9)


def test_crossover_central_asia_trade_every_source(pack):
    need(pack, "trade_flows")
    c = crossover(region="central-asia", dimensions="trade")
    assert set(c.country) == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
    sources = set(compute("trade_share", flow="turnover", partner="CHN").source)
    for country in ("KAZ", "KGZ", "TJK", "TKM", "UZB"):
        rows = c[c.country == country]
        # every source view with China's and Russia's shares for the country answers
        covering = set(compute("trade_share", country=country, partner=["CHN", "RUS"]).source)
        assert covering <= set(rows.source), (country, covering - set(rows.source))
        assert {"mirror:imf_dots", "reconciled"} <= set(rows.source)
    assert sources  # the pack has trade shares at all
    assert list(c.columns[:8]) == ["country", "dimension", "source", "measure", "first_year", "held",
                                   "latest_year", "latest_lead"]


def test_shared_igos_by_hand(pack, data_dir):
    need(pack, "shared_igos")
    # COW IGO dyad-years (cow_igo_ndy.csv.gz): Kazakhstan (705) and China (710) shared 36 IGOs in 2014
    with gzip.open(data_dir / "atop_alliances" / "cow_igo_ndy.csv.gz", "rt", encoding="utf-8", newline="") as fh:
        row = next(r for r in csv.DictReader(fh) if (r["ccode1"], r["ccode2"], r["year"]) == ("705.0", "710.0",
                                                                                              "2014.0"))
    s = compute("shared_igos", country="KAZ", partner="CHN", years=2014)
    assert one(s, year=2014)["value"] == float(row["dyadigos"]) == 36


def test_gdelt_balance_by_hand(pack, data_dir):
    need_source(pack, "events", "gdelt_annual")
    # GDELT annual pair scores (gdelt_edge_annual_allpairs.csv.gz): China-Kazakhstan 2019 edge_sum
    with gzip.open(data_dir / "gdelt_dyads" / "gdelt_edge_annual_allpairs.csv.gz", "rt", encoding="utf-8",
                   newline="") as fh:
        expected = next(float(r["edge_sum"]) for r in csv.DictReader(fh)
                        if r["year"] == "2019" and {r["iso3_a"], r["iso3_b"]} == {"CHN", "KAZ"})
    assert expected == pytest.approx(5523.456983514882)
    e = compute("event_balance", country="KAZ", partner="CHN", years=2019, source="gdelt_annual")
    assert one(e, year=2019)["value"] == pytest.approx(expected, rel=1e-12)


def test_arms_share_single_year_by_hand(pack, data_dir):
    need(pack, "arms_transfers")
    path = data_dir / "sipri_arms_transfers" / "trade_2023.csv"
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        lines = fh.read().splitlines()[11:]
    by_supplier = defaultdict(float)
    for row in csv.DictReader(lines):
        if row["Recipient"] == "Uzbekistan" and row["Delivery year"] == "2019":
            by_supplier[row["Supplier"]] += float(row["TIV delivery values"] or 0)
    s = compute("arms_share", country="UZB", years=2019)
    for supplier, iso in (("Russia", "RUS"), ("China", "CHN")):
        expected = by_supplier.get(supplier, 0.0) / sum(by_supplier.values())
        assert one(s, partner=iso)["value"] == pytest.approx(expected, rel=1e-9), supplier
