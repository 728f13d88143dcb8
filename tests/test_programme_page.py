"""The programme section's pages (overview, timeline, evaluations and results), from a real build of the project's data."""

from __future__ import annotations

import io
import json
import re

import pandas as pd
import pytest
from conftest import PROJECT
from sovereign_ai_site import markup
from sovereign_ai_site.charts import _text
from sovereign_ai_site.cite import as_of
from sovereign_ai_site.i18n import speaking
from sovereign_ai_site.page_meta import body
from sovereign_ai_site.render import format_date
from sovereign_ai_site.site import generate, load

PAGES = ["programme/index.md", "programme/timeline/index.md", "programme/results/index.md"]


def korean_date(value) -> str:
    with speaking("ko"):
        return format_date(value)


@pytest.fixture(scope="module")
def catalog():
    return load(PROJECT).catalog


@pytest.fixture(scope="module")
def generated():
    return generate(PROJECT, "en")


@pytest.fixture(scope="module")
def korean():
    return generate(PROJECT, "ko")


@pytest.fixture(scope="module")
def date(catalog) -> str:
    return format_date(as_of(catalog))


def section(site: dict[str, str]) -> str:
    """The section's three pages in reading order, each without its closing list of sources."""
    return "\n".join(site[page].partition("{#page-sources}")[0] for page in PAGES)


@pytest.fixture(scope="module")
def page(generated) -> str:
    return section(generated)


def rendered(value: object) -> str:
    """A data value as a table cell or chart text holds it."""
    return str(markup.h(value))


def test_page_holds_every_fact_stage_event_and_criterion(catalog, page):
    for label in catalog.table("program", "facts")["label_en"]:
        assert rendered(label) in page, label
    for name in catalog.table("program", "stages")["name_en"]:
        assert rendered(name) in page, name
    for title in catalog.table("timeline", "events")["title_en"]:
        assert rendered(title) in page, title
    for name in catalog.table("evaluations", "criteria")["name_en"]:
        assert rendered(name) in page, name


def test_stages_appear_in_time_order(catalog, page):
    table = page.split("## Phases and elimination", 1)[1].split("\n# Timeline", 1)[0]
    positions = {s.stage_id: table.index(rendered(s.name_en)) for s in catalog.table("program", "stages").itertuples()}
    assert sorted(positions, key=positions.get) == [
        "call-2025", "document-review-2025", "presentation-review-2025", "phase-1", "additional-call-2026", "phase-2", "phase-3"
    ]


def test_planned_stage_says_its_result_is_not_published(catalog, page, date):
    table = page.split("## Phases and elimination", 1)[1].split("\n# Timeline", 1)[0]
    for stage in catalog.table("program", "stages").query("is_planned").itertuples():
        row = table.split(rendered(stage.name_en), 1)[1].split("</tr>", 1)[0]
        assert f"result not published as of {date}" in row
        assert row.count("not published as of") >= 2  # the date and the teams advancing


def test_chart_block_has_caption_summary_table_and_files(catalog, generated, page, date):
    events = catalog.table("timeline", "events")
    assert ('<figure class="chart" id="chart-timeline" aria-labelledby="chart-timeline-title" aria-describedby="chart-timeline-summary">'
            in page)
    assert '<div class="chart__plot" data-chart="timeline.json" aria-hidden="true" data-search-exclude>' in page
    assert f'<p class="chart__summary" id="chart-timeline-summary">{len(events)} events are recorded' in page
    assert '<a href="timeline.csv" download>' in page and '<a href="timeline.svg" download>' in page and f"Data as of {date}." in page
    assert '<details class="chart__table"><summary>Data table</summary>' in page
    assert generated["programme/timeline/timeline.svg"].startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    # The CSV is tidy data: the events' own fields, ISO dates, booleans as in the package.
    data = pd.read_csv(io.StringIO(generated["programme/timeline/timeline.csv"]), dtype=str, keep_default_na=False)
    assert list(data.columns) == ["event_id", "event_on", "date_precision", "is_planned", "event_type", "stage_id", "team_id", "title_en", "title_ko"]
    assert sorted(data["event_id"]) == sorted(events["event_id"])
    assert sorted(data["event_on"]) == sorted(d.isoformat() for d in events["event_on"])
    assert sorted(data.loc[data["is_planned"] == "true", "title_en"]) == sorted(events.loc[events["is_planned"], "title_en"])
    stages = pd.read_csv(io.StringIO(generated["programme/timeline/timeline-stages.csv"]), keep_default_na=False)
    assert list(stages.columns) == ["stage_id", "name_en", "name_ko", "is_planned", "start", "end"]
    assert (stages["start"] <= stages["end"]).all()


