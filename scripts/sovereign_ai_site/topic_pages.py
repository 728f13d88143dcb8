"""The source register and the figures that sources report differently."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from markupsafe import Markup

from sovereign_ai_site import markup, pagination
from sovereign_ai_site.cite import source_pages, sources_in_order
from sovereign_ai_site.disputes import CLAIMS_PAGE, disputed
from sovereign_ai_site.i18n import described, label, t
from sovereign_ai_site.render import format_date, render
from sovereign_ai_site.tables import each_row

if TYPE_CHECKING:
    from sovereign_ai_site.pages import Context


def claims_pages(ctx: Context) -> dict[str, str]:
    """Every figure that sources report differently, one topic at a time."""
    if "claims" not in ctx.catalog.packages["sources"].resources:
        return {}
    return {CLAIMS_PAGE: render("claims.md.jinja", topics=disputed(ctx.catalog, ctx.cite, CLAIMS_PAGE))}


# What the register says about each document, after its title: fields of the sources table.
_REGISTER_FIELDS = ("publisher", "language", "published_on", "source_type", "verification")


def sources_pages(ctx: Context) -> dict[str, str]:
    """The source register, a page of entries at a time."""
    catalog, seeds = ctx.catalog, ctx.seeds
    claims = {seed.record["source_id"]: seed.claims for seed in seeds}
    sources = sources_in_order(catalog)
    fields = {field["name"]: field for field in catalog.resource("sources", "sources").fields}
    titles = [described(fields[name], "title") for name in _REGISTER_FIELDS]
    entries = [
        _register_entry(
            s.source_id,
            markup.link(s.title, s.url),
            zip(
                titles,
                [
                    s.publisher,
                    label(fields["language"], s.language),
                    format_date(s.published_on) or t("sources.undated"),
                    label(fields["source_type"], s.source_type),
                    label(fields["verification"], s.verification),
                ],
            ),
            _claims(claims.get(s.source_id, ())),
        )
        for s in each_row(sources)
    ]
    paths = source_pages(catalog)
    return {
        path: render(
            "sources.md.jinja",
            fields=fields,
            entries=Markup("\n").join(pagination.chunk(entries, number)),
            count=len(entries),
            pager=pagination.pager(paths, number, len(entries)),
        )
        for number, path in enumerate(paths, start=1)
    }


def _register_entry(source_id: str, title: Markup, facts: Iterable[tuple[str, object]], claims: Markup) -> Markup:
    """One document of the register: a heading to jump between entries, its facts as a
    description list (a seven-column table would not fit a phone), and what we took from it.
    The stylesheet lets the browser skip laying out entries far off screen."""
    described = Markup("").join(Markup("<div><dt>{}</dt><dd>{}</dd></div>").format(label, value) for label, value in facts)
    return Markup('<article class="source" id="{}"><h2>{}</h2><dl>{}</dl>{}</article>').format(
        source_id, title, described, claims
    )


def _claims(claims: tuple[str, ...]) -> Markup:
    """The seeds' notes, written in English only: marked as such for the Korean site's readers and screen readers."""
    if not claims:
        return Markup("")
    return Markup('<ul lang="en">') + Markup("").join(Markup("<li>{}</li>").format(c) for c in claims) + Markup("</ul>")
