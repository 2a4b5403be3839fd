"""Alliances in more phrasings (round 6): 'A and B are treaty allies', 'A has a mutual defence treaty with B', 'A has
no military alliance with any <group> state' (each state of the group). Made-up ATOP-like obligations on a
FakeEvidence: Mongolia has a defence obligation with South Korea from 2015 and none with Japan or Kazakhstan."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

ALLIANCES = [{"country": "MNG", "partner": p, "year": y, "source": "atop", "value": 1, "defense": d, "offense": False,
              "neutrality": False, "nonaggression": not d, "consultation": False}
             for y in (2010, 2015, 2018) for p, d in (("KOR", y >= 2015), ("JPN", False), ("KAZ", False))]
EVIDENCE = FakeEvidence(alliances=ALLIANCES)


def verdicts(text):
    return [(v.claim.parsed["relation"], v.verdict) for v in check_text(text, "2019-06-01", evidence=EVIDENCE)
            if v.type == "alliance"]


@pytest.mark.parametrize("text, expected", [
    ("Mongolia and South Korea are treaty allies.", [("pact", "supported")]),
    ("Mongolia and Japan are close military allies.", [("pact", "contradicted")]),
    ("Mongolia has a mutual defence treaty with South Korea.", [("pact", "supported")]),
    ("Mongolia maintains a defence pact with Kazakhstan.", [("pact", "contradicted")]),
    ("Mongolia has no formal military alliance with any Central Asian state.", [("none", "supported")]),
    ("Mongolia has no defence treaty with Japan.", [("none", "supported")]),
])
def test_alliances_in_more_words(text, expected):
    assert verdicts(text) == expected
