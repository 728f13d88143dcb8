"""Home, teams, models, sources and claims pages in Korean on the Korean site, English on the English one."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from conftest import PROJECT
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.disputes import disputed
from sovereign_ai_site.i18n import speaking
from sovereign_ai_site.page_meta import body
from sovereign_ai_site.render import render
from sovereign_ai_site.site import generate, load

PAGES = ["index.md", "teams/index.md", "teams/upstage.md", "models/index.md", "sources/index.md", "sources/claims.md"]
HANGUL = re.compile(r"[가-힣]")


@pytest.fixture(scope="module")
def site():
    return {lang: generate(PROJECT, lang) for lang in ("ko", "en")}


@pytest.fixture(scope="module")
def teams():
    return list(csv.DictReader((PROJECT / "data/teams/teams.csv").open(encoding="utf-8")))


def headers(page: str) -> list[str]:
    """Table column headers, and the labels of the source register's entries."""
    return re.findall(r'<th scope="col">(.*?)</th>', page) + sorted(set(re.findall(r"<dt>(.*?)</dt>", page)))


@pytest.mark.parametrize("page", PAGES)
def test_korean_pages_have_korean_headings_and_table_headers(site, page):
    ko, en = site["ko"][page], site["en"][page]
    title = body(ko).splitlines()[0]  # after the front matter (page_meta)
    assert title.startswith("# ") and HANGUL.search(title), title
    assert headers(ko) and all(HANGUL.search(h) or h == "GPU" for h in headers(ko)), headers(ko)
    assert not set(headers(ko)) & set(headers(en)) - {"GPU"}
    assert not HANGUL.search(body(en).splitlines()[0]) and not any(HANGUL.search(h) for h in headers(en))


def test_home_key_figures_in_korean_units_and_dates(site):
    ko, en = site["ko"]["index.md"], site["en"]["index.md"]
    assert "1,576억 원" in ko and "157.6 billion won" in en  # the GPU support value the site shows
    assert "5개 팀(2025년 8월 4일)" in ko and "5, on 4 August 2025" in en
    assert "3개 팀: LG AI연구원, SK텔레콤, 업스테이지" in ko
    assert "3: LG AI Research, SK Telecom, Upstage" in en
    assert "2026년 12월 1일 기준 데이터입니다." in ko and "Data as of 1 December 2026." in en
    assert "Key figures" not in ko and "주요 수치" not in en


def test_team_pages_are_titled_with_the_name_in_each_language(site, teams):
    for team in teams:
        assert body(site["ko"][f"teams/{team['team_id']}.md"]).startswith(f"# {team['name_ko']}\n")
        assert body(site["en"][f"teams/{team['team_id']}.md"]).startswith(f"# {team['name_en']}\n")
    upstage = site["ko"]["teams/upstage.md"]
    assert "<td>명칭(영문)</td> <td>Upstage consortium</td>" in upstage and "<td>상태</td> <td>참여 중</td>" in upstage
    assert "<td>업스테이지</td> <td>Upstage</td> <td>기업</td> <td>주관기관</td>" in upstage
    assert "<td>250억 원</td>" in upstage and "<td>25 billion won</td>" in site["en"]["teams/upstage.md"]
    assert "<td>Status</td> <td>Active</td>" in site["en"]["teams/upstage.md"]  # the descriptor's label, not the code


def test_model_chart_labels_follow_the_language(site):
    ko = json.loads(site["ko"]["models/model-size.json"])
    en = json.loads(site["en"]["models/model-size.json"])
    assert ko["layout"]["xaxis"]["title"]["text"] == "공개일" and en["layout"]["xaxis"]["title"]["text"] == "Release date"
    assert ko["layout"]["yaxis"]["title"]["text"] == "전체 파라미터(10억 개)"
    assert {t["name"] for t in ko["data"]} == {"LG AI연구원", "SK텔레콤", "업스테이지", "모티프테크놀로지스"}
    assert {t["name"] for t in en["data"]} == {"LG AI Research", "SK Telecom", "Upstage", "Motif Technologies"}
    assert all("전체 파라미터" in t["hovertemplate"] for t in ko["data"])
    sk_telecom = next(t for t in ko["data"] if t["name"] == "SK텔레콤")
    assert ["2025년 12월 28일", "5,190억 개", "330억 개"] in sk_telecom["customdata"]
    # The chart's table is in the page's language; its CSV is the same tidy data in both.
    assert next(csv.reader(io.StringIO(site["ko"]["models/model-size.csv"])))[:4] == ["model_id", "team_id", "name", "released_on"]
    assert site["ko"]["models/model-size.csv"] == site["en"]["models/model-size.csv"]
    assert '<th scope="col">팀</th> <th scope="col">모델</th> <th scope="col">공개일</th>' in site["ko"]["models/index.md"]
    assert '<th scope="col">Team</th> <th scope="col">Model</th> <th scope="col">Released</th>' in site["en"]["models/index.md"]
    assert "가장 큰 모델은 LG AI연구원의 K-EXAONE 2.0(파라미터 7,500억 개, 2026년 7월 31일 공개)입니다." in site["ko"]["models/index.md"]
    assert "The largest is K-EXAONE 2.0 by LG AI Research (750 billion parameters, released 31 July 2026)." in site["en"]["models/index.md"]


