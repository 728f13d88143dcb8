"""One SQLite database of every package, for researchers who query rather than read CSVs.

Frictionless' own SQL writer turns each Table Schema into a table: declared types, NOT NULL, primary
keys, allowed values and bounds as CHECKs, and foreign keys, those across packages included. A
``row_sources`` table links each row to each of its sources, which the CSVs hold as one
semicolon-separated cell. Beside it, Datasette's ``metadata.json`` gives titles, descriptions, the
licence and the sources of every table.

The database is written in memory and serialized, so the same data gives the same bytes.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterator
from functools import lru_cache

import numpy as np
import pandas as pd
import sqlalchemy as sa
from frictionless import Package, Resource, Schema
from frictionless.formats.sql import SqlAdapter
from sqlalchemy.pool import StaticPool

from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.packages import Resource as DataResource

NAME = "sovereign-ai"
DATABASE = f"data/{NAME}.sqlite"
METADATA = f"data/{NAME}.metadata.json"
ROW_SOURCES = "row_sources"
SOURCES = ("sources", "sources")  # the register every source_ids cell points into
KEY_SEPARATOR = "/"  # between the values of a primary key of several fields, in row_sources.row_key


def table_names(catalog: Catalog) -> dict[tuple[str, str], str]:
    """Each table's name in the database: the resource's own, or ``<package>_<resource>`` where two
    packages have a resource of that name (program/facts, strategy/facts)."""
    resources = [(p.name, r) for p in catalog.packages.values() for r in p.resources]
    counts = pd.Series([r for _, r in resources]).value_counts()
    return {(p, r): r if counts[r] == 1 else f"{p}_{r}" for p, r in resources}


def sqlite_database(catalog: Catalog) -> bytes:
    """Frictionless writes the tables from their schemas; the rows, validated already, go in as they are
    (frictionless would read them again and look up every foreign key: most of the time, in the preview)."""
    names = table_names(catalog)
    tables = [(names[(r.package, r.name)], _sql_schema(r, names, catalog), _rows(r.table)) for p in catalog.packages.values() for r in p.resources.values()]
    if SOURCES in names:
        tables.append(_row_sources(catalog, names))
    definitions = _table_definitions(json.dumps([[name, schema, rows[0]] for name, schema, rows in tables], ensure_ascii=False))
    rows_of = {name: rows[1:] for name, _, rows in tables}
    database = sqlite3.connect(":memory:")
    try:
        for name, sql in definitions:
            database.execute(sql)
            if rows := rows_of[name]:
                database.executemany(f'INSERT INTO "{name}" VALUES ({", ".join("?" * len(rows[0]))})', rows)
        database.commit()
        return database.serialize()
    finally:
        database.close()


@lru_cache(maxsize=1)
def _table_definitions(tables: str) -> tuple[tuple[str, str], ...]:
    """Each table's ``CREATE TABLE``, in name order, from ``tables`` ([name, schema, header] as JSON).
    They depend on the descriptors alone, so an edit of rows (the preview's usual rebuild) reuses them.
    SQLAlchemy creates tables that do not depend on each other, and writes a table's keys, in an order
    that changes from run to run, and the file's bytes with it: the constraints are put in a fixed order."""
    engine = sa.create_engine("sqlite://", poolclass=StaticPool)
    try:
        empty = [Resource(name=name, data=[header], schema=Schema.from_descriptor(schema)) for name, schema, header in json.loads(tables)]
        SqlAdapter(engine).write_package(Package(resources=empty))
        written = engine.raw_connection().driver_connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
        return tuple((name, _constraints_in_order(sql)) for name, sql in written.fetchall())
    finally:
        engine.dispose()


_TABLE_CONSTRAINT = re.compile(r"\t(PRIMARY KEY|UNIQUE|FOREIGN KEY|CHECK)\b")


def _constraints_in_order(create_table: str) -> str:
    """SQLAlchemy's ``CREATE TABLE`` (one column or constraint per line) with the table's constraints
    sorted: primary key, unique, foreign keys, checks."""
    head, *body, tail = create_table.split("\n")
    lines = [line.rstrip().removesuffix(",") for line in body]
    columns = [line for line in lines if not _TABLE_CONSTRAINT.match(line)]
    kinds = ("PRIMARY KEY", "UNIQUE", "FOREIGN KEY", "CHECK")
    constraints = sorted((line for line in lines if _TABLE_CONSTRAINT.match(line)), key=lambda c: (kinds.index(_TABLE_CONSTRAINT.match(c)[1]), c))
    return "\n".join([head, ",\n".join(columns + constraints), tail])


def _sql_schema(resource: DataResource, names: dict[tuple[str, str], str], catalog: Catalog) -> dict:
    """The resource's schema as a table of the database: every reference points at a table of it."""
    schema = copy.deepcopy(resource.descriptor["schema"])
    schema.pop("crossPackageForeignKeys", None)
    schema["foreignKeys"] = list(_foreign_keys(resource, names, catalog))
    for field in schema["fields"]:
        field.pop("categories", None)
        # A pattern becomes a REGEXP check, which neither sqlite3 nor DuckDB nor Datasette can run;
        # the values were checked against it before the build.
        field.get("constraints", {}).pop("pattern", None)
    return schema


def _foreign_keys(resource: DataResource, names: dict[tuple[str, str], str], catalog: Catalog) -> Iterator[dict]:
    """The resource's foreign keys, those inside its package and across packages, as references to
    tables of the database. A key into a list of IDs (``source_ids``) becomes rows of row_sources.

    Where the referenced fields are not a key of their table alone (criteria's parent_criterion_id
    names a criterion_id, which is unique within a stage), the key takes the referenced table's other
    primary-key fields that the resource shares: SQL needs the whole key, and a row whose parent is
    empty still passes (SQLite ignores a foreign key with an empty part)."""
    schema = resource.descriptor["schema"]
    own = [(fk, resource.package) for fk in schema.get("foreignKeys", [])]
    across = [(fk, fk["reference"]["package"]) for fk in schema.get("crossPackageForeignKeys", [])]
    for fk, package in own + across:
        target = fk["reference"]["resource"] or resource.name
        if (package, target) not in names or _is_list(resource, fk["fields"]):
            continue
        fields, reference = list(fk["fields"]), list(fk["reference"]["fields"])
        key = catalog.resource(package, target).descriptor["schema"]["primaryKey"]
        shared = [f for f in key if f not in reference and f in {x["name"] for x in resource.fields}]
        if set(reference) != set(key) and set(reference) | set(shared) == set(key):
            fields, reference = shared + fields, shared + reference
        yield {"fields": fields, "reference": {"resource": names[(package, target)], "fields": reference}}


def _is_list(resource: DataResource, fields: list[str]) -> bool:
    return fields == ["source_ids"]


def _rows(table: pd.DataFrame) -> list[list]:
    """The header and rows as SQLite stores them: pandas' missing values as NULL, dates as ISO text
    (as SQLAlchemy writes a DATE), booleans as 0 and 1."""
    cells = table.astype(object).where(table.notna(), None)
    return [list(table.columns), *([_cell(v) for v in row] for row in cells.itertuples(index=False, name=None))]


def _cell(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value.item() if isinstance(value, np.generic) else value


def _row_sources(catalog: Catalog, names: dict[tuple[str, str], str]) -> tuple[str, dict, list[list]]:
    """One row per (table, row, source): the ``source_ids`` cells as a table to join on."""
    rows = [["table_name", "row_key", "source_id"]]
    for package in catalog.packages.values():
        for resource in package.resources.values():
            if "source_ids" not in resource.table:
                continue
            key = resource.descriptor["schema"]["primaryKey"]
            for row in resource.table[[*key, "source_ids"]].itertuples(index=False, name=None):
                *values, cited = row
                row_key = KEY_SEPARATOR.join(str(v) for v in values)
                rows += [[names[(package.name, resource.name)], row_key, s] for s in dict.fromkeys(str(cited).split(";"))]
    schema = {
        "fields": [
            {"name": "table_name", "type": "string", "description": "The table the row is in.", "constraints": {"required": True}},
            {"name": "row_key", "type": "string", "description": f"The row's primary key; the values of a key of several fields joined by {KEY_SEPARATOR!r}.", "constraints": {"required": True}},
            {"name": "source_id", "type": "string", "description": "A source the row cites.", "constraints": {"required": True}},
        ],
        "primaryKey": ["table_name", "row_key", "source_id"],
        "foreignKeys": [{"fields": ["source_id"], "reference": {"resource": names[SOURCES], "fields": ["source_id"]}}],
    }
    return ROW_SOURCES, schema, rows


def datasette_metadata(catalog: Catalog, title: str) -> dict:
    """Datasette's ``metadata.json`` for the database: each table's title, description, licence,
    source and column descriptions, in English (Datasette shows one language)."""
    names = table_names(catalog)
    tables = {}
    for package in catalog.packages.values():
        licence = package.descriptor["licenses"][0]
        for resource in package.resources.values():
            tables[names[(package.name, resource.name)]] = {
                "title": resource.descriptor.get("title", resource.name),
                "description": resource.descriptor.get("description", ""),
                "license": licence["name"],
                "license_url": licence["path"],
                "source": f"data package {package.name} ({package.descriptor['title']}), version {package.descriptor['version']}; every row cites its sources in row_sources",
                "columns": {field["name"]: field["description"] for field in resource.fields},
            }
    if SOURCES in names:
        tables[ROW_SOURCES] = {
            "title": "Row sources",
            "description": "Each row of every table and each source it cites: join on table_name and row_key, then on source_id with the sources table.",
            "columns": {"table_name": "The table the row is in.", "row_key": f"The row's primary key; the values of a key of several fields joined by {KEY_SEPARATOR!r}.", "source_id": "A source the row cites."},
        }
    return {"title": title, "license": "CC-BY-4.0", "license_url": "https://creativecommons.org/licenses/by/4.0/", "databases": {NAME: {"tables": tables}}}
