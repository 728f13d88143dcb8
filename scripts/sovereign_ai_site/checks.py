"""The checks frictionless cannot do: raw bytes, project rules, other packages."""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from sovereign_ai_site.errors import Problem, excerpt

if TYPE_CHECKING:
    from sovereign_ai_site.packages import Catalog

_PACKAGE_PROPERTIES = ("name", "title", "description", "version", "licenses", "resources")
_FIELD_PROPERTIES = ("name", "type", "title", "description")

# What a descriptor may say: the properties the build reads, and nothing that frictionless would fetch
# ("profile", "$schema", a "dialect" or "schema" named by URL or path) or read differently from the build
# (its own missing values, number or date formats).
_TEXT = ("title", "title_ko", "description", "description_ko")
_ALLOWED = {
    "package": {"name", "version", "licenses", "sources", "contributors", "keywords", "resources", *_TEXT},
    "resource": {"name", "path", "format", "mediatype", "encoding", "schema", *_TEXT},
    "schema": {"fields", "primaryKey", "foreignKeys", "crossPackageForeignKeys", "missingValues"},
    "field": {"name", "type", "constraints", "categories", "unit", "unit_ko", "format", *_TEXT},
    "constraints": {"required", "unique", "pattern", "enum", "minimum", "maximum", "minLength", "maxLength"},
}
_FIXED = {"format": "csv", "mediatype": "text/csv", "encoding": "utf-8"}  # of a resource, where given
_TYPES = ("string", "integer", "number", "boolean", "date")
_FIELD_FORMATS = {"string": ("default", "uri")}  # a date is always YYYY-MM-DD, as the build reads it
_REMOTE = ("profile", "$schema", "dialect")

# An ID names a page or a file (teams/<team_id>/, data/<package>/<resource>.csv): lower-case words and
# digits joined by hyphens, never a name the site itself uses for a page of a folder.
SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"  # as every ID field's schema states it
SLUG = re.compile(SLUG_PATTERN)
FILE_NAME = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")  # of a package folder or a resource's CSV
_RESERVED = re.compile(r"index|changelog|releases|datapackage|assets|search|en|ko|page-\d+")
MAX_INTEGER = 2**53 - 1  # the largest a browser's JSON holds exactly
MAX_NUMBER = 1e15
# Characters no text in the data may hold: controls (NUL among them), bidi overrides and zero-width
# marks (they make a name look like another), private-use and surrogate code points, line separators.
_HIDDEN_CATEGORIES = ("Cc", "Cf", "Co", "Cs", "Zl", "Zp")
_UNNAMED = {"Cc": "control character", "Co": "private-use character", "Cs": "surrogate"}


def hidden_character(text: str) -> str | None:
    """The first invisible or control character in ``text``, named, or None. Tabs and line breaks are
    whitespace, which every page collapses (and an open quote in a CSV, which frictionless reports)."""
    for char in text:
        if unicodedata.category(char) in _HIDDEN_CATEGORIES and char not in "\t\n\r":
            category = unicodedata.category(char)
            return f"U+{ord(char):04X} {unicodedata.name(char, _UNNAMED.get(category, 'an invisible character'))}"
    return None


def id_problem(value: str, pattern: re.Pattern = SLUG) -> str | None:
    """Why ``value`` cannot be an ID (or, with FILE_NAME, a package's or table's name), or None."""
    if not pattern.fullmatch(value):
        allowed = "single hyphens" if pattern is SLUG else "single hyphens or underscores"
        return f"{excerpt(value)} is not an ID: use lower-case letters, digits and {allowed} (e.g. lg-ai-research)"
    if _RESERVED.fullmatch(value):
        return f"{excerpt(value)} is reserved: the site uses that name for its own pages"
    return None


def _unknown_properties(node: dict, kind: str, where: str, place: str) -> list[Problem]:
    problems = []
    for key, value in node.items():
        if key in _REMOTE or (key in ("schema", "dialect") and not isinstance(value, dict)):
            problems.append(Problem(where, None, None, f'{place}"{key}" is refused: validation runs offline and reads nothing named by a descriptor'))
        elif key not in _ALLOWED[kind]:
            problems.append(Problem(where, None, None, f'{place}property {excerpt(key)} is not one the build reads'))
    for key in _TEXT:
        if key in node and not isinstance(node[key], str):
            problems.append(Problem(where, None, None, f'{place}"{key}" must be text'))
        elif isinstance(node.get(key), str) and hidden_character(node[key]):
            problems.append(Problem(where, None, None, f'{place}"{key}" holds {hidden_character(node[key])}'))
    return problems


