"""Build pipeline of the Sovereign AI Foundation Model Tracker.

Data flows one way: seeds/ → data/ → validated tables → figures and pages → site.
The package runs without MkDocs; ``scripts/mkdocs_hooks.py`` is only an adapter.
"""

from sovereign_ai_site.errors import DataError, Problem
from sovereign_ai_site.packages import Catalog, load_catalog
from sovereign_ai_site.site import build_site

__all__ = ["Catalog", "DataError", "Problem", "build_site", "load_catalog"]
