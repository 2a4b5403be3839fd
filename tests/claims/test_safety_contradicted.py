"""The safety rule of issue 11, kind by kind: never a "contradicted" unless the evidence is the thing the claim names.
A loose match (a rewording of a declaration, a vote found by its topic alone, an ordinal that two counts or two
organizations could own, a rank or share over another period, flow, unit or scope) is unverifiable with its reason.
Made-up texts, sentences and figures on FakeEvidence: each verdict follows from what is written here."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

SUMMITS = [{"year": y, "date": f"{y}-06-15", "host_city": c, "host_country": k} for y, c, k in (
    (2001, "Shanghai", "CHN"), (2002, "Saint Petersburg", "RUS"), (2003, "Moscow", "RUS"), (2004, "Tashkent", "UZB"))]
TEXT_2004 = ("The Member States consider it essential to keep the river basins of the region free of pollution and "
             "call for joint monitoring of water quality by the competent authorities. The Member States underline "
             "the importance of regularly holding the joint anti-terrorist command and staff exercises of their "
             "armed forces. They oppose the unilateral and unlimited deployment of space weapons by certain states. "
             "They call for a stronger and more effective World Customs Organization (WCO) and its reform. "
             "The Member States welcome cooperation in tourism, culture and education.")
EVIDENCE = FakeEvidence(summits=SUMMITS, declarations={2004: (TEXT_2004, "https://example.org/2004")})


def verdicts(text, date="2004-07-01", evidence=EVIDENCE):
    return [(v.type, v.verdict) for v in check_text(text, date, evidence=evidence)]


# --- declarations and quotations ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Tashkent Declaration said the members want the region's river basins kept clean through joint checks of "
    "water quality by competent authorities.",
    "The Tashkent Declaration stated that certain states should not deploy space weapons unilaterally.",
])
def test_a_paraphrase_whose_words_are_mostly_in_the_text_is_never_contradicted(text):
    assert verdicts(text) and all(v != "contradicted" for _, v in verdicts(text))


def test_a_reworded_quotation_is_partly_supported_and_an_absent_one_contradicted():
    reworded = 'The Tashkent Declaration reads: "The Member States deem it essential that the region\'s river ' \
               'basins stay free of pollution, with joint monitoring of the quality of water."'
    assert verdicts(reworded) == [("quote", "partly supported")]
    absent = 'The Tashkent Declaration reads: "The parties will jointly build a railway to the northern seaports."'
    assert verdicts(absent) == [("quote", "contradicted")]


def test_a_declaration_s_several_clauses_are_judged_one_by_one():
    text = ("In the Tashkent Declaration the members urged a stronger WCO and its reform, underlined regular joint "
            "anti-terrorist exercises, and condemned the deployment of space weapons by certain states.")
    assert verdicts(text) == [("declaration", "supported")] * 3
    wrong = ("In the Tashkent Declaration the members called for a joint monitoring of water quality, and denounced "
             "the construction of lunar mining colonies.")
    assert verdicts(wrong) == [("declaration", "supported"), ("declaration", "contradicted")]


# --- UN votes -------------------------------------------------------------------------------------------------------

ROLL_CALLS = [{"rcid": 7, "session": 58, "year": 2003, "date": "2003-12-01", "unres": "A/RES/58/90",
               "short": "Fisheries in the Omega archipelago", "descr": "Fisheries in the Omega archipelago",
               "yes": 90, "no": 20, "abstain": 40}]
VOTES = [{"rcid": 7, "country": "KAZ", "vote": 1}, {"rcid": 7, "country": "RUS", "vote": 2}]
VOTE_EVIDENCE = FakeEvidence(roll_calls=ROLL_CALLS, votes=VOTES)


def test_a_vote_matched_by_topic_but_not_by_its_tally_is_another_vote():
    text = "Russia voted in favour of the resolution on fisheries in the Omega archipelago, adopted by {}."
    (v,) = check_text(text.format("131 votes to 3 with 11 abstentions"), "2004-01-01", evidence=VOTE_EVIDENCE)
    assert v.verdict == "unverifiable" and "another vote" in v.reason
    (v,) = check_text(text.format("90 votes to 20 with 40 abstentions"), "2004-01-01", evidence=VOTE_EVIDENCE)
    assert v.verdict == "contradicted"  # the tally names this vote: Russia voted against it


# --- summits --------------------------------------------------------------------------------------------------------

def ordinals(text):
    return [v.verdict for v in check_text(text, "2004-07-01", evidence=EVIDENCE)
            if v.type == "summit" and v.claim.parsed["relation"] == "ordinal"]


def test_an_ordinal_is_contradicted_only_when_no_count_in_use_gives_it():
    assert ordinals("The 4th SCO summit was held in Tashkent in 2004.") == ["supported"]  # counted from 2001
    assert ordinals("The 9th SCO summit was held in Tashkent in 2004.") == ["supported"]  # with the Shanghai Five
    assert ordinals("Leaders gathered in Tashkent on 15 June 2004 for what was the 6th annual SCO summit.") \
        == ["contradicted"]  # neither 4 nor 9


def test_the_ordinal_of_another_organization_named_in_the_sentence_is_not_the_sco_s():
    (v,) = check_text("The 4th session of the Heads of State Council of the SCO took place in 2004, the year of the "
                      "CIS's 12th summit.", "2004-07-01", evidence=EVIDENCE)
    assert v.verdict == "supported"  # the 12th is the CIS's, never read as the SCO's
    (v,) = check_text("The 9th BRICS summit was held in 2004.", "2004-07-01", evidence=EVIDENCE)
    assert v.verdict == "unverifiable" and "BRICS" in v.reason


# --- ranks, shares, totals ------------------------------------------------------------------------------------------

RANKS = [{"country": "TJK", "partner": p, "year": 2022, "flow": "turnover", "source": "national_tj", "value": i + 1,
          "partner_value": v, "n_partners": 3} for i, (p, v) in enumerate((("RUS", 3e9), ("CHN", 2e9), ("KAZ", 1e9)))]
ARMS = [{"country": "TJK", "partner": p, "year": 2022, "source": "sipri_at", "value": v / 100, "partner_value": v,
         "total_value": 100, "window": 5, "window_years": 5} for p, v in (("RUS", 80), ("CHN", 20))]
RANK_EVIDENCE = FakeEvidence(ranks=RANKS, arms=ARMS)


@pytest.mark.parametrize("text, why", [
    ("Kazakhstan was Tajikistan's largest trading partner in the first nine months of 2022.", "partial-year"),
    ("In fiscal year 2021-22 Kazakhstan became Tajikistan's largest trading partner.", "fiscal"),
    ("Tajikistan was the world's largest arms importer in 2018-2022.", "world"),
])
def test_a_rank_over_another_period_or_scope_is_unverifiable(text, why):
    result = check_text(text, "2023-06-01", evidence=RANK_EVIDENCE)
    assert result and all(v.verdict == "unverifiable" for v in result)
    assert any(why in v.reason for v in result)


def test_a_part_of_a_year_on_the_partner_s_record_alone_never_contradicts_the_country_s_own_figure():
    # only Kazakhstan's monthly record of its trade with Russia is held: Jan-Mar 1.0 bn a month in both years (flat)
    evidence = FakeEvidence(monthly={("KAZ", "RUS", "turnover", "national_kz"): {
        (y, m): 1.0e9 for y in (2019, 2020) for m in range(1, 13)}})
    (v,) = check_text("Russia's trade with Kazakhstan grew 15% in the first quarter of 2020.", evidence=evidence)
    assert v.verdict == "unverifiable" and "Kazakhstan's record" in v.reason
    (v,) = check_text("Kazakhstan's trade with Russia grew 15% in the first quarter of 2020.", evidence=evidence)
    assert v.verdict == "contradicted"  # the country's own record of the same months
