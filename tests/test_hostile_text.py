"""Hostile text in every free-text field, built by the real `mkdocs build` and opened in headless Chromium:
no injected script runs, the policy is never violated, and nothing links to javascript: or another host."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import yaml
from conftest import make_project, mkdocs_build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sovereign_ai_site import seeds
from sovereign_ai_site.static_server import serving
from test_browser import search

# Each payload, if it ran, would set window.__pwned; a javascript: link or a remote image would show in the DOM.
PAYLOADS = [
    "<script>window.__pwned=1</script>",
    "Upstage</title><script>window.__pwned=1</script><title>x",
    '<img src=x onerror="window.__pwned=1">',
    '"><svg onload="window.__pwned=1">',
    "'><img src=x onerror=window.__pwned=1>",
    "T [x](javascript:window.__pwned=1) ![y](http://evil.invalid/x.png)",
    "*a*{: onclick=\"window.__pwned=1\"} <http://evil.invalid/>",
    "</script><script>window.__pwned=1</script>",
    '{"@context": "</script><script>window.__pwned=1</script>"}',
    "&lt;script&gt;window.__pwned=1&lt;/script&gt;",
]
SAFE_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Co", "Zl", "Zp")), max_size=12)
HOSTILE = st.builds(lambda before, payload, after: f"{before}{payload}{after}".strip() or payload, SAFE_TEXT, st.sampled_from(PAYLOADS), SAFE_TEXT)

# Set before any page script runs: a record of every policy violation and every dialog an injected script opens.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
window.alert = window.confirm = window.prompt = () => { window.__pwned = 1; };
"""
FOUND = """() => ({
  pwned: window.__pwned === 1,
  violations: window.__violations,
  javascriptLinks: [...document.querySelectorAll("[href^='javascript' i], [src^='javascript' i]")].length,
  remote: [...document.querySelectorAll("img[src], script[src], link[href], iframe[src]")]
    .map(e => e.src || e.href).filter(u => new URL(u).host !== location.host),
})"""


MARKER = "Zebrafinch"  # a word before each injected text, for the search test to find it by


def inject(project: Path, text: str) -> None:
    """``text`` in every free-text field: names and notes in the CSVs, titles and descriptions in the
    descriptor, and the title, publisher and claims of a seed (the register is written again from it)."""
    text = f"{MARKER} {text}"
    teams = project / "data/teams"
    for name, columns in {"teams.csv": ["name_en"], "members.csv": ["org_name"]}.items():
        rows = list(csv.DictReader((teams / name).open(encoding="utf-8")))
        for number, row in enumerate(rows):
            row.update({column: f"{text} {number}" for column in columns})  # org_name is part of a key
        with (teams / name).open("w", encoding="utf-8", newline="") as stream:
            writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    descriptor = json.loads((teams / "datapackage.json").read_text(encoding="utf-8"))
    for node in [descriptor, *descriptor["resources"], *(f for r in descriptor["resources"] for f in r["schema"]["fields"])]:
        node.update({key: text for key in ("title", "description") if key in node})
    (teams / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    seed_path = project / "seeds/example-nd-gpus.yml"
    seed = yaml.safe_load(seed_path.read_text(encoding="utf-8"))
    seed.update(title=text, publisher=text, claims=[text])
    seed_path.write_text(yaml.safe_dump(seed, allow_unicode=True), encoding="utf-8")
    seeds.register_sources(project / "seeds", project / "data/sources/sources.csv", project)


@given(text=HOSTILE)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_no_hostile_text_runs_in_the_browser(browser, tmp_path_factory, text):
    project = make_project(tmp_path_factory.mktemp("hostile"))
    inject(project, text)
    site = project.parent / "site"
    with serving(site) as address:
        result = mkdocs_build(project / "mkdocs.yml", site, site_url=address)
        assert result.returncode == 0, result.stdout + result.stderr
        context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone, where search has its button
        context.add_init_script(WATCH)
        tab = context.new_page()
        tab.on("dialog", lambda dialog: dialog.dismiss())
        shown = []
        try:
            for page in sorted(site.rglob("*.html")):
                url = address + page.relative_to(site).as_posix()
                tab.goto(url)
                found = tab.evaluate(FOUND)
                assert not found["pwned"], url
                assert found["violations"] == [], url
                assert found["javascriptLinks"] == 0, url
                assert found["remote"] == [], url
                shown.append(tab.inner_text("body"))
            # Material's search shows titles and text from its index: the same text, in another context.
            assert search(tab, address + "data/", MARKER.lower())
            found = tab.evaluate(FOUND)
            assert not found["pwned"] and found["violations"] == [] and found["javascriptLinks"] == 0, found
        finally:
            context.close()
    assert " ".join(text.split()) in " ".join(" ".join(shown).split())  # shown as the literal text it is
    shutil.rmtree(project.parent)
