"""Validated CSV → typed DataFrame: dtypes come from the Table Schema."""

from __future__ import annotations

import datetime as dt

from conftest import make_project
from sovereign_ai_site.packages import load_catalog


def test_columns_take_their_schema_types(tmp_path):
    project = make_project(tmp_path)
    teams = load_catalog(project / "data", project).table("teams", "teams")
    assert str(teams["gpu_count"].dtype) == "Int64"
    assert teams.loc[0, "gpu_count"] == 512
    assert teams["gpu_count"].isna().tolist() == [False, True]
    assert teams.loc[0, "selected_on"] == dt.date(2025, 8, 4)
    assert str(teams["name_en"].dtype) == "string"


def test_catalog_is_in_package_name_order(tmp_path):
    project = make_project(tmp_path)
    assert list(load_catalog(project / "data", project).packages) == ["sources", "teams"]
