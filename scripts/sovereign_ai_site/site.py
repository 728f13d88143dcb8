"""The whole site as ``{site path: content}``: validated inputs in, pages out.

``load`` is the only stage here that reads files; ``build_site`` is pure.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from sovereign_ai_site import markup, paths
from sovereign_ai_site import seeds as register
from sovereign_ai_site.cite import as_of as data_as_of
from sovereign_ai_site.downloads import DATABASE, DATABASE_METADATA, RELEASES, database_files, release_file, release_files
from sovereign_ai_site.downloads import downloads as packed_downloads
from sovereign_ai_site.errors import DataError, Problem
from sovereign_ai_site.feeds import FEED, atom_feed
from sovereign_ai_site.i18n import DEFAULT_LANGUAGE, hand_written_page, speaking, t
from sovereign_ai_site.output import check_paths
from sovereign_ai_site.packages import Catalog, load_catalog
from sovereign_ai_site.pages import build_pages
from sovereign_ai_site.release import RELEASES_DIR, Collection, frozen_differences, frozen_releases, read_collection
from sovereign_ai_site.share_images import images as share_images
from sovereign_ai_site.sitemap import robots_txt, sitemap_files


@dataclass(frozen=True)
class Inputs:
    catalog: Catalog
    seeds: list[register.Seed]
    downloads: dict[str, bytes]
    release: Collection  # CITATION.cff and data/CHANGELOG.yml
    packed: dict[str, bytes]  # descriptors, zips, database, CITATION.cff, SHA256SUMS, frozen releases: one set for both languages
    hand_written: tuple[str, ...]  # the pages of site_src/, as paths there
    editorial: dict  # editorial.yml: what pages feature, kept out of the code
    unreleased: tuple[Problem, ...] = ()  # where the data no longer gives the frozen current release (previewing)

    @property
    def as_of(self):
        return data_as_of(self.catalog)


def load(project_dir: Path, check_frozen: bool = True) -> Inputs:
    """Read and validate data/ and seeds/; raises DataError with every problem, and where the
    current release was frozen (releases/<version>/) and this build gives other bytes. Without
    ``check_frozen`` (the preview, while a maintainer edits), those differences are kept as warnings."""
    data_dir, seeds_dir = project_dir / "data", project_dir / "seeds"
    escaping = paths.outside(project_dir, (*paths.INPUTS, RELEASES_DIR))
    if escaping:
        raise DataError([Problem(_rel(p, project_dir), None, None, _LEAVES) for p in escaping])
    catalog = load_catalog(data_dir, project_dir)
    seeds = register.read_seeds(seeds_dir, project_dir)
    sources_csv = data_dir / "sources" / "sources.csv"
    if sources_csv.is_file():
        problems = register.check_register(seeds, sources_csv, project_dir)
        if problems:
            raise DataError(problems)
    downloads = {
        path.relative_to(project_dir).as_posix(): path.read_bytes()
        for package in catalog.packages.values()
        for path in [project_dir / package.path, *(project_dir / r.path for r in package.resources.values())]
    }
    release = read_collection(project_dir, catalog)
    site_src = project_dir / "site_src"
    hand_written = tuple(sorted(p.relative_to(site_src).as_posix() for p in site_src.rglob("*.md"))) if site_src.is_dir() else ()
    packed = _packed(catalog, release, downloads, database_files(catalog, release))
    frozen = frozen_releases(project_dir)
    unreleased = frozen_differences(release.version, frozen[release.version], release_files(packed)) if release.version in frozen else []
    if check_frozen and unreleased:
        raise DataError(unreleased)
    packed.update({release_file(version, name): content for version, files in frozen.items() for name, content in files.items()})
    editorial_yml = project_dir / "editorial.yml"
    editorial = yaml.safe_load(editorial_yml.read_text(encoding="utf-8")) if editorial_yml.is_file() else {}
    return Inputs(catalog, seeds, downloads, release, packed, hand_written, editorial or {}, tuple(unreleased))


def _packed(catalog: Catalog, release: Collection, downloads: dict[str, bytes], tables: dict[str, bytes]) -> dict[str, bytes]:
    return packed_downloads(catalog, release, downloads, data_as_of(catalog), tables)


_last_addressed: tuple[Inputs, str | None, str | None, Inputs] | None = None


def addressed(inputs: Inputs, site_url: str | None, repo_url: str | None) -> Inputs:
    """The inputs of a site published at ``site_url`` from the repository at ``repo_url``: the citations,
    JSON-LD and the CITATION.cff of the downloads carry those addresses (see ``Collection.addressed``).
    Both languages' builds of one load share the result."""
    global _last_addressed
    if _last_addressed and _last_addressed[0] is inputs and _last_addressed[1:3] == (site_url, repo_url):
        return _last_addressed[3]
    release = inputs.release.addressed(site_url, repo_url)
    if release is inputs.release:
        result = inputs
    else:  # the frozen releases stay as they were published
        frozen = {path: content for path, content in inputs.packed.items() if path.startswith(f"{RELEASES}/")}
        tables = {path: inputs.packed[path] for path in (DATABASE, DATABASE_METADATA)}
        result = replace(inputs, release=release, packed={**_packed(inputs.catalog, release, inputs.downloads, tables), **frozen})
    _last_addressed = (inputs, site_url, repo_url, result)
    return result


