"""The programme page: facts, stages, timeline, evaluation criteria, scores and outcomes."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from sovereign_ai_site import charts, markup
from sovereign_ai_site.chart_blocks import Chart, render_chart
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.render import format_date, format_number, render

PAGE = "programme/index.md"
REQUIRES = {"program", "timeline", "evaluations", "teams"}
# Fact topics (the facts' ``topic`` values) under a few headings a reader scans.
FACT_GROUPS = (
    ("Name and ministry", ("name", "ministry")),
    ("Aims and what counts as independent", ("goal", "target", "definition", "open-source")),
    ("Duration and elimination scheme", ("duration", "elimination-scheme")),
    ("Calls", ("call",)),
    ("Titles and related programmes", ("titles", "related-programme")),
)


def programme_pages(catalog: Catalog, cite: Citations, as_of: str) -> dict[str, str]:
    stages = _stages(catalog)
    names = stages.set_index("stage_id")["name_en"]
    teams = catalog.table("teams", "teams").set_index("team_id")["name_en"].str.removesuffix(" consortium")
    chart_html, chart_files = _timeline(catalog, as_of)
    page = render(
        "programme.md.jinja",
        facts=_facts(catalog, cite),
        stage_rows=[_stage_row(s, cite, as_of) for s in stages.itertuples()],
        chart=chart_html,
        event_rows=_event_rows(catalog, cite, names, teams),
        rounds=_rounds(catalog, cite, stages, teams, as_of),
        outcomes=_outcomes(catalog, cite, stages, teams, as_of),
        as_of=as_of,
    )
    return {PAGE: page, **chart_files}


def _stages(catalog: Catalog) -> pd.DataFrame:
    """Stages in time order: by the earliest date known for each, from its own row or its events.

    Planned stages have no dates of their own; their planned events place them.
    """
    stages = catalog.table("program", "stages")
    events = catalog.table("timeline", "events").groupby("stage_id")["event_on"].min()
    first = stages[["starts_on", "decided_on"]].assign(event=stages["stage_id"].map(events)).min(axis=1)
    return stages.assign(first=first).sort_values(["first", "stage_id"], na_position="last")


def _outcome_order(catalog: Catalog) -> list[str]:
    """Outcomes in the descriptor's order, which follows a team through the stages."""
    return next(f for f in catalog.resource("teams", "outcomes").fields if f["name"] == "outcome")["constraints"]["enum"]


def _team(team_id: str, teams: pd.Series) -> Markup:
    return markup.anchor(teams[team_id], markup.relative(PAGE, f"teams/{team_id}.md"))


def _missing(value: object, as_of: str) -> object:
    return f"not published as of {as_of}" if pd.isna(value) else value


def _facts(catalog: Catalog, cite: Citations) -> list[dict]:
    facts = catalog.table("program", "facts")
    return [
        {
            "heading": heading,
            "rows": [
                [f.label_en, f.value_en, f.note_en, cite.links(f.source_ids, PAGE)]
                for topic in topics
                for f in facts[facts["topic"] == topic].itertuples()
            ],
        }
        for heading, topics in FACT_GROUPS
    ]


def _stage_row(stage, cite: Citations, as_of: str) -> list[object]:
    period = " to ".join(format_date(d) for d in (stage.starts_on, stage.ends_on) if pd.notna(d))
    decided = pd.notna(stage.decided_on)
    decision = f"result announced {format_date(stage.decided_on)}" if decided else f"result not published as of {as_of}"
    return [
        stage.name_en,
        "; ".join(filter(None, (period, decision))),
        _missing(stage.teams_entering, as_of),
        _missing(stage.teams_advancing, as_of),
        stage.description_en,
        cite.links(stage.source_ids, PAGE),
    ]


def _events(catalog: Catalog) -> pd.DataFrame:
    events = catalog.table("timeline", "events").sort_values(["event_on", "event_id"])
    return events.assign(date=[format_date(d, p) for d, p in zip(events["event_on"], events["date_precision"])])


def _timeline(catalog: Catalog, as_of: str) -> tuple[Markup, dict[str, str]]:
    events = _events(catalog)
    return render_chart(
        Chart(
            page=PAGE,
            slug="timeline",
            title="Every event of the programme, by kind, from the first call to the planned final selection",
            figure=charts.timeline_figure(events),
            table=pd.DataFrame(
                {
                    "Date": events["date"],
                    "Kind": events["event_type"],
                    "Event": events["title_en"],
                    "Planned": events["is_planned"].map({True: "planned", False: ""}),
                }
            ),
            summary=_timeline_summary(events, as_of),
            source="the timeline package of this site (ministry announcements and news)",
            as_of=as_of,
            height_px=760,
        )
    )


