"""Strict reading of raw files (UTF-8 text, CSV by header name, workbook grids); errors name the file, row and field."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import re
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from ..errors import DataError
from .base import check_columns

# python-calamine reads the 235 DOTS workbooks ~9x faster than openpyxl (6 s vs 51 s); openpyxl is the fallback.
try:
    from python_calamine import CalamineWorkbook
except ImportError:  # pragma: no cover - depends on the environment
    CalamineWorkbook = None


# --- bytes and text -------------------------------------------------------------------------------------------------

def read_bytes(path: Path) -> bytes:
    """The bytes of a file, decompressed when its name ends in .gz; unreadable or cut gzip files stop naming it."""
    path = Path(path)
    try:
        return gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise DataError(f"truncated or corrupt gzip file: {exc}", file=path) from None
    except OSError as exc:
        raise DataError(f"cannot read file: {exc}", file=path) from None


def _line(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def check_utf8(raw: bytes, path: Path) -> bytes:
    """raw without a UTF-8 byte-order mark; stops at UTF-16/UTF-32 text or the first byte that is not UTF-8, naming
    its line. Decodes in blocks, so no full copy of a large file is held."""
    encoding = evidence = None
    if raw[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        encoding, evidence, at = "UTF-32", "byte-order mark", 0
    elif raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding, evidence, at = "UTF-16", "byte-order mark", 0
    elif (at := raw.find(b"\x00")) >= 0:  # valid UTF-8 in principle, but no text file of ours has NUL bytes
        encoding, evidence = "UTF-16 or UTF-32", "NUL bytes"
    if encoding:
        line = _line(raw, at)
        raise DataError(f"not UTF-8 text: {encoding} ({evidence} found); re-save the file as UTF-8", file=path,
                        row=line)
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    decoder = codecs.getincrementaldecoder("utf-8")()
    view, block = memoryview(raw), 1 << 20
    try:
        for start in range(0, len(raw), block):
            decoder.decode(view[start:start + block], final=start + block >= len(raw))
    except UnicodeDecodeError:
        try:  # only on failure: decode in one piece for the exact offset
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = _line(raw, exc.start)
            message = (f"not UTF-8 text (byte {raw[exc.start]:#04x} at offset {exc.start}: {exc.reason}); "
                       "re-save the file as UTF-8")
            raise DataError(message, file=path, row=line) from None
    return raw


def read_text(path: Path) -> str:
    """A text file (plain or .gz) decoded as UTF-8 (a byte-order mark is allowed); other encodings stop naming a line."""
    return check_utf8(read_bytes(path), Path(path)).decode("utf-8")


# --- CSV ------------------------------------------------------------------------------------------------------------

def read_csv(path: Path, columns: Sequence[str], *, skiprows: int = 0, sep: str = ",", all_columns: bool = False,
             strip: bool = False, final_newline: bool = True) -> pd.DataFrame:
    """The named columns of a CSV (plain or .gz) as categorical text, indexed by each row's line in the file.

    The file must be UTF-8 (a BOM is tolerated) and regular: a header (after `skiprows` preamble lines) naming
    `columns` in any order and no column twice, then at least one row, every row with the header's number of fields;
    blank lines are skipped. With `final_newline` (the default: every real file but one ends so) it must end with a
    line break, which is how a file cut inside its last value is caught; a parser reading a file without one must
    check its last row another way (see worldbank.LAST_ROW_FACTOR). Cells
    stay text: '' for empty and R's 'NA' as 'NA', so that Namibia's ISO2 code 'NA' survives; `strip` removes
    surrounding spaces. `all_columns` keeps the columns not named too. Categorical columns keep memory low on files
    with 900k rows but few distinct values.
    """
    path = Path(path)
    raw = check_utf8(read_bytes(path), path)
    if not raw or raw.isspace():
        raise DataError("empty file", file=path)
    if final_newline and not raw.endswith(b"\n"):
        raise DataError("file does not end with a line break: truncated?", file=path, row=raw.count(b"\n") + 1)
    start = 0
    for _ in range(skiprows):
        start = raw.find(b"\n", start) + 1
        if not start:
            raise DataError(f"no header after {skiprows} preamble lines", file=path)
    end = raw.find(b"\n", start)
    body = len(raw) if end < 0 else end + 1
    header = _header(raw[start:body].decode("utf-8"), path, skiprows + 1, sep, columns)
    keep = header if all_columns else list(columns)
    first = skiprows + 2  # line of the first data row
    frame = _read_fast(raw, body, header, keep, sep, first)
    if frame is None:  # blank lines, line breaks in quoted cells or irregular rows: the exact (slower) reader
        frame = _read_exact(raw[body:].decode("utf-8"), header, keep, sep, first, path)
    if frame.empty:
        raise DataError("no data rows after the header", file=path, row=first)
    if strip:
        for name in keep:
            frame[name] = _strip(frame[name])
    return frame


def _header(text: str, path: Path, line: int, sep: str, columns: Sequence[str]) -> list[str]:
    try:
        header = next(csv.reader([text.rstrip("\r\n")], delimiter=sep, strict=True), [])
    except csv.Error as exc:
        raise DataError(f"malformed CSV header ({exc})", file=path, row=line) from None
    header = [h.strip() for h in header]
    check_columns(header, columns, file=path, row=line)
    repeated = sorted({h for h in header if header.count(h) > 1})
    if repeated:
        raise DataError(f"header repeats columns {repeated}", file=path, row=line)
    return header


def _read_fast(raw: bytes, body: int, header: list[str], keep: list[str], sep: str, first: int) -> pd.DataFrame | None:
    """Arrow's fast reader when each line of the body is one row, else None."""
    if body == len(raw) or raw[body:body + 1] in (b"\n", b"\r") or raw.find(b"\n\n", body) >= 0 \
            or raw.find(b"\n\r\n", body) >= 0:
        return None  # no rows, or blank lines
    last = max(body, raw.rfind(b"\n", body, len(raw) - 1) + 1)
    if raw.count(b'"', last) % 2:
        return None  # the last quoted cell is not closed (Arrow would take it): a cut file
    lines = raw.count(b"\n", body) + (0 if raw.endswith(b"\n") else 1)
    text = pa.dictionary(pa.int32(), pa.string())
    # One thread and the system allocator: peak memory stays near that of the bytes read (threads and Arrow's own
    # allocator added ~40 MB on the 900k-row files); one thread still reads them in well under a second.
    pool = pa.system_memory_pool()
    try:
        table = pacsv.read_csv(
            pa.BufferReader(memoryview(raw)[body:]),
            read_options=pacsv.ReadOptions(column_names=header, use_threads=False),
            parse_options=pacsv.ParseOptions(delimiter=sep, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types={h: text for h in keep}, include_columns=keep,
                                                 null_values=[], strings_can_be_null=False,
                                                 quoted_strings_can_be_null=False),
            memory_pool=pool)
    except pa.ArrowInvalid:
        return None
    if table.num_rows != lines:  # a quoted cell spans lines: row numbers would be wrong
        return None
    frame = table.to_pandas(memory_pool=pool)
    frame.index = pd.RangeIndex(first, first + len(frame))
    return frame


