"""The curated membership registry: dated facts from the official acts, the query functions and the summits table."""

from __future__ import annotations

import csv
import datetime as dt
import re

import pandas as pd
import pytest

from multipolar import memberships as ms
from multipolar.countries import CENTRAL_ASIA, FOCUS
from multipolar.errors import DataError, UsageError
from multipolar.sources import registry
from multipolar.store import build_pack, load


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return registry.read_memberships()


# --- SCO facts (each from the act named in the comment) ------------------------------------------------------------

def test_india_joins_the_sco_in_2017_not_before(frame):
    # Astana Declaration, 9 June 2017: India and Pakistan admitted as member states.
    assert "IND" not in ms.members("SCO", 2016, frame=frame)
    assert "IND" in ms.members("SCO", 2017, frame=frame)
    assert ms.status("IND", "SCO", "2017-06-08", frame=frame) == "observer"
    assert ms.status("IND", "SCO", "2017-06-09", frame=frame) == "member"
    assert ms.status("PAK", "SCO", "2016-12-31", frame=frame) == "observer"


def test_iran_member_from_4_july_2023(frame):
    # New Delhi Declaration, 4 July 2023: Iran admitted as a full member state.
    assert "IRN" not in ms.members("SCO", "2023-07-03", frame=frame)
    assert "IRN" in ms.members("SCO", "2023-07-04", frame=frame)
    assert ms.status("IRN", "SCO", dt.date(2023, 7, 3), frame=frame) == "observer"


def test_belarus_member_from_4_july_2024(frame):
    # Astana summit, 4 July 2024: Belarus admitted as a member state.
    assert ms.status("BLR", "SCO", "2024-07-03", frame=frame) == "observer"
    assert ms.status("BLR", "SCO", "2024-07-04", frame=frame) == "member"
    assert ms.status("BLR", "SCO", "2010-01-01", frame=frame) == "dialogue_partner"  # Yekaterinburg 2009


def test_turkmenistan_never_in_the_sco(frame):
    assert (frame.loc[frame.organization == "SCO", "country"] != "TKM").all()
    for year in range(2001, 2026):
        assert ms.status("TKM", "SCO", year, frame=frame) is None


def test_uzbekistan_not_in_the_csto_in_2013(frame):
    # Uzbekistan suspended its CSTO membership on 28 June 2012.
    assert "UZB" not in ms.members("CSTO", 2013, frame=frame)
    assert "UZB" in ms.members("CSTO", 2010, frame=frame)
    assert ms.status("UZB", "CSTO", "2012-06-28", frame=frame) is None
    assert ms.status("UZB", "CSTO", "2003-01-01", frame=frame) is None  # left the treaty in 1999, back in 2006


@pytest.mark.parametrize("day, expected", [
    ("2001-06-14", 0),   # the SCO did not exist yet
    ("2001-06-15", 6),   # Declaration on the Establishment of the SCO: six founding states
    ("2017-06-08", 6),
    ("2017-06-09", 8),   # + India, Pakistan (Astana 2017)
    ("2023-07-04", 9),   # + Iran (New Delhi 2023)
    ("2024-07-04", 10),  # + Belarus (Astana 2024)
])
def test_sco_member_counts(frame, day, expected):
    assert len(ms.members("SCO", day, frame=frame)) == expected


def test_shanghai_five_and_sco_founders(frame):
    five = ["CHN", "KAZ", "KGZ", "RUS", "TJK"]  # Shanghai agreement of 26 April 1996
    assert ms.members("SHANGHAI_FIVE", "1996-04-26", frame=frame) == five
    assert ms.members("SHANGHAI_FIVE", "2001-06-15", frame=frame) == []
    assert ms.members("SCO", "2001-06-15", frame=frame) == sorted(five + ["UZB"])
    assert ms.resolve_group("Shanghai Five", "2020-01-01", frame=frame) == five


