"""schema.org metadata for search engines and harvesters, as JSON-LD script blocks: a ``Dataset`` on each
package page and each table page, and a ``DataCatalog`` of them on the data catalog page.

Where the site's address is known (``Collection.url``), every URL is absolute: a page's in its own language,
a download's at the site's root, where both languages' pages link to one copy. Where it is not, URLs are
relative to the page, which JSON-LD resolves against the page's address. Names and descriptions are in the
page's language, which ``inLanguage`` states. Every value comes from the descriptors (names, descriptions,
fields and units, licences, keywords), the tables (the span of their dates), CITATION.cff and the changelog
(authors, versions, dates); the place covered, South Korea, is the collection's subject (strings.yml).
"""

from __future__ import annotations

import datetime as dt
import json

from markupsafe import Markup

from sovereign_ai_site import citation, markup
from sovereign_ai_site.dictionary import anchor, page_of, resource_page_of
from sovereign_ai_site.downloads import package_zip
from sovereign_ai_site.i18n import DEFAULT_LANGUAGE, described, lang, t
from sovereign_ai_site.packages import DataPackage, Resource
from sovereign_ai_site.release import Collection

CONTEXT = "https://schema.org/"
ABOUT_PAGE = "about.md"  # who compiles the data, how to correct it: the creator's page


class _Addresses:
    """URLs as seen from one page of the site."""

    def __init__(self, collection: Collection, page: str):
        self.root, self.page = collection.url, page

    def of_page(self, target: str) -> str:
        """A page (``.md``, optionally with ``#anchor``) in the language being spoken."""
        if not self.root:
            return markup.relative(self.page, target)
        path, _, fragment = target.partition("#")
        prefix = "" if lang() == DEFAULT_LANGUAGE else f"{lang()}/"
        return self.root + prefix + markup.page_url(path) + (f"#{fragment}" if fragment else "")

    def of_file(self, path: str) -> str:
        """A download, by its site path."""
        return self.root + path if self.root else markup.relative(self.page, path)


def dataset(package: DataPackage, collection: Collection, catalog: str) -> dict:
    """The package as a ``Dataset``, for its page; its tables with pages of their own are its parts, and
    ``catalog`` is the page of the catalog that lists it."""
    page = page_of(package.name)
    at = _Addresses(collection, page)
    d = package.descriptor
    data = _common(package, collection, at, page, d, list(package.resources.values()))
    data["distribution"] = [
        _download(at, package_zip(package.name), "application/zip"),
        _download(at, package.path, "application/json"),
        *(_download(at, r.path, r.descriptor.get("mediatype", "text/csv")) for r in package.resources.values()),
    ]
    data["includedInDataCatalog"] = {"@type": "DataCatalog", "@id": at.of_page(catalog), "name": collection.title, "url": at.of_page(catalog)}
    parts = _own_pages(package)
    if parts:
        data["hasPart"] = [_reference(at, resource_page_of(package.name, r.name), described(r.descriptor, "title") or r.name) for r in parts]
    return data


def table_dataset(package: DataPackage, resource: Resource, collection: Collection) -> dict:
    """One table as a ``Dataset``, for its own page: part of its package's."""
    page = resource_page_of(package.name, resource.name)
    at = _Addresses(collection, page)
    data = _common(package, collection, at, page, resource.descriptor, [resource])
    data["alternateName"] = [x for x in dict.fromkeys((f"{package.name}/{resource.name}", resource.descriptor.get("title"), resource.descriptor.get("title_ko"))) if x and x != data["name"]]
    data["distribution"] = [_download(at, resource.path, resource.descriptor.get("mediatype", "text/csv"))]
    data["isPartOf"] = _reference(at, page_of(package.name), described(package.descriptor, "title"))
    return data


def data_catalog(packages: list[DataPackage], collection: Collection, page: str) -> dict:
    """The collection as a ``DataCatalog`` of every package's ``Dataset`` (its tables as their parts)."""
    at = _Addresses(collection, page)
    entries = []
    for package in packages:
        full = dataset(package, collection, page)
        entries.append({key: full[key] for key in ("@type", "@id", "name", "description", "url", "identifier", "version", "license", "creator", "dateModified", "hasPart") if key in full})
    return {
        "@context": CONTEXT,
        "@type": "DataCatalog",
        "@id": at.of_page(page),
        "name": collection.title,
        "description": t("jsonld.catalog_description", packages=len(packages), tables=sum(len(p.resources) for p in packages)),
        "inLanguage": lang(),
        "url": at.of_page(page),
        "version": collection.version,
        "datePublished": collection.releases[-1].date.isoformat(),
        "dateModified": collection.date.isoformat(),
        "license": sorted({x.get("path") or x["name"] for p in packages for x in p.descriptor["licenses"]}),
        "creator": _creators(at, collection, None),
        "publisher": _publisher(at, collection),
        "citation": citation.plain(collection),
        "spatialCoverage": _place(),
        "dataset": entries,
    }


