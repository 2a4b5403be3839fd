"""Round 8 of the trade readers, one family of phrasings per rule: a country inside an event phrase is no party; a
clause set against the one before takes that clause's period, never its change's base; a crossover told as a rank
gained; a rank clause continued by the pair's figures ('with trade up N% to $X'); an amount naming its own flow
inside a turnover. Made-up sentences and made-up figures stated here, so each verdict follows from the numbers in
the test."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

# Made-up: Mongolia's own figures (a statistics office's series) for its trade with China and with Russia.
EV = FakeEvidence(trade={
    ("MNG", "CHN", "export", "national_mn"): {2021: 2.0e9, 2022: 4.2e9},
    ("MNG", "CHN", "import", "national_mn"): {2021: 1.0e9, 2022: 2.9e9},
    ("MNG", "CHN", "turnover", "national_mn"): {2018: 6.0e9, 2019: 5.0e9, 2020: 4.0e9, 2021: 3.0e9, 2022: 7.1e9},
    ("MNG", "RUS", "turnover", "national_mn"): {2018: 9.0e9, 2019: 8.0e9, 2020: 5.0e9, 2021: 6.0e9, 2022: 5.0e9},
    ("MNG", "RUS", "export", "national_mn"): {2021: 1.0e9, 2022: 1.5e9},
})


def verdicts(text, evidence=EV, date="2024-06-01"):
    return check_text(text, date, evidence=evidence)


# --- a country inside an event phrase dates the claim; it is never a party of it ---------------------------------

@pytest.mark.parametrize("text", [
    "In 2022, a year marked by the full-scale invasion of Ukraine, Mongolia's exports to China more than doubled.",
    "In 2022, the year of the war in Ukraine, Mongolia's exports to China more than doubled.",
    "In 2022, the year of Russia's invasion of Ukraine, Mongolia's exports to China more than doubled.",
    "In 2022, amid the conflict in Ukraine, Mongolia's exports to China more than doubled.",
])
def test_a_country_inside_an_event_phrase_is_not_a_party(text):
    found = [v for v in verdicts(text) if v.type == "multiple"]
    assert len(found) == 1, [(v.type, v.claim.payload) for v in verdicts(text)]
    p = found[0].claim.payload
    assert (p.country, p.partner, p.flow) == (("MNG",), ("CHN",), "export")
    assert found[0].verdict == "supported", found[0].reason  # 4.2 / 2.0 = x2.1, more than doubled


def test_a_country_named_as_a_party_stays_a_party():
    found = [v for v in verdicts("In 2022 Mongolia's exports to Russia rose 50%.") if v.type == "change"]
    assert [v.claim.payload.partner for v in found] == [("RUS",)]
    assert found[0].verdict == "supported", found[0].reason  # 1.0 -> 1.5 bn


# --- a clause set against the one before takes its period, not the base year of its change -----------------------

@pytest.mark.parametrize("text", [
    "Mongolia's trade with China rose 137% in 2022 to $7.1 billion from $3 billion in 2021, while its exports to "
    "China grew 110%.",
    "Mongolia's trade with China rose 137% in 2022 compared with 2021, while its exports to China grew 110%.",
    "Mongolia's trade with China rose 137% in 2022 against 2021, whereas its exports to China grew 110%.",
])
def test_the_clause_before_gives_its_period_not_its_base(text):
    found = [v for v in verdicts(text) if v.type == "change"]
    assert len(found) == 2, [(v.type, v.claim.payload) for v in verdicts(text)]
    later = found[-1]
    assert (later.claim.payload.flow, later.claim.payload.year, later.claim.payload.base_year) == ("export", 2022, 2021)
    assert later.verdict == "supported", later.reason  # 2.0 -> 4.2 bn = +110%


def test_the_clause_before_without_a_base_keeps_its_year():
    text = "Mongolia's trade with China fell 20% in 2020, while its trade with Russia fell 37.5%."
    found = [v for v in verdicts(text) if v.type == "change"]
    assert [(v.claim.payload.year, v.verdict) for v in found] == [(2020, "supported"), (2020, "supported")]


# --- a crossover told as a rank gained ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("China overtook Russia in 2022 to become Mongolia's main trading partner.", "supported"),
    ("China passed Russia in 2022, becoming Mongolia's largest trade partner.", "supported"),
    ("In 2022 China moved ahead of Russia into first place in Mongolia's foreign trade.", "supported"),
    ("China surpassed Russia in 2022 to take the top spot in Mongolia's trade.", "supported"),
    # the figures say 2022, not 2019 (Russia ahead every year before): a wrong year is contradicted
    ("China overtook Russia in 2019 to become Mongolia's main trading partner.", "contradicted"),
    # the other way round: Russia never passes China after being behind
    ("Russia overtook China in 2022 to become Mongolia's main trading partner.", "contradicted"),
])
def test_a_crossover_told_as_a_rank_gained(text, expected):
    found = [v for v in verdicts(text) if v.type == "crossover"]
    assert len(found) == 1, [(v.type, v.text) for v in verdicts(text)]
    assert found[0].verdict == expected, found[0].reason


def test_a_crossover_in_a_near_tie_is_only_partly_supported():
    tie = FakeEvidence(trade={("MNG", "CHN", "turnover", "national_mn"): {2020: 4.0e9, 2021: 5.9e9},
                              ("MNG", "RUS", "turnover", "national_mn"): {2020: 5.0e9, 2021: 6.0e9}})
    text = "Russia moved ahead of China in 2021 into first place in Mongolia's foreign trade."
    found = [v for v in verdicts(text, tie) if v.type == "crossover"]
    assert [v.verdict for v in found] == ["partly supported"], [v.reason for v in found]


def test_the_figures_after_a_rank_gained_are_still_read():
    text = "China overtook Russia in 2022 to become Mongolia's main trading partner, with trade of $7.1 billion."
    types = [v.type for v in verdicts(text)]
    assert "crossover" in types and "level" in types, types


# --- a rank clause continued by the pair's figures ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "China was Mongolia's top trading partner in 2022, with trade up 137% to $7.1 billion.",
    "China remained Mongolia's largest trading partner in 2022, with trade rising 137% to $7.1 billion.",
    "China became Mongolia's main trade partner in 2022, with turnover up 137% to $7.1 billion.",
])
def test_a_rank_clause_continued_by_the_pairs_figures(text):
    found = {v.type: v for v in verdicts(text) if v.type in ("change", "level")}
    assert set(found) == {"change", "level"}, [(v.type, v.text) for v in verdicts(text)]
    for v in found.values():
        assert (v.claim.payload.country, v.claim.payload.partner) == (("MNG",), ("CHN",))
        assert v.verdict == "supported", v.reason  # 3.0 -> 7.1 bn = +137%


def test_a_wrong_figure_after_a_rank_clause_is_contradicted_on_the_pairs_own_figures():
    text = "China was Mongolia's top trading partner in 2022, with trade up 40% to $7.1 billion."
    change = [v for v in verdicts(text) if v.type == "change"]
    assert [v.verdict for v in change] == ["contradicted"], [v.reason for v in change]


# --- an amount naming its own flow inside a turnover --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Mongolia's trade with China reached $7.1 billion in 2022: $4.2 billion of exports and $2.9 billion of imports.",
    "Mongolia's trade with China reached $7.1 billion in 2022, including $4.2 billion in exports and $2.9 billion "
    "in imports.",
])
def test_an_amount_naming_its_flow_inside_a_turnover(text):
    found = [v for v in verdicts(text) if v.type == "level"]
    assert [(v.claim.payload.flow, v.verdict) for v in found] == [
        ("turnover", "supported"), ("export", "supported"), ("import", "supported")], [v.reason for v in found]


# --- a first place in a near-tie is only partly a first place (the one lead rule); the top of a list ---------------

def _ranks(values, year=2022):
    """Made-up partner lists of Mongolia's statistics office: {partner: trade}, ranked by value."""
    ordered = sorted(values.items(), key=lambda kv: -kv[1])
    return [{"country": "MNG", "partner": p, "flow": "turnover", "year": year, "source": "national_mn", "value": k + 1,
             "partner_value": v, "n_partners": len(ordered)} for k, (p, v) in enumerate(ordered)]


