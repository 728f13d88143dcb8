"""The programme section: an overview (facts and stages), the timeline, and evaluations with their results.

Three pages rather than one, so that none holds every table of the programme at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from markupsafe import Markup

from sovereign_ai_site import charts, i18n, markup, pagination
from sovereign_ai_site.chart_blocks import Chart, render_chart
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.cite import as_of as data_as_of
from sovereign_ai_site.i18n import local, not_published, tr, value_label
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.render import format_date, format_number, render
from sovereign_ai_site.staleness import planned_text
from sovereign_ai_site.tables import each_row
from sovereign_ai_site.teams_pages import OUTCOME_KO, short_names

if TYPE_CHECKING:
    from sovereign_ai_site.pages import Context

PAGE = "programme/index.md"
TIMELINE_PAGE = "programme/timeline/index.md"
RESULTS_PAGE = "programme/results/index.md"
# Fact topics (the facts' ``topic`` values) under a few headings a reader scans: (Korean, English, topics).
FACT_GROUPS = (
    ("명칭과 주관 부처", "Name and ministry", ("name", "ministry")),
    ("목표와 '독자' 모델의 기준", "Aims and what counts as independent", ("goal", "target", "definition", "open-source")),
    ("기간과 탈락 방식", "Duration and elimination scheme", ("duration", "elimination-scheme")),
    ("공모", "Calls", ("call",)),
    ("명칭 부여와 관련 사업", "Titles and related programmes", ("titles", "related-programme")),
)
_EVENT_TYPE_KO = {
    "call": "공모", "shortlist": "서면평가", "selection": "선정", "kickoff": "착수", "presentation": "발표회",
    "evaluation": "평가", "release": "모델 공개", "policy": "정책", "dispute": "논란", "planned": "예정",
}


def programme_pages(ctx: Context) -> dict[str, str]:
    catalog, cite, as_of, lang = ctx.catalog, ctx.cite, ctx.as_of, i18n.lang()
    stages = _stages(catalog, lang)
    names = stages.set_index("stage_id")["name"]
    teams = short_names(catalog, lang)
    chart_html, chart_files = _timeline(catalog, as_of, lang)
    overview = render(
        f"programme.{lang}.md.jinja",
        facts=_facts(catalog, cite, lang),
        stage_rows=[_stage_row(s, cite, as_of, lang) for s in each_row(stages)],
        as_of=as_of,
    )
    timeline = render(
        f"programme-timeline.{lang}.md.jinja",
        chart=chart_html,
        events=pagination.rows_in_page(_event_rows(catalog, cite, names, teams, lang), TIMELINE_PAGE, "timeline", lang),
        as_of=as_of,
    )
    comparison, comparison_files = _comparison(catalog, stages, teams, as_of, lang)
    results = render(
        f"programme-results.{lang}.md.jinja",
        rounds=_rounds(catalog, cite, stages, teams, as_of, lang),
        comparison=comparison,
        outcomes=_outcomes(catalog, cite, stages, teams, lang),
        as_of=as_of,
    )
    return {PAGE: overview, TIMELINE_PAGE: timeline, RESULTS_PAGE: results, **chart_files, **comparison_files}


def _stages(catalog: Catalog, lang: str) -> pd.DataFrame:
    """Stages in time order, named in ``lang``: by the earliest date known for each, from its own row or its events.

    Planned stages have no dates of their own; their planned events place them.
    """
    stages = catalog.table("program", "stages")
    events = catalog.table("timeline", "events").groupby("stage_id")["event_on"].min()
    first = stages[["starts_on", "decided_on"]].assign(event=stages["stage_id"].map(events)).min(axis=1)
    names = [local(s, "name", lang) for s in each_row(stages)]
    return stages.assign(first=first, name=names).sort_values(["first", "stage_id"], na_position="last")


def _outcome_order(catalog: Catalog) -> list[str]:
    """Outcomes in the descriptor's order, which follows a team through the stages."""
    return next(f for f in catalog.resource("teams", "outcomes").fields if f["name"] == "outcome")["constraints"]["enum"]


def _team(team_id: str, teams: pd.Series, page: str) -> Markup:
    return markup.anchor(teams[team_id], markup.relative(page, f"teams/{team_id}.md"))


def _missing(value: object, as_of: str, lang: str) -> object:
    return not_published(as_of, lang) if pd.isna(value) else value


def _facts(catalog: Catalog, cite: Citations, lang: str) -> list[dict]:
    facts = catalog.table("program", "facts")
    return [
        {
            "heading": tr(lang, ko=ko, en=en),
            "rows": [
                [local(f, "label", lang), local(f, "value", lang), local(f, "note", lang), cite.links(f.source_ids, PAGE)]
                for topic in topics
                for f in each_row(facts[facts["topic"] == topic])
            ],
        }
        for ko, en, topics in FACT_GROUPS
    ]


