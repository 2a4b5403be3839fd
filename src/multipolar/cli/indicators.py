"""`multipolar indicator …` and `multipolar crossover`: thin commands over multipolar.indicators."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..errors import UsageError
from . import app
from .output import check_format, column, emit, records

# Columns of the crossover table in the terminal (the notes follow it as lines; csv/json carry every column).
TABLE_COLUMNS = ("country", "dimension", "source", "first_year", "held", "latest_year", "latest_lead", "leader",
                 "quality")
# Most gap notes printed under a result (the rest are counted).
MAX_NOTES = 15


def _params(items: list[str] | None) -> dict[str, str]:
    out = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"invalid --param {item!r}; use KEY=VALUE, e.g. --param base_year=2010")
        out[key.strip()] = value.strip()
    return out


def _notes(notes: list[str]) -> None:
    if not notes:
        return
    from rich.console import Console

    err = Console(stderr=True)
    for note in notes[:MAX_NOTES]:
        err.print(f"[yellow]note:[/] {note}", highlight=False)
    if len(notes) > MAX_NOTES:
        err.print(f"[yellow]note:[/] … and {len(notes) - MAX_NOTES} more gaps", highlight=False)


def _flag_notes(frame) -> list[str]:
    """One line per quality flag the rows carry: what it means (the table shows the flags only)."""
    from ..indicators import quality

    if "quality" not in frame.columns:
        return []
    seen: dict[str, str] = {}
    for value in dict.fromkeys(v for v in column(frame, "quality") if v is not None):
        for flag in quality.split(value):
            key = quality.name(flag)
            seen.setdefault(key, flag)
    return [f"quality {flag}: {quality.flag_text(flag)}" for _, flag in sorted(seen.items())]


@app.command("indicator", short_help="Compute one indicator: country, partner, years, flow.")
def indicator(
    name: str = typer.Argument(..., help="Indicator name (see `multipolar indicator list`), or `list`."),
    country: str = typer.Option(None, "--country", "-c", help="Target state(s), names or ISO3 codes, comma-separated: "
                                                              "Kazakhstan,UZB."),
    partner: str = typer.Option(None, "--partner", "-p", help="Partner(s), names or ISO3 (WLD = world): CHN,RUS."),
    years: str = typer.Option(None, "--years", "--year", "-y", help="A year or a range: 2019, 2000-2023 (--year is "
                                                                      "an alias)."),
    source: str = typer.Option(None, "--source", "-s", help="Source label(s): national_kz, imf_dots, "
                                                              "mirror:imf_dots, reconciled, …"),
    flow: str = typer.Option(None, "--flow", help="Trade indicators: export | import | turnover."),
    param: list[str] = typer.Option(None, "--param", help="Indicator parameter KEY=VALUE (repeatable), e.g. "
                                                          "base_year=2010, window=5, weights='trade=2,un=0.5'."),
    dimension: str = typer.Option(None, "--dimension", help="With `list`: only this dimension."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | csv | json"),
    pack: Path = typer.Option(None, "--pack", help="Pack folder (default: the shipped pack or $MULTIPOLAR_PACK_DIR)."),
    backend: str = typer.Option("duckdb", "--backend", help="duckdb | pyspark"),
    limit: int = typer.Option(500, "--limit", min=0, help="Most rows a table shows, 0 = all (csv and json give "
                                                         "every row)."),
) -> None:
    """Compute an indicator for a country, partner, years and source; `indicator list` lists them all.

    Years a source does not cover have no row, and a note on stderr says which are missing. Every row has a
    `quality` column: "" or flags joined by "; " (estimate, imputed, partial_year:Nm, preliminary, coverage:P%,
    source_switch, implausible, partial_window:Ny, carried_forward:COMPONENT=YEAR); with the table format a
    note on stderr says what each flag shown means.
    """
    from .. import indicators

    check_format(fmt)
    if name == "list":
        table = indicators.list_indicators()
        if dimension:
            if dimension not in indicators.DIMENSIONS:
                from ..errors import invalid_choice

                raise invalid_choice("dimension", dimension, indicators.DIMENSIONS)
            table = table[table["dimension"] == dimension]
        if fmt == "table":
            emit(table[["name", "dimension", "title", "unit"]], "table", title="multipolar indicators")
        else:
            emit(table, fmt)
        return
    frame = indicators.compute_rows(name, country=country, partner=partner, years=years, source=source, flow=flow,
                                    pack=pack, backend=backend, **_params(param))
    notes = list(frame.attrs.get("gaps", []))
    if fmt == "table" and len(frame) > limit > 0:
        notes.insert(0, f"showing the first {limit:,} of {len(frame):,} rows (narrow the filters, raise --limit, "
                        f"or use --format csv/json for all)")
        frame = frame.head(limit)
    emit(frame, fmt, title=f"{name}" + (f" — {country}" if country else ""))
    if fmt == "table":
        notes += _flag_notes(frame)
    _notes(notes)


@app.command("crossover", short_help="When did China overtake Russia? By state, dimension, source.")
def crossover(
    countries: list[str] = typer.Argument(None, help="Target states (names or ISO3), besides or instead of --region; "
                                                     "the same as --country."),
    country: list[str] = typer.Option(None, "--country", "-c", help="Target state(s), names or ISO3 codes "
                                                                    "(repeatable or comma-separated)."),
    region: list[str] = typer.Option(None, "--region", "-r", help="sco | central-asia (repeatable or "
                                                                   "comma-separated)."),
    dimension: list[str] = typer.Option(None, "--dimension", "-d", help="trade | security | diplomacy | finance | "
                                                                         "composite (repeatable; default all)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | csv | json"),
    pack: Path = typer.Option(None, "--pack", help="Pack folder (default: the shipped pack or $MULTIPOLAR_PACK_DIR)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar (none is drawn when stderr is not a "
                                                            "terminal either)."),
) -> None:
    """When did China overtake Russia? One row per (country, dimension, source): first_year (the first year China
    was clearly ahead), held, latest_year, latest_lead (China minus Russia), leader (China, Russia or "no clear
    lead", by the one rule of multipolar.indicators.leads: a gap under 2 points on a 0-1 scale, or under 10% of the
    larger value on an unbounded one, or a source showing the other power clearly ahead that year, is no clear lead),
    quality (the reading's flags) and a note; csv and json add latest_quality (the flags of the latest year's
    values alone), both latest values, since_year (China's current
    clear run), leader_since (the latest leader's unbroken run), lead_change (over the last 5 years compared),
    first_compared, n_years and view (the source view read: the reconciled view is read within its latest view).
    Partial years are never compared."""
    from .. import indicators

    from ..countries import resolve_many

    check_format(fmt)
    regions = [r.strip() for item in region or [] for r in item.split(",") if r.strip()]
    dims = [d.strip() for item in dimension or [] for d in item.split(",") if d.strip()]
    named = [c for item in list(countries or []) + list(country or []) for c in item.split(",") if c.strip()]
    from ..indicators.rows import Rows
    from .progress import progress_bar

    chosen = resolve_many(named)
    with progress_bar("crossover", quiet=quiet) as progress:
        # From the indicator cache with DuckDB alone (no pandas) when it has the table, else computed.
        rows = indicators.crossover_rows(countries=chosen, region=regions or None, dimensions=dims or None,
                                         pack=pack, progress=progress)
        if rows is None:
            frame = indicators.crossover(countries=chosen, region=regions or None, dimensions=dims or None,
                                         pack=pack, progress=progress)
            # Nullable integer/boolean columns hold pd.NA: None, as in the cached rows.
            rows = Rows.from_frame(frame.astype(object).where(frame.notna(), None))
            rows = Rows(rows.columns, rows.rows)  # (every column printed as text is: object columns)
    if fmt == "json":
        print(json.dumps(records(rows), indent=1, ensure_ascii=False))
    elif fmt == "csv":
        emit(rows, fmt)
    else:
        # A terminal is narrow: the key columns as a table, each row's note below it.
        from rich.console import Console

        keep = [rows.columns.index(c) for c in TABLE_COLUMNS]
        emit(Rows(TABLE_COLUMNS, [tuple(row[i] for i in keep) for row in rows.rows]), "table",
             title="China overtaking Russia: first year, by dimension and source")
        console = Console()
        at = {c: rows.columns.index(c) for c in ("country", "dimension", "source", "note")}
        for row in rows.rows:
            if row[at["note"]]:
                console.print(f"[bold]{row[at['country']]} {row[at['dimension']]} {row[at['source']] or '-'}[/]: "
                              f"{row[at['note']]}", highlight=False)
        _notes(_flag_notes(rows))
