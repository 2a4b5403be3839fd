"""The dashboard in headless Chromium against a live uvicorn server: the overview answers the question (findings and
the who-leads grid), every state is reachable, each chart has its title, source line and readable labels in China
red and Russia blue, the explorer keeps its choices in the URL (shareable, the back button works) and downloads CSV
and PNG, tables have readable headers, errors are styled pages, and no page scrolls sideways on a 390 px phone.
Nothing loads from outside. Screenshots of every page are kept in test-artifacts/."""

from __future__ import annotations

import csv
import io
import re

import pytest

pytestmark = pytest.mark.browser

# Plotly's SVG marks of a drawn line chart with data points.
POINTS = "g.scatterlayer g.trace path.point"
# China red and Russia blue, as the report draws them.
RED, BLUE = "#c0392b", "#2457a6"
# Raw source ids that must never be a chart's visible label (readable names are declared on the sources).
RAW_ID = re.compile(r"\b(national_[a-z]{2}|imf_dots|sipri_at|bsv_idealpoints|unvotes_computed|mirror:)")


@pytest.fixture
def page(browser, server):
    page = browser.new_page(viewport={"width": 1300, "height": 1000}, accept_downloads=True)
    outside, errors = [], []

    def route(r):
        if r.request.url.startswith(server):
            return r.continue_()
        outside.append(r.request.url)
        return r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    page.close()
    assert not outside, f"the dashboard tried to load {outside[:3]}"
    assert not errors, errors


def _no_sideways_scroll(browser, url: str, ready: str) -> None:
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        phone.goto(url)
        phone.wait_for_selector(ready, state="attached", timeout=120_000)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{url} is {width} px wide on a 390 px phone"
    finally:
        phone.close()


def _chart_facts(page, selector: str) -> dict:
    """Title, source line, line-end labels, trace names and colours, x range of a drawn chart in a figure."""
    return page.evaluate("""(sel) => {
        const fig = document.querySelector(sel);
        const gd = fig.querySelector('.js-plotly-plot');
        return {title: fig.querySelector('.chart-title').textContent,
                source: fig.querySelector('.chart-source').textContent,
                labels: (gd.layout.annotations || []).map(a => a.text.replace(/<[^>]+>/g, '')),
                names: gd._fullData.map(t => t.name),
                colours: gd._fullData.filter(t => t.meta && t.meta.highlighted).map(t => [t.meta.label, t.line.color]),
                range: gd.layout.xaxis.range};
    }""", selector)


def test_overview_answers_the_question(page, server, artifacts, browser):
    page.goto(server + "/")
    page.wait_for_selector("#lead-grid table", timeout=180_000)
    page.wait_for_selector("#findings .finding", timeout=60_000)
    findings = page.locator("#findings .finding")
    assert 3 <= findings.count() <= 8
    for i in range(findings.count()):
        assert re.search(r"(19|20)\d\d", findings.nth(i).inner_text())  # each with its year
    rows = page.locator("#lead-grid tbody tr")
    states = [rows.nth(i).get_attribute("data-country") for i in range(rows.count())]
    assert {"KAZ", "KGZ", "TJK", "UZB", "IND", "PAK", "IRN"} <= set(states)
    cells = page.locator("#lead-grid td.lead")
    for i in range(cells.count()):
        cell = cells.nth(i)
        reading = cell.get_attribute("data-reading")
        assert reading in ("China", "Russia", "no clear lead", "")
        if reading:
            year = cell.get_attribute("data-year")
            assert year and year in cell.inner_text()  # the year in every cell, not only on hover
    # Every state of the pack has its chip, Turkmenistan and China included.
    chips = page.evaluate("[...document.querySelectorAll('#country-list a.chip')].map(a => a.dataset.iso3)")
    listed = page.evaluate("fetch('/api/countries').then(r => r.json()).then(l => l.map(c => c.iso3))")
    assert set(chips) == set(listed) and {"TKM", "CHN", "RUS"} <= set(chips)
    page.screenshot(path=str(artifacts / "dashboard-overview.png"), full_page=True)
    page.click("#country-list a.chip[data-iso3='TKM']")
    page.wait_for_url(server + "/country/TKM", timeout=30_000)
    page.wait_for_selector("#chart-trade_share[data-drawn]", timeout=120_000)
    _no_sideways_scroll(browser, server + "/", "#lead-grid table")


