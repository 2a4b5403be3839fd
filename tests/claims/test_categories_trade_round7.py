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


# --- a fiscal year is compared with the same fiscal year's official figure, never with calendar years -------------

def _headline(period, flow, value, reporter="Mongolia Ministry of Economy", a="IND", b="MNG"):
    return {"country_a": a, "country_b": b, "period": period, "flow": flow, "reporter_source": reporter,
            "value_usd": value, "is_derived": False, "unit_note": "USD; fiscal year", "url": "https://example.org/fy",
            "source": "press_headline_figures"}


FY = FakeEvidence(trade={("IND", "MNG", "turnover", "imf_dots"): {2019: 9.0e9, 2020: 9.5e9}},
                  headline=[_headline("2019-20", "total", 4.2e9), _headline("2019-20", "imports_a_from_b", 1.5e9)])


def levels(text, evidence=FY):
    return [v for v in check_text(text, "2021-06-01", evidence=evidence) if v.type == "level"]


@pytest.mark.parametrize("text, expected", [
    ("India's trade with Mongolia came to $4.2 billion in the financial year 2019-20.", "supported"),
    ("India's trade with Mongolia came to $6 billion in fiscal year April 2019-March 2020.", "contradicted"),
    ("Mongolia's exports to India came to $1.5 billion in FY 2019-20.", "supported"),
    # no figure for that fiscal year: never compared with the calendar years (9.0 and 9.5 bn here)
    ("India's trade with Mongolia came to $9 billion in the financial year 2020-21.", "unverifiable"),
])
def test_a_fiscal_year_figure(text, expected):
    found = levels(text)
    assert len(found) == 1 and found[0].verdict == expected, [(v.verdict, v.reason) for v in found]
    if expected != "unverifiable":
        assert found[0].observed[0].year == "2019-20" and found[0].calls


def test_a_fiscal_figure_from_another_reporter_than_the_one_cited_never_contradicts():
    evidence = FakeEvidence(headline=[_headline("2019-20", "total", 4.2e9, reporter="Mongolia customs")])
    found = levels("According to India's commerce ministry, India's trade with Mongolia came to $6 billion in the "
                   "financial year 2019-20.", evidence)
    assert found and found[0].verdict == "unverifiable", [(v.verdict, v.reason) for v in found]


# --- one shared hedge fragment for every reader (reading/numbers.HEDGE, HEDGE_WORDS, MONEY) -----------------------

def test_every_shared_hedge_word_maps_to_a_documented_hedge():
    import re

    from multipolar.claims.judging.tolerances import HEDGES
    from multipolar.claims.reading.numbers import HEDGE, HEDGE_WORDS, MONEY, hedge_id

    for word in HEDGE_WORDS.split("|"):
        phrase = word.replace("\\s+", " ")
        assert hedge_id(phrase) in HEDGES, phrase
        assert re.fullmatch(HEDGE, phrase + " ", re.IGNORECASE)
        assert re.fullmatch(MONEY, f"{phrase} $4.5 billion", re.IGNORECASE)
    assert re.fullmatch(MONEY, "US$ 12bn") and not re.fullmatch(MONEY, "$ billion")