_LEAVES = "is a link to something outside the project, or not a plain file: the build reads only the project's own files"


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


_last_load: tuple[tuple, Inputs] | None = None


def load_unless_unchanged(project_dir: Path, check_frozen: bool = True) -> Inputs:
    """``load``, skipped when no input file changed since the last call in this process.

    One ``mkdocs build`` runs the hooks for the Korean and then for the English site (in a
    fork of the first, or in turn where there is no fork), and `mkdocs serve` runs them again
    after any edit, a page's or the data's: the data is read and validated only when it changed.
    """
    global _last_load
    fingerprint = paths.fingerprint(*(project_dir / name for name in ("data", "seeds", "CITATION.cff", "editorial.yml", RELEASES_DIR)))
    if _last_load is None or _last_load[0] != (fingerprint, check_frozen):
        _last_load = ((fingerprint, check_frozen), load(project_dir, check_frozen))
    return _last_load[1]


def build_site(inputs: Inputs, lang: str = DEFAULT_LANGUAGE, site_url: str | None = None, repo_url: str | None = None) -> dict[str, str | bytes]:
    """Every generated page and download of one language's site, keyed by its path there, and its
    sitemap and feed where the address of the (Korean) site is known; citations and JSON-LD name the
    site's and the repository's addresses where they are known."""
    inputs = addressed(inputs, site_url, repo_url)
    files: dict[str, str | bytes] = {**inputs.downloads, **share_images()}  # the images are the same in both languages
    with speaking(lang):
        files.update(build_pages(inputs, site_url))
        if site_url:
            files[FEED] = atom_feed(inputs.catalog, inputs.release, site_url)
    if site_url:
        pages = [*files, *filter(None, (hand_written_page(p, lang) for p in inputs.hand_written))]
        files.update(sitemap_files(pages, site_url, lang, inputs.as_of))
        if lang == DEFAULT_LANGUAGE:  # the site's root is the Korean site's
            files.update(robots_txt(site_url))
    check_paths(files)
    return dict(sorted(files.items()))


def problem_pages(error: DataError, pages: list[str], lang: str) -> dict[str, str]:
    """For the preview: each of ``pages`` says what is wrong with the data, so that a maintainer sees it
    in the open page as well as in the terminal; the next good edit builds them again."""
    with speaking(lang):
        heading, intro = t("preview.problems_heading"), t("preview.problems_intro")
    page = f"# {heading}\n\n{intro}\n\n" + "".join(f"- {markup.md(str(problem))}\n" for problem in error.problems)
    return {path: page for path in pages if path.endswith(".md")}


def generate(project_dir: Path, lang: str = DEFAULT_LANGUAGE, site_url: str | None = None, repo_url: str | None = None) -> dict[str, str | bytes]:
    return build_site(load(project_dir), lang, site_url, repo_url)