def _stage_row(stage, cite: Citations, as_of: str, lang: str) -> list[object]:
    period = tr(lang, ko="~", en=" to ").join(format_date(d, lang=lang) for d in (stage.starts_on, stage.ends_on) if pd.notna(d))
    if pd.notna(stage.decided_on):
        decided = format_date(stage.decided_on, lang=lang)
        decision = tr(lang, ko=f"{decided} 결과 발표", en=f"result announced {decided}")
    else:
        decision = tr(lang, ko=f"{as_of} 기준 결과 공개되지 않음", en=f"result not published as of {as_of}")
    return [
        stage.name,
        "; ".join(filter(None, (period, decision))),
        _missing(stage.teams_entering, as_of, lang),
        _missing(stage.teams_advancing, as_of, lang),
        local(stage, "description", lang),
        cite.links(stage.source_ids, PAGE),
    ]


def _events(catalog: Catalog, lang: str) -> pd.DataFrame:
    """Events in date order, with their date, title and kind as ``lang`` shows them."""
    events = catalog.table("timeline", "events").sort_values(["event_on", "event_id"])
    return events.assign(
        date=[format_date(d, p, lang) for d, p in zip(events["event_on"], events["date_precision"])],
        title=[local(e, "title", lang) for e in each_row(events)],
        kind=[value_label(k, _EVENT_TYPE_KO, lang) for k in events["event_type"]],
        planned=planned_text(events, data_as_of(catalog), lang),
    )


def _timeline(catalog: Catalog, as_of: str, lang: str) -> tuple[Markup, dict[str, str]]:
    events = _events(catalog, lang)
    return render_chart(
        Chart(
            page=TIMELINE_PAGE,
            slug="timeline",
            title=tr(
                lang,
                ko="사업의 모든 일정: 첫 공모부터 최종 선정 예정까지, 종류별",
                en="Every event of the programme, by kind, from the first call to the planned final selection",
            ),
            figure=charts.timeline_figure(events, lang),
            table=pd.DataFrame(
                {
                    tr(lang, ko="날짜", en="Date"): events["date"],
                    tr(lang, ko="종류", en="Kind"): events["kind"],
                    tr(lang, ko="일정", en="Event"): events["title"],
                    tr(lang, ko="예정", en="Planned"): events["planned"],
                }
            ),
            summary=_timeline_summary(events, as_of, lang),
            source=tr(
                lang,
                ko="이 사이트의 timeline 패키지(과기정통부 발표와 언론 보도)",
                en="the timeline package of this site (ministry announcements and news)",
            ),
            as_of=as_of,
            lang=lang,
            height_px=760,
        )
    )


def _timeline_summary(events: pd.DataFrame, as_of: str, lang: str) -> str:
    counts = events["kind"].value_counts()
    planned = events[events["is_planned"]]
    done = events[~events["is_planned"]]
    first, last, latest = events.iloc[0], events.iloc[-1], done.iloc[-1]
    listed = "; ".join(f"{e.title}{tr(lang, ko='', en=' ')}({e.date})" for e in each_row(planned))
    if lang == "ko":
        kinds = ", ".join(f"{kind} {n}건" for kind, n in counts.items())
        text = (
            f"{first['date']}부터 {last['date']}까지 일정 {len(events)}건이 기록되어 있습니다. 종류별로는 {kinds}입니다. "
            f"가장 최근에 있었던 일은 {latest['title']}({latest['date']})입니다."
        )
        return text + (f" {len(planned)}건은 예정된 일로, {as_of} 기준 결과가 공개되지 않았습니다: {listed}." if len(planned) else "")
    kinds = ", ".join(f"{kind} {n}" for kind, n in counts.items())
    text = (
        f"{len(events)} events are recorded, from {first['date']} to {last['date']}, by kind: {kinds}. "
        f"The latest that happened is {latest['title']} ({latest['date']})."
    )
    return text + (f" {len(planned)} are planned and had no published result as of {as_of}: {listed}." if len(planned) else "")


def _event_rows(catalog: Catalog, cite: Citations, names: pd.Series, teams: pd.Series, lang: str) -> list[list[object]]:
    return [
        [
            e.date,
            e.title,
            e.kind,
            e.planned,
            local(e, "description", lang),
            "" if pd.isna(e.team_id) else _team(e.team_id, teams, TIMELINE_PAGE),
            "" if pd.isna(e.stage_id) else names[e.stage_id],
            cite.links(e.source_ids, TIMELINE_PAGE),
        ]
        for e in each_row(_events(catalog, lang))
    ]