CLEAR = FakeEvidence(ranks=_ranks({"CHN": 7.0e9, "RUS": 5.0e9, "KOR": 1.0e9, "JPN": 1.0e9}))      # 50% vs 36%
TIE = FakeEvidence(ranks=_ranks({"CHN": 5.2e9, "RUS": 5.0e9, "KOR": 2.0e9, "JPN": 1.8e9}))        # 37.1% vs 35.7%


@pytest.mark.parametrize("text", [
    "China was Mongolia's largest trading partner in 2022.",
    "Customs data put China at the top of Mongolia's trading partners in 2022.",
    "China topped the list of Mongolia's trading partners in 2022.",
    "China was at the top of Mongolia's trade partners in 2022.",
])
def test_a_first_place_and_the_top_of_a_list(text):
    assert [v.verdict for v in verdicts(text, CLEAR) if v.type == "rank"] == ["supported"]
    tie = [v for v in verdicts(text, TIE) if v.type == "rank"]
    assert [v.verdict for v in tie] == ["partly supported"] and "no clear lead" in tie[0].reason


def test_a_first_place_claimed_for_the_second_of_a_near_tie_is_never_contradicted():
    text = "Russia was Mongolia's largest trading partner in 2022."
    assert [v.verdict for v in verdicts(text, CLEAR) if v.type == "rank"] == ["contradicted"]
    assert [v.verdict for v in verdicts(text, TIE) if v.type == "rank"] == ["partly supported"]


