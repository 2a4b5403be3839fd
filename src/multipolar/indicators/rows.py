"""Indicator results as plain Python rows: what the command line prints, read from the indicator cache without pandas.

`Rows` holds the values a pandas frame of the same result would give, converted the way pandas converts them (an
integer column with a missing value becomes floats, as in the frame), so a table, CSV or JSON printed from it is
the one printed from the frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# DuckDB type names of integer columns (a missing value makes pandas hold them as floats).
_INTEGERS = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT")
# DuckDB type names pandas sees as numbers (right-aligned in a table); booleans too, when none is missing.
_NUMBERS = _INTEGERS + ("FLOAT", "DOUBLE", "DECIMAL")


@dataclass
class Rows:
    """columns, rows (tuples of Python values, None for missing), the columns pandas would hold as numbers, and the
    attrs of the frame (`gaps`, `indicator`)."""

    columns: tuple[str, ...]
    rows: list[tuple]
    numeric: frozenset[str] = frozenset()
    attrs: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def empty(self) -> bool:
        return not self.rows

    def head(self, n: int) -> Rows:
        return Rows(self.columns, self.rows[:n], self.numeric, dict(self.attrs))

    def values(self, column: str) -> list:
        """The values of one column, in row order."""
        i = self.columns.index(column)
        return [row[i] for row in self.rows]

    @classmethod
    def from_duckdb(cls, columns, types, rows: list[tuple]) -> Rows:
        """Rows from a DuckDB result (its column names, type names and fetched rows), converted as pandas would."""
        numeric, floats = set(), []
        for i, (column, kind) in enumerate(zip(columns, types)):
            kind = str(kind).split("(")[0].upper()
            missing = any(row[i] is None for row in rows)
            if kind in _NUMBERS or (kind == "BOOLEAN" and not missing):
                numeric.add(column)
            if kind in _INTEGERS and missing:
                floats.append(i)
        if floats:
            rows = [tuple(float(v) if i in floats and v is not None else v for i, v in enumerate(row))
                    for row in rows]
        return cls(tuple(columns), rows, frozenset(numeric))

    @classmethod
    def from_frame(cls, frame) -> Rows:
        """Rows of a pandas frame (the values its `itertuples` gives, missing values as None)."""
        import math

        import pandas as pd

        def plain(value):
            if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
                return None
            return value.item() if hasattr(value, "item") else value

        numeric = frozenset(str(c) for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c]))
        rows = [tuple(plain(v) for v in row) for row in frame.itertuples(index=False)]
        return cls(tuple(str(c) for c in frame.columns), rows, numeric, dict(frame.attrs))
