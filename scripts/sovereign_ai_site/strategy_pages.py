"""The strategy page: the national AI policy around the programme, the AI budget and national GPU purchases."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from sovereign_ai_site import charts, i18n
from sovereign_ai_site.chart_blocks import Chart, render_chart
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.disputes import disputed
from sovereign_ai_site.i18n import local, not_published, tr, value_label
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.render import format_date, format_krw, format_number, render
from sovereign_ai_site.tables import each_row

if TYPE_CHECKING:
    from sovereign_ai_site.pages import Context

PAGE = "strategy/index.md"
# Headings for the facts' topics (the descriptor's enum), in page order: (Korean, English).
TOPICS = {
    "committee": ("국가인공지능전략위원회", "National AI Strategy Committee"),
    "goal": ("국가 AI 목표", "National AI goals"),
    "action-plan": ("대한민국 인공지능행동계획", "Korea AI Action Plan"),
    "ai-basic-act": ("인공지능 기본법", "AI Basic Act"),
    "growth-fund": ("국민성장펀드", "National Growth Fund"),
}
FIGURE_KINDS = ("enacted", "proposed", "reported")
_FIGURE_KIND_KO = {"enacted": "확정 예산", "proposed": "정부안", "reported": "발표 수치"}
BUDGET_CLAIMS = "ai-budget-"  # claims topics about the AI budget start with this


def strategy_pages(ctx: Context) -> dict[str, str]:
    catalog, cite, as_of, lang = ctx.catalog, ctx.cite, ctx.as_of, i18n.lang()
    claims = disputed(catalog, cite, PAGE, lang=lang)
    budget = catalog.table("strategy", "ai_budget")
    budget = budget.assign(
        rank=budget["figure_kind"].map(FIGURE_KINDS.index),
        kind=[value_label(k, _FIGURE_KIND_KO, lang) for k in budget["figure_kind"]],
        amount=[format_krw(a, lang) for a in budget["amount_krw"]],
    ).sort_values(["fiscal_year", "rank"])
    budget_chart, budget_files = _budget_chart(budget, as_of, lang)
    procurement = _procurement(catalog, as_of, lang)
    gpu_chart, gpu_files = _procurement_chart(procurement, as_of, lang)
    return {
        PAGE: render(
            f"strategy.{lang}.md.jinja",
            topics=_topics(catalog, cite, claims, lang),
            budget_chart=budget_chart,
            budget_rows=[
                [int(b.fiscal_year), b.kind, b.amount, local(b, "note", lang), cite.links(b.source_ids, PAGE)] for b in each_row(budget)
            ],
            budget_claims=[d for d in claims if d["topic"].startswith(BUDGET_CLAIMS)],
            gpu_chart=gpu_chart,
            programmes=_programmes(procurement, cite, lang),
            as_of=as_of,
        ),
        **budget_files,
        **gpu_files,
    }


def _source(lang: str) -> str:
    return tr(
        lang,
        ko="이 사이트의 strategy 패키지(정부 보도자료와 언론 보도)",
        en="the strategy package of this site (government releases and news reports)",
    )


def _topics(catalog: Catalog, cite: Citations, claims: list[dict], lang: str) -> list[dict]:
    """Facts grouped by topic, each with the disputed figures whose claims topic starts with it."""
    facts = catalog.table("strategy", "facts").sort_values(["as_of", "fact_id"])
    order = [*TOPICS, *sorted(set(facts["topic"]) - TOPICS.keys())]
    return [
        {
            "title": tr(lang, ko=TOPICS[topic][0], en=TOPICS[topic][1]) if topic in TOPICS else topic,
            "rows": [
                [local(f, "label", lang), local(f, "value", lang), format_date(f.as_of, lang=lang), local(f, "note", lang),
                 cite.links(f.source_ids, PAGE)]
                for f in each_row(group)
            ],
            "ids": list(group["fact_id"]),
            "disputed": [d for d in claims if d["topic"].startswith(f"{topic}-")],
        }
        for topic in order
        if not (group := facts[facts["topic"] == topic]).empty
    ]


def _budget_chart(budget: pd.DataFrame, as_of: str, lang: str):
    data = pd.DataFrame(
        {
            "fiscal_year": budget["fiscal_year"].astype(int),
            "kind": budget["kind"],
            "amount_krw": budget["amount_krw"].astype(int),
            "amount": budget["amount"],
        }
    )
    headers = {
        "fiscal_year": tr(lang, ko="회계연도", en="Fiscal year"), "kind": tr(lang, ko="수치 종류", en="Kind of figure"),
        "amount_krw": tr(lang, ko="금액(원)", en="Amount (won)"), "amount": tr(lang, ko="금액", en="Amount"),
    }
    years = "; ".join(
        f"{year}{tr(lang, ko='년', en='')}: " + ", ".join(f"{r.amount} ({r.kind})" for r in each_row(rows))
        for year, rows in budget.groupby("fiscal_year")
    )
    summary = tr(
        lang,
        ko=(
            f"모든 부처를 합친 정부 AI 예산, 회계연도별: {years}. 정부안은 정부가 제출한 예산안, 확정 예산은 국회를 통과한 예산, "
            "발표 수치는 나중에 발표되었으나 법적 지위가 밝혀지지 않은 수치입니다."
        ),
        en=(
            f"The government's AI budget across all ministries, by fiscal year: {years}. Proposed is the government's "
            "proposal, enacted the budget passed, and reported a figure published later whose legal status was not stated."
        ),
    )
    return render_chart(
        Chart(
            page=PAGE,
            slug="ai-budget",
            title=tr(
                lang,
                ko="정부 전체 AI 예산, 회계연도와 수치 종류별(원)",
                en="Government-wide AI budget by fiscal year and kind of figure (won)",
            ),
            figure=charts.budget_figure(data, lang),
            table=data.rename(columns=headers),
            summary=summary,
            source=_source(lang),
            as_of=as_of,
            lang=lang,
            height_px=140 + 60 * len(data),
        )
    )


def _procurement(catalog: Catalog, as_of: str, lang: str) -> pd.DataFrame:
    """Procurement rows by programme (dated first), each marked whether it is its programme's total."""
    rows = catalog.table("strategy", "gpu_procurement")
    first = rows.groupby("programme_en")["announced_on"].transform(lambda d: d.dropna().min() if d.notna().any() else None)
    missing = not_published(as_of, lang)
    rows = rows.assign(
        first=first,
        announced=[format_date(d, lang=lang) or missing for d in rows["announced_on"]],
        programme=[local(r, "programme", lang) for r in each_row(rows)],
        recipient=[local(r, "recipient", lang) for r in each_row(rows)],
        is_total=_totals(rows),
    )
    return rows.sort_values(
        ["first", "programme_en", "is_total", "gpu_count", "procurement_id"], ascending=[True, True, True, False, True], na_position="last"
    )


