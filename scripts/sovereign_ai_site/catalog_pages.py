"""Data catalog, one page per package and the data changelog, from the descriptors and release record.

Every fact on these pages (titles, versions, dates, types, constraints, counts)
is read from ``datapackage.json``, the tables, CITATION.cff or data/CHANGELOG.yml.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markupsafe import Markup

from sovereign_ai_site import citation, jsonld, markup
from sovereign_ai_site.cite import SOURCES_PAGE, Citations
from sovereign_ai_site.dictionary import anchor, dictionary, page_of
from sovereign_ai_site.downloads import ALL_ZIP, CHECKSUMS, CITATION, downloads, licences, package_zip
from sovereign_ai_site.packages import DataPackage, Resource
from sovereign_ai_site.release import KINDS, Collection
from sovereign_ai_site.render import environment, format_date, format_number, render

if TYPE_CHECKING:
    from sovereign_ai_site.site import Inputs

PREVIEW_ROWS = 5
CATALOG = "data/index.md"
CHANGELOG = "data/changelog.md"


def catalog_pages(inputs: Inputs, lang: str) -> dict[str, str | bytes]:
    """The data pages and the generated downloads (zips, CITATION.cff, SHA256SUMS)."""
    files = downloads(inputs.catalog, inputs.release, inputs.downloads, inputs.as_of)
    sizes = {path: len(content) for path, content in {**inputs.downloads, **files}.items()}
    pages = {CATALOG: catalog_page(inputs, sizes), CHANGELOG: changelog_page(inputs)}
    cite = Citations(inputs.catalog)
    for package in inputs.catalog.packages.values():
        pages[page_of(package.name)] = package_page(package, inputs.release, sizes, cite)
    return {**files, **pages}


def catalog_page(inputs: Inputs, sizes: dict[str, int]) -> str:
    collection, packages = inputs.release, list(inputs.catalog.packages.values())
    rows = [
        [
            markup.anchor(p.descriptor["title"], markup.relative(CATALOG, page_of(p.name))),
            p.descriptor["description"],
            sum(len(r.table) for r in p.resources.values()),
            p.descriptor["version"],
            format_date(collection.updated(p.name).date),
        ]
        for p in packages
    ]
    tables = [
        [
            markup.anchor(f"{p.name}/{r.name}", markup.relative(CATALOG, f"{page_of(p.name)}#{anchor(r.name)}")),
            r.descriptor.get("title", r.name),
            len(r.table),
            Markup(", ").join(Markup("<code>{}</code>").format(f["name"]) for f in r.fields),
            _file_link(CATALOG, r.path, sizes),
        ]
        for p in packages
        for r in p.resources.values()
    ]
    return render(
        "catalog.md.jinja",
        rows=rows,
        tables=tables,
        all_zip=_file_link(CATALOG, ALL_ZIP, sizes),
        checksums=_file_link(CATALOG, CHECKSUMS, sizes),
        changelog=markup.anchor("data changelog", markup.relative(CATALOG, CHANGELOG)),
        collection=collection,
        release_date=format_date(collection.date),
        cite_box=cite_box(CATALOG, collection, None, packages),
    )


def package_page(package: DataPackage, collection: Collection, sizes: dict[str, int], cite: Citations) -> str:
    page, d = page_of(package.name), package.descriptor
    updated, dates = collection.updated(package.name), jsonld.date_range(package)
    cited = [v for r in package.resources.values() if "source_ids" in r.table for v in r.table["source_ids"].dropna()]
    distinct = len(dict.fromkeys(i for v in cited for i in v.split(";")))
    facts = [
        ["Package", Markup("<code>{}</code>").format(d["name"])],
        ["Version", d["version"]],
        ["Last updated", markup.anchor(f"{format_date(updated.date)} (release {updated.version})", markup.relative(page, CHANGELOG))],
        ["Rows", f"{format_number(sum(len(r.table) for r in package.resources.values()))} in {len(package.resources)} tables"],
        *([["Dates in the data", " to ".join(dict.fromkeys(format_date(x) for x in dates))]] if dates else []),
        ["Licence", _licence_links(licences([package]))],
        *([["Sources", markup.anchor(f"{distinct} documents cited by its rows", "#sources")]] if cited else []),
    ]
    files = [
        [_file_link(page, package_zip(package.name), sizes), "Everything below in one zip, with a README.txt and CITATION.cff"],
        [_file_link(page, package.path, sizes), "Descriptor: every column's type, unit, allowed values and keys (Table Schema)"],
        *([_file_link(page, r.path, sizes), f"{r.descriptor.get('title', r.name)}: {len(r.table)} rows"] for r in package.resources.values()),
        [_file_link(page, CHECKSUMS, sizes), "SHA-256 checksums of every download"],
    ]
    return render(
        "package.md.jinja",
        package=d,
        facts=facts,
        files=files,
        zip_name=package_zip(package.name).rsplit("/", 1)[1],
        sources=cite.all(cited, page),
        cite_box=cite_box(page, collection, package, [package]),
        resources=[_resource(page, r, sizes, package) for r in package.resources.values()],
        jsonld=jsonld.script(jsonld.dataset(package, collection, package_zip(package.name).rsplit("/", 1)[1])),
    )


def changelog_page(inputs: Inputs) -> str:
    collection, catalog = inputs.release, inputs.catalog
    releases = [
        {
            "version": r.version,
            "date": format_date(r.date),
            "notes": r.notes,
            "rows": [
                [
                    markup.anchor(key, markup.relative(CHANGELOG, f"{page_of(key.split('/')[0])}#{anchor(key.split('/')[1])}")),
                    *(counts.get(kind, 0) for kind in KINDS),
                ]
                for key, counts in sorted(r.rows.items())
            ],
        }
        for r in collection.releases
    ]
    return render("changelog.md.jinja", releases=releases, kinds=KINDS, cite_box=cite_box(CHANGELOG, collection, None, list(catalog.packages.values())))


def cite_box(page: str, collection: Collection, package: DataPackage | None, packages: list[DataPackage]) -> Markup:
    """The "cite this dataset" box with the licence statement, as a raw HTML block."""
    box = environment().get_template("cite.html.jinja").render(
        what="data package" if package else "dataset",
        message=collection.message,
        plain=citation.plain(collection, package),
        bibtex=Markup.escape(citation.bibtex(collection, package)),
        sources=markup.anchor("Sources page", markup.relative(page, SOURCES_PAGE)),
        licences=_licence_links(licences(packages)),
        cff=markup.anchor("CITATION.cff", markup.relative(page, CITATION)),
    )
    return Markup(box)


def _resource(page: str, resource: Resource, sizes: dict[str, int], package: DataPackage) -> dict[str, object]:
    d = resource.descriptor
    return {
        "anchor": Markup(anchor(resource.name)),
        "name": resource.name,
        "path": d["path"],
        "title": d.get("title", resource.name),
        "title_ko": d.get("title_ko", ""),
        "description": d.get("description", ""),
        "description_ko": d.get("description_ko", ""),
        "download": _file_link(page, resource.path, sizes),
        "rows": len(resource.table),
        "primary_key": Markup(", ").join(Markup("<code>{}</code>").format(k) for k in d["schema"]["primaryKey"]),
        "variable": re.sub(r"\W", "_", resource.name),
        "parse_dates": str([f["name"] for f in resource.fields if f["type"] == "date"]),
        "dictionary": dictionary(page, resource, package),
        "preview": markup.table([f["name"] for f in resource.fields], resource.table.head(PREVIEW_ROWS).values.tolist()),
    }


def _file_link(page: str, path: str, sizes: dict[str, int]) -> Markup:
    """A link to a download, named by its file name, with its size."""
    return markup.anchor(path.rsplit("/", 1)[1], markup.relative(page, path)) + Markup(" ({})").format(_size(sizes[path]))


def _size(count: int) -> str:
    return f"{format_number(count / 1000)} kB" if count >= 1000 else f"{count} bytes"


def _licence_links(items: list[dict]) -> Markup:
    return Markup(", ").join(markup.link(x.get("title") or x["name"], x.get("path")) for x in items)
