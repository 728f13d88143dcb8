"""The theme's templates, compiled once per process rather than at every build.

MkDocs makes a new Jinja environment for each build, so every rebuild under `mkdocs serve`
compiled Material's fifty-odd templates again. Jinja checks each cached entry against the
template's source, so an edited template is compiled afresh.
"""

from __future__ import annotations

import jinja2


class _InMemory(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


compiled_templates = _InMemory()