def _rounds(catalog: Catalog, cite: Citations, stages: pd.DataFrame, teams: pd.Series, as_of: str, lang: str) -> list[dict]:
    """Per evaluated stage: criteria (sub-criteria under their parent) and the scores published."""
    criteria = catalog.table("evaluations", "criteria")
    criteria = criteria.assign(name=[local(c, "name", lang) for c in each_row(criteria)])
    scores = catalog.table("evaluations", "scores")
    outcomes = catalog.table("teams", "outcomes")
    names, planned = stages.set_index("stage_id")["name"], stages.set_index("stage_id")["is_planned"]
    rounds = []
    for stage_id in (s for s in stages["stage_id"] if s in set(criteria["stage_id"])):
        rows = criteria[criteria["stage_id"] == stage_id].set_index("criterion_id")
        ordered = _criteria_order(rows)
        rank = {criterion_id: i for i, (criterion_id, _) in enumerate(ordered)}
        published = scores[scores["stage_id"] == stage_id]
        published = published.assign(team=published["team_id"].map(teams), rank=published["criterion_id"].map(rank))
        published = published.sort_values(["team", "rank"])
        entered = set(outcomes.loc[outcomes["stage_id"] == stage_id, "team_id"])
        rounds.append(
            {
                "name": names[stage_id],
                "criteria": [_criterion_row(rows.loc[c], sub, planned[stage_id], cite, as_of, lang) for c, sub in ordered],
                "scores": pagination.rows_in_page(
                    [_score_row(s, rows.loc[s.criterion_id], teams, cite, lang) for s in each_row(published)], RESULTS_PAGE, "evaluations", lang
                ),
                "scored": _team_list(set(published["team_id"]), teams, lang),
                "unscored": _team_list(entered - set(published["team_id"]), teams, lang),
            }
        )
    return rounds


def scored_phases(catalog: Catalog, stages: pd.DataFrame) -> tuple[list[str], list[str], list[str]]:
    """The evaluated stages in time order, the teams that entered any of them (by ID), and the top-level
    scored criteria that every one of them has: what the phases can be compared on."""
    criteria = catalog.table("evaluations", "criteria")
    scored = criteria[criteria["parent_criterion_id"].isna() & criteria["points_max"].notna()]
    phases = [s for s in stages["stage_id"] if s in set(scored["stage_id"])]
    common = set.intersection(*(set(scored.loc[scored["stage_id"] == p, "criterion_id"]) for p in phases)) if phases else set()
    ranked = scored[scored["stage_id"] == phases[-1]].sort_values(["points_max", "criterion_id"], ascending=[False, True]) if phases else scored
    outcomes = catalog.table("teams", "outcomes")
    entered = sorted(set(outcomes.loc[outcomes["stage_id"].isin(phases), "team_id"]))
    return phases, entered, [c for c in ranked["criterion_id"] if c in common]


