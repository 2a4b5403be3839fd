"""Verdict accuracy of the claim checker on the labelled claims (tests/claims/labelled_claims.csv).

Each row is one statement paraphrased from published reporting, with the verdict its figures call for. The checker's
verdict for a row combines the verdicts of every claim it finds in the statement (all supported → supported, all
contradicted → contradicted, all unverifiable → unverifiable, otherwise partly supported); a row where it finds no
claim counts as wrong. Prints the accuracy, the confusion table and each miss.

    python benchmarks/claims_accuracy.py [--pack DIR] [--csv FILE] [--quiet]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CSV = ROOT / "tests" / "claims" / "labelled_claims.csv"
# Labels in the order the confusion table shows them ("none" = the checker found no claim).
LABELS = ("supported", "partly supported", "contradicted", "unverifiable", "none")


def row_verdict(verdicts) -> str:
    """One verdict for a statement from the verdicts of its claims (see the module docstring)."""
    from multipolar.claims import statement_verdict

    return statement_verdict(verdicts)


def evaluate(csv_path: Path = DEFAULT_CSV, pack=None) -> list[dict]:
    """Run the checker on every labelled row: the rows with 'predicted' and 'claims' (the checker's output) added."""
    from multipolar.claims import check_text

    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for row in rows:
        verdicts = check_text(row["text"], row["date"] or None, pack=pack)
        out.append({**row, "predicted": row_verdict(verdicts), "claims": verdicts})
    return out


def confusion(results: list[dict]) -> Counter:
    return Counter((r["expected"], r["predicted"]) for r in results)


def accuracy(results: list[dict]) -> float:
    return sum(r["expected"] == r["predicted"] for r in results) / len(results) if results else 0.0


def report(results: list[dict], *, quiet: bool = False, out=sys.stdout) -> None:
    acc = accuracy(results)
    print(f"claims: {len(results)}   correct: {sum(r['expected'] == r['predicted'] for r in results)}   "
          f"accuracy: {acc:.1%}", file=out)
    table = confusion(results)
    width = max(len(x) for x in LABELS) + 2
    print("\nexpected \\ predicted".ljust(width + 8) + "".join(x[:12].rjust(14) for x in LABELS), file=out)
    for expected in LABELS[:-1]:
        cells = "".join(str(table.get((expected, p), 0)).rjust(14) for p in LABELS)
        print(f"  {expected}".ljust(width + 8) + cells, file=out)
    if quiet:
        return
    misses = [r for r in results if r["expected"] != r["predicted"]]
    if misses:
        print("\nmisses:", file=out)
    for r in misses:
        print(f"- #{r['id']} expected {r['expected']}, got {r['predicted']}: {r['text']}", file=out)
        for v in r["claims"]:
            print(f"    [{v.verdict}] {v.type}: {v.reason[:300]}", file=out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--pack", default=None, help="data pack folder (default: $MULTIPOLAR_PACK_DIR or shipped)")
    parser.add_argument("--quiet", action="store_true", help="only the accuracy and the confusion table")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    results = evaluate(args.csv, args.pack)
    report(results, quiet=args.quiet)
    print(f"\n{time.perf_counter() - start:.1f} s", file=sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
