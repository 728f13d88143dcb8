"""What a feed reader, a link preview and a correction need, read from the real `mkdocs build`: every page's
head names its language's feed, its own description, Open Graph and Twitter tags with absolute addresses and a
share image that exists (a PNG of 1200x630); hostile text from data stays text in those attributes; the
footer, the About page and the data pages link to the correction form, or say there is none."""

from __future__ import annotations

import os
import struct
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml
from conftest import PROJECT, make_project, mkdocs_build
from sovereign_ai_site import share_images
from sovereign_ai_site.corrections import form_url
from sovereign_ai_site.page_meta import first_paragraph, split, with_meta
from test_hostile_text import MARKER, inject

SHARING = ("og:type", "og:site_name", "og:title", "og:description", "og:url", "og:image", "og:image:width", "og:image:height", "og:locale", "og:locale:alternate")
HOSTILE_NAME = 'Evil "Quote" Team</title><script>window.__pwned=1</script> & \'x\''
REPOSITORY = "https://github.com/example-owner/sovereign-ai"


class Head(HTMLParser):
    """The <meta> and <link> elements of a page's head, and the footer's and the page's text around them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.anchors: list[str] = []
        self._in_head = True

    def handle_starttag(self, tag, attrs):
        attributes = {key: value or "" for key, value in attrs}
        if tag == "body":
            self._in_head = False
        elif tag == "meta" and self._in_head:
            name = attributes.get("property") or attributes.get("name")
            if name:
                self.meta.setdefault(name, []).append(attributes.get("content", ""))
        elif tag == "link" and self._in_head:
            self.links.append(attributes)
        elif tag == "a" and "href" in attributes:
            self.anchors.append(attributes["href"])

    def one(self, name: str) -> str:
        [value] = self.meta[name]
        return value

    def link(self, **wanted: str) -> list[dict[str, str]]:
        return [link for link in self.links if all(link.get(key) == value for key, value in wanted.items())]


def head_of(path: Path) -> Head:
    parser = Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def png_size(content: bytes) -> tuple[int, int]:
    assert content[:8] == b"\x89PNG\r\n\x1a\n" and content[12:16] == b"IHDR"
    return struct.unpack(">II", content[16:24])


def pages(site: Path) -> list[Path]:
    """Every page with an address of its own (the "not found" pages answer for any missing address)."""
    return [p for p in sorted(site.rglob("*.html")) if p.name != "404.html"]


def test_every_page_has_its_sharing_tags_with_absolute_addresses(built_site, site_address):
    address = site_address[1]
    images = set()
    for page in pages(built_site):
        path = page.relative_to(built_site).as_posix()
        english = path.startswith("en/")
        head = head_of(page)
        assert all(name in head.meta for name in (*SHARING, "description", "twitter:card")), (path, sorted(head.meta))
        url = address + path.removesuffix("index.html")
        assert head.one("og:url") == url and head.link(rel="canonical")[0]["href"] == url, path
        assert head.one("og:locale") == ("en_US" if english else "ko_KR"), path
        assert head.meta["og:locale:alternate"] == (["ko_KR"] if english else ["en_US"]), path
        assert head.one("twitter:card") == "summary_large_image"
        assert head.one("og:description") == head.one("description") != "", path
        image = head.one("og:image")
        assert image.startswith(address + ("en/" if english else "")), (path, image)
        content = (built_site / image.removeprefix(address)).read_bytes()
        assert png_size(content) == (int(head.one("og:image:width")), int(head.one("og:image:height"))) == (1200, 630), path
        images.add(image.removeprefix(address).removeprefix("en/"))
        # The language's own feed, and the site's own icons.
        [feed] = head.link(type="application/atom+xml")
        assert feed["href"] == address + ("en/" if english else "") + "feed.xml" and feed["rel"] == "alternate", path
        assert (built_site / feed["href"].removeprefix(address)).is_file()
        [icon] = head.link(rel="icon")
        assert icon["href"].endswith("assets/images/favicon.svg") and icon["type"] == "image/svg+xml"
        [touch] = head.link(rel="apple-touch-icon")
        assert png_size((page.parent / touch["href"]).read_bytes()) == (180, 180)
    # One image per page type, each of its own.
    assert {f"assets/images/share/{kind}.png" for kind in ("home", "team", "teams", "data", "funding", "sources", "about")} <= images
    assert len({(built_site / image).read_bytes() for image in images}) == len(images)
    assert (built_site / "assets/images/favicon.svg").read_text().startswith("<svg")


def test_each_page_has_a_description_of_its_own(built_site):
    descriptions = {page.relative_to(built_site).as_posix(): head_of(page).one("description") for page in pages(built_site)}
    counts = Counter(descriptions.values())
    repeated = {path: text for path, text in descriptions.items() if counts[text] > 1}
    share = 1 - len(repeated) / len(descriptions)
    print(f"unique descriptions: {len(descriptions) - len(repeated)} of {len(descriptions)} pages ({share:.0%})")
    assert repeated == {}
    # Drawn from the content: a team's status and latest outcome, a table's own description.
    team = descriptions["teams/upstage/index.html"]
    assert team.startswith("업스테이지 컨소시엄: 참여 중.") and "가장 최근 결과:" in team, team
    assert descriptions["en/teams/upstage/index.html"].startswith("Upstage consortium: Active.")
    assert descriptions["en/data/teams/teams/index.html"].startswith("One row per team")
    assert descriptions["en/data/teams/members/page-2/index.html"].endswith("(page 2)")


def test_the_home_page_links_its_feed(built_site):
    for home in (built_site / "index.html", built_site / "en/index.html"):
        assert "feed.xml" in head_of(home).anchors


def test_without_a_repository_the_footer_and_the_pages_say_so(built_site):
    if os.environ.get("REPO_URL"):  # the build then has one: the fixture test below checks the links
        return
    about = (built_site / "about/index.html").read_text(encoding="utf-8")
    assert about.count("저장소 주소(REPO_URL)가 설정되지 않아") == 2  # the page's own paragraph and the footer
    table = (built_site / "en/data/teams/teams/index.html").read_text(encoding="utf-8")
    assert '<p class="report-problem">This build has no repository address (REPO_URL)' in table
    assert "md-source" not in table  # no repository link in the header either


def test_hostile_text_stays_text_in_the_head_and_the_correction_links(tmp_path):
    """A team and package named with quotes and a script, built with a site and a repository address."""
    project = make_project(tmp_path)
    inject(project, HOSTILE_NAME)
    config = project / "mkdocs.yml"
    extra = {"extra": {"corrections": {"repository": "Repository", "link": "Send a correction", "unset": "No repository."}}}
    config.write_text(config.read_text() + f"site_url: https://data.example.kr/fixture/\nrepo_url: {REPOSITORY}\n" + yaml.safe_dump(extra))
    site = tmp_path / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stdout + result.stderr
    package = site / "data/teams/index.html"
    text = package.read_text(encoding="utf-8")
    head = text.split("</head>", 1)[0]
    assert "<script>window.__pwned" not in head and "</title><script>" not in head
    expected = f"{MARKER} {HOSTILE_NAME}"
    parsed = head_of(package)
    assert parsed.one("description") == parsed.one("og:description") == expected
    assert parsed.one("og:title") == expected
    # The data page's report link: the correction form, with the page and the table filled in.
    [report] = [href for href in parsed.anchors if "template=correction.yml" in href and "page=" in href]
    query = parse_qs(urlsplit(report).query)
    assert report.startswith(f"{REPOSITORY}/issues/new?") and query["template"] == ["correction.yml"]
    [filled] = query["page"]  # the fixture's English site is at the root, which the pipeline takes for the Korean one's
    assert filled.startswith("https://data.example.kr/fixture/") and filled.endswith("/data/teams/") and query["title"] == [f"Correction: {expected}"]
    # The footer links to the repository and its form on every page.
    for page in pages(site):
        anchors = head_of(page).anchors
        assert REPOSITORY in anchors and f"{REPOSITORY}/issues/new?template=correction.yml" in anchors, page
        assert 'data-md-component="source"' not in page.read_text(encoding="utf-8")  # no request to the code host's API


def test_front_matter_keeps_any_text_as_it_is():
    for text in (HOSTILE_NAME, "a: b # c\n---\nd", "'\"\\ …", "- [x](y)"):
        meta, body = split(with_meta("# Title\n\nBody\n", description=text))
        assert meta["description"] == text and body == "# Title\n\nBody\n"
    assert first_paragraph("# T\n\n<div>x</div>\n\nA \\(b\\) [link](c.md) &amp; <a href=\"d\">e</a>\\.\n") == "A (b) link & e."
    assert len(first_paragraph("# T\n\n" + "word " * 100)) <= 200


def test_share_images_are_the_same_bytes_each_build():
    first = share_images.images()
    share_images.share_image.cache_clear()
    share_images.touch_icon.cache_clear()
    assert share_images.images() == first
    assert all(png_size(content) == (1200, 630) for path, content in first.items() if path.startswith(share_images.SHARE_DIR))
    assert len(set(first.values())) == len(first)


def test_correction_form_asks_for_the_page_the_value_and_a_source():
    form = yaml.safe_load((PROJECT / ".github/ISSUE_TEMPLATE/correction.yml").read_text(encoding="utf-8"))
    assert form["name"] and form["description"] and isinstance(form["body"], list)
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    for required in ("page", "value", "source"):
        assert fields[required]["validations"]["required"] is True and fields[required]["attributes"]["label"]
    assert all(item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"} for item in form["body"])
    config = yaml.safe_load((PROJECT / ".github/ISSUE_TEMPLATE/config.yml").read_text(encoding="utf-8"))
    assert isinstance(config["blank_issues_enabled"], bool)
    # The site fills the form's fields by their ids; a host other than GitHub gets the repository's address.
    query = parse_qs(urlsplit(form_url(REPOSITORY + "/", page="https://x.kr/a/", title="T")).query)
    assert query == {"template": ["correction.yml"], "page": ["https://x.kr/a/"], "title": ["T"]}
    assert set(query) - {"template", "title"} <= set(fields)
    assert form_url("https://gitlab.example.kr/o/r") == "https://gitlab.example.kr/o/r"
