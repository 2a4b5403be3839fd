"""national_am: Armenia's CSV parsed into trade_flows (annual) and trade_monthly, checked against raw rows and DOTS."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from multipolar.errors import DataError, UnknownCountryError
from multipolar.schema import spec
from multipolar.sources import national_am
from multipolar.store.tables import validate

FOLDER = "national_stats/armenia"
FILE = "armenia_data.csv"


@pytest.fixture(scope="module")
def parsed(data_dir):
    return national_am.parse(data_dir)


@pytest.fixture(scope="module")
def raw(data_dir):
    """The raw records read with csv.DictReader: {(country, timeperiod, year): row}."""
    with (Path(data_dir) / FOLDER / FILE).open(encoding="utf-8", newline="") as fh:
        return {(r["country"], r["timeperiod"], r["year"]): r for r in csv.DictReader(fh) if r["country"]}


def pick(frame, partner, flow, source, **where):
    rows = frame[(frame.partner == partner) & (frame.flow == flow) & (frame.source == source)]
    for column, wanted in where.items():
        rows = rows[rows[column] == wanted]
    assert len(rows) == 1, f"{len(rows)} rows for {partner} {flow} {source} {where}"
    return rows.iloc[0]


def test_unit_is_thousand_usd_by_the_imf_dots_mirror(data_dir, raw):
    # The file states no unit. Armenia's own exports, 2019 ('Year' rows), against IMF DOTS Armenia -> partner:
    #   China:  193,709.7 x 1,000 = USD 193.7097 mn   vs DOTS USD 193.709652 mn   (ratio 1.000)
    #   Russia: 741,441.5 x 1,000 = USD 741.4415 mn   vs DOTS USD 733.09871 mn    (ratio 1.011)
    wanted = {("Armenia, Rep. of", "China, P.R.: Mainland", "2019"), ("Armenia, Rep. of", "Russian Federation", "2019")}
    found = {}
    with gzip.open(Path(data_dir) / "imf_dots" / "dots_exports_fob_tidy_1960_2020.csv.gz", "rt") as fh:
        header = next(csv.reader([fh.readline()]))
        for line in fh:
            if line.startswith('"Armenia'):
                row = dict(zip(header, next(csv.reader([line]))))
                if (row["reporter"], row["partner"], row["year"]) in wanted:
                    found[row["partner"]] = float(row["exports_fob_usd_mn"])
    china = float(raw["China", "Year", "2019"]["export"]) * 1_000 / 1e6
    russia = float(raw["Russian Federation", "Year", "2019"]["export"]) * 1_000 / 1e6
    assert china / found["China, P.R.: Mainland"] == pytest.approx(1.0, abs=0.01)
    assert 0.5 < russia / found["Russian Federation"] < 2


CASES = [  # (country as in the file, ISO3, year, column, flow, source)
    ("China", "CHN", "2022", "export", "export", "national_am"),
    ("China", "CHN", "2022", "import_consigment", "import", "national_am"),
    ("China", "CHN", "2022", "import_origin", "import", "national_am_origin"),
    ("Russian Federation", "RUS", "2021", "import_consigment", "import", "national_am"),
    ("Russian Federation", "RUS", "2017", "export", "export", "national_am"),
    ("United Arab Emirates", "ARE", "2022", "export", "export", "national_am"),
    ("American Saoma", "ASM", "2021", "import_origin", "import", "national_am_origin"),
    ("Monako", "MCO", "2019", "import_consigment", "import", "national_am"),
]


@pytest.mark.parametrize("country,iso,year,column,flow,source", CASES)
def test_annual_values_equal_the_raw_records(parsed, raw, country, iso, year, column, flow, source):
    expected = float(raw[country, "Year", year][column])
    row = pick(parsed["trade_flows"], iso, flow, source, year=int(year))
    assert row.value_published == expected and row.value_usd == pytest.approx(expected * 1000)
    assert row.months == 12 and row.note is None


def test_monthly_values_equal_the_raw_records_and_add_up_to_the_year(parsed, raw):
    monthly = parsed["trade_monthly"]
    months = monthly[(monthly.partner == "CHN") & (monthly.flow == "export") & (monthly.source == "national_am")
                     & monthly.period.str.startswith("2022-")]
    assert len(months) == 12
    march = pick(monthly, "CHN", "export", "national_am", period="2022-03")
    assert march.value_published == float(raw["China", "3", "2022"]["export"])
    assert months.value_published.sum() == pytest.approx(float(raw["China", "Year", "2022"]["export"]), abs=0.5)


def test_consignment_and_origin_are_distinct_sources(parsed):
    flows = parsed["trade_flows"]
    consignment = pick(flows, "CHN", "import", "national_am", year=2022).value_published
    origin = pick(flows, "CHN", "import", "national_am_origin", year=2022).value_published
    assert (consignment, origin) == (698056.2, 1388350.5)
    assert flows[flows.source == "national_am_origin"].flow.eq("import").all()


def test_2023_is_january_only(parsed, raw):
    row = pick(parsed["trade_flows"], "RUS", "export", "national_am", year=2023)
    assert row.months == 1 and "only January 2023" in row.note
    assert row.value_published == float(raw["Russian Federation", "1", "2023"]["export"])


def test_frames_fit_the_store(parsed):
    for name in ("trade_flows", "trade_monthly"):
        frame = parsed[name]
        assert validate(frame, spec(name), origin=f"national_am {name}").num_rows == len(frame)
    assert set(parsed["trade_flows"].source) == {"national_am", "national_am_origin"}
    assert "WLD" not in set(parsed["trade_flows"].partner)


# ---- small broken files laid out like the real folder -----------------------------------------------------------

HEADER = ["country", "export", "import_consigment", "import_origin", "timeperiod", "year"]
# January only (as the real file's 2023): each 'Year' row equals its month, as the parser checks.
ROWS = [["China", "330000.0", "600000.0", "1300000.0", "1", "2022"],
        ["China", "330000.0", "600000.0", "1300000.0", "Year", "2022"],
        ["Russian Federation", "2400000.0", "2800000.0", "2600000.0", "1", "2022"],
        ["Russian Federation", "2400000.0", "2800000.0", "2600000.0", "Year", "2022"],
        ["Unknown country", "-", "-", "10.0", "Year", "2022"]]


def write_file(data_dir: Path, *, header=HEADER, rows=ROWS, encoding="utf-8") -> Path:
    folder = data_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n\r\n")  # blank lines between records, as in the real file
        writer.writerows([header, *rows])
    return path


def test_minimal_file_parses(tmp_path):
    write_file(tmp_path)
    out = national_am.parse(tmp_path)
    row = pick(out["trade_flows"], "CHN", "import", "national_am_origin", year=2022)
    assert row.value_usd == 1_300_000_000.0 and row.months == 1  # only January in this file
    assert len(out["trade_monthly"]) == 6 and set(out["trade_flows"].partner) == {"CHN", "RUS"}


def test_reordered_columns_are_read_by_header(tmp_path):
    order = [5, 4, 3, 2, 1, 0]
    write_file(tmp_path, header=[HEADER[i] for i in order], rows=[[r[i] for i in order] for r in ROWS])
    flows = national_am.parse(tmp_path)["trade_flows"]
    assert pick(flows, "RUS", "export", "national_am", year=2022).value_published == 2_400_000.0
    assert pick(flows, "RUS", "import", "national_am", year=2022).value_published == 2_800_000.0


def test_wrong_unit_by_magnitude(tmp_path):
    # The same figures in US dollars rather than thousands: the January 2022 exports sum to 2.73e12.
    rows = [[r[0], *(str(float(v) * 1000) if v != "-" else v for v in r[1:4]), r[4], r[5]] for r in ROWS]
    write_file(tmp_path, rows=rows)
    with pytest.raises(DataError, match=r"armenia_data\.csv, field 'export': 2022 1: partners sum to "
                                        r"2,730,000,000\.0, not thousand USD"):
        national_am.parse(tmp_path)


def test_unknown_partner_name(tmp_path):
    write_file(tmp_path, rows=[*ROWS, ["Atlantis", "5.0", "-", "-", "Year", "2022"]])
    with pytest.raises(UnknownCountryError) as err:
        national_am.parse(tmp_path)
    assert "armenia_data.csv" in str(err.value) and "'Atlantis' at line 13" in str(err.value)


def test_bad_time_period(tmp_path):
    write_file(tmp_path, rows=[*ROWS, ["China", "1.0", "-", "-", "13", "2022"]])
    with pytest.raises(DataError, match=r"row 13, field 'timeperiod': timeperiod '13' is neither 'Year' nor a "
                                        r"month 1-12"):
        national_am.parse(tmp_path)
