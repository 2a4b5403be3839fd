"""russia_customs: 94itog (annual) and 96stran (monthly) → trade_flows and trade_monthly; PROVENANCE figures, tidy
cross-checks, bad input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from multipolar.countries import to_iso3
from multipolar.errors import DataError, UnknownCountryError
from multipolar.schema import TABLES
from multipolar.sources import russia_customs

# --- real data -------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tables(data_dir) -> dict[str, pd.DataFrame]:
    return russia_customs.parse(data_dir)


def value(flows, partner, year, flow, source) -> pd.Series:
    hit = flows[(flows.partner == partner) & (flows.year == year) & (flows.flow == flow) & (flows.source == source)]
    assert len(hit) == 1, hit
    return hit.iloc[0]


def test_columns(tables):
    assert list(tables["trade_flows"].columns) == TABLES["trade_flows"].columns
    assert list(tables["trade_monthly"].columns) == TABLES["trade_monthly"].columns
    for frame in tables.values():
        assert set(frame.reporter) == {"RUS"}
        assert (frame.basis == frame.flow.map({"export": "FOB", "import": "CIF"})).all()
        assert not frame.is_estimate.any()


def test_annual_table_figures(tables):
    # russia_customs/PROVENANCE.txt, 94itog 2021: exports KZ 18,496 / imports KZ 7,135; exports BY 23,137.
    flows = tables["trade_flows"]
    assert value(flows, "KAZ", 2021, "export", "russia_fcs").value_published == 18_496
    assert value(flows, "KAZ", 2021, "import", "russia_fcs").value_published == 7_135
    assert value(flows, "BLR", 2021, "export", "russia_fcs").value_published == 23_137
    assert value(flows, "TJK", 2021, "import", "russia_fcs").value_published == pytest.approx(99.6)
    assert value(flows, "KAZ", 2021, "export", "russia_fcs").value_usd == 18_496e6
    # CIS / non-CIS subtotals are not partners; the world total is
    assert set(flows[flows.source == "russia_fcs"].partner) == {"WLD", "ARM", "BLR", "KAZ", "KGZ", "TJK", "UZB"}


def test_monthly_sums(tables):
    # PROVENANCE, 96stran 2021 annual sums: China exp 68,902 / imp 72,700; India 9,127 / 4,428; Kazakhstan 18,495.
    flows = tables["trade_flows"]
    assert value(flows, "CHN", 2021, "export", "russia_fcs_monthly").value_published == pytest.approx(68_902, abs=0.5)
    assert value(flows, "CHN", 2021, "import", "russia_fcs_monthly").value_published == pytest.approx(72_700, abs=0.5)
    assert value(flows, "IND", 2021, "import", "russia_fcs_monthly").value_published == pytest.approx(4_428, abs=0.5)
    kz = value(flows, "KAZ", 2021, "export", "russia_fcs_monthly")
    assert kz.value_published == pytest.approx(18_495, abs=0.5) and kz.months == 12


def test_kazakhstan_2010_is_six_months(tables):
    # PROVENANCE: 12 cells are '…' (Kazakhstan, H2 2010) → 6 months for each flow.
    flows = tables["trade_flows"]
    row = value(flows, "KAZ", 2010, "export", "russia_fcs_monthly")
    assert row.months == 6 and "7, 8, 9, 10, 11, 12" in row.note
    assert value(flows, "KAZ", 2010, "export", "russia_fcs").months == 12
    assert (flows.months < 12).sum() == 2


def test_monthly_rows(tables):
    monthly = tables["trade_monthly"]
    # 29 partners × 2 flows × 16 years × 12 months, less the 12 '…' cells
    assert len(monthly) == 29 * 2 * 16 * 12 - 12
    assert monthly.period.str.fullmatch(r"20(0[6-9]|1\d|2[01])-(0[1-9]|1[0-2])").all()
    assert not monthly.duplicated(["partner", "period", "flow"]).any()


def test_equals_tidy_csvs(tables, data_dir):
    folder = data_dir / "russia_customs"
    flows_map = {"exports": "export", "imports": "import"}
    annual = pd.read_csv(folder / "russia_fcs_annual_cis_1994_2021.csv")
    annual = annual[~annual.partner.isin(["CIS", "Non-CIS (far abroad)"])].copy()
    annual["partner"] = annual.partner.map(to_iso3(set(annual.partner) - {"World"}) | {"World": "WLD"})
    annual["flow"] = annual.flow.map(flows_map)
    ours = tables["trade_flows"][tables["trade_flows"].source == "russia_fcs"]
    both = annual.merge(ours, on=["partner", "year", "flow"], how="outer", indicator=True)
    assert (both["_merge"] == "both").all()
    np.testing.assert_allclose(both.value_published, both.value_musd)

    monthly = pd.read_csv(folder / "russia_fcs_monthly_top29_2006_2021.csv")
    monthly["partner"] = monthly.partner.map(to_iso3(set(monthly.partner)))
    monthly["flow"] = monthly.flow.map(flows_map)
    monthly["period"] = [f"{y}-{m:02d}" for y, m in zip(monthly.year, monthly.month)]
    both = monthly.merge(tables["trade_monthly"], on=["partner", "period", "flow"], how="outer", indicator=True)
    assert (both["_merge"] == "both").all()
    np.testing.assert_allclose(both.value_published, both.value_musd, rtol=1e-12)


# --- small files written by the tests --------------------------------------------------------------------------------

MONTHS = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
          "декабрь"]


def write_annual(folder: Path, unit="(млн долларов США)", kz_label="Казахстан", kz_export=18496.0) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "Содержание"
    sheet = book.create_sheet("2021")
    sheet["A1"], sheet["A3"], sheet["B3"], sheet["B4"] = "К содержанию", "(по данным ФТС России)", unit, 2021
    rows = [("Экспорт ", 493096.0), (" со странами дальнего зарубежья", 428162.0), (" со странами СНГ", 64934.0),
            (kz_label, kz_export), ("Импорт", 293531.0), (" со странами СНГ", 31384.0), ("Казахстан", 7135.0)]
    for i, (label, v) in enumerate(rows, start=5):
        sheet.cell(row=i, column=1, value=label)
        sheet.cell(row=i, column=2, value=v)
    path = folder / "russia_customs" / "94itog.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def write_monthly(folder: Path, partners=("Китaй", "Казахстан"), unit="(млн доллалов США)", cells=None) -> Path:
    """Two sheets, 2021 only; export value of partner j in month m = 100*(j+1) + m, import = half of that."""
    book = openpyxl.Workbook()
    book.active.title = "Содержание"
    for name, factor in (("Экспорт", 1.0), ("Импорт", 0.5)):
        sheet = book.create_sheet(name)
        sheet["A1"], sheet["A3"], sheet["A4"], sheet["A6"] = "К содержанию", "(по данным ФТС России)", unit, 2021
        for j, label in enumerate(partners):
            sheet.cell(row=5, column=2 + j, value=label)
            for m in range(1, 13):
                sheet.cell(row=6 + m, column=1, value=f"  {MONTHS[m - 1]}")
                sheet.cell(row=6 + m, column=2 + j, value=(100 * (j + 1) + m) * factor)
        for ref, v in (cells or {}).get(name, {}).items():
            sheet[ref] = v
    path = folder / "russia_customs" / "96stran.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def write_both(folder: Path, **monthly) -> None:
    write_annual(folder)
    write_monthly(folder, **monthly)


def test_small_files(tmp_path):
    write_both(tmp_path)
    tables = russia_customs.parse(tmp_path)
    flows = tables["trade_flows"]
    annual = flows[flows.source == "russia_fcs"]
    assert sorted(annual[["partner", "flow", "value_published"]].itertuples(index=False, name=None)) == [
        ("KAZ", "export", 18496.0), ("KAZ", "import", 7135.0), ("WLD", "export", 493096.0),
        ("WLD", "import", 293531.0)]
    sums = flows[flows.source == "russia_fcs_monthly"].set_index(["partner", "flow"]).value_published
    # 'Китaй' has a Latin 'a' and is read as China; sum over months of 100 + m = 1200 + 78
    assert sums[("CHN", "export")] == 1200 + 78 and sums[("KAZ", "import")] == (2400 + 78) / 2
    monthly = tables["trade_monthly"].set_index(["partner", "period", "flow"]).value_published
    assert monthly[("CHN", "2021-03", "export")] == 103 and len(monthly) == 2 * 2 * 12


def test_reordered_partner_columns(tmp_path):
    write_both(tmp_path / "a")
    write_both(tmp_path / "b", partners=("Казахстан", "Китaй"))
    a = russia_customs.parse(tmp_path / "a")["trade_monthly"].set_index(["partner", "period", "flow"]).value_published
    b = russia_customs.parse(tmp_path / "b")["trade_monthly"].set_index(["partner", "period", "flow"]).value_published
    # values follow the column, so the partner each belongs to swaps with the header
    assert a[("CHN", "2021-05", "export")] == b[("KAZ", "2021-05", "export")] == 105
    assert a[("KAZ", "2021-05", "export")] == b[("CHN", "2021-05", "export")] == 205


def test_ellipsis_cells_skipped(tmp_path):
    write_both(tmp_path, cells={"Экспорт": {"C13": "…", "C14": "…"}})  # Kazakhstan (column C), July and August
    flows = russia_customs.parse(tmp_path)["trade_flows"]
    kz = flows[(flows.partner == "KAZ") & (flows.flow == "export") & (flows.source == "russia_fcs_monthly")].iloc[0]
    assert kz.months == 10 and kz.value_published == 2400 + 78 - 207 - 208 and "7, 8 not published" in kz.note


def test_wrong_unit_annual(tmp_path):
    write_annual(tmp_path, unit="(тыс. долларов США)")
    write_monthly(tmp_path)
    with pytest.raises(DataError) as err:
        russia_customs.parse(tmp_path)
    message = str(err.value)
    assert "94itog.xlsx" in message and "sheet '2021' cell B3" in message and "'(тыс. долларов США)'" in message


def test_wrong_unit_monthly(tmp_path):
    write_both(tmp_path, unit="(тыс. долларов США)")
    with pytest.raises(DataError, match=r"96stran\.xlsx, field \"sheet 'Экспорт' cell A4\": unit is '\(тыс\. "):
        russia_customs.parse(tmp_path)


def test_unknown_partner_monthly(tmp_path):
    write_both(tmp_path, partners=("Китaй", "Атлантида"))
    with pytest.raises(UnknownCountryError) as err:
        russia_customs.parse(tmp_path)
    assert "96stran.xlsx" in str(err.value) and "'Атлантида' at sheet 'Экспорт' cell C5" in str(err.value)


def test_unknown_partner_annual(tmp_path):
    write_annual(tmp_path, kz_label="Казахстанн")
    write_monthly(tmp_path)
    with pytest.raises(UnknownCountryError, match=r"94itog\.xlsx.*'Казахстанн' at sheet '2021' cell A8"):
        russia_customs.parse(tmp_path)


def test_text_value(tmp_path):
    write_annual(tmp_path, kz_export="18 496 млн")
    write_monthly(tmp_path)
    with pytest.raises(DataError, match=r"94itog\.xlsx, row 8, field \"sheet '2021' cell B8\": not a number"):
        russia_customs.parse(tmp_path)


def test_unknown_row_label_monthly(tmp_path):
    write_both(tmp_path, cells={"Импорт": {"A10": "I квартал"}})
    with pytest.raises(DataError, match=r"96stran\.xlsx, row 10, .*'I квартал' is neither a year nor a month"):
        russia_customs.parse(tmp_path)


def test_missing_monthly_workbook(tmp_path):
    write_annual(tmp_path)
    with pytest.raises(DataError, match=r"no file matches '96stran\.xlsx'"):
        russia_customs.parse(tmp_path)
