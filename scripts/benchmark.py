"""Benchmark the site build at 1×, 10× and 100× data; prints tables to paste into an issue.

    python scripts/benchmark.py [--scales 1 10 100] [--runs 3] [--no-lighthouse]

Each scale is a copy of the project whose teams (with their organisations, members,
outcomes, models, events and support rows) are repeated with new IDs. For each scale it
prints the median `mkdocs build` time, pages, ms per page, the pipeline's share (the
hook build against a hook-free MkDocs build of the same generated pages), peak memory
and HTML bytes per page. This is a measurement, not a test.

Where Debian's chromium and Lighthouse (``npm ci --prefix tools/lighthouse``, pinned to a
version that runs on Node 20) are installed, it then serves the 1× site gzip-compressed on
127.0.0.1 and prints, per page template and preset, the median Lighthouse scores over the
runs, total blocking time, layout shift, long tasks and the bytes transferred on first load;
the same for Material's 404 page (its frame with no content) and for a bare one-paragraph HTML
page, which show where this machine's floor for long tasks lies; and the time from saving a CSV
edit to the first paint of the reloaded page under `mkdocs serve`.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load
from sovereign_ai_site.adapter import english_settings
from sovereign_ai_site.static_server import mkdocs_serving, serving
from sovereign_ai_site.synthetic import scaled_project

PROJECT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
TEMPLATES = {
    "home": "",
    "team page": "teams/upstage/",
    "chart page": "models/",
    "chart page (timeline)": "programme/timeline/",
    "programme overview (6 tables)": "programme/",
    "evaluations and results (10 tables)": "programme/results/",
    "data package page": "data/teams/",
    "sources page": "sources/",
    "Material's frame alone (404 page)": "404.html",
}
# Where this machine's floor lies: Lighthouse counts long tasks even here, in the browser's own start-up.
BARE_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Bare page</title></head><body><p>One paragraph, no stylesheet, no script.</p></body></html>'
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def mkdocs_build(*builds: tuple[Path, Path]) -> float:
    """Seconds for `mkdocs build` of each (config, site folder), all at once."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    running = [
        subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)], env=env)
        for config, site in builds
    ]
    if any(process.wait() for process in running):
        raise SystemExit("a benchmark build failed")
    return time.perf_counter() - start


def hook_free_config(project: Path, docs: Path, lang: str) -> Path:
    """The same site configuration, reading one language's pages written by `build --out`, running no hook."""
    command = [sys.executable, "-m", "sovereign_ai_site", "--project", str(project), "build", "--out", str(docs), "--lang", lang]
    subprocess.run(command, check=True, capture_output=True)
    with (project / "mkdocs.yml").open(encoding="utf-8") as stream:
        config = yaml_load(stream)  # MkDocs' own loader: its !ENV values as this environment gives them
    config.pop("hooks")
    config = {key: value for key, value in config.items() if value is not None}
    config.update(english_settings(config) if lang == "en" else {}, docs_dir=str(docs), strict=False, watch=[])
    path = project / f"plain-{lang}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True))
    return path


def measure(scale: int, runs: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        project = scaled_project(PROJECT, scale, Path(tmp) / "project")
        site = Path(tmp) / "site"
        hook = statistics.median(mkdocs_build((project / "mkdocs.yml", site)) for _ in range(runs))
        # The hook builds both languages at once (English in a forked process); so does the plain
        # baseline, two hook-free builds of each language's generated pages side by side.
        plain_builds = [(hook_free_config(project, Path(tmp) / f"docs-{lang}", lang), Path(tmp) / f"plain-{lang}") for lang in ("ko", "en")]
        plain = statistics.median(mkdocs_build(*plain_builds) for _ in range(runs))
        pages = [p.stat().st_size for p in site.rglob("*.html")]
        return {
            "scale": f"{scale}×",
            "build s (median)": f"{hook:.2f}",
            "pages": len(pages),
            "ms/page": f"{1000 * hook / len(pages):.1f}",
            "pipeline share": f"{(hook - plain) / hook:.0%}",
            "build ÷ plain build": f"{hook / plain:.2f}",
            "plain build s": f"{plain:.2f}",
            "peak MB": f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f}",
            "HTML KB/page (mean)": f"{statistics.mean(pages) / 1024:.1f}",
            "HTML KB/page (max)": f"{max(pages) / 1024:.1f}",
        }


def lighthouse_command() -> list[str] | None:
    """The pinned Lighthouse of tools/lighthouse, else one on PATH; None where it or chromium is missing."""
    local = PROJECT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
    found = str(local) if local.exists() else shutil.which("lighthouse")
    return [found] if found and CHROMIUM.exists() else None