def script(data: dict) -> Markup:
    """A ``<script>`` block that no value can close: ``<``, ``>`` and ``&`` become JSON escapes."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def _common(package: DataPackage, collection: Collection, at: _Addresses, page: str, described_by: dict, resources: list[Resource]) -> dict:
    """What a package's and a table's ``Dataset`` share; names and description from ``described_by``."""
    d = package.descriptor
    name, url = described(described_by, "title") or described_by["name"], at.of_page(page)
    data = {
        "@context": CONTEXT,
        "@type": "Dataset",
        "@id": url,
        "name": name,
        "alternateName": [x for x in dict.fromkeys((d["name"], d["title"], d.get("title_ko"))) if x and x != name],
        "description": described(described_by, "description"),
        "inLanguage": lang(),
        "url": url,
        "identifier": _identifiers(package, described_by, collection, url),
        "version": d["version"],
        "datePublished": collection.first(package.name).date.isoformat(),
        "dateModified": collection.updated(package.name).date.isoformat(),
        "license": [x.get("path") or x["name"] for x in d["licenses"]],
        "creator": _creators(at, collection, package),
        "publisher": _publisher(at, collection),
        "keywords": d.get("keywords", []),
        "isAccessibleForFree": True,
        "citation": citation.plain(collection, package),
        "creditText": citation.plain(collection, package),
        "spatialCoverage": _place(),
        "variableMeasured": [_variable(at, page, r, f) for r in resources for f in r.fields],
    }
    dates = _span(resources)
    if dates:
        data["temporalCoverage"] = "/".join(dict.fromkeys(x.isoformat() for x in dates))
    return data


def _identifiers(package: DataPackage, described_by: dict, collection: Collection, url: str) -> list[str]:
    """The descriptor's ``id`` where it has one, and the page's address where the site's is known; else the
    package's (or table's) name in the collection."""
    own = package.descriptor.get("id") if described_by is package.descriptor else None
    name = package.name if described_by is package.descriptor else f"{package.name}/{described_by['name']}"
    return [x for x in dict.fromkeys((own, url if collection.url else name)) if x]


def _variable(at: _Addresses, page: str, resource: Resource, field: dict) -> dict:
    """A field as a ``PropertyValue``: its name, its description, its unit; its URL is its row in the
    page's data dictionary."""
    variable = {
        "@type": "PropertyValue",
        "name": field["name"],
        "alternateName": described(field, "title") or field["name"],
        "description": described(field, "description"),
        "url": at.of_page(f"{page}#{anchor(resource.name, field['name'])}"),
    }
    unit = described(field, "unit")
    if unit:
        variable["unitText"] = unit
    return variable


def _place() -> dict:
    return {"@type": "Place", "name": t("jsonld.place"), "address": {"@type": "PostalAddress", "addressCountry": "KR"}}


def _creators(at: _Addresses, collection: Collection, package: DataPackage | None) -> list[dict]:
    named = [c.get("title") for c in (package.descriptor.get("contributors", []) if package else []) if c.get("role") in (None, "author", "creator") and c.get("title")]
    return [{"@type": "Organization", "name": name, "url": at.of_page(ABOUT_PAGE)} for name in named or collection.authors]


def _publisher(at: _Addresses, collection: Collection) -> dict:
    """The site that publishes the data: the collection's title up to its colon, at the site's home."""
    return {"@type": "Organization", "name": collection.title.split(":")[0].strip(), "url": at.of_page("index.md")}


def _reference(at: _Addresses, page: str, name: str) -> dict:
    url = at.of_page(page)
    return {"@type": "Dataset", "@id": url, "name": name, "url": url}


def _download(at: _Addresses, path: str, media_type: str) -> dict:
    return {"@type": "DataDownload", "name": path.rsplit("/", 1)[1], "contentUrl": at.of_file(path), "encodingFormat": media_type}


def _own_pages(package: DataPackage) -> list[Resource]:
    """The tables that have a page of their own (those of packages of several tables)."""
    return list(package.resources.values()) if len(package.resources) > 1 else []


def _span(resources: list[Resource]) -> tuple[dt.date, dt.date] | None:
    """First and last value over every date field of ``resources``; None when there is none."""
    dates = [value for r in resources for f in r.fields if f["type"] == "date" for value in r.table[f["name"]] if value is not None]
    return (min(dates), max(dates)) if dates else None
