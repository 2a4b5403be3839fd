"""A vote in one of the General Assembly's main committees (round 6): the committee votes the draft before the
plenary, often with other counts and absentees, and the pack holds the plenary's roll calls only, so a committee's
vote is unverifiable with that reason, never matched to the plenary roll call on the same subject (made-up roll
calls on a FakeEvidence)."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

ROLL_CALLS = [{"rcid": 7, "session": 70, "year": 2015, "date": "2015-12-17", "unres": "A/RES/70/99",
               "short": "Situation of human rights in the Zeta valley", "descr": "Human rights in the Zeta valley",
               "yes": 80, "no": 20, "abstain": 70}]
VOTES = [{"rcid": 7, "country": c, "vote": v} for c, v in (("MNG", 1), ("GEO", 1), ("TJK", 3))]
EVIDENCE = FakeEvidence(roll_calls=ROLL_CALLS, votes=VOTES)


def verdicts(text):
    return [(v.verdict, v.reason) for v in check_text(text, "2016-01-01", evidence=EVIDENCE) if v.type == "votes"]


@pytest.mark.parametrize("text", [
    "In November 2015 the Third Committee of the General Assembly approved the draft resolution on human rights in "
    "the Zeta valley by 81 votes to 21, with 79 abstentions; Tajikistan voted against.",
    "Georgia voted in favour when the UN General Assembly's Third Committee adopted the Zeta valley human rights "
    "resolution in 2015.",
    "The human rights committee of the UN General Assembly passed the Zeta valley resolution 79-22 with 68 "
    "abstentions in 2015.",
])
def test_a_committee_vote_is_unverifiable_with_the_reason(text):
    got = verdicts(text)
    assert got and all(v == "unverifiable" and "plenary" in why for v, why in got)


def test_the_plenary_vote_on_the_same_subject_is_still_judged():
    got = verdicts("In December 2015 the General Assembly adopted the resolution on human rights in the Zeta valley; "
                   "Tajikistan voted against it.")
    assert [v for v, _ in got] == ["supported"]


@pytest.mark.parametrize("text, expected", [
    ("Resolution 70/99 was adopted with 80 votes in favour, 20 against and 70 abstentions.", ["supported"]),
    ("Resolution 70/99 passed 95-40 with 35 abstentions.", ["contradicted"]),
    ("Resolution 70/99 was adopted in December 2015; Tajikistan voted against.", ["supported"]),
])
def test_a_sentence_opening_with_the_resolution(text, expected):
    assert [v for v, _ in verdicts(text)] == expected
