"""Render a CheckResult as a terminal table, JSON (the documented schema, docs/claims.md) or Markdown; the
sentences not checked are shown in each."""

from __future__ import annotations

import json

from .model import CheckResult, Verdict

FORMATS = ("table", "json", "markdown")
# Verdict → colour in the terminal table.
COLOURS = {"supported": "green", "partly supported": "yellow", "contradicted": "red", "unverifiable": "bright_black"}


def to_json(result: CheckResult) -> str:
    """CheckResult.to_dict() as indented JSON."""
    return json.dumps(result.to_dict(), indent=1, ensure_ascii=False)


def write_json(result: CheckResult, out) -> None:
    """to_json(result) and a new line written to out claim by claim (the same characters), so that a long text's
    result is never held whole as dicts and one string."""
    def item(value, level: int) -> str:
        pad = " " * level
        return "\n".join(pad + line for line in json.dumps(value, indent=1, ensure_ascii=False).split("\n"))

    def array(name: str, values, last: bool) -> None:
        if not values:
            out.write(f' "{name}": []' + ("\n" if last else ",\n"))
            return
        out.write(f' "{name}": [\n')
        for i, value in enumerate(values):
            out.write(item(value.to_dict(), 2) + (",\n" if i < len(values) - 1 else "\n"))
        out.write(" ]" + ("\n" if last else ",\n"))

    date = result.date.isoformat() if result.date else None
    out.write("{\n" + f' "date": {json.dumps(date)},\n')
    array("claims", result.claims, False)
    array("unchecked", result.unchecked, False)
    out.write(' "summary": ' + item(result.summary, 1).lstrip(" ") + "\n}\n")


def _counts(result: CheckResult) -> str:
    return ", ".join(f"{n} {k}" for k, n in result.summary.items() if n) or "No checkable claims found."


def _observed_line(v: Verdict, limit: int = 3) -> str:
    items = []
    for o in v.observed[:limit]:
        value = o.value
        if o.unit in ("USD", "EUR") and isinstance(value, (int, float)):
            sign = "$" if o.unit == "USD" else "€"
            shown = f"{sign}{value / 1e9:,.2f} bn" if abs(value) >= 1e9 else f"{sign}{value / 1e6:,.1f} mn"
        elif o.unit == "share" and isinstance(value, (int, float)):
            shown = f"{value * 100:.2f}%"
        else:
            shown = str(value)
        item = f"{shown} ({o.year}, {o.source})" if o.year is not None else f"{shown} ({o.source})"
        items.append(item + (f" [{o.note}]" if o.note else ""))
    more = len(v.observed) - limit
    return "; ".join(items) + (f"; +{more} more" if more > 0 else "")


def to_markdown(result: CheckResult) -> str:
    """A Markdown report: one section per claim (verdict, evidence, arithmetic, reason, how to reproduce), then the
    sentences not checked."""
    lines = ["# Claim check", "", _counts(result), ""]
    for i, v in enumerate(result.claims, 1):
        lines += [f"## {i}. {v.verdict.upper()} — {v.type}", "", f"> {v.text}", "",
                  f"*Characters {v.claim.span[0]}-{v.claim.span[1]}.* **Why:** {_md(v.reason)}", ""]
        if v.observed:
            lines += ["| value | unit | source | year | note |", "|---|---|---|---|---|"]
            for o in v.observed:
                source = f"[{_md(o.source)}]({o.url})" if o.url else _md(o.source)
                lines.append(f"| {_md(str(o.value))} | {o.unit} | {source} | "
                             f"{o.year if o.year is not None else ''} | {_md(o.note or '')} |")
            lines.append("")
        if v.arithmetic:
            lines += ["Arithmetic:", ""] + [f"- {_md(a)}" for a in v.arithmetic] + [""]
        calls = list(dict.fromkeys(v.calls))
        if calls:
            lines += ["Reproduce:", ""]
            for c in calls:
                lines += [f"- `{c.cli()}`" if c.cli() else f"- `{c.python()}`"]
            lines.append("")
    if result.unchecked:
        lines += ["## Not checked", ""]
        lines += [f"- *Characters {u.span[0]}-{u.span[1]}:* {_md(u.text)} — {_md(u.reason)}" for u in result.unchecked]
        lines.append("")
    return "\n".join(lines)


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def print_table(result: CheckResult, console=None) -> None:
    """A Rich table of the claims (#, verdict, type, claim, data, why), then the sentences not checked."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    if not result.claims and not result.unchecked:
        console.print("No checkable claims found.")
        return
    if result.claims:
        table = Table(show_lines=True, title="Claim check")
        for column, width in (("#", 3), ("verdict", 12), ("type", 10), ("claim", 40), ("data", 40), ("why", 50)):
            table.add_column(column, max_width=width, overflow="fold")
        for i, v in enumerate(result.claims, 1):
            colour = COLOURS.get(v.verdict, "white")
            table.add_row(str(i), f"[{colour}]{v.verdict}[/{colour}]", v.type, v.text, _observed_line(v), v.reason)
        console.print(table)
    if result.unchecked:
        table = Table(show_lines=True, title="Not checked")
        for column, width in (("chars", 11), ("text", 70), ("why", 60)):
            table.add_column(column, max_width=width, overflow="fold")
        for u in result.unchecked:
            table.add_row(f"{u.span[0]}-{u.span[1]}", u.text, u.reason)
        console.print(table)
    console.print(_counts(result))
