"""Round 7 of the trade readers: a change stated against 'the year before' with 'than' ('N% less than a year
earlier'). Made-up sentences and made-up figures stated here, so each verdict follows from the numbers in the test."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

# Made-up: Mongolia's own figures for its trade with China.
EV = FakeEvidence(trade={("MNG", "CHN", "turnover", "imf_dots"): {2020: 8.0e9, 2021: 10.0e9, 2022: 9.0e9}})


def changes(text):
    return [v for v in check_text(text, "2023-06-01", evidence=EV) if v.type == "change"]


@pytest.mark.parametrize("text, expected", [
    ("Mongolia's trade with China came to $9 billion in 2022, 10% less than the year before.", "supported"),
    ("Mongolia's trade with China came to $9 billion in 2022, 10 percent lower than a year earlier.", "supported"),
    ("Mongolia's trade with China came to $10 billion in 2021, 25% more than the previous year.", "supported"),
    ("Mongolia's trade with China came to $10 billion in 2021, 5% more than a year before.", "contradicted"),
])
def test_a_change_on_the_year_before_stated_with_than(text, expected):
    found = changes(text)
    assert len(found) == 1, [(v.type, v.text) for v in check_text(text, "2023-06-01", evidence=EV)]
    assert found[0].verdict == expected, found[0].reason
    assert found[0].claim.payload.base_year == found[0].claim.payload.year - 1


def test_less_than_a_figure_is_still_a_hedge_not_a_change():
    # "less than 12 percent of ..." keeps its meaning: no change is read from it
    assert not changes("China took less than 12 percent of Mongolia's exports in 2022.")
