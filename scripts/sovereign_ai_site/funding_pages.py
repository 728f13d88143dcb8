"""The funding page: support by kind, team and period, GPU counts, and the totals sources disagree on."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from markupsafe import Markup

from sovereign_ai_site import charts, i18n, markup, pagination
from sovereign_ai_site.chart_blocks import Chart, render_chart
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.disputes import disputed
from sovereign_ai_site.i18n import local, not_published, tr, value_label
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.render import format_date, format_gpus, format_krw, format_number, render
from sovereign_ai_site.tables import each_row
from sovereign_ai_site.teams_pages import FIGURE_KIND_KO, short_names

if TYPE_CHECKING:
    from sovereign_ai_site.pages import Context

PAGE = "funding/index.md"
# Support kinds in page order, as headings: (Korean, English).
KINDS = {"gpu": ("GPU", "GPUs"), "data": ("데이터", "Data"), "talent": ("인재", "Talent"), "total": ("사업 전체", "Whole programme")}


def funding_pages(ctx: Context) -> dict[str, str]:
    catalog, cite, as_of, lang = ctx.catalog, ctx.cite, ctx.as_of, i18n.lang()
    support = _support(catalog, as_of, lang)
    kind_chart, kind_files = _kind_chart(support, as_of, lang)
    gpu_chart, gpu_files = _gpu_chart(support, as_of, lang)
    sections = [_kind_section(kind, rows, cite, lang) for kind, rows in support.groupby("support_kind", sort=False)]
    return {
        PAGE: render(
            f"funding.{lang}.md.jinja",
            kind_chart=kind_chart,
            sections=sections,
            gpu_chart=gpu_chart,
            gpu_table=_gpu_rows(support, cite, lang),
            disputed=disputed(catalog, cite, PAGE, ctx.editorial.get("funding", {}).get("disputed_topics", []), lang=lang),
            as_of=as_of,
        ),
        **kind_files,
        **gpu_files,
    }


def _kind(kind: str, lang: str) -> str:
    ko, en = KINDS[kind]
    return tr(lang, ko=ko, en=en)


def _source(lang: str) -> str:
    return tr(
        lang,
        ko="이 사이트의 funding 패키지(과기정통부 발표와 언론 보도)",
        en="the funding package of this site (ministry announcements and news reports)",
    )


def _support(catalog: Catalog, as_of: str, lang: str) -> pd.DataFrame:
    """Support rows in page order, with the team's name, the period and kind of figure as text and the gap text."""
    support = catalog.table("funding", "support")
    starts, ends = support["period_start"], support["period_end"]
    return support.assign(
        team=support["team_id"].map(short_names(catalog, lang)).fillna(tr(lang, ko="전체 팀", en="All teams")),
        period=[_period(s, e, "day", lang) for s, e in zip(starts, ends)],
        period_short=[_period(s, e, "month", lang) for s, e in zip(starts, ends)],
        figure=[value_label(k, FIGURE_KIND_KO, lang) for k in support["figure_kind"]],
        # A planned figure without a number is a gap in the record; other rows without one say why in their description.
        gap=[not_published(as_of, lang) if k == "planned" else "" for k in support["figure_kind"]],
        kind_order=support["support_kind"].map(list(KINDS).index),
    ).sort_values(["kind_order", "team_id", "period_start", "support_id"], na_position="first")


def _period(start, end, precision: str, lang: str) -> str:
    """``4 August 2025 to 31 December 2025`` / ``2025년 8월 4일~2025년 12월 31일``; at month precision ``August–December 2025``."""
    if start is None and end is None:
        return ""
    if start is None or end is None:
        if end is None:
            return tr(lang, ko=f"{format_date(start, precision, lang)}부터", en=f"from {format_date(start, precision)}")
        return tr(lang, ko=f"{format_date(end, precision, lang)}까지", en=f"to {format_date(end, precision)}")
    if precision == "month" and start.year == end.year:
        return tr(lang, ko=f"{start.year}년 {start.month}~{end.month}월", en=f"{format_date(start, 'month').split()[0]}–{format_date(end, 'month')}")
    return tr(lang, ko="~", en=" to ").join(format_date(d, precision, lang) for d in (start, end))


