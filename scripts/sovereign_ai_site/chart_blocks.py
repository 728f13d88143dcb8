"""A chart as a reader gets it: figure, title, text summary, caption, data table, CSV.

Everything but the interactive drawing is plain HTML, so the chart's content is
there without JavaScript, for screen readers and before plotly.js loads.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from markupsafe import Markup

from sovereign_ai_site import markup, pagination
from sovereign_ai_site.i18n import tr
from sovereign_ai_site.render import environment, format_number


@dataclass(frozen=True)
class Chart:
    """One chart on one page; ``table`` is the chart's data, shown and downloadable."""

    page: str  # e.g. "models/index.md"; the chart's files sit beside the page
    slug: str  # e.g. "model-size"
    title: str
    figure: go.Figure
    table: pd.DataFrame
    summary: str
    source: str
    as_of: str
    lang: str  # the page's language, for the caption around the chart
    height_px: int = 420


def render_chart(chart: Chart) -> tuple[Markup, dict[str, str]]:
    """The HTML block for the page, and the chart's JSON and CSV files keyed by site path."""
    folder = chart.page.rsplit("/", 1)[0] + "/" if "/" in chart.page else ""
    context = {
        "id": f"chart-{chart.slug}",
        "title": chart.title,
        "json": f"{chart.slug}.json",
        "csv": f"{chart.slug}.csv",
        "height": chart.height_px,
        "summary": chart.summary,
        "caption": tr(chart.lang, ko=f"출처: {chart.source}. {chart.as_of} 기준 데이터.", en=f"Source: {chart.source}. Data as of {chart.as_of}."),
        "download": tr(chart.lang, ko="이 차트의 데이터 내려받기(CSV)", en="Download this chart's data (CSV)"),
        "table_label": tr(chart.lang, ko="데이터 표", en="Data table"),
        # The page shows the first rows; the CSV beside it has them all, so no page grows with the data.
        "table": markup.table(list(chart.table.columns), [[_display(v) for v in row] for row in pagination.first_rows(chart.table.values.tolist())]),
        "more_rows": pagination.more_rows_note(len(chart.table), markup.anchor(f"{chart.slug}.csv", f"{chart.slug}.csv"), chart.lang),
    }
    block = Markup(environment().get_template("chart.html.jinja").render(chart=context))
    files = {
        f"{folder}{chart.slug}.json": chart.figure.to_json(engine="json"),
        f"{folder}{chart.slug}.csv": chart.table.to_csv(index=False, lineterminator="\n"),
    }
    return block, files


def _display(value: object) -> object:
    return format_number(value) if isinstance(value, float) else value
