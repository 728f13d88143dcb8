"""`mkdocs serve` as a maintainer uses it: an edit reaches the open page by itself."""

from __future__ import annotations

import importlib.util
import json
import shutil
from types import SimpleNamespace

import pytest
from conftest import PROJECT, mkdocs_build
from sovereign_ai_site import preview
from sovereign_ai_site.static_server import mkdocs_serving
from sovereign_ai_site.synthetic import scaled_project

EDITS = {
    # Live reload is an inline script MkDocs adds to each page; the pages' Content-Security-Policy
    # blocked it until the preview learned to leave the policy out (sovereign_ai_site.preview).
    "a CSV": ("programme/", "data/program/facts.csv", "정예팀 공모 기간", "정예팀 공모 기간(고침)", "정예팀 공모 기간(고침)"),
    # The preview moves MkDocs' watch of the docs folder to a quicker watcher; it must still see edits.
    "a hand-written page": ("about/", "site_src/about.md", "## 방법", "## 방법\n\n고친 문단입니다.", "고친 문단입니다."),
}


@pytest.mark.parametrize("edited", EDITS)
def test_an_edit_reaches_the_open_page(browser, tmp_path, edited):
    show_edit(browser, scaled_project(PROJECT, 1, tmp_path), *EDITS[edited])


def test_an_edit_after_a_frozen_release_still_reaches_the_open_page(browser, tmp_path):
    """A published release never changes, so `mkdocs build` refuses data that no longer gives it; the
    preview shows the edit while the maintainer works towards the next release."""
    project = scaled_project(PROJECT, 1, tmp_path)
    shutil.copytree(PROJECT / "releases", project / "releases")
    show_edit(browser, project, *EDITS["a CSV"])


def show_edit(browser, project, page: str, path: str, old: str, new: str, shown: str) -> tuple[str, dict]:
    """Open ``page`` under `mkdocs serve`, edit ``path``, and wait for the page to show the edit; the
    address it was served at, and the search index it served then, by language."""
    indexes = {}
    with mkdocs_serving(project, page) as address:
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(address + page)
        file = project / path
        file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        tab.wait_for_selector(f"text={shown}", timeout=60000)
        for lang in ("", "en/"):  # both languages, each rebuilt in a process of its own
            indexes[lang.strip("/") or "ko"] = tab.request.get(address + lang + "search/search_index.json").json()
        context.close()
    return address, indexes


def test_the_search_after_an_edit_is_a_whole_builds(browser, tmp_path):
    """The preview keeps the search entries of the pages an edit left as they were (``preview``): the
    search it serves after the edit is the one `mkdocs build` makes of the edited data from nothing."""
    project = scaled_project(PROJECT, 1, tmp_path)
    address, indexes = show_edit(browser, project, *EDITS["a CSV"])
    assert mkdocs_build(project / "mkdocs.yml", tmp_path / "built", address).returncode == 0
    for lang, built in (("ko", "search/search_index.json"), ("en", "en/search/search_index.json")):
        previewed = indexes[lang]
        assert previewed == json.loads((tmp_path / "built" / built).read_text(encoding="utf-8")), lang
        assert any("정예팀 공모 기간(고침)" in doc["text"] for doc in previewed["docs"]) or lang == "en"


@pytest.mark.parametrize("command", ["serve", "build"])
def test_the_preview_hooks_act_only_under_serve(command):
    """`mkdocs build` keeps the Content-Security-Policy and MkDocs' own template compilation."""
    spec = importlib.util.spec_from_file_location("hooks_under_test", PROJECT / "scripts" / "mkdocs_hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    try:
        hooks.on_startup(command=command, dirty=False)
        config = SimpleNamespace(extra={}, plugins={})
        assert preview.on_config(config) is config and ("preview" in config.extra) == (command == "serve")
        env = SimpleNamespace(bytecode_cache=None)
        assert (hooks.on_env(env, config, None).bytecode_cache is not None) == (command == "serve")
    finally:
        hooks.on_startup(command="build", dirty=False)  # out of the preview for other tests


def test_a_bad_edit_is_reported_in_the_open_page(browser, tmp_path):
    project = scaled_project(PROJECT, 1, tmp_path)
    with mkdocs_serving(project, "teams/") as address:
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(address + "teams/")
        teams = project / "data/teams/teams.csv"
        teams.write_text(teams.read_text(encoding="utf-8").replace(",eliminated,", ",dropped,", 1), encoding="utf-8")
        tab.wait_for_selector("text=데이터에 문제가 있습니다", timeout=60000)
        assert 'data/teams/teams.csv row' in tab.inner_text("article") and 'field status: "dropped" is not one of the allowed values' in tab.inner_text("article")
        english = context.new_page()  # the English site, built in a process of its own, says so too
        english.goto(address + "en/teams/")
        english.wait_for_selector("text=The data has problems", timeout=60000)
        assert 'field status: "dropped" is not one of the allowed values' in english.inner_text("article")
        teams.write_text(teams.read_text(encoding="utf-8").replace(",dropped,", ",eliminated,", 1), encoding="utf-8")
        tab.wait_for_selector("h1:has-text('팀')", timeout=60000)
        assert "데이터에 문제가 있습니다" not in tab.inner_text("article")
        context.close()
