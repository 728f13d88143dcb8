"""Silence the build can see: a planned row whose date has passed with no result is warned about by
`validate` and shown as not yet reported, never announced as next."""

from __future__ import annotations

import csv
import datetime as dt
import shutil

import pytest
from conftest import PROJECT
from sovereign_ai_site.__main__ import main
from sovereign_ai_site.i18n import speaking
from sovereign_ai_site.render import format_date
from sovereign_ai_site.site import build_site, load
from sovereign_ai_site.staleness import is_past, period_end


@pytest.fixture(scope="module")
def overdue_project(tmp_path_factory):
    """A copy of the project whose planned final selection is dated October 2026, before the data's date."""
    project = tmp_path_factory.mktemp("stale")
    for name in ("data", "seeds", "site_src", "CITATION.cff", "editorial.yml"):
        (shutil.copytree if (PROJECT / name).is_dir() else shutil.copyfile)(PROJECT / name, project / name)
    path = project / "data/timeline/events.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    row = next(r for r in rows if r["event_id"] == "final-selection-planned")
    row["event_on"], row["date_precision"] = "2026-10-01", "month"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return project, rows.index(row) + 2, row


def test_validate_warns_with_file_row_and_field(overdue_project, capsys):
    project, number, _ = overdue_project
    assert main(["--project", str(project), "validate"]) == 0
    out = capsys.readouterr().out
    as_of = load(project).as_of.isoformat()
    assert f"warning: data/timeline/events.csv row {number}, field event_on: planned for 2026-10, no result recorded as of {as_of}" in out


def test_the_real_data_has_no_overdue_plan(capsys):
    assert main(["--project", str(PROJECT), "validate"]) == 0
    assert "warning:" not in capsys.readouterr().out


def test_pages_say_not_yet_reported_and_never_next(overdue_project):
    project, _, row = overdue_project
    inputs = load(project)
    english, korean = build_site(inputs, "en"), build_site(inputs, "ko")
    home, en_date = english["index.md"], format_date(inputs.as_of)
    with speaking("ko"):
        ko_date = format_date(inputs.as_of)
    assert "Next: **" not in home or row["title_en"] not in home.split("Next: **", 1)[1].split("\n", 1)[0]
    assert f"Planned but not yet reported as of {en_date}" in home
    assert f"not yet reported as of {en_date}" in english["programme/timeline/index.md"]
    assert f"{ko_date} 현재 결과 미보고" in korean["index.md"] and f"{ko_date} 현재 결과 미보고" in korean["programme/timeline/index.md"]


@pytest.mark.parametrize(
    "day, precision, past",
    [("2026-11-30", "day", True), ("2026-12-01", "day", False), ("2026-11-01", "month", True), ("2026-12-01", "month", False), ("2026-01-01", "year", False)],
)
def test_a_date_is_past_only_when_its_whole_period_is(day, precision, past):
    assert is_past(dt.date.fromisoformat(day), precision, dt.date(2026, 12, 1)) is past
    assert period_end(dt.date(2024, 2, 1), "month") == dt.date(2024, 2, 29)
