"""Two languages from one set of data: Korean at the site root, English under ``en/``."""

from __future__ import annotations

import pandas as pd

LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = "ko"
TRANSLATION_SUFFIX = ".en.md"  # site_src/about.md is Korean, site_src/about.en.md English


def local(row: object, field: str, lang: str) -> object:
    """``row.<field>_<lang>``, or the other language's value where this one is empty."""
    for code in (lang, *(c for c in LANGUAGES if c != lang)):
        value = getattr(row, f"{field}_{code}", None) if not isinstance(row, dict | pd.Series) else row.get(f"{field}_{code}")
        if value is not None and not pd.isna(value) and str(value).strip():
            return value
    return ""


def hand_written_page(src_uri: str, lang: str) -> str | None:
    """Where a hand-written file of site_src/ goes in ``lang``'s site, or None if it is not part of it."""
    if src_uri.endswith(TRANSLATION_SUFFIX):
        return src_uri.removesuffix(TRANSLATION_SUFFIX) + ".md" if lang == "en" else None
    if src_uri.endswith(".md") and lang == "en":
        return None
    return src_uri


def missing_translations(src_uris: list[str]) -> list[str]:
    """Hand-written pages that exist in one language only."""
    korean = {u for u in src_uris if u.endswith(".md") and not u.endswith(TRANSLATION_SUFFIX)}
    english = {u.removesuffix(TRANSLATION_SUFFIX) + ".md" for u in src_uris if u.endswith(TRANSLATION_SUFFIX)}
    return sorted(korean ^ english)


def not_published(as_of: str, lang: str) -> str:
    """What a cell says where the record is silent: "not published as of <the data's date>"."""
    return tr(lang, ko=f"{as_of} 기준 공개되지 않음", en=f"not published as of {as_of}")


def tr(lang: str, *, ko: str, en: str) -> str:
    """A short label in the page's language; prose lives in per-language templates."""
    return ko if lang == "ko" else en


def category_label(field: dict, value: object, lang: str) -> object:
    """An allowed value as shown in ``lang``: its label in the field's Table Schema ``categories``
    (``label``, and ``label_ko`` for Korean); the value itself where the descriptor gives none."""
    if pd.isna(value):
        return value
    for category in field.get("categories", []):
        if isinstance(category, dict) and category.get("value") == value:
            return category.get("label_ko" if lang == "ko" else "label") or category.get("label") or value
    return value


def value_label(value: object, ko_labels: dict[str, str], lang: str) -> object:
    """An enumeration value as shown: its Korean label on the Korean site, the value itself on the English one."""
    return ko_labels.get(value, value) if lang == "ko" else value
