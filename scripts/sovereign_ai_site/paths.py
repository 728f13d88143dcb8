"""Every path the pipeline reads, in one place."""

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_DIR / "data"
SEEDS_DIR = PROJECT_DIR / "seeds"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
