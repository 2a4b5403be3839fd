"""UN General Assembly votes as real reporting states them (issue 11, round 2): a resolution named by its subject
(matched against both descriptions of the roll calls), several states' votes in one sentence ('A voted against the
resolution while B voted in favour; C and D abstained, and E did not vote'), the tally ('passed 100-11 with 58
abstentions', 'by 141 votes to 5', '90 in favour, 12 against and 55 abstaining'). Made-up roll calls, votes
and sentences on a FakeEvidence."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.reading.votes import resolution_of, tally_in

ROLL_CALLS = [
    {"rcid": 101, "session": 70, "year": 2015, "date": "2015-11-20", "unres": "A/RES/70/77",
     "short": "DISARMAMENT--NUCLEAR WEAPONS", "descr": "Nuclear disarmament verification : resolution",
     "yes": 120, "no": 30, "abstain": 25},
    {"rcid": 102, "session": 72, "year": 2017, "date": "2017-06-01", "unres": "A/RES/71/300",
     "short": "Status of refugees from the Zeta valley, Moldova : resolution", "descr": "A/71/250 31 - conflicts",
     "yes": 70, "no": 15, "abstain": 65},
    {"rcid": 103, "session": 73, "year": 2018, "date": "2018-06-05", "unres": "A/RES/72/301",
     "short": "Status of refugees from the Zeta valley, Moldova : resolution", "descr": None,
     "yes": 75, "no": 14, "abstain": 70},
    {"rcid": 104, "session": 73, "year": 2018, "date": "2018-12-10", "unres": "A/RES/73/50",
     "short": "Oceans and the law of the sea", "descr": "Oceans and the law of the sea", "yes": 150, "no": 1,
     "abstain": 2},
]
VOTES = [{"rcid": 101, "country": c, "vote": v} for c, v in (("MNG", 1), ("GEO", 3), ("TJK", 2), ("KGZ", 2))] + \
    [{"rcid": 102, "country": c, "vote": v} for c, v in (("MNG", 1), ("GEO", 1), ("TJK", 2))] + \
    [{"rcid": 104, "country": c, "vote": 1} for c in ("MNG", "GEO", "TJK", "KGZ", "TKM")]


def evidence():
    from multipolar.claims.fake_evidence import FakeEvidence

    return FakeEvidence(roll_calls=ROLL_CALLS, votes=VOTES)


def verdicts(text, date=None):
    return [(v.type, v.claim.parsed.get("relation"), v.verdict) for v in check_text(text, date, evidence=evidence())]


@pytest.mark.parametrize("text, tally", [
    ("The resolution passed 120-30 with 25 abstentions.", {"yes": 120, "no": 30, "abstain": 25}),
    ("It was adopted by 120 votes to 30, with 25 abstentions.", {"yes": 120, "no": 30, "abstain": 25}),
    ("The text won 120 votes in favour, 30 against and 25 abstentions.", {"yes": 120, "no": 30, "abstain": 25}),
    ("Mongolia was among the 25 countries that abstained.", {"abstain": 25}),
    ("The resolution passed in 2015 with 30% support.", {}),
])
def test_tallies_as_written(text, tally):
    assert tally_in(text) == tally


@pytest.mark.parametrize("text, subject", [
    ("the General Assembly vote on nuclear disarmament verification, Georgia voted against", "nuclear disarmament "
     "verification"),
    ("the UN resolution condemning the blockade of the Zeta valley passed", "the blockade of the Zeta valley"),
    ("Georgia backed the Zeta valley resolution.", "Zeta valley"),
])
def test_a_resolution_is_named_by_its_subject(text, subject):
    assert resolution_of(text) == (None, subject)


def test_several_states_votes_in_one_sentence_on_a_resolution_found_by_its_subject():
    text = ("In the UN General Assembly vote on nuclear disarmament verification, Georgia voted against the "
            "resolution while Mongolia voted in favour; Tajikistan and Kyrgyzstan abstained, and Turkmenistan did "
            "not vote.")
    assert verdicts(text, "2015-11-25") == [("votes", "vote", "supported")] * 4
    wrong = text.replace("Georgia voted against", "Georgia voted in favour of")
    assert [v for *_, v in verdicts(wrong, "2015-11-25")] == ["contradicted"] + ["supported"] * 3


def test_a_state_whose_votes_the_pack_does_not_keep_is_never_called_absent():
    v = check_text("Turkmenistan and Nepal did not vote on the UN resolution on nuclear disarmament verification in "
                   "2015.", evidence=evidence())[0]
    assert v.verdict == "partly supported" and "keeps no votes" in v.reason  # Turkmenistan absent: yes; Nepal: ?


def test_a_tally_alone_is_checked_with_the_usual_tolerance():
    # the Zeta valley resolution of 2017: 70-15-65; "16 against" is within a further 10% of 15
    text = "In 2017 a UN General Assembly resolution on refugees from the Zeta valley, Moldova, passed with {}."
    assert verdicts(text.format("70 votes in favour, 15 against and 65 abstentions")) == \
        [("votes", "tally", "supported")]
    assert verdicts(text.format("70 votes in favour, 16 against and 65 abstentions")) == \
        [("votes", "tally", "partly supported")]
    assert verdicts(text.format("90 votes in favour, 5 against and 65 abstentions")) == \
        [("votes", "tally", "partly supported")]
    # no count right: the resolution was found by its subject alone, so it is another vote, never a contradiction
    assert verdicts(text.format("90 votes in favour, 5 against and 40 abstentions")) == \
        [("votes", "tally", "unverifiable")]


def test_safety_a_vote_found_by_topic_with_another_tally_is_another_vote_never_contradicted():
    # the only Zeta valley vote of 2017 went 70-15-65; a sentence stating 40-60-50 means a vote the data lack
    (v,) = check_text("In 2017 the General Assembly's resolution on refugees from the Zeta valley, Moldova, was adopted "
                      "by 40 votes to 60 with 50 abstentions, and Georgia voted against it.", evidence=evidence())
    assert v.verdict == "unverifiable" and "another vote" in v.reason
    # the full tally names the vote even when the subject's words are few: 75-14-70 is the 2018 one
    (v,) = check_text("Tajikistan voted against the Zeta valley resolution, adopted 75-14 with 70 abstentions.", "2019-01-01",
                      evidence=evidence())
    assert "A/RES/72/301" in v.reason


def test_the_year_and_the_tally_pick_one_of_several_votes_on_a_subject():
    v = check_text("The resolution on refugees from the Zeta valley passed 75-14 with 70 abstentions.",
                   evidence=evidence())[0]
    assert "A/RES/72/301" in v.reason and v.verdict == "supported"
    v = check_text("The resolution on refugees from the Zeta valley passed 70-15 with 65 abstentions.", "2017-07-01",
                   evidence=evidence())[0]
    assert "A/RES/71/300" in v.reason and v.verdict == "supported"  # the latest vote before the article


def test_the_states_votes_are_the_core_and_the_tally_a_detail():
    text = ("The UN resolution on nuclear disarmament verification passed 120-30 with 25 abstentions; Tajikistan "
            "{} .")
    assert verdicts(text.format("abstained"), "2015-12-01") == [("votes", "vote", "supported")]
    assert verdicts(text.format("voted against"), "2015-12-01") == [("votes", "vote", "contradicted")]
    text = "The UN resolution on nuclear disarmament verification passed 100-50 with 25 abstentions; Tajikistan {}."
    assert verdicts(text.format("abstained"), "2015-12-01") == [("votes", "vote", "partly supported")]


def test_a_vote_after_the_roll_calls_end_is_unverifiable_with_the_reason():
    v = check_text("In 2023 Georgia voted in favour of the UN resolution on nuclear disarmament verification.",
                   evidence=evidence())[0]
    assert v.verdict == "unverifiable" and "end with session" in v.reason


def test_the_resolution_of_the_previous_sentence():
    text = ("In November 2015 the General Assembly voted on nuclear disarmament verification. The resolution was "
            "adopted by a recorded vote of 120 in favour to 30 against, with 25 abstentions.")
    assert verdicts(text) == [("votes", "tally", "supported")]


def test_agreement_stated_as_votes_coinciding_with_another_state_s():
    from multipolar.claims.fake_evidence import FakeEvidence

    un = [{"country": "TJK", "partner": p, "year": 2018, "session": 73, "source": "unvotes", "value": v, "n_votes": 90}
          for p, v in (("CHN", 0.81), ("RUS", 0.76))]
    (v,) = check_text("Tajikistan's votes in the UN General Assembly coincided with Russia's 76% of the time in 2018.",
                      evidence=FakeEvidence(un=un))
    assert v.claim.parsed["relation"] == "agreement" and v.verdict == "supported"


def test_named_states_among_a_counted_side_and_more_often_than_with_the_other_power():
    text = "Only 30 countries, including Georgia, voted against the resolution on nuclear disarmament verification."
    assert verdicts(text, "2015-12-01") == [("votes", "vote", "supported")]  # Georgia no; 30 against
    text = "Only 20 countries, including Georgia, voted against the resolution on nuclear disarmament verification."
    assert verdicts(text, "2015-12-01") == [("votes", "vote", "partly supported")]
    from multipolar.claims.fake_evidence import FakeEvidence

    un = [{"country": "KGZ", "partner": p, "year": 2018, "session": 73, "source": "unvotes", "value": v, "n_votes": 90}
          for p, v in (("CHN", 0.81), ("RUS", 0.70))]
    result = check_text("Kyrgyzstan voted with China in 81% of UN General Assembly votes in 2018, more often than with "
                        "Russia.", evidence=FakeEvidence(un=un))
    assert [(v.claim.parsed["relation"], v.verdict) for v in result] == [("agreement", "supported"),
                                                                         ("more often", "supported")]


@pytest.mark.parametrize("text", [
    "The General Assembly voted 120 to 30, with 25 abstentions, for the resolution urging nuclear disarmament "
    "verification; Mongolia voted in favour.",
    "By 120 votes to 30, with 25 abstentions, the UN General Assembly adopted a text calling for nuclear disarmament "
    "verification, "
    "and Mongolia voted in favour.",
    "Mongolia voted in favour when the General Assembly passed 120-30, with 25 abstentions, the resolution rejecting "
    "any delay to nuclear disarmament verification.",
])
def test_a_roll_call_named_by_its_tally_and_its_subject_words_without_a_symbol(text):
    got = check_text(text, "2016-01-01", evidence=evidence())
    votes = [v for v in got if v.type == "votes"]
    assert votes and all(v.verdict == "supported" for v in votes), [(v.verdict, v.reason) for v in votes]
    assert any("70/77" in v.reason or "Nuclear" in v.reason for v in votes)
