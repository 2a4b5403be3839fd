"""A parser's rows as a frame with exactly the columns and types of a canonical table (schema.TABLES)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from ..schema import TABLES

# pandas dtype of each Arrow type a parser casts to; text and dates stay object.
_DTYPES = {pa.int8(): "int8", pa.int16(): "int16", pa.int32(): "int32", pa.int64(): "int64",
           pa.float64(): "float64", pa.bool_(): "bool"}


def table_frame(table: str, data, **constants) -> pd.DataFrame:
    """`data` (a frame, a dict of columns or a list of row dicts) as a frame of exactly `table`'s columns in schema
    order, a column given in `constants` (a value for every row, or a sequence/series of them) replacing or adding
    one: numbers and flags cast to the schema's types, empty values of nullable text columns as None."""
    spec = TABLES[table]
    if isinstance(data, list):
        data = pd.DataFrame.from_records(data, columns=spec.columns)
    elif not isinstance(data, pd.DataFrame):
        data = pd.DataFrame(data)
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
    return pd.DataFrame(columns, index=data.index)
