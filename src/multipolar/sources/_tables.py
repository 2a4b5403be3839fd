"""A parser's rows as a frame with exactly the columns and types of a canonical table (schema.TABLES), checked for
plausibility (schema's ranges and partner totals) with errors naming the raw file, row and field."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from ..errors import DataError
from ..schema import TABLES, TableSpec, implausible, over_total

# pandas dtype of each Arrow type a parser casts to; text and dates stay object.
_DTYPES = {pa.int8(): "int8", pa.int16(): "int16", pa.int32(): "int32", pa.int64(): "int64",
           pa.float64(): "float64", pa.bool_(): "bool"}


# Column (or row-dict key) where a parser says where each row came from: (file, row, field) of the raw value.
AT = "_at"


def table_frame(table: str, data, **constants) -> pd.DataFrame:
    """`data` (a frame, a dict of columns or a list of row dicts) as a frame of exactly `table`'s columns in schema
    order, a column given in `constants` (a value for every row, or a sequence/series of them) replacing or adding
    one: numbers and flags cast to the schema's types, empty values of nullable text columns as None.

    The result is checked against the table's declared plausibility (check_plausible); rows may carry their raw
    location under the key/column AT ((file, row, field)) so that an error names it.
    """
    spec = TABLES[table]
    at = None
    if isinstance(data, list):
        if data and AT in data[0]:
            at = [row.get(AT) for row in data]
        data = pd.DataFrame.from_records(data, columns=spec.columns)
    elif not isinstance(data, pd.DataFrame):
        data = pd.DataFrame(data)
    if AT in data.columns:
        at = data[AT].tolist()
    columns = {}
    for field in spec.schema:
        values = constants[field.name] if field.name in constants else data[field.name]
        dtype = _DTYPES.get(field.type, object)
        if field.name in spec.nullable and pa.types.is_integer(field.type):
            dtype = dtype.capitalize()  # pandas' nullable integer (Int8, ...): a missing value stays missing
        if np.ndim(values) == 0:  # one value for every row
            values = pd.Series(values, index=data.index, dtype=dtype)
        elif not isinstance(values, pd.Series):
            values = pd.Series(values, index=data.index)
        elif not values.index.equals(data.index):
            values = values.reindex(data.index)
        if field.type in _DTYPES:
            values = values.astype(dtype, copy=False)
        elif field.name in spec.nullable and pa.types.is_string(field.type) and values.isna().any():
            values = values.astype(object).where(values.notna(), None)
        columns[field.name] = values
    frame = pd.DataFrame(columns, index=data.index)
    check_plausible(frame, spec, at=None if at is None else pd.Series(at, index=data.index, dtype=object),
                    origin=table)
    return frame


def check_plausible(frame: pd.DataFrame, spec: TableSpec, *, at: pd.Series | None = None, origin: str = "") -> None:
    """Stop at the first value outside spec.checks or partner row above its total row, naming the raw (file, row,
    field) from `at` when given, else the row's key."""
    found = implausible(frame, spec)
    if found is not None:
        label, column, value, bounds = found
        value = _plain(value)
        shown = str(value) if isinstance(value, int) else f"{value:,}" if isinstance(value, float) else repr(value)
        why = f" ({bounds.why})" if bounds.why else ""
        _raise(frame, spec, label, column, f"{column} {shown} is implausible: it must be {bounds.describe()}{why}",
               at, origin)
    found = over_total(frame, spec)
    if found is not None:
        label, value, total = found
        column, partner, code = spec.total
        _raise(frame, spec, label, column, f"{column} {value:,} exceeds the {partner} {code} total {total:,} of the "
                                           f"same {', '.join(k for k in spec.key if k != partner)}: a wrong unit "
                                           "or a corrupted cell", at, origin)


def _raise(frame, spec, label, column, message, at, origin):
    where = at.loc[label] if at is not None else None
    if where:
        file, row, field = (tuple(where) + (None, None))[:3]
        raise DataError(message, file=file, row=row, field=field or column)
    key = ", ".join(f"{k}={_plain(frame.at[label, k])!r}" for k in spec.key if k in frame.columns)
    raise DataError(f"{message} [{key}]", file=origin or spec.name, field=column)


def _plain(value):
    return value.item() if hasattr(value, "item") else value
