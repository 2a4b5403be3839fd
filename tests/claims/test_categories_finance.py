"""Development finance as real reporting states it (issue 11, round 2): ranks among all AidData's recipients
('the third-largest recipient worldwide', 'the highest amount of any single country'), the amount given with a rank
deciding whether AidData's face value or adjusted amounts were used, flow classes (ODA-like, OOF-like: 'commercially
oriented', 'other official sector loans') and their parts of a portfolio, and amounts from an earlier AidData
release (another price base) never compared with the pack's. Made-up commitments on a FakeEvidence."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence
from multipolar.claims.judging.finance import earlier_release


def _rows(country, year, oda, oof, adjust=1.0):
    """One recipient-year: ODA-like and OOF-like commitments, face value and adjusted (OOF scaled by `adjust`)."""
    out = []
    for amount, factor in (("nominal", 1.0), ("adjusted", adjust)):
        out += [{"country": country, "partner": "CHN", "year": year, "source": "aiddata_gcdf3", "value": v,
                 "amount": amount, "flow_class": c} for c, v in (("ODA-like", oda), ("OOF-like", oof * factor))]
    return out


# Every recipient (worldwide): Angola and Ecuador outside the pack's states; Mongolia's adjusted OOF much lower.
ALL = (_rows("AGO", 2010, 1e9, 40e9) + _rows("ECU", 2012, 0.5e9, 20e9) + _rows("MNG", 2011, 2e9, 25e9, adjust=0.4)
       + _rows("MNG", 2019, 1e9, 2e9) + _rows("LAO", 2016, 3e9, 9e9) + _rows("KGZ", 2013, 1e9, 3e9)
       + _rows("FJI", 2000, 1e6, 0) + _rows("FJI", 2021, 1e6, 0))  # AidData's years: 2000-2021
EVIDENCE = FakeEvidence(finance=[r for r in ALL if r["country"] in ("MNG", "LAO", "KGZ")], finance_all=ALL)


def verdicts(text, date=None):
    return [(v.claim.parsed["relation"], v.verdict) for v in check_text(text, date, evidence=EVIDENCE)]


@pytest.mark.parametrize("text, expected", [
    ("Angola is the largest recipient of Chinese development finance worldwide.", [("rank", "supported")]),
    ("Laos received the largest amount of China's commercially oriented flows of any country.",
     [("rank", "contradicted")]),  # Angola's OOF-like 40 bn is first
    ("Mongolia is the second-largest recipient of Chinese loans in the world.", [("rank", "partly supported")]),
])
def test_ranks_among_all_recipients_not_only_the_pack_s_states(text, expected):
    # Mongolia: 30 bn face value (2nd), 15 bn adjusted (3rd): the two amounts disagree → partly
    assert verdicts(text, "2024-01-10") == expected


def test_the_amount_given_with_a_rank_says_which_of_aiddata_s_amounts_it_used():
    # adjusted: Mongolia 2+10+1+2 = 15 bn (3rd after Angola 41, Ecuador 20.5; Laos 12): the text's $15 bn matches it
    text = "Mongolia is the third-biggest recipient of China's development finance in the world, with a portfolio of " \
           "$15 billion committed in 2010-2019."
    assert verdicts(text, "2024-01-10") == [("rank", "supported"), ("total", "supported")]


def test_flow_class_parts_of_a_portfolio():
    text = "Of China's total lending portfolio of $15 billion committed in Mongolia between 2010 and 2019, 20 per " \
           "cent was official development assistance and 80 percent other official sector loans."
    # adjusted: ODA 3 bn / 15 bn = 20%, OOF 12 / 15 = 80%
    assert verdicts(text, "2024-01-10") == [("total", "supported"), ("share", "supported"), ("share", "supported")]
    wrong = text.replace("20 per cent", "50 per cent")
    assert verdicts(wrong, "2024-01-10")[1] == ("share", "contradicted")


@pytest.mark.parametrize("text, date", [
    ("China committed $4 billion to Kyrgyzstan between 2000 and 2014, according to AidData.", None),
    ("China lent Kyrgyzstan $4 billion, AidData said.", "2022-05-01"),
])
def test_an_amount_from_an_earlier_release_is_not_compared(text, date):
    (v,) = [v for v in check_text(text, date, evidence=EVIDENCE) if v.type == "finance"]
    assert v.verdict == "unverifiable" and "release" in v.reason


def test_the_same_amounts_from_the_held_release_are_judged():
    assert verdicts("China committed $4 billion to Kyrgyzstan between 2000 and 2021, according to AidData.",
                    "2024-01-10") == [("total", "supported")]
    assert earlier_release(2000, 2017, None) and earlier_release(2000, 2021, None) is None


def test_amounts_of_chinese_finance_in_other_words_per_year_and_on_a_named_amount():
    # Mongolia 2010-2019: face value 2+25+1+2 = 30 bn, adjusted 2+10+1+2 = 15 bn
    assert verdicts("Mongolia received $30 billion in Chinese loans between 2010 and 2019.", "2024-01-10") == \
        [("total", "supported")]
    assert verdicts("AidData counts $30 billion of Chinese commitments to Mongolia in 2010-2019 on adjusted "
                    "amounts.", "2024-01-10") == [("total", "contradicted")]
    assert verdicts("Chinese lending to Mongolia averaged about $1.5 billion a year between 2010 and 2019.",
                    "2024-01-10") == [("total", "supported")]  # adjusted 15 bn / 10 years


# Every recipient, face value: Angola 41, Mongolia 30, Ecuador 20.5, Laos 12, Kyrgyzstan 4 bn (107.5 bn in all);
# adjusted: Angola 41, Ecuador 20.5, Mongolia 15, Laos 12, Kyrgyzstan 4 bn (92.5 bn in all).
@pytest.mark.parametrize("text, expected", [
    ("China lent $107.5 billion in loans and grants between 2000 and 2021.", "supported"),  # face value
    ("China committed about $92.5 billion in development finance from 2000 to 2021, AidData says.", "supported"),
    ("China extended $60 billion in development finance worldwide between 2000 and 2021.", "contradicted"),
])
def test_a_lender_s_total_to_every_recipient(text, expected):
    (v,) = check_text(text, evidence=EVIDENCE)
    assert (v.claim.parsed["recipient"], v.verdict) == (["WLD"], expected)


@pytest.mark.parametrize("text, expected", [
    # every amount fits face value (Mongolia's 30 bn only there): ranked on face value
    ("China committed $107.5 billion in development finance in 2000-2021; Angola, with $41 billion, was the top "
     "recipient, followed by Mongolia with $30 billion and Ecuador with $20.5 billion.",
     [("rank", "supported"), ("rank", "supported"), ("rank", "supported")]),
    # every amount fits the adjusted amounts: Ecuador second
    ("China lent about $92.5 billion in development finance in 2000-2021; Angola, with $41 billion, is the largest "
     "borrower, followed by Ecuador with $20.5 billion and Mongolia with $15 billion.",
     [("rank", "supported"), ("rank", "supported"), ("rank", "supported")]),
    ("China lent $107.5 billion in development finance in 2000-2021; Mongolia, with $30 billion, is the largest "
     "recipient, followed by Angola with $41 billion.", [("rank", "contradicted"), ("rank", "contradicted")]),
])
def test_a_ranked_list_with_amounts_is_ranked_on_the_measure_its_amounts_fit(text, expected):
    assert [x for x in verdicts(text) if x[0] == "rank"] == expected


@pytest.mark.parametrize("text", [
    "Mongolia says it has repaid all of its loans to China.",
    "Laos owes China $12 billion, officials estimate.",
    "Kyrgyzstan's outstanding debt to China stood at $4 billion in 2021.",
    "Ecuador defaulted on its Chinese loans in 2020.",
])
def test_repayments_debts_owed_and_defaults_are_not_checkable_on_commitments(text):
    got = [v for v in check_text(text, evidence=EVIDENCE) if v.type == "finance"]
    assert [v.verdict for v in got] == ["unverifiable"] and "commitments only" in got[0].reason
    # the amount belongs to the debt claim: not reported again as an unmatched figure
    assert not [v for v in check_text(text, evidence=EVIDENCE) if v.type == "other"]
