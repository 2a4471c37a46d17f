"""Content-Security-Policy and referrer policy on every page; rel="noopener"
on external links in the text (werkplaats.theme.security)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from werkplaats.theme import security
from werkplaats.theme.material_guard import InternalsChanged

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return security.external_links(html, config.site_url or "")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _harden(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered as a theme template, not as a page.
    return _harden(output_content, template_name) if template_name.endswith(".html") else output_content


def _harden(html: str, where: str) -> str:
    try:
        return security.harden(html)
    except InternalsChanged as error:
        raise PluginError(f"{where}: {error}") from error
