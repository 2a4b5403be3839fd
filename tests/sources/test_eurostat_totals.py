"""Eurostat Comext totals: figures checked against the raw CSVs read independently, and broken inputs refused."""

from __future__ import annotations

import collections
import csv
from pathlib import Path

import pytest

from multipolar.countries import read_mapping
from multipolar.errors import DataError, UnknownCountryError
from multipolar.schema import TABLES
from multipolar.sources import eurostat_totals
from multipolar.store.tables import validate

FOLDER = "eurostat_totals"
ANNUAL = "eu27_exports_to_all_partners_annual.csv"
EU27_LABEL = ("European Union - 27 countries", "Union européenne - 27 pays")
# Reporter labels that are aggregates (euro area, the changing-composition EU) and must not be reporters.
AGGREGATE_PREFIXES = ("Euro area", "European Union (AT-")
# The 27 member states of the EU since February 2020.
EU27 = {"AUT", "BEL", "BGR", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GRC", "HRV", "HUN", "IRL",
        "ITA", "LTU", "LUX", "LVA", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "SWE"}


def raw_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def parsed(data_dir):
    return eurostat_totals.parse(data_dir)


@pytest.fixture(scope="module")
def folder(data_dir) -> Path:
    return data_dir / FOLDER


def flows_value(parsed, reporter, partner, year, flow, source):
    tf = parsed["trade_flows"]
    hit = tf[(tf.reporter == reporter) & (tf.partner == partner) & (tf.year == year) & (tf.flow == flow)
             & (tf.source == source)]
    assert len(hit) == 1, hit
    return hit.iloc[0]


# --- real files -------------------------------------------------------------------------------------------------

def test_tables_fit_the_schema(parsed):
    for name, frame in parsed.items():
        validate(frame, TABLES[name], origin=name)  # raises on type, ISO3 or key problems
    assert parsed["trade_monthly"]["value_usd"].isna().all()
    assert parsed["trade_flows"]["value_usd"].isna().all()
    assert set(parsed["trade_flows"]["source"]) == {"eurostat_comext", "eurostat_comext_monthly"}


def test_germany_exports_to_kazakhstan_2023(parsed, folder):
    rows = raw_rows(folder / "eu_exports_to_kazakhstan_monthly.csv")
    mine = [float(r["VALUE_IN_EUR"]) for r in rows
            if r["REPORTER"].startswith("Germany") and r["PERIOD"].endswith(" 2023")]
    assert len(mine) == 12
    row = flows_value(parsed, "DEU", "KAZ", 2023, "export", "eurostat_comext_monthly")
    assert row.value_published == pytest.approx(sum(mine), rel=1e-12)
    assert row.months == 12 and row.unit_published == "EUR" and row.basis == "FOB"
    assert not row.is_estimate


def test_one_monthly_cell(parsed, folder):
    # First data line of the Armenia file: "Croatia,Armenia,Total,EXPORT,Total,Aug. 2024,62592".
    first = raw_rows(folder / "eu_exports_to_armenia_monthly.csv")[0]
    assert (first["REPORTER"], first["PERIOD"]) == ("Croatia", "Aug. 2024")
    tm = parsed["trade_monthly"]
    hit = tm[(tm.reporter == "HRV") & (tm.partner == "ARM") & (tm.period == "2024-08") & (tm.flow == "export")]
    assert hit["value_published"].tolist() == [float(first["VALUE_IN_EUR"])]


def test_imports_from_kyrgyzstan_are_cif_and_eu27_total_matches(parsed, folder):
    rows = raw_rows(folder / "eu_imports_from_kyrgyzstan_monthly.csv")
    # The file repeats some lines exactly: count each distinct line once.
    distinct = {tuple(r.values()) for r in rows}
    eu27_2022 = sum(float(r[6]) for r in distinct if r[0].startswith(EU27_LABEL) and r[5].endswith(" 2022"))
    row = flows_value(parsed, "EUU", "KGZ", 2022, "import", "eurostat_comext_monthly")
    assert row.value_published == pytest.approx(eu27_2022, rel=1e-12)
    assert row.basis == "CIF"


def test_eu27_is_not_double_counted(parsed):
    # EUU must equal the sum of the 27 members month by month (so adding it to them would count twice), and the
    # UK (a member until 2020-01) is outside it.
    tm = parsed["trade_monthly"]
    members = tm[tm.reporter.isin(EU27)].groupby(["partner", "period", "flow"])["value_published"].sum()
    eu = tm[tm.reporter == "EUU"].set_index(["partner", "period", "flow"])["value_published"]
    assert len(eu) == 7 * 68
    assert (members.reindex(eu.index) - eu).abs().max() < 1.0
    assert set(tm.reporter) == EU27 | {"EUU", "GBR"}
    gbr = tm[tm.reporter == "GBR"]
    assert gbr.period.min() == "2019-01" and gbr.period.max() == "2020-01"
    assert gbr.note.str.contains("not part of the EU27").all()


