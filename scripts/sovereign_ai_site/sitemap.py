"""Each language's sitemap, written by the pipeline so that any engine publishes the same bytes.

``robots.txt`` names both sitemaps. Every page is listed with its address in both languages (hreflang alternates, and ``x-default`` for
the Korean one), and the date is the data's as-of date, never the day of the build. The MkDocs theme's
own sitemap is switched off (``overrides/sitemap.xml`` renders empty, which MkDocs skips).
"""

from __future__ import annotations

import datetime as dt
import gzip
import html
import io
from collections.abc import Iterable

from sovereign_ai_site.i18n import DEFAULT_LANGUAGE, LANGUAGES
from sovereign_ai_site.markup import page_url


def sitemap_files(pages: Iterable[str], root_url: str, lang: str, as_of: dt.date) -> dict[str, bytes]:
    """``sitemap.xml`` and ``sitemap.xml.gz`` of ``lang``'s site, whose Korean root is at ``root_url``."""
    root = root_url.rstrip("/") + "/"

    def address(code: str, url: str) -> str:
        return root + ("" if code == DEFAULT_LANGUAGE else f"{code}/") + url

    entries = []
    for url in sorted({page_url(p) for p in pages if p.endswith(".md")}):
        links = [(code, address(code, url)) for code in LANGUAGES] + [("x-default", address(DEFAULT_LANGUAGE, url))]
        alternates = "".join(f'\n    <xhtml:link rel="alternate" hreflang="{code}" href="{html.escape(href)}"/>' for code, href in links)
        entries.append(f"  <url>\n    <loc>{html.escape(address(lang, url))}</loc>\n    <lastmod>{as_of.isoformat()}</lastmod>{alternates}\n  </url>\n")
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        + "".join(entries)
        + "</urlset>\n"
    ).encode("utf-8")
    return {"sitemap.xml": xml, "sitemap.xml.gz": _gzip(xml, as_of)}


def robots_txt(root_url: str) -> dict[str, bytes]:
    """``robots.txt`` at the site's root: everything may be crawled, and both languages' sitemaps are named."""
    root = root_url.rstrip("/") + "/"
    sitemaps = "".join(f"Sitemap: {root}{'' if code == DEFAULT_LANGUAGE else code + '/'}sitemap.xml\n" for code in LANGUAGES)
    return {"robots.txt": f"User-agent: *\nAllow: /\n\n{sitemaps}".encode()}


def _gzip(content: bytes, as_of: dt.date) -> bytes:
    """Gzip whose header carries the as-of date and no file name: the same bytes on any day."""
    out = io.BytesIO()
    mtime = int(dt.datetime.combine(as_of, dt.time(), dt.UTC).timestamp())
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=mtime) as stream:
        stream.write(content)
    return out.getvalue()
