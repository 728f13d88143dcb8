"""The programme section: an overview (facts and stages), the timeline, and evaluations with their results.

Three pages rather than one, so that none holds every table of the programme at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from markupsafe import Markup

from sovereign_ai_site import charts, i18n, markup, pagination
from sovereign_ai_site.chart_blocks import Chart, headers, render_chart
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.cite import as_of as data_as_of
from sovereign_ai_site.i18n import label, local, not_published, t
from sovereign_ai_site.names import event_anchor, short_names
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.render import format_date, format_number, render
from sovereign_ai_site.staleness import planned_text
from sovereign_ai_site.tables import each_row
from sovereign_ai_site.views import programme as view

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sovereign_ai_site.pages import Context

PAGE = "programme/index.md"
TIMELINE_PAGE = "programme/timeline/index.md"
RESULTS_PAGE = "programme/results/index.md"


def _field(catalog: Catalog, package: str, resource: str, name: str) -> dict:
    return next(f for f in catalog.resource(package, resource).fields if f["name"] == name)


def programme_pages(ctx: Context) -> dict[str, str]:
    catalog, cite, as_of = ctx.catalog, ctx.cite, ctx.as_of
    stages = _stages(catalog)
    names = stages.set_index("stage_id")["name"]
    teams = short_names(catalog)
    chart_html, chart_files = _timeline(catalog, as_of)
    overview = render(
        "programme.md.jinja",
        facts=_facts(catalog, cite, ctx.editorial.get("programme", {}).get("fact_groups", [])),
        stage_rows=[_stage_row(s, cite, as_of) for s in each_row(stages)],
        stage_fields=catalog.resource("program", "stages").field,
        as_of=as_of,
    )
    timeline = render(
        "programme-timeline.md.jinja",
        chart=chart_html,
        events=pagination.rows_in_page(_event_rows(catalog, cite, names, teams), TIMELINE_PAGE, "timeline"),
        event_ids=[event_anchor(e) for e in _events(catalog)["event_id"]],
        event_fields=catalog.resource("timeline", "events").field,
        as_of=as_of,
    )
    comparison, comparison_files = _comparison(catalog, stages, teams, as_of)
    outcome = _field(catalog, "teams", "outcomes", "outcome")
    results = render(
        "programme-results.md.jinja",
        rounds=_rounds(catalog, cite, stages, teams, as_of),
        comparison=comparison,
        outcome_title=i18n.described(outcome, "title"),
        outcome_fields=catalog.resource("teams", "outcomes").field,
        criterion_fields=catalog.resource("evaluations", "criteria").field,
        outcomes=_outcomes(catalog, cite, stages, teams, outcome),
        as_of=as_of,
    )
    return {PAGE: overview, TIMELINE_PAGE: timeline, RESULTS_PAGE: results, **chart_files, **comparison_files}


def _stages(catalog: Catalog) -> pd.DataFrame:
    """Stages in time order, named in the page's language."""
    stages = view.stages_in_order(catalog.table("program", "stages"), catalog.table("timeline", "events"))
    return stages.assign(name=[local(s, "name") for s in each_row(stages)])


def _team(team_id: str, teams: pd.Series, page: str) -> Markup:
    return markup.anchor(teams[team_id], markup.relative(page, f"teams/{team_id}.md"))


def _missing(value: object, as_of: str) -> object:
    return not_published(as_of) if pd.isna(value) else value


def _facts(catalog: Catalog, cite: Citations, groups: list[Mapping]) -> list[dict]:
    """The facts under the editorial headings (editorial.yml ``programme.fact_groups``), topic by topic."""
    facts = catalog.table("program", "facts")
    return [
        {
            "heading": t(f"programme.fact_groups.{group['heading']}"),
            "rows": [
                [local(f, "label"), local(f, "value"), local(f, "note"), cite.links(f.source_ids, PAGE)]
                for topic in group["topics"]
                for f in each_row(facts[facts["topic"] == topic])
            ],
        }
        for group in groups
    ]


def _stage_row(stage, cite: Citations, as_of: str) -> list[object]:
    period = t("programme.period_joiner").join(format_date(d) for d in (stage.starts_on, stage.ends_on) if pd.notna(d))
    if pd.notna(stage.decided_on):
        decision = t("programme.result_announced", date=format_date(stage.decided_on))
    else:
        decision = t("programme.result_not_published", date=as_of)
    return [
        stage.name,
        "; ".join(filter(None, (period, decision))),
        _missing(stage.teams_entering, as_of),
        _missing(stage.teams_advancing, as_of),
        local(stage, "description"),
        cite.links(stage.source_ids, PAGE),
    ]


def _events(catalog: Catalog) -> pd.DataFrame:
    """Events in date order, with their date, title and kind as the page shows them."""
    events = catalog.table("timeline", "events").sort_values(["event_on", "event_id"])
    kind = _field(catalog, "timeline", "events", "event_type")
    return events.assign(
        date=[format_date(d, p) for d, p in zip(events["event_on"], events["date_precision"])],
        title=[local(e, "title") for e in each_row(events)],
        kind=[label(kind, k) for k in events["event_type"]],
        planned=planned_text(events, data_as_of(catalog)),
    )


