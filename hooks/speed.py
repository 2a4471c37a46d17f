"""Two corrections that keep Material's blog linear in the number of posts.

Measured (make bench, 1,000 posts): without them most of the build goes to

1. `page not in self.blog.posts`, which the blog asks for every page in two
   events. `list.__contains__` calls `Page.__eq__` on every post, so the
   cost grows with pages x posts. The posts are the very objects the blog
   created, so membership by identity gives the same answer in O(1).
2. Excerpts: the blog converts the whole post to HTML for every listing it
   appears on (index pages, archive, categories), then keeps the part
   before `<!-- more -->`. We hand the excerpt only that part, plus the
   reference and abbreviation definitions further down (which can change
   the part before), and a stub after the marker so "Doorgaan met lezen"
   is still shown. The output is identical; tests/test_speed.py builds the
   real site with and without this hook and compares every file.

Set WERKPLAATS_NO_SPEEDUPS=1 to build without them.
"""

from __future__ import annotations

import os
import re

from mkdocs.plugins import event_priority

from werkplaats.model import EXCERPT_SEPARATOR

_DEFINITION = re.compile(r"^ {0,3}(\*?\[[^\]\n]+\]:.*)$", re.MULTILINE)
_ENABLED = os.environ.get("WERKPLAATS_NO_SPEEDUPS", "") != "1"


class _IdentityList(list):
    """A list whose `in` is by identity, answered from a set of ids."""

    def __init__(self, items):
        super().__init__(items)
        self._ids = {id(item) for item in items}

    def __contains__(self, item) -> bool:
        return id(item) in self._ids


class _ExcerptSource:
    """What an Excerpt reads from its post, with only the excerpt's Markdown."""

    def __init__(self, post):
        self._post = post
        self._markdown = None

    def __getattr__(self, name):
        return getattr(self._post, name)

    @property
    def markdown(self) -> str:
        if self._markdown is None:
            text = self._post.markdown
            head, marker, tail = text.partition(EXCERPT_SEPARATOR)
            if marker:
                definitions = "\n".join(_DEFINITION.findall(tail))
                text = f"{head}\n\n{definitions}\n\n{EXCERPT_SEPARATOR}\n\n&nbsp;\n"
            self._markdown = text
        return self._markdown


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
    if _ENABLED and excerpt is not None and excerpt.post is page:
        excerpt.post = _ExcerptSource(page)
    return markdown
