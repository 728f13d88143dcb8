"""Downloads beside the published CSVs: Data Package v2 descriptors, a zip per package, one of
everything, the catalog descriptor, the SQLite database, checksums and the frozen releases.

The descriptors under ``data/`` stay the maintainers' source (no ``$schema``: ``checks`` refuses it
there). The published ones are written here with the v2 metadata: ``$schema`` (a datapackage.org
profile, which frictionless knows without fetching it), ``id`` (a name-based UUID), ``created`` (the date of the release
that last changed the package, never the build's clock), ``homepage`` (from CITATION.cff's ``url``, the
site's canonical address, never the address a build is served at: a release's bytes cannot depend on
it), ``contributors`` with v2 ``roles``, and each resource's ``bytes`` and sha256 ``hash``. A key into
another package names that package's published descriptor by a relative path
(``"package": "../teams/datapackage.json"``); frictionless 5 fails a ``foreignKeys`` entry whose
resource is in another package, so those keys stay in ``crossPackageForeignKeys``. The catalog
``data/datapackage.json`` is one package of every table (named as in the SQLite database), where each
of those keys is an ordinary foreign key that frictionless checks.

Zips are Frictionless zipped packages (``datapackage.json`` at the root) and byte-reproducible:
entries sorted, every timestamp the data's as-of date, fixed permissions, fixed compression level.
The zip of everything holds the catalog descriptor at its root and each package in its folder, so
the relative paths between packages resolve inside it. ``SHA256SUMS`` lists every file under
``data/`` relative to that folder (the frozen releases under ``data/releases/`` have their own), so
``sha256sum -c`` works in a mirror.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import json
import uuid
import zipfile
from functools import cache

import jinja2

from sovereign_ai_site import citation, database
from sovereign_ai_site.i18n import LANGUAGES, speaking
from sovereign_ai_site.packages import Catalog, DataPackage
from sovereign_ai_site.paths import TEMPLATES_DIR
from sovereign_ai_site.release import CITATION_FILE, Collection

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
ALL_NAME = "sovereign-ai-data"
ALL_ZIP = f"data/{ALL_NAME}.zip"
CITATION = f"data/{CITATION_FILE}"
CHECKSUMS = "data/SHA256SUMS"
CATALOG_DESCRIPTOR = "data/datapackage.json"
DATABASE, DATABASE_METADATA = database.DATABASE, database.METADATA
RELEASES = "data/releases"  # on the site; the frozen copies live in releases/ at the project's root
FROZEN = (f"{ALL_NAME}.zip", "SHA256SUMS", CITATION_FILE)  # what a release freezes, by name


def package_zip(package: str) -> str:
    return f"data/{package}/{package}.zip"


def release_file(version: str, name: str) -> str:
    return f"{RELEASES}/{version}/{name}"


def database_files(catalog: Catalog, collection: Collection) -> dict[str, bytes]:
    """The SQLite database and its Datasette metadata, keyed by site path. Neither names an address, so
    the site's address (``site.addressed``) does not make them again."""
    return {DATABASE: database.sqlite_database(catalog), DATABASE_METADATA: _json(database.datasette_metadata(catalog, collection.title))}


def downloads(catalog: Catalog, collection: Collection, published: dict[str, bytes], as_of: dt.date, tables: dict[str, bytes]) -> dict[str, bytes]:
    """The published descriptors, zips, catalog, CITATION.cff and SHA256SUMS, with ``tables`` (the
    ``database_files``), keyed by site path; ``published`` holds the data files (the CSVs)."""
    published = dict(published)
    for package in catalog.packages.values():
        published[package.path] = _json(published_descriptor(package, collection, published))
    files: dict[str, bytes] = {
        CITATION: collection.cff,
        CATALOG_DESCRIPTOR: _json(catalog_descriptor(catalog, collection, published)),
        **tables,
    }
    everything = {"README.txt": _readme(collection, catalog, None), CITATION_FILE: collection.cff, "datapackage.json": files[CATALOG_DESCRIPTOR]}
    for package in catalog.packages.values():
        own = _package_files(package, published)
        entries = {**own, "README.txt": _readme(collection, catalog, package), CITATION_FILE: collection.cff}
        files[package_zip(package.name)] = zip_bytes(entries, as_of)
        everything.update({f"{package.name}/{name}": content for name, content in own.items()})
    files[ALL_ZIP] = zip_bytes(everything, as_of)
    files.update({path: published[path] for path in (p.path for p in catalog.packages.values())})
    data = {path: content for path, content in {**published, **files}.items() if path.startswith("data/")}
    files[CHECKSUMS] = checksums(data)
    return files


