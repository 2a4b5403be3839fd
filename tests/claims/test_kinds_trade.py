"""Trade claim kinds (level, change, multiple, share, rank, comparison, ratio, gap) on a FakeEvidence: made-up
sentences and made-up figures stated here, so each verdict follows from the numbers in the test, not from a pack."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

# Kazakhstan's own statistics (national_kz) and China's press figures, in US dollars (made up).
KAZ_CHN = {2020: 21.5e9, 2021: 25.0e9, 2022: 24.0e9, 2023: 30.0e9}
KAZ_RUS = {2020: 22.0e9, 2021: 26.0e9, 2022: 26.5e9, 2023: 27.0e9}


def ev(**extra) -> FakeEvidence:
    trade = {("KAZ", "CHN", "turnover", "national_kz"): KAZ_CHN, ("KAZ", "RUS", "turnover", "national_kz"): KAZ_RUS,
             ("KAZ", "CHN", "export", "national_kz"): {2022: 13.0e9, 2023: 15.6e9},
             ("KAZ", "CHN", "import", "national_kz"): {2022: 11.0e9, 2023: 14.4e9}}
    trade.update(extra.pop("trade", {}))
    return FakeEvidence(trade=trade, **extra)


def one(text, evidence=None, date="2024-05-01", type_=None):
    result = check_text(text, date, evidence=evidence or ev())
    claims = [v for v in result if type_ is None or v.type == type_]
    assert len(claims) == 1, [(v.type, v.text) for v in result]
    return claims[0]


@pytest.mark.parametrize("text, expected", [
    ("Kazakhstan's trade with China reached $30 billion in 2023.", "supported"),
    ("Kazakhstan's trade with China reached about $31 billion in 2023.", "supported"),
    ("Kazakhstan's trade with China reached $40 billion in 2023.", "contradicted"),
    ("Kazakhstan's trade with China exceeded $29 billion last year.", "supported"),
    ("Kazakhstan traded $30 billion worth of goods with China in 2023.", "supported"),
])
def test_levels_follow_the_hedges(text, expected):
    v = one(text, type_="level")
    assert v.verdict == expected, v.reason
    assert any(o.value == 30.0e9 and o.year == 2023 for o in v.observed)


def test_rose_to_a_from_b_checks_both_values():
    text = "Kazakhstan's trade with China rose to $30 billion in 2023 from $24 billion in 2022."
    result = check_text(text, "2024-05-01", evidence=ev())
    levels = sorted((v.claim.parsed["year"], v.verdict) for v in result if v.type == "level")
    assert levels == [(2022, "supported"), (2023, "supported")]
    wrong = check_text(text.replace("$24 billion", "$14 billion"), "2024-05-01", evidence=ev())
    assert sorted(v.verdict for v in wrong if v.type == "level") == ["contradicted", "supported"]


def test_growth_rates_and_multiples_use_the_year_before():
    assert one("Kazakhstan's trade with China grew 25% in 2023.", type_="change").verdict == "supported"  # 30/24
    assert one("Kazakhstan's trade with China grew 40% in 2023.", type_="change").verdict == "contradicted"
    v = one("Kazakhstan's exports to China grew 1.2 times in 2023.", type_="multiple")  # 15.6 / 13.0 = 1.2
    assert v.claim.parsed["base_year"] == 2022 and v.verdict == "supported"


def test_compound_sentences_judge_every_clause_with_the_first_clause_s_parties_and_year():
    result = check_text("Kazakhstan's exports to China rose 20% in 2023, while imports grew 31%.", "2024-05-01",
                        evidence=ev())
    changes = {v.claim.parsed["flow"]: v for v in result if v.type == "change"}
    assert set(changes) == {"export", "import"}
    assert changes["import"].claim.parsed["partner"] == ["CHN"] and changes["import"].claim.parsed["year"] == 2023
    assert changes["export"].verdict == "supported"  # 15.6 / 13.0 = +20%
    assert changes["import"].verdict == "supported"  # 14.4 / 11.0 = +30.9%


def test_pronouns_take_the_paragraph_subject():
    text = "Kazakhstan's trade with China reached $30 billion in 2023. Its exports to China rose 20%."
    result = check_text(text, "2024-05-01", evidence=ev())
    change = next(v for v in result if v.type == "change")
    assert change.claim.parsed["country"] == ["KAZ"] and change.claim.parsed["flow"] == "export"
    assert change.verdict == "supported"


def test_trade_with_a_partner_alone_belongs_to_the_cited_statistics_country():
    evidence = ev(trade={("RUS", "KAZ", "turnover", "russia_fcs"): {2021: 25.6e9}})
    v = one("According to Russian customs, trade with Kazakhstan amounted to $26 billion in 2021.", evidence,
            type_="level")
    assert v.claim.parsed["country"] == ["RUS"] and v.claim.parsed["reporter"] == ["RUS"]
    assert v.verdict == "supported"


def test_share_and_combined_partners():
    shares = {("KAZ", "CHN", "turnover", "national_kz"): {2023: (0.214, 30.0e9, 140.0e9)},
              ("KAZ", "RUS", "turnover", "national_kz"): {2023: (0.193, 27.0e9, 140.0e9)}}
    evidence = ev(shares=shares)
    assert one("China accounts for 21% of Kazakhstan's trade.", evidence).verdict == "supported"
    v = one("China and Russia together account for 40% of Kazakhstan's trade.", evidence)
    assert v.claim.parsed["partner"] == ["CHN", "RUS"] and v.verdict == "supported"  # 57 / 140 = 40.7%
    assert one("China and Russia together account for 60% of Kazakhstan's trade.", evidence).verdict == "contradicted"


def _ranks(rows):
    return [{"country": c, "partner": p, "flow": f, "year": 2023, "source": "national_kg", "value": rank,
             "partner_value": pv, "n_partners": 50} for c, p, f, rank, pv in rows]


def test_ranks_in_all_their_forms():
    ranks = _ranks([("KGZ", "CHN", "import", 1, 6.0e9), ("KGZ", "RUS", "import", 2, 3.0e9),
                    ("KGZ", "CHE", "export", 1, 1.1e9), ("KGZ", "RUS", "export", 2, 0.7e9),
                    ("KGZ", "KAZ", "export", 3, 0.6e9), ("KGZ", "CHN", "export", 8, 0.1e9),
                    ("KGZ", "CHN", "turnover", 1, 6.1e9), ("KGZ", "RUS", "turnover", 2, 3.7e9)])
    evidence = FakeEvidence(ranks=ranks)
    result = check_text("China is Kyrgyzstan's largest source of imports but only its third-largest export market.",
                        "2024-05-01", evidence=evidence)
    assert [(v.claim.parsed["flow"], v.claim.parsed["value"], v.verdict) for v in result] == \
        [("import", 1, "supported"), ("export", 3, "contradicted")]
    assert one("Russia is the main destination for Kyrgyz exports.", evidence).verdict == "contradicted"
    assert one("China took first place among Kyrgyzstan's trading partners in 2023.", evidence).verdict == \
        "supported"
    v = one("Russia was Kyrgyzstan's second-biggest trading partner in 2023, behind China.", evidence)
    assert v.claim.parsed["behind"] == ["CHN"] and v.verdict == "supported"
    assert one("Russia was Kyrgyzstan's second-largest export market in 2023, behind China.",
               evidence).verdict == "contradicted"  # behind Switzerland, not China


def test_comparison_with_the_lead_rule_never_reads_a_near_tie_as_a_lead():
    near = {("KAZ", "CHN", "turnover", "national_kz"): {2023: 27.2e9},
            ("KAZ", "RUS", "turnover", "national_kz"): {2023: 27.0e9}}
    v = one("Kazakhstan trades more with China than with Russia.", FakeEvidence(trade=near))
    assert v.verdict == "partly supported" and "no clear lead" in v.reason
    assert one("Kazakhstan trades more with China than with Russia.", ev()).verdict == "supported"  # 30 vs 27


def test_ratio_between_partners_and_gap_between_records():
    v = one("Russia's trade with Kazakhstan is 0.9 times China's.", ev(), type_="ratio")
    assert v.verdict == "supported"  # 27 / 30
    gap = {("KGZ", "CHN", "import", "national_kg"): {2019: 0.6e9},
           ("CHN", "KGZ", "export", "imf_dots"): {2019: 2.2e9}}
    v = one("China reported exports to Kyrgyzstan in 2019 nearly four times what Kyrgyzstan recorded.",
            FakeEvidence(trade=gap))
    assert v.type == "gap" and v.verdict == "supported"  # 2.2 / 0.6 = 3.67
    assert "FOB" in " ".join(v.arithmetic)


def test_eu_claims_are_judged_on_eurostat_in_euros():
    evidence = FakeEvidence(trade={("EUU", "KAZ", "export", "eurostat_comext"): {2021: 6.0e9, 2023: 12.1e9},
                                   ("KAZ", "EUU", "import", "national_kz"): {2021: 9.0e9, 2023: 10.0e9}})
    v = one("EU exports to Kazakhstan reached €12 billion in 2023.", evidence)
    assert v.verdict == "supported" and v.observed[0].unit == "EUR"
    v = one("EU exports to Kazakhstan doubled between 2021 and 2023.", evidence)
    assert v.verdict == "supported" and "Eurostat" in v.reason.split(";")[0]


def test_ranks_and_shares_stated_in_passing():
    ranks = _ranks([("KGZ", "CHN", "turnover", 1, 6.1e9), ("KGZ", "RUS", "turnover", 2, 3.0e9),
                    ("KGZ", "RUS", "import", 1, 2.5e9)])
    shares = {("KGZ", "RUS", "import", "national_kg"): {2023: (0.279, 2.5e9, 8.96e9)}}
    trade = {("KGZ", "RUS", "turnover", "national_kg"): {2022: 3.3e9, 2023: 3.0e9}}
    evidence = FakeEvidence(ranks=ranks, shares=shares, trade=trade)
    result = check_text("Kyrgyzstan's trade with Russia totalled $3 billion last year, making Russia its second-largest "
                        "partner.", "2024-02-01", evidence=evidence)
    assert [(v.type, v.verdict) for v in result] == [("level", "supported"), ("rank", "supported")]
    result = check_text("Russia remained Kyrgyzstan's main source of imports in 2023, supplying 27.9% of them.",
                        evidence=evidence)
    assert [(v.type, v.verdict) for v in result] == [("rank", "supported"), ("share", "supported")]


def test_fractions_of_a_change_and_the_two_countries_of_the_previous_sentence():
    assert one("Kazakhstan's trade with China rose by a quarter in 2023.", type_="change").verdict == "supported"
    result = check_text("Kazakhstan and China agreed on new routes. Trade between the two countries grew 25% in 2023.",
                        "2024-05-01", evidence=ev())
    (v,) = result.claims
    assert v.claim.parsed["country"] == ["KAZ"] and v.claim.parsed["partner"] == ["CHN"] and v.verdict == "supported"


def test_a_paragraph_s_region_parts_and_own_partners():
    trade = {("CHN", "KAZ", "turnover", "imf_dots"): {2019: 22.0e9, 2023: 41.0e9},
             ("UZB", "CHN", "import", "national_uz"): {2023: 11.3e9},
             ("UZB", "RUS", "import", "national_uz"): {2023: 6.7e9}}
    text = ("China's footprint in Central Asia keeps growing. China's trade with the region hit $90 billion last "
            "year. Kazakhstan alone accounted for $41 billion of that. Uzbekistan now buys more goods from China than "
            "from Russia: imports from China reached $11.4 billion in 2023, against $6.6 billion from Russia.")
    result = check_text(text, "2024-04-02", evidence=FakeEvidence(trade=trade))
    read = [(v.type, v.claim.parsed.get("country"), v.claim.parsed.get("partner") or v.claim.parsed.get("leader"))
            for v in result]
    assert read == [("level", ["CHN"], ["CA5"]), ("level", ["CHN"], ["KAZ"]), ("comparison", ["UZB"], ["CHN"]),
                    ("level", ["UZB"], ["CHN"]), ("level", ["UZB"], ["RUS"])]
    assert [v.verdict for v in result][1:] == ["supported"] * 4


def test_leads_stated_as_exceeding_losing_a_position_or_followed_by():
    evidence = FakeEvidence(trade={("KAZ", "CHN", "turnover", "national_kz"): {2022: 23.0e9, 2023: 30.0e9},
                                   ("KAZ", "RUS", "turnover", "national_kz"): {2022: 26.5e9, 2023: 27.0e9}},
                            ranks=[{"country": "KAZ", "partner": p, "flow": "turnover", "year": 2023,
                                    "source": "national_kz", "value": k, "partner_value": v, "n_partners": 80}
                                   for p, k, v in (("CHN", 1, 30e9), ("RUS", 2, 27e9), ("ITA", 3, 15e9))])
    v = one("For the first time, China's trade with Kazakhstan exceeded Russia's in 2023.", evidence)
    assert v.claim.parsed["relation"] == "overtook" and v.verdict == "supported"
    # A year before that was a near-tie (gap under the lead rule's 10% for amounts): overtaking is only partly true.
    tie = FakeEvidence(trade={("KAZ", "CHN", "turnover", "national_kz"): {2022: 24.0e9, 2023: 30.0e9},
                              ("KAZ", "RUS", "turnover", "national_kz"): {2022: 26.5e9, 2023: 27.0e9}})
    v = one("For the first time, China's trade with Kazakhstan exceeded Russia's in 2023.", tie)
    assert v.verdict == "partly supported" and "never clearly behind" in v.reason
    assert one("Kazakhstan's trade with China is now larger than its trade with Russia.", evidence,
               "2024-05-01").verdict == "supported"
    result = check_text("Russia lost its position as Kazakhstan's top trade partner to China in 2023.", evidence=evidence)
    assert [(v.type, v.verdict) for v in result] == [("rank", "supported"), ("comparison", "supported")]
    result = check_text("China is Kazakhstan's top trading partner, followed by Russia and Italy.", "2024-05-01",
                        evidence=evidence)
    assert [(v.claim.parsed["partner"], v.claim.parsed["value"], v.verdict) for v in result] == \
        [(["CHN"], 1, "supported"), (["RUS"], 2, "supported"), (["ITA"], 3, "supported")]
