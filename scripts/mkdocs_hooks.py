"""MkDocs adapter: run the pipeline on every build and serve its output from memory.

Nothing is written into ``docs_dir``. MkDocs writes both languages into a new folder beside
``site_dir``, which replaces it in one step when both are done (``output.swap_in``): a data problem,
an error in either language or a killed build leaves the last good site as it was. The pipeline runs
in ``on_pre_build``, so a data problem stops the build with the pipeline's own report (no traceback).
The Korean site is built at the root; the same configuration builds the English site
into ``en/``, in a forked process beside it (``background``). Generated tables are set
aside while Python-Markdown runs (``markup.set_aside_tables``).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import re
import shutil
import sys
import threading
import time
from pathlib import Path
from typing import NamedTuple

from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from sovereign_ai_site import csp
from sovereign_ai_site.background import BuildBeside
from sovereign_ai_site.csp import InlineScriptError, with_csp
from sovereign_ai_site.errors import DataError
from sovereign_ai_site.i18n import DEFAULT_LANGUAGE, hand_written_page, speaking, t
from sovereign_ai_site.markup import put_back_tables, set_aside_tables
from sovereign_ai_site.output import new_staging, swap_in, turn
from sovereign_ai_site.site import build_site, load_unless_unchanged, problem_pages
from sovereign_ai_site.staleness import stale_rows
from sovereign_ai_site.theme_cache import compiled_templates
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.hooks.sovereign_ai_site")
_generated: dict[str, str | bytes] = {}
_english: BuildBeside | None = None
_tables_set_aside: list[str] = []  # of the page being rendered (MkDocs renders one at a time)
_serving = False


class _Writing(NamedTuple):
    """A build under way: the site_dir it replaces, the folder it writes instead, and its turn at site_dir."""

    site_dir: str
    staging: str
    turn: contextlib.ExitStack


_site: _Writing | None = None
_started = 0.0  # when this language's build began
_warnings: list = []  # this build's data warnings (planned rows whose date has passed)
COLLECT_AFTER_S = 1.0  # after a preview rebuild: by then the page has reloaded


def on_startup(command: str, dirty: bool) -> None:
    """The preview under `mkdocs serve` goes without the Content-Security-Policy, which would block live reload."""
    global _serving
    _serving = command == "serve"
    csp.enforced = not _serving


def on_config(config):
    """Write the whole site into a new folder beside ``site_dir`` (after waiting for any other build of
    it), to be swapped in when both languages are done. The preview writes in place: it serves a folder
    of its own."""
    global _site
    _site = None  # the English build, forked from the Korean one, writes where that one tells it
    if _serving or _language(config) != DEFAULT_LANGUAGE:
        return config
    held = contextlib.ExitStack()
    held.enter_context(turn(Path(config.site_dir)))
    staging = str(new_staging(Path(config.site_dir)))
    _site = _Writing(config.site_dir, staging, held)
    config["site_dir"] = staging
    return config


def on_serve(server, config, builder):
    """Look for edits ten times a second rather than MkDocs' twice: under `mkdocs serve` its wait
    was up to half a second of the time from saving a CSV to seeing it. MkDocs has by now watched the docs
    folder and mkdocs.yml; they move to the quicker watcher (the `watch:` folders join it next).
    With --watch-theme there is more to move, and MkDocs' watcher is left as it is."""
    watched = [config.docs_dir, config.config_file_path]
    if len(server.observer.emitters) != len(watched):
        return server
    for path in watched:
        server.unwatch(path)
    server.observer = PollingObserver(timeout=0.1)
    for path in watched:
        server.watch(path)
    return server