def test_timeline_traces_cover_every_event_and_mark_planned_ones_open(catalog, generated):
    events = catalog.table("timeline", "events")
    figure = json.loads(generated["programme/timeline/timeline.json"])
    marks = [trace for trace in figure["data"] if trace["type"] == "scatter"]
    points = [
        (point[0], trace["name"], date, symbol, row)
        for trace in marks
        for point, date, symbol, row in zip(trace["customdata"], trace["x"], trace["marker"]["symbol"], trace["y"])
    ]
    assert sorted(p[0] for p in points) == sorted(_text(t) for t in events["title_en"])
    kinds = next(f for f in catalog.resource("timeline", "events").fields if f["name"] == "event_type")["categories"]
    assert {p[1] for p in points} == {c["label"] for c in kinds if c["value"] in set(events["event_type"])}
    planned = set(events.loc[events["is_planned"], "title_en"].map(_text))
    assert {p[0] for p in points if p[3].endswith("-open")} == planned
    assert sorted(p[2] for p in points) == sorted(d.isoformat() for d in events["event_on"])
    # Time runs across: each event on its stage's row, those of no stage on the last row.
    by_title = dict(zip(events["title_en"].map(_text), events["stage_id"]))
    assert all(p[4] == (by_title[p[0]] if isinstance(by_title[p[0]], str) else "other-events") for p in points)
    assert figure["layout"]["xaxis"]["type"] == "date"


def test_every_stage_is_a_span_on_its_own_row(catalog, generated):
    stages = catalog.table("program", "stages")
    figure = json.loads(generated["programme/timeline/timeline.json"])
    spans = [(row, base) for trace in figure["data"] if trace["type"] == "bar" for row, base in zip(trace["y"], trace["base"])]
    assert sorted(row for row, _ in spans) == sorted(stages["stage_id"])
    rows = figure["layout"]["yaxis"]["tickvals"]
    assert rows[:-1] == [s for s in rows if s in set(stages["stage_id"])] and rows[-1] == "other-events"


def test_unpublished_scores_are_named(catalog, page, date):
    scores = catalog.table("evaluations", "scores")
    outcomes = catalog.table("teams", "outcomes")
    section = page.split("## Evaluation criteria and published scores", 1)[1].split("## Outcome of each round", 1)[0]
    phase_1 = section.split("### Phase 2", 1)[0]
    sentence = phase_1.split("The scores of the other teams in this round", 1)[1].split("\n", 1)[0]
    assert sentence.endswith(f"were not published as of {date}.")
    unscored = set(outcomes.query("stage_id == 'phase-1'")["team_id"]) - set(scores["team_id"])
    assert unscored
    for team_id in unscored:
        assert f'href="../../teams/{team_id}/"' in sentence
    phase_2 = section.split("### Phase 2", 1)[1].split("### ", 1)[0]
    assert "Scores were published for every team in this round: " in phase_2 and " only." not in phase_2
    for score in scores.query("stage_id == 'phase-1'").itertuples():
        assert f"<td>{score.score:g} / " in phase_1
    for score in scores.query("stage_id == 'phase-2'").itertuples():
        assert f"<td>{score.score:g} / " in phase_2


def test_outcomes_link_every_team_with_its_reason(catalog, page, date):
    section = page.split("## Outcome of each round", 1)[1]
    for outcome in catalog.table("teams", "outcomes").itertuples():
        assert f'href="../../teams/{outcome.team_id}/"' in section
        if pd.notna(outcome.reason_en):
            assert rendered(outcome.reason_en) in section
    assert f"No team outcome was published as of {date}." in section


HANGUL = re.compile(r"[가-힣]")


def headers(page: str) -> list[str]:
    return re.findall(r'<th scope="col">(.*?)</th>', page)


def test_korean_page_shows_the_korean_names_and_headers(catalog, korean, generated):
    # The closing list of sources gives each document's own title, in its own language.
    page = section(korean)
    assert body(page).startswith("# 사업 개요\n")
    for table, column in (("facts", "label"), ("stages", "name")):
        for row in catalog.table("program", table).itertuples():
            assert rendered(getattr(row, f"{column}_ko")) in page
    for event in catalog.table("timeline", "events").itertuples():
        assert rendered(event.title_ko) in page and rendered(event.title_en) not in page
    for criterion in catalog.table("evaluations", "criteria").itertuples():
        assert rendered(criterion.name_ko) in page
    assert headers(page) and all(HANGUL.search(h) for h in headers(page)), set(headers(page))
    assert not set(headers(page)) & set(headers(section(generated)))
    assert "# Timeline" not in page and "not published as of" not in page and "Data as of" not in page


