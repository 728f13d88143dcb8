"""Ready-to-copy citations of the collection or of one package, naming version and date."""

from __future__ import annotations

import re

from sovereign_ai_site.packages import DataPackage
from sovereign_ai_site.release import Collection
from sovereign_ai_site.render import format_date

_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}\\])")


def plain(collection: Collection, package: DataPackage | None = None) -> str:
    """APA-like: authors (year). Title (version) [Data set]. Release, date. URL."""
    c = collection
    head = f"{_authors(c)} ({c.date.year})."
    release = f"Version {c.version}, released {format_date(c.date)}"
    if package is None:
        text = f"{head} {c.title} ({release}) [Data set]."
    else:
        d = package.descriptor
        text = f"{head} {d['title']} (data package {d['name']}, version {d['version']}) [Data set]. In {c.title} ({release})."
    return f"{text} {c.licence}." + (f" {c.url}" if c.url else "")


def bibtex(collection: Collection, package: DataPackage | None = None) -> str:
    """A ``@misc`` entry; title and authors in double braces so BibTeX keeps their case."""
    c = collection
    title = package.descriptor["title"] if package else c.title
    note = f"Data package {package.name} of {c.title}, release {c.version} of {c.date.isoformat()}" if package else f"Release {c.version} of {c.date.isoformat()}"
    fields = {
        "author": " and ".join("{" + _escape(a) + "}" for a in c.authors),
        "title": "{" + _escape(title) + "}",
        "year": str(c.date.year),
        "month": str(c.date.month),
        "version": _escape(package.descriptor["version"] if package else c.version),
        "note": _escape(f"{note}. {c.licence}"),
        "url": c.url,
    }
    key = "_".join([re.sub(r"[^a-z0-9]+", "_", c.title.split(":")[0].lower()).strip("_"), *([package.name] if package else []), c.version])
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value)
    return f"@misc{{{re.sub(r'[^A-Za-z0-9_]', '_', key)},\n{body}\n}}"


def _authors(collection: Collection) -> str:
    return ", ".join(collection.authors)


def _escape(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)
