"""The models page: every model in a table and a chart of size over time."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from sovereign_ai_site import charts, i18n, markup, pagination
from sovereign_ai_site.chart_blocks import Chart, render_chart
from sovereign_ai_site.i18n import category_label, tr
from sovereign_ai_site.render import format_date, format_number, render
from sovereign_ai_site.tables import each_row
from sovereign_ai_site.teams_pages import short_names

if TYPE_CHECKING:
    from sovereign_ai_site.pages import Context

PAGE = "models/index.md"


def models_pages(ctx: Context) -> dict[str, str]:
    catalog, cite, as_of, lang = ctx.catalog, ctx.cite, ctx.as_of, i18n.lang()
    models = catalog.table("models", "models")
    models = models.assign(
        team=models["team_id"].map(short_names(catalog, lang)),
        released=[format_date(d, p, lang) for d, p in zip(models["released_on"], models["release_date_precision"])],
        total=[_parameters(b, lang) for b in models["params_total_b"]],
        active=[_parameters(b, lang) for b in models["params_active_b"]],
    ).sort_values(["released_on", "name"], na_position="last")
    sized = models.dropna(subset=["released_on", "params_total_b"])
    billions = tr(lang, ko="(10억 개)", en=" (billions)")
    chart_html, chart_files = render_chart(
        Chart(
            page=PAGE,
            slug="model-size",
            title=tr(
                lang,
                ko="사업에서 공개된 모델의 크기(전체 파라미터, 10억 개)",
                en="Size of the models released under the programme (total parameters, billions)",
            ),
            figure=charts.model_size_figure(sized, lang),
            table=pd.DataFrame(
                {
                    tr(lang, ko="팀", en="Team"): sized["team"],
                    tr(lang, ko="모델", en="Model"): sized["name"],
                    tr(lang, ko="공개일", en="Released"): sized["released"],
                    tr(lang, ko="전체 파라미터", en="Total parameters") + billions: sized["params_total_b"].astype(float),
                    tr(lang, ko="활성 파라미터", en="Active parameters") + billions: sized["params_active_b"].astype(float),
                }
            ),
            summary=_summary(models, sized, lang),
            source=tr(
                lang,
                ko="이 사이트의 models 패키지(모델 카드, 기술 보고서, 언론 보도)",
                en="the models package of this site (model cards, technical reports and news)",
            ),
            as_of=as_of,
            lang=lang,
            height_px=460,
        )
    )
    ordered, paths = list(each_row(models)), pagination.page_paths(PAGE, len(models))
    architecture = next(f for f in catalog.resource("models", "models").fields if f["name"] == "architecture")
    pages = {
        path: render(
            f"models.{lang}.md.jinja",
            chart=chart_html if number == 1 else "",
            rows=[
                [m.team, markup.link(m.name, m.weights_url), m.released, format_number(m.params_total_b),
                 format_number(m.params_active_b), category_label(architecture, m.architecture, lang), m.licence, cite.links(m.source_ids, path)]
                for m in pagination.chunk(ordered, number)
            ],
            pager=pagination.pager(paths, number, len(ordered), lang),
            count=len(models),
        )
        for number, path in enumerate(paths, start=1)
    }
    return {**pages, **chart_files}


def _parameters(billions: float | None, lang: str) -> str:
    """A parameter count in words: ``519 billion`` / ``5,190억 개`` (Korean counts in units of 10⁸)."""
    if billions is None or pd.isna(billions):
        return tr(lang, ko="공개되지 않음", en="not published")
    return tr(lang, ko=f"{format_number(billions * 10)}억 개", en=f"{format_number(billions)} billion")


def _summary(models: pd.DataFrame, sized: pd.DataFrame, lang: str) -> str:
    largest = sized.loc[sized["params_total_b"].idxmax()]
    missing = len(models) - len(sized)
    if lang == "ko":
        text = (
            f"모델 {len(models)}개가 기록되어 있고, 그중 {len(sized)}개는 공개일과 크기가 모두 공개되었습니다. "
            f"가장 큰 모델은 {largest['team']}의 {largest['name']}(파라미터 {largest['total']}, {largest['released']} 공개)입니다."
        )
        return text + (f" 모델 {missing}개는 공개일이나 크기가 공개되지 않아 차트에 없습니다." if missing else "")
    text = (
        f"{len(models)} models are recorded; {len(sized)} have both a published release date and size. "
        f"The largest is {largest['name']} by {largest['team']} ({largest['total']} "
        f"parameters, released {largest['released']})."
    )
    return text + (f" {missing} models are not drawn because their release date or size was not published." if missing else "")
