"""COW IGO parser against its raw file, and our registry against COW up to 2014: every disagreement is explained."""

from __future__ import annotations

import csv
import datetime as dt
import gzip

import pytest

from multipolar.sources import cow_igo, registry

COW_FILE = ("cow_igo", "igo_eurasia_selected_long.csv.gz")
# Attribute columns of COW's wide IGO table that the long file carries as `state` values (not states).
ATTRIBUTES = {"accuracyofpre1965membershipdates", "dead", "deaddate", "economic", "imputed", "integrated", "ionum",
              "longorgname", "political", "replaced", "sdate", "social", "sourcesandnotes", "version"}
COMPARED = ("SCO", "CSTO", "CIS", "EAEC")
# COW status codes and the registry roles that correspond to them (other roles, e.g. SCO dialogue partner or BRICS
# partner, have no COW code and count as "none").
COW_WORDS = {"1.0": "full", "2.0": "associate", "3.0": "observer"}
ROLE_TO_COW = {"member": "full", "associate": "associate", "observer": "observer"}


def _raw_rows(data_dir):
    with gzip.open(data_dir.joinpath(*COW_FILE), "rt", encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["state"] not in ATTRIBUTES]


def _label_to_iso3():
    from multipolar.countries import MAPPINGS_DIR

    with open(MAPPINGS_DIR / "cow_igo.csv", encoding="utf-8", newline="") as fh:
        return {r["name"]: r["iso3"] for r in csv.DictReader(fh)}


def test_parser_keeps_exactly_the_non_none_rows(data_dir):
    raw = _raw_rows(data_dir)
    kept = [r for r in raw if r["status"] not in ("0.0", "-1.0")]
    frame = cow_igo.parse(data_dir)["igo_memberships"]
    assert len(frame) == len(kept) == 1280
    by_status = {}
    for r in kept:
        word = {"1.0": "full", "2.0": "associate", "3.0": "observer", "-9.0": "missing"}[r["status"]]
        by_status[word] = by_status.get(word, 0) + 1
    assert frame["status"].value_counts().to_dict() == by_status
    assert set(frame["organization"]) == {r["ioname"] for r in kept}
    # Spot checks straight from the raw file: Uzbekistan's CSTO years, Turkmenistan's CIS associate status.
    uzb = frame[(frame.organization == "CSTO") & (frame.country == "UZB")]
    assert sorted(uzb.year) == sorted(int(float(r["year"])) for r in kept
                                      if r["ioname"] == "CSTO" and r["state"] == "uzbekistan")
    assert frame[(frame.organization == "CIS") & (frame.country == "TKM") & (frame.year == 2005)].status.item() \
        == "associate"


# --- registry against COW --------------------------------------------------------------------------------------------

FIVE = ("CHN", "KAZ", "KGZ", "RUS", "TJK")
EXPECTED: dict[tuple[str, str, int], str] = {}
for _c in FIVE:
    for _y in range(1996, 2001):
        EXPECTED[("SCO", _c, _y)] = (
            "COW's SCO entry (ionum 4115, 'Shanghai Cooperation Organisation/Shanghai Pact/Shanghai Five') starts with "
            "the Shanghai agreement of 26 April 1996; the registry records that period as SHANGHAI_FIVE and the SCO "
            "from its establishment on 15 June 2001")
for _c, _first, _why in [("MNG", 2004, "Tashkent 2004"), ("IND", 2005, "Astana 2005"), ("PAK", 2005, "Astana 2005"),
                         ("IRN", 2005, "Astana 2005"), ("AFG", 2012, "Beijing 2012")]:
    for _y in range(_first, 2015):
        EXPECTED[("SCO", _c, _y)] = (
            f"COW codes no SCO observers (PROVENANCE: observers are 0 in 2014); the registry records the observer "
            f"status granted at {_why}")
for _y in range(2002, 2006):
    EXPECTED[("CSTO", "UZB", _y)] = (
        "COW codes Uzbekistan in the CSTO from its 2002 charter, but Uzbekistan left the Collective Security Treaty in "
        "1999 (no extension protocol) and joined the CSTO only on 23 June 2006")
EXPECTED[("CSTO", "UZB", 2012)] = (
    "Uzbekistan suspended its membership on 28 June 2012, so it was a member for part of 2012; COW ends its "
    "membership in 2011")
for _c in ("AFG", "SRB"):
    for _y in (2013, 2014):
        EXPECTED[("CSTO", _c, _y)] = (
            "COW codes an observer; Afghanistan and Serbia became observers in the CSTO Parliamentary Assembly in "
            "2013, not in the Organization itself")
