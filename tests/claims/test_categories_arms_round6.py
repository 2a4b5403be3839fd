"""Arms claims in more phrasings (round 6): a transitive change ('X raised its arms imports by N%', 'cut its arms
exports'), a buyer's share of a supplier's arms sales or exports ('X accounted for N% of Y's arms sales', never read
as X supplying Y), and a share moving 'from A% to B% between W1 and W2' (each share its own window). Made-up
SIPRI-like figures (trend-indicator values) on a FakeEvidence."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence


def _rows(country, end, values: dict):
    total = sum(values.values())
    return [{"country": country, "partner": p, "year": end, "source": "sipri_at", "value": v / total,
             "partner_value": v, "total_value": total, "window": 5, "window_years": 5} for p, v in values.items()]


# Mongolia: 800 TIV in 2014-2018 (Russia 50%), 1,000 in 2019-2023 (Russia 70%): +25%.
# Russia's deliveries: 6,000 TIV in 2014-2018 (India 2,500 = 41.7%), 3,500 in 2019-2023 (-41.7%).
EVIDENCE = FakeEvidence(
    arms=_rows("MNG", 2018, {"RUS": 400, "CHN": 400}) + _rows("MNG", 2023, {"RUS": 700, "CHN": 300}),
    arms_exports=(_rows("RUS", 2018, {"IND": 2500, "CHN": 1400, "DZA": 1000, "EGY": 600, "MNG": 500})
                  + _rows("RUS", 2023, {"IND": 1800, "CHN": 1100, "DZA": 200, "EGY": 300, "MNG": 100})))


def verdicts(text):
    return [(v.claim.parsed["relation"], v.claim.parsed.get("side"), v.verdict)
            for v in check_text(text, evidence=EVIDENCE) if v.type == "arms"]


@pytest.mark.parametrize("text, expected", [
    ("Mongolia raised its arms imports by 25% in 2019-2023 compared with the previous five years.", "supported"),
    ("Mongolia has increased its weapons imports by about 60% between 2014-2018 and 2019-2023.", "contradicted"),
    ("Russia cut its arms exports by 42% between 2014-18 and 2019-23.", "supported"),
    ("Russia slashed its arms exports by 10% in 2019-2023.", "contradicted"),
])
def test_a_transitive_change(text, expected):
    assert [(rel, v) for rel, _, v in verdicts(text)] == [("change", expected)]


@pytest.mark.parametrize("text, expected", [
    ("India accounted for over 40 percent of Russia's total arms sales in 2014-2018.", "supported"),
    ("India accounts for 20% of Russia's arms exports in 2014-2018.", "contradicted"),
    ("Mongolia accounted for 8% of Russia's arms sales in 2014-2018.", "supported"),
])
def test_a_buyer_s_share_of_a_supplier_s_sales_is_the_supplier_s_side(text, expected):
    assert verdicts(text) == [("share", "exports", expected)]


@pytest.mark.parametrize("text, expected", [
    ("Russia's share of Mongolia's arms imports rose from 50% to 70% between 2014-2018 and 2019-2023.",
     ["supported", "supported"]),
    ("Russia's share of Mongolia's arms imports fell from 70% to 50% between 2014-2018 and 2019-2023.",
     ["contradicted", "contradicted"]),
    ("Russia's share of Mongolia's arms imports rose from 50% to 90% between 2014-2018 and 2019-2023.",
     ["supported", "contradicted"]),
])
def test_a_share_from_a_to_b_between_two_windows(text, expected):
    assert [v for _, _, v in verdicts(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Russia remains Mongolia's biggest source of weapons.", ("rank", "supported")),
    ("China sold radars to Mongolia in 2019-2023, becoming its main arms supplier.", ("rank", "contradicted")),
    ("China supplied helicopters to Mongolia in 2019-2023, becoming its second-largest arms supplier.",
     ("rank", "supported")),
    ("Mongolia gets almost all of its weapons from China.", ("share", "contradicted")),  # 30%
])
def test_a_rank_or_share_in_other_words(text, expected):
    assert [(rel, v) for rel, _, v in verdicts(text)] == [expected]


@pytest.mark.parametrize("text, date, expected", [
    # the data end with 2023 deliveries; SIPRI publishes a year the next March
    ("China supplied half of the weapons Mongolia bought in the last five years.", "2024-09-01", "contradicted"),
    ("China supplied half of the weapons Mongolia bought in the last five years.", "2025-09-01", "unverifiable"),
    ("Russia supplied 70% of the weapons Mongolia bought in the last five years.", "2025-09-01", "supported"),
    ("China supplied half of Mongolia's arms imports in 2019-2023.", "2025-09-01", "contradicted"),  # stated window
])
def test_a_window_the_text_did_not_state_and_the_data_do_not_reach(text, date, expected):
    got = [v for v in check_text(text, date, evidence=EVIDENCE) if v.type == "arms"]
    assert [v.verdict for v in got] == [expected]
    if expected == "unverifiable":
        assert "ends with 2023" in got[0].reason and "2024" in got[0].reason
