"""`multipolar check FILE|-`: find and check the claims of an article against the data."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import ClaimError
from . import app
from .output import check_format


def _read(file: str) -> tuple[bytes, str]:
    from ..claims import MAX_BYTES

    if file == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return data, "<stdin>"
    path = Path(file)
    if not path.exists():
        raise ClaimError("file not found", file=path)
    if path.is_dir():
        raise ClaimError("is a folder, not a text file", file=path)
    if path.stat().st_size > MAX_BYTES:
        raise ClaimError(f"file is {path.stat().st_size:,} bytes; the checker reads at most {MAX_BYTES:,}", file=path)
    try:
        return path.read_bytes(), str(path)
    except OSError as exc:
        raise ClaimError(f"cannot read: {exc.strerror}", file=path) from None


def _system_arrow_pool() -> None:
    """Arrow's buffers from the C library's malloc, unless $ARROW_DEFAULT_MEMORY_POOL chooses: Arrow's default pool
    (mimalloc) keeps what a check frees for later, ~70 MB more at its peak for the same CPU time (a 300 kB text:
    296 against 365 MB)."""
    import os

    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        return
    if "pyarrow" not in sys.modules:  # read by Arrow at its start (set_memory_pool later leaves ~20 MB more)
        os.environ["ARROW_DEFAULT_MEMORY_POOL"] = "system"
    else:
        import pyarrow

        pyarrow.set_memory_pool(pyarrow.system_memory_pool())


@app.command("check", short_help="Check an article's claims: verdict, figures, source.")
def check(
    file: str = typer.Argument(..., help="Text file of the article (UTF-8), or - to read standard input."),
    fmt: str = typer.Option("table", "--format", help="table | json | markdown"),
    date: str = typer.Option(None, "--date", help="The article's date, YYYY-MM-DD (1800-01-01 to 2100-12-31): resolves 'last year', "
                                                  "'last Thursday' and claims without a year."),
    pack: Path = typer.Option(None, help="Pack folder (default: $MULTIPOLAR_PACK_DIR or the shipped pack)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar (none is drawn when stderr is not a "
                                                            "terminal either)."),
) -> None:
    """Check every claim of an article: verdict, the figures the data give, their source, why, and the
    `multipolar indicator` call that reproduces them; sentences with figures or names that gave no claim are listed
    as not checked, with the reason.

    Verdicts: supported, partly supported, contradicted, unverifiable (always with its reason). The JSON schema
    ({"date", "claims", "unchecked", "summary"}, the same as the API's and multipolar.check(...).to_dict()) is
    documented in docs/claims.md.
    """
    from ..claims import check_text, read_input
    from ..claims.render import FORMATS, print_table, to_markdown, write_json
    from ..dates import parse_as_of

    check_format(fmt, FORMATS)
    day = parse_as_of(date, field="--date") if date else None
    data, origin = _read(file)
    text = read_input(data, origin=origin)
    from .progress import progress_bar

    _system_arrow_pool()
    with progress_bar("checking", quiet=quiet) as progress:
        result = check_text(text, day, pack=pack, progress=progress)
    if fmt == "json":
        write_json(result, sys.stdout)
    elif fmt == "markdown":
        print(to_markdown(result))
    else:
        print_table(result)
