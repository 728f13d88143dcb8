"""Ready-to-copy citations of the collection or of one package, naming version, date and, where the site's
address is known, its URL, in the language being spoken.

The collection's URL is the site's (CITATION.cff's ``url``); a package's is its page on the site, in the
language of the citation."""

from __future__ import annotations

import re

from sovereign_ai_site.dictionary import page_of
from sovereign_ai_site.i18n import DEFAULT_LANGUAGE, lang, t
from sovereign_ai_site.markup import page_url
from sovereign_ai_site.packages import DataPackage
from sovereign_ai_site.release import Collection
from sovereign_ai_site.render import format_date

_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}\\])")


def plain(collection: Collection, package: DataPackage | None = None) -> str:
    """APA-like: authors (year). Title (version) [Data set]. Release, date. URL.

    The title stays the published English one; in Korean a package's Korean title follows in brackets,
    as APA gives a translated title.
    """
    c = collection
    head = f"{_authors(c)} ({c.date.year})."
    release, kind = t("cite.plain.release", version=c.version, date=format_date(c.date)), t("cite.plain.kind")
    if package is None:
        text = f"{head} {c.title} ({release}) {kind}."
    else:
        d = package.descriptor
        translated = f" [{d['title_ko']}]" if d.get("title_ko") else ""  # shown by the Korean citation only
        text = f"{head} " + t("cite.plain.package", title=d["title"], translated=translated, name=d["name"], version=d["version"], kind=kind, collection=c.title, release=release)
    address = url(c, package)
    return f"{text} {c.licence}." + (f" {address}" if address else "")


def bibtex(collection: Collection, package: DataPackage | None = None) -> str:
    """A ``@misc`` entry; title and authors in double braces so BibTeX keeps their case.

    The title stays English; the note is in the page's language and, in Korean, names the package's
    Korean title.
    """
    c = collection
    title = package.descriptor["title"] if package else c.title
    release = t("cite.bibtex.release", version=c.version, date=c.date.isoformat())
    if package:
        translated = f"({package.descriptor['title_ko']})" if package.descriptor.get("title_ko") else ""
        note = t("cite.bibtex.package", name=package.name, translated=translated, collection=c.title, release=release, version=c.version, date=c.date.isoformat())
    else:
        note = release
    fields = {
        "author": " and ".join("{" + _escape(a) + "}" for a in c.authors),
        "title": "{" + _escape(title) + "}",
        "year": str(c.date.year),
        "month": str(c.date.month),
        "version": _escape(package.descriptor["version"] if package else c.version),
        "note": _escape(f"{note}. {c.licence}"),
        "url": url(c, package),
    }
    key = "_".join([re.sub(r"[^a-z0-9]+", "_", c.title.split(":")[0].lower()).strip("_"), *([package.name] if package else []), c.version])
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value)
    return f"@misc{{{re.sub(r'[^A-Za-z0-9_]', '_', key)},\n{body}\n}}"


def url(collection: Collection, package: DataPackage | None = None) -> str | None:
    """Where the cited thing is read: the site, or the package's page in the language being spoken; None
    where the site's address is not known."""
    if not collection.url or package is None:
        return collection.url
    return collection.url + ("" if lang() == DEFAULT_LANGUAGE else f"{lang()}/") + page_url(page_of(package.name))


def _authors(collection: Collection) -> str:
    return ", ".join(collection.authors)


def _escape(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)
