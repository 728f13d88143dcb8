"""The home page: the programme in a minute, every figure read from the data."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from sovereign_ai_site import i18n, markup
from sovereign_ai_site.cite import Citations, as_of
from sovereign_ai_site.i18n import local, tr
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.render import format_date, render
from sovereign_ai_site.staleness import overdue_events, planned_text
from sovereign_ai_site.tables import each_row
from sovereign_ai_site.teams_pages import short_names

if TYPE_CHECKING:
    from sovereign_ai_site.pages import Context

PAGE = "index.md"
RECENT_EVENTS = 6



def home_page(ctx: Context) -> dict[str, str]:
    return {PAGE: _home_page(ctx.catalog, ctx.cite, i18n.lang())}


def _home_page(catalog: Catalog, cite: Citations, lang: str) -> str:
    stages = catalog.table("program", "stages").set_index("stage_id")
    events = catalog.table("timeline", "events").sort_values(["event_on", "event_id"])
    done, planned = events[~events["is_planned"]], events[events["is_planned"]]
    call, selection = stages.loc["call-2025"], stages.loc["presentation-review-2025"]
    selected_on = format_date(selection.decided_on, lang=lang)
    figures = [
        [
            tr(lang, ko="2025년 응모 컨소시엄", en="Applicants in 2025"),
            tr(lang, ko=f"{call.teams_entering}개", en=f"{call.teams_entering} consortia"),
            cite.links(call.source_ids, PAGE),
        ],
        [
            tr(lang, ko="선정된 정예팀", en="Teams selected"),
            tr(lang, ko=f"{selection.teams_advancing}개 팀({selected_on})", en=f"{selection.teams_advancing}, on {selected_on}"),
            cite.links(selection.source_ids, PAGE),
        ],
        _team_figure(catalog, tr(lang, ko="현재 참여 중", en="In the programme now"), "active", cite, lang),
        _team_figure(catalog, tr(lang, ko="탈락", en="Eliminated"), "eliminated", cite, lang),
        *_shown_claims(catalog, cite, lang),
    ]
    latest, today = done.iloc[-1], as_of(catalog)
    overdue = overdue_events(planned, today)
    upcoming = planned.drop(overdue.index).head(1)  # never a date that has passed
    shown = pd.concat([done.tail(RECENT_EVENTS), overdue, upcoming]).sort_values(["event_on", "event_id"])
    recent = [
        [format_date(e.event_on, e.date_precision, lang), local(e, "title", lang), planned, cite.links(e.source_ids, PAGE)]
        for e, planned in zip(each_row(shown), planned_text(shown, today, lang))
    ]
    return render(
        f"home.{lang}.md.jinja",
        figures=figures,
        recent=recent,
        latest=local(latest, "title", lang),
        latest_date=format_date(latest["event_on"], latest["date_precision"], lang),
        upcoming=None if upcoming.empty else local(upcoming.iloc[0], "title", lang),
        upcoming_date="" if upcoming.empty else format_date(upcoming.iloc[0]["event_on"], upcoming.iloc[0]["date_precision"], lang),
        overdue=[local(e, "title", lang) for e in each_row(overdue)],
        as_of=format_date(today, lang=lang),
    )


def _team_figure(catalog: Catalog, label: str, status: str, cite: Citations, lang: str) -> list[object]:
    """Teams with ``status``, citing the latest stage outcome that put each one there."""
    teams = catalog.table("teams", "teams").query("status == @status")
    outcomes = catalog.table("teams", "outcomes").query("team_id in @teams.team_id").sort_values("decided_on")
    decisive = outcomes.groupby("team_id").tail(1)
    names = ", ".join(sorted(short_names(catalog, lang)[list(teams["team_id"])]))
    return [label, tr(lang, ko=f"{len(teams)}개 팀: {names}", en=f"{len(teams)}: {names}"), cite.all(list(decisive["source_ids"]), PAGE)]


def _shown_claims(catalog: Catalog, cite: Citations, lang: str) -> list[list[object]]:
    """The value the site shows for each disputed figure, with a pointer to the others."""
    if "claims" not in catalog.packages["sources"].resources:
        return []
    claims = catalog.table("sources", "claims")
    shown = claims[claims["is_shown"] & claims["topic"].isin(["gpu-support-value", "total-budget"])]
    others = tr(lang, ko="(다르게 보도된 값)", en="(other reported values)")
    return [
        [
            local(c, "label", lang),
            markup.h(local(c, "value", lang)) + " " + markup.anchor(others, markup.relative(PAGE, f"sources/claims.md#{c.topic}")),
            cite.links(c.source_ids, PAGE),
        ]
        for c in each_row(shown.sort_values("topic"))
    ]
