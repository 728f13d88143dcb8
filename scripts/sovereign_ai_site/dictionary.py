"""The data dictionary of a table, generated from its Table Schema: one row per field."""

from __future__ import annotations

import re

from markupsafe import Markup

from sovereign_ai_site import markup
from sovereign_ai_site.i18n import tr, value_label
from sovereign_ai_site.packages import DataPackage, Resource

# Table Schema types and the descriptors' units, as the Korean site names them.
_TYPE_KO = {"string": "문자열", "integer": "정수", "number": "숫자", "boolean": "논리값", "date": "날짜"}
_UNIT_KO = {
    "KRW": "원", "GPUs": "GPU 수", "points": "점", "billion parameters": "10억 개 파라미터", "teams": "팀 수",
    "tokens": "토큰", "organisations": "기관 수", "see unit column": "unit 열 참조",
}


def headers(lang: str) -> list[str]:
    if lang == "ko":
        return ["필드", "제목", "영문 제목", "형식", "단위", "설명", "제약 조건", "허용 값", "키"]
    return ["Field", "Title", "Korean title", "Type", "Unit", "Description", "Constraints", "Allowed values", "Keys"]


def dictionary(page: str, resource: Resource, package: DataPackage, lang: str) -> Markup:
    """The table of fields, each row with an id so that keys elsewhere can link to it."""
    return markup.table(
        headers(lang),
        [_field_row(page, f, resource, package, lang) for f in resource.fields],
        row_ids=[anchor(resource.name, f["name"]) for f in resource.fields],
    )


def page_of(package: str) -> str:
    return f"data/{package}/index.md"


def resource_page_of(package: str, resource: str) -> str:
    """A table's own page, made for packages of several tables."""
    return f"data/{package}/{resource}.md"


def anchor(resource: str, field: str | None = None) -> str:
    """The HTML id of a table's section, or of a field's row in its dictionary."""
    return "-".join(re.sub(r"[^a-z0-9-]+", "-", x.lower()) for x in ("table", resource, field) if x)


def described(item: dict, key: str, lang: str) -> str:
    """A descriptor's ``title`` or ``description`` in ``lang``: ``<key>_ko`` on the Korean site when given."""
    return (item.get(f"{key}_ko") if lang == "ko" else None) or item.get(key, "")


def other_title(item: dict, lang: str) -> Markup | str:
    """The title in the other language, marked as such for screen readers; empty without a Korean title."""
    other, other_lang = (item.get("title_ko") and item.get("title"), "en") if lang == "ko" else (item.get("title_ko"), "ko")
    return Markup('<span lang="{}">{}</span>').format(other_lang, other) if other else ""


def _field_row(page: str, field: dict, resource: Resource, package: DataPackage, lang: str) -> list[object]:
    c = field.get("constraints", {})
    kind = value_label(field["type"], _TYPE_KO, lang)
    kind = f"{kind}({field['type']})" if lang == "ko" else kind
    if field.get("format", "default") != "default":
        kind += f", {field['format']}" if lang == "ko" else f" ({field['format']})"
    return [
        Markup("<code>{}</code>").format(field["name"]),
        described(field, "title", lang),
        other_title(field, lang),
        kind,
        value_label(field.get("unit", ""), _UNIT_KO, lang),
        described(field, "description", lang),
        _constraints(c, lang),
        ", ".join(map(str, c.get("enum", []))),
        _keys(page, field["name"], resource, package, lang),
    ]


def _constraints(c: dict, lang: str) -> str:
    labels = {
        "required": tr(lang, ko="필수", en="required"),
        "unique": tr(lang, ko="고유", en="unique"),
        "minimum": tr(lang, ko="최솟값 {}", en="minimum {}"),
        "maximum": tr(lang, ko="최댓값 {}", en="maximum {}"),
        "minLength": tr(lang, ko="최소 {}자", en="at least characters: {}"),
        "maxLength": tr(lang, ko="최대 {}자", en="at most characters: {}"),
        "pattern": tr(lang, ko="패턴 {}", en="pattern {}"),
    }
    notes = [labels[name] for name in ("required", "unique") if c.get(name)]
    notes += [labels[key].format(c[key]) for key in ("minimum", "maximum", "minLength", "maxLength", "pattern") if key in c]
    return "; ".join(notes)


def _keys(page: str, name: str, resource: Resource, package: DataPackage, lang: str) -> Markup:
    schema, notes = resource.descriptor["schema"], []
    key = schema["primaryKey"]
    if name in key:
        others = ", ".join(k for k in key if k != name)
        notes.append(Markup(tr(lang, ko="기본 키", en="primary key")) + (Markup(tr(lang, ko="(함께 쓰는 열: {})", en=" (with {})")).format(others) if others else ""))
    for fk in schema.get("foreignKeys", []) + schema.get("crossPackageForeignKeys", []):
        if name not in fk["fields"]:
            continue
        ref = fk["reference"]
        target_package, target_resource = ref.get("package", package.name), ref.get("resource") or resource.name
        target_field = ref["fields"][fk["fields"].index(name)]
        label = f"{target_package}/{target_resource}.{target_field}"
        link = markup.anchor(label, markup.relative(page, f"{page_of(target_package)}#{anchor(target_resource, target_field)}"))
        several = Markup(tr(lang, ko="(여러 개, “{}”로 구분)", en=" (several, separated by “{}”)")).format(fk["delimiter"]) if fk.get("delimiter") else ""
        notes.append(Markup(tr(lang, ko="{} 참조{}", en="refers to {}{}")).format(link, several))
    return Markup("; ").join(notes)
