"""Claim kind `balance` (the worked example of ARCHITECTURE.md) on a FakeEvidence with made-up figures."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

EVIDENCE = FakeEvidence(trade={("KAZ", "CHN", "export", "national_kz"): {2023: 15.6e9},
                               ("KAZ", "CHN", "import", "national_kz"): {2023: 10.6e9}})


@pytest.mark.parametrize("text, expected", [
    ("Kazakhstan's trade surplus with China was $5 billion in 2023.", "supported"),
    ("Kazakhstan's trade surplus with China was $9 billion in 2023.", "contradicted"),
    ("Kazakhstan's trade deficit with China was $5 billion in 2023.", "contradicted"),
])
def test_a_balance_is_exports_minus_imports_in_one_source(text, expected):
    (v,) = check_text(text, evidence=EVIDENCE).claims
    assert v.type == "balance" and v.verdict == expected, v.reason
    assert v.calls[0].cli().startswith("multipolar indicator trade_value --country KAZ --partner CHN --flow export")
