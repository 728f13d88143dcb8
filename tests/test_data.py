"""The project's own data: every package validates, and the key facts are what the sources say."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import PROJECT
from frictionless import validate
from sovereign_ai_site.site import load

PACKAGES = sorted(p.name for p in (PROJECT / "data").iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def catalog():
    return load(PROJECT).catalog


@pytest.mark.parametrize("package", PACKAGES)
def test_package_validates_with_frictionless(package):
    report = validate(str(PROJECT / "data" / package / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


@pytest.mark.parametrize("package", PACKAGES)
def test_every_field_is_documented_in_both_languages(package, catalog):
    descriptor = catalog.packages[package].descriptor
    for key in ("title", "title_ko", "description", "description_ko", "version", "licenses", "contributors"):
        assert descriptor.get(key), f"{package}: {key}"
    for resource in catalog.packages[package].resources.values():
        if (package, resource.name) != ("sources", "sources"):
            assert "source_ids" in resource.table.columns, resource.path
        for field in resource.fields:
            for key in ("title", "title_ko", "description", "description_ko"):
                assert field.get(key), f"{resource.path} {field['name']}: {key}"


def test_five_teams_selected_on_4_august_2025(catalog):
    outcomes = catalog.table("teams", "outcomes")
    selected = outcomes.query("stage_id == 'presentation-review-2025' and outcome == 'selected'")
    assert sorted(selected["team_id"]) == ["lg-ai-research", "naver-cloud", "nc-ai", "sk-telecom", "upstage"]
    assert set(selected["decided_on"]) == {dt.date(2025, 8, 4)}
    assert catalog.table("program", "stages").set_index("stage_id").loc["call-2025", "teams_entering"] == 15


def test_gpu_support_is_157_6_billion_won(catalog):
    claims = catalog.table("sources", "claims").query("topic == 'gpu-support-value' and is_shown")
    assert list(claims["value_number"]) == [157_600_000_000]


def test_first_round_outcome(catalog):
    phase1 = catalog.table("teams", "outcomes").query("stage_id == 'phase-1'").set_index("team_id")
    assert sorted(phase1.index[phase1["outcome"] == "eliminated"]) == ["naver-cloud", "nc-ai"]
    assert sorted(phase1.index[phase1["outcome"] == "advanced"]) == ["lg-ai-research", "sk-telecom", "upstage"]
    assert set(phase1["decided_on"]) == {dt.date(2026, 1, 15)}


def test_motif_added_on_20_february_2026(catalog):
    added = catalog.table("teams", "outcomes").query("outcome == 'added'")
    assert list(added["team_id"]) == ["motif-technologies"]
    assert list(added["decided_on"]) == [dt.date(2026, 2, 20)]


def test_committee_launch_and_chair(catalog):
    facts = catalog.table("strategy", "facts").set_index("fact_id")
    assert facts.loc["committee-chair", "value_en"] == "President Lee Jae Myung"
    assert facts.loc["committee-launch", "as_of"] == dt.date(2025, 9, 8)


def test_every_source_has_a_seed():
    seeds = {p.stem for p in Path(PROJECT / "seeds").glob("*.yml")}
    sources = {line.split(",")[0] for line in (PROJECT / "data/sources/sources.csv").read_text().splitlines()[1:]}
    assert seeds == sources
