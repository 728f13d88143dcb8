"""The funding page: support by kind, team and period, GPU counts, and the totals sources disagree on."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from markupsafe import Markup

from sovereign_ai_site import charts, markup, pagination
from sovereign_ai_site.chart_blocks import Chart, headers, render_chart
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.disputes import disputed
from sovereign_ai_site.i18n import described, label, local, not_published, t
from sovereign_ai_site.names import short_names
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.render import format_date, format_gpus, format_krw, format_number, render
from sovereign_ai_site.tables import each_row
from sovereign_ai_site.views import funding as view

if TYPE_CHECKING:
    from sovereign_ai_site.pages import Context

PAGE = "funding/index.md"


def funding_pages(ctx: Context) -> dict[str, str]:
    catalog, cite, as_of = ctx.catalog, ctx.cite, ctx.as_of
    fields = catalog.resource("funding", "support").field
    support = _support(catalog, fields, as_of)
    kind_chart, kind_files = _kind_chart(support, fields, as_of)
    gpu_chart, gpu_files = _gpu_chart(support, fields, as_of)
    sections = [_kind_section(kind, rows, fields, cite) for kind, rows in support.groupby("support_kind", sort=False)]
    topics = ctx.editorial.get("funding", {}).get("disputed_topics", [])
    return {
        PAGE: render(
            "funding.md.jinja",
            kind_chart=kind_chart,
            sections=sections,
            gpu_chart=gpu_chart,
            gpu_table=_gpu_rows(support, fields, cite),
            disputed=disputed(catalog, cite, PAGE, topics),
            as_of=as_of,
        ),
        **kind_files,
        **gpu_files,
    }


def _support(catalog: Catalog, fields: dict[str, dict], as_of: str) -> pd.DataFrame:
    """Support rows in page order, with the team's name, the period and kind of figure as text and the gap text."""
    support = catalog.table("funding", "support")
    starts, ends = support["period_start"], support["period_end"]
    support = support.assign(
        team=support["team_id"].map(short_names(catalog)).fillna(t("funding.all_teams")),
        period=[_period(s, e, "day") for s, e in zip(starts, ends)],
        period_short=[_period(s, e, "month") for s, e in zip(starts, ends)],
        figure=[label(fields["figure_kind"], k) for k in support["figure_kind"]],
        kind=[label(fields["support_kind"], k) for k in support["support_kind"]],
        # A planned figure without a number is a gap in the record; other rows without one say why in their description.
        gap=[not_published(as_of) if k == "planned" else "" for k in support["figure_kind"]],
    )
    return view.in_page_order(support, [c["value"] for c in fields["support_kind"]["categories"]])


def _period(start, end, precision: str) -> str:
    """``4 August 2025 to 31 December 2025`` / ``2025년 8월 4일~2025년 12월 31일``; at month precision ``August–December 2025``."""
    if start is None and end is None:
        return ""
    if start is None or end is None:
        if end is None:
            return t("funding.period_from", start=format_date(start, precision))
        return t("funding.period_to", end=format_date(end, precision))
    if precision == "month" and start.year == end.year:
        return t("funding.period_months", year=start.year, start_month=start.month, end_month=end.month,
                 start_name=format_date(start, "month").split()[0], end=format_date(end, "month"))
    return t("funding.period_joiner").join(format_date(d, precision) for d in (start, end))


def _kind_section(kind: str, rows: pd.DataFrame, fields: dict[str, dict], cite: Citations) -> dict:
    """One kind's table; its heading's id is the kind, the same in both languages."""
    has_gpus = rows["gpu_count"].notna().any()
    headers = [
        t("funding.for"), t("funding.amount"), *([t("funding.gpus")] if has_gpus else []), t("funding.period"),
        described(fields["figure_kind"], "title"), t("funding.covers"), t("funding.note"), t("common.sources"),
    ]
    table = [
        [
            r.team,
            format_krw(r.amount_krw) or _missing(r),
            *([format_gpus(r.gpu_count, r.gpu_model) or _missing(r)] if has_gpus else []),
            r.period or t("funding.not_stated"),
            r.figure,
            local(r, "description"),
            local(r, "note"),
            cite.links(r.source_ids, PAGE),
        ]
        for r in each_row(rows)
    ]
    shown, more = pagination.rows_in_page(table, PAGE, "funding")
    ids = pagination.first_rows(list(rows["support_id"]))
    return {"id": kind, "title": rows["kind"].iloc[0], "headers": headers, "rows": shown, "ids": ids, "more": more}


def _missing(row) -> str:
    """Text for an empty figure cell: blank when the row has its other figure."""
    if pd.notna(row.amount_krw) or pd.notna(row.gpu_count):
        return ""
    return row.gap or t("funding.see_description")


def _only(row) -> str:
    """Where only one team gets the support: which."""
    return "" if pd.isna(row.team_id) else t("funding.team_only", team=row.team)


