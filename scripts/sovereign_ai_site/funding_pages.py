"""The funding page: support by kind, team and period, GPU counts, and the totals sources disagree on."""

from __future__ import annotations

import pandas as pd

from sovereign_ai_site import charts, markup
from sovereign_ai_site.chart_blocks import Chart, render_chart
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.disputes import disputed
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.render import format_date, format_gpus, format_krw, format_number, render

PAGE = "funding/index.md"
KINDS = {"gpu": "GPUs", "data": "Data", "talent": "Talent", "total": "Whole programme"}
DISPUTED_TOPICS = ["total-budget", "gpu-support-value", "duration"]
SOURCE = "the funding package of this site (ministry announcements and news reports)"


def funding_pages(catalog: Catalog, cite: Citations, as_of: str) -> dict[str, str]:
    support = _support(catalog, as_of)
    kind_chart, kind_files = _kind_chart(support, as_of)
    gpu_chart, gpu_files = _gpu_chart(support, as_of)
    sections = [_kind_section(KINDS[kind], rows, cite) for kind, rows in support.groupby("support_kind", sort=False)]
    return {
        PAGE: render(
            "funding.md.jinja",
            kind_chart=kind_chart,
            sections=sections,
            gpu_chart=gpu_chart,
            gpu_table=_gpu_rows(support, cite),
            disputed=disputed(catalog, cite, PAGE, DISPUTED_TOPICS),
            as_of=as_of,
        ),
        **kind_files,
        **gpu_files,
    }


def _support(catalog: Catalog, as_of: str) -> pd.DataFrame:
    """Support rows in page order, with the team's name, the period as text and the gap text."""
    support = catalog.table("funding", "support")
    teams = catalog.table("teams", "teams").set_index("team_id")["name_en"].str.removesuffix(" consortium")
    return support.assign(
        team=support["team_id"].map(teams).fillna("All teams"),
        period=[_period(s, e, "day") for s, e in zip(support["period_start"], support["period_end"])],
        period_short=[_period(s, e, "month") for s, e in zip(support["period_start"], support["period_end"])],
        # A planned figure without a number is a gap in the record; other rows without one say why in their description.
        gap=[f"not published as of {as_of}" if k == "planned" else "" for k in support["figure_kind"]],
        kind_order=support["support_kind"].map(list(KINDS).index),
    ).sort_values(["kind_order", "team_id", "period_start", "support_id"], na_position="first")


def _period(start, end, precision: str) -> str:
    """``4 August 2025 to 31 December 2025``; at month precision ``August–December 2025``."""
    if start is None and end is None:
        return ""
    if start is None or end is None:
        return f"from {format_date(start, precision)}" if end is None else f"to {format_date(end, precision)}"
    if precision == "month" and start.year == end.year:
        return f"{format_date(start, 'month').split()[0]}–{format_date(end, 'month')}"
    return f"{format_date(start, precision)} to {format_date(end, precision)}"


def _kind_section(title: str, rows: pd.DataFrame, cite: Citations) -> dict:
    has_gpus = rows["gpu_count"].notna().any()
    headers = ["For", "Amount", *(["GPUs"] if has_gpus else []), "Period", "Kind of figure", "What it covers", "Note", "Sources"]
    table = [
        [
            r.team,
            format_krw(r.amount_krw) or _missing(r),
            *([format_gpus(r.gpu_count, r.gpu_model) or _missing(r)] if has_gpus else []),
            r.period or "not stated",
            r.figure_kind,
            r.description_en,
            r.note_en,
            cite.links(r.source_ids, PAGE),
        ]
        for r in rows.itertuples()
    ]
    return {"title": title, "headers": headers, "rows": table, "ids": list(rows["support_id"])}


def _missing(row) -> str:
    """Text for an empty figure cell: blank when the row has its other figure."""
    if pd.notna(row.amount_krw) or pd.notna(row.gpu_count):
        return ""
    return row.gap or "see description"


def _kind_chart(support: pd.DataFrame, as_of: str):
    """Each kind's largest announced amount: a kind's total, where its parts were announced too."""
    announced = support[(support["figure_kind"] == "announced") & support["amount_krw"].notna()]
    largest = announced.loc[announced.groupby("support_kind", sort=False)["amount_krw"].idxmax()]
    kinds = pd.DataFrame(
        {
            "Kind": [
                KINDS[k] + ("" if t == "All teams" else f" ({t} only)") for k, t in zip(largest["support_kind"], largest["team"])
            ],
            "Amount (won)": largest["amount_krw"].astype(int),
            "Amount": largest["amount_krw"].map(format_krw),
            "Scope": ["whole programme" if k == "total" else "one kind of support" for k in largest["support_kind"]],
            "Period": largest["period"],
            "What it covers": largest["description_en"],
        }
    )
    return render_chart(
        Chart(
            page=PAGE,
            slug="support-by-kind",
            title="Support announced for the programme, by kind (won)",
            figure=charts.support_by_kind_figure(kinds),
            table=kinds,
            summary=_kind_summary(largest),
            source=SOURCE,
            as_of=as_of,
            height_px=140 + 60 * len(kinds),
        )
    )


