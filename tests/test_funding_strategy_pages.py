"""The funding and strategy pages from the real data: every row on the right page, charts that match the data."""

from __future__ import annotations

import io
import json
import re
import shutil

import pandas as pd
import pytest
import yaml
from conftest import PROJECT
from sovereign_ai_site import markup
from sovereign_ai_site.cite import as_of
from sovereign_ai_site.i18n import speaking
from sovereign_ai_site.page_meta import body
from sovereign_ai_site.render import format_date, format_krw, format_number
from sovereign_ai_site.site import build_site, load

FUNDING, STRATEGY = "funding/index.md", "strategy/index.md"


def korean_date(value) -> str:
    with speaking("ko"):
        return format_date(value)


def korean_krw(amount) -> str:
    with speaking("ko"):
        return format_krw(amount)


@pytest.fixture(scope="module")
def inputs():
    return load(PROJECT)


@pytest.fixture(scope="module")
def site(inputs):
    return build_site(inputs, "en")


@pytest.fixture(scope="module")
def korean(inputs):
    return build_site(inputs, "ko")


@pytest.fixture(scope="module")
def tables(inputs):
    catalog = inputs.catalog
    return {
        "support": catalog.table("funding", "support"),
        "claims": catalog.table("sources", "claims"),
        "budget": catalog.table("strategy", "ai_budget"),
        "procurement": catalog.table("strategy", "gpu_procurement"),
        "facts": catalog.table("strategy", "facts"),
        "as_of": format_date(as_of(catalog)),
    }


def row(page: str, row_id: str) -> str:
    """The cells of the table row with this id (tables put each row's id on its <tr>)."""
    found = re.findall(rf'<tr id="{re.escape(row_id)}">(.*?)</tr>', page)
    assert len(found) == 1, row_id
    return found[0]


def section(page: str, heading: str) -> str:
    """The page from a Markdown heading to the next heading of the same or a higher level."""
    level = heading.split(" ")[0]
    start = page.index(f"\n{heading}\n")
    ends = [m.start() for m in re.finditer(rf"\n#{{1,{len(level)}}} ", page) if m.start() > start]
    return page[start : ends[0] if ends else len(page)]


def csv(site: dict, path: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(site[path]), dtype=str, keep_default_na=False)


def labels(inputs, package: str, resource: str, name: str, key: str = "label") -> dict[str, str]:
    """The descriptor's label of each allowed value of a field (``label_ko`` in Korean): what the pages show."""
    field = next(f for f in inputs.catalog.resource(package, resource).fields if f["name"] == name)
    return {c["value"]: c[key] for c in field["categories"]}


def links(source_ids: str) -> list[str]:
    """A citation link's end: the source's anchor on whichever page of the register it is listed."""
    return [f'#{s}" title="{s}"' for s in source_ids.split(";")]


def test_every_support_row_is_under_its_kind_with_its_figures_and_sources(site, tables, inputs):
    page = site[FUNDING]
    headings = {"gpu": "### GPUs { #gpu }", "data": "### Data { #data }", "talent": "### Talent { #talent }", "total": "### Whole programme { #total }"}
    figures = labels(inputs, "funding", "support", "figure_kind")
    for s in tables["support"].itertuples():
        cells = row(section(page, headings[s.support_kind]), s.support_id)
        assert str(markup.h(s.description_en)) in cells
        assert f"<td>{figures[s.figure_kind]}</td>" in cells
        if pd.notna(s.amount_krw):
            assert f"<td>{format_krw(s.amount_krw)}</td>" in cells
        if pd.notna(s.gpu_count):
            assert f"<td>{format_number(s.gpu_count)} {s.gpu_model}</td>" in cells
        if pd.notna(s.period_start):
            assert format_date(s.period_start) in cells
        for link in links(s.source_ids):
            assert link in cells


def test_a_planned_gpu_count_that_was_never_published_says_so(tmp_path):
    # A planned row with neither an amount nor a count is a gap in the record (one with an amount leaves
    # the GPU cell blank); the data has none today, so the test adds one to a copy of the project.
    for name in ("data", "seeds", "site_src", "CITATION.cff"):
        (shutil.copytree if (PROJECT / name).is_dir() else shutil.copyfile)(PROJECT / name, tmp_path / name)
    support = tmp_path / "data/funding/support.csv"
    source = support.read_text(encoding="utf-8").splitlines()[1].rsplit(",", 1)[1]
    with support.open("a", encoding="utf-8") as stream:
        stream.write(f"gpu-planned-gap,gpu,upstage,,B200,,2027-01-01,2027-06-30,planned,Planned GPUs,계획된 GPU,,,{source}\n")
    inputs = load(tmp_path)
    date = format_date(inputs.as_of)
    assert f"<td>not published as of {date}</td>" in row(build_site(inputs, "en")[FUNDING], "gpu-planned-gap")
    assert f"<td>{korean_date(inputs.as_of)} 기준 공개되지 않음</td>" in row(build_site(inputs, "ko")[FUNDING], "gpu-planned-gap")


