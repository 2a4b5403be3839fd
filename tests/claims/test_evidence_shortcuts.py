"""The evidence's shortcuts give what the indicators give: a growth multiple is trade_growth's value (the ratio of
the same view's two trade_value figures), computed without running trade_growth. Checked on the pack's own rows."""

from __future__ import annotations

import pytest

from multipolar.claims.pack_evidence import PackEvidence
from multipolar.indicators import compute


@pytest.mark.parametrize("country,partner,flow", [("KAZ", "CHN", "turnover"), ("UZB", "RUS", "export"),
                                                  ("KGZ", "CHN", "import")])
def test_growth_equals_trade_growth_for_every_view_and_pair(claims_pack, country, partner, flow):
    ev = PackEvidence(claims_pack)
    series = [s for s in ev.trade_series(country, partner, flow) if s.query is not None]
    assert series, "the pack holds indicator views of this pair"
    compared = 0
    for s in series:
        years = s.years()
        for base, end in [(years[0], years[-1]), (years[len(years) // 2], years[-1])]:
            if base == end:
                continue
            c, p, f, src = s.query
            frame = compute("trade_growth", country=c, partner=p, flow=f, base_year=base, year=end, pack=claims_pack)
            rows = frame[frame["source"] == src]
            got = ev.growth(s, base, end)
            if rows.empty:  # no row (a zero base or a change of basis): the ratio of the two figures, as before
                assert got == (s.values[end] / s.values[base] if s.values[base] > 0 else None)
            else:
                assert got == float(rows.iloc[0]["value"])  # bit for bit
                compared += 1
    assert compared >= 2


def test_per_frame_derives_once_per_living_frame_and_never_for_another():
    import pandas as pd

    from multipolar.claims.judging.frame_memo import per_frame

    calls = []

    def total(frame):
        calls.append(1)
        return float(frame["value"].sum())

    a = pd.DataFrame({"value": [1.0, 2.0]})
    assert per_frame(a, "sum", lambda: total(a)) == 3.0
    assert per_frame(a, "sum", lambda: total(a)) == 3.0 and len(calls) == 1  # remembered
    assert per_frame(a, ("sum", 2), lambda: total(a)) == 3.0 and len(calls) == 2  # another key: derived
    for i in range(50):  # new frames, some at a freed frame's address: each derives its own
        del a
        a = pd.DataFrame({"value": [float(i)]})
        assert per_frame(a, "sum", lambda: total(a)) == float(i)


def test_the_check_command_gives_arrow_the_c_librarys_malloc(tmp_path):
    import subprocess
    import sys

    code = ("import os, sys; from multipolar.cli import claims; claims._system_arrow_pool(); import pyarrow; "
            "print(pyarrow.default_memory_pool().backend_name)")
    env = {k: v for k, v in __import__("os").environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "system"
    env["ARROW_DEFAULT_MEMORY_POOL"] = "jemalloc"  # a user's choice stays
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "jemalloc"


def test_euro_figures_of_a_pair_without_an_eu_reporter_read_no_table(claims_pack, monkeypatch):
    """Only a state reporting to Eurostat has Comext rows of its own: for Kazakhstan-China no table is read, while
    Germany's own rows are (Germany-Kazakhstan is in the pack's Comext monthly rows)."""
    ev = PackEvidence(claims_pack)
    reads = []
    real = PackEvidence.load

    def spy(self, table, **filters):
        reads.append((table, filters.get("country"), filters.get("source")))
        return real(self, table, **filters)

    monkeypatch.setattr(PackEvidence, "load", spy)
    assert ev.eurostat_series("KAZ", "CHN", "export") == [] and reads == []
    ev.eurostat_series("DEU", "KAZ", "export")
    assert ("trade_flows", "DEU", "eurostat_comext_monthly") in reads
