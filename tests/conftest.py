"""Shared fixtures: throwaway projects built from tests/fixtures, and one real build."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sovereign_ai_site.i18n import speaking
from sovereign_ai_site.static_server import serving

TESTS = Path(__file__).parent
PROJECT = TESTS.parent
FIXTURES = TESTS / "fixtures"
BROKEN = sorted(p.name for p in (FIXTURES / "broken").iterdir())



def run_apart(coroutine):
    """Run ``coroutine`` to its end in a thread of its own: Playwright's sync API keeps an event loop
    running in the main thread once a browser test has run, and asyncio.run refuses to start inside one."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture(autouse=True, scope="session")
def in_english():
    """A test reads labels, dates and amounts in English unless it speaks Korean itself (``speaking("ko")``)."""
    with speaking("en"):
        yield


FIXTURE_MKDOCS = """\
site_name: Fixture
docs_dir: site_src
strict: true
theme:
  name: material
  font: false
  custom_dir: {overrides}
hooks:
  - {hooks}
plugins:
  - search
validation:
  omitted_files: info
"""


def make_project(tmp_path: Path, failure: str | None = None) -> Path:
    """The valid fixture project, with one failure's files laid over it."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "valid", project)
    # The project's theme: its overrides and the scripts they load (Material's own, served as files).
    shutil.copytree(PROJECT / "site_src" / "assets", project / "site_src" / "assets")
    (project / "mkdocs.yml").write_text(FIXTURE_MKDOCS.format(hooks=PROJECT / "scripts" / "mkdocs_hooks.py", overrides=PROJECT / "overrides"))
    if failure:
        overlay = FIXTURES / "broken" / failure
        for path in overlay.rglob("*"):
            target = project / path.relative_to(overlay)
            if path.is_dir() or path.name == "expected.txt":
                continue
            if path.suffix == ".remove":
                target.with_suffix("").unlink()
                continue
            if path.suffix == ".symlink":  # the file becomes a link to the path it holds
                target.with_suffix("").unlink(missing_ok=True)
                target.with_suffix("").symlink_to(path.read_text())
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    return project


def mkdocs_build(config: Path, site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        check=False,  # the tests read the exit status
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def site_address(tmp_path_factory):
    """A folder for the built site and the 127.0.0.1 address it is served at.

    The address is known before the build because the sitemap and canonical links
    carry ``site_url``.
    """
    site = tmp_path_factory.mktemp("site") / "site"
    with serving(site) as address:
        yield site, address


@pytest.fixture(scope="session")
def built_site(site_address) -> Path:
    """One real `mkdocs build --strict` of the project itself."""
    site, url = site_address
    result = mkdocs_build(PROJECT / "mkdocs.yml", site, site_url=url)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="session")
def served_site(built_site, site_address) -> str:
    """The built site's address on 127.0.0.1, without the trailing slash."""
    return site_address[1].rstrip("/")


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium; skipped with a reason where absent, a failure under CI."""
    reason = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "python playwright is not installed (pip install -e '.[test]')"
    if reason is None and not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing (apt-get install chromium)"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs the browser tests: {reason}")
        pytest.skip(reason)
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
