"""schema.org ``Dataset`` metadata for search engines, as a JSON-LD script block.

URLs are relative to the package page: JSON-LD resolves them against the page's
address, and the generated pages must not depend on where the site is published.
Names and descriptions are in the page's language, which ``inLanguage`` states.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from sovereign_ai_site import citation
from sovereign_ai_site.i18n import described, lang
from sovereign_ai_site.packages import DataPackage
from sovereign_ai_site.release import Collection
from sovereign_ai_site.views.catalog import date_range


def dataset(package: DataPackage, collection: Collection, zip_name: str) -> dict:
    d = package.descriptor
    name = described(d, "title")
    data = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": name,
        "alternateName": [x for x in dict.fromkeys((d["name"], d["title"], d.get("title_ko"))) if x and x != name],
        "description": described(d, "description"),
        "inLanguage": lang(),
        "url": "./",
        "version": d["version"],
        "datePublished": collection.first(package.name).date.isoformat(),
        "dateModified": collection.updated(package.name).date.isoformat(),
        "license": [x.get("path") or x["name"] for x in d["licenses"]],
        "creator": [{"@type": "Organization", "name": name} for name in _authors(package, collection)],
        "keywords": d.get("keywords", []),
        "isAccessibleForFree": True,
        "creditText": citation.plain(collection, package),
        "isPartOf": {"@type": "Dataset", "name": collection.title, "version": collection.version},
        "distribution": [
            _download(zip_name, "application/zip"),
            _download("datapackage.json", "application/json"),
            *(_download(r.descriptor["path"], r.descriptor.get("mediatype", "text/csv")) for r in package.resources.values()),
        ],
    }
    dates = date_range(package)
    if dates:
        data["temporalCoverage"] = f"{dates[0].isoformat()}/{dates[1].isoformat()}"
    return data


def script(data: dict) -> Markup:
    """A ``<script>`` block that no value can close: ``<``, ``>`` and ``&`` become JSON escapes."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def _download(path: str, media_type: str) -> dict:
    return {"@type": "DataDownload", "name": path, "contentUrl": path, "encodingFormat": media_type}


def _authors(package: DataPackage, collection: Collection) -> list[str]:
    named = [c.get("title") for c in package.descriptor.get("contributors", []) if c.get("role") in (None, "author", "creator") and c.get("title")]
    return named or collection.authors
