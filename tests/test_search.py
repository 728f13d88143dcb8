"""Search as a reader types it, in real headless Chromium on the built site.

Each query is typed into Material's search box and the results list is read; the expected page must
be among the results. The queries are of the kinds issue 20 found missing: a Korean word with a
particle or an ending, part of a compound name, a Korean spelling of a model or company name (the
aliases in data/teams/aliases.csv and data/models/aliases.csv), and words from table cells.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

# (site language, query, the page that must be among the results)
QUERIES = [
    # Korean site: particles and endings on a word
    ("ko", "업스테이지가", "/teams/upstage/"),
    ("ko", "네이버클라우드는", "/teams/naver-cloud/"),
    ("ko", "트릴리온랩스가", "/teams/trillion-labs/"),
    ("ko", "모티프테크놀로지스의", "/teams/motif-technologies/"),
    ("ko", "탈락한", "/programme/"),
    ("ko", "탈락했다", "/programme/"),
    # part of a compound name
    ("ko", "클라우드", "/teams/naver-cloud/"),
    ("ko", "테크놀로지스", "/teams/motif-technologies/"),
    ("ko", "텔레콤", "/teams/sk-telecom/"),
    # Korean spellings of models and companies
    ("ko", "솔라 오픈", "/models/"),
    ("ko", "배키", "/models/"),
    ("ko", "모티프3", "/models/"),
    ("ko", "하이퍼클로바X", "/models/"),
    ("ko", "에이닷엑스", "/models/"),
    ("ko", "엑사원", "/models/"),
    ("ko", "LG AI연구원이", "/teams/lg-ai-research/"),
    ("ko", "SKT", "/teams/sk-telecom/"),
    ("ko", "사이오닉AI", "/teams/sionic-ai/"),
    # words from table cells
    ("ko", "덴스", "/models/"),
    ("ko", "MoE", "/models/"),
    # English site
    ("en", "업스테이지", "/en/teams/upstage/"),
    ("en", "업스테이지가", "/en/teams/upstage/"),
    ("en", "네이버클라우드", "/en/teams/naver-cloud/"),
    ("en", "클라우드", "/en/teams/naver-cloud/"),
    ("en", "솔라 오픈", "/en/models/"),
    ("en", "배키", "/en/models/"),
    ("en", "모티프3", "/en/models/"),
    ("en", "하이퍼클로바X", "/en/models/"),
    ("en", "에이닷엑스", "/en/models/"),
    ("en", "엑사원", "/en/teams/lg-ai-research/"),
    ("en", "LG AI연구원", "/en/teams/lg-ai-research/"),
    ("en", "SKT", "/en/teams/sk-telecom/"),
    ("en", "사이오닉AI", "/en/teams/sionic-ai/"),
    ("en", "Cloud", "/en/teams/naver-cloud/"),
    ("en", "Telecom", "/en/teams/sk-telecom/"),
    ("en", "dense", "/en/models/"),
    ("en", "Apache", "/en/models/"),
    ("en", "eliminated", "/en/programme/"),
    ("en", "Omni", "/en/models/"),
]


# Scroll the results list to its end; the number of results listed so far.
SCROLL_TO_THE_END = """() => {
  const wrap = document.querySelector(".md-search__scrollwrap");
  wrap.scrollTop = wrap.scrollHeight;
  return document.querySelectorAll(".md-search-result__item").length;
}"""


def results(page, url: str, query: str) -> list[str]:
    """Type ``query`` into Material's search on ``url`` (opened once); the paths the results list links to."""
    field = page.locator("input.md-search__input")
    if page.url != url:
        page.goto(url)
        page.wait_for_load_state("networkidle")  # the search index has loaded in its worker
        page.locator("label[for='__search']").first.click()
        config = page.eval_on_selector("#__config", "script => JSON.parse(script.textContent)")
        page.empty_meta = config["translations"]["search.result.placeholder"]  # "type to start searching"
    for attempt in range(3):  # a query typed while the worker still builds the index is not re-run
        field.fill("")
        field.press("End")
        page.wait_for_function("text => document.querySelector('.md-search-result__meta').textContent === text", arg=page.empty_meta)
        field.fill(query)
        field.press("End")  # a key event, which Material's search listens for
        try:
            page.wait_for_function("text => document.querySelector('.md-search-result__meta').textContent !== text", arg=page.empty_meta, timeout=10000)
            break
        except Exception:
            if attempt == 2:
                raise
    counts = []
    while len(counts) < 4 or len(set(counts[-4:])) > 1:  # Material lists ten pages, more as the reader scrolls
        counts.append(page.evaluate(SCROLL_TO_THE_END))
        page.wait_for_timeout(150)
    links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    return list(dict.fromkeys(urlsplit(link).path for link in links))


@pytest.fixture(scope="module")
def tab(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("lang", "query", "expected"), QUERIES, ids=[f"{lang}-{query}" for lang, query, _ in QUERIES])
def test_search_finds_the_page(tab, served_site, lang, query, expected):
    paths = results(tab, served_site + ("/en/" if lang == "en" else "/"), query)
    assert expected in paths, f"{query!r} on the {lang} site: {paths}"


def test_a_query_in_each_language_kind_is_counted():
    """At least 15 queries in each language, as issue 20 asks."""
    assert all(sum(lang == x for x, _, _ in QUERIES) >= 15 for lang in ("ko", "en"))
