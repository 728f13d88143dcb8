"""The Content-Security-Policy of every page, and the check that no page holds an inline script.

The policy is written once, in the theme (``overrides/partials/content-security-policy.html``), which puts it
first in every page's ``<head>``, so that an engine build without hooks publishes it too; it is read here from
there. It allows no inline script: Material's few inline scripts are served as files (see
``overrides/partials/javascripts/``), so a script that text from data smuggled into a page could not run, and
``inline_script`` names a page that has one anyway, which the adapter refuses to publish.
"""

from __future__ import annotations

import re

from sovereign_ai_site.paths import PROJECT_DIR

_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?P<attrs>[^>]*)>", re.IGNORECASE)
_DATA_TYPE = re.compile(r'\btype="application/(?:ld\+)?json"')

THEME_PARTIAL = PROJECT_DIR / "overrides" / "partials" / "content-security-policy.html"
META = re.search(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">', THEME_PARTIAL.read_text(encoding="utf-8"))[0]
POLICY = META.split('content="', 1)[1].removesuffix('">')


def inline_scripts(html: str) -> list[str]:
    """The opening tags of the page's inline scripts that a browser would run (JSON data blocks aside)."""
    return [m.group() for m in _INLINE_SCRIPT.finditer(html) if not _DATA_TYPE.search(m["attrs"])]


def inline_script(html: str, page: str = "") -> str | None:
    """Why ``page`` must not be published, if it holds an inline script (the site never ships one); else None."""
    found = inline_scripts(html)
    return f"{page or 'a page'} holds an inline script ({found[0][:60]}), which the site never ships" if found else None
