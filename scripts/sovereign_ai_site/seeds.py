"""The source register: one YAML file per source document in seeds/.

``sources.csv`` in the sources package is derived from the register by
``register_sources`` (a curation step run by hand, never during a build);
the build only checks that the two agree.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import yaml

from sovereign_ai_site.errors import DataError, Problem

COLUMNS = ("source_id", "title", "publisher", "url", "language", "published_on", "accessed_on", "source_type", "verification")
_REQUIRED = tuple(c for c in COLUMNS if c != "published_on")


@dataclass(frozen=True)
class Seed:
    path: str
    record: dict[str, str]
    claims: tuple[str, ...]


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where PyYAML has it: many times faster


def read_seeds(seeds_dir: Path, root: Path) -> list[Seed]:
    """Every seed, sorted by source ID; raises DataError naming file and key."""
    seeds, problems = [], []
    for path in sorted(seeds_dir.glob("*.yml")):
        where = path.relative_to(root).as_posix()
        try:
            entry = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            line = getattr(getattr(error, "problem_mark", None), "line", None)
            problems.append(Problem(where, None if line is None else line + 1, None, f"not valid YAML: {error}"))
            continue
        if not isinstance(entry, dict):
            problems.append(Problem(where, None, None, "must be a YAML mapping of keys to values"))
            continue
        problems += [Problem(where, None, key, "key is required but missing or empty") for key in _REQUIRED if not entry.get(key)]
        if entry.get("source_id") and entry["source_id"] != path.stem:
            problems.append(Problem(where, None, "source_id", f'"{entry["source_id"]}" must equal the file name "{path.stem}"'))
        claims = entry.get("claims") or []
        if not isinstance(claims, list) or not all(isinstance(c, str) for c in claims):
            problems.append(Problem(where, None, "claims", "must be a list of sentences"))
            claims = []
        record = {column: _text(entry.get(column)) for column in COLUMNS}
        seeds.append(Seed(where, record, tuple(claims)))
    if problems:
        raise DataError(problems)
    return sorted(seeds, key=lambda s: s.record["source_id"])


def sources_csv(seeds: list[Seed]) -> str:
    """The sources table as CSV text, one row per seed."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(seed.record for seed in seeds)
    return out.getvalue()


def register_sources(seeds_dir: Path, sources_path: Path, root: Path) -> int:
    """Write ``sources.csv`` from the register; returns the number of sources."""
    seeds = read_seeds(seeds_dir, root)
    sources_path.write_text(sources_csv(seeds), encoding="utf-8")
    return len(seeds)


def check_register(seeds: list[Seed], sources_path: Path, root: Path) -> list[Problem]:
    """sources.csv must be exactly what the register produces."""
    where = sources_path.relative_to(root).as_posix()
    if sources_path.read_text(encoding="utf-8") == sources_csv(seeds):
        return []
    return [Problem(where, None, None, "differs from the source register in seeds/; run `python -m sovereign_ai_site register`")]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()
