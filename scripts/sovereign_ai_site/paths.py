"""Every path the pipeline reads, in one place, and the rule that keeps reads inside the project."""

import hashlib
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_DIR / "data"
SEEDS_DIR = PROJECT_DIR / "seeds"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
STRINGS_FILE = Path(__file__).resolve().parent / "strings.yml"  # every interface string, in both languages
INPUTS = ("data", "seeds", "site_src", "CITATION.cff", "editorial.yml")  # what the build reads, relative to the project


def leaves(path: Path, root: Path) -> bool:
    """True where ``path``, followed through every symlink, ends outside ``root`` or at something other
    than a plain file or folder (a device, a pipe, a dangling or looping link): the build never reads it."""
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return True
    return not resolved.is_relative_to(root.resolve()) or not (resolved.is_file() or resolved.is_dir())


def outside(root: Path, names: tuple[str, ...] = INPUTS) -> list[Path]:
    """Every path at or under ``root/<name>`` that ``leaves`` the project, so that the build refuses it
    before reading anything. (Path.rglob does not descend into linked folders; a linked folder is itself checked.)"""
    found = []
    for name in names:
        base = root / name
        if not (base.exists() or base.is_symlink()):
            continue
        if leaves(base, root):
            found.append(base)
        elif base.is_dir():
            found += [p for p in sorted(base.rglob("*")) if leaves(p, root)]
    return found


def fingerprint(*paths: Path) -> tuple:
    """Name and content digest of every file at or under ``paths``: what a cache of their contents
    is keyed on. Digests, not modification times, which can repeat within a clock tick. A symlink counts
    by its target's name, never by reading it (it may lead to a device or outside the project)."""
    files = (f for path in paths for f in ([path] if path.is_file() or path.is_symlink() else sorted(path.rglob("*"))))
    return tuple(
        (f.as_posix(), ("link", str(f.readlink())) if f.is_symlink() else hashlib.blake2b(f.read_bytes(), digest_size=16).digest())
        for f in files
        if f.is_symlink() or f.is_file()
    )
