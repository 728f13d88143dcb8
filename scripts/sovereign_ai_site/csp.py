"""The Content-Security-Policy of every page: only the scripts and styles this site serves as files.

The policy is one constant, fixed before any data is rendered. It allows no inline script: Material's
few inline scripts are served as files (see ``overrides/partials/javascripts/``), so a script that text
from data smuggled into a page could not run, and ``with_csp`` refuses to publish a page that has one.
"""

from __future__ import annotations

import re

_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?P<attrs>[^>]*)>", re.IGNORECASE)
_DATA_TYPE = re.compile(r'\btype="application/(?:ld\+)?json"')

# plotly.js sets element styles at run time, hence 'unsafe-inline' for styles only.
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'none'"
)
META = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'

# Under `mkdocs serve`, MkDocs adds an inline live-reload script to every page, which the policy would
# block: the hooks turn the policy off for the preview. One flag for the process, because MkDocs loads
# the hook module afresh for the English build.
enforced = True


class InlineScriptError(Exception):
    """A page holds an inline script, which the site never ships: text from data was not escaped."""


def inline_scripts(html: str) -> list[str]:
    """The opening tags of the page's inline scripts that a browser would run (JSON data blocks aside)."""
    return [m.group() for m in _INLINE_SCRIPT.finditer(html) if not _DATA_TYPE.search(m["attrs"])]


def with_csp(html: str, page: str = "") -> str:
    """``html`` with the policy as the first element of ``<head>`` (unchanged while previewing).

    Raises:
        InlineScriptError: the page has an inline script; it is not published.
    """
    if not enforced:
        return html
    found = inline_scripts(html)
    if found:
        raise InlineScriptError(f"{page or 'a page'} holds an inline script ({found[0][:60]}), which the site never ships")
    return html.replace("<head>", "<head>\n    " + META, 1)
