"""The data dictionary of a table, generated from its Table Schema: one row per field."""

from __future__ import annotations

import re

from markupsafe import Markup

from sovereign_ai_site import markup
from sovereign_ai_site.packages import DataPackage, Resource

HEADERS = ["Field", "Title", "Korean title", "Type", "Unit", "Description", "Constraints", "Allowed values", "Keys"]


def dictionary(page: str, resource: Resource, package: DataPackage) -> Markup:
    """The table of fields, each row with an id so that keys elsewhere can link to it."""
    return markup.table(
        HEADERS,
        [_field_row(page, f, resource, package) for f in resource.fields],
        row_ids=[anchor(resource.name, f["name"]) for f in resource.fields],
    )


def page_of(package: str) -> str:
    return f"data/{package}/index.md"


def anchor(resource: str, field: str | None = None) -> str:
    """The HTML id of a table's section, or of a field's row in its dictionary."""
    return "-".join(re.sub(r"[^a-z0-9-]+", "-", x.lower()) for x in ("table", resource, field) if x)


def _field_row(page: str, field: dict, resource: Resource, package: DataPackage) -> list[object]:
    c = field.get("constraints", {})
    kind = field["type"] + (f" ({field['format']})" if field.get("format", "default") != "default" else "")
    return [
        Markup("<code>{}</code>").format(field["name"]),
        field["title"],
        Markup('<span lang="ko">{}</span>').format(field["title_ko"]) if field.get("title_ko") else "",
        kind,
        field.get("unit", ""),
        field["description"],
        _constraints(c),
        ", ".join(map(str, c.get("enum", []))),
        _keys(page, field["name"], resource, package),
    ]


def _constraints(c: dict) -> str:
    notes = [name for name in ("required", "unique") if c.get(name)]
    notes += [f"{label} {c[key]}" for key, label in (("minimum", "minimum"), ("maximum", "maximum"), ("minLength", "at least characters:"), ("maxLength", "at most characters:")) if key in c]
    if "pattern" in c:
        notes.append(f"pattern {c['pattern']}")
    return "; ".join(notes)


def _keys(page: str, name: str, resource: Resource, package: DataPackage) -> Markup:
    schema, notes = resource.descriptor["schema"], []
    key = schema["primaryKey"]
    if name in key:
        others = [k for k in key if k != name]
        notes.append(Markup("primary key") + (Markup(" (with {})").format(", ".join(others)) if others else ""))
    for fk in schema.get("foreignKeys", []) + schema.get("crossPackageForeignKeys", []):
        if name not in fk["fields"]:
            continue
        ref = fk["reference"]
        target_package, target_resource = ref.get("package", package.name), ref.get("resource") or resource.name
        target_field = ref["fields"][fk["fields"].index(name)]
        label = f"{target_package}/{target_resource}.{target_field}"
        href = f"{page_of(target_package)}#{anchor(target_resource, target_field)}"
        notes.append(Markup("refers to ") + markup.anchor(label, markup.relative(page, href)) + (Markup(" (several, separated by “{}”)").format(fk["delimiter"]) if fk.get("delimiter") else ""))
    return Markup("; ").join(notes)
