"""Recipients listed with their amount and rank in brackets (round 6): 'the largest recipients of Chinese loans in
W were A ($N billion, first) and B ($M billion, third)': each a rank among all recipients (on the AidData amount its
figure fits) and a total over the window. Made-up commitments on a FakeEvidence."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence


def _rows(country, year, oda, oof):
    return [{"country": country, "partner": "CHN", "year": year, "source": "aiddata_gcdf3", "value": v,
             "amount": amount, "flow_class": c} for amount in ("nominal", "adjusted")
            for c, v in (("ODA-like", oda), ("OOF-like", oof))]


# 2010-2015: Angola 41 bn, Ecuador 20.5 bn, Laos 12 bn, Kyrgyzstan 4 bn (face value = adjusted).
ALL = (_rows("AGO", 2010, 1e9, 40e9) + _rows("ECU", 2012, 0.5e9, 20e9) + _rows("LAO", 2014, 3e9, 9e9)
       + _rows("KGZ", 2013, 1e9, 3e9) + _rows("FJI", 2000, 1e6, 0) + _rows("FJI", 2021, 1e6, 0))
EVIDENCE = FakeEvidence(finance=[r for r in ALL if r["country"] in ("LAO", "KGZ")], finance_all=ALL)


def verdicts(text):
    return [(v.claim.parsed["relation"], v.verdict) for v in check_text(text, "2024-01-10", evidence=EVIDENCE)
            if v.type == "finance"]


@pytest.mark.parametrize("text, expected", [
    ("The largest recipients of Chinese lending in 2010-2015 were Angola ($41 billion, first) and Laos "
     "($12 billion, third).",
     [("rank", "supported"), ("total", "supported"), ("rank", "supported"), ("total", "supported")]),
    ("Recipients of China's development finance over 2010-2015 included Ecuador ($20.5 billion; ranked second) and "
     "Kyrgyzstan ($9 billion, fourth).",
     [("rank", "supported"), ("total", "supported"), ("rank", "supported"), ("total", "contradicted")]),
    ("Among recipients of Chinese loans in 2010-2015, Laos ($12 billion, 2nd) stood out.",
     [("rank", "contradicted"), ("total", "supported")]),
])
def test_recipients_with_amount_and_rank_in_brackets(text, expected):
    assert verdicts(text) == expected


def test_brackets_without_a_lender_s_finance_are_not_read():
    assert verdicts("In 2010-2015 Laos ($12 billion, third) and Kyrgyzstan ($4 billion, fourth) grew fast.") == []


# Laos by year (face value = adjusted): 2014 12 bn, 2016 5 bn, 2017 11.5 bn (within 10% of 2014's: no clear peak).
PEAKS = FakeEvidence(finance=_rows("LAO", 2014, 3e9, 9e9) + _rows("LAO", 2016, 1e9, 4e9) + _rows("LAO", 2017, 1.5e9, 10e9)
                     + _rows("FJI", 2000, 1e6, 0) + _rows("FJI", 2021, 1e6, 0),
                     finance_all=_rows("FJI", 2000, 1e6, 0) + _rows("FJI", 2021, 1e6, 0))


@pytest.mark.parametrize("text, expected", [
    ("2014 was the peak year for Chinese loans to Laos, at $12 billion.", "supported"),
    ("Chinese development finance commitments to Laos peaked in 2016 at $5 billion.", "contradicted"),
    ("2017 marked the record year for Chinese lending to Laos.", "partly supported"),  # 11.5 bn against 12 bn
    ("2014 was the top year for Chinese finance to Laos, at $20 billion.", "partly supported"),  # right year, amount off
])
def test_the_year_a_recipient_s_commitments_peaked(text, expected):
    got = [(v.claim.parsed["relation"], v.verdict) for v in check_text(text, "2024-01-10", evidence=PEAKS)
           if v.type == "finance"]
    assert got == [("peak year", expected)]


@pytest.mark.parametrize("text, expected", [
    ("China provided Laos with $12 billion in loans in 2010-2015.", "supported"),
    ("China has supplied Kyrgyzstan with some $4 billion of development finance over 2010-2015.", "supported"),
    ("China provided Kyrgyzstan with $9 billion in loans in 2010-2015.", "contradicted"),
])
def test_a_lender_providing_a_recipient_with_an_amount(text, expected):
    assert verdicts(text) == [("total", expected)]
