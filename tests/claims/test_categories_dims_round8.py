"""Dimension readers of round 8 (general rules, made-up sentences and figures on a FakeEvidence): a group's share of
the world with other verbs ('cover', 'hold', 'comprise') and a second share continuing it ('... and N% of global
GDP'); an organization's member count after an apposition ('X, founded in YEAR, today has N members', the apposition's
year never the count's date) and a count's own year after it ('had N members in YEAR'); a summit's joint statement or
communiqué named by its city, read as that summit's declaration; an organization accepting a state's own step ('approved
A's request to take part in X as an associate member')."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

# 2021 GDP (current dollars) and population of a made-up group and the world.
MACRO = {"KAZ": (200e9, 20e6), "UZB": (70e9, 35e6), "KGZ": (10e9, 7e6), "WLD": (1_000e9, 1_000e6)}
MACRO_ROWS = [{"country": c, "year": 2021, "gdp_usd": g, "population": n, "source": "worldbank_wdi"}
              for c, (g, n) in MACRO.items()]
MEMBERS = [
    *({"organization": "EAEU", "country": c, "role": "member", "start": "2015-01-01", "end": None}
      for c in ("KAZ", "UZB", "KGZ")),
    *({"organization": "CSTO", "country": c, "role": "member", "start": "2002-10-07", "end": None}
      for c in ("RUS", "KAZ", "KGZ")),
    {"organization": "CSTO", "country": "TJK", "role": "member", "start": "2010-05-01", "end": None},
    {"organization": "CIS", "country": "TKM", "role": "member", "start": "1991-12-21", "end": "2005-08-26"},
    {"organization": "CIS", "country": "TKM", "role": "associate", "start": "2005-08-26", "end": None},
]
SUMMITS = [{"year": y, "date": d, "host_city": c, "host_country": k} for y, d, c, k in (
    (2019, "2019-06-14", "Bishkek", "KGZ"), (2024, "2024-07-04", "Astana", "KAZ"))]
TEXT_2019 = "The Member States support a more representative multipolar world order and the role of the United Nations."
EVIDENCE = FakeEvidence(macro=MACRO_ROWS, memberships=MEMBERS, summits=SUMMITS,
                        declarations={2019: (TEXT_2019, "https://example.org")})


def verdicts(text, date="2022-06-01", kind=None):
    return [(v.type, v.claim.parsed.get("unit") or v.claim.parsed.get("relation"), v.verdict)
            for v in check_text(text, date, evidence=EVIDENCE) if kind is None or v.type == kind]


# The three states: 62 of 1,000 million people (6.2%), 280 of 1,000 billion dollars of GDP (28%).
@pytest.mark.parametrize("text, expected", [
    ("The three EAEU members cover about 6% of the world's population.", ["supported"]),
    ("The EAEU states hold some 28% of global GDP.", ["supported"]),
    ("The EAEU members comprise roughly 15% of the world's population.", ["contradicted"]),
    # a second share continuing the first, with its own measure and hedge
    ("The three EAEU members cover about 6% of the world's population and over 25% of global GDP.",
     ["supported", "supported"]),
    ("The EAEU states hold some 6% of the world's population, and over 40% of global GDP.",
     ["supported", "contradicted"]),
])
def test_group_share_of_the_world_with_other_verbs_and_a_continuing_share(text, expected):
    got = verdicts(text, kind="macro")
    assert [v for _, unit, v in got] == expected
    assert {unit for _, unit, _ in got} == {"share of world"}


@pytest.mark.parametrize("text, expected", [
    # counted as of the article's date (2022-06-01): four members
    ("The CSTO, formed in 2002, today has four member states.", "supported"),
    ("The CSTO, founded in 2002 in Moscow, currently has five members.", "contradicted"),
    ("The CSTO, based in Moscow, has four members.", "supported"),
    # the count's own year after the verb, never the apposition's founding year
    ("The CSTO had three members in 2005.", "supported"),
    ("The CSTO, founded in 2002, had four members by 2015.", "supported"),
    ("The CSTO, founded in 2002, had four members.", "supported"),
])
def test_member_count_after_an_apposition_and_its_own_year(text, expected):
    assert verdicts(text, kind="membership") == [("membership", "count", expected)]


@pytest.mark.parametrize("text, expected", [
    ("In their joint statement after the Bishkek summit, the leaders called for a multipolar world order.",
     "supported"),
    ("The communiqué of the 2019 Bishkek summit called for a multipolar world order.", "supported"),
    # a summit whose text is not held: read, and unverifiable with the texts held
    ("In their statement after the Astana summit, the leaders called for a multipolar world.", "unverifiable"),
    ("The final document adopted at the Astana summit urged a fairer world order.", "unverifiable"),
])
def test_a_summits_statement_named_by_its_city_is_its_declaration(text, expected):
    assert [v for _, _, v in verdicts(text, date="2024-07-10", kind="declaration")] == [expected]


def test_a_statement_without_a_summits_city_is_not_a_declaration():
    assert verdicts("In a statement after the summit, the ministry called for calm.", date="2024-07-10",
                    kind="declaration") == []
    assert verdicts("In a statement, the ministry called for a multipolar world.", kind="declaration") == []


@pytest.mark.parametrize("text, expected", [
    ("At their August 2005 meeting, the CIS heads of state accepted Turkmenistan's move to participate in the "
     "Commonwealth as an associate member.", "supported"),
    ("In August 2005 the CIS approved Turkmenistan's request to remain in the bloc as an associate member.",
     "supported"),
    ("In 2005 the CIS endorsed Turkmenistan's decision to participate as an associate member.", "supported"),
    ("In 2005 CIS leaders accepted Turkmenistan's application to participate as an observer.", "contradicted"),
])
def test_an_organization_accepting_a_states_own_step_in_a_role(text, expected):
    got = verdicts(text, date="2005-09-01", kind="membership")
    assert got == [("membership", "joined", expected)]


def test_a_bid_to_join_approved_is_not_the_membership_itself():
    # approving a bid starts an accession; the membership's date is not the approval's
    got = verdicts("In 2005 CIS leaders approved Turkmenistan's bid to join the bloc as a member.", date="2005-09-01",
                   kind="membership")
    assert ("membership", "joined", "contradicted") not in got


@pytest.mark.parametrize("text, symbol", [
    # a place and one year name the one known resolution of that year about the place
    ("On the March 2014 resolution on Crimea, Mongolia abstained.", "68/262"),
    ("In the 2016 General Assembly vote on Crimea, Mongolia abstained.", "71/205"),
    ("Mongolia abstained on the 2014 text concerning Crimea, which passed easily.", "68/262"),
    # no year, two years, or a year with several resolutions about the place: left to the subject's words
    ("Mongolia abstained on the resolution on Crimea.", None),
    ("Between 2014 and 2016 Mongolia abstained on the resolution on Crimea.", None),
    ("In the 2022 vote on Ukraine, Mongolia abstained.", None),
    ("In the 2015 vote on Crimea, Mongolia abstained.", None),
])
def test_a_resolution_named_by_a_place_and_its_year(text, symbol):
    from multipolar.claims.reading.votes import resolution_of

    assert resolution_of(text)[0] == symbol


def test_a_resolution_named_by_place_and_year_is_judged_on_its_roll_call():
    roll_calls = [{"rcid": 1, "session": 68, "year": 2014, "date": "2014-03-27", "unres": "A/RES/68/262",
                   "short": "Made-up title", "descr": "Made-up description", "yes": 90, "no": 10, "abstain": 50}]
    votes = [{"rcid": 1, "country": "MNG", "vote": 2}, {"rcid": 1, "country": "GEO", "vote": 1}]
    ev = FakeEvidence(roll_calls=roll_calls, votes=votes)
    got = [v.verdict for v in check_text("On the March 2014 resolution on Crimea, Mongolia abstained.", "2014-04-01",
                                         evidence=ev)]
    assert got == ["supported"]
    got = [v.verdict for v in check_text("On the March 2014 resolution on Crimea, Georgia abstained.", "2014-04-01",
                                         evidence=ev)]
    assert got == ["contradicted"]


# A made-up union: A left in 2009, B became an associate in 2005 (a change of role, not a departure), C left in 2018.
UNION = [{"organization": "CIS", "country": "GEO", "role": "member", "start": "1993-12-03", "end": "2009-08-18"},
         {"organization": "CIS", "country": "TKM", "role": "member", "start": "1991-12-21", "end": "2005-08-26"},
         {"organization": "CIS", "country": "TKM", "role": "associate", "start": "2005-08-26", "end": None},
         {"organization": "CIS", "country": "UKR", "role": "member", "start": "1991-12-08", "end": "2018-05-19"},
         {"organization": "CIS", "country": "KAZ", "role": "member", "start": "1991-12-21", "end": None}]
LEAVERS = FakeEvidence(memberships=UNION)


@pytest.mark.parametrize("text, expected", [
    ("On 18 August 2009 Georgia became the first state to pull out of the CIS.",
     "supported"),
    ("In 2018 Ukraine became the second state to leave the CIS.", "supported"),
    # a wrong rank with the right date: partly (a registry dating a departure otherwise could reorder them)
    ("In 2018 Ukraine became the first member to quit the CIS.", "partly supported"),
    # a wrong year stays a contradiction, whatever the rank
    ("In 2011 Georgia became the first member to exit the CIS.", "contradicted"),
])
def test_a_departure_with_its_rank_among_the_states_that_left(text, expected):
    got = [(v.claim.parsed.get("relation"), v.verdict) for v in check_text(text, "2020-01-01", evidence=LEAVERS)
           if v.type == "membership"]
    assert got == [("left", expected)]


def test_a_change_of_role_is_not_a_departure_in_the_rank():
    (v,) = [v for v in check_text("Georgia became the first country to leave the CIS in 2009.", "2020-01-01",
                                  evidence=LEAVERS) if v.type == "membership"]
    assert v.verdict == "supported" and "Turkmenistan" not in v.reason


def _finance(country, year, value):
    return [{"country": country, "partner": "CHN", "year": year, "source": "aiddata_gcdf3", "value": value / 2,
             "amount": amount, "flow_class": c} for amount in ("nominal", "adjusted") for c in ("ODA-like", "OOF-like")]


# Mongolia: 2 bn a year 2010-2012 (6 bn), 1 bn a year 2013-2016 (4 bn); face value = adjusted.
WINDOWS = FakeEvidence(finance=[*(r for y in (2010, 2011, 2012) for r in _finance("MNG", y, 2e9)),
                                *(r for y in (2013, 2014, 2015, 2016) for r in _finance("MNG", y, 1e9))])


@pytest.mark.parametrize("text, expected", [
    ("The first cabinet's term (2010-2012) drew the most Chinese development finance for Mongolia, $6 billion, ahead "
     "of the next cabinet (2013-2016) with $4 billion.", ["supported", "supported"]),
    ("The years 2010-2012 attracted Chinese loans to Mongolia, about $6 billion, against the later period "
     "(2013-2016) at $9 billion.", ["supported", "contradicted"]),
    ("The period 2013-2016 received Chinese development finance for Mongolia totalling $4 billion.", ["supported"]),
    ("The period 2010-2012 drew the most Chinese development finance for Mongolia, $3 billion.", ["contradicted"]),
])
def test_a_windows_total_as_the_object_of_drew_and_the_next_window_after_ahead_of(text, expected):
    got = [(v.claim.parsed["relation"], v.verdict) for v in check_text(text, "2024-01-10", evidence=WINDOWS)
           if v.type == "finance"]
    assert got == [("total", e) for e in expected]
