"""The built site is always whole: a build killed at any moment leaves the last good site, the next build
clears what it left, and two builds started together take turns."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import make_project, mkdocs_build, snapshot
from sovereign_ai_site.errors import DataError
from sovereign_ai_site.output import BUILDING_PREFIX, check_paths, write_tree
from test_hostile_text import inject


def start_build(project, site) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(BUILDING_PREFIX))


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """An old and a new version of the fixture project, and the site each builds."""
    root = tmp_path_factory.mktemp("atomic")
    old, new = make_project(root / "old"), make_project(root / "new")
    inject(new, "A new name")
    built = {}
    for name, project in (("old", old), ("new", new)):
        result = mkdocs_build(project / "mkdocs.yml", root / f"{name}-site")
        assert result.returncode == 0, result.stderr
        built[name] = snapshot(root / f"{name}-site")
    assert built["old"] != built["new"]
    return new, built


@pytest.mark.parametrize("after_s", [0.2, 0.6, 1.0, 1.4, 1.8, 2.4])
def test_a_killed_build_leaves_the_old_site_or_the_new_one(tmp_path, sites, after_s):
    project, built = sites
    site = tmp_path / "site"
    write_snapshot(site, built["old"])
    build = start_build(project, site)
    time.sleep(after_s)
    build.send_signal(signal.SIGKILL)  # the parent only: its forked English build must not outlive it
    build.wait()
    assert snapshot(site) in (built["old"], built["new"])
    time.sleep(0.5)  # the forked English build dies with its parent: nothing writes after this
    stray = leftovers(tmp_path)
    again = mkdocs_build(project / "mkdocs.yml", site)
    assert again.returncode == 0, again.stderr
    assert snapshot(site) == built["new"]
    assert leftovers(tmp_path) == [], f"left after the next build (before it: {stray})"


def write_snapshot(folder, files) -> None:
    for path, content in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(content)


def test_two_builds_at_once_take_turns(tmp_path, sites):
    project, built = sites
    site = tmp_path / "site"
    first, second = start_build(project, site), start_build(project, site)
    errors = [first.communicate()[1], second.communicate()[1]]
    assert (first.returncode, second.returncode) == (0, 0), errors
    assert snapshot(site) == built["new"]
    assert leftovers(tmp_path) == []


def test_the_writer_refuses_paths_outside_its_folder(tmp_path):
    out = tmp_path / "out"
    for path in ["../owned.md", "/tmp/owned.md", "teams/../../owned.md", "a\\..\\b.md", "teams//x.md", "teams/ x.md"]:
        with pytest.raises(DataError):
            write_tree(out, {"index.md": "ok", path: "owned"})
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == []
    with pytest.raises(DataError, match="same address"):
        check_paths({"teams/x.md": "", "teams/x/index.md": ""})