def test_a_state_page_draws_charts_with_titles_sources_and_labels(page, server, artifacts, browser):
    page.goto(server + "/")
    page.wait_for_selector("#country-select option[value='KAZ']", state="attached", timeout=60_000)
    page.select_option("#country-select", "KAZ")
    page.wait_for_url(server + "/country/KAZ", timeout=30_000)
    ids = ["trade_share", "arms_share_5y", "un_agreement", "influence_score"]
    for ind in ids:
        page.wait_for_selector(f"#chart-{ind}[data-drawn]", timeout=120_000)
    assert page.locator(f"#chart-trade_share {POINTS}").count() > 10
    facts = {ind: _chart_facts(page, f"#chart-{ind}") for ind in ids}
    for ind, f in facts.items():
        assert f["source"].startswith("Source: ") and not RAW_ID.search(f["source"]), f
        assert "Kazakhstan" in f["title"], f
        assert set(f["labels"]) <= {"China", "Russia"} and f["labels"], f  # labels at line ends, no legend
        assert not any(RAW_ID.search(n) for n in f["names"]), f["names"]
        assert dict(f["colours"]).get("China", RED) == RED and dict(f["colours"]).get("Russia", BLUE) == BLUE
    assert "Bureau of National Statistics" in facts["trade_share"]["source"]
    assert len({tuple(f["range"]) for f in facts.values()}) == 1  # the same years across the state's charts
    page.wait_for_selector("#crossover-rows table", timeout=120_000)
    headers = page.evaluate("[...document.querySelectorAll('#crossover-rows thead th')].map(t => t.textContent)")
    assert "China first ahead" in headers and "Leader since" in headers and "FIRST_YEAR" not in headers
    note_width = page.evaluate("document.querySelector('#crossover-rows td.col-note').getBoundingClientRect().width")
    assert note_width > 200  # the note wraps in a readable column, not squeezed to a few characters
    page.screenshot(path=str(artifacts / "dashboard-country-KAZ.png"), full_page=True)
    _no_sideways_scroll(browser, server + "/country/KAZ", "#chart-influence_score[data-drawn]")


def test_china_and_turkmenistan_have_pages(page, server, artifacts):
    page.goto(server + "/country/China")
    page.wait_for_selector("#chart-trade_share[data-drawn]", timeout=120_000)
    facts = _chart_facts(page, "#chart-trade_share")
    assert facts["labels"] == ["Russia"] and facts["source"].startswith("Source: ")
    page.screenshot(path=str(artifacts / "dashboard-country-CHN.png"), full_page=True)
    page.goto(server + "/country/TKM")
    page.wait_for_selector("#chart-trade_share[data-drawn]", timeout=120_000)
    assert page.inner_text("h1") == "Turkmenistan"
    page.screenshot(path=str(artifacts / "dashboard-country-TKM.png"), full_page=True)


