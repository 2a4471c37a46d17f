"""Valid HTML where Material's base.html is not (the Nu HTML Checker): its
two toggle checkboxes lose autocomplete="off" (werkplaats.theme.material_guard),
and docs/assets/toggles.js does what the attribute was for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from werkplaats.theme.material_guard import InternalsChanged, strip_toggle_autocomplete

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _strip(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered as a theme template, not as a page; sitemaps have no toggles.
    return _strip(output_content, template_name) if template_name == "404.html" else output_content


def _strip(html: str, where: str) -> str:
    try:
        return strip_toggle_autocomplete(html)
    except InternalsChanged as error:
        raise PluginError(f"{where}: {error}") from error
