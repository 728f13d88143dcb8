"""Validated CSV → pandas DataFrame with dtypes taken from the Table Schema."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


def read_typed(path: Path, schema: dict) -> pd.DataFrame:
    """Read a CSV that frictionless has already validated against ``schema``."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    return pd.DataFrame({field["name"]: _typed(raw[field["name"]], field["type"]) for field in schema["fields"]})


def _typed(column: pd.Series, kind: str) -> pd.Series:
    if kind == "date":
        return pd.to_datetime(column, format="%Y-%m-%d").dt.date.astype("object").where(column.notna(), None)
    if kind == "boolean":
        return column.map({"true": True, "false": False}, na_action="ignore").astype("boolean")
    return column.astype(_DTYPES.get(kind, "string"))
