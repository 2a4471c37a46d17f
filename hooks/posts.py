"""Validate posts/ and bring news and reports into the build.

Material's blog expects posts inside docs/; instead of copying files we add
virtual File objects backed by the files in posts/. The content model
(werkplaats.content.model) decides everything: what is valid, what is published
today, which categories a post has.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from werkplaats.content.model import ContentError, blog_source
from werkplaats.core.dates import source_date_epoch
from werkplaats.core.messages import count_of
from werkplaats.site import build as site
from werkplaats.site.views import html_meta

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

_preview = False
_started: float | None = None  # when `mkdocs serve` started: files saved since are in its window


def on_startup(command: str, dirty: bool) -> None:
    global _preview, _started
    _preview = command == "serve"
    _started = time.time() if _preview else None


def on_config(config: MkDocsConfig) -> None:
    try:
        state = site.start_build(config.config_file_path.rsplit("/", 1)[0], preview=_preview, changed_since=_started)
    except (ContentError, ValueError) as error:
        raise PluginError(_report(error)) from None
    site.set_current(state)
    if state.only is not None:
        # A quick preview leaves posts out, so a link to one of them is
        # expected there; `make check`, `make build` and CI still fail on it.
        config.validation.links.not_found = logging.INFO
    # Reproducible output: MkDocs reads this for the sitemap and gzip headers.
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(os.environ, state.today)
    install_post_resolver(config.plugins["material/blog"])


# Run just before the blog plugin (-50), which resolves posts in on_files.
@event_priority(-49)
def on_files(files: Files, config: MkDocsConfig) -> None:
    state = site.current()
    for entry in state.posts:
        files.append(File.generated(config, site.virtual_uri(state.settings, entry.path), abs_src_path=str(entry.path)))
    # PDFs and other attachments as they are; images only cleaned, by hooks/images.py.
    for path in site.media_files(state):
        files.append(File.generated(config, site.virtual_uri(state.settings, path), abs_src_path=str(path)))


# By now the blog plugin has given every post its final URL: remember them.
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> None:
    state = site.current()
    for entry in state.shown:
        file = files.get_file_from_path(site.virtual_uri(state.settings, entry.path))
        if file is not None:
            state.urls[entry.rel] = file.url
    for path in site.media_files(state):
        state.urls[str(path)] = files.get_file_from_path(site.virtual_uri(state.settings, path)).url


# The blog plugin reads each post's front matter itself, in the private
# BlogPlugin._resolve_post; we wrap it. The Post it creates opens
# file.abs_src_path and parses the front matter there. Both assumptions are
# registered, with their upstream code, in werkplaats.theme.material_guard
# ("BlogPlugin._resolve_post", "Post reads file.abs_src_path"), which
# hooks/guard.py checks before this runs.


def install_post_resolver(blog) -> None:
    """Let the blog plugin see the model's view of each post, once per plugin.

    `mkdocs serve` keeps the plugin between rebuilds while on_config runs on
    every one, so the wrapper is installed once and reads the current Build
    when it is called: a wrapper per rebuild would stack, and the older ones
    would look a new post up in their stale builds.
    """
    if getattr(blog._resolve_post, "werkplaats_model", False):
        return
    original = blog._resolve_post

    def resolve_post(file, config):
        state = site.current()
        entry = state.by_source[file.abs_src_path]
        return apply_model(_resolve_from_model(original, file, config, entry), entry, state)

    resolve_post.werkplaats_model = True
    resolve_post.__wrapped__ = original
    blog._resolve_post = resolve_post


def _resolve_from_model(original, file, config, entry):
    """Run the blog's own resolver on the model's front matter (model.blog_source):
    the blog then checks and places the post as the model read it, not as
    YAML would type the editor's text (`title: Yes` at /true/, `date: "..."`
    refused). The source path is set back before anything else reads it."""
    handle, name = tempfile.mkstemp(suffix=".md", prefix="werkplaats-post-")
    real = file.abs_src_path
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as source:  # closed before the blog opens it (Windows)
            source.write(blog_source(entry))
        file.abs_src_path = name
        return original(file, config)
    finally:
        file.abs_src_path = real
        os.unlink(name)


def apply_model(post, entry, state):
    """Overwrite what the model owns in the blog's post: categories (the
    folder category is added), the Markdown as the build needs it (excerpt
    marker, links to fixed pages), and the text values Material prints as
    HTML (escaped, see views.html_meta). The publication status reaches
    post.html as `publication` (hooks/pages.py)."""
    post.config.categories = list(entry.categories)
    post.markdown = site.markdown_for_site(state.settings, entry, post.markdown)
    post.meta["view"] = "post"  # hooks/pages.py: its template and its data
    post.meta.update(html_meta(entry))
    return post


def _report(error) -> str:
    if isinstance(error, ContentError):
        return f"{count_of(len(error.problems), 'fout', 'fouten')} in posts/ (niets gepubliceerd):\n{error}"
    return str(error)


def on_post_build(config: MkDocsConfig) -> None:
    """The manifest goes beside the site, not into it (it names drafts).
    Not for `mkdocs serve`, whose site is a temporary folder."""
    if site.current().preview:
        return
    path = Path(f"{config.site_dir.rstrip('/')}.manifest.json")
    path.write_text(json.dumps(site.manifest(site.current()), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
