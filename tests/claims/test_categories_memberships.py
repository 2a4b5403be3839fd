"""Membership history as real reporting states it (issue 11, round 2): status granted with the date before the verb,
associate membership, withdrawals, suspensions and refusals to extend, restorations and returns, 'the Nth member'
with the year the sentence gives, an organization's composition at the time of a summit with the states named in
brackets. Made-up organization records on a FakeEvidence (not the pack's registry)."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text, parse_claims
from multipolar.claims.fake_evidence import FakeEvidence

MEMBERS = [
    *({"organization": "CSTO", "country": c, "role": "member", "start": "2002-10-07", "end": None}
      for c in ("ARM", "BLR", "KAZ", "RUS")),
    {"organization": "CSTO", "country": "TJK", "role": "member", "start": "2002-10-07", "end": "2008-03-01"},
    {"organization": "CSTO", "country": "TJK", "role": "member", "start": "2011-09-15", "end": None},
    {"organization": "CIS", "country": "MDA", "role": "member", "start": "1991-12-21", "end": "2010-05-04"},
    {"organization": "CIS", "country": "MDA", "role": "associate", "start": "2010-05-04", "end": None},
    {"organization": "EAEU", "country": "MNG", "role": "observer", "start": "2019-05-29", "end": None},
    *({"organization": "SCO", "country": c, "role": "member", "start": "2001-06-15", "end": None}
      for c in ("CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB")),
    {"organization": "SCO", "country": "AFG", "role": "observer", "start": "2012-06-07", "end": None},
    {"organization": "SCO", "country": "MNG", "role": "observer", "start": "2004-06-17", "end": None},
    {"organization": "SCO", "country": "NPL", "role": "dialogue_partner", "start": "2015-07-10", "end": None},
    {"organization": "SCO", "country": "KHM", "role": "dialogue_partner", "start": "2015-07-10", "end": None},
    {"organization": "SCO", "country": "EGY", "role": "dialogue_partner", "start": "2022-09-16", "end": None},
]
SUMMITS = [{"year": y, "date": d, "host_city": c, "host_country": k} for y, d, c, k in (
    (2016, "2016-06-24", "Tashkent", "UZB"), (2022, "2022-09-16", "Samarkand", "UZB"))]
EVIDENCE = FakeEvidence(memberships=MEMBERS, summits=SUMMITS)


def verdicts(text, date=None):
    return [(v.claim.parsed["relation"], v.verdict) for v in check_text(text, date, evidence=EVIDENCE)
            if v.type == "membership"]


@pytest.mark.parametrize("text, expected", [
    ("On 29 May 2019 the Supreme Council decided to grant Mongolia observer status at the Eurasian Economic Union.",
     "supported"),
    ("In 2019 Mongolia was granted observer status in the EAEU.", "supported"),
    ("The council agreed in May 2018 to grant Mongolia observer status at the EAEU.", "contradicted"),
])
def test_status_granted_with_the_date_anywhere_in_the_clause(text, expected):
    assert verdicts(text) == [("joined", expected)]


@pytest.mark.parametrize("text, expected", [
    ("Moldova loosened its ties with the CIS in 2010, becoming an associate member.", "supported"),
    ("Moldova became an associate member of the CIS in 2012.", "contradicted"),
])
def test_associate_membership(text, expected):
    assert verdicts(text) == [("joined", expected)]


def test_withdrawals_suspensions_and_returns_with_elliptic_subjects():
    text = ("Tajikistan suspended its participation in the CSTO in March 2008 but returned to the CSTO in "
            "September 2011.")
    assert verdicts(text) == [("froze", "supported"), ("rejoined", "supported")]
    text = "Tajikistan froze its CSTO membership in 2008 and restored its membership in 2009."
    assert verdicts(text) == [("froze", "supported"), ("rejoined", "contradicted")]
    assert verdicts("In 2010 Moldova withdrew from the CIS.") == [("left", "supported")]
    assert verdicts("Kazakhstan refused to extend its CSTO membership in 2012.") == [("left", "contradicted")]


def test_the_nth_member_takes_the_year_the_sentence_gives():
    claims = [c.parsed for c in parse_claims("Officials announced in 2019 that Mongolia had become the first "
                                             "observer of the EAEU.")]
    assert claims[0]["year"] == 2019 and claims[0]["role"] == "observer" and claims[0]["ordinal"] == 1
    assert verdicts("Officials announced in 2019 that Mongolia had become the first observer of the EAEU.") == \
        [("joined", "supported")]
    assert verdicts("Officials announced in 2017 that Mongolia had become the first observer of the EAEU.") == \
        [("joined", "contradicted")]


def test_composition_at_the_time_of_a_summit_with_the_states_named_in_brackets():
    text = ("At the time of the SCO summit in Tashkent, the organisation had six members, two observers (Afghanistan "
            "and Mongolia) and two dialogue partners (Nepal and Cambodia).")
    rows = [(v.claim.parsed["role"], v.verdict) for v in check_text(text, "2024-01-01", evidence=EVIDENCE)
            if v.claim.parsed.get("relation") == "count"]
    assert rows == [("member", "supported"), ("observer", "supported"), ("dialogue partner", "supported")]
    # by the Samarkand summit Egypt had joined the dialogue partners: three, and one is left unnamed
    later = text.replace("Tashkent", "Samarkand")
    rows = [v.verdict for v in check_text(later, "2024-01-01", evidence=EVIDENCE)
            if v.claim.parsed.get("relation") == "count"]
    assert rows == ["supported", "supported", "partly supported"]
    assert "left unnamed: Egypt" in check_text(later, "2024-01-01", evidence=EVIDENCE).claims[-1].reason


def test_members_since_a_year_without_the_organization_repeated():
    text = "By then, the SCO had grown: Kazakhstan and Uzbekistan had been full members since 2001."
    assert ("joined", "supported") in verdicts(text)


def test_a_count_in_the_present_tense_is_as_of_the_article_not_an_earlier_clause_s_year():
    text = "Mongolia became an SCO observer in 2004; the SCO has six members and two observers (Afghanistan and " \
           "Mongolia)."
    rows = [v.verdict for v in check_text(text, "2024-01-01", evidence=EVIDENCE)
            if v.claim.parsed.get("relation") == "count"]
    assert rows == ["supported", "supported"]


def test_became_partners_in_a_year_frozen_participation_and_a_comma_that_is_no_list():
    members = MEMBERS + [{"organization": "SCO", "country": c, "role": "dialogue_partner", "start": "2022-09-16",
                          "end": None} for c in ("QAT", "SAU")]
    evidence = FakeEvidence(memberships=members, summits=SUMMITS)
    result = check_text("Egypt, Qatar and Saudi Arabia became SCO dialogue partners in 2022.", evidence=evidence)
    assert [(v.claim.parsed["relation"], v.verdict) for v in result] == [("joined", "supported")]
    (v,) = check_text("Tajikistan froze its participation in the CSTO in 2023.", evidence=evidence)
    assert v.verdict == "unverifiable" and "member" in v.reason
    (v,) = check_text("At the summit hosted by Uzbekistan, Egypt became an SCO dialogue partner in 2022.",
                      evidence=evidence)
    assert v.claim.parsed["country"] == ["EGY"] and v.verdict == "supported"


def test_full_members_of_the_organization_named_as_a_group_and_associates_since():
    assert verdicts("Kazakhstan and Kyrgyzstan became full members of the SCO at its founding summit in June 2001.") \
        == [("joined", "supported")]
    assert verdicts("Moldova has been a CIS associate member since 2010.") == [("joined", "supported")]
    assert verdicts("Kazakhstan and Belarus left the CSTO in 2008.") == [("left", "contradicted")]


def test_status_held_since_a_year():
    assert verdicts("Mongolia has had observer status in the EAEU since 2019.") == [("joined", "supported")]
    assert verdicts("Mongolia has held observer status at the EAEU since 2016.") == [("joined", "contradicted")]


def test_admitted_at_the_summit_named_by_its_city_and_members_since_a_month():
    assert verdicts("India and Pakistan were admitted as full members at the Tashkent summit.") == \
        [("joined", "contradicted")]  # made-up records: 2017, not the 2016 Tashkent summit
    assert verdicts("Egypt was admitted as a dialogue partner at the Samarkand summit.") == [("joined", "supported")]
    assert verdicts("Mongolia has been an EAEU observer since May 2019.") == [("joined", "supported")]


@pytest.mark.parametrize("text, expected", [
    # the date fronting the subject is the subject's, not the next clause's
    ("From 10 July 2015 Nepal and Cambodia became dialogue partners of the SCO, and on 29 May 2019 Mongolia became "
     "an observer of the EAEU.", [("joined", "supported"), ("joined", "supported")]),
    ("From 1 January 2016 Nepal and Cambodia became dialogue partners of the SCO, and on 29 May 2019 Mongolia became "
     "an observer of the EAEU.", [("joined", "contradicted"), ("joined", "supported")]),
    ("On 10 July 2015 Nepal and Cambodia became SCO dialogue partners, while Egypt joined them in 2022.",
     [("joined", "supported")]),
    # 'and on DATE Egypt followed': that date is Egypt's; Nepal's clause has none of its own → its status today
    ("Nepal became an SCO dialogue partner, and on 16 September 2022 Egypt followed.",
     [("dialogue partner", "supported")]),
])
def test_a_date_before_the_subject_and_a_date_in_the_next_clause(text, expected):
    assert verdicts(text) == expected


@pytest.mark.parametrize("text, date, expected", [
    ("Mongolia and Afghanistan are its two observer states, the SCO said.", "2020-05-01", "supported"),
    ("Afghanistan, Mongolia and Nepal were the SCO's three observers in 2016.", None, "partly supported"),
    ("Mongolia and Afghanistan were the two observer states of the SCO in 2010.", None, "partly supported"),
    ("Mongolia and Afghanistan were the two observer states of the SCO in 2014.", None, "supported"),
])
def test_states_listed_then_their_count_and_role(text, date, expected):
    assert verdicts(text, date) == [("count", expected)]


@pytest.mark.parametrize("text, date, expected", [
    ("The SCO's dialogue partners include Cambodia and Nepal.", "2020-01-01", "supported"),
    ("The SCO has six members, and its dialogue partners include Egypt and Nepal.", "2023-01-01",
     "supported"),
])
def test_states_a_role_includes(text, date, expected):
    assert [v for r, v in verdicts(text, date) if r == "dialogue partner"] == [expected]


def test_a_count_with_other_before_the_role():
    (claim,) = [c for c in parse_claims("In 2023 the SCO had three other dialogue partners.")
                if c.parsed.get("relation") == "count"]
    assert (claim.parsed["role"], claim.parsed["count"]) == ("dialogue partner", 3)


@pytest.mark.parametrize("text, expected", [
    # the organization's decision, dated months after the membership the registry ends (March 2008): the year decides
    ("The CSTO's council suspended Tajikistan's membership in November 2008.", "supported"),
    ("CSTO leaders terminated Tajikistan's participation in 2008.", "supported"),
    ("The CSTO's summit suspended Tajikistan's membership in 2010.", "contradicted"),
])
def test_an_organization_suspends_a_state_s_membership(text, expected):
    assert verdicts(text) == [("left", expected)]


@pytest.mark.parametrize("text, expected", [
    ("In 2010 Moldova's president said Moldova would leave the CIS.", "supported"),  # member → associate in 2010
    ("Armenia's leaders announced in 2023 that Armenia will leave the Russia-led CSTO.", "contradicted"),
    ("Belarus decided to quit the CSTO in 2021.", "contradicted"),
])
def test_an_announced_departure_is_read_as_leaving(text, expected):
    assert verdicts(text) == [("left", expected)]


@pytest.mark.parametrize("text, date, expected", [
    ("Henceforth the CSTO's members are Russia, Kazakhstan, Belarus and Armenia.", "2009-01-01", "supported"),
    ("The CSTO members are now Armenia, Belarus, Kazakhstan and Russia.", "2012-01-01", "partly supported"),  # + TJK
    ("The SCO's observers are Afghanistan and Mongolia.", "2016-01-01", "supported"),
    ("Back in 2016 the SCO's dialogue partners were Nepal and Egypt.", None, "partly supported"),  # Egypt from 2022
])
def test_the_members_are_a_complete_list(text, date, expected):
    assert verdicts(text, date) == [("count", expected)]


@pytest.mark.parametrize("text, country", [
    ("Azerbaijan did not renew its participation in the Collective Security Treaty in 1999.", "AZE"),
    ("In 1999 Uzbekistan decided not to renew its participation in the Collective Security Treaty.", "UZB"),
    ("In 1999 Georgia would not prolong the Collective Security Treaty.", "GEO"),
])
def test_a_treaty_not_prolonged_is_a_departure(text, country):
    from multipolar.claims import parse_claims

    left = [c.parsed for c in parse_claims(text, "2001-01-01") if c.type == "membership"]
    assert [(x["relation"], x["country"], x["year"]) for x in left] == [("left", [country], 1999)]


def test_an_organization_that_only_qualifies_what_was_left_is_not_the_one_left():
    from multipolar.claims import parse_claims

    got = [c.parsed for c in parse_claims("In 1999 Azerbaijan did not prolong the CIS Collective Security Treaty.",
                                          "2001-01-01") if c.type == "membership"]
    assert [(x["org"], x["country"]) for x in got] == [("CST", ["AZE"])]
    assert not [c for c in parse_claims("Moldova left the CIS Economic Court in 2012.", "2013-01-01")
                if c.type == "membership"]
