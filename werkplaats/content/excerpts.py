"""Excerpts of news items: when the text before `<!-- more -->` alone gives
the listing the same excerpt as the whole post (hooks/speed.py uses it to
convert only that part). Plain Python, tested on its own in tests/test_speed.py."""

from __future__ import annotations

import re

from .model import EXCERPT_SEPARATOR

# The Markdown extensions (mkdocs.yml, and those MkDocs always adds) for which
# the reasoning in `excerpt_markdown` was checked. Another one could carry
# text across the marker (footnotes do): then every post keeps its whole text.
CHECKED_EXTENSIONS = frozenset(
    {
        "abbr",
        "admonition",
        "attr_list",
        "md_in_html",
        "tables",
        "toc",
        "fenced_code",
        "pymdownx.details",
        "pymdownx.superfences",
    }
)
# Material's blog table of contents would list only the excerpt's headings.
TOC_OPTIONS = ("blog_toc", "archive_toc", "categories_toc", "authors_profiles_toc")

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
    head, tail = markdown[:index], markdown[index + len(EXCERPT_SEPARATOR) :]
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


def excerpts_can_be_shortened(extensions, blog_options) -> bool:
    """True when every Markdown extension was checked and no blog table of
    contents is on (`blog_options`: the blog plugin's config, a mapping)."""
    names = {extension_name(e) for e in extensions}
    return names <= CHECKED_EXTENSIONS and not any(blog_options.get(o) for o in TOC_OPTIONS)
