"""Dimension readers of round 7 (general rules, made-up sentences and figures on a FakeEvidence): a group's GDP after
an estimate word ('a combined GDP of an estimated $N'), a gap to another economy right after a GDP figure ('$N more
than B'), an adverb between a group and its share of the world ('already account for'), a membership that 'took
effect' on a date (the memberships of A and B, A's membership), founders named as 'the leaders of' states, 'set up'
as a founding verb, and a state that 'again declined to sign the paragraph backing' an initiative."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

# 2022 GDP (current dollars) and population of a made-up group, the EU and the world.
MACRO = {"KAZ": (300e9, 20e6), "UZB": (100e9, 35e6), "KGZ": (20e9, 7e6), "EUU": (250e9, 440e6),
         "WLD": (2_000e9, 8_000e6)}
MACRO_ROWS = [{"country": c, "year": 2022, "gdp_usd": g, "population": n, "source": "worldbank_wdi"}
              for c, (g, n) in MACRO.items()]
MEMBERS = [
    *({"organization": "EAEU", "country": c, "role": "member", "start": "2015-01-01", "end": None}
      for c in ("KAZ", "UZB", "KGZ")),
    *({"organization": "SCO", "country": c, "role": "member", "start": "2001-06-15", "end": None}
      for c in ("CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB")),
    {"organization": "SCO", "country": "IND", "role": "member", "start": "2017-06-09", "end": None},
    *({"organization": "BRICS", "country": c, "role": "member", "start": "2024-01-01", "end": None}
      for c in ("EGY", "ETH")),
    {"organization": "BRICS", "country": "SAU", "role": "invited", "start": "2024-01-01", "end": None},
    {"organization": "SCO", "country": "MNG", "role": "observer", "start": "2004-06-17", "end": None},
]
SUMMITS = [{"year": y, "date": d, "host_city": c, "host_country": k} for y, d, c, k in (
    (2001, "2001-06-15", "Shanghai", "CHN"), (2021, "2021-09-17", "Bishkek", "KGZ"))]
TEXT_2021 = ("The Member States stress the role of the SCO. The Republic of Kazakhstan, the Kyrgyz Republic and the "
             "Russian Federation reaffirm their support for the Southern Rail Initiative proposed by Tajikistan.")
EVIDENCE = FakeEvidence(macro=MACRO_ROWS, memberships=MEMBERS, summits=SUMMITS,
                        declarations={2021: (TEXT_2021, "https://example.org")})


def verdicts(text, date="2023-06-01", kind=None):
    return [(v.type, v.claim.parsed.get("unit") or v.claim.parsed.get("relation"), v.verdict)
            for v in check_text(text, date, evidence=EVIDENCE) if kind is None or v.type == kind]


@pytest.mark.parametrize("text, expected", [
    ("In 2022 the three EAEU members posted a combined GDP of an estimated $420 billion.", "supported"),
    ("In 2022 the three EAEU members posted a combined GDP of an estimated $600 billion.", "contradicted"),
    ("Kazakhstan's GDP was approximately $300 billion in 2022.", "supported"),
])
def test_an_estimate_word_before_a_gdp_figure(text, expected):
    assert verdicts(text, kind="macro") == [("macro", "USD", expected)]


@pytest.mark.parametrize("text, expected", [
    # 300 - 100 = 200 billion
    ("Kazakhstan's GDP was $300 billion in 2022, about $200 billion more than Uzbekistan.", "supported"),
    ("Kazakhstan's GDP was $300 billion in 2022, some $50 billion more than Uzbekistan's.", "contradicted"),
    # the sign: Uzbekistan's is smaller, so 'less than' holds and 'more than' does not
    ("Uzbekistan's GDP was $100 billion in 2022, about $200 billion less than Kazakhstan.", "supported"),
    ("Uzbekistan's GDP was $100 billion in 2022, about $200 billion more than Kazakhstan.", "contradicted"),
    # a group summed against the EU: 420 - 250 = 170 billion
    ("The EAEU states had a combined GDP of $420 billion in 2022, about $170 billion more than the European Union.",
     "supported"),
])
def test_a_gap_to_another_economy_after_a_gdp_figure(text, expected):
    assert verdicts(text, kind="macro")[-1] == ("macro", "difference", expected)


def test_a_gap_to_a_state_without_figures_is_unverifiable():
    assert verdicts("Kazakhstan's GDP was $300 billion in 2022, about $250 billion more than Turkmenistan.",
                    kind="macro")[-1] == ("macro", "difference", "unverifiable")


@pytest.mark.parametrize("text, expected", [
    ("EAEU states already account for 21% of global GDP.", "supported"),  # 420 / 2000
    ("EAEU states now account for 40% of global GDP.", "contradicted"),
    ("The EAEU members together still account for 21% of the world's GDP.", "supported"),
])
def test_an_adverb_before_a_group_s_share_of_the_world(text, expected):
    assert verdicts(text, kind="macro") == [("macro", "share of world", expected)]


@pytest.mark.parametrize("text, expected", [
    ("The BRICS memberships of Ethiopia and Egypt formally took effect on 1 January 2024.", "supported"),
    ("The BRICS memberships of Egypt and Ethiopia took effect on 1 January 2023.", "contradicted"),
    ("Egypt's BRICS membership took effect on 1 January 2024.", "supported"),
    ("The observer status of Mongolia in the SCO took effect in 2004.", "supported"),
])
def test_a_membership_that_took_effect(text, expected):
    assert verdicts(text, date=None, kind="membership") == [("membership", "joined", expected)]


def test_a_membership_that_took_effect_for_an_invited_state_is_not_all_supported():
    got = verdicts("The BRICS memberships of Saudi Arabia and Egypt took effect on 1 January 2024.", date=None,
                   kind="membership")
    assert got and got[0][2] != "supported"


@pytest.mark.parametrize("text, expected", [
    ("The SCO was set up in 2001 by the heads of state of Russia, China, Kyrgyzstan, Kazakhstan, Uzbekistan and "
     "Tajikistan.",
     "supported"),
    ("The SCO was set up in 2001 by the presidents of China, Russia, Kazakhstan and Uzbekistan.", "partly supported"),
    ("The SCO was founded by the heads of state of China, Russia and India.", "contradicted"),
])
def test_founders_named_as_their_leaders(text, expected):
    assert [v for v in verdicts(text, date=None, kind="membership")] == [("membership", "founders", expected)]


def test_set_up_is_a_founding_verb():
    assert verdicts("The SCO was set up in 2001.", date=None) == [("founding", None, "supported")]
    assert verdicts("The SCO was set up in 1999.", date=None) == [("founding", None, "contradicted")]


@pytest.mark.parametrize("text, expected", [
    ("Uzbekistan again declined to sign the paragraph backing the Southern Rail Initiative in the Bishkek "
     "Declaration.", "supported"),
    ("Russia once again declined to sign the passage supporting the Southern Rail Initiative in the Bishkek "
     "Declaration.", "contradicted"),
])
def test_declining_to_sign_the_paragraph_backing_an_initiative(text, expected):
    assert [v[2] for v in verdicts(text, kind="endorsement")] == [expected]


def test_a_world_gdp_ranking_judges_each_amount_and_says_the_places_are_not_rebuilt():
    text = ("On GDP, the World Bank's 2022 table has Kazakhstan ranked 50th with $300 billion, ahead of Uzbekistan "
            "($100 billion, 80th) and Kyrgyzstan ($55 billion, 140th).")
    got = verdicts(text, kind="macro")
    assert got == [("macro", "USD", "supported"), ("macro", "world rank", "unverifiable"),
                   ("macro", "USD", "supported"), ("macro", "world rank", "unverifiable"),
                   ("macro", "USD", "contradicted"), ("macro", "world rank", "unverifiable")]


def test_a_place_with_an_amount_outside_a_gdp_ranking_is_not_read_as_one():
    assert verdicts("Kazakhstan ranks 50th with $300 billion of exports.", kind="macro") == []


TEXTS = FakeEvidence(memberships=MEMBERS, summits=SUMMITS + [
    {"year": 2020, "date": "2020-11-10", "host_city": "Moscow", "host_country": "RUS"}], declarations={
    2020: ("The Member States oppose protectionism and stand for openness of markets.", "https://example.org"),
    2021: ("The Member States oppose protectionism and unilateralism and stand for open markets.",
           "https://example.org")})


def term_verdicts(text):
    return [(v.claim.parsed["notion"], v.claim.parsed["documents"][0][1], v.verdict)
            for v in check_text(text, None, evidence=TEXTS) if v.type == "declaration"]


def test_a_quoted_term_is_the_declaration_s_named_right_before_the_verb():
    got = term_verdicts("The Bishkek Declaration has 'unilateralism' where the Moscow Declaration had 'openness'.")
    assert got == [("unilateralism", "Bishkek", "supported"), ("openness", "Moscow", "supported")]
    # a city standing for its summit's declaration; the verb without its own subject is the sentence's declaration's
    got = term_verdicts("The Bishkek Declaration repeats the Moscow wording on markets, but has 'unilateralism' where "
                        "Moscow had 'openness'.")
    assert got == [("unilateralism", "Bishkek", "supported"), ("openness", "Moscow", "supported")]


def test_a_quoted_term_the_declaration_does_not_have():
    assert term_verdicts("The Moscow Declaration uses the word 'unilateralism'.") == \
        [("unilateralism", "Moscow", "contradicted")]
    assert term_verdicts("The Moscow Declaration does not use the word 'unilateralism'.") == \
        [("unilateralism", "Moscow", "supported")]


@pytest.mark.parametrize("text, date, expected", [
    ("Kyrgyzstan's President Ivan Examplov is chairing the meeting of the heads of state.", "2021-09-17", "supported"),
    ("Kazakhstan's President is chairing this year's summit.", "2021-09-17", "contradicted"),  # Kyrgyzstan hosts
    ("China chaired the summit in 2001.", None, "supported"),
])
def test_the_state_chairing_the_year_s_summit_is_its_host(text, date, expected):
    got = [(v.type, v.claim.parsed.get("relation"), v.verdict) for v in check_text(text, date, evidence=EVIDENCE)]
    assert got == [("summit", "host", expected)]


def test_chairing_another_organization_s_meeting_is_not_the_summit_s_host():
    got = check_text("Kyrgyzstan's President chaired the CSTO session in 2021.", None, evidence=EVIDENCE).claims
    assert all(v.type != "summit" for v in got)


def test_a_summit_s_final_document_is_its_declaration():
    said = "The final document of the 2021 Bishkek summit says: '{}'."
    got = [(v.type, v.verdict) for v in check_text(said.format("The Member States oppose protectionism and "
                                                               "unilateralism"), None, evidence=TEXTS)]
    assert got == [("quote", "supported")]
    got = [(v.type, v.verdict) for v in check_text(said.format("The Member States welcome tariffs on every import"),
                                                   None, evidence=TEXTS)]
    assert got and got[0][1] != "supported"
