"""Both languages' MkDocs builds (``BothLanguages``): the Korean site into a new folder beside ``site_dir``,
and the English one run beside it, in another process where the platform can fork (``BuildBeside``).

The English site is built this way while the Korean one is: on two cores a build, and a
preview's rebuild after an edit, takes about the time of one language rather than two. Under
`mkdocs build` the English build is a fork of this process made once the data is read, so nothing is
read or validated twice. Under `mkdocs serve` it runs in one process kept for the session
(``_KeptProcess``), which starts each rebuild at once, reads the changed data itself and keeps what the
build keeps between rebuilds (the packages, the database's definitions, ``preview``'s caches), as this
process does: a fork per rebuild would lose all of it. Either builds into a folder beside ``site_dir``
that is moved into place when both are done. It dies with its parent (a killed parent leaves
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
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.utils.yaml import yaml_load

from sovereign_ai_site.adapter import english_settings
from sovereign_ai_site.output import Staged, new_staging

log = logging.getLogger("mkdocs.hooks.sovereign_ai_site")
beside = False  # True in the build run beside the first (forked, or in turn): it writes where that one says
_FORKS = sys.platform == "linux"


class BothLanguages:
    """One build of the Korean site and, beside it, the English one into ``en/``.

    Unless ``in_place`` (the preview, which serves a folder of its own), it holds its turn at ``site_dir``
    and writes into a new folder beside it (``output.Staged``) that replaces ``site_dir`` in ``finish``.
    In the preview the English build starts here, before this one reads the data."""

    def __init__(self, config, in_place: bool) -> None:
        self.site = None if in_place else Staged(config.site_dir)
        self.site_dir = config.site_dir
        config["site_dir"] = str(self.site.staging) if self.site else config.site_dir
        self.english: BuildBeside | None = None
        if in_place:
            self.start_english(config)

    def start_english(self, config) -> None:
        """Start the English site's build: the same mkdocs.yml with ``adapter.english_settings``."""
        if self.english is None:
            kept = self.site is None
            self.english = BuildBeside("the English site's build", (config.config_file_path, config.strict), os.path.join(config.site_dir, "en"), beside=self.site_dir, kept=kept)

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
    def __init__(self, name: str, settings: tuple[str, bool], site_dir: str, beside: str, kept: bool = False) -> None:
        """Start building mkdocs.yml's English site (``settings``: its path, and strict or not) for
        ``site_dir``, into a new folder beside ``beside`` (which the first build cleans): in a fork of
        this process, or in the process kept for the preview (``kept``)."""
        self.name, self._site_dir = name, site_dir
        self._request = (*settings, str(new_staging(beside)))
        self._process = self._kept = None
        if kept and _FORKS:
            self._kept = _KeptProcess.ready()
            self._kept.build(self._request)
        elif _FORKS:
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
                built = _build_english(*self._request)
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


class _KeptProcess:
    """The preview's English builds: a process forked once, which builds each time it is asked and answers
    whether it succeeded."""

    _current: _KeptProcess | None = None

    def __init__(self) -> None:
        self._connection, theirs = multiprocessing.get_context("fork").Pipe()
        self._process = multiprocessing.get_context("fork").Process(target=_serve, args=(theirs, os.getpid()), daemon=True)
        self._process.start()
        theirs.close()
        self.building = False

    @classmethod
    def ready(cls) -> _KeptProcess:
        """The kept process, or a new one where there is none or it died."""
        if cls._current is None or not cls._current._process.is_alive():
            cls._current = cls()
        return cls._current

    def build(self, request: tuple[str, bool, str]) -> None:
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


_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before that took effect
        sys.exit(1)


def _run(request: tuple[str, bool, str], parent: int) -> None:
    _die_with(parent)
    sys.exit(0 if _build_english(*request) else 1)


def _serve(connection, parent: int) -> None:
    _die_with(parent)
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        connection.send(_build_english(*request))


def _build_english(config_file: str, strict: bool, site_dir: str) -> bool:
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
