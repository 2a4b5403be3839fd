"""Membership, founding, summit, quote and declaration claim kinds on a FakeEvidence whose records are stated here."""

from __future__ import annotations

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

MEMBERS = [
    *({"organization": "SHANGHAI_FIVE", "country": c, "role": "member", "start": "1996-04-26", "end": "2001-06-15"}
      for c in ("CHN", "RUS", "KAZ", "KGZ", "TJK")),
    *({"organization": "SCO", "country": c, "role": "member", "start": "2001-06-15", "end": None}
      for c in ("CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB")),
    {"organization": "SCO", "country": "MNG", "role": "observer", "start": "2004-06-17", "end": None},
    {"organization": "SCO", "country": "IND", "role": "observer", "start": "2005-07-05", "end": "2017-06-09"},
    {"organization": "SCO", "country": "IND", "role": "member", "start": "2017-06-09", "end": None},
    {"organization": "SCO", "country": "BLR", "role": "observer", "start": "2015-07-10", "end": "2024-07-04"},
    {"organization": "SCO", "country": "BLR", "role": "member", "start": "2024-07-04", "end": None},
    {"organization": "SCO", "country": "TUR", "role": "dialogue_partner", "start": "2012-06-07", "end": None},
]
SUMMITS = [{"year": y, "date": d, "host_city": c, "host_country": k} for y, d, c, k in (
    (2001, "2001-06-15", "Shanghai", "CHN"), (2017, "2017-06-09", "Astana", "KAZ"),
    (2022, "2022-09-16", "Samarkand", "UZB"), (2023, "2023-07-04", "New Delhi (videoconference)", "IND"),
    (2024, "2024-07-04", "Astana", "KAZ"))]
TEXT_2022 = "The Member States reaffirm the Shanghai spirit and support a more representative, multipolar world " \
            "order, and call for a new kind of international relations."
EVIDENCE = FakeEvidence(memberships=MEMBERS, summits=SUMMITS,
                        organizations=[{"organization": "SCO", "founded": "2001-06-15", "citation": "Declaration"},
                                       {"organization": "SHANGHAI_FIVE", "founded": "1996-04-26", "citation": "Agr"}],
                        declarations={2022: (TEXT_2022, "https://example.org/2022")})


def verdicts(text, date=None):
    return [(v.type, v.verdict) for v in check_text(text, date, evidence=EVIDENCE)]


def test_membership_history():
    assert verdicts("The Shanghai Five was created in 1996 by Tajikistan, Kyrgyzstan, Kazakhstan, Russia and "
                    "China.") == [("founding", "supported"), ("membership", "supported")]
    assert verdicts("The Shanghai Five was founded by China, Russia and Uzbekistan.") == \
        [("membership", "contradicted")]
    assert verdicts("Mongolia became the first observer state of the SCO in 2004.") == [("membership", "supported")]
    assert verdicts("Turkey became a dialogue partner of the SCO in 2013.") == [("membership", "contradicted")]
    assert verdicts("India joined the SCO as a full member at the summit in Astana.") == \
        [("membership", "supported")]
    assert verdicts("India joined the SCO as a full member at the summit in Samarkand.") == \
        [("membership", "contradicted")]


def test_membership_status_depends_on_the_as_of_date_not_on_the_day_the_tool_runs():
    assert verdicts("Belarus is the latest new member of the SCO.", "2024-07-10") == [("membership", "supported")]
    assert verdicts("India is the latest new member of the SCO.", "2018-01-01") == [("membership", "supported")]
    # without a date: the last date the records know (here 2024-07-04), the same every day
    assert verdicts("Belarus is the latest new member of the SCO.") == [("membership", "supported")]


def test_founding_and_summits():
    assert verdicts("The SCO was founded on June 15, 2001.") == [("founding", "supported")]
    assert verdicts("The SCO was founded in 2002.") == [("founding", "contradicted")]
    assert verdicts("The summit in Samarkand ended on 16 September 2022.") == [("summit", "supported")]


def test_declarations_called_for_and_mentioned():
    assert verdicts("The Samarkand Declaration called for a multipolar world order.") == \
        [("declaration", "supported")]
    assert verdicts("The Samarkand Declaration mentioned the Shanghai spirit.") == [("declaration", "supported")]
    assert verdicts("The Samarkand Declaration called for nuclear disarmament.") == [("declaration", "contradicted")]
    v = check_text("The New Delhi Declaration called for a multipolar world order.", evidence=EVIDENCE).claims[0]
    assert v.verdict == "unverifiable" and "not held" in v.reason


def test_quotes():
    assert verdicts('The Samarkand Declaration called for "a new kind of international relations".') == \
        [("quote", "supported")]


def test_founders_roles_since_and_summits_that_took_place():
    assert verdicts("Kazakhstan was one of the founding members of the SCO.") == [("membership", "supported")]
    assert verdicts("India was one of the founding members of the SCO.") == [("membership", "contradicted")]
    assert verdicts("Mongolia has been an SCO observer since 2004.") == [("membership", "supported")]
    assert verdicts("The SCO's 2022 summit took place in Samarkand.") == [("summit", "supported")]


def test_counts_of_members_observers_and_partners():
    found = check_text("The SCO has eight member states, one observer and one dialogue partner.", "2024-07-10",
                       evidence=EVIDENCE)
    assert [(v.claim.parsed["role"], v.verdict) for v in found] == \
        [("member", "supported"), ("observer", "supported"), ("dialogue partner", "supported")]
