"""Downloads beside the published CSVs: a zip per package, one of everything, checksums.

Zips are byte-reproducible: entries sorted, every timestamp the data's as-of
date, fixed permissions, fixed compression level. ``SHA256SUMS`` lists every
file under ``data/`` relative to that folder, so ``sha256sum -c`` works in a mirror.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from functools import cache

import jinja2

from sovereign_ai_site import citation
from sovereign_ai_site.i18n import LANGUAGES, speaking
from sovereign_ai_site.packages import Catalog, DataPackage
from sovereign_ai_site.paths import TEMPLATES_DIR
from sovereign_ai_site.release import CITATION_FILE, Collection

ALL_NAME = "sovereign-ai-data"
ALL_ZIP = f"data/{ALL_NAME}.zip"
CITATION = f"data/{CITATION_FILE}"
CHECKSUMS = "data/SHA256SUMS"


def package_zip(package: str) -> str:
    return f"data/{package}/{package}.zip"


def downloads(catalog: Catalog, collection: Collection, published: dict[str, bytes], as_of: dt.date) -> dict[str, bytes]:
    """The zips, CITATION.cff and SHA256SUMS, keyed by site path; ``published`` holds the data files."""
    files: dict[str, bytes] = {CITATION: collection.cff}
    everything = {f"{ALL_NAME}/README.txt": _readme(collection, catalog, None), f"{ALL_NAME}/{CITATION_FILE}": collection.cff}
    for package in catalog.packages.values():
        own = _package_files(package, published)
        entries = {f"{package.name}/{name}": content for name, content in own.items()}
        entries[f"{package.name}/README.txt"] = _readme(collection, catalog, package)
        entries[f"{package.name}/{CITATION_FILE}"] = collection.cff
        files[package_zip(package.name)] = zip_bytes(entries, as_of)
        everything.update({f"{ALL_NAME}/{package.name}/{name}": content for name, content in own.items()})
    files[ALL_ZIP] = zip_bytes(everything, as_of)
    data = {path: content for path, content in {**published, **files}.items() if path.startswith("data/")}
    files[CHECKSUMS] = "".join(f"{hashlib.sha256(content).hexdigest()}  {path.removeprefix('data/')}\n" for path, content in sorted(data.items())).encode()
    return files


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
                _text_environment().get_template(f"readme.{lang}.txt.jinja").render(
                    collection=collection,
                    package=package,
                    packages=packages,
                    licences=licences(packages),
                    all_zip=ALL_ZIP.rsplit("/", 1)[1],
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
