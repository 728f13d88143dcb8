"""Hostile text from data comes out as literal text: data → pages → HTML, charts and JSON-LD."""

from __future__ import annotations

import csv
import html
import json
import re

import markdown
import pytest
from conftest import PROJECT, make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sovereign_ai_site import charts, markup
from sovereign_ai_site.i18n import LANGUAGES
from sovereign_ai_site.site import build_site, generate, load

HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        "a | b | c",
        "*bold* _it_ `code` # head {: #x }",
        "독자 AI 파운데이션 모델 — 예산 1,576억 원",
        "🚀 emoji 🇰🇷",
        "שלום עולם مرحبا",
        "</script><script>alert(2)</script>",
        "&amp; &lt;b&gt;",
    ]
)
# Any text the door lets in: it refuses controls, format characters (bidi, zero-width), private-use and
# surrogate code points, and line separators (test_validation's hidden-character fixtures).
TEXT = st.one_of(HOSTILE, st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Co", "Zl", "Zp")), min_size=1, max_size=40).filter(str.strip))
EXTENSIONS = ["tables", "admonition", "attr_list", "md_in_html", "toc"]


def write_team_name(project, name: str) -> None:
    path = project / "data/teams/teams.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    rows[1][1] = name
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, lineterminator="\n").writerows(rows)


@given(name=TEXT)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_text_from_data_is_literal_in_every_page(tmp_path_factory, name):
    project = make_project(tmp_path_factory.mktemp("escape"))
    write_team_name(project, name)
    for lang in ("ko", "en"):
        for path, content in generate(project, lang).items():
            if not path.endswith(".md"):
                continue
            page = markdown.markdown(content, extensions=EXTENSIONS)
            assert "<script>alert" not in page and "onerror=" not in page.replace("onerror=&quot;", "")
            assert 'href="javascript' not in page
            if path == "data/teams/index.md":
                shown = " ".join(name.split())
                assert shown in html.unescape(re.sub(r"<[^>]*>", "", page)), path  # the text a reader sees


@given(name=TEXT)
@settings(max_examples=60, deadline=None)
def test_chart_labels_are_plain_text(name):
    assert "<" not in charts._text(name) and ">" not in charts._text(name)


def test_json_ld_cannot_close_its_script_tag(tmp_path):
    project = make_project(tmp_path)
    descriptor = project / "data/teams/datapackage.json"
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data["description"] = "</script><script>alert(1)</script>"
    descriptor.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    page = generate(project, "en")["data/teams/index.md"]
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    assert blocks and all("</script" not in block for block in blocks)
    assert json.loads(blocks[0])["description"] == "</script><script>alert(1)</script>"


def test_model_chart_draws_any_number_of_teams():
    import datetime as dt

    import pandas as pd

    models = pd.DataFrame(
        {
            "team": [f"Team {i:03}" for i in range(120)],
            "name": [f"Model {i}" for i in range(120)],
            "released_on": [dt.date(2026, 1, 1)] * 120,
            "released": ["1 January 2026"] * 120,
            "params_total_b": [float(i + 1) for i in range(120)],
            "params_active_b": [None] * 120,
            "total": ["1 billion"] * 120,
            "active": ["not published"] * 120,
        }
    )
    figure = charts.model_size_figure(models)
    assert len(figure.data) == 120


SITE_EXTENSIONS = ["tables", "admonition", "attr_list", "toc"]  # as mkdocs.yml has them


@given(cells=st.lists(TEXT, min_size=1, max_size=4), row_id=TEXT)
@settings(max_examples=60, deadline=None)
def test_html_set_aside_while_markdown_runs_comes_back_unchanged(cells, row_id):
    # The hook takes raw HTML blocks, and the generated tables of the rest, out of the Markdown and puts
    # them back in the HTML: the page is what Python-Markdown makes of it untouched.
    tables = [markup.table(["h"] * len(cells), [cells], caption=cells[0], row_ids=[row_id]), markup.table(["h"], [[cells[-1]]])]
    page = (
        f"# Title\n\nText *with* markup.\n\n{tables[0]}\n\n!!! note\n    Inside.\n\n<figure>{tables[1]}</figure>\n\n"
        f"<details><summary>{markup.h(cells[0])}</summary>\n\n<p>After a blank line, inside.</p>\n</details>\n\n"
        f"<div>closed</div>\n*text after it*\n\n<pre>kept\n\n<b>in</b></pre>\n\n<div>{tables[1]}</div> and a tail\n"
    )
    aside, kept = markup.set_aside_html(page)
    assert "<td>" not in aside and "After a blank line" not in aside
    assert f'<a id="{markup.h(row_id)}"></a>' in aside  # for MkDocs' check of links to anchors
    assert "*text after it*" in aside and "<pre>kept" in aside  # not raw blocks alone: Markdown reads them
    rendered = markdown.markdown(aside, extensions=SITE_EXTENSIONS)
    assert markup.put_back_html(rendered, kept) == markdown.markdown(page, extensions=SITE_EXTENSIONS)


@pytest.fixture(scope="module")
def every_page() -> dict[str, str]:
    """The Markdown of every page of both languages: the generated ones and those of site_src/."""
    inputs = load(PROJECT)
    pages = {f"{lang}/{path}": content for lang in LANGUAGES for path, content in build_site(inputs, lang, "https://sovereign-ai.test/").items() if path.endswith(".md")}
    return pages | {path.as_posix(): path.read_text(encoding="utf-8") for path in (PROJECT / "site_src").rglob("*.md")}


def test_every_page_is_the_same_with_its_html_set_aside(every_page):
    for path, page in every_page.items():
        aside, kept = markup.set_aside_html(page)
        assert markup.put_back_html(markdown.markdown(aside, extensions=SITE_EXTENSIONS), kept) == markdown.markdown(page, extensions=SITE_EXTENSIONS), path


def test_html_lost_on_the_way_stops_the_build():
    _, kept = markup.set_aside_html(markup.table(["h"], [["1"]]))
    with pytest.raises(RuntimeError, match="did not come back"):
        markup.put_back_html("<p>no placeholder</p>", kept)
