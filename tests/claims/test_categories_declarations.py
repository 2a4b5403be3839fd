"""Declarations and summits as real reporting states them (issue 11, round 2): which states a declaration names as
supporting an initiative (and who is 'the only member not to'), a quotation attributed to 'the declaration' of a
summit named by its city, summits listed as cities with years, and summits of an organization the summits list
does not hold. Made-up texts, members and summits on a FakeEvidence."""

from __future__ import annotations

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

MEMBERS = [{"organization": "SCO", "country": c, "role": "member", "start": "2001-06-15", "end": None}
           for c in ("CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB")] + \
    [{"organization": "SCO", "country": c, "role": "member", "start": "2017-06-09", "end": None} for c in ("IND", "PAK")]
SUMMITS = [{"year": y, "date": d, "host_city": c, "host_country": k} for y, d, c, k in (
    (2001, "2001-06-15", "Shanghai", "CHN"), (2018, "2018-06-10", "Qingdao", "CHN"),
    (2019, "2019-06-14", "Bishkek", "KGZ"), (2020, "2020-11-10", "Moscow", "RUS"))]
TEXT_2019 = ("The Member States stress the role of the SCO. The Republic of Kazakhstan, the Republic of Tajikistan, "
             "the Russian Federation and the Kyrgyz Republic reaffirm their support for the Northern Corridor Initiative "
             "proposed by Mongolia. They welcome cooperation in energy.")
EVIDENCE = FakeEvidence(memberships=MEMBERS, summits=SUMMITS, declarations={2019: (TEXT_2019, "https://example.org")})


def verdicts(text, date=None):
    return [(v.type, v.verdict) for v in check_text(text, date, evidence=EVIDENCE)]


def test_who_a_declaration_names_as_supporting_an_initiative():
    assert verdicts("Kazakhstan, Kyrgyzstan and Russia endorsed the Northern Corridor Initiative in the Bishkek "
                    "Declaration.") == [("endorsement", "supported")]
    assert verdicts("Uzbekistan refused to endorse the Northern Corridor Initiative in the Bishkek Declaration.") == \
        [("endorsement", "supported")]
    assert verdicts("Tajikistan did not support the Northern Corridor Initiative in the Bishkek Declaration.") == \
        [("endorsement", "contradicted")]


def test_the_only_member_not_to_endorse():
    # members in 2019: the founding six, India, Pakistan; named: KAZ, KGZ, RUS, TJK → UZB, IND, PAK, CHN did not
    text = "Uzbekistan was the only SCO member not to back the Northern Corridor Initiative in the Bishkek Declaration{}"
    assert verdicts(text.format(".")) == [("endorsement", "partly supported")]
    both = text.format("; all other members, Kazakhstan, Kyrgyzstan, Russia and Tajikistan, endorsed it.")
    assert verdicts(both) == [("endorsement", "partly supported"), ("endorsement", "supported")]


def test_a_quotation_from_the_declaration_of_the_summit_in_a_named_city():
    text = "Uzbekistan stayed out in Bishkek, where the declaration states 'the Republic of Kazakhstan, the Republic of " \
           "Tajikistan, the Russian Federation and the Kyrgyz Republic reaffirm their support for the Northern Corridor " \
           "Initiative proposed by Mongolia'."
    assert ("quote", "supported") in verdicts(text)


def test_summits_listed_as_cities_with_years():
    assert verdicts("SCO summits were held in Qingdao in 2018, Bishkek in 2019 and Moscow in 2020.") == \
        [("summit", "supported")]
    assert verdicts("SCO summits were held in Qingdao (2018) and Moscow (2019).") == [("summit", "partly supported")]


def test_summits_of_an_organization_the_list_does_not_hold_are_unverifiable():
    (v,) = check_text("The Shanghai Five held summits in Almaty in 1998 and Bishkek in 1999.", evidence=EVIDENCE)
    assert v.verdict == "unverifiable" and "Shanghai Five" in v.reason


ALLIANCES = [{"country": "MNG", "partner": p, "year": y, "source": "atop", "value": 1, "defense": d, "offense": False,
              "neutrality": False, "nonaggression": not d, "consultation": False}
             for y in (2010, 2015, 2018) for p, d in (("KOR", y >= 2015), ("JPN", False), ("KAZ", False))]


def alliance_verdicts(text, date=None):
    return [(v.claim.parsed["relation"], v.verdict) for v in
            check_text(text, date, evidence=FakeEvidence(alliances=ALLIANCES)) if v.type == "alliance"]


