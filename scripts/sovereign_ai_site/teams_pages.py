"""The teams section: a comparison table and one page per consortium."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from sovereign_ai_site import i18n, markup, pagination
from sovereign_ai_site.cite import Citations, as_of
from sovereign_ai_site.i18n import local, not_published, tr, value_label
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.render import format_date, format_gpus, format_krw, format_number, render
from sovereign_ai_site.tables import each_row

if TYPE_CHECKING:
    from sovereign_ai_site.pages import Context

STATUS_ORDER = ("active", "eliminated", "not-selected", "not-shortlisted")
# Enumeration values of the teams and funding packages, as the Korean site shows them.
_STATUS_KO = {"active": "참여 중", "eliminated": "탈락", "not-selected": "미선정", "not-shortlisted": "서면평가 탈락"}
_ORG_TYPE_KO = {"company": "기업", "university": "대학", "research-institute": "연구기관", "public-body": "공공기관", "other": "기타"}
_ROLE_KO = {"lead": "주관기관", "member": "참여기관"}
OUTCOME_KO = {
    "applied": "응모", "shortlisted": "서면평가 통과", "not-shortlisted": "서면평가 탈락", "selected": "선정", "not-selected": "미선정",
    "advanced": "다음 단계 진출", "eliminated": "탈락", "added": "추가 선정", "declined": "불참",
}
_SUPPORT_KIND_KO = {"gpu": "GPU", "data": "데이터", "talent": "인재", "total": "총액"}
FIGURE_KIND_KO = {"announced": "발표", "allocated": "배정", "planned": "계획", "reported-by-team": "팀 발표"}


def short_names(catalog: Catalog, lang: str) -> pd.Series:
    """Team names by team_id without the word "consortium", as charts and lists show them."""
    teams = catalog.table("teams", "teams").set_index("team_id")
    names = pd.Series([local(t, "name", lang) for t in each_row(teams)], index=teams.index, dtype="string")
    return names.str.removesuffix(tr(lang, ko=" 컨소시엄", en=" consortium"))


def teams_pages(ctx: Context) -> dict[str, str]:
    catalog, cite, lang = ctx.catalog, ctx.cite, i18n.lang()
    teams = catalog.table("teams", "teams")
    orgs = catalog.table("teams", "organisations").set_index("org_id")
    members = catalog.table("teams", "members")
    other = "en" if lang == "ko" else "ko"
    order = teams.assign(rank=teams["status"].map(STATUS_ORDER.index), name=[local(t, "name", lang) for t in each_row(teams)])
    ordered = list(each_row(order.sort_values(["rank", "name"])))
    paths = pagination.page_paths("teams/index.md", len(ordered))
    member_counts = members["team_id"].value_counts()
    pages = {}
    for number, path in enumerate(paths, start=1):
        shown = pagination.chunk(ordered, number)
        rows = [
            [
                markup.anchor(t.name, markup.relative(path, f"teams/{t.team_id}.md")),
                getattr(t, f"name_{other}"),
                local(orgs.loc[t.lead_org_id], "name", lang),
                t.model_family,
                value_label(t.status, _STATUS_KO, lang),
                int(member_counts.get(t.team_id, 0)),
            ]
            for t in shown
        ]
        pager = pagination.pager(paths, number, len(ordered), lang)
        pages[path] = render(f"teams.{lang}.md.jinja", rows=rows, pager=pager, cite=cite.all([t.source_ids for t in shown], path))
    rows_of, stages = _TeamRows(catalog, orgs), catalog.table("program", "stages").set_index("stage_id")
    totals, today = _total_points(catalog), format_date(as_of(catalog), lang=lang)
    for team in each_row(teams):
        page = f"teams/{team.team_id}.md"
        pages[page] = team_page(rows_of, orgs, stages, totals, today, cite, team, page, lang)
    return pages


class _TeamRows:
    """Each team's rows of the tables a team page lists, split once rather than filtered per team."""

    def __init__(self, catalog: Catalog, orgs: pd.DataFrame):
        tables = {
            "members": catalog.table("teams", "members").merge(orgs, left_on="org_id", right_index=True, suffixes=("", "_org")),
            "outcomes": catalog.table("teams", "outcomes"),
            **({"models": catalog.table("models", "models")} if "models" in catalog.packages else {}),
            **({"support": catalog.table("funding", "support")} if "funding" in catalog.packages else {}),
            **({"scores": catalog.table("evaluations", "scores").query("criterion_id == 'total'")} if "evaluations" in catalog.packages else {}),
        }
        self._empty = {name: table.iloc[0:0] for name, table in tables.items()}
        self._groups = {name: dict(tuple(table.groupby("team_id", sort=False))) for name, table in tables.items()}

    def __call__(self, name: str, team_id: str) -> pd.DataFrame | None:
        """The team's rows of ``name`` in file order; None where its package is absent."""
        if name not in self._groups:
            return None
        return self._groups[name].get(team_id, self._empty[name])


