"""Both languages' MkDocs builds (``BothLanguages``): the Korean site into a new folder beside ``site_dir``,
and the English one run beside it, in a forked process where the platform can fork (``BuildBeside``).

The English site is built this way while the Korean one is: on two cores a build, and a
preview's rebuild after an edit, takes about the time of one language rather than two. The
fork shares the validated data with the parent, so nothing is read or validated twice. It
starts before MkDocs cleans the first build's ``site_dir``, so it builds into a folder beside
it and is moved into place when both are done. The fork dies with its parent (a killed parent leaves
no build running), and what it leaves behind is a ``.building-*`` folder that the next build removes. It forks on Linux only: Windows cannot, and
macOS's system libraries are not safe to fork; there it runs when it is waited for.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import shutil
import signal
import sys

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.utils.yaml import yaml_load

from sovereign_ai_site.adapter import english_settings
from sovereign_ai_site.output import Staged, new_staging

log = logging.getLogger("mkdocs.hooks.sovereign_ai_site")
beside = False  # True in the build run beside the first (forked, or in turn): it writes where that one says


class BothLanguages:
    """One build of the Korean site and, beside it, the English one into ``en/``.

    Unless ``in_place`` (the preview, which serves a folder of its own), it holds its turn at ``site_dir``
    and writes into a new folder beside it (``output.Staged``) that replaces ``site_dir`` in ``finish``."""

    def __init__(self, config, in_place: bool) -> None:
        self.site = None if in_place else Staged(config.site_dir)
        self.site_dir = config.site_dir
        config["site_dir"] = str(self.site.staging) if self.site else config.site_dir
        self.english: BuildBeside | None = None

    def start_english(self, config) -> None:
        """Start the English site's build: the same mkdocs.yml with ``adapter.english_settings``."""
        with open(config.config_file_path, "rb") as file:
            english = load_config(config.config_file_path, strict=config.strict, **english_settings(yaml_load(file)))
        self.english = BuildBeside("the English site's build", english, os.path.join(config.site_dir, "en"), beside=self.site_dir)

    def finish(self, config) -> None:
        """Wait for the English site, swap the new site in and point ``config`` at ``site_dir`` again."""
        if self.english is not None:
            self.english.finish()
        if self.site is not None:
            self.site.finish()  # the old site is now in site.staging, removed by cancel
            config["site_dir"] = self.site_dir
        self.cancel()

    def cancel(self) -> None:
        """Stop the English build, remove the folder written instead of site_dir (the new site after an
        error, the old one after the swap) and let the next build of site_dir take its turn."""
        if self.english is not None:
            self.english.cancel()
        if self.site is not None:
            self.site.release()
            self.site = None


class BuildBeside:
    def __init__(self, name: str, config, site_dir: str, beside: str) -> None:
        """Start building ``config`` for ``site_dir``, into a new folder beside ``beside`` (which
        the first build cleans) that becomes ``config.site_dir``."""
        self.name, self._config, self._site_dir = name, config, site_dir
        config["site_dir"] = str(new_staging(beside))
        self._process = None
        if sys.platform == "linux":
            self._process = multiprocessing.get_context("fork").Process(target=_run, args=(config, os.getpid()), daemon=True)
            self._process.start()

    def finish(self) -> None:
        """Wait for the build and move it into place; raise Abort if it failed (it has logged why)."""
        try:
            if self._process is None:
                _build_beside(self._config)
            else:
                self._process.join()
                if self._process.exitcode != 0:
                    raise Abort(f"{self.name} failed: see the messages above")
            os.replace(self._config.site_dir, self._site_dir)
        finally:
            self.cancel()

    def cancel(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()
        shutil.rmtree(self._config.site_dir, ignore_errors=True)


_PR_SET_PDEATHSIG = 1


def _run(config, parent: int) -> None:
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # die with the parent
    if os.getppid() != parent:  # it died before that took effect
        sys.exit(1)
    try:
        _build_beside(config)
    except SystemExit as error:  # MkDocs' Abort, with the reason as its message
        if error.code:
            log.error("%s", error)
        sys.exit(1 if error.code else 0)
    except KeyboardInterrupt:  # Ctrl-C reaches both processes; the parent reports it
        sys.exit(1)


def _build_beside(config) -> None:
    global beside
    beside = True
    try:
        build(config)
    finally:
        beside = False
