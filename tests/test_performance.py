"""What keeps the site light, in real headless Chromium against a compressing local server.

Not timings (those are in scripts/benchmark.py) but the behaviour behind them: what a first
visit downloads, when plotly.js and the search index are fetched, that drawing a chart moves
nothing, and that no page grows when the data does.
"""

from __future__ import annotations

import pytest
from conftest import PROJECT, mkdocs_build
from sovereign_ai_site.pagination import ROWS_PER_PAGE
from sovereign_ai_site.static_server import serving
from sovereign_ai_site.synthetic import scaled_project

FIRST_LOAD_BUDGET = 150 * 1024  # compressed bytes, before a chart's engine is requested
TEMPLATES = ["/", "/teams/upstage/", "/models/", "/programme/", "/programme/timeline/", "/programme/results/", "/funding/", "/data/teams/", "/sources/", "/en/"]

SHIFTS = """
window.layoutShift = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { window.layoutShift += entry.value; } }
}).observe({ type: "layout-shift", buffered: true });
"""


class Visit:
    """One tab that counts the compressed bytes of every response and keeps every request's address."""

    def __init__(self, browser, width: int = 390):
        self.context = browser.new_context(viewport={"width": width, "height": 844})
        self.context.add_init_script(SHIFTS)
        self.tab = self.context.new_page()
        self.requests: list[str] = []
        self.tab.on("request", lambda r: self.requests.append(r.url))
        cdp = self.context.new_cdp_session(self.tab)
        cdp.send("Network.enable")
        self.bytes = 0
        self.document_bytes: dict[str, int] = {}
        self._documents: dict[str, str] = {}
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.loadingFinished", self._finished)

    def _response(self, event):
        if event["type"] == "Document":
            self._documents[event["requestId"]] = event["response"]["url"]

    def _finished(self, event):
        self.bytes += event["encodedDataLength"]
        if event["requestId"] in self._documents:
            self.document_bytes[self._documents[event["requestId"]]] = event["encodedDataLength"]

    def open(self, url: str):
        self.tab.goto(url)
        self.tab.wait_for_load_state("networkidle")
        return self

    def requested(self, part: str) -> list[str]:
        return [u for u in self.requests if part in u]

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser):
    opened = []

    def open_visit(width: int = 390) -> Visit:
        opened.append(Visit(browser, width))
        return opened[-1]

    yield open_visit
    for v in opened:
        v.close()


@pytest.mark.parametrize("path", TEMPLATES)
def test_first_load_is_within_budget_and_fetches_neither_plotly_nor_the_search_index(visit, served_site, path):
    v = visit().open(served_site + path)
    assert v.bytes <= FIRST_LOAD_BUDGET, f"{path}: {v.bytes} compressed bytes on first load"
    assert v.requested("plotly") == []
    assert v.requested("search_index.json") == []
    assert v.requested("sitemap.xml") == []


def test_pages_are_sent_compressed(served_site):
    import urllib.request

    request = urllib.request.Request(served_site + "/", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"


def test_search_index_loads_when_search_opens(visit, served_site):
    v = visit().open(served_site + "/")
    with v.tab.expect_request(lambda r: r.url.endswith("/search/search_index.json")):
        v.tab.locator("label[for='__search']").first.click()


def test_plotly_waits_until_a_chart_is_near_the_screen_and_the_chart_draws_when_scrolled_to(visit, served_site):
    v = visit().open(served_site + "/strategy/")
    v.tab.mouse.move(5, 5)  # a reader is here, but the strategy's charts are far below
    v.tab.wait_for_timeout(500)
    assert v.tab.evaluate("document.querySelector('.chart__plot').getBoundingClientRect().top") > 844 + 200
    assert v.requested("plotly") == []
    v.tab.locator(".chart__plot").first.scroll_into_view_if_needed()
    v.tab.wait_for_selector(".chart__plot .main-svg", timeout=20000)
    assert len(v.requested("plotly-basic.min.js")) == 1


def test_a_chart_in_view_on_arrival_waits_for_the_reader(visit, served_site):
    v = visit().open(served_site + "/models/")
    assert v.requested("plotly") == []  # nothing done on the page yet: robots and prefetchers stop here
    v.tab.mouse.move(5, 5)
    v.tab.wait_for_selector(".chart__plot .main-svg", timeout=20000)


@pytest.mark.parametrize("path", ["/programme/timeline/", "/funding/", "/strategy/", "/models/"])
def test_drawing_charts_shifts_no_layout(visit, served_site, path):
    v = visit().open(served_site + path)
    v.tab.mouse.move(5, 5)
    charts = v.tab.locator(".chart__plot")
    for index in range(charts.count()):
        charts.nth(index).scroll_into_view_if_needed()
        v.tab.wait_for_selector(f".chart >> nth={index} >> .main-svg", timeout=20000)
    v.tab.wait_for_timeout(300)
    assert v.tab.evaluate("window.layoutShift") == 0


@pytest.fixture(scope="module")
def scaled_sites(tmp_path_factory):
    """The project at two data scales, each past a page's row limit: ``{scale: (project, site folder)}``."""
    folders = {scale: tmp_path_factory.mktemp(f"scale{scale}") for scale in (10, 20)}
    return {scale: (scaled_project(PROJECT, scale, folder / "project"), folder / "site") for scale, folder in folders.items()}


def test_page_size_does_not_grow_with_the_number_of_pages(visit, scaled_sites):
    teams = {}
    sizes = {}
    for scale in (10, 20):
        project, site = scaled_sites[scale]
        with serving(site) as address:
            result = mkdocs_build(project / "mkdocs.yml", site, site_url=address)
            assert result.returncode == 0, result.stdout + result.stderr
            teams[scale] = len(list((site / "teams").glob("*/index.html")))
            v = visit()
            for path in TEMPLATES:
                v.open(address.rstrip("/") + path)
                longest = v.tab.evaluate("Math.max(0, ...[...document.querySelectorAll('article table')].map(t => t.tBodies[0].rows.length))")
                sizes[scale, path] = (v.document_bytes[address.rstrip("/") + path], longest)
    assert teams[20] > teams[10] > ROWS_PER_PAGE  # both scales list more teams than one page holds
    for path in TEMPLATES:
        (bytes10, _), (bytes20, longest) = sizes[10, path], sizes[20, path]
        assert bytes20 <= bytes10 * 1.05 + 512, f"{path}: {bytes10} → {bytes20} compressed bytes with twice the data"
        assert longest <= ROWS_PER_PAGE, f"{path}: a table of {longest} rows"