def test_korean_page_gives_korean_dates_and_gaps(catalog, korean):
    page, date = section(korean), korean_date(as_of(catalog))
    table = page.split("## 단계와 탈락 방식", 1)[1].split("\n# 일정", 1)[0]
    for stage in catalog.table("program", "stages").query("is_planned").itertuples():
        row = table.split(rendered(stage.name_ko), 1)[1].split("</tr>", 1)[0]
        assert f"{date} 기준 결과 공개되지 않음" in row and f"<td>{date} 기준 공개되지 않음</td>" in row
    call = catalog.table("program", "stages").set_index("stage_id").loc["call-2025"]
    assert f"{korean_date(call['starts_on'])}~{korean_date(call['ends_on'])}" in table
    outcomes = page.split("## 단계별 결과", 1)[1]
    assert "<td>선정</td>" in outcomes and "<td>탈락</td>" in outcomes and "<td>selected</td>" not in outcomes
    assert f"{date} 기준으로 공개된 팀별 결과가 없습니다." in outcomes
    assert '<p class="chart__caption">출처: 이 사이트의 timeline 패키지' in page and f"{date} 기준 데이터." in page


def test_korean_timeline_chart_and_csv(catalog, korean, generated):
    events = catalog.table("timeline", "events")
    # The CSV is the same tidy data in both languages; the page's table and the chart are in Korean.
    assert korean["programme/timeline/timeline.csv"] == generated["programme/timeline/timeline.csv"]
    table = korean["programme/timeline/index.md"].split('class="chart__table"', 1)[1].split("</details>", 1)[0]
    assert all(f'<th scope="col">{h}</th>' in table for h in ["날짜", "종류", "일정", "예정"])
    figure = json.loads(korean["programme/timeline/timeline.json"])
    assert all(HANGUL.search(trace["name"]) for trace in figure["data"])
    assert figure["layout"]["legend"]["title"]["text"] == "일정 종류(빈 표시: 예정; 막대: 단계의 기간)"
    assert figure["layout"]["xaxis"]["tickformat"] == "%Y년 %-m월"
    marks = [trace for trace in figure["data"] if trace["type"] == "scatter"]
    planned = [c[1] for trace in marks for c in trace["customdata"] if c[1].endswith(" (예정)")]
    assert len(planned) == int(events["is_planned"].sum())


def test_teams_of_the_same_name_are_listed_in_id_order():
    """A set's order changes with the interpreter's hash seed; the page must not (same commit, same bytes)."""
    from sovereign_ai_site.programme_pages import _team_list

    ids = [f"team-{i:02d}" for i in range(30)]
    listed = re.findall(r"teams/(team-\d+)/", str(_team_list(set(ids), pd.Series("One name", index=ids))))
    assert listed and listed == ids[: len(listed)]


def test_phases_compared_for_every_team_and_criterion(catalog, generated, date):
    page = generated["programme/results/index.md"]
    part = page.split("## Phase by phase { #compared }", 1)[1].split("## Outcome of each round", 1)[0]
    outcomes = catalog.table("teams", "outcomes")
    scores = catalog.table("evaluations", "scores").set_index(["stage_id", "team_id", "criterion_id"])["score"]
    entered = set(outcomes.loc[outcomes["stage_id"].isin(["phase-1", "phase-2"]), "team_id"])
    assert {"lg-ai-research", "motif-technologies", "naver-cloud"} <= entered
    rows = re.findall(r'<tr><td><a href="../../teams/([a-z0-9-]+)/">[^<]*</a></td> <td>([^<]*)</td> <td>([^<]*)</td> <td>([^<]*)</td></tr>', part)
    shared = ["Total score", "Benchmark evaluation", "Expert evaluation", "User evaluation"]
    assert sorted({(t, c) for t, c, _, _ in rows}) == sorted((t, c) for t in entered for c in shared)
    ids = dict(zip(shared, ["total", "benchmarks", "expert-review", "user-evaluation"]))
    for team, criterion, *cells in rows:
        for phase, cell in zip(["phase-1", "phase-2"], cells):
            took_part = ((outcomes["stage_id"] == phase) & (outcomes["team_id"] == team)).any()
            if (phase, team, ids[criterion]) in scores.index:
                assert cell.startswith(f"{scores[(phase, team, ids[criterion])]:g} / "), (team, criterion, phase)
            else:
                assert cell == (f"not published as of {date}" if took_part else "did not take part"), (team, criterion, phase)
    figure = json.loads(generated["programme/results/phase-scores.json"])
    drawn = sorted(x for trace in figure["data"] for x in trace["x"])
    assert drawn == sorted(float(v) for (s, t, c), v in scores.items() if c == "total")
    assert {trace["name"].replace("<br>", " ") for trace in figure["data"]} == {"Phase 1 (development and first evaluation)", "Phase 2 (development and second evaluation)"}


def test_team_pages_give_each_phase_score(catalog, generated, date):
    totals = catalog.table("evaluations", "scores").query("criterion_id == 'total'")
    for s in totals.itertuples():
        stages = generated[f"teams/{s.team_id}.md"].split("## Through the stages", 1)[1].split("## Members", 1)[0]
        assert f"<td>{s.score:g} / 100</td>" in stages
    upstage = generated["teams/upstage.md"].split("## Through the stages", 1)[1].split("## Members", 1)[0]
    assert f"<td>not published as of {date}</td>" in upstage  # phase 1: only LG AI Research's total was published
