"""Derived tables of the funding page: support in page order, the largest announced figure of each kind,
the teams' GPU rows."""

from __future__ import annotations

import pandas as pd


def in_page_order(support: pd.DataFrame, kinds: list[str]) -> pd.DataFrame:
    """Support rows by kind (in ``kinds``' order), then team (programme-wide rows first), period and ID."""
    ordered = support.assign(kind_order=support["support_kind"].map(kinds.index))
    return ordered.sort_values(["kind_order", "team_id", "period_start", "support_id"], na_position="first")


def largest_announced(support: pd.DataFrame) -> pd.DataFrame:
    """Each kind's largest announced amount: a kind's total, where its parts were announced too."""
    announced = support[(support["figure_kind"] == "announced") & support["amount_krw"].notna()]
    return announced.loc[announced.groupby("support_kind", sort=False)["amount_krw"].idxmax()]


def team_gpus(support: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Teams' GPU rows with a count, and those with no figure at all (rows that give only a value are left out)."""
    gpus = support[(support["support_kind"] == "gpu") & support["team_id"].notna()]
    return gpus[gpus["gpu_count"].notna()], gpus[gpus["gpu_count"].isna() & gpus["amount_krw"].isna()]