def test_disputed_funding_figures_list_every_reported_value_and_the_one_shown(site, tables):
    page = site[FUNDING]
    for topic in _disputed_topics():
        claims = tables["claims"].query("topic == @topic")
        part = section(page, f"### {markup.md(claims['label_en'].iloc[0])} {{ #{topic} }}")
        for c in claims.itertuples():
            assert str(markup.h(c.value_en)) in part
            assert all(link in part for link in links(c.source_ids))
        shown = claims[claims["is_shown"]].iloc[0]
        assert f"This site shows **{markup.md(shown['value_en'])}**." in part
        assert f'href="../sources/claims/#{topic}"' in part
    assert "{ #ai-budget-2026 }" not in page


def test_shown_totals_equal_the_support_data_and_the_claims(site, tables):
    """The kind chart's bars are each kind's largest announced amount; the two totals match the shown claims."""
    support, claims = tables["support"], tables["claims"]
    chart = csv(site, "funding/support-by-kind.csv")
    announced = support[(support["figure_kind"] == "announced") & support["amount_krw"].notna()]
    expected = announced.groupby("support_kind")["amount_krw"].max()
    assert sorted(chart["amount_krw"].astype(int)) == sorted(int(v) for v in expected)
    assert sorted(chart["support_kind"]) == sorted(expected.index)
    shown = claims[claims["is_shown"]].set_index("topic")["value_number"]
    total = int(support.query("support_kind == 'total'")["amount_krw"].iloc[0])
    assert total == int(shown["total-budget"]) == int(expected["total"])
    assert int(expected["gpu"]) == int(shown["gpu-support-value"])
    figure = json.loads(site["funding/support-by-kind.json"])
    assert sorted(v for trace in figure["data"] for v in trace["text"]) == sorted(format_krw(v) for v in expected)


def test_gpu_chart_draws_every_published_team_count(site, tables):
    support = tables["support"]
    counted = support[(support["support_kind"] == "gpu") & support["team_id"].notna() & support["gpu_count"].notna()]
    chart = csv(site, "funding/gpus-by-team.csv")
    assert len(chart) == len(counted)
    assert list(chart.columns) == ["support_id", "team_id", "period_start", "period_end", "gpu_model", "gpu_count", "figure_kind"]
    assert sorted(chart["support_id"]) == sorted(counted["support_id"])
    drawn = sorted(zip(chart["gpu_model"], chart["gpu_count"].astype(int)))
    assert drawn == sorted(zip(counted["gpu_model"], counted["gpu_count"].astype(int)))
    figure = json.loads(site["funding/gpus-by-team.json"])
    assert sum(sum(trace["x"]) for trace in figure["data"]) == int(counted["gpu_count"].sum())
    assert {trace["name"] for trace in figure["data"]} == set(counted["gpu_model"])
    # The table of counts by model: one row per team and period, the total the sum of its models.
    # A team and period with GPUs of more than one model: the table's total is the sum of its models.
    team, period_end = counted.groupby(["team_id", "period_end"]).size().idxmax()
    mixed = counted[(counted["team_id"] == team) & (counted["period_end"] == period_end)]
    assert len(mixed) > 1
    gpu_table = section(site[FUNDING], "## GPUs by team and period")
    assert f"<td>{format_number(mixed['gpu_count'].sum())}</td>" in gpu_table


def test_every_fact_is_under_its_topic(site, tables):
    page = site[STRATEGY]
    for f in tables["facts"].itertuples():
        cells = row(page, f.fact_id)
        assert str(markup.h(f.value_en)) in cells and format_date(f.as_of) in cells
        assert all(link in cells for link in links(f.source_ids))
    committee = section(page, "## National AI Strategy Committee")
    assert all(f'<tr id="{i}">' in committee for i in tables["facts"].query("topic == 'committee'")["fact_id"])


