"""Figures that sources report differently: every reported value, the one the site shows, and why."""

from __future__ import annotations

import pandas as pd

from sovereign_ai_site import markup
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.i18n import local, tr
from sovereign_ai_site.packages import Catalog

CLAIMS_PAGE = "sources/claims.md"


def disputed(catalog: Catalog, cite: Citations, page: str, topics: list[str] | None = None, *, lang: str) -> list[dict]:
    """One entry per claims topic (all, or ``topics`` in that order), the shown value's row first.

    Each entry carries ``lang`` so that disputed.md.jinja, included by several pages, picks its language.
    """
    if "claims" not in catalog.packages["sources"].resources:
        return []
    claims = catalog.table("sources", "claims")
    order = topics if topics is not None else sorted(claims["topic"].unique())
    groups = [(topic, claims[claims["topic"] == topic]) for topic in order]
    shown = tr(lang, ko="표시", en="shown")
    return [
        {
            "lang": lang,
            "topic": topic,
            "label": local(group.iloc[0], "label", lang),
            "shown": _shown(group, lang),
            "href": markup.relative(page, f"{CLAIMS_PAGE}#{topic}"),
            "rows": [
                [local(c, "value", lang), shown if c.is_shown else "", local(c, "reason", lang), cite.links(c.source_ids, page)]
                for c in group.sort_values(["is_shown", "claim_id"], ascending=[False, True]).itertuples()
            ],
        }
        for topic, group in groups
        if not group.empty
    ]


def _shown(group: pd.DataFrame, lang: str) -> dict | None:
    """The value the site shows and why, or None when it shows none."""
    shown = group[group["is_shown"]]
    if shown.empty:
        return None
    return {"value": local(shown.iloc[0], "value", lang), "reason": local(shown.iloc[0], "reason", lang)}
