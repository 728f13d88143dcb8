"""The strategy page: the national AI policy around the programme, the AI budget and national GPU purchases."""

from __future__ import annotations

import pandas as pd

from sovereign_ai_site import charts
from sovereign_ai_site.chart_blocks import Chart, render_chart
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.disputes import disputed
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.render import format_date, format_krw, format_number, render

PAGE = "strategy/index.md"
# Headings for the facts' topics (the descriptor's enum), in page order.
TOPICS = {
    "committee": "National AI Strategy Committee",
    "goal": "National AI goals",
    "action-plan": "Korea AI Action Plan",
    "ai-basic-act": "AI Basic Act",
    "growth-fund": "National Growth Fund",
}
FIGURE_KINDS = ("enacted", "proposed", "reported")
BUDGET_CLAIMS = "ai-budget-"  # claims topics about the AI budget start with this
SOURCE = "the strategy package of this site (government releases and news reports)"


def strategy_pages(catalog: Catalog, cite: Citations, as_of: str) -> dict[str, str]:
    claims = disputed(catalog, cite, PAGE)
    budget = catalog.table("strategy", "ai_budget")
    budget = budget.assign(rank=budget["figure_kind"].map(FIGURE_KINDS.index)).sort_values(["fiscal_year", "rank"])
    budget_chart, budget_files = _budget_chart(budget, as_of)
    procurement = _procurement(catalog, as_of)
    gpu_chart, gpu_files = _procurement_chart(procurement, as_of)
    return {
        PAGE: render(
            "strategy.md.jinja",
            topics=_topics(catalog, cite, claims),
            budget_chart=budget_chart,
            budget_rows=[
                [int(b.fiscal_year), b.figure_kind, format_krw(b.amount_krw), b.note_en, cite.links(b.source_ids, PAGE)]
                for b in budget.itertuples()
            ],
            budget_claims=[d for d in claims if d["topic"].startswith(BUDGET_CLAIMS)],
            gpu_chart=gpu_chart,
            programmes=_programmes(procurement, cite),
            as_of=as_of,
        ),
        **budget_files,
        **gpu_files,
    }


def _topics(catalog: Catalog, cite: Citations, claims: list[dict]) -> list[dict]:
    """Facts grouped by topic, each with the disputed figures whose claims topic starts with it."""
    facts = catalog.table("strategy", "facts").sort_values(["as_of", "fact_id"])
    order = [*TOPICS, *sorted(set(facts["topic"]) - TOPICS.keys())]
    return [
        {
            "title": TOPICS.get(topic, topic),
            "rows": [
                [f.label_en, f.value_en, format_date(f.as_of), f.note_en, cite.links(f.source_ids, PAGE)] for f in group.itertuples()
            ],
            "ids": list(group["fact_id"]),
            "disputed": [d for d in claims if d["topic"].startswith(f"{topic}-")],
        }
        for topic in order
        if not (group := facts[facts["topic"] == topic]).empty
    ]


def _budget_chart(budget: pd.DataFrame, as_of: str):
    table = pd.DataFrame(
        {
            "Fiscal year": budget["fiscal_year"].astype(int),
            "Kind of figure": budget["figure_kind"],
            "Amount (won)": budget["amount_krw"].astype(int),
            "Amount": budget["amount_krw"].map(format_krw),
        }
    )
    years = "; ".join(
        f"{year}: " + ", ".join(f"{format_krw(r.amount_krw)} ({r.figure_kind})" for r in rows.itertuples())
        for year, rows in budget.groupby("fiscal_year")
    )
    return render_chart(
        Chart(
            page=PAGE,
            slug="ai-budget",
            title="Government-wide AI budget by fiscal year and kind of figure (won)",
            figure=charts.budget_figure(table),
            table=table,
            summary=(
                f"The government's AI budget across all ministries, by fiscal year: {years}. Proposed is the government's "
                "proposal, enacted the budget passed, and reported a figure published later whose legal status was not stated."
            ),
            source=SOURCE,
            as_of=as_of,
            height_px=140 + 60 * len(table),
        )
    )


def _procurement(catalog: Catalog, as_of: str) -> pd.DataFrame:
    """Procurement rows by programme (dated first), each marked whether it is its programme's total."""
    rows = catalog.table("strategy", "gpu_procurement")
    first = rows.groupby("programme_en")["announced_on"].transform(lambda d: d.dropna().min() if d.notna().any() else None)
    rows = rows.assign(
        first=first,
        announced=[format_date(d) or f"not published as of {as_of}" for d in rows["announced_on"]],
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


def _procurement_chart(procurement: pd.DataFrame, as_of: str):
    parts = procurement[~procurement["is_total"] & procurement["gpu_count"].notna()]
    table = pd.DataFrame(
        {
            "Programme": parts["programme_en"],
            "Announced": parts["announced"],
            "Recipient": parts["recipient_en"],
            "GPU model": parts["gpu_model"],
            "GPUs": parts["gpu_count"].astype(int),
            "Cost (won)": parts["amount_krw"],
        }
    )
    sums = parts.groupby("programme_en", sort=False)["gpu_count"].agg(["sum", "size"])
    summary = "GPUs by recipient for each purchase or supply announcement: " + "; ".join(
        f"{programme}, {format_number(row['sum'])} GPUs for {row['size']} recipient{'s' if row['size'] > 1 else ''}"
        for programme, row in sums.iterrows()
    ) + ". Counts are as announced; see the notes below for upper bounds and weak sources."
    return render_chart(
        Chart(
            page=PAGE,
            slug="gpu-procurement",
            title="National GPU purchases and supply announcements, split by recipient",
            figure=charts.procurement_figure(table),
            table=table,
            summary=summary,
            source=SOURCE,
            as_of=as_of,
            height_px=180 + 50 * len(table),
        )
    )


def _programmes(procurement: pd.DataFrame, cite: Citations) -> list[dict]:
    return [
        {
            "title": programme,
            "rows": [
                [r.recipient_en, r.announced, r.gpu_model, format_number(r.gpu_count),
                 format_krw(r.amount_krw), r.note_en, cite.links(r.source_ids, PAGE)]
                for r in rows.itertuples()
            ],
            "ids": list(rows["procurement_id"]),
        }
        for programme, rows in procurement.groupby("programme_en", sort=False)
    ]
