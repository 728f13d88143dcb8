"""Derived tables of the strategy page: the AI budget in order, the GPU purchases by programme."""

from __future__ import annotations

import pandas as pd


def budget_in_order(budget: pd.DataFrame, kinds: list[str]) -> pd.DataFrame:
    """Budget rows by fiscal year, then by kind of figure in ``kinds``' order."""
    return budget.assign(rank=budget["figure_kind"].map(kinds.index)).sort_values(["fiscal_year", "rank"])


def procurement_in_order(rows: pd.DataFrame) -> pd.DataFrame:
    """Procurement rows by programme (dated programmes first, by their first announcement), the programme's
    total after its parts, larger parts first; ``is_total`` marks a programme's total."""
    first = rows.groupby("programme_en")["announced_on"].transform(lambda d: d.dropna().min() if d.notna().any() else None)
    rows = rows.assign(first=first, is_total=totals(rows))
    return rows.sort_values(
        ["first", "programme_en", "is_total", "gpu_count", "procurement_id"], ascending=[True, True, True, False, True], na_position="last"
    )


def totals(rows: pd.DataFrame) -> pd.Series:
    """A row is its programme's total when its count equals the sum of the programme's other rows (two or more)."""
    def total(group: pd.DataFrame) -> pd.Series:
        others = group["gpu_count"].sum() - group["gpu_count"]
        return (len(group) > 2) & (group["gpu_count"] == others)
    return rows.groupby("programme_en", group_keys=False)[["gpu_count"]].apply(total).reindex(rows.index).astype(bool)


def charted_parts(procurement: pd.DataFrame) -> pd.DataFrame:
    """The rows a chart of recipients draws: the parts with a count, not the programmes' totals."""
    return procurement[~procurement["is_total"] & procurement["gpu_count"].notna()]