def test_other_organizations(frame):
    # EAEU Treaty in force 1 January 2015; Armenia 2 January 2015; Kyrgyzstan 12 August 2015.
    assert ms.members("EAEU", "2015-01-01", frame=frame) == ["BLR", "KAZ", "RUS"]
    assert ms.members("EAEU", "2015-08-12", frame=frame) == ["ARM", "BLR", "KAZ", "KGZ", "RUS"]
    assert ms.status("UZB", "EAEU", "2021-01-01", frame=frame) == "observer"  # SEEC decision of 11 December 2020
    # Georgia left the CIS on 18 August 2009; Turkmenistan associate member since 26 August 2005.
    assert ms.status("GEO", "CIS", "2009-08-17", frame=frame) == "member"
    assert ms.status("GEO", "CIS", "2009-08-18", frame=frame) is None
    assert ms.status("TKM", "CIS", "2010-01-01", frame=frame) == "associate"
    # BRICS: four new members on 1 January 2024, Indonesia on 6 January 2025; Saudi Arabia only invited.
    assert {"EGY", "ETH", "IRN", "ARE"} <= set(ms.members("BRICS", "2024-01-01", frame=frame))
    assert "SAU" not in ms.members("BRICS", 2025, frame=frame)
    assert ms.status("SAU", "BRICS", 2025, frame=frame) == "invited"
    assert "IDN" in ms.members("BRICS", "2025-01-06", frame=frame)
    assert "KAZ" in ms.members("BRICS", "2025-06-01", roles=("partner",), frame=frame)


def test_year_means_any_time_in_the_year_and_status_the_latest_role(frame):
    assert "UZB" in ms.members("CSTO", 2012, frame=frame)        # member until 28 June 2012
    assert ms.status("IND", "SCO", 2017, frame=frame) == "member"  # observer, then member from 9 June
    assert ms.status("TKM", "CIS", 2005, frame=frame) == "associate"


def test_groups_named_in_articles(frame):
    assert ms.resolve_group("the five Central Asian states", frame=frame) == sorted(CENTRAL_ASIA)
    assert ms.resolve_group("SCO members", "2017-06-09", frame=frame) == ms.members("SCO", "2017-06-09", frame=frame)
    assert ms.resolve_group("Members of the SCO", 2016, frame=frame) == ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
    assert ms.resolve_group("EAEU members", "2020-01-01", frame=frame) == ["ARM", "BLR", "KAZ", "KGZ", "RUS"]
    assert ms.resolve_group("CSTO", 2013, frame=frame) == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert ms.resolve_group("BRICS", "2023-06-01", frame=frame) == ["BRA", "CHN", "IND", "RUS", "ZAF"]
    with pytest.raises(UsageError, match="valid choices"):
        ms.resolve_group("the G7", frame=frame)


def test_query_errors_list_choices(frame):
    with pytest.raises(UsageError, match="invalid organization"):
        ms.members("NATO", 2010, frame=frame)
    with pytest.raises(UsageError, match="invalid role"):
        ms.members("SCO", 2010, roles=("guest",), frame=frame)
    with pytest.raises(UsageError, match="invalid date"):
        ms.members("SCO", "15/06/2001", frame=frame)


def test_timeline_is_ordered_and_complete(frame):
    line = ms.timeline("SCO", frame=frame)
    assert list(line["start"]) == sorted(line["start"])
    assert len(line) == int((frame.organization == "SCO").sum())
    india = line[line.country == "IND"]
    assert list(india["role"]) == ["observer", "member"]


# --- the curated files themselves ----------------------------------------------------------------------------------

def _csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_sco_country_is_a_focus_country():
    rows = _csv(registry.MEMBERSHIPS_FILE)
    sco = {r["country"] for r in rows if r["organization"] in ("SCO", "SHANGHAI_FIVE")}
    assert sco - set(FOCUS) == set()


def test_every_row_cites_an_act_with_a_date_or_url():
    for path in (registry.MEMBERSHIPS_FILE, registry.ORGANIZATIONS_FILE):
        for n, row in enumerate(_csv(path), start=2):
            cite = row["citation"]
            assert re.search(r"https?://", cite) or re.search(r"\b(19|20)\d\d\b", cite), (path.name, n)


