"""Membership events in any phrasing (round 6): one lexicon of joining and leaving verbs read clause by clause, with
the role and organization around the verb ('accepted as a full member of X', 'admitted as X observers', 'will become
X partner states'), states added 'along with' the subject, 'the bloc' for the organization named before, 'X's
membership ended on DATE', 'holding observer status since YEAR', and a registry note that records the claimed role
as reported (unverifiable, not contradicted). Made-up organization records on a FakeEvidence."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

MEMBERS = [
    *({"organization": "SCO", "country": c, "role": "member", "start": "2001-06-15", "end": None}
      for c in ("CHN", "RUS", "KAZ")),
    {"organization": "SCO", "country": "MNG", "role": "observer", "start": "2004-06-17", "end": None},
    {"organization": "SCO", "country": "BLR", "role": "observer", "start": "2010-06-11", "end": "2016-06-24"},
    {"organization": "SCO", "country": "BLR", "role": "member", "start": "2016-06-24", "end": None},
    {"organization": "CIS", "country": "UKR", "role": "member", "start": "1991-12-08", "end": "2014-03-19"},
    {"organization": "CIS", "country": "ARM", "role": "member", "start": "1991-12-21", "end": None},
    {"organization": "BRICS", "country": "BOL", "role": "partner", "start": "2025-01-01", "end": None},
    {"organization": "BRICS", "country": "CUB", "role": "partner", "start": "2025-01-01", "end": None},
    {"organization": "BRICS", "country": "THA", "role": "member", "start": "2025-03-01", "end": None,
     "note": "had been announced as one of the partner countries first"},
]
SUMMITS = [{"year": y, "date": d, "host_city": c, "host_country": k} for y, d, c, k in (
    (2010, "2010-06-11", "Tashkent", "UZB"), (2016, "2016-06-24", "Tashkent", "UZB"),
    (2004, "2004-06-17", "Tashkent", "UZB"))]
EVIDENCE = FakeEvidence(memberships=MEMBERS, summits=SUMMITS)


def verdicts(text, date="2026-01-01"):
    return [(v.claim.parsed["relation"], v.claim.parsed.get("role"), v.verdict)
            for v in check_text(text, date, evidence=EVIDENCE) if v.type == "membership"]


@pytest.mark.parametrize("text, expected", [
    ("Belarus was accepted as a full member of the SCO in 2016.", [("joined", None, "supported")]),
    ("Belarus was accepted as a full member of the SCO in 2012.", [("joined", None, "contradicted")]),
    ("In 2004 Mongolia was welcomed as an observer of the SCO.", [("joined", "observer", "supported")]),
    ("Belarus was admitted as an SCO observer at the 2010 Tashkent summit.", [("joined", "observer", "supported")]),
    ("Belarus was admitted as an SCO observer at the 2016 Tashkent summit.", [("joined", "observer", "contradicted")]),
])
def test_a_role_after_as_is_the_role_joined(text, expected):
    assert verdicts(text) == expected


def test_a_future_status_with_states_added_along_with_the_subject():
    got = verdicts("Bolivia will formally become a BRICS partner country from 1 January 2025, together with Cuba.")
    assert got == [("joined", "partner", "supported")]
    got = verdicts("Bolivia will become a BRICS partner country from 1 March 2025.")
    assert got == [("joined", "partner", "contradicted")]
    # the registry's own note records the claimed role as reported: that part is unverifiable, not contradicted
    got = verdicts("Cuba and Thailand will become BRICS partner countries from 1 January 2025.")
    assert got == [("joined", "partner", "partly supported")]
    result = check_text("Thailand will become a BRICS partner country from 1 January 2025.", "2026-01-01",
                        evidence=EVIDENCE)
    assert [v.verdict for v in result] == ["unverifiable"] and "notes" in result[0].reason


def test_departures_in_other_words_and_the_bloc_for_the_organization_named_before():
    got = verdicts("Ukraine completed its withdrawal from the CIS in March 2014, having joined the bloc in 1991.")
    assert got == [("left", None, "supported"), ("joined", None, "supported")]
    assert verdicts("Ukraine's membership of the CIS formally ended on 19 March 2014.") == [("left", None, "supported")]
    assert verdicts("Ukraine's CIS membership ended in 2016.") == [("left", None, "contradicted")]
    # "is left with": no departure; "the CIS Economic Court": not the CIS
    assert verdicts("After 2014 the CIS is left with nine states, Armenia among them.") == []
    assert verdicts("Armenia left the CIS Economic Court in 2015.") == []


def test_a_status_held_since_a_year_after_the_verb():
    got = verdicts("Belarus became a full SCO member in 2016, after holding observer status since 2010.")
    assert ("joined", "observer", "supported") in got
    got = verdicts("Belarus joined the SCO as a member in 2016, having been an observer since 2012.")
    assert ("joined", "observer", "contradicted") in got
    assert verdicts("Mongolia, with observer status since 2004, received no invitation to join.") == \
        [("joined", "observer", "supported")]


# A predecessor (made up): the Treaty's parties before the Organization existed, recorded apart.
HISTORY = [
    {"organization": "CST", "country": "GEO", "role": "member", "start": "1993-12-09", "end": "1999-04-20"},
    {"organization": "CST", "country": "UZB", "role": "member", "start": "1992-05-15", "end": "1999-04-20"},
    {"organization": "CST", "country": "KAZ", "role": "member", "start": "1992-05-15", "end": None},
    {"organization": "CSTO", "country": "KAZ", "role": "member", "start": "2002-10-07", "end": None},
    {"organization": "CSTO", "country": "UZB", "role": "member", "start": "2006-06-23", "end": "2012-06-28"},
]
ORGS = [{"organization": "CST", "name": "Collective Security Treaty", "founded": "1992-05-15",
         "note": "the treaty is the basis of the CSTO"},
        {"organization": "CSTO", "name": "Collective Security Treaty Organization", "founded": "2002-10-07",
         "note": ""}]
PREDECESSOR = FakeEvidence(memberships=HISTORY, organizations=ORGS)


@pytest.mark.parametrize("text, expected", [
    ("Georgia left the CSTO in 1999.", [("left", None, "supported")]),
    ("Uzbekistan returned to the CSTO in 2006.", [("rejoined", None, "supported")]),
    ("Uzbekistan returned to the CSTO in 2009.", [("rejoined", None, "contradicted")]),
    ("Kazakhstan left the CSTO in 1999.", [("left", None, "contradicted")]),
])
def test_departures_and_returns_read_with_the_predecessor_s_records(text, expected):
    got = [(v.claim.parsed["relation"], v.claim.parsed.get("role"), v.verdict, v.reason)
           for v in check_text(text, "2026-01-01", evidence=PREDECESSOR) if v.type == "membership"]
    assert [g[:3] for g in got] == expected
    assert all("predecessor" in g[3] for g in got)


@pytest.mark.parametrize("text, expected", [
    ("Ukraine was a member of the CIS from 1991 to 2014.", [("joined", None, "supported"), ("left", None, "supported")]),
    ("Ukraine was a member of the CIS between 1991 and 2016.",
     [("joined", None, "supported"), ("left", None, "contradicted")]),
    ("Belarus was an observer of the SCO from 2010 to 2016.",
     [("joined", "observer", "supported"), ("left", None, "supported")]),
])
def test_a_membership_from_one_year_to_another(text, expected):
    assert verdicts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mongolia joined the SCO as an observer in June 2004, followed by Belarus in 2010.",
     [("joined", "observer", "supported"), ("joined", "observer", "supported")]),
    ("Mongolia joined the SCO as an observer in June 2004, followed by Belarus in 2012.",
     [("joined", "observer", "supported"), ("joined", "observer", "contradicted")]),
    ("The 2016 summit in Tashkent admitted Belarus as a full member.", [("joined", None, "supported")]),
    ("In 2012 the SCO accepted Belarus as a member.", [("joined", None, "contradicted")]),
])
def test_the_next_state_to_join_and_an_organization_s_act_of_admission(text, expected):
    assert verdicts(text) == expected
