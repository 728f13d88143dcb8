"""Synthetic data at any scale, for the benchmark and for tests that sizes stay bounded.

A scaled project is a copy of the project whose teams (with their organisations,
members, outcomes, models, events and support rows) are repeated with new IDs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

# (package, resource): columns holding IDs that each copy renames.
COPIED = {
    ("teams", "organisations"): ["org_id"],
    ("teams", "teams"): ["team_id", "lead_org_id"],
    ("teams", "members"): ["team_id", "org_id"],
    ("teams", "outcomes"): ["team_id"],
    ("models", "models"): ["model_id", "team_id"],
    ("timeline", "events"): ["event_id", "team_id"],
    ("funding", "support"): ["support_id", "team_id"],
}


def scaled_project(project: Path, scale: int, folder: Path) -> Path:
    """A copy of ``project`` with every team (and what hangs off it) repeated ``scale`` times. The frozen
    releases stay behind: the copy's data is not a release's."""
    for name in ("data", "seeds", "site_src", "overrides", "mkdocs.yml", "CITATION.cff", "editorial.yml"):
        source = project / name
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, folder / name)
    (folder / "scripts").mkdir()
    shutil.copyfile(project / "scripts" / "mkdocs_hooks.py", folder / "scripts" / "mkdocs_hooks.py")
    for (package, name), columns in COPIED.items():
        path = folder / "data" / package / f"{name}.csv"
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        copies = [table]
        for copy in range(1, scale):
            renamed = table.copy()
            for column in columns:
                renamed[column] = renamed[column].where(renamed[column] == "", renamed[column] + f"-x{copy}")
            for column in (c for c in ("name_en", "name", "title_en") if c in renamed):
                renamed[column] = renamed[column] + f" ({copy})"
            copies.append(renamed)
        pd.concat(copies).to_csv(path, index=False, lineterminator="\n")
    return folder
