"""EU exports of sanctioned products: sums checked against one independent pass over the raw file; broken inputs."""

from __future__ import annotations

import collections
import csv
import gzip
from pathlib import Path

import pytest

from multipolar.errors import DataError, UnknownCountryError
from multipolar.schema import TABLES
from multipolar.sources import eurostat_sanctioned
from multipolar.store.tables import validate, write_table

FOLDER = "eurostat_sanctioned_cn8"
TIDY = "eu_exports_cn_monthly_tidy.csv.gz"
# An HS4 code whose CN8 sub-codes are also in the file, and a CHPL tier-1 CN8 code (HS6 854231, processors).
HS4, CN8_TIER1 = "8511", "85423190"


@pytest.fixture(scope="module")
def raw(data_dir):
    """One pass over the raw file with the csv module: the figures the parser's output must reproduce."""
    facts = {"rows": 0, "colon": 0, "by_length": collections.Counter(), "cells": set(), "reporters": set(),
             "hs4": collections.Counter(), "hs4_children": collections.Counter(), "cn8": collections.Counter(),
             "codes": set()}
    with gzip.open(data_dir / FOLDER / TIDY, "rt", encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        i_code, i_reporter, i_partner, i_period, i_value = (header.index(c) for c in
                                                             ("product_code", "reporter", "partner", "period", "value"))
        for r in reader:
            facts["rows"] += 1
            if r[i_value] == ":":
                facts["colon"] += 1
                continue
            value, code, cell = float(r[i_value]), r[i_code], (r[i_partner], r[i_period])
            facts["by_length"][len(code)] += value
            facts["cells"].add((*cell, code))
            facts["reporters"].add(r[i_reporter])
            if code == HS4:
                facts["hs4"][cell] += value
            elif code == CN8_TIER1:
                facts["cn8"][cell] += value
            elif code[:4] == HS4:
                facts["hs4_children"][cell] += value
    facts["codes"] = {code for _, _, code in facts["cells"]}
    return facts


def with_period(frame):
    """product_trade rows with the raw file's period ('YYYY-MM'), code length and value_eur for comparison."""
    return frame.assign(period=frame.year.astype(str) + "-" + frame.month.map("{:02d}".format),
                        code_length=frame.product_code.str.len(), value_eur=frame.value)


@pytest.fixture(scope="module")
def parsed(data_dir):
    return eurostat_sanctioned.parse(data_dir)


@pytest.fixture(scope="module")
def table(parsed):
    return with_period(parsed["product_trade"])


def test_file_facts_stated_in_provenance_and_steps(raw):
    assert raw["rows"] == 1_141_670          # PROVENANCE.txt: 1,141,670 rows
    assert raw["colon"] == 0                 # ORIGIN.steps: "0 of the 1,141,670 rows"
    assert len(raw["codes"]) == 2_333        # PROVENANCE.txt: 2,333 product codes
    assert len(raw["reporters"]) == 27
    assert any("0 of the 1,141,670" in s for s in eurostat_sanctioned.ORIGIN.steps)


def test_schema_and_aggregation(table, parsed, raw):
    validate(parsed["product_trade"], TABLES["product_trade"], origin="eurostat_sanctioned")
    assert set(table.reporter) == {"EUU"} and set(table.flow) == {"export"} and set(table.currency) == {"EUR"}
    assert set(zip(table.code_level, table.code_length)) == {("CN8", 8), ("HS4", 4)}
    assert set(table.partner) == {"ARM", "BLR", "GEO", "KAZ", "KGZ", "RUS", "UZB"}
    assert len(table) == len(raw["cells"])   # one row per partner, month and product code
    assert table.period.min() == "2020-01" and table.period.max() == "2022-11"
    assert table.period.nunique() == 35


def test_totals_per_code_length(table, raw):
    for length in (4, 8):
        got = table.loc[table.code_length == length, "value_eur"].sum()
        assert got == pytest.approx(raw["by_length"][length], rel=1e-12)


def test_member_sum_for_a_chpl_code(table, raw):
    rows = table[table.product_code == CN8_TIER1]
    got = {(p, m): v for p, m, v in zip(rows.partner, rows.period, rows.value_eur)}
    names = {"Kazakhstan": "KAZ", "Russian Federation (Russia)": "RUS", "Armenia": "ARM", "Georgia": "GEO",
             "Kyrgyzstan": "KGZ", "Uzbekistan": "UZB", "Belarus (Belorussia)": "BLR"}
    expected = {(names[p], m): v for (p, m), v in raw["cn8"].items()}
    assert expected and got.keys() == expected.keys()
    for key, value in expected.items():
        assert got[key] == pytest.approx(value, rel=1e-12)
    assert set(rows.chpl_tier) == {"1"}


def test_hs4_rows_are_not_summed_with_their_cn8_rows(table, raw):
    rows = table[(table.product_code == HS4) & (table.partner == "RUS")]
    hs4 = {m: v for (p, m), v in raw["hs4"].items() if p == "Russian Federation (Russia)"}
    assert dict(zip(rows.period, rows.value_eur)) == pytest.approx(hs4, rel=1e-12)
    assert (rows.code_length == 4).all() and rows.chpl_tier.isna().all()
    # Its CN8 sub-codes carry comparable sums: adding both would roughly double the HS4 figure.
    children = sum(v for (p, m), v in raw["hs4_children"].items() if p == "Russian Federation (Russia)")
    assert children > 0.5 * sum(hs4.values())
    assert "never sum" in TABLES["product_trade"].description and "never sum" in \
        " ".join(eurostat_sanctioned.ORIGIN.caveats)


def test_chpl_tiers(table, data_dir):
    with (data_dir / "chpl" / "chpl_hs6.csv").open(encoding="utf-8", newline="") as fh:
        tiers = {r["hs6"]: r["tier"] for r in csv.DictReader(fh)}
    cn8 = table[table.code_length == 8]
    expected = cn8.product_code.str[:6].map(tiers)
    assert (cn8.chpl_tier.fillna("-") == expected.fillna("-")).all()
    on_list = set(cn8.loc[cn8.chpl_tier.notna(), "product_code"].str[:6])
    assert len(on_list) == 19   # PROVENANCE.txt: 19 of the 50 CHPL HS6 codes occur as CN8 prefixes
    assert table.loc[table.code_length == 4, "chpl_tier"].isna().all()


def test_codes_are_on_the_reference_lists(table, data_dir):
    folder = data_dir / FOLDER
    with (folder / "export_sanctions_codes.csv").open(encoding="utf-8", newline="") as fh:
        annex = {r["code"] for r in csv.DictReader(fh)}
    with (folder / "product_labels.csv").open(encoding="utf-8", newline="") as fh:
        labelled = {r["product_code"] for r in csv.DictReader(fh)}
    codes = set(table.product_code)
    assert {c for c in codes if len(c) == 8} <= annex
    assert codes <= labelled


def test_fits_its_share_of_the_pack_budget(parsed, tmp_path):
    path = tmp_path / "product_trade.parquet"
    write_table(validate(parsed["product_trade"], TABLES["product_trade"]), path, {})
    assert path.stat().st_size < 3 * 1024 * 1024


def test_product_labels(parsed, data_dir):
    with (data_dir / FOLDER / "product_labels.csv").open(encoding="utf-8", newline="") as fh:
        labels = {r["product_code"]: r["product_label"] for r in csv.DictReader(fh)}
    codes = parsed["product_codes"]
    validate(codes, TABLES["product_codes"], origin="eurostat_sanctioned")
    assert dict(zip(codes.product_code, codes.label)) == labels
    assert set(zip(codes.code_level, codes.product_code.str.len())) == {("CN8", 8), ("HS4", 4)}


def test_origin():
    o = eurostat_sanctioned.ORIGIN
    assert "not re-verified" in o.licence.lower()
    assert any("ds-045409" in u.lower() for u in o.urls)
    assert any("vzemlys/ruimpeks" in u for u in o.urls)
    assert any("AGGREGATED" in s and "EUU" in s for s in o.steps)


# --- broken inputs ------------------------------------------------------------------------------------------------

HEADER = "product_code,flow,indicator,reporter,partner,period,value"
ROWS = [
    "85423190,EXPORT,VALUE_IN_EUROS,Austria,Kazakhstan,2022-06,100.0",
    "85423190,EXPORT,VALUE_IN_EUROS,Poland,Kazakhstan,2022-06,50.0",
    "8511,EXPORT,VALUE_IN_EUROS,Poland,Kazakhstan,2022-06,7.0",
    "85111000,EXPORT,VALUE_IN_EUROS,Poland,Kazakhstan,2022-06,5.0",
]
CHPL = "hs6,tier\n854231,1\n851762,2\n"


def make_folder(tmp_path: Path, lines=None, *, data: bytes | None = None) -> Path:
    folder = tmp_path / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (tmp_path / "chpl").mkdir(exist_ok=True)
    (tmp_path / "chpl" / "chpl_hs6.csv").write_text(CHPL, encoding="utf-8")
    codes = {line.split(",")[0] for line in (ROWS if lines is None else lines)}
    labels = "product_code,product_label\n" + "".join(f"{c},product {c}\n" for c in sorted(codes))
    (folder / "product_labels.csv").write_text(labels, encoding="utf-8")
    if data is None:
        data = gzip.compress(("\n".join([HEADER, *(ROWS if lines is None else lines)]) + "\n").encode("utf-8"))
    (folder / TIDY).write_bytes(data)
    return tmp_path


def test_small_file(tmp_path):
    out = eurostat_sanctioned.parse(make_folder(tmp_path))["product_trade"]
    got = {code: (value, tier) for code, value, tier in zip(out.product_code, out.value, out.chpl_tier)}
    assert got == {"85423190": (150.0, "1"), "8511": (7.0, None), "85111000": (5.0, None)}


def test_reordered_columns(tmp_path):
    rows = list(csv.reader([HEADER, *ROWS]))
    order = [5, 3, 6, 0, 2, 4, 1]
    lines = [",".join(row[i] for i in order) for row in rows]
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
    shuffled = eurostat_sanctioned.parse(make_folder(tmp_path / "a", data=data))["product_trade"]
    plain = eurostat_sanctioned.parse(make_folder(tmp_path / "b"))["product_trade"]
    assert shuffled.equals(plain)


def test_confidential_values_dropped(tmp_path):
    lines = [ROWS[0], ROWS[1].replace(",50.0", ",:")]
    out = eurostat_sanctioned.parse(make_folder(tmp_path, lines))["product_trade"]
    assert out.value.tolist() == [100.0]


def test_quantity_instead_of_value(tmp_path):
    lines = [ROWS[0], ROWS[1].replace("VALUE_IN_EUROS", "QUANTITY_IN_100KG")]
    with pytest.raises(DataError) as err:
        eurostat_sanctioned.parse(make_folder(tmp_path, lines))
    message = str(err.value)
    assert TIDY in message and "row 3" in message and "'indicator'" in message and "wrong unit" in message


def test_lost_leading_zero(tmp_path):
    lines = [ROWS[0], "1012100,EXPORT,VALUE_IN_EUROS,Austria,Kazakhstan,2022-06,1.0"]
    with pytest.raises(DataError, match="lost leading zero") as err:
        eurostat_sanctioned.parse(make_folder(tmp_path, lines))
    assert "row 3" in str(err.value)


def test_unknown_partner(tmp_path):
    lines = [ROWS[0], ROWS[1].replace("Kazakhstan", "Kazakstan Republic")]
    with pytest.raises(UnknownCountryError) as err:
        eurostat_sanctioned.parse(make_folder(tmp_path, lines))
    message = str(err.value)
    assert TIDY in message and "row 3" in message and "Kazakstan Republic" in message and "'partner'" in message


def test_bad_period(tmp_path):
    with pytest.raises(DataError, match="'2022-13' is not YYYY-MM"):
        eurostat_sanctioned.parse(make_folder(tmp_path, [ROWS[0].replace("2022-06", "2022-13")]))


def test_conflicting_duplicate(tmp_path):
    with pytest.raises(DataError, match="different values"):
        eurostat_sanctioned.parse(make_folder(tmp_path, [ROWS[0], ROWS[0].replace("100.0", "101.0")]))


def test_code_without_label(tmp_path):
    folder = make_folder(tmp_path)
    (folder / FOLDER / "product_labels.csv").write_text("product_code,product_label\n85423190,processors\n",
                                                         encoding="utf-8")
    with pytest.raises(DataError, match="2 product codes have no label") as err:
        eurostat_sanctioned.parse(folder)
    assert "product_labels.csv" in str(err.value)
