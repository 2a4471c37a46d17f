"""Keep listing pages out of the search index.

Blog archives, categories and their later pages only repeat the excerpts
of posts that are indexed on their own pages; indexing them too would make
every post show up several times in the results and the index several
times larger. (The agenda's generated listings set this in their front
matter, see hooks/agenda.py.)
"""

from __future__ import annotations

from material.plugins.blog.structure import View


def on_page_markdown(markdown, page, config, files):
    if isinstance(page, View) and page.file.src_uri != "nieuws/index.md":
        page.meta["search"] = {"exclude": True}
    return markdown
