"""The built site: reproducible, every link resolves, nothing loaded from another host, CSP."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import PROJECT, mkdocs_build, snapshot


class Links(HTMLParser):
    """Every href/src of a page, every id, and every inline event handler."""

    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()
        self.handlers: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.refs.append((tag, name, value))
            if name == "id" and value:
                self.ids.add(value)
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}>")


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


@pytest.fixture(scope="module")
def pages(built_site):
    return {p: parse(p) for p in sorted(built_site.rglob("*.html"))}


def test_two_builds_are_byte_identical(built_site, site_address, tmp_path):
    result = mkdocs_build(PROJECT / "mkdocs.yml", tmp_path / "again", site_url=site_address[1])
    assert result.returncode == 0, result.stdout + result.stderr
    assert snapshot(tmp_path / "again") == snapshot(built_site)


def test_sitemap_dates_come_from_the_data(built_site):
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", (built_site / "sitemap.xml").read_text()))
    sources = (PROJECT / "data/sources/sources.csv").read_text().splitlines()[1:]
    accessed = max(line.split(",")[-3] for line in sources)
    assert dates == {accessed}


def test_every_internal_link_and_anchor_resolves(built_site, pages, site_address):
    site_url = site_address[1]
    broken = []
    for page, links in pages.items():
        base = site_url + page.relative_to(built_site).as_posix()
        for tag, attr, value in links.refs:
            url = urlsplit(urljoin(base, value))
            if url.netloc != urlsplit(site_url).netloc or url.scheme in ("mailto", "data"):
                continue
            target = built_site / unquote(url.path.lstrip("/"))
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(built_site)}: {value}")
            elif url.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(url.fragment) not in ids:
                    broken.append(f"{page.relative_to(built_site)}: {value} (no such anchor)")
    assert broken == []


def test_no_resource_from_another_host(pages, built_site, site_address):
    host = urlsplit(site_address[1]).netloc
    external = [
        f"{page.relative_to(built_site)}: {value}"
        for page, links in pages.items()
        for tag, attr, value in links.refs
        if tag != "a" and urlsplit(value).netloc not in ("", host)
    ]
    assert external == []


def test_no_inline_event_handlers(pages):
    assert [h for links in pages.values() for h in links.handlers] == []


def test_every_page_has_a_content_security_policy(pages):
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        assert 'http-equiv="Content-Security-Policy"' in head, page
        assert "script-src 'self'" in head and "unsafe-eval" not in head


def test_every_cited_source_url_is_well_formed():
    for line in (PROJECT / "data/sources/sources.csv").read_text().splitlines()[1:]:
        url = next(cell for cell in line.split(",") if cell.startswith("http"))
        parts = urlsplit(url)
        assert parts.scheme in ("http", "https") and "." in parts.netloc and " " not in url, url
