"""Summit ordinals and hosts in more phrasings (round 6): an ordinal of the Council's meetings written in any of its
names ('meeting of the Heads of State', 'Heads of State Council meeting') anywhere in the sentence takes the one year
(else the one city) the sentence names; 'the Nth time X hosted' counts up to that year's summit; 'the <city> Summit
<year>' and '<city> will host the summit ... <year>' are the year's host city. Made-up summits on a FakeEvidence."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

SUMMITS = [{"year": 2000 + i, "date": f"{2000 + i}-06-15", "host_city": c, "host_country": k} for i, (c, k) in
           enumerate((("Shanghai", "CHN"), ("Moscow", "RUS"), ("Astana", "KAZ"), ("Beijing", "CHN"),
                      ("Bishkek", "KGZ"), ("Dushanbe", "TJK"), ("Qingdao", "CHN")), start=1)]
EVIDENCE = FakeEvidence(summits=SUMMITS)


def summit_verdicts(text):
    return [(v.claim.parsed["relation"], v.verdict) for v in check_text(text, "2010-01-01", evidence=EVIDENCE)
            if v.type == "summit"]


@pytest.mark.parametrize("text, expected", [
    ("Leaders met in 2005 for what officials called the fifth Heads of State Council meeting.", "supported"),
    ("The 2005 gathering, the 4th meeting of the SCO Heads of State, ended with a joint statement.", "contradicted"),
    ("A treaty was signed at the close of the 6th meeting of the Heads of State, held in the city of Dushanbe.",
     "supported"),
    ("A treaty was signed at the close of the 3rd meeting of the Heads of State, held in the city of Dushanbe.",
     "contradicted"),
])
def test_an_ordinal_anywhere_takes_the_sentence_s_one_year_or_city(text, expected):
    assert summit_verdicts(text) == [("ordinal", expected)]


def test_an_ordinal_with_two_years_and_no_city_is_not_guessed():
    assert summit_verdicts("Between 2003 and 2006 came the 4th meeting of the Heads of State Council.") == []


@pytest.mark.parametrize("text, expected", [
    ("The Qingdao Summit 2007 was the third time China hosted the meeting.",
     [("hosts", "supported"), ("host count", "supported")]),
    ("The Beijing Summit 2004 was the third time China hosted the meeting.",
     [("hosts", "supported"), ("host count", "contradicted")]),
    ("The Astana Summit 2004 marked the second time Kazakhstan had hosted it.",
     [("hosts", "contradicted"), ("host count", "contradicted")]),
])
def test_the_nth_time_a_state_hosted_counts_up_to_the_year_named(text, expected):
    assert summit_verdicts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The city of Bishkek will host the SCO summit in mid-June 2005.", "supported"),
    ("The city of Bishkek will host the SCO summit in mid-June 2006.", "contradicted"),
])
def test_a_host_city_with_the_year_after_it(text, expected):
    assert summit_verdicts(text) == [("hosts", expected)]


@pytest.mark.parametrize("text", [
    "The Dushanbe charter adopted at the 6th summit of the SCO praised regional trade.",
    "In the joint statement signed at their 3rd Heads of State Council meeting in Astana, leaders praised trade.",
    "The 4th BRICS summit and the Bishkek talks opened in June 2005.",
])
def test_a_participle_naming_a_document_and_another_organization_s_ordinal_are_not_summit_claims(text):
    assert [r for r in summit_verdicts(text) if r[0] == "ordinal" and r[1] != "unverifiable"] == []


def test_a_summit_the_sentence_asserts_is_still_read():
    assert summit_verdicts("The Dushanbe charter was adopted at the 6th summit of the SCO.") == [
        ("ordinal", "supported")]


def test_an_ordinal_owned_by_another_organization_is_not_read_as_the_council_s():
    assert summit_verdicts("The talks of 2005 came in the year of the CIS's 14th summit.") == []
    assert summit_verdicts("In 2005, the year of BRICS's 3rd summit, the leaders met.") == []
