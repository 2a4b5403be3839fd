"""The claims that are measured, never tuned on: the frozen holdout (labelled/holdout_*.csv), the last batch measured
at first sight (labelled/first_sight/*.csv) and the whole article texts (texts/). Their accuracy is recorded in
benchmarks/claims_accuracy.md, not asserted here (a floor would invite tuning to them); what is asserted is that
they are well formed and that the checker reads every one of them to the end, with a verdict and a reason for each
claim and a reason for each sentence it did not check."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from multipolar.claims import VERDICTS, check_text

HERE = Path(__file__).parent
LABELLED = sorted((HERE / "labelled").glob("holdout_*.csv")) + sorted((HERE / "labelled" / "first_sight").glob("*.csv"))
TEXTS = sorted((HERE / "texts").glob("*.txt"))
COLUMNS = ["id", "date", "text", "outlet", "url", "expected", "why", "kind", "countries"]


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_measured_sets_are_there():
    assert len(LABELLED) >= 2 and sum(len(_rows(p)) for p in LABELLED if p.name.startswith("holdout_")) >= 50
    assert len(TEXTS) >= 5


@pytest.mark.parametrize("path", LABELLED, ids=[p.stem for p in LABELLED])
def test_labelled_rows_are_well_formed_and_read_to_the_end(claims_pack, path):
    with path.open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == COLUMNS
    rows = _rows(path)
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert row["expected"] in VERDICTS and row["url"].startswith("http") and len(row["why"]) > 20, row["id"]
        result = check_text(row["text"], row["date"] or None, pack=claims_pack)
        for claim in result.claims:
            assert claim.verdict in VERDICTS and claim.reason, (row["id"], claim.text)
        for item in result.unchecked:
            assert item.reason, (row["id"], item)


@pytest.mark.parametrize("txt", TEXTS, ids=[p.stem for p in TEXTS])
def test_texts_list_exact_quotes_and_are_read_to_the_end(claims_pack, txt):
    text = txt.read_text(encoding="utf-8")
    rows = _rows(txt.with_suffix(".claims.csv"))
    assert len(rows) >= 5
    for row in rows:
        assert row["quote"] in text, (txt.name, row["id"])
        assert row["expected"] in VERDICTS, (txt.name, row["id"])
    result = check_text(text, None, pack=claims_pack)
    for claim in result.claims:
        assert text[claim.claim.span[0]:claim.claim.span[1]] == claim.text and claim.reason
