"""Researcher downloads: catalog and dictionary, zips, checksums, citation, JSON-LD, reuse over HTTP."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import json
import os
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
from conftest import PROJECT, make_project
from frictionless import Package
from sovereign_ai_site import markup
from sovereign_ai_site.dictionary import anchor, headers
from sovereign_ai_site.errors import DataError
from sovereign_ai_site.i18n import speaking
from sovereign_ai_site.page_meta import body
from sovereign_ai_site.render import format_date
from sovereign_ai_site.site import build_site, load

PACKAGES = sorted(p.name for p in (PROJECT / "data").iterdir() if p.is_dir())
DOWNLOAD = re.compile(r"\.(zip|csv|json|cff)$|/SHA256SUMS$")
HANGUL = re.compile(r"[가-힣]")


@pytest.fixture(scope="module")
def inputs():
    return load(PROJECT)


@pytest.fixture(scope="module")
def site(inputs):
    """The published data files and the data pages of each language's site."""
    return {lang: {**inputs.downloads, **build_site(inputs, lang)} for lang in ("ko", "en")}


@pytest.fixture(scope="module")
def generated(site):
    return site["ko"]


@pytest.fixture(scope="module", params=["", "en"])
def site_root(request, built_site):
    """The Korean site at the root, then the English one under en/."""
    return built_site / request.param


def data_pages(site: Path) -> list[Path]:
    """The catalog, changelog, package and table pages; not the further pages of a table's rows."""
    return sorted(p for p in (site / "data").rglob("index.html") if not any(part.startswith("page-") for part in p.parts))


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


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_catalog_and_dictionary_name_every_package_table_and_field(inputs, site, lang):
    catalog = site[lang]["data/index.md"]
    for package in inputs.catalog.packages.values():
        assert f'href="../data/{package.name}/"' in catalog
        page = site[lang][f"data/{package.name}/index.md"]
        for resource in package.resources.values():
            assert f">{package.name}/{resource.name}</a>" in catalog
            assert f"{{ #table-{resource.name.replace('_', '-')} }}" in page
            for field in resource.fields:
                assert f"<code>{field['name']}</code>" in catalog
                row = re.search(rf'<tr id="table-{resource.name.replace("_", "-")}-{field["name"].replace("_", "-")}">(.*?)</tr>', page)
                assert row, (package.name, resource.name, field["name"])
                title, description = (field["title_ko"], field["description_ko"]) if lang == "ko" else (field["title"], field["description"])
                assert f"<td>{markup.h(title)}</td>" in row[1] and markup.h(description) in row[1] and field["type"] in row[1]
                for value in field.get("constraints", {}).get("enum", []):
                    assert str(value) in row[1]


def test_korean_data_pages_are_korean_from_the_descriptors(inputs, site):
    ko, en = site["ko"], site["en"]
    for package in inputs.catalog.packages.values():
        page, d = ko[f"data/{package.name}/index.md"], package.descriptor
        assert body(page).startswith(f"# {d['title_ko']}\n") and body(en[f"data/{package.name}/index.md"]).startswith(f"# {markup.md(d['title'])}\n")
        assert f'<span lang="en">{html.escape(d["title"])}</span>' in page  # the English title, marked as English
        for resource in package.resources.values():
            assert f"## {resource.descriptor['title_ko']} {{ #{anchor(resource.name)} }}" in page
        heads = re.findall(r'<th scope="col">(.*?)</th>', page.split("### 처음 몇 행")[0])
        assert heads and all(HANGUL.search(h) for h in heads), heads
        english = en[f"data/{package.name}/index.md"]
        assert d["description_ko"] not in english and not any(r.descriptor["description_ko"] in english for r in package.resources.values())
        assert not HANGUL.search("".join(re.findall(r'^#.*$|<th scope="col">.*?</th>', english, re.MULTILINE))), package.name
    teams = ko["data/teams/index.md"]
    assert "<th scope=\"col\">허용 값</th>" in teams and "Allowed values" not in teams and "Data dictionary" not in teams
    assert f"<td>{markup.h('필수; 고유; 패턴 ^[a-z0-9]+(-[a-z0-9]+)*$')}</td>" in teams
    assert '<a href="../../data/teams/#table-teams-team-id">teams/teams.team_id</a> 참조' in teams
    assert "기본 키(함께 쓰는 열: stage_id)" in teams and "primary key (with stage_id)" in en["data/teams/index.md"]
    assert "2026년 12월 1일(릴리스 0.3.0)" in teams and "1 December 2026 (release 0.3.0)" in en["data/teams/index.md"]
    assert 'href="#sources"' in teams and "## 출처 { #sources }" in teams  # Korean headings get no slug of their own
    assert "이 데이터 패키지 인용하기" in teams and "Cite this data package" in en["data/teams/index.md"]
    with speaking("ko"):
        korean = headers()
    assert korean != headers() and all(HANGUL.search(h) for h in korean)