def test_every_budget_year_is_charted_and_tabled_with_its_kind_of_figure(site, tables, inputs):
    budget = tables["budget"]
    kinds = labels(inputs, "strategy", "ai_budget", "figure_kind")
    chart = csv(site, "strategy/ai-budget.csv")
    assert sorted(zip(chart["fiscal_year"].astype(int), chart["figure_kind"], chart["amount_krw"].astype(int))) == sorted(
        zip(budget["fiscal_year"].astype(int), budget["figure_kind"], budget["amount_krw"].astype(int))
    )
    part = section(site[STRATEGY], "## AI budget")
    for b in budget.itertuples():
        assert f"<tr><td>{b.fiscal_year}</td> <td>{kinds[b.figure_kind]}</td> <td>{format_krw(b.amount_krw)}</td>" in part
    figure = json.loads(site["strategy/ai-budget.json"])
    assert {trace["name"] for trace in figure["data"]} == set(budget["figure_kind"].map(kinds))
    for c in tables["claims"][tables["claims"]["topic"].str.startswith("ai-budget-")].itertuples():
        assert str(markup.h(c.value_en)) in part


def test_action_plan_disputes_sit_with_the_action_plan(site, tables):
    part = section(site[STRATEGY], "## Korea AI Action Plan")
    for c in tables["claims"][tables["claims"]["topic"].str.startswith("action-plan-")].itertuples():
        assert f"{{ #{c.topic} }}" in part and str(markup.h(c.value_en)) in part


def test_every_procurement_row_is_shown_and_the_parts_are_charted(site, tables):
    procurement, page = tables["procurement"], site[STRATEGY]
    for p in procurement.itertuples():
        cells = row(page, p.procurement_id)
        assert str(markup.h(p.recipient_en)) in cells and f"<td>{format_number(p.gpu_count)}</td>" in cells
        assert str(markup.h(p.note_en)) in cells
        if pd.notna(p.amount_krw):
            assert f"<td>{format_krw(p.amount_krw)}</td>" in cells
        if pd.isna(p.announced_on):
            assert f"<td>not published as of {tables['as_of']}</td>" in cells
    chart = csv(site, "strategy/gpu-procurement.csv")
    totals = procurement[procurement["recipient_en"].str.contains("total")]
    assert len(chart) == len(procurement) - len(totals)
    for t in totals.itertuples():
        parts = chart[chart["programme_en"] == t.programme_en]
        assert parts["gpu_count"].astype(int).sum() == t.gpu_count
    figure = json.loads(site["strategy/gpu-procurement.json"])
    assert sum(sum(trace["x"]) for trace in figure["data"]) == chart["gpu_count"].astype(int).sum()
    # Long names are wrapped with <br>, after a hyphen where a word has one.
    assert {trace["name"].replace("-<br>", "-").replace("<br>", " ") for trace in figure["data"]} == set(procurement["programme_en"])


HANGUL = re.compile(r"[가-힣]")


def headers(page: str) -> list[str]:
    return re.findall(r'<th scope="col">(.*?)</th>', page)


@pytest.mark.parametrize("page", [FUNDING, STRATEGY])
def test_korean_pages_have_korean_headers_only(korean, site, page):
    ko = korean[page]
    assert HANGUL.search(body(ko).splitlines()[0])
    assert headers(ko) and all(HANGUL.search(h) or h in {"GPU", "B200", "H100"} for h in headers(ko)), set(headers(ko))
    assert not set(headers(ko)) & set(headers(site[page])) - {"B200", "H100"}
    assert "not published as of" not in ko and "Data as of" not in ko and "This site shows" not in ko


def test_korean_funding_rows_in_korean_units(korean, site, tables, inputs):
    page = korean[FUNDING]
    date = korean_date(as_of(inputs.catalog))
    headings = {"gpu": "### GPU { #gpu }", "data": "### 데이터 { #data }", "talent": "### 인재 { #talent }", "total": "### 사업 전체 { #total }"}
    kinds = {"announced": "발표", "allocated": "배정", "planned": "계획", "reported-by-team": "팀 발표"}
    for s in tables["support"].itertuples():
        cells = row(section(page, headings[s.support_kind]), s.support_id)
        assert str(markup.h(s.description_ko)) in cells and f"<td>{kinds[s.figure_kind]}</td>" in cells
        if pd.notna(s.amount_krw):
            assert f"<td>{korean_krw(s.amount_krw)}</td>" in cells
        if s.figure_kind == "planned" and pd.isna(s.gpu_count) and pd.isna(s.amount_krw):
            assert f"<td>{date} 기준 공개되지 않음</td>" in cells
    assert "1,576억 원" in page and "1,936억 원" in page
    # The charts' tables are in Korean on the page; their CSVs are the same tidy data in both languages.
    kind_table = page.split('id="chart-support-by-kind"', 1)[1].split("</details>", 1)[0]
    assert all(f'<th scope="col">{h}</th>' in kind_table for h in ["종류", "금액(원)", "금액", "범위", "기간", "지원 내용"])
    gpu_table = page.split('id="chart-gpus-by-team"', 1)[1].split("</details>", 1)[0]
    assert "2025년 8~12월" in gpu_table
    names = {t.name_ko.removesuffix(" 컨소시엄") for t in inputs.catalog.table("teams", "teams").itertuples()}
    assert any(f"<td>{n}</td>" in gpu_table for n in names)
    for name in ("funding/support-by-kind.csv", "funding/gpus-by-team.csv"):
        assert korean[name] == site[name]


