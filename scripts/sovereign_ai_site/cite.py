"""Links from any row to the sources it cites, on the sources page."""

from __future__ import annotations

from markupsafe import Markup

from sovereign_ai_site import markup
from sovereign_ai_site.i18n import tr
from sovereign_ai_site.packages import Catalog

SOURCES_PAGE = "sources/index.md"


class Citations:
    """Renders a row's ``source_ids`` as links to the source register page."""

    def __init__(self, catalog: Catalog, lang: str):
        sources = catalog.table("sources", "sources").set_index("source_id")
        undated = tr(lang, ko="날짜 없음", en="undated")
        self._labels = {
            source_id: f"{row.publisher}, {row.published_on.isoformat() if row.published_on else undated}"
            for source_id, row in sources.iterrows()
        }

    def links(self, source_ids: str, page: str) -> Markup:
        """``[ZDNet Korea, 2026-01-15]`` style links, in the order cited."""
        parts = [
            Markup('<a class="cite" href="{}" title="{}">{}</a>').format(
                markup.relative(page, f"{SOURCES_PAGE}#{source_id}"), source_id, self._labels[source_id]
            )
            for source_id in source_ids.split(";")
        ]
        return Markup("; ").join(parts)

    def all(self, ids: list[str], page: str) -> Markup:
        """Every distinct source among several rows' ``source_ids``, first-cited first."""
        seen = dict.fromkeys(i for value in ids for i in value.split(";"))
        return self.links(";".join(seen), page) if seen else Markup("")
