"""The teams' derived tables: their order, their rows of the other tables, their published totals, and the
outcome that decided each team's status. Pure functions of the catalog's tables."""

from __future__ import annotations

import pandas as pd

from sovereign_ai_site.packages import Catalog


def status_order(catalog: Catalog) -> list[str]:
    """The teams' statuses in the order their field's categories list them (still in the programme first)."""
    [status] = [f for f in catalog.resource("teams", "teams").fields if f["name"] == "status"]
    return [category["value"] for category in status["categories"]]


def in_status_order(catalog: Catalog, names: pd.Series) -> pd.DataFrame:
    """The teams by status (in the categories' order), then by ``names`` (indexed by team_id)."""
    teams = catalog.table("teams", "teams")
    order = status_order(catalog)
    ranked = teams.assign(rank=teams["status"].map(order.index), name=teams["team_id"].map(names))
    return ranked.sort_values(["rank", "name"]).drop(columns=["rank", "name"])


def member_counts(catalog: Catalog) -> pd.Series:
    """The number of member rows of each team, by team_id (teams with none are absent)."""
    return catalog.table("teams", "members")["team_id"].value_counts()


def total_points(catalog: Catalog) -> dict[str, float]:
    """The maximum total score of each evaluated stage."""
    if "evaluations" not in catalog.packages:
        return {}
    criteria = catalog.table("evaluations", "criteria")
    totals = criteria[criteria["criterion_id"] == "total"]
    return dict(zip(totals["stage_id"], totals["points_max"]))


def total_scores(scored: pd.DataFrame | None) -> pd.Series:
    """A team's total score by stage_id, from its rows of the scores (None: no evaluations package)."""
    return scored.set_index("stage_id")["score"] if scored is not None else pd.Series(dtype=float)


def members_in_order(members: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    """A team's members: the lead first, then by type of organisation, then by ``names`` (one per row)."""
    members = members.assign(is_lead=members["role"] == "lead", name=names)
    return members.sort_values(["is_lead", "org_type", "name"], ascending=[False, True, True])


def decisive_outcomes(catalog: Catalog, status: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The teams with ``status``, and the latest stage outcome of each (the one that put it there)."""
    teams = catalog.table("teams", "teams").query("status == @status")
    outcomes = catalog.table("teams", "outcomes").query("team_id in @teams.team_id").sort_values("decided_on")
    return teams, outcomes.groupby("team_id").tail(1)


class TeamRows:
    """Each team's rows of the tables a team page lists, split once rather than filtered per team."""

    def __init__(self, catalog: Catalog):
        orgs = catalog.table("teams", "organisations").set_index("org_id")
        tables = {
            "members": catalog.table("teams", "members").merge(orgs, left_on="org_id", right_index=True, suffixes=("", "_org")),
            "outcomes": catalog.table("teams", "outcomes"),
            **({"models": catalog.table("models", "models")} if "models" in catalog.packages else {}),
            **({"support": catalog.table("funding", "support")} if "funding" in catalog.packages else {}),
            **({"scores": catalog.table("evaluations", "scores").query("criterion_id == 'total'")} if "evaluations" in catalog.packages else {}),
        }
        self._empty = {name: table.iloc[0:0] for name, table in tables.items()}
        self._groups = {name: dict(tuple(table.groupby("team_id", sort=False))) for name, table in tables.items()}

    def __call__(self, name: str, team_id: str) -> pd.DataFrame | None:
        """The team's rows of ``name`` in file order; None where its package is absent."""
        if name not in self._groups:
            return None
        return self._groups[name].get(team_id, self._empty[name])


# Outcomes that let a team go on to the next stage (the others end its run, or it declined a call).
PASSED = frozenset({"applied", "shortlisted", "selected", "advanced", "added"})
ENDED = frozenset({"not-shortlisted", "not-selected", "eliminated"})


def next_stages(stages: pd.DataFrame, outcomes: pd.DataFrame) -> pd.DataFrame:
    """The planned stages (in ``stages``' order) in which a team, of ``outcomes``, has no outcome yet."""
    planned = stages[stages["is_planned"]]
    return planned[~planned["stage_id"].isin(outcomes["stage_id"])]