def _kind_section(kind: str, rows: pd.DataFrame, cite: Citations, lang: str) -> dict:
    """One kind's table; its heading's id is the kind, the same in both languages."""
    has_gpus = rows["gpu_count"].notna().any()
    headers = [
        tr(lang, ko="대상", en="For"), tr(lang, ko="금액", en="Amount"), *(["GPU" if lang == "ko" else "GPUs"] if has_gpus else []),
        tr(lang, ko="기간", en="Period"), tr(lang, ko="수치 종류", en="Kind of figure"), tr(lang, ko="지원 내용", en="What it covers"),
        tr(lang, ko="메모", en="Note"), tr(lang, ko="출처", en="Sources"),
    ]
    table = [
        [
            r.team,
            format_krw(r.amount_krw, lang) or _missing(r, lang),
            *([format_gpus(r.gpu_count, r.gpu_model, lang) or _missing(r, lang)] if has_gpus else []),
            r.period or tr(lang, ko="명시되지 않음", en="not stated"),
            r.figure,
            local(r, "description", lang),
            local(r, "note", lang),
            cite.links(r.source_ids, PAGE),
        ]
        for r in each_row(rows)
    ]
    shown, more = pagination.rows_in_page(table, PAGE, "funding", lang)
    ids = pagination.first_rows(list(rows["support_id"]))
    return {"id": kind, "title": _kind(kind, lang), "headers": headers, "rows": shown, "ids": ids, "more": more}


def _missing(row, lang: str) -> str:
    """Text for an empty figure cell: blank when the row has its other figure."""
    if pd.notna(row.amount_krw) or pd.notna(row.gpu_count):
        return ""
    return row.gap or tr(lang, ko="지원 내용 참고", en="see description")


def _kind_label(row, lang: str) -> str:
    """The kind of support, with the team where only one team gets it."""
    kind = _kind(row.support_kind, lang)
    return kind if pd.isna(row.team_id) else tr(lang, ko=f"{kind}({row.team}만 해당)", en=f"{kind} ({row.team} only)")


def _kind_chart(support: pd.DataFrame, as_of: str, lang: str):
    """Each kind's largest announced amount: a kind's total, where its parts were announced too."""
    announced = support[(support["figure_kind"] == "announced") & support["amount_krw"].notna()]
    largest = announced.loc[announced.groupby("support_kind", sort=False)["amount_krw"].idxmax()]
    kinds = pd.DataFrame(
        {
            "kind": [_kind_label(r, lang) for r in each_row(largest)],
            "amount_krw": largest["amount_krw"].astype(int),
            "amount": largest["amount_krw"].map(lambda a: format_krw(a, lang)),
            "scope": [
                tr(lang, ko="사업 전체", en="whole programme") if k == "total" else tr(lang, ko="지원 항목 하나", en="one kind of support")
                for k in largest["support_kind"]
            ],
            "period": largest["period"],
            "covers": [local(r, "description", lang) for r in each_row(largest)],
        }
    )
    headers = {
        "kind": tr(lang, ko="종류", en="Kind"), "amount_krw": tr(lang, ko="금액(원)", en="Amount (won)"),
        "amount": tr(lang, ko="금액", en="Amount"), "scope": tr(lang, ko="범위", en="Scope"),
        "period": tr(lang, ko="기간", en="Period"), "covers": tr(lang, ko="지원 내용", en="What it covers"),
    }
    return render_chart(
        Chart(
            page=PAGE,
            slug="support-by-kind",
            title=tr(lang, ko="사업에 발표된 지원 규모, 종류별(원)", en="Support announced for the programme, by kind (won)"),
            figure=charts.support_by_kind_figure(kinds, lang),
            table=kinds.rename(columns=headers),
            summary=_kind_summary(largest, lang),
            source=_source(lang),
            as_of=as_of,
            lang=lang,
            height_px=140 + 60 * len(kinds),
        )
    )


def _kind_summary(largest: pd.DataFrame, lang: str) -> str:
    parts = largest[largest["support_kind"] != "total"]
    total = largest[largest["support_kind"] == "total"]
    if lang == "ko":
        text = "발표된 지원: " + ", ".join(f"{_kind_label(r, lang)} {format_krw(r.amount_krw, lang)}" for r in each_row(parts)) + "."
    else:
        text = "Announced support: " + ", ".join(
            f"{format_krw(r.amount_krw, 'en')} for {_lower(KINDS[r.support_kind][1])}" + ("" if pd.isna(r.team_id) else f" ({r.team} only)")
            for r in each_row(parts)
        ) + "."
    if total.empty:
        return text
    whole, together = int(total["amount_krw"].iloc[0]), int(parts["amount_krw"].sum())
    whole_text, together_text = format_krw(whole, lang), format_krw(together, lang)
    if together == whole:
        return text + tr(lang, ko=f" 모두 합하면 사업 총예산 {whole_text}입니다.", en=f" Together they make the programme's total budget of {whole_text}.")
    if lang == "ko":
        relation = "많습니다" if together > whole else "적습니다"
        return text + (
            f" 모두 합하면 {together_text}으로, 이 사이트가 쓰는 총예산 {whole_text}보다 {relation}."
            " 항목마다 기간이 다르고, 총예산은 출처마다 다르게 보도되었습니다(아래 참고)."
        )
    relation = "more" if together > whole else "less"
    return text + (
        f" Together they make {together_text}, {relation} than the {whole_text} total budget the site shows:"
        " the parts cover different periods, and sources disagree on the total (see below)."
    )


