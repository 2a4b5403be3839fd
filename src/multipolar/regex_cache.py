"""A compile cache for regular expressions (like .pyc files for code): the claim readers' ~1,000 patterns are parsed
and compiled by Python's pure-Python `re` compiler once, and later processes rebuild each from its stored program.

Python compiles a pattern in two steps: `re._parser` and `re._compiler` turn the pattern text into a program (a list of
integers, the group names and the flags), then the C function `_sre.compile` makes the Pattern object from it. The
first step is deterministic (the same text and flags give the same program for a given Python) and is what costs:
~1 s for the claim readers. `install()` wraps `re._compiler.compile`: a pattern whose program is stored goes straight
to `_sre.compile`; any other is compiled by Python as before, and the arguments Python itself passed to
`_sre.compile` are kept as its program. A Pattern object is thus built from the very program Python would build, so
matching is unchanged (and `_sre` validates every program it is given: a damaged entry is compiled afresh).

The programs are stored in `$MULTIPOLAR_CACHE_DIR/regex/` (default `~/.cache/multipolar/regex/`), one file per
Python version and `_sre` format, written at exit when new patterns were compiled (to a temporary name, then renamed
into place). A file that cannot be read or written is ignored (patterns are then compiled as usual);
`MULTIPOLAR_REGEX_CACHE=off` turns the cache off. At most MAX_NEW programs are added per process (patterns built from
the input, e.g. a declaration's words, would otherwise grow it in a long-running server), and the file keeps at most
MAX_STORED (beyond, only the programs the saving process used are kept).
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
import threading
from pathlib import Path

import _sre
import re._compiler as _compiler

# Environment variable that turns the cache off ("0", "off", "no", "false").
ENV = "MULTIPOLAR_REGEX_CACHE"
# Most programs one process adds to the stored file.
MAX_NEW = 1_000
# Most programs kept in the stored file (~2 kB each; the claim readers have ~1,300): when more would be stored, only
# the programs this process used are kept, so patterns built from past inputs do not accumulate in the file that
# every process reads at start.
MAX_STORED = 3_000

_original = _compiler.compile
_stored: dict = {}
_new: dict = {}
_used: set = set()  # stored programs this process used
_lock = threading.Lock()
_installed = False


def enabled() -> bool:
    return os.environ.get(ENV, "").strip().lower() not in ("0", "off", "no", "false")


def path() -> Path:
    """This Python's file of stored programs."""
    from . import config

    # the micro version too: a bug fix in re._compiler may change a program without changing _sre.MAGIC
    version = "py" + ".".join(map(str, sys.version_info[:3])) + f"-sre{_sre.MAGIC}-{_sre.CODESIZE}"
    return config.cache_dir() / "regex" / f"{version}.marshal"


class _Recorder:
    """Stands in for `_sre` inside `re._compiler`: passes everything through, and keeps in this thread the arguments
    of the last `_sre.compile` call (the program) so that cached_compile can store exactly what Python built."""

    def __init__(self, real):
        self._real = real
        self.last = threading.local()

    def __getattr__(self, name):
        return getattr(self._real, name)

    def compile(self, *args):
        self.last.args = args
        return self._real.compile(*args)


_recorder = _Recorder(_sre)


def cached_compile(p, flags=0):
    """`re._compiler.compile` with stored programs: a pattern text seen before skips parsing and code generation."""
    if not isinstance(p, (str, bytes)) or flags & _compiler.SRE_FLAG_DEBUG:
        return _original(p, flags)
    key = (p, int(flags))
    program = _stored.get(key) or _new.get(key)
    if program is not None:
        _used.add(key)
        try:
            return _sre.compile(p, *program)
        except (RuntimeError, TypeError, ValueError):  # a damaged entry: _sre validates every program it is given
            pass
    _recorder.last.args = None
    compiled = _original(p, flags)
    args = _recorder.last.args
    if args is not None and args[0] is p:
        with _lock:
            if len(_new) < MAX_NEW:
                _new[key] = _plain(args[1:])
    return compiled


def _plain(program: tuple) -> tuple:
    """A program with plain ints (Python's compiler leaves named int constants in the code; marshal wants ints)."""
    flags, code, groups, groupindex, indexgroup = program
    return (int(flags), [int(x) for x in code], int(groups), {str(k): int(v) for k, v in groupindex.items()},
            tuple(indexgroup))


def _load(file: Path) -> dict:
    try:
        data = marshal.loads(file.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def _save() -> None:
    """Add this process's new programs to the stored file (merged with what other processes stored meanwhile)."""
    with _lock:
        if not _new:
            return
        new = dict(_new)
        _new.clear()
    try:
        file = path()
        file.parent.mkdir(parents=True, exist_ok=True)
        merged = _load(file)
        if len(merged) + len(new) > MAX_STORED:
            merged = {k: v for k, v in merged.items() if k in _used}
        merged.update(new)
        tmp = file.with_name(f"{file.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(merged))
        os.replace(tmp, file)
        _stored.update(new)
    except (OSError, ValueError):
        pass


def install() -> None:
    """Use stored programs for every pattern compiled from now on in this process (once; off with
    MULTIPOLAR_REGEX_CACHE=off)."""
    global _installed
    if _installed or not enabled():
        return
    _installed = True
    _stored.update(_load(path()))
    _compiler._sre = _recorder
    _compiler.compile = cached_compile
    atexit.register(_save)
