"""Validated CSV → typed DataFrame: dtypes come from the Table Schema."""

from __future__ import annotations

import datetime as dt

from conftest import PROJECT, make_project
from sovereign_ai_site.packages import load_catalog
from sovereign_ai_site.tables import each_row


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


def test_each_row_gives_what_itertuples_gives_for_every_table():
    """Every table of the project's own data, an empty one and an indexed one: same fields, values and types."""
    catalog = load_catalog(PROJECT / "data", PROJECT)
    frames = [resource.table for package in catalog.packages.values() for resource in package.resources.values()]
    for frame in [*frames, frames[0].iloc[0:0], frames[0].set_index(frames[0].columns[0])]:
        expected, got = list(frame.itertuples()), list(each_row(frame))
        assert [row._fields for row in got] == [row._fields for row in expected]
        assert got == expected
        assert [[type(v) for v in row] for row in got] == [[type(v) for v in row] for row in expected]
