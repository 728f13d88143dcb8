"""Ready-to-copy citations of the collection or of one package, naming version and date."""

from __future__ import annotations

import re

from sovereign_ai_site.packages import DataPackage
from sovereign_ai_site.release import Collection
from sovereign_ai_site.render import format_date

_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}\\])")


def plain(collection: Collection, package: DataPackage | None = None, lang: str = "en") -> str:
    """APA-like: authors (year). Title (version) [Data set]. Release, date. URL.

    The title stays the published English one; in Korean a package's Korean title follows in brackets,
    as APA gives a translated title.
    """
    c = collection
    head = f"{_authors(c)} ({c.date.year})."
    if lang == "ko":
        release, kind = f"버전 {c.version}, {format_date(c.date, lang=lang)} 공개", "[데이터 세트]"
    else:
        release, kind = f"Version {c.version}, released {format_date(c.date, lang='en')}", "[Data set]"
    if package is None:
        text = f"{head} {c.title} ({release}) {kind}."
    else:
        d = package.descriptor
        if lang == "ko":
            korean = f" [{d['title_ko']}]" if d.get("title_ko") else ""
            text = f"{head} {d['title']}{korean} (데이터 패키지 {d['name']}, 버전 {d['version']}) {kind}. 수록: {c.title} ({release})."
        else:
            text = f"{head} {d['title']} (data package {d['name']}, version {d['version']}) {kind}. In {c.title} ({release})."
    return f"{text} {c.licence}." + (f" {c.url}" if c.url else "")


def bibtex(collection: Collection, package: DataPackage | None = None, lang: str = "en") -> str:
    """A ``@misc`` entry; title and authors in double braces so BibTeX keeps their case.

    The title stays English; in Korean the note is Korean and names the package's Korean title.
    """
    c = collection
    title = package.descriptor["title"] if package else c.title
    if lang == "ko":
        korean = f"({package.descriptor['title_ko']})" if package and package.descriptor.get("title_ko") else ""
        release = f"릴리스 {c.version}({c.date.isoformat()})"
        note = f"데이터 패키지 {package.name}{korean}. 수록: {c.title}. {release}" if package else release
    else:
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
