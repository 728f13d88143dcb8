"""Pages about the programme, read from the data packages (not the catalog pages)."""

from __future__ import annotations

from markupsafe import Markup

from sovereign_ai_site import markup
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.disputes import CLAIMS_PAGE, disputed
from sovereign_ai_site.funding_pages import funding_pages
from sovereign_ai_site.home_page import REQUIRES, as_of, home_page
from sovereign_ai_site.models_pages import models_pages
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.programme_pages import REQUIRES as PROGRAMME_REQUIRES
from sovereign_ai_site.programme_pages import programme_pages
from sovereign_ai_site.render import format_date, render
from sovereign_ai_site.seeds import Seed
from sovereign_ai_site.strategy_pages import strategy_pages
from sovereign_ai_site.teams_pages import teams_pages


def topic_pages(catalog: Catalog, seeds: list[Seed], lang: str) -> dict[str, str]:
    cite = Citations(catalog)
    pages = {"sources/index.md": sources_page(catalog, seeds)}
    if "claims" in catalog.packages["sources"].resources:
        pages[CLAIMS_PAGE] = claims_page(catalog, cite)
    if {"teams", "program"} <= catalog.packages.keys():
        pages.update(teams_pages(catalog, cite))
    if {"models", "teams"} <= catalog.packages.keys():
        pages.update(models_pages(catalog, cite, format_date(as_of(catalog))))
    if PROGRAMME_REQUIRES <= catalog.packages.keys():
        pages.update(programme_pages(catalog, cite, format_date(as_of(catalog))))
    if {"funding", "teams"} <= catalog.packages.keys():
        pages.update(funding_pages(catalog, cite, format_date(as_of(catalog))))
    if "strategy" in catalog.packages:
        pages.update(strategy_pages(catalog, cite, format_date(as_of(catalog))))
    if REQUIRES <= catalog.packages.keys():
        pages["index.md"] = home_page(catalog, cite)
    return pages


def claims_page(catalog: Catalog, cite: Citations) -> str:
    return render("claims.md.jinja", topics=disputed(catalog, cite, CLAIMS_PAGE))


def sources_page(catalog: Catalog, seeds: list[Seed]) -> str:
    claims = {seed.record["source_id"]: seed.claims for seed in seeds}
    sources = catalog.table("sources", "sources").sort_values(["published_on", "source_id"], na_position="last")
    rows = [
        [
            markup.link(s.title, s.url),
            s.publisher,
            s.language,
            format_date(s.published_on) or "not shown",
            s.source_type,
            s.verification,
            _claims(claims.get(s.source_id, ())),
        ]
        for s in sources.itertuples()
    ]
    return render("sources.md.jinja", rows=rows, row_ids=list(sources["source_id"]), count=len(rows))


def _claims(claims: tuple[str, ...]) -> Markup:
    if not claims:
        return Markup("")
    return Markup("<ul>") + Markup("").join(Markup("<li>{}</li>").format(c) for c in claims) + Markup("</ul>")
