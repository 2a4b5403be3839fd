"""The seed article's claim check in a worker process, started before the report imports pandas, and its disk cache.

Light on purpose (no pandas, no Ibis): `multipolar report` starts the worker first thing, so the check — the longest
step of a cold build — runs on the second core from the start while this process imports the report and reads the
rest. The worker is a fresh interpreter (`python -m multipolar.report.seedcheck`): its own DuckDB connection,
nothing shared or inherited, and it imports only what the check needs (not the command line); it writes the check
result as JSON on its standard output.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from .. import __version__, config

# The seed article shipped with the package, its publication date and where it came from.
SEED_ARTICLE = "seed_article.txt"
SEED_DATE = "2024-07-11"
SEED_ORIGIN = ("Opinion article on the SCO summit in Astana (3-4 July 2024), published in July 2024; the project's "
               "seed example, supplied with the project brief as articles/astana-sco-summit.txt and shipped "
               "verbatim in multipolar/report/assets/seed_article.txt.")


def seed_article() -> dict:
    """The seed article shipped with the package: text, publication date and origin."""
    text = resources.files("multipolar.report").joinpath("assets", SEED_ARTICLE).read_text(encoding="utf-8")
    return {"text": text, "date": SEED_DATE, "origin": SEED_ORIGIN,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}


def check_key(article: dict) -> tuple:
    """The report cache's key of an article's check."""
    return ("check", article["sha256"], article["date"])


# ---------------------------------------------------------------------------------------------------------------
# The report's disk cache


class DiskCache:
    """Results kept in $MULTIPOLAR_CACHE_DIR/report (or ~/.cache/multipolar/report), named by a hash of what they
    depend on: the pack's manifest, the package version and the source files of the layers that compute them
    (CACHED_CODE). A cache folder that cannot be written is simply not used."""

    def __init__(self, pack=None):
        self.folder = config.cache_dir() / "report"
        manifest = config.pack_dir(pack) / "manifest.json"
        digest = hashlib.sha256(manifest.read_bytes() if manifest.exists() else b"")
        digest.update(__version__.encode())
        package = Path(__file__).resolve().parents[1]
        for path in _code_files(package):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
        self.stamp = digest.hexdigest()

    def path(self, key: tuple, suffix: str) -> Path:
        name = hashlib.sha256(json.dumps([self.stamp, *map(str, key)]).encode()).hexdigest()[:32]
        return self.folder / f"{key[0]}-{name}{suffix}"

    def write(self, path: Path, write: Callable[[Path], None]) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            write(tmp)
            os.replace(tmp, path)
        except OSError:
            pass  # read-only home, full disk: the report is still built, only not remembered


# The code whose results the report cache keeps: a change to any of these files invalidates it.
CACHED_CODE = ("indicators", "claims", "analysis", "store", "sources", "memberships.py", "countries.py",
               "schema.py")


def _code_files(package: Path) -> list[Path]:
    files = []
    for name in CACHED_CODE:
        path = package / name
        found = [path] if path.is_file() else sorted(path.rglob("*"))
        files += [f for f in found if f.is_file() and f.suffix in (".py", ".yaml", ".csv", ".json")]
    return files


def cache_read(disk: DiskCache | None, key: tuple, suffix: str):
    """The cached JSON value of key, or None (no cache, not cached, or a damaged file: recomputed, never trusted)."""
    if disk is None:
        return None
    path = disk.path(key, suffix)
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def cache_write(disk: DiskCache | None, key: tuple, suffix: str, value) -> None:
    if disk is not None:
        path = disk.path(key, suffix)
        disk.write(path, lambda tmp: tmp.write_text(json.dumps(value, default=plain), encoding="utf-8"))


def plain(value):
    """JSON for what json cannot write itself: numpy scalars, dates."""
    if hasattr(value, "item"):
        return value.item()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


# ---------------------------------------------------------------------------------------------------------------
# The worker process


class CheckWorker:
    """The seed article's check running in a worker process. result() gives (the check result, problems noted), or
    (None, []) when the process failed for a reason of its own (then the caller checks in process): a failure of
    the checker itself is noted in problems, as in process."""

    def __init__(self, proc: subprocess.Popen, article: dict, pack, errors):
        self._proc, self.article, self.pack, self._errors = proc, article, pack, errors

    @classmethod
    def start(cls, article: dict | None = None, pack=None) -> CheckWorker | None:
        """Start checking `article` (default: the seed article) on `pack`; None when no process can be started
        (a sandbox without processes: the caller checks in process)."""
        article = article or seed_article()
        command = [sys.executable, "-m", "multipolar.report.seedcheck", _package(), article["sha256"],
                   article["date"] or "", "" if pack is None else str(pack)]
        try:
            errors = tempfile.TemporaryFile()
            proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors)
        except (OSError, ValueError):
            return None
        return cls(proc, article, pack, errors)

    def matches(self, article: dict, pack) -> bool:
        """Whether this worker checks that article on that pack."""
        return self.article["sha256"] == article["sha256"] and self.article["date"] == article["date"] and \
            config.pack_dir(self.pack) == config.pack_dir(pack)

    def result(self) -> tuple[dict | None, list[str]]:
        try:
            out, _ = self._proc.communicate()
            if self._proc.returncode == 0:
                answer = json.loads(out)
                return answer["check"], answer["noted"]
        except (OSError, ValueError, KeyError, TypeError):
            pass
        finally:
            self._errors.close()
        return None, []

    def close(self) -> None:
        """Let the process go (once its result is in, or when the build failed before asking for it)."""
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        if self._proc.stdout:
            self._proc.stdout.close()
        self._errors.close()


def _package() -> str:
    """The folder of the multipolar package this process runs: the worker checks it runs the same code."""
    return str(Path(__file__).resolve().parents[1])


def start_early(pack=None, cache: bool = True) -> CheckWorker | None:
    """Start the seed article's check unless the report cache holds it (cache=True): what `multipolar report` calls
    before importing the report, so the check runs while the rest is read."""
    article = seed_article()
    if cache and cache_read(DiskCache(pack), check_key(article), ".json") is not None:
        return None
    return CheckWorker.start(article, pack)


def _main(argv: list[str]) -> int:
    package, sha, date, pack = argv
    article = seed_article()
    if _package() != package or article["sha256"] != sha:  # another installation's code: checked in process
        return 2
    from .gathering import check_claims

    noted: list[str] = []
    check = check_claims(article["text"], date or None, pack=pack or None, problems=noted)
    sys.stdout.write(json.dumps({"check": check, "noted": noted}, default=plain))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