def test_alliances_from_atop_obligations():
    assert alliance_verdicts("The 2015 pact with South Korea is Mongolia's only formal military alliance.") == \
        [("only", "supported")]
    assert alliance_verdicts("Mongolia and Japan have a mutual defence treaty.") == [("pact", "contradicted")]
    assert alliance_verdicts("Mongolia has no military alliance with Kazakhstan.") == [("none", "supported")]
    assert alliance_verdicts("Mongolia and South Korea signed a defence pact in 2010.") == [("pact", "contradicted")]


def test_secret_or_reported_agreements_and_years_after_atop_are_unverifiable():
    (v,) = check_text("Reportedly, Mongolia and Japan secretly signed a mutual-defence agreement in 2016.",
                      evidence=FakeEvidence(alliances=ALLIANCES))
    assert v.verdict == "unverifiable" and ("secret" in v.reason.lower() or "reported" in v.reason.lower())
    (v,) = check_text("Mongolia and Japan signed a defence treaty in 2021.", evidence=FakeEvidence(alliances=ALLIANCES))
    assert v.verdict == "unverifiable" and "end in 2018" in v.reason


def test_the_nth_summit_s_host_and_an_accession_approved_at_a_summit():
    assert verdicts("The SCO's third summit, held in the Kyrgyz capital, was chaired by Russia.") == \
        [("summit", "contradicted")]  # in these made-up records the third meeting is Bishkek's
    assert verdicts("The SCO's 20th summit was chaired by Russia.") == [("summit", "unverifiable")]  # 4 held
    assert verdicts("The fourth SCO summit was hosted by Russia.") == [("summit", "supported")]
    assert verdicts("At the Bishkek summit, the leaders approved India's accession to the SCO.") == \
        [("membership", "contradicted")]  # India joined in 2017, not at the Bishkek summit of 2019


def test_a_year_s_host_and_how_many_times_a_state_hosted():
    assert verdicts("The 2019 summit was hosted by Kyrgyzstan.") == [("summit", "supported")]
    assert verdicts("The 2020 SCO summit was hosted online by China.") == [("summit", "contradicted")]
    assert verdicts("China has hosted the SCO summit twice.", "2024-01-01") == [("summit", "supported")]
    assert verdicts("China has hosted the SCO summit three times.", "2024-01-01") == [("summit", "contradicted")]


def test_the_n_th_summit_with_the_verb_that_says_where_it_met():
    # the fake list: Shanghai 2001 (1st), Qingdao 2018 (2nd), Bishkek 2019 (3rd), Moscow 2020 (4th)
    assert verdicts("The third SCO summit opened in Bishkek, with leaders of member states.") == \
        [("summit", "supported")]
    assert verdicts("The 2nd summit of the SCO took place in Qingdao.") == [("summit", "supported")]
    assert verdicts("The fourth SCO summit convened in Bishkek.") == [("summit", "contradicted")]


def test_the_leaders_who_signed_a_declaration_are_the_members_at_that_summit():
    eight = "Pakistan, India, Uzbekistan, Tajikistan, Kyrgyzstan, Kazakhstan, Russia and China"
    assert verdicts(f"The leaders of {eight} signed the Bishkek Declaration.") == [("membership", "supported")]
    assert verdicts("The presidents of China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan signed the "
                    "Moscow Declaration.") == [("membership", "partly supported")]  # India and Pakistan left out


TEXT_2020 = ("The Member States note that there is no alternative to resolving the dispute over the river basin through "
             "negotiations led by the riparian states themselves. The Member States will seek to develop joint "
             "standards for listing the territories affected by desertification.")
TEXTS = FakeEvidence(memberships=MEMBERS, summits=SUMMITS, declarations={2019: (TEXT_2019, "https://example.org"),
                                                                         2020: (TEXT_2020, "https://example.org")})


def text_verdicts(text, date=None):
    return [(v.type, v.verdict) for v in check_text(text, date, evidence=TEXTS)]


def test_what_a_declaration_said_in_reported_speech():
    assert text_verdicts("The Moscow Declaration said there is no alternative to resolving the dispute over the river "
                         "basin through negotiations led by the riparian states themselves.") == \
        [("declaration", "supported")]
    assert text_verdicts("The Moscow Declaration stated that the riparian states themselves must lead negotiations on "
                         "the dispute over the river basin.") == [("declaration", "unverifiable")]  # a paraphrase
    assert text_verdicts("The Moscow Declaration noted that the members would jointly launch a lunar observatory.") \
        == [("declaration", "contradicted")]


def test_a_notion_s_words_meet_across_inflections_and_a_commitment_counts_as_a_call():
    # 'developing ... standard ... list ... territory' against 'develop ... standards ... listing ... territories'
    assert text_verdicts("In the Moscow Declaration the members endorsed developing joint standards for listing "
                         "territory affected by desertification.") == [("declaration", "supported")]
