"""The models page: every model in a table and a chart of size over time."""

from __future__ import annotations

import pandas as pd

from sovereign_ai_site import charts, markup
from sovereign_ai_site.chart_blocks import Chart, render_chart
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.render import format_date, format_number, render

PAGE = "models/index.md"


def models_pages(catalog: Catalog, cite: Citations, as_of: str) -> dict[str, str]:
    models = catalog.table("models", "models")
    teams = catalog.table("teams", "teams").set_index("team_id")["name_en"].str.removesuffix(" consortium")
    models = models.assign(
        team=models["team_id"].map(teams),
        released=[format_date(d, p) for d, p in zip(models["released_on"], models["release_date_precision"])],
    ).sort_values(["released_on", "name"], na_position="last")
    sized = models.dropna(subset=["released_on", "params_total_b"])
    chart_html, chart_files = render_chart(
        Chart(
            page=PAGE,
            slug="model-size",
            title="Size of the models released under the programme (total parameters, billions)",
            figure=charts.model_size_figure(sized),
            table=pd.DataFrame(
                {
                    "Team": sized["team"],
                    "Model": sized["name"],
                    "Released": sized["released"],
                    "Total parameters (billions)": sized["params_total_b"].astype(float),
                    "Active parameters (billions)": sized["params_active_b"].astype(float),
                }
            ),
            summary=_summary(models, sized),
            source="the models package of this site (model cards, technical reports and news)",
            as_of=as_of,
            height_px=460,
        )
    )
    rows = [
        [m.team, markup.link(m.name, m.weights_url), m.released, format_number(m.params_total_b),
         format_number(m.params_active_b), m.architecture, m.licence, cite.links(m.source_ids, PAGE)]
        for m in models.itertuples()
    ]
    return {PAGE: render("models.md.jinja", chart=chart_html, rows=rows, count=len(models)), **chart_files}


def _summary(models: pd.DataFrame, sized: pd.DataFrame) -> str:
    largest = sized.loc[sized["params_total_b"].idxmax()]
    missing = len(models) - len(sized)
    text = (
        f"{len(models)} models are recorded; {len(sized)} have both a published release date and size. "
        f"The largest is {largest['name']} by {largest['team']} ({format_number(largest['params_total_b'])} billion "
        f"parameters, released {largest['released']})."
    )
    return text + (f" {missing} models are not drawn because their release date or size was not published." if missing else "")
