"""The home page's derived tables: which events it lists, which figures it gives."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.staleness import overdue_events


def events_in_order(catalog: Catalog) -> pd.DataFrame:
    return catalog.table("timeline", "events").sort_values(["event_on", "event_id"])


def milestones(events: pd.DataFrame, as_of: dt.date, recent: int) -> dict[str, pd.DataFrame]:
    """From the events in order: the latest ``recent`` recorded, the planned ones whose date has passed
    (overdue), the next planned one (never a date that has passed), and all of these in date order (shown)."""
    done, planned = events[~events["is_planned"]], events[events["is_planned"]]
    overdue = overdue_events(planned, as_of)
    upcoming = planned.drop(overdue.index).head(1)
    shown = pd.concat([done.tail(recent), overdue, upcoming]).sort_values(["event_on", "event_id"])
    return {"latest": done.tail(1), "overdue": overdue, "upcoming": upcoming, "shown": shown}


def shown_claims(catalog: Catalog, topics: list[str]) -> pd.DataFrame:
    """The claim the site shows for each of ``topics``, in that order (none without a claims table)."""
    if "claims" not in catalog.packages["sources"].resources:
        return pd.DataFrame()
    claims = catalog.table("sources", "claims")
    shown = claims[claims["is_shown"] & claims["topic"].isin(topics)]
    return shown.iloc[shown["topic"].map(topics.index).argsort(kind="stable")]
