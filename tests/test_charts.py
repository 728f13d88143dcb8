"""Charts in real headless Chromium with no interaction: a picture at first paint in screen and print
media, the figure named and described, nothing focusable where assistive technology is told to look
away; and the static SVG's text from data as text. Screenshots go to tests/artifacts/ for a person."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import plotly.graph_objects as go
import pytest
from sovereign_ai_site import chart_svg

ARTIFACTS = Path(__file__).parent / "artifacts"
CHART_PAGES = ["/programme/timeline/", "/programme/results/", "/models/", "/funding/", "/strategy/", "/en/programme/timeline/", "/en/funding/"]
SVG = "{http://www.w3.org/2000/svg}"

# Every focusable element inside an aria-hidden region (what axe's aria-hidden-focus reports), written
# out because axe is not vendored: links, buttons, form fields, tabindex >= 0 and contenteditable.
FOCUSABLE_IN_HIDDEN = """() => [...document.querySelectorAll('[aria-hidden="true"]')].flatMap(region =>
  [...region.querySelectorAll('a[href], button, input, select, textarea, [tabindex], [contenteditable=""], [contenteditable="true"]'), region]
    .filter(e => e.matches('a[href], button, input, select, textarea, [tabindex], [contenteditable=""], [contenteditable="true"]'))
    .filter(e => !e.disabled && e.tabIndex >= 0).map(e => e.outerHTML.slice(0, 80)))"""

# Each chart's visible picture: the box of the shown static SVG (or the drawn plot), and its marks.
PICTURES = """() => [...document.querySelectorAll("figure.chart")].map(figure => {
  const shown = [...figure.querySelectorAll(".chart__static svg, .chart__interactive .main-svg")]
    .filter(s => s.getClientRects().length && getComputedStyle(s).visibility !== "hidden" && getComputedStyle(s.parentElement).display !== "none");
  const svg = shown[0], box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
  return {id: figure.id, width: box.width, height: box.height, marks: svg ? svg.querySelectorAll("rect, circle, polygon, path").length : 0,
          figureWidth: figure.getBoundingClientRect().width};
})"""


@pytest.fixture
def context_for(browser):
    opened = []

    def make(width: int = 1280, scheme: str = "light", javascript: bool = True):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, java_script_enabled=javascript)
        opened.append(context)
        tab = context.new_page()
        tab.problems = []
        tab.on("console", lambda m: tab.problems.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: tab.problems.append(str(e)))
        return tab

    yield make
    for context in opened:
        context.close()


def _assert_pictures(tab, path: str) -> None:
    pictures = tab.evaluate(PICTURES)
    assert pictures, path
    for picture in pictures:
        assert picture["width"] > 200 and picture["height"] > 100, (path, picture)
        assert picture["width"] <= picture["figureWidth"] + 1, (path, picture)
        assert picture["marks"] >= 3, (path, picture)


@pytest.mark.parametrize("path", CHART_PAGES)
@pytest.mark.parametrize("javascript", [True, False])
def test_every_chart_has_a_picture_at_first_paint_on_screen_and_in_print(context_for, served_site, path, javascript):
    tab = context_for(390, javascript=javascript)
    tab.goto(served_site + path)
    _assert_pictures(tab, path)
    tab.emulate_media(media="print")
    _assert_pictures(tab, path)
    assert tab.problems == []


def test_the_drawn_chart_prints_its_static_picture_whole(context_for, served_site):
    tab = context_for(1280)
    tab.goto(served_site + "/models/")
    tab.mouse.move(5, 5)
    tab.locator(".chart__plot").scroll_into_view_if_needed()
    tab.wait_for_selector(".chart__plot[data-drawn] .main-svg", timeout=20000)
    assert tab.locator(".chart__static--wide svg").evaluate("s => getComputedStyle(s.parentElement).visibility") == "hidden"
    tab.emulate_media(media="print")
    _assert_pictures(tab, "/models/ drawn, printed")
    assert tab.locator(".chart__interactive").evaluate("e => getComputedStyle(e).display") == "none"
    assert tab.locator(".modebar").count() == 0
    pdf = tab.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("path", ["/programme/timeline/", "/en/models/", "/funding/"])
def test_each_figure_is_named_by_its_title_and_described_by_its_summary(context_for, served_site, path):
    tab = context_for(1280)
    tab.goto(served_site + path)
    for figure in tab.locator("figure.chart").all():
        title = figure.locator(".chart__title").inner_text()
        summary = figure.locator(".chart__summary").inner_text()
        # Chromium's accessibility tree: the figure role with the title as its name and the summary as its description.
        assert tab.get_by_role("figure", name=title, exact=True).count() == 1
        node = figure.evaluate("f => ({labelled: f.getAttribute('aria-labelledby'), described: f.getAttribute('aria-describedby')})")
        assert tab.locator(f"#{node['labelled']}").inner_text() == title
        assert tab.locator(f"#{node['described']}").inner_text() == summary
    snapshot = tab.accessibility.snapshot() if hasattr(tab, "accessibility") else None
    if snapshot is not None:
        names = json.dumps(snapshot, ensure_ascii=False)
        assert tab.locator(".chart__title").first.inner_text() in names


@pytest.mark.parametrize("path", ["/programme/timeline/", "/models/", "/funding/", "/strategy/"])
def test_nothing_focusable_sits_in_an_aria_hidden_region_before_or_after_drawing(context_for, served_site, path):
    tab = context_for(1280)
    tab.goto(served_site + path)
    assert tab.evaluate(FOCUSABLE_IN_HIDDEN) == []
    tab.mouse.move(5, 5)
    plots = tab.locator(".chart__plot")
    for index in range(plots.count()):
        plots.nth(index).scroll_into_view_if_needed()
        tab.wait_for_selector(f".chart >> nth={index} >> .chart__plot[data-drawn] .main-svg", timeout=20000)
    assert tab.evaluate(FOCUSABLE_IN_HIDDEN) == []
    assert tab.locator(".modebar-btn").count() == 0
    assert tab.problems == []


def test_picture_and_csv_download_under_the_sites_policy(context_for, served_site):
    tab = context_for(1280)
    tab.goto(served_site + "/funding/")
    for link in tab.locator(".chart__caption a[download]").all():
        with tab.expect_download() as download:
            link.click()
        assert download.value.failure() is None
        assert download.value.suggested_filename.endswith((".svg", ".csv"))
    assert tab.problems == []


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_the_chart_pages(context_for, served_site, width, scheme):
    """For a person to look at: every chart page as a reader first sees it (no interaction)."""
    ARTIFACTS.mkdir(exist_ok=True)
    tab = context_for(width, scheme)
    # Scrolling a chart into view for its screenshot counts as a reader's move: keep plotly.js away, so
    # the screenshots show the static picture a reader gets at first paint and in print.
    tab.route("**/plotly-basic.min.js", lambda route: route.abort())
    for path in CHART_PAGES:
        tab.goto(served_site + path)
        name = path.strip("/").replace("/", "-")
        for index, figure in enumerate(tab.locator("figure.chart").all()):
            figure.locator(".chart__plot").screenshot(path=ARTIFACTS / f"{name}-{index}-{width}-{scheme}.png")
        # The picture's text follows the site's scheme: dark text on light, light text on dark.
        colours = tab.evaluate("() => [...document.querySelectorAll('.chart__static text')].map(t => getComputedStyle(t).fill)")
        assert colours, path
        assert all(c.startswith("rgba(0, 0, 0") == (scheme == "light") for c in colours), (path, set(colours))


HOSTILE = '<script>alert(1)</script> & "quotes" </text><text>x'


def test_text_from_data_stays_text_in_the_svg():
    figure = go.Figure(go.Bar(orientation="h", y=["a", "b"], x=[1, 2], name=HOSTILE, text=[HOSTILE, "2"]))
    figure.update_layout(yaxis={"categoryarray": ["b", "a"], "tickvals": ["a", "b"], "ticktext": [HOSTILE, "&lt;b&gt;"]},
                         legend={"title": {"text": HOSTILE}}, xaxis_title=HOSTILE)
    svg = chart_svg.svg(figure, 720, "t", standalone=True)
    root = ElementTree.fromstring(svg)  # well-formed XML
    assert not root.iter(f"{SVG}script").__next__() if list(root.iter(f"{SVG}script")) else True
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert HOSTILE in texts and "<b>" in texts
    assert "<script" not in svg and "font-face" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_static_picture_is_the_same_bytes_on_every_build(tmp_path):
    figure = go.Figure(go.Scatter(x=["2025-08-04", "2026-01-15"], y=[3, 519], mode="markers+text", text=["a", "b"], name="t"))
    assert chart_svg.svg(figure, 360, "p") == chart_svg.svg(figure, 360, "p")
    assert re.search(r'viewBox="0 0 360 \d+"', chart_svg.svg(figure, 360, "p"))
