"""Detection and parsing without data: sentences, spans, entities, periods, hedges and typed claims."""

from __future__ import annotations

import datetime as dt

import pytest

from multipolar.claims import parse_claims
from multipolar.claims.judging.tolerances import interval, judge
from multipolar.claims.reading.entities import find_mentions
from multipolar.claims.reading.numbers import hedge_before
from multipolar.claims.reading.sentences import is_candidate, sentences
from multipolar.claims.reading.times import find_times, resolve_relative


def test_sentences_keep_spans_and_do_not_split_abbreviations_or_decimals():
    text = "The U.S. trade fell. China's share was 21.3 percent in 2023! VEB.RF lends.\nNew line here."
    found = sentences(text)
    assert [s.text for s in found] == ["The U.S. trade fell.", "China's share was 21.3 percent in 2023!",
                                       "VEB.RF lends.", "New line here."]
    for s in found:
        assert text[s.start:s.end] == s.text


def test_mentions_resolve_countries_demonyms_groups_and_organizations():
    codes = [(m.code, m.kind) for m in find_mentions(
        "Kyrgyzstani exports to Russia, Sino-Russian trade, the five Central Asian states, SCO member states’ exports "
        "and the Shanghai Cooperation Organisation; the summit in Astana; Beijing’s trade")]
    assert codes == [("KGZ", "country"), ("RUS", "country"), ("CHN", "country"), ("RUS", "country"),
                     ("CA5", "group"), ("SCO", "group"), ("SCO", "org"), ("Astana", "city"), ("CHN", "country")]


def test_hedges_are_read_before_figures():
    text = "more than $42 billion, nearly tripled, about $9 billion, just under 10%"
    assert hedge_before(text, text.index("$42")) == "more than"
    assert hedge_before(text, text.index("tripled")) == "nearly"
    assert hedge_before(text, text.index("$9")) == "about"
    assert hedge_before(text, text.index("10%")) == "just under"


def test_relative_dates_resolve_against_the_article_date():
    # 2024-07-10 is a Wednesday: last Thursday is 4 July 2024, the day the Astana summit ended
    year, day, _ = resolve_relative("last thursday", dt.date(2024, 7, 10))
    assert (year, day) == (2024, dt.date(2024, 7, 4))
    assert resolve_relative("last year", dt.date(2024, 7, 10))[0] == 2023
    assert resolve_relative("last year", None)[0] is None


def test_times_find_since_ranges_partial_years_and_events():
    kinds = [(t.kind, t.year) for t in find_times(
        "since 2020, from 2019 to 2023, in the first half of 2024, since the invasion, in February 2022, last year")]
    assert kinds == [("since", 2020), ("range", 2019), ("partial", 2024), ("since", 2022), ("month", 2022),
                     ("relative", None)]


def test_a_change_claim_is_typed_with_base_year_flow_and_hedge():
    (claim,) = [c for c in parse_claims("China’s trade with Russia has more than doubled since 2020.")
                if c.type == "multiple"]
    assert claim.parsed["country"] == ["CHN"] and claim.parsed["partner"] == ["RUS"]
    assert claim.parsed["flow"] == "turnover" and claim.parsed["base_year"] == 2020
    assert claim.parsed["value"] == 2.0 and claim.parsed["hedge"] == "more than"


def test_levels_growth_and_reporter_from_one_sentence():
    text = "According to Chinese customs, China-Russia trade rose 26.3% in 2023 to a record $240.1 billion."
    claims = {c.type: c for c in parse_claims(text)}
    assert claims["change"].parsed["value"] == pytest.approx(26.3)
    assert claims["change"].parsed["base_year"] == 2022 and claims["change"].parsed["year"] == 2023
    level = claims["level"].parsed
    assert level["value"] == pytest.approx(240.1e9) and level["year"] == 2023 and level["record"]
    assert level["reporter"] == ["CHN"]


def test_share_rank_comparison_and_pronoun():
    text = ("According to official reports from Uzbekistan and Kazakhstan, China makes up 21.3 percent of their "
            "total foreign trade (Russia lagged consistently). It is now the main trading partner of all five "
            "Central Asian states.")
    claims = parse_claims(text, "2024-07-10")
    share = next(c for c in claims if c.type == "share")
    assert share.parsed["country"] == ["UZB", "KAZ"] and share.parsed["partner"] == ["CHN"]
    assert share.parsed["value"] == pytest.approx(0.213) and share.parsed["reporter"] == ["UZB", "KAZ"]
    comparison = next(c for c in claims if c.type == "comparison")
    assert comparison.parsed["laggard"] == ["RUS"] and comparison.parsed["leader"] == ["CHN"]
    assert comparison.parsed["consistently"]
    rank = next(c for c in claims if c.type == "rank")
    assert rank.parsed["partner"] == ["CHN"] and rank.parsed["country"] == ["CA5"] and rank.parsed["value"] == 1


def test_membership_and_institutional_facts():
    text = ("The SCO was formed in June of 2001. Belarus is the latest new member, before that, Iran joined in 2023 "
            "and India and Pakistan joined in 2017. Turkmenistan has never joined the SCO.")
    rels = [(c.type, c.parsed.get("relation"), c.parsed.get("country"), c.parsed.get("year"))
            for c in parse_claims(text)]
    assert rels == [("founding", None, None, 2001), ("membership", "latest", ["BLR"], None),
                    ("membership", "joined", ["IRN"], 2023), ("membership", "joined", ["IND", "PAK"], 2017),
                    ("membership", "never", ["TKM"], None)]


def test_spans_point_into_the_input():
    text = "Intro line.\nKyrgyzstani exports to Russia have nearly tripled since 2021."
    for claim in parse_claims(text):
        assert text[claim.span[0]:claim.span[1]] == claim.text


def test_partial_years_and_months_are_flagged():
    (level,) = [c for c in parse_claims("In the first half of 2024, China-Russia trade reached $116.8 billion.")
                if c.type == "level"]
    assert level.parsed["partial"]


def test_text_without_claims_gives_nothing():
    assert parse_claims("") == []
    assert parse_claims("The weather was fine and everyone enjoyed the concert.") == []
    assert not is_candidate("Nothing to see.")


def test_tolerance_intervals_follow_the_documented_table():
    assert interval(240e9, None) == pytest.approx((232.8e9, 247.2e9))
    assert interval(2.0, "more than", kind="multiple")[0] == pytest.approx(1.99)
    low, high = interval(3.0, "nearly", kind="multiple")
    assert low == pytest.approx(2.7) and high == pytest.approx(3.015)
    assert judge(0.213, 0.2154, None, kind="share", half_unit=0.0005).verdict == "supported"
    assert judge(145, 172, None, kind="growth").verdict == "contradicted"
    assert judge(26.3, 26.2, None, kind="growth").verdict == "supported"
    assert judge(108e9, 100.2e9, None).verdict == "partly supported"
