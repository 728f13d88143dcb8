"""Both languages' MkDocs builds (``BothLanguages``): the Korean site into a new folder beside ``site_dir``,
and the English one run beside it, in another process where the platform can fork (``BuildBeside``).

The English site is built this way while the Korean one is: on two cores a build, and a
preview's rebuild after an edit, takes about the time of one language rather than two. Under
`mkdocs build` the English build is a fork of this process made once the data is read, so nothing is
read or validated twice; under `mkdocs serve` it runs in the process the preview keeps for the session
(``preview.KeptProcess``). Either builds into a folder beside ``site_dir`` that is moved into place when
both are done. It dies with its parent (a killed parent leaves
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
from typing import TYPE_CHECKING

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.utils.yaml import yaml_load

from sovereign_ai_site.adapter import english_settings
from sovereign_ai_site.output import Staged, new_staging

if TYPE_CHECKING:
    from sovereign_ai_site.preview import KeptProcess

log = logging.getLogger("mkdocs.hooks.sovereign_ai_site")
beside = False  # True in the build run beside the first (forked, or in turn): it writes where that one says
FORKS = sys.platform == "linux"


class BothLanguages:
    """One build of the Korean site and, beside it, the English one into ``en/``.

    Unless ``in_place`` (the preview, which serves a folder of its own), it holds its turn at ``site_dir``
    and writes into a new folder beside it (``output.Staged``) that replaces ``site_dir`` in ``finish``.
    Given the ``kept`` process, the English build starts in it here, before this one reads the data,
    which it reads itself."""

    def __init__(self, config, in_place: bool, kept: KeptProcess | None = None) -> None:
        self.site = None if in_place else Staged(config.site_dir)
        self.site_dir, self._kept = config.site_dir, kept
        config["site_dir"] = str(self.site.staging) if self.site else config.site_dir
        self.english: BuildBeside | None = None
        if kept is not None:
            self.start_english(config)

    def start_english(self, config) -> None:
        """Start the English site's build: the same mkdocs.yml with ``adapter.english_settings``."""
        if self.english is None:
            settings = (config.config_file_path, config.strict)
            self.english = BuildBeside("the English site's build", settings, os.path.join(config.site_dir, "en"), beside=self.site_dir, kept=self._kept)

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
    def __init__(self, name: str, settings: tuple[str, bool], site_dir: str, beside: str, kept: KeptProcess | None = None) -> None:
        """Start building mkdocs.yml's English site (``settings``: its path, and strict or not) for
        ``site_dir``, into a new folder beside ``beside`` (which the first build cleans): in the ``kept``
        process, or in a fork of this one."""
        self.name, self._site_dir, self._kept = name, site_dir, kept
        self._request = (*settings, str(new_staging(beside)))
        self._process = None
        if kept is not None:
            kept.build(self._request)
        elif FORKS:
            self._process = multiprocessing.get_context("fork").Process(target=_run, args=(self._request, os.getpid()), daemon=True)
            self._process.start()

    def finish(self) -> None:
        """Wait for the build and move it into place; raise Abort if it failed (it has logged why)."""
        try:
            if self._kept is not None:
                built = self._kept.result()
            elif self._process is not None:
                self._process.join()
                built = self._process.exitcode == 0
            else:
                built = build_english(*self._request)
            if not built:
                raise Abort(f"{self.name} failed: see the messages above")
            os.replace(self._request[2], self._site_dir)
        finally:
            self.cancel()

    def cancel(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()
        if self._kept is not None and self._kept.building:
            self._kept.stop()  # stopped halfway: the next rebuild starts a new one
        shutil.rmtree(self._request[2], ignore_errors=True)


_PR_SET_PDEATHSIG = 1


def die_with(parent: int) -> None:
    """Make this process, forked from ``parent``, die with it."""
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before that took effect
        sys.exit(1)


def _run(request: tuple[str, bool, str], parent: int) -> None:
    die_with(parent)
    sys.exit(0 if build_english(*request) else 1)


def build_english(config_file: str, strict: bool, site_dir: str) -> bool:
    """Build the English site of ``config_file`` into ``site_dir``; False where it failed (it has logged why)."""
    global beside
    try:
        with open(config_file, "rb") as file:
            config = load_config(config_file, strict=strict, **english_settings(yaml_load(file)))
        config["site_dir"] = site_dir
        beside = True
        build(config)
        return True
    except ConfigurationError as error:
        log.error("%s", error)
        return False
    except SystemExit as error:  # MkDocs' Abort, with the reason as its message
        if error.code:
            log.error("%s", error)
        return not error.code
    except KeyboardInterrupt:  # Ctrl-C reaches both processes; the parent reports it
        return False
    finally:
        beside = False
