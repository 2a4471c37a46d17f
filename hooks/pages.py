"""Template data: the home page, the reports listing, post pages.

Every decision is made in werkplaats.views; this file only routes a page to
the right function and puts the result into the template context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from werkplaats import build as site
from werkplaats import views

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    state = site.current()
    context["organisation_jsonld"] = views.organisation_jsonld(config.extra["organisatie"], config.site_url or "")
    if state.only is not None:
        context["preview_window"] = {"shown": len(state.shown), "total": len(state.entries)}
    source = page.file.src_uri
    pictures = state.pictures
    if source == "index.md":
        context["latest_news"] = views.cards(state.posts, state.urls, state.today, limit=views.HOME_NEWS_COUNT, pictures=pictures)
    elif source == "verslagen.md":
        context["reports"] = views.cards(state.posts, state.urls, state.today, kind="verslagen", pictures=pictures)
    elif page.file.abs_src_path in state.by_source:
        entry = state.by_source[page.file.abs_src_path]
        context["picture"] = pictures.get(entry.rel)
        if not entry.is_event:
            context["publication"] = entry.publication(state.today)
            context["attachments"] = views.attachments(entry, lambda path: state.urls[str(path)])
            context["tag_links"] = views.tag_links(entry)
    return context
