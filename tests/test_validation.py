"""Bad input: every kind stops validation with an address, and a build leaves site/ alone."""

from __future__ import annotations

import shutil

import pytest
from conftest import BROKEN, FIXTURES, make_project, mkdocs_build, snapshot
from sovereign_ai_site import checks
from sovereign_ai_site.__main__ import main
from sovereign_ai_site.errors import DataError
from sovereign_ai_site.packages import load_catalog


def expected(failure: str) -> str:
    return (FIXTURES / "broken" / failure / "expected.txt").read_text(encoding="utf-8").strip()


def test_valid_fixture_validates(tmp_path, capsys):
    assert main(["--project", str(make_project(tmp_path)), "validate"]) == 0
    assert capsys.readouterr().out.startswith("valid: 2 packages, 3 tables, 2 sources")


@pytest.mark.parametrize("failure", BROKEN)
def test_validate_names_file_row_and_field(tmp_path, capsys, failure):
    assert main(["--project", str(make_project(tmp_path, failure)), "validate"]) == 1
    err = capsys.readouterr().err
    assert expected(failure) in err
    assert "Traceback" not in err


def test_every_problem_is_reported_not_only_the_first(tmp_path, capsys):
    project = make_project(tmp_path, "wrong-type-date")
    teams = project / "data/teams/teams.csv"
    teams.write_text(teams.read_text().replace(",active,512,", ",active,-5,"))
    assert main(["--project", str(project), "validate"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("2 data problems found:")
    assert "row 2, field gpu_count" in err and "row 3, field selected_on" in err


@pytest.mark.parametrize("failure", BROKEN)
def test_cli_build_fails_and_keeps_last_good_output(tmp_path, capsys, failure):
    out = tmp_path / "docs"
    assert main(["--project", str(make_project(tmp_path / "good")), "build", "--out", str(out)]) == 0
    before = snapshot(out)
    assert main(["--project", str(make_project(tmp_path / "bad", failure)), "build", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert expected(failure) in err and "Traceback" not in err
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad", "docs", "good"]  # nothing written beside it


@pytest.mark.parametrize("failure", BROKEN)
def test_mkdocs_build_fails_and_keeps_last_good_site(tmp_path, failure):
    project = make_project(tmp_path)
    site = tmp_path / "site"
    assert mkdocs_build(project / "mkdocs.yml", site).returncode == 0
    before = snapshot(site)
    assert before

    broken = make_project(tmp_path / "broken", failure)
    result = mkdocs_build(broken / "mkdocs.yml", site)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert expected(failure) in output
    assert "Traceback" not in output
    assert snapshot(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "project", "site"]  # no folder left beside it


@pytest.mark.parametrize("failure", ["value-not-allowed", "wrong-type-date"])
def test_a_package_is_validated_again_after_an_edit(tmp_path, failure):
    # A package that passed is not read again until its files change (a preview's rebuild
    # validates only the edited package); an edit that breaks it must still be caught.
    project = make_project(tmp_path)
    load_catalog(project / "data", project)
    overlay = FIXTURES / "broken" / failure
    for path in (p for p in overlay.rglob("*.csv")):
        shutil.copyfile(path, project / path.relative_to(overlay))
    with pytest.raises(DataError) as caught:
        load_catalog(project / "data", project)
    assert expected(failure) in caught.value.report()


@pytest.mark.parametrize(
    "value, kind, message",
    [
        ("inf", "number", "is not a finite number"),
        ("NaN", "number", "is not a finite number"),
        ("1e308", "number", "is not a finite number"),
        ("-1e16", "number", "is not a finite number"),
        ("12.5", "number", None),
        ("9007199254740992", "integer", "is too large"),
        ("9007199254740991", "integer", None),
        ("Solar\u200bOpen", "string", "U+200B ZERO WIDTH SPACE"),
    ],
)
def test_cells_the_pages_cannot_publish_faithfully_are_refused(value, kind, message):
    # The fixture project has no number field; these are the cells behind OverflowError tracebacks in the
    # table reader and the number formatter (params_total_b = 1e308 or inf).
    found = checks.cell(value, {"name": "params_total_b" if kind == "number" else "count", "type": kind})
    assert (found is None) if message is None else (message in found)
