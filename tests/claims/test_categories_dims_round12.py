"""Dims round 12 (claims-r12d): one fact, many phrasings (made-up sentences; expected figures computed here from the
raw files in the shared data, never from the code under test).

- arms: a supplier's share of a state's arms imports said actively, passively, from the recipient's side, as a
  nominal apposition ("Russia, the source of N% of ..."), with "imports of major arms" and "defence imports", "according
  to SIPRI" anywhere, and the window written 2019-2023, 2019–2023, 2019-23, "between 2019 and 2023" or "in the five
  years to 2023": the same claim and verdict;
- membership dates: a month given without a day that is off within the right year is one date off (partly
  supported); a wrong full day, or another year, contradicted; a return written with a gerund ("before restoring its CSTO membership in ...") is read."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text

from test_categories_dims_round9 import sipri  # noqa: F401  (the raw SIPRI register, one reader)


def _share(d, supplier, recipient, first=2019, last=2023):
    rows = d[(d["Recipient"] == recipient) & d["y"].between(first, last)]
    return 100 * rows.loc[rows["Supplier"] == supplier, "tiv"].sum() / rows["tiv"].sum()


def _arms(text, date="2024-06-01"):
    return [(v.claim.parsed.get("supplier"), v.claim.parsed.get("recipient"), v.claim.parsed.get("relation"),
             v.claim.parsed.get("years"), v.verdict) for v in check_text(text, date) if v.type == "arms"]


# One fact, many phrasings: {S} the supplier, {R} the recipient (possessive {Rs}), {N} the share in percent.
PHRASINGS = [
    "{S} supplied {N}% of {Rs} arms imports in 2019-2023, according to SIPRI.",
    "{N}% of {Rs} arms imports in 2019–2023 came from {S}.",
    "{R} sourced {N}% of its weapons from {S} between 2019 and 2023.",
    "According to SIPRI, {S} accounted for {N} percent of {Rs} imports of major arms in 2019-2023.",
    "{S}, the source of {N}% of {Rs} arms imports in 2019-23, was followed by others.",
    "{R} bought {N}% of its weapons from {S} in the five years to 2023.",
    "{S}'s share of {Rs} defence imports was {N}% in 2019-2023.",
    "In 2019-2023 {S} provided {N}% of {Rs} major arms imports, SIPRI data show.",
]
# (supplier, recipient as the register spells both), each a supplier with a clear share of the recipient's imports
FACTS = [("Russia", "India", "RUS", "IND"), ("China", "Pakistan", "CHN", "PAK"), ("Russia", "Armenia", "RUS", "ARM"),
         ("Israel", "Azerbaijan", "ISR", "AZE")]


@pytest.mark.parametrize("template", PHRASINGS)
@pytest.mark.parametrize("fact", FACTS)
def test_an_arms_share_reads_the_same_in_every_phrasing(sipri, template, fact):
    supplier, recipient, s3, r3 = fact
    share = round(_share(sipri, supplier, recipient))  # sipri_arms_transfers/trade_2023.csv, deliveries 2019-2023
    text = template.format(S=supplier, R=recipient, Rs=recipient + "'s", N=share)
    assert _arms(text) == [([s3], [r3], "share", [2019, 2023], "supported")]
    wrong = template.format(S=supplier, R=recipient, Rs=recipient + "'s", N=share + 25)
    assert _arms(wrong) == [([s3], [r3], "share", [2019, 2023], "contradicted")]


def test_the_five_years_to_a_year_is_a_window_not_that_year(sipri):
    share = round(_share(sipri, "Russia", "India"))
    got = _arms(f"India bought {share}% of its weapons from Russia in the five years to 2023.")
    assert got[0][3] == [2019, 2023]
    assert round(_share(sipri, "Russia", "India", 2023, 2023)) != share  # the one year would give another figure


# --- membership dates: one rule for a month or day off within the right year --------------------------------------
# src/multipolar/registry/memberships.csv: CSTO,UZB,member,2006-06-23,2012-06-28; SCO,IRN,member,2023-07-04
@pytest.mark.parametrize("text, expected", [
    ("Uzbekistan rejoined the CSTO in June 2006.", "supported"),
    ("Uzbekistan rejoined the CSTO in 2006.", "supported"),
    ("Uzbekistan rejoined the CSTO in September 2006.", "partly supported"),  # one date off: the year holds
    ("Uzbekistan rejoined the CSTO in 2007.", "contradicted"),
    ("Uzbekistan restored its CSTO membership in November 2006.", "partly supported"),
    ("Uzbekistan left the CSTO in 1998, before restoring its CSTO membership in June 2006.", None),
    ("Iran joined the SCO in July 2023.", "supported"),
    ("Iran joined the SCO in March 2023.", "partly supported"),
    ("Iran joined the SCO in 2022.", "contradicted"),
    ("Iran joined the SCO on 4 March 2023.", "contradicted"),  # a full day that is wrong is precise: contradicted
])
def test_a_month_off_within_the_year_is_one_date_off(text, expected):
    got = [v.verdict for v in check_text(text, "2024-06-01") if v.type == "membership"]
    if expected is None:  # the gerund return is read as its own claim
        assert "supported" in got
    else:
        assert got and got[-1] == expected


@pytest.mark.parametrize("verb", ["before restoring its CSTO membership", "before rejoining the CSTO",
                                  "and restored its CSTO membership", "and returned to the CSTO"])
def test_a_return_reads_the_same_in_every_form(verb):
    text = f"Uzbekistan left the Collective Security Treaty in 1999 {verb} in June 2006."
    got = [(v.claim.parsed.get("relation"), v.claim.parsed.get("year"), v.verdict)
           for v in check_text(text, "2024-06-01") if v.type == "membership"]
    assert ("rejoined", 2006, "supported") in got