def release_files(packed: dict[str, bytes]) -> dict[str, bytes]:
    """What freezing the current release keeps, by file name: the zip of everything, CITATION.cff, and
    the SHA256SUMS of those two. The database is not frozen: its bytes carry the SQLite library's
    version, and everything in it is in the zip."""
    kept = {ALL_ZIP: packed[ALL_ZIP], CITATION: packed[CITATION]}
    return dict(zip(FROZEN, (packed[ALL_ZIP], checksums(kept), packed[CITATION]), strict=True))


def checksums(files: dict[str, bytes]) -> bytes:
    """``sha256sum`` lines for every file under ``data/`` but the frozen releases, by path there."""
    listed = sorted((path.removeprefix("data/"), content) for path, content in files.items() if path.startswith("data/") and not path.startswith(f"{RELEASES}/"))
    return "".join(f"{hashlib.sha256(content).hexdigest()}  {path}\n" for path, content in listed).encode()


def published_descriptor(package: DataPackage, collection: Collection, files: dict[str, bytes]) -> dict:
    """The package's descriptor as published: the source's properties with the v2 metadata."""
    source = copy.deepcopy(package.descriptor)
    homepage = _address(collection, f"data/{package.name}/")
    head = {"$schema": PROFILE, "name": source.pop("name"), "id": identifier(package.name)}
    descriptor = {**head, **source}
    descriptor = _after(descriptor, "version", {"created": _created(collection.updated(package.name).date), **({"homepage": homepage} if homepage else {})})
    descriptor["contributors"] = [_contributor(c) for c in source.get("contributors", [])]
    resources = []
    for resource in package.resources.values():
        r = _with_size(resource.descriptor, files[resource.path])
        for key in r["schema"].get("crossPackageForeignKeys", []):
            key["reference"]["package"] = f"../{key['reference']['package']}/datapackage.json"
        resources.append(r)
    descriptor["resources"] = resources
    return descriptor


def catalog_descriptor(catalog: Catalog, collection: Collection, files: dict[str, bytes]) -> dict:
    """``data/datapackage.json``: every table of every package as one package, each key between
    packages an ordinary foreign key (a key into a list of IDs, ``source_ids``, is left to the
    packages' own descriptors and to the database's ``row_sources``)."""
    names = database.table_names(catalog)
    packages = list(catalog.packages.values())
    resources = []
    for package in packages:
        for resource in package.resources.values():
            r = _with_size(resource.descriptor, files[resource.path])
            r["name"], r["path"] = names[(package.name, resource.name)], resource.path.removeprefix("data/")
            r["package"] = package.name
            schema = r["schema"]
            keys = [(fk, package.name) for fk in schema.get("foreignKeys", [])]
            keys += [(fk, fk["reference"]["package"]) for fk in schema.pop("crossPackageForeignKeys", [])]
            schema["foreignKeys"] = [
                {"fields": fk["fields"], "reference": {"resource": names[(other, fk["reference"]["resource"] or resource.name)], "fields": fk["reference"]["fields"]}}
                for fk, other in keys
                if "delimiter" not in fk
            ]
            if not schema["foreignKeys"]:
                del schema["foreignKeys"]
            resources.append(r)
    homepage = _address(collection, "data/")
    return {
        "$schema": PROFILE,
        "name": database.NAME,
        "id": identifier(None),
        "title": collection.title,
        "description": "Every table of every data package of this release, as one package: the keys between packages are ordinary foreign keys. Each package's own descriptor is listed under packages.",
        "version": collection.version,
        "created": _created(collection.date),
        **({"homepage": homepage} if homepage else {}),
        "licenses": licences(packages),
        "contributors": [{"title": author, "roles": ["author"]} for author in collection.authors],
        "packages": [{"name": p.name, "title": p.descriptor["title"], "version": p.descriptor["version"], "path": p.path.removeprefix("data/")} for p in packages],
        "resources": resources,
    }