def test_dictionary_units_and_allowed_values_come_from_the_descriptors(inputs, site):
    """A unit is the descriptor's (unit_ko in Korean); an allowed value keeps its code, followed by its
    label in the page's language where the label says more than the code."""
    funding = inputs.catalog.resource("funding", "support")
    fields = {f["name"]: f for f in funding.fields}
    assert {"unit", "unit_ko"} <= fields["amount_krw"].keys()
    for lang, page in (("ko", site["ko"]["data/funding/index.md"]), ("en", site["en"]["data/funding/index.md"])):
        row = re.search(r'<tr id="table-support-amount-krw">(.*?)</tr>', page)[1]
        assert f"<td>{fields['amount_krw']['unit_ko' if lang == 'ko' else 'unit']}</td>" in row
        kinds = re.search(r'<tr id="table-support-support-kind">(.*?)</tr>', page)[1]
        listed = "gpu, data(데이터), talent(인재), total(사업 전체)" if lang == "ko" else "gpu (GPUs), data, talent, total (Whole programme)"
        assert f"<td>{listed}</td>" in kinds  # a label that only repeats the code is left out
    for package in inputs.catalog.packages.values():
        for resource in package.resources.values():
            for field in resource.fields:
                assert ("unit" in field) == ("unit_ko" in field), (package.name, resource.name, field["name"])


def test_citations_are_in_the_language_spoken(inputs):
    from sovereign_ai_site.cite import Citations

    page = '<a class="cite" href="x" title="' + inputs.catalog.table("sources", "sources")["source_id"].iloc[0] + '">'
    with speaking("ko"):
        assert "## 이 페이지의 출처" in Citations(inputs.catalog).with_page_sources(page, "index.md")
    assert "## Sources on this page" in Citations(inputs.catalog).with_page_sources(page, "index.md")


def test_reuse_code_is_the_same_in_both_languages(site):
    for path in (p for p in site["ko"] if p.startswith("data/") and p.endswith("/index.md") and p.count("/") == 2):
        code = [re.findall(r"<pre><code>.*?</code></pre>", site[lang][path], re.DOTALL) for lang in ("ko", "en")]
        assert len(code[0]) == 4 and code[0][1:] == code[1][1:], path  # the first is the BibTeX, its note in the page's language


def test_downloads_are_the_same_bytes_in_both_languages(site):
    files = {lang: {path: content for path, content in site[lang].items() if path.startswith("data/") and not path.endswith(".md")} for lang in site}
    assert files["ko"].keys() == files["en"].keys() and files["ko"] == files["en"]
    assert {"data/SHA256SUMS", "data/sovereign-ai-data.zip", "data/teams/teams.zip", "data/teams/teams.csv", "data/teams/datapackage.json"} <= files["ko"].keys()


def test_every_download_link_on_the_data_pages_resolves(site_root):
    built_site = site_root
    pages = data_pages(built_site)
    tables = sum(len(r) for r in (json.loads((PROJECT / "data" / p / "datapackage.json").read_text())["resources"] for p in PACKAGES) if len(r) > 1)
    assert len(pages) == len(PACKAGES) + 2 + tables  # catalog, changelog, a page per package and per table of a multi-table package
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


def test_sha256sums_cover_and_match_every_download(site_root):
    folder = site_root / "data"
    listed = {}
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.suffix != ".html" and p.name != "SHA256SUMS"}
    assert set(listed) == {f for f in files if not f.startswith("releases/")}  # each frozen release has its own
    assert {f"{p}/{p}.zip" for p in PACKAGES} | {"sovereign-ai-data.zip", "CITATION.cff", "datapackage.json", "sovereign-ai.sqlite", "sovereign-ai.metadata.json"} <= files


def test_two_generations_give_byte_identical_zips(site_root, inputs, site_address):
    """The build in MkDocs (another process) and this one produce the same bytes, in both languages' sites
    (built for the same address, which the CITATION.cff in each zip gives)."""
    generated = build_site(inputs, "ko", site_address[1])
    zips = [path for path in generated if path.endswith(".zip")]
    assert len([z for z in zips if not z.startswith("data/releases/")]) == len(PACKAGES) + 1
    for path in zips:
        assert (site_root / path).read_bytes() == generated[path], path


