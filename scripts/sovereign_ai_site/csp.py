"""A Content-Security-Policy for every page: only this site's own scripts and styles.

Material for MkDocs ships a few small inline scripts; rather than allow every
inline script, the policy lists the SHA-256 hash of each one found in the page.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
_DATA_TYPES = ("application/json", "application/ld+json")

# plotly.js sets element styles at run time, hence 'unsafe-inline' for styles only.
POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'none'"
)


# Under `mkdocs serve`, MkDocs adds an inline live-reload script to every page, different on every
# request, so no hash can allow it: the hooks turn the policy off for the preview. One flag for the
# process, because MkDocs loads the hook module afresh for the English build.
enforced = True


def with_csp(html: str) -> str:
    """``html`` with a CSP meta tag as the first element of ``<head>`` (unchanged while previewing)."""
    if not enforced:
        return html
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(m["body"].encode("utf-8")).digest()).decode() + "'"
            for m in _INLINE_SCRIPT.finditer(html)
            if not any(t in m["attrs"] for t in _DATA_TYPES)
        }
    )
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY.format(hashes=" ".join(hashes)).strip()}">'
    return html.replace("<head>", "<head>\n    " + meta, 1)
