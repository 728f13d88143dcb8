"""Hostile text from data comes out as literal text: data → pages → HTML, charts and JSON-LD."""

from __future__ import annotations

import csv
import html
import json
import re

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import make_project
from sovereign_ai_site import charts
from sovereign_ai_site.site import generate

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
TEXT = st.one_of(HOSTILE, st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(str.strip))
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
                assert html.escape(shown, quote=False) in page.replace("&quot;", '"').replace("&#x27;", "'"), path


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
    figure = charts.model_size_figure(models, "en")
    assert len(figure.data) == 120
