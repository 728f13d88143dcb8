"""A chart as a reader gets it: figure, title, text summary, caption, data table, picture and CSV.

Everything but the interactive drawing is plain HTML and SVG, so the chart's content is there at
first paint, without JavaScript, for screen readers and in print, before plotly.js loads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go
from markupsafe import Markup

from sovereign_ai_site import chart_svg, markup, pagination
from sovereign_ai_site.i18n import described, t
from sovereign_ai_site.render import environment, format_number

# The static picture is drawn twice, for a phone and for a wider screen (CSS shows one); the wide one is
# the downloadable file. At each width its text stays at least 12 px on the screens it is shown on.
NARROW_PX, WIDE_PX = 360, 720
# Past this size (a chart of many rows) the picture is not inlined twice but referenced once as its
# file, with its size, so the first load stays small and nothing moves; it then keeps the file's light colours.
INLINE_LIMIT = 40_000


@dataclass(frozen=True)
class Chart:
    """One chart on one page; ``table`` is the chart's data as the page shows it, ``data`` the same as
    tidy data for the CSV (machine names, ISO dates, numbers; see ``tidy``).

    The title is the catalogue's ``chart.titles.<slug>``, the source it names ``chart.sources.<source>``;
    ``table``'s columns are keys, shown under ``headers`` (see ``headers``). ``more_data`` are further
    CSVs of the chart, ``<slug>-<key>.csv``."""

    page: str  # e.g. "models/index.md"; the chart's files sit beside the page
    slug: str  # e.g. "model-size"
    source: str  # e.g. "models", the package drawn
    figure: go.Figure
    table: pd.DataFrame
    headers: Mapping[str, str]
    summary: str
    as_of: str
    data: pd.DataFrame
    more_data: Mapping[str, pd.DataFrame] = field(default_factory=dict)


def headers(fields: Iterable[Mapping], columns: Iterable[str]) -> dict[str, str]:
    """A chart table's column headers: the descriptor's title of the field a column shows as it is (the
    column is named after the field), the catalogue's ``chart.columns.<column>`` for a computed one."""
    titles = {field["name"]: described(field, "title") for field in fields}
    return {column: titles[column] if column in titles else t(f"chart.columns.{column}") for column in columns}


def tidy(frame: pd.DataFrame) -> str:
    """A chart's data as CSV a program reads: columns as they are named (fields' names), dates in ISO
    form, booleans ``true``/``false`` as in the data packages, whole numbers without a decimal point."""
    columns = {}
    for name, column in frame.items():
        if pd.api.types.is_bool_dtype(column) or set(column.dropna().map(type)) == {bool}:
            column = column.map({True: "true", False: "false"})
        elif pd.api.types.is_float_dtype(column) and column.dropna().map(lambda v: float(v).is_integer()).all():
            column = column.astype("Int64")
        columns[name] = column
    return pd.DataFrame(columns).to_csv(index=False, lineterminator="\n")


def render_chart(chart: Chart) -> tuple[Markup, dict[str, str]]:
    """The HTML block for the page, and the chart's JSON, SVG and CSV files keyed by site path."""
    folder = chart.page.rsplit("/", 1)[0] + "/" if "/" in chart.page else ""
    table = chart.table.rename(columns=chart.headers)
    chart_id = f"chart-{chart.slug}"
    context = {
        "id": chart_id,
        "title": t(f"chart.titles.{chart.slug}"),
        "json": f"{chart.slug}.json",
        "csv": f"{chart.slug}.csv",
        "svg": f"{chart.slug}.svg",
        "more_csv": [(f"{chart.slug}-{key}.csv", t(f"charts_static.more_data.{key}")) for key in chart.more_data],
        "narrow": Markup(chart_svg.svg(chart.figure, NARROW_PX, f"{chart_id}-n")),
        "wide": Markup(chart_svg.svg(chart.figure, WIDE_PX, f"{chart_id}-w")),
        "image": None,
        "summary": chart.summary,
        "caption": t("chart.caption", source=t(f"chart.sources.{chart.source}"), date=chart.as_of),
        "download_picture": t("charts_static.download_picture"),
        "download": t("chart.download"),
        "table_label": t("chart.table_label"),
        # The page shows the first rows; the CSV beside it has them all, so no page grows with the data.
        "table": markup.table(list(table.columns), [[_display(v) for v in row] for row in pagination.first_rows(table.values.tolist())]),
        "more_rows": pagination.more_rows_note(len(table), markup.anchor(f"{chart.slug}.csv", f"{chart.slug}.csv")),
    }
    picture = chart_svg.svg(chart.figure, WIDE_PX, chart_id, standalone=True)
    if len(context["narrow"]) + len(context["wide"]) > INLINE_LIMIT:
        height = picture.split('height="', 2)[1].split('"', 1)[0]
        context["image"] = {"src": f"{chart.slug}.svg", "width": WIDE_PX, "height": height}
    block = Markup(environment().get_template("chart.html.jinja").render(chart=context))
    files = {
        f"{folder}{chart.slug}.json": chart.figure.to_json(engine="json"),
        f"{folder}{chart.slug}.svg": picture,
        f"{folder}{chart.slug}.csv": tidy(chart.data),
        **{f"{folder}{chart.slug}-{key}.csv": tidy(frame) for key, frame in chart.more_data.items()},
    }
    return block, files


def _display(value: object) -> object:
    return format_number(value) if isinstance(value, float) else value