def test_product_totals_are_the_published_eu27_rows(parsed, folder):
    # product_trade carries the EU27's own rows (all goods), one per partner, month and flow, as published.
    rows = raw_rows(folder / "eu_exports_to_russia_monthly.csv")
    eu27 = {r["PERIOD"]: float(r["VALUE_IN_EUR"]) for r in rows if r["REPORTER"].startswith(EU27_LABEL)}
    pt = parsed["product_trade"]
    assert set(pt.product_code) == {"TOTAL"} and set(pt.code_level) == {"TOTAL"} and set(pt.reporter) == {"EUU"}
    assert set(pt.currency) == {"EUR"} and set(pt.source) == {"eurostat_comext"}
    assert len(pt) == 7 * 68
    ru = pt[(pt.partner == "RUS") & (pt.flow == "export")]
    assert len(ru) == len(eu27) == 68
    # 'Mar. 2022' in the raw file is year 2022, month 3
    got = dict(zip(zip(ru.year, ru.month), ru.value))
    assert got[(2022, 3)] == eu27["Mar. 2022"] and got[(2019, 1)] == eu27["Jan. 2019"]


def test_monthly_row_count_matches_raw(parsed, folder):
    expected = 0
    for path in sorted(folder.glob("eu_*_monthly.csv")):
        distinct = {(r["REPORTER"], r["PERIOD"]) for r in raw_rows(path)
                    if not r["REPORTER"].startswith(AGGREGATE_PREFIXES)}
        expected += len(distinct)
    assert len(parsed["trade_monthly"]) == expected


def test_exact_duplicate_lines_in_imports_file(folder):
    # ORIGIN.steps says the imports file repeats Feb. 2024 for its 29 reporters: check that statement on the raw file.
    lines = (folder / "eu_imports_from_kyrgyzstan_monthly.csv").read_text(encoding="utf-8").splitlines()
    repeats = {line: n for line, n in collections.Counter(lines).items() if n > 1}
    assert len(repeats) == 29 and set(repeats.values()) == {2}
    assert all("Feb. 2024" in line for line in repeats)
    assert any("29 rows" in step for step in eurostat_totals.ORIGIN.steps)


def test_annual_file(parsed, folder):
    rows = raw_rows(folder / ANNUAL)
    kaz = [r for r in rows if r["PARTNER"] == "Kazakhstan" and r["PERIOD"].endswith(" 2023")]
    assert len(kaz) == 1
    row = flows_value(parsed, "EUU", "KAZ", 2023, "export", "eurostat_comext")
    assert row.value_published == float(kaz[0]["VALUE_IN_EUR"]) and row.months == 12
    years = {int(r["PERIOD"][-4:]) for r in rows}
    annual = parsed["trade_flows"].query("source == 'eurostat_comext'")
    assert set(annual.year) == years == set(range(2010, 2024))
    assert set(annual.reporter) == {"EUU"}


def test_french_2016_rows(parsed, folder):
    rows = [r for r in raw_rows(folder / ANNUAL) if r["PERIOD"].endswith(" 2016")]
    value = {r["PARTNER"]: float(r["VALUE_IN_EUR"]) for r in rows}
    assert rows and all(r["REPORTER"].startswith("Union européenne") for r in rows)
    for label, code in [("Chine", "CHN"), ("Russie, Fédération de", "RUS"), ("Kazakhstan", "KAZ"),
                        ("Guinée", "GIN"), ("Guinea", "GNB"), ("Samoa américaines", "ASM")]:
        assert flows_value(parsed, "EUU", code, 2016, "export", "eurostat_comext").value_published == value[label]


def test_annual_file_agrees_with_monthly_sums(parsed, folder):
    # The EU27 rows of the monthly files, summed by hand, against the annual file (both Eurostat; 0.05% tolerance
    # for revisions between downloads, as ORIGIN.caveats states).
    annual = {(r["PARTNER"], int(r["PERIOD"][-4:])): float(r["VALUE_IN_EUR"]) for r in raw_rows(folder / ANNUAL)}
    checked = 0
    for path in sorted(folder.glob("eu_exports_to_*_monthly.csv")):
        sums = collections.defaultdict(float)
        for r in raw_rows(path):
            if r["REPORTER"].startswith(EU27_LABEL):
                sums[(r["PARTNER"], int(r["PERIOD"][-4:]))] += float(r["VALUE_IN_EUR"])
        for key, total in sums.items():
            if key in annual:
                assert total == pytest.approx(annual[key], rel=5e-4), key
                checked += 1
    assert checked == 6 * 5  # six partners, 2019-2023


