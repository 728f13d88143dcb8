"""MkDocs adapter: run the pipeline on every build and hand MkDocs its files, from memory.

Nothing is written into ``docs_dir``. Both languages are written into a new folder beside ``site_dir``,
which replaces it in one step when both are done (``output.Staged``): a data problem, an error in either
language or a killed build leaves the last good site as it was. A data problem stops the build with the
pipeline's own report (no traceback). The Korean site is built at the root and the English one into
``en/`` (``adapter.english_settings``), in another process beside it (``background``). The theme
(``overrides/``) writes the Content-Security-Policy, the language links and the search dialog's name;
here a page with an inline script is refused. ``preview`` holds what only `mkdocs serve` does.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from sovereign_ai_site import adapter, background, csp, i18n, preview, site, staleness
from sovereign_ai_site.errors import DataError
from sovereign_ai_site.preview import on_env, on_serve, on_startup  # noqa: F401 (the preview's own hooks: they act only under `mkdocs serve`)

log = logging.getLogger("mkdocs.hooks.sovereign_ai_site")
logging.getLogger("mkdocs.commands.build").addFilter(adapter.Quieter())
_generated: dict[str, str | bytes] = {}
_build: background.BothLanguages | None = None  # the first build's; the English one, run beside it, has none
_html = adapter.HtmlAside()  # Python-Markdown would parse every tag of a page's raw HTML only to pass it on
_started, _warnings = 0.0, []


def on_config(config):
    global _build
    _build = None if background.beside else background.BothLanguages(config, in_place=preview.serving, kept=preview.KeptProcess.ready())
    return preview.on_config(config)


def on_pre_build(config) -> None:
    global _started, _warnings
    _started, lang = time.monotonic(), config.theme["language"]
    try:
        inputs = site.load_unless_unchanged(Path(config.config_file_path).resolve().parent, check_frozen=not preview.serving)
    except DataError as error:
        if not (preview.serving and _generated):
            raise Abort(error.report() if _build else "the data has problems, which the Korean site's build lists") from None
        return preview.problems(error, _generated, lang, in_terminal=_build is not None)
    _warnings = [*staleness.stale_rows(inputs.catalog, inputs.as_of), *inputs.unreleased]
    log.info("%s: data read and checked in %.1f s", lang, time.monotonic() - _started)
    for warning in _warnings if _build else []:  # in full, once
        log.info("data warning: %s", warning)
    if _build and lang == i18n.DEFAULT_LANGUAGE:
        _build.start_english(config)
    _generated.clear()
    _generated.update(site.build_site(inputs, lang, adapter.korean_site_url(lang, config.site_url), config.repo_url))


def on_files(files: Files, config) -> Files:
    lang, new = config.theme["language"], File.generated  # a translation takes the place of the Korean page
    kept = [file if to == file.src_uri else new(config, to, abs_src_path=file.abs_src_path) for file in files if (to := adapter.target(file.src_uri, lang))]
    kept += [new(config, path, content=content) for path, content in _generated.items()]
    return Files(sorted(kept, key=lambda file: adapter.walk_order(file.src_uri)))


def on_page_markdown(markdown: str, page, config, files) -> str:
    return _html.set_aside(markdown)


def on_page_content(html: str, page, config, files) -> str:
    return _html.put_back(html)


def on_post_page(output: str, page, config) -> str:
    return on_post_template(output, page.file.src_uri, config)


def on_post_template(output: str, template_name: str, config) -> str:
    if template_name.endswith((".md", ".html")) and (problem := csp.inline_script(output, template_name)):
        raise Abort(problem)
    return output


def on_post_build(config) -> None:
    if _build:
        _build.finish(config)
    log.info("%s", adapter.summary(config.theme["language"], _generated, _warnings, _started))


def on_build_error(error) -> None:
    if _build:
        _build.cancel()
