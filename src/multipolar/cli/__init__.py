"""The `multipolar` command: a thin Typer layer over the library; errors become one line and a non-zero exit."""

from __future__ import annotations

import sys

import typer

from ..errors import MultipolarError

try:  # Typer 0.2x vendors Click as typer._click (pinned in pyproject); plain Click otherwise
    from typer._click import exceptions as _cx
except ImportError:  # pragma: no cover - depends on the Typer version
    from click import exceptions as _cx

app = typer.Typer(
    name="multipolar",
    help="Measure, from public data, how China's and Russia's influence over the SCO and Central Asian states has "
         "shifted: by dimension, year and source.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain Click help (reflowed to the terminal): Rich would add 0.1 s to every --help
    context_settings={"max_content_width": 120},
)



def _skip_adapters_for_absent_values() -> None:
    """Typer 0.29 builds a parameter's pydantic TypeAdapter the first time it processes the parameter's value, even
    an absent one (None), which it then returns unchanged (`RuntimeParam.coerce`: None, or () for a multi-value
    parameter) without using the adapter. The first such build imports pydantic (~0.1 s): before Click reports an
    unknown option, `multipolar indicator --bogus` processed the group's absent --help and paid it. An absent value
    now gets that same result without the build; a given value is coerced by Typer exactly as before."""
    core = getattr(typer, "core", None)
    param = getattr(core, "_TyperParameter", None)
    if param is None or not hasattr(param, "get_runtime_param") or getattr(param, "_multipolar_lazy", False):
        return  # another Typer: nothing to do

    class Absent:
        @staticmethod
        def coerce(value, param, ctx):
            return () if param.multiple or param.nargs == -1 else None

    process_value = param.process_value

    def process(self, ctx, value):
        if value is not None or getattr(self, "_runtime_param", True) is not None:
            return process_value(self, ctx, value)
        self._runtime_param = Absent
        try:
            return process_value(self, ctx, value)
        finally:
            if self._runtime_param is Absent:
                self._runtime_param = None

    param.process_value = process
    param._multipolar_lazy = True


_skip_adapters_for_absent_values()


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
from . import rerouting as _rerouting  # noqa: E402,F401
from . import claims as _claims  # noqa: E402,F401
from . import report as _report  # noqa: E402,F401


# Exit codes: 0 success; 2 a usage error (an invalid option, date, year or path: UsageError, or Click's own option
# errors); 1 a data or runtime error (DataError, SourceError, …, or the system refusing a file); 130 interrupted.
EXIT_DATA, EXIT_USAGE, EXIT_INTERRUPTED = 1, 2, 130


def main() -> None:
    """Entry point: run the app; a MultipolarError prints one clear line on stderr and exits with its code (2 for
    usage errors, 1 for data and runtime errors); an operating-system error (permission, disk full) is one line too."""
    try:
        code = app(standalone_mode=False)
    except _cx.NoArgsIsHelpError:  # `multipolar` or `multipolar data` alone: the help is the answer
        sys.exit(0)
    except _cx.UsageError as exc:  # Click's own option errors (bad value, unknown option): one line too
        where = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx else ""
        typer.echo(f"error: {exc.format_message()}{where}", err=True)
        sys.exit(EXIT_USAGE)
    except typer.Abort:
        typer.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except MultipolarError as exc:
        typer.echo(f"error: {exc.one_line()}", err=True)
        sys.exit(exc.exit_code)
    except OSError as exc:
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        typer.echo(f"error: {where}{exc.strerror or exc}", err=True)
        sys.exit(EXIT_DATA)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    sys.exit(code if isinstance(code, int) else 0)  # typer.Exit(n) comes back as the return value
