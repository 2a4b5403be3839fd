"""`multipolar rerouting` and the summary behind it: figures with their sources and flags in every format, usage
errors (exit 2) listing the valid choices."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest


def test_json_carries_sources_and_flags(cli, pack):
    code, out, _ = cli("rerouting", "--partner", "KGZ,RUS", "--format", "json", "--pack", str(pack))
    assert code == 0
    data = json.loads(out)
    assert data["partners"] == ["KGZ", "RUS"] and data["year"] == 2022 and data["event_study"] is None
    kgz = next(r for r in data["growth"] if r["partner"] == "KGZ")
    assert kgz["value"] == pytest.approx(7.07, abs=0.01)
    assert kgz["quality"] == "partial_year:11m" and kgz["source"] == "eurostat_sanctioned"
    assert data["leakage"][0]["quality"] == "partial_year:9m"
    assert all(r["source"] for name in ("growth", "leakage", "top_products", "roundabout") for r in data[name])
    legs = {r["leg"] for r in data["roundabout"]}
    assert len(legs) == 2


def test_table_has_a_source_line_under_each_table(cli, pack):
    code, out, _ = cli("rerouting", "--partner", "ARM", "--products", "chpl", "--pack", str(pack))
    assert code == 0
    assert out.count("Source: eurostat_sanctioned") >= 3
    assert "partial_year:11m" in out and "ARM" in out


def test_csv_is_one_table_with_a_table_column(cli, pack):
    code, out, _ = cli("rerouting", "--format", "csv", "--pack", str(pack))
    assert code == 0
    frame = pd.read_csv(io.StringIO(out))
    assert set(frame["table"]) == {"growth", "leakage", "top_products", "roundabout"}
    assert frame["source"].notna().all()


@pytest.mark.parametrize("args, expected", [
    (["--products", "dual-use"], "valid choices: chpl, sanctioned"),
    (["--partner", "XYZ"], "valid choices: ARM, BLR, GEO, KAZ, KGZ, RUS, UZB"),
    (["--format", "xml"], "valid choices: csv, json, table"),
    (["--year", "1999"], "valid choices: 2021, 2022"),
    (["--estimator", "logit"], "valid choices: ols, ppml"),
    (["--partner", "RUS"], "at least one partner other than RUS"),
])
def test_usage_errors_exit_2(cli, pack, args, expected):
    code, _, err = cli("rerouting", *args, "--pack", str(pack))
    assert code == 2
    assert expected in err


def test_help_names_every_option(cli):
    code, out, _ = cli("rerouting", "--help")
    assert code == 0
    for option in ("--partner", "--products", "--year", "--event-study", "--estimator", "--format"):
        assert option in out


def test_python_facade_gives_the_cli_tables(pack):
    import multipolar

    result = multipolar.rerouting(partner="KGZ,RUS", products="chpl", pack=pack)
    assert list(result.tables()) == ["growth", "leakage", "top_products", "roundabout"]
    assert set(result.growth.partner) == {"KGZ", "RUS"} and (result.growth.products == "chpl").all()
    from multipolar.errors import UsageError

    with pytest.raises(UsageError, match="valid choices: chpl, sanctioned"):
        multipolar.rerouting(products="everything", pack=pack)


def test_event_study_in_json(cli, pack):
    code, out, _ = cli("rerouting", "--partner", "KGZ,ARM", "--products", "chpl", "--event-study",
                       "--format", "json", "--pack", str(pack))
    assert code == 0
    es = json.loads(out)["event_study"]
    assert es["spec"]["groups"] == {"neighbours": ["KGZ", "ARM"]} and es["spec"]["cluster"] == "product code"
    assert "not on the sanction annexes" in es["spec"]["control"] and es["spec"]["control_limits"]
    months = {c["period"] for c in es["coefficients"]}
    assert {"2020-01", "2022-02", "2022-11"} <= months and len(months) == 35
    assert es["pooled"][0]["group"] == "neighbours" and es["pooled"][0]["ci_low"] <= es["pooled"][0]["estimate"]


def test_python_facade_takes_names_and_refuses_unknown_options(pack):
    """One interface: partners by name as in the CLI and the API; an unknown keyword is a UsageError naming the
    closest valid option, as the other facade functions say it."""
    import multipolar
    from multipolar.errors import UsageError

    by_name = multipolar.rerouting(partner="Kyrgyzstan,russia", pack=pack)
    assert by_name.partners == ["KGZ", "RUS"]
    with pytest.raises(UsageError, match="did you mean 'estimator'"):
        multipolar.rerouting(estimater="ols", pack=pack)
    with pytest.raises(UsageError, match=r"did you mean Kyrgyzstan \(KGZ\)"):
        multipolar.rerouting(partner="Kyrgystan", pack=pack)
