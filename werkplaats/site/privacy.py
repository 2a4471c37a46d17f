"""The privacy statement (docs/privacy.md, `view: privacy`), rendered from
what the site does, so that every sentence follows from a setting or a
check:

- who is responsible and how to reach them: extra.organisatie (mkdocs.yml);
- the newsletter and social paragraphs: the same settings that show their
  links (footer, home, contact page); not set, not mentioned;
- what the site stores in the browser: werkplaats.site.browser_storage, one
  list for the visitors' pages (checked in Chromium by tests/test_browser.py)
  and one for the editors' /admin/ (tests/test_cms_e2e.py); no request to
  another host (tests/test_browser.py, tests/test_site.py);
- the only form: SEARCH_FORM below, the search box of
  overrides/partials/zoeken.html; tests/test_privacy.py checks every form
  of a built site (outside /admin/) against it;
- the hosting: HOSTING below. The site is published by
  .github/workflows/deploy.yml with GitHub's Pages actions and
  werkplaats.core.publish writes GitHub Pages' files; tests/test_privacy.py
  checks that the workflow still deploys there.

The text is Markdown (page_templates/privacy.md), so the site and the
export (werkplaats.site.export) show the same statement.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .browser_storage import EDITORS, STORED, Stored
from .markdown_pages import render

# Facts about GitHub Pages as GitHub states them (read 2026; check them when
# GitHub changes its texts):
# - "About GitHub Pages", section "Data collection": when a Pages site is
#   visited, the visitor's IP address is logged and stored for security
#   purposes, whether or not the visitor is signed in to GitHub. No
#   retention period is given.
# - GitHub General Privacy Statement, "Lawful Bases": legitimate interests,
#   "such as securing our Services"; "International data transfers":
#   Personal Data is stored and processed in the United States among other
#   places, transfers from the EU rely on the European Commission's
#   standard contractual clauses (Implementing Decision 2021/914); "Data
#   Privacy Framework": GitHub is certified under the EU-U.S. DPF.
HOSTING = {
    "name": "GitHub Pages",
    "company": "GitHub, Inc.",
    "country": "de Verenigde Staten",
    # The workflow step that publishes there (tests/test_privacy.py).
    "deploy_action": "actions/deploy-pages",
    "pages_docs": "https://docs.github.com/en/pages/getting-started-with-github-pages/what-is-github-pages#data-collection",
    "privacy_statement": "https://docs.github.com/en/site-policy/privacy-policies/github-general-privacy-statement",
}

# The only form on the visitors' pages (overrides/partials/zoeken.html): it
# asks the search page for results, nothing is sent to us. Its fields, by
# name, as the privacy page names them.
SEARCH_FORM = {
    "action": "zoeken/",
    "method": "get",
    "fields": {"q": "een zoekvak", "soort": "een keuzelijst voor de soort", "jaar": "een keuzelijst voor het jaar"},
}

SUPERVISOR = {"name": "Autoriteit Persoonsgegevens", "url": "https://www.autoriteitpersoonsgegevens.nl/"}


def newsletter(address: str) -> dict | None:
    """How to sign up, from extra.organisatie.nieuwsbrief ("" = no newsletter)."""
    if not address:
        return None
    if address.startswith("mailto:"):
        return {"url": address, "mail": address.removeprefix("mailto:").split("?")[0], "host": ""}
    return {"url": address, "mail": "", "host": urlsplit(address).hostname}


def enumeration(items: list[str]) -> str:
    """'a, b en c'."""
    return " en ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)


def context(organisation: dict, stored: tuple[Stored, ...] = STORED, editors: tuple[Stored, ...] = EDITORS) -> dict:
    return {
        "org": organisation,
        "newsletter": newsletter(organisation.get("nieuwsbrief") or ""),
        "social": list(organisation.get("sociaal") or []),
        "hosting": HOSTING,
        "supervisor": SUPERVISOR,
        "stored": list(stored),
        "editors": list(editors),
        "search_form": enumeration(list(SEARCH_FORM["fields"].values())),
    }


def statement(
    organisation: dict, title: str = "Privacyverklaring", stored: tuple[Stored, ...] = STORED, editors: tuple[Stored, ...] = EDITORS
) -> str:
    """The privacy statement as Markdown, from the contact settings and the storage lists."""
    return render("privacy.md", title=title, **context(organisation, stored, editors))