def _kind_summary(largest: pd.DataFrame) -> str:
    parts = largest[largest["support_kind"] != "total"]
    text = "Announced support: " + ", ".join(
        f"{format_krw(r.amount_krw)} for {_lower(KINDS[r.support_kind])}" + ("" if r.team == "All teams" else f" ({r.team} only)")
        for r in parts.itertuples()
    ) + "."
    total = largest[largest["support_kind"] == "total"]
    if total.empty:
        return text
    whole, together = int(total["amount_krw"].iloc[0]), int(parts["amount_krw"].sum())
    if together == whole:
        return text + f" Together they make the programme's total budget of {format_krw(whole)}."
    relation = "more" if together > whole else "less"
    return text + (
        f" Together they make {format_krw(together)}, {relation} than the {format_krw(whole)} total budget the site shows:"
        " the parts cover different periods, and sources disagree on the total (see below)."
    )


def _lower(label: str) -> str:
    return label if label[:2].isupper() else label.lower()


def _team_gpus(support: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Teams' GPU rows with a count, and those with no figure at all (rows that give only a value are left out)."""
    gpus = support[(support["support_kind"] == "gpu") & support["team_id"].notna()]
    return gpus[gpus["gpu_count"].notna()], gpus[gpus["gpu_count"].isna() & gpus["amount_krw"].isna()]


def _gpu_chart(support: pd.DataFrame, as_of: str):
    counted, uncounted = _team_gpus(support)
    drawn = counted.sort_values(["team", "period_start", "gpu_model"])
    table = pd.DataFrame(
        {
            "Team": drawn["team"],
            "Period": drawn["period_short"],
            "GPU model": drawn["gpu_model"],
            "GPUs": drawn["gpu_count"].astype(int),
            "Kind of figure": drawn["figure_kind"],
        }
    )
    bars = drawn.groupby(["team", "period_short"], sort=False)["gpu_count"].sum()
    team, period = bars.idxmax()
    largest = drawn[(drawn["team"] == team) & (drawn["period_short"] == period)]
    summary = (
        f"{len(bars)} allocations to {bars.index.get_level_values(0).nunique()} teams have a published GPU count. "
        f"The largest is {team}'s for {period}: {format_number(bars.max())} GPUs ("
        + " and ".join(format_gpus(r.gpu_count, r.gpu_model) for r in largest.itertuples())
        + ")."
    )
    if not uncounted.empty:
        missing = "; ".join(f"{r.team}, {r.period_short}" for r in uncounted.itertuples())
        summary += f" Not drawn, for lack of a GPU count: {missing} (see the table below)."
    return render_chart(
        Chart(
            page=PAGE,
            slug="gpus-by-team",
            title="GPUs for each team, by period and GPU model",
            figure=charts.gpus_by_team_figure(table),
            table=table,
            summary=summary,
            source=SOURCE,
            as_of=as_of,
            height_px=120 + 60 * len(bars),
        )
    )


def _gpu_rows(support: pd.DataFrame, cite: Citations) -> tuple[list[str], list[list[object]]]:
    """GPU counts by model, one row per team and period; rows without a count say why."""
    gpu = pd.concat(_team_gpus(support))
    models = sorted(gpu["gpu_model"].dropna().unique())
    rows = []
    for _, group in gpu.groupby(["team", "period_start", "period_end"], sort=True, dropna=False):
        counts = group.dropna(subset=["gpu_count"]).groupby("gpu_model")["gpu_count"].sum()
        gap = group["gap"].iloc[0] or markup.anchor("see the GPUs table above", "#gpus")
        total = format_number(counts.sum()) if len(counts) else gap
        rows.append(
            [group["team"].iloc[0], group["period_short"].iloc[0], *(format_number(counts.get(m)) for m in models), total,
             ", ".join(group["figure_kind"].unique()), cite.all(list(group["source_ids"]), PAGE)]
        )
    return ["Team", "Period", *models, "Total GPUs", "Kind of figure", "Sources"], rows
