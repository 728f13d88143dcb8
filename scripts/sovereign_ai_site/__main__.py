"""Command line: ``python -m sovereign_ai_site validate | build --out DIR | register | freeze``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sovereign_ai_site import seeds
from sovereign_ai_site.downloads import release_files
from sovereign_ai_site.errors import DataError
from sovereign_ai_site.i18n import DEFAULT_LANGUAGE, LANGUAGES, hand_written_page
from sovereign_ai_site.output import write_tree
from sovereign_ai_site.paths import PROJECT_DIR
from sovereign_ai_site.release import RELEASES_DIR, frozen_differences, frozen_releases
from sovereign_ai_site.site import generate, load
from sovereign_ai_site.staleness import stale_rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sovereign-ai-site", description=__doc__)
    parser.add_argument("--project", type=Path, default=PROJECT_DIR, help="project folder holding data/ and seeds/")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check every data package and the source register; print every problem")
    build = commands.add_parser("build", help="write one language's complete docs folder: site_src/ plus the generated pages and downloads")
    build.add_argument("--out", type=Path, required=True)
    build.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    build.add_argument("--site-url", default=os.environ.get("SITE_URL"), help="address of the published (Korean) site, for the sitemap, citations and JSON-LD; default $SITE_URL")
    build.add_argument("--repo-url", default=os.environ.get("REPO_URL"), help="address of the project's repository, for CITATION.cff's repository-code; default $REPO_URL")
    commands.add_parser("register", help="regenerate data/sources/sources.csv from seeds/")
    freeze = commands.add_parser("freeze", help="write the current release's frozen copy, releases/<version>/ (its zip of everything, SHA256SUMS, CITATION.cff), as the last step of a release")
    freeze.add_argument("--replace", action="store_true", help="rewrite a frozen copy that differs: only for a release that was never published")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    try:
        if args.command == "validate":
            inputs = load(project)
            tables = sum(len(p.resources) for p in inputs.catalog.packages.values())
            print(f"valid: {len(inputs.catalog.packages)} packages, {tables} tables, {len(inputs.seeds)} sources")
            for warning in stale_rows(inputs.catalog, inputs.as_of):
                print(f"warning: {warning}")
        elif args.command == "build":
            generated = generate(project, args.lang, args.site_url, args.repo_url)  # refuses links out of the project first
            files = {}
            for path in sorted(p for p in (project / "site_src").rglob("*") if p.is_file()):
                target = hand_written_page(path.relative_to(project / "site_src").as_posix(), args.lang)
                if target:
                    files[target] = path.read_bytes()
            write_tree(args.out, {**files, **generated})
            print(f"wrote {len(files) + len(generated)} files to {args.out}")
        elif args.command == "freeze":
            return _freeze(project, args.replace)
        else:
            count = seeds.register_sources(project / "seeds", project / "data" / "sources" / "sources.csv", project)
            print(f"wrote data/sources/sources.csv: {count} sources")
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    return 0


def _freeze(project: Path, replace: bool) -> int:
    inputs = load(project, check_frozen=False)
    version, files = inputs.release.version, release_files(inputs.packed)
    folder = project / RELEASES_DIR / version
    frozen = frozen_releases(project).get(version)
    if frozen == files:
        print(f"release {version} is frozen already, with the same bytes: {folder}")
        return 0
    if frozen is not None and not replace:
        print(DataError(frozen_differences(version, frozen, files)).report(), file=sys.stderr)
        return 1
    write_tree(folder, files)  # the folder then holds exactly these files
    print(f"froze release {version}: {', '.join(files)} in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
