"""Agreement in UN votes in any phrasing, and read every way the data hold it (round 6): a state, a word of agreeing,
a partner and one share in a clause of a sentence about UN votes is an agreement claim whatever the verb ('votes
matched X's', 'was in line with X on', 'voted alongside X in'); a figure the pack's first score does not fit is
supported by the other source's score for the year, partly by the session that closes in that calendar year, and
contradicted only when none fits. Made-up scores on a FakeEvidence."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

UN = [{"country": "KGZ", "partner": p, "year": y, "source": s, "value": v} for p, y, s, v in (
    ("RUS", 2016, "unvotes_computed", 0.70), ("RUS", 2016, "bsv_idealpoints", 0.78),
    ("RUS", 2015, "unvotes_computed", 0.60), ("CHN", 2016, "unvotes_computed", 0.80),
    ("CHN", 2015, "unvotes_computed", 0.90))]
EVIDENCE = FakeEvidence(un=UN)


def verdicts(text):
    return [(v.claim.parsed["relation"], v.verdict) for v in check_text(text, "2020-01-01", evidence=EVIDENCE)
            if v.type == "votes"]


@pytest.mark.parametrize("text, expected", [
    ("Kyrgyzstan's votes matched Russia's in 70% of General Assembly roll calls in 2016.", "supported"),
    ("In 2016 Kyrgyzstan was in line with China on 80 percent of UN votes.", "supported"),
    ("Kyrgyzstan voted alongside China in 50% of UN roll calls in 2016.", "contradicted"),
])
def test_an_agreement_in_any_phrasing(text, expected):
    assert verdicts(text) == [("agreement", expected)]


@pytest.mark.parametrize("text, expected", [
    ("Kyrgyzstan voted with Russia 78% of the time in the General Assembly in 2016.", "supported"),  # published
    ("Kyrgyzstan voted with China 90% of the time in the General Assembly in 2016.", "partly supported"),  # 2015-16
    ("Kyrgyzstan voted with Russia 95% of the time in the General Assembly in 2016.", "contradicted"),
])
def test_the_other_source_and_the_other_session_before_a_contradiction(text, expected):
    assert verdicts(text) == [("agreement", expected)]


def test_a_share_of_the_assembly_s_members_is_not_an_agreement():
    assert verdicts("Kyrgyzstan voted with Russia, while 80% of UN members voted for the text.") == []
