"""Two corrections that keep Material's blog linear in the number of posts.

Measured (make bench, 1,000 posts): without them most of the build goes to

1. `page not in self.blog.posts`, which the blog asks for every page in two
   events. `list.__contains__` calls `Page.__eq__` on every post, so the
   cost grows with pages x posts. The posts are the very objects the blog
   created, so membership by identity gives the same answer in O(1).
2. Excerpts: the blog converts the whole post to HTML for every listing it
   appears on (index pages, archive, categories), then keeps the HTML
   before `<!-- more -->` and shows "Doorgaan met lezen" when any HTML
   follows it. Where that provably gives the same output we hand the
   excerpt only the part before the marker, and a stub after it exactly
   when the rest would produce HTML (`excerpt_markdown`); any other post
   keeps its whole Markdown. tests/test_speed.py builds varied content and
   the real site with and without this hook and compares every file.

Both lean on Material's internals, registered with their upstream code in
werkplaats.theme.material_guard ("page not in self.blog.posts", "Excerpt.render"),
which hooks/guard.py checks before any build. Set WERKPLAATS_NO_SPEEDUPS=1
to build without them.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from werkplaats.content import excerpts

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_ENABLED = os.environ.get("WERKPLAATS_NO_SPEEDUPS", "") != "1"


class _IdentityList(list):
    """A list whose `in` is by identity, answered from a set of ids."""

    def __init__(self, items):
        super().__init__(items)
        self._ids = {id(item) for item in items}

    def __contains__(self, item) -> bool:
        return id(item) in self._ids


# --- excerpts (the logic: werkplaats/content/excerpts.py) ----------------------------------


class _ExcerptSource:
    """What an Excerpt reads from its post, with only the excerpt's Markdown.

    Read when a listing renders the excerpt, after every hook has changed
    the post's Markdown."""

    def __init__(self, post):
        self._post = post
        self._markdown = None

    def __getattr__(self, name):
        return getattr(self._post, name)

    @property
    def markdown(self) -> str:
        if self._markdown is None:
            whole = self._post.markdown
            short = excerpts.excerpt_markdown(whole)
            self._markdown = whole if short is None else short
        return self._markdown


# --- hooks -------------------------------------------------------------------------

_shorten = False


def on_config(config: MkDocsConfig) -> None:
    global _shorten
    if not _ENABLED:
        return
    _shorten = excerpts.excerpts_can_be_shortened(config.markdown_extensions, config.plugins["material/blog"].config)


# After the blog plugin (-50) has resolved its posts.
@event_priority(-55)
def on_files(files: Files, config: MkDocsConfig) -> None:
    blog = config.plugins["material/blog"]
    if _ENABLED:
        blog.blog.posts = _IdentityList(blog.blog.posts)


# After the blog plugin (-50) has created the post's excerpt.
@event_priority(-55)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    excerpt = getattr(page, "excerpt", None)
    if _ENABLED and _shorten and excerpt is not None and excerpt.post is page:
        excerpt.post = _ExcerptSource(page)
    return markdown
