"""A group's or a state's GDP written as what it contributes to the world's (round 6): 'the X member countries
contribute over $N trillion to global GDP', 'A and B together add $N billion to the world economy' (their summed
GDP). Made-up World Bank-like figures and a made-up membership on a FakeEvidence."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

# Mongolia $18.0 bn and Armenia $19.5 bn in 2022: $37.5 bn together.
ROWS = [{"country": c, "year": 2022, "gdp_usd": g, "population": n, "source": "worldbank_wdi"}
        for c, g, n in (("MNG", 18.0e9, 3.4e6), ("ARM", 19.5e9, 2.8e6))]
MEMBERS = [{"organization": "EAEU", "country": c, "role": "member", "start": "2015-01-01", "end": None}
           for c in ("MNG", "ARM")]
EVIDENCE = FakeEvidence(macro=ROWS, memberships=MEMBERS)


def verdicts(text):
    return [(v.claim.parsed["measure"], v.verdict) for v in check_text(text, "2023-06-01", evidence=EVIDENCE)
            if v.type == "macro"]


@pytest.mark.parametrize("text, expected", [
    ("The EAEU's member states contribute about $37 billion to global GDP.", "supported"),
    ("The EAEU member countries together contributed roughly $60 billion to the world economy in 2022.",
     "contradicted"),
    ("Mongolia and Armenia jointly add over $30 billion to global output.", "supported"),
    ("Armenia contributes $19.5 billion to the world's GDP.", "supported"),
])
def test_a_contribution_to_the_world_s_gdp_is_the_summed_gdp(text, expected):
    assert verdicts(text) == [("gdp", expected)]


def test_a_contribution_in_another_measure_is_not_read_as_gdp():
    assert verdicts("Armenia contributes $19.5 billion to global climate funds.") == []
