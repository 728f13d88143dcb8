"""Escaping: every value from data reaches the page as literal text."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import pandas as pd
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


def set_aside_tables(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each ``table`` replaced by a placeholder, and the tables.

    Python-Markdown parses every tag of a raw HTML block only to pass it through unchanged, and
    tables are half of the generated Markdown: the MkDocs hook sets them aside while Markdown
    runs. A placeholder keeps the table's ids, as empty anchors, for MkDocs' check of links."""
    tables: list[str] = []

    def placeholder(match: re.Match) -> str:
        tables.append(match.group())
        anchors = "".join(f'<a id="{i}"></a>' for i in _ID.findall(match.group()))
        return f'<div data-set-aside="{len(tables) - 1}">{anchors}</div>'

    return _TABLE.sub(placeholder, markdown), tables


def put_back_tables(html: str, tables: list[str]) -> str:
    """The HTML with every placeholder of ``set_aside_tables`` replaced by its table."""
    html, count = _PLACEHOLDER.subn(lambda m: tables[int(m.group(1))], html)
    if count != len(tables):
        raise RuntimeError(f"{len(tables) - count} of {len(tables)} tables set aside did not come back from Markdown")
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
