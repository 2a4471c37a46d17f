"""The sitemap's <lastmod> of each page: the day its content last changed.

From the content (werkplaats.content.history), never from the build's day, so a
nightly build of an unchanged commit tells search engines nothing new. A
day in Europe/Amsterdam, as MkDocs' sitemap writes it (YYYY-MM-DD).

- A post or an event: the last commit of its file, or the day it changed by
  time if that is later: a scheduled post appears on its date, an event's
  page says it has passed from the day after its last day. Also the entry
  it links to (an event and its report), whose title it shows.
- A fixed page (docs/): its file's last commit.
- A listing (home, news and its pages, archives, categories, reports, the
  agenda and its month, year, category and tag pages, the tags page): the
  latest of its own file and of every entry it can show (all its pages:
  a new item moves the others down a page), and the last time a post left
  posts/ (not a photo or an attachment: werkplaats.content.history). So it changes
  when an entry is added, edited, deleted or passes.
- A month grid marks today: while today is on it, it changes every day, up
  to the day after its last square.
- Theme, templates and settings are not counted: a new design is not new
  content.
Which page is which (listing_of, source_of) is decided here from plain
values the hook hands over (hooks/lastmod.py only dispatches).

The day may be later than the page's last real change (a listing counts
all its candidates), never earlier than a change of what it shows, and it
never moves while content and the day's events stay the same.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from ..content.entries import Entry
from ..content.history import History
from ..core.dates import TZ
from ..theme.material_guard import TAGS_LISTING
from . import agenda


def day_of(epoch: int) -> dt.date:
    return dt.datetime.fromtimestamp(epoch, TZ).date()


def entry_day(entry: Entry, history: History, today: dt.date) -> dt.date:
    """When the entry's own page last changed (see the module's docstring)."""
    days = [day_of(history.stamp(entry.rel))]
    if entry.is_event:
        if agenda.has_ended(entry, today):  # it moved to the past the day after its last day
            days.append(entry.last_day + dt.timedelta(days=1))
    elif entry.date <= today:
        days.append(entry.date)
    return max(days)


def listing_day(entries: Iterable[Entry], history: History, today: dt.date, *, own: dt.date | None = None) -> dt.date | None:
    """The latest day of the entries a listing can show, its own file and the last removal."""
    days = [entry_day(e, history, today) for e in entries]
    days += [day for day in (own, history.removed and day_of(history.removed)) if day]
    return max(days, default=None)


def month_grid_day(month: dt.date, today: dt.date) -> dt.date | None:
    """The last day on which a month grid's mark of today moved (None: not yet)."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    first, after = weeks[0][0], weeks[-1][-1] + dt.timedelta(days=1)
    return min(today, after) if first <= today else None


def lastmod_of(state, history: History, *, path: str | None, view=None, key=None, posts: list[str] | None = None) -> dt.date | None:
    """The <lastmod> of one page of the generator, from what it knows of it:
    `path`, its source file (absolute; None for a generated page), `view`
    and `key` from its meta (werkplaats.site.pages), and `posts`, the source files
    of every post a Material blog view lists (View.posts, all its pages;
    None for any other page)."""
    entry = state.by_source.get(path) if path else None
    source = source_of(path, state.settings.root)
    listed = None if entry is not None else listing_of(state, posts=posts, source=source)
    return page_day(state, history, view=view, key=None if key is None else str(key), entry=entry, source=source, listed=listed)


def source_of(path: str | None, root: Path | str) -> str | None:
    """'docs/over.md' for a fixed page's file; None for a post or a generated page."""
    if not path:
        return None
    resolved, root = Path(path).resolve(), Path(root).resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root / "docs") else None


def listing_of(state, *, posts: list[str] | None, source: str | None) -> list[Entry] | None:
    """What a page that is not an entry lists, when it is a listing of the
    blog: Material's blog views (index, archive, category and their pages)
    hold every post of the listing in `posts`; a fixed page with the tags
    plugin's listing comment (docs/nieuws/trefwoorden.md) lists every entry.
    Both registered in werkplaats/theme/material_guard.py. None: not one of these."""
    if posts is not None:
        return [state.by_source[p] for p in posts if p in state.by_source]
    if source and TAGS_LISTING.search((Path(state.settings.root) / source).read_text(encoding="utf-8")):
        return state.shown
    return None


def page_day(
    state,
    history: History,
    *,
    view: str | None = None,
    key: str | None = None,
    entry: Entry | None = None,
    source: str | None = None,
    listed: list[Entry] | None = None,
) -> dt.date | None:
    """The <lastmod> of one page of a Build (werkplaats.site.build): its `view` and
    `key` (werkplaats.site.pages), the `entry` it shows, its `source` file
    relative to the root ('docs/over.md'), or the entries a listing of the
    blog shows (`listed`)."""
    from . import pages  # here, as werkplaats.site.pages needs werkplaats.site.build

    today = state.today
    own = day_of(history.stamp(source)) if source else None
    if entry is not None:
        return max(entry_day(e, history, today) for e in [entry, *_linked(state, entry)])
    pool = _pool(state, view, key, pages) if listed is None else listed
    if pool is None:
        return own or site_day(state, history)
    day = listing_day(pool, history, today, own=own)
    if view == "agenda-maand" and key:
        day = max((d for d in (day, month_grid_day(dt.date.fromisoformat(f"{key}-01"), today)) if d), default=None)
    return day or site_day(state, history)


def _linked(state, entry: Entry) -> list[Entry]:
    """The report of an event, or the event of a report, when it is on the site (werkplaats.site.pages.linked)."""
    if entry.is_event:
        rel = entry.report
    else:
        rel = state.memo("agenda.links", lambda: agenda.links(state.events)).event_of.get(entry.rel, "")
    other = state.entry_for(rel) if rel else None
    return [other] if other is not None and (state.preview or other.is_public(state.today)) else []


def _pool(state, view, key, pages) -> list[Entry] | None:
    """What a view of werkplaats.site.pages can show; None: not a listing."""
    events = state.events
    if view == "home":
        return state.posts + events
    if view == "verslagen":
        return [e for e in state.posts if e.kind == "verslagen"]
    if view == "agenda":
        return events
    if view == "agenda-maand":
        return [e for e in events if any(d.strftime("%Y-%m") == key for d in agenda.days_of(e))]
    if view == "agenda-jaar":
        return [e for e in events if str(e.first_day.year) == key]
    if view == "agenda-categorie":
        return pages.taxonomy(state, "categories").get(key, [])
    if view == "agenda-trefwoord":
        return pages.taxonomy(state, "tags").get(key, [])
    if view == "agenda-vorm":
        return agenda.with_mode(events, key)
    if view == "agenda-locatie":
        return next((p.events for p in pages.places_of(state).values() if p.slug == key), [])
    if view == "agenda-locaties":
        return events
    return None


def site_day(state, history: History) -> dt.date | None:
    """A page that shows none of the content in particular: the latest of all
    of it (None on a site without content: the sitemap then gives no date)."""
    return listing_day(state.shown, history, state.today)
