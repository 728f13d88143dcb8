"""Derived tables of the programme section: stages in time order, the evaluated phases and what they
share, criteria in reading order."""

from __future__ import annotations

import pandas as pd


def stages_in_order(stages: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Stages in time order: by the earliest date known for each, from its own row or its events (column
    ``first``). Planned stages have no dates of their own; their planned events place them."""
    earliest = events.groupby("stage_id")["event_on"].min()
    first = stages[["starts_on", "decided_on"]].assign(event=stages["stage_id"].map(earliest)).min(axis=1)
    return stages.assign(first=first).sort_values(["first", "stage_id"], na_position="last")


def stage_spans(stages: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """``stages`` with the span a timeline draws (columns ``start`` and ``end``): from the earliest date
    known for each stage (its own or its events') to its end or decision; a stage with neither ends at
    its last event. Events after a decision (disputes, releases) stay marks beyond the span."""
    own = stages.set_index("stage_id")
    by_events = events.groupby("stage_id")["event_on"].agg(["min", "max"])
    ids = own.index.to_series()
    start = pd.concat([own["starts_on"], own["decided_on"], ids.map(by_events["min"])], axis=1).min(axis=1)
    closed = pd.concat([own["ends_on"], own["decided_on"]], axis=1).max(axis=1)
    end = closed.fillna(ids.map(by_events["max"]))
    return stages.assign(start=stages["stage_id"].map(start), end=stages["stage_id"].map(end))


def scored_phases(criteria: pd.DataFrame, outcomes: pd.DataFrame, stage_order: list[str]) -> tuple[list[str], list[str], list[str]]:
    """The evaluated stages in time order, the teams that entered any of them (by ID), and the top-level
    scored criteria that every one of them has: what the phases can be compared on."""
    scored = criteria[criteria["parent_criterion_id"].isna() & criteria["points_max"].notna()]
    phases = [s for s in stage_order if s in set(scored["stage_id"])]
    common = set.intersection(*(set(scored.loc[scored["stage_id"] == p, "criterion_id"]) for p in phases)) if phases else set()
    ranked = scored[scored["stage_id"] == phases[-1]].sort_values(["points_max", "criterion_id"], ascending=[False, True]) if phases else scored
    entered = sorted(set(outcomes.loc[outcomes["stage_id"].isin(phases), "team_id"]))
    return phases, entered, [c for c in ranked["criterion_id"] if c in common]


def criteria_order(rows: pd.DataFrame) -> list[tuple[str, bool]]:
    """(criterion_id, is_sub) with the largest weight first, pass/fail last, sub-criteria under their parent."""
    rows = rows.sort_values(["points_max", "name_en"], ascending=[False, True], na_position="last")
    parents = rows["parent_criterion_id"]
    return [
        item for top in rows.index[parents.isna()] for item in [(top, False), *((sub, True) for sub in rows.index[parents == top])]
    ]


def outcomes_in_order(outcomes: pd.DataFrame, order: list[str], team_names: pd.Series) -> pd.DataFrame:
    """Outcomes in ``order`` (the field's categories: a team's way through the stages), then by team name."""
    ranked = outcomes.assign(rank=outcomes["outcome"].map(order.index), team=outcomes["team_id"].map(team_names))
    return ranked.sort_values(["rank", "team"])
