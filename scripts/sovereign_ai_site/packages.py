"""Read every data package and validate it at the door.

Checks run in three layers, each reporting every problem it finds:
bytes (encoding, byte-order mark), frictionless (structure, types,
constraints, keys inside a package), then the cross-package checks in
``checks``. Only a catalog that passed all three reaches the page build.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import requests
from frictionless import Dialect, FrictionlessException, Package, formats, system

from sovereign_ai_site import checks, paths, tables
from sovereign_ai_site.errors import DataError, Problem
from sovereign_ai_site.frictionless_errors import describe


@dataclass(frozen=True)
class Resource:
    package: str
    name: str
    path: str
    descriptor: dict
    table: pd.DataFrame

    @property
    def fields(self) -> list[dict]:
        return self.descriptor["schema"]["fields"]

    @property
    def field(self) -> dict[str, dict]:
        """The field descriptors by name: for their titles (``i18n.described``) and labels (``i18n.label``)."""
        return {field["name"]: field for field in self.fields}


@dataclass(frozen=True)
class DataPackage:
    name: str
    path: str
    descriptor: dict
    resources: dict[str, Resource]


@dataclass(frozen=True)
class Catalog:
    """Validated packages, keyed by package name, in name order."""

    packages: dict[str, DataPackage]

    def table(self, package: str, resource: str) -> pd.DataFrame:
        return self.packages[package].resources[resource].table

    def resource(self, package: str, resource: str) -> Resource:
        return self.packages[package].resources[resource]


def load_catalog(data_dir: Path, root: Path | None = None) -> Catalog:
    """Validate every package under ``data_dir`` and return typed tables.

    Raises:
        DataError: with every problem found, each addressed by file, row, field.
    """
    root = root or data_dir.parent
    problems: list[Problem] = []
    packages: dict[str, DataPackage] = {}
    package_dirs = sorted(p for p in data_dir.iterdir() if p.is_dir()) if data_dir.is_dir() else []
    if not package_dirs:
        raise DataError([Problem(_rel(data_dir, root), None, None, "no data packages found")])
    for package_dir in package_dirs:
        package, found = _load_package_unless_unchanged(package_dir, root)
        problems += found
        if package is not None:
            packages[package.name] = package
    if problems:
        raise DataError(problems)
    catalog = Catalog(packages)
    problems = checks.cross_package(catalog)
    if problems:
        raise DataError(problems)
    return catalog


class _Offline(requests.Session):
    """The HTTP session frictionless is given: it refuses every request. ``checks.descriptor`` already
    refuses what a descriptor could name on the network; this holds for anything it might miss."""

    def request(self, method, url, *args, **kwargs):
        raise requests.ConnectionError(f"validation runs offline: not fetching {url}")


_OFFLINE = _Offline()
_validated: dict[tuple[Path, Path], tuple[tuple, DataPackage]] = {}


def _load_package_unless_unchanged(package_dir: Path, root: Path) -> tuple[DataPackage | None, list[Problem]]:
    """``_load_package``, skipped for a package whose files did not change since it last passed:
    under `mkdocs serve`, an edit to one CSV then validates one package, not all of them."""
    key, fingerprint = (package_dir.resolve(), root.resolve()), paths.fingerprint(package_dir)
    if key in _validated and _validated[key][0] == fingerprint:
        return _validated[key][1], []
    package, problems = _load_package(package_dir, root)
    if package is not None:
        _validated[key] = (fingerprint, package)
    return package, problems


def _load_package(package_dir: Path, root: Path) -> tuple[DataPackage | None, list[Problem]]:
    descriptor_path = package_dir / "datapackage.json"
    where = _rel(descriptor_path, root)
    if not descriptor_path.is_file():
        return None, [Problem(where, None, None, "file is missing: every folder under data/ is a package and needs one")]
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return None, [Problem(where, None, None, "file is not valid UTF-8")]
    except json.JSONDecodeError as error:
        return None, [Problem(where, error.lineno, None, f"not valid JSON: {error.msg} (column {error.colno})")]
    problems = checks.descriptor(descriptor, package_dir.name, where)
    if problems:
        return None, problems
    for resource in descriptor["resources"]:
        path = package_dir / resource["path"]
        problems += checks.csv_file(path, _rel(path, root), resource["schema"]["fields"])
    if problems:
        return None, problems
    try:
        with system.use_context(trusted=False, http_session=_OFFLINE):
            package = Package(str(descriptor_path))
            for resource in package.resources:
                # Our CSVs are comma-separated with a header; never let frictionless
                # guess another dialect and so hide a wrong delimiter.
                resource.dialect = Dialect(controls=[formats.CsvControl(delimiter=",")])
            report = package.validate()
    except FrictionlessException as error:
        return None, [Problem(where, None, None, error.error.message)]
    for error in report.errors:
        problems.append(Problem(where, None, None, error.message))
    for task in report.tasks:
        path = _rel(package_dir / task.place, root)
        fields = {f["name"]: f for r in descriptor["resources"] for f in r["schema"]["fields"] if r["path"] == task.place}
        problems += [describe(error, path, fields) for error in task.errors]
    if problems:
        return None, problems
    resources = {
        r["name"]: Resource(
            package=descriptor["name"],
            name=r["name"],
            path=_rel(package_dir / r["path"], root),
            descriptor=r,
            table=tables.read_typed(package_dir / r["path"], r["schema"]),
        )
        for r in descriptor["resources"]
    }
    return DataPackage(descriptor["name"], _rel(descriptor_path, root), descriptor, resources), []


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
