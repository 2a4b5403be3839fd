"""Progress bars: drawn on stderr only (never stdout, so JSON and CSV stay clean), only on a terminal and not with
--quiet; a command's output is the same with or without its bar."""

from __future__ import annotations

import json
import math
import os
import pty
import subprocess
import sys

import pytest

from multipolar.cli import progress as progress_module
from multipolar.cli.progress import progress_bar, shown

TEXT = ("Kyrgyzstan's trade with China reached $15 billion in 2022. In Tajikistan, China passed Russia as the "
        "biggest trading partner in 2016.\n\nUzbekistan joined the SCO in 2001.\n")


def test_no_bar_without_a_terminal_or_with_quiet(monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert not shown() and not shown(quiet=True)
    with progress_bar("x") as bar:
        assert bar is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert shown() and not shown(quiet=True)
    with progress_bar("x", quiet=True) as bar:
        assert bar is None


@pytest.mark.parametrize("args", [["crossover", "--region", "central-asia", "--format", "json"],
                                  ["check", "{file}", "--format", "json"]])
def test_json_output_is_the_same_with_the_bar_drawn_and_without(cli, args, pack, tmp_path, monkeypatch):
    """With the bar forced on (as on a terminal) stdout is still exactly the JSON of a --quiet run; the bar's
    steps were reported."""
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    args = [a.replace("{file}", str(article)) for a in args]
    code, quiet_out, quiet_err = cli(*args, "--quiet")
    assert code == 0 and quiet_err == ""
    steps = []
    real = progress_module.progress_bar

    def recording(label, **kw):
        import contextlib

        @contextlib.contextmanager
        def bar():
            with real(label, **kw) as draw:
                assert draw is not None  # drawn: stderr taken for a terminal below
                yield lambda step, done, total: (steps.append((step, done, total)), draw(step, done, total))
        return bar()

    monkeypatch.setattr(progress_module, "shown", lambda quiet=False: not quiet)
    monkeypatch.setattr(progress_module, "progress_bar", recording)
    monkeypatch.setattr("multipolar.indicators.api._CONTEXTS", {})
    monkeypatch.setenv("MULTIPOLAR_INDICATOR_CACHE", "off")  # computed, so the crossover reports its steps too
    monkeypatch.setenv("MULTIPOLAR_DERIVED", "off")  # not read from the pack's derived crossover table either
    code, out, _ = cli(*args)
    assert code == 0
    _close(json.loads(out), json.loads(quiet_out))
    assert steps and steps[-1][1] == steps[-1][2]  # ended at its total


def _close(a, b, path=""):
    """Equal JSON values, floats to 1e-12 relative: the --quiet run read the indicator cache, the other computed
    (DuckDB's parallel sums of doubles may add in another order from one run to the next: the last bit differs)."""
    if isinstance(a, float) or isinstance(b, float):
        assert math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-15), (path, a, b)
    elif isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), path
        for k in a:
            _close(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b)):
            _close(x, y, f"{path}[{i}]")
    else:
        assert a == b, (path, a, b)


def test_a_real_terminal_gets_the_bar_on_stderr_and_stdout_only_json(pack, tmp_path):
    """`multipolar check --format json` with stderr on a pseudo-terminal and stdout on a pipe: stdout is the JSON
    alone."""
    article = tmp_path / "article.txt"
    article.write_text(TEXT * 40, encoding="utf-8")
    master, slave = pty.openpty()
    stdout = (tmp_path / "out.json").open("wb")  # a file, not a pipe: nothing to drain while the terminal is read
    proc = subprocess.Popen([sys.executable, "-c", "import sys; from multipolar.cli import main; sys.argv[0] = 'multipolar'; main()",
                             "check", str(article), "--format", "json"],
                            stdout=stdout, stderr=slave, env={**os.environ, "COLUMNS": "100"})
    os.close(slave)
    drawn = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    assert proc.wait() == 0
    os.close(master)
    stdout.close()
    result = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert set(result) == {"date", "claims", "unchecked", "summary"}
    assert b"judging claims" in drawn or b"reading sentences" in drawn  # the bar went to the terminal