def on_pre_build(config) -> None:
    global _english, _started, _warnings
    _started, lang = time.monotonic(), _language(config)
    try:
        inputs = load_unless_unchanged(Path(config.config_file_path).resolve().parent)
    except DataError as error:
        if not (_serving and _generated):
            raise Abort(error.report()) from None
        # The preview keeps serving: every page it had shows the problems until they are fixed (and the
        # terminal lists them, outside MkDocs' log, whose strict mode would stop the rebuild).
        print(error.report(), file=sys.stderr)
        _english = None
        _generated.update(problem_pages(error, list(_generated), lang))
        return
    _warnings = stale_rows(inputs.catalog, inputs.as_of)
    log.info("%s: data read and checked in %.1f s", lang, time.monotonic() - _started)
    for warning in _warnings if lang == DEFAULT_LANGUAGE else []:  # in full, once
        log.info("data warning: %s", warning)
    _english = None  # a build of English, forked from the Korean one, has no English build to wait for
    if _language(config) == DEFAULT_LANGUAGE:
        english, site_dir = _english_config(config), config.site_dir
        _english = BuildBeside("the English site's build", english, os.path.join(site_dir, "en"), beside=_site.site_dir if _site else site_dir)
    _generated.clear()
    _generated.update(build_site(inputs, _language(config), _korean_site_url(config), config.repo_url))


def on_files(files: Files, config) -> Files:
    lang = _language(config)
    kept = []
    for file in files:
        target = hand_written_page(file.src_uri, lang) if file.src_uri.endswith(".md") else file.src_uri
        if target == file.src_uri:
            kept.append(file)
        elif target is not None:  # a translation takes the place of the Korean page
            kept.append(File.generated(config, target, abs_src_path=file.abs_src_path))
    kept += [File.generated(config, path, content=content) for path, content in _generated.items()]
    # The order MkDocs gives files read from disk, so that the sitemap and search index
    # match a build of `sovereign_ai_site build --out` output byte for byte.
    return Files(sorted(kept, key=_walk_order))


def on_page_markdown(markdown: str, page, config, files) -> str:
    global _tables_set_aside
    markdown, _tables_set_aside = set_aside_tables(markdown)
    return markdown


def on_page_content(html: str, page, config, files) -> str:
    return put_back_tables(html, _tables_set_aside)


def on_env(env, config, files):
    env.bytecode_cache = compiled_templates
    return env


def on_post_page(output: str, page, config) -> str:
    lang = _language(config)
    output = _head_alternates(_same_page_in_other_language(output, page.url, lang), page.url, _korean_site_url(config), lang)
    return _with_csp(_named_search_dialog(output, lang), page.file.src_uri)


def on_post_template(output: str, template_name: str, config) -> str:
    if template_name == "404.html":
        output = _without_head_alternates(output)
    return _with_csp(_named_search_dialog(output, _language(config)), template_name) if template_name.endswith(".html") else output


def on_post_build(config) -> None:
    global _site
    site, _site = _site, None  # an English build run in this process (no fork) resets _site
    try:
        if _english is not None:
            _english.finish()
        if site is not None:
            swap_in(Path(site.staging), Path(site.site_dir))  # the old site is now in site.staging, removed below
            config["site_dir"] = site.site_dir
    finally:
        _release(site)
    log.info("%s", _summary(config))
    if _serving and _language(config) == DEFAULT_LANGUAGE:
        _collect_garbage_after_reload()


def _summary(config) -> str:
    """One line per language at the end of the build: what it made and how long it took."""
    pages = [content for path, content in _generated.items() if path.endswith(".md")]
    tables = sum(content.count("<table") for content in pages)
    charts = sum(content.count("data-chart=") for content in pages)
    seconds = time.monotonic() - _started
    return f"{_language(config)}: {len(pages)} generated pages, {tables} tables, {charts} charts, {len(_warnings)} data warnings, {seconds:.1f} s"


class _Quieter(logging.Filter):
    """MkDocs' lines that say nothing to a maintainer here: the folder each language is written to first
    (not site/), its cleaning, the empty sitemap template (the pipeline writes the sitemaps) and, for
    the English build, its own timing (the summary lines give both)."""

    NOISE = ("Cleaning site directory", "Building documentation to directory", "Template skipped: 'sitemap.xml'", "Documentation built in")

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(self.NOISE)


logging.getLogger("mkdocs.commands.build").addFilter(_Quieter())


def on_build_error(error) -> None:
    global _site
    site, _site = _site, None
    if _english is not None:
        _english.cancel()
    _release(site)


def _release(site: _Writing | None) -> None:
    """Remove the folder written instead of site_dir (the new site on an error, the old one after the
    swap) and let the next build of site_dir take its turn."""
    if site is not None:
        with site.turn:
            shutil.rmtree(site.staging, ignore_errors=True)


