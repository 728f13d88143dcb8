"""Every label has one home and both languages, in Datasette's manner: a field, an allowed value or an
interface string without its Korean or English text fails here, and no raw code reaches a page."""

from __future__ import annotations

import json
import re

import pytest
from conftest import PROJECT
from sovereign_ai_site import i18n
from sovereign_ai_site.i18n import LANGUAGES, catalogue
from sovereign_ai_site.paths import TEMPLATES_DIR
from sovereign_ai_site.site import build_site, load

DESCRIPTORS = sorted((PROJECT / "data").glob("*/datapackage.json"))
CODE = sorted((PROJECT / "scripts" / "sovereign_ai_site").rglob("*.py")) + [PROJECT / "scripts" / "mkdocs_hooks.py"]
TEMPLATES = sorted(TEMPLATES_DIR.rglob("*.jinja"))
# A key as the code and the templates name it: t("home.title"), sentence("home.overdue"), or a literal the
# code passes on ("funding.summary_less"); and the start of a key built from a value: t(f"types.{kind}").
ASKED_KEY = re.compile(r"""\b(?:t|sentence)\(\s*["']([a-z0-9_.]+)["']""")
NAMED_KEY = re.compile(r"""["']([a-z0-9_]+(?:\.[a-z0-9_]+)+)["']""")
USED_PREFIX = re.compile(r"""\b(?:t|sentence)\(\s*f["']([a-z0-9_.]+)\{""")


def fields():
    for path in DESCRIPTORS:
        for resource in json.loads(path.read_text(encoding="utf-8"))["resources"]:
            for field in resource["schema"]["fields"]:
                yield f"{path.parent.name}/{resource['name']}.{field['name']}", field


@pytest.mark.parametrize("name, field", [pytest.param(n, f, id=n) for n, f in fields()])
def test_every_field_has_its_title_and_description_in_both_languages(name, field):
    for key in ("title", "title_ko", "description", "description_ko"):
        assert str(field.get(key, "")).strip(), f"{name} has no {key}"
    if "unit" in field:
        assert str(field.get("unit_ko", "")).strip(), f"{name} has a unit but no unit_ko"


@pytest.mark.parametrize("name, field", [pytest.param(n, f, id=n) for n, f in fields() if "enum" in f.get("constraints", {})])
def test_every_allowed_value_has_a_label_in_both_languages(name, field):
    labelled = {c["value"]: c for c in field["categories"]}
    assert list(labelled) == list(dict.fromkeys(labelled)), f"{name}: a value is labelled twice"
    assert set(labelled) == set(field["constraints"]["enum"]), name
    for value, category in labelled.items():
        assert category.get("label", "").strip() and category.get("label_ko", "").strip(), f"{name}: {value}"


def test_every_interface_string_has_both_languages():
    for key, texts in catalogue().items():
        for lang in LANGUAGES:
            assert str(texts.get(lang) or "").strip(), f"strings.yml: {key} has no {lang} text"


def named_keys() -> tuple[set[str], set[str]]:
    """The keys the code and the templates name, and the starts of those they build."""
    texts = [path.read_text(encoding="utf-8") for path in CODE + TEMPLATES]
    return {k for text in texts for k in NAMED_KEY.findall(text)}, {p for text in texts for p in USED_PREFIX.findall(text)}


class _Recording(dict):
    """The catalogue, noting every key a build looks up."""

    def __init__(self, entries: dict) -> None:
        super().__init__(entries)
        self.asked: set[str] = set()

    def __getitem__(self, key):
        self.asked.add(key)
        return super().__getitem__(key)


def test_every_string_the_code_asks_for_is_in_the_catalogue():
    asked = {k for path in CODE + TEMPLATES for k in ASKED_KEY.findall(path.read_text(encoding="utf-8"))}
    assert asked - catalogue().keys() == set()


def test_every_string_in_the_catalogue_is_used(monkeypatch):
    """Named in the code, or under a start of key the code builds on, or looked up by a build of the
    whole site in both languages."""
    recording = _Recording(catalogue())
    monkeypatch.setattr(i18n, "catalogue", lambda: recording)
    inputs = load(PROJECT)
    for lang in LANGUAGES:
        build_site(inputs, lang)
    named, prefixes = named_keys()
    unused = {key for key in recording if key not in named and key not in recording.asked and not key.startswith(tuple(prefixes))}
    assert unused == set()


@pytest.fixture(scope="module")
def site():
    inputs = load(PROJECT)
    return {lang: build_site(inputs, lang) for lang in LANGUAGES}


def raw_codes(lang: str) -> dict[str, str]:
    """Each allowed value whose label in ``lang`` is not the value itself, with the field it is of."""
    key = "label_ko" if lang == "ko" else "label"
    return {
        c["value"]: name
        for name, field in fields()
        for c in field.get("categories", ())
        if c[key] != c["value"]
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_shows_a_raw_code_where_its_label_belongs(site, lang):
    """Table cells, the register's description lists and chart legends show labels; the data pages'
    dictionaries list the codes themselves, as researchers need them."""
    built = site
    words = {texts[lang] for texts in catalogue().values()}  # "planned", the word for a planned event, is a label too
    codes = {code: field for code, field in raw_codes(lang).items() if code not in words}
    found = []
    for path, content in built[lang].items():
        if path.startswith("data/") or not isinstance(content, str):
            continue
        cells = re.findall(r"<t[dh][^>]*>([^<]*)</t[dh]>|<dd>([^<]*)</dd>", content)
        names = re.findall(r'"name":\s*"([^"]*)"', content) if path.endswith(".json") else []
        found += [(path, text) for pair in cells for text in pair if text in codes]
        found += [(path, name) for name in names if name in codes]
    assert found == []
