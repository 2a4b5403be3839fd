"""The data pack shipped in the package: complete, within budget, verified, and exactly what build-pack derives."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from multipolar import config, store
from multipolar.cli import app
from multipolar.schema import TABLES
from multipolar.store.pack import PACK_BUDGET

runner = CliRunner()


@pytest.fixture(scope="module")
def manifest():
    return store.read_manifest(config.SHIPPED_PACK_DIR)


def test_every_canonical_table_is_shipped_with_coverage_and_sources(manifest):
    assert sorted(manifest["tables"]) == sorted(TABLES)
    for name, entry in manifest["tables"].items():
        assert entry["coverage"]["rows"] > 0, name
        assert entry["sources"], name
        for source in entry["sources"]:
            assert source["licence"] and source["citation"] and source["retrieved"], (name, source["id"])


def test_connect_holds_every_table_under_its_name(manifest):
    con = store.connect(config.SHIPPED_PACK_DIR)
    for name, entry in manifest["tables"].items():
        assert con.table(name).count().to_pyarrow().as_py() == entry["coverage"]["rows"], name


def test_pack_is_within_budget(manifest):
    files = sum(p.stat().st_size for p in config.SHIPPED_PACK_DIR.iterdir())
    assert files <= PACK_BUDGET


def test_cli_list_json_reports_every_table(manifest):
    result = runner.invoke(app, ["data", "list", "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)["tables"]
    assert sorted(listed) == sorted(manifest["tables"])
    for name, entry in listed.items():
        assert entry["rows"] == manifest["tables"][name]["coverage"]["rows"]
        assert entry["sources"] and all(s["licence"] for s in entry["sources"])


def test_cli_info_prints_provenance():
    result = runner.invoke(app, ["data", "info", "trade_flows"])
    assert result.exit_code == 0, result.output
    for word in ("licence:", "retrieved:", "step:", "imf_dots", "sha256"):
        assert word in result.stdout


def test_cli_info_unknown_table_lists_choices():
    result = runner.invoke(app, ["data", "info", "trade_flow"])
    assert result.exit_code != 0
    assert "valid choices" in str(result.exception) and "trade_flows" in str(result.exception)


def test_cli_verify_passes_on_shipped_pack():
    result = runner.invoke(app, ["data", "verify"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok:")


@pytest.mark.slow
def test_build_pack_from_raw_data_reproduces_the_shipped_bytes(data_dir, tmp_path):
    """Building from ../shared/data gives byte-identical files to the pack in the package (so it is up to date)."""
    from multipolar.indicators.derived import derive_tables

    manifest = store.build_pack(data_dir, tmp_path / "pack", derive=derive_tables)  # as `data build-pack` does
    shipped = sorted(p.name for p in config.SHIPPED_PACK_DIR.iterdir())
    assert sorted(p.name for p in (tmp_path / "pack").iterdir()) == shipped
    for name in shipped:
        assert (tmp_path / "pack" / name).read_bytes() == (config.SHIPPED_PACK_DIR / name).read_bytes(), name
    assert manifest["bytes"] <= PACK_BUDGET
