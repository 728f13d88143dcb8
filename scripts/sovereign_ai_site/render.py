"""Jinja environment for Markdown pages: every ``{{ value }}`` is escaped."""

from __future__ import annotations

import datetime as dt
from functools import cache

import jinja2
import pandas as pd

from sovereign_ai_site import i18n, markup
from sovereign_ai_site.paths import TEMPLATES_DIR

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        undefined=jinja2.StrictUndefined,
        finalize=markup.md,  # escape by default; helpers that build markup return Markup
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters.update(h=markup.h, link=markup.link, date=format_date, krw=format_krw, number=format_number)
    env.globals.update(table=markup.table, t=i18n.t, label=i18n.label, described=i18n.described, prose=prose)
    return env


def render(template: str, **context: object) -> str:
    """``template`` in the language being spoken, which it reads as ``lang``."""
    return environment().get_template(template).render(lang=i18n.lang(), **context)


def prose(name: str) -> str:
    """The per-language partial of long prose: ``{% include prose("home-intro") %}`` includes
    ``templates/prose/home-intro.<lang>.md.jinja``."""
    return f"prose/{name}.{i18n.lang()}.md.jinja"


def format_date(value: dt.date | None, precision: str = "day") -> str:
    """``4 August 2025`` / ``2025년 8월 4일``; without the day at month precision, the year alone at year precision."""
    lang = i18n.lang()
    if value is None or pd.isna(value):
        return ""
    if precision == "year":
        return f"{value.year}년" if lang == "ko" else str(value.year)
    if lang == "ko":
        return f"{value.year}년 {value.month}월" if precision == "month" else f"{value.year}년 {value.month}월 {value.day}일"
    month = _MONTHS_EN[value.month - 1]
    return f"{month} {value.year}" if precision == "month" else f"{value.day} {month} {value.year}"


def format_krw(amount: int | None) -> str:
    """Won in words: ``157.6 billion won`` / ``1,576억 원``, ``10.1 trillion won`` / ``10조 1,000억 원``."""
    lang = i18n.lang()
    if amount is None or pd.isna(amount):
        return ""
    if lang == "ko":
        return _krw_ko(int(amount))
    for size, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if abs(amount) >= size:
            return f"{amount / size:,.3f}".rstrip("0").rstrip(".") + f" {word} won"
    return f"{int(amount):,} won"


def _krw_ko(amount: int) -> str:
    """Korean units of 10⁴ (만), 10⁸ (억) and 10¹² (조), largest first, as Korean news writes them."""
    parts = []
    for size, unit in ((10**12, "조"), (10**8, "억"), (10**4, "만")):
        count, amount = divmod(amount, size)
        if count:
            parts.append(f"{count:,}{unit}")
    if amount or not parts:
        parts.append(f"{amount:,}")
    return " ".join(parts) + " 원"


def format_number(value: float | None) -> str:
    """Thousands separators, at most one decimal place, no trailing ``.0``."""
    if value is None or pd.isna(value):
        return ""
    rounded = round(float(value), 1)
    return f"{rounded:,.0f}" if rounded == int(rounded) else f"{rounded:,.1f}"


def format_gpus(count: int | None, model: str | None) -> str:
    """``512 B200``; empty when the count was not published."""
    lang = i18n.lang()
    if count is None or pd.isna(count):
        return ""
    unknown = "GPU" if lang == "ko" else "GPUs"
    return f"{format_number(count)} {model if model is not None and not pd.isna(model) else unknown}"
