"""Detection recall and verdict accuracy of the claim checker on whole article texts (tests/claims/texts/).

Each text `<slug>.txt` is a published analysis restated at article length (its first line names the outlet and URL);
`<slug>.claims.csv` lists by hand every checkable claim in it (`quote`: an exact substring of the text, `expected`:
the verdict the raw data call for). A listed claim is *detected* when a claim the checker reports overlaps its quote;
its verdict is the combination of the verdicts of every overlapping claim (all supported -> supported, ...). Prints
per text and overall: detection recall, verdict accuracy on the detected claims, accuracy over all listed claims,
and the checker's claims that overlap no listed claim (possible false detections).

    python benchmarks/claims_texts.py [--dir tests/claims/texts] [--pack DIR] [--quiet]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT / "tests" / "claims" / "texts"


def checked_claims(text: str, date: str | None, pack=None) -> list[dict]:
    """The checker's claims for a text, in the documented JSON form (each with `span` and `verdict`)."""
    from multipolar.claims import check_text

    result = check_text(text, date, pack=pack)
    if hasattr(result, "to_dict"):
        return result.to_dict()["claims"]
    return [v.to_dict() for v in result]


def combined(verdicts: list[str]) -> str:
    """One verdict from several (the rule of benchmarks/claims_accuracy.py)."""
    if not verdicts:
        return "none"
    distinct = set(verdicts)
    return verdicts[0] if len(distinct) == 1 else "partly supported"


def evaluate_text(txt: Path, pack=None) -> dict:
    """Listed claims of one text with the checker's verdict for each, and the unmatched detections."""
    text = txt.read_text(encoding="utf-8")
    first = text.splitlines()[0] if text else ""
    date = None
    for token in first.replace(",", " ").split():
        if len(token) == 10 and token[4] == "-" and token[7] == "-" and token[:4].isdigit():
            date = token
    with txt.with_suffix(".claims.csv").open(encoding="utf-8", newline="") as fh:
        listed = list(csv.DictReader(fh))
    found = checked_claims(text, date, pack)
    used = set()
    rows = []
    for row in listed:
        start = text.find(row["quote"])
        if start < 0:
            raise SystemExit(f"{txt.name}: quote of claim {row['id']} is not in the text: {row['quote']!r}")
        end = start + len(row["quote"])
        hits = [i for i, c in enumerate(found) if c["span"][0] < end and c["span"][1] > start]
        used.update(hits)
        rows.append({**row, "predicted": combined([found[i]["verdict"] for i in hits])})
    extra = [c for i, c in enumerate(found) if i not in used]
    return {"name": txt.stem, "date": date, "rows": rows, "extra": extra}


def summarise(rows: list[dict]) -> tuple[int, int, int]:
    """(listed, detected, right) over rows."""
    detected = [r for r in rows if r["predicted"] != "none"]
    return len(rows), len(detected), sum(r["predicted"] == r["expected"] for r in detected)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--pack", default=None)
    parser.add_argument("--quiet", action="store_true", help="only the figures, not each miss")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    texts = sorted(p for p in args.dir.glob("*.txt"))
    if not texts:
        print(f"no texts in {args.dir}", file=sys.stderr)
        return 1
    everything = []
    print(f"{'text':40} {'listed':>6} {'detected':>9} {'recall':>7} {'right':>6} {'acc(det)':>9} {'extra':>6}")
    for txt in texts:
        result = evaluate_text(txt, args.pack)
        n, d, right = summarise(result["rows"])
        everything += result["rows"]
        print(f"{result['name'][:40]:40} {n:6} {d:9} {d / n:7.0%} {right:6} {(right / d if d else 0):9.0%} "
              f"{len(result['extra']):6}")
        if not args.quiet:
            for r in result["rows"]:
                if r["predicted"] != r["expected"]:
                    print(f"    - {r['id']} expected {r['expected']}, got {r['predicted']}: {r['quote'][:110]}")
            for c in result["extra"]:
                print(f"    + not listed [{c['verdict']}] {c['text'][:110]}")
    n, d, right = summarise(everything)
    print(f"\nall texts: {n} listed claims, detection recall {d / n:.1%}, verdict accuracy on detected "
          f"{(right / d if d else 0):.1%}, right over all listed {right / n:.1%}   ({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
