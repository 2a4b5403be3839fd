"""national_uz: Uzbekistan's SDMX CSVs parsed into trade_flows; the unstated unit checked against IMF DOTS mirrors."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from multipolar.errors import DataError, UnknownCountryError
from multipolar.schema import spec
from multipolar.sources import national_uz
from multipolar.store.tables import validate

FOLDER = "national_stats/uzbekistan"
EXPORTS, IMPORTS = "sdmx_data_1105.csv", "sdmx_data_1176.csv"


@pytest.fixture(scope="module")
def flows(data_dir):
    return national_uz.parse(data_dir)["trade_flows"]


def value(frame, partner, year, flow):
    rows = frame[(frame.partner == partner) & (frame.year == year) & (frame.flow == flow)]
    assert len(rows) == 1, f"{len(rows)} rows for {partner} {year} {flow}"
    return rows.iloc[0]


def raw_value(data_dir, file, english_name, year):
    """A cell read with the csv module: the row whose Klassifikator_en is the name, the column named after the year."""
    with (Path(data_dir) / FOLDER / file).open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["Klassifikator_en"] == english_name:
                return float(row[str(year)])
    raise AssertionError(f"{english_name} not in {file}")


# The IMF DOTS figures the unit check uses: (reporter, partner, year) as DOTS names them.
DOTS_KEYS = {("China, P.R.: Mainland", "Uzbekistan, Rep. of", "2019"),
             ("Uzbekistan, Rep. of", "China, P.R.: Mainland", "2019")}


@pytest.fixture(scope="module")
def dots(data_dir):
    """IMF DOTS exports FOB in million USD, read once from the tidy CSV: {(reporter, partner, year): value}."""
    found = {}
    with gzip.open(Path(data_dir) / "imf_dots" / "dots_exports_fob_tidy_1960_2020.csv.gz", "rt") as fh:
        header = next(csv.reader([fh.readline()]))
        rep, par, yr, val = (header.index(c) for c in ("reporter", "partner", "year", "exports_fob_usd_mn"))
        for line in fh:
            if "Uzbekistan" not in line:  # cheap filter before parsing: every wanted pair involves Uzbekistan
                continue
            row = next(csv.reader([line]))
            key = (row[rep], row[par], row[yr])
            if key in DOTS_KEYS:
                found[key] = float(row[val])
    assert set(found) == DOTS_KEYS
    return found


def test_unit_is_thousand_usd_by_the_imf_dots_mirror(data_dir, flows, dots):
    # The files state no unit; the source repository's code says thousand USD. Mirror check, 2019:
    #   Uzbekistan's imports from China (sdmx_data_1176.csv):  5,108,629.16 x 1,000 = USD 5,108.6 mn
    #   China's exports to Uzbekistan (IMF DOTS, FOB):                                USD 5,044.6 mn
    #   ratio 5,108.6 / 5,044.6 = 1.013 -> within a factor of 2 (it would be ~1,000 if the unit were USD million,
    #   ~0.001 if it were USD).
    uz_imports = raw_value(data_dir, IMPORTS, "China", 2019) * 1_000 / 1e6        # USD million
    china_exports = dots["China, P.R.: Mainland", "Uzbekistan, Rep. of", "2019"]
    assert uz_imports == pytest.approx(5108.62916)
    assert china_exports == pytest.approx(5044.5706)
    assert 0.5 < uz_imports / china_exports < 2
    # Same the other way: Uzbekistan's exports to China 2,528,749.7 thousand vs DOTS Uzbekistan -> China 2,388.2 mn.
    uz_exports = raw_value(data_dir, EXPORTS, "China", 2019) * 1_000 / 1e6
    assert 0.5 < uz_exports / dots["Uzbekistan, Rep. of", "China, P.R.: Mainland", "2019"] < 2
    # And the parser applied that unit.
    row = value(flows, "CHN", 2019, "import")
    assert row.value_usd == pytest.approx(uz_imports * 1e6) and row.unit_published == "USD thousand"


CASES = [  # (file, Klassifikator_en, ISO3, year, flow)
    (IMPORTS, "China", "CHN", 2023, "import"),
    (IMPORTS, "Russia", "RUS", 2010, "import"),
    (EXPORTS, "Russia", "RUS", 2023, "export"),
    (EXPORTS, "Kazakhstan", "KAZ", 2015, "export"),
    (EXPORTS, "UAE", "ARE", 2023, "export"),
    (IMPORTS, "Republic of Korea", "KOR", 2021, "import"),
    (EXPORTS, "Cuba", "CUB", 2010, "export"),
]


@pytest.mark.parametrize("file,name,iso,year,flow", CASES)
def test_parsed_values_equal_cells_found_by_name(data_dir, flows, file, name, iso, year, flow):
    expected = raw_value(data_dir, file, name, year)
    row = value(flows, iso, year, flow)
    assert row.value_published == pytest.approx(expected, rel=1e-12)
    assert row.value_usd == pytest.approx(expected * 1000, rel=1e-12)


def test_rows_with_swapped_name_columns_are_kept(flows):
    # Slovakia's row has 'Slovakia' under Klassifikator_ru and 'Словакия' under Klassifikator_en.
    assert value(flows, "SVK", 2023, "export").value_published == pytest.approx(1063.7)


def test_other_countries_has_no_partner_row_but_counts_in_the_derived_world_total(data_dir, flows):
    # 'Other countries' (Code 0) is 10,352,796.9 of 2023 exports; it must not appear under any partner code.
    other = raw_value(data_dir, EXPORTS, "Other countries", 2023)
    assert other == pytest.approx(10_352_796.9)
    assert not (flows.value_published == other).any()
    # The world total is the sum of the whole 2023 column of the raw file, 'Other countries' included.
    with (data_dir / FOLDER / EXPORTS).open(encoding="utf-8-sig", newline="") as fh:
        column = [float(r["2023"]) for r in csv.DictReader(fh) if r["2023"].strip()]
    world = value(flows, "WLD", 2023, "export")
    assert world.value_published == pytest.approx(sum(column)) and other < sum(column)
    assert world.note.startswith("derived: sum of all")


def test_frame_fits_the_store(flows):
    table = validate(flows, spec("trade_flows"), origin="national_uz")
    assert table.num_rows == len(flows)
    assert set(flows.year) == set(range(2010, 2024)) and set(flows.basis) == {"unknown"}


# ---- small broken files laid out like the real folder -----------------------------------------------------------

HEADER = ["Code", "Klassifikator", "Klassifikator_ru", "Klassifikator_en", "2022", "2023"]
ROWS = [["156", "Xitoy", "Китай", "China", "6427708.09", "11339099.0"],
        ["643", "Rossiya", "Россия", "Russia", "6230693.36", "6660632.1"],
        ["0", "Boshqa mamlakatlar", "Другие страны", "Other countries", "1315004.35", "1217044.0"]]


def write_files(data_dir: Path, *, header=HEADER, rows=ROWS, encoding="utf-8-sig") -> Path:
    folder = data_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name in (EXPORTS, IMPORTS):
        with (folder / name).open("w", encoding=encoding, newline="") as fh:
            csv.writer(fh).writerows([header, *rows])
    return folder / IMPORTS


def test_minimal_files_parse(tmp_path):
    write_files(tmp_path)
    frame = national_uz.parse(tmp_path)["trade_flows"]
    assert value(frame, "CHN", 2023, "import").value_usd == pytest.approx(11_339_099_000.0)
    assert set(frame.partner) == {"CHN", "RUS", "WLD"}
    # WLD = China + Russia + Other countries, 2023: 11,339,099.0 + 6,660,632.1 + 1,217,044.0 thousand USD.
    assert value(frame, "WLD", 2023, "import").value_published == pytest.approx(19_216_775.1)


def test_reordered_columns_are_read_by_header(tmp_path):
    order = [3, 2, 0, 5, 4, 1]
    write_files(tmp_path, header=[HEADER[i] for i in order], rows=[[r[i] for i in order] for r in ROWS])
    frame = national_uz.parse(tmp_path)["trade_flows"]
    assert value(frame, "CHN", 2023, "import").value_published == 11_339_099.0
    assert value(frame, "RUS", 2022, "export").value_published == 6_230_693.36


def test_missing_column(tmp_path):
    write_files(tmp_path, header=["Code", "Klassifikator", "Klassifikator_ru", "Name_en", "2022", "2023"])
    with pytest.raises(DataError, match=r"sdmx_data_1105\.csv, row 1: missing columns \['Klassifikator_en'\]"):
        national_uz.parse(tmp_path)


def test_wrong_unit_by_magnitude(tmp_path):
    # The same figures in million USD: a year then sums to ~14,000, far below a country's trade in thousand USD.
    rows = [[*r[:4], *(str(float(v) / 1000) for v in r[4:])] for r in ROWS]
    write_files(tmp_path, rows=rows)
    with pytest.raises(DataError, match=r"sdmx_data_1105\.csv, field '2022': column sums to 13,973\.4: not "
                                        r"thousand USD"):
        national_uz.parse(tmp_path)


def test_unknown_partner_name(tmp_path):
    write_files(tmp_path, rows=[*ROWS, ["999", "Atlantida", "Атлантида", "Atlantis", "1.0", "2.0"]])
    with pytest.raises(UnknownCountryError) as err:
        national_uz.parse(tmp_path)
    assert "sdmx_data_1105.csv" in str(err.value) and "'Atlantis' at line 5" in str(err.value)


def test_name_and_numeric_code_disagree(tmp_path):
    write_files(tmp_path, rows=[["643", "Xitoy", "Китай", "China", "1000000.0", "1000000.0"]])
    with pytest.raises(DataError, match=r"sdmx_data_1105\.csv, row 2, field 'Code': name 'China' maps to CHN but "
                                        r"Code 643 is RUS"):
        national_uz.parse(tmp_path)
