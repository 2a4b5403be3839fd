"""One date range for every date a user gives (multipolar.dates), the same in CLI, API and Python; exit codes: 2 for
usage errors (options, dates, years, paths), 1 for data and runtime errors."""

from __future__ import annotations

import datetime as dt

import pytest

import multipolar
from multipolar import memberships
from multipolar.dates import EARLIEST, LATEST, check_year, parse_as_of
from multipolar.errors import UsageError
from multipolar.store import parse_years

# Dates the campaign of issue 10 sent: the two ends of datetime's range crashed the checker (OverflowError).
BAD_DATES = ["9999-12-31", "0001-01-01", "1799-12-31", "2101-01-01", "2024-13-01", "2024-02-30", "11 July 2024",
             "2024-7-1", "", "   "]


@pytest.mark.parametrize("value", BAD_DATES + [None, 20240711, dt.date(1, 1, 1), dt.datetime(9999, 12, 31)])
def test_parse_as_of_refuses_naming_the_range(value):
    with pytest.raises(UsageError) as err:
        parse_as_of(value)
    assert "1800-01-01 to 2100-12-31" in str(err.value)


def test_parse_as_of_accepts_the_range_and_its_ends():
    assert parse_as_of("2024-07-10") == dt.date(2024, 7, 10)
    assert parse_as_of(" 1800-01-01 ") == EARLIEST and parse_as_of(LATEST) == LATEST
    assert parse_as_of(dt.datetime(2024, 7, 10, 12, 30)) == dt.date(2024, 7, 10)


def test_check_year_and_years():
    assert check_year("2019") == 2019
    for bad in ("0", "9999", "20x9", True, "-2019"):
        with pytest.raises(UsageError):
            check_year(bad)
    assert parse_years("2000-2023") == (2000, 2023) and parse_years(" 2019 ") == (2019, 2019)
    for bad in ("2019-", "-2019", "2019--2020", "2019-20", "2023-2000", "9999", "2019,2020"):
        with pytest.raises(UsageError):
            parse_years(bad)


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01"])
def test_python_facade_and_memberships_give_a_usage_error_never_an_overflow(value):
    with pytest.raises(UsageError, match="out of range"):
        multipolar.check("China's trade with Kazakhstan grew last year.", date=value)
    with pytest.raises(UsageError, match="out of range"):
        memberships.members("SCO", value, frame=_registry())
    with pytest.raises(UsageError, match="out of range"):
        memberships.members("SCO", 9999, frame=_registry())


def test_memberships_at_the_ends_of_the_range_do_no_overflowing_arithmetic():
    frame = _registry()
    assert memberships.members("SCO", LATEST, frame=frame) == memberships.members("SCO", "2100", frame=frame)
    assert memberships.members("SCO", EARLIEST, frame=frame) == []
    # A day and the year around it: joined on D = member on D; the year counts anyone who held the role that year.
    assert "IRN" in memberships.members("SCO", "2023-07-04", frame=frame)
    assert "IRN" not in memberships.members("SCO", "2023-07-03", frame=frame)
    assert "IRN" in memberships.members("SCO", 2023, frame=frame)


def _registry():
    from multipolar.sources.registry import read_memberships

    return read_memberships()


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "2024-13-01", "July 2024"])
def test_cli_check_bad_date_is_one_line_and_exit_2(cli, tmp_path, date):
    article = tmp_path / "a.txt"
    article.write_text("Kazakhstan's trade with China grew last year.\n", encoding="utf-8")
    code, out, err = cli("check", str(article), "--date", date)
    assert code == 2, err
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1
    assert "1800-01-01 to 2100-12-31" in err and "Traceback" not in err


@pytest.mark.parametrize("args, message", [
    (["indicator", "trade_share", "--country", "KAZ", "--years", "2019-"], "invalid years '2019-'"),
    (["indicator", "trade_share", "--country", "KAZ", "--pack", "/nonexistent/pack"], "folder not found"),
    (["crossover", "--pack", "/nonexistent/pack"], "folder not found"),
    (["data", "verify", "--pack", "/nonexistent/pack"], "folder not found"),
    (["data", "list", "--pack", "/nonexistent/pack"], "folder not found"),
    (["data", "pull", "worldbank", "--years", "2019-"], "invalid years '2019-'"),
    (["data", "pull", "worldbank", "--countries", "XXX"], "invalid country code"),
    (["data", "build-pack", "--data-dir", "/nonexistent/data", "--out", "/nonexistent/out"], "raw data folder"),
])
def test_usage_errors_exit_2_with_one_line(cli, args, message):
    code, out, err = cli(*args)
    assert code == 2, (out, err)
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1, err
    assert message in err


@pytest.mark.parametrize("args, message", [
    (["indicator", "trade_share", "--country", "KAZ", "--limit", "-1"], "Invalid value for '--limit'"),
    (["indicator", "trade_share", "--limit", "abc"], "Invalid value for '--limit'"),
    (["serve", "--port", "0"], "Invalid value for '--port'"),
    (["indicator", "trade_share", "--bogus"], "No such option: --bogus"),
    (["check"], "Missing argument 'file'"),
])
def test_click_option_errors_exit_2_with_one_line(cli, args, message):
    code, _, err = cli(*args)
    assert code == 2 and err.startswith("error: ") and len(err.strip().splitlines()) == 1, err
    assert message in err and "--help`)" in err


def test_a_data_error_exits_1(cli, tmp_path):
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    code, _, err = cli("data", "list", "--pack", str(tmp_path))
    assert code == 1 and err.startswith("error: ") and "manifest is not valid JSON" in err


def test_web_check_out_of_range_date_is_422(pack):
    from fastapi.testclient import TestClient

    from multipolar.web import create_app

    with TestClient(create_app(pack, warm=False), raise_server_exceptions=False) as client:
        for date in ("9999-12-31", "0001-01-01"):
            r = client.post("/api/check", json={"text": "China's trade grew last year.", "date": date})
            assert r.status_code == 422, r.text
            assert "out of range" in r.json()["detail"]
        r = client.get("/api/memberships", params={"organization": "SCO", "on": "9999-12-31"})
        assert r.status_code == 422 and "out of range" in r.json()["detail"]
