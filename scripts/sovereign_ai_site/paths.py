"""Every path the pipeline reads, in one place."""

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_DIR / "data"
SEEDS_DIR = PROJECT_DIR / "seeds"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


def fingerprint(*paths: Path) -> tuple:
    """Name, modification time and size of every file at or under ``paths``: what a cache of
    their contents is keyed on, so that an edit (or a new or deleted file) is never missed."""
    files = (f for path in paths for f in ([path] if path.is_file() else sorted(path.rglob("*"))) if f.is_file())
    return tuple((f.as_posix(), (status := f.stat()).st_mtime_ns, status.st_size) for f in files)
