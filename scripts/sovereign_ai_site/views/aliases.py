"""Other spellings of names (teams/aliases, models/aliases), as the pages show them."""

from __future__ import annotations

import pandas as pd

from sovereign_ai_site.packages import Catalog

# Where each kind of alias lives and the key it is an alias of.
TABLES = {"organisations": ("teams", "org_id"), "models": ("models", "model_id")}


def of(catalog: Catalog, kind: str) -> pd.DataFrame:
    """The aliases of ``kind`` ("organisations" or "models") in table order; empty where the data has none."""
    package, key = TABLES[kind]
    found = catalog.packages.get(package)
    if found is None or "aliases" not in found.resources:
        return pd.DataFrame(columns=[key, "alias", "spelled_by", "source_ids"])
    return catalog.table(package, "aliases")


def for_team(catalog: Catalog, lead_org_id: str, model_ids: list[str]) -> pd.DataFrame:
    """The aliases a team's page lists: its lead organisation's, then its models' (with ``model_id``)."""
    orgs = of(catalog, "organisations")
    models = of(catalog, "models")
    found = pd.concat([orgs[orgs["org_id"] == lead_org_id], models[models["model_id"].isin(model_ids)]], ignore_index=True)
    return found.reindex(columns=["org_id", "model_id", "alias", "spelled_by", "source_ids"])
