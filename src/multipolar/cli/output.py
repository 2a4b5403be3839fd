"""Render a DataFrame for the terminal: a Rich table, CSV or JSON."""

from __future__ import annotations

import json
import math
from typing import Literal

import pandas as pd
from rich.console import Console
from rich.table import Table

from ..errors import invalid_choice

Format = Literal["table", "csv", "json"]
FORMATS = ("table", "csv", "json")


def check_format(fmt: str, choices=FORMATS) -> str:
    """The format, or a UsageError listing the valid ones."""
    if fmt not in choices:
        raise invalid_choice("format", fmt, choices)
    return fmt


def _plain(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as JSON-ready dicts (NaN → null, dates → ISO strings)."""
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def emit(frame: pd.DataFrame, fmt: str, *, title: str | None = None, console: Console | None = None) -> None:
    """Print frame as a table, CSV or JSON (a list of records) on stdout."""
    check_format(fmt)
    console = console or Console()
    if fmt == "csv":
        print(frame.to_csv(index=False), end="")
    elif fmt == "json":
        print(json.dumps(records(frame), indent=1, ensure_ascii=False))
    else:
        table = Table(title=title, show_lines=False)
        for column in frame.columns:
            numeric = pd.api.types.is_numeric_dtype(frame[column])
            table.add_column(str(column), justify="right" if numeric else "left", overflow="fold")
        for row in frame.itertuples(index=False):
            table.add_row(*["" if _plain(v) is None else (f"{v:,.4g}" if isinstance(v, float) else str(v))
                            for v in row])
        console.print(table)
