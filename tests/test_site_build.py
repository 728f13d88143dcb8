"""One real `mkdocs build --strict` of the project, and the CLI that renders without hooks."""

from __future__ import annotations

import gzip
import json
import os
import re
import stat
import subprocess
import sys

import yaml
from conftest import PROJECT, make_project, mkdocs_build, snapshot
from sovereign_ai_site import csp
from sovereign_ai_site.__main__ import main
from sovereign_ai_site.adapter import english_settings
from sovereign_ai_site.i18n import missing_translations
from sovereign_ai_site.site import generate, load
from sovereign_ai_site.synthetic import scaled_project


def test_every_generated_page_is_rendered(built_site, site_address):
    generated = generate(PROJECT, site_url=site_address[1])  # the address the site was built for, which CITATION.cff gives
    pages = [p for p in generated if p.endswith(".md")]
    assert "index.md" in pages and "teams/index.md" in pages and "data/index.md" in pages
    for page in pages:
        html = page.removesuffix(".md").removesuffix("index") + ("index.html" if page.endswith("index.md") else "/index.html")
        assert (built_site / html).is_file(), html
    for path in (p for p in generated if not p.endswith(".md")):
        content = generated[path]
        assert (built_site / path).read_bytes() == (content if isinstance(content, bytes) else content.encode("utf-8")), path


def test_one_page_per_team_and_package(built_site):
    teams = (PROJECT / "data/teams/teams.csv").read_text().splitlines()[1:]
    for line in teams:
        assert (built_site / "teams" / line.split(",")[0] / "index.html").is_file()
    for package in (p for p in (PROJECT / "data").iterdir() if p.is_dir()):
        assert (built_site / "data" / package.name / "index.html").is_file()


def test_build_leaves_site_src_untouched(tmp_path):
    before = snapshot(PROJECT / "site_src")
    assert mkdocs_build(PROJECT / "mkdocs.yml", tmp_path / "site").returncode == 0
    assert snapshot(PROJECT / "site_src") == before
    generated = generate(PROJECT)
    assert not any((PROJECT / "site_src" / path).exists() for path in generated)


def test_cli_output_renders_the_same_site_without_hooks(built_site, site_address, tmp_path):
    """`build --out DIR --lang X` and then MkDocs without hooks give the same bytes as `mkdocs build`, in both
    languages: the theme, not the hook, writes the Content-Security-Policy, the language links (selector and
    head) and the search dialog's name."""
    settings = yaml.safe_load((PROJECT / "mkdocs.yml").read_text().replace("!ENV ", ""))
    settings.pop("hooks")
    settings["site_url"] = site_address[1]
    settings["repo_url"] = os.environ.get("REPO_URL")  # as `repo_url: !ENV REPO_URL` reads it, and the CLI's --repo-url
    built = snapshot(built_site)
    for lang, under in (("ko", ""), ("en", "en/")):
        docs = tmp_path / f"docs-{lang}"
        assert main(["build", "--out", str(docs), "--lang", lang, "--site-url", site_address[1]]) == 0
        config = {**settings, **(english_settings(settings) if lang == "en" else {}), "docs_dir": str(docs)}
        config_path = PROJECT / f".cli-test-mkdocs-{lang}.yml"
        config_path.write_text(yaml.safe_dump(config, allow_unicode=True))
        try:
            result = mkdocs_build(config_path, tmp_path / f"site-{lang}")
        finally:
            config_path.unlink()
        assert result.returncode == 0, result.stdout + result.stderr
        plain = snapshot(tmp_path / f"site-{lang}")
        hooked = {path.removeprefix(under): content for path, content in built.items() if path.startswith(under) and (under or not path.startswith("en/"))}
        assert sorted(plain) == sorted(hooked), lang
        assert [path for path in plain if plain[path] != hooked[path]] == [], lang
        home = plain["index.html"].decode("utf-8")
        assert csp.META in home and 'hreflang="ko" class="md-select__link"' in home and f'<link rel="alternate" href="{site_address[1]}en/" hreflang="en">' in home


