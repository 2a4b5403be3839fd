"""Dimensions the data pack covers, stated in ways no reader matched before round 4 (issue 11): a buyer's share of a
supplier's arms exports after its rank, a supplier ranked among a recipient's suppliers, Chinese development finance
'spent on' a region or 'received as financial support' over a window and a part of it for one recipient, a state's
profile (population, GDP and GDP per head in one clause), and a state's voting coincidence with another state (over a
selection of votes: another measure). Made-up sentences and figures on FakeEvidence; each verdict follows from them."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence


def _arms(country, end, values: dict):
    total = sum(values.values())
    return [{"country": country, "partner": p, "year": end, "source": "sipri_at", "value": v / total,
             "partner_value": v, "total_value": total, "window": 5, "window_years": 5} for p, v in values.items()]


# Turkey's deliveries 2015-2019 (the supplier's side) and Georgia's imports 2015-2019 by supplier (made up).
ARMS = FakeEvidence(arms=_arms("GEO", 2019, {"UKR": 60, "FRA": 25, "TUR": 15}),
                    arms_exports=_arms("TUR", 2019, {"TKM": 300, "PAK": 200, "GEO": 100, "OMN": 100, "ARE": 300}))


def arms(text):
    return [(v.claim.parsed["relation"], v.verdict) for v in check_text(text, "2020-06-01", evidence=ARMS)
            if v.type == "arms"]


@pytest.mark.parametrize("text, share", [
    ("Turkmenistan was the largest destination for Turkish weapons in 2015-2019, receiving 30% of them.", "supported"),
    ("Turkmenistan is Turkey's largest arms buyer, taking 45% of its arms exports in 2015-2019.", "contradicted"),
    ("In 2015-2019 Turkmenistan was the top recipient of Turkish weapons, with 30% of the total.", "supported"),
])
def test_a_buyer_s_share_after_its_rank(text, share):
    got = arms(text)
    assert ("share", share) in got and got[0][0] == "rank"


@pytest.mark.parametrize("text, expected", [
    ("France stood second among weapons suppliers for Georgia in 2015-2019, accounting for 25% of deliveries.",
     [("rank", "supported"), ("share", "supported")]),
    ("Turkey came third among the arms suppliers of Georgia in 2015-2019.", [("rank", "supported")]),
    ("Turkey ranked second among weapons suppliers to Georgia in 2015-2019, with 40% of them.",
     [("rank", "contradicted"), ("share", "contradicted")]),
])
def test_a_supplier_ranked_among_a_recipient_s_suppliers(text, expected):
    assert arms(text) == expected


def _finance(country, year, value):
    return [{"country": country, "partner": "CHN", "year": year, "source": "aiddata_gcdf3", "value": value,
             "amount": amount, "flow_class": "OOF-like"} for amount in ("nominal", "adjusted")]


# AidData-like commitments 2000-2021: Kazakhstan 10 bn in 2005 and 20 bn in 2015; Tajikistan 4 bn in 2012.
FINANCE_ROWS = _finance("KAZ", 2005, 10e9) + _finance("KAZ", 2015, 20e9) + _finance("TJK", 2012, 4e9) + \
    _finance("KGZ", 2000, 1e6) + _finance("KGZ", 2021, 1e6)
FINANCE = FakeEvidence(finance=FINANCE_ROWS, finance_all=FINANCE_ROWS)


def finance(text, date="2024-06-01"):  # after AidData 3.0 was released
    return [v.verdict for v in check_text(text, date, evidence=FINANCE) if v.type == "finance"]


@pytest.mark.parametrize("text, expected", [
    ("China has spent $30 billion on loans to Kazakhstan since 2000.", ["supported"]),
    ("Tajikistan obtained over $3.9 billion in Chinese financial assistance from 2010 to 2020.", ["supported"]),
    ("China poured $12 billion of loans into Kazakhstan between 2001 and 2010.", ["contradicted"]),  # 10 bn
    ("Since 2000 China has channelled $34 billion of lending into Kazakhstan, Kyrgyzstan and Tajikistan, "
     "$4 billion of it in Tajikistan.", ["supported", "supported"]),
])
def test_development_finance_over_a_window_and_a_part_of_it(text, expected):
    assert finance(text) == expected


# World Bank-like figures (made up): Armenia 2018 population 2.95 million, GDP $12.4 bn (about $4,200 per head).
MACRO = FakeEvidence(macro=[{"country": "ARM", "year": 2018, "gdp_usd": 12.4e9, "population": 2.95e6,
                             "source": "worldbank_wdi"}])


@pytest.mark.parametrize("text, expected", [
    ("In 2018 Armenia counted 2.95 million people, with a GDP of $12.4 billion, i.e. $4,200 per head.",
     ["supported", "supported", "supported"]),
    ("Armenia had some 3 million people in 2018, with a GDP of $12 billion, or $4,000 per capita.",
     ["supported", "supported", "partly supported"]),  # $12 billion rounds $12.4 billion
    ("In 2018 Armenia had 4.5 million residents.", ["contradicted"]),
])
def test_a_state_s_profile_population_gdp_and_gdp_per_head(text, expected):
    assert [v.verdict for v in check_text(text, evidence=MACRO) if v.type == "macro"] == expected


AGREEMENT = FakeEvidence(un=[{"country": "KGZ", "partner": p, "year": 2016, "source": "unvotes", "value": v}
                             for p, v in (("CHN", 0.8), ("RUS", 0.75))])


@pytest.mark.parametrize("text, expected, why", [
    ("In 2016 Kyrgyzstan voted the same way as China 80 percent of the time.", "supported", ""),
    ("In 2016 Kyrgyzstan voted with the United States in only 30% of the votes.", "unverifiable",
     "China and Russia only"),
    ("Kyrgyzstan sided with China on 40% of the votes in 2016, counting only the 10 important votes.",
     "unverifiable", "selection of votes"),
])
def test_voting_coincidence_with_another_state(text, expected, why):
    (v, *_) = [v for v in check_text(text, evidence=AGREEMENT) if v.type == "votes"]
    assert v.verdict == expected and why in v.reason
