"""Escaping: every value from data reaches the page as literal text."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import pandas as pd
from markdown.htmlparser import void_tags
from markdown.util import BLOCK_LEVEL_ELEMENTS
from markupsafe import Markup

# Characters Python-Markdown (and its table extension) treat as syntax.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def md(value: object) -> Markup:
    """Inline Markdown context: HTML-escape, then backslash-escape Markdown syntax."""
    if isinstance(value, Markup):
        return value
    # Quotes stay literal: they mean nothing in Markdown text, and escaping them would
    # leak "x27" into heading anchors.
    return Markup(_MARKDOWN_SYNTAX.sub(r"\\\1", html.escape(_plain(value), quote=False)))


# Characters that start inline Markdown (links, images, emphasis, code, attribute lists, escapes),
# as HTML character references: the browser shows them as they are, and Markdown never sees syntax.
# An underscore inside a word (criterion_id) is no syntax to Python-Markdown and stays as it is.
_INLINE_SYNTAX = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*[]!{}"})
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")


def h(value: object) -> Markup:
    """HTML context: escaped for HTML, and for Markdown too, since an HTML element inside a paragraph
    (a link, a cell of a generated table) still has its text parsed by Markdown."""
    if isinstance(value, Markup):
        return value
    escaped = html.escape(_plain(value), quote=True).translate(_INLINE_SYNTAX)
    return Markup(_EMPHASIS_UNDERSCORE.sub("&#95;", escaped))


# Control characters (Unicode category Cc) that are not whitespace.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


def _plain(value: object) -> str:
    """One line of text without control characters (Markdown uses some as placeholders)."""
    return " ".join(_CONTROL.sub("", str(value)).split())


def safe_url(value: object) -> str | None:
    """The URL if it is http(s) and well-formed, else None."""
    if not isinstance(value, str):
        return None
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value.strip()):
        return None
    return value.strip()


def link(text: object, url: object) -> Markup:
    """An HTML link to an http(s) URL, or the plain text when the URL is unsafe."""
    href = safe_url(url)
    if href is None:
        return h(text)
    return Markup(f'<a href="{html.escape(href, quote=True)}">{h(text)}</a>')


def anchor(text: object, href: str) -> Markup:
    """A link to a path inside this site, built by our code (never from data)."""
    return Markup('<a href="{}">{}</a>').format(href, h(text))


def table(
    headers: list[str],
    rows: list[list[object]],
    caption: str | None = None,
    row_ids: list[str] | None = None,
    region: str | None = None,
    column_types: list[str] | None = None,
) -> Markup:
    """A block-level HTML table in Material's scroll wrapper; cells are escaped unless already Markup.

    The class keeps Material's script from wrapping the table a second time at start-up (it wraps
    every table without one), which moved every table in the page and so laid it out twice.
    With ``region`` (its accessible name) the scroll wrapper is a named region in the tab order, so a
    wide table scrolls from the keyboard; ``column_types`` (Table Schema types) tell a sorting script
    how to compare each column. A space between cells (and rows) keeps their words apart in the search
    index, which reads a table's text with its tags taken out."""
    types = [f' data-type="{h(x)}"' for x in column_types] if column_types else [""] * len(headers)
    head = " ".join(f'<th scope="col"{k}>{h(x)}</th>' for x, k in zip(headers, types))
    ids = [f' id="{h(i)}"' for i in row_ids] if row_ids else [""] * len(rows)
    body = " ".join(f"<tr{i}>" + " ".join(f"<td>{h(_blank(c))}</td>" for c in row) + "</tr>" for i, row in zip(ids, rows))
    cap = f"<caption>{h(caption)}</caption> " if caption else ""
    wrap = f' tabindex="0" role="region" aria-label="{h(region)}"' if region else ""
    return Markup(
        f'<div class="md-typeset__scrollwrap"{wrap}><div class="md-typeset__table">{_TABLE_START}{cap}<thead><tr>{head}</tr></thead> <tbody>{body}</tbody></table></div></div>'
    )


