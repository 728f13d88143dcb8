"""The models page: every model in a table and a chart of size over time."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from sovereign_ai_site import charts, markup, pagination
from sovereign_ai_site.chart_blocks import Chart, headers, render_chart
from sovereign_ai_site.i18n import described, label, t
from sovereign_ai_site.names import short_names
from sovereign_ai_site.render import format_date, format_number, render
from sovereign_ai_site.tables import each_row
from sovereign_ai_site.views import aliases as other_spellings
from sovereign_ai_site.views import models as view

if TYPE_CHECKING:
    from sovereign_ai_site.pages import Context

PAGE = "models/index.md"
IN_BILLIONS = ("params_total_b", "params_active_b")  # sizes are shown in billions of parameters


def models_pages(ctx: Context) -> dict[str, str]:
    catalog, cite, as_of = ctx.catalog, ctx.cite, ctx.as_of
    fields = catalog.resource("models", "models").field
    models = catalog.table("models", "models")
    models = view.in_release_order(
        models.assign(
            team=models["team_id"].map(short_names(catalog)),
            released=[format_date(d, p) for d, p in zip(models["released_on"], models["release_date_precision"])],
            total=[_parameters(b) for b in models["params_total_b"]],
            active=[_parameters(b) for b in models["params_active_b"]],
        )
    )
    sized = view.sized(models)
    titles = {name: t("models.in_billions", title=described(fields[name], "title")) for name in IN_BILLIONS}
    data = pd.DataFrame({"team": sized["team"], "model": sized["name"], "released_on": sized["released"]})
    data = data.assign(**{name: sized[name].astype(float) for name in IN_BILLIONS})
    chart = Chart(PAGE, "model-size", "models", charts.model_size_figure(sized), data, headers(fields.values(), data.columns) | titles,
                  _summary(models, sized), as_of,
                  sized[["model_id", "team_id", "name", "released_on", "release_date_precision", "params_total_b", "params_active_b"]])
    chart_html, chart_files = render_chart(chart)
    ordered, paths = list(each_row(models)), pagination.page_paths(PAGE, len(models))
    pages = {
        path: render(
            "models.md.jinja",
            chart=chart_html if number == 1 else "",
            headers=[t("models.team"), described(fields["name"], "title"), described(fields["released_on"], "title"), *titles.values(),
                     described(fields["architecture"], "title"), described(fields["licence"], "title"), t("common.sources")],
            rows=[
                [m.team, markup.link(m.name, m.weights_url), m.released, format_number(m.params_total_b),
                 format_number(m.params_active_b), label(fields["architecture"], m.architecture), m.licence, cite.links(m.source_ids, path)]
                for m in pagination.chunk(ordered, number)
            ],
            pager=pagination.pager(paths, number, len(ordered)),
            count=len(models),
            aliases=_aliases(catalog, models, cite, path) if number == 1 else None,
        )
        for number, path in enumerate(paths, start=1)
    }
    return {**pages, **chart_files}


def _aliases(catalog, models: pd.DataFrame, cite, page: str) -> dict | None:
    """The other spellings of the models' names as a table (headers, rows), or None where there are none:
    readers see how the press writes a name, and the site's search finds the model by it."""
    aliases = other_spellings.of(catalog, "models")
    if aliases.empty:
        return None
    fields = catalog.resource("models", "aliases").field
    names = dict(zip(models["model_id"], models["name"]))
    aliases = aliases.assign(model=aliases["model_id"].map(names)).sort_values(["model", "alias"])
    return {
        "headers": [described(catalog.resource("models", "models").field["name"], "title"), described(fields["alias"], "title"),
                    described(fields["spelled_by"], "title"), t("common.sources")],
        "rows": [[a.model, a.alias, label(fields["spelled_by"], a.spelled_by), cite.links(a.source_ids, page)] for a in each_row(aliases)],
    }


def _parameters(billions: float | None) -> str:
    """A parameter count in words: ``519 billion`` / ``5,190억 개`` (Korean counts in units of 10⁸)."""
    if billions is None or pd.isna(billions):
        return t("models.size_not_published")
    return t("models.parameters", billions=format_number(billions), hundred_millions=format_number(billions * 10))


def _summary(models: pd.DataFrame, sized: pd.DataFrame) -> str:
    largest = sized.loc[sized["params_total_b"].idxmax()]
    missing = len(models) - len(sized)
    text = t("models.summary", count=len(models), sized=len(sized), team=largest["team"], name=largest["name"],
             size=largest["total"], released=largest["released"])
    return text + (t("models.summary_not_drawn", count=missing) if missing else "")
