"""The strategy page: the national AI policy around the programme, the AI budget and national GPU purchases."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from sovereign_ai_site import charts
from sovereign_ai_site.chart_blocks import Chart, headers, render_chart
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.disputes import disputed
from sovereign_ai_site.i18n import label, local, not_published, t
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.render import format_date, format_krw, format_number, render
from sovereign_ai_site.tables import each_row
from sovereign_ai_site.views import strategy as view

if TYPE_CHECKING:
    from sovereign_ai_site.pages import Context

PAGE = "strategy/index.md"
BUDGET_CLAIMS = "ai-budget-"  # claims topics about the AI budget start with this


def _values(field: dict) -> list[str]:
    """A field's allowed values in its categories' order."""
    return [c["value"] for c in field["categories"]]


def strategy_pages(ctx: Context) -> dict[str, str]:
    catalog, cite, as_of = ctx.catalog, ctx.cite, ctx.as_of
    fields = {resource: catalog.resource("strategy", resource).field for resource in ("facts", "ai_budget", "gpu_procurement")}
    claims = disputed(catalog, cite, PAGE)
    kind = fields["ai_budget"]["figure_kind"]
    budget = view.budget_in_order(catalog.table("strategy", "ai_budget"), _values(kind))
    budget = budget.assign(kind=[label(kind, k) for k in budget["figure_kind"]], amount=[format_krw(a) for a in budget["amount_krw"]])
    budget_chart, budget_files = _budget_chart(budget, fields["ai_budget"], as_of)
    procurement = _procurement(catalog, as_of)
    gpu_chart, gpu_files = _procurement_chart(procurement, fields["gpu_procurement"], as_of)
    return {
        PAGE: render(
            "strategy.md.jinja",
            fields=fields,
            topics=_topics(catalog, cite, claims, fields["facts"]["topic"]),
            budget_chart=budget_chart,
            budget_rows=[[int(b.fiscal_year), b.kind, b.amount, local(b, "note"), cite.links(b.source_ids, PAGE)] for b in each_row(budget)],
            budget_claims=[d for d in claims if d["topic"].startswith(BUDGET_CLAIMS)],
            gpu_chart=gpu_chart,
            programmes=_programmes(procurement, cite),
            as_of=as_of,
        ),
        **budget_files,
        **gpu_files,
    }


def _topics(catalog: Catalog, cite: Citations, claims: list[dict], topic: dict) -> list[dict]:
    """Facts grouped by topic (in the categories' order), each with the disputed figures whose claims topic starts with it."""
    facts = catalog.table("strategy", "facts").sort_values(["as_of", "fact_id"])
    order = _values(topic)
    order += sorted(set(facts["topic"]) - set(order))
    return [
        {
            "title": label(topic, value),
            "rows": [
                [local(f, "label"), local(f, "value"), format_date(f.as_of), local(f, "note"), cite.links(f.source_ids, PAGE)]
                for f in each_row(group)
            ],
            "ids": list(group["fact_id"]),
            "disputed": [d for d in claims if d["topic"].startswith(f"{value}-")],
        }
        for value in order
        if not (group := facts[facts["topic"] == value]).empty
    ]


def _budget_chart(budget: pd.DataFrame, fields: dict[str, dict], as_of: str):
    data = pd.DataFrame(
        {"fiscal_year": budget["fiscal_year"].astype(int), "figure_kind": budget["kind"], "amount_krw": budget["amount_krw"].astype(int)}
    ).assign(amount=budget["amount"])
    years = "; ".join(
        t("strategy.budget_year", year=year, figures=", ".join(f"{r.amount} ({r.kind})" for r in each_row(rows)))
        for year, rows in budget.groupby("fiscal_year")
    )
    figure = charts.budget_figure(data, headers(fields.values(), ["figure_kind"])["figure_kind"])
    tidy = budget[["fiscal_year", "figure_kind", "amount_krw"]]
    return render_chart(Chart(PAGE, "ai-budget", "strategy", figure, data, headers(fields.values(), data.columns),
                              t("strategy.budget_summary", years=years), as_of, tidy))


def _procurement(catalog: Catalog, as_of: str) -> pd.DataFrame:
    """Procurement rows by programme (dated first), each marked whether it is its programme's total."""
    rows = view.procurement_in_order(catalog.table("strategy", "gpu_procurement"))
    missing = not_published(as_of)
    return rows.assign(
        announced=[format_date(d) or missing for d in rows["announced_on"]],
        programme=[local(r, "programme") for r in each_row(rows)],
        recipient=[local(r, "recipient") for r in each_row(rows)],
    )


def _procurement_chart(procurement: pd.DataFrame, fields: dict[str, dict], as_of: str):
    parts = view.charted_parts(procurement)
    data = pd.DataFrame(
        {
            "programme": parts["programme"],
            "announced_on": parts["announced"],
            "recipient": parts["recipient"],
            "gpu_model": parts["gpu_model"],
            "gpus": parts["gpu_count"].astype(int),
            "cost_krw": parts["amount_krw"],
        }
    )
    sums = parts.groupby("programme", sort=False)["gpu_count"].agg(["sum", "size"])
    listed = "; ".join(
        t("strategy.procurement_part" if row["size"] > 1 else "strategy.procurement_part_one", programme=p, gpus=format_number(row["sum"]),
          recipients=row["size"])
        for p, row in sums.iterrows()
    )
    tidy = parts[["procurement_id", "announced_on", "programme_en", "programme_ko", "recipient_en", "recipient_ko", "gpu_model",
                  "gpu_count", "amount_krw"]]
    return render_chart(Chart(PAGE, "gpu-procurement", "strategy", charts.procurement_figure(data), data, headers(fields.values(), data.columns),
                              t("strategy.procurement_summary", programmes=listed), as_of, tidy))


def _programmes(procurement: pd.DataFrame, cite: Citations) -> list[dict]:
    return [
        {
            "title": programme,
            "rows": [
                [r.recipient, r.announced, r.gpu_model, format_number(r.gpu_count),
                 format_krw(r.amount_krw), local(r, "note"), cite.links(r.source_ids, PAGE)]
                for r in each_row(rows)
            ],
            "ids": list(rows["procurement_id"]),
        }
        for programme, rows in procurement.groupby("programme", sort=False)
    ]
