"""Every generated page, declared in one registry: which packages it needs and what builds it.

A page builder takes the ``Context`` and returns ``{site path: content}``; its language is the one
being spoken (``i18n.speaking``), never a parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from sovereign_ai_site.cite import Citations
from sovereign_ai_site.cite import as_of as data_as_of
from sovereign_ai_site.page_meta import described_page
from sovereign_ai_site.render import format_date

if TYPE_CHECKING:
    from sovereign_ai_site.packages import Catalog
    from sovereign_ai_site.seeds import Seed
    from sovereign_ai_site.site import Inputs


@dataclass(frozen=True)
class Context:
    """What every page is built from, for the language being spoken."""

    inputs: Inputs
    cite: Citations
    site_url: str | None = None  # the (Korean) site's address, where the build is given one: the feeds exist then

    @property
    def catalog(self) -> Catalog:
        return self.inputs.catalog

    @property
    def seeds(self) -> list[Seed]:
        return self.inputs.seeds

    @property
    def editorial(self) -> Mapping:
        return self.inputs.editorial

    @cached_property
    def as_of(self) -> str:
        """The data's date, as the page's language writes it."""
        return format_date(data_as_of(self.catalog))


@dataclass(frozen=True)
class Section:
    name: str
    requires: frozenset[str]  # the packages without which the section has no pages
    build: Callable[[Context], Mapping[str, str | bytes]]
    lists_sources: bool = True  # its pages end with the sources they cite
    share_image: str = ""  # the share image of its pages (share_images.PICTOGRAMS); its name where empty


def sections() -> tuple[Section, ...]:
    """The registry, in the order the sections are built (imported here: the page modules import this one)."""
    from sovereign_ai_site.catalog_pages import catalog_pages
    from sovereign_ai_site.funding_pages import funding_pages
    from sovereign_ai_site.home_page import home_page
    from sovereign_ai_site.models_pages import models_pages
    from sovereign_ai_site.programme_pages import programme_pages
    from sovereign_ai_site.strategy_pages import strategy_pages
    from sovereign_ai_site.teams_pages import teams_pages
    from sovereign_ai_site.topic_pages import claims_pages, sources_pages

    return (
        Section("data", frozenset(), catalog_pages, lists_sources=False),
        Section("sources", frozenset({"sources"}), sources_pages, lists_sources=False),
        Section("claims", frozenset({"sources"}), claims_pages, share_image="sources"),
        Section("teams", frozenset({"teams", "program"}), teams_pages),
        Section("models", frozenset({"models", "teams"}), models_pages),
        Section("programme", frozenset({"program", "timeline", "evaluations", "teams"}), programme_pages),
        Section("funding", frozenset({"funding", "teams"}), funding_pages),
        Section("strategy", frozenset({"strategy"}), strategy_pages),
        Section("home", frozenset({"program", "teams", "timeline", "sources"}), home_page),
    )


def build_pages(inputs: Inputs, site_url: str | None = None) -> dict[str, str | bytes]:
    """Every section whose packages are there, in the language being spoken; each page carries its
    description and share image as front matter (``page_meta``)."""
    context = Context(inputs, Citations(inputs.catalog), site_url)
    files: dict[str, str | bytes] = {}
    for section in sections():
        if section.requires <= inputs.catalog.packages.keys():
            for path, content in section.build(context).items():
                listed = section.lists_sources and path.endswith(".md")
                content = context.cite.with_page_sources(content, path) if listed else content
                files[path] = described_page(content, path, section.share_image or section.name) if path.endswith(".md") else content
    return files
