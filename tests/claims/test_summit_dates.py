"""A summit's city and calendar date read together and checked against the summits list (made-up sentences on a
FakeEvidence): the month and the days must match the list's date; a day next to it is unverifiable (the list keeps
one day per summit); another organization's summit is not judged on the SCO's list."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

SUMMITS = [{"year": y, "date": d, "host_city": c, "host_country": k} for y, d, c, k in (
    (2014, "2014-09-12", "Dushanbe", "TJK"), (2015, "2015-07-10", "Ufa", "RUS"), (2019, "2019-06-14", "Bishkek", "KGZ"))]
EVIDENCE = FakeEvidence(summits=SUMMITS)


def summit_verdicts(text):
    return [v.verdict for v in check_text(text, "2020-01-01", evidence=EVIDENCE) if v.type == "summit"]


@pytest.mark.parametrize("text, expected", [
    ("The SCO summit took place in Ufa on 9-10 July 2015.", "supported"),
    ("SCO leaders met for their summit in Bishkek on 13 and 14 June 2019.", "supported"),
    ("The SCO summit was held in Dushanbe in September 2014.", "supported"),
    ("The SCO held its summit in Ufa on 9-10 August 2015.", "contradicted"),
    ("The heads of state gathered in Dushanbe for their summit on 2 and 3 October 2014.", "contradicted"),
    ("The SCO summit was held in Bishkek on June 13, 2019.", "unverifiable"),
    ("The SCO summit convened in Bishkek on 20 June 2019.", "contradicted"),
])
def test_a_summit_s_city_and_date_are_checked_together(text, expected):
    assert summit_verdicts(text) == [expected]


def test_another_organization_s_summit_is_not_judged_on_the_sco_s_list():
    (v,) = [v for v in check_text("BRICS leaders met for their summit in Ufa on 8 and 9 July 2015.", "2020-01-01",
                                  evidence=EVIDENCE) if v.type == "summit"]
    assert v.verdict == "unverifiable"


@pytest.mark.parametrize("text", [
    "The Dushanbe summit was attended by every member state and by Mongolia and Iran as observers.",
    "Turkmenistan attended the 2015 SCO summit in Ufa as a guest.",
    "Afghanistan's president took part in the Bishkek summit as an observer.",
])
def test_who_attended_a_summit_is_unverifiable_saying_why(text):
    got = [v for v in check_text(text, "2020-01-01", evidence=EVIDENCE) if v.type == "summit"]
    assert got and any(v.verdict == "unverifiable" and "attended" in v.reason for v in got)
    assert all(v.verdict != "contradicted" for v in got)


@pytest.mark.parametrize("text, expected", [
    ("The SCO summit in Ufa took place on 9-10 July 2015.", ["supported"]),
    ("The Dushanbe summit was held on 2 and 3 October 2014.", ["contradicted"]),
    ("The SCO summit in Bishkek was held in June 2019.", ["supported"]),
    ("The Ufa summit opened in August 2015.", ["contradicted"]),
])
def test_the_city_before_the_verb_and_one_claim_per_summit_date(text, expected):
    assert summit_verdicts(text) == expected