def identifier(package: str | None) -> str:
    """A package's v2 ``id``: a name-based UUID, the same in every release and wherever the site is
    served (an address would tie a frozen release to one host); the catalog's is ``package=None``."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{ALL_NAME}/{package or ''}"))


def _with_size(descriptor: dict, content: bytes) -> dict:
    """A copy of a resource's descriptor with v2 ``type``, ``bytes`` and ``hash`` after its path."""
    return _after(copy.deepcopy(descriptor), "path", {"type": "table", "bytes": len(content), "hash": f"sha256:{hashlib.sha256(content).hexdigest()}"})


def _after(descriptor: dict, key: str, extra: dict) -> dict:
    out = {}
    for k, v in descriptor.items():
        out[k] = v
        if k == key:
            out.update(extra)
    return out if key in descriptor else {**descriptor, **extra}


def _contributor(contributor: dict) -> dict:
    """v1 ``role`` (one string) becomes v2 ``roles`` (a list)."""
    out = {k: v for k, v in contributor.items() if k != "role"}
    if "role" in contributor:
        out["roles"] = [contributor["role"]]
    return out


def _created(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def _address(collection: Collection, path: str) -> str | None:
    """An absolute address on the published site, from CITATION.cff's ``url``; None without one."""
    return collection.url.rstrip("/") + "/" + path if collection.url else None


def _json(descriptor: dict) -> bytes:
    return (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def zip_bytes(entries: dict[str, bytes], when: dt.date) -> bytes:
    """A zip whose bytes depend only on ``entries`` and ``when``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=(when.year, when.month, when.day, 0, 0, 0))
            info.create_system = 3  # Unix, so that the permissions below are read
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, entries[name], compresslevel=9)
    return buffer.getvalue()


def _package_files(package: DataPackage, published: dict[str, bytes]) -> dict[str, bytes]:
    """The descriptor and CSVs exactly as published, by their names inside the package folder."""
    folder = package.path.rsplit("/", 1)[0] + "/"
    paths = [package.path, *(r.path for r in package.resources.values())]
    return {path.removeprefix(folder): published[path] for path in paths}


def _readme(collection: Collection, catalog: Catalog, package: DataPackage | None) -> bytes:
    """Korean, then English: one README for both sites, so the zips are the same bytes in each."""
    packages = [package] if package else list(catalog.packages.values())
    texts = []
    for lang in LANGUAGES:
        with speaking(lang):
            texts.append(
                _text_environment().get_template(f"prose/readme.{lang}.txt.jinja").render(
                    collection=collection,
                    package=package,
                    packages=packages,
                    licences=licences(packages),
                    all_zip=ALL_ZIP.rsplit("/", 1)[1],
                    database=DATABASE.rsplit("/", 1)[1],
                    cite=citation.plain(collection, package),
                    bibtex=citation.bibtex(collection, package),
                )
            )
    return ("\n" + "=" * 72 + "\n\n").join(texts).encode("utf-8")


def licences(packages: list[DataPackage]) -> list[dict]:
    """Every distinct licence the descriptors name, in first-seen order."""
    seen = {(x.get("title") or x["name"], x.get("path", "")): x for p in packages for x in p.descriptor["licenses"]}
    return list(seen.values())


@cache
def _text_environment() -> jinja2.Environment:
    """Plain text: nothing escaped, since a README is read as text, never as Markdown."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES_DIR), undefined=jinja2.StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, autoescape=False)
