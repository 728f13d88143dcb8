"""JSON-LD of the data pages, read as a harvester reads it: extruct takes the blocks out of the built pages,
pyld expands them against schema.org's vocabulary (served from here: no request leaves the machine), and
each property is checked against the descriptors, the tables and the files of the built site."""

from __future__ import annotations

import html
import json
import re
from urllib.parse import urlsplit

import extruct
import pytest
from conftest import PROJECT, make_project
from pyld import jsonld
from sovereign_ai_site.dictionary import anchor
from sovereign_ai_site.i18n import described, speaking
from sovereign_ai_site.page_meta import body
from sovereign_ai_site.site import build_site, load

S = "http://schema.org/"  # the vocabulary schema.org's own context expands to
# The part of schema.org's context (https://schema.org/docs/jsonldcontext.jsonld) that these checks rely on:
# the vocabulary, and the properties it declares as links ("@type": "@id"), so that pyld resolves them.
CONTEXT = {"@context": {"@vocab": S, **{name: {"@id": S + name, "@type": "@id"} for name in ("url", "contentUrl", "license")}}}


@pytest.fixture(scope="module")
def inputs():
    return load(PROJECT)


@pytest.fixture(scope="module")
def asked():
    return []


@pytest.fixture(scope="module")
def expand(asked):
    """pyld's expansion with a document loader that serves the context above for schema.org and refuses the rest."""

    def loader(url, options=None):
        asked.append(url)
        if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
            raise jsonld.JsonLdError(f"no request leaves the tests: {url}", "loading document failed")
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}

    return lambda data, base: jsonld.expand(data, {"documentLoader": loader, "base": base})


@pytest.fixture(scope="module", params=["ko", "en"])
def lang(request):
    return request.param


@pytest.fixture(scope="module")
def root(site_address, built_site):
    """The address the site was built for and is served at."""
    return site_address[1].rstrip("/") + "/"


def pages(inputs) -> list[tuple[str, object, object]]:
    """Every data page that describes a Dataset: (site path, package, table or None)."""
    found = []
    for package in inputs.catalog.packages.values():
        found.append((f"data/{package.name}/", package, None))
        if len(package.resources) > 1:
            found += [(f"data/{package.name}/{r.name}/", package, r) for r in package.resources.values()]
    return found


def page_address(root: str, lang: str, path: str) -> str:
    return root + ("" if lang == "ko" else f"{lang}/") + path


def blocks(built_site, lang: str, path: str, address: str) -> list[dict]:
    """The JSON-LD blocks of a built page, as extruct reads them."""
    page = built_site / ("" if lang == "ko" else lang) / path / "index.html"
    return extruct.extract(page.read_text(encoding="utf-8"), base_url=address, syntaxes=["json-ld"])["json-ld"]


def site_file(built_site, root: str, url: str):
    """The built file an absolute URL of the site names, or None when the URL is outside the site."""
    if not url.startswith(root):
        return None
    path = urlsplit(url).path[len(urlsplit(root).path):]
    target = built_site / path
    return target / "index.html" if path.endswith("/") or not path else target


def value(node: dict, name: str) -> list:
    """The values of ``schema:name`` in an expanded node: literals as themselves, links and nodes as they are."""
    return [v.get("@value", v) for v in node.get(S + name, [])]


def one(node: dict, name: str):
    values = value(node, name)
    assert len(values) == 1, (name, values)
    return values[0]


def ids(node: dict, name: str) -> list[str]:
    return [v["@id"] for v in node.get(S + name, [])]


def date_span(resources) -> str | None:
    dates = [v for r in resources for f in r.fields if f["type"] == "date" for v in r.table[f["name"]] if v is not None]
    return "/".join(dict.fromkeys(d.isoformat() for d in (min(dates), max(dates)))) if dates else None


