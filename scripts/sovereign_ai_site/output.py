"""Writing the site: only inside its output folder, and all at once.

A build writes into a new folder beside the target and then swaps it in with one rename, so the
target is always the whole old site or the whole new one, whatever stops the build (an error, a kill,
a power cut). Builds of the same target take turns (``turn``); a build's leftovers are removed by the next.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import logging
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from sovereign_ai_site.errors import DataError, Problem, excerpt
from sovereign_ai_site.markup import page_url

log = logging.getLogger("mkdocs.hooks.sovereign_ai_site")
BUILDING_PREFIX = ".building-"
_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def check_paths(files: Mapping[str, object]) -> None:
    """Every path is relative, inside the output and made of plain names, and no two pages share an
    address (``teams/x.md`` and ``teams/x/index.md`` are both ``teams/x/``).

    Raises:
        DataError: naming the path, before anything is written.
    """
    problems, addresses = [], {}
    for path in files:
        if not all(_SEGMENT.fullmatch(part) for part in path.split("/")):
            problems.append(Problem(excerpt(path), None, None, "a generated path must stay inside the site and use plain names"))
        elif path.endswith(".md"):
            other = addresses.setdefault(page_url(path), path)
            if other != path:
                problems.append(Problem(path, None, None, f"has the same address as {other}: an ID takes a name the site already uses"))
    if problems:
        raise DataError(problems)


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> None:
    """Make ``root`` hold exactly ``files``, swapped in whole (see ``swap_in``)."""
    check_paths(files)
    with turn(root):
        staging = new_staging(root)
        try:
            for path, content in files.items():
                target = staging / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
            swap_in(staging, root)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


class Staged:
    """A build of ``site_dir`` under way: it holds its turn at ``site_dir`` and writes into ``staging``, a new
    folder beside it, which ``finish`` swaps in; ``release`` removes the folder (the new site after an error,
    the old one after the swap) and lets the next build of ``site_dir`` take its turn."""

    def __init__(self, site_dir: str | Path) -> None:
        self.site_dir = Path(site_dir)
        self._turn = contextlib.ExitStack()
        self._turn.enter_context(turn(self.site_dir))
        self.staging = new_staging(self.site_dir)

    def finish(self) -> None:
        swap_in(self.staging, self.site_dir)

    def release(self) -> None:
        with self._turn:
            shutil.rmtree(self.staging, ignore_errors=True)


@contextlib.contextmanager
def turn(target: Path) -> Iterator[None]:
    """Hold the lock on ``target``'s folder for one build, and clear what killed builds left there.

    A second build of the same target waits for the first. The lock is the kernel's (flock) on the
    parent folder, so it is released whenever the process ends, however it ends."""
    parent = Path(target).resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.info("Another build is writing %s; waiting for it to finish", target)  # not a warning: strict mode would fail the build
            fcntl.flock(fd, fcntl.LOCK_EX)
        for stale in parent.glob(BUILDING_PREFIX + "*"):
            shutil.rmtree(stale, ignore_errors=True)
        yield
    finally:
        os.close(fd)


def new_staging(target: Path) -> Path:
    """An empty folder beside ``target``, with the permissions of a folder made there (not mkdtemp's 0700)."""
    target = Path(target).resolve()
    staging = Path(tempfile.mkdtemp(prefix=BUILDING_PREFIX, dir=target.parent))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(staging, 0o777 & ~umask)
    return staging


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def swap_in(staging: Path, target: Path) -> None:
    """Put ``staging`` in the place of ``target`` in one step; the old site ends up in ``staging``.

    On Linux both names are exchanged by one renameat2(RENAME_EXCHANGE) call: there is no moment
    without a whole site. Elsewhere the old site is moved aside and the new one moved in, two renames."""
    staging, target = Path(staging), Path(target)
    if target.is_symlink() or (target.exists() and not stat.S_ISDIR(target.stat().st_mode)):
        raise OSError(f"{target} is not a folder")
    if not target.exists():
        os.rename(staging, target)
        staging.mkdir()
        return
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.renameat2(_AT_FDCWD, os.fsencode(staging), _AT_FDCWD, os.fsencode(target), _RENAME_EXCHANGE) == 0:
            return
    aside = Path(tempfile.mkdtemp(prefix=BUILDING_PREFIX, dir=target.parent))
    os.rename(target, aside / "old")
    os.rename(staging, target)
    os.rename(aside / "old", staging)
    aside.rmdir()
