"""The registry's public API and its CLI: listing, validation at the boundary (exit code 2 with the valid choices),
output formats, gap notes, and the crossover command."""

from __future__ import annotations

import json

import pytest

import multipolar
from multipolar.errors import UsageError
from multipolar.indicators import INDICATORS, compute, list_indicators

from .conftest import need

# The names other layers (claims, report) are built against.
CONTRACT = {"trade_value", "trade_share", "partner_rank", "top_partner", "trade_hhi", "trade_growth",
            "dependence_asymmetry", "arms_share", "alliance_ties", "un_agreement", "event_balance",
            "finance_commitments", "finance_gdp_share", "influence_score", "influence_sensitivity"}


def test_registry_metadata_complete():
    table = list_indicators()
    assert CONTRACT <= set(table.name)
    assert list(table.columns[:7]) == ["name", "dimension", "title", "unit", "definition", "inputs", "sources"]
    for ind in INDICATORS.values():
        assert ind.title and ind.unit and len(ind.definition) > 80 and ind.inputs and ind.sources, ind.name
        assert {"year", "source", "value"} <= set(ind.columns), ind.name
        assert ind.func.__doc__ is None or ind.func.__doc__  # documented by its metadata


def test_trade_sources_are_documented():
    text = INDICATORS["trade_share"].definition + INDICATORS["trade_share"].sources
    for phrase in ("mirror:", "reconciled", "imports CIF", "source_switch", "basis"):
        assert phrase in text


def test_unknown_indicator_lists_choices():
    with pytest.raises(UsageError, match="valid choices: .*trade_share"):
        compute("trade_shares")


def test_cli_list(cli):
    code, out, _ = cli("indicator", "list", "--format", "json")
    assert code == 0
    names = {row["name"] for row in json.loads(out)}
    assert CONTRACT <= names


@pytest.mark.parametrize("args, message", [
    (["indicator", "trade_shar"], "invalid indicator 'trade_shar'; valid choices"),
    (["indicator", "trade_share", "--country", "XYZ"], "invalid country 'XYZ'; valid choices"),
    (["indicator", "trade_share", "--country", "KAZ", "--source", "nope"], "valid choices: .*reconciled"),
    (["indicator", "trade_share", "--country", "KAZ", "--years", "20x9"], "invalid years"),
    (["indicator", "trade_share", "--country", "KAZ", "--years", "1800-1801"], "cover"),
    (["indicator", "trade_share", "--country", "KAZ", "--flow", "exports"], "invalid flow 'exports'"),
    (["indicator", "trade_growth", "--param", "bogus=1"], "parameter of trade_growth 'bogus'; valid choices"),
    (["indicator", "trade_hhi", "--partner", "CHN"], "has no partner"),
    (["indicator", "trade_share", "--format", "xml"], "invalid format 'xml'"),
    (["crossover", "--region", "atlantis"], "invalid region or country 'atlantis'; valid choices"),
    (["crossover", "--dimension", "culture"], "invalid dimension 'culture'; valid choices"),
])
def test_cli_invalid_choices_exit_2(cli, pack, args, message):
    need(pack, "trade_flows")
    code, out, err = cli(*args)
    assert code == 2, (out, err)
    assert err.startswith("error: ")
    assert len(err.strip().splitlines()) == 1
    import re

    assert re.search(message, err), err


def test_cli_json_and_gap_note(cli, pack):
    need(pack, "trade_flows")
    code, out, err = cli("indicator", "trade_share", "--country", "KAZ", "--partner", "CHN", "--years",
                         "2018-2023", "--source", "imf_dots", "--flow", "export", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert {r["year"] for r in rows} == {2018, 2019, 2020}
    assert all(r["source"] == "imf_dots" for r in rows)
    # DOTS ends in 2020: no row for 2021-2023, and a note says so (never filled)
    assert "no KAZ data for 2021-2023" in err


def test_cli_csv(cli, pack):
    need(pack, "trade_flows")
    code, out, _ = cli("indicator", "trade_value", "-c", "KAZ", "-p", "RUS", "-y", "2019", "-s",
                       "imf_dots", "--flow", "export", "--format", "csv")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith("country,partner,year,flow,source,value")
    assert lines[0].endswith(",quality")  # every indicator frame carries its flags
    assert len(lines) == 2


def test_python_facade_keeps_source(pack):
    need(pack, "trade_flows")
    frame = multipolar.indicator("trade_share", country="KAZ", partner="CHN", years=(2019, 2019))
    assert "source" in frame.columns and len(set(frame.source)) > 1


def test_cli_crossover_central_asia_json(cli, pack):
    need(pack, "trade_flows")
    code, out, _ = cli("crossover", "--region", "central-asia", "--dimension", "trade", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert {r["country"] for r in rows} == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
    for r in rows:
        assert {"country", "dimension", "source", "first_year", "held", "latest_year", "latest_lead"} <= set(r)
        assert r["dimension"] == "trade"
        assert r["held"] in (True, False, None)
