"""The collection as a release: its citation record and its data changelog.

``CITATION.cff`` (at the root) and ``data/CHANGELOG.yml``. Pages, zips and
citations read the version and dates from here, never from a template, and the
build stops when the changelog disagrees with CITATION.cff or with a package.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from sovereign_ai_site.errors import DataError, Problem
from sovereign_ai_site.packages import Catalog

CITATION_FILE = "CITATION.cff"
CHANGELOG_FILE = "data/CHANGELOG.yml"
KINDS = ("added", "changed", "removed")
ALL_ROWS = "all"  # the first release: every row is new, counted at build time


@dataclass(frozen=True)
class Release:
    version: str
    date: dt.date
    notes: str
    notes_ko: str  # optional in the changelog; the Korean site shows the English notes without it
    rows: dict[str, dict[str, int]]  # "package/resource" → {"added": n, "changed": n, "removed": n}

    @property
    def anchor(self) -> str:
        """The id of the release's section on the changelog page, the same in both languages."""
        return re.sub(r"[^a-z0-9-]+", "-", f"release-{self.version}".lower())

    def touches(self, package: str) -> bool:
        return any(key.split("/")[0] == package for key in self.rows)


@dataclass(frozen=True)
class Collection:
    """What CITATION.cff says about the whole compilation, and its releases, newest first."""

    title: str
    authors: list[str]
    version: str
    date: dt.date
    licence: str
    message: str
    url: str | None  # the site's address, where known: CITATION.cff's ``url``
    cff: bytes  # CITATION.cff as published: the maintainers' file, with the addresses the build knows
    releases: list[Release]
    repository: str | None = None  # the code's address, where known: CITATION.cff's ``repository-code``

    def updated(self, package: str) -> Release:
        """The newest release that changed a table of ``package``."""
        return next(r for r in self.releases if r.touches(package))

    def first(self, package: str) -> Release:
        return next(r for r in reversed(self.releases) if r.touches(package))

    def addressed(self, site_url: str | None, repo_url: str | None) -> Collection:
        """The collection as published at ``site_url`` from the repository at ``repo_url``: its citations and
        the CITATION.cff it publishes carry those addresses (``url``, ``repository-code``).

        An address the build is given wins over one the maintainers' CITATION.cff writes; one the build is
        not given stays as that file has it, or absent. A placeholder (example.org, .test, ...) is no address:
        the citation says nothing rather than name a site that is not there.
        """
        site = known_address(site_url)
        url = (site if site.endswith("/") else site + "/") if site else self.url
        repository = known_address(repo_url) or self.repository
        if (url, repository) == (self.url, self.repository):
            return self
        fields = {key: value for key, value in (("url", url), ("repository-code", repository)) if value}
        return replace(self, url=url, repository=repository, cff=_with_fields(self.cff, fields))


_PLACEHOLDER_HOSTS = re.compile(r"(^|\.)(example\.(com|net|org)|example|test|invalid)$")  # RFC 2606 / 6761


def known_address(url: str | None) -> str | None:
    """``url`` where it is an address to publish (http or https, a real host); else None."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname or _PLACEHOLDER_HOSTS.search(parts.hostname):
        return None
    return url


def _with_fields(cff: bytes, fields: dict[str, str]) -> bytes:
    """The maintainers' CITATION.cff with ``fields`` set: any line of theirs that sets one is dropped, and the
    values follow the file's last line, as YAML double-quoted strings (JSON's are)."""
    keys = tuple(f"{key}:" for key in fields)
    kept = [line for line in cff.decode("utf-8").splitlines() if not line.startswith(keys)]
    text = "\n".join(kept).rstrip("\n") + "\n" + "".join(f"{key}: {json.dumps(value)}\n" for key, value in fields.items())
    try:
        source, written = yaml.safe_load(cff), yaml.safe_load(text)
    except yaml.YAMLError:
        source = written = None
    if isinstance(written, dict) and isinstance(source, dict) and {k: v for k, v in written.items() if k not in fields} != {k: v for k, v in source.items() if k not in fields}:
        written = None  # a value of theirs ran on past its line and the rest of the file changed
    wrong = [key for key, value in fields.items() if not isinstance(written, dict) or written.get(key) != value]
    if wrong:
        raise DataError([Problem(CITATION_FILE, None, key, "write it on one line, or leave it out: the build writes it from the address it is given") for key in wrong])
    return text.encode("utf-8")


def read_collection(project_dir: Path, catalog: Catalog) -> Collection:
    """Read and cross-check both files; raises DataError naming every disagreement."""
    cff_path = project_dir / CITATION_FILE
    cff, problems = _yaml(cff_path, CITATION_FILE)
    log, found = _yaml(project_dir / CHANGELOG_FILE, CHANGELOG_FILE)
    if problems or found:
        raise DataError(problems + found)
    cff = cff if isinstance(cff, dict) else {}
    problems = [Problem(CITATION_FILE, None, None, f'property "{k}" is missing') for k in ("title", "authors", "version", "date-released", "license") if not cff.get(k)]
    version, date = str(cff.get("version")), _date(cff.get("date-released"))
    if cff.get("date-released") and date is None:
        problems.append(Problem(CITATION_FILE, None, None, "date-released must be a date (YYYY-MM-DD)"))
    addresses = {key: cff[key] for key in ("url", "repository-code") if cff.get(key)}
    try:  # the build rewrites these lines when it is given an address: each must be one line it can replace
        _with_fields(cff_path.read_bytes(), {key: str(value) for key, value in addresses.items()}) if addresses else None
    except DataError as error:
        problems += error.problems
    releases, found = _releases(log, catalog)
    problems += found + (_disagreements(releases, version, date, catalog) if releases else [])
    if problems:
        raise DataError(problems)
    return Collection(
        title=cff["title"],
        authors=[a.get("name") or " ".join(filter(None, (a.get("given-names"), a.get("family-names")))) for a in cff["authors"]],
        version=version,
        date=date,
        licence=cff["license"],
        message=cff.get("message", ""),
        url=cff.get("url"),
        cff=cff_path.read_bytes(),
        releases=releases,
        repository=cff.get("repository-code"),
    )


def _disagreements(releases: list[Release], version: str, date: dt.date | None, catalog: Catalog) -> list[Problem]:
    """The newest release against CITATION.cff, and each package's version against its newest release."""
    problems, newest = [], releases[0]
    if newest.version != version:
        problems.append(Problem(CHANGELOG_FILE, None, None, f"release {newest.version} is the newest, but CITATION.cff says version {version}"))
    if date and newest.date != date:
        problems.append(Problem(CHANGELOG_FILE, None, None, f"release {newest.version} is dated {newest.date}, but CITATION.cff says date-released {date}"))
    for package in catalog.packages.values():
        where, have = package.path, package.descriptor["version"]
        touched = [r for r in releases if r.touches(package.name)]
        if not touched:
            problems.append(Problem(where, None, None, f"no release in {CHANGELOG_FILE} lists rows of this package"))
        elif touched[0].version != have:
            problems.append(Problem(where, None, None, f'version "{have}" must be "{touched[0].version}", the newest release in {CHANGELOG_FILE} that changed it'))
    return problems