def _timeline(catalog: Catalog, as_of: str) -> tuple[Markup, dict[str, str]]:
    events = _events(catalog)
    stages = _stages(catalog)
    spans = view.stage_spans(stages, events)
    table = pd.DataFrame({"date": events["date"], "kind": events["kind"], "event": events["title"], "planned": events["planned"]})
    data = events[["event_id", "event_on", "date_precision", "is_planned", "event_type", "stage_id", "team_id", "title_en", "title_ko"]]
    figure = charts.timeline_figure(spans, events, t("charts_static.other_events"))
    more = {"stages": spans[["stage_id", "name_en", "name_ko", "is_planned", "start", "end"]]}
    return render_chart(Chart(TIMELINE_PAGE, "timeline", "timeline", figure, table, headers((), table.columns),
                              _timeline_summary(events, as_of), as_of, data, more))


def _timeline_summary(events: pd.DataFrame, as_of: str) -> str:
    counts = events["kind"].value_counts()
    planned = events[events["is_planned"]]
    done = events[~events["is_planned"]]
    first, last, latest = events.iloc[0], events.iloc[-1], done.iloc[-1]
    kinds = ", ".join(t("programme.timeline_kind_count", kind=kind, count=n) for kind, n in counts.items())
    text = t("programme.timeline_summary", count=len(events), first=first["date"], last=last["date"], kinds=kinds,
             latest=t("programme.timeline_event", title=latest["title"], date=latest["date"]))
    if not len(planned):
        return text
    listed = "; ".join(t("programme.timeline_event", title=e.title, date=e.date) for e in each_row(planned))
    return text + t("programme.timeline_planned", count=len(planned), date=as_of, events=listed)


def _event_rows(catalog: Catalog, cite: Citations, names: pd.Series, teams: pd.Series) -> list[list[object]]:
    return [
        [
            e.date,
            e.title,
            e.kind,
            e.planned,
            local(e, "description"),
            "" if pd.isna(e.team_id) else _team(e.team_id, teams, TIMELINE_PAGE),
            "" if pd.isna(e.stage_id) else names[e.stage_id],
            cite.links(e.source_ids, TIMELINE_PAGE),
        ]
        for e in each_row(_events(catalog))
    ]


def _rounds(catalog: Catalog, cite: Citations, stages: pd.DataFrame, teams: pd.Series, as_of: str) -> list[dict]:
    """Per evaluated stage: criteria (sub-criteria under their parent) and the scores published."""
    criteria = catalog.table("evaluations", "criteria")
    criteria = criteria.assign(name=[local(c, "name") for c in each_row(criteria)])
    scores = catalog.table("evaluations", "scores")
    outcomes = catalog.table("teams", "outcomes")
    names, planned = stages.set_index("stage_id")["name"], stages.set_index("stage_id")["is_planned"]
    rounds = []
    for stage_id in (s for s in stages["stage_id"] if s in set(criteria["stage_id"])):
        rows = criteria[criteria["stage_id"] == stage_id].set_index("criterion_id")
        ordered = view.criteria_order(rows)
        rank = {criterion_id: i for i, (criterion_id, _) in enumerate(ordered)}
        published = scores[scores["stage_id"] == stage_id]
        published = published.assign(team=published["team_id"].map(teams), rank=published["criterion_id"].map(rank))
        published = published.sort_values(["team", "rank"])
        entered = set(outcomes.loc[outcomes["stage_id"] == stage_id, "team_id"])
        score_rows = [_score_row(s, rows.loc[s.criterion_id], teams, cite) for s in each_row(published)]
        rounds.append(
            {
                "name": names[stage_id],
                "criteria": [_criterion_row(rows.loc[c], sub, planned[stage_id], cite, as_of) for c, sub in ordered],
                "scores": pagination.rows_in_page(score_rows, RESULTS_PAGE, "evaluations"),
                "scored": _team_list(set(published["team_id"]), teams),
                "unscored": _team_list(entered - set(published["team_id"]), teams),
            }
        )
    return rounds


