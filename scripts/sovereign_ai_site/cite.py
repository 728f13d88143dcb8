"""Links from any row to the sources it cites, on the sources page."""

from __future__ import annotations

import re

import pandas as pd
from markupsafe import Markup, escape

from sovereign_ai_site import markup, pagination
from sovereign_ai_site.i18n import t
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.tables import each_row

SOURCES_PAGE = "sources/index.md"  # the first page of the source register; the rest follow it
_CITED = re.compile(r'<a class="cite" href="[^"]*" title="([a-z0-9-]+)">')


def as_of(catalog: Catalog):
    """The data's date: the latest day a source was read."""
    return catalog.table("sources", "sources")["accessed_on"].max()


def sources_in_order(catalog: Catalog) -> pd.DataFrame:
    """The source register as its pages list it: oldest first, undated last."""
    return catalog.table("sources", "sources").sort_values(["published_on", "source_id"], na_position="last")


def source_pages(catalog: Catalog) -> list[str]:
    """The pages of the source register."""
    return pagination.page_paths(SOURCES_PAGE, len(catalog.table("sources", "sources")))


class Citations:
    """Renders a row's ``source_ids`` as links to the source register page."""

    def __init__(self, catalog: Catalog):
        undated, self._heading = t("cite.undated"), t("cite.page_sources_heading")
        sources = catalog.table("sources", "sources").set_index("source_id")
        rows = list(each_row(sources))
        self._labels = {  # escaped once here, for _link
            row.Index: escape(f"{row.publisher}, {row.published_on.isoformat() if row.published_on else undated}") for row in rows
        }
        self._documents = {row.Index: (row.title, row.url) for row in rows}
        pages = source_pages(catalog)
        self._pages = {
            source_id: pages[pagination.page_number(position) - 1]
            for position, source_id in enumerate(sources_in_order(catalog)["source_id"])
        }

    def links(self, source_ids: str, page: str) -> Markup:
        """``[ZDNet Korea, 2026-01-15]`` style links, in the order cited."""
        return Markup("; ".join(self._link(source_id, page) for source_id in source_ids.split(";")))

    def _link(self, source_id: str, page: str) -> str:
        # Escaped parts in an f-string: Markup.format, at some 1,700 links a language, was 6% of the pages' time.
        href = escape(markup.relative(page, f"{self._pages[source_id]}#{source_id}"))
        return f'<a class="cite" href="{href}" title="{escape(source_id)}">{self._labels[source_id]}</a>'

    def all(self, ids: list[str], page: str) -> Markup:
        """Every distinct source among several rows' ``source_ids``, first-cited first."""
        seen = dict.fromkeys(i for value in ids for i in value.split(";"))
        return self.links(";".join(seen), page) if seen else Markup("")

    def with_page_sources(self, page_markdown: str, page: str) -> str:
        """The page with a closing list of every source it cites, in order of first citation."""
        cited = list(dict.fromkeys(_CITED.findall(page_markdown)))
        if not cited:
            return page_markdown
        items = Markup("").join(
            Markup("<li>{}: {}</li>").format(self.links(source_id, page), markup.link(*self._documents[source_id]))
            for source_id in cited
        )
        return f"{page_markdown.rstrip()}\n\n## {self._heading} {{#page-sources}}\n\n<ol class=\"page-sources\">{items}</ol>\n"
