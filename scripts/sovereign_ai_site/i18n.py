"""Two languages from one set of data: Korean at the site root, English under ``en/``.

A page is built in a language (``speaking``), which every label below reads: nothing passes the
language by hand. Interface strings come from one catalogue (``strings.yml``); field titles,
descriptions and the labels of allowed values from the descriptors (``datapackage.json``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

import pandas as pd
import yaml
from markupsafe import Markup

from sovereign_ai_site import markup
from sovereign_ai_site.paths import STRINGS_FILE

LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = "ko"
TRANSLATION_SUFFIX = ".en.md"  # site_src/about.md is Korean, site_src/about.en.md English

_speaking: ContextVar[str] = ContextVar("language", default=DEFAULT_LANGUAGE)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Build what follows in ``language``."""
    token = _speaking.set(language)
    try:
        yield
    finally:
        _speaking.reset(token)


def lang() -> str:
    """The language of the page being built."""
    return _speaking.get()


def other() -> str:
    """The other language: the one a page names things in as well."""
    return next(code for code in LANGUAGES if code != lang())


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """``strings.yml`` as ``{"team.members": {"ko": …, "en": …}}``: its nested keys joined by dots."""
    def leaves(node: Mapping, prefix: str) -> Iterator[tuple[str, dict[str, str]]]:
        for key, value in node.items():
            if isinstance(value, Mapping) and set(value) == set(LANGUAGES):
                yield prefix + key, dict(value)
            else:
                yield from leaves(value, f"{prefix}{key}.")

    return dict(leaves(yaml.safe_load(STRINGS_FILE.read_text(encoding="utf-8")), ""))


def t(key: str, **values: object) -> str:
    """The interface string ``key`` in the page's language, with ``{name}`` filled from ``values``."""
    text = catalogue()[key][lang()]
    return text.format(**values) if values else text


def sentence(key: str, **values: object) -> Markup:
    """The interface string ``key`` as Markdown (its ``**`` and punctuation are the catalogue's), with
    the ``values`` filled in as literal text: escaped, as a template's ``{{ value }}`` would be."""
    return Markup(t(key, **{name: markup.md(value) for name, value in values.items()}))


def local(row: object, field: str, language: str | None = None) -> object:  # language: transitional
    """``row.<field>_<lang>``, or the other language's value where this one is empty."""
    if language is not None:
        with speaking(language):
            return local(row, field)
    for code in (lang(), other()):
        value = row.get(f"{field}_{code}") if isinstance(row, dict | pd.Series) else getattr(row, f"{field}_{code}", None)
        if value is not None and not pd.isna(value) and str(value).strip():
            return value
    return ""


def described(item: Mapping, key: str) -> str:
    """A descriptor's ``title`` or ``description`` in the page's language (``<key>_ko`` in Korean),
    the English one where a Korean one is not given."""
    return (item.get(f"{key}_ko") if lang() == "ko" else None) or item.get(key, "")


class MissingLabel(KeyError):
    """A value with no label in its field's ``categories``: the page would show a raw code."""


def label(field: Mapping, value: object) -> object:
    """An allowed value as the page shows it: its ``label`` (``label_ko`` in Korean) in the field's
    Table Schema ``categories``. An empty cell stays empty."""
    if value is None or pd.isna(value):
        return value
    key = "label_ko" if lang() == "ko" else "label"
    for category in field.get("categories", ()):
        if category.get("value") == value and category.get(key):
            return category[key]
    raise MissingLabel(f"field {field.get('name')}: value {value!r} has no {key} in its categories")


def not_published(as_of: str, language: str | None = None) -> str:  # language: transitional
    """What a cell says where the record is silent: "not published as of <the data's date>"."""
    if language is not None:
        with speaking(language):
            return not_published(as_of)
    return t("common.not_published", date=as_of)


def hand_written_page(src_uri: str, language: str) -> str | None:
    """Where a hand-written file of site_src/ goes in ``language``'s site, or None if it is not part of it."""
    if src_uri.endswith(TRANSLATION_SUFFIX):
        return src_uri.removesuffix(TRANSLATION_SUFFIX) + ".md" if language == "en" else None
    if src_uri.endswith(".md") and language == "en":
        return None
    return src_uri


def missing_translations(src_uris: list[str]) -> list[str]:
    """Hand-written pages that exist in one language only."""
    korean = {u for u in src_uris if u.endswith(".md") and not u.endswith(TRANSLATION_SUFFIX)}
    english = {u.removesuffix(TRANSLATION_SUFFIX) + ".md" for u in src_uris if u.endswith(TRANSLATION_SUFFIX)}
    return sorted(korean ^ english)


# Transitional, while the page modules move to the catalogue and the descriptors' labels: removed
# when no module calls them.
def tr(language: str, *, ko: str, en: str) -> str:
    return ko if language == "ko" else en


def value_label(value: object, ko_labels: dict[str, str], language: str) -> object:
    return ko_labels.get(value, value) if language == "ko" else value


def category_label(field: dict, value: object, language: str) -> object:
    with speaking(language):
        return label(field, value)