_TABLE_START = '<table class="data-table">'
_TABLE = re.compile(re.escape(_TABLE_START) + ".*?</table>", re.DOTALL)  # no table holds another
_ID = re.compile(r'\sid="([^"]*)"')
_PLACEHOLDER = re.compile(r'<div data-set-aside="(\d+)">(?:<a id="[^"]*"></a>)*</div>')
_BLANK_LINES = re.compile(r"(\n[ \t]*\n)")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^>]*?)?(/?)>")
_BLOCK_LEVEL = frozenset(BLOCK_LEVEL_ELEMENTS)
# What Python-Markdown reads otherwise than as tags: comments and declarations, text that may hold a
# "<", and HTML it would parse as Markdown (md_in_html). A run of lines with any of it stays in.
_NOT_PLAIN_TAGS = ("<!", "<?", "<script", "<style", "<pre", "<textarea", " markdown=")


def set_aside_html(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with its raw HTML blocks, and the generated tables of the rest, replaced by
    placeholders; and what they replace.

    Python-Markdown parses every tag of a raw HTML block only to pass it through unchanged, and most of
    a generated page is raw HTML: the MkDocs hook sets it aside while Markdown runs. A block set aside is a
    run of lines between blank lines that is nothing but block-level elements, each starting a line and
    closed (``_raw_blocks_end``), which Python-Markdown would pass on as they are. A placeholder keeps the
    ids of what it replaces, as empty anchors, for MkDocs' check of links."""
    aside: list[str] = []

    def placeholder(html: str) -> str:
        aside.append(html)
        anchors = "".join(f'<a id="{i}"></a>' for i in _ID.findall(html))
        return f'<div data-set-aside="{len(aside) - 1}">{anchors}</div>'

    pieces = _BLANK_LINES.split(markdown)  # runs of lines, and the blank lines between them
    out, n = [], 0
    while n < len(pieces):
        last = _raw_blocks_end(pieces, n)
        if last is None:
            out.append(_TABLE.sub(lambda m: placeholder(m.group()), pieces[n]))
            last = n
        else:
            block = "".join(pieces[n : last + 1])
            html = block.rstrip("\n")
            out.append(placeholder(html) + block[len(html) :])
        out.extend(pieces[last + 1 : last + 2])  # the blank lines after it
        n = last + 2
    return "".join(out), aside


def _raw_blocks_end(pieces: list[str], start: int) -> int | None:
    """Where raw HTML blocks that start ``pieces[start]`` end: the last of the runs of lines (every other
    piece is blank lines) holding one or more block-level elements, each starting a line and closed, with
    nothing around them, which Python-Markdown passes through as they are (blank lines inside an element
    included). None where ``pieces[start]`` does not start such elements."""
    if not pieces[start].startswith("<"):
        return None
    open_tags: list[str] = []
    for n in range(start, len(pieces), 2):
        lines = pieces[n].rstrip("\n")
        if any(marker in lines for marker in _NOT_PLAIN_TAGS):
            return None
        closed_at = 0  # where the last element at the top level ended in these lines
        for tag in _TAG.finditer(lines):
            closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
            if not open_tags and (closing or name not in _BLOCK_LEVEL or lines[closed_at : tag.start()] not in ("", "\n")):
                return None
            if closing:
                if open_tags.pop() != name:
                    return None
            elif not self_closing and name not in void_tags:
                open_tags.append(name)
            if not open_tags:
                closed_at = tag.end()
        if not open_tags:
            return n if closed_at == len(lines) else None
    return None


def put_back_html(html: str, aside: list[str]) -> str:
    """The HTML with every placeholder of ``set_aside_html`` replaced by what it set aside."""
    html, count = _PLACEHOLDER.subn(lambda m: aside[int(m.group(1))], html)
    if count != len(aside):
        raise RuntimeError(f"{len(aside) - count} of {len(aside)} blocks set aside did not come back from Markdown")
    return html


def _blank(value: object) -> object:
    return "" if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)) else value


def page_url(page: str) -> str:
    """Site URL of a Markdown page under directory URLs: ``teams/lg.md`` → ``teams/lg/``."""
    stem = page.removesuffix(".md")
    stem = stem.removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


def relative(from_page: str, to: str) -> str:
    """Link from a page to a page (``.md``) or file, for raw HTML where MkDocs rewrites nothing."""
    target, _, anchor = to.partition("#")
    if target.endswith(".md"):
        target = page_url(target)
    up = "../" * page_url(from_page).count("/")
    return (up + target or "./") + (f"#{anchor}" if anchor else "")
