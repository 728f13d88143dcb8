"""Each generated page's metadata, as YAML front matter: its description and its share image.

The theme (``overrides/main.html``) writes them into the page's ``<head>``: ``<meta name="description">``,
``og:description``, ``og:image``. A page builder may give a description of its own (a team's status and latest
outcome: ``with_meta``); any other page is described by its first paragraph of prose after its title, as
plain text. Values are written by the YAML library, so text from data stays text, and the theme escapes them
in their attributes.
"""

from __future__ import annotations

import html
import re

import yaml

from sovereign_ai_site.i18n import t
from sovereign_ai_site.share_images import share_image_path

LIMIT = 200  # characters: search engines and link previews show about this much, or less
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n\n?", re.DOTALL)
_PAGE_NUMBER = re.compile(r"/page-(\d+)(?:/index)?\.md$")


def with_meta(markdown: str, **meta: str) -> str:
    """``markdown`` with front matter holding ``meta`` (merged over any it has)."""
    old, body = split(markdown)
    merged = {**old, **{key: value for key, value in meta.items() if value}}
    if not merged:
        return body
    return "---\n" + yaml.safe_dump(merged, allow_unicode=True, sort_keys=False, width=1_000_000) + "---\n\n" + body


def split(markdown: str) -> tuple[dict, str]:
    """A page's front matter and its Markdown."""
    match = _FRONT_MATTER.match(markdown)
    if not match:
        return {}, markdown
    return yaml.safe_load(match.group(1)) or {}, markdown[match.end() :]


def body(markdown: str) -> str:
    return split(markdown)[1]


def described_page(markdown: str, path: str, kind: str) -> str:
    """The page with its description (its own, or its first paragraph) and the share image of its type."""
    meta, text = split(markdown)
    description = meta.get("description") or first_paragraph(text)
    page = _PAGE_NUMBER.search(path)
    if page and description:
        description = f"{description} ({t('sharing.page_number', number=int(page.group(1)))})"
    return with_meta(markdown, description=description, image=meta.get("image") or share_image_path(kind))


def first_paragraph(markdown: str) -> str:
    """The first paragraph of prose after the page's title, as plain text, shortened to ``LIMIT``."""
    for block in re.split(r"\n\s*\n", markdown):
        block = block.strip()
        if not block or block.startswith(("#", "<div", "<section", "<figure", "<ol", "<ul", "<table", "<nav", "<details", "<script", "{", "|", "```", "!!!", "- ", "1. ")):
            continue
        text = plain(block)
        if text:
            return shorten(text)
    return ""


def plain(markdown: str) -> str:
    """Markdown and inline HTML as the text a reader sees."""
    text = re.sub(r"<[^>]+>", "", markdown)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~&])", r"\1", text)
    text = re.sub(r"(\*\*|`)", "", text)  # emphasis and code marks; in text from data they are character references
    return " ".join(html.unescape(text).split())


def shorten(text: str, limit: int = LIMIT) -> str:
    """``text`` cut at the last word that fits in ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    cut = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:·(")
    return cut if cut.endswith(".") else cut + "…"  # a cut after a whole sentence needs no ellipsis
