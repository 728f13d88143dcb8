"""The figures the data pages give about a package: its rows, the documents its rows cite, the span of
its dates."""

from __future__ import annotations

import datetime as dt

from sovereign_ai_site.packages import DataPackage


def row_count(package: DataPackage) -> int:
    """Rows over every table of the package."""
    return sum(len(r.table) for r in package.resources.values())


def cited(package: DataPackage) -> list[str]:
    """Every non-empty ``source_ids`` cell of every table, in table and row order."""
    return [v for r in package.resources.values() if "source_ids" in r.table for v in r.table["source_ids"].dropna()]


def distinct_sources(cells: list[str]) -> list[str]:
    """The source IDs that ``source_ids`` cells name, each once, first-cited first."""
    return list(dict.fromkeys(i for v in cells for i in v.split(";")))


def date_range(package: DataPackage) -> tuple[dt.date, dt.date] | None:
    """First and last value over every date field of every table; None when there is none."""
    dates = [
        value
        for r in package.resources.values()
        for f in r.fields
        if f["type"] == "date"
        for value in r.table[f["name"]]
        if value is not None
    ]
    return (min(dates), max(dates)) if dates else None
