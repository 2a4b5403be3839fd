"""Founding dates in more words and by another act of the same founding (round 6): 'came into being', 'began
operating'; a date the registry's note gives for the founding treaty's signature or the opening ('founded = entry
into force; treaty signed ...') supports a founding dated by that act, said so; any other date is contradicted.
Made-up organization records on a FakeEvidence."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

ORGS = [{"organization": "EAEU", "name": "Eurasian Economic Union", "founded": "2012-01-01",
         "note": "founded = entry into force; treaty signed 3 March 2011"},
        {"organization": "SCO", "name": "Shanghai Cooperation Organisation", "founded": "2001-06-15", "note": ""},
        {"organization": "NDB", "name": "New Development Bank", "founded": "2014-07-15",
         "note": "founded = signature; opened in its headquarters in July 2016"}]
EVIDENCE = FakeEvidence(organizations=ORGS)


def verdicts(text):
    return [v.verdict for v in check_text(text, "2020-01-01", evidence=EVIDENCE) if v.type == "founding"]


@pytest.mark.parametrize("text, expected", [
    ("The Eurasian Economic Union came into being on 1 January 2012.", ["supported"]),
    ("The EAEU was founded in March 2011.", ["supported"]),       # the treaty's signature, in the note
    ("The EAEU was founded in 2013.", ["contradicted"]),
    ("The New Development Bank began operating in July 2016.", ["supported"]),  # the opening, in the note
    ("The New Development Bank began operating in 2018.", ["contradicted"]),
    ("The SCO was founded in 2002.", ["contradicted"]),  # no other act in its note
])
def test_founding_by_another_act_of_the_same_founding(text, expected):
    assert verdicts(text) == expected
