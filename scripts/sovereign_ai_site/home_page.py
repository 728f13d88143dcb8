"""The home page: the programme in a minute, every figure read from the data."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from markupsafe import Markup

from sovereign_ai_site import markup, pagination
from sovereign_ai_site.cite import Citations, as_of
from sovereign_ai_site.i18n import lang, local, not_published, sentence, t
from sovereign_ai_site.names import short_names
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.render import format_date, format_number, render
from sovereign_ai_site.staleness import planned_text
from sovereign_ai_site.tables import each_row
from sovereign_ai_site.views import home as view
from sovereign_ai_site.views.teams import decisive_outcomes, total_points

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
            events=catalog.resource("timeline", "events").field,
            figures=figures,
            recent=recent,
            milestones=[_milestone("home.latest", e) for e in each_row(events["latest"])]
            + [_milestone("home.next", e) for e in each_row(events["upcoming"])]
            + [sentence("home.overdue", title=local(e, "title"), date=ctx.as_of) for e in each_row(events["overdue"])],
            as_of=ctx.as_of,
            funnel=_funnel(catalog, cite, ctx.as_of),
            still_in=_still_in(catalog, cite, ctx.as_of),
            release=_release(ctx),
            feed=bool(ctx.site_url),  # the feed (feeds.FEED) is written where the site's address is known (site.build_site)
        )
    }


def _funnel(catalog: Catalog, cite: Citations, as_of: str) -> Markup:
    """The stage gates from the applicants to the teams left, as a list of bars (HTML and CSS, no script):
    each stage with the teams that entered and went on, and its decision date (or that none is published)."""
    stages = view.stages_in_order(catalog)
    widest = max(stages["teams_entering"].max(), 1)
    items = []
    for s in each_row(stages):
        went_on = None if pd.isna(s.teams_advancing) else int(s.teams_advancing)
        count = t("glance.funnel.count", entering=int(s.teams_entering), advancing=went_on) if went_on is not None else t("glance.funnel.entering", entering=int(s.teams_entering))
        date = format_date(s.decided_on) if not pd.isna(s.decided_on) else t("glance.funnel.no_date", date=as_of)
        bars = Markup('<span class="funnel__bar funnel__bar--in" style="width: {:.1f}%"></span>').format(100 * s.teams_entering / widest)
        if went_on is not None:
            bars += Markup('<span class="funnel__bar funnel__bar--on" style="width: {:.1f}%"></span>').format(100 * went_on / widest)
        items.append(
            Markup(
                '<li class="funnel__stage{}" data-stage="{}"><span class="funnel__what"><span class="funnel__name">{}</span> '
                '<span class="funnel__date">{}</span></span><span class="funnel__how"><span class="funnel__bars" aria-hidden="true">{}</span> '
                '<span class="funnel__count">{}</span></span></li>'
            ).format(" funnel__stage--planned" if s.is_planned else "", s.stage_id, markup.h(local(s, "name")), markup.h(date), bars, markup.h(count))
        )
    sources = cite.all(list(stages["source_ids"]), PAGE)
    return Markup(
        '<ol class="funnel" aria-label="{}">{}</ol>\n<details class="sources"><summary>{}</summary><p>{}</p></details>'
    ).format(markup.h(t("glance.funnel.label")), Markup("").join(items), markup.h(t("glance.funnel.sources")), sources)


def _still_in(catalog: Catalog, cite: Citations, as_of: str) -> dict[str, object]:
    """Each team still in the programme: its latest published total, its next stage and that stage's date."""
    stages = catalog.table("program", "stages").set_index("stage_id")
    totals, names = total_points(catalog), short_names(catalog)
    rows = []
    still_in = view.teams_still_in(catalog)
    for team in each_row(still_in.head(pagination.ROWS_PER_PAGE)):  # no page grows with the data
        link = markup.anchor(names[team.team_id], markup.relative(PAGE, f"teams/{team.team_id}.md"))
        if pd.isna(team.score_stage_id):
            score = not_published(as_of)
        else:
            total = format_number(totals[team.score_stage_id]) if team.score_stage_id in totals else ""
            score = t("glance.still_in.score", score=format_number(team.score), total=total, stage=local(stages.loc[team.score_stage_id], "name"))
        if pd.isna(team.next_stage_id):
            step = ""
        else:
            stage = stages.loc[team.next_stage_id]
            when = format_date(stage.decided_on) if not pd.isna(stage.decided_on) else not_published(as_of)
            step = t("glance.still_in.next", stage=local(stage, "name"), date=when)
        sources = "" if pd.isna(team.score_source_ids) else cite.links(team.score_source_ids, PAGE)
        rows.append([link, score, step, sources])
    teams = markup.anchor(t("glance.still_in.all_teams"), markup.relative(PAGE, "teams/index.md"))
    return {"rows": rows, "more": pagination.more_rows_note(len(still_in), teams)}


def _release(ctx: Context) -> dict[str, object]:
    """The newest data release, from data/CHANGELOG.yml: its version, date and notes, and the changelog's address."""
    latest = ctx.inputs.release.releases[0]
    notes = latest.notes_ko if lang() == "ko" and latest.notes_ko else latest.notes
    return {
        "line": t("glance.changed.release", version=latest.version, date=format_date(latest.date)),
        "notes": notes,
        "changelog": markup.anchor(t("glance.changed.changelog"), markup.relative(PAGE, "data/changelog.md")),
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
