"""imf_imts: Russia's IMTS extract → trade_flows; PROVENANCE figures, the tidy CSV as cross-check, bad input."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from multipolar.errors import DataError, UnknownCountryError
from multipolar.schema import TABLES
from multipolar.sources import imf_imts

# --- real data -------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def flows(data_dir) -> pd.DataFrame:
    return imf_imts.parse(data_dir)["trade_flows"]


def value(flows, partner, year, flow) -> float:
    hit = flows[(flows.partner == partner) & (flows.year == year) & (flows.flow == flow)]
    assert len(hit) == 1, hit
    return float(hit.value_published.iloc[0])


def test_provenance_figures(flows):
    # imf_imts_russia/PROVENANCE.txt: RUS exports to CHN (musd) 2021 68,423 | 2023 111,455;
    # imports from CHN 2021 72,686 | 2024 124,272.
    assert value(flows, "CHN", 2021, "export") == pytest.approx(68_423, abs=0.5)
    assert value(flows, "CHN", 2023, "export") == pytest.approx(111_455, abs=0.5)
    assert value(flows, "CHN", 2021, "import") == pytest.approx(72_686, abs=0.5)
    assert value(flows, "CHN", 2024, "import") == pytest.approx(124_272, abs=0.5)


def test_flows_basis_and_estimates(flows):
    assert list(flows.columns) == TABLES["trade_flows"].columns
    assert set(flows.reporter) == {"RUS"} and set(flows.source) == {"imf_imts"}
    assert (flows.basis == flows.flow.map({"export": "FOB", "import": "CIF"})).all()
    late = flows.year >= 2022
    assert flows.is_estimate.eq(late).all()
    assert flows.loc[late, "note"].str.contains("stopped publishing").all() and flows.loc[~late, "note"].isna().all()
    assert (flows.value_usd == flows.value_published * 1e6).all()


def test_world_kept_aggregates_skipped(flows):
    assert value(flows, "WLD", 2021, "export") == pytest.approx(492_048.058897)  # G001 row of RU_trade.csv
    assert "EUU" in set(flows.partner) and "PSE" in set(flows.partner)  # G998 and WBG
    assert flows.partner.str.fullmatch("[A-Z]{3}").all()


def test_empty_partner_years_have_no_rows(flows):
    # PROVENANCE: KAZ 2024 empty, TKM 2022-2024 empty.
    assert flows[(flows.partner == "KAZ") & (flows.year == 2024)].empty
    assert flows[(flows.partner == "TKM") & (flows.year >= 2022)].empty


def test_equals_tidy_csv(flows, data_dir):
    tidy = pd.read_csv(data_dir / "imf_imts_russia" / "russia_imts_tidy.csv")
    tidy["flow"] = tidy.flow.map({"exports_fob": "export", "imports_cif": "import"})
    # the tidy file keeps aggregate codes; its 3-letter codes other than the historical ones are countries
    codes = {"G001": "WLD", "G998": "EUU", "WBG": "PSE"}
    tidy["partner"] = tidy.partner_code.map(lambda c: codes.get(c, c if len(c) == 3 else None))
    tidy = tidy.dropna(subset=["partner"])
    both = tidy.merge(flows, on=["partner", "year", "flow"], how="outer", indicator=True)
    assert (both["_merge"] == "both").all(), both[both["_merge"] != "both"].head()
    np.testing.assert_allclose(both.value_published, both.value_musd, rtol=1e-9)  # tidy keeps 12 digits


# --- small files written by the tests --------------------------------------------------------------------------------

HEADER = ["DATASET", "SERIES_CODE", "OBS_MEASURE", "COUNTRY.ID", "COUNTRY", "INDICATOR.ID", "INDICATOR",
          "COUNTERPART_COUNTRY.ID", "COUNTERPART_COUNTRY", "FREQUENCY.ID", "FREQUENCY", "SCALE.ID", "SCALE",
          "TRADE_FLOW.ID", "TRADE_FLOW", "2021", "2022"]


def record(indicator, code, name, v2021, v2022, scale=("6", "Millions")):
    flow = ("XG", "Exports of goods") if indicator == "XG_FOB_USD" else ("MG", "Imports of goods")
    return ["IMF.STA:IMTS(1.0.0)", f"RUS.{indicator}.{code}.A", "OBS_VALUE", "RUS", "Russian Federation", indicator,
            indicator, code, name, "A", "Annual", *scale, *flow, v2021, v2022]


RECORDS = [
    record("XG_FOB_USD", "CHN", "China, People's Republic of", "68422.666052", "98004.80377930295"),
    record("MG_CIF_USD", "CHN", "China, People's Republic of", "72685.740904", ""),
    record("XG_FOB_USD", "G001", "World", "492048.058897", "594337.0752153641"),
    record("XG_FOB_USD", "G163", "Euro Area (EA)", "1.5", "2.5"),
    record("XG_FOB_USD", "CIV", "Côte d'Ivoire", "12.25", ""),
]


def write_imts(folder: Path, records=RECORDS, header=HEADER, encoding="utf-8-sig") -> Path:
    path = folder / "imf_imts_russia" / "RU_trade.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_ALL)
        writer.writerow(header)
        writer.writerows(records)
    return path


def rows(frame):
    return sorted(frame[["partner", "year", "flow", "basis", "value_published", "is_estimate"]]
                  .itertuples(index=False, name=None))


EXPECTED = [("CHN", 2021, "export", "FOB", 68422.666052, False), ("CHN", 2021, "import", "CIF", 72685.740904, False),
            ("CHN", 2022, "export", "FOB", 98004.80377930295, True), ("CIV", 2021, "export", "FOB", 12.25, False),
            ("WLD", 2021, "export", "FOB", 492048.058897, False), ("WLD", 2022, "export", "FOB", 594337.0752153641,
                                                                   True)]


def test_small_file(tmp_path):
    write_imts(tmp_path)
    assert rows(imf_imts.parse(tmp_path)["trade_flows"]) == EXPECTED


def test_reordered_columns_parse_the_same(tmp_path):
    order = list(reversed(range(len(HEADER))))
    write_imts(tmp_path, [[r[i] for i in order] for r in RECORDS], [HEADER[i] for i in order])
    assert rows(imf_imts.parse(tmp_path)["trade_flows"]) == EXPECTED


def test_wrong_unit(tmp_path):
    records = [*RECORDS[:2], record("XG_FOB_USD", "KAZ", "Kazakhstan", "1", "2", scale=("3", "Thousands"))]
    write_imts(tmp_path, records)
    with pytest.raises(DataError, match=r"RU_trade\.csv, row 4, field 'SCALE': unit is SCALE 'Thousands' "
                                        r"\(SCALE\.ID '3'\), expected 'Millions'"):
        imf_imts.parse(tmp_path)


def test_unknown_counterpart(tmp_path):
    write_imts(tmp_path, [*RECORDS, record("XG_FOB_USD", "QQQ", "Atlantis", "1", "")])
    with pytest.raises(UnknownCountryError) as err:
        imf_imts.parse(tmp_path)
    assert "RU_trade.csv" in str(err.value) and "'QQQ' at row 7" in str(err.value)


def test_missing_column(tmp_path):
    keep = [i for i, h in enumerate(HEADER) if h != "SCALE"]
    write_imts(tmp_path, [[r[i] for i in keep] for r in RECORDS], [HEADER[i] for i in keep])
    with pytest.raises(DataError, match=r"RU_trade\.csv, row 1: missing columns \['SCALE'\]"):
        imf_imts.parse(tmp_path)


def test_other_reporter_refused(tmp_path):
    other = record("XG_FOB_USD", "CHN", "China", "1", "2")
    other[3] = "KAZ"
    write_imts(tmp_path, [other])
    with pytest.raises(DataError, match=r"row 2, field 'COUNTRY.ID': reporter 'KAZ'"):
        imf_imts.parse(tmp_path)


def test_text_value(tmp_path):
    write_imts(tmp_path, [record("XG_FOB_USD", "CHN", "China", "n.a.", "")])
    with pytest.raises(DataError, match=r"RU_trade\.csv, row 2, field '2021': not a number: 'n.a.'"):
        imf_imts.parse(tmp_path)


def test_duplicate_series(tmp_path):
    write_imts(tmp_path, [RECORDS[0], RECORDS[0]])
    with pytest.raises(DataError, match=r"row 3, field 'COUNTERPART_COUNTRY.ID': XG_FOB_USD for CHN also in row 2"):
        imf_imts.parse(tmp_path)