def test_every_label_is_listed_in_a_mapping(folder):
    # No label may reach country_converter's guesses: each is in eurostat.csv or eurostat_fr.csv, aggregates with
    # an empty code.
    english, french = read_mapping("eurostat"), read_mapping("eurostat_fr")
    for path in sorted(folder.glob("*.csv")):
        for r in raw_rows(path):
            table = french if r["REPORTER"].startswith("Union européenne") else english
            assert r["REPORTER"] in table and r["PARTNER"] in table, (path.name, r["REPORTER"], r["PARTNER"])
    for label in ("Extra-EU27 (from 2020)", "High seas", "Euro area - 20 countries (AT, BE, CY, DE, EE, ES, FI, FR, "
                  "GR, HR, IE, IT, LT, LU, LV, MT, NL, PT, SI, SK)"):
        assert english[label] == ""


def test_partial_years_say_so(parsed):
    tf = parsed["trade_flows"]
    y2024 = tf[(tf.source == "eurostat_comext_monthly") & (tf.year == 2024)]
    assert y2024.months.max() == 8
    assert y2024.note.str.contains("2024-01").any()
    full = tf[(tf.source == "eurostat_comext_monthly") & (tf.months == 12) & (tf.reporter != "GBR")]
    assert full.note.isna().all()


def test_origin():
    o = eurostat_totals.ORIGIN
    assert "not re-verified" in o.licence
    assert any("ds-045409" in u.lower() for u in o.urls)
    assert any("mary-lev/eu-export-sanctions" in u for u in o.urls)
    assert any("no cited" in c or "cites no" in c for c in o.caveats)


# --- broken inputs ------------------------------------------------------------------------------------------------

HEADER = "REPORTER,PARTNER,PRODUCT,FLOW,STAT_PROCEDURE,PERIOD,VALUE_IN_EUR"
MONTHLY_ROWS = [
    "Cyprus,Kazakhstan,TOTAL-Total,2-EXPORT,T-Total,202408-Aug. 2024,11421",
    "Malta,Kazakhstan,TOTAL-Total,2-EXPORT,T-Total,202407-Jul. 2024,66962",
    '"European Union - 27 countries (AT, BE, BG, CY, CZ, DE, DK, EE, ES, FI, FR, GR, HR, HU, IE, IT, LT, LU, LV, '
    'MT, NL, PL, PT, RO, SE, SI, SK)",Kazakhstan,TOTAL-Total,2-EXPORT,T-Total,202408-Aug. 2024,500000',
]
ANNUAL_ROWS = [
    '"European Union - 27 countries (AT, BE, BG, CY, CZ, DE, DK, EE, ES, FI, FR, GR, HR, HU, IE, IT, LT, LU, LV, '
    'MT, NL, PL, PT, RO, SE, SI, SK)",Kazakhstan,TOTAL-Total,2-EXPORT,T-Total,202352-Jan.-Dec. 2023,12110100000',
    '"European Union - 27 countries (AT, BE, BG, CY, CZ, DE, DK, EE, ES, FI, FR, GR, HR, HU, IE, IT, LT, LU, LV, '
    'MT, NL, PL, PT, RO, SE, SI, SK)",Extra-EU27 (from 2020),Total,EXPORT,Total,Jan.-Dec. 2018,99',
]


def make_folder(tmp_path: Path, monthly: str | bytes | None = None, annual: str | bytes | None = None) -> Path:
    folder = tmp_path / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, text, default in [("eu_exports_to_kazakhstan_monthly.csv", monthly, MONTHLY_ROWS),
                                (ANNUAL, annual, ANNUAL_ROWS)]:
        if text is None:
            text = "\n".join([HEADER, *default]) + "\n"
        path = folder / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return tmp_path


def test_small_folder_parses(tmp_path):
    out = eurostat_totals.parse(make_folder(tmp_path))
    tm = out["trade_monthly"].set_index(["reporter", "period"])["value_published"]
    assert tm.to_dict() == {("CYP", "2024-08"): 11421.0, ("MLT", "2024-07"): 66962.0, ("EUU", "2024-08"): 500000.0}
    annual = out["trade_flows"].query("source == 'eurostat_comext'")
    assert annual[["partner", "year", "value_published"]].values.tolist() == [["KAZ", 2023, 12110100000.0]]


def test_reordered_columns_parse_the_same(tmp_path):
    order = [6, 5, 0, 3, 1, 4, 2]
    rows = list(csv.reader([HEADER, *MONTHLY_ROWS]))
    buffer = [",".join(f'"{row[i]}"' for i in order) for row in rows]
    shuffled = eurostat_totals.parse(make_folder(tmp_path / "a", monthly="\n".join(buffer) + "\n"))
    plain = eurostat_totals.parse(make_folder(tmp_path / "b"))
    for name in plain:
        assert shuffled[name].equals(plain[name])