def _yaml(path: Path, where: str) -> tuple[object, list[Problem]]:
    if not path.is_file():
        return None, [Problem(where, None, None, "file is missing")]
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")), []
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        return None, [Problem(where, None, None, f"not valid YAML: {error}")]


def _releases(log: object, catalog: Catalog) -> tuple[list[Release], list[Problem]]:
    """Releases newest first; ``rows: all`` is allowed only while a release is the only one."""
    if not isinstance(log, list) or not log:
        return [], [Problem(CHANGELOG_FILE, None, None, "must be a list of releases, newest first")]
    problems, releases = [], []
    tables = {f"{p.name}/{r.name}": len(r.table) for p in catalog.packages.values() for r in p.resources.values()}
    for entry in log:
        if not isinstance(entry, dict) or not all(entry.get(k) for k in ("version", "date", "notes", "rows")):
            problems.append(Problem(CHANGELOG_FILE, None, None, f"release {entry!r} needs version, date, notes and rows"))
            continue
        where = f"release {entry['version']}"
        rows = entry["rows"]
        if rows == ALL_ROWS:
            if len(log) > 1:
                problems.append(Problem(CHANGELOG_FILE, None, None, f"{where}: write its row counts as numbers (shown on the changelog page) once a later release exists"))
            rows = {key: {"added": count} for key, count in tables.items()}
        if not isinstance(rows, dict):
            problems.append(Problem(CHANGELOG_FILE, None, None, f'{where}: rows must map "package/resource" to counts, or be "{ALL_ROWS}"'))
            continue
        for key, counts in rows.items():
            if key not in tables:
                problems.append(Problem(CHANGELOG_FILE, None, None, f'{where}: "{key}" is not a package/resource under data/'))
            if not isinstance(counts, dict) or set(counts) - set(KINDS) or not all(isinstance(n, int) and n >= 0 for n in counts.values()):
                problems.append(Problem(CHANGELOG_FILE, None, None, f"{where}: {key} must give counts of rows {', '.join(KINDS)} (whole numbers)"))
        if _date(entry["date"]) is None:
            problems.append(Problem(CHANGELOG_FILE, None, None, f"{where}: date must be a date (YYYY-MM-DD)"))
            continue
        releases.append(Release(str(entry["version"]), _date(entry["date"]), str(entry["notes"]), str(entry.get("notes_ko") or ""), rows))
    dates = [r.date for r in releases]
    if dates != sorted(dates, reverse=True) or len({r.version for r in releases}) != len(releases):
        problems.append(Problem(CHANGELOG_FILE, None, None, "releases must be listed newest first, each version once"))
    return releases, problems


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


RELEASES_DIR = "releases"  # at the project's root: one folder per published release, never rewritten


def frozen_releases(project_dir: Path) -> dict[str, dict[str, bytes]]:
    """Every frozen release under ``releases/``: version → {file name: bytes}."""
    root = project_dir / RELEASES_DIR
    if not root.is_dir():
        return {}
    return {
        folder.name: {f.name: f.read_bytes() for f in sorted(folder.iterdir()) if f.is_file()}
        for folder in sorted(root.iterdir())
        if folder.is_dir() and not folder.name.startswith(".")  # not a copy being written (output.BUILDING_PREFIX)
    }


def frozen_differences(version: str, frozen: dict[str, bytes], built: dict[str, bytes]) -> list[Problem]:
    """The files of the current release's frozen copy that this build would not give byte for byte."""
    problems = []
    for name in sorted(set(frozen) | set(built)):
        where = f"{RELEASES_DIR}/{version}/{name}"
        if name not in frozen:
            problems.append(Problem(where, None, None, f"is missing from the frozen copy of release {version}"))
        elif name not in built:
            problems.append(Problem(where, None, None, f"is not a file a release freezes ({', '.join(sorted(built))})"))
        elif frozen[name] != built[name]:
            problems.append(
                Problem(
                    where,
                    None,
                    None,
                    f"differs from what this build produces for release {version}, which was frozen: a published release never changes. "
                    f"Give the changed data a new release (data/{Path(CHANGELOG_FILE).name} and {CITATION_FILE}), or, if {version} was never published, "
                    f"write its copy again with `python -m sovereign_ai_site freeze --replace`",
                )
            )
    return problems
