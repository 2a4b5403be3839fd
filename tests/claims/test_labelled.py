"""The labelled claims (tests/claims/labelled_claims.csv): statements paraphrased from published reporting on China,
Russia, Central Asia and the SCO, each with the verdict its figures call for (column `why`, with the source).

The checker's verdict for a statement combines its claims' verdicts (statement_verdict); accuracy must be at least
85%. benchmarks/claims_accuracy.py prints the same run with the confusion table and every miss.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import pytest

from multipolar.claims import VERDICTS, check_text
from multipolar.claims import statement_verdict

CSV = Path(__file__).with_name("labelled_claims.csv")
# A second set written after the checker was tuned on the first, to see how it does on unseen statements.
HOLDOUT = Path(__file__).with_name("labelled_claims_holdout.csv")
# Accuracy the issue asks for.
MIN_ACCURACY = 0.85
COLUMNS = ["id", "date", "text", "outlet", "url", "expected", "why"]


def _rows(path: Path = CSV) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_labelled_set_is_well_formed():
    rows = _rows()
    assert len(rows) >= 40
    for path in (CSV, HOLDOUT):
        with path.open(encoding="utf-8", newline="") as fh:
            assert next(csv.reader(fh)) == COLUMNS
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["text"] for r in rows}) == len(rows)
    counts = Counter(r["expected"] for r in rows)
    assert set(counts) <= set(VERDICTS)
    assert counts["contradicted"] >= 4 and counts["unverifiable"] >= 4 and counts["partly supported"] >= 2
    for r in rows:
        assert r["outlet"].strip() and len(r["why"]) > 20, r["id"]
        url = urlparse(r["url"])
        assert url.scheme in ("http", "https") and url.netloc, r["id"]


def _run(path: Path, pack) -> list[tuple[dict, str, list]]:
    out = []
    for row in _rows(path):
        verdicts = check_text(row["text"], row["date"] or None, pack=pack)
        out.append((row, statement_verdict(verdicts), verdicts))
    return out


@pytest.fixture(scope="module")
def results(claims_pack):
    return _run(CSV, claims_pack)


def _assert_accuracy(results) -> None:
    correct = [row["id"] for row, predicted, _ in results if predicted == row["expected"]]
    misses = [f"#{row['id']} expected {row['expected']}, got {predicted}: "
              f"{'; '.join(v.reason[:120] for v in verdicts)}"
              for row, predicted, verdicts in results if predicted != row["expected"]]
    accuracy = len(correct) / len(results)
    assert accuracy >= MIN_ACCURACY, f"accuracy {accuracy:.1%}\n" + "\n".join(misses)


def test_accuracy_is_at_least_85_percent(results):
    _assert_accuracy(results)


def test_holdout_accuracy_is_at_least_85_percent(claims_pack):
    _assert_accuracy(_run(HOLDOUT, claims_pack))


# The batches released into tests/claims/labelled/ (the spent frozen holdouts, holdout_*.csv, are not tuned on and
# have no floor: tests/claims/test_measured_only.py): a floor that
# guards against regressions; their first-sight accuracy is recorded in benchmarks/claims_accuracy.md.
RELEASED = sorted(p for p in (CSV.parent / "labelled").glob("batch_*.csv"))
RELEASED_FLOOR = 0.80


@pytest.mark.parametrize("path", RELEASED, ids=[p.stem for p in RELEASED])
def test_released_batches_stay_above_the_floor(claims_pack, path):
    results = _run(path, claims_pack)
    accuracy = sum(predicted == row["expected"] for row, predicted, _ in results) / len(results)
    assert accuracy >= RELEASED_FLOOR, f"{path.name}: {accuracy:.1%}"


def test_every_unverifiable_verdict_gives_its_reason(results):
    for row, _, verdicts in results:
        for v in verdicts:
            if v.verdict == "unverifiable":
                assert v.reason and len(v.reason) > 15, (row["id"], v.text)


def test_supported_and_contradicted_verdicts_show_their_evidence(results):
    for row, _, verdicts in results:
        for v in verdicts:
            if v.verdict in ("supported", "contradicted") and v.type in ("level", "change", "multiple", "share"):
                assert v.observed, (row["id"], v.text)
                for o in v.observed:
                    assert o.source and o.year is not None and o.value is not None, (row["id"], o)
