"""Shared fixtures: throwaway projects built from tests/fixtures, and one real build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
PROJECT = TESTS.parent
FIXTURES = TESTS / "fixtures"
BROKEN = sorted(p.name for p in (FIXTURES / "broken").iterdir())

FIXTURE_MKDOCS = """\
site_name: Fixture
docs_dir: site_src
strict: true
theme:
  name: material
  font: false
hooks:
  - {hooks}
validation:
  omitted_files: info
"""


def make_project(tmp_path: Path, failure: str | None = None) -> Path:
    """The valid fixture project, with one failure's files laid over it."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "valid", project)
    (project / "mkdocs.yml").write_text(FIXTURE_MKDOCS.format(hooks=PROJECT / "scripts" / "mkdocs_hooks.py"))
    if failure:
        overlay = FIXTURES / "broken" / failure
        for path in overlay.rglob("*"):
            target = project / path.relative_to(overlay)
            if path.is_dir() or path.name == "expected.txt":
                continue
            if path.suffix == ".remove":
                target.with_suffix("").unlink()
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    return project


def mkdocs_build(config: Path, site_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """One real `mkdocs build --strict` of the project itself."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(PROJECT / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site
