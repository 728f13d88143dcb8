"""The teams section: a comparison table and one page per consortium."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from markupsafe import Markup

from sovereign_ai_site import markup, pagination
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.i18n import described, label, local, not_published, other, t
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.page_meta import with_meta
from sovereign_ai_site.render import format_date, format_gpus, format_krw, format_number, render
from sovereign_ai_site.share_images import share_image_path
from sovereign_ai_site.tables import each_row
from sovereign_ai_site.views import aliases as other_spellings
from sovereign_ai_site.views import teams as view
from sovereign_ai_site.views.home import stages_in_order

if TYPE_CHECKING:
    from sovereign_ai_site.pages import Context

def teams_pages(ctx: Context) -> dict[str, str]:
    catalog, cite = ctx.catalog, ctx.cite
    teams = catalog.table("teams", "teams")
    orgs = catalog.table("teams", "organisations").set_index("org_id")
    names = pd.Series([local(team, "name") for team in each_row(teams)], index=teams["team_id"])
    ordered = list(each_row(view.in_status_order(catalog, names)))
    paths = pagination.page_paths("teams/index.md", len(ordered))
    member_counts, status = view.member_counts(catalog), catalog.resource("teams", "teams").field["status"]
    pages = {}
    for number, path in enumerate(paths, start=1):
        shown = pagination.chunk(ordered, number)
        rows = [
            [
                markup.anchor(local(team, "name"), markup.relative(path, f"teams/{team.team_id}.md")),
                getattr(team, f"name_{other()}"),
                local(orgs.loc[team.lead_org_id], "name"),
                team.model_family,
                label(status, team.status),
                int(member_counts.get(team.team_id, 0)),
            ]
            for team in shown
        ]
        pages[path] = render(
            "teams.md.jinja",
            fields=_fields(catalog),
            other=other(),
            rows=rows,
            pager=pagination.pager(paths, number, len(ordered)),
            cite=cite.all([team.source_ids for team in shown], path),
        )
    team_page = _TeamPage(catalog, cite, ctx.as_of)
    for team in each_row(teams):
        page = f"teams/{team.team_id}.md"
        pages[page] = team_page(team, page)
    return pages


def _fields(catalog: Catalog) -> dict[str, dict[str, dict]]:
    """The descriptors of the fields a teams page shows as they are, by resource (absent packages left out)."""
    resources = {"teams": ("teams", "teams"), "members": ("teams", "members"), "orgs": ("teams", "organisations"), "outcomes": ("teams", "outcomes")}
    resources |= {"models": ("models", "models")} if "models" in catalog.packages else {}
    resources |= {"support": ("funding", "support")} if "funding" in catalog.packages else {}
    return {name: catalog.resource(*where).field for name, where in resources.items()}


class _TeamPage:
    """One consortium's page: its facts, its path through the stages, its members, models and support."""

    def __init__(self, catalog: Catalog, cite: Citations, as_of: str):
        self.rows_of, self.cite, self.as_of = view.TeamRows(catalog), cite, as_of
        self.catalog = catalog
        self.orgs = catalog.table("teams", "organisations").set_index("org_id")
        self.stages = catalog.table("program", "stages").set_index("stage_id")
        self.totals = view.total_points(catalog)
        self.fields = _fields(catalog)
        self.stages_in_order = stages_in_order(catalog)

    def __call__(self, team, page: str) -> str:
        fields, cite = self.fields, self.cite
        members = self.rows_of("members", team.team_id)
        members = view.members_in_order(members, [local(m, "name") for m in each_row(members)])
        outcomes = self.rows_of("outcomes", team.team_id).sort_values(["decided_on", "stage_id"])
        scores = view.total_scores(self.rows_of("scores", team.team_id))
        shown = fields["teams"]
        facts = [
            [described(shown[f"name_{other()}"], "title"), getattr(team, f"name_{other()}")],
            [described(shown["lead_org_id"], "title"), local(self.orgs.loc[team.lead_org_id], "name")],
            [described(shown["status"], "title"), label(shown["status"], team.status)],
            [described(shown["model_family"], "title"), team.model_family],
            [described(shown["member_count_reported"], "title"), format_number(team.member_count_reported)],
            [t("team.note"), local(team, "note")],
            [described(shown["source_ids"], "title"), cite.links(team.source_ids, page)],
        ]
        models, support = self.rows_of("models", team.team_id), self.rows_of("support", team.team_id)
        aliases = self._aliases(team, models, page)
        if aliases:
            facts.insert(2, [t("search_aliases.also_written_as"), aliases])
        stage_rows = [
            [
                local(self.stages.loc[o.stage_id], "name"),
                label(fields["outcomes"]["outcome"], o.outcome),
                format_date(o.decided_on),
                self._total_score(o.stage_id, scores),
                local(o, "reason"),
                cite.links(o.source_ids, page),
            ]
            for o in each_row(outcomes)
        ]
        member_rows = [
            [
                m.name,
                getattr(m, f"name_{other()}"),
                label(fields["orgs"]["org_type"], m.org_type),
                label(fields["members"]["role"], m.role),
                format_date(m.joined_on),
                cite.links(m.source_ids, page),
            ]
            for m in each_row(members)
        ]
        page_markdown = render(
            "team.md.jinja",
            card=self._card(team, outcomes, scores, models, support, len(members)),
            name=local(team, "name"),
            fields=fields,
            other=other(),
            facts=facts,
            stage_rows=stage_rows,
            member_rows=member_rows,
            model_rows=self._model_rows(models, page),
            support_rows=self._support_rows(support, page),
        )
        return with_meta(page_markdown, description=self._description(team, outcomes), image=share_image_path("team"))

    def _description(self, team, outcomes: pd.DataFrame) -> str:
        """The page's description for search results and link previews: the team's status, its latest
        outcome and who leads it, as plain text."""
        fields = self.fields
        text = t(
            "sharing.team",
            name=local(team, "name"),
            status=label(fields["teams"]["status"], team.status),
            lead=local(self.orgs.loc[team.lead_org_id], "name"),
        )
        if len(outcomes):
            latest = outcomes.iloc[-1]
            stage, outcome = local(self.stages.loc[latest.stage_id], "name"), label(fields["outcomes"]["outcome"], latest.outcome)
            text += " " + t("sharing.team_latest", stage=stage, outcome=outcome, date=format_date(latest.decided_on))
        return text

    def _aliases(self, team, models: pd.DataFrame | None, page: str) -> Markup:
        """Other spellings of the lead organisation's name and the team's models' names, each with its sources
        (shown to readers, and so found by the site's search)."""
        names = {} if models is None else dict(zip(models["model_id"], models["name"]))
        found = other_spellings.for_team(self.catalog, team.lead_org_id, list(names))
        return Markup("; ").join(
            markup.h(t("search_aliases.model_alias", alias=a.alias, model=names[a.model_id]) if pd.notna(a.model_id) else a.alias)
            + Markup(" (") + self.cite.links(a.source_ids, page) + Markup(")")
            for a in found.itertuples()
        )

    def _card(self, team, outcomes: pd.DataFrame, scores: pd.Series, models: pd.DataFrame | None, support: pd.DataFrame | None, members: int) -> Markup:
        """The summary at the top of a team's page: its status, the stages it went through drawn as a track
        (and the next one while it is in the programme), its totals by phase, its models, GPUs and members."""
        fields, h = self.fields, markup.h
        outcome = fields["outcomes"]["outcome"]
        steps = [
            Markup('<li class="track__step track__step--{}"><span class="track__stage">{}</span> <span class="track__outcome">{}</span></li>').format(
                "passed" if o.outcome in view.PASSED else "ended" if o.outcome in view.ENDED else "other",
                h(local(self.stages.loc[o.stage_id], "name")),
                h(label(outcome, o.outcome)),
            )
            for o in each_row(outcomes)
        ]
        if team.status == "active":
            for stage in each_row(view.next_stages(self.stages_in_order, outcomes)):
                when = format_date(stage.decided_on) if not pd.isna(stage.decided_on) else not_published(self.as_of)
                steps.append(
                    Markup('<li class="track__step track__step--next"><span class="track__stage">{}</span> <span class="track__outcome">{}</span></li>').format(
                        h(local(stage, "name")), h(t("team_card.next", date=when))
                    )
                )
        phases = [
            Markup("<li>{}: {}</li>").format(h(local(self.stages.loc[stage_id], "name")), h(self._total_score(stage_id, scores)))
            for stage_id in self.stages_in_order["stage_id"]
            if stage_id in self.totals and stage_id in set(outcomes["stage_id"])
        ]
        model_names = [] if models is None else sorted(models["name"])
        gpus = []
        if support is not None:
            figure = fields["support"]["figure_kind"]
            gpus = [
                t("team_card.gpus", gpus=format_gpus(s.gpu_count, s.gpu_model), kind=label(figure, s.figure_kind))
                for s in each_row(support)
                if not pd.isna(s.gpu_count)
            ]
        none = t("team_card.none")
        items = [
            (described(fields["teams"]["status"], "title"), h(label(fields["teams"]["status"], team.status))),
            (t("team_card.track"), Markup('<ol class="track">{}</ol>').format(Markup("").join(steps)) if steps else h(none)),
            (t("team_card.scores"), Markup('<ul class="team-card__list">{}</ul>').format(Markup("").join(phases)) if phases else h(none)),
            (t("team.models_heading"), h(", ".join(model_names) or none)),
            (t("team_card.gpus_heading"), h("; ".join(gpus) or none)),
            (t("team.members_heading"), h(t("team_card.members", count=members) if members else none)),
        ]
        body = Markup("").join(Markup('<div class="team-card__item"><dt>{}</dt><dd>{}</dd></div>').format(h(k), v) for k, v in items)
        return Markup('<section class="team-card" aria-label="{}"><dl>{}</dl></section>').format(h(t("team_card.label")), body)

    def _total_score(self, stage_id: str, scores: pd.Series) -> str:
        """The team's published total in an evaluated stage, or that none was published; empty for other stages."""
        if stage_id not in self.totals:
            return ""
        if stage_id in scores.index:
            return t("team.score_of", score=format_number(scores[stage_id]), total=format_number(self.totals[stage_id]))
        return not_published(self.as_of)

    def _model_rows(self, models: pd.DataFrame | None, page: str) -> list[list[object]]:
        if models is None:
            return []
        models = models.sort_values(["released_on", "name"], na_position="last")
        return [
            [
                markup.link(m.name, m.weights_url),
                format_date(m.released_on, m.release_date_precision),
                format_number(m.params_total_b),
                format_number(m.params_active_b),
                m.licence,
                self.cite.links(m.source_ids, page),
            ]
            for m in each_row(models)
        ]

    def _support_rows(self, support: pd.DataFrame | None, page: str) -> list[list[object]]:
        if support is None:
            return []
        kind, figure = self.fields["support"]["support_kind"], self.fields["support"]["figure_kind"]
        return [
            [
                label(kind, s.support_kind),
                format_krw(s.amount_krw),
                format_gpus(s.gpu_count, s.gpu_model),
                label(figure, s.figure_kind),
                local(s, "description"),
                self.cite.links(s.source_ids, page),
            ]
            for s in each_row(support)
        ]
