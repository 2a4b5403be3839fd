"""A long article for the claim checker's benchmarks: the seed article and every labelled claim sentence of the
test corpus, repeated with their figures and years varied (each copy differs, so nothing is checked twice from a
cache of sentences), up to a size in bytes.

    python benchmarks/long_text.py --bytes 1990000 > long.txt
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_ARTICLE = Path("/work/shared/articles/astana-sco-summit.txt")
CLAIM_FILES = [ROOT / "tests" / "claims" / "labelled_claims.csv", ROOT / "tests" / "claims" / "labelled_claims_holdout.csv",
               *sorted((ROOT / "tests" / "claims" / "labelled").glob("*.csv"))]
_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])")


def paragraphs(seed_article: Path = SEED_ARTICLE) -> list[str]:
    """The seed article's paragraphs and every labelled claim sentence."""
    out = [p.strip() for p in seed_article.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    for path in CLAIM_FILES:
        if path.exists():
            with path.open(encoding="utf-8", newline="") as fh:
                out += [row["text"].strip() for row in csv.DictReader(fh) if row.get("text", "").strip()]
    return out


def _vary(text: str, rng: random.Random) -> str:
    """Figures scaled by up to ±30% and years moved by up to 3 (within 1995-2024); other numbers kept."""
    def one(m):
        value = m.group(1)
        number = float(value)
        if value.isdigit() and 1990 <= number <= 2025:
            return str(min(2024, max(1995, int(number) + rng.randint(-3, 3))))
        scaled = number * rng.uniform(0.7, 1.3)
        return f"{scaled:.1f}" if "." in value else str(max(1, round(scaled)))
    return _NUMBER.sub(one, text)


def long_text(size: int, seed: int = 1, seed_article: Path = SEED_ARTICLE) -> str:
    """About `size` bytes (UTF-8) of article text, never more."""
    rng = random.Random(seed)
    parts = paragraphs(seed_article)
    out, total, copy = [], 0, 0
    while True:
        for paragraph in parts:
            text = paragraph if copy == 0 else _vary(paragraph, rng)
            length = len(text.encode("utf-8")) + 2
            if total + length > size:
                return "\n\n".join(out) + "\n"
            out.append(text)
            total += length
        copy += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bytes", type=int, default=1_990_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sys.stdout.write(long_text(args.bytes, args.seed))


if __name__ == "__main__":
    main()
