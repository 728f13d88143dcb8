"""Names as the pages show them, shared by every section that names a team."""

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