def test_sources_and_citations_translate_only_what_is_not_a_name(site):
    ko, en = site["ko"]["sources/index.md"], site["en"]["sources/index.md"]
    assert "<dt>언어</dt><dd>한국어</dd></div><div><dt>발행일</dt><dd>2025년 6월 23일</dd></div><div><dt>출처 유형</dt><dd>언론</dd></div><div><dt>확인 방법</dt><dd>직접 확인</dd>" in ko
    assert "<dt>Language</dt><dd>Korean</dd></div><div><dt>Published</dt><dd>23 June 2025</dd></div><div><dt>Type of source</dt><dd>News</dd></div><div><dt>Verification</dt><dd>Read</dd>" in en
    assert '<ul lang="en">' in ko  # the seeds' notes exist in English only
    assert ">aieconlab (GitHub repository aieconlab/aieconlab.github.io), 날짜 없음</a>" in site["ko"]["index.md"]
    assert ">aieconlab (GitHub repository aieconlab/aieconlab.github.io), undated</a>" in site["en"]["index.md"]
    assert "날짜 없음" not in site["en"]["index.md"] and "undated" not in site["ko"]["index.md"]


def test_claims_show_the_korean_values(site):
    ko, en = site["ko"]["sources/claims.md"], site["en"]["sources/claims.md"]
    assert '<h2 id="gpu-support-value">GPU 지원 규모(2025년~2026년 상반기)</h2>' in ko
    assert "<td>1,576억 원</td> <td>표시</td>" in ko and "<td>157.6 billion won</td> <td>shown</td>" in en


@pytest.mark.parametrize(
    ("lang", "shown", "link"),
    [
        ("ko", "이 사이트가 쓰는 값: **1,576억 원**.", "출처마다 다르게 보도된 모든 수치"),
        ("en", "This site shows **157.6 billion won**.", "Every figure that sources report differently"),
    ],
)
def test_disputed_figure_block_in_each_language(lang, shown, link):
    catalog = load(PROJECT).catalog
    with speaking(lang):
        [figure] = disputed(catalog, Citations(catalog), "funding/index.md", ["gpu-support-value"])
        block = render("disputed.md.jinja", d=figure)
    assert shown in block.replace("\\", "")  # Markdown escapes (157\.6) aside
    assert f'<a href="../sources/claims/#gpu-support-value">{link}</a>' in block


def test_every_category_has_a_label_in_both_languages_and_no_code_reaches_the_models_page(site):
    from sovereign_ai_site.site import load

    catalog = load(PROJECT).catalog
    fields = [f for p in catalog.packages.values() for r in p.resources.values() for f in r.fields if "categories" in f]
    assert fields
    for field in fields:
        labelled = {c["value"]: c for c in field["categories"]}
        for value in field["constraints"]["enum"]:
            assert labelled[value].get("label") and labelled[value].get("label_ko"), (field["name"], value)
    models = catalog.table("models", "models")
    for code in set(models["architecture"].dropna()):
        assert f"<td>{code}</td>" not in site["en"]["models/index.md"] and f"<td>{code}</td>" not in site["ko"]["models/index.md"]


# The allowed values of the fields these pages show; each page shows the descriptor's label, never the code.
_SHOWN_CATEGORIES = [
    ("teams", "teams", "status"), ("teams", "organisations", "org_type"), ("teams", "members", "role"), ("teams", "outcomes", "outcome"),
    ("funding", "support", "support_kind"), ("funding", "support", "figure_kind"),
    ("sources", "sources", "language"), ("sources", "sources", "source_type"), ("sources", "sources", "verification"),
]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_raw_code_reaches_the_teams_or_sources_pages(site, lang):
    catalog = load(PROJECT).catalog
    pages = {path: page for path, page in site[lang].items() if path.startswith(("teams/", "sources/"))}
    for package, resource, name in _SHOWN_CATEGORIES:
        [field] = [f for f in catalog.resource(package, resource).fields if f["name"] == name]
        shown = "label_ko" if lang == "ko" else "label"
        for category in field["categories"]:
            code, label = category["value"], category[shown]
            if code == label:
                continue
            for path, page in pages.items():
                assert f"<td>{code}</td>" not in page and f"<dd>{code}</dd>" not in page, (path, name, code)
    assert "<td>Not selected</td>" in site["en"]["teams/index.md"] and "<td>Company</td>" in site["en"]["teams/upstage.md"]


def test_headers_of_fields_shown_as_they_are_are_the_descriptors_titles(site):
    """Page and dictionary agree: a column or entry showing one field takes the field's title."""
    upstage, register = site["en"]["teams/upstage.md"], site["en"]["sources/index.md"]
    assert '<th scope="col">Kind of support</th>' in upstage and '<th scope="col">Kind of figure</th>' in upstage
    assert "<td>Members reported</td>" in upstage and '<th scope="col">Decided</th>' in upstage
    assert "<dt>Type of source</dt>" in register
    assert '<th scope="col">수치 성격</th>' in site["ko"]["teams/upstage.md"] and '<th scope="col">일자</th>' in site["ko"]["index.md"]