def test_zip_entries_are_sorted_dated_from_the_data_with_fixed_permissions(inputs, generated):
    as_of = inputs.as_of
    for path in (p for p in generated if p.endswith(".zip") and not p.startswith("data/releases/")):
        infos = zipfile.ZipFile(io.BytesIO(generated[path])).infolist()
        assert [i.filename for i in infos] == sorted(i.filename for i in infos)
        assert {i.date_time for i in infos} == {(as_of.year, as_of.month, as_of.day, 0, 0, 0)}
        assert {i.external_attr >> 16 for i in infos} == {0o100644}
        assert {"README.txt", "CITATION.cff", "datapackage.json"} <= {i.filename for i in infos}  # at the root


def test_zips_are_frictionless_zipped_packages(generated, inputs, tmp_path):
    """``Package("x.zip")`` opens each zip as it stands, and ``frictionless validate x.zip`` checks its tables."""
    for path in (p for p in generated if p.endswith(".zip") and not p.startswith("data/releases/")):
        target = tmp_path / Path(path).name
        target.write_bytes(generated[path])
        package = Package(str(target))
        report = package.validate()
        assert report.valid, (path, report.flatten(["rowNumber", "fieldName", "message"]))
        name = Path(path).stem
        expected = inputs.catalog.packages[name].resources if name in inputs.catalog.packages else [r for p in inputs.catalog.packages.values() for r in p.resources]
        assert len(report.tasks) == len(expected) == len(package.resources), path
        readme = zipfile.ZipFile(target).read("README.txt").decode("utf-8")
        assert "HOW TO CITE" in readme and "LICENCE" in readme and "source_ids" in readme
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", str(tmp_path / "teams.zip")], capture_output=True, text=True, timeout=120, check=False)
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["valid"]
    assert sorted(t["place"] for t in report["tasks"]) == sorted(r.descriptor["path"] for r in inputs.catalog.packages["teams"].resources.values())


def test_readme_names_the_release_and_the_licence_in_korean_then_english(inputs, generated):
    readme = zipfile.ZipFile(io.BytesIO(generated["data/teams/teams.zip"])).read("README.txt").decode()
    release, teams = inputs.release, inputs.catalog.packages["teams"]
    korean, english = readme.split("=" * 72)
    assert korean.startswith(f'{teams.descriptor["title_ko"]} (데이터 패키지 "teams"') and f"릴리스 {release.version}({release.date.isoformat()})" in korean
    assert "인용 방법" in korean and "라이선스" in korean and teams.descriptor["description_ko"] in korean
    assert english.lstrip().startswith(teams.descriptor["title"]) and f"Release {release.version} of {release.date.isoformat()}" in english
    assert not HANGUL.search(english.replace(teams.descriptor["title_ko"], ""))
    for part in (korean, english):
        assert teams.descriptor["licenses"][0]["path"] in part


def test_every_data_page_has_a_citation_and_the_licences(site_root, inputs):
    release = inputs.release
    if site_root.name == "en":
        cite, version, mit = "Cite this", f"Version {release.version}, released {format_date(release.date)}", "MIT licence"
    else:
        with speaking("ko"):
            cite, version, mit = "인용하기", f"버전 {release.version}, {format_date(release.date)} 공개", "MIT 라이선스"
    for page in data_pages(site_root):
        text = page.read_text(encoding="utf-8")
        assert cite in text and "@misc{" in text, page
        assert version in text and f"{release.title}".replace("'", "&#x27;") in text, page
        assert f"year = {{{release.date.year}}}" in text, page
        assert "https://creativecommons.org/licenses/by/4.0/" in text and mit in text, page
        assert "/sources/" in text, page


def test_version_and_date_come_from_citation_cff_not_the_templates(inputs):
    cff = yaml.safe_load((PROJECT / "CITATION.cff").read_text())
    assert inputs.release.version == str(cff["version"]) and inputs.release.date.isoformat() == str(cff["date-released"])
    templates = PROJECT / "scripts/sovereign_ai_site/templates"
    names = ["catalog.md.jinja", "package.md.jinja", "resource.md.jinja", "changelog.md.jinja", "cite.html.jinja", "reuse.md.jinja"]
    names += [f"prose/readme.{lang}.txt.jinja" for lang in ("ko", "en")]
    names += [p.relative_to(templates).as_posix() for p in (templates / "prose").glob("*.jinja") if p.name.startswith(("catalog-", "changelog-", "package-", "resource-", "cite-"))]
    for name in names:
        text = (templates / name).read_text()
        assert inputs.release.version not in text and str(inputs.release.date.year) not in text, name
    strings = (PROJECT / "scripts/sovereign_ai_site/strings.yml").read_text()
    assert inputs.release.version not in strings and str(inputs.release.date.year) not in strings


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_release_row_counts_add_up_to_every_table(inputs, site, lang):
    first = inputs.release.releases[-1]
    assert (first.version, first.date) == ("0.1.0", dt.date(2026, 11, 29))
    page = site[lang]["data/changelog.md"]
    for release in inputs.release.releases:
        with speaking(lang):
            assert f"## {markup.md(release.version)}: {format_date(release.date)}" in page
    for package in inputs.catalog.packages.values():
        assert inputs.release.updated(package.name).version == package.descriptor["version"]
        for resource in package.resources.values():
            key = f"{package.name}/{resource.name}"
            counts = [r.rows.get(key, {}) for r in inputs.release.releases]
            assert sum(c.get("added", 0) - c.get("removed", 0) for c in counts) == len(resource.table), key
            if key in first.rows:  # a table added by a later release is counted above
                assert f">{key}</a></td> <td>{first.rows[key]['added']}</td>" in page


