"""Arms, UN votes, development finance and crossover claim kinds on a FakeEvidence with made-up figures stated
here: each verdict follows from these numbers."""

from __future__ import annotations

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence


def one(text, evidence, date=None):
    result = check_text(text, date, evidence=evidence)
    assert len(result.claims) == 1, ([(v.type, v.text) for v in result], result.unchecked)
    return result.claims[0]


def _arms(country, year, window, shares: dict):
    total = 100.0
    return [{"country": country, "partner": p, "year": year, "source": "sipri_at", "value": s,
             "partner_value": s * total, "total_value": total, "window": window, "window_years": window}
            for p, s in shares.items()]


ARMS = FakeEvidence(arms=_arms("KAZ", 2023, 5, {"RUS": 0.80, "CHN": 0.05, "TUR": 0.15})
                    + _arms("KAZ", 2023, 1, {"RUS": 0.60, "CHN": 0.10, "TUR": 0.30})
                    + _arms("TKM", 2023, 5, {"TUR": 0.41, "CHN": 0.40, "RUS": 0.19})
                    + _arms("KGZ", 2023, 5, {"RUS": 0.70, "TUR": 0.30}))


def test_arms_shares_over_the_stated_window_or_sipri_s_five_years():
    v = one("Russia supplied 80% of Kazakhstan's major arms imports in 2019-2023.", ARMS)
    assert v.type == "arms" and v.claim.parsed["years"] == [2019, 2023] and v.verdict == "supported"
    v = one("Most of Kazakhstan's major arms in the last five years came from Russia.", ARMS,
            "2024-03-11")
    assert v.verdict == "supported" and "2019-2023" in v.reason
    assert one("Kazakhstan bought 60% of its weapons from Russia in 2023.", ARMS).verdict == "supported"
    assert one("Russia supplied 95% of Kazakhstan's arms imports in 2019-2023.", ARMS).verdict == "contradicted"
    assert "window=5" in one("Russia supplied 80% of Kazakhstan's arms imports in 2019-2023.", ARMS).calls[0].cli()


def test_main_arms_supplier_of_a_state_and_of_a_region_with_the_lead_rule():
    assert one("Russia is the main arms supplier to Kazakhstan.", ARMS, "2024-03-11").verdict == "supported"
    # Turkey 41% against China 40% in Turkmenistan: first, but no clear lead
    v = one("Turkey is the main arms supplier to Turkmenistan.", ARMS, "2024-03-11")
    assert v.verdict == "partly supported" and "no clear lead" in v.reason
    v = one("China is the main arms supplier to Turkmenistan.", ARMS, "2024-03-11")
    assert v.verdict == "contradicted"


def test_un_agreement_and_more_often_with():
    un = [{"country": "KAZ", "partner": p, "year": 2021, "session": 76, "source": "bsv_idealpoints", "value": v,
           "n_votes": 80} for p, v in (("CHN", 0.79), ("RUS", 0.68))]
    un += [{"country": "KGZ", "partner": p, "year": 2021, "session": 76, "source": "bsv_idealpoints", "value": v,
            "n_votes": 80} for p, v in (("CHN", 0.70), ("RUS", 0.69))]
    evidence = FakeEvidence(un=un)
    assert one("In 2021 Kazakhstan sided with China in 78% of General Assembly roll calls.", evidence).verdict \
        == "supported"
    assert one("Kazakhstan votes more often with China than with Russia at the UN.", evidence).verdict == "supported"
    assert one("Kazakhstan votes more often with Russia than with China at the UN.", evidence).verdict == \
        "contradicted"
    v = one("Kyrgyzstan votes more often with China than with Russia at the UN.", evidence)
    assert v.verdict == "partly supported" and "no clear lead" in v.reason


def test_how_a_state_voted_on_a_named_resolution():
    evidence = FakeEvidence(roll_calls=[{"rcid": 5309, "session": 68, "year": 2014, "date": "2014-03-27",
                                         "unres": "R/68/262", "short": "ARMED CONFLICTS PREVENTION--MEDIATION"},
                                        {"rcid": 9000, "session": 74, "year": 2019, "date": "2019-12-10",
                                         "unres": "R/74/1", "short": "Oceans"}],
                            votes=[{"rcid": 5309, "country": "KAZ", "vote": 2}, {"rcid": 5309, "country": "ARM",
                                                                                 "vote": 3},
                                   {"rcid": 9000, "country": "KGZ", "vote": 1}])  # Kyrgyzstan's votes are kept
    assert one("Kazakhstan abstained on resolution 68/262.", evidence).verdict == "supported"
    assert one("Armenia voted against the UN resolution on the territorial integrity of Ukraine.",
               evidence).verdict == "supported"
    v = one("Kyrgyzstan voted in favour of resolution 68/262.", evidence)
    assert v.verdict == "contradicted" and "absent" in v.reason  # no recorded vote
    v = one("Kazakhstan voted against the UN resolution on the aggression against Ukraine in 2022.", evidence)
    assert v.verdict == "unverifiable" and "session 74" in v.reason


def test_development_finance_totals_ranks_and_other_lenders():
    rows = [{"country": c, "partner": "CHN", "year": y, "source": "aiddata_gcdf3", "value": v, "amount": a}
            for a in ("nominal", "adjusted") for c, y, v in (("KAZ", 2015, 5e9), ("KAZ", 2016, 4e9),
                                                              ("UZB", 2015, 2e9), ("KGZ", 2016, 1e9))]
    evidence = FakeEvidence(finance=rows)
    v = one("China committed $9 billion in development finance to Kazakhstan between 2015 and 2016.", evidence)
    assert v.verdict == "supported" and "face value" in v.reason
    assert one("Chinese lending to Central Asia totalled about $12 billion.", evidence).verdict == "supported"
    assert one("Kazakhstan was the largest recipient of Chinese development finance in Central Asia.",
               evidence).verdict == "supported"
    assert one("Russia lent $2 billion to Kyrgyzstan.", evidence).verdict == "unverifiable"


