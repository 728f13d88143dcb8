"""The data dictionary of a table, generated from its Table Schema: one row per field."""

from __future__ import annotations

import re

from markupsafe import Markup

from sovereign_ai_site import markup
from sovereign_ai_site.i18n import described, label, lang, other, t
from sovereign_ai_site.packages import DataPackage, Resource

COLUMNS = ("field", "title", "other_title", "type", "unit", "description", "constraints", "allowed_values", "keys")


def headers() -> list[str]:
    return [t(f"dictionary.columns.{column}") for column in COLUMNS]


def dictionary(page: str, resource: Resource, package: DataPackage, region: str | None = None) -> Markup:
    """The table of fields, each row with an id so that keys elsewhere can link to it; with ``region``
    (its accessible name), a region that scrolls from the keyboard, as it is wider than a phone."""
    return markup.table(
        headers(),
        [_field_row(page, f, resource, package) for f in resource.fields],
        row_ids=[anchor(resource.name, f["name"]) for f in resource.fields],
        region=region,
    )


def page_of(package: str) -> str:
    return f"data/{package}/index.md"


def resource_page_of(package: str, resource: str) -> str:
    """A table's own page, made for packages of several tables."""
    return f"data/{package}/{resource}.md"


def anchor(resource: str, field: str | None = None) -> str:
    """The HTML id of a table's section, or of a field's row in its dictionary."""
    return "-".join(re.sub(r"[^a-z0-9-]+", "-", x.lower()) for x in ("table", resource, field) if x)


def other_title(item: dict) -> Markup | str:
    """The title in the other language, marked as such for screen readers; empty without a Korean title."""
    title = (item.get("title_ko") and item.get("title")) if lang() == "ko" else item.get("title_ko")
    return Markup('<span lang="{}">{}</span>').format(other(), title) if title else ""


def _field_row(page: str, field: dict, resource: Resource, package: DataPackage) -> list[object]:
    c = field.get("constraints", {})
    kind = t("dictionary.type", name=t(f"dictionary.types.{field['type']}"), code=field["type"])
    if field.get("format", "default") != "default":
        kind = t("dictionary.type_with_format", type=kind, format=field["format"])
    return [
        Markup("<code>{}</code>").format(field["name"]),
        described(field, "title"),
        other_title(field),
        kind,
        described(field, "unit"),
        described(field, "description"),
        _constraints(c),
        ", ".join(_allowed(field, value) for value in c.get("enum", [])),
        _keys(page, field["name"], resource, package),
    ]


def _allowed(field: dict, value: object) -> str:
    """An allowed value as the data writes it (a researcher filters on it), with its label in the page's
    language where the label says more than the code."""
    code, name = str(value), str(label(field, value))
    if name.casefold() == code.replace("-", " ").casefold():
        return code
    return t("dictionary.allowed_value", value=code, label=name)


def _constraints(c: dict) -> str:
    notes = [t(f"dictionary.constraints.{name}") for name in ("required", "unique") if c.get(name)]
    notes += [t(f"dictionary.constraints.{key}", value=c[key]) for key in ("minimum", "maximum", "minLength", "maxLength", "pattern") if key in c]
    return "; ".join(notes)


def _keys(page: str, name: str, resource: Resource, package: DataPackage) -> Markup:
    schema, notes = resource.descriptor["schema"], []
    key = schema["primaryKey"]
    if name in key:
        others = ", ".join(k for k in key if k != name)
        notes.append(Markup(t("dictionary.primary_key")) + (Markup(t("dictionary.primary_key_with")).format(others=others) if others else ""))
    for fk in schema.get("foreignKeys", []) + schema.get("crossPackageForeignKeys", []):
        if name not in fk["fields"]:
            continue
        ref = fk["reference"]
        target_package, target_resource = ref.get("package", package.name), ref.get("resource") or resource.name
        target_field = ref["fields"][fk["fields"].index(name)]
        target = f"{target_package}/{target_resource}.{target_field}"
        link = markup.anchor(target, markup.relative(page, f"{page_of(target_package)}#{anchor(target_resource, target_field)}"))
        several = Markup(t("dictionary.several")).format(delimiter=fk["delimiter"]) if fk.get("delimiter") else ""
        notes.append(Markup(t("dictionary.refers_to")).format(target=link, several=several))
    return Markup("; ").join(notes)