def test_changelog_notes_in_korean_where_the_release_gives_them(tmp_path):
    project = make_project(tmp_path)
    log = project / "data/CHANGELOG.yml"
    releases = yaml.safe_load(log.read_text())
    releases[0]["notes_ko"] = "베타 팀의 GPU 수를 철회하고 참여기관 하나를 추가했습니다."
    log.write_text(yaml.safe_dump(releases, allow_unicode=True))
    inputs = load(project)
    ko, en = (build_site(inputs, lang)["data/changelog.md"] for lang in ("ko", "en"))
    assert "베타 팀의 GPU 수를 철회하고 참여기관 하나를 추가했습니다\\." in ko and "영어로만" in ko  # the older release has English notes only
    assert "베타" not in en and markup.md(releases[0]["notes"]) in en


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
        result = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", url], capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
        report = json.loads(result.stdout)
        assert report["valid"] and len(report["tasks"]) == len(list((PROJECT / "data" / package).glob("*.csv"))), package


def test_pandas_reads_every_csv_from_its_url_with_the_same_rows(served_site):
    for path in sorted((PROJECT / "data").glob("*/*.csv")):
        url = f"{served_site}/data/{path.parent.name}/{path.name}"
        online = pd.read_csv(url, dtype=str, keep_default_na=False)
        local = pd.read_csv(path, dtype=str, keep_default_na=False)
        pd.testing.assert_frame_equal(online, local)