def _lower(label: str) -> str:
    return label if label[:2].isupper() else label.lower()


def _team_gpus(support: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Teams' GPU rows with a count, and those with no figure at all (rows that give only a value are left out)."""
    gpus = support[(support["support_kind"] == "gpu") & support["team_id"].notna()]
    return gpus[gpus["gpu_count"].notna()], gpus[gpus["gpu_count"].isna() & gpus["amount_krw"].isna()]


def _gpu_chart(support: pd.DataFrame, as_of: str, lang: str):
    counted, uncounted = _team_gpus(support)
    drawn = counted.sort_values(["team", "period_start", "gpu_model"])
    data = pd.DataFrame(
        {
            "team": drawn["team"],
            "period": drawn["period_short"],
            "gpu_model": drawn["gpu_model"],
            "gpus": drawn["gpu_count"].astype(int),
            "figure": drawn["figure"],
        }
    )
    headers = {
        "team": tr(lang, ko="팀", en="Team"), "period": tr(lang, ko="기간", en="Period"),
        "gpu_model": tr(lang, ko="GPU 모델", en="GPU model"), "gpus": tr(lang, ko="GPU 수", en="GPUs"),
        "figure": tr(lang, ko="수치 종류", en="Kind of figure"),
    }
    return render_chart(
        Chart(
            page=PAGE,
            slug="gpus-by-team",
            title=tr(lang, ko="팀별 GPU 지원, 기간과 GPU 모델별", en="GPUs for each team, by period and GPU model"),
            figure=charts.gpus_by_team_figure(data, lang),
            table=data.rename(columns=headers),
            summary=_gpu_summary(drawn, uncounted, lang),
            source=_source(lang),
            as_of=as_of,
            lang=lang,
            height_px=120 + 60 * data.groupby(["team", "period"]).ngroups,
        )
    )


def _gpu_summary(drawn: pd.DataFrame, uncounted: pd.DataFrame, lang: str) -> str:
    bars = drawn.groupby(["team", "period_short"], sort=False)["gpu_count"].sum()
    team, period = bars.idxmax()
    largest = drawn[(drawn["team"] == team) & (drawn["period_short"] == period)]
    models = tr(lang, ko=", ", en=" and ").join(format_gpus(r.gpu_count, r.gpu_model, lang) for r in each_row(largest))
    teams, missing = bars.index.get_level_values(0).nunique(), "; ".join(f"{r.team}, {r.period_short}" for r in each_row(uncounted))
    if lang == "ko":
        text = (
            f"GPU 수가 공개된 배정은 {teams}개 팀에 {len(bars)}건입니다. "
            f"가장 큰 배정은 {team}의 {period} 배정으로 GPU {format_number(bars.max())}장({models})입니다."
        )
        return text + (f" GPU 수가 공개되지 않아 차트에 없는 배정: {missing}(아래 표 참고)." if missing else "")
    text = (
        f"{len(bars)} allocations to {teams} teams have a published GPU count. "
        f"The largest is {team}'s for {period}: {format_number(bars.max())} GPUs ({models})."
    )
    return text + (f" Not drawn, for lack of a GPU count: {missing} (see the table below)." if missing else "")


def _gpu_rows(support: pd.DataFrame, cite: Citations, lang: str) -> tuple[list[str], list[list[object]], Markup]:
    """GPU counts by model, one row per team and period; rows without a count say why."""
    gpu = pd.concat(_team_gpus(support))
    models = sorted(gpu["gpu_model"].dropna().unique())
    rows = []
    for _, group in gpu.groupby(["team", "period_start", "period_end"], sort=True, dropna=False):
        counts = group.dropna(subset=["gpu_count"]).groupby("gpu_model")["gpu_count"].sum()
        gap = group["gap"].iloc[0] or markup.anchor(tr(lang, ko="위의 GPU 표 참고", en="see the GPUs table above"), "#gpu")
        total = format_number(counts.sum()) if len(counts) else gap
        rows.append(
            [group["team"].iloc[0], group["period_short"].iloc[0], *(format_number(counts.get(m)) for m in models), total,
             ", ".join(group["figure"].unique()), cite.all(list(group["source_ids"]), PAGE)]
        )
    headers = [
        tr(lang, ko="팀", en="Team"), tr(lang, ko="기간", en="Period"), *models, tr(lang, ko="전체 GPU 수", en="Total GPUs"),
        tr(lang, ko="수치 종류", en="Kind of figure"), tr(lang, ko="출처", en="Sources"),
    ]
    return headers, *pagination.rows_in_page(rows, PAGE, "funding", lang)
