"""Prove a change to the claim checker's mechanics changed no result: save the checker's JSON for a fixed corpus
before the change, compare after it (every claim, verdict, value, source, call and unchecked sentence).

    python tools/claims_snapshot.py save DIR [--long-bytes 300000] [--pack DIR]
    python tools/claims_snapshot.py compare DIR [--long-bytes 300000] [--pack DIR] [--shared]

The corpus: the seed article (with no date and with its date), every labelled row (tests/claims/labelled/*.csv,
tests/claims/labelled_claims*.csv, each with its own date), every whole text (tests/claims/texts/*.txt, with no
date and with the date its first line names), and a long text of --long-bytes (benchmarks/long_text.py, 0 for
none). Each item's result is `check_text(...).to_dict()` as CLI, API and Python facade give it, plus
`parse_claims(...)` (the claims read before judging). `compare` exits 1 and names every item that differs, with
the first differing lines. The saved outputs are not committed (they depend on the pack and on the readers of the
day): save them from the code before the change, compare with the code after it. --shared checks every item as the
API does, through one evidence and one memo for all (judged claims, reading states), after first checking the
first half of the item's text through them (so that its reading goes on from a remembered state).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_ARTICLE = Path("/work/shared/articles/astana-sco-summit.txt")
SEED_DATE = "2024-07-04"
CLAIM_FILES = [ROOT / "tests" / "claims" / "labelled_claims.csv", ROOT / "tests" / "claims" / "labelled_claims_holdout.csv",
               *sorted((ROOT / "tests" / "claims" / "labelled").glob("*.csv"))]
TEXTS = sorted((ROOT / "tests" / "claims" / "texts").glob("*.txt"))


def _first_line_date(text: str) -> str | None:
    first = text.splitlines()[0] if text else ""
    for token in first.replace(",", " ").split():
        if len(token) == 10 and token[4] == "-" and token[7] == "-" and token[:4].isdigit():
            return token
    return None


def corpus(long_bytes: int) -> list[tuple[str, str, str | None]]:
    """(name, text, date) of every item."""
    items = []
    if SEED_ARTICLE.exists():
        seed = SEED_ARTICLE.read_text(encoding="utf-8")
        items += [("seed", seed, None), ("seed@date", seed, SEED_DATE)]
    for path in CLAIM_FILES:
        with path.open(encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                if row.get("text", "").strip():
                    items.append((f"{path.relative_to(ROOT)}#{row.get('id') or i}", row["text"],
                                  row.get("date") or None))
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        items.append((f"{path.relative_to(ROOT)}", text, None))
        if _first_line_date(text):
            items.append((f"{path.relative_to(ROOT)}@date", text, _first_line_date(text)))
    if long_bytes:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from long_text import long_text

        items.append((f"long_text({long_bytes})", long_text(long_bytes), None))
    return items


def outputs(long_bytes: int, pack=None, shared: bool = False) -> dict[str, dict]:
    """Each item's checked result and parsed claims, as JSON-ready dicts (shared: see the module's docstring)."""
    from multipolar.claims import check_text, parse_claims

    out = {}
    items = corpus(long_bytes)
    t = time.perf_counter()
    through = {}
    if shared:
        from multipolar.claims.pack_evidence import PackEvidence

        through = {"evidence": PackEvidence(pack), "memo": {}}
    for name, text, date in items:
        if shared:
            check_text(text[:len(text) // 2], date, **through)
        result = check_text(text, date, pack=pack, **through).to_dict()
        parsed = [{"text": c.text, "span": list(c.span), "type": c.type, "parsed": c.parsed,
                   "sentence_span": list(c.sentence_span) if c.sentence_span else None}
                  for c in parse_claims(text, date)]
        out[name] = json.loads(json.dumps({"check": result, "parse": parsed}, sort_keys=True, default=str))
    print(f"{len(items)} items checked in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--long-bytes", type=int, default=300_000)
    parser.add_argument("--pack", default=None)
    parser.add_argument("--shared", action="store_true", help="check as the API does: one evidence and one memo")
    args = parser.parse_args()
    target = args.folder / f"snapshot-{args.long_bytes}.json"
    now = outputs(args.long_bytes, args.pack, args.shared)
    if args.action == "save":
        args.folder.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(now, indent=1, sort_keys=True), encoding="utf-8")
        claims = sum(len(v["check"]["claims"]) for v in now.values())
        unchecked = sum(len(v["check"]["unchecked"]) for v in now.values())
        print(f"saved {len(now)} items ({claims} claims, {unchecked} unchecked) to {target}")
        return
    before = json.loads(target.read_text(encoding="utf-8"))
    differing = [k for k in sorted(set(before) | set(now)) if before.get(k) != now.get(k)]
    for k in differing:
        a = json.dumps(before.get(k), indent=1, sort_keys=True).splitlines()
        b = json.dumps(now.get(k), indent=1, sort_keys=True).splitlines()
        diff = list(difflib.unified_diff(a, b, "before", "after", lineterm="", n=2))
        print(f"DIFFERS: {k}\n" + "\n".join(diff[:40]))
    claims = sum(len(v["check"]["claims"]) for v in now.values())
    unchecked = sum(len(v["check"]["unchecked"]) for v in now.values())
    print(f"{len(now)} items ({claims} claims, {unchecked} unchecked): "
          + ("identical" if not differing else f"{len(differing)} differ"))
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
