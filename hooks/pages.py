"""Template data for every page, routed by its front-matter key `view`
(werkplaats.site.pages decides what each view shows and which template it uses;
this file only hands it the page and the build)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from werkplaats.site import accessibility, pages, quality_checks, views
from werkplaats.site import build as site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The template follows from the view, chosen before the page is rendered.
    view = page.meta.get("view")
    if view is not None:
        try:
            page.meta["template"] = pages.template_for(str(view))
        except pages.UnknownView as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from None
        # The privacy statement is rendered from the settings (werkplaats.site.privacy).
        markdown = pages.page_markdown(str(view), markdown, title=page.title or "", organisation=site.current().settings.organisation)
    return markdown


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    state = site.current()
    context["organisation_jsonld"] = views.organisation_jsonld(config.extra["organisatie"], config.site_url or "")
    if state.only is not None:
        context["preview_window"] = {"shown": len(state.shown), "total": len(state.entries)}
    view = page.meta.get("view")
    if view is None:
        return context
    key = page.meta.get("key")
    try:
        data = pages.page_context(
            str(view),
            state,
            key=None if key is None else str(key),
            entry=state.by_source.get(page.file.abs_src_path),
            site_url=config.site_url or "",
            organisation=config.extra["organisatie"],
        )
    except accessibility.AccessibilityError as error:  # a wrong setting, with its line in mkdocs.yml
        raise PluginError(str(error)) from None
    except quality_checks.CheckError as error:  # a check's tool is not installed: say which, no traceback
        raise PluginError(f"{page.file.src_uri}: {error}") from None
    context.update(data)
    return context
