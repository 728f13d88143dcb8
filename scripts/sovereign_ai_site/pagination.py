"""Long listings on pages of a fixed number of rows, so that no page grows with the data.

A listing's first page keeps its address (``sources/index.md``); the rest follow it
as ``sources/page-2.md``, ``sources/page-3.md``… (a name no team or package page takes), so a row's page depends only on its position.
Tables that are part of a larger page show their first rows and say where the rest are.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TypeVar

from markupsafe import Markup

from sovereign_ai_site import markup
from sovereign_ai_site.i18n import t

ROWS_PER_PAGE = 50
Row = TypeVar("Row")


def page_paths(first_page: str, row_count: int) -> list[str]:
    """Every page of a listing of ``row_count`` rows whose first page is ``<folder>/index.md``."""
    folder, _, name = first_page.rpartition("/")
    if name != "index.md" or not folder:
        raise ValueError(f"a paged listing starts at a folder's index.md, not {first_page}")
    count = max(1, math.ceil(row_count / ROWS_PER_PAGE))
    return [first_page] + [f"{folder}/page-{number}.md" for number in range(2, count + 1)]


def table_page_paths(first_page: str, row_count: int) -> list[str]:
    """Every page of a table of ``row_count`` rows whose first page is ``<folder>/<name>.md``: the rest
    follow it as ``<folder>/<name>/page-2.md``… (addresses under the first page's own)."""
    if not first_page.endswith(".md") or first_page.endswith("/index.md"):
        raise ValueError(f"a table's pages start at a page of its own, not {first_page}")
    count = max(1, math.ceil(row_count / ROWS_PER_PAGE))
    return [first_page] + [f"{first_page.removesuffix('.md')}/page-{number}.md" for number in range(2, count + 1)]


def chunk(rows: Sequence[Row], number: int) -> Sequence[Row]:
    """The rows on page ``number`` (1-based)."""
    return rows[(number - 1) * ROWS_PER_PAGE : number * ROWS_PER_PAGE]


def page_number(position: int) -> int:
    """The page (1-based) that shows the row at ``position`` (0-based)."""
    return position // ROWS_PER_PAGE + 1


def pager(paths: list[str], number: int, row_count: int) -> Markup:
    """Which rows this page shows, and links to every page of the listing; empty for one page."""
    if len(paths) == 1:
        return Markup("")
    here = paths[number - 1]
    first, last = (number - 1) * ROWS_PER_PAGE + 1, min(number * ROWS_PER_PAGE, row_count)
    label, shown = t("pager.label"), t("pager.rows_shown", count=row_count, first=first, last=last)
    links = []
    for n in _pages_linked(number, len(paths)):
        if n is None:
            links.append(Markup("…"))
        elif n == number:
            links.append(Markup('<strong aria-current="page">{}</strong>').format(n))
        else:
            links.append(markup.anchor(str(n), markup.relative(here, paths[n - 1])))
    links = Markup(" ").join(links)
    return Markup('<nav class="pager" aria-label="{}"><p>{} · {}</p></nav>').format(label, shown, links)


def _pages_linked(number: int, count: int) -> list[int | None]:
    """The first, the last and the two either side of this page, with None for a gap: a bounded pager."""
    wanted = sorted({1, count, *range(max(1, number - 2), min(count, number + 2) + 1)})
    linked: list[int | None] = []
    for n in wanted:
        if linked and n - linked[-1] > 1:
            linked.append(None)
        linked.append(n)
    return linked


def first_rows(rows: Sequence[Row]) -> Sequence[Row]:
    """The rows a table inside a larger page shows."""
    return rows[:ROWS_PER_PAGE]


def rows_in_page(rows: Sequence[Row], page: str, package: str) -> tuple[Sequence[Row], Markup]:
    """A table inside a larger page: its first rows, and a note pointing to the data package with all of them."""
    where = markup.anchor(t("pager.package", package=package), markup.relative(page, f"data/{package}/index.md"))
    return first_rows(rows), more_rows_note(len(rows), where)


def more_rows_note(row_count: int, where: Markup) -> Markup:
    """Says that a table shows only its first rows, and where all of them are; empty when it shows all."""
    if row_count <= ROWS_PER_PAGE:
        return Markup("")
    return Markup('<p class="more-rows">{} {}</p>').format(t("pager.first_rows", count=row_count, shown=ROWS_PER_PAGE), where)
