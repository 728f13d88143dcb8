"""Citations with addresses: the published CITATION.cff, read by cffconvert, and the BibTeX the pages offer.

cffconvert 2.0.0, the newest release, pins jsonschema below 4 and frictionless needs 4.20 or newer, so it
cannot share the project's environment (nor be in its test extra): it is installed on its own, once a test
session, into a virtual environment of its own, as a researcher would run it.
"""

from __future__ import annotations

import html
import io
import os
import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, make_project, mkdocs_build
from sovereign_ai_site.errors import DataError
from sovereign_ai_site.site import build_site, load

CFFCONVERT = "cffconvert==2.0.0"
REPOSITORY = "https://github.com/sovereign-ai-tracker/site"  # any repository address: the build names the one it is given


@pytest.fixture(scope="session")
def cffconvert(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cffconvert")
    venv.create(folder, with_pip=True)
    result = subprocess.run([folder / "bin/pip", "install", "-q", "--disable-pip-version-check", CFFCONVERT], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        reason = f"could not install {CFFCONVERT}: {result.stderr[-500:]}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return folder / "bin/cffconvert"


def run(cffconvert: Path, cff: Path, *args: str) -> str:
    result = subprocess.run([cffconvert, "-i", cff, *args], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def root(site_address, built_site) -> str:
    return site_address[1].rstrip("/") + "/"


def test_published_citation_cff_is_valid_and_gives_the_sites_address(cffconvert, built_site, root):
    published = built_site / "data" / "CITATION.cff"
    source, cff = yaml.safe_load((PROJECT / "CITATION.cff").read_text()), yaml.safe_load(published.read_text())
    assert cff == {**source, "url": root}  # the maintainers' file, and the address the site was built for
    assert "Citation metadata are valid" in run(cffconvert, published, "--validate")
    bibtex = run(cffconvert, published, "-f", "bibtex")
    assert f"url = {{{root}}}" in bibtex and f"year = {{{source['date-released'][:4]}}}" in bibtex
    apa = run(cffconvert, published, "-f", "apalike")
    assert f"(version {source['version']})" in apa and f"URL: {root}" in apa
    for lang in ("", "en"):  # every copy of it: each language's, and the one in each zip (a frozen release keeps its own)
        assert (built_site / lang / "data" / "CITATION.cff").read_bytes() == published.read_bytes()
        for archive in (a for a in (built_site / lang / "data").rglob("*.zip") if "releases" not in a.parts):
            with zipfile.ZipFile(archive) as z:
                copies = [z.read(n) for n in z.namelist() if n.endswith("CITATION.cff")]
            assert copies and all(c == published.read_bytes() for c in copies), archive


def test_repository_address_reaches_citation_cff_and_cffconvert_accepts_it(cffconvert, tmp_path):
    files = build_site(load(PROJECT), "en", "https://data.example.kr/sovereign-ai/", REPOSITORY)
    published = tmp_path / "CITATION.cff"
    published.write_bytes(files["data/CITATION.cff"])
    cff = yaml.safe_load(published.read_text())
    assert (cff["url"], cff["repository-code"]) == ("https://data.example.kr/sovereign-ai/", REPOSITORY)
    assert "Citation metadata are valid" in run(cffconvert, published, "--validate")


def test_page_bibtex_and_plain_citation_give_the_url_version_and_release_date(built_site, root):
    release = load(PROJECT).release
    for lang, prefix in (("ko", ""), ("en", "en/")):
        for page in sorted((built_site / prefix / "data").rglob("index.html")):
            if any(part.startswith("page-") for part in page.parts):
                continue  # the further pages of a table's rows, which its first page cites
            text = page.read_text(encoding="utf-8")
            bibtex = html.unescape(re.search(r'<details class="cite-box__bibtex">.*?<code>(.*?)</code>', text, re.DOTALL)[1])
            entry = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", bibtex, re.MULTILINE))
            relative = page.parent.relative_to(built_site / prefix).as_posix()
            package = relative.split("/")[1] if relative.count("/") else None
            cites_package = package is not None and "changelog" not in relative
            url = root + prefix + f"data/{package}/" if cites_package else root
            assert entry["url"] == url, page
            assert entry["year"] == str(release.date.year) and entry["month"] == str(release.date.month)
            assert release.date.isoformat() in entry["note"] and release.version in entry["note"], page
            plain = html.unescape(re.search(r'<p class="cite-box__text">(.*?)</p>', text, re.DOTALL)[1])
            assert plain.endswith(f". {url}") and release.version in plain, page


def test_cli_reads_the_addresses_from_the_environment(tmp_path):
    env = {**os.environ, "SITE_URL": "https://data.example.kr/sovereign-ai", "REPO_URL": REPOSITORY, "PYTHONPATH": str(PROJECT / "scripts")}
    subprocess.run([sys.executable, "-m", "sovereign_ai_site", "build", "--out", tmp_path / "out", "--lang", "en"], env=env, check=True, capture_output=True)
    cff = yaml.safe_load((tmp_path / "out" / "data" / "CITATION.cff").read_text())
    assert (cff["url"], cff["repository-code"]) == ("https://data.example.kr/sovereign-ai/", REPOSITORY)


def test_mkdocs_build_takes_the_repository_from_repo_url(tmp_path):
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + f"site_url: https://data.example.kr/fixture/\nrepo_url: {REPOSITORY}\n")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    cff = yaml.safe_load((tmp_path / "site" / "data" / "CITATION.cff").read_text())
    assert (cff["url"], cff["repository-code"]) == ("https://data.example.kr/fixture/", REPOSITORY)
    readme = zipfile.ZipFile(io.BytesIO((tmp_path / "site" / "data" / "teams" / "teams.zip").read_bytes()))
    assert any("https://data.example.kr/fixture/data/teams/" in readme.read(n).decode() for n in readme.namelist() if n.endswith("README.txt"))


def test_an_address_the_maintainers_wrote_is_kept_unless_the_build_knows_one(tmp_path):
    project = make_project(tmp_path)
    cff = project / "CITATION.cff"
    cff.write_text(cff.read_text() + 'url: "https://mirror.example.kr/"\n')
    inputs = load(project)
    assert build_site(inputs, "en")["data/CITATION.cff"] == cff.read_bytes()
    assert "https://mirror.example.kr/en/data/teams/" in build_site(inputs, "en")["data/teams/index.md"]
    published = yaml.safe_load(build_site(inputs, "en", "https://data.example.kr/")["data/CITATION.cff"])
    assert published["url"] == "https://data.example.kr/"
    cff.write_text(cff.read_text().replace('url: "https://mirror.example.kr/"\n', "url: >-\n  https://mirror.example.kr/\n"))
    with pytest.raises(DataError) as error:
        load(project)
    assert "CITATION.cff, field url: write it on one line" in error.value.report()
