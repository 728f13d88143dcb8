"""MkDocs adapter: run the pipeline on every build and serve its output from memory.

Nothing is written into ``docs_dir``. The pipeline runs in ``on_pre_build``,
before MkDocs cleans ``site_dir``, so a data problem stops the build with the
pipeline's own report (no traceback) and the last good site stays as it was.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from sovereign_ai_site.errors import DataError
from sovereign_ai_site.site import generate

log = logging.getLogger("mkdocs.hooks.sovereign_ai_site")
_generated: dict[str, str | bytes] = {}


def on_pre_build(config) -> None:
    try:
        output = generate(Path(config.config_file_path).resolve().parent)
    except DataError as error:
        raise Abort(error.report()) from None
    _generated.clear()
    _generated.update(output)


def on_files(files: Files, config) -> Files:
    for path, content in _generated.items():
        files.append(File.generated(config, path, content=content))
    log.info("generated %d pages and files from data/", len(_generated))
    # The order MkDocs gives files read from disk, so that the sitemap and search index
    # match a build of `sovereign_ai_site build --out` output byte for byte.
    return Files(sorted(files, key=_walk_order))


def _walk_order(file: File) -> tuple:
    *folders, name = file.src_uri.split("/")
    return folders, not name.startswith("index."), name
