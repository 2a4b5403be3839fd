"""GDP and population claims as real reporting states them (issue 11, round 3): 'the GDP of X, <apposition>, was worth
$N', a change following the dollar figure ('an 11% increase from 2021', 'up 8% from the previous year'), people living
in a state or group ('N million people live in X', 'X is home to N million people'). Made-up World Bank-like figures
on a FakeEvidence: each verdict follows from the numbers stated here."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

# Mongolia: GDP $16.0 bn (2021), $18.0 bn (2022, +12.5%); population 3.3 and 3.4 million.
# Armenia: GDP $14.0 bn (2021), $19.5 bn (2022); population 2.8 million.
ROWS = [{"country": c, "year": y, "gdp_usd": g, "population": n, "source": "worldbank_wdi"}
        for c, y, g, n in (("MNG", 2021, 16.0e9, 3.3e6), ("MNG", 2022, 18.0e9, 3.4e6),
                           ("ARM", 2021, 14.0e9, 2.8e6), ("ARM", 2022, 19.5e9, 2.8e6))]
EVIDENCE = FakeEvidence(macro=ROWS)


def verdicts(text, date=None):
    return [(v.claim.parsed["unit"], v.verdict) for v in check_text(text, date, evidence=EVIDENCE)
            if v.type == "macro"]


@pytest.mark.parametrize("text, expected", [
    ("The GDP of Mongolia, a landlocked state between two powers, was worth $18 billion in 2022.", "supported"),
    ("The gross domestic product of Armenia stood at $19.5bn in 2022.", "supported"),
    ("The GDP of Mongolia, heavily dependent on coal, totalled $25 billion in 2022.", "contradicted"),
])
def test_the_gdp_of_a_state_with_an_apposition(text, expected):
    assert verdicts(text) == [("USD", expected)]


@pytest.mark.parametrize("text, expected", [
    ("The GDP of Mongolia was worth $18 billion in 2022, a 12.5% increase from 2021.", "supported"),
    ("Mongolia's GDP reached $18 billion in 2022, up 10% from the previous year.", "partly supported"),  # 2.5 pp off
    ("The GDP of Armenia stood at $19.5 billion in 2022, a 5% rise over 2021.", "contradicted"),  # +39.3%
    ("Mongolia's GDP was $18 billion in 2022, an 8% decline on a year earlier.", "contradicted"),
])
def test_a_change_after_the_dollar_figure_is_the_change_of_the_dollar_figures(text, expected):
    result = verdicts(text)
    assert result[0] == ("USD", "supported") and result[1] == ("percent change", expected)


@pytest.mark.parametrize("text, expected", [
    ("Some 3.4 million people lived in Mongolia in 2022.", "supported"),
    ("Mongolia and Armenia are home to more than six million people.", "supported"),  # 6.2 million in 2022
    ("Nearly nine million people live in Mongolia and Armenia.", "contradicted"),
])
def test_people_living_in_a_state_or_a_group(text, expected):
    assert verdicts(text, "2023-05-01") == [("people", expected)]


def test_a_change_claimed_as_real_growth_alone_is_not_read_as_dollar_growth():
    # no dollar figure before it: real growth is not in the data, so no GDP change claim is read
    assert ("percent change", "supported") not in verdicts("Mongolia's economy grew 12.5% in 2022.")
