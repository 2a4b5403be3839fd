"""Strict CSV reading for the politics and events sources: every failure names the file, row and field."""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ..countries import from_cow, is_iso3, read_mapping, to_iso3
from ..errors import DataError, UnknownCountryError
from .base import check_columns

# Rows are numbered as lines of the file (first line = 1), so a message points at what an editor shows; none of the
# files read here has line breaks inside quoted cells.


def _check_utf8(raw: bytes, path: Path) -> None:
    """Stop at the first byte that is not UTF-8, naming its line; decodes in blocks so no full copy is held."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view, block = memoryview(raw), 1 << 20
    try:
        for start in range(0, len(raw), block):
            decoder.decode(view[start:start + block], final=start + block >= len(raw))
    except UnicodeDecodeError:
        try:  # only on failure: decode in one piece for the exact offset
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DataError(f"not UTF-8 text (byte {raw[exc.start]:#04x}); re-save the file as UTF-8", file=path,
                            row=raw.count(b"\n", 0, exc.start) + 1) from None


def read_csv(path: Path, columns: Sequence[str], *, skiprows: int = 0, sep: str = ",") -> pd.DataFrame:
    """The named columns of a CSV (plain or .gz) as categorical text, indexed by the row's line number.

    The file must be UTF-8 (a BOM is tolerated), complete (an intact gzip stream that ends with a line break) and
    regular (no row with more fields than the header); the header must hold `columns`, in any order. Cells are kept
    as text: '' for empty and R's 'NA' as 'NA', so that Namibia's ISO2 code 'NA' survives. Categorical columns keep
    memory low on files with 900k rows but few distinct values.
    """
    path = Path(path)
    try:
        raw = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise DataError(f"truncated or corrupt gzip file: {exc}", file=path) from None
    except OSError as exc:
        raise DataError(f"cannot read file: {exc}", file=path) from None
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    _check_utf8(raw, path)
    if not raw or raw.isspace():
        raise DataError("empty file", file=path)
    if not raw.endswith(b"\n"):
        raise DataError("file does not end with a line break: truncated?", file=path, row=raw.count(b"\n") + 1)
    try:
        frame = pd.read_csv(io.BytesIO(raw), sep=sep, skiprows=skiprows, dtype="category", keep_default_na=False,
                            skip_blank_lines=False, encoding="utf-8")
    except pd.errors.EmptyDataError:
        raise DataError(f"no header after {skiprows} preamble lines", file=path) from None
    except pd.errors.ParserError as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise DataError(f"malformed CSV: {exc}", file=path, row=int(found.group(1)) if found else None) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    check_columns(frame.columns, columns, file=path, row=skiprows + 1)
    frame = frame[list(columns)]
    frame.index = pd.RangeIndex(skiprows + 2, skiprows + 2 + len(frame))
    return frame


def first_row(mask: pd.Series) -> int:
    """Line number of the first row where mask is true."""
    return int(mask.index[np.argmax(mask.to_numpy())])


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
    series = frame[column]
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
            mask = series.isin(cats[bad])
            row = first_row(mask)
            raise DataError(f"{problem}: {series.loc[row]!r} ({int(mask.sum())} rows)", file=file, row=row,
                            field=column)
    values[blanks] = np.nan
    return pd.Series(values[series.cat.codes.to_numpy()], index=series.index, name=column)


def check_choices(frame: pd.DataFrame, column: str, choices: Iterable[str], file: Path) -> None:
    """Stop at the first row whose value is not one of `choices`, listing them."""
    choices = list(choices)
    bad = ~frame[column].isin(choices)
    if bad.any():
        row = first_row(bad)
        raise DataError(f"{frame[column].loc[row]!r} is not one of {choices} ({int(bad.sum())} rows)", file=file,
                        row=row, field=column)


def by_category(series: pd.Series, values) -> pd.Series:
    """Map a categorical column through `values` (a dict or function of the category's text), once per category.

    Works on the category codes, so a 900k-row column costs one array of references, not 900k new strings.
    """
    cats = [str(c) for c in series.cat.categories]
    looked = [values(c) if callable(values) else values.get(c) for c in cats]
    table = np.array(looked + [None], dtype=object)  # the last slot serves code -1 (no category)
    return pd.Series(table[series.cat.codes.to_numpy()], index=series.index, name=series.name)


def _unknown(names, series: pd.Series, file: Path, column: str) -> UnknownCountryError:
    """An UnknownCountryError naming the first row that holds one of the names."""
    names = sorted(set(map(str, names)))
    mask = by_category(series, lambda c: c.strip() in names).astype(bool)
    return UnknownCountryError(names, file=file, row=first_row(mask) if mask.any() else None, field=column)


def country_names(frame: pd.DataFrame, column: str, file: Path, *, mapping: str | None = None,
                  refuse: Sequence[str] = ()) -> pd.Series:
    """Names → ISO3 (None for labels the mapping lists with an empty code). Names containing any of `refuse` (e.g.
    SIPRI's '*' for non-state actors) must be in the mapping: country_converter would guess a country for them."""
    series = frame[column]
    names = [str(c).strip() for c in series.cat.categories]
    if refuse:
        listed = read_mapping(mapping) if mapping else {}
        guessed = [n for n in names if any(mark in n for mark in refuse) and n not in listed]
        if guessed:
            raise _unknown(guessed, series, file, column)
    try:
        codes = to_iso3(names, mapping=mapping, file=file, field=column)
    except UnknownCountryError as exc:
        raise _unknown(exc.names, series, file, column) from None
    return by_category(series, lambda c: codes[c.strip()])


def iso3_codes(frame: pd.DataFrame, column: str, file: Path) -> pd.Series:
    """A column that should already hold ISO3 codes, checked against the country list (no guessing of near codes)."""
    series = frame[column]
    bad = [str(c) for c in series.cat.categories if not is_iso3(str(c))]
    if bad:
        raise _unknown(bad, series, file, column)
    return by_category(series, str)


def cow_codes(frame: pd.DataFrame, column: str, file: Path) -> pd.Series:
    """COW codes (text such as '365.0') → ISO3; None for states that no longer exist (mappings/cow.csv)."""
    codes = numbers(frame, column, file, integer=True, low=1, high=999).astype("int64")
    distinct = codes.unique().tolist()
    try:
        iso = from_cow(distinct, file=file, field=column)
    except UnknownCountryError as exc:
        mask = codes.astype(str).isin(exc.names)
        raise UnknownCountryError(exc.names, file=file, row=first_row(mask) if mask.any() else None,
                                  field=column) from None
    return codes.map(iso)
