"""An Atom feed per language: the programme's events as they happen, and the data releases.

Written only where the site's address is known (an Atom entry's ID and links are absolute). Each entry's ID
is the address of its row on the timeline page or its release on the changelog page, which do not change;
its date is the event's or the release's (at month precision, the month's first day), never the build's,
so the same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pandas as pd

from sovereign_ai_site.i18n import DEFAULT_LANGUAGE, lang, local, t
from sovereign_ai_site.names import event_anchor
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.release import Collection
from sovereign_ai_site.render import format_date
from sovereign_ai_site.tables import each_row

FEED = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
TIMELINE_PAGE = "programme/timeline/"
CHANGELOG_PAGE = "data/changelog/"


def site_root(korean_root: str) -> str:
    """The address of the site in the language being spoken: English lives under ``en/``."""
    return korean_root if lang() == DEFAULT_LANGUAGE else f"{korean_root}en/"


def atom_feed(catalog: Catalog, collection: Collection, korean_root: str) -> bytes:
    """The feed of the language being spoken, newest entry first."""
    root = site_root(korean_root)
    sources = catalog.table("sources", "sources").set_index("source_id") if "sources" in catalog.packages else None
    entries = [*_event_entries(catalog, root, sources), *_release_entries(collection, root)]
    entries.sort(key=lambda e: (e["updated"], e["id"]), reverse=True)
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": lang()})
    _text(feed, "title", t("feed.title"))
    _text(feed, "subtitle", t("feed.subtitle"))
    _text(feed, "id", root + FEED)
    ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": root + FEED})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": root})
    _text(feed, "updated", entries[0]["updated"] if entries else _timestamp(collection.date))
    for name in collection.authors:
        _text(ET.SubElement(feed, "author"), "name", name)
    _text(feed, "rights", t("feed.rights"))
    for entry in entries:
        _entry(feed, entry)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _event_entries(catalog: Catalog, root: str, sources: pd.DataFrame | None) -> list[dict]:
    """Every event that has happened; planned ones join the feed when their result is recorded."""
    if "timeline" not in catalog.packages:
        return []
    events = catalog.table("timeline", "events")
    return [
        {
            "id": f"{root}{TIMELINE_PAGE}#{event_anchor(e.event_id)}",
            "title": local(e, "title"),
            "updated": _timestamp(e.event_on),
            "summary": " ".join(x for x in (format_date(e.event_on, e.date_precision) + ".", local(e, "description")) if x),
            "link": f"{root}{TIMELINE_PAGE}#{event_anchor(e.event_id)}",
            "related": [(sources.loc[s, "url"], sources.loc[s, "title"]) for s in e.source_ids.split(";")] if sources is not None else [],
        }
        for e in each_row(events[~events["is_planned"]])
    ]


def _release_entries(collection: Collection, root: str) -> list[dict]:
    return [
        {
            "id": f"{root}{CHANGELOG_PAGE}#{release.anchor}",
            "title": t("feed.release", version=release.version),
            "updated": _timestamp(release.date),
            "summary": release.notes_ko if lang() == "ko" and release.notes_ko else release.notes,
            "link": f"{root}{CHANGELOG_PAGE}#{release.anchor}",
            "related": [],
        }
        for release in collection.releases
    ]


def _entry(feed: ET.Element, entry: dict) -> None:
    element = ET.SubElement(feed, "entry")
    _text(element, "id", entry["id"])
    _text(element, "title", entry["title"])
    _text(element, "updated", entry["updated"])
    ET.SubElement(element, "link", {"rel": "alternate", "type": "text/html", "href": entry["link"]})
    for url, title in entry["related"]:
        ET.SubElement(element, "link", {"rel": "related", "href": url, "title": title})
    _text(element, "summary", entry["summary"])


def _text(parent: ET.Element, tag: str, text: str) -> None:
    """A child element holding ``text``; ElementTree escapes it, so text from data stays text."""
    ET.SubElement(parent, tag).text = text


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
