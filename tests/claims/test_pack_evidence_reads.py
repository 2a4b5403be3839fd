"""PackEvidence reads one country's indicator rows once and filters them in memory: every frame it gives is the
frame `indicators.compute` gives for the same query (rows, order, types, gap notes)."""

from __future__ import annotations

import pandas as pd
import pytest

from multipolar.claims.pack_evidence import PackEvidence
from multipolar.indicators import compute

QUERIES = [
    ("trade_value", {"country": "KAZ", "partner": "CHN", "flow": "export"}),
    ("trade_value", {"country": "KAZ", "partner": "RUS", "flow": "turnover"}),
    ("trade_value", {"country": "KAZ", "partner": "CHN", "flow": "import", "years": (2015, 2020)}),
    ("trade_value", {"country": "KAZ", "partner": ["CHN", "RUS"], "flow": "export", "source": "reconciled"}),
    ("trade_value", {"country": "UZB", "partner": "CHN", "flow": "export", "years": (1960, 1961)}),  # no rows: noted
    ("trade_share", {"country": "KGZ", "partner": "CHN", "flow": "import"}),
    ("trade_share", {"country": "KGZ", "partner": "RUS", "flow": "import"}),
    ("partner_rank", {"country": "TJK", "flow": "export"}),
    ("trade_growth", {"country": "KAZ", "partner": "CHN", "flow": "turnover", "base_year": 2019, "year": 2023}),
    ("arms_share", {"country": "KAZ"}),
]


@pytest.mark.parametrize("name, filters", QUERIES)
def test_evidence_frames_are_compute_frames(name, filters):
    evidence = PackEvidence()
    for other_name, other in QUERIES:  # the country's rows read (and memoised) by the other queries first
        evidence.indicator(other_name, **other)
    ours = evidence.indicator(name, **filters)
    theirs = compute(name, **filters)
    pd.testing.assert_frame_equal(ours, theirs, check_exact=True)
    assert ours.attrs == theirs.attrs
    assert not evidence.problems


def test_a_country_s_rows_are_read_once_for_several_queries():
    evidence = PackEvidence()
    for partner, flow in (("CHN", "export"), ("RUS", "export"), ("CHN", "import"), ("TUR", "turnover")):
        evidence.trade_series("KAZ", partner, flow)
    reads = [k for k in evidence._cache if k[0] == "rows" and k[1] == "trade_value"]
    assert len(reads) == 1, reads