def test_a_page_with_an_inline_script_is_not_published(tmp_path):
    project = make_project(tmp_path)
    (project / "site_src" / "scripted.en.md").write_text("# A page\n\n<script>alert(1)</script>\n", encoding="utf-8")  # the fixture's site is English
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0 and "scripted.md holds an inline script (<script>)" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert csp.inline_script('<script type="application/ld+json">{}</script><script src="a.js"></script>') is None


def test_every_hand_written_page_exists_in_both_languages():
    pages = [p.relative_to(PROJECT / "site_src").as_posix() for p in (PROJECT / "site_src").rglob("*.md")]
    assert missing_translations(pages) == []


def test_each_page_in_both_languages_with_a_switcher_to_itself(built_site, site_address):
    korean = sorted(p.relative_to(built_site) for p in built_site.rglob("index.html") if p.parts[len(built_site.parts)] != "en")
    assert len(korean) > 30
    for page in korean:
        english = built_site / "en" / page
        assert english.is_file(), english
        assert '<html lang="ko"' in (built_site / page).read_text(encoding="utf-8")
        html = english.read_text(encoding="utf-8")
        assert '<html lang="en"' in html
        back = re.search(r'<a href="([^"]*)" hreflang="ko"', html)[1]
        assert (english.parent / back / "index.html").resolve() == (built_site / page).resolve()
        # Search engines read the head's hreflang links: absolute, to this page in each language.
        url = site_address[1] + page.parent.as_posix().removeprefix(".") + ("/" if page.parent.parts else "")
        for html in ((built_site / page).read_text(encoding="utf-8"), english.read_text(encoding="utf-8")):
            assert f'<link rel="alternate" href="{url}" hreflang="ko">' in html
            assert f'<link rel="alternate" href="{url.replace(site_address[1], site_address[1] + "en/", 1)}" hreflang="en">' in html


def test_the_not_found_pages_name_no_other_language_version(built_site):
    for page in (built_site / "404.html", built_site / "en" / "404.html"):
        html = page.read_text(encoding="utf-8")
        assert "Content-Security-Policy" in html
        assert 'rel="alternate" href' not in html and "hreflang=" in html  # the selector keeps its links


def test_every_page_lists_the_sources_it_cites():
    for lang in ("ko", "en"):
        for path, content in generate(PROJECT, lang).items():
            if not path.endswith(".md") or 'class="cite"' not in content or path == "sources/index.md" or path.startswith("data/"):
                continue
            body, _, listed = content.partition("{#page-sources}")
            assert listed, f"{lang} {path}"
            cited = set(re.findall(r'<a class="cite" href="[^"]*" title="([a-z0-9-]+)">', body))
            assert cited == set(re.findall(r'title="([a-z0-9-]+)">', listed)), f"{lang} {path}"


def test_each_table_of_a_multi_table_package_has_its_own_page(built_site):
    for descriptor in sorted((PROJECT / "data").glob("*/datapackage.json")):
        resources = json.loads(descriptor.read_text(encoding="utf-8"))["resources"]
        package = descriptor.parent.name
        for site in (built_site, built_site / "en"):
            package_page = (site / "data" / package / "index.html").read_text(encoding="utf-8")
            for resource in resources:
                own = site / "data" / package / resource["name"] / "index.html"
                assert own.is_file() == (len(resources) > 1), own
                if len(resources) > 1:
                    assert f'data/{package}/{resource["name"]}/"' in package_page
                    assert resource["path"] in own.read_text(encoding="utf-8")


def test_vendored_plotly_bundle_matches_the_python_package_and_draws_every_trace_type():
    """Figures are written by the plotly package and drawn by the vendored basic bundle: same version, known types."""
    import plotly.offline

    generated = generate(PROJECT)

    bundle = (PROJECT / "site_src" / "assets" / "javascripts" / "vendor" / "plotly-basic.min.js").read_text()[:200]
    assert f"plotly.js (basic - minified) v{plotly.offline.get_plotlyjs_version()}" in bundle
    figures = [json.loads(content) for path, content in generated.items() if path.endswith(".json") and "/" in path and not path.startswith("data/")]
    assert figures
    assert {trace["type"] for figure in figures for trace in figure["data"]} <= {"scatter", "bar", "pie"}


