"""MkDocs adapter: run the pipeline on every build and serve its output from memory.

Nothing is written into ``docs_dir``. The pipeline runs in ``on_pre_build``,
before MkDocs cleans ``site_dir``, so a data problem stops the build with the
pipeline's own report (no traceback) and the last good site stays as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from sovereign_ai_site.csp import with_csp
from sovereign_ai_site.errors import DataError
from sovereign_ai_site.site import build_site, load

log = logging.getLogger("mkdocs.hooks.sovereign_ai_site")
_generated: dict[str, str | bytes] = {}
_EPOCH_FROM_CALLER = "SOURCE_DATE_EPOCH" in os.environ


def on_pre_build(config) -> None:
    try:
        inputs = load(Path(config.config_file_path).resolve().parent)
    except DataError as error:
        raise Abort(error.report()) from None
    if not _EPOCH_FROM_CALLER:
        # Dates MkDocs stamps (sitemap, its gzip header) come from the data, not the clock.
        as_of = dt.datetime.combine(inputs.as_of, dt.time(), dt.timezone.utc)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(as_of.timestamp()))
    _generated.clear()
    _generated.update(build_site(inputs))


def on_files(files: Files, config) -> Files:
    for path, content in _generated.items():
        files.append(File.generated(config, path, content=content))
    log.info("generated %d pages and files from data/", len(_generated))
    # The order MkDocs gives files read from disk, so that the sitemap and search index
    # match a build of `sovereign_ai_site build --out` output byte for byte.
    return Files(sorted(files, key=_walk_order))


def on_post_page(output: str, page, config) -> str:
    return with_csp(output)


def on_post_template(output: str, template_name: str, config) -> str:
    return with_csp(output) if template_name.endswith(".html") else output


def _walk_order(file: File) -> tuple:
    *folders, name = file.src_uri.split("/")
    return folders, not name.startswith("index."), name
