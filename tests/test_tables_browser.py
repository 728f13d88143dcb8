"""Tables a reader can use, the home page at a glance and the team card, in real headless Chromium.

Sorting and filtering work by mouse and keyboard over every row of a table page (its CSV), not just the
page's 50; without JavaScript the rows are all there, a page at a time; no scrollable region is out of
the keyboard's reach and nothing focusable hides under aria-hidden; printing keeps every column; the
funnel and the team card show the data's numbers. Screenshots go to tests/artifacts/ (not committed).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

PROJECT = Path(__file__).parent.parent
ARTIFACTS = Path(__file__).parent / "artifacts"


def rows_of(package: str, resource: str) -> list[dict[str, str]]:
    with open(PROJECT / "data" / package / f"{resource}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture
def tab(browser, served_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    yield page
    context.close()


ROWS = ".sortable tbody tr"


def column(page, index: int) -> list[str]:
    return page.locator(ROWS).evaluate_all(f"trs => trs.map(tr => tr.cells[{index}].textContent)")


def first_cell_is(page, index: int, value: float) -> None:
    """Wait until the table's first row shows ``value`` in column ``index``."""
    page.wait_for_function(
        "([i, v]) => { const tr = document.querySelector('.sortable tbody tr'); return tr && parseFloat(tr.cells[i].textContent) === v; }",
        arg=[index, value],
        timeout=10000,
    )


def header_index(page, name: str) -> int:
    return page.locator(".sortable thead th").evaluate_all(f"ths => ths.findIndex(th => th.textContent.trim() === {name!r})")


def test_sorting_by_mouse_orders_every_row_of_the_csv(tab, served_site):
    scores = rows_of("evaluations", "scores")
    tab.goto(served_site + "/en/data/evaluations/scores/")
    index = header_index(tab, "score")
    button = tab.locator(".sortable thead th button").nth(index)
    expected = sorted(float(r["score"]) for r in scores if r["score"])
    button.click()
    th = tab.locator(".sortable thead th").nth(index)
    assert th.get_attribute("aria-sort") == "ascending"
    first_cell_is(tab, index, expected[0])  # the first sort reads the whole CSV first
    values = [float(v) for v in column(tab, index) if v]
    assert len(column(tab, index)) == len(scores)
    assert values == expected
    button.click()
    assert th.get_attribute("aria-sort") == "descending"
    first_cell_is(tab, index, expected[-1])
    assert [float(v) for v in column(tab, index) if v] == sorted(values, reverse=True)
    assert tab.problems == []


def test_sorting_and_filtering_from_the_keyboard_reach_rows_beyond_the_first_page(tab, served_site):
    sources = rows_of("sources", "sources")
    tab.goto(served_site + "/en/data/sources/sources/")
    assert tab.locator(ROWS).count() == 50  # the page's rows, before any sort or filter
    assert tab.locator("nav.pager").is_visible()
    tab.locator(".table-tools__filter").focus()
    tab.keyboard.type("zdnet")
    wanted = [r for r in sources if "zdnet" in "\0".join(r.values()).lower()]
    first_page = [r for r in sources[:50] if "zdnet" in "\0".join(r.values()).lower()]
    assert len(wanted) > len(first_page)  # the filter must look past the page's 50 rows
    tab.locator(".table-tools__count").filter(has_text=f"{len(wanted)} of {len(sources)}").wait_for()
    assert tab.locator(ROWS).count() == len(wanted)
    assert tab.locator("nav.pager").is_hidden()  # every row is in the table now
    # Tab on from the filter: the table's scroll region, then the first column's sort button; Enter sorts.
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.getAttribute('role')") == "region"
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.textContent") == "source_id"
    tab.keyboard.press("Enter")
    th = tab.locator(".sortable thead th").first
    assert th.get_attribute("aria-sort") == "ascending"
    ids = column(tab, 0)
    assert sorted(ids) == sorted(r["source_id"] for r in wanted) and ids == sorted(ids, key=lambda x: x.lower())
    tab.keyboard.press("Space")
    assert th.get_attribute("aria-sort") == "descending"
    assert column(tab, 0) == ids[::-1]
    tab.locator(".table-tools__filter").fill("")
    tab.locator(".table-tools__count").filter(has_text=f"{len(sources)} of {len(sources)}").wait_for()
    assert tab.locator(ROWS).count() == len(sources)
    assert tab.problems == []


