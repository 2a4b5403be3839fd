"""Readers shared by the trade and macro parsers: worksheets as A1-anchored grids, strict text, ISO3 code columns."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from ..countries import is_iso3, read_mapping, to_iso3
from ..errors import DataError, UnknownCountryError
from .base import check_columns

# python-calamine reads the 235 DOTS workbooks ~9x faster than openpyxl (6 s vs 51 s); openpyxl is the fallback.
try:
    from python_calamine import CalamineWorkbook
except ImportError:  # pragma: no cover - depends on the environment
    CalamineWorkbook = None


def cell_ref(row: int, col: int) -> str:
    """Spreadsheet reference ('B5') of a one-based (row, col)."""
    letters, n = "", col
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


def _clean(value):
    """'' → None and ints → float, so both readers give the same grid."""
    if value == "" or value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def read_sheets(path: Path, sheets: Iterable[int | str] | None = None) -> dict[str, list[list]]:
    """Worksheets of an .xlsx as {sheet name: rows}, each grid anchored at A1 (grid[r-1][c-1] is cell (r, c)).

    Empty cells are None, numbers float. `sheets` picks sheets by index or name (default: all). A workbook that
    cannot be opened (truncated, not a workbook) raises a DataError naming the file.
    """
    path = Path(path)
    try:
        if CalamineWorkbook is not None:
            book = CalamineWorkbook.from_path(str(path))
            names = list(book.sheet_names)
            wanted = _pick(names, sheets, path)
            return {name: [[_clean(v) for v in row]
                           for row in book.get_sheet_by_name(name).to_python(skip_empty_area=False)]
                    for name in wanted}
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            wanted = _pick(list(book.sheetnames), sheets, path)
            grids = {}
            for name in wanted:
                rows = [[_clean(v) for v in row] for row in book[name].iter_rows(values_only=True)]
                # openpyxl pads to the used range from A1 already; trim trailing empty rows as calamine does.
                while rows and all(v is None for v in rows[-1]):
                    rows.pop()
                grids[name] = rows
            return grids
        finally:
            book.close()
    except DataError:
        raise
    except Exception as exc:  # the readers raise many types (zip, XML, calamine) for a damaged file
        raise DataError(f"cannot read workbook ({type(exc).__name__}: {exc}); is it truncated or not .xlsx?",
                        file=path) from exc


def _pick(names: list[str], sheets, path: Path) -> list[str]:
    if sheets is None:
        return names
    wanted = []
    for sheet in sheets:
        if isinstance(sheet, int):
            if sheet >= len(names):
                raise DataError(f"workbook has {len(names)} sheets, sheet {sheet + 1} expected", file=path)
            wanted.append(names[sheet])
        elif sheet in names:
            wanted.append(sheet)
        else:
            raise DataError(f"sheet {sheet!r} not found; sheets are {names}", file=path)
    return wanted


def cell(grid: list[list], row: int, col: int):
    """Value of one-based cell (row, col) of a grid; None outside the used range."""
    if row - 1 < len(grid) and col - 1 < len(grid[row - 1]):
        return grid[row - 1][col - 1]
    return None


def read_text(path: Path) -> str:
    """A text file decoded as UTF-8 (a BOM is allowed); other encodings raise a DataError naming the line."""
    path = Path(path)
    data = path.read_bytes()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise DataError("file is UTF-16 (byte-order mark found), UTF-8 expected", file=path, row=1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DataError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                        "re-encoded file? UTF-8 expected", file=path, row=line) from None


def read_csv_rows(path: Path, required: Iterable[str]) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """A UTF-8 CSV as (header, [(line number, {column: text})]), read by column name.

    Stops on missing columns, on a row whose field count differs from the header's (a cut or shifted file) and on
    an empty file; every error names the file and line.
    """
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise DataError("empty file, a header row expected", file=path, row=1) from None
    except csv.Error as exc:
        raise DataError(f"unreadable CSV header: {exc}", file=path, row=1) from None
    header = [h.strip() for h in header]
    required = list(required)
    check_columns(header, required, file=path, row=1)
    rows = []
    try:
        for record in reader:
            line = reader.line_num
            if not record:
                continue
            if len(record) != len(header):
                raise DataError(f"{len(record)} fields, the header has {len(header)} (truncated or shifted row?)",
                                file=path, row=line)
            rows.append((line, dict(zip(header, record))))
    except csv.Error as exc:
        raise DataError(f"unreadable CSV: {exc} (truncated file?)", file=path, row=reader.line_num) from None
    if not rows:
        raise DataError("no data rows after the header", file=path, row=2)
    return header, rows


def codes_to_iso3(codes: dict[str, str], *, mapping: str, file: Path | str, field: str) -> dict[str, str | None]:
    """Source codes → ISO3: the mapping file first (empty = aggregate to skip), else a code that is itself ISO3.

    `codes` maps each code to where it was read (e.g. 'row 12'). Codes neither resolves raise UnknownCountryError
    naming them and where they are. No fuzzy matching: a code is never guessed from a country name.
    """
    table = read_mapping(mapping)
    result: dict[str, str | None] = {}
    unknown = []
    for code in codes:
        if code in table:
            result[code] = table[code] or None
        elif is_iso3(code):
            result[code] = code
        else:
            unknown.append(code)
    if unknown:
        where = "; ".join(f"{c!r} at {codes[c]}" for c in sorted(unknown))
        raise UnknownCountryError(unknown, file=file, field=f"{field} ({where})")
    return result


def names_to_iso3(locations: dict[str, str], *, mapping: str, file: Path | str, field: str) -> dict[str, str | None]:
    """Country names → ISO3 via countries.to_iso3 (mapping file first); unknown names raise naming where they are.

    `locations` maps each name to where it was read (e.g. 'cell B12'), so the error points at the cell.
    """
    try:
        return to_iso3(locations, mapping=mapping, file=file, field=field)
    except UnknownCountryError as exc:
        where = "; ".join(f"{name!r} at {locations.get(name, '?')}" for name in exc.names)
        raise UnknownCountryError(exc.names, file=file, field=f"{field} ({where})") from None
