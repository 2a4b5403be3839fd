"""Press headline figures: rows checked against the raw CSV read independently, and broken files refused."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from multipolar.errors import DataError, UnknownCountryError
from multipolar.schema import TABLES
from multipolar.sources import press_figures
from multipolar.store.tables import validate

FILE = "headline_figures.csv"


@pytest.fixture(scope="module")
def raw(data_dir) -> list[dict]:
    with (data_dir / "press_headline_figures" / FILE).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def table(data_dir):
    return press_figures.parse(data_dir)["headline_figures"]


def test_schema_and_row_count(table, raw):
    validate(table, TABLES["headline_figures"], origin="press_headline")
    assert len(raw) == 102                                  # PROVENANCE.txt: 102 rows
    group = [r for r in raw if "Central Asia (5)" in (r["country_a"], r["country_b"])]
    assert len(group) == 11
    assert len(table) == len(raw)
    assert ((table.country_a == "CA5") | (table.country_b == "CA5")).sum() == len(group)
    assert set(table.source) == {"press_headline"}


def test_derived_rows(table, raw):
    derived = [r for r in raw if r["unit_note"].startswith("DERIVED")]
    assert len(derived) == 8                                # PROVENANCE.txt: 8 such rows
    assert int(table.is_derived.sum()) == 8
    got = table[table.is_derived]
    assert sorted(got.value_usd) == sorted(float(r["value_usd"]) for r in derived)


def test_gacc_china_russia_2023(table, raw):
    rows = [r for r in raw if r["reporter_source"] == "GACC (China customs)" and r["country_a"] == "China"
            and r["country_b"] == "Russia" and r["year"] == "2023" and r["flow"] == "total"]
    assert len(rows) == 1
    expected = float(rows[0]["value_usd"])
    # China's customs (GACC) gave 2023 China-Russia trade as USD 240.11 bn (Reuters, 12 Jan 2024, "China-Russia
    # 2023 trade value hits record high of $240 bln"); rtol 1%.
    assert expected == pytest.approx(240e9, rel=0.01)
    hit = table[(table.country_a == "CHN") & (table.country_b == "RUS") & (table.period == "2023")
                & (table.flow == "total") & (table.reporter_source == "GACC (China customs)")]
    assert hit.value_usd.tolist() == [expected]
    assert hit.url.tolist() == [rows[0]["source_url"]]
    assert not hit.is_derived.iloc[0]


def test_indian_fiscal_years_kept(table, raw):
    fiscal = {r["year"] for r in raw if "-" in r["year"]}
    assert fiscal == {"2021-22", "2022-23", "2024-25"}
    rows = table[table.period.isin(fiscal)]
    assert len(rows) == sum(1 for r in raw if r["year"] in fiscal)
    assert ((rows.country_a == "IND") | (rows.country_b == "IND")).all()


def test_countries_and_flows(table):
    assert set(table.country_a) | set(table.country_b) == {"CHN", "RUS", "KAZ", "KGZ", "TJK", "TKM", "UZB", "IND",
                                                            "IRN", "BLR", "CA5"}
    assert set(table.flow) == {"total", "exports_a_to_b", "imports_a_from_b"}


def test_origin():
    assert "not re-verified" in press_figures.ORIGIN.licence
    assert any("DERIVED" in c for c in press_figures.ORIGIN.caveats)


HEADER = "reporter_source,country_a,country_b,year,flow,value_usd,unit_note,source_url"
ROWS = [
    "GACC (China customs),China,Russia,2023,total,240110000000,USD,https://example.org/a",
    "GACC (China customs),China,Kazakhstan,2022,total,31200000000,USD,https://example.org/b",
]


def make(tmp_path: Path, lines=None, *, data: bytes | None = None) -> Path:
    folder = tmp_path / "press_headline_figures"
    folder.mkdir(parents=True, exist_ok=True)
    if data is None:
        data = ("\n".join([HEADER, *(ROWS if lines is None else lines)]) + "\n").encode("utf-8")
    (folder / FILE).write_bytes(data)
    return tmp_path


def test_small_file_and_reordered_columns(tmp_path):
    plain = press_figures.parse(make(tmp_path / "a"))["headline_figures"]
    rows = list(csv.reader([HEADER, *ROWS]))
    order = [7, 5, 0, 3, 2, 6, 1, 4]
    text = "\n".join(",".join(row[i] for i in order) for row in rows) + "\n"
    shuffled = press_figures.parse(make(tmp_path / "b", data=text.encode()))["headline_figures"]
    assert plain.equals(shuffled)
    assert plain[["country_a", "country_b", "value_usd"]].values.tolist() == [["CHN", "RUS", 240110000000.0],
                                                                              ["CHN", "KAZ", 31200000000.0]]


def test_true_duplicate_is_an_error(tmp_path):
    lines = [*ROWS, ROWS[0].replace("240110000000", "240000000000")]
    with pytest.raises(DataError) as err:
        press_figures.parse(make(tmp_path, lines))
    assert FILE in str(err.value) and "rows 2 and 4 give different values" in str(err.value)


def test_identical_duplicate_is_dropped(tmp_path):
    out = press_figures.parse(make(tmp_path, [*ROWS, ROWS[0]]))["headline_figures"]
    assert len(out) == 2


def test_unknown_country(tmp_path):
    with pytest.raises(UnknownCountryError) as err:
        press_figures.parse(make(tmp_path, [ROWS[0], ROWS[1].replace("Kazakhstan", "Atlantis")]))
    message = str(err.value)
    assert FILE in message and "row 3" in message and "Atlantis" in message


@pytest.mark.parametrize("line, message", [
    (ROWS[0].replace("240110000000", "240.11"), "row 2, field 'value_usd': value_usd '240.11' is below USD 1 million"),
    (ROWS[0].replace(",2023,", ",2023/24,"), "row 2, field 'year': year '2023/24' is neither"),
    (ROWS[0].replace(",2023,", ",2022-24,"), "row 2, field 'year'"),
    (ROWS[0].replace(",2023,", ",2022-23,"), "fiscal year '2022-23' on a row not involving India"),
    (ROWS[0].replace(",total,", ",trade,"), "row 2, field 'flow': flow 'trade' is not one of"),
    (ROWS[0].replace("https://example.org/a", "bne.eu"), "is not a web address"),
])
def test_bad_cells(tmp_path, line, message):
    with pytest.raises(DataError) as err:
        press_figures.parse(make(tmp_path, [line]))
    assert message in str(err.value) and FILE in str(err.value)
