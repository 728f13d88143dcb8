"""The source register and the figures that sources report differently."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from markupsafe import Markup

from sovereign_ai_site import i18n, markup, pagination
from sovereign_ai_site.cite import source_pages, sources_in_order
from sovereign_ai_site.disputes import CLAIMS_PAGE, disputed
from sovereign_ai_site.i18n import tr, value_label
from sovereign_ai_site.render import format_date, render
from sovereign_ai_site.tables import each_row

if TYPE_CHECKING:
    from sovereign_ai_site.pages import Context


def claims_pages(ctx: Context) -> dict[str, str]:
    """Every figure that sources report differently, one topic at a time."""
    if "claims" not in ctx.catalog.packages["sources"].resources:
        return {}
    lang = i18n.lang()
    return {CLAIMS_PAGE: render(f"claims.{lang}.md.jinja", topics=disputed(ctx.catalog, ctx.cite, CLAIMS_PAGE, lang=lang))}


# Enumeration values of the sources table, as the Korean site shows them.
_LANGUAGE_KO = {"ko": "한국어", "en": "영어"}
_SOURCE_TYPE_KO = {"government": "정부", "company": "기업", "news": "언론", "law-firm": "법무법인", "repository": "저장소", "reference": "참고 자료"}
_VERIFICATION_KO = {"read": "직접 확인", "lead": "연구 노트"}


def sources_pages(ctx: Context) -> dict[str, str]:
    """The source register, a page of entries at a time."""
    catalog, seeds, lang = ctx.catalog, ctx.seeds, i18n.lang()
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