def test_english_is_built_beside_and_moved_into_place(built_site):
    # The English site is built in a forked process into a folder beside site/, then moved to en/.
    assert (built_site / "en" / "index.html").is_file()
    assert stat.S_IMODE((built_site / "en").stat().st_mode) == stat.S_IMODE(built_site.stat().st_mode)
    assert not [p.name for p in built_site.parent.iterdir() if p.name.startswith(".building-")]


def test_a_problem_only_in_the_english_build_fails_the_build(tmp_path):
    project = scaled_project(PROJECT, 1, tmp_path / "project")
    about = project / "site_src" / "about.en.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[A link to nowhere](no-such-page.md)\n", encoding="utf-8")
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "out" / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "no-such-page.md" in output
    assert "the English site's build failed" in output
    assert "Traceback" not in output
    assert not (tmp_path / "out" / "site" / "en").exists()
    assert not [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".building-")]


def test_without_fork_the_same_site_is_built_in_turn(tmp_path):
    # Where the platform cannot fork (Windows, and macOS where it is unsafe) the English site
    # is built after the Korean one, in the same process; it must come out the same. (urllib.request,
    # which requests imports, is imported first: on "darwin" it imports macOS's own modules.)
    forked = mkdocs_build(PROJECT / "mkdocs.yml", tmp_path / "forked" / "site")
    assert forked.returncode == 0, forked.stderr
    in_turn = subprocess.run(
        [sys.executable, "-c", "import urllib.request; from mkdocs.__main__ import cli; import sys; sys.platform = 'darwin'; cli()",
         "build", "--strict", "-f", str(PROJECT / "mkdocs.yml"), "-d", str(tmp_path / "in-turn" / "site")],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False,
    )
    assert in_turn.returncode == 0, in_turn.stderr
    assert snapshot(tmp_path / "in-turn" / "site") == snapshot(tmp_path / "forked" / "site")
    assert not [p for p in (tmp_path / "in-turn").iterdir() if p.name != "site"]


def test_the_build_reports_one_summary_line_per_language_and_no_noise(tmp_path):
    result = mkdocs_build(PROJECT / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    summaries = [line for line in lines if re.search(r"INFO +- +(ko|en): \d+ generated pages, \d+ tables, \d+ charts, \d+ data warnings, [\d.]+ s$", line)]
    assert sorted(line.split("-  ")[1][:2] for line in summaries) == ["en", "ko"]
    assert not any("not included in the" in line or "Building documentation to directory" in line for line in lines)
    assert len(lines) == 4, lines  # each language: its data check and its summary


def test_sitemaps_and_robots_name_every_page_in_both_languages_with_the_data_date(built_site, site_address):
    root = site_address[1]
    as_of = load(PROJECT).as_of.isoformat()
    assert (built_site / "robots.txt").read_text() == f"User-agent: *\nAllow: /\n\nSitemap: {root}sitemap.xml\nSitemap: {root}en/sitemap.xml\n"
    for prefix in ("", "en/"):
        xml = (built_site / prefix / "sitemap.xml").read_text(encoding="utf-8")
        assert gzip.decompress((built_site / prefix / "sitemap.xml.gz").read_bytes()).decode() == xml
        locs = re.findall(r"<loc>([^<]+)</loc>", xml)
        pages = {p.parent.relative_to(built_site / prefix).as_posix() for p in (built_site / prefix).rglob("index.html")}
        assert {u.removeprefix(root + prefix).rstrip("/") or "." for u in locs} == {p for p in pages if not p.startswith("en")}
        assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", xml)) == {as_of}
        assert xml.count('hreflang="ko"') == xml.count('hreflang="en"') == xml.count('hreflang="x-default"') == len(locs)


def test_a_file_managers_hidden_file_in_seeds_is_ignored(tmp_path):
    project = make_project(tmp_path)
    (project / "seeds" / ".DS_Store").write_bytes(b"\x00\x01")
    assert main(["--project", str(project), "validate"]) == 0
