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


def stages_in_order(catalog: Catalog) -> pd.DataFrame:
    """The stages as the programme ran them: by decision date (undecided last), then by start."""
    stages = catalog.table("program", "stages")
    return stages.sort_values(["decided_on", "starts_on", "stage_id"], na_position="last")


def teams_still_in(catalog: Catalog) -> pd.DataFrame:
    """The active teams, each with its latest published total score (its stage and sources) and the next
    planned stage it has no outcome in (``next_stage_id``, empty without one). Columns: team_id,
    score_stage_id, score, score_source_ids, next_stage_id."""
    teams = catalog.table("teams", "teams").query("status == 'active'")
    stages = stages_in_order(catalog)
    order = {stage_id: rank for rank, stage_id in enumerate(stages["stage_id"])}
    outcomes = catalog.table("teams", "outcomes")
    planned = [s for s, is_planned in zip(stages["stage_id"], stages["is_planned"]) if is_planned]
    if "evaluations" in catalog.packages:
        scores = catalog.table("evaluations", "scores").query("criterion_id == 'total'")
    else:
        scores = pd.DataFrame(columns=["team_id", "stage_id", "score", "source_ids"])
    rows = []
    for team_id in teams["team_id"]:
        own = scores[scores["team_id"] == team_id]
        latest = own.iloc[own["stage_id"].map(order).argsort(kind="stable")].tail(1)
        done = set(outcomes.loc[outcomes["team_id"] == team_id, "stage_id"])
        upcoming = [s for s in planned if s not in done]
        rows.append(
            {
                "team_id": team_id,
                "score_stage_id": latest["stage_id"].iloc[0] if len(latest) else None,
                "score": latest["score"].iloc[0] if len(latest) else None,
                "score_source_ids": latest["source_ids"].iloc[0] if len(latest) else None,
                "next_stage_id": upcoming[0] if upcoming else None,
            }
        )
    return pd.DataFrame(rows, columns=["team_id", "score_stage_id", "score", "score_source_ids", "next_stage_id"])
