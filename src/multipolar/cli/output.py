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


def _cell(value) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, float):
        # Dollar amounts in full with separators; shares, scores and ratios with 4 significant digits.
        return f"{value:,.0f}" if abs(value) >= 1e5 else f"{value:.4g}"
    return str(value)


def emit(frame: pd.DataFrame, fmt: str, *, title: str | None = None, console: Console | None = None) -> None:
    """Print frame as a table, CSV or JSON (a list of records) on stdout."""
    check_format(fmt)
    if fmt == "csv":
        print(frame.to_csv(index=False), end="")
        return
    if fmt == "json":
        print(json.dumps(records(frame), indent=1, ensure_ascii=False))
        return
    cells = [[_cell(v) for v in row] for row in frame.itertuples(index=False)]
    table = Table(title=title, show_lines=False)
    widths = []
    for i, column in enumerate(frame.columns):
        numeric = pd.api.types.is_numeric_dtype(frame[column])
        table.add_column(str(column), justify="right" if numeric else "left", no_wrap=True)
        widths.append(max([len(str(column))] + [len(line) for row in cells[:2000] for line in row[i].split("\n")]))
    for row in cells:
        table.add_row(*row)
    # Rows are never folded: the console is made as wide as the table needs (a terminal soft-wraps what is wider).
    console = console or Console()
    needed = sum(widths) + 3 * len(widths) + 1
    if needed > console.width:
        console = Console(width=min(needed, 400), file=console.file)
    console.print(table)