def test_a_second_place_is_not_touched_by_the_first_places_tie():
    text = "Russia was Mongolia's second-largest trading partner in 2022."
    assert [v.verdict for v in verdicts(text, TIE) if v.type == "rank"] == ["supported"]


@pytest.mark.parametrize("text", [
    "China was Mongolia's largest trading partner in 2022 with $7.1 billion, ahead of Russia at $5 billion.",
    "China was Mongolia's largest trading partner in 2022 with $7.1 billion, followed by Russia with $5 billion.",
])
def test_the_amount_of_the_partner_named_after_the_first(text):
    both = FakeEvidence(trade=EV.trade, ranks=_ranks({"CHN": 7.1e9, "RUS": 5.0e9, "KOR": 1.0e9}))
    found = [v for v in verdicts(text, both) if v.type == "level"]
    assert [(v.claim.payload.partner, v.verdict) for v in found] == [(("CHN",), "supported"), (("RUS",), "supported")]


# --- "trade with C" after a clause break never takes the party named in the clause before --------------------------

@pytest.mark.parametrize("text", [
    "China was Mongolia's largest trading partner in 2022 with $7.1 billion, ahead of Russia with $5 billion, while "
    "trade with Japan came to $1 billion, Mongolia's statistics office said.",
    "China was Mongolia's largest trading partner in 2022 with $7.1 billion, ahead of Russia with $5 billion, whereas "
    "trade with Japan came to $1 billion, by Mongolia's figures.",
])
def test_trade_with_a_partner_after_a_clause_break_keeps_the_sentences_country(text):
    both = FakeEvidence(trade={**EV.trade, ("MNG", "JPN", "turnover", "national_mn"): {2022: 1.0e9}},
                        ranks=_ranks({"CHN": 7.1e9, "RUS": 5.0e9, "JPN": 1.0e9}))
    found = [v for v in verdicts(text, both) if v.type == "level"]
    assert [(v.claim.payload.country, v.claim.payload.partner) for v in found] == [
        (("MNG",), ("CHN",)), (("MNG",), ("RUS",)), (("MNG",), ("JPN",))]
    assert [v.verdict for v in found] == ["supported"] * 3, [v.reason for v in found]
