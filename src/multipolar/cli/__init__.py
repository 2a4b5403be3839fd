"""The `multipolar` command: a thin Typer layer over the library; errors become one line and a non-zero exit."""

from __future__ import annotations

import sys

import typer

from ..errors import MultipolarError

app = typer.Typer(
    name="multipolar",
    help="Measure, from public data, how China's and Russia's influence over the SCO and Central Asian states has "
         "shifted: by dimension, year and source.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"multipolar {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Measure, from public data, how China's and Russia's influence over the SCO and Central Asian states has
    shifted: by dimension, year and source. Countries are given by name or ISO3 code (Kazakhstan, KAZ)."""


# Each module adds its commands to `app` (imported for that side effect, in help order).
from . import data as _data  # noqa: E402,F401
from . import indicators as _indicators  # noqa: E402,F401
from . import claims as _claims  # noqa: E402,F401
from . import report as _report  # noqa: E402,F401


def main() -> None:
    """Entry point: run the app; a MultipolarError prints one clear line on stderr and exits with its code."""
    try:
        app()
    except MultipolarError as exc:
        typer.echo(f"error: {exc.one_line()}", err=True)
        sys.exit(exc.exit_code)