def test_crossovers_in_one_source_view():
    trade = {("UZB", "CHN", "turnover", "national_uz"): {2017: 4.0e9, 2018: 6.0e9, 2019: 7.5e9, 2020: 6.5e9},
             ("UZB", "RUS", "turnover", "national_uz"): {2017: 5.0e9, 2018: 6.5e9, 2019: 6.6e9, 2020: 5.5e9},
             ("KGZ", "CHN", "turnover", "national_kg"): {2018: 2.0e9, 2019: 2.1e9, 2020: 2.5e9},
             ("KGZ", "RUS", "turnover", "national_kg"): {2018: 1.5e9, 2019: 1.6e9, 2020: 2.1e9}}
    evidence = FakeEvidence(trade=trade)
    assert one("China overtook Russia in Uzbekistan's trade in 2019.", evidence).verdict == "supported"
    assert one("China overtook Russia in Uzbekistan's trade in 2017.", evidence).verdict == "contradicted"  # behind
    assert one("China overtook Russia in Kyrgyzstan's trade in 2018.", evidence).verdict == "unverifiable"  # 1st year
    assert one("China overtook Russia in Uzbekistan's trade in 2020.", evidence).verdict == "partly supported"
    v = one("China has been ahead of Russia in Kyrgyzstan's trade since 2018.", evidence)
    assert v.verdict == "supported"
    v = one("Uzbekistan is the latest state where China passed Russia.", evidence)
    assert v.verdict == "supported" and "Uzbekistan 2019" in v.reason


def test_gdp_and_population_of_a_group():
    rows = [{"country": c, "year": y, "gdp_usd": g, "population": n, "source": "worldbank_wdi"}
            for c, y, g, n in (("KAZ", 2000, 18e9, 15e6), ("KAZ", 2022, 225e9, 19.6e6),
                               ("UZB", 2000, 14e9, 25e6), ("UZB", 2022, 80e9, 35.6e6))]
    evidence = FakeEvidence(macro=rows)
    result = check_text("Kazakhstan and Uzbekistan's combined GDP totalled $305 billion in 2022, 9.5 times its 2000 "
                        "level.", evidence=evidence)
    assert [(v.type, v.verdict) for v in result] == [("macro", "supported"), ("macro", "supported")]  # 305/32
    result = check_text("Uzbekistan's population of 45 million is 1.4 times bigger than in 2000.", evidence=evidence)
    assert [(v.type, v.verdict) for v in result] == [("macro", "contradicted"), ("macro", "supported")]  # 35.6 mn
    assert result.claims[1].calls[0].python() == "multipolar.load('macro', country='UZB', year='2000-2022')"


def test_voting_less_often_with_one_power_is_voting_more_often_with_the_other():
    un = [{"country": c, "partner": p, "year": 2023, "session": 78, "source": "bsv_idealpoints", "value": v,
           "n_votes": 80} for c in ("KAZ", "KGZ") for p, v in (("CHN", 0.75), ("RUS", 0.56))]
    v = one("Kazakhstan and Kyrgyzstan voted with Russia less often than with China in 2023.", FakeEvidence(un=un))
    assert v.claim.parsed["partner"] == ["CHN"] and v.claim.parsed["rival"] == ["RUS"] and v.verdict == "supported"


def test_gdp_per_capita_of_each_state_listed():
    rows = [{"country": c, "year": 2021, "gdp_usd": g, "population": n, "source": "worldbank_wdi"}
            for c, g, n in (("TJK", 9.0e9, 10e6), ("KGZ", 9.3e9, 6.7e6), ("MNG", 15.3e9, 3.35e6))]
    evidence = FakeEvidence(macro=rows)
    result = check_text("GDP per capita in 2021 was $900 in Tajikistan, $1,390 in Kyrgyzstan and $5,800 in Mongolia.",
                        evidence=evidence)
    # 9.0/10 = $900; 9.3/6.7 = $1,388; 15.3/3.35 = $4,567 (5,800 is 27% above)
    assert [(v.claim.parsed["country"], v.verdict) for v in result] == [
        (["TJK"], "supported"), (["KGZ"], "supported"), (["MNG"], "contradicted")]
    (v,) = check_text("Mongolia's per capita GDP was about $4,500 in 2021.", evidence=evidence)
    assert v.verdict == "supported" and "per head" in v.reason


def test_a_group_s_share_of_the_world_s_gdp_or_population():
    rows = [{"country": c, "year": 2021, "gdp_usd": g, "population": n, "source": "worldbank_wdi"}
            for c, g, n in (("KAZ", 200e9, 19e6), ("UZB", 70e9, 35e6), ("WLD", 1000e9, 540e6))]
    evidence = FakeEvidence(macro=rows)
    (v,) = check_text("Kazakhstan and Uzbekistan together account for about 10% of the world's population.",
                      evidence=evidence)
    assert v.claim.parsed["unit"] == "share of world" and v.verdict == "supported"  # 54 / 540
    (v,) = check_text("Kazakhstan and Uzbekistan's combined GDP is a tenth of the world's.", evidence=evidence)
    assert v.verdict == "contradicted"  # 270 / 1000 = 27%
