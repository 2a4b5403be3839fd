"""`multipolar data pull`: refresh tables from online sources (IMF IMTS, UN Comtrade, World Bank) into the cache."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import DataError, UsageError
from ..store import pulled
from .data import data_app  # data.py imports this module at its end, after data_app exists


def _years(text: str) -> tuple[int, int]:
    from ..store import parse_years

    try:
        return parse_years(text)
    except DataError as exc:
        raise UsageError(exc.message) from None


@data_app.command("pull", short_help="Fetch fresh data from an online source and validate it.")
def pull(
    source: str = typer.Argument(..., help=f"Online source: {' | '.join(pulled.PULL_SOURCES)}."),
    years: str = typer.Option(f"{pulled.DEFAULT_YEARS[0]}-{pulled.DEFAULT_YEARS[1]}",
                              help="Years to fetch: FIRST-LAST or one year."),
    countries: str = typer.Option(",".join(pulled.DEFAULT_COUNTRIES),
                                  help="ISO3 codes, comma-separated (reporters for trade sources)."),
    refresh: bool = typer.Option(False, "--refresh", help="Download again even when the answers are cached."),
    out: Path = typer.Option(None, help="Folder for pulled tables (default: the pulled/ folder of the cache directory)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar (none is drawn when stderr is not a "
                                                            "terminal either)."),
) -> None:
    """Fetch fresh data from an online source, validate it and store it as canonical tables next to the cache.

    Needs a network connection; the shipped data pack keeps working offline. The pulled tables can be added to a
    pack later; a failed pull leaves earlier pulled tables untouched.
    """
    if source not in pulled.PULL_SOURCES:
        from ..errors import invalid_choice

        raise invalid_choice("source", source, pulled.PULL_SOURCES)
    span = _years(years)
    codes = pulled.check_countries(countries.split(","))
    from .progress import progress_bar

    # Transient: once done (or failed) the bar goes, leaving the summary or the one-line error.
    with progress_bar(f"pulling {source}", quiet=quiet) as progress:
        written = pulled.pull(source, span, codes, refresh=refresh, progress=progress, out_dir=out)
    for table, path in written.items():
        typer.echo(f"pulled {source}: {table} → {path}")