def _comparison(catalog: Catalog, stages: pd.DataFrame, teams: pd.Series, as_of: str, lang: str) -> tuple[dict, dict[str, str]]:
    """Every team that entered an evaluation, on every criterion the phases share: its score in each phase,
    "not published" where it took part and no score was made public, and a chart of the published totals."""
    phases, entered, shared = scored_phases(catalog, stages)
    criteria = catalog.table("evaluations", "criteria").set_index(["stage_id", "criterion_id"])
    scores = catalog.table("evaluations", "scores").set_index(["stage_id", "team_id", "criterion_id"])["score"]
    took_part = set(zip(*(catalog.table("teams", "outcomes")[c] for c in ("stage_id", "team_id"))))
    names = stages.set_index("stage_id")["name"]

    def cell(phase: str, team_id: str, criterion_id: str) -> str:
        if (phase, team_id, criterion_id) in scores.index:
            return f"{format_number(scores[(phase, team_id, criterion_id)])} / {format_number(criteria.loc[(phase, criterion_id), 'points_max'])}"
        return not_published(as_of, lang) if (phase, team_id) in took_part else tr(lang, ko="참여하지 않음", en="did not take part")

    ordered = sorted(entered, key=lambda t: (teams[t], t))
    rows = [
        [_team(t, teams, RESULTS_PAGE), local(criteria.loc[(phases[-1], c)], "name", lang), *(cell(p, t, c) for p in phases)]
        for t in ordered
        for c in shared
    ]
    totals = pd.DataFrame(
        [
            {"team": teams[t], "phase": names[p], "score": scores[(p, t, "total")], "points": cell(p, t, "total")}
            for t in ordered
            for p in phases
            if (p, t, "total") in scores.index
        ],
        columns=["team", "phase", "score", "points"],
    )
    shown, more = pagination.rows_in_page(rows, RESULTS_PAGE, "evaluations", lang)
    table = {"headers": [tr(lang, ko="팀", en="Team"), tr(lang, ko="평가 항목", en="Criterion"), *(names[p] for p in phases)], "rows": shown, "more": more}
    if totals.empty:
        return {**table, "chart": None}, {}
    chart, files = render_chart(
        Chart(
            page=RESULTS_PAGE,
            slug="phase-scores",
            title=tr(lang, ko="팀별 총점, 단계별 비교(공개된 점수만)", en="Total score of each team, phase by phase (published scores only)"),
            figure=charts.phase_scores_figure(totals, lang),
            table=pd.DataFrame(
                {
                    tr(lang, ko="팀", en="Team"): totals["team"],
                    tr(lang, ko="단계", en="Phase"): totals["phase"],
                    tr(lang, ko="총점", en="Total score"): totals["score"].astype(float),
                }
            ),
            summary=_comparison_summary(totals, phases, names, lang),
            source=tr(lang, ko="이 사이트의 evaluations 패키지(과기정통부 발표와 보도)", en="the evaluations package of this site (ministry releases and reports)"),
            as_of=as_of,
            lang=lang,
            height_px=120 + 44 * min(len(totals), pagination.ROWS_PER_PAGE // 3),  # bounded: the page must not grow
        )
    )
    return {**table, "chart": chart}, files


def _comparison_summary(totals: pd.DataFrame, phases: list[str], names: pd.Series, lang: str) -> str:
    parts = []
    for phase in phases:
        rows = totals[totals["phase"] == names[phase]].sort_values("score", ascending=False)
        listed = ", ".join(f"{r.team} {format_number(r.score)}" for r in each_row(rows))
        parts.append(tr(lang, ko=f"{names[phase]}: {listed}", en=f"{names[phase]}: {listed}") if listed else "")
    return tr(lang, ko="공개된 총점(100점 만점). ", en="Published total scores, out of 100. ") + "; ".join(filter(None, parts)) + "."


def _criteria_order(rows: pd.DataFrame) -> list[tuple[str, bool]]:
    """(criterion_id, is_sub) with the largest weight first, pass/fail last, sub-criteria under their parent."""
    rows = rows.sort_values(["points_max", "name_en"], ascending=[False, True], na_position="last")
    parents = rows["parent_criterion_id"]
    return [
        item for top in rows.index[parents.isna()] for item in [(top, False), *((sub, True) for sub in rows.index[parents == top])]
    ]


def _team_list(team_ids: set[str], teams: pd.Series, lang: str) -> Markup:
    """Teams by name, the first of them only when there are more than a table shows."""
    ordered = sorted(team_ids, key=lambda t: (teams[t], t))  # by ID where names tie: a set has no fixed order
    listed = Markup(", ").join(_team(t, teams, RESULTS_PAGE) for t in pagination.first_rows(ordered))
    more = len(ordered) - len(pagination.first_rows(ordered))
    return listed + (tr(lang, ko=f" 외 {more}팀", en=f" and {more} more") if more else "")


def _criterion_row(criterion: pd.Series, is_sub: bool, planned: bool, cite: Citations, as_of: str, lang: str) -> list[object]:
    if pd.notna(criterion["points_max"]):
        points = format_number(criterion["points_max"])
    else:
        points = not_published(as_of, lang) if planned else tr(lang, ko="적격/부적격(점수 없음)", en="pass/fail, not scored")
    name = Markup("&emsp;↳ ") + markup.h(criterion["name"]) if is_sub else criterion["name"]
    return [name, points, local(criterion, "description", lang), cite.links(criterion["source_ids"], RESULTS_PAGE)]


def _score_row(score, criterion: pd.Series, teams: pd.Series, cite: Citations, lang: str) -> list[object]:
    out_of = "" if pd.isna(criterion["points_max"]) else f" / {format_number(criterion['points_max'])}"
    points = format_number(score.score) + out_of
    return [_team(score.team_id, teams, RESULTS_PAGE), criterion["name"], points, local(score, "note", lang), cite.links(score.source_ids, RESULTS_PAGE)]


def _outcomes(catalog: Catalog, cite: Citations, stages: pd.DataFrame, teams: pd.Series, lang: str) -> list[dict]:
    outcomes = catalog.table("teams", "outcomes")
    order = _outcome_order(catalog)
    outcomes = outcomes.assign(rank=outcomes["outcome"].map(order.index), team=outcomes["team_id"].map(teams))
    outcomes = outcomes.sort_values(["rank", "team"])
    return [
        {
            "name": s.name,
            "rows": pagination.rows_in_page(
                [
                    [_team(o.team_id, teams, RESULTS_PAGE), value_label(o.outcome, OUTCOME_KO, lang), format_date(o.decided_on, lang=lang),
                     local(o, "reason", lang), cite.links(o.source_ids, RESULTS_PAGE)]
                    for o in each_row(outcomes[outcomes["stage_id"] == s.stage_id])
                ],
                RESULTS_PAGE,
                "teams",
                lang,
            ),
        }
        for s in each_row(stages)
    ]
