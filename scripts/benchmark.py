"""Benchmark the site build at 1×, 10× and 100× data; prints a table to paste into an issue.

    python scripts/benchmark.py [--scales 1 10 100] [--runs 3]

Each scale is a copy of the project whose teams (with their organisations, members,
outcomes, models, events and support rows) are repeated with new IDs. For each scale it
prints the median `mkdocs build` time, pages, ms per page, the pipeline's share (the
hook build against a hook-free MkDocs build of the same generated pages), peak memory
and HTML bytes per page. This is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from sovereign_ai_site.synthetic import scaled_project

PROJECT = Path(__file__).resolve().parents[1]


def mkdocs_build(config: Path, site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)], check=True, env=env)
    return time.perf_counter() - start


def hook_free_config(project: Path, docs: Path, lang: str) -> Path:
    """The same site configuration, reading one language's pages written by `build --out`, running no hook."""
    command = [sys.executable, "-m", "sovereign_ai_site", "--project", str(project), "build", "--out", str(docs), "--lang", lang]
    subprocess.run(command, check=True, capture_output=True)
    config = yaml.safe_load((project / "mkdocs.yml").read_text().replace("!ENV ", ""))
    config.pop("hooks")
    config.update(docs_dir=str(docs), site_url=config["site_url"][1], strict=False, watch=[])
    path = project / f"plain-{lang}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True))
    return path


def measure(scale: int, runs: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        project = scaled_project(PROJECT, scale, Path(tmp) / "project")
        site = Path(tmp) / "site"
        hook = statistics.median(mkdocs_build(project / "mkdocs.yml", site) for _ in range(runs))
        # The hook builds both languages; the plain baseline builds both languages' pages.
        plain_configs = [hook_free_config(project, Path(tmp) / f"docs-{lang}", lang) for lang in ("ko", "en")]
        plain = statistics.median(sum(mkdocs_build(c, Path(tmp) / f"plain-{c.stem}") for c in plain_configs) for _ in range(runs))
        pages = [p.stat().st_size for p in site.rglob("*.html")]
        return {
            "scale": f"{scale}×",
            "build s (median)": f"{hook:.2f}",
            "pages": len(pages),
            "ms/page": f"{1000 * hook / len(pages):.1f}",
            "pipeline share": f"{(hook - plain) / hook:.0%}",
            "plain build s": f"{plain:.2f}",
            "peak MB": f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f}",
            "HTML KB/page (mean)": f"{statistics.mean(pages) / 1024:.1f}",
            "HTML KB/page (max)": f"{max(pages) / 1024:.1f}",
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = [measure(scale, args.runs) for scale in args.scales]
    print("| " + " | ".join(rows[0]) + " |")
    print("|" + "---|" * len(rows[0]))
    for row in rows:
        print("| " + " | ".join(str(v) for v in row.values()) + " |")
    print("\npeak MB is the largest resident set of any build so far (ru_maxrss of child processes).")


if __name__ == "__main__":
    main()
