"""Render a DataFrame for the terminal: a Rich table, CSV or JSON."""

from __future__ import annotations

import json
import math
from typing import Literal

from ..errors import invalid_choice
from ..lazy import pandas as pd

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


def records(frame) -> list[dict]:
    """Rows (of a DataFrame or an indicator's `Rows`) as JSON-ready dicts (NaN → null, dates → ISO strings)."""
    if _is_rows(frame):
        return [{k: _plain(v) for k, v in zip(frame.columns, row)} for row in frame.rows]
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _is_rows(frame) -> bool:
    """Whether frame is an indicator's `Rows` (plain Python rows, no pandas) rather than a DataFrame."""
    return hasattr(frame, "rows") and hasattr(frame, "numeric")


def column(frame, name: str) -> list:
    """The values of one column of a DataFrame or `Rows`, in row order."""
    return frame.values(name) if _is_rows(frame) else frame[name].tolist()


def _cell(value) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, float):
        # Dollar amounts in full with separators; shares, scores and ratios with 4 significant digits.
        return f"{value:,.0f}" if abs(value) >= 1e5 else f"{value:.4g}"
    return str(value)


def emit(frame, fmt: str, *, title: str | None = None, console: Console | None = None) -> None:
    """Print frame (a DataFrame or an indicator's `Rows`, the same output for the same values) as a table, CSV or
    JSON (a list of records) on stdout."""
    check_format(fmt)
    rows = _is_rows(frame)
    if fmt == "csv":
        if rows:
            _csv(frame)
        else:
            print(frame.to_csv(index=False), end="")
        return
    if fmt == "json":
        print(json.dumps(records(frame), indent=1, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    cells = [[_cell(v) for v in row] for row in (frame.rows if rows else frame.itertuples(index=False))]
    table = Table(title=title, show_lines=False)
    widths = []
    for i, column in enumerate(frame.columns):
        numeric = column in frame.numeric if rows else pd.api.types.is_numeric_dtype(frame[column])
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


def _csv(frame) -> None:
    """`Rows` as CSV, written as pandas' to_csv writes a frame (the csv module's minimal quoting, '\n' line ends,
    missing values empty, floats as repr)."""
    import csv
    import sys

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(frame.columns)
    for row in frame.rows:
        writer.writerow(["" if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in row])