def _kind_chart(support: pd.DataFrame, fields: dict[str, dict], as_of: str):
    largest = view.largest_announced(support)
    kinds = pd.DataFrame(
        {
            "kind": [r.kind + _only(r) for r in each_row(largest)],
            "amount_krw": largest["amount_krw"].astype(int),
            "amount": largest["amount_krw"].map(format_krw),
            "scope": [t("funding.scope_whole") if k == "total" else t("funding.scope_one") for k in largest["support_kind"]],
            "period": largest["period"],
            "covers": [local(r, "description") for r in each_row(largest)],
        }
    )
    data = largest[["support_id", "support_kind", "team_id", "amount_krw", "period_start", "period_end", "figure_kind"]]
    return render_chart(Chart(PAGE, "support-by-kind", "funding", charts.support_by_kind_figure(kinds), kinds,
                              headers(fields.values(), kinds.columns), _kind_summary(largest), as_of, data))


def _kind_summary(largest: pd.DataFrame) -> str:
    parts = largest[largest["support_kind"] != "total"]
    total = largest[largest["support_kind"] == "total"]
    listed = ", ".join(
        t("funding.summary_part", kind=r.kind, kind_lower=_lower(r.kind), only=_only(r), amount=format_krw(r.amount_krw)) for r in each_row(parts)
    )
    text = t("funding.summary", parts=listed)
    if total.empty:
        return text
    whole, together = int(total["amount_krw"].iloc[0]), int(parts["amount_krw"].sum())
    if together == whole:
        return text + t("funding.summary_total", whole=format_krw(whole))
    relation = "funding.summary_more" if together > whole else "funding.summary_less"
    return text + t(relation, together=format_krw(together), whole=format_krw(whole))


def _lower(label: str) -> str:
    return label if label[:2].isupper() else label.lower()


def _gpu_chart(support: pd.DataFrame, fields: dict[str, dict], as_of: str):
    counted, uncounted = view.team_gpus(support)
    drawn = counted.sort_values(["team", "period_start", "gpu_model"])
    data = pd.DataFrame(
        {
            "team": drawn["team"],
            "period": drawn["period_short"],
            "gpu_model": drawn["gpu_model"],
            "gpus": drawn["gpu_count"].astype(int),
            "figure_kind": drawn["figure"],
        }
    )
    figure = charts.gpus_by_team_figure(data, described(fields["gpu_model"], "title"))
    tidy = drawn[["support_id", "team_id", "period_start", "period_end", "gpu_model", "gpu_count", "figure_kind"]].sort_values(
        ["team_id", "period_start", "gpu_model", "support_id"])  # by ID: the same rows in the same order in both languages
    return render_chart(Chart(PAGE, "gpus-by-team", "funding", figure, data, headers(fields.values(), data.columns),
                              _gpu_summary(drawn, uncounted), as_of, tidy))


def _gpu_summary(drawn: pd.DataFrame, uncounted: pd.DataFrame) -> str:
    bars = drawn.groupby(["team", "period_short"], sort=False)["gpu_count"].sum()
    team, period = bars.idxmax()
    largest = drawn[(drawn["team"] == team) & (drawn["period_short"] == period)]
    models = t("funding.gpu_models_joiner").join(format_gpus(r.gpu_count, r.gpu_model) for r in each_row(largest))
    teams, missing = bars.index.get_level_values(0).nunique(), "; ".join(f"{r.team}, {r.period_short}" for r in each_row(uncounted))
    text = t("funding.gpu_summary", allocations=len(bars), teams=teams, team=team, period=period, gpus=format_number(bars.max()), models=models)
    return text + (t("funding.gpu_summary_not_drawn", missing=missing) if missing else "")


def _gpu_rows(support: pd.DataFrame, fields: dict[str, dict], cite: Citations) -> tuple[list[str], list[list[object]], Markup]:
    """GPU counts by model, one row per team and period; rows without a count say why."""
    gpu = pd.concat(view.team_gpus(support))
    models = sorted(gpu["gpu_model"].dropna().unique())
    rows = []
    for _, group in gpu.groupby(["team", "period_start", "period_end"], sort=True, dropna=False):
        counts = group.dropna(subset=["gpu_count"]).groupby("gpu_model")["gpu_count"].sum()
        gap = group["gap"].iloc[0] or markup.anchor(t("funding.see_gpu_table"), "#gpu")
        total = format_number(counts.sum()) if len(counts) else gap
        rows.append(
            [group["team"].iloc[0], group["period_short"].iloc[0], *(format_number(counts.get(m)) for m in models), total,
             ", ".join(group["figure"].unique()), cite.all(list(group["source_ids"]), PAGE)]
        )
    headers = [
        t("funding.team"), t("funding.period"), *models, t("funding.total_gpus"), described(fields["figure_kind"], "title"), t("common.sources"),
    ]
    return headers, *pagination.rows_in_page(rows, PAGE, "funding")
