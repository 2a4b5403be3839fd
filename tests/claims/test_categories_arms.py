"""Arms claims as real reporting states them (issue 11, round 2): the top suppliers as a list, a monopoly supplier, a
share with 'accounting for', a period between the noun and its verb, one recipient's imports as a multiple of
another's, and the supplier's side (its buyers' ranks and shares). Made-up sentences and made-up SIPRI-like
figures (trend-indicator values) on a FakeEvidence: each verdict follows from the numbers stated here."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence


def _rows(country, end, window, values: dict, table="arms"):
    total = sum(values.values())
    return [{"country": country, "partner": p, "year": end, "source": "sipri_at", "value": v / total,
             "partner_value": v, "total_value": total, "window": window, "window_years": window}
            for p, v in values.items()]


# Mongolia 2014-2018: Russia 500, China 300, Turkey 120, Japan 80 TIV; Georgia: Turkey 40, France 35, Ukraine 25.
ARMS = (_rows("MNG", 2018, 5, {"RUS": 500, "CHN": 300, "TUR": 120, "JPN": 80})
        + _rows("GEO", 2018, 5, {"TUR": 40, "FRA": 35, "UKR": 25})
        + _rows("TJK", 2018, 5, {"RUS": 998, "CHN": 2})
        + _rows("MNG", 2018, 1, {"RUS": 100}))
# Russia's deliveries 2014-2018 to its buyers (the supplier's side).
EXPORTS = _rows("RUS", 2018, 5, {"IND": 2500, "CHN": 1400, "DZA": 1000, "EGY": 600, "MNG": 500}, "arms_exports")
EVIDENCE = FakeEvidence(arms=ARMS, arms_exports=EXPORTS)


def verdicts(text, date="2019-03-11"):
    return [(v.claim.parsed["relation"], v.verdict) for v in check_text(text, date, evidence=EVIDENCE)
            if v.type == "arms"]


@pytest.mark.parametrize("text, expected", [
    ("Russia, China and Turkey were Mongolia's main arms suppliers in 2014-2018.", "supported"),
    ("The top three arms suppliers to Mongolia in 2014-2018 were China, Russia and Turkey.", "supported"),
    ("Russia and Japan were the largest arms suppliers to Mongolia in 2014-2018.", "partly supported"),
    ("Mongolia's main arms suppliers in 2014-2018 were Turkey and Japan.", "contradicted"),
])
def test_the_top_suppliers_as_a_list(text, expected):
    assert verdicts(text) == [("top", expected)]


@pytest.mark.parametrize("text, expected", [
    ("Russia is virtually the sole arms supplier to Tajikistan.", "supported"),  # 99.8%
    ("Russia is the monopoly supplier of weapons to Tajikistan.", "supported"),
    ("Russia is practically Mongolia's only arms supplier.", "contradicted"),  # 50%
])
def test_a_monopoly_supplier_is_a_share_of_nearly_all(text, expected):
    assert verdicts(text) == [("share", expected)]


def test_shares_with_accounting_for_and_a_period_before_the_verb():
    assert verdicts("Mongolia bought arms from several states, with Russia accounting for 50% of Mongolia's arms "
                    "imports in 2014-2018.") == [("share", "supported")]
    # Japan has no delivery to Georgia in the register held: a coverage gap, not a share of zero
    assert verdicts("Only 2% of Georgia's arms imports in 2014-2018 came from Japan.") == [("share", "unverifiable")]
    assert verdicts("Some 12% of Mongolia's arms imports in 2014-2018 came from Turkey.") == [("share", "supported")]


@pytest.mark.parametrize("text, expected", [
    ("Mongolia's arms imports in 2014-2018 were ten times larger than Georgia's.", "supported"),  # 1000 / 100
    ("Mongolia's arms imports in 2014-2018 were about 11 times those of Georgia.", "supported"),
    ("Mongolia's arms imports in 2014-2018 were about 9 times those of Georgia.", "partly supported"),  # ±10%
    ("Mongolia imported three times more arms than Georgia in 2014-2018.", "contradicted"),
])
def test_one_recipient_s_imports_as_a_multiple_of_another_s(text, expected):
    assert verdicts(text) == [("ratio", expected)]


@pytest.mark.parametrize("text, expected", [
    ("India was Russia's largest arms buyer in 2014-2018.", "supported"),
    ("China was the second-largest customer of Russian arms in 2014-2018.", "supported"),
    ("Algeria was Russia's single largest weapons client over the five years 2014-2018.", "contradicted"),
    ("India received 42% of Russia's arms exports in 2014-2018.", "supported"),  # 2500 / 6000 = 41.7%
    ("About a quarter of Russia's arms exports in 2014-2018 went to China.", "supported"),  # 23.3%
])
def test_the_supplier_s_side_its_buyers(text, expected):
    assert verdicts(text) == [(("rank" if "largest" in text else "share"), expected)]


def test_a_supplier_whose_other_buyers_are_not_held_is_unverifiable():
    (v,) = check_text("Japan was Turkey's largest arms buyer in 2014-2018.", evidence=EVIDENCE)
    assert v.verdict == "unverifiable" and "only for its own states" in v.reason


def test_a_recipient_s_rank_among_a_region_s_importers_or_the_world_s():
    ca = (_rows("KAZ", 2018, 5, {"RUS": 900, "CHN": 50}) + _rows("UZB", 2018, 5, {"RUS": 300, "CHN": 100})
          + _rows("TKM", 2018, 5, {"TUR": 350, "CHN": 150}) + _rows("KGZ", 2018, 5, {"RUS": 30})
          + _rows("TJK", 2018, 5, {"RUS": 20}))
    evidence = FakeEvidence(arms=ca)
    result = check_text("Turkmenistan was the second-largest arms importer in Central Asia in 2014-2018.",
                        evidence=evidence)
    assert [(v.claim.parsed["relation"], v.verdict) for v in result] == [("importer rank", "supported")]
    result = check_text("Uzbekistan is the largest weapons importer among the five Central Asian states.",
                        "2019-03-01", evidence=evidence)
    assert [v.verdict for v in result] == ["contradicted"]
    (v,) = check_text("Kazakhstan was the world's largest arms importer in 2014-2018.", evidence=evidence)
    assert v.verdict == "unverifiable" and "world's arms importers" in v.reason


def test_a_change_between_two_windows_of_exports_or_imports():
    exports = (_rows("RUS", 2018, 5, {"IND": 2500, "CHN": 1400, "DZA": 1000, "EGY": 600, "MNG": 500}, "arms_exports")
               + _rows("RUS", 2023, 5, {"IND": 1800, "CHN": 1100, "DZA": 200, "EGY": 300, "MNG": 100}, "arms_exports"))
    imports = _rows("MNG", 2018, 5, {"RUS": 500, "CHN": 300}) + _rows("MNG", 2023, 5, {"RUS": 700, "CHN": 300})
    evidence = FakeEvidence(arms=imports, arms_exports=exports)
    # all buyers: 6,000 → 3,500 TIV = -41.7%; to China: 1,400 → 1,100 = -21.4%; Mongolia's imports 800 → 1,000 = +25%
    cases = [("Russia's arms exports fell by 42% between 2014-2018 and 2019-2023.", "supported"),
             ("Russia's arms exports to China fell by 40% between 2014-18 and 2019-23.", "contradicted"),
             ("Mongolia's arms imports rose 25% between 2014-2018 and 2019-2023.", "supported"),
             ("Mongolia's arms imports fell by 25% in 2019-2023 compared with the previous five years.", "contradicted")]
    for text, expected in cases:
        (v,) = check_text(text, evidence=evidence)
        assert (v.claim.parsed["relation"], v.verdict) == ("change", expected), (text, v.reason)
    assert not [v for v in check_text(cases[1][0], evidence=evidence) if v.type == "change"]  # not goods trade


# Two windows for the changes below: Mongolia's imports 800 → 1,000 TIV (+25%), Russia's share 50% → 70%;
# Russia's deliveries to all buyers 6,000 → 3,500 TIV (-41.7%).
CHANGE_EVIDENCE = FakeEvidence(
    arms=_rows("MNG", 2018, 5, {"RUS": 500, "CHN": 300}) + _rows("MNG", 2023, 5, {"RUS": 700, "CHN": 300}),
    arms_exports=(_rows("RUS", 2018, 5, {"IND": 2500, "CHN": 1400, "DZA": 1000, "EGY": 600, "MNG": 500}, "arms_exports")
                  + _rows("RUS", 2023, 5, {"IND": 1800, "CHN": 1100, "DZA": 200, "EGY": 300, "MNG": 100},
                          "arms_exports")))


def change_verdicts(text):
    return [(v.claim.parsed["relation"], v.verdict) for v in check_text(text, evidence=CHANGE_EVIDENCE)
            if v.type == "arms"]


@pytest.mark.parametrize("text, expected", [
    # an apposition between the subject and its verb, an adverb around the verb
    ("Mongolia's arms imports, the smallest in the region, rose sharply by 25% between 2014-18 and 2019-23.",
     "supported"),
    ("Russia's arms exports, once the world's second largest, steadily declined by some 42% between 2014-2018 and "
     "2019-2023.", "supported"),
    ("Russia's arms exports, its main source of foreign currency, dramatically fell 60% between 2014-18 and 2019-23.",
     "contradicted"),
    # the noun form
    ("SIPRI recorded a 25% rise in Mongolia's arms imports between 2014-2018 and 2019-2023.", "supported"),
    ("The institute noted a 20% fall in Russia's arms exports between 2014-18 and 2019-23.", "contradicted"),
])
def test_a_change_with_an_apposition_an_adverb_or_a_noun(text, expected):
    assert change_verdicts(text) == [("change", expected)]


def test_a_change_takes_the_window_the_sentence_named_before_it():
    text = "Russia supplied 70% of Mongolia's arms imports in 2019-2023; Mongolia's arms imports rose by 25%."
    assert change_verdicts(text) == [("share", "supported"), ("change", "supported")]


@pytest.mark.parametrize("text, expected", [
    ("Mongolia's arms imports rose by 25% in 2019-2023, with Russia supplying 70% of them.",
     [("change", "supported"), ("share", "supported")]),
    ("Mongolia's arms imports rose by 25% in 2019-2023, with China providing 60% of those.",
     [("change", "supported"), ("share", "contradicted")]),  # 30%
    ("Mongolia bought more weapons in 2019-2023, with Russia its main supplier at 70% of its arms imports.",
     [("rank", "supported"), ("share", "supported")]),
    ("Mongolia bought more weapons in 2019-2023, with China its largest supplier, at 30%.",
     [("rank", "contradicted"), ("share", "supported")]),
])
def test_a_with_clause_names_a_supplier_s_rank_and_share(text, expected):
    assert change_verdicts(text) == expected


def _short(country, end, window, held, values):
    """Rows of a window that starts before the register: only `held` of its years are in the data."""
    return [{**row, "window_years": held} for row in _rows(country, end, window, values)]


@pytest.mark.parametrize("text, expected", [
    ("Since 2019, Russia has supplied 700 TIV of arms to Mongolia, while China supplied only 300 TIV.",
     [("total", "supported"), ("total", "supported")]),
    ("Between 2019 and 2023 China delivered $500 million worth of weapons to Mongolia.", [("total", "contradicted")]),
    ("In 2019-2023 Russia sold about 690 million TIV of arms to Mongolia and China 290 million TIV.",
     [("total", "supported"), ("total", "partly supported")]),
])
def test_a_supplier_s_total_to_a_recipient_in_tiv_or_dollars(text, expected):
    assert change_verdicts(text) == expected


def test_a_total_over_years_before_the_register_is_unverifiable():
    evidence = FakeEvidence(arms=_rows("MNG", 2023, 5, {"RUS": 70, "CHN": 30})
                            + _short("MNG", 2023, 33, 24, {"RUS": 700, "CHN": 300}))
    (v,) = check_text("Since 1991, Russia has delivered 700 TIV of arms to Mongolia.", "2024-01-01", evidence=evidence)
    assert v.verdict == "unverifiable" and "before SIPRI's register" in v.reason


@pytest.mark.parametrize("text, expected", [
    ("Russia's arms exports in 2015-2019 were 20% lower than in the previous five-year period.",
     (["RUS"], ["WLD"], -20.0, [2015, 2019], [2010, 2014])),
    ("China's arms exports in 2015–2019 were 10% higher than in 2010–2014.",
     (["CHN"], ["WLD"], 10.0, [2015, 2019], [2010, 2014])),
    ("India's arms imports in 2014-2018 were 24% lower than in 2009-2013.",
     (["WLD"], ["IND"], -24.0, [2014, 2018], [2009, 2013])),
])
def test_a_window_compared_with_an_earlier_one_is_a_change_between_windows(text, expected):
    from multipolar.claims import parse_claims

    (c,) = [c.parsed for c in parse_claims(text) if c.type == "arms"]
    assert (c["supplier"], c["recipient"], c["value"], c["years"], c["base_years"]) == expected


def _arms(text):
    from multipolar.claims import parse_claims

    return [(c.parsed["relation"], c.parsed["supplier"], c.parsed["recipient"], c.parsed["value"])
            for c in parse_claims(text) if c.type == "arms"]


def test_a_supplier_s_listed_buyers_with_shares_are_ranks_and_shares():
    got = _arms("China's three largest arms markets in 2014–18 were Pakistan (30% of Chinese sales), "
                "Bangladesh (15%) and Myanmar (8.5%).")
    assert ("rank", ["CHN"], ["MMR"], 3) in got and ("share", ["CHN"], ["MMR"], 0.085) in got
    got = _arms("Russia's top arms buyers in 2016-2020 were India (23%), China (18%) and Algeria (15%).")
    assert [x[0] for x in got].count("rank") == 3 and ("share", ["RUS"], ["DZA"], 0.15) in got
    got = _arms("France's main arms customers in 2012-2016 were Egypt, Qatar and India.")
    assert [(x[2], x[3]) for x in got if x[0] == "rank"] == [(["EGY"], 1), (["QAT"], 2), (["IND"], 3)]


def test_a_recipient_s_listed_suppliers_with_shares_are_the_top_n_and_shares():
    got = _arms("Pakistan's main arms suppliers in 2010–14 were China, with 50% of the total, and the US, "
                "with 27%.")
    assert got[0] == ("top", ["CHN", "USA"], ["PAK"], 2.0) and ("share", ["USA"], ["PAK"], 0.27) in got


@pytest.mark.parametrize("text, expected", [
    ("Georgia imported $120 million worth of arms in 2005–2014, $40 million of it in 2008, and $60 million in "
     "2015–2017.", [(120e6, [2005, 2014]), (40e6, 2008), (60e6, [2015, 2017])]),
    ("Mongolia imported $90 million worth of arms in 2010-2019, and $30 million in 2020-22.",
     [(90e6, [2010, 2019]), (30e6, [2020, 2022])]),
    ("Tajikistan bought $75 million worth of weapons in 2012-2016, $20 million of them in 2014.",
     [(75e6, [2012, 2016]), (20e6, 2014)]),
])
def test_totals_continuing_a_first_one_take_their_own_periods(text, expected):
    from multipolar.claims import parse_claims

    got = [c.parsed for c in parse_claims(text) if c.type == "arms"]
    assert [(x["value"], x.get("years") or x.get("year")) for x in got] == expected
