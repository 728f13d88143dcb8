"""The built site in real headless Chromium: pages load cleanly, charts draw and re-theme."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

PAGES = ["/", "/programme/", "/programme/timeline/", "/programme/results/", "/teams/", "/teams/lg-ai-research/", "/models/", "/funding/", "/strategy/", "/data/", "/data/teams/", "/sources/", "/sources/claims/", "/about/"]


@pytest.fixture
def page(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.problems = []
    tab.requests = []
    tab.on("console", lambda m: tab.problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.problems.append(str(e)))
    tab.on("request", lambda r: tab.requests.append(r.url))
    yield tab
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_errors_or_other_hosts(page, served_site, path):
    response = page.goto(served_site + path)
    assert response.ok
    page.wait_for_load_state("networkidle")
    host = urlsplit(served_site).netloc
    assert [u for u in page.requests if urlsplit(u).netloc != host] == []
    assert page.problems == []


# Every piece of text a reader can see (with every <details> opened) and its size, where under 12 px.
TEXT_UNDER_12PX = """() => {
  document.querySelectorAll("details").forEach(d => { d.open = true; });
  const small = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement, size = parseFloat(getComputedStyle(element).fontSize);
    if (node.textContent.trim() && element.getClientRects().length && size < 12) {
      small.push(`${element.tagName.toLowerCase()} in .${element.closest("[class]").className}: ${size} px`);
    }
  }
  return [...new Set(small)];
}"""


@pytest.mark.parametrize("path", PAGES + ["/data/changelog/", "/data/teams/members/", "/en/data/teams/"])
def test_no_text_is_under_12px_on_a_phone(page, served_site, path):
    page.goto(served_site + path)
    assert page.evaluate(TEXT_UNDER_12PX) == []


@pytest.mark.parametrize("path", ["/data/", "/data/teams/members/", "/en/data/models/"])
def test_field_names_in_tables_are_not_broken_across_lines_on_a_phone(page, served_site, path):
    page.goto(served_site + path)
    names = page.locator("table.data-table code")
    assert names.count() >= 5
    broken = names.evaluate_all("codes => codes.filter(c => c.getClientRects().length > 1).map(c => c.textContent)")
    assert broken == []


def test_pages_without_charts_never_load_plotly(page, served_site):
    for path in ["/", "/teams/", "/sources/"]:
        page.goto(served_site + path)
        page.wait_for_load_state("networkidle")
    assert not [u for u in page.requests if "plotly" in u]


def arrive_as_reader(page, url: str) -> None:
    """Open ``url`` and move the pointer, as a person does; charts wait for a reader's first move."""
    page.goto(url)
    page.mouse.move(5, 5)


@pytest.mark.parametrize("path", ["/programme/timeline/", "/models/", "/funding/", "/strategy/"])
def test_every_chart_draws_with_its_table_reachable(page, served_site, path):
    arrive_as_reader(page, served_site + path)
    charts = page.locator(".chart__plot")
    for index in range(charts.count()):
        charts.nth(index).scroll_into_view_if_needed()
        page.wait_for_selector(f".chart >> nth={index} >> .main-svg", timeout=20000)
    assert page.problems == []


def test_chart_draws_with_its_table_reachable(page, served_site):
    arrive_as_reader(page, served_site + "/models/")
    page.locator(".chart__plot").scroll_into_view_if_needed()
    page.wait_for_selector(".chart__plot .main-svg", timeout=20000)
    assert page.locator(".chart__plot .scatterlayer .point").count() > 0
    summary = page.locator(".chart__table summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator(".chart__table table").is_visible()
    assert page.locator(".chart__summary").inner_text()
    assert page.problems == []


def test_dark_mode_rethemes_the_chart(page, served_site):
    arrive_as_reader(page, served_site + "/models/")
    plot = page.locator(".chart__plot .main-svg").first
    plot.wait_for(timeout=20000)
    light = plot.evaluate("svg => getComputedStyle(svg).backgroundColor")
    page.locator("form[data-palette-toggle] label:visible").first.click()
    # Not page.wait_for_function: when its first check fails it polls with eval(), which the
    # site's Content-Security-Policy rightly refuses, so the test failed whenever the redraw was slow.
    expect(plot).not_to_have_css("background-color", light, timeout=10000)
    assert page.problems == []


SCHEME = "document.body.getAttribute('data-md-color-scheme')"


def test_palette_choice_follows_the_reader_to_the_next_page(page, served_site):
    page.goto(served_site + "/")
    assert page.evaluate(SCHEME) == "default"
    page.locator("form[data-palette-toggle] label:visible").click()
    assert page.evaluate(SCHEME) == "slate"
    page.goto(served_site + "/sources/")
    assert page.evaluate(SCHEME) == "slate"
    # From the keyboard: the focused option and Enter switch back.
    page.locator("form[data-palette-toggle] input:checked").focus()
    page.keyboard.press("Enter")
    assert page.evaluate(SCHEME) == "default"
    assert page.locator("form[data-palette-toggle] label:visible").count() == 1
    assert page.problems == []


def test_a_dark_system_setting_starts_dark(browser, served_site):
    context = browser.new_context(color_scheme="dark")
    tab = context.new_page()
    tab.goto(served_site + "/")
    assert tab.evaluate(SCHEME) == "slate"
    assert tab.locator("form[data-palette-toggle] label:visible").get_attribute("title") == "Switch to light mode"
    context.close()


def test_language_selector_leads_to_the_same_page(page, served_site):
    page.goto(served_site + "/programme/results/")
    page.locator("a.md-select__link[hreflang=en]").dispatch_event("click")
    page.wait_for_url("**/en/programme/results/")
    assert page.problems == []


def test_chart_draws_after_following_a_link(page, served_site):
    page.goto(served_site + "/")
    page.locator("article a", has_text="팀별 모델").click()
    page.wait_for_url("**/models/")
    page.mouse.move(5, 5)
    page.wait_for_selector(".chart__plot .main-svg", timeout=30000)


def test_content_security_policy_blocks_injected_script(page, served_site):
    page.goto(served_site + "/")
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.append(s); }")
    assert page.evaluate("window.injected") is None


def search(page, url: str, query: str) -> list[str]:
    """Type ``query`` into Material's search on ``url``; the result links, once they appear."""
    page.goto(url)
    page.wait_for_load_state("networkidle")  # the search index has loaded in its worker
    page.locator("label[for='__search']").first.click()
    field = page.locator("input.md-search__input")
    for attempt in range(3):  # a query typed while the worker still indexes is not re-run
        field.fill(query)
        field.press("End")  # a key event, which Material's search listens for
        try:
            page.wait_for_selector(".md-search-result__item", timeout=10000)
            break
        except Exception:
            if attempt == 2:
                raise
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")


def test_korean_search_finds_korean_pages(page, served_site):
    links = search(page, served_site + "/", "예산")
    assert any("/funding/" in link or "/strategy/" in link for link in links), links
    assert not any("/en/" in link for link in links)


def test_korean_search_finds_a_team_by_its_korean_name(page, served_site):
    links = search(page, served_site + "/teams/", "업스테이지")
    assert any("/teams/upstage/" in link for link in links), links


def test_english_search_stays_in_english(page, served_site):
    links = search(page, served_site + "/en/", "budget")
    assert links and all("/en/" in link for link in links), links
    assert any("/en/funding/" in link or "/en/strategy/" in link for link in links), links
