"""Safety rule: a partner (supplier, recipient) absent from the data a judge used is a coverage gap, never a rank of
'nowhere' or a share of zero: the claim is unverifiable, saying so. Made-up figures on a FakeEvidence."""

from __future__ import annotations

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

# Mongolia's monthly exports by partner, January-June 2016: only two partners and the world row are listed.
MONTHLY = [{"country": "MNG", "flow": "export", "source": "national_mn", "partner": partner, "year": 2016,
            "month": m, "value": value} for m in range(1, 7)
           for partner, value in (("WLD", 4.0e8), ("CHN", 3.0e8), ("RUS", 2.0e7))]
RANKS = [{"country": "TJK", "partner": p, "year": 2019, "flow": "turnover", "source": "national_tj", "value": i + 1,
          "partner_value": v, "n_partners": 2} for i, (p, v) in enumerate((("RUS", 1.5e9), ("CHN", 0.9e9)))]
ARMS = [{"country": "KGZ", "partner": p, "year": 2020, "source": "sipri_at", "value": v / 100, "partner_value": v,
         "total_value": 100, "window": 5, "window_years": 5} for p, v in (("RUS", 90), ("BLR", 10))]
EVIDENCE = FakeEvidence(monthly_partners=MONTHLY, ranks=RANKS, arms=ARMS)


def _verdicts(text, date):
    return [(v.type, v.verdict, v.reason) for v in check_text(text, date, evidence=EVIDENCE)]


def test_a_partner_missing_from_the_summed_months_does_not_rank_nowhere():
    for text in ("Kazakhstan was Mongolia's second-largest export market in January-June 2016.",
                 "Kazakhstan ranked third among Mongolia's export markets in the first half of 2016.",
                 "Kazakhstan was Mongolia's third-largest export destination in the first half of 2016."):
        ranks = [x for x in _verdicts(text, "2016-08-01") if x[0] == "rank"]
        assert ranks and all(v == "unverifiable" and "coverage" in why for _, v, why in ranks), (text, ranks)


def test_a_partner_missing_from_the_summed_months_holds_no_share_of_zero():
    shares = [x for x in _verdicts("Kazakhstan took 12% of Mongolia's exports in January-June 2016.", "2016-08-01")
              if x[0] == "share"]
    assert shares and all(v == "unverifiable" and "coverage" in why for _, v, why in shares)
    # a listed partner is still judged: 3.0e8 / 4.0e8 = 75%, so 40% is contradicted
    shares = [x for x in _verdicts("China took 40% of Mongolia's exports in January-June 2016.", "2016-08-01")
              if x[0] == "share"]
    assert [v for _, v, _ in shares] == ["contradicted"]


def test_a_partner_missing_from_a_year_s_partner_list_does_not_rank_nowhere():
    for text in ("Uzbekistan was Tajikistan's third-largest trading partner in 2019.",
                 "In 2019 Uzbekistan was Tajikistan's main trading partner.",
                 "Uzbekistan ranked second among Tajikistan's trade partners in 2019."):
        ranks = [x for x in _verdicts(text, "2020-06-01") if x[0] == "rank"]
        assert ranks and all(v == "unverifiable" and "coverage" in why for _, v, why in ranks), (text, ranks)
    (rank,) = [x for x in _verdicts("China was Tajikistan's largest trading partner in 2019.", "2020-06-01")
               if x[0] == "rank"]
    assert rank[1] == "contradicted"  # listed, and second


def test_a_supplier_with_no_deliveries_held_does_not_rank_nowhere():
    for text in ("China was Kyrgyzstan's second-largest arms supplier in 2016-2020.",
                 "Turkey was the main arms supplier to Kyrgyzstan in 2016-2020.",
                 "China and Turkey were Kyrgyzstan's two main arms suppliers in 2016-2020."):
        arms = [x for x in _verdicts(text, "2021-06-01") if x[0] == "arms"]
        assert arms and all(v == "unverifiable" for _, v, _ in arms), (text, arms)
    (arms,) = [x for x in _verdicts("Belarus was Kyrgyzstan's main arms supplier in 2016-2020.", "2021-06-01")
               if x[0] == "arms"]
    assert arms[1] == "contradicted"  # held, and second


def test_a_supplier_with_no_deliveries_held_has_no_share_of_zero():
    for text in ("Turkey supplied 15% of Kyrgyzstan's major arms imports in 2016-2020.",
                 "China accounted for a fifth of Kyrgyzstan's arms imports in 2016-2020."):
        arms = [x for x in _verdicts(text, "2021-06-01") if x[0] == "arms"]
        assert arms and all(v == "unverifiable" and "coverage" in why for _, v, why in arms), (text, arms)
    (arms,) = [x for x in _verdicts("Belarus supplied 40% of Kyrgyzstan's major arms imports in 2016-2020.",
                                    "2021-06-01") if x[0] == "arms"]
    assert arms[1] == "contradicted"  # held: 10%
