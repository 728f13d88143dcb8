"""A chart as a reader gets it: figure, title, text summary, caption, data table, CSV.

Everything but the interactive drawing is plain HTML, so the chart's content is
there without JavaScript, for screen readers and before plotly.js loads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from markupsafe import Markup

from sovereign_ai_site import markup, pagination
from sovereign_ai_site.i18n import described, lang, t
from sovereign_ai_site.render import environment, format_number


@dataclass(frozen=True)
class Chart:
    """One chart on one page; ``table`` is the chart's data, shown and downloadable.

    The title is the catalogue's ``chart.titles.<slug>``, the source it names ``chart.sources.<source>``;
    ``table``'s columns are keys, shown under ``headers`` (see ``headers``)."""

    page: str  # e.g. "models/index.md"; the chart's files sit beside the page
    slug: str  # e.g. "model-size"
    source: str  # e.g. "models", the package drawn
    figure: go.Figure
    table: pd.DataFrame
    headers: Mapping[str, str]
    summary: str
    as_of: str
    height_px: int = 420


def headers(fields: Iterable[Mapping], columns: Iterable[str]) -> dict[str, str]:
    """A chart table's column headers: the descriptor's title of the field a column shows as it is (the
    column is named after the field), the catalogue's ``chart.columns.<column>`` for a computed one."""
    titles = {field["name"]: described(field, "title") for field in fields}
    return {column: titles[column] if column in titles else t(f"chart.columns.{column}") for column in columns}


def render_chart(chart: Chart) -> tuple[Markup, dict[str, str]]:
    """The HTML block for the page, and the chart's JSON and CSV files keyed by site path."""
    folder = chart.page.rsplit("/", 1)[0] + "/" if "/" in chart.page else ""
    table = chart.table.rename(columns=chart.headers)
    context = {
        "id": f"chart-{chart.slug}",
        "title": t(f"chart.titles.{chart.slug}"),
        "json": f"{chart.slug}.json",
        "csv": f"{chart.slug}.csv",
        "height": chart.height_px,
        "summary": chart.summary,
        "caption": t("chart.caption", source=t(f"chart.sources.{chart.source}"), date=chart.as_of),
        "download": t("chart.download"),
        "table_label": t("chart.table_label"),
        # The page shows the first rows; the CSV beside it has them all, so no page grows with the data.
        "table": markup.table(list(table.columns), [[_display(v) for v in row] for row in pagination.first_rows(table.values.tolist())]),
        "more_rows": pagination.more_rows_note(len(table), markup.anchor(f"{chart.slug}.csv", f"{chart.slug}.csv"), lang()),
    }
    block = Markup(environment().get_template("chart.html.jinja").render(chart=context))
    files = {
        f"{folder}{chart.slug}.json": chart.figure.to_json(engine="json"),
        f"{folder}{chart.slug}.csv": table.to_csv(index=False, lineterminator="\n"),
    }
    return block, files


def _display(value: object) -> object:
    return format_number(value) if isinstance(value, float) else value
