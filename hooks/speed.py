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

Both lean on Material's internals, so the build stops when another Material
version is installed (werkplaats.material_guard). Set
WERKPLAATS_NO_SPEEDUPS=1 to build without them.
"""

from __future__ import annotations

import os
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from werkplaats.material_guard import InternalsChanged, require_material
from werkplaats.model import EXCERPT_SEPARATOR

_ENABLED = os.environ.get("WERKPLAATS_NO_SPEEDUPS", "") != "1"

# The upstream code each patch depends on (Material 9.8.1).
_MEMBERSHIP = "hooks/speed.py's identity list for the blog's posts"
# `if page not in self.blog.posts:` in on_page_markdown and on_page_content:
_MEMBERSHIP_UPSTREAM = "https://github.com/squidfunk/mkdocs-material/blob/9.8.1/material/plugins/blog/plugin.py#L250"
_EXCERPT = "hooks/speed.py's excerpt-only Markdown"
# Excerpt.render reads `self.post.markdown`, splits the HTML at the separator
# and sets `self.more` only when HTML follows it (partials/post.html tests `post.more`):
_EXCERPT_UPSTREAM = "https://github.com/squidfunk/mkdocs-material/blob/9.8.1/material/plugins/blog/structure/__init__.py#L205-L228"

_checked = False


def check_material(installed: str | None = None) -> None:
    """Stop the build unless Material is a version both patches were read against."""
    try:
        require_material(_MEMBERSHIP, _MEMBERSHIP_UPSTREAM, installed=installed)
        require_material(_EXCERPT, _EXCERPT_UPSTREAM, installed=installed)
    except InternalsChanged as error:
        raise PluginError(str(error)) from None


class _IdentityList(list):
    """A list whose `in` is by identity, answered from a set of ids."""

    def __init__(self, items):
        super().__init__(items)
        self._ids = {id(item) for item in items}

    def __contains__(self, item) -> bool:
        return id(item) in self._ids


# --- excerpts -------------------------------------------------------------------

# The Markdown extensions (mkdocs.yml, and those MkDocs always adds) for which
# the reasoning in `excerpt_markdown` was checked. Another one could carry
# text across the marker (footnotes do): then every post keeps its whole text.
CHECKED_EXTENSIONS = frozenset({
    "abbr", "admonition", "attr_list", "md_in_html", "tables", "toc", "fenced_code",
    "pymdownx.details", "pymdownx.superfences",
})
# Material's blog table of contents would list only the excerpt's headings.
_TOC_OPTIONS = ("blog_toc", "archive_toc", "categories_toc", "authors_profiles_toc")

# Before the marker: something that can still be open when the marker comes
# (a code fence, a raw HTML block or comment), so the marker is not a block of its own.
_OPEN_BEFORE = re.compile(r"```|~~~|<!--|^ {0,3}<", re.MULTILINE)
# After the marker: a reference or abbreviation definition, which changes the
# HTML before it (Python-Markdown's ReferenceProcessor and AbbrBlockprocessor
# both need `]:` or `] :`).
_DEFINITION = re.compile(r"\][ \t]?:")
_STUB = "&nbsp;"  # stands in for the rest: Material only asks whether HTML follows the marker


def excerpt_markdown(markdown: str) -> str | None:
    """The Markdown that gives a listing the same excerpt as the whole post,
    or None when only the whole post is certain to.

    Material splits the post's HTML at the marker: the excerpt is the HTML
    before it and "Doorgaan met lezen" shows when any HTML follows. When the
    marker stands alone between blank lines, nothing before it is still open
    and nothing after it defines a reference, the HTML before the marker is
    the HTML of the text before it. HTML follows exactly when the text after
    it holds anything but blanks (Python-Markdown drops blank blocks and the
    STX/ETX characters); other Unicode blanks are left to Material.
    """
    index = markdown.find(EXCERPT_SEPARATOR)
    if index < 0:
        return None
    head, tail = markdown[:index], markdown[index + len(EXCERPT_SEPARATOR):]
    if head and not head.endswith("\n\n") or not re.match(r"\n\n|\n?\Z", tail):
        return None
    if _OPEN_BEFORE.search(head) or _DEFINITION.search(tail):
        return None
    rest = tail.replace("\x02", "").replace("\x03", "")
    if rest.strip(" \t\n") == "":
        return f"{head}{EXCERPT_SEPARATOR}\n"
    if rest.strip() == "":
        return None
    return f"{head}{EXCERPT_SEPARATOR}\n\n{_STUB}\n"


def extension_name(extension) -> str:
    """'pymdownx.details' for a name or an Extension instance."""
    if isinstance(extension, str):
        return extension.removeprefix("markdown.extensions.")
    module = type(extension).__module__
    return module.removeprefix("markdown.extensions.")


def excerpts_can_be_shortened(config, blog) -> bool:
    names = {extension_name(e) for e in config.markdown_extensions}
    return names <= CHECKED_EXTENSIONS and not any(getattr(blog.config, o, None) for o in _TOC_OPTIONS)


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
            short = excerpt_markdown(whole)
            self._markdown = whole if short is None else short
        return self._markdown


# --- hooks -------------------------------------------------------------------------

_shorten = False


def on_config(config):
    global _checked, _shorten
    if not _ENABLED:
        return
    if not _checked:
        check_material()
        _checked = True
    _shorten = excerpts_can_be_shortened(config, config.plugins["material/blog"])


# After the blog plugin (-50) has resolved its posts.
@event_priority(-55)
def on_files(files, config):
    blog = config.plugins["material/blog"]
    if _ENABLED:
        blog.blog.posts = _IdentityList(blog.blog.posts)


# After the blog plugin (-50) has created the post's excerpt.
@event_priority(-55)
def on_page_markdown(markdown, page, config, files):
    excerpt = getattr(page, "excerpt", None)
    if _ENABLED and _shorten and excerpt is not None and excerpt.post is page:
        excerpt.post = _ExcerptSource(page)
    return markdown
