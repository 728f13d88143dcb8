"""The teams section: a comparison table and one page per consortium."""

from __future__ import annotations


from sovereign_ai_site import markup
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.render import format_date, format_gpus, format_krw, format_number, render

STATUS_ORDER = ("active", "eliminated", "not-selected", "not-shortlisted")


def teams_pages(catalog: Catalog, cite: Citations) -> dict[str, str]:
    teams = catalog.table("teams", "teams")
    orgs = catalog.table("teams", "organisations").set_index("org_id")
    members = catalog.table("teams", "members")
    order = teams.assign(rank=teams["status"].map(STATUS_ORDER.index)).sort_values(["rank", "name_en"])
    rows = [
        [
            markup.anchor(t.name_en, markup.relative("teams/index.md", f"teams/{t.team_id}.md")),
            t.name_ko,
            orgs.loc[t.lead_org_id, "name_en"],
            t.model_family,
            t.status,
            int((members["team_id"] == t.team_id).sum()),
        ]
        for t in order.itertuples()
    ]
    pages = {"teams/index.md": render("teams.md.jinja", rows=rows, cite=cite.all(list(teams["source_ids"]), "teams/index.md"))}
    for team in teams.itertuples():
        page = f"teams/{team.team_id}.md"
        pages[page] = team_page(catalog, cite, team, page)
    return pages


def team_page(catalog: Catalog, cite: Citations, team, page: str) -> str:
    orgs = catalog.table("teams", "organisations").set_index("org_id")
    stages = catalog.table("program", "stages").set_index("stage_id")
    members = catalog.table("teams", "members").query("team_id == @team.team_id").merge(
        orgs, left_on="org_id", right_index=True, suffixes=("", "_org")
    )
    members = members.assign(is_lead=members["role"] == "lead").sort_values(["is_lead", "org_type", "name_en"], ascending=[False, True, True])
    outcomes = catalog.table("teams", "outcomes").query("team_id == @team.team_id")
    outcomes = outcomes.sort_values(["decided_on", "stage_id"])
    facts = [
        ["Korean name", team.name_ko],
        ["Lead organisation", orgs.loc[team.lead_org_id, "name_en"]],
        ["Status", team.status],
        ["Model family", team.model_family],
        ["Members (reported count)", format_number(team.member_count_reported)],
        ["Note", team.note_en],
        ["Sources", cite.links(team.source_ids, page)],
    ]
    stage_rows = [
        [stages.loc[o.stage_id, "name_en"], o.outcome, format_date(o.decided_on), o.reason_en, cite.links(o.source_ids, page)]
        for o in outcomes.itertuples()
    ]
    member_rows = [
        [m.name_en, m.name_ko, m.org_type, m.role, format_date(m.joined_on), cite.links(m.source_ids, page)] for m in members.itertuples()
    ]
    return render(
        "team.md.jinja",
        team=team,
        facts=facts,
        stage_rows=stage_rows,
        member_rows=member_rows,
        model_rows=_model_rows(catalog, cite, team.team_id, page),
        support_rows=_support_rows(catalog, cite, team.team_id, page),
    )


def _model_rows(catalog: Catalog, cite: Citations, team_id: str, page: str) -> list[list[object]]:
    if "models" not in catalog.packages:
        return []
    models = catalog.table("models", "models").query("team_id == @team_id").sort_values(["released_on", "name"], na_position="last")
    return [
        [markup.link(m.name, m.weights_url), format_date(m.released_on), format_number(m.params_total_b), format_number(m.params_active_b), m.licence, cite.links(m.source_ids, page)]
        for m in models.itertuples()
    ]


def _support_rows(catalog: Catalog, cite: Citations, team_id: str, page: str) -> list[list[object]]:
    if "funding" not in catalog.packages:
        return []
    support = catalog.table("funding", "support").query("team_id == @team_id")
    return [
        [s.support_kind, format_krw(s.amount_krw), format_gpus(s.gpu_count, s.gpu_model), s.figure_kind, s.description_en, cite.links(s.source_ids, page)]
        for s in support.itertuples()
    ]
