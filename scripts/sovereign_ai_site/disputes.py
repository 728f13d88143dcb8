"""Figures that sources report differently: every reported value, the one the site shows, and why."""

from __future__ import annotations

from sovereign_ai_site import markup
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.i18n import local, sentence, speaking, t
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.tables import each_row

CLAIMS_PAGE = "sources/claims.md"


def disputed(catalog: Catalog, cite: Citations, page: str, topics: list[str] | None = None, *, lang: str | None = None) -> list[dict]:  # lang: transitional
    """One entry per claims topic (all, or ``topics`` in that order), the shown value's row first, for
    disputed.md.jinja (included by several pages) in the language being spoken."""
    if lang is not None:
        with speaking(lang):
            return disputed(catalog, cite, page, topics)
    if "claims" not in catalog.packages["sources"].resources:
        return []
    claims = catalog.table("sources", "claims")
    fields = {field["name"]: field for field in catalog.resource("sources", "claims").fields}
    labels = {c.topic: local(c, "label") for c in each_row(claims.drop_duplicates("topic"))}
    by_topic: dict[str, list] = {}
    for c in each_row(claims.sort_values(["is_shown", "claim_id"], ascending=[False, True])):
        by_topic.setdefault(c.topic, []).append(c)
    shown = t("claims.shown")
    return [
        {
            "topic": topic,
            "label": labels[topic],
            "fields": fields,
            "shown": _shown(by_topic[topic][0]),
            "href": markup.relative(page, f"{CLAIMS_PAGE}#{topic}"),
            "rows": [
                [local(c, "value"), shown if c.is_shown else "", local(c, "reason"), cite.links(c.source_ids, page)]
                for c in by_topic[topic]
            ],
        }
        for topic in (topics if topics is not None else sorted(by_topic))
        if topic in by_topic
    ]


def _shown(first) -> dict | None:
    """The value the site shows and why (the shown row sorts first), or None when it shows none."""
    if not first.is_shown:
        return None
    return {"value": local(first, "value"), "sentence": sentence("claims.site_shows", value=local(first, "value")), "reason": local(first, "reason")}
