"""The JSON API: valid requests answer 200 with bounded, sourced rows (JSON, or CSV with format=csv); invalid ones
422 (or 404 for an unknown resource) with a message naming the valid choices — never 500, never silently ignored.
The names are the CLI's and the Python facade's; countries by name or code; figures checked against the pack's raw
rows; the check result is the CLI's JSON."""

from __future__ import annotations

import csv
import datetime as dt
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from multipolar.web.service import MAX_COUNTRIES, MAX_ROWS, MAX_TEXT


def test_indicator_list_has_metadata_and_labels(client):
    body = client.get("/api/indicators").json()
    by_name = {i["name"]: i for i in body}
    share = by_name["trade_share"]
    assert share["unit"] == "share (0-1)" and share["dimension"] == "trade"
    assert "reconciled" in share["labels"] and set(share["flows"]) == {"export", "import", "turnover"}
    assert {"arms_share_5y", "un_agreement", "influence_score", "dependence_asymmetry"} <= set(by_name)


def test_trade_share_matches_the_raw_rows(client, pack):
    """Kazakhstan 2023 (its own statistics): China's share of turnover = (exports + imports with China) /
    (exports + imports with the world), computed here from the pack's trade_flows rows."""
    import multipolar

    rows = multipolar.load("trade_flows", country="KAZ", partner=["CHN", "WLD"], year=2023, source="national_kz")
    if rows.empty:
        pytest.skip("pack has no national_kz rows for 2023")
    turnover = rows.groupby("partner")["value_usd"].sum()
    r = client.get("/api/indicators/trade_share", params={"country": "KAZ", "partner": "CHN", "years": "2023",
                                                          "flow": "turnover", "source": "national_kz"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["n_rows"] == 1 and body["truncated"] is False
    row = body["rows"][0]
    assert row["source"] == "national_kz" and row["year"] == 2023
    assert row["value"] == pytest.approx(turnover["CHN"] / turnover["WLD"], rel=1e-9)


def test_results_are_bounded_and_paged(client):
    r = client.get("/api/indicators/trade_value", params={"country": "KAZ", "limit": 7})
    body = r.json()
    assert r.status_code == 200 and len(body["rows"]) == 7 and body["limit"] == 7
    assert body["n_rows"] > 7 and body["truncated"] is True
    page2 = client.get("/api/indicators/trade_value", params={"country": "KAZ", "limit": 7, "offset": 7}).json()
    assert page2["offset"] == 7 and page2["rows"] != body["rows"]
    full = client.get("/api/indicators/trade_value", params={"country": "KAZ"}).json()
    assert len(full["rows"]) == min(full["n_rows"], MAX_ROWS)
    assert full["columns"] == list(full["rows"][0].keys())


@pytest.mark.parametrize("path, params, status, message", [
    ("/api/indicators/nope", {"country": "KAZ"}, 404, "no indicator 'nope'; valid: "),
    ("/api/indicators/nope", {}, 404, "no indicator 'nope'; valid: "),
    ("/api/indicators/trade_share", {}, 422, "country: Field required"),
    ("/api/indicators/trade_share", {"country": "XXX"}, 422, "invalid country 'XXX'; valid choices: "),
    ("/api/indicators/trade_share", {"country": "Kazahkstan"}, 422,
     "invalid country 'Kazahkstan': did you mean Kazakhstan (KAZ)?"),
    ("/api/indicators/trade_share", {"country": "France"}, 422, "(France, FRA, is not in the data pack)"),
    ("/api/indicators/trade_share", {"country": "KAZ", "partner": "Chna"}, 422,
     "invalid partner 'Chna': did you mean China (CHN)?"),
    ("/api/indicators/trade_share", {"country": "KAZ", "year": "2023"}, 422,
     "unknown query parameter 'year' (did you mean 'years'?); valid: "),
    ("/api/indicators/trade_share", {"country": "KAZ", "format": "xlsx"}, 422, "format: Input should be 'json' or"),
    ("/api/indicators/trade_share", {"country": "KAZ", "years": "abc"}, 422, "years: String should match"),
    ("/api/indicators/trade_share", {"country": "KAZ", "years": "2023-2000"}, 422, "invalid years '2023-2000'"),
    ("/api/indicators/trade_share", {"country": "KAZ", "years": "2090"}, 422, "the data of trade_share cover"),
    ("/api/indicators/trade_share", {"country": "KAZ", "source": "nope"}, 422, "valid choices: "),
    ("/api/indicators/trade_share", {"country": "KAZ", "flow": "both"}, 422,
     "invalid flow 'both'; valid choices: export, import, turnover"),
    ("/api/indicators/trade_share", {"country": "KAZ", "limit": MAX_ROWS + 1}, 422, "limit: Input should be less"),
    ("/api/indicators/trade_share", {"country": "KAZ", "limit": 0}, 422, "limit: Input should be greater"),
    ("/api/indicators/trade_share", {"country": "KAZ", "offset": -1}, 422, "offset: Input should be greater"),
    ("/api/indicators/trade_share", {"country": ",".join(["KAZ"] * 1 + ["KGZ", "TJK", "UZB", "TKM", "IND", "PAK",
                                                                        "IRN", "BLR", "AFG", "MNG", "ARM", "AZE"])},
     422, f"at most {MAX_COUNTRIES} countries"),
    ("/api/indicators/trade_hhi", {"country": "KAZ", "partner": "CHN"}, 422, "has no partner"),
    ("/api/indicators/trade_growth", {"country": "KAZ", "param": "nope=1"}, 422,
     "invalid parameter of trade_growth 'nope'; valid choices: "),
    ("/api/indicators/trade_share", {"country": "KAZ", "param": "year=2020"}, 422,
     "invalid parameter of trade_share 'year'; valid choices: (none); did you mean 'years'?"),
    ("/api/indicators/trade_growth", {"country": "KAZ", "param": "base_year"}, 422, "use name=value"),
    ("/api/crossover", {"region": "europe"}, 422, "invalid region 'europe'; valid choices: central-asia, sco"),
    ("/api/crossover", {"dimension": "culture"}, 422, "invalid dimension 'culture'; valid choices: "),
    ("/api/crossover", {"country": "CHN"}, 422, "invalid country 'CHN'"),
    ("/api/crossover", {"dimensions": "trade"}, 422,
     "unknown query parameter 'dimensions' (did you mean 'dimension'?); valid: country, region, dimension, format"),
    ("/api/crossover", {"countries": "KAZ", "foo": "1"}, 422, "unknown query parameters 'countries' (did you mean "
                                                              "'country'?), 'foo'; valid: "),
    ("/api/countries", {"iso3": "KAZ"}, 422, "unknown query parameter 'iso3'; valid: format"),
    ("/api/leads", {"region": "europe"}, 422, "invalid region 'europe'"),
    ("/api/findings", {"region": "europe"}, 422, "region: Input should be 'sco' or 'central-asia'"),
    ("/api/countries/ZZZ", {}, 404, "invalid country 'ZZZ'"),
    ("/api/countries/Kazahkstan", {}, 404, "did you mean Kazakhstan (KAZ)?"),
    ("/api/nothing-here", {}, 404, "nothing at /api/nothing-here"),
    ("/api/memberships", {"organization": "NATO"}, 422, "invalid organization 'NATO'; valid choices: "),
    ("/api/memberships", {"on": "July 2024"}, 422, "on: String should match"),
])
def test_invalid_requests_get_a_clear_error(client, path, params, status, message):
    r = client.get(path, params=params)
    assert r.status_code == status, r.text
    assert message in r.json()["detail"]


def test_check_gives_the_one_json_shape(client, pack):
    """POST /api/check answers what `multipolar check --format json` prints for the same text and date, and what
    the Python facade's result gives (docs/claims.md)."""
    import json

    from typer.testing import CliRunner

    import multipolar
    from multipolar.cli import app

    text = "Iran joined the SCO in 2023."
    r = client.post("/api/check", json={"text": text, "date": "2024-07-11"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert {"date", "claims", "summary"} <= set(body) and body["date"] == "2024-07-11"
    v = body["claims"][0]
    assert set(v) >= {"text", "span", "type", "parsed", "verdict", "observed", "reason"}
    # The registry (a CSV shipped in the package) dates Iran's SCO membership to 2023: the claim holds.
    assert v["verdict"] == "supported" and body["summary"]["supported"] == 1
    cli = CliRunner().invoke(app, ["check", "-", "--date", "2024-07-11", "--format", "json"], input=text)
    assert cli.exit_code == 0, cli.output
    assert json.loads(cli.stdout) == body
    result = multipolar.check(text, date="2024-07-11")
    if hasattr(result, "to_dict"):
        assert json.loads(json.dumps(result.to_dict(), default=str)) == body


@pytest.mark.parametrize("payload, message", [
    ({"text": ""}, "text: String should have at least 1 character"),
    ({"text": "x" * (MAX_TEXT + 1)}, "text: String should have at most"),
    ({"text": "China leads.", "date": "11 July 2024"}, "date: String should match"),
    ({"text": "China leads.", "date": "2024-13-45"}, "invalid date '2024-13-45'"),
    ({"date": "2024-07-11"}, "text: Field required"),
    ({"text": "   "}, "text is empty"),
])
def test_check_rejects_bad_input(client, payload, message):
    r = client.post("/api/check", json=payload)
    assert r.status_code == 422, r.text
    assert message in r.json()["detail"]


def test_check_rejects_malformed_json(client):
    r = client.post("/api/check", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and "JSON decode error" in r.json()["detail"]


def test_memberships_at_a_date_follow_the_registry(client):
    """SCO members on 2024-07-11, computed here from the registry CSV shipped in the package (start <= date < end)."""
    path = resources.files("multipolar").joinpath("registry", "memberships.csv")
    day = dt.date(2024, 7, 11)
    expected = sorted({r["country"] for r in csv.DictReader(path.open(encoding="utf-8"))
                       if r["organization"] == "SCO" and r["role"] == "member"
                       and dt.date.fromisoformat(r["start"]) <= day
                       and (not r["end"] or dt.date.fromisoformat(r["end"]) > day)})
    body = client.get("/api/memberships", params={"organization": "SCO", "on": "2024-07-11"}).json()
    assert body["members"]["SCO"] == expected
    assert "BLR" in expected and len(expected) == 10  # Belarus admitted at Astana, 4 July 2024


def test_country_page_data(client):
    body = client.get("/api/countries/kaz").json()
    assert body["iso3"] == "KAZ" and body["name"] == "Kazakhstan"
    assert client.get("/api/countries/Kazakhstan").json() == body  # by name too
    assert {m["organization"] for m in body["memberships"]} >= {"SCO", "EAEU", "CSTO", "CIS"}
    assert body["crossover"] and {r["country"] for r in body["crossover"]} == {"KAZ"}
    listed = client.get("/api/countries").json()
    kaz = next(c for c in listed if c["iso3"] == "KAZ")
    assert kaz["roles"]["SCO"] == "member" and kaz["central_asia"] is True


def test_crossover_filters(client):
    body = client.get("/api/crossover", params={"region": "central-asia", "dimension": "trade,security"}).json()
    assert body["rows"] and {r["country"] for r in body["rows"]} <= {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
    assert {r["dimension"] for r in body["rows"]} <= {"trade", "security"}
    assert body["n_rows"] == len(body["rows"])


def test_pages_and_docs_load_nothing_from_outside(client):
    import re

    for path in ("/", "/country/KAZ", "/explorer", "/crossover", "/claims", "/docs"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert not re.search(r'(src|href)="https?://', r.text), path
    missing = client.get("/country/ZZZ")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
    assert 'class="card error-page"' in missing.text and "invalid country &#39;ZZZ&#39;" in missing.text
    assert client.get("/country/Turkmenistan").status_code == 200 and client.get("/country/CHN").status_code == 200
    assert client.get("/assets/plotly.min.js").text.startswith("/*! plotly.js v")
    schema = client.get("/openapi.json").json()
    assert {"/api/indicators", "/api/indicators/{name}", "/api/crossover", "/api/countries", "/api/memberships",
            "/api/check", "/api/leads", "/api/findings"} <= set(schema["paths"])
    assert "/api/indicators/{name}" in client.get("/docs").text


CODES = st.one_of(st.sampled_from(["KAZ", "UZB", "CHN", "RUS", "WLD", "kaz", "ZZZ", ""]),
                  st.text(max_size=12))
YEARS = st.one_of(st.none(), st.sampled_from(["2019", "2000-2023", "2023-2000", "1800", "3000-3001", "20x0"]),
                  st.text(max_size=10))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["trade_share", "trade_value", "arms_share_5y", "un_agreement", "trade_hhi",
                             "influence_score", "trade_growth", "top_partner"]),
       country=CODES, partner=st.one_of(st.none(), CODES), years=YEARS,
       source=st.one_of(st.none(), st.sampled_from(["reconciled", "sipri_at", "mirror:imf_dots"]), st.text(max_size=8)),
       flow=st.one_of(st.none(), st.sampled_from(["export", "turnover", "x"])),
       limit=st.one_of(st.none(), st.integers(-5, MAX_ROWS + 5)))
def test_any_query_is_answered_without_a_server_error(client, name, country, partner, years, source, flow, limit):
    params = {k: v for k, v in dict(country=country, partner=partner, years=years, source=source, flow=flow,
                                    limit=limit).items() if v is not None}
    r = client.get(f"/api/indicators/{name}", params=params)
    assert r.status_code in (200, 422), (params, r.text[:300])
    if r.status_code == 200:
        assert len(r.json()["rows"]) <= MAX_ROWS
    else:
        assert r.json()["detail"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(countries=st.one_of(st.none(), CODES), region=st.one_of(st.none(), st.sampled_from(["sco", "central-asia"]),
                                                              st.text(max_size=8)),
       dimensions=st.one_of(st.none(), st.sampled_from(["trade", "trade,security", "finance"]), st.text(max_size=8)),
       organization=st.one_of(st.none(), st.sampled_from(["SCO", "BRICS"]), st.text(max_size=8)),
       on=st.one_of(st.none(), st.sampled_from(["2024-07-11", "2001", "1800", "2024-02-30"]), st.text(max_size=10)))
def test_crossover_and_memberships_never_fail_on_odd_input(client, countries, region, dimensions, organization, on):
    cross = client.get("/api/crossover", params={k: v for k, v in dict(country=countries, region=region,
                                                                       dimension=dimensions).items() if v is not None})
    assert cross.status_code in (200, 422), cross.text[:300]
    members = client.get("/api/memberships", params={k: v for k, v in dict(organization=organization,
                                                                           on=on).items() if v is not None})
    assert members.status_code in (200, 422), members.text[:300]


@pytest.mark.parametrize("path, params", [
    ("/api/indicators", {}), ("/api/indicators/trade_share", {"country": "KAZ", "partner": "CHN,RUS"}),
    ("/api/crossover", {"region": "central-asia"}), ("/api/leads", {}), ("/api/countries", {}),
    ("/api/memberships", {"organization": "SCO"}), ("/api/memberships", {"on": "2024-07-11"}), ("/api/pack", {}),
    ("/api/rerouting", {"partner": "KGZ,RUS"}),
])
def test_every_table_comes_as_csv_too(client, path, params):
    """format=csv gives the same rows as the JSON, as CSV with a header (and a file name to save it under)."""
    import csv as csvlib
    import io

    r = client.get(path, params={**params, "format": "csv"})
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/csv") and "attachment" in r.headers["content-disposition"]
    rows = list(csvlib.DictReader(io.StringIO(r.text)))
    body = client.get(path, params=params).json()
    listed = body if isinstance(body, list) else body.get("rows") or body.get("tables") or \
        [c for cs in body.get("members", {}).values() for c in cs] or \
        [r for name in ("growth", "leakage", "top_products", "roundabout") for r in body.get(name, [])]
    assert rows and len(rows) == len(listed)


def test_country_names_and_codes_are_the_same_request(client):
    by_code = client.get("/api/indicators/trade_share", params={"country": "KAZ", "partner": "CHN",
                                                                "years": "2020-2023"}).json()
    by_name = client.get("/api/indicators/trade_share", params={"country": "kazakhstan", "partner": "China",
                                                                "years": "2020-2023"}).json()
    assert by_code == by_name and by_code["n_rows"] > 0


def test_indicator_rows_carry_readable_source_names(client):
    body = client.get("/api/indicators/trade_share", params={"country": "KAZ", "partner": "CHN"}).json()
    labels = {r["source"] for r in body["rows"]}
    assert set(body["source_names"]) == labels
    assert "national_kz" in labels and "Kazakhstan" in body["source_names"]["national_kz"]
    assert body["source_names"]["mirror:imf_dots"].startswith("partners' reports")


def test_leads_and_findings_answer_the_question(client):
    """The overview's who-leads grid: one row per SCO state and dimension with the crossover's reading and its
    year; the findings are sentences each with a figure and a year."""
    import re

    leads = client.get("/api/leads").json()
    assert set(leads["states"]) >= {"KAZ", "UZB", "IND"} and "CHN" not in leads["states"]
    readings = {r["reading"] for r in leads["rows"]} - {None}
    assert readings <= {"China", "Russia", "no clear lead"} and readings
    assert all(r["latest_year"] for r in leads["rows"] if r["reading"])
    kaz = client.get("/api/leads", params={"country": "Kazakhstan"}).json()
    assert {r["country"] for r in kaz["rows"]} == {"KAZ"}
    found = client.get("/api/findings", params={"region": "central-asia"}).json()
    assert 3 <= len(found["findings"]) <= 8
    for line in found["findings"]:
        assert re.search(r"(19|20)\d\d", line), line


def test_errors_match_the_published_schema(client):
    """Every 404 and 422 is a Problem ({detail: str, errors?}) as the OpenAPI schema declares it."""
    schema = client.get("/openapi.json").json()
    problem = schema["components"]["schemas"]["Problem"]
    assert problem["properties"]["detail"]["type"] == "string"
    for path, methods in schema["paths"].items():
        for method, op in methods.items():
            for status in ("404", "422"):
                ref = op["responses"][status]["content"]["application/json"]["schema"]["$ref"]
                assert ref.endswith("/Problem"), (path, method, status)
    r = client.get("/api/indicators/trade_share", params={"country": "KAZ", "limit": 0})
    assert r.status_code == 422 and isinstance(r.json()["detail"], str) and r.json()["errors"][0]["loc"]


def test_the_readme_interface_table_is_true(client, pack):
    """Every API request and every indicator/crossover command in the README's one-interface table answers."""
    import re
    import shlex
    from pathlib import Path

    from typer.testing import CliRunner

    from multipolar.cli import app

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## One interface"):readme.index("## Indicators, turning points")]
    requests = re.findall(r"`GET (/api/[^`]+)`", table)
    assert len(requests) >= 4
    for path in requests:
        r = client.get(path)
        assert r.status_code == 200, (path, r.text[:200])
    commands = [c for c in re.findall(r"`(multipolar [^`]+)`", table)
                if c.split()[1] in ("indicator", "crossover", "--version")]
    assert len(commands) >= 3
    for command in commands:
        result = CliRunner().invoke(app, shlex.split(command)[1:] + (["--format", "csv"] if "indicator" in command
                                                                      or "crossover" in command else []))
        assert result.exit_code == 0, (command, result.output[-300:])


def test_rerouting_is_the_clis_json_with_the_reports_section(client, pack):
    """GET /api/rerouting gives what `multipolar rerouting --format json` and multipolar.rerouting() give (one
    interface; partners by name or code), plus the section as the report shows it. Kyrgyzstan x7.1 and Russia
    x0.41 are the figures issue 13 computed from the raw Eurostat CN8 rows (70.1 -> 495.0 m EUR; 30.4 -> 12.6 bn)."""
    import json

    import multipolar

    body = client.get("/api/rerouting", params={"partner": "Kyrgyzstan,rus"}).json()
    section = body.pop("section")
    assert body == json.loads(json.dumps(multipolar.rerouting(partner="KGZ,RUS", pack=pack).to_dict()))
    assert body["event_study"] is None and section["event_study"] is False
    growth = {r["partner"]: r for r in body["growth"]}
    assert round(growth["KGZ"]["value"], 1) == 7.1 and round(growth["RUS"]["value"], 2) == 0.41
    assert growth["KGZ"]["quality"] == "partial_year:11m"
    titles = [f["title"] for f in section["figures"]]
    assert titles[0].startswith("EU exports of sanctioned goods rose most to Kyrgyzstan (×7.1) and fell to Russia "
                                "(×0.41)")
    assert all(f["source"].startswith("Source: Eurostat Comext") for f in section["figures"])
    assert section["leakage"][0].startswith("Leakage ratio ")
    csv = client.get("/api/rerouting", params={"partner": "KGZ,RUS", "format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0].startswith("table,") and "\ngrowth,EUU,KGZ," in csv.text


@pytest.mark.parametrize("params, message", [
    ({"partner": "Kyrgystan"}, "did you mean Kyrgyzstan (KGZ)?"),
    ({"partner": "CHN"}, "valid choices: ARM, BLR, GEO, KAZ, KGZ, RUS, UZB"),
    ({"products": "oil"}, "sanctioned"),
    ({"year": 1999}, "invalid year 1999; valid choices: 2021, 2022"),
    ({"events": "true"}, "unknown query parameter 'events'"),
])
def test_rerouting_rejects_bad_requests_naming_the_choices(client, params, message):
    r = client.get("/api/rerouting", params=params)
    assert r.status_code == 422 and message in r.json()["detail"], r.text


def test_rerouting_event_study_on_request(client, pack):
    """event_study=true adds the event study (a small one here: two neighbours, the high-priority list, log-OLS),
    the same coefficients as the Python facade's, and its chart in the section."""
    import multipolar

    params = {"partner": "KGZ,ARM", "products": "chpl", "estimator": "ols", "event_study": "true"}
    body = client.get("/api/rerouting", params=params).json()
    direct = multipolar.rerouting(partner="KGZ,ARM", products="chpl", estimator="ols", event_study=True, pack=pack)
    mine = {(r["group"], r["period"]): r["estimate"] for r in body["event_study"]["coefficients"]}
    theirs = {(g, p): e for g, p, e in zip(direct.event_study.coefficients["group"],
                                          direct.event_study.coefficients["period"],
                                          direct.event_study.coefficients["estimate"])}
    assert mine.keys() == theirs.keys() and all(mine[k] == pytest.approx(theirs[k], abs=1e-9) for k in mine)
    assert [f["id"] for f in body["section"]["figures"]] == ["rr-growth", "rr-event", "rr-top"]
    assert body["section"]["control"].startswith("The event study's control: ")


def test_leads_rows_carry_every_flag_of_their_crossover_row(client):
    """Each who-leads row gives the crossover row's quality, its readable texts (flags) and chips: one per flag
    (the composite's carried-forward components in one), as the report's grid shows them."""
    from multipolar.indicators.quality import flag_text, split

    rows = client.get("/api/leads").json()["rows"]
    assert any("carried_forward" in (r["quality"] or "") for r in rows)
    for r in rows:
        found = split(r["quality"])
        assert r["flags"] == " | ".join(flag_text(f) for f in found)
        names = [f.split(":")[0] for f in found]
        chips = [c for c in (r["chips"] or "").split(" | ") if c]
        assert len(chips) == len([n for n in dict.fromkeys(names) if n != "no_comparison"]), r
        if "carried_forward" in names:
            assert chips[0].startswith("carried forward (")
