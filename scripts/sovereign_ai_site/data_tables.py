"""A table's rows as its CSV file writes them, in a block that ``tables.js`` makes sortable and filterable.

The page shows the cells of the published CSV as they are (so what a reader sees, sorts and filters is
what the file holds), a page of rows at a time. With JavaScript, the first sort or filter reads the whole
CSV (same origin, as the Content-Security-Policy allows) and works over every row; without it the table
and its pager are all there. Every cell is escaped by ``markup.table``.
"""

from __future__ import annotations

import csv
import io

from markupsafe import Markup

from sovereign_ai_site import markup
from sovereign_ai_site.i18n import t
from sovereign_ai_site.packages import Resource


def csv_cells(content: bytes) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of a CSV file, as text."""
    header, *rows = csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""))
    return header, rows


def sortable(page: str, resource: Resource, header: list[str], rows: list[list[str]], total: int, name: str) -> Markup:
    """``rows`` of the resource's ``total``, in a named scroll region, with the CSV's address for the script."""
    types = {f["name"]: f["type"] for f in resource.fields}
    table = markup.table(header, rows, region=name, column_types=[types.get(column, "string") for column in header])
    return Markup(
        '<div class="sortable" data-csv="{csv}" data-filter-label="{filter}" data-shown="{shown}" data-sort-hint="{hint}">'
        '<div class="table-tools"><p class="table-tools__count">{count}</p></div>{table}</div>'
    ).format(
        csv=markup.relative(page, resource.path),
        filter=markup.h(t("tables.filter")),
        shown=markup.h(t("tables.shown")),
        hint=markup.h(t("tables.sort_hint")),
        count=markup.h(t("tables.count", count=total)),
        table=table,
    )