def _with_csp(html: str, page: str) -> str:
    try:
        return with_csp(html, page)
    except InlineScriptError as error:
        raise Abort(str(error)) from None


def _collect_garbage_after_reload() -> None:
    """Python's full garbage collection, run while the preview waits for the next edit.

    Each rebuild leaves enough new long-lived objects that the collector otherwise ran a full
    collection early in the next rebuild, before the English build is forked: 80 ms of every edit."""
    timer = threading.Timer(COLLECT_AFTER_S, gc.collect)
    timer.daemon = True
    timer.start()


def _english_config(config):
    english = load_config(config.config_file_path, strict=config.strict)
    translation = english.extra["translations"]["en"]
    english.theme["language"] = "en"
    english["site_name"] = translation["site_name"]
    english["site_description"] = translation["site_description"]
    english["site_url"] = (english.site_url or "") and english.site_url + "en/"
    english["nav"] = _translate_nav(english.nav, translation["nav"])
    english.extra["alternate"] = [{**alt, "link": "./" if alt["lang"] == "en" else "../"} for alt in english.extra["alternate"]]
    english.plugins["material/search"].config.lang = ["en"]
    return english


def _korean_site_url(config) -> str:
    lang, url = _language(config), config.site_url or ""
    return url.removesuffix("en/") if lang == "en" else url


def _language(config) -> str:
    return config.theme["language"]


def _translate_nav(nav: list, titles: dict[str, str]) -> list:
    """The nav with English titles; a section takes the title of its first page (its index)."""
    def english(item):
        if isinstance(item, str):
            return item
        [(_, target)] = item.items()
        if isinstance(target, list):
            return {titles[_first_page(target)]: _translate_nav(target, titles)}
        return {titles[target]: target}

    return [english(item) for item in nav]


def _first_page(section: list) -> str:
    first = section[0] if isinstance(section[0], str) else next(iter(section[0].values()))
    return first if isinstance(first, str) else _first_page(first)


# The language selector's links, and the <link rel="alternate" hreflang> tags in <head>.
_ALTERNATE = re.compile(r'<a href="[^"]*" hreflang="(?P<lang>ko|en)" class="md-select__link">')
_HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="(?P<lang>ko|en)">')


def _head_alternates(html: str, url: str, site_url: str, lang: str) -> str:
    """Point the head's hreflang links at this page in each language, by absolute address: search
    engines ignore relative ones, and Material's point at each language's home."""
    root = site_url
    if not root:
        return html
    return _HEAD_ALTERNATE.sub(
        lambda m: f'<link rel="alternate" href="{root}{"en/" if m["lang"] == "en" else ""}{url}" hreflang="{m["lang"]}">', html
    )


def _without_head_alternates(html: str) -> str:
    """The "not found" page has no counterpart in the other language to name (it answers for any missing
    address), and Material's links there are relative, which search engines and Lighthouse reject."""
    return re.sub(r'\n *' + _HEAD_ALTERNATE.pattern, "", html)


def _same_page_in_other_language(html: str, url: str, lang: str) -> str:
    """Point the language selector at this page in the other language, not at its home."""
    up = "../" * url.count("/")

    def href(match: re.Match) -> str:
        target = match["lang"]
        if target == lang:
            path = "./" if not url else up + url
        elif target == "en":
            path = up + "en/" + url
        else:
            path = "../" + up + url
        return f'<a href="{path}" hreflang="{target}" class="md-select__link">'

    return _ALTERNATE.sub(href, html)


_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def _named_search_dialog(html: str, lang: str) -> str:
    """Give Material's search dialog an accessible name (screen readers announce it)."""
    if _SEARCH_DIALOG not in html:
        raise RuntimeError("Material's search dialog markup changed: update _SEARCH_DIALOG in mkdocs_hooks.py")
    with speaking(lang):
        label = t("theme.search_label")
    return html.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{label}">', 1)


def _walk_order(file: File) -> tuple:
    *folders, name = file.src_uri.split("/")
    return folders, not name.startswith("index."), name
