"""One reader contract over every source module: a corrupted copy of a real raw file gives ONE clear error naming the
file (and the row and field where there is one) and leaves the previous pack byte-identical.

Each case copies the real files of one source into a temporary data folder (symlinks, the damaged file as a real
copy: the raw data are never committed), damages one file the way the issue-10 campaign did, then builds the pack
from that source into a folder that holds a copy of the shipped pack. Categories: encodings, truncation (every text
format, gzip streams, workbooks, JSON), implausible values (negative, rescaled, wrong unit, future years), number
locales, duplicated lines, structure (columns, rows, units, countries).
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from multipolar import config, store
from multipolar.errors import DataError
from multipolar.sources import load_source


# --- damaging a copy ------------------------------------------------------------------------------------------------

def _text(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.name.endswith(".gz") else data).decode("utf-8-sig")


def _write(path: Path, text: str | bytes) -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    path.write_bytes(gzip.compress(data, mtime=0) if path.name.endswith(".gz") else data)


def cut_last_value(path: Path) -> None:
    """Cut the file inside its last value (as a transfer stopped mid-row): no final line break, digits missing."""
    text = _text(path).rstrip("\r\n")
    _write(path, text[:-3])


def cut_gzip_stream(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def cut_in_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def utf16(path: Path) -> None:
    _write(path, codecs.BOM_UTF16_LE + _text(path).encode("utf-16-le"))


def utf16_without_mark(path: Path) -> None:
    _write(path, _text(path).encode("utf-16-le"))


def cp1252_byte(path: Path) -> None:
    """A Latin-1/cp1252 'é' (byte 0xE9) in the third line, as a file re-saved by a spreadsheet in Western encoding."""
    lines = _text(path).encode("utf-8").split(b"\n")
    lines[2] = lines[2][:3] + b"\xe9" + lines[2][3:]
    _write(path, b"\n".join(lines))


def empty(path: Path) -> None:
    _write(path, "")


def header_only(path: Path) -> None:
    _write(path, _text(path).splitlines(keepends=True)[0])


def not_a_workbook(path: Path) -> None:
    path.write_bytes(b"<html><body>Service temporarily unavailable</body></html>\n")


def edit_line(pattern: str, change: Callable[[str], str]) -> Callable[[Path], None]:
    """Change the first line matching pattern (a regex) with change(line)."""
    def mutate(path: Path) -> None:
        lines = _text(path).split("\n")
        i = next(n for n, line in enumerate(lines) if re.search(pattern, line))
        lines[i] = change(lines[i])
        _write(path, "\n".join(lines))
    return mutate


def field(pattern: str, index: int, value: str | Callable[[str], str], sep: str = ",") -> Callable[[Path], None]:
    """Set field `index` of the first line matching pattern (simple CSV lines without quoted separators)."""
    def change(line: str) -> str:
        cells = line.split(sep)
        cells[index] = value(cells[index]) if callable(value) else value
        return sep.join(cells)
    return edit_line(pattern, change)


def times(factor: float) -> Callable[[str], str]:
    return lambda cell: repr(float(cell.strip().strip('"')) * factor)


def duplicate_line(pattern: str) -> Callable[[Path], None]:
    def mutate(path: Path) -> None:
        lines = _text(path).split("\n")
        i = next(n for n, line in enumerate(lines) if re.search(pattern, line))
        lines.insert(i + 1, lines[i])
        _write(path, "\n".join(lines))
    return mutate


def drop_column(name: str) -> Callable[[Path], None]:
    def mutate(path: Path) -> None:
        lines = _text(path).split("\n")
        header = lines[0].split(",")
        i = header.index(name)
        _write(path, "\n".join(",".join(c for n, c in enumerate(line.split(",")) if n != i) if line else line
                               for line in lines))
    return mutate


def column_in_thousands(column: int) -> Callable[[Path], None]:
    """Every value of one column divided by 1000 (a file published in thousands), header kept."""
    def mutate(path: Path) -> None:
        import csv
        import io

        rows = list(csv.reader(io.StringIO(_text(path))))
        for cells in rows[1:]:
            if len(cells) > column and cells[column].strip():
                cells[column] = repr(float(cells[column]) / 1000)
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        _write(path, out.getvalue())
    return mutate


def workbook_cell(sheet: int, find: Callable, value) -> Callable[[Path], None]:
    """Set a cell of an .xlsx found by find(worksheet) -> (row, column) (openpyxl; the workbook re-saved)."""
    def mutate(path: Path) -> None:
        import openpyxl

        book = openpyxl.load_workbook(path)
        ws = book.worksheets[sheet]
        r, c = find(ws)
        ws.cell(r, c).value = value(ws.cell(r, c).value) if callable(value) else value
        book.save(path)
    return mutate


def row_of(label: str, column_header) -> Callable:
    """(row, column) of the cell in the row labelled `label` (column B) under the header `column_header` (row 7)."""
    def find(ws):
        col = next(c.column for c in ws[7] if c.value is not None and str(c.value).split(".")[0] == str(column_header))
        row = next(c.row for c in ws["B"] if c.value == label)
        return row, col
    return find


# --- the cases ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    id: str            # what the campaign did
    source: str        # module under multipolar.sources
    file: str          # the damaged file, relative to the source's folder
    mutate: Callable[[Path], None]
    expect: str        # regex the one-line error must match (after the file name)
    only: tuple[str, ...] = ()  # copy only these files of the source (glob patterns), to keep big sources fast


AM = "armenia_data.csv"
AM_CN_2019 = r"^China,193709\.7,.*,Year,2019"
WB_KAZ_2019 = r"^Kazakhstan,KAZ,2019,"
DOTS_FEW = ("raw_xlsx/DOTS_103.xlsx", "raw_xlsx/DOTS_221.xlsx", "raw_xlsx/DOTS_9.xlsx")
ROW = r", row \d+"
NOT_UTF8 = r"not UTF-8 text"
CUT = r"(file does not end with a line break: truncated\?|.*cut short)"

CASES = [
    # -- silently accepted before issue 10: implausible values ----------------------------------------------------
    Case("armenia_negative_export", "national_am", AM, field(AM_CN_2019, 1, "-193709.7"),
         ROW + r", field 'export': negative value '-193709\.7': trade is never negative"),
    Case("armenia_row_x1000", "national_am", AM, field(AM_CN_2019, 1, times(1000)),
         ROW + r", field 'export': China 2019: the annual 193,709,700\.0 differs from the sum of its 12 months"),
    Case("armenia_month_x1000", "national_am", AM, field(r"^China,[\d.]+,.*,5,2019", 1, times(1000)),
         ROW + r", field 'export': China 2019: the annual .* differs from the sum of its 12 months"),
    Case("armenia_year_2999", "national_am", AM, field(AM_CN_2019, 5, "2999"),
         ROW + r", field 'year': year 2999 is implausible: it must be between 1946 and 20\d\d"),
    Case("armenia_ambiguous_decimal_comma", "national_am", AM, field(AM_CN_2019, 1, '"193,7"'),
         ROW + r", field 'export': not a number: '193,7' \(read in this source's English"),
    Case("dots_negative_export", "imf_dots", "raw_xlsx/DOTS_9.xlsx",
         workbook_cell(0, row_of("China, P.R.: Mainland", 2019), -12.5),
         ROW + r", field 'D?[A-Z]+\d+': negative value -12\.5: trade values are never negative", DOTS_FEW),
    Case("dots_row_x1000_exceeds_world", "imf_dots", "raw_xlsx/DOTS_103.xlsx",
         workbook_cell(0, row_of("China, P.R.: Mainland", 2019), lambda v: float(str(v).split()[0].replace(",", ""))
                       * 1000),
         r"field 'value_usd': value_usd .* exceeds the partner WLD total", DOTS_FEW),
    Case("dots_unit_thousands", "imf_dots", "raw_xlsx/DOTS_103.xlsx",
         workbook_cell(0, lambda ws: (5, 2), "US Dollars, Thousands"), r"field 'cell B5': unit is 'US Dollars, "
         r"Thousands', expected 'US Dollars, Millions'", DOTS_FEW),
    Case("worldbank_negative_gdp", "worldbank", "gdp.csv", field(WB_KAZ_2019, 3, "-181667184854.5"),
         ROW + r", field 'Value': gdp_usd -181,667,184,854\.5 is implausible: it must be between 1 and 1e\+15"),
    Case("worldbank_population_in_thousands", "worldbank", "population.csv", column_in_thousands(3),
         ROW + r", field 'Value': (population 54\.922 is implausible: it must be between 1000 and 1e\+10|world "
               r"population .* is outside 2\.5e\+09-1e\+10)"),
    Case("worldbank_gdp_in_thousands_one_country", "worldbank", "gdp.csv", field(WB_KAZ_2019, 3, times(1000)),
         ROW + r", field 'Value': KAZ 2019: GDP per person .* is outside 1-500000"),
    Case("worldbank_year_2999", "worldbank", "gdp.csv", field(r"^Kazakhstan,KAZ,2023,", 2, "2999"),
         ROW + r", field 'Year': year 2999 is implausible"),
    Case("worldbank_decimal_comma_value", "worldbank", "population.csv", field(r"^Kazakhstan,KAZ,2019,", 3,
                                                                                 '"19209,555"'),
         ROW + r", field 'Value': not a number: '19209,555' \(read in this source's English"),
    Case("imf_imts_world_total_x1000_partner", "imf_imts", "RU_trade.csv",
         edit_line(r'"XG_FOB_USD".*"CHN"', lambda line: re.sub(r'"(\d+\.\d+)"', lambda m: f'"{float(m[1]) * 1000}"',
                                                                   line, count=1)),
         ROW + r", field '2016': value_usd 28,019,903,467,000\.0 exceeds the partner WLD total 285,499,878,698\.0"),
    Case("imf_imts_negative", "imf_imts", "RU_trade.csv",
         edit_line(r'"XG_FOB_USD".*"KAZ"', lambda line: re.sub(r'"(\d+\.\d+)"', r'"-\1"', line, count=1)),
         ROW + r", field '2016': value_usd -.* is implausible: it must be between 0"),
    Case("imf_imts_year_2999", "imf_imts", "RU_trade.csv", edit_line(r'"2024"$', lambda line: line.replace('"2024"',
                                                                                                           '"2999"')),
         ROW + r", field '2999': year 2999 is implausible: it must be between 1946 and 20\d\d"),
    Case("sipri_duplicated_register_line", "sipri", "trade_2023.csv", duplicate_line(r"^60320,Brazil,Afghanistan"),
         ROW + r", field 'SIPRI AT Database ID': deal 60320 has a second line for delivery year 2018"),
    Case("sipri_negative_tiv", "sipri", "trade_2023.csv", field(r"^60320,Brazil,Afghanistan", 15, "-27"),
         ROW + r", field 'TIV delivery values': below the minimum 0"),
    Case("sipri_year_2999", "sipri", "trade_2023.csv", field(r"^60320,Brazil,Afghanistan", 10, "2999"),
         ROW + r", field 'Delivery year': above the maximum 20\d\d"),
    Case("press_negative_value", "press_figures", "headline_figures.csv",
         lambda p: _write(p, re.sub(r"(\n[^\n]*?,)(\d{8,})(,)", r"\1-\2\3", _text(p), count=1)),
         ROW + r", field 'value_usd': below the minimum 0: '-\d+'"),
    Case("uzbekistan_value_x1000", "national_uz", "sdmx_data_1105.csv",
         lambda p: _write(p, re.sub(r",(\d{5,}\.\d)", lambda m: f",{float(m[1]) * 1e6}", _text(p), count=1)),
         r", field '\d{4}': column sums to [\d,.]+: not thousand USD"),
    # -- truncation: every text format ----------------------------------------------------------------------------
    *[Case(f"cut_last_value_{src}", src, name, cut_last_value, ROW + r": " + CUT)
      for src, name in [("national_am", AM), ("imf_imts", "RU_trade.csv"), ("national_uz", "sdmx_data_1176.csv"),
                        ("sipri", "trade_2023.csv"), ("press_figures", "headline_figures.csv"),
                        ("chpl", "chpl_hs6.csv"), ("unga_ideal_points", "IdealpointestimatesAll_Jun2024.csv"),
                        ("aiddata", "cow_gcdf.csv"), ("eurostat_totals", "eu_exports_to_kazakhstan_monthly.csv"),
                        ("worldbank", "population.csv"), ("gdelt", "gdelt_edge_monthly_CHN_RUS.csv"),
                        ("registry", "summits.csv")]],
    Case("cut_last_value_worldbank_gdp_no_final_newline", "worldbank", "gdp.csv",
         lambda p: _write(p, _text(p)[:-8]), ROW + r", field 'Value': the last row's gdp_usd .* out of line"),
    *[Case(f"cut_gzip_stream_{src}", src, name, cut_gzip_stream, r": truncated or corrupt gzip file")
      for src, name in [("atop", "atop_alliance.csv.gz"), ("icews", "icews_counts.csv.gz"),
                        ("unga_votes", "un_votes.csv.gz"), ("eurostat_sanctioned", "eu_exports_cn_monthly_tidy.csv.gz"),
                        ("gdelt", "gdelt_edge_annual_allpairs.csv.gz"), ("cow_igo", "igo_eurasia_selected_long.csv.gz")]],
    *[Case(f"cut_text_inside_gzip_{src}", src, name, cut_last_value, ROW + r": " + CUT)
      for src, name in [("atop", "cow_igo_ndy.csv.gz"), ("icews", "icews_counts.csv.gz"),
                        ("unga_votes", "un_roll_calls.csv.gz"), ("cow_igo", "igo_eurasia_selected_long.csv.gz")]],
    Case("cut_declaration_text", "registry", "2023_newdelhi_declaration_en.txt",
         lambda p: p.write_bytes(p.read_bytes()[:-20]), r": file does not end with a line break: truncated\?"),
    Case("cut_datapackage_json", "worldbank", "gdp.datapackage.json", cut_in_half, ROW + r": not valid JSON"),
    *[Case(f"cut_workbook_{src}", src, name, cut_in_half, r": cannot read workbook .*truncated or not a spreadsheet",
           only)
      for src, name, only in [("imf_dots", "raw_xlsx/DOTS_103.xlsx", DOTS_FEW),
                              ("national_kz", "kz_foreign_trade_by_country_2021.xls", ()),
                              ("national_kg", "kg_4.03.00.18_exports_geographic_distribution.xlsx", ()),
                              ("national_ge", "FTrade_1995-2024.xlsx", ()),
                              ("russia_customs", "96stran.xlsx", ())]],
    Case("html_instead_of_workbook", "national_kg", "kg_4.03.00.20_imports_geographic_distribution.xlsx",
         not_a_workbook, r": cannot read workbook"),
    # -- encodings --------------------------------------------------------------------------------------------------
    *[Case(f"utf16_{src}", src, name, utf16, ROW + r": " + NOT_UTF8 + r": UTF-16 \(byte-order mark found\)")
      for src, name in [("national_am", AM), ("imf_imts", "RU_trade.csv"), ("worldbank", "gdp.csv"),
                        ("sipri", "trade_2023.csv"), ("chpl", "chpl_hs6.csv"), ("national_uz", "sdmx_data_1105.csv"),
                        ("press_figures", "headline_figures.csv")]],
    *[Case(f"utf16_without_mark_{src}", src, name, utf16_without_mark, ROW + r": " + NOT_UTF8 + r": UTF-16 or "
           r"UTF-32 \(NUL bytes found\)")
      for src, name in [("aiddata", "cow_gcdf.csv"), ("unga_ideal_points", "IdealpointestimatesAll_Jun2024.csv"),
                        ("unga_votes", "un_votes.csv.gz")]],
    *[Case(f"cp1252_{src}", src, name, cp1252_byte, ROW + r": " + NOT_UTF8 + r" \(byte 0xe9 at offset \d+")
      for src, name in [("national_am", AM), ("worldbank", "population.csv"), ("imf_imts", "RU_trade.csv"),
                        ("eurostat_totals", "eu27_exports_to_all_partners_annual.csv"), ("icews", "icews_counts.csv.gz"),
                        ("gdelt", "gdelt_edge_monthly_CHN_RUS.csv"), ("atop", "atop_alliance.csv.gz")]],
    # -- structure --------------------------------------------------------------------------------------------------
    Case("empty_file_armenia", "national_am", AM, empty, r": empty file"),
    Case("header_only_sipri", "sipri", "trade_2023.csv", lambda p: _write(p, "\n".join(_text(p).split("\n")[:12])
                                                                               + "\n"), ROW + r": no data rows"),
    Case("missing_column_worldbank", "worldbank", "population.csv", drop_column("Year"),
         ROW + r": missing columns \['Year'\]"),
    Case("short_row_chpl", "chpl", "chpl_hs6.csv", edit_line(r"^\d{6},", lambda line: line.split(",")[0]),
         ROW + r": 1 fields, the header has 2"),
    Case("unknown_country_armenia", "national_am", AM, field(AM_CN_2019, 0, "Atlantis"),
         r"unknown country names: 'Atlantis'"),
    Case("unknown_country_sipri", "sipri", "trade_2023.csv", field(r"^60320,Brazil,Afghanistan", 2, "Atlantis"),
         ROW + r", field 'Recipient': unknown country names: 'Atlantis'"),
    Case("text_in_number_cell_armenia", "national_am", AM, field(AM_CN_2019, 2, "n/a"),
         ROW + r", field 'import_consigment': not a number: 'n/a'"),
    Case("imf_imts_scale_thousands", "imf_imts", "RU_trade.csv",
         edit_line(r'"XG_FOB_USD".*"CHN"', lambda line: line.replace('"6","Millions"', '"3","Thousands"')),
         ROW + r", field 'SCALE': unit is SCALE 'Thousands'"),
    Case("summit_year_2999", "registry", "summits.csv", edit_line(r"^2019,", lambda line: "2999" + line[4:]),
         ROW + r", field 'date': date '2019-06-14' is not in year 2999"),
]


# --- the contract ---------------------------------------------------------------------------------------------------

def _stage(data_dir: Path, root: Path, case: Case) -> Path:
    """The source's folder under root: symlinks to the real files (or `only` of them), the damaged file a copy."""
    origin = load_source(case.source).ORIGIN
    src, dst = data_dir / origin.folder, root / origin.folder
    top = Path(origin.folder).parts[0]
    for other in data_dir.iterdir():  # other sources' folders as they are (eurostat_sanctioned also reads chpl/)
        if other.is_dir() and other.name != top:
            root.mkdir(parents=True, exist_ok=True)
            (root / other.name).symlink_to(other)
    for path in sorted(src.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(src)
        if case.only and str(rel) not in case.only and path.suffix in (".xlsx", ".xls"):
            continue
        target = dst / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if str(rel) == case.file:
            shutil.copyfile(path, target)
            target.chmod(0o644)
        else:
            target.symlink_to(path)
    damaged = dst / case.file
    assert damaged.exists(), f"{case.file} not in {src}"
    return damaged


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def previous_pack(tmp_path_factory) -> Path:
    """A copy of the shipped (complete) pack: every failed build must leave it byte-identical."""
    folder = tmp_path_factory.mktemp("previous") / "pack"
    shutil.copytree(config.SHIPPED_PACK_DIR, folder)
    return folder


def test_the_corpus_is_large_and_covers_every_category():
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)) and len(CASES) >= 60
    for category in ("negative", "x1000", "thousands", "2999", "duplicated", "cut_last_value", "cut_gzip",
                     "cut_workbook", "utf16", "cp1252", "decimal_comma", "missing_column", "unknown_country"):
        assert any(category in i for i in ids), category


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_damaged_file_gives_one_clear_error_and_leaves_the_pack(case, data_dir, tmp_path, previous_pack):
    root = tmp_path / "data"
    damaged = _stage(data_dir, root, case)
    case.mutate(damaged)
    before = _digests(previous_pack)
    try:
        store.build_pack(root, previous_pack, names=(case.source,))
    except DataError as exc:
        message = exc.one_line()
    else:  # accepted silently: put the complete pack back for the other cases, then fail
        shutil.rmtree(previous_pack)
        shutil.copytree(config.SHIPPED_PACK_DIR, previous_pack)
        pytest.fail(f"{case.id}: the damaged file was accepted")
    assert "\n" not in message and "Traceback" not in message
    # The error names the damaged file (or, for a value that breaks a table-wide rule, the source and field).
    assert damaged.name in message or case.source in message or "field 'value_usd'" in message, message
    assert re.search(case.expect, message), message
    assert _digests(previous_pack) == before
    assert not [p for p in previous_pack.parent.iterdir() if p.name.startswith(".pack-build-")]


