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

from sovereign_ai_site.checks import hidden_character, id_problem
from sovereign_ai_site.errors import DataError, Problem, excerpt

COLUMNS = ("source_id", "title", "publisher", "url", "language", "published_on", "accessed_on", "source_type", "verification")
_REQUIRED = tuple(c for c in COLUMNS if c != "published_on")


@dataclass(frozen=True)
class Seed:
    path: str
    record: dict[str, str]
    claims: tuple[str, ...]


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where PyYAML has it: many times faster
MAX_SEED_BYTES = 64 * 1024  # the largest seed is about 3 KB


def read_seeds(seeds_dir: Path, root: Path) -> list[Seed]:
    """Every seed, sorted by source ID; raises DataError naming file and key."""
    seeds, problems = [], []
    for path in sorted(seeds_dir.iterdir()) if seeds_dir.is_dir() else []:
        if path.name.startswith("."):  # a file manager's (.DS_Store) or an editor's, never a seed
            continue
        where = path.relative_to(root).as_posix()
        if path.suffix != ".yml" or id_problem(path.stem):
            problems.append(Problem(where, None, None, f"a seed's file name is its source ID and .yml: {id_problem(path.stem) or 'not a .yml file'}"))
            continue
        entry, found = _read(path, where)
        problems += found
        if entry is None:
            continue
        problems += [Problem(where, None, key, "key is required but missing or empty") for key in _REQUIRED if not entry.get(key)]
        problems += [
            Problem(where, None, key, "must be a single value, not a list or mapping")
            for key in COLUMNS
            if not isinstance(entry.get(key), (str, int, float, dt.date, type(None)))
        ]
        if entry.get("source_id") and entry["source_id"] != path.stem:
            problems.append(Problem(where, None, "source_id", f"{excerpt(entry['source_id'])} must equal the file name \"{path.stem}\""))
        claims = entry.get("claims") or []
        if not isinstance(claims, list) or not all(isinstance(c, str) for c in claims):
            problems.append(Problem(where, None, "claims", "must be a list of sentences"))
            claims = []
        record = {column: _text(entry.get(column)) for column in COLUMNS}
        problems += [
            Problem(where, None, key, f"holds {hidden_character(text)}, which no text may contain")
            for key, text in [*record.items(), *(("claims", c) for c in claims)]
            if hidden_character(text)
        ]
        seeds.append(Seed(where, record, tuple(claims)))
    if problems:
        raise DataError(problems)
    return sorted(seeds, key=lambda s: s.record["source_id"])


def _read(path: Path, where: str) -> tuple[dict | None, list[Problem]]:
    """The seed's mapping, read without YAML's anchors and aliases: a few lines of aliases can stand
    for billions of values (a "billion laughs"), and a source register has no use for them."""
    if path.stat().st_size > MAX_SEED_BYTES:
        return None, [Problem(where, None, None, f"is larger than {MAX_SEED_BYTES // 1024} KB; a seed is a few lines")]
    try:
        text = path.read_text(encoding="utf-8")
        for event in yaml.parse(text, Loader=_SAFE_LOADER):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + 1
                return None, [Problem(where, line, None, "uses a YAML anchor or alias (& or *), which seeds may not")]
        entry = yaml.load(text, Loader=_SAFE_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "cannot be read"
        return None, [Problem(where, None if mark is None else mark.line + 1, None, f"not valid YAML: {problem}")]
    if not isinstance(entry, dict):
        return None, [Problem(where, None, None, "must be a YAML mapping of keys to values")]
    return entry, []


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
