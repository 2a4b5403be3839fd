"""Malformed curated rows, summit lists and COW files stop with an error naming the file, row and field."""

from __future__ import annotations

import gzip

import pytest

from multipolar.errors import DataError, UnknownCountryError
from multipolar.sources import cow_igo, registry

HEADER = "organization,country,role,start,end,citation,note\n"
GOOD = "SCO,CHN,member,2001-06-15,,Declaration on the Establishment of the SCO (15 June 2001),founding member\n"


def _write(tmp_path, body, header=HEADER, name="memberships.csv"):
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


def _error(path) -> DataError:
    with pytest.raises(DataError) as info:
        registry.read_memberships(path)
    return info.value


def test_good_file_reads(tmp_path):
    frame = registry.read_memberships(_write(tmp_path, GOOD))
    assert frame.loc[0, "country"] == "CHN" and frame.loc[0, "end"] is None


@pytest.mark.parametrize("bad, field, words", [
    ("SCO,IND,member,2017-06-31,,act,\n", "start", "not a valid date"),
    ("SCO,IND,member,9 June 2017,,act,\n", "start", "YYYY-MM-DD"),
    ("SCO,IND,member,,,act,\n", "start", "date missing"),
    ("SCO,IND,member,2017-06-09,2017-13-01,act,\n", "end", "not a valid date"),
    ("SCO,XYZ,member,2017-06-09,,act,\n", "country", "unknown ISO3"),
    ("SCO,India,member,2017-06-09,,act,\n", "country", "unknown ISO3"),
    ("SCO,WLD,member,2017-06-09,,act,\n", "country", "unknown ISO3"),
    ("SCO,IND,member,2017-06-09,2005-07-05,act,\n", "end", "not after start"),
    ("SCO,IND,member,2017-06-09,2017-06-09,act,\n", "end", "not after start"),
    ("SCO,IND,guest,2017-06-09,,act,\n", "role", "unknown role"),
    ("NATO,IND,member,2017-06-09,,act,\n", "organization", "unknown organization"),
    ("SCO,IND,member,1999-01-01,,act,\n", "start", "before SCO was founded"),
    ("EAEC,UZB,member,2006-01-25,,act,\n", "end", "dissolved"),
    ("SCO,IND,member,2017-06-09,,,\n", "citation", "act it rests on"),
])
def test_bad_rows_name_file_row_and_field(tmp_path, bad, field, words):
    path = _write(tmp_path, GOOD + bad)
    error = _error(path)
    assert (error.file, error.row, error.field) == (str(path), 3, field)
    assert words in error.message
    assert f"row 3, field '{field}'" in str(error)


def test_overlapping_rows_for_the_same_role(tmp_path):
    body = GOOD + ("SCO,IND,observer,2005-07-05,2017-06-09,act,\n"
                   "SCO,IND,member,2017-06-09,,act,\n"       # meets the observer row: fine (other role, no overlap)
                   "SCO,IND,observer,2017-06-08,,act,\n")    # overlaps row 3
    error = _error(_write(tmp_path, body))
    assert (error.row, error.field) == (5, "start") and "overlaps row 3" in error.message


def test_wrong_header_and_short_row(tmp_path):
    error = _error(_write(tmp_path, GOOD, header="organisation,country,role,start,end,citation,note\n"))
    assert error.row == 1 and "header" in error.message
    error = _error(_write(tmp_path, GOOD + "SCO,IND,member\n"))
    assert error.row == 3 and "fields" in error.message


def test_bad_organizations_file(tmp_path):
    header = "organization,name,kind,founded,parent,dissolved,citation,note\n"
    good = "SCO,Shanghai Cooperation Organisation,organization,2001-06-15,,,Declaration (15 June 2001),\n"
    cases = [
        ("SCO_RATS,RATS,body,2002-06-07,XYZ,,Agreement (7 June 2002),\n", "parent"),
        ("SCO_RATS,RATS,committee,2002-06-07,SCO,,Agreement (7 June 2002),\n", "kind"),
        ("SCO_RATS,RATS,body,2002-06-07,SCO,2001-01-01,Agreement (7 June 2002),\n", "dissolved"),
        ("SCO,again,organization,2001-06-15,,,Declaration (15 June 2001),\n", "organization"),
    ]
    for bad, field in cases:
        path = _write(tmp_path, good + bad, header=header, name="organizations.csv")
        with pytest.raises(DataError) as info:
            registry.read_organizations(path)
        assert (info.value.row, info.value.field) == (3, field), bad


def test_bad_summit_rows(tmp_path):
    header = "year,date,city,declaration_title,source_url,text_file\n"
    cases = [
        ("2009,2009-06-16/15,Yekaterinburg,Declaration,,\n", "date"),
        ("2009,2010-06-16,Yekaterinburg,Declaration,,\n", "date"),
        ("2009,16 June 2009,Yekaterinburg,Declaration,,\n", "date"),
        ("2009,2009-06-16,Atlantis,Declaration,,\n", "city"),
        ("two thousand,2009-06-16,Ufa,Declaration,,\n", "year"),
    ]
    for bad, field in cases:
        path = _write(tmp_path, bad, header=header, name="summits.csv")
        with pytest.raises(DataError) as info:
            registry.read_summits(path)
        assert (info.value.row, info.value.field) == (2, field), bad


def _cow(tmp_path, rows):
    path = tmp_path / "igo.csv.gz"
    text = "ioname,orgname,year,state,status\n" + "".join(rows)
    path.write_bytes(gzip.compress(text.encode()))
    return path


def test_cow_reader_keeps_members_and_rejects_bad_cells(tmp_path):
    rows = ["SCO,Shanghai,2001.0,uzbekistan,1.0\n", "SCO,Shanghai,2001.0,turkmenistan,0.0\n",
            "SCO,Shanghai,2001.0,version,3.0\n", "CIS,CIS,2005.0,turkmenistan,2.0\n"]
    frame = cow_igo.read_igo(_cow(tmp_path, rows))
    assert frame.to_dict("records") == [
        {"organization": "CIS", "country": "TKM", "year": 2005, "status": "associate", "source": "cow_igo"},
        {"organization": "SCO", "country": "UZB", "year": 2001, "status": "full", "source": "cow_igo"}]
    for bad, field in [("SCO,Shanghai,2001.0,uzbekistan,7.0\n", "status"),
                       ("SCO,Shanghai,2001.0,uzbekistan,\n", "status"),
                       ("SCO,Shanghai,2001.5,uzbekistan,1.0\n", "year"),
                       ("NATO,North Atlantic,2001.0,uzbekistan,1.0\n", "ioname"),
                       ("SCO,Shanghai,1989.0,egermany,1.0\n", "state")]:
        with pytest.raises(DataError) as info:
            cow_igo.read_igo(_cow(tmp_path, rows + [bad]))
        assert (info.value.row, info.value.field) == (6, field), bad
    with pytest.raises(UnknownCountryError, match="atlantis"):
        cow_igo.read_igo(_cow(tmp_path, rows + ["SCO,Shanghai,2001.0,atlantis,0.0\n"]))