def lighthouse_once(command: list[str], url: str, preset: str, out: Path) -> dict:
    args = [*command, url, "--quiet", "--output=json", f"--output-path={out}", f"--chrome-flags={CHROMIUM_FLAGS}"]
    if preset == "desktop":
        args.append("--preset=desktop")
    subprocess.run(args, check=True, env={**os.environ, "CHROME_PATH": str(CHROMIUM)}, capture_output=True)
    report = json.loads(out.read_text())
    audits = report["audits"]
    long_tasks = audits["long-tasks"].get("details", {}).get("items", [])
    return {
        **{c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "TBT ms": audits["total-blocking-time"]["numericValue"],
        "CLS": audits["cumulative-layout-shift"]["numericValue"],
        "long tasks": sum(1 for t in long_tasks if t["duration"] > 50),
        "KB sent": audits["total-byte-weight"]["numericValue"] / 1024,
    }


def lighthouse_table(command: list[str], runs: int) -> list[dict[str, object]]:
    """Median Lighthouse figures per page template and preset, against the 1× site served compressed,
    and for a bare HTML page beside it (the floor of what this machine and Lighthouse measure)."""
    with tempfile.TemporaryDirectory() as tmp:
        site, bare = Path(tmp) / "site", Path(tmp) / "bare"
        bare.mkdir()
        (bare / "index.html").write_text(BARE_PAGE, encoding="utf-8")
        with serving(site) as address, serving(bare) as bare_address:
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": address}
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(PROJECT / "mkdocs.yml"), "-d", str(site)], check=True, env=env)
            pages = {f"{name} (/{path})": address + path for name, path in TEMPLATES.items()}
            pages["reference: bare HTML page, one paragraph"] = bare_address
            return [
                lighthouse_row(command, label, url, preset, runs, Path(tmp) / "report.json")
                for label, url in pages.items()
                for preset in ("mobile", "desktop")
            ]


def lighthouse_row(command: list[str], label: str, url: str, preset: str, runs: int, out: Path) -> dict[str, object]:
    """One line of the table: medians over the runs, and each run's long-task count (it varies most)."""
    results = [lighthouse_once(command, url, preset, out) for _ in range(runs)]
    median = {key: statistics.median(r[key] for r in results) for key in results[0]}
    return {
        "template": label,
        "preset": preset,
        **{c: f"{median[c]:.0f}" for c in CATEGORIES},
        "TBT ms": f"{median['TBT ms']:.0f}",
        "CLS": f"{median['CLS']:.3f}",
        "long tasks > 50 ms": f"{median['long tasks']:.0f} (runs: {', '.join(str(r['long tasks']) for r in results)})",
        "KB sent (compressed)": f"{median['KB sent']:.1f}",
    }


def serve_latency(runs: int) -> list[float]:
    """Seconds from saving a CSV edit to the first paint of the reloaded page under `mkdocs serve`.

    The end is read from the page's own clock (its first contentful paint, in wall-clock time),
    not from when Playwright notices the text: its waits poll every 500 ms once they run long.
    """
    from playwright.sync_api import sync_playwright

    seconds = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        project = scaled_project(PROJECT, 1, Path(tmp))
        facts = project / "data" / "program" / "facts.csv"
        original = facts.read_text(encoding="utf-8")
        with mkdocs_serving(project, "programme/") as address:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS.split()[1:])
            tab = browser.new_page()
            tab.goto(address + "programme/")
            for run in range(runs):
                time.sleep(2)
                marker = f"정예팀 공모 기간 {run}"
                saved = time.time()
                facts.write_text(original.replace("정예팀 공모 기간", marker), encoding="utf-8")
                tab.wait_for_selector(f"text={marker}", timeout=60000)
                painted_ms = tab.evaluate(
                    "performance.timeOrigin + performance.getEntriesByName('first-contentful-paint')[0].startTime"
                )
                seconds.append(painted_ms / 1000 - saved)
            browser.close()
    return seconds


def print_table(rows: list[dict[str, object]]) -> None:
    print("| " + " | ".join(rows[0]) + " |")
    print("|" + "---|" * len(rows[0]))
    for row in rows:
        print("| " + " | ".join(str(v) for v in row.values()) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse table")
    parser.add_argument("--preview-only", action="store_true", help="only the time from a CSV edit to the reloaded page under `mkdocs serve`")
    args = parser.parse_args()
    if args.preview_only:
        print_serve_latency(max(5, args.runs))
        return
    print_table([measure(scale, args.runs) for scale in args.scales])
    print("\npeak MB is the largest resident set of any build so far (ru_maxrss of child processes).\n")
    command = None if args.no_lighthouse else lighthouse_command()
    if command is None:
        print("Lighthouse table skipped: needs /usr/bin/chromium and `npm ci --prefix tools/lighthouse`." if not args.no_lighthouse else "")
        return
    print_table(lighthouse_table(command, args.runs))
    print("\nKB sent: every byte transferred on first load (Lighthouse's total byte weight), gzip as a static host sends it.")
    print_serve_latency(max(5, args.runs))


def print_serve_latency(runs: int) -> None:
    seconds = serve_latency(runs)
    print(f"\nCSV edit to the first paint of the reloaded page under `mkdocs serve`: median {statistics.median(seconds):.2f} s "
          f"(edits: {', '.join(f'{s:.2f}' for s in seconds)}).")


if __name__ == "__main__":
    main()
