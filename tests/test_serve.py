"""`mkdocs serve` as a maintainer uses it: an edit to a CSV reaches the open page by itself."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import PROJECT
from sovereign_ai_site.synthetic import scaled_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(address: str, server: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read()
        try:
            urllib.request.urlopen(address, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"mkdocs serve did not answer at {address}")


def test_a_csv_edit_reaches_the_open_page(browser, tmp_path):
    # Live reload is an inline script MkDocs adds to each page; the pages' Content-Security-Policy
    # blocked it until the hooks learned to leave the policy out of the preview.
    project = scaled_project(PROJECT, 1, tmp_path)
    address = f"http://127.0.0.1:{free_port()}/"
    env = {**os.environ, "SITE_URL": address, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", address[len("http://"):-1]],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        wait_for(address + "programme/", server)
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(address + "programme/")
        facts = project / "data" / "program" / "facts.csv"
        facts.write_text(facts.read_text(encoding="utf-8").replace("정예팀 공모 기간", "정예팀 공모 기간(고침)"), encoding="utf-8")
        tab.wait_for_selector("text=정예팀 공모 기간(고침)", timeout=60000)
        context.close()
    finally:
        server.terminate()
        server.wait()
