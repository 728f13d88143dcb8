"""Derived tables of the models page."""

from __future__ import annotations

import pandas as pd


def in_release_order(models: pd.DataFrame) -> pd.DataFrame:
    """Models by release date, then name; those not yet dated last."""
    return models.sort_values(["released_on", "name"], na_position="last")


def sized(models: pd.DataFrame) -> pd.DataFrame:
    """The models a size chart can draw: both the release date and the total size published."""
    return models.dropna(subset=["released_on", "params_total_b"])