def test_without_javascript_every_row_is_on_the_table_pages(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sources, seen, address = rows_of("sources", "sources"), [], "/data/sources/sources/"
    while address:
        page.goto(served_site + address)
        seen += page.locator(ROWS).evaluate_all("trs => trs.map(tr => tr.cells[0].textContent)")
        following = page.locator("nav.pager strong[aria-current] + a")
        address = following.get_attribute("href") if following.count() else None
        if address:
            address = page.evaluate("href => new URL(href, location.href).pathname", address)
    assert seen == [r["source_id"] for r in sources]
    assert page.locator(".table-tools__filter").count() == 0
    context.close()


# axe-core's scrollable-region-focusable and aria-hidden-focus, written out: a region that scrolls must
# be focusable itself or hold something focusable; nothing focusable may sit inside aria-hidden.
KEYBOARD_PROBLEMS = """() => {
  const focusable = "a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex='-1'])";
  const problems = [];
  for (const el of document.querySelectorAll("body *")) {
    const style = getComputedStyle(el);
    const scrolls = (el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(style.overflowX))
      || (el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(style.overflowY));
    if (scrolls && el.getClientRects().length && !el.matches(focusable) && !el.querySelector(focusable)) {
      problems.push("scrollable-region-focusable: " + el.className);
    }
    if (scrolls && el.matches("[role=region]") && !el.getAttribute("aria-label")) problems.push("unnamed region: " + el.className);
  }
  for (const hidden of document.querySelectorAll("[aria-hidden=true]")) {
    for (const el of hidden.querySelectorAll(focusable)) {
      if (el.getClientRects().length && el.tabIndex >= 0) problems.push("aria-hidden-focus: " + el.outerHTML.slice(0, 80));
    }
  }
  return problems;
}"""

DATA_PAGES = ["/data/", "/data/teams/", "/data/teams/members/", "/data/sources/sources/", "/en/data/models/", "/en/data/sources/claims/page-2/", "/", "/teams/upstage/"]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", DATA_PAGES)
def test_no_scrollable_region_without_keyboard_access_and_nothing_focusable_hidden(browser, served_site, path, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(served_site + path)
    page.locator("body[data-scroll-checked]").wait_for(state="attached")  # tables.js has looked at every table
    assert page.evaluate(KEYBOARD_PROBLEMS) == []
    context.close()


def test_a_wide_table_scrolls_from_the_keyboard(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(served_site + "/en/data/teams/members/")
    region = page.locator(".md-typeset__scrollwrap[role=region]").first
    assert region.get_attribute("aria-label") == "Members: data dictionary"
    region.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("End")
    assert region.evaluate("el => el.scrollLeft") > 0
    context.close()


@pytest.mark.parametrize("path", ["/en/data/teams/", "/en/data/sources/sources/", "/data/funding/", "/en/teams/upstage/"])
def test_print_keeps_every_column(browser, served_site, path):
    context = browser.new_context(viewport={"width": 700, "height": 1000})  # an A4 page's text width at 96 dpi
    page = context.new_page()
    page.goto(served_site + path)
    page.emulate_media(media="print")
    clipped = page.evaluate("""() => {
      const width = document.documentElement.clientWidth, problems = [];
      for (const table of document.querySelectorAll("table.data-table")) {
        const last = table.tHead.rows[0].cells[table.tHead.rows[0].cells.length - 1];
        for (const el of [table, last]) {
          const box = el.getBoundingClientRect();
          if (box.right > width + 1) problems.push(`${el.tagName} ends at ${box.right} of ${width}: ${last.textContent}`);
        }
        const wrap = table.closest(".md-typeset__scrollwrap");
        if (wrap && wrap.scrollWidth > wrap.clientWidth + 1) problems.push("still scrolls: " + last.textContent);
      }
      return problems;
    }""")
    assert clipped == []
    context.close()


def test_the_funnel_shows_the_counts_and_dates_of_the_stages(tab, served_site):
    tab.goto(served_site + "/en/")
    stages = rows_of("program", "stages")
    assert tab.locator(".funnel li").count() == len(stages)
    for stage in stages:
        item = tab.locator(f'.funnel li[data-stage="{stage["stage_id"]}"]')
        text = item.inner_text()
        assert stage["name_en"] in text
        count = item.locator(".funnel__count").inner_text()
        assert count.startswith(f'{stage["teams_entering"]} teams in')
        if stage["teams_advancing"]:
            assert count.endswith(f'→ {stage["teams_advancing"]} went on')
        date = item.locator(".funnel__date").inner_text()
        if stage["decided_on"]:
            year, _month, day = stage["decided_on"].split("-")
            assert date.startswith(str(int(day))) and date.endswith(year)
        else:
            assert date.startswith("decision date not published as of")
    active = [t for t in rows_of("teams", "teams") if t["status"] == "active"]
    rows = tab.locator("#still-in + .md-typeset__scrollwrap tbody tr")
    assert rows.count() == len(active)
    totals = {(s["team_id"], s["stage_id"]): s["score"] for s in rows_of("evaluations", "scores") if s["criterion_id"] == "total"}
    for team in active:
        row = tab.locator("#still-in + .md-typeset__scrollwrap tbody tr", has=tab.locator(f'a[href="teams/{team["team_id"]}/"]'))
        assert f'{float(totals[(team["team_id"], "phase-2")]):g} of 100' in row.inner_text()
        assert "Phase 3 (final selection): not published as of" in row.inner_text()


def test_the_team_card_shows_the_data(tab, served_site):
    team_id = "upstage"
    tab.goto(served_site + f"/en/teams/{team_id}/")
    card = tab.locator(".team-card")
    outcomes = [o for o in rows_of("teams", "outcomes") if o["team_id"] == team_id]
    assert card.locator(".track li").count() == len(outcomes) + 1  # and the next, planned stage
    assert card.locator(".track li.track__step--next").count() == 1
    members = [m for m in rows_of("teams", "members") if m["team_id"] == team_id]
    text = card.inner_text()
    assert f"{len(members)} organisations" in text
    for score in rows_of("evaluations", "scores"):
        if score["team_id"] == team_id and score["criterion_id"] == "total":
            assert f'{float(score["score"]):g} / 100' in text
    for model in rows_of("models", "models"):
        if model["team_id"] == team_id:
            assert model["name"] in text
    for support in rows_of("funding", "support"):
        if support["team_id"] == team_id and support["gpu_count"]:
            assert f'{int(support["gpu_count"]):,} {support["gpu_model"]}' in text
    assert card.locator(":scope > dl").bounding_box()["y"] < tab.locator("h2").first.bounding_box()["y"]


def test_nothing_moves_while_a_table_page_loads(tab, served_site):
    tab.goto(served_site + "/data/sources/sources/")
    tab.wait_for_load_state("load")
    shift = tab.evaluate("""() => new Promise(done => {
      let total = 0;
      new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
        .observe({ type: "layout-shift", buffered: true });
      setTimeout(() => done(total), 500);
    })""")
    assert shift == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots_for_a_reader_to_look_at(browser, served_site, width, scheme):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 1000}, color_scheme=scheme)
    page = context.new_page()
    for name, path in [("home", "/en/"), ("home-ko", "/"), ("team", "/en/teams/upstage/"), ("table", "/en/data/sources/sources/")]:
        page.goto(served_site + path)
        if name == "table":
            page.locator(".sortable thead th button").nth(5).click()
            page.locator(".table-tools__filter").fill("korea")
            page.locator(".sortable .md-typeset__scrollwrap").evaluate("el => { el.scrollLeft = 0; }")
            page.locator(".table-tools").evaluate("el => el.scrollIntoView()")
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}-{scheme}.png"), full_page=name != "table")
    context.close()
