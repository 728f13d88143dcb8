"""Researcher downloads: catalog and dictionary, zips, checksums, citation, JSON-LD, reuse over HTTP."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pandas as pd
import pytest
import yaml
from frictionless import Package

from conftest import PROJECT, make_project
from sovereign_ai_site.catalog_pages import catalog_pages
from sovereign_ai_site.errors import DataError
from sovereign_ai_site.render import format_date
from sovereign_ai_site.site import generate, load

PACKAGES = sorted(p.name for p in (PROJECT / "data").iterdir() if p.is_dir())
DOWNLOAD = re.compile(r"\.(zip|csv|json|cff)$|/SHA256SUMS$")


@pytest.fixture(scope="module")
def inputs():
    return load(PROJECT)


@pytest.fixture(scope="module")
def generated():
    return generate(PROJECT)


def data_pages(site: Path) -> list[Path]:
    return sorted((site / "data").rglob("index.html"))


class Anchors(HTMLParser):
    """Every link target and every JSON-LD block of a page."""

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        self._in_jsonld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(data)

    def handle_endtag(self, tag):
        self._in_jsonld = False


def anchors(page: Path) -> Anchors:
    parser = Anchors()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def site_file(site: Path, page: Path, href: str) -> Path:
    """The file a relative link on ``page`` points to."""
    base = "http://site/" + page.relative_to(site).as_posix()
    return site / urlsplit(urljoin(base, href)).path.lstrip("/")


def test_catalog_and_dictionary_name_every_package_table_and_field(inputs, generated):
    catalog = generated["data/index.md"]
    for package in inputs.catalog.packages.values():
        assert f'href="../data/{package.name}/"' in catalog
        page = generated[f"data/{package.name}/index.md"]
        for resource in package.resources.values():
            assert f">{package.name}/{resource.name}</a>" in catalog
            assert f"{{ #table-{resource.name.replace('_', '-')} }}" in page
            for field in resource.fields:
                assert f"<code>{field['name']}</code>" in catalog
                row = re.search(rf'<tr id="table-{resource.name.replace("_", "-")}-{field["name"].replace("_", "-")}">(.*?)</tr>', page)
                assert row, (package.name, resource.name, field["name"])
                assert field["title"] in row[1] and field["type"] in row[1]
                for value in field.get("constraints", {}).get("enum", []):
                    assert str(value) in row[1]


def test_every_download_link_on_the_data_pages_resolves(built_site):
    pages = data_pages(built_site)
    assert len(pages) == len(PACKAGES) + 2  # the catalog, the changelog and one page per package
    links = 0
    for page in pages:
        for href in anchors(page).hrefs:
            if DOWNLOAD.search(urlsplit(href).path) and not urlsplit(href).netloc:
                links += 1
                assert site_file(built_site, page, href).is_file(), f"{page}: {href}"
    for package in PACKAGES:
        hrefs = {site_file(built_site, built_site / "data" / package / "index.html", h) for h in anchors(built_site / "data" / package / "index.html").hrefs}
        expected = {built_site / "data" / package / f"{package}.zip", built_site / "data" / package / "datapackage.json"}
        expected |= {built_site / "data" / package / p.name for p in (PROJECT / "data" / package).glob("*.csv")}
        assert expected <= hrefs, package
    assert links > len(PACKAGES) * 4


def test_sha256sums_cover_and_match_every_download(built_site):
    folder = built_site / "data"
    listed = {}
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.suffix != ".html" and p.name != "SHA256SUMS"}
    assert set(listed) == files
    assert {f"{p}/{p}.zip" for p in PACKAGES} | {"sovereign-ai-data.zip", "CITATION.cff"} <= files


def test_two_generations_give_byte_identical_zips(built_site, generated):
    """The build in MkDocs (another process) and this one produce the same bytes."""
    zips = [path for path in generated if path.endswith(".zip")]
    assert len(zips) == len(PACKAGES) + 1
    for path in zips:
        assert (built_site / path).read_bytes() == generated[path], path


def test_zip_entries_are_sorted_dated_from_the_data_with_fixed_permissions(inputs, generated):
    as_of = inputs.as_of
    for path in (p for p in generated if p.endswith(".zip")):
        infos = zipfile.ZipFile(io.BytesIO(generated[path])).infolist()
        assert [i.filename for i in infos] == sorted(i.filename for i in infos)
        assert {i.date_time for i in infos} == {(as_of.year, as_of.month, as_of.day, 0, 0, 0)}
        assert {i.external_attr >> 16 for i in infos} == {0o100644}
        assert any(i.filename.endswith("/README.txt") for i in infos)


def test_zips_unpack_to_packages_that_frictionless_validates(generated, tmp_path):
    for path in (p for p in generated if p.endswith(".zip")):
        target = tmp_path / Path(path).stem
        zipfile.ZipFile(io.BytesIO(generated[path])).extractall(target)
        descriptors = sorted(target.rglob("datapackage.json"))
        assert descriptors, path
        for descriptor in descriptors:
            report = Package(str(descriptor)).validate()
            assert report.valid, (path, descriptor, report.flatten(["rowNumber", "fieldName", "message"]))
        readme = next(target.rglob("README.txt")).read_text(encoding="utf-8")
        assert "HOW TO CITE" in readme and "LICENCE" in readme and "source_ids" in readme


def test_readme_names_the_release_and_the_licence(inputs, generated):
    readme = zipfile.ZipFile(io.BytesIO(generated["data/teams/teams.zip"])).read("teams/README.txt").decode()
    release = inputs.release
    assert f"Release {release.version} of {release.date.isoformat()}" in readme
    assert inputs.catalog.packages["teams"].descriptor["licenses"][0]["path"] in readme


def test_package_pages_carry_valid_json_ld_with_every_required_property(built_site, inputs):
    for package in inputs.catalog.packages.values():
        page = built_site / "data" / package.name / "index.html"
        blocks = anchors(page).jsonld
        assert len(blocks) == 1, page
        data = json.loads(blocks[0])
        assert data["@type"] == "Dataset"
        for key in ("name", "description", "license", "creator", "version", "dateModified", "keywords", "distribution"):
            assert data[key], (package.name, key)
        assert data["version"] == package.descriptor["version"]
        dates = [v for r in package.resources.values() for f in r.fields if f["type"] == "date" for v in r.table[f["name"]] if v is not None]
        if dates:
            assert data["temporalCoverage"] == f"{min(dates).isoformat()}/{max(dates).isoformat()}"
        downloads = {d["contentUrl"]: d for d in data["distribution"]}
        assert {r.descriptor["path"] for r in package.resources.values()} | {f"{package.name}.zip"} <= set(downloads)
        for url, download in downloads.items():
            assert download["@type"] == "DataDownload" and download["encodingFormat"]
            assert site_file(built_site, page, url).is_file(), url


def test_json_ld_cannot_close_its_script_tag(tmp_path):
    project = make_project(tmp_path)
    descriptor = project / "data/teams/datapackage.json"
    hostile = 'Teams </script><script>alert(1)</script> & <!-- "quoted" 독자'
    d = json.loads(descriptor.read_text())
    d["description"] = hostile
    descriptor.write_text(json.dumps(d, ensure_ascii=False))
    page = catalog_pages(load(project), "en")["data/teams/index.md"]
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1]
    assert "<" not in script and ">" not in script and "&" not in script
    assert json.loads(script)["description"] == hostile
    assert page.count("</script>") == 1


def test_every_data_page_has_a_citation_and_the_licences(built_site, inputs):
    release = inputs.release
    for page in data_pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert "Cite this" in html and "@misc{" in html, page
        assert f"Version {release.version}, released {format_date(release.date)}" in html, page
        assert f"year = {{{release.date.year}}}" in html, page
        assert "https://creativecommons.org/licenses/by/4.0/" in html and "MIT licence" in html, page
        assert "/sources/" in html, page


def test_version_and_date_come_from_citation_cff_not_the_templates(inputs):
    cff = yaml.safe_load((PROJECT / "CITATION.cff").read_text())
    assert inputs.release.version == str(cff["version"]) and inputs.release.date.isoformat() == str(cff["date-released"])
    templates = PROJECT / "scripts/sovereign_ai_site/templates"
    for name in ("catalog.md.jinja", "package.md.jinja", "changelog.md.jinja", "cite.html.jinja", "readme.txt.jinja"):
        text = (templates / name).read_text()
        assert inputs.release.version not in text and str(inputs.release.date.year) not in text, name


def test_first_release_counts_every_row_at_build_time(inputs, generated):
    first = inputs.release.releases[-1]
    assert (first.version, first.date) == ("0.1.0", dt.date(2026, 11, 29))
    page = generated["data/changelog.md"]
    for package in inputs.catalog.packages.values():
        assert inputs.release.updated(package.name).version == package.descriptor["version"]
        for resource in package.resources.values():
            assert f">{package.name}/{resource.name}</a></td><td>{len(resource.table)}</td>" in page


def test_changelog_that_disagrees_is_refused_with_every_reason(tmp_path):
    with pytest.raises(DataError) as error:
        load(make_project(tmp_path, "changelog-disagrees"))
    report = error.value.report()
    assert "release 1.1.0 is the newest, but CITATION.cff says version 1.0.0" in report
    assert '"teams/membership" is not a package/resource under data/' in report
    assert "release 0.1.0: write its row counts as numbers" in report


def test_frictionless_validates_the_published_packages_over_http(served_site):
    for package in PACKAGES:
        url = f"{served_site}/data/{package}/datapackage.json"
        result = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", url], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
        report = json.loads(result.stdout)
        assert report["valid"] and len(report["tasks"]) == len(list((PROJECT / "data" / package).glob("*.csv"))), package


def test_pandas_reads_every_csv_from_its_url_with_the_same_rows(served_site):
    for path in sorted((PROJECT / "data").glob("*/*.csv")):
        url = f"{served_site}/data/{path.parent.name}/{path.name}"
        online = pd.read_csv(url, dtype=str, keep_default_na=False)
        local = pd.read_csv(path, dtype=str, keep_default_na=False)
        pd.testing.assert_frame_equal(online, local)