def test_every_package_and_table_page_describes_its_dataset_field_by_field(inputs, built_site, root, lang, expand, asked):
    release = inputs.release
    for path, package, resource in pages(inputs):
        address = page_address(root, lang, path)
        found = blocks(built_site, lang, path, address)
        assert len(found) == 1, path
        assert found[0]["@context"] == "https://schema.org/"
        [node] = expand(found[0], address)
        described_by = resource.descriptor if resource else package.descriptor
        resources = [resource] if resource else list(package.resources.values())
        with speaking(lang):
            name, description = described(described_by, "title"), described(described_by, "description")
        assert node["@type"] == [S + "Dataset"] and node["@id"] == address, path
        assert (one(node, "name"), one(node, "description"), one(node, "inLanguage")) == (name, description, lang)
        assert len(description) > 50, (path, lang, description)  # Google's minimum
        assert ids(node, "url") == [address] and address in value(node, "identifier")
        assert one(node, "version") == package.descriptor["version"]
        assert one(node, "dateModified") == release.updated(package.name).date.isoformat()
        assert ids(node, "license") == [x["path"] for x in package.descriptor["licenses"]]
        span = date_span(resources)  # tables without a date field (the evaluations') cover no stated period
        assert value(node, "temporalCoverage") == ([span] if span else []), path
        # Where: South Korea, as a Place.
        place = one(node, "spatialCoverage")
        assert place["@type"] == [S + "Place"] and one(place, "name") == ("대한민국" if lang == "ko" else "South Korea")
        assert one(one(place, "address"), "addressCountry") == "KR"
        # The variables: every field of the tables, in order, as PropertyValues that link to their dictionary row.
        variables = value(node, "variableMeasured")
        assert [one(v, "name") for v in variables] == [f["name"] for r in resources for f in r.fields], path
        text = (site_file(built_site, root, address)).read_text(encoding="utf-8")
        fields = [(r, f) for r in resources for f in r.fields]
        for v, (r, f) in zip(variables, fields, strict=True):
            with speaking(lang):
                unit, about = described(f, "unit"), described(f, "description")
            assert v["@type"] == [S + "PropertyValue"] and one(v, "description") == about
            assert value(v, "unitText") == ([unit] if unit else [])
            link = one(v, "url")["@id"]
            assert link == f"{address}#{anchor(r.name, f['name'])}" and f'id="{anchor(r.name, f["name"])}"' in text
        # The citation the page's cite box gives, and who made and publishes the data, with their pages.
        cited = html.unescape(re.search(r'<p class="cite-box__text">(.*?)</p>', text, re.DOTALL)[1])
        assert one(node, "citation") == cited and cited.endswith(" " + page_address(root, lang, f"data/{package.name}/")), path
        for role in ("creator", "publisher"):
            for agent in value(node, role):
                assert agent["@type"] == [S + "Organization"] and one(agent, "name")
                assert site_file(built_site, root, one(agent, "url")["@id"]).is_file(), (path, role)
        assert [one(c, "name") for c in value(node, "creator")] == release.authors
        # Every download is an absolute URL of a file of the built site, and the package's own files are all there.
        downloads = value(node, "distribution")
        wanted = [r.path for r in resources] + ([f"data/{package.name}/datapackage.json"] if not resource else [])
        urls = [one(d, "contentUrl")["@id"] for d in downloads]
        assert {root + p for p in wanted} <= set(urls), path
        for d, url in zip(downloads, urls, strict=True):
            assert d["@type"] == [S + "DataDownload"] and one(d, "encodingFormat")
            assert site_file(built_site, root, url).is_file(), url
        if resource:
            assert ids(node, "isPartOf") == [page_address(root, lang, f"data/{package.name}/")]
    assert set(asked) == {"https://schema.org/"}  # the context, served by the loader; nothing else was asked for


def test_the_catalog_page_lists_every_dataset_in_a_data_catalog(inputs, built_site, root, lang, expand):
    address = page_address(root, lang, "data/")
    found = blocks(built_site, lang, "data/", address)
    assert len(found) == 1
    [node] = expand(found[0], address)
    assert node["@type"] == [S + "DataCatalog"] and node["@id"] == address and ids(node, "url") == [address]
    assert one(node, "name") == inputs.release.title and len(one(node, "description")) > 50
    assert one(node, "version") == inputs.release.version and one(node, "dateModified") == inputs.release.date.isoformat()
    assert site_file(built_site, root, one(one(node, "publisher"), "url")["@id"]).is_file()
    datasets = value(node, "dataset")
    assert all(d["@type"] == [S + "Dataset"] and one(d, "name") and len(one(d, "description")) > 50 for d in datasets)
    listed = {d["@id"] for d in datasets} | {part["@id"] for d in datasets for part in value(d, "hasPart")}
    described_on_pages = {page_address(root, lang, path) for path, _, _ in pages(inputs)}
    assert listed == described_on_pages  # every package and every table page, nothing else
    for url in listed:
        assert site_file(built_site, root, url).is_file(), url


def test_korean_descriptions_are_well_over_googles_minimum(inputs):
    for package in inputs.catalog.packages.values():
        for item in [package.descriptor, *(r.descriptor for r in package.resources.values())]:
            assert len(item["description_ko"]) > 60, (package.name, item["name"], item["description_ko"])


def test_without_the_sites_address_urls_stay_relative_and_citations_name_none(inputs):
    """A build told no address, or the placeholder of mkdocs.yml, writes no address it does not know."""
    for site_url in (None, "https://example.org/sovereign-ai/"):
        files = build_site(inputs, "en", site_url)
        assert files["data/CITATION.cff"] == (PROJECT / "CITATION.cff").read_bytes()
        page = files["data/teams/organisations.md"]
        data = extruct.extract(f"<html><body>{page}</body></html>", syntaxes=["json-ld"])["json-ld"][0]
        assert data["url"] == "../../../data/teams/organisations/" and data["identifier"] == ["teams/organisations"]
        assert data["distribution"][0]["contentUrl"] == "../../../data/teams/organisations.csv"
        assert "example.org" not in page and "url = {" not in page


def test_json_ld_cannot_close_its_script_tag(tmp_path):
    """Text from a descriptor, on a package page, a table page and the catalog, stays inside its block."""
    project = make_project(tmp_path)
    descriptor = project / "data/teams/datapackage.json"
    hostile = 'Teams </script><script>alert(1)</script> & <!-- "quoted" 독자'
    d = json.loads(descriptor.read_text())
    d["description"] = d["resources"][0]["description"] = hostile
    d["resources"][0]["schema"]["fields"][0]["description"] = hostile
    descriptor.write_text(json.dumps(d, ensure_ascii=False))
    files = build_site(load(project), "en", "https://data.example.kr/")
    for path in ("data/teams/index.md", f"data/teams/{d['resources'][0]['name']}.md", "data/index.md"):
        page = body(files[path])  # the front matter is data for the theme, which escapes it (test_sharing.py)
        script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)[1]
        assert "<" not in script and ">" not in script and "&" not in script, path
        data = json.loads(script)
        described_here = [data.get("description"), *(x.get("description") for x in data.get("variableMeasured", [])), *(x.get("description") for x in data.get("dataset", []))]
        assert hostile in described_here, path
        assert page.count("</script>") == 1, path
