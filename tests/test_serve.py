"""`mkdocs serve` as a maintainer uses it: an edit to a CSV reaches the open page by itself."""

from __future__ import annotations

from conftest import PROJECT
from sovereign_ai_site.static_server import mkdocs_serving
from sovereign_ai_site.synthetic import scaled_project


def test_a_csv_edit_reaches_the_open_page(browser, tmp_path):
    # Live reload is an inline script MkDocs adds to each page; the pages' Content-Security-Policy
    # blocked it until the hooks learned to leave the policy out of the preview.
    project = scaled_project(PROJECT, 1, tmp_path)
    with mkdocs_serving(project, "programme/") as address:
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(address + "programme/")
        facts = project / "data" / "program" / "facts.csv"
        facts.write_text(facts.read_text(encoding="utf-8").replace("정예팀 공모 기간", "정예팀 공모 기간(고침)"), encoding="utf-8")
        tab.wait_for_selector("text=정예팀 공모 기간(고침)", timeout=60000)
        context.close()


def test_a_hand_written_page_edit_reaches_the_open_page(browser, tmp_path):
    # The hooks move MkDocs' watch of the docs folder to a quicker watcher; it must still see edits.
    project = scaled_project(PROJECT, 1, tmp_path)
    with mkdocs_serving(project, "about/") as address:
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(address + "about/")
        about = project / "site_src" / "about.md"
        about.write_text(about.read_text(encoding="utf-8") + "\n고친 문단입니다.\n", encoding="utf-8")
        tab.wait_for_selector("text=고친 문단입니다.", timeout=60000)
        context.close()
