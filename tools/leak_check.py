"""Find 8-word runs that code, docs or tests share with a labelled claim (tests/claims/labelled*), to keep them out
(the labelled rows and the article texts are data, not searched)."""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
N = int(__import__("os").environ.get("LEAK_N", 8))
WORD = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + N]) for i in range(len(words) - N + 1)}


def labelled_grams() -> dict[tuple[str, ...], str]:
    files = list((ROOT / "tests/claims/labelled").glob("*.csv")) + list((ROOT / "tests/claims").glob("labelled_claims*.csv"))
    out = {}
    for path in files:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                for g in _grams(_words(row["text"])):
                    out[g] = f"{path.name}:{row['id']}"
    return out


def scanned() -> list[Path]:
    skip = {"tests/claims/test_labelled.py"}
    paths = []
    for base in ("src", "docs", "tests", "benchmarks", "README.md", "ARCHITECTURE.md"):
        p = ROOT / base
        for f in [p] if p.is_file() else p.rglob("*"):
            rel = f.relative_to(ROOT).as_posix()
            if not f.is_file() or f.suffix not in {".py", ".md", ".txt", ".json", ".html", ".js"}:
                continue
            if rel.startswith(("tests/claims/labelled", "tests/claims/texts")) or rel in skip or "/pack/" in rel:
                continue
            paths.append(f)
    return paths


def main() -> int:
    grams = labelled_grams()
    hits = 0
    for f in scanned():
        lines = f.read_text(encoding="utf-8", errors="replace").splitlines()
        words: list[tuple[str, int]] = [(w, i + 1) for i, line in enumerate(lines) for w in _words(line)]
        seen = set()
        for i in range(len(words) - N + 1):
            g = tuple(w for w, _ in words[i : i + N])
            if g in grams and (f, words[i][1]) not in seen:
                seen.add((f, words[i][1]))
                hits += 1
                print(f"{f.relative_to(ROOT)}:{words[i][1]}: {' '.join(g)}  [{grams[g]}]")
    print(f"{hits} shared {N}-word runs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
