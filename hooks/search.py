"""The site search (Pagefind): which pages are indexed, and the index itself.

Logic lives in werkplaats/site/search.py; this file only hands it pages and the
built site. A page is indexed when its context has `search_record`
(templates then mark its text with data-pagefind-body); listings, blog
archives and pages with `search: {exclude: true}` in their front matter
get none. Each record carries the page's hidden index terms (Dutch
lemmas and compound parts, werkplaats.site.search.Terms); the words of every
page are looked up together before the first page renders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from material.plugins.blog.structure import View  # registered: material_guard "blog View class"
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from werkplaats.site import build as site
from werkplaats.site import search
from werkplaats.site.lexicon import LexiconError
from werkplaats.theme.material_guard import SEARCH_FILES, InternalsChanged, leave_out

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Material's own search (lunr and its worker) is not used: leave its
    # files out of the site instead of publishing dead code.
    try:
        leave_out(files, "search files", lambda path: path.startswith(SEARCH_FILES))
    except InternalsChanged as error:
        raise PluginError(str(error)) from None
    return files


def _terms() -> search.Terms:
    state = site.current()
    return state.memo("search_terms", lambda: search.Terms.for_build(state.settings.root))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Before any page renders: the words of every page's source (posts,
    # events, fixed pages) in one lookup, so rendering a page finds its
    # words already looked up.
    try:
        _terms().warm_files(f.abs_src_path for f in files.documentation_pages() if f.abs_src_path)
    except (ValueError, LexiconError) as error:
        raise PluginError(str(error)) from None
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Blog archives, categories and later pages repeat excerpts of posts
    # that are indexed on their own pages.
    if isinstance(page, View):
        page.meta["search"] = {"exclude": True}
    return markdown


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    state = site.current()
    context["search_years"] = state.memo("search_years", lambda: search.years(state.shown))
    if (page.meta.get("search") or {}).get("exclude"):
        return context
    entry = state.by_source.get(page.file.abs_src_path)
    record = search.record(entry) if entry else search.page_record()
    try:
        terms = _terms().for_page(page.content or "", page.title or "", entry.categories if entry else (), search.shown_text(entry))
    except LexiconError as error:
        raise PluginError(str(error)) from None
    context["search_record"] = {**record, "terms": terms}
    return context


def on_post_build(config: MkDocsConfig) -> None:
    try:
        search.index_site(config.site_dir, _terms().approach)
        _terms().write_vocabulary(config.site_dir)
    except (search.SearchIndexError, LexiconError) as error:
        raise PluginError(str(error)) from error
