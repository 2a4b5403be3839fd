"""A joining no membership pattern reads, read from its cues in one clause (reading/membership_cues.py): made-up
sentences with adverbs, nominal forms and other verbs of joining. Expected dates come from the curated registry
(src/multipolar/registry/memberships.csv, each row citing its official act) and the SCO summit list
(../shared/data/sco_declarations/summits.csv), read here, never from the code under test."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from multipolar.claims import check_text

REGISTRY = Path(__file__).resolve().parents[2] / "src" / "multipolar" / "registry" / "memberships.csv"


def _start(org: str, country: str, role: str = "member") -> str:
    with REGISTRY.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if (r["organization"], r["country"], r["role"]) == (org, country, role)]
    return min(r["start"] for r in rows)


def _membership(text: str, date: str) -> list[tuple]:
    return [(v.claim.parsed.get("relation"), v.claim.parsed.get("org"), tuple(v.claim.parsed.get("country") or ()),
             v.verdict) for v in check_text(text, date) if v.type == "membership"]


def test_the_registry_dates_used_here():
    # The facts the sentences below state, as the registry records them.
    assert _start("SCO", "BLR") == "2024-07-04"      # Astana summit, 4 July 2024
    assert _start("SCO", "IND") == _start("SCO", "PAK") == "2017-06-09"  # Astana summit, 9 June 2017
    assert _start("EAEU", "ARM") == "2015-01-02"
    assert _start("EAEU", "KGZ") == "2015-08-12"


@pytest.mark.parametrize("text,date,expected", [
    # adverbs and verbs no fixed pattern lists, the summit's city dating the joining
    ("At the Astana summit Belarus was formally admitted as a full member of the SCO.", "2024-07-05",
     ("joined", "SCO", ("BLR",), "supported")),
    ("The news agency reports that at the Astana summit Belarus was officially admitted as a full member of the SCO, "
     "making it the organisation's tenth member state.", "2024-07-05", ("joined", "SCO", ("BLR",), "supported")),
    ("India and Pakistan were formally inducted into the SCO at the Astana summit.", "2017-06-10",
     ("joined", "SCO", ("IND", "PAK"), "supported")),
    # a nominal accession with its date
    ("Iran's accession to the SCO was completed on 4 July 2023.", "2023-07-05", ("joined", "SCO", ("IRN",), "supported")),
    ("Armenia's entry into the EAEU took effect in January 2015.", "2015-03-01", ("joined", "EAEU", ("ARM",), "supported")),
    # "May" the month is no modal verb (registry: EAEU,MDA,observer,2018-05-14)
    ("Moldova's admission to the EAEU as an observer took effect in May 2018.", "2018-06-01",
     ("joined", "EAEU", ("MDA",), "supported")),
    # the same with the wrong year: contradicted
    ("Armenia's entry into the EAEU took effect in 2016.", "2016-03-01", ("joined", "EAEU", ("ARM",), "contradicted")),
    ("At the Tashkent summit Belarus was formally admitted as a full member of the SCO.", "2024-07-05",
     ("joined", "SCO", ("BLR",), "contradicted")),
])
def test_a_joining_read_from_its_cues(text, date, expected):
    assert _membership(text, date) == [expected]


def test_an_announced_joining_is_read_to_its_month():
    # "will enter ... on 1 January 2015": Armenia's accession took effect on 2 January 2015 (the month holds),
    # Kyrgyzstan's on 12 August 2015 (the year holds, the month does not): one date off, partly supported.
    text = "Kyrgyzstan and Armenia will officially enter the Russia-led Eurasian union on 1 January 2015."
    got = check_text(text, "2014-12-20")
    member = [v for v in got if v.type == "membership"]
    assert [(v.claim.parsed.get("org"), tuple(v.claim.parsed["country"]), v.verdict) for v in member] == \
        [("EAEU", ("KGZ", "ARM"), "partly supported")]
    assert "announced" in member[0].reason and "one date off" in member[0].reason
    only_armenia = check_text("Armenia will officially enter the Eurasian union on 1 January 2015.", "2014-12-20")
    assert [v.verdict for v in only_armenia if v.type == "membership"] == ["supported"]


@pytest.mark.parametrize("text", [
    "Pakistan hopes to be admitted to the SCO in 2017.",                 # a wish
    "Moldova may gain admission to the EAEU as an observer in 2018.",    # a modal
    "Belarus would be admitted to the SCO at the Astana summit if the members agreed.",  # a condition
    "Russia supports Iran's accession to the SCO at the Samarkand summit.",  # a stance, not a joining
    "Turkey applied for accession to the SCO in 2013.",                   # an application
    "Belarus has not been admitted to the SCO in 2015.",                 # a negation
])
def test_no_joining_is_read_from_a_wish_a_condition_a_stance_or_a_negation(text):
    assert not [v for v in check_text(text, "2024-07-05") if v.type == "membership" and v.claim.parsed.get("note")
                and "cues" in v.claim.parsed["note"]]
