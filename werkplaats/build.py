"""What one build needs to know about posts/: plain data, no MkDocs.

The hooks fill a `Build` once per build (`start_build`) and every later
step reads from it, so posts/ is read and validated exactly once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .dates import site_today
from .model import Entry, load_all, post_files
from .settings import Settings, load_settings

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
    images: dict = field(default_factory=dict)  # entry.rel -> werkplaats.images.Rendition
    pictures: dict = field(default_factory=dict)  # entry.rel -> template data (werkplaats.views.picture)

    @cached_property
    def shown(self) -> list[Entry]:
        """Entries that go into this build: all in preview, else only published ones."""
        return [e for e in self.entries if self.preview or e.is_public(self.today)]

    @cached_property
    def posts(self) -> list[Entry]:
        """Shown news and reports, newest first (ties by title, for a stable order)."""
        items = [e for e in self.shown if not e.is_event]
        return sorted(items, key=lambda e: (e.date, e.title), reverse=True)

    @cached_property
    def events(self) -> list[Entry]:
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


_current: Build | None = None


def set_current(state: Build) -> None:
    """The hooks share one Build per MkDocs run through this module."""
    global _current
    _current = state


def current() -> Build:
    if _current is None:
        raise RuntimeError("hooks/posts.py must run first (see hooks: in mkdocs.yml)")
    return _current


def start_build(root: Path | str | None = None, *, preview: bool = False, environ=None) -> Build:
    """Read settings and posts/; raises ContentError with every problem."""
    settings = load_settings(root)
    return Build(settings, site_today(environ), preview, load_all(settings))


def virtual_uri(settings: Settings, path: Path) -> str:
    """posts/nieuws/x.md -> nieuws/posts/nieuws/x.md (docs-relative, forward slashes)."""
    return f"{VIRTUAL_ROOT}/{path.resolve().relative_to(settings.posts_dir.resolve()).as_posix()}"


def media_files(settings: Settings) -> list[Path]:
    """Everything in posts/ that is not a post: images, PDFs."""
    markdown = set(post_files(settings))
    return sorted(
        (p for p in settings.posts_dir.rglob("*") if p.is_file() and p not in markdown and not p.name.startswith(".")),
        key=lambda p: p.as_posix(),
    )


_STATUS = {"gepubliceerd": "published", "concept": "draft", "gepland": "scheduled"}


def manifest(state: Build) -> dict:
    """Every file in posts/: kind, status and where it went (None: not on the site)."""
    files = []
    for entry in sorted(state.entries, key=lambda e: e.rel):
        status = _STATUS[entry.publication(state.today)]
        files.append({
            "file": entry.rel,
            "kind": entry.kind,
            "status": status,
            "url": state.urls.get(entry.rel) if status == "published" or state.preview else None,
        })
    return {"today": state.today.isoformat(), "preview": state.preview, "files": files}