def test_korean_funding_disputes_show_korean_values(korean, tables):
    page = korean[FUNDING]
    for topic in _disputed_topics():
        claims = tables["claims"].query("topic == @topic")
        part = section(page, f"### {markup.md(claims['label_ko'].iloc[0])} {{ #{topic} }}")
        assert all(str(markup.h(c.value_ko)) in part for c in claims.itertuples())


def test_korean_strategy_in_korean(korean, tables):
    page = korean[STRATEGY]
    assert all(f'<tr id="{i}">' in section(page, "## 국가인공지능전략위원회") for i in tables["facts"].query("topic == 'committee'")["fact_id"])
    assert "\n## 인공지능 기본법\n" in page
    for f in tables["facts"].itertuples():
        cells = row(page, f.fact_id)
        assert str(markup.h(f.value_ko)) in cells and korean_date(f.as_of) in cells
    kinds = {"enacted": "확정 예산", "proposed": "정부안", "reported": "발표 수치"}
    for b in tables["budget"].itertuples():
        assert f"<tr><td>{b.fiscal_year}</td> <td>{kinds[b.figure_kind]}</td> <td>{korean_krw(b.amount_krw)}</td>" in page
    for p in tables["procurement"].itertuples():
        assert str(markup.h(p.recipient_ko)) in row(page, p.procurement_id)
    budget = json.loads(korean["strategy/ai-budget.json"])
    assert budget["layout"]["xaxis"]["title"]["text"] == "조 원"
    assert {trace["name"] for trace in budget["data"]} == {kinds[k] for k in tables["budget"]["figure_kind"]}
    procurement = csv(korean, "strategy/gpu-procurement.csv")
    assert list(procurement.columns) == [
        "procurement_id", "announced_on", "programme_en", "programme_ko", "recipient_en", "recipient_ko", "gpu_model", "gpu_count", "amount_krw",
    ]
    assert set(procurement["programme_ko"]) <= set(tables["procurement"]["programme_ko"])
    table = page.split('id="chart-gpu-procurement"', 1)[1].split("</details>", 1)[0]
    assert all(f'<th scope="col">{h}</th>' in table for h in ["사업", "발표일", "받는 곳", "GPU 기종", "GPU 수", "비용(원)"])


def _disputed_topics() -> list[str]:
    """The topics the funding page features, as editorial.yml lists them."""
    return yaml.safe_load((PROJECT / "editorial.yml").read_text(encoding="utf-8"))["funding"]["disputed_topics"]



# The coded fields each part of the area shows: (package, resource, field).
SHOWN = {
    "programme/": [("timeline", "events", "event_type"), ("teams", "outcomes", "outcome")],
    "funding/": [("funding", "support", "figure_kind"), ("funding", "support", "support_kind")],
    "strategy/": [("strategy", "ai_budget", "figure_kind"), ("strategy", "facts", "topic")],
    "models/": [("models", "models", "architecture")],
}
# The timeline's "Planned" column says "planned" in words (staleness.planned_text), the same as a code.
WORDS = {"programme/": {"planned"}}


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("part", list(SHOWN))
def test_no_page_or_chart_of_the_area_shows_a_raw_code(inputs, site, korean, language, part):
    # Every allowed value reaches the reader as its descriptor's label: the English pages once showed
    # codes such as not-selected, announced and call.
    built = {"en": site, "ko": korean}[language]
    key = "label" if language == "en" else "label_ko"
    codes = {
        c["value"]
        for package, resource, name in SHOWN[part]
        for f in inputs.catalog.resource(package, resource).fields
        if f["name"] == name
        for c in f["categories"]
        if c["value"] != c[key]
    } - WORDS.get(part, set())
    assert codes
    # The charts' CSVs are tidy data and hold the codes on purpose; their tables on the page show labels.
    files = {path: text for path, text in built.items() if path.startswith(part) and path.endswith((".md", ".json"))}
    for path, text in files.items():
        if path.endswith(".json"):
            cells = {trace.get("name") for trace in json.loads(text)["data"]}
        else:
            cells = set(re.findall(r"<td>([^<]*)</td>", text)) | set(re.findall(r"^#+ (.*?)(?: \{.*\})?$", text, re.MULTILINE))
        assert not cells & codes, (path, sorted(cells & codes))
