"""Names as the pages show them, and the ids they give rows that other pages and the feed link to."""

from __future__ import annotations

import pandas as pd

from sovereign_ai_site.i18n import local, t
from sovereign_ai_site.packages import Catalog
from sovereign_ai_site.tables import each_row


def short_names(catalog: Catalog) -> pd.Series:
    """Team names by team_id without the word "consortium", as charts and lists show them."""
    teams = catalog.table("teams", "teams").set_index("team_id")
    names = pd.Series([local(team, "name") for team in each_row(teams)], index=teams.index, dtype="string")
    return names.str.removesuffix(t("teams.name_suffix"))


def event_anchor(event_id: str) -> str:
    """The id of an event's row on the timeline page."""
    return f"event-{event_id}"
