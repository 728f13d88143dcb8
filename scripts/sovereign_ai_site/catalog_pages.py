"""Data catalog and one page per package, all from ``datapackage.json``."""

from __future__ import annotations

from markupsafe import Markup

from sovereign_ai_site import markup
from sovereign_ai_site.packages import Catalog, DataPackage, Resource
from sovereign_ai_site.render import render

PREVIEW_ROWS = 5


def catalog_pages(catalog: Catalog) -> dict[str, str]:
    pages = {"data/index.md": render("catalog.md.jinja", rows=[_catalog_row(p) for p in catalog.packages.values()])}
    for package in catalog.packages.values():
        pages[f"data/{package.name}/index.md"] = package_page(package)
    return pages


def package_page(package: DataPackage) -> str:
    d = package.descriptor
    licences = Markup(", ").join(markup.link(x.get("title") or x["name"], x.get("path")) for x in d["licenses"])
    facts = [
        ["Name", d["name"]],
        ["Version", d["version"]],
        ["Licence", licences],
        ["Descriptor", markup.anchor("datapackage.json", "datapackage.json")],
    ]
    return render("package.md.jinja", package=d, facts=facts, resources=[_resource(r) for r in package.resources.values()])


def _catalog_row(package: DataPackage) -> list[object]:
    d = package.descriptor
    tables = Markup(", ").join(markup.anchor(r.name, f"{package.name}/{r.descriptor['path']}") for r in package.resources.values())
    rows = sum(len(r.table) for r in package.resources.values())
    return [markup.anchor(d["title"], f"{package.name}/"), d["description"], tables, rows, d["version"]]


def _resource(resource: Resource) -> dict[str, object]:
    d = resource.descriptor
    schema = d["schema"]
    preview = resource.table.head(PREVIEW_ROWS)
    return {
        "title": d.get("title", resource.name),
        "description": d.get("description", ""),
        "download": markup.anchor(d["path"], d["path"]),
        "rows": len(resource.table),
        "primary_key": ", ".join(schema["primaryKey"]),
        "dictionary": [_field_row(f, schema) for f in resource.fields],
        "preview": markup.table([f["name"] for f in resource.fields], preview.values.tolist()),
    }


def _field_row(field: dict, schema: dict) -> list[object]:
    return [Markup(f"<code>{markup.h(field['name'])}</code>"), field["title"], field["type"], field.get("unit", ""), field["description"], _constraints(field, schema)]


def _constraints(field: dict, schema: dict) -> str:
    c = field.get("constraints", {})
    notes = []
    if c.get("required"):
        notes.append("required")
    if c.get("unique"):
        notes.append("unique")
    if "enum" in c:
        notes.append("one of: " + ", ".join(map(str, c["enum"])))
    if "minimum" in c:
        notes.append(f"minimum {c['minimum']}")
    if "maximum" in c:
        notes.append(f"maximum {c['maximum']}")
    if "pattern" in c:
        notes.append(f"pattern {c['pattern']}")
    for key in schema.get("foreignKeys", []) + schema.get("crossPackageForeignKeys", []):
        if field["name"] in key["fields"]:
            ref = key["reference"]
            target = "/".join(x for x in (ref.get("package"), ref.get("resource")) if x)
            notes.append(f"refers to {target or 'this table'} ({', '.join(ref['fields'])})")
    return "; ".join(notes)