def test_explorer_keeps_its_state_in_the_url(page, server, artifacts, browser):
    url = server + "/explorer?indicator=arms_share_5y&country=KAZ,UZB&years=2005-2023"
    page.goto(url)
    page.wait_for_selector("#ex-chart[data-drawn]", timeout=120_000)
    assert page.input_value("#ex-indicator") == "arms_share_5y" and page.input_value("#ex-years") == "2005-2023"
    chosen = page.evaluate("[...document.querySelectorAll('#ex-country option:checked')].map(o => o.value)")
    assert chosen == ["KAZ", "UZB"]
    years = page.evaluate("[].concat(...document.querySelector('#ex-chart')._fullData.map(t => t.x))"
                          ".filter(x => x !== null)")
    assert min(years) >= 2005 and max(years) <= 2023
    colours = page.evaluate("document.querySelector('#ex-chart')._fullData.map(t => [t.name, t.line.color])")
    assert all(c == RED for n, c in colours if " · China" in n) and all(c == BLUE for n, c in colours
                                                                        if " · Russia" in n)
    assert page.locator("#ex-figure .chart-source").inner_text().startswith("Source: ")
    page.screenshot(path=str(artifacts / "dashboard-explorer.png"), full_page=True)

    # A new choice is a new address; the back button returns to the previous view, drawn again.
    page.select_option("#ex-indicator", "un_agreement")
    page.click("#ex-go")
    page.wait_for_url(re.compile(r".*indicator=un_agreement.*"), timeout=30_000)
    page.wait_for_function("document.querySelector('#ex-figure .chart-title').textContent.includes('General "
                           "Assembly') || document.querySelector('#ex-status').textContent.includes('UN')",
                           timeout=120_000)
    page.go_back()
    page.wait_for_url(url, timeout=30_000)
    page.wait_for_function("document.querySelector('#ex-indicator').value === 'arms_share_5y'", timeout=30_000)
    page.wait_for_function("document.querySelector('#ex-status').textContent.includes('arms')", timeout=120_000)

    # CSV: the rows of the view, as a file.
    with page.expect_download() as got:
        page.click("#ex-csv")
    path = got.value.path()
    rows = list(csv.DictReader(io.StringIO(open(path, encoding="utf-8").read())))
    assert rows and {"country", "partner", "year", "source", "value"} <= set(rows[0])
    assert {r["country"] for r in rows} == {"KAZ", "UZB"} and all(2005 <= int(r["year"]) <= 2023 for r in rows)
    # PNG: the chart with its title and source line.
    with page.expect_download() as got:
        page.click("#ex-png")
    assert open(got.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    _no_sideways_scroll(browser, url, "#ex-chart[data-drawn]")


def test_rerouting_page_draws_the_section_and_keeps_its_choices_in_the_url(page, server, artifacts, browser):
    """The sanctions re-routing page: its charts drawn as the report draws them, each with a title and a "Source:"
    line, the event study added once fitted (a small one here: two neighbours, the high-priority list, log-OLS), the
    choices in the address bar with the back button, a CSV download of every table, no sideways scroll on a phone."""
    url = server + "/rerouting?partner=KGZ%2CARM&products=chpl&estimator=ols"
    page.goto(url)
    for chart in ("rr-growth", "rr-top", "rr-event"):
        page.wait_for_selector(f"#{chart}[data-drawn]", timeout=240_000)
    assert page.input_value("#rr-products") == "chpl" and page.input_value("#rr-estimator") == "ols"
    figs = page.evaluate("""() => [...document.querySelectorAll('#rr-charts figure.chart')].map(f => ({
        kind: f.dataset.chart, title: f.querySelector('.chart-title').textContent,
        source: f.querySelector('.chart-source').textContent,
        marks: f.querySelectorAll('g.barlayer g.point path, g.scatterlayer g.trace path').length}))""")
    assert [f["kind"] for f in figs] == ["rerouting-growth", "rerouting-event", "rerouting-top"]
    for f in figs:
        assert f["marks"] > 0 and f["source"].startswith("Source: Eurostat Comext"), f
        assert not RAW_ID.search(f["source"]) and len(f["title"]) > 20, f
    assert page.locator("#rr-leakage").inner_text().startswith("Leakage ratio ")
    assert "The event study's control: " in page.locator("#rr-control").inner_text()
    assert page.locator("#rr-legs tbody tr").count() > 4
    page.screenshot(path=str(artifacts / "dashboard-rerouting.png"), full_page=True)

    # CSV: every table of the view, as a file
    with page.expect_download() as got:
        page.click("#rr-csv")
    rows = list(csv.DictReader(io.StringIO(open(got.value.path(), encoding="utf-8").read())))
    assert {r["table"] for r in rows} >= {"growth", "leakage", "top_products", "roundabout"}
    assert {r["partner"] for r in rows if r["table"] == "growth"} == {"KGZ", "ARM"}

    # A new choice is a new address; back returns to the previous one
    page.fill("#rr-partner", "Kyrgyzstan,RUS")
    page.click("#rr-go")
    page.wait_for_url(re.compile(r".*partner=Kyrgyzstan%2CRUS.*"), timeout=30_000)
    page.wait_for_function("document.querySelector('#rr-growth') && document.querySelector('#rr-growth')"
                           "._fullData[0].y.includes('Russia')", timeout=120_000)
    page.go_back()
    page.wait_for_url(url, timeout=30_000)
    page.wait_for_function("document.querySelector('#rr-partner').value === 'KGZ,ARM'", timeout=30_000)
    _no_sideways_scroll(browser, url, "#rr-event[data-drawn]")


def test_crossover_page_lists_rows_with_readable_headers(page, server, artifacts):
    page.goto(server + "/crossover?region=central-asia&dimension=trade")
    page.wait_for_selector("#cross-table table", timeout=180_000)
    assert page.input_value("#cross-region") == "central-asia" and page.input_value("#cross-dimension") == "trade"
    found = page.evaluate("""() => {
        const head = [...document.querySelectorAll('#cross-table thead th')].map(th => th.dataset.column);
        const rows = [...document.querySelectorAll('#cross-table tbody tr')];
        const row = rows.find(tr => tr.children[head.indexOf('source_name')].textContent.includes('Kazakhstan'));
        return {head, labels: [...document.querySelectorAll('#cross-table thead th')].map(th => th.textContent),
                dims: [...new Set(rows.map(tr => tr.children[head.indexOf('dimension')].textContent))],
                since: row ? row.children[head.indexOf('leader_since')].textContent : null};
    }""")
    assert found["dims"] == ["trade"] and "Change of China's lead (5 yrs)" in found["labels"]
    # Kazakhstan's own statistics (2018-2023 workbooks): China ahead in 2023 only (tests/indicators/test_real_data.py)
    assert found["since"] == "2023"
    page.screenshot(path=str(artifacts / "dashboard-crossover.png"), full_page=True)


def test_paste_a_claim_and_see_its_verdict(page, server, artifacts):
    page.goto(server + "/claims")
    page.fill("#claim-text", "Iran joined the SCO in 2023. China makes up 21.3 percent of Kazakhstan's total "
                             "foreign trade.")
    page.fill("#claim-date", "2024-07-11")
    page.click("#claim-go")
    page.wait_for_selector("#claim-results .verdict", timeout=120_000)
    verdicts = page.locator("#claim-results .verdict:not(.unchecked)")
    assert verdicts.count() >= 2
    labels = [verdicts.nth(i).get_attribute("data-verdict") for i in range(verdicts.count())]
    assert set(labels) <= {"supported", "partly supported", "contradicted", "unverifiable"}
    first = verdicts.first.inner_text()
    assert "Iran joined the SCO in 2023" in first and "supported" in first
    page.screenshot(path=str(artifacts / "dashboard-claims.png"), full_page=True)


def test_a_bad_claim_request_shows_the_message(page, server):
    page.goto(server + "/claims")
    page.fill("#claim-text", "   ")
    page.click("#claim-go")
    page.wait_for_selector("#claim-status.error", timeout=30_000)
    assert "text is empty" in page.inner_text("#claim-status")


def test_errors_are_styled_pages(page, server, artifacts):
    response = page.goto(server + "/country/Kazahkstan")
    assert response.status == 404
    assert page.locator(".error-page").is_visible()
    assert "did you mean Kazakhstan (KAZ)?" in page.inner_text(".error-message")
    assert page.locator("header.bar").is_visible()  # the site's own frame, with its navigation
    page.screenshot(path=str(artifacts / "dashboard-error-404.png"), full_page=True)
    response = page.goto(server + "/no/such/page")
    assert response.status == 404 and page.locator(".error-page").is_visible()


def test_docs_page_lists_the_api(page, server, artifacts):
    page.goto(server + "/docs")
    assert page.locator("section.endpoint").count() >= 9
    assert "format" in page.inner_text("#get--api-crossover")
    page.screenshot(path=str(artifacts / "dashboard-docs.png"), full_page=True)