def descriptor(package: object, folder: str, where: str) -> list[Problem]:
    """Project rules for a ``datapackage.json`` before frictionless reads it."""
    if not isinstance(package, dict):
        return [Problem(where, None, None, "must be a JSON object")]
    problems = [
        Problem(where, None, None, f'property "{key}" is missing')
        for key in _PACKAGE_PROPERTIES
        if not package.get(key)
    ]
    problems += _unknown_properties(package, "package", where, "")
    if package.get("name") and package["name"] != folder:
        problems.append(Problem(where, None, None, f'name {excerpt(package["name"])} must equal its folder "{folder}"'))
    elif id_problem(folder, FILE_NAME):
        problems.append(Problem(where, None, None, f"package folder: {id_problem(folder, FILE_NAME)}"))
    resources = package.get("resources")
    if not isinstance(resources, list):
        return problems
    for index, resource in enumerate(resources):
        place = f"resource {index + 1}"
        if not isinstance(resource, dict):
            problems.append(Problem(where, None, None, f"{place} must be a JSON object"))
            continue
        problems += _unknown_properties(resource, "resource", where, f"{place}: ")
        problems += [
            Problem(where, None, None, f'{place}: "{key}" must be "{value}"')
            for key, value in _FIXED.items()
            if key in resource and resource[key] != value
        ]
        path = resource.get("path")
        if not isinstance(path, str) or not path.endswith(".csv") or "/" in path or "\\" in path or path.startswith("."):
            problems.append(Problem(where, None, None, f'{place}: "path" must name a CSV file beside the descriptor'))
        elif resource.get("name") != path.removesuffix(".csv"):
            problems.append(Problem(where, None, None, f'{place}: "name" must be the CSV file name without .csv'))
        elif id_problem(resource["name"], FILE_NAME):
            problems.append(Problem(where, None, None, f'{place}: "name" {id_problem(resource["name"], FILE_NAME)}'))
        schema = resource.get("schema") if isinstance(resource.get("schema"), dict) else {}
        fields = schema.get("fields")
        if not isinstance(fields, list) or not fields:
            problems.append(Problem(where, None, None, f'{place}: "schema" with "fields" is missing'))
            continue
        problems += _unknown_properties(schema, "schema", where, f"{place}, schema: ")
        if schema.get("missingValues", [""]) != [""]:
            problems.append(Problem(where, None, None, f'{place}: "missingValues" must be [""]: only an empty cell is missing'))
        for field in fields:
            problems += _field(field, where, place)
        if not schema.get("primaryKey"):
            problems.append(Problem(where, None, None, f'{place}: "primaryKey" is missing'))
    return problems


def _field(field: object, where: str, place: str) -> list[Problem]:
    if not isinstance(field, dict):
        return [Problem(where, None, None, f"{place}: every field must be a JSON object")]
    name = field.get("name") if isinstance(field.get("name"), str) else "?"
    problems = [Problem(where, None, name, f'{place}: field property "{key}" is missing') for key in _FIELD_PROPERTIES if not field.get(key)]
    problems += [Problem(p.path, p.row, name, p.message) for p in _unknown_properties(field, "field", where, f"{place}: ")]
    if "unit" in field and not (isinstance(field.get("unit_ko"), str) and field["unit_ko"].strip()):
        problems.append(Problem(where, None, name, f'{place}: a field with a "unit" needs it in Korean too: add "unit_ko"'))
    kind = field.get("type")
    if kind and kind not in _TYPES:
        problems.append(Problem(where, None, name, f'{place}: type {excerpt(kind)} is not one of {", ".join(_TYPES)}'))
    if "format" in field and field["format"] not in _FIELD_FORMATS.get(kind, ("default",)):
        problems.append(Problem(where, None, name, f'{place}: format {excerpt(field["format"])} is not one the build reads'))
    constraints = field.get("constraints", {})
    if not isinstance(constraints, dict):
        return problems + [Problem(where, None, name, f'{place}: "constraints" must be a JSON object')]
    problems += [
        Problem(where, None, name, f"{place}: constraint {excerpt(key)} is not one the build reads")
        for key in constraints
        if key not in _ALLOWED["constraints"]
    ]
    if name.endswith("_id") and constraints.get("pattern") != SLUG_PATTERN:
        problems.append(Problem(where, None, name, f'{place}: an ID field needs the constraint "pattern": "{SLUG_PATTERN}"'))
    return problems + [Problem(where, None, name, f"{place}: {message}") for message in _category_problems(field, constraints)]


def _category_problems(field: dict, constraints: dict) -> list[str]:
    """Every allowed value needs its labels, so that no page ever shows a raw code: a field with an
    ``enum`` lists each value under ``categories`` with a ``label`` (English) and a ``label_ko``."""
    allowed, categories = constraints.get("enum"), field.get("categories")
    if categories is None:
        return [] if allowed is None else ['the allowed values need labels: add "categories", one {"value", "label", "label_ko"} per value']
    if not isinstance(categories, list) or not all(isinstance(c, dict) for c in categories):
        return ['"categories" must be a list of {"value", "label", "label_ko"} objects']
    problems = [
        f"category {excerpt(c.get('value'))} has no {key}"
        for c in categories
        for key in ("label", "label_ko")
        if not isinstance(c.get(key), str) or not c[key].strip()
    ]
    values = [c.get("value") for c in categories]
    if allowed is not None:
        problems += [f"allowed value {excerpt(v)} has no label in \"categories\"" for v in allowed if v not in values]
        problems += [f"category {excerpt(v)} is not an allowed value" for v in values if v not in allowed]
    return problems


