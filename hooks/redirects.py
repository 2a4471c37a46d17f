"""Redirect pages at the old addresses (`aliases`) of published entries.

The pages are written after the build, beside what MkDocs wrote, so they
are in neither the sitemap nor the search index. What to write comes from
werkplaats.content.aliases; how it looks from overrides/redirect.html.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from werkplaats.content import aliases
from werkplaats.site import build as site
from werkplaats.theme.security import harden

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_post_build(config: MkDocsConfig) -> None:
    state = site.current()
    template = config.theme.get_env().get_template(aliases.TEMPLATE)
    for redirect in aliases.redirects(state.shown, state.urls):
        path = Path(config.site_dir) / redirect.dest
        if path.exists():  # the model rules this out; never overwrite a page
            raise PluginError(f"{redirect.rel}: aliases: op {redirect.old} staat al een pagina van de site")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(harden(template.render(redirect=redirect.context(config.site_url or ""))), encoding="utf-8")
