"""The dashboard in headless Chromium against a live uvicorn server: choose a country and see its charts drawn,
explore an indicator, read the crossover table, paste a claim and see its verdict. Nothing loads from outside."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Plotly's SVG marks of a drawn line chart with data points.
POINTS = "g.scatterlayer g.trace path.point"


@pytest.fixture
def page(browser, server):
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
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


def test_choose_a_country_and_see_its_charts(page, server, artifacts):
    page.goto(server + "/")
    page.wait_for_selector("#country-select option[value='KAZ']", state="attached", timeout=60_000)
    page.select_option("#country-select", "KAZ")
    page.wait_for_url(server + "/country/KAZ", timeout=30_000)
    chart = page.locator("#chart-trade")
    page.wait_for_selector("#chart-trade[data-drawn]", timeout=90_000)
    assert chart.locator("svg.main-svg").count() > 0
    assert chart.locator("g.scatterlayer g.trace").count() >= 2  # China and Russia, at least one source each
    assert chart.locator(POINTS).count() > 10
    names = page.evaluate("Array.from(document.querySelector('#chart-trade')._fullData).map(t => t.name)")
    assert any(n.startswith("China") for n in names) and any(n.startswith("Russia") for n in names)
    page.wait_for_selector("#chart-arms[data-drawn]", timeout=60_000)
    page.wait_for_selector("#crossover-rows table", timeout=120_000)
    assert page.locator("#crossover-rows tbody tr").count() > 0
    page.screenshot(path=str(artifacts / "dashboard-country-KAZ.png"), full_page=True)


def test_paste_a_claim_and_see_its_verdict(page, server, artifacts):
    page.goto(server + "/claims")
    page.fill("#claim-text", "Iran joined the SCO in 2023. China makes up 21.3 percent of Kazakhstan's total "
                             "foreign trade.")
    page.fill("#claim-date", "2024-07-11")
    page.click("#claim-go")
    page.wait_for_selector("#claim-results .verdict", timeout=120_000)
    verdicts = page.locator("#claim-results .verdict")
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


def test_explorer_draws_the_chosen_indicator(page, server, artifacts):
    page.goto(server + "/explorer")
    page.wait_for_selector("#ex-indicator option[value='arms_share_5y']", state="attached", timeout=60_000)
    page.select_option("#ex-indicator", "arms_share_5y")
    page.wait_for_selector("#ex-country option[value='UZB']", state="attached", timeout=60_000)
    page.select_option("#ex-country", ["KAZ", "UZB"])
    page.fill("#ex-years", "2005-2023")
    page.click("#ex-go")
    page.wait_for_selector("#ex-chart[data-drawn]", timeout=90_000)
    assert page.locator(f"#ex-chart {POINTS}").count() > 0
    assert "rows" in page.inner_text("#ex-status")
    years = page.evaluate("[].concat(...document.querySelector('#ex-chart')._fullData.map(t => t.x))"
                          ".filter(x => x !== null)")
    assert min(years) >= 2005 and max(years) <= 2023
    page.screenshot(path=str(artifacts / "dashboard-explorer.png"), full_page=True)


def test_crossover_page_lists_rows(page, server, artifacts):
    page.goto(server + "/crossover")
    page.wait_for_selector("#cross-table table", timeout=120_000)
    assert page.locator("#cross-table tbody tr").count() > 0
    page.select_option("#cross-region", "central-asia")
    page.select_option("#cross-dimension", "trade")
    page.click("#cross-form button")
    page.wait_for_function("document.querySelectorAll('#cross-table tbody tr').length > 0 && "
                           "Array.from(document.querySelectorAll('#cross-table tbody tr td:nth-child(2)'))"
                           ".every(td => td.textContent === 'trade')", timeout=60_000)
    found = page.evaluate("""() => {
        const head = [...document.querySelectorAll('#cross-table thead th')].map(th => th.textContent);
        const row = [...document.querySelectorAll('#cross-table tbody tr')]
            .find(tr => tr.children[head.indexOf('source')].textContent === 'national_kz');
        return {head, since: row ? row.children[head.indexOf('leader_since')].textContent : null};
    }""")
    assert "lead_change" in found["head"]
    # Kazakhstan's own statistics (2018-2023 workbooks): China ahead in 2023 only (tests/indicators/test_real_data.py)
    assert found["since"] == "2023"
    page.screenshot(path=str(artifacts / "dashboard-crossover.png"), full_page=True)
