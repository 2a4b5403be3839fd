"""Trade and dimension readings generalised in round 4 (issue 11), each on varied made-up sentences: a hedge on a fall
('fell more than 20%'), a 'while' clause set against one with a year, 'the lowest since YEAR' (not a base), a
change 'N% less than in YEAR' after a level, a partner's share that 'falls on' it, 'a whopping N%' after a rank,
'the first N months of the year', a capital standing for its state, and shares of the world's population or GDP
'living in' a group. Made-up figures on FakeEvidence; each verdict follows from the numbers written here."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence
from multipolar.claims.judging import tolerances as tol

# Mongolia's own records (made up): exports to China 10.0 bn (2018) → 7.0 bn (2019) = -30%; imports from China
# 4.0 → 4.4 bn = +10%; turnover 14.0 → 11.4 bn = -18.6%; 2016: 12.0 bn, 2017: 13.0 bn.
TRADE = {("MNG", "CHN", "export", "national_mn"): {2018: 10.0e9, 2019: 7.0e9},
         ("MNG", "CHN", "import", "national_mn"): {2018: 4.0e9, 2019: 4.4e9},
         ("MNG", "CHN", "turnover", "national_mn"): {2016: 12.0e9, 2017: 13.0e9, 2018: 14.0e9, 2019: 11.4e9}}
EVIDENCE = FakeEvidence(trade=TRADE)


def verdicts(text, date="2020-03-01", evidence=EVIDENCE):
    return [(v.type, v.verdict) for v in check_text(text, date, evidence=evidence)]


@pytest.mark.parametrize("claimed, observed, hedge, expected", [
    (-20, -30, "more than", "supported"),     # a fall of more than 20%: -30% is one
    (-20, 8, "more than", "contradicted"),    # a rise is never a fall of more than 20%
    (-40, -35, "nearly", "partly supported"),  # nearly 40% down: -36% would do, -35% is near
    (-5, -4.5, "less than", "supported"),
])
def test_a_hedge_on_a_fall_speaks_of_its_size(claimed, observed, hedge, expected):
    assert tol.judge(claimed, observed, hedge, kind="growth", half_unit=0.5).verdict == expected


@pytest.mark.parametrize("text, expected", [
    ("Mongolian exports to China fell more than 25% in 2019, while Mongolian imports from China rose 10%.",
     [("change", "supported"), ("change", "supported")]),
    ("In 2019 Mongolia's exports to China slid 30%, whereas its imports from China climbed 25%.",
     [("change", "supported"), ("change", "contradicted")]),
    ("Mongolian exports to China dropped by 30 percent in 2019, but imports from China went up 10 percent.",
     [("change", "supported"), ("change", "supported")]),
])
def test_a_while_clause_takes_the_year_of_the_clause_it_is_set_against(text, expected):
    assert verdicts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mongolia-China trade shrank 18.6% in 2019, to the lowest since 2016.", "supported"),
    ("Mongolia's trade with China dropped 18% in 2019, the weakest result since 2016.", "supported"),
    ("Mongolia's trade with China, at its smallest since 2016, decreased 5% in 2019.", "contradicted"),
])
def test_the_lowest_level_since_a_year_is_not_the_base_of_the_change(text, expected):
    changes = [v for t, v in verdicts(text) if t == "change"]
    assert changes == [expected]  # against 2018 (year on year), never against 2016


@pytest.mark.parametrize("text, expected", [
    ("Mongolia's trade with China came to $11.4 billion in 2019, 18.6% less than in 2018.", "supported"),
    ("Mongolian exports to China were $7 billion in 2019, 30 percent lower than in 2018.", "supported"),
    ("Mongolia's imports from China reached $4.4 billion in 2019, 25% more than in 2018.", "contradicted"),
])
def test_a_change_from_the_year_after_than(text, expected):
    assert ("change", expected) in verdicts(text)


SHARES = {("TJK", p, "turnover", "national_tj"): {2019: (v, v * 8e9, 8e9)} for p, v in (("RUS", 0.22), ("CHN", 0.25))}
RANKS = [{"country": "TJK", "partner": p, "year": 2019, "flow": "turnover", "source": "national_tj", "value": i + 1,
          "partner_value": v, "n_partners": 2} for i, (p, v) in enumerate((("CHN", 2.0e9), ("RUS", 1.8e9)))]
SHARE_EVIDENCE = FakeEvidence(shares=SHARES, ranks=RANKS)


@pytest.mark.parametrize("text, expected", [
    ("Roughly 22% of Tajikistan's overall trade falls on Russia.", [("share", "supported")]),
    ("In 2019 some 40% of Tajikistan's external trade fell on China.", [("share", "contradicted")]),
    ("China is Tajikistan's largest trade partner, with a whopping 45% of its foreign trade.",
     [("rank", "supported"), ("share", "contradicted")]),
])
def test_a_partner_s_share_that_falls_on_it(text, expected):
    assert verdicts(text, evidence=SHARE_EVIDENCE) == expected


MONTHLY = FakeEvidence(monthly={("KGZ", "RUS", "turnover", "russia_customs"): {
    **{(2020, m): 1.0e9 for m in range(1, 13)}, **{(2021, m): 1.2e9 for m in range(1, 13)}}})


@pytest.mark.parametrize("text, date, expected", [
    ("Kyrgyzstan-Russia trade was up 20% in the first eight months of this year.", "2021-10-01", "supported"),
    ("Trade between Kyrgyzstan and Russia grew by 35% in the first five months of the year.", "2021-07-01",
     "contradicted"),
])
def test_the_first_months_of_the_year_are_the_article_s_year(text, date, expected):
    (v,) = check_text(text, date, evidence=MONTHLY)
    assert v.verdict == expected and "2021" in v.reason


def test_without_the_article_s_date_the_first_months_of_the_year_stay_unresolved():
    (v,) = check_text("Kyrgyzstan-Russia trade was up 20% in the first eight months of this year.", evidence=MONTHLY)
    assert v.verdict == "unverifiable"


FINANCE = [{"country": c, "partner": "CHN", "year": 2010, "source": "aiddata_gcdf3", "value": v, "amount": a,
            "flow_class": "OOF-like"} for c, v in (("BLR", 5e9), ("KGZ", 2e9)) for a in ("nominal", "adjusted")] + \
    [{"country": "KGZ", "partner": "CHN", "year": y, "source": "aiddata_gcdf3", "value": 1e6, "amount": a,
      "flow_class": "ODA-like"} for y in (2000, 2021) for a in ("nominal", "adjusted")]


@pytest.mark.parametrize("text, expected", [
    ("Over 2005-2015 Minsk borrowed $5 billion from China.", "supported"),
    ("Bishkek borrowed $2 billion from China between 2005 and 2015.", "supported"),
    ("Minsk obtained over $9 billion in Chinese loans from 2005 to 2015.", "contradicted"),
])
def test_a_capital_doing_what_only_a_state_does_is_the_state(text, expected):
    (v,) = check_text(text, "2024-06-01", evidence=FakeEvidence(finance=FINANCE, finance_all=FINANCE))
    assert v.verdict == expected


WORLD = FakeEvidence(macro=[{"country": c, "year": 2021, "gdp_usd": g, "population": n, "source": "worldbank_wdi"}
                            for c, g, n in (("WLD", 100e12, 8.0e9), ("KAZ", 0.2e12, 0.02e9), ("UZB", 0.07e12, 0.035e9),
                                            ("KGZ", 0.01e12, 0.007e9), ("TJK", 0.01e12, 0.01e9),
                                            ("TKM", 0.01e12, 0.006e9))])


@pytest.mark.parametrize("text, expected", [
    ("Less than 1% of the world's population lives in Central Asia.", [("share of world", "supported")]),
    ("Nearly a fifth of the world's population lives in Central Asia.", [("share of world", "contradicted")]),
    ("About 1% of the world's people live in the Central Asian states, which produce 0.3% of global GDP.",
     [("share of world", "supported"), ("share of world", "supported")]),
])
def test_a_share_of_the_world_s_people_or_output_living_in_a_group(text, expected):
    got = [(v.claim.parsed["unit"], v.verdict) for v in check_text(text, "2022-06-01", evidence=WORLD)
           if v.type == "macro"]
    assert got == expected
