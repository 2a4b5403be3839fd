"""Categories of real trade claims the checker reads in general (issue 11, round 2): officials speaking for their
state's statistics, multiples over the year before, 'that year', changes in another currency, habitual shares.
Made-up sentences (other countries and years than the labelled rows) on a FakeEvidence with made-up figures stated
here, so each verdict follows from these numbers."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text, parse_claims
from multipolar.claims.fake_evidence import FakeEvidence

# Tajikistan's own statistics and China's customs figures as the press reported them (made up).
TJK_CHN_OWN = {2019: 1.0e9, 2020: 1.1e9, 2021: 1.2e9}
TJK_CHN_GACC = {2020: 1.6e9, 2021: 2.0e9, 2022: 2.4e9}


def evidence() -> FakeEvidence:
    return FakeEvidence(
        trade={("TJK", "CHN", "turnover", "national_tj"): TJK_CHN_OWN,
               ("MNG", "RUS", "export", "national_mn"): {2019: 50e6, 2020: 60e6, 2021: 180e6},
               ("BLR", "CHN", "turnover", "national_by"): {2020: 4.0e9, 2021: 5.0e9}},
        press={("TJK", "CHN", "turnover", "GACC (China customs)"): TJK_CHN_GACC},
        shares={("AZE", "TUR", "export", "national_az"): {y: (v, v * 100, 100.0) for y, v in
                                                           ((2015, 0.17), (2016, 0.18), (2017, 0.175),
                                                            (2018, 0.18), (2019, 0.178))}})


def verdicts(text, date=None):
    return [(v.type, v.verdict) for v in check_text(text, date, evidence=evidence())]


@pytest.mark.parametrize("text", [
    "A Tajik deputy prime minister said Tajikistan's trade with China grew 50% in 2022.",
    "Tajikistan's trade with China grew 50% in 2022, Tajikistan's first deputy economy minister said.",
    "Tajikistan's ambassador wrote that trade with China grew by 50% in 2022.",
])
def test_an_official_cites_their_own_state_s_figures_so_the_partner_s_cannot_contradict(text):
    # Only China's customs have 2021-2022 (+20%): it is not the source a Tajik official cites → unverifiable
    (v,) = check_text(text, evidence=evidence())
    assert v.claim.parsed["reporter"] == ["TJK"]
    assert v.verdict == "unverifiable" and "not the source the text cites" in v.reason


def test_the_partner_s_figures_still_support_and_a_neutral_text_is_contradicted():
    assert verdicts("Chinese officials said Tajikistan's trade with China grew 20% in 2022.") == \
        [("change", "supported")]
    assert verdicts("Tajikistan's trade with China grew 50% in 2022.") == [("change", "contradicted")]


@pytest.mark.parametrize("text, expected", [
    ("In 2021 Mongolian exports to Russia were three times higher than a year earlier.", "supported"),
    ("Mongolia's exports to Russia in 2021 were 3 times larger than in 2019.", "partly supported"),  # ×3.6
    ("Mongolia's exports to Russia rose by 20% in 2021, with exports three times higher than the previous year.",
     None),
])
def test_n_times_higher_than_a_year_earlier_is_a_multiple_over_time(text, expected):
    claims = [c for c in parse_claims(text) if c.type == "multiple"]
    assert len(claims) == 1 and claims[0].parsed["value"] == 3.0
    assert claims[0].parsed["year"] == 2021
    if expected:
        assert verdicts(text) == [("multiple", expected)]


def test_that_year_is_the_year_named_before_it():
    text = "Mongolia's exports to Russia reached $180 million in 2021, having tripled that year."
    claims = {c.type: c.parsed for c in parse_claims(text)}
    assert claims["multiple"]["year"] == 2021 and claims["multiple"]["base_year"] == 2020
    assert verdicts(text) == [("level", "supported"), ("multiple", "supported")]  # 180 / 60
    text = "In 2021 Mongolia's trade fell; in the same year its exports to Russia tripled."
    assert [c.parsed.get("year") for c in parse_claims(text) if c.type == "multiple"] == [2021]


@pytest.mark.parametrize("text, terms", [
    ("Belarus's trade with China grew 25% in yuan terms in 2021.", "CNY"),
    ("Belarus's trade with China reached 32 billion yuan in 2021, up 25%.", "CNY"),
    ("Measured in local currency, Belarus's trade with China rose 25% in 2021.", "local currency"),
])
def test_a_change_in_another_currency_is_never_judged_on_dollars(text, terms):
    (change,) = [v for v in check_text(text, evidence=evidence()) if v.type == "change"]
    assert change.claim.parsed["terms"] == terms
    assert change.verdict == "unverifiable" and "terms" in change.reason


def test_the_same_change_in_dollars_is_judged():
    assert verdicts("Belarus's trade with China grew 25% in 2021.") == [("change", "supported")]  # 5.0 / 4.0


@pytest.mark.parametrize("text, expected", [
    ("Turkey typically takes more than 17% of Azerbaijan's exports.", "supported"),
    ("Turkey typically takes more than 19% of Azerbaijan's exports.", "partly supported"),  # all years 17.5-18%
    ("Turkey typically takes more than 25% of Azerbaijan's exports.", "contradicted"),
])
def test_a_habitual_share_is_close_when_every_year_is_close(text, expected):
    assert verdicts(text, "2020-03-01") == [("share", expected)]


def _ranks(country, year, flow, values: dict, source="national_tj"):
    ordered = sorted(values.items(), key=lambda kv: -kv[1])
    return [{"country": country, "partner": p, "year": year, "flow": flow, "source": source, "value": i + 1,
             "partner_value": v, "n_partners": len(values)} for i, (p, v) in enumerate(ordered)]


# Tajikistan's partners in 2022 (made up): Russia, China, Kazakhstan, then Switzerland, Turkey, Germany, France.
TJK_2022 = {"RUS": 3.0e9, "CHN": 2.4e9, "KAZ": 1.5e9, "CHE": 0.9e9, "TUR": 0.6e9, "DEU": 0.3e9, "FRA": 0.2e9,
            "WLD": 10.0e9}
RANKS = _ranks("TJK", 2022, "turnover", {k: v for k, v in TJK_2022.items() if k != "WLD"})
SHARES = {("TJK", p, "turnover", "national_tj"): {2021: (0.08, 0.8e9, 10e9), 2022: (v / 10e9, v, 10e9)}
          for p, v in TJK_2022.items() if p != "WLD"}
LEVELS = {("TJK", p, "turnover", "national_tj"): {2022: v} for p, v in TJK_2022.items() if p != "WLD"}


def rank_evidence():
    return FakeEvidence(ranks=RANKS, shares=SHARES, trade=LEVELS)


@pytest.mark.parametrize("text, expected", [
    ("Switzerland is Tajikistan's largest trading partner in Europe.", ["supported"]),
    ("Germany is Tajikistan's largest trading partner in Europe.", ["contradicted"]),
    ("Switzerland is Tajikistan's largest trading partner in Europe and fourth in the world after Russia, China and "
     "Kazakhstan.", ["supported", "supported"]),
    ("Switzerland is Tajikistan's biggest trading partner in Europe, and third worldwide after Russia and China.",
     ["supported", "contradicted"]),
])
def test_ranks_within_a_region_and_in_the_world_after_named_partners(text, expected):
    result = check_text(text, "2023-05-01", evidence=rank_evidence())
    assert [v.verdict for v in result if v.type == "rank"] == expected


def test_figures_given_with_a_rank_are_checked_too():
    text = "Kazakhstan was Tajikistan's third-largest trading partner in 2022, with $1.5 billion, or 15% of the total."
    assert [(v.type, v.verdict) for v in check_text(text, evidence=rank_evidence())] == \
        [("rank", "supported"), ("level", "supported"), ("share", "supported")]
    text = "Switzerland is Tajikistan's largest trading partner in Europe, with 9% of Tajikistan's trade in 2022 (8% in " \
           "2021)."
    assert [(v.type, v.claim.parsed.get("year"), v.verdict) for v in check_text(text, evidence=rank_evidence())] == \
        [("rank", 2022, "supported"), ("share", 2022, "supported"), ("share", 2021, "supported")]


def test_a_lead_between_two_partners_is_read_on_shares_of_the_country_s_trade_as_the_indicators_do():
    # 2022: China 2.6 bn vs Russia 2.4 bn of a 8 bn total: 8% apart (below the dollar rule's 10%), but 2.5 points of
    # the country's trade (above the share rule's 2): a clear lead, as indicators.crossover reads it
    trade = {("TJK", "CHN", "turnover", "national_tj"): {2021: 1.8e9, 2022: 2.6e9},
             ("TJK", "RUS", "turnover", "national_tj"): {2021: 2.4e9, 2022: 2.4e9}}
    shares = {("TJK", p, "turnover", "national_tj"): {y: (v / 8e9, v, 8e9) for y, v in values.items()}
              for (_, p, _, _), values in trade.items()}
    text = "China overtook Russia in Tajikistan's trade in 2022."
    assert check_text(text, evidence=FakeEvidence(trade=trade, shares=shares))[0].verdict == "supported"
    v = check_text(text, evidence=FakeEvidence(trade=trade))[0]  # no total known: the amounts, 8% apart
    assert v.verdict == "partly supported" and "no clear lead" in v.reason


def test_a_second_verb_continues_the_first_party():
    trade = {("IND", "RUS", "import", "national_in"): {2021: 7.0e9}, ("IND", "RUS", "export", "national_in"): {2021: 3.3e9}}
    result = check_text("India imported $7 billion worth of goods from Russia in 2021 and exported $3.3 billion to "
                        "Russia.", evidence=FakeEvidence(trade=trade))
    assert [(v.claim.parsed["flow"], v.claim.parsed["country"], v.verdict) for v in result] == \
        [("import", ["IND"], "supported"), ("export", ["IND"], "supported")]


def test_a_state_s_total_trade_over_part_of_a_year_from_monthly_figures():
    # Armenia's trade with the world, January-June (made up): 2021 = 6 x 0.5 bn, 2022 = 6 x 0.6 bn; exports a third
    monthly = {("ARM", "WLD", "turnover", "national_am"): {(y, m): v for y, v in ((2021, 0.5e9), (2022, 0.6e9))
                                                            for m in range(1, 13)},
               ("ARM", "WLD", "export", "national_am"): {(y, m): v / 3 for y, v in ((2021, 0.5e9), (2022, 0.6e9))
                                                          for m in range(1, 13)}}
    text = "Armenia's foreign trade in January-June 2022 reached $3.6 billion, up 20%, with exports of $1.2 billion."
    result = check_text(text, evidence=FakeEvidence(monthly=monthly))
    assert [(v.type, v.claim.parsed["flow"], v.verdict) for v in result] == \
        [("level", "turnover", "supported"), ("change", "turnover", "supported"), ("level", "export", "supported")]
    assert all(v.claim.parsed["partner"] == ["WLD"] and v.claim.parsed["months"] == [1, 6] for v in result)


@pytest.mark.parametrize("text, expected", [
    ("Mongolia's trade with Russia reached $1.8 billion in 2021, about 20% lower than its trade with China.",
     "supported"),  # 1.8 / 2.25 = -20%
    ("Mongolia's trade with Russia in 2021 was 35% lower than Mongolia's $2.25 billion of trade with China.",
     "contradicted"),
    ("Mongolia's trade with Russia in 2021 was 20% higher than its trade with China.", "contradicted"),
])
def test_a_percentage_between_two_partners_is_a_comparison_not_a_growth_rate(text, expected):
    trade = {("MNG", "RUS", "turnover", "national_mn"): {2021: 1.8e9},
             ("MNG", "CHN", "turnover", "national_mn"): {2021: 2.25e9}}
    result = check_text(text, evidence=FakeEvidence(trade=trade))
    assert [v.verdict for v in result if v.type == "ratio"] == [expected]
    assert not [v for v in result if v.type == "change"]


def test_one_state_s_customs_or_statistics_office_is_one_series_whichever_outlet_reported_it():
    from multipolar.claims.pack_evidence import press_family

    assert press_family("GACC (China customs)") == press_family("China MOFCOM (customs basis)") == "CHN customs"
    assert press_family("Tajikistan Statistics Agency") == press_family("Tajikistan statistical agency (via X)")
    assert press_family("Russian government (Manturov)") == "Russian government (Manturov)"  # officials apart
    assert press_family("RIA Novosti calc. from national statistics").startswith("RIA")  # a calculation apart


def test_a_group_s_growth_from_one_customs_series_reported_by_two_outlets(claims_pack, data_dir):
    import csv

    with (data_dir / "press_headline_figures" / "headline_figures.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["country_a"] == "China" and r["country_b"] == "Central Asia (5)"
                and r["flow"] == "total"]
    value = {r["year"]: float(r["value_usd"]) for r in rows}
    growth = (value["2022"] / value["2021"] - 1) * 100  # two outlets (Xinhua, MOFCOM), both China's customs figures
    assert round(growth) == 42
    (v,) = [v for v in check_text("China's trade with Central Asia's five republics grew by about 42% in 2022.",
                                  pack=claims_pack) if v.type == "change"]
    assert v.verdict == "supported" and f"{growth:+.1f}%" in v.reason


def _monthly_rows(country, year, months, values: dict, source="national_am"):
    return [{"country": country, "flow": "import", "source": source, "partner": p, "year": year, "month": m,
             "value": v / len(months)} for p, v in values.items() for m in months]


def test_shares_and_ranks_over_part_of_a_year_from_the_partners_a_monthly_table_lists():
    # Armenia's imports, January-March 2018 (made up): 60 partners listed (the indicators' minimum for their sum to be
    # the total): Russia 300, China 120, Iran 100, Georgia 80, the 56 others 7 each (392): total 992
    values = {"RUS": 300.0, "CHN": 120.0, "IRN": 100.0, "GEO": 80.0}
    others = ["AFG", "AGO", "ALB", "ARE", "ARG", "AUS", "AUT", "AZE", "BEL", "BGD", "BGR", "BLR", "BRA", "CAN", "CHE",
              "CHL", "COL", "CYP", "CZE", "DEU", "DNK", "EGY", "ESP", "EST", "FIN", "FRA", "GBR", "GRC", "HUN", "IDN",
              "IND", "IRL", "ISR", "ITA", "JPN", "KAZ", "KGZ", "KOR", "LTU", "LVA", "MDA", "MEX", "MYS", "NLD", "NOR",
              "PAK", "POL", "PRT", "ROU", "SRB", "SWE", "THA", "TUR", "UKR", "USA", "UZB"]
    values.update({c: 7.0 for c in others})
    evidence = FakeEvidence(monthly_partners=_monthly_rows("ARM", 2018, range(1, 4), values))
    text = "In January-March 2018 Russia supplied {} of Armenia's imports, while China ranked {} with 12.1%."
    result = check_text(text.format("30.2%", "second"), evidence=evidence)
    assert [(v.type, v.verdict) for v in result] == [("share", "supported"), ("rank", "supported"),
                                                    ("share", "supported")]  # 300/992, 2nd, 120/992
    result = check_text(text.format("45%", "fifth"), evidence=evidence)
    assert [v.verdict for v in result] == ["contradicted", "contradicted", "supported"]
    # a table listing too few partners for their sum to be the total: not checked on it
    few = FakeEvidence(monthly_partners=_monthly_rows("ARM", 2018, range(1, 4), {"RUS": 300.0, "CHN": 120.0}))
    assert check_text(text.format("30.2%", "second"), evidence=few)[0].verdict == "unverifiable"


def test_shares_after_which_and_with_a_share_of_and_a_population_exceeded():
    shares = {("TKM", "CHN", "export", "imf_dots"): {2019: (0.78, 7.8e9, 10e9)}}
    (v,) = check_text("Turkmenistan sells its gas to China, which bought 80% of its exports in 2019.",
                      evidence=FakeEvidence(shares=shares))
    assert v.claim.parsed["country"] == ["TKM"] and v.verdict == "supported"  # 78% within 3% of 80%
    macro = [{"country": "KGZ", "year": 2022, "gdp_usd": 11e9, "population": 6.9e6, "source": "worldbank_wdi"}]
    (v,) = check_text("Kyrgyzstan's population exceeded 7.5 million in 2022.", evidence=FakeEvidence(macro=macro))
    assert v.claim.parsed["hedge"] == "more than" and v.verdict == "partly supported"


def test_a_figure_that_may_not_contradict_gives_way_to_a_matching_one_that_may():
    # Russia's 2022 figure is an estimate; Kyrgyzstan's own statistics are full-year reported figures
    trade = {("RUS", "KGZ", "turnover", "imf_imts"): {2021: 3.0e9, 2022: 3.4e9},
             ("KGZ", "RUS", "turnover", "national_kg"): {2021: 3.1e9, 2022: 3.2e9}}
    evidence = FakeEvidence(trade=trade, estimates={("RUS", "KGZ", "turnover", "imf_imts"): {2022}})
    (v,) = check_text("Trade between Russia and Kyrgyzstan grew by 40% in 2022.", evidence=evidence)
    assert v.verdict == "contradicted" and "National Statistical Committee" in v.reason  # +3.2%
    (v,) = check_text("Russian officials said trade between Russia and Kyrgyzstan grew by 40% in 2022.",
                      evidence=evidence)
    assert v.verdict == "unverifiable"  # the text cites Russia's figures, and those are an estimate


def test_an_earlier_amount_with_its_own_year_and_a_rank_held_every_year_since():
    trade = {("KGZ", "KAZ", "export", "national_kg"): {2020: 0.40e9, 2021: 0.52e9}}
    result = check_text("Kyrgyzstan's exports to Kazakhstan reached $520 million in 2021, up from $400 million in "
                        "2020.", evidence=FakeEvidence(trade=trade))
    assert [(v.claim.parsed["year"], v.verdict) for v in result] == [(2021, "supported"), (2020, "supported")]
    ranks = [r for y in (2017, 2018, 2019, 2020) for r in
             _ranks("TJK", y, "turnover", {"RUS": 3e9, "CHN": 2e9 if y < 2019 else 3.5e9, "KAZ": 1e9})]
    evidence = FakeEvidence(ranks=ranks)
    v = check_text("Russia has been Tajikistan's largest trading partner since 2017.", "2021-05-01",
                   evidence=evidence)[0]
    assert v.verdict == "contradicted"  # China first in 2019 and 2020: the latest year decides, then every year
    v = check_text("China has been Tajikistan's largest trading partner since 2017.", "2021-05-01",
                   evidence=evidence)[0]
    assert v.verdict == "partly supported" and "2017, 2018" in v.reason


def test_a_rank_among_a_named_group_of_partners():
    press = {("CHN", c, "turnover", "GACC (China customs)"): {2023: v}
             for c, v in (("KAZ", 41e9), ("KGZ", 19.8e9), ("UZB", 14e9), ("TKM", 10.6e9), ("TJK", 3.9e9))}
    evidence = FakeEvidence(press=press)
    assert check_text("Kyrgyzstan is China's second-largest trading partner in Central Asia.", "2024-03-01",
                      evidence=evidence)[0].verdict == "supported"
    assert check_text("Uzbekistan is China's largest trading partner among the Central Asian states.", "2024-03-01",
                      evidence=evidence)[0].verdict == "contradicted"


def test_ratios_between_partners_in_other_words_and_a_share_from_one_year_to_another():
    trade = {("AZE", "TUR", "import", "national_az"): {2020: 2.0e9}, ("AZE", "RUS", "import", "national_az"): {2020: 1.0e9},
             ("AZE", "TUR", "export", "national_az"): {2020: 1.5e9}, ("AZE", "RUS", "export", "national_az"): {2020: 0.7e9}}
    evidence = FakeEvidence(trade=trade, shares={("AZE", "TUR", "import", "national_az"): {2015: (0.12, 1, 10),
                                                                                        2020: (0.20, 2, 10)}})
    assert check_text("Azerbaijan imports twice as much from Turkey as from Russia.", "2021-05-01",
                      evidence=evidence)[0].verdict == "supported"
    assert check_text("Azerbaijan's exports to Russia were worth less than half its exports to Turkey in 2020.",
                      evidence=evidence)[0].verdict == "supported"  # 0.7 / 1.5 = 0.47
    result = check_text("Turkey's share of Azerbaijan's imports rose from 12% in 2015 to 25% in 2020.", evidence=evidence)
    assert [(v.claim.parsed["year"], v.verdict) for v in result] == [(2015, "supported"), (2020, "contradicted")]


def test_the_year_of_the_clause_a_while_clause_continues():
    trade = {("KAZ", "RUS", "turnover", "national_kz"): {2019: 20e9, 2020: 19e9},
             ("KAZ", "CHN", "turnover", "national_kz"): {2019: 15e9, 2020: 16e9},
             ("KAZ", "CHN", "export", "national_kz"): {2019: 8e9, 2020: 9e9},
             ("KAZ", "CHN", "import", "national_kz"): {2019: 7e9, 2020: 7e9}}
    result = check_text("In 2019, Kazakhstan's trade with Russia exceeded $19 billion, while trade with China reached "
                        "$15 billion.", "2021-06-01", evidence=FakeEvidence(trade=trade))
    assert [(v.claim.parsed["year"], v.verdict) for v in result] == [(2019, "supported"), (2019, "supported")]
    result = check_text("Kazakhstan's exports to China in 2019 were $8 billion, while its imports were $7 billion.",
                        "2021-06-01", evidence=FakeEvidence(trade=trade))
    assert [(v.claim.parsed["flow"], v.claim.parsed["partner"], v.claim.parsed["year"]) for v in result] == \
        [("export", ["CHN"], 2019), ("import", ["CHN"], 2019)]


def test_a_gap_stated_against_the_importer_s_own_figure():
    trade = {("CHN", "MNG", "export", "imf_dots"): {2019: 3.0e9}, ("MNG", "CHN", "import", "national_mn"): {2019: 1.0e9}}
    (v,) = check_text("In 2019, the value of Chinese exports to Mongolia was three times Mongolia's own figure.",
                      evidence=FakeEvidence(trade=trade))
    assert v.type == "gap" and v.claim.parsed["year"] == 2019


@pytest.mark.parametrize("text, goods", [
    ("Mongolia's coal exports to China rose 20% in 2021.", "coal"),
    ("Belarus's potash and fertiliser exports to China rose 20% in 2021.", "fertiliser"),
    ("Mongolia's booming exports to China rose 20% in 2021.", None),
    ("Tajikistan's recorded exports to China rose 20% in 2021.", None),
])
def test_only_a_product_before_a_flow_makes_a_product_category(text, goods):
    (claim,) = parse_claims(text)
    assert claim.parsed.get("goods") == goods


@pytest.mark.parametrize("text", [
    "Trade between Mongolia and Russia reached $2.1 billion in 2021, with Mongolia's exports at $180 million.",
    "Mongolia-Russia trade hit $2.1 billion in 2021, with Mongolian exports at $180 million.",
])
def test_a_flow_after_a_pair_s_trade_goes_to_the_pair_s_other_side(text):
    export = [c for c in parse_claims(text) if c.parsed.get("flow") == "export"]
    assert [(c.parsed["country"], c.parsed["partner"]) for c in export] == [(["MNG"], ["RUS"])]
    assert verdicts(text)[-1] == ("level", "supported")  # Mongolia's exports to Russia: $180 million in 2021


def test_n_times_higher_in_a_year_than_in_another():
    (claim,) = parse_claims("Mongolia's exports to Russia were three times higher in 2021 than in 2019.")
    assert (claim.type, claim.parsed["year"], claim.parsed["base_year"]) == ("multiple", 2021, 2019)
    # $50 million in 2019, $180 million in 2021: 3.6 times
    assert verdicts("Mongolia's exports to Russia were 3.6 times higher in 2021 than in 2019.") == \
        [("multiple", "supported")]


@pytest.mark.parametrize("text", [
    "Tajikistan's trade with China grew by just over 19% in 2021, Tajik statistics show.",
    "According to the Tajik statistics agency, Tajikistan's trade with China rose slightly more than 10% in 2021.",
])
def test_just_over_a_growth_rate_is_never_looser_than_an_unhedged_rate(text):
    # Tajikistan's own figures: $1.1 bn → $1.2 bn in 2021 = +9.1%
    (v,) = [v for v in check_text(text, evidence=evidence()) if v.type == "change"]
    assert v.verdict == ("contradicted" if "19%" in text else "partly supported")


@pytest.mark.parametrize("text", [
    "Mongolia-Russia trade reached $2.1 billion in 2021, of which $180 million were Mongolian exports.",
    "Trade between Mongolia and Russia hit $2.1 billion in 2021, including $180 million in Mongolia's exports.",
    "Mongolia-Russia trade reached $2.1 billion in 2021, of which $1.9 billion were Mongolian imports and $180 "
    "million exports.",
])
def test_a_pair_s_trade_split_by_flow_with_the_figure_before_the_flow(text):
    export = [c.parsed for c in parse_claims(text) if c.parsed.get("flow") == "export"]
    assert [(p["country"], p["partner"], p["value"]) for p in export] == [(["MNG"], ["RUS"], 180e6)]
    assert ("level", "supported") in verdicts(text)


@pytest.mark.parametrize("text, expected", [
    ("Belarusian statistics for 2021 ranked China as Belarus's largest trading partner.", "rank"),
    ("Tajik customs data for 2021 placed China as Tajikistan's No. 1 trade partner.", "rank"),
    ("Figures for 2021 made Russia Tajikistan's top trading partner.", "rank"),
])
def test_a_source_placing_a_partner_first(text, expected):
    assert [c.type for c in parse_claims(text)] == [expected]


def test_a_second_rate_keeps_its_own_since_and_the_first_keeps_its_year():
    text = "Tajikistan's trade with China rose 9% in 2021, having expanded by 20% since the 2019 floods."
    got = [(c.parsed["value"], c.parsed.get("base_year"), c.parsed.get("since")) for c in parse_claims(text)
           if c.type == "change"]
    assert got == [(9.0, 2020, None), (20.0, 2019, True)]
    assert verdicts(text) == [("change", "supported"), ("change", "supported")]  # +9.1% and +20% on TJK's figures


@pytest.mark.parametrize("text", [
    "Mongolia's trade grew, helped by a 260% jump in Mongolian exports to Russia in 2021.",
    "Mongolia's economy recovered, with an almost 200% rise in Mongolia's exports to Russia in 2021.",
])
def test_a_rate_before_a_flow_is_that_flow_s(text):
    (claim,) = [c for c in parse_claims(text) if c.type == "change"]
    assert (claim.parsed["country"], claim.parsed["partner"], claim.parsed["flow"]) == (["MNG"], ["RUS"], "export")


def test_a_share_in_a_later_clause_takes_the_year_the_sentence_named():
    text = "Azerbaijan's exports rose in 2017; Turkey accounted for 17.5% of Azerbaijan's exports."
    (claim,) = [c for c in parse_claims(text) if c.type == "share"]
    assert claim.parsed["year"] == 2017
    assert ("share", "supported") in verdicts(text)


def test_a_crossover_in_a_list_of_states_or_all_of_a_group():
    for text, where in (("China surpassed Russia in trade turnover with Mongolia and Belarus in 2021.", ["MNG", "BLR"]),
                        ("China overtook Russia in trade with all five Central Asian states.", ["CA5"])):
        (claim,) = [c for c in parse_claims(text) if c.type == "crossover"]
        assert claim.parsed["country"] == where


@pytest.mark.parametrize("text", [
    "Mongolia's exports to Russia were $180 million in the financial year July 2020 to June 2021.",
    "Belarus's trade with China reached $5 billion in fiscal year April 2020-March 2021.",
])
def test_a_fiscal_year_written_with_months_is_never_compared_with_a_calendar_year(text):
    (v,) = check_text(text, evidence=evidence())
    assert v.verdict == "unverifiable" and "fiscal year" in v.reason
