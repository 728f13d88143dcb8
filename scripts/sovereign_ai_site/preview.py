"""The preview under `mkdocs serve`, and only it: what the adapter adds there, where ``scripts/benchmark.py
--preview-only`` (a CSV edit to the reloaded page) shows it matters. Under `mkdocs build` none of it acts
(``on_startup``, ``on_serve`` and ``on_env`` are MkDocs hooks of ``scripts/mkdocs_hooks.py`` as they are).

- The pages go without the Content-Security-Policy (``config.extra.preview``, read by the theme):
  MkDocs' live-reload script is inline, and the policy would block it.
- A data problem does not stop the preview: every page it had shows the problems until they are fixed.
- MkDocs looks for edits twice a second; the preview looks ten times.
- Material's templates are compiled once per process rather than at every rebuild.
- The English builds run in one process kept for the session (``KeptProcess``), so that they too keep
  what they read and rendered between rebuilds.
- A page that comes out of a rebuild as it was keeps its search entries: Material's search plugin would
  read its HTML again, tag by tag.
"""

from __future__ import annotations

import multiprocessing
import os
import sys

import jinja2
from watchdog.observers.polling import PollingObserver

from sovereign_ai_site.background import FORKS, build_english, die_with
from sovereign_ai_site.errors import DataError
from sovereign_ai_site.site import problem_pages

serving = False  # set once, at start-up: the English builds forked from this process read it as it was


def on_startup(command: str, dirty: bool) -> None:
    global serving
    serving = command == "serve"


def on_config(config):
    if serving:
        config.extra["preview"] = True  # the theme leaves out the Content-Security-Policy
    return config


def problems(error: DataError, generated: dict[str, str | bytes], lang: str, in_terminal: bool) -> None:
    """Every page of ``generated`` now says what is wrong with the data, and, ``in_terminal`` (once for
    both languages), the terminal lists it (outside MkDocs' log, whose strict mode would stop the
    rebuild); the next good edit builds them again."""
    if in_terminal:
        print(error.report(), file=sys.stderr)
    generated.update(problem_pages(error, list(generated), lang))


def on_serve(server, config, builder):
    """Look for edits ten times a second rather than MkDocs' twice: its wait was up to half a second of the
    time from saving a CSV to seeing it. MkDocs has by now watched the docs folder and mkdocs.yml; they move
    to the quicker watcher (the `watch:` folders join it next). With --watch-theme there is more to move,
    and MkDocs' watcher is left as it is."""
    watched = [config.docs_dir, config.config_file_path]
    if len(server.observer.emitters) != len(watched):
        return server
    for path in watched:
        server.unwatch(path)
    server.observer = PollingObserver(timeout=0.1)
    for path in watched:
        server.watch(path)
    return server


class _CompiledTemplates(jinja2.BytecodeCache):
    """MkDocs makes a new Jinja environment for each build, so every rebuild compiled Material's fifty-odd
    templates again. Jinja checks each entry against the template's source: an edited one is compiled afresh."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_compiled_templates = _CompiledTemplates()


class KeptProcess:
    """The preview's English builds: one process, forked at the first rebuild and kept for the session,
    which builds each time it is asked and answers whether it succeeded. It keeps what the build keeps
    between rebuilds (the packages read, the database's definitions, the search entries), which a fork
    per rebuild would lose; it starts with the Korean build and reads the changed data itself."""

    _current: KeptProcess | None = None

    def __init__(self) -> None:
        self._connection, theirs = multiprocessing.get_context("fork").Pipe()
        self._process = multiprocessing.get_context("fork").Process(target=_build_when_asked, args=(theirs, os.getpid()), daemon=True)
        self._process.start()
        theirs.close()
        self.building = False

    @classmethod
    def ready(cls) -> KeptProcess | None:
        """Under `mkdocs serve` where the platform forks, the kept process, or a new one where there is none
        or it died; else None."""
        if not (serving and FORKS):
            return None
        if cls._current is None or not cls._current._process.is_alive():
            cls._current = cls()
        return cls._current

    def build(self, request: tuple[str, bool, str]) -> None:
        """Ask for ``background.build_english(*request)``."""
        self._connection.send(request)
        self.building = True

    def result(self) -> bool:
        try:
            return self._connection.recv()
        except EOFError:  # it died: the next rebuild starts a new one
            return False
        finally:
            self.building = False

    def stop(self) -> None:
        self._process.terminate()
        self._process.join()
        self.building = False


def _build_when_asked(connection, parent: int) -> None:
    die_with(parent)
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        connection.send(build_english(*request))


class _SearchEntries:
    """The search entries of the last rebuild's pages. Material's search plugin reads each page's HTML with
    Python's HTML parser, about 0.3 s a language at every rebuild, and after an edit most pages come out
    as they were. An entry is kept on everything the plugin reads of a page: its address, title, HTML,
    table of contents and front matter; only what the last rebuild used is kept."""

    def __init__(self) -> None:
        self._kept: dict[tuple, list[dict]] = {}

    def keep(self, config) -> None:
        """Let this build's search index take a page's entries from the last rebuild where it can."""
        index = getattr(config.plugins.get("material/search"), "search_index", None)
        if index is None:
            return
        add, last, self._kept = index.add_entry_from_context, self._kept, {}

        def add_entry(page) -> None:
            key = (page.url, page.title, page.content, str(page.toc), repr(page.meta))
            if key in last:
                index.entries.extend(last[key])
            else:
                start = len(index.entries)
                add(page)
                last[key] = index.entries[start:]
            self._kept[key] = last[key]

        index.add_entry_from_context = add_entry


_search_entries = _SearchEntries()


def on_env(env, config, files):
    if serving:
        env.bytecode_cache = _compiled_templates
        _search_entries.keep(config)
    return env
