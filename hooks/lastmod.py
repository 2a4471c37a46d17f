"""The sitemap's <lastmod> of every page from its content (werkplaats.site.lastmod),
not from the build's day.

MkDocs' own sitemap.xml writes `page.update_date`, which it sets to the
build's date when it creates a Page, and dates sitemap.xml.gz by the latest
of them (mkdocs/structure/pages.py `Page.__init__`, mkdocs/commands/build.py
`_build_theme_template`, MkDocs 1.6:
https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/commands/build.py).
on_env runs after every page is read and before the sitemap is rendered, so
setting it here is the one place; no template is overridden.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from werkplaats.content.history import HistoryError
from werkplaats.site import build as site
from werkplaats.site.lastmod import lastmod_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_env(env, config: MkDocsConfig, files: Files):
    state = site.current()
    try:
        history = state.history()
    except HistoryError as error:
        raise PluginError(str(error)) from None
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        # A blog view of Material (werkplaats/theme/material_guard.py "blog View.posts") holds its posts in a list.
        posts = getattr(page, "posts", None)
        day = lastmod_of(
            state,
            history,
            path=file.abs_src_path,
            view=page.meta.get("view"),
            key=page.meta.get("key"),
            posts=[p.file.abs_src_path for p in posts] if isinstance(posts, list) else None,
        )
        page.update_date = day.isoformat() if day else ""
    return env
