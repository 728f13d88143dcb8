"""Command line: ``python -m sovereign_ai_site validate | build --out DIR | register``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sovereign_ai_site import seeds
from sovereign_ai_site.errors import DataError
from sovereign_ai_site.i18n import DEFAULT_LANGUAGE, LANGUAGES, hand_written_page
from sovereign_ai_site.paths import PROJECT_DIR
from sovereign_ai_site.site import generate, load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sovereign-ai-site", description=__doc__)
    parser.add_argument("--project", type=Path, default=PROJECT_DIR, help="project folder holding data/ and seeds/")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check every data package and the source register; print every problem")
    build = commands.add_parser("build", help="write one language's complete docs folder: site_src/ plus the generated pages and downloads")
    build.add_argument("--out", type=Path, required=True)
    build.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    commands.add_parser("register", help="regenerate data/sources/sources.csv from seeds/")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    try:
        if args.command == "validate":
            inputs = load(project)
            tables = sum(len(p.resources) for p in inputs.catalog.packages.values())
            print(f"valid: {len(inputs.catalog.packages)} packages, {tables} tables, {len(inputs.seeds)} sources")
        elif args.command == "build":
            files = {}
            for path in sorted(p for p in (project / "site_src").rglob("*") if p.is_file()):
                target = hand_written_page(path.relative_to(project / "site_src").as_posix(), args.lang)
                if target:
                    files[target] = path.read_bytes()
            files.update(generate(project, args.lang))
            for path, content in files.items():
                target = args.out / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
            print(f"wrote {len(files)} files to {args.out}")
        else:
            count = seeds.register_sources(project / "seeds", project / "data" / "sources" / "sources.csv", project)
            print(f"wrote data/sources/sources.csv: {count} sources")
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