for _y in (1993, 1994):
    EXPECTED[("CIS", "GEO", _y)] = (
        "Georgia acceded in December 1993 (Charter ratified in 1994); COW codes it only from 1995")
for _y in (2008, 2009):
    EXPECTED[("CIS", "GEO", _y)] = (
        "Georgia notified its withdrawal on 18 August 2008, effective 18 August 2009 (CIS Charter art. 9); COW ends "
        "its membership in 2007")
for _y in range(1993, 2015):
    EXPECTED[("CIS", "UKR", _y)] = (
        "COW codes Ukraine as an associate from 1993 because it never ratified the CIS Charter of 22 January 1993; the "
        "registry records it as a founding (participating) state until the decree of 19 May 2018, with that caveat "
        "in the row's note")
EXPECTED[("EAEC", "UZB", 2005)] = (
    "COW codes Uzbekistan from 2005, when the merger of the Central Asian Cooperation Organization into EurAsEC was "
    "agreed; the Interstate Council admitted Uzbekistan on 25 January 2006")
for _y in range(2009, 2015):
    EXPECTED[("EAEC", "UZB", _y)] = (
        "COW does not record Uzbekistan's suspension of its EurAsEC participation in October 2008")
for _c, _first in (("ARM", 2003), ("MDA", 2003), ("UKR", 2000)):
    for _y in range(_first, 2015):
        EXPECTED[("EAEC", _c, _y)] = (
            "COW codes an EurAsEC observer; the registry does not record EurAsEC observers yet (the dates of the "
            "decisions granting the status were not verified from official acts)")


def _registry_roles(year_first: dt.date, year_after: dt.date):
    """{(org, country): {COW words}} held at any time in [year_first, year_after), straight from the CSV."""
    held: dict[tuple[str, str], set[str]] = {}
    with open(registry.MEMBERSHIPS_FILE, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["organization"] not in COMPARED or r["role"] not in ROLE_TO_COW:
                continue
            start = dt.date.fromisoformat(r["start"])
            end = dt.date.fromisoformat(r["end"]) if r["end"] else dt.date.max
            if start < year_after and end > year_first:
                held.setdefault((r["organization"], r["country"]), set()).add(ROLE_TO_COW[r["role"]])
    return held


def test_registry_agrees_with_cow_up_to_2014_except_where_explained(data_dir):
    labels = _label_to_iso3()
    cow: dict[tuple[str, str, int], str] = {}
    years: dict[str, set[int]] = {}
    for r in _raw_rows(data_dir):
        if r["ioname"] not in COMPARED:
            continue
        year = int(float(r["year"]))
        years.setdefault(r["ioname"], set()).add(year)
        if r["status"] in COW_WORDS:
            iso = labels[r["state"]]
            assert iso, f"COW gives dead state {r['state']} a status in {r['ioname']} {year}"
            cow[(r["ioname"], iso, year)] = COW_WORDS[r["status"]]
    disagreements: dict[tuple[str, str, int], str] = {}
    for org in COMPARED:
        for year in sorted(y for y in years[org] if y <= 2014):
            held = _registry_roles(dt.date(year, 1, 1), dt.date(year + 1, 1, 1))
            countries = {c for (o, c) in held if o == org} | {c for (o, c, y) in cow if o == org and y == year}
            for country in countries:
                ours = held.get((org, country), set())
                theirs = cow.get((org, country, year), "none")
                agree = (not ours) if theirs == "none" else theirs in ours
                if not agree:
                    disagreements[(org, country, year)] = f"registry {sorted(ours) or 'none'}, COW {theirs}"
    unexplained = {k: v for k, v in disagreements.items() if k not in EXPECTED}
    stale = sorted(k for k in EXPECTED if k not in disagreements)
    assert not unexplained, f"{len(unexplained)} unexplained disagreements with COW: {sorted(unexplained.items())}"
    assert not stale, f"explained exceptions that no longer disagree (remove them): {stale}"
    assert len(disagreements) == len(EXPECTED)


def test_cow_confirms_the_core_dates(data_dir):
    frame = cow_igo.parse(data_dir)["igo_memberships"]
    full = frame[frame.status == "full"]

    def years(org, country):
        return sorted(full[(full.organization == org) & (full.country == country)].year)

    assert years("SCO", "UZB")[0] == 2001          # Uzbekistan joins at the SCO's founding, not the Shanghai Five
    assert years("CIS", "GEO") == list(range(1995, 2008))
    assert "TKM" not in set(frame[frame.organization == "SCO"].country)


@pytest.mark.parametrize("org", COMPARED)
def test_compared_organizations_exist_in_both(org, data_dir):
    frame = cow_igo.parse(data_dir)["igo_memberships"]
    assert org in set(frame.organization)
    assert org in set(registry.read_organizations().organization)
