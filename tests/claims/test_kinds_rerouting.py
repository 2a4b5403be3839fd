"""Claim kind `rerouting` on a FakeEvidence: sanctions re-routing sentences and made-up EU export figures stated here,
so each verdict follows from the numbers in the test, not from a pack."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence


def row(partner, base, end, year=2022, products="sanctioned", last_month=11):
    months = last_month
    return {"exporter": "EUU", "partner": partner, "products": products, "code_level": "CN8", "base_year": year - 1,
            "year": year, "months": months, "first_month": 1, "last_month": last_month, "base_value": base,
            "end_value": end, "value": end / base, "pct": (end / base - 1) * 100, "currency": "EUR",
            "quality": f"partial_year:{months}m" if months < 12 else "", "source": "eurostat_sanctioned"}


# EU exports of sanctioned goods (made up): Kyrgyzstan x7, Russia x0.4, Armenia x3 (high-priority items x3.5).
ROWS = [row("KGZ", 70e6, 490e6), row("RUS", 30e9, 12e9), row("ARM", 180e6, 540e6),
        row("KGZ", 60e6, 70e6, year=2021, last_month=12), row("ARM", 8e6, 28e6, products="chpl")]


def one(text, rows=ROWS, date="2024-05-01"):
    result = check_text(text, date, evidence=FakeEvidence(rerouting=rows))
    claims = [v for v in result if v.type == "rerouting"]
    assert len(claims) == 1, [(v.type, v.text) for v in result]
    others = [v for v in result if v.type != "rerouting"]
    return claims[0], others


@pytest.mark.parametrize("text, expected", [
    ("EU exports of sanctioned goods to Kyrgyzstan rose sevenfold.", "supported"),
    # no period stated: the data's latest months are not shown to be the claim's, so they may not contradict it
    ("EU exports of sanctioned goods to Kyrgyzstan nearly tripled.", "unverifiable"),
    ("EU exports of sanctioned goods to Kyrgyzstan nearly tripled in 2021.", "contradicted"),  # a full year: x1.17
    ("EU exports of sanctioned goods to Kyrgyzstan rose.", "supported"),
    ("EU exports of sanctioned goods to Russia fell by 60 percent in 2022.", "supported"),
    # a claim about the whole of 2022 against January-November only: the safety rule gives unverifiable
    ("EU exports of sanctioned goods to Russia increased in 2022.", "unverifiable"),
    ("EU exports of high-priority items to Armenia rose 3.5 times.", "supported"),
])
def test_eu_exports_of_sanctioned_goods(text, expected):
    v, others = one(text)
    assert v.verdict == expected, v.reason
    # the figure is this kind's: no all-goods claim is read from it as well
    assert not others, [(o.type, o.text) for o in others]
    assert v.observed and all(o.unit == "multiple" and o.country == "EUU" for o in v.observed)
    assert v.calls[0].name == "rerouting_growth"


def test_partial_year_is_said():
    v, _ = one("EU exports of sanctioned goods to Kyrgyzstan rose sevenfold.")
    assert "Jan-Nov 2022 against Jan-Nov 2021" in v.reason and "partial_year:11m" in v.reason
    assert v.observed[0].note.startswith("Jan-Nov 2022 vs Jan-Nov 2021")
    assert v.observed[0].value == pytest.approx(7.0)


def test_the_west_is_checked_on_the_eu_only():
    v, _ = one("Exports of sanctioned goods from the West to Kyrgyzstan rose sevenfold.")
    assert v.verdict == "partly supported" and "EU's exports only" in v.reason
    assert v.claim.parsed["exporter"] == "WEST"


def test_a_year_outside_the_data_is_unverifiable():
    v, _ = one("EU exports of sanctioned goods to Kyrgyzstan doubled in 2023.")
    assert v.verdict == "unverifiable" and "not 2023" in v.reason


def test_neighbours_own_exports_to_russia_are_unverifiable_with_the_first_leg_shown():
    text = ("Kyrgyzstan and Armenia increased their exports into Russia, including the exporting of sanctioned "
            "goods.")
    v, _ = one(text)
    assert v.claim.parsed["leg"] == "to_russia" and set(v.claim.parsed["partner"]) == {"KGZ", "ARM"}
    assert v.verdict == "unverifiable"
    assert "no product-level figures of these states' own exports to Russia" in v.reason
    assert "KGZ ×7.00" in v.reason
    assert {o.partner for o in v.observed} == {"KGZ", "ARM"}


def test_partner_outside_the_extract():
    v, _ = one("EU exports of sanctioned goods to Tajikistan rose sevenfold.")
    assert v.verdict == "unverifiable" and "extract covers" in v.reason
