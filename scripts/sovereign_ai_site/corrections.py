"""Where a reader sends a correction: the repository's issue form (.github/ISSUE_TEMPLATE/correction.yml).

The repository's address is ``repo_url`` in mkdocs.yml (``$REPO_URL``; ``site.build_site(..., repo_url)``).
On GitHub the form opens with the page filled in (an issue form takes its fields' values from the query);
elsewhere the link is the repository's. Without a known address the page says so rather than link nowhere.
The theme's footer and the About page (overrides/partials/corrections.html) link to the same form.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from markupsafe import Markup

from sovereign_ai_site import markup
from sovereign_ai_site.feeds import site_root
from sovereign_ai_site.i18n import t

FORM = "correction.yml"


def form_url(repository: str, **fields: str) -> str:
    """The correction form of ``repository``, with ``fields`` filled in where the host allows it."""
    repository = repository.rstrip("/")
    if not repository.startswith("https://github.com/"):
        return repository
    return f"{repository}/issues/new?" + urlencode({"template": FORM, **fields}, quote_via=quote)


def report_problem(repository: str | None, site_url: str | None, page: str, title: str) -> Markup:
    """The paragraph "report a problem with this table" of a data page: a link to the form with the page's
    address and the table's title filled in, or a sentence saying there is no repository to report to."""
    if not repository:
        return Markup('<p class="report-problem">{}</p>').format(t("corrections.no_repository"))
    address = site_root(site_url or "/") + markup.page_url(page)  # the path alone where the address is not known
    href = form_url(repository, title=t("corrections.issue_title", title=title), page=address)
    return Markup('<p class="report-problem">{}</p>').format(markup.link(t("corrections.report"), href))