def _total_points(catalog: Catalog) -> dict[str, float]:
    """The maximum total score of each evaluated stage."""
    if "evaluations" not in catalog.packages:
        return {}
    criteria = catalog.table("evaluations", "criteria")
    totals = criteria[criteria["criterion_id"] == "total"]
    return dict(zip(totals["stage_id"], totals["points_max"]))


def _total_score(stage_id: str, scores: pd.Series, totals: dict[str, float], as_of: str, lang: str) -> str:
    """The team's published total in an evaluated stage, or that none was published; empty for other stages."""
    if stage_id not in totals:
        return ""
    if stage_id in scores.index:
        return f"{format_number(scores[stage_id])} / {format_number(totals[stage_id])}"
    return not_published(as_of, lang)


def team_page(
    rows_of: _TeamRows, orgs: pd.DataFrame, stages: pd.DataFrame, totals: dict[str, float], today: str, cite: Citations, team, page: str, lang: str
) -> str:
    members = rows_of("members", team.team_id)
    members = members.assign(is_lead=members["role"] == "lead", name=[local(m, "name", lang) for m in each_row(members)])
    members = members.sort_values(["is_lead", "org_type", "name"], ascending=[False, True, True])
    outcomes = rows_of("outcomes", team.team_id).sort_values(["decided_on", "stage_id"])
    scored = rows_of("scores", team.team_id)
    scores = scored.set_index("stage_id")["score"] if scored is not None else pd.Series(dtype=float)
    other = "en" if lang == "ko" else "ko"
    facts = [
        [tr(lang, ko="영문 이름", en="Korean name"), getattr(team, f"name_{other}")],
        [tr(lang, ko="주관기관", en="Lead organisation"), local(orgs.loc[team.lead_org_id], "name", lang)],
        [tr(lang, ko="상태", en="Status"), value_label(team.status, _STATUS_KO, lang)],
        [tr(lang, ko="모델 계열", en="Model family"), team.model_family],
        [tr(lang, ko="참여 기관 수(발표 기준)", en="Members (reported count)"), format_number(team.member_count_reported)],
        [tr(lang, ko="메모", en="Note"), local(team, "note", lang)],
        [tr(lang, ko="출처", en="Sources"), cite.links(team.source_ids, page)],
    ]
    stage_rows = [
        [
            local(stages.loc[o.stage_id], "name", lang),
            value_label(o.outcome, OUTCOME_KO, lang),
            format_date(o.decided_on, lang=lang),
            _total_score(o.stage_id, scores, totals, today, lang),
            local(o, "reason", lang),
            cite.links(o.source_ids, page),
        ]
        for o in each_row(outcomes)
    ]
    member_rows = [
        [
            m.name,
            getattr(m, f"name_{other}"),
            value_label(m.org_type, _ORG_TYPE_KO, lang),
            value_label(m.role, _ROLE_KO, lang),
            format_date(m.joined_on, lang=lang),
            cite.links(m.source_ids, page),
        ]
        for m in each_row(members)
    ]
    return render(
        f"team.{lang}.md.jinja",
        name=local(team, "name", lang),
        facts=facts,
        stage_rows=stage_rows,
        member_rows=member_rows,
        model_rows=_model_rows(rows_of("models", team.team_id), cite, page, lang),
        support_rows=_support_rows(rows_of("support", team.team_id), cite, page, lang),
    )


def _model_rows(models: pd.DataFrame | None, cite: Citations, page: str, lang: str) -> list[list[object]]:
    if models is None:
        return []
    models = models.sort_values(["released_on", "name"], na_position="last")
    return [
        [
            markup.link(m.name, m.weights_url),
            format_date(m.released_on, m.release_date_precision, lang),
            format_number(m.params_total_b),
            format_number(m.params_active_b),
            m.licence,
            cite.links(m.source_ids, page),
        ]
        for m in each_row(models)
    ]


def _support_rows(support: pd.DataFrame | None, cite: Citations, page: str, lang: str) -> list[list[object]]:
    if support is None:
        return []
    return [
        [
            value_label(s.support_kind, _SUPPORT_KIND_KO, lang),
            format_krw(s.amount_krw, lang),
            format_gpus(s.gpu_count, s.gpu_model, lang),
            value_label(s.figure_kind, FIGURE_KIND_KO, lang),
            local(s, "description", lang),
            cite.links(s.source_ids, page),
        ]
        for s in each_row(support)
    ]

