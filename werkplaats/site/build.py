"""What one build needs to know about posts/: plain data, no MkDocs.

The hooks fill a `Build` once per build (`start_build`) and every later
step reads from it, so posts/ is read and validated exactly once.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..content.history import History, read_history, require_full
from ..content.images import is_image
from ..content.links import find_links, rewrite_for_build
from ..content.model import Entry, load_all, with_excerpt_separator
from ..core.dates import site_today
from ..core.settings import Settings, load_settings
from .agenda import has_ended

# Where posts/ appears inside the docs tree. Material's blog finds its posts
# under `<blog_dir>/posts`; we mirror the whole posts/ folder there, so a
# relative link in a post (to an image, a PDF, another post) works the same
# on disk, in the GitHub editor and on the site.
VIRTUAL_ROOT = "nieuws/posts"


@dataclass
class Build:
    settings: Settings
    today: dt.date
    preview: bool  # `mkdocs serve`: drafts and scheduled posts are shown, marked
    entries: list[Entry]
    urls: dict[str, str] = field(default_factory=dict)  # entry.rel or media path -> site URL
    images: dict = field(default_factory=dict)  # entry.rel -> werkplaats.content.images.Rendition
    pictures: dict = field(default_factory=dict)  # entry.rel -> template data (werkplaats.site.views.picture)
    only: frozenset[str] | None = None  # quick preview: the rels of preview_window(), else None
    full_history: bool = False  # WERKPLAATS_HISTORY=full: a shallow clone stops the build (werkplaats.content.history)
    _memo: dict = field(default_factory=dict, repr=False)

    def memo(self, key, compute):
        """compute() once per build: for values every page asks for (the
        agenda's cross links, its categories), which would otherwise cost
        pages x events."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @cached_property
    def shown(self) -> list[Entry]:
        """Entries that go into this build: all in preview, else only published ones."""
        return [e for e in self.entries if (self.preview or e.is_public(self.today)) and (self.only is None or e.rel in self.only)]

    @cached_property
    def posts(self) -> list[Entry]:
        """Shown news and reports, newest first (ties by title, for a stable order)."""
        items = [e for e in self.shown if not e.is_event]
        return sorted(items, key=lambda e: (e.date, e.title), reverse=True)

    @cached_property
    def events(self) -> list[Entry]:
        """Every date in the agenda: one per event file, one per date of a series."""
        return [item for e in self.event_pages for item in e.expanded()]

    @cached_property
    def event_pages(self) -> list[Entry]:
        """Shown event files: one page each (a series too)."""
        return [e for e in self.shown if e.is_event]

    @cached_property
    def by_source(self) -> dict[str, Entry]:
        """abs path of the file -> entry (how hooks recognise a page as ours)."""
        return {str(e.path): e for e in self.entries}

    @cached_property
    def _by_rel(self) -> dict[str, Entry]:
        return {e.rel: e for e in self.entries}

    def entry_for(self, rel: str) -> Entry | None:
        return self._by_rel.get(rel)

    def history(self) -> History:
        """When each file of posts/ and docs/ last changed, and each shown
        event's SEQUENCE (werkplaats.content.history): read once, when first asked.
        A shallow clone gives approximate stamps (History.approximate), or
        raises HistoryError when full_history asks for the whole history."""
        return self.memo(
            "history", lambda: read_history(self.settings.root, self.settings, [e.rel for e in self.event_pages], full=self.full_history)
        )


_current: Build | None = None


def set_current(state: Build) -> None:
    """The hooks share one Build per MkDocs run through this module."""
    global _current
    _current = state


def current_or_none() -> Build | None:
    return _current


def current() -> Build:
    if _current is None:
        raise RuntimeError("hooks/posts.py must run first (see hooks: in mkdocs.yml)")
    return _current


def start_build(root: Path | str | None = None, *, preview: bool = False, environ=None, changed_since: float | None = None) -> Build:
    """Read settings and posts/; raises ContentError with every problem.

    Every file is validated, always. A preview of a large posts/ then builds
    only preview_window() of it, unless WERKPLAATS_PREVIEW_ALL=1.
    """
    environ = os.environ if environ is None else environ
    settings = load_settings(root)
    today = site_today(environ)
    entries = load_all(settings, today=today)
    only = None
    if preview and len(entries) > PREVIEW_THRESHOLD and environ.get("WERKPLAATS_PREVIEW_ALL") != "1":
        only = frozenset(e.rel for e in preview_window(entries, today, changed_since=changed_since))
    return Build(settings, today, preview, entries, only=only, full_history=require_full(environ))


# A full build of ten years of posts takes many seconds, too long to wait for
# on every save. `make serve` on a large posts/ therefore builds a window, as
# Jekyll's --limit_posts does: what an editor is working on plus the newest.
PREVIEW_THRESHOLD = 150  # more files than this in posts/: build a window
PREVIEW_POSTS = 40  # newest published news items and reports
PREVIEW_EVENTS = 20  # soonest upcoming events, and as many of the latest past ones


def preview_window(entries: list[Entry], today: dt.date, *, changed_since: float | None = None) -> list[Entry]:
    """The entries a quick preview builds, in the order given.

    Drafts and scheduled posts (the reason to preview), every file saved
    since the preview started (its mtime), the newest published posts, the
    soonest upcoming and the latest past events, and the report or event
    each of those links to, so the cross links stay.
    """
    public = [e for e in entries if e.is_public(today)]
    posts = sorted((e for e in public if not e.is_event), key=lambda e: (e.date, e.title), reverse=True)
    upcoming = sorted((e for e in public if e.is_event and not has_ended(e, today)), key=lambda e: (e.first_day, e.title))
    past = sorted((e for e in public if e.is_event and has_ended(e, today)), key=lambda e: (e.first_day, e.title), reverse=True)
    chosen = {e.rel for e in entries if not e.is_public(today)}
    chosen |= {e.rel for e in posts[:PREVIEW_POSTS] + upcoming[:PREVIEW_EVENTS] + past[:PREVIEW_EVENTS]}
    if changed_since is not None:
        chosen |= {e.rel for e in entries if e.path.stat().st_mtime >= changed_since}
    for event in (e for e in entries if e.is_event and e.report):
        if event.rel in chosen or event.report in chosen:
            chosen |= {event.rel, event.report}
    return [e for e in entries if e.rel in chosen]


def virtual_uri(settings: Settings, path: Path) -> str:
    """posts/nieuws/x.md -> nieuws/posts/nieuws/x.md (docs-relative, forward slashes)."""
    return f"{VIRTUAL_ROOT}/{path.resolve().relative_to(settings.posts_dir.resolve()).as_posix()}"


def markdown_for_site(settings: Settings, entry: Entry, markdown: str) -> str:
    """An entry's Markdown as the build needs it: links to fixed pages
    (written from the file on disk, ../../docs/contact.md) mapped to the
    virtual layout, and news and reports with their excerpt marker."""
    virtual_dir = posixpath.dirname(virtual_uri(settings, entry.path))
    markdown = rewrite_for_build(markdown, entry.path, virtual_dir, settings)
    return markdown if entry.is_event else with_excerpt_separator(markdown)


def linked_files(state: Build) -> dict[Path, tuple[str, int]]:
    return state.memo("linked_files", lambda: _linked_files(state))


def _linked_files(state: Build) -> dict[Path, tuple[str, int]]:
    """Every file in posts/ besides the posts that a shown entry attaches or
    links to from its text: path -> (entry.rel, line) of the first link, for
    messages. Only these are published: a file that no shown entry names
    (or only a draft or a scheduled post does) stays off the site."""
    posts_dir = state.settings.posts_dir.resolve()
    found: dict[Path, tuple[str, int]] = {}
    for entry in state.shown:
        for attachment in entry.attachments:
            found.setdefault(attachment.path.resolve(), (entry.rel, 1))
        if "](" not in entry.body and "]:" not in entry.body and "=" not in entry.body:
            continue  # no link at all (the same shortcut as werkplaats.content.links)
        for link in find_links(entry.body, entry.body_line):
            parts = urlsplit(link.target.strip())
            if parts.scheme or not parts.path or parts.path.startswith(("/", "\\")):
                continue
            path = (entry.path.parent / unquote(parts.path)).resolve()
            if path.suffix.lower() != ".md" and path.is_relative_to(posts_dir) and path.is_file():
                found.setdefault(path, (entry.rel, link.line))
    return found


def media_files(state: Build) -> list[Path]:
    """Files published as they are: the linked files that are not images
    (PDFs and other attachments). An image is only published as the cleaned
    copy of werkplaats.content.images (linked_images)."""
    return sorted((p for p in linked_files(state) if not is_image(p)), key=lambda p: p.as_posix())


def linked_images(state: Build) -> dict[Path, tuple[str, int]]:
    """The linked files that are images, for werkplaats.content.images."""
    return {path: where for path, where in linked_files(state).items() if is_image(path)}


_STATUS = {"gepubliceerd": "published", "concept": "draft", "gepland": "scheduled"}


def manifest(state: Build) -> dict:
    """Every file in posts/: kind, status and where it went (None: not on the site)."""
    files = []
    for entry in sorted(state.entries, key=lambda e: e.rel):
        status = _STATUS[entry.publication(state.today)]
        files.append(
            {
                "file": entry.rel,
                "kind": entry.kind,
                "status": status,
                "url": state.urls.get(entry.rel) if status == "published" or state.preview else None,
            }
        )
    return {"today": state.today.isoformat(), "preview": state.preview, "files": files}