def test_role_changes_are_separate_rows_that_meet():
    rows = _csv(registry.MEMBERSHIPS_FILE)
    # India: observer 5 July 2005 - 9 June 2017, then member from 9 June 2017 (no gap, no overlap).
    india = sorted((r["start"], r["end"], r["role"]) for r in rows if r["organization"] == "SCO" and
                   r["country"] == "IND")
    assert india == [("2005-07-05", "2017-06-09", "observer"), ("2017-06-09", "", "member")]


def test_parse_gives_the_schema_columns(data_dir):
    from multipolar.schema import TABLES

    tables = registry.parse(data_dir)
    assert sorted(tables) == ["declaration_texts", "memberships", "organizations", "summits"]
    for name, table in tables.items():
        assert list(table.columns) == TABLES[name].columns, name
    assert set(tables["memberships"]["source"]) == {"multipolar_registry"}
    assert set(tables["summits"]["source"]) == {"sco_declarations"}


# --- summits -------------------------------------------------------------------------------------------------------

def test_summits_follow_the_raw_file(data_dir):
    raw = _csv(data_dir / "sco_declarations" / "summits.csv")
    summits = registry.parse(data_dir)["summits"]
    assert len(summits) == len(raw) == 25  # one summit a year, 2001-2025
    unverified = sorted(int(r["year"]) for r in raw if "not verified" in r["declaration_title"])
    assert unverified == [2011, 2013]
    assert sorted(summits.loc[~summits.verified, "year"]) == unverified
    astana = summits[summits.year == 2024].iloc[0]
    assert (astana.date, astana.host_city, astana.host_country) == (dt.date(2024, 7, 4), "Astana", "KAZ")
    assert "Astana Declaration" in astana.declaration
    # A multi-day summit is dated by its last day, when the declaration is signed: Astana, 8-9 June 2017.
    assert summits.loc[summits.year == 2017, "date"].iloc[0] == dt.date(2017, 6, 9)
    assert summits.loc[summits.year == 2023, "host_country"].iloc[0] == "IND"


# --- through the store ---------------------------------------------------------------------------------------------

def test_pack_tables_answer_the_same(data_dir, tmp_path, monkeypatch):
    pack = tmp_path / "pack"
    build_pack(data_dir, pack, names=("registry",))
    stored = load("memberships", pack=pack)
    assert len(stored) == len(registry.read_memberships())
    monkeypatch.setenv("MULTIPOLAR_PACK_DIR", str(pack))
    assert ms.members("SCO", "2024-07-04") == ms.members("SCO", "2024-07-04", frame=stored)
    assert len(ms.members("SCO", "2024-07-04")) == 10
    assert load("summits", pack=pack, source="sco_declarations")["year"].max() == 2025


def test_without_a_pack_the_shipped_registry_answers(tmp_path, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_PACK_DIR", str(tmp_path / "no-pack"))
    assert ms.members("SCO", "2001-06-15") == ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"]


def test_declaration_texts_are_read_whole_with_what_each_document_is(data_dir):
    from multipolar.sources import registry

    texts = registry.parse(data_dir)["declaration_texts"].set_index("year")
    folder = data_dir / "sco_declarations"
    assert sorted(texts.index) == [2018, 2019, 2020, 2022, 2023]
    assert texts.loc[2023, "text"] == (folder / "2023_newdelhi_declaration_en.txt").read_text(encoding="utf-8")
    # PROVENANCE: the 2018 file is the Information Report on the summit, not the Qingdao Declaration.
    assert texts.loc[2018, "document"] == "information report"
    assert texts.loc[2022, "document"] == "declaration"
    assert "multi-" in texts.loc[2023, "text"] and "polarity" in texts.loc[2023, "text"]


def test_missing_declaration_text_is_an_error_naming_the_row(tmp_path):
    from multipolar.sources import registry

    index = tmp_path / "summits.csv"
    index.write_text("year,date,city,declaration_title,source_url,text_file\n"
                     "2019,2019-06-14,Bishkek,Bishkek Declaration,https://eng.sectsco.org/x,2019_bishkek_declaration_en.txt\n",
                     encoding="utf-8")
    with pytest.raises(DataError, match=r"summits.csv, row 2, field 'text_file': text file .* does not exist"):
        registry.read_declaration_texts(index)
