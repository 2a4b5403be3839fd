"""Whole-text recall, round 7: a factual statement no reader explains is listed as an unverifiable `other` claim with
what is missing (an event or practice told of a named state, organization or place; a rank of something the data do
not rank; an ordinal of a thing; a percentage about something no reader named), and every sentence with a figure, a
rank word, two states (capitals standing for theirs) or an institution that gave no claim is in `unchecked` with a
reason. Made-up sentences on an empty FakeEvidence (no table is consulted by these)."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

EMPTY = FakeEvidence()


def result(text, date="2024-03-01"):
    return check_text(text, date, evidence=EMPTY)


def other_units(text):
    return [(v.type, v.claim.parsed.get("unit"), v.verdict) for v in result(text).claims]


@pytest.mark.parametrize("text", [
    "Mongolia formally applied last year to join the Eurasian Economic Union as an observer.",
    "In 2019 a cargo plane from Turkey landed in Bishkek carrying 300 kilos of medical supplies.",
    "Kazakhstan's statistics office did not publish the figures for grain exports to Iran for March.",
    "Tajikistan hosted a joint border exercise with Uzbekistan near Termez in 2021.",
    "Qatar's bid to become a dialogue partner, launched in 2022, is still pending.",
])
def test_an_event_told_of_a_named_state_is_an_unverifiable_claim(text):
    got = other_units(text)
    assert got == [("other", "event", "unverifiable")]
    assert "no table in the data records" in result(text).claims[0].reason


def test_a_rank_of_something_the_data_do_not_rank():
    got = result("The institute describes itself as the oldest independent polling agency in the world.")
    assert [(v.claim.parsed.get("unit"), v.verdict) for v in got.claims] == [("rank statement", "unverifiable")]
    assert "do not rank" in got.claims[0].reason


def test_a_rank_with_any_superlative_after_an_ordinal():
    got = other_units("Kyrgyzstan is the second windiest country in the region.")
    assert got == [("other", "rank statement", "unverifiable")]


def test_an_ordinal_of_a_thing_after_the_body_it_belongs_to():
    got = other_units("The union is now preparing a 9th round of tariff cuts, which would cover steel.")
    assert got == [("other", "ordinal", "unverifiable")]


def test_a_percentage_about_something_no_reader_named():
    got = other_units("Between 2015 and 2019 that ratio climbed to 37%.")
    assert got == [("other", "share", "unverifiable")]


@pytest.mark.parametrize("text", [
    "The weather in the capital was mild for the season.",        # no actor, no figure
    "The 21st century brought new roads to Kazakhstan.",         # a century is not an ordinal of a thing
    "He said the talks were useful.",                            # no named actor
])
def test_no_statement_without_an_actor_or_an_ordinal_of_a_thing(text):
    assert [v for v in result(text).claims if v.claim.parsed.get("unit") in ("event", "ordinal")] == []


def test_a_read_sentence_gives_no_fallback_claim():
    # an ordinary membership fact is read by its kind; the fallback adds nothing to a sentence with a claim
    text = "Uzbekistan hosted the summit and joined the EAEU as an observer in 2020."
    assert all(v.claim.parsed.get("unit") not in ("event", "rank statement", "ordinal") for v in result(text).claims)


@pytest.mark.parametrize("text, words", [
    ("Moscow keeps a clear edge over Beijing in the region, but the gap is narrowing.", ("Russia", "China")),
    ("Nobody doubts that the CSTO will outlast its critics.", ("CSTO",)),
    ("Kyrgyzstan's leading newspapers disagreed about it.", ("rank word ('leading')",)),
])
def test_a_sentence_with_states_an_institution_or_a_rank_word_and_no_claim_is_unchecked(text, words):
    got = result(text)
    assert not got.claims
    assert len(got.unchecked) == 1 and got.unchecked[0].text == text
    assert all(w in got.unchecked[0].reason for w in words)


def test_a_rank_word_outside_every_claim_of_a_sentence_is_unchecked():
    text = ("Armenia joined the EAEU in 2015; it remains the smallest economy of the South Caucasus by some "
            "measures.")
    got = check_text(text, "2024-03-01", evidence=FakeEvidence(memberships=[
        {"organization": "EAEU", "country": "ARM", "role": "member", "start": "2015-01-02", "end": None}]))
    assert [v.type for v in got.claims] == ["membership"]
    assert any("rank word 'smallest'" in u.reason and "smallest economy" in u.text for u in got.unchecked)


@pytest.mark.parametrize("text, value", [
    ("In spring 2021 the number of seasonal workers from Tajikistan stood at 240,000.", 240000.0),
    ("By 2020 the number of Chinese firms in Kyrgyzstan had reached 1.2 thousand, officials said.", 1200.0),
])
def test_a_count_after_the_noun_it_counts(text, value):
    got = result(text).claims
    assert [(v.claim.parsed.get("unit"), v.claim.parsed.get("value"), v.verdict) for v in got] == \
        [("count", value, "unverifiable")]


def test_a_treaty_between_two_states_is_unverifiable_with_what_the_alliances_table_holds():
    got = result("In 1997 Kazakhstan and Kyrgyzstan signed a treaty of eternal friendship.").claims
    assert [(v.claim.parsed.get("unit"), v.verdict) for v in got] == [("treaty", "unverifiable")]
    assert "ATOP" in got[0].reason
    # one state and an agreement: not a treaty between states
    assert [v.claim.parsed.get("unit") for v in result("Armenia praised the agreement.").claims] == []


def test_a_currency_swap_line_and_an_amount_under_it_are_unverifiable_and_say_why():
    got = result("The central banks of Turkey and Russia renewed their local currency swap in 2019.").claims
    assert [(v.claim.parsed.get("unit"), v.verdict) for v in got] == [("swap line", "unverifiable")]
    amount = result("Uzbekistan drew RMB 3 billion under its currency swap with China in 2016.").claims
    assert amount and all(v.verdict == "unverifiable" and "swap" in v.reason for v in amount)
