"""Render verdicts as a terminal table, JSON (the documented schema, docs/claims.md) or Markdown."""

from __future__ import annotations

import json

from .model import VERDICTS, Verdict

FORMATS = ("table", "json", "markdown")
# Verdict → colour in the terminal table.
COLOURS = {"supported": "green", "partly supported": "yellow", "contradicted": "red", "unverifiable": "bright_black"}


def to_json(verdicts: list[Verdict], *, date=None) -> str:
    """{"claims": [...], "summary": {...}} — see docs/claims.md."""
    doc = {"claims": [v.to_dict() for v in verdicts], "summary": summary(verdicts)}
    if date is not None:
        doc["date"] = str(date)
    return json.dumps(doc, indent=1, ensure_ascii=False)


def summary(verdicts: list[Verdict]) -> dict[str, int]:
    """How many claims got each verdict."""
    return {v: sum(1 for x in verdicts if x.verdict == v) for v in VERDICTS}


def _observed_line(v: Verdict, limit: int = 3) -> str:
    items = []
    for o in v.observed[:limit]:
        value = o.value
        if o.unit == "USD" and isinstance(value, (int, float)):
            shown = f"${value / 1e9:,.2f} bn" if abs(value) >= 1e9 else f"${value / 1e6:,.1f} mn"
        elif o.unit == "share" and isinstance(value, (int, float)):
            shown = f"{value * 100:.2f}%"
        else:
            shown = str(value)
        items.append(f"{shown} ({o.year}, {o.source})" if o.year is not None else f"{shown} ({o.source})")
    more = len(v.observed) - limit
    return "; ".join(items) + (f"; +{more} more" if more > 0 else "")


def to_markdown(verdicts: list[Verdict]) -> str:
    """A Markdown report: one section per claim with verdict, evidence, arithmetic and reason."""
    lines = ["# Claim check", ""]
    counts = summary(verdicts)
    lines.append(", ".join(f"{n} {k}" for k, n in counts.items() if n) or "No checkable claims found.")
    lines.append("")
    for i, v in enumerate(verdicts, 1):
        lines.append(f"## {i}. {v.verdict.upper()} — {v.type}")
        lines.append("")
        lines.append(f"> {v.text}")
        lines.append("")
        lines.append(f"*Characters {v.claim.span[0]}-{v.claim.span[1]}.* **Why:** {_md(v.reason)}")
        lines.append("")
        if v.observed:
            lines.append("| value | unit | source | year |")
            lines.append("|---|---|---|---|")
            for o in v.observed:
                source = f"[{_md(o.source)}]({o.url})" if o.url else _md(o.source)
                lines.append(f"| {_md(str(o.value))} | {o.unit} | {source} | {o.year if o.year is not None else ''} |")
            lines.append("")
        if v.arithmetic:
            lines.append("Arithmetic:")
            lines.append("")
            lines += [f"- {_md(a)}" for a in v.arithmetic]
            lines.append("")
    return "\n".join(lines)


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def print_table(verdicts: list[Verdict], console=None) -> None:
    """A Rich table: #, verdict, type, claim, observed, reason."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    if not verdicts:
        console.print("No checkable claims found.")
        return
    table = Table(show_lines=True, title="Claim check")
    for column, width in (("#", 3), ("verdict", 12), ("type", 10), ("claim", 40), ("data", 40), ("why", 50)):
        table.add_column(column, max_width=width, overflow="fold")
    for i, v in enumerate(verdicts, 1):
        colour = COLOURS.get(v.verdict, "white")
        table.add_row(str(i), f"[{colour}]{v.verdict}[/{colour}]", v.type, v.text, _observed_line(v), v.reason)
    console.print(table)
    console.print(", ".join(f"{n} {k}" for k, n in summary(verdicts).items() if n))
