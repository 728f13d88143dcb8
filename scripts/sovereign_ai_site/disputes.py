"""Figures that sources report differently: every reported value, the one the site shows, and why."""

from __future__ import annotations

import pandas as pd

from sovereign_ai_site import markup
from sovereign_ai_site.cite import Citations
from sovereign_ai_site.packages import Catalog

CLAIMS_PAGE = "sources/claims.md"


def disputed(catalog: Catalog, cite: Citations, page: str, topics: list[str] | None = None) -> list[dict]:
    """One entry per claims topic (all, or ``topics`` in that order), the shown value's row first."""
    if "claims" not in catalog.packages["sources"].resources:
        return []
    claims = catalog.table("sources", "claims")
    order = topics if topics is not None else sorted(claims["topic"].unique())
    groups = [(topic, claims[claims["topic"] == topic]) for topic in order]
    return [
        {
            "topic": topic,
            "label": group["label_en"].iloc[0],
            "shown": _shown(group),
            "href": markup.relative(page, f"{CLAIMS_PAGE}#{topic}"),
            "rows": [
                [c.value_en, "shown" if c.is_shown else "", c.reason_en, cite.links(c.source_ids, page)]
                for c in group.sort_values(["is_shown", "claim_id"], ascending=[False, True]).itertuples()
            ],
        }
        for topic, group in groups
        if not group.empty
    ]


def _shown(group: pd.DataFrame) -> dict | None:
    """The value the site shows and why, or None when it shows none."""
    shown = group[group["is_shown"]]
    if shown.empty:
        return None
    reason = shown["reason_en"].iloc[0]
    return {"value": shown["value_en"].iloc[0], "reason": "" if pd.isna(reason) else reason}
