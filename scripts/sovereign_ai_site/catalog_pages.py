"""Data catalog, one page per package and the data changelog, from the descriptors and release record.

Every fact on these pages (titles, versions, dates, types, constraints, counts)
is read from ``datapackage.json``, the tables, CITATION.cff or data/CHANGELOG.yml.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markupsafe import Markup

from sovereign_ai_site import citation, jsonld, markup, pagination
from sovereign_ai_site.cite import SOURCES_PAGE, Citations
from sovereign_ai_site.corrections import report_problem
from sovereign_ai_site.data_tables import csv_cells, sortable
from sovereign_ai_site.dictionary import anchor, dictionary, other_title, page_of, resource_page_of
from sovereign_ai_site.downloads import (
    ALL_ZIP,
    CATALOG_DESCRIPTOR,
    CHECKSUMS,
    CITATION,
    DATABASE,
    DATABASE_METADATA,
    FROZEN,
    licences,
    package_zip,
    release_file,
)
from sovereign_ai_site.i18n import described, lang, t
from sovereign_ai_site.packages import DataPackage, Resource
from sovereign_ai_site.release import KINDS, Collection
from sovereign_ai_site.render import format_date, format_number, render
from sovereign_ai_site.views.catalog import cited, date_range, distinct_sources, row_count

if TYPE_CHECKING:
    from sovereign_ai_site.pages import Context
    from sovereign_ai_site.site import Inputs

PREVIEW_ROWS = 5
CATALOG = "data/index.md"
CHANGELOG = "data/changelog.md"

# The queries the catalog page shows, run as they stand by tests/test_clients.py: a join across three
# packages (teams/outcomes, teams/teams, program/stages), and each row's sources through row_sources.
QUERIES = {
    "outcomes": "SELECT s.name_en AS stage, t.name_en AS team, o.outcome FROM outcomes o JOIN teams t USING (team_id) JOIN stages s USING (stage_id) ORDER BY s.starts_on, t.name_en",
    "sources": "SELECT t.name_en AS team, s.title, s.url FROM teams t JOIN row_sources r ON r.table_name = 'teams' AND r.row_key = t.team_id JOIN sources s USING (source_id) ORDER BY t.name_en, s.title",
}
# The same join on the CSVs of the zip of everything, unzipped: DuckDB reads them without an extension.
DUCKDB_CSV = "SELECT s.name_en AS stage, t.name_en AS team, o.outcome FROM 'teams/outcomes.csv' o JOIN 'teams/teams.csv' t USING (team_id) JOIN 'program/stages.csv' s USING (stage_id) ORDER BY s.starts_on, t.name_en"


def catalog_pages(ctx: Context) -> dict[str, str | bytes]:
    """The data pages and the generated downloads (zips, CITATION.cff, SHA256SUMS)."""
    inputs = ctx.inputs
    sizes = {path: len(content) for path, content in {**inputs.downloads, **inputs.packed}.items()}
    pages = {CATALOG: catalog_page(inputs, sizes), CHANGELOG: changelog_page(inputs)}
    for package in inputs.catalog.packages.values():
        pages[page_of(package.name)] = package_page(package, inputs.release, sizes, ctx.cite, inputs.downloads)
        if len(package.resources) > 1:
            for resource in package.resources.values():
                pages |= resource_pages(package, resource, inputs.release, sizes, inputs.downloads)
    return {**inputs.packed, **pages}


def resource_pages(package: DataPackage, resource: Resource, collection: Collection, sizes: dict[str, int], downloads: dict[str, bytes]) -> dict[str, str]:
    """One table of a package, citable on its own: its dictionary and every row, a page of rows at a time."""
    header, cells = csv_cells(downloads[resource.path])
    paths = pagination.table_page_paths(resource_page_of(package.name, resource.name), len(cells))
    title = described(resource.descriptor, "title") or resource.name
    pages = {}
    for number, page in enumerate(paths, start=1):
        pages[page] = render(
            "resource.md.jinja",
            resource=_resource(page, resource, sizes, package, downloads),
            package=markup.anchor(described(package.descriptor, "title"), markup.relative(page, page_of(package.name))),
            cite_box=cite_box(page, collection, package, [package]),
            number=number,
            first_page=markup.anchor(title, markup.relative(page, paths[0])),
            rows=sortable(page, resource, header, list(pagination.chunk(cells, number)), len(cells), t("tables.region", title=title)),
            pager=pagination.pager(paths, number, len(cells)),
            report=report_problem(collection.repository, collection.url, page, title),
            jsonld=jsonld.script(jsonld.table_dataset(package, resource, collection)) if number == 1 else "",
        )
    return pages


def catalog_page(inputs: Inputs, sizes: dict[str, int]) -> str:
    collection, packages = inputs.release, list(inputs.catalog.packages.values())
    rows = [
        [
            markup.anchor(described(p.descriptor, "title"), markup.relative(CATALOG, page_of(p.name))),
            described(p.descriptor, "description"),
            row_count(p),
            p.descriptor["version"],
            format_date(collection.updated(p.name).date),
        ]
        for p in packages
    ]
    tables = [
        [
            markup.anchor(f"{p.name}/{r.name}", markup.relative(CATALOG, f"{page_of(p.name)}#{anchor(r.name)}")),
            described(r.descriptor, "title") or r.name,
            len(r.table),
            Markup(", ").join(Markup("<code>{}</code>").format(f["name"]) for f in r.fields),
            _file_link(CATALOG, r.path, sizes),
        ]
        for p in packages
        for r in p.resources.values()
    ]
    return render(
        "catalog.md.jinja",
        columns=_columns("catalog.columns", "package", "description", "rows", "version", "last_updated"),
        rows=rows,
        table_columns=_columns("catalog.table_columns", "table", "title", "rows", "fields", "csv"),
        tables=tables,
        all_zip=_file_link(CATALOG, ALL_ZIP, sizes),
        checksums=_file_link(CATALOG, CHECKSUMS, sizes),
        catalog_descriptor=_file_link(CATALOG, CATALOG_DESCRIPTOR, sizes),
        database=_file_link(CATALOG, DATABASE, sizes),
        database_metadata=_file_link(CATALOG, DATABASE_METADATA, sizes),
        **database_commands(),
        changelog=markup.anchor(t("catalog.changelog_link"), markup.relative(CATALOG, CHANGELOG)),
        collection=collection,
        release_date=format_date(collection.date),
        cite_box=cite_box(CATALOG, collection, None, packages),
        jsonld=jsonld.script(jsonld.data_catalog(packages, collection, CATALOG)),
    )


def database_commands() -> dict[str, Markup]:
    """The shell commands that query the database, the same in both languages."""
    db, metadata = DATABASE.rsplit("/", 1)[1], DATABASE_METADATA.rsplit("/", 1)[1]
    attach = f"ATTACH '{db}' AS db (TYPE sqlite); USE db;"
    return {
        "sqlite3": _code(*(f'sqlite3 -header -column {db} "{query};"' for query in QUERIES.values())),
        "duckdb": _code(f'duckdb -c "{attach} {QUERIES["outcomes"]};"', f'duckdb -c "{DUCKDB_CSV};"'),
        "datasette": _code("pip install datasette", f"datasette {db} --metadata {metadata}"),
    }


def _code(*lines: str) -> Markup:
    return Markup("<pre><code>{}</code></pre>").format("\n".join(lines))


def package_page(package: DataPackage, collection: Collection, sizes: dict[str, int], cite: Citations, downloads: dict[str, bytes]) -> str:
    page, d = page_of(package.name), package.descriptor
    updated, dates, cells = collection.updated(package.name), date_range(package), cited(package)
    rows = t("package.rows_in_tables", rows=format_number(row_count(package)), tables=len(package.resources))
    release = t("package.release", date=format_date(updated.date), version=updated.version)
    span = t("package.date_span").join(dict.fromkeys(format_date(x) for x in dates or []))
    documents = t("package.documents_cited", count=len(distinct_sources(cells)))
    zip_name = package_zip(package.name).rsplit("/", 1)[1]
    fact = "package.facts."
    facts = [
        [t(fact + "package"), Markup("<code>{}</code>").format(d["name"])],
        *([[t("dictionary.columns.other_title"), other_title(d)]] if other_title(d) else []),
        [t(fact + "version"), d["version"]],
        [t(fact + "last_updated"), markup.anchor(release, markup.relative(page, CHANGELOG))],
        [t(fact + "rows"), rows],
        *([[t(fact + "dates"), span]] if dates else []),
        [t(fact + "licence"), _licence_links(licences([package]))],
        *([[t("common.sources"), markup.anchor(documents, "#sources")]] if cells else []),
    ]
    contents = [
        (package_zip(package.name), t("package.files.zip")),
        (package.path, t("package.files.descriptor")),
        *((r.path, t("package.files.table", title=described(r.descriptor, "title") or r.name, rows=len(r.table))) for r in package.resources.values()),
        (CHECKSUMS, t("package.files.checksums")),
    ]
    files = [[_file_link(page, path, sizes), text] for path, text in contents]
    return render(
        "package.md.jinja",
        package=d,
        title=described(d, "title"),
        description=described(d, "description"),
        facts_columns=_columns("package.facts_columns", "property", "value"),
        facts=facts,
        report=report_problem(collection.repository, collection.url, page, described(d, "title")),
        files_columns=_columns("package.files_columns", "file", "contents"),
        files=files,
        zip_name=zip_name,
        sources=cite.all(cells, page),
        cite_box=cite_box(page, collection, package, [package]),
        resources=[_resource(page, r, sizes, package, downloads) for r in package.resources.values()],
        jsonld=jsonld.script(jsonld.dataset(package, collection, CATALOG)),
    )


def changelog_page(inputs: Inputs) -> str:
    collection, catalog = inputs.release, inputs.catalog
    korean = lang() == "ko"
    sizes = {path: len(content) for path, content in inputs.packed.items()}
    releases = [
        {
            "version": r.version,
            "anchor": Markup(r.anchor),
            "date": format_date(r.date),
            "notes": r.notes_ko if korean and r.notes_ko else r.notes,
            "untranslated": korean and not r.notes_ko,
            "frozen": Markup(", ").join(_file_link(CHANGELOG, release_file(r.version, name), sizes) for name in FROZEN if release_file(r.version, name) in sizes),
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
    packages = list(catalog.packages.values())
    return render(
        "changelog.md.jinja",
        columns=_columns("changelog.columns", "table", *KINDS),
        releases=releases,
        cite_box=cite_box(CHANGELOG, collection, None, packages),
    )


def cite_box(page: str, collection: Collection, package: DataPackage | None, packages: list[DataPackage]) -> Markup:
    """The "cite this dataset" box with the licence statement, as a raw HTML block."""
    box = render(
        "cite.html.jinja",
        package=package,
        message=collection.message,
        plain=citation.plain(collection, package),
        bibtex=Markup.escape(citation.bibtex(collection, package)),
        sources=markup.anchor(t("cite.sources_page"), markup.relative(page, SOURCES_PAGE)),
        licences=_licence_links(licences(packages)),
        cff=markup.anchor("CITATION.cff", markup.relative(page, CITATION)),
    )
    return Markup(box)


def _resource(page: str, resource: Resource, sizes: dict[str, int], package: DataPackage, downloads: dict[str, bytes]) -> dict[str, object]:
    d = resource.descriptor
    alone = len(package.resources) == 1  # the package's page is the table's page: all its rows, sortable
    return {
        "anchor": Markup(anchor(resource.name)),
        "name": resource.name,
        "path": d["path"],
        "title": described(d, "title") or resource.name,
        "description": described(d, "description"),
        "download": _file_link(page, resource.path, sizes),
        "rows": len(resource.table),
        "primary_key": Markup(", ").join(Markup("<code>{}</code>").format(k) for k in d["schema"]["primaryKey"]),
        "variable": re.sub(r"\W", "_", resource.name),
        "parse_dates": str([f["name"] for f in resource.fields if f["type"] == "date"]),
        "dictionary": dictionary(page, resource, package, region=t("tables.dictionary_region", title=described(d, "title") or resource.name)),
        "preview": _all_rows(page, resource, downloads)
        if alone
        else markup.table([f["name"] for f in resource.fields], resource.table.head(PREVIEW_ROWS).values.tolist()),
        "rows_heading": t("resource.rows_heading") if alone and len(resource.table) <= pagination.ROWS_PER_PAGE else t("resource.first_rows_heading"),
        "own_page": markup.anchor(t("package.own_page"), markup.relative(page, resource_page_of(package.name, resource.name)))
        if len(package.resources) > 1 and page == page_of(package.name)
        else None,
    }


def _all_rows(page: str, resource: Resource, downloads: dict[str, bytes]) -> Markup:
    """A package's only table inside its page: its first page of rows (the script sorts and filters all)."""
    header, cells = csv_cells(downloads[resource.path])
    title = described(resource.descriptor, "title") or resource.name
    where = markup.anchor(resource.path.rsplit("/", 1)[1], markup.relative(page, resource.path))
    shown = sortable(page, resource, header, list(pagination.first_rows(cells)), len(cells), t("tables.region", title=title))
    return shown + pagination.more_rows_note(len(cells), where)


def _columns(section: str, *names: str) -> list[str]:
    """A table's column headers: the catalogue's ``<section>.<name>`` strings."""
    return [t(f"{section}.{name}") for name in names]


def _file_link(page: str, path: str, sizes: dict[str, int]) -> Markup:
    """A link to a download, named by its file name, with its size."""
    return markup.anchor(path.rsplit("/", 1)[1], markup.relative(page, path)) + Markup(" ({})").format(_size(sizes[path]))


def _size(count: int) -> str:
    return f"{format_number(count / 1000)} kB" if count >= 1000 else t("catalog.bytes", count=count)


def _licence_links(items: list[dict]) -> Markup:
    return Markup(", ").join(markup.link(x.get("title") or x["name"], x.get("path")) for x in items)
