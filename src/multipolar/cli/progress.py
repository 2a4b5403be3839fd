"""Progress bars of long commands: Rich, on stderr, only when stderr is a terminal and --quiet was not given."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

# A step report: (what is being done, steps done, steps in all or None when unknown).
Progress = Callable[[str, int, int | None], None]


def shown(quiet: bool = False) -> bool:
    """Whether a bar is drawn: not asked to be quiet and stderr is a terminal (never in a pipe, a file or a test)."""
    return not quiet and sys.stderr.isatty()


@contextlib.contextmanager
def progress_bar(label: str, *, quiet: bool = False, transient: bool = True) -> Iterator[Progress | None]:
    """A callback `progress(step, done, total)` drawing one bar on stderr while the block runs, or None when no bar
    is shown (see `shown`): then Rich is not even imported, and nothing is written to stdout either way."""
    if not shown(quiet):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description:<44}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=transient) as bar:
        task = bar.add_task(label, total=None)

        def progress(step: str, done: int, total: int | None) -> None:
            bar.update(task, description=step, completed=done, total=total)

        yield progress