def _read_exact(text: str, header: list[str], keep: list[str], sep: str, first: int, path: Path) -> pd.DataFrame:
    """The csv module's reading of the body: skips blank lines (empty or spaces only), numbers rows by their (last)
    line, stops at the first row with the wrong number of fields or unreadable quoting."""
    picks = [header.index(name) for name in keep]
    rows, lines = [], []
    try:
        for line, record in _records(text, len(header), sep, first, path, strict=True):
            rows.append([record[i] for i in picks])
            lines.append(line)
    except csv.Error as exc:
        try:  # a cut inside a quoted cell: name the fields the cut row has, as for any other short row
            for _ in _records(text, len(header), sep, first, path, strict=False):
                pass
        except DataError as short:
            if short.row == exc.line:
                raise short from None
        except csv.Error:
            pass
        raise DataError(f"malformed CSV ({exc}); the file may be cut short", file=path, row=exc.line) from None
    columns = list(zip(*rows)) if rows else [()] * len(keep)
    return pd.DataFrame({name: pd.Categorical(values) for name, values in zip(keep, columns)},
                        index=pd.Index(lines, dtype="int64"))


def _records(text: str, width: int, sep: str, first: int, path: Path, *, strict: bool):
    """(line, fields) of each record that is not a blank line; a record without `width` fields stops naming its
    line; a csv.Error carries the line it happened on as .line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=strict)
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            exc.line = first - 1 + reader.line_num
            raise
        if len(record) <= 1 and not "".join(record).strip():
            continue  # a blank line
        line = first - 1 + reader.line_num
        if len(record) != width:
            why = "a broken line, or the file is cut short" if len(record) < width \
                else "an unquoted separator or a shifted row"
            raise DataError(f"{len(record)} fields, the header has {width} ({why})", file=path, row=line)
        yield line, record


def _strip(series: pd.Series) -> pd.Series:
    """A categorical column without surrounding spaces (categories that become equal are merged)."""
    categories = series.cat.categories
    stripped = pd.Index(categories.astype(str).str.strip())
    if stripped.equals(pd.Index(categories)):
        return series
    codes, unique = pd.factorize(stripped)
    return pd.Series(pd.Categorical.from_codes(codes[series.cat.codes.to_numpy()], categories=unique),
                     index=series.index, name=series.name)


# --- checks on the rows of read_csv (index = line) ------------------------------------------------------------------

def first_row(mask: pd.Series) -> int:
    """Line number of the first row where mask is true."""
    return int(mask.index[np.argmax(mask.to_numpy())])


def fail_at(frame: pd.DataFrame, mask: pd.Series, message: str, *, file, field: str | None = None) -> None:
    """Stop at the first row where mask is true; message may use {value} (that row's cell) and {n} (rows hit)."""
    if not mask.any():
        return
    row = first_row(mask)
    value = frame[field].loc[row] if field else None
    raise DataError(message.format(value=value, n=int(mask.sum())), file=file, row=row, field=field)


def _categorical(series: pd.Series) -> pd.Series:
    return series if isinstance(series.dtype, pd.CategoricalDtype) else series.astype("category")


def by_category(series: pd.Series, values) -> pd.Series:
    """Map a column through `values` (a dict or function of the cell's text), once per distinct value.

    Works on the category codes, so a 900k-row column costs one array of references, not 900k new strings.
    """
    series = _categorical(series)
    cats = [str(c) for c in series.cat.categories]
    looked = [values(c) if callable(values) else values.get(c) for c in cats]
    table = np.array(looked + [None], dtype=object)  # the last slot serves code -1 (no category)
    return pd.Series(table[series.cat.codes.to_numpy()], index=series.index, name=series.name)


def failing(values: pd.Series, test) -> pd.Series:
    """Mask of the cells for which test(cell) is false, calling test once per distinct value (fast on big files)."""
    return ~by_category(values, lambda c: bool(test(c))).astype(bool)


# A plain decimal number; Python's float() would also take 'inf', 'nan' and '1_000'.
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def _float(text: str) -> float:
    # float() rounds correctly; pandas' fast parser can be one unit in the last place off.
    text = text.strip()
    return float(text) if _NUMBER.match(text) else np.nan


def numbers(frame: pd.DataFrame, column: str, file: Path, *, integer: bool = False, low: float | None = None,
            high: float | None = None, blank: Iterable[str] = ()) -> pd.Series:
    """A text column as float64 (NaN for the `blank` spellings, e.g. '' or 'NA'); any other non-number, a fraction
    when `integer`, or a value outside [low, high] stops with the first offending row."""
    series = _categorical(frame[column])
    cats = pd.Index(series.cat.categories.astype(str))
    blanks = cats.isin(list(blank))
    values = np.array([_float(c) for c in cats], dtype="float64")
    problems = [
        ("not a number", ~blanks & ~np.isfinite(values)),
        ("not a whole number", ~blanks & np.isfinite(values) & (values % 1 != 0) if integer else None),
        (f"below the minimum {low}", ~blanks & (values < low) if low is not None else None),
        (f"above the maximum {high}", ~blanks & (values > high) if high is not None else None),
    ]
    for problem, bad in problems:
        if bad is not None and bad.any():
            fail_at(frame, series.isin(cats[bad]), problem + ": {value!r} ({n} rows)", file=file, field=column)
    values[blanks] = np.nan
    return pd.Series(values[series.cat.codes.to_numpy()], index=series.index, name=column)


def check_choices(frame: pd.DataFrame, column: str, choices: Iterable[str], file: Path) -> None:
    """Stop at the first row whose value is not one of `choices`, listing them."""
    choices = list(choices)
    fail_at(frame, ~frame[column].isin(choices), f"{{value!r}} is not one of {choices} ({{n}} rows)", file=file,
            field=column)


def drop_identical_duplicates(frame: pd.DataFrame, key: list[str], *, file) -> tuple[pd.DataFrame, int]:
    """Drop rows repeating an earlier row exactly; two rows with one key but different values are a DataError."""
    exact = frame.duplicated(keep="first")
    frame = frame.loc[~exact]
    clash = frame.duplicated(key, keep=False)
    if clash.any():
        rows = frame.loc[clash]
        # Order the clashing rows by the key's values (categories by their text, not their codes), then by line.
        order = rows[key].apply(lambda s: s.astype(object) if isinstance(s.dtype, pd.CategoricalDtype) else s)
        rows = rows.loc[order.sort_values(key, kind="stable").index[:2]]
        lines = rows.index.tolist()
        what = ", ".join(f"{k}={rows.iloc[0][k]!r}" for k in key)
        raise DataError(f"rows {lines[0]} and {lines[1]} give different values for the same {what}", file=file,
                        row=lines[1])
    return frame, int(exact.sum())


# --- workbooks ------------------------------------------------------------------------------------------------------

def cell_ref(row: int, col: int) -> str:
    """Spreadsheet reference ('B5') of a one-based (row, col)."""
    letters, n = "", col
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


def clean_label(value) -> str:
    """A cell's text with line breaks, non-breaking and repeated spaces collapsed ('' for an empty cell)."""
    return re.sub(r"\s+", " ", str(value if value is not None else "")).strip()


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
        error = f"{type(exc).__name__}: {exc}"
        raise DataError(f"cannot read workbook ({error}); is it truncated or not a spreadsheet?", file=path) from exc


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
