"""The home page: the programme in a minute, every figure read from the data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sovereign_ai_site import markup
from sovereign_ai_site.cite import Citations, as_of
from sovereign_ai_site.i18n import local, sentence, t
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.render import format_date, render
from sovereign_ai_site.staleness import planned_text
from sovereign_ai_site.tables import each_row
from sovereign_ai_site.teams_pages import fields, short_names
from sovereign_ai_site.views import home as view
from sovereign_ai_site.views.teams import decisive_outcomes

if TYPE_CHECKING:
    from sovereign_ai_site.pages import Context

PAGE = "index.md"


def home_page(ctx: Context) -> dict[str, str]:
    catalog, cite = ctx.catalog, ctx.cite
    choices = ctx.editorial.get("home", {})  # without editorial.yml, the page features nothing it would choose
    stages = catalog.table("program", "stages").set_index("stage_id")
    figures = []
    if "applicants_stage" in choices:
        call = stages.loc[choices["applicants_stage"]]
        figures.append([t("home.applicants"), t("home.applicants_count", count=call.teams_entering), cite.links(call.source_ids, PAGE)])
    if "selection_stage" in choices:
        selection = stages.loc[choices["selection_stage"]]
        selected = t("home.selected_count", count=selection.teams_advancing, date=format_date(selection.decided_on))
        figures.append([t("home.selected"), selected, cite.links(selection.source_ids, PAGE)])
    figures += [
        _team_figure(catalog, t("home.active"), "active", cite),
        _team_figure(catalog, t("home.eliminated"), "eliminated", cite),
        *_shown_claims(catalog, choices.get("key_figure_claims", []), cite),
    ]
    today = as_of(catalog)
    events = view.milestones(view.events_in_order(catalog), today, choices.get("recent_events", 0))
    shown = events["shown"]
    recent = [
        [format_date(e.event_on, e.date_precision), local(e, "title"), planned, cite.links(e.source_ids, PAGE)]
        for e, planned in zip(each_row(shown), planned_text(shown, today))
    ]
    return {
        PAGE: render(
            "home.md.jinja",
            events=fields(catalog, "timeline", "events"),
            figures=figures,
            recent=recent,
            milestones=[_milestone("home.latest", e) for e in each_row(events["latest"])]
            + [_milestone("home.next", e) for e in each_row(events["upcoming"])]
            + [sentence("home.overdue", title=local(e, "title"), date=ctx.as_of) for e in each_row(events["overdue"])],
            as_of=ctx.as_of,
        )
    }


def _milestone(key: str, event) -> str:
    """The latest or the next event, as a sentence under the key figures."""
    return sentence(key, title=local(event, "title"), date=format_date(event.event_on, event.date_precision))


def _team_figure(catalog: Catalog, label: str, status: str, cite: Citations) -> list[object]:
    """Teams with ``status``, citing the latest stage outcome that put each one there."""
    teams, decisive = decisive_outcomes(catalog, status)
    names = ", ".join(sorted(short_names(catalog)[list(teams["team_id"])]))
    return [label, t("home.teams_count", count=len(teams), names=names), cite.all(list(decisive["source_ids"]), PAGE)]


def _shown_claims(catalog: Catalog, topics: list[str], cite: Citations) -> list[list[object]]:
    """The value the site shows for each disputed figure, with a pointer to the others."""
    others = t("home.other_values")
    return [
        [
            local(c, "label"),
            markup.h(local(c, "value")) + " " + markup.anchor(others, markup.relative(PAGE, f"sources/claims.md#{c.topic}")),
            cite.links(c.source_ids, PAGE),
        ]
        for c in each_row(view.shown_claims(catalog, topics))
    ]
