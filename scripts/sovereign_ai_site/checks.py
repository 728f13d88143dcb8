"""The checks frictionless cannot do: raw bytes, project rules, other packages."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from sovereign_ai_site.errors import Problem

if TYPE_CHECKING:
    from sovereign_ai_site.packages import Catalog

_PACKAGE_PROPERTIES = ("name", "title", "description", "version", "licenses", "resources")
_FIELD_PROPERTIES = ("name", "type", "title", "description")


def descriptor(package: object, folder: str, where: str) -> list[Problem]:
    """Project rules for a ``datapackage.json`` before frictionless reads it."""
    if not isinstance(package, dict):
        return [Problem(where, None, None, "must be a JSON object")]
    problems = [
        Problem(where, None, None, f'property "{key}" is missing')
        for key in _PACKAGE_PROPERTIES
        if not package.get(key)
    ]
    if package.get("name") and package["name"] != folder:
        problems.append(Problem(where, None, None, f'name "{package["name"]}" must equal its folder "{folder}"'))
    resources = package.get("resources")
    if not isinstance(resources, list):
        return problems
    for index, resource in enumerate(resources):
        place = f"resource {index + 1}"
        if not isinstance(resource, dict):
            problems.append(Problem(where, None, None, f"{place} must be a JSON object"))
            continue
        path = resource.get("path")
        if not isinstance(path, str) or not path.endswith(".csv") or "/" in path or path.startswith("."):
            problems.append(Problem(where, None, None, f'{place}: "path" must name a CSV file beside the descriptor'))
        elif resource.get("name") != path.removesuffix(".csv"):
            problems.append(Problem(where, None, None, f'{place}: "name" must be the CSV file name without .csv'))
        fields = resource.get("schema", {}).get("fields") if isinstance(resource.get("schema"), dict) else None
        if not isinstance(fields, list) or not fields:
            problems.append(Problem(where, None, None, f'{place}: "schema" with "fields" is missing'))
            continue
        for field in fields:
            for key in _FIELD_PROPERTIES:
                if not isinstance(field, dict) or not field.get(key):
                    name = field.get("name", "?") if isinstance(field, dict) else "?"
                    problems.append(Problem(where, None, name, f'{place}: field property "{key}" is missing'))
        if not resource.get("schema", {}).get("primaryKey"):
            problems.append(Problem(where, None, None, f'{place}: "primaryKey" is missing'))
    return problems


def csv_file(path: Path, where: str, fields: list[dict]) -> list[Problem]:
    """The file is plain UTF-8 with a header naming the schema's columns in order."""
    problems = text_file(path, where)
    if problems:
        return problems
    with path.open(encoding="utf-8", newline="") as stream:
        header = next(csv.reader(stream), [])
    names = [f["name"] for f in fields]
    problems = [Problem(where, 1, name, "column is in the schema but missing from the header") for name in names if name not in header]
    problems += [Problem(where, 1, None, f'column "{label}" is in the header but not in the schema') for label in header if label not in names]
    if not problems and header != names:
        problems.append(Problem(where, 1, None, f"columns are out of order: expected {', '.join(names)}"))
    return problems


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