def _totals(rows: pd.DataFrame) -> pd.Series:
    """A row is its programme's total when its count equals the sum of the programme's other rows (two or more)."""
    def total(group: pd.DataFrame) -> pd.Series:
        others = group["gpu_count"].sum() - group["gpu_count"]
        return (len(group) > 2) & (group["gpu_count"] == others)
    return rows.groupby("programme_en", group_keys=False)[["gpu_count"]].apply(total).reindex(rows.index).astype(bool)


def _procurement_chart(procurement: pd.DataFrame, as_of: str, lang: str):
    parts = procurement[~procurement["is_total"] & procurement["gpu_count"].notna()]
    data = pd.DataFrame(
        {
            "programme": parts["programme"],
            "announced": parts["announced"],
            "recipient": parts["recipient"],
            "gpu_model": parts["gpu_model"],
            "gpus": parts["gpu_count"].astype(int),
            "amount_krw": parts["amount_krw"],
        }
    )
    headers = {
        "programme": tr(lang, ko="사업", en="Programme"), "announced": tr(lang, ko="발표일", en="Announced"),
        "recipient": tr(lang, ko="받는 곳", en="Recipient"), "gpu_model": tr(lang, ko="GPU 모델", en="GPU model"),
        "gpus": tr(lang, ko="GPU 수", en="GPUs"), "amount_krw": tr(lang, ko="비용(원)", en="Cost (won)"),
    }
    sums = parts.groupby("programme", sort=False)["gpu_count"].agg(["sum", "size"])
    if lang == "ko":
        listed = "; ".join(f"{p}: {row['size']}곳에 GPU {format_number(row['sum'])}장" for p, row in sums.iterrows())
        summary = f"GPU 구매·공급 발표별로 받는 곳마다 나눈 GPU 수입니다. {listed}. 수치는 발표된 그대로이며, 상한값과 근거가 약한 출처는 아래 메모를 참고하십시오."
    else:
        summary = "GPUs by recipient for each purchase or supply announcement: " + "; ".join(
            f"{p}, {format_number(row['sum'])} GPUs for {row['size']} recipient{'s' if row['size'] > 1 else ''}" for p, row in sums.iterrows()
        ) + ". Counts are as announced; see the notes below for upper bounds and weak sources."
    return render_chart(
        Chart(
            page=PAGE,
            slug="gpu-procurement",
            title=tr(lang, ko="국가 GPU 구매와 공급 발표, 받는 곳별", en="National GPU purchases and supply announcements, split by recipient"),
            figure=charts.procurement_figure(data, lang),
            table=data.rename(columns=headers),
            summary=summary,
            source=_source(lang),
            as_of=as_of,
            lang=lang,
            height_px=180 + 50 * len(data),
        )
    )


def _programmes(procurement: pd.DataFrame, cite: Citations, lang: str) -> list[dict]:
    return [
        {
            "title": programme,
            "rows": [
                [r.recipient, r.announced, r.gpu_model, format_number(r.gpu_count),
                 format_krw(r.amount_krw, lang), local(r, "note", lang), cite.links(r.source_ids, PAGE)]
                for r in each_row(rows)
            ],
            "ids": list(rows["procurement_id"]),
        }
        for programme, rows in procurement.groupby("programme", sort=False)
    ]
