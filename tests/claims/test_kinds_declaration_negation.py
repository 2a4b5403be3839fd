"""What a declaration is said NOT to mention (round 6): 'does not mention X', 'never refers to X', 'makes no mention
of X', 'is silent on X', 'omits X': the notion's clear absence supports the claim, its clear presence contradicts
it, and a paraphrase in between is unverifiable. Made-up declaration text on a FakeEvidence."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

TEXT = ("The member states reaffirmed the spirit of good neighbourliness, called for the peaceful settlement of "
        "disputes in the Zeta valley and stressed cooperation on water resources and desert railways.")
SUMMITS = [{"year": 2019, "date": "2019-06-14", "host_city": "Bishkek", "host_country": "KGZ"}]
EVIDENCE = FakeEvidence(summits=SUMMITS, declarations={2019: (TEXT, "https://example.org")})


def verdicts(text):
    return [(bool(v.claim.parsed.get("negated")), v.verdict) for v in check_text(text, "2020-01-01", evidence=EVIDENCE)
            if v.type == "declaration"]


@pytest.mark.parametrize("text, expected", [
    ("The 2019 Bishkek Declaration does not mention nuclear energy.", [(True, "supported")]),
    ("The 2019 Bishkek Declaration makes no mention of water resources.", [(True, "contradicted")]),
    ("The 2019 Bishkek Declaration is silent on the Zeta valley.", [(True, "contradicted")]),
    ("The 2019 Bishkek Declaration never refers to space exploration.", [(True, "supported")]),
    ("The 2019 Bishkek Declaration mentions water resources.", [(False, "supported")]),
])
def test_a_notion_claimed_absent(text, expected):
    assert verdicts(text) == expected