def _comparison(catalog: Catalog, stages: pd.DataFrame, teams: pd.Series, as_of: str) -> tuple[dict, dict[str, str]]:
    """Every team that entered an evaluation, on every criterion the phases share: its score in each phase,
    "not published" where it took part and no score was made public, and a chart of the published totals."""
    outcomes = catalog.table("teams", "outcomes")
    phases, entered, shared = view.scored_phases(catalog.table("evaluations", "criteria"), outcomes, list(stages["stage_id"]))
    criteria = catalog.table("evaluations", "criteria").set_index(["stage_id", "criterion_id"])
    scores = catalog.table("evaluations", "scores").set_index(["stage_id", "team_id", "criterion_id"])["score"]
    took_part = set(zip(outcomes["stage_id"], outcomes["team_id"]))
    names = stages.set_index("stage_id")["name"]

    def cell(phase: str, team_id: str, criterion_id: str) -> str:
        if (phase, team_id, criterion_id) in scores.index:
            return f"{format_number(scores[(phase, team_id, criterion_id)])} / {format_number(criteria.loc[(phase, criterion_id), 'points_max'])}"
        return not_published(as_of) if (phase, team_id) in took_part else t("programme.did_not_take_part")

    ordered = sorted(entered, key=lambda t: (teams[t], t))
    rows = [
        [_team(t, teams, RESULTS_PAGE), local(criteria.loc[(phases[-1], c)], "name"), *(cell(p, t, c) for p in phases)]
        for t in ordered
        for c in shared
    ]
    totals = pd.DataFrame(
        [
            {"team": teams[t], "phase": names[p], "score": scores[(p, t, "total")], "points": cell(p, t, "total"),
             "stage_id": p, "team_id": t, "points_max": criteria.loc[(p, "total"), "points_max"]}
            for t in ordered
            for p in phases
            if (p, t, "total") in scores.index
        ],
        columns=["team", "phase", "score", "points", "stage_id", "team_id", "points_max"],
    )
    shown, more = pagination.rows_in_page(rows, RESULTS_PAGE, "evaluations")
    table = {"headers": [t("programme.team"), t("programme.criterion"), *(names[p] for p in phases)], "rows": shown, "more": more}
    if totals.empty:
        return {**table, "chart": None}, {}
    table_data = pd.DataFrame({"team": totals["team"], "phase": totals["phase"], "total_score": totals["score"].astype(float)})
    data = totals[["stage_id", "team_id", "score", "points_max"]].sort_values(["team_id", "stage_id"])  # by ID, as in both languages
    chart, files = render_chart(Chart(RESULTS_PAGE, "phase-scores", "evaluations", charts.phase_scores_figure(totals), table_data,
                                      headers((), table_data.columns), _comparison_summary(totals, phases, names), as_of, data))
    return {**table, "chart": chart}, files


def _comparison_summary(totals: pd.DataFrame, phases: list[str], names: pd.Series) -> str:
    parts = []
    for phase in phases:
        rows = totals[totals["phase"] == names[phase]].sort_values("score", ascending=False)
        listed = ", ".join(f"{r.team} {format_number(r.score)}" for r in each_row(rows))
        parts.append(f"{names[phase]}: {listed}" if listed else "")
    return t("programme.comparison_summary", phases="; ".join(filter(None, parts)))


def _team_list(team_ids: set[str], teams: pd.Series) -> Markup:
    """Teams by name, the first of them only when there are more than a table shows."""
    ordered = sorted(team_ids, key=lambda t: (teams[t], t))  # by ID where names tie: a set has no fixed order
    listed = Markup(", ").join(_team(t, teams, RESULTS_PAGE) for t in pagination.first_rows(ordered))
    more = len(ordered) - len(pagination.first_rows(ordered))
    return listed + (t("programme.more_teams", count=more) if more else "")


def _criterion_row(criterion: pd.Series, is_sub: bool, planned: bool, cite: Citations, as_of: str) -> list[object]:
    if pd.notna(criterion["points_max"]):
        points = format_number(criterion["points_max"])
    else:
        points = not_published(as_of) if planned else t("programme.pass_fail")
    name = Markup("&emsp;↳ ") + markup.h(criterion["name"]) if is_sub else criterion["name"]
    return [name, points, local(criterion, "description"), cite.links(criterion["source_ids"], RESULTS_PAGE)]


def _score_row(score, criterion: pd.Series, teams: pd.Series, cite: Citations) -> list[object]:
    out_of = "" if pd.isna(criterion["points_max"]) else f" / {format_number(criterion['points_max'])}"
    points = format_number(score.score) + out_of
    return [_team(score.team_id, teams, RESULTS_PAGE), criterion["name"], points, local(score, "note"), cite.links(score.source_ids, RESULTS_PAGE)]


def _outcomes(catalog: Catalog, cite: Citations, stages: pd.DataFrame, teams: pd.Series, outcome: dict) -> list[dict]:
    """Each stage's team outcomes, in the outcome field's categories' order (a team's way through the stages)."""
    outcomes = view.outcomes_in_order(catalog.table("teams", "outcomes"), [c["value"] for c in outcome["categories"]], teams)
    return [
        {
            "name": s.name,
            "rows": pagination.rows_in_page(
                [
                    [_team(o.team_id, teams, RESULTS_PAGE), label(outcome, o.outcome), format_date(o.decided_on),
                     local(o, "reason"), cite.links(o.source_ids, RESULTS_PAGE)]
                    for o in each_row(outcomes[outcomes["stage_id"] == s.stage_id])
                ],
                RESULTS_PAGE,
                "teams",
            ),
        }
        for s in each_row(stages)
    ]
