"""What the MkDocs adapter (``scripts/mkdocs_hooks.py``) needs beside the pipeline, none of it MkDocs' own
code: the English site's settings, where each file goes and in what order, the raw HTML set aside while
Python-Markdown runs, the summary line and the quieter log.

``english_settings`` is also what an engine build without hooks of ``build --out DIR --lang en`` output uses.
"""

from __future__ import annotations

import logging
import time

from sovereign_ai_site.i18n import hand_written_page
from sovereign_ai_site.markup import put_back_html, set_aside_html


def english_settings(settings: dict) -> dict:
    """The settings of the English site (built into ``en/``) that differ from ``settings``, the Korean
    site's (mkdocs.yml): its titles and the theme's few strings from ``extra.translations.en``, its
    address, its language, English search, and the language links of ``extra.alternate`` relative to ``en/``."""
    translation, extra = settings["extra"]["translations"]["en"], settings["extra"]
    return {
        "site_name": translation["site_name"],
        "site_description": translation["site_description"],
        "site_url": (settings.get("site_url") or "") and settings["site_url"] + "en/",
        "theme": {**settings["theme"], "language": "en"},
        "nav": _translate_nav(settings["nav"], translation["nav"]),
        "extra": {
            **extra,
            "search_label": translation["search_label"],
            "corrections": translation["corrections"],
            "alternate": [{**alt, "link": "./" if alt["lang"] == "en" else "../"} for alt in extra["alternate"]],
        },
        "plugins": [{"search": {**options, "lang": ["en"]}} if name == "search" else {name: options} for plugin in settings["plugins"] for name, options in _named(plugin)],
    }


def _named(plugin: str | dict) -> list[tuple[str, dict]]:
    return [(plugin, {})] if isinstance(plugin, str) else list(plugin.items())


def _translate_nav(nav: list, titles: dict[str, str]) -> list:
    """The nav with English titles; a section takes the title of its first page (its index)."""

    def english(item):
        if isinstance(item, str):
            return item
        [(_, target)] = item.items()
        if isinstance(target, list):
            return {titles[_first_page(target)]: _translate_nav(target, titles)}
        return {titles[target]: target}

    return [english(item) for item in nav]


def _first_page(section: list) -> str:
    first = section[0] if isinstance(section[0], str) else next(iter(section[0].values()))
    return first if isinstance(first, str) else _first_page(first)


def korean_site_url(lang: str, site_url: str | None) -> str:
    """The address of the Korean site (the root) from one language's own."""
    return (site_url or "").removesuffix("en/") if lang == "en" else site_url or ""


def target(src_uri: str, lang: str) -> str | None:
    """Where a file of site_src/ goes in ``lang``'s site (a translation takes the place of the Korean page),
    or None where it is not part of it."""
    return hand_written_page(src_uri, lang) if src_uri.endswith(".md") else src_uri


def walk_order(src_uri: str) -> tuple:
    """The order MkDocs gives files read from disk, so that the sitemap and search index match a build of
    ``sovereign_ai_site build --out`` output byte for byte."""
    *folders, name = src_uri.split("/")
    return folders, not name.startswith("index."), name


def summary(lang: str, generated: dict[str, str | bytes], warnings: list, started: float) -> str:
    """One line per language at the end of the build: what it made and how long it took."""
    pages = [content for path, content in generated.items() if path.endswith(".md")]
    tables = sum(content.count("<table") for content in pages)
    charts = sum(content.count("data-chart=") for content in pages)
    return f"{lang}: {len(pages)} generated pages, {tables} tables, {charts} charts, {len(warnings)} data warnings, {time.monotonic() - started:.1f} s"


class HtmlAside:
    """The raw HTML of the page being rendered, set aside while Python-Markdown runs
    (``markup.set_aside_html``): MkDocs renders one page at a time."""

    def __init__(self) -> None:
        self._aside: list[str] = []

    def set_aside(self, markdown: str) -> str:
        markdown, self._aside = set_aside_html(markdown)
        return markdown

    def put_back(self, html: str) -> str:
        return put_back_html(html, self._aside)


class Quieter(logging.Filter):
    """MkDocs' lines that say nothing to a maintainer here: the folder each language is written to first
    (not site/), its cleaning, the empty sitemap template (the pipeline writes the sitemaps) and, for
    the English build, its own timing (the summary lines give both)."""

    NOISE = ("Cleaning site directory", "Building documentation to directory", "Template skipped: 'sitemap.xml'", "Documentation built in")

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(self.NOISE)