def test_latin1_file(tmp_path):
    text = ("\n".join([HEADER, *ANNUAL_ROWS, '"Union européenne - 27 pays (AT)",Chine,Total,EXPORTATION,Total,'
                                            'Jan.-Dec. 2016,5']) + "\n").encode("latin-1")
    with pytest.raises(DataError, match="not UTF-8") as err:
        eurostat_totals.parse(make_folder(tmp_path, annual=text))
    assert ANNUAL in str(err.value)


def test_quantity_instead_of_value(tmp_path):
    text = "\n".join([HEADER.replace("VALUE_IN_EUR", "QUANTITY_IN_100KG"), *MONTHLY_ROWS]) + "\n"
    with pytest.raises(DataError) as err:
        eurostat_totals.parse(make_folder(tmp_path, monthly=text))
    assert "wrong unit" in str(err.value) and "QUANTITY_IN_100KG" in str(err.value)
    assert "eu_exports_to_kazakhstan_monthly.csv" in str(err.value)


def test_indicators_column_with_wrong_unit(tmp_path):
    header = HEADER.replace("VALUE_IN_EUR", "INDICATORS,OBS_VALUE")
    rows = [MONTHLY_ROWS[0].replace(",11421", ",VALUE_IN_EUROS,11421"),
            MONTHLY_ROWS[1].replace(",66962", ",QUANTITY_IN_100KG,66962")]
    with pytest.raises(DataError) as err:
        eurostat_totals.parse(make_folder(tmp_path, monthly="\n".join([header, *rows]) + "\n"))
    message = str(err.value)
    assert "row 3" in message and "'INDICATORS'" in message and "QUANTITY_IN_100KG" in message


def test_unknown_partner(tmp_path):
    rows = [MONTHLY_ROWS[0], MONTHLY_ROWS[1].replace("Malta,Kazakhstan", "Malta,Atlantis")]
    with pytest.raises(UnknownCountryError) as err:
        eurostat_totals.parse(make_folder(tmp_path, monthly="\n".join([HEADER, *rows]) + "\n"))
    message = str(err.value)
    assert "eu_exports_to_kazakhstan_monthly.csv" in message and "row 3" in message
    assert "'PARTNER'" in message and "Atlantis" in message and "mappings/eurostat.csv" in message


def test_not_total_goods(tmp_path):
    rows = [MONTHLY_ROWS[0].replace("TOTAL-Total", "8542-Electronic integrated circuits")]
    with pytest.raises(DataError, match="not total goods") as err:
        eurostat_totals.parse(make_folder(tmp_path, monthly="\n".join([HEADER, *rows]) + "\n"))
    assert "row 2" in str(err.value)


def test_missing_column(tmp_path):
    text = "\n".join([HEADER.replace(",PERIOD", ""), *[r.rsplit(",", 2)[0] + "," + r.rsplit(",", 1)[1]
                                                       for r in MONTHLY_ROWS]]) + "\n"
    with pytest.raises(DataError, match=r"missing columns \['PERIOD'\]"):
        eurostat_totals.parse(make_folder(tmp_path, monthly=text))


def test_confidential_cell_dropped(tmp_path):
    rows = [MONTHLY_ROWS[0], MONTHLY_ROWS[1].replace(",66962", ",:")]
    out = eurostat_totals.parse(make_folder(tmp_path, monthly="\n".join([HEADER, *rows]) + "\n"))
    assert out["trade_monthly"]["reporter"].tolist() == ["CYP"]


def test_conflicting_duplicate(tmp_path):
    rows = [MONTHLY_ROWS[0], MONTHLY_ROWS[1], MONTHLY_ROWS[0].replace(",11421", ",11422")]
    with pytest.raises(DataError, match="rows 2 and 4 give different values"):
        eurostat_totals.parse(make_folder(tmp_path, monthly="\n".join([HEADER, *rows]) + "\n"))


def test_identical_duplicate_dropped(tmp_path):
    rows = [MONTHLY_ROWS[0], MONTHLY_ROWS[1], MONTHLY_ROWS[0]]
    out = eurostat_totals.parse(make_folder(tmp_path, monthly="\n".join([HEADER, *rows]) + "\n"))
    assert len(out["trade_monthly"]) == 2


def test_bad_period(tmp_path):
    rows = [MONTHLY_ROWS[0].replace("202408-Aug. 2024", "202409-Aug. 2024")]
    with pytest.raises(DataError, match="code and label disagree"):
        eurostat_totals.parse(make_folder(tmp_path, monthly="\n".join([HEADER, *rows]) + "\n"))