def csv_file(path: Path, where: str, fields: list[dict]) -> list[Problem]:
    """The file is plain UTF-8 with a header naming the schema's columns in order, and every cell
    holds only what the build can publish (``cell``)."""
    problems = text_file(path, where)
    if problems:
        return problems
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            rows = list(csv.reader(stream))
    except csv.Error as error:
        return [Problem(where, None, None, f"cannot be read as CSV: {error}")]
    header = rows[0] if rows else []
    names = [f["name"] for f in fields]
    problems = [Problem(where, 1, name, "column is in the schema but missing from the header") for name in names if name not in header]
    problems += [Problem(where, 1, None, f"column {excerpt(label)} is in the header but not in the schema") for label in header if label not in names]
    if not problems and header != names:
        problems.append(Problem(where, 1, None, f"columns are out of order: expected {', '.join(names)}"))
    if problems:
        return problems
    for number, row in enumerate(rows[1:], start=2):
        for field, value in zip(fields, row):
            message = cell(value, field)
            if message:
                problems.append(Problem(where, number, field["name"], message))
    return problems


def cell(value: str, field: dict) -> str | None:
    """What is wrong with one cell that frictionless lets through, or None: a hidden character, an ID
    that cannot name a page, an integer or number too large to publish exactly (or inf, NaN)."""
    hidden = hidden_character(value)
    if hidden:
        return f"holds {hidden}, which no text may contain"
    if not value:
        return None
    name, kind = field["name"], field.get("type")
    if name.endswith("_id"):
        return id_problem(value)
    if name.endswith("_ids"):
        return next(filter(None, (id_problem(item) for item in value.split(";"))), None)
    if kind == "integer" and re.fullmatch(r"[+-]?\d+", value) and abs(int(value)) > MAX_INTEGER:
        return f"{excerpt(value)} is too large: integers go up to {MAX_INTEGER:,}"
    if kind == "number":
        try:
            number = float(value)
        except ValueError:
            return None  # frictionless says it is not a number
        if not math.isfinite(number) or abs(number) > MAX_NUMBER:
            return f"{excerpt(value)} is not a finite number up to {MAX_NUMBER:g}"
    return None


def text_file(path: Path, where: str) -> list[Problem]:
    """A data file exists and is plain UTF-8 without a byte-order mark."""
    if not path.is_file():
        return [Problem(where, None, None, "file is missing")]
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        return [Problem(where, 1, None, "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [Problem(where, line, None, f"bytes are not valid UTF-8 (byte {error.start}); save the file as UTF-8")]
    if not data.strip():
        return [Problem(where, None, None, "file is empty")]
    return []


def cross_package(catalog: Catalog) -> list[Problem]:
    """References between packages, declared as ``crossPackageForeignKeys``."""
    problems: list[Problem] = []
    for package in catalog.packages.values():
        for resource in package.resources.values():
            for key in resource.descriptor["schema"].get("crossPackageForeignKeys", []):
                problems += _check_reference(catalog, resource, key)
    problems += _uncited_sources(catalog)
    return problems


def _check_reference(catalog: Catalog, resource, key: dict) -> list[Problem]:
    (field,) = key["fields"]
    reference = key["reference"]
    target = catalog.packages.get(reference["package"], None)
    target_resource = target.resources.get(reference["resource"]) if target else None
    target_name = f'{reference["package"]}/{reference["resource"]}'
    if target_resource is None:
        return [Problem(resource.path, None, field, f"refers to {target_name}, which does not exist")]
    (target_field,) = reference["fields"]
    known = set(target_resource.table[target_field].dropna())
    problems = []
    for row, value in _cells(resource.table, field):
        for item in value.split(key["delimiter"]) if "delimiter" in key else [value]:
            if item not in known:
                problems.append(Problem(resource.path, row, field, f'"{item}" does not exist in {target_resource.path} ({target_field})'))
    return problems


def _uncited_sources(catalog: Catalog) -> list[Problem]:
    if "sources" not in catalog.packages:
        return []
    cited = {
        item
        for package in catalog.packages.values()
        for resource in package.resources.values()
        if "source_ids" in resource.table.columns
        for _, value in _cells(resource.table, "source_ids")
        for item in value.split(";")
    }
    sources = catalog.resource("sources", "sources")
    return [
        Problem(sources.path, row, "source_id", f'source "{value}" is registered but no row cites it')
        for row, value in _cells(sources.table, "source_id")
        if value not in cited
    ]


def _cells(table: pd.DataFrame, field: str):
    """(spreadsheet row number, value) for every non-empty cell of ``field``."""
    for index, value in table[field].items():
        if pd.notna(value):
            yield index + 2, str(value)