def _timeline_summary(events: pd.DataFrame, as_of: str) -> str:
    counts = events["event_type"].value_counts()
    kinds = ", ".join(f"{kind} {n}" for kind, n in counts.items())
    planned = events[events["is_planned"]]
    done = events[~events["is_planned"]]
    text = (
        f"{len(events)} events are recorded, from {events['date'].iloc[0]} to {events['date'].iloc[-1]}, by kind: {kinds}. "
        f"The latest that happened is {done['title_en'].iloc[-1]} ({done['date'].iloc[-1]})."
    )
    if planned.empty:
        return text
    return text + f" {len(planned)} are planned and had no published result as of {as_of}: " + "; ".join(
        f"{e.title_en} ({e.date})" for e in planned.itertuples()
    ) + "."


def _event_rows(catalog: Catalog, cite: Citations, names: pd.Series, teams: pd.Series) -> list[list[object]]:
    return [
        [
            e.date,
            e.title_en,
            e.event_type,
            "planned" if e.is_planned else "",
            e.description_en,
            "" if pd.isna(e.team_id) else _team(e.team_id, teams),
            "" if pd.isna(e.stage_id) else names[e.stage_id],
            cite.links(e.source_ids, PAGE),
        ]
        for e in _events(catalog).itertuples()
    ]


def _rounds(catalog: Catalog, cite: Citations, stages: pd.DataFrame, teams: pd.Series, as_of: str) -> list[dict]:
    """Per evaluated stage: criteria (sub-criteria under their parent) and the scores published."""
    criteria = catalog.table("evaluations", "criteria")
    scores = catalog.table("evaluations", "scores")
    outcomes = catalog.table("teams", "outcomes")
    names, planned = stages.set_index("stage_id")["name_en"], stages.set_index("stage_id")["is_planned"]
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
                "criteria": [_criterion_row(rows.loc[c], sub, planned[stage_id], cite, as_of) for c, sub in ordered],
                "scores": [_score_row(s, rows.loc[s.criterion_id], teams, cite) for s in published.itertuples()],
                "scored": _team_list(set(published["team_id"]), teams),
                "unscored": _team_list(entered - set(published["team_id"]), teams),
            }
        )
    return rounds


def _criteria_order(rows: pd.DataFrame) -> list[tuple[str, bool]]:
    """(criterion_id, is_sub) with the largest weight first, pass/fail last, sub-criteria under their parent."""
    rows = rows.sort_values(["points_max", "name_en"], ascending=[False, True], na_position="last")
    parents = rows["parent_criterion_id"]
    return [
        item for top in rows.index[parents.isna()] for item in [(top, False), *((sub, True) for sub in rows.index[parents == top])]
    ]


def _team_list(team_ids: set[str], teams: pd.Series) -> Markup:
    return Markup(", ").join(_team(t, teams) for t in sorted(team_ids, key=lambda t: teams[t]))


def _criterion_row(criterion: pd.Series, is_sub: bool, planned: bool, cite: Citations, as_of: str) -> list[object]:
    if pd.notna(criterion["points_max"]):
        points = format_number(criterion["points_max"])
    else:
        points = f"not published as of {as_of}" if planned else "pass/fail, not scored"
    name = Markup("&emsp;↳ ") + markup.h(criterion["name_en"]) if is_sub else criterion["name_en"]
    return [name, points, criterion["description_en"], cite.links(criterion["source_ids"], PAGE)]


def _score_row(score, criterion: pd.Series, teams: pd.Series, cite: Citations) -> list[object]:
    out_of = "" if pd.isna(criterion["points_max"]) else f" / {format_number(criterion['points_max'])}"
    points = format_number(score.score) + out_of
    return [_team(score.team_id, teams), criterion["name_en"], points, score.note_en, cite.links(score.source_ids, PAGE)]


def _outcomes(catalog: Catalog, cite: Citations, stages: pd.DataFrame, teams: pd.Series, as_of: str) -> list[dict]:
    outcomes = catalog.table("teams", "outcomes")
    order = _outcome_order(catalog)
    outcomes = outcomes.assign(rank=outcomes["outcome"].map(order.index), team=outcomes["team_id"].map(teams))
    outcomes = outcomes.sort_values(["rank", "team"])
    return [
        {
            "name": s.name_en,
            "rows": [
                [_team(o.team_id, teams), o.outcome, format_date(o.decided_on), o.reason_en, cite.links(o.source_ids, PAGE)]
                for o in outcomes[outcomes["stage_id"] == s.stage_id].itertuples()
            ],
        }
        for s in stages.itertuples()
    ]
