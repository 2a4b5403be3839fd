"""Dims round 11: general rules on UN vote claims, on made-up roll calls (FakeEvidence).

- a tally whose verb and counts have the thing voted on between them ('adopted the Zeta-drafted motion 90 to 20,
  with 40 abstentions') is read, in a sentence that names only 'the Assembly';
- a vote dated by day and month alone ('On May 9 ...') is a vote of the article's year: a roll call of another
  year on the same subject, even with a close tally, is another vote (unverifiable, never judged on it)."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.reading.votes import month_without_year, tally_in

ROLL_CALLS = [
    {"rcid": 201, "session": 70, "year": 2016, "date": "2016-05-10", "unres": "A/RES/70/500",
     "short": "Return of refugees to the Zeta valley, Moldova : resolution", "descr": None,
     "yes": 90, "no": 20, "abstain": 40},
    {"rcid": 202, "session": 74, "year": 2019, "date": "2019-12-10", "unres": "A/RES/74/90",
     "short": "Oceans and the law of the sea", "descr": None, "yes": 150, "no": 1, "abstain": 2},
]


def evidence():
    from multipolar.claims.fake_evidence import FakeEvidence

    return FakeEvidence(roll_calls=ROLL_CALLS, votes=[])


def judged(text, date):
    return [(v.type, v.verdict) for v in check_text(text, date, evidence=evidence())]


def test_a_tally_after_the_thing_voted_on_is_read():
    assert tally_in("The Assembly adopted the Zeta-drafted motion 90 to 20, with 40 abstentions.") == \
        {"yes": 90, "no": 20, "abstain": 40}
    assert tally_in("The council adopted the plan in 2016 with 90 percent support.") == {}


def test_the_assembly_alone_names_the_voting_body():
    text = "The Assembly adopted the Zeta-valley text 90 to 20, with 40 abstentions."
    assert judged(text, "2016-05-12") == [("votes", "supported")]
    wrong = "The Assembly adopted the Zeta-valley text 60 to 45, with 40 abstentions."
    assert ("votes", "contradicted") not in judged(wrong, "2016-05-12")  # another tally: another vote, not a wrong one


def test_day_and_month_alone_is_the_articles_year():
    assert month_without_year("On May 9 the Assembly passed it.") == 5
    assert month_without_year("On 9 May the Assembly passed it.") == 5
    assert month_without_year("On May 9, 2016 the Assembly passed it.") is None
    text = ("On May 9 the General Assembly passed the resolution on the return of refugees to the Zeta valley by 90 "
            "votes to 20, with 40 abstentions.")
    assert judged(text, "2016-05-12") == [("votes", "supported")]  # the article's year holds the vote
    got = judged(text, "2019-05-12")  # three years on: the 2016 roll call is another vote
    assert got == [("votes", "unverifiable")]


def _arms_rows(country, end, window, values: dict):
    total = sum(values.values())
    return [{"country": country, "partner": p, "year": end, "source": "sipri_at", "value": v / total,
             "partner_value": v, "total_value": total, "window": window, "window_years": window}
            for p, v in values.items()]


# Mongolia 2014-2018 (made up): Russia 500, China 300, Turkey 200 TIV -> Russia 50%.
ARMS = _arms_rows("MNG", 2018, 5, {"RUS": 500, "CHN": 300, "TUR": 200})


def arms_verdicts(text):
    from multipolar.claims.fake_evidence import FakeEvidence

    return [(v.type, v.verdict) for v in check_text(text, "2019-03-11", evidence=FakeEvidence(arms=ARMS))]


def test_a_share_of_all_of_a_recipients_arms_imports_is_read():
    assert arms_verdicts("Russia supplied 50 percent of all Mongolian arms imports in 2014-2018.") == \
        [("arms", "supported")]
    assert arms_verdicts("Russia provided 50% of all of Mongolia's arms imports in 2014-2018.") == \
        [("arms", "supported")]
    assert arms_verdicts("Turkey supplied 50 percent of all Mongolian arms imports in 2014-2018.") == \
        [("arms", "contradicted")]  # 20% recorded for the same window, recipient and measure


def _arms_changes(text):
    from multipolar.claims import parse_claims

    return [(c.parsed["relation"], c.parsed["supplier"], c.parsed["recipient"], c.parsed["value"], c.parsed["years"],
             c.parsed["base_years"]) for c in parse_claims(text) if c.type == "arms"]


def test_exports_of_weapons_compared_between_windows_is_an_arms_change():
    assert _arms_changes("Mongolia's exports of conventional weapons in 2010-2014 were 40% higher than in 2005-2009.") \
        == [("change", ["MNG"], ["WLD"], 40.0, [2010, 2014], [2005, 2009])]
    assert _arms_changes("Mongolia's imports of major arms in 2010-2014 were 15% lower than in 2005-2009.") \
        == [("change", ["WLD"], ["MNG"], -15.0, [2010, 2014], [2005, 2009])]
    # exports of anything else are not arms transfers
    assert _arms_changes("Mongolia's exports of copper in 2010-2014 were 40% higher than in 2005-2009.") == []


# 2021 (made up): three EAEU states with 62 of the world's 1,000 million people (6.2%) and 280 of its 1,000 billion
# dollars of GDP (28%).
_MACRO = {"KAZ": (200e9, 20e6), "UZB": (70e9, 35e6), "KGZ": (10e9, 7e6), "WLD": (1_000e9, 1_000e6)}
_MACRO_ROWS = [{"country": c, "year": 2021, "gdp_usd": g, "population": n, "source": "worldbank_wdi"}
               for c, (g, n) in _MACRO.items()]
_MEMBERS = [{"organization": "EAEU", "country": c, "role": "member", "start": "2015-01-01", "end": None}
            for c in ("KAZ", "UZB", "KGZ")]


def macro_verdicts(text):
    from multipolar.claims.fake_evidence import FakeEvidence

    ev = FakeEvidence(macro=_MACRO_ROWS, memberships=_MEMBERS)
    return [(v.claim.parsed.get("measure"), v.verdict) for v in check_text(text, "2022-06-01", evidence=ev)
            if v.type == "macro"]


@pytest.mark.parametrize("text, expected", [
    # an adverb between the verb and "home to"; "the people on earth" is the world's population
    ("The EAEU states are now home to 6 percent of the people on earth.", [("population", "supported")]),
    ("The EAEU states are still home to 20 percent of the people in the world.", [("population", "contradicted")]),
    # a second share after "and" with its own verb
    ("The EAEU members are home to about 6% of the world's population and produce 28% of world GDP.",
     [("population", "supported"), ("gdp", "supported")]),
    ("The EAEU members hold 6% of the world's population and generate 50% of global GDP.",
     [("population", "supported"), ("gdp", "contradicted")]),
])
def test_a_group_s_share_of_the_world_in_more_phrasings(text, expected):
    assert macro_verdicts(text) == expected


def test_people_on_earth_needs_a_share_of_them():
    # a count of people is not a share of the world's
    assert ("population", "contradicted") not in macro_verdicts("The EAEU states are home to people on earth.")


# --- endorsements: 'sign off on the paragraph backing X', 'A alone (among ...) did not back X', a declaration
# named by its city with a lower-case 'declaration' -----------------------------------------------------------------
_DECL_TEXT = ("Kyrgyzstan, Russia and Uzbekistan restate that they back China's Belt and Road Initiative and will work on "
              "its implementation. " + "The Member States will continue to strengthen cooperation against terrorism. "
              * 30)
_SCO = [{"organization": "SCO", "country": c, "role": "member", "start": "2001-06-15", "end": None}
        for c in ("CHN", "KGZ", "RUS", "UZB", "IND")]
_SUMMITS = [{"year": 2019, "date": "2019-06-14", "host_city": "Bishkek", "host_country": "KGZ"}]


def endorsement_verdicts(text):
    from multipolar.claims.fake_evidence import FakeEvidence

    ev = FakeEvidence(memberships=_SCO, summits=_SUMMITS, declarations={2019: (_DECL_TEXT, "https://example.org")})
    return [(v.type, v.claim.parsed.get("relation"), v.verdict) for v in check_text(text, "2019-07-01", evidence=ev)
            if v.type in ("endorsement", "declaration")]


@pytest.mark.parametrize("text, expected", [
    ("India declined to sign off on the paragraph backing the Belt and Road Initiative in the Bishkek declaration.",
     [("endorsement", "not", "supported")]),
    ("Russia declined to sign off on the paragraph backing the Belt and Road Initiative in the Bishkek declaration.",
     [("endorsement", "not", "contradicted")]),
    ("India alone among the SCO members did not back China's BRI in the Bishkek declaration.",
     [("endorsement", "only not", "supported")]),
    ("Uzbekistan alone among the SCO members did not back China's BRI in the Bishkek declaration.",
     [("endorsement", "only not", "contradicted")]),
    ("The Bishkek declaration mentioned terrorism.", [("declaration", None, "supported")]),
])
def test_endorsements_in_more_phrasings(text, expected):
    assert endorsement_verdicts(text) == expected


def test_the_leaders_at_a_summit_speak_in_its_declaration_never_contradicted_on_absence():
    assert endorsement_verdicts("At the Bishkek summit the five SCO leaders condemned terrorism.") == \
        [("declaration", None, "supported")]
    got = endorsement_verdicts("At the Bishkek summit the leaders condemned piracy on the high seas.")
    assert got and all(v == "unverifiable" for _, _, v in got)  # may be in another of the summit's documents
    assert endorsement_verdicts("At the Bishkek summit, the host's president condemned terrorism.") == []


_CIS = [{"organization": "CIS", "country": "TKM", "role": "member", "start": "1991-12-21", "end": "2005-08-26"},
        {"organization": "CIS", "country": "TKM", "role": "associate", "start": "2005-08-26", "end": None},
        {"organization": "CIS", "country": "KAZ", "role": "member", "start": "1991-12-21", "end": None}]


@pytest.mark.parametrize("text, expected", [
    ("Turkmenistan has been only an associate member of the CIS since 2005.", "supported"),
    ("Turkmenistan has been just an associate member of the CIS since 2012.", "contradicted"),  # another year
    ("Kazakhstan has been merely an associate member of the CIS since 2005.", "contradicted"),  # never associate
])
def test_only_an_associate_member_since_a_year(text, expected):
    from multipolar.claims.fake_evidence import FakeEvidence

    got = [v.verdict for v in check_text(text, "2019-10-11", evidence=FakeEvidence(memberships=_CIS))
           if v.type == "membership"]
    assert got == [expected]


def test_another_organization_s_summit_is_not_looked_up_as_an_sco_summit():
    from multipolar.claims.fake_evidence import FakeEvidence

    ev = FakeEvidence(memberships=[{"organization": "BRICS", "country": "RUS", "role": "member", "start": "2009-06-16",
                                    "end": None}], summits=_SUMMITS)  # Bishkek: an SCO summit, not a BRICS one
    got = [(v.verdict, v.reason) for v in check_text("Bolivia and Cuba became BRICS partner states at the Bishkek "
                                                     "summit.", "2019-07-01", evidence=ev) if v.type == "membership"]
    assert got and got[0][0] == "unverifiable" and "SCO summits only" in got[0][1]


_PARTNERS = [{"organization": "BRICS", "country": c, "role": "partner", "start": "2025-01-01", "end": None}
             for c in ("BOL", "CUB")] + \
    [{"organization": "BRICS", "country": "RUS", "role": "member", "start": "2009-06-16", "end": None}]


@pytest.mark.parametrize("text, expected", [
    # a "partner country/state" is the partner role, never judged as a full member
    ("Bolivia became a BRICS partner country in 2025.", "supported"),
    ("Cuba became a BRICS partner state on 1 January 2025.", "supported"),
    ("Cuba became a BRICS partner state in 2023.", "contradicted"),  # the role's year differs
])
def test_a_partner_country_is_the_partner_role(text, expected):
    from multipolar.claims.fake_evidence import FakeEvidence

    got = [v.verdict for v in check_text(text, "2025-02-01", evidence=FakeEvidence(memberships=_PARTNERS))
           if v.type == "membership"]
    assert got == [expected]
