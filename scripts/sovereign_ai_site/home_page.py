"""The home page: the programme in a minute, every figure read from the data."""

from __future__ import annotations

import pandas as pd

from sovereign_ai_site import markup
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.render import format_date, render

PAGE = "index.md"
RECENT_EVENTS = 6
REQUIRES = {"program", "teams", "timeline", "sources"}


def as_of(catalog: Catalog):
    """The data's date: the latest day a source was read."""
    return catalog.table("sources", "sources")["accessed_on"].max()


def home_page(catalog: Catalog, cite: Citations) -> str:
    stages = catalog.table("program", "stages").set_index("stage_id")
    teams = catalog.table("teams", "teams")
    events = catalog.table("timeline", "events").sort_values(["event_on", "event_id"])
    done, planned = events[~events["is_planned"]], events[events["is_planned"]]
    call, selection = stages.loc["call-2025"], stages.loc["presentation-review-2025"]
    figures = [
        ["Applicants in 2025", f"{call.teams_entering} consortia", cite.links(call.source_ids, PAGE)],
        ["Teams selected", f"{selection.teams_advancing}, on {format_date(selection.decided_on)}", cite.links(selection.source_ids, PAGE)],
        *(_team_figure(catalog, label, status, cite) for label, status in (("In the programme now", "active"), ("Eliminated", "eliminated"))),
        *_shown_claims(catalog, cite),
    ]
    latest = done.iloc[-1]
    upcoming = planned[planned["event_on"] > latest["event_on"]].head(1)
    recent = [
        [format_date(e.event_on, e.date_precision), e.title_en, "planned" if e.is_planned else "", cite.links(e.source_ids, PAGE)]
        for e in pd.concat([done.tail(RECENT_EVENTS), upcoming]).itertuples()
    ]
    return render(
        "home.md.jinja",
        figures=figures,
        recent=recent,
        latest=latest,
        latest_date=format_date(latest["event_on"], latest["date_precision"]),
        upcoming=None if upcoming.empty else upcoming.iloc[0],
        upcoming_date="" if upcoming.empty else format_date(upcoming.iloc[0]["event_on"], upcoming.iloc[0]["date_precision"]),
        upcoming_overdue=not upcoming.empty and upcoming.iloc[0]["event_on"] < as_of(catalog),
        as_of=format_date(as_of(catalog)),
    )


def _team_figure(catalog: Catalog, label: str, status: str, cite: Citations) -> list[object]:
    """Teams with ``status``, citing the latest stage outcome that put each one there."""
    teams = catalog.table("teams", "teams").query("status == @status")
    outcomes = catalog.table("teams", "outcomes").query("team_id in @teams.team_id").sort_values("decided_on")
    decisive = outcomes.groupby("team_id").tail(1)
    names = ", ".join(sorted(teams["name_en"].str.removesuffix(" consortium")))
    return [label, f"{len(teams)}: {names}", cite.all(list(decisive["source_ids"]), PAGE)]


def _shown_claims(catalog: Catalog, cite: Citations) -> list[list[object]]:
    """The value the site shows for each disputed figure, with a pointer to the others."""
    if "claims" not in catalog.packages["sources"].resources:
        return []
    claims = catalog.table("sources", "claims")
    shown = claims[claims["is_shown"] & claims["topic"].isin(["gpu-support-value", "total-budget"])]
    return [
        [c.label_en, markup.h(c.value_en) + " " + markup.anchor("(other reported values)", markup.relative(PAGE, f"sources/claims.md#{c.topic}")), cite.links(c.source_ids, PAGE)]
        for c in shown.sort_values("topic").itertuples()
    ]
