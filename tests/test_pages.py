"""Generated Markdown: golden files for a fixture package, and escaping of hostile text."""

from __future__ import annotations

import html as html_module
import os

import markdown
import pytest
from conftest import TESTS, make_project
from hypothesis import given, settings
from hypothesis import strategies as st
from sovereign_ai_site import markup
from sovereign_ai_site.site import build_site, load

GOLDEN = TESTS / "golden"


@pytest.fixture(scope="module")
def fixture_inputs(tmp_path_factory):
    return load(make_project(tmp_path_factory.mktemp("golden")))


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("package", ["teams", "sources"])
def test_package_page_matches_golden(fixture_inputs, package, lang):
    page = build_site(fixture_inputs, lang)[f"data/{package}/index.md"]
    golden = GOLDEN / f"fixture-{package}-package.{lang}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8")


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "a | b",
    "*bold* _it_ `code` # head",
    "독자 AI 파운데이션 모델",
    "🚀 emoji",
    "שלום עולם",
]


def rendered_text(md_source: str) -> str:
    html = markdown.markdown(md_source, extensions=["tables", "attr_list", "md_in_html"])
    return html


@pytest.mark.parametrize("text", HOSTILE)
def test_inline_text_comes_out_literal(text):
    html = rendered_text(f"Value: {markup.md(text)}")
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert html_module.escape(text, quote=False) in html


@given(st.text(min_size=1, max_size=60).filter(lambda s: s.strip()))
@settings(max_examples=200, deadline=None)
def test_any_text_survives_markdown_as_text(text):
    html = rendered_text(f"Value: {markup.md(text)}")
    assert f"<p>Value: {html_module.escape(' '.join(markup.h(text).unescape().split()), quote=False)}</p>" == html


@given(st.text(max_size=40))
@settings(max_examples=100, deadline=None)
def test_table_cells_are_escaped(text):
    html = rendered_text(str(markup.table(["h"], [[text]])))
    assert f"<td>{markup.h(text)}</td>" in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://x", "https://ok.example/a b", "//evil.example"])
def test_only_http_urls_become_links(url):
    assert "<a" not in markup.link("text", url)


def test_http_url_becomes_link():
    assert markup.link("T", "https://example.org/?a=1&b=2") == '<a href="https://example.org/?a=1&amp;b=2">T</a>'
