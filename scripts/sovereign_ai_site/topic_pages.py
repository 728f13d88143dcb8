"""Pages about the programme, read from the data packages (not the catalog pages)."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from sovereign_ai_site import markup, pagination
from sovereign_ai_site.cite import Citations, as_of, source_pages, sources_in_order
from sovereign_ai_site.disputes import CLAIMS_PAGE, disputed
from sovereign_ai_site.funding_pages import funding_pages
from sovereign_ai_site.home_page import REQUIRES, home_page
from sovereign_ai_site.i18n import tr, value_label
from sovereign_ai_site.models_pages import models_pages
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.programme_pages import REQUIRES as PROGRAMME_REQUIRES
from sovereign_ai_site.programme_pages import programme_pages
from sovereign_ai_site.render import format_date, render
from sovereign_ai_site.seeds import Seed
from sovereign_ai_site.strategy_pages import strategy_pages
from sovereign_ai_site.tables import each_row
from sovereign_ai_site.teams_pages import teams_pages


def topic_pages(catalog: Catalog, seeds: list[Seed], lang: str) -> dict[str, str]:
    cite = Citations(catalog, lang)
    data_as_of = format_date(as_of(catalog), lang=lang)
    pages = sources_pages(catalog, seeds, lang)
    register = set(pages)
    if "claims" in catalog.packages["sources"].resources:
        pages[CLAIMS_PAGE] = claims_page(catalog, cite, lang)
    if {"teams", "program"} <= catalog.packages.keys():
        pages.update(teams_pages(catalog, cite, lang))
    if {"models", "teams"} <= catalog.packages.keys():
        pages.update(models_pages(catalog, cite, data_as_of, lang))
    if PROGRAMME_REQUIRES <= catalog.packages.keys():
        pages.update(programme_pages(catalog, cite, data_as_of, lang))
    if {"funding", "teams"} <= catalog.packages.keys():
        pages.update(funding_pages(catalog, cite, data_as_of, lang))
    if "strategy" in catalog.packages:
        pages.update(strategy_pages(catalog, cite, data_as_of, lang))
    if REQUIRES <= catalog.packages.keys():
        pages["index.md"] = home_page(catalog, cite, lang)
    return {
        path: cite.with_page_sources(content, path) if path.endswith(".md") and path not in register else content
        for path, content in pages.items()
    }


def claims_page(catalog: Catalog, cite: Citations, lang: str) -> str:
    return render(f"claims.{lang}.md.jinja", topics=disputed(catalog, cite, CLAIMS_PAGE, lang=lang))


# Enumeration values of the sources table, as the Korean site shows them.
_LANGUAGE_KO = {"ko": "한국어", "en": "영어"}
_SOURCE_TYPE_KO = {"government": "정부", "company": "기업", "news": "언론", "law-firm": "법무법인", "repository": "저장소", "reference": "참고 자료"}
_VERIFICATION_KO = {"read": "직접 확인", "lead": "연구 노트"}


def sources_pages(catalog: Catalog, seeds: list[Seed], lang: str) -> dict[str, str]:
    """The source register, a page of entries at a time."""
    claims = {seed.record["source_id"]: seed.claims for seed in seeds}
    sources = sources_in_order(catalog)
    labels = [tr(lang, ko=ko, en=en) for ko, en in _REGISTER_LABELS]
    entries = [
        _register_entry(
            s.source_id,
            markup.link(s.title, s.url),
            zip(
                labels,
                [
                    s.publisher,
                    value_label(s.language, _LANGUAGE_KO, lang),
                    format_date(s.published_on, lang=lang) or tr(lang, ko="날짜 없음", en="not shown"),
                    value_label(s.source_type, _SOURCE_TYPE_KO, lang),
                    value_label(s.verification, _VERIFICATION_KO, lang),
                ],
            ),
            _claims(claims.get(s.source_id, ())),
        )
        for s in each_row(sources)
    ]
    paths = source_pages(catalog)
    return {
        path: render(
            f"sources.{lang}.md.jinja",
            entries=Markup("\n").join(pagination.chunk(entries, number)),
            count=len(entries),
            pager=pagination.pager(paths, number, len(entries), lang),
        )
        for number, path in enumerate(paths, start=1)
    }


# What the register says about each document, after its title.
_REGISTER_LABELS = [
    ("발행처", "Publisher"),
    ("언어", "Language"),
    ("발행일", "Published"),
    ("유형", "Type"),
    ("확인 방법", "Verification"),
]


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
