"""`multipolar rerouting`: a thin command over multipolar.analysis.rerouting (sanctions re-routing tables)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..errors import invalid_choice
from ..lazy import pandas as pd
from . import app
from .output import check_format, emit

# Columns each table shows in the terminal (csv and json carry every column).
TABLE_COLUMNS = {
    "growth": ("partner", "base_year", "year", "months", "base_value", "end_value", "value", "currency", "quality",
               "source"),
    "leakage": ("year", "base_year", "months", "neighbours_base", "neighbours_end", "rise", "target_base",
                "target_end", "fall", "value", "quality", "source"),
    "top_products": ("group", "label", "rise", "fall", "value", "quality", "source"),
    "roundabout": ("partner", "year", "leg", "base_value", "end_value", "value", "unit", "quality", "source"),
    "event_study": ("group", "period", "event_time", "estimate", "ci_low", "ci_high", "p_value", "effect"),
    "event_study_pooled": ("group", "estimate", "std_error", "ci_low", "ci_high", "p_value", "effect"),
}
TITLES = {
    "growth": "EU exports of {products} goods to each partner: {months} {year} against the same months of {base}",
    "leakage": "Leakage ratio: rise in exports to {neighbours} / fall in exports to Russia ({months} {year} vs "
               "{base})",
    "top_products": "Top products by rise in exports to the neighbours ({months} {year} vs {base})",
    "roundabout": "The two legs of the roundabout: EU -> neighbour (product set) and neighbour -> Russia (all goods)",
    "event_study": "Event study: sanctioned-goods exports against the control, by month (reference 2022-02 = 0)",
    "event_study_pooled": "Event study: average effect from March 2022 (log points; effect = exp - 1)",
}
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
ESTIMATORS = ("ppml", "ols")
# Longest product label the terminal table shows (csv and json give it whole).
LABEL_WIDTH = 70


def _span(frame: pd.DataFrame) -> str:
    if frame.empty or "first_month" not in frame.columns:
        return ""
    first, last = int(frame["first_month"].iloc[0]), int(frame["last_month"].iloc[0])
    return f"{MONTHS[first - 1]}-{MONTHS[last - 1]}" if (first, last) != (1, 12) else "Jan-Dec"


def _sources(frame: pd.DataFrame) -> str:
    return "; ".join(sorted(set(frame["source"].dropna()))) if "source" in frame.columns else ""


@app.command("rerouting", short_help="Sanctions re-routing: EU exports of listed goods.")
def rerouting(
    partner: str = typer.Option(None, "--partner", "-p", help="Partner(s) of the EU exports, names or ISO3 codes, "
                                                              "comma-separated, e.g. KGZ,Kazakhstan,RUS (default: "
                                                              "every partner in the data)."),
    products: str = typer.Option("sanctioned", "--products", help="sanctioned (EU sanction-annex CN8 codes) | chpl "
                                                                  "(Common High Priority Items)."),
    year: int = typer.Option(None, "--year", help="Year compared with the one before (default: the latest)."),
    event_study: bool = typer.Option(False, "--event-study", help="Also fit the event study (pyfixest; 15-60 s "
                                                                  "for the sanctioned codes)."),
    estimator: str = typer.Option("ppml", "--estimator", help="Event study: ppml | ols (log values)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | csv | json"),
    pack: Path = typer.Option(None, "--pack", help="Pack folder (default: the shipped pack or $MULTIPOLAR_PACK_DIR)."),
    backend: str = typer.Option("duckdb", "--backend", help="duckdb | pyspark"),
) -> None:
    """Sanctions re-routing ("Eurasian roundabout"): EU exports of sanctioned goods to each partner against the same
    months a year earlier, the leakage ratio (rise to the neighbours / fall to Russia), the top products, the
    neighbours' own exports to Russia alongside, and optionally the event study.

    Every row carries its source and quality flags (e.g. partial_year:11m: the EU extract ends in November 2022).
    """
    from ..analysis.rerouting import PRODUCTS, summary

    check_format(fmt)
    if products not in PRODUCTS:
        raise invalid_choice("products", products, PRODUCTS)
    if estimator not in ESTIMATORS:
        raise invalid_choice("estimator", estimator, ESTIMATORS)
    result = summary(partner=partner, products=products, year=year, event_study=event_study, estimator=estimator,
                     pack=pack, backend=backend)
    tables = result.tables()
    if fmt == "json":
        print(json.dumps(result.to_dict(), indent=1, ensure_ascii=False))
        return
    if fmt == "csv":
        frames = [frame.assign(table=name)[["table", *frame.columns]] for name, frame in tables.items()]
        emit(pd.concat(frames, ignore_index=True), "csv")
        return
    from rich.console import Console

    console = Console()
    for name, frame in tables.items():
        context = {"products": result.products, "year": result.year, "base": result.year - 1,
                   "months": _span(frame), "neighbours": ",".join(result.neighbours)}
        shown = frame[[c for c in TABLE_COLUMNS[name] if c in frame.columns]]
        if "label" in shown.columns:
            shown = shown.assign(label=[text if not isinstance(text, str) or len(text) <= LABEL_WIDTH
                                        else text[:LABEL_WIDTH - 1] + "…" for text in shown["label"]])
        emit(shown, "table", title=TITLES[name].format(**context), console=console)
        if name.startswith("event_study"):
            spec = result.event_study.spec
            console.print(f"Source: {spec['source']}. Control: {spec['control']} (limits: "
                          f"{'; '.join(spec['control_limits'])}).", highlight=False)
        else:
            console.print(f"Source: {_sources(frame)}", highlight=False)
    for note in result.notes:
        Console(stderr=True).print(f"[yellow]note:[/] {note}", highlight=False)