def test_published_descriptors_carry_data_package_v2_metadata(inputs, generated):
    """Written at build time: the sources under data/ keep none of it (checks.py refuses $schema there)."""
    ids = {json.loads(generated["data/datapackage.json"])["id"]}
    for package in inputs.catalog.packages.values():
        d = json.loads(generated[package.path])
        assert d["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json" and "$schema" not in package.descriptor
        assert d["created"] == f"{inputs.release.updated(package.name).date.isoformat()}T00:00:00Z"  # the release's date, not the clock's
        if inputs.release.url:
            assert d["homepage"] == inputs.release.url.rstrip("/") + f"/data/{package.name}/"
        assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", d["id"])
        ids.add(d["id"])
        assert d["contributors"] and all(c["roles"] and "role" not in c for c in d["contributors"])
        assert d["version"] == package.descriptor["version"]
        for resource, published in zip(package.resources.values(), d["resources"], strict=True):
            content = generated[resource.path]
            assert published["bytes"] == len(content) and published["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
            assert published["schema"]["fields"] == resource.fields  # labels, units: the maintainers' own
            for key in published["schema"].get("crossPackageForeignKeys", []):
                other = key["reference"]["package"]
                assert re.fullmatch(r"\.\./[a-z]+/datapackage\.json", other), other
                target = json.loads(generated[f"data/{other.removeprefix('../')}"])  # the path resolves on the site
                assert {r["name"]: r for r in target["resources"]}[key["reference"]["resource"]]["schema"]["primaryKey"]
    assert len(ids) == len(inputs.catalog.packages) + 1


def test_the_published_descriptor_opens_offline(generated, tmp_path, monkeypatch):
    """A v2 ``$schema`` names a profile frictionless knows: opening and validating fetches nothing."""
    import socket

    def refused(*args, **kwargs):
        raise OSError("this test refuses the network")

    monkeypatch.setattr(socket.socket, "connect", refused)
    monkeypatch.setattr(socket, "create_connection", refused)
    folder = tmp_path / "timeline"
    folder.mkdir()
    for path in (p for p in generated if p.startswith("data/timeline/") and p.endswith((".json", ".csv"))):
        (folder / path.rsplit("/", 1)[1]).write_bytes(generated[path])
    report = Package(str(folder / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])


def test_the_catalog_lists_every_package_and_checks_the_keys_between_them(inputs, generated, tmp_path):
    catalog = json.loads(generated["data/datapackage.json"])
    assert [p["path"] for p in catalog["packages"]] == [f"{name}/datapackage.json" for name in PACKAGES]
    assert catalog["version"] == inputs.release.version and catalog["$schema"].startswith("https://datapackage.org/profiles/2.0/")
    assert len(catalog["resources"]) == sum(len(p.resources) for p in inputs.catalog.packages.values())
    keys = {(r["name"], k["reference"]["resource"]) for r in catalog["resources"] for k in r["schema"].get("foreignKeys", [])}
    assert {("events", "teams"), ("events", "stages"), ("outcomes", "stages"), ("members", "organisations")} <= keys
    # In the zip of everything, a team that does not exist is a foreign-key error frictionless finds.
    folder = tmp_path / "all"
    zipfile.ZipFile(io.BytesIO(generated["data/sovereign-ai-data.zip"])).extractall(folder)
    events = folder / "timeline" / "events.csv"
    table = pd.read_csv(events, dtype=str, keep_default_na=False)
    row = table.index[table["team_id"] != ""][0]
    table.loc[row, "team_id"] = "no-such-team"
    table.to_csv(events, index=False, lineterminator="\n")
    report = Package(str(folder / "datapackage.json")).validate()
    found = [message for kind, message in report.flatten(["type", "message"]) if kind == "foreign-key"]
    assert len(found) == 1 and "no-such-team" in found[0], report.flatten(["type", "message"])


def test_the_database_and_its_metadata_are_downloads(generated):
    import sqlite3

    sums = generated["data/SHA256SUMS"].decode()
    for path in ("data/sovereign-ai.sqlite", "data/sovereign-ai.metadata.json", "data/datapackage.json"):
        assert f"{hashlib.sha256(generated[path]).hexdigest()}  {path.removeprefix('data/')}\n" in sums
    assert generated["data/sovereign-ai.sqlite"].startswith(b"SQLite format 3\x00")
    assert "sovereign-ai" in json.loads(generated["data/sovereign-ai.metadata.json"])["databases"]
    assert "releases/" not in sums
    assert sqlite3.sqlite_version


def test_every_frozen_release_is_published_and_linked_from_the_changelog(inputs, generated):
    frozen = sorted(p.relative_to(PROJECT / "releases").as_posix() for p in (PROJECT / "releases").rglob("*") if p.is_file())
    assert {"0.2.0/sovereign-ai-data.zip", "0.2.0/SHA256SUMS", "0.2.0/CITATION.cff"} <= set(frozen)
    page = generated["data/changelog.md"]
    for name in frozen:
        assert generated[f"data/releases/{name}"] == (PROJECT / "releases" / name).read_bytes()
        assert f'href="../../data/releases/{name}"' in page, name
    for release in inputs.release.releases:
        if (PROJECT / "releases" / release.version).is_dir():
            assert f"version: \"{release.version}\"" in (PROJECT / "releases" / release.version / "CITATION.cff").read_text()


def test_freeze_writes_the_release_and_a_build_that_differs_stops(tmp_path):
    project = make_project(tmp_path)
    command = [sys.executable, "-m", "sovereign_ai_site", "--project", str(project)]
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "scripts")}

    def run(*args):
        return subprocess.run([*command, *args], capture_output=True, text=True, env=env, timeout=120, check=False)

    frozen = run("freeze")
    version = load(project).release.version
    folder = project / "releases" / version
    assert frozen.returncode == 0 and sorted(p.name for p in folder.iterdir()) == ["CITATION.cff", "SHA256SUMS", "sovereign-ai-data.zip"], frozen.stderr
    assert "frozen already" in run("freeze").stdout
    assert run("build", "--out", str(tmp_path / "out")).returncode == 0
    assert (tmp_path / "out" / "data" / "releases" / version / "SHA256SUMS").read_bytes() == (folder / "SHA256SUMS").read_bytes()
    csv = next((project / "data").glob("*/*.csv"))
    csv.write_text(csv.read_text().replace("\n", "\r\n", 1))  # other bytes, the same data
    for args in (("build", "--out", str(tmp_path / "out2")), ("validate",), ("freeze",)):
        refused = run(*args)
        assert refused.returncode == 1 and "Traceback" not in refused.stderr, refused.stderr
        assert f"releases/{version}/SHA256SUMS" in refused.stderr and "a published release never changes" in refused.stderr
    assert not (tmp_path / "out2").exists()
    assert run("freeze", "--replace").returncode == 0 and run("validate").returncode == 0
