"""Ranks and shares among all the world's arms importers and exporters (round 7): read in an apposition ('X, the
world's largest arms importer, ...') or stated ('X is the world's second-largest arms exporter', 'X accounted for
11% of global arms exports'), and judged unverifiable with what the data lack when the evidence holds SIPRI's
deliveries for the pack's own states only (a FakeEvidence without `arms_world` rows, as a pack built before it kept
the whole register); the figures beside them are still judged. The whole register's judgements: test_categories_dims_
round12.py (arms-world). Made-up SIPRI-like rows on a FakeEvidence."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

# made-up deliveries (TIV) to Kazakhstan over the window 2015-2019
_VALUES = {"RUS": 80.0, "CHN": 15.0, "FRA": 5.0}
ARMS = [{"country": "KAZ", "partner": p, "year": 2019, "source": "sipri_at", "value": v / 100.0, "partner_value": v,
         "total_value": 100.0, "window": 5, "window_years": 5} for p, v in _VALUES.items()]
EVIDENCE = FakeEvidence(arms=ARMS)


def verdicts(text):
    return [(v.claim.parsed.get("relation"), v.verdict) for v in check_text(text, "2021-01-01", evidence=EVIDENCE)
            if v.type == "arms"]


@pytest.mark.parametrize("text, relation", [
    ("Russia is the world's second-largest arms exporter.", "exporter rank"),
    ("China was the fifth-largest arms exporter in the world in 2015-2019.", "exporter rank"),
    ("France accounted for 9% of global arms exports in 2015-2019.", "world share"),
    ("Russia's share of the world's arms exports fell to 20% in 2015-2019.", "world share"),
    ("Kazakhstan was the world's largest arms importer in 2015-2019.", "importer rank"),
])
def test_world_ranks_and_shares_are_read_and_unverifiable(text, relation):
    got = check_text(text, "2021-01-01", evidence=EVIDENCE).claims
    assert [(v.claim.parsed["relation"], v.verdict) for v in got] == [(relation, "unverifiable")]
    assert "world" in got[0].reason and "pack" in got[0].reason


def test_an_apposition_world_rank_beside_a_share_the_data_hold():
    got = verdicts("Kazakhstan, the world's third-largest arms importer, got 80% of its arms imports from Russia in "
                   "2015-2019.")
    assert ("importer rank", "unverifiable") in got and ("share", "supported") in got


def test_a_rank_within_a_state_s_suppliers_is_not_a_world_rank():
    got = verdicts("Russia was Kazakhstan's largest arms supplier in 2015-2019.")
    assert got == [("rank", "supported")]