def test_a_thousands_separator_is_read_as_one_not_as_a_decimal_comma(data_dir, tmp_path):
    """'193,710' in Armstat's English CSV is 193,710 thousand USD (it was read as 193.71)."""
    case = Case("armenia_thousands_separator", "national_am", AM, field(AM_CN_2019, 1, '"193,710"'), "")
    damaged = _stage(data_dir, tmp_path, case)
    case.mutate(damaged)
    flows = load_source("national_am").parse(tmp_path)["trade_flows"]
    row = flows[(flows.partner == "CHN") & (flows.year == 2019) & (flows.flow == "export")].iloc[0]
    assert row.value_published == 193_710.0 and row.value_usd == 193_710_000.0


@pytest.mark.parametrize("case", [c for c in CASES if c.id in ("armenia_row_x1000", "sipri_duplicated_register_line",
                                                               "cut_last_value_imf_imts")], ids=lambda c: c.id)
def test_the_cli_rebuild_of_one_source_exits_1_with_one_line(case, data_dir, tmp_path, previous_pack, capsys):
    """`multipolar data build-pack --source X --out PACK` on a damaged copy: exit 1, one line, pack unchanged."""
    import sys

    from multipolar.cli import main

    root = tmp_path / "data"
    case.mutate(_stage(data_dir, root, case))
    before = _digests(previous_pack)
    argv = sys.argv
    sys.argv = ["multipolar", "data", "build-pack", "--data-dir", str(root), "--out", str(previous_pack),
                "--source", case.source]
    try:
        with pytest.raises(SystemExit) as exit_:
            main()
    finally:
        sys.argv = argv
    err = capsys.readouterr().err.strip()
    assert exit_.value.code == 1 and len(err.splitlines()) == 1 and err.startswith("error: "), err
    assert re.search(case.expect, err), err
    assert _digests(previous_pack) == before
