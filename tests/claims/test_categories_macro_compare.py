"""Comparisons of economies and populations (round 6): a multiple of another state's GDP or population ('the GDP of A
is about four times that of B'), larger than others' combined ('the other four'), a rank within a group ('the most
populous X state', 'the region's second-largest economy', 'the least populous'), a near-tie within the lead rule's
margin partly supported, and a population in an apposition. Made-up World Bank-like figures on a FakeEvidence."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

# 2022: GDP and population of a made-up five-state group.
FIGURES = {"KAZ": (200e9, 20e6), "UZB": (80e9, 35e6), "TKM": (60e9, 7.4e6), "KGZ": (12e9, 7.0e6),
           "TJK": (10e9, 10e6)}
ROWS = [{"country": c, "year": 2022, "gdp_usd": g, "population": n, "source": "worldbank_wdi"}
        for c, (g, n) in FIGURES.items()]
MEMBERS = [{"organization": "EAEU", "country": c, "role": "member", "start": "2015-01-01", "end": None}
           for c in FIGURES]
EVIDENCE = FakeEvidence(macro=ROWS, memberships=MEMBERS)


def verdicts(text):
    return [(v.claim.parsed["unit"], v.verdict) for v in check_text(text, "2023-06-01", evidence=EVIDENCE)
            if v.type == "macro"]


@pytest.mark.parametrize("text, expected", [
    ("The GDP of Kazakhstan is about 2.5 times that of Uzbekistan.", "supported"),  # x2.5
    ("Kazakhstan's economy is about ten times the size of Turkmenistan's.", "contradicted"),  # x3.3
    ("Uzbekistan's population is five times that of Kyrgyzstan.", "supported"),
])
def test_a_multiple_of_another_state_s_figure(text, expected):
    assert verdicts(text) == [("ratio", expected)]


@pytest.mark.parametrize("text, expected", [
    ("Kazakhstan's economy is larger than those of the other four EAEU states combined.", "supported"),  # 200 > 162
    ("Uzbekistan's population is larger than those of the other four EAEU states combined.", "contradicted"),
    ("Tajikistan's economy is smaller than Kyrgyzstan's.", "supported"),
])
def test_larger_or_smaller_than_others(text, expected):
    assert verdicts(text) == [("ratio", expected)]


@pytest.mark.parametrize("text, expected", [
    ("Uzbekistan is the most populous EAEU state.", "supported"),
    ("Kazakhstan is the largest economy in the EAEU.", "supported"),
    ("Turkmenistan is the EAEU's second-largest economy.", "contradicted"),  # third
    ("Tajikistan is the least populous member of the EAEU.", "contradicted"),  # third smallest
    ("Turkmenistan is the least populous state of the EAEU.", "partly supported"),  # 7.4 against 7.0 million
])
def test_a_rank_within_a_group(text, expected):
    assert verdicts(text) == [("rank", expected)]


def test_a_rank_without_a_group_or_by_area_is_not_read():
    assert verdicts("Kazakhstan is the largest state.") == []
    assert verdicts("Kazakhstan is the largest economy.") == []


def test_a_population_in_an_apposition():
    assert verdicts("Uzbekistan, with a population of 35 million, is the most populous EAEU state.") == [
        ("people", "supported"), ("rank", "supported")]
