"""Strict CSV reading for parsers: UTF-8 only, header-based, every row complete, errors naming file and line."""

from __future__ import annotations

import csv
import gzip
import zlib
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from ..countries import read_mapping
from ..errors import DataError, UnknownCountryError
from .base import check_columns

# Column holding each row's physical line number in the file (header = line 1), for error messages.
LINE = "_line"


def _open_text(path: Path):
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8-sig", newline="")
    return path.open(encoding="utf-8-sig", newline="")


def _check_encoding(path: Path) -> None:
    """Name UTF-16/32 files plainly: they would otherwise fail with an obscure decoding message."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as fh:
            head = fh.read(4096)
    except (EOFError, OSError, zlib.error) as exc:
        raise DataError(f"damaged or truncated file: {exc}", file=path) from exc
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head:
        raise DataError("file is UTF-16/UTF-32 (byte-order mark or NUL bytes found); expected UTF-8 text", file=path)


def _header(path: Path) -> list[str]:
    try:
        with _open_text(path) as fh:
            header = next(csv.reader(fh, strict=True), None)
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 text: {exc.reason} at byte {exc.start}", file=path) from exc
    except csv.Error as exc:
        raise DataError(f"malformed CSV header ({exc})", file=path, row=1) from exc
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise DataError(f"damaged or truncated gzip file: {exc}", file=path) from exc
    if not header:
        raise DataError("empty file (no header)", file=path)
    header = [h.strip() for h in header]
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise DataError(f"header repeats columns {dupes}", file=path, row=1)
    return header


def _locate_problem(path: Path, width: int) -> None:
    """Slow exact pass with the csv module: raise a DataError at the first bad line."""
    reader = None
    try:
        with _open_text(path) as fh:
            reader = csv.reader(fh, strict=True)
            next(reader, None)
            for row in reader:
                if len(row) != width and any(cell.strip() for cell in row):
                    raise DataError(f"expected {width} fields, found {len(row)} (cut or broken line)", file=path,
                                    row=reader.line_num)
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 text: {exc.reason} at byte {exc.start}", file=path) from exc
    except csv.Error as exc:
        raise DataError(f"malformed CSV ({exc}); the file may be cut short", file=path,
                        row=reader.line_num if reader else None) from exc
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise DataError(f"damaged or truncated gzip file: {exc}", file=path) from exc


def _read_exact(path: Path, header: list[str]) -> pd.DataFrame:
    """The csv-module reader for files the fast reader rejects (blank lines, line breaks inside quotes)."""
    _locate_problem(path, len(header))
    with _open_text(path) as fh:
        reader = csv.reader(fh, strict=True)
        next(reader, None)
        rows, lines = [], []
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append(row)
                lines.append(reader.line_num)
    frame = pd.DataFrame(rows, columns=header, dtype=object) if rows else pd.DataFrame(columns=header)
    for name in header:
        frame[name] = frame[name].map(str.strip)
    frame[LINE] = lines
    return frame


def read_csv(path: str | Path, required: Iterable[str]) -> pd.DataFrame:
    """All cells of a CSV (plain or .gz) as whitespace-stripped strings, plus the LINE column.

    Columns are found by header name, so re-ordered files parse the same; a missing column, a row with the wrong
    number of fields (a cut or broken line), a file that is not UTF-8, or a file without data rows is a DataError
    naming the file and, where it can, the line.
    """
    path = Path(path)
    _check_encoding(path)
    header = _header(path)
    check_columns(header, required, file=path, row=1)
    # Fast path (Arrow's multithreaded reader); anything unusual falls back to the exact csv-module pass, which
    # either reads the file or raises a DataError at the offending line. Blank lines and line breaks inside quoted
    # cells are refused here so that data row i is always file line i + 2.
    try:
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(column_names=header, skip_rows=1, use_threads=True),
            parse_options=pacsv.ParseOptions(newlines_in_values=False, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types={h: pa.string() for h in header}, null_values=[],
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, OSError, EOFError, zlib.error):
        frame = _read_exact(path, header)
    else:
        table = pa.table({name: pc.utf8_trim_whitespace(table[name]) for name in header})
        frame = table.to_pandas()
        for name in header:
            frame[name] = frame[name].astype(object)
        frame[LINE] = np.arange(2, len(frame) + 2)
    if frame.empty:
        raise DataError("no data rows", file=path)
    return frame


def fail_at(frame: pd.DataFrame, mask: pd.Series, message: str, *, file, field: str | None = None) -> None:
    """Raise a DataError at the first row where mask is true (message may use {value} for that row's cell)."""
    if not mask.any():
        return
    first = frame.loc[mask].iloc[0]
    value = first[field] if field else None
    raise DataError(message.format(value=value, n=int(mask.sum())), file=file, row=int(first[LINE]), field=field)


def failing(values: pd.Series, test) -> pd.Series:
    """Mask of the cells for which test(cell) is false, calling test once per distinct value (fast on big files)."""
    bad = [v for v in values.unique() if not test(v)]
    return values.isin(bad)


def map_labels(frame: pd.DataFrame, column: str, mapping: str, *, file, field: str | None = None) -> pd.Series:
    """The ISO3 code of each label in frame[column] from sources/mappings/<mapping>.csv; None for aggregates.

    Only the mapping file is consulted (no fuzzy matching: country_converter misreads labels such as
    "European Union (AT-01/1995, …, GB-01/1973->01/2020, …)" as GBR). A label it lacks raises UnknownCountryError
    naming the file, the first row carrying it and the column (`field`, when the frame renamed the file's column).
    """
    table = read_mapping(mapping)
    labels = frame[column]
    unknown = sorted(set(labels.unique()) - set(table))
    if unknown:
        err = UnknownCountryError(unknown, file=file, field=field or column)
        err.row = int(frame.loc[labels.isin(unknown), LINE].iloc[0])
        err.message += f" (not listed in sources/mappings/{mapping}.csv)"
        err.args = (err.one_line(),)
        raise err
    return labels.map({label: code or None for label, code in table.items()}).astype(object)


def numbers(frame: pd.DataFrame, column: str, *, file, missing: Iterable[str] = (":", ":c", "")) -> pd.Series:
    """frame[column] as floats; cells in `missing` (Eurostat's confidential/not-available marks) become NaN.

    Any other non-numeric or negative cell is a DataError naming its row.
    """
    text = frame[column]
    blank = text.isin(set(missing))
    values = pd.to_numeric(text.where(~blank), errors="coerce")
    fail_at(frame, values.isna() & ~blank, "not a number: {value!r}", file=file, field=column)
    fail_at(frame, values < 0, "negative trade value {value!r}", file=file, field=column)
    return values.astype(float)


def drop_identical_duplicates(frame: pd.DataFrame, key: list[str], *, file) -> tuple[pd.DataFrame, int]:
    """Drop rows repeating an earlier row exactly; two rows with one key but different values are a DataError."""
    content = [c for c in frame.columns if c != LINE]
    exact = frame.duplicated(content, keep="first")
    frame = frame.loc[~exact]
    clash = frame.duplicated(key, keep=False)
    if clash.any():
        rows = frame.loc[clash].sort_values(key + [LINE]).head(2)
        lines = rows[LINE].tolist()
        what = ", ".join(f"{k}={rows.iloc[0][k]!r}" for k in key)
        raise DataError(f"rows {lines[0]} and {lines[1]} give different values for the same {what}", file=file,
                        row=lines[1])
    return frame, int(exact.sum())
