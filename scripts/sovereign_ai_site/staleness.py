"""Planned rows whose date has passed with no result recorded: silence the build can see.

A planned event or stage dated before the data's as-of date, and with no outcome, is either late or
missing from the record. ``validate`` lists each as a warning with its address, and the pages say
"not yet reported as of …" instead of announcing a past date as next.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pandas as pd

from sovereign_ai_site.errors import Problem
from sovereign_ai_site.i18n import speaking, t
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.render import format_date


def period_end(day: dt.date, precision: str = "day") -> dt.date:
    """The last day a date of this precision stands for: 2026-08-01 at month precision is all of August."""
    if precision == "year":
        return dt.date(day.year, 12, 31)
    if precision == "month":
        return dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    return day


def is_past(day: dt.date | None, precision: str, as_of: dt.date) -> bool:
    return day is not None and not pd.isna(day) and period_end(day, precision) < as_of


def overdue_events(events: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """Planned events whose whole period lies before ``as_of``."""
    past = [is_past(d, p, as_of) for d, p in zip(events["event_on"], events["date_precision"])]
    return events[events["is_planned"] & pd.Series(past, index=events.index, dtype=bool)]


def planned_text(events: pd.DataFrame, as_of: dt.date, lang: str | None = None) -> list[str]:  # lang: transitional
    """Per event: "planned", "not yet reported as of …" where its date has passed, or nothing."""
    if lang is not None:
        with speaking(lang):
            return planned_text(events, as_of)
    overdue = set(overdue_events(events, as_of).index)
    late, planned = t("staleness.not_yet_reported", date=format_date(as_of)), t("staleness.planned")
    return [(late if index in overdue else planned) if is_planned else "" for index, is_planned in events["is_planned"].items()]


def stale_rows(catalog: Catalog, as_of: dt.date) -> list[Problem]:
    """A warning for every planned row dated before ``as_of`` that has no recorded result."""
    warnings = []
    if "timeline" in catalog.packages:
        resource = catalog.resource("timeline", "events")
        for index, event in overdue_events(resource.table, as_of).iterrows():
            when = event["event_on"].isoformat()[: {"year": 4, "month": 7}.get(event["date_precision"], 10)]
            warnings.append(Problem(resource.path, index + 2, "event_on", f"planned for {when}, no result recorded as of {as_of.isoformat()}"))
    if "program" in catalog.packages:
        resource = catalog.resource("program", "stages")
        for index, stage in resource.table.iterrows():
            if stage["is_planned"] and stage["ends_on"] is not None and stage["ends_on"] < as_of and pd.isna(stage["decided_on"]):
                warnings.append(Problem(resource.path, index + 2, "ends_on", f"planned to end {stage['ends_on'].isoformat()}, no result recorded as of {as_of.isoformat()}"))
    return warnings
