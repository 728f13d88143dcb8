"""Every path the pipeline reads, in one place."""

import hashlib
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_DIR / "data"
SEEDS_DIR = PROJECT_DIR / "seeds"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


def fingerprint(*paths: Path) -> tuple:
    """Name and content digest of every file at or under ``paths``: what a cache of their contents
    is keyed on. Digests, not modification times, which can repeat within a clock tick."""
    files = (f for path in paths for f in ([path] if path.is_file() else sorted(path.rglob("*"))) if f.is_file())
    return tuple((f.as_posix(), hashlib.blake2b(f.read_bytes(), digest_size=16).digest()) for f in files)
