"""iCalendar files: one per event and the subscribable feed (werkplaats.site.ical),
stamped from the content's history (werkplaats.content.history)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import mkdocs
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from werkplaats.content.history import HistoryError
from werkplaats.site import agenda, ical
from werkplaats.site import build as site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger(f"{mkdocs.__name__}.hooks.calendar")


# After hooks/agenda.py (-60) has given every event its URL.
@event_priority(-61)
def on_files(files: Files, config: MkDocsConfig) -> None:
    state = site.current()
    try:
        history = state.history()
    except HistoryError as error:
        raise PluginError(str(error)) from None
    if history.approximate:
        # The first hook to read the history (hooks/lastmod.py reads it again
        # in on_env), so the line is printed once. INFO: a shallow clone is
        # allowed here and a --strict build fails on a warning.
        log.info(history.approximate)
    options = {"site_url": config.site_url, "history": history}
    events = [e for e in state.events]
    for feed in agenda.feeds(events, config.site_name):
        content = ical.calendar(feed["events"], state.urls, name=feed["name"], subscribable=True, **options)
        files.append(File.generated(config, feed["path"], content=content))
    # One file per date, and a series' whole file beside its dates'.
    for entry in events + [e for e in state.event_pages if e.is_series]:
        chosen = entry.expanded()
        files.append(
            File.generated(config, agenda.event_ics(entry), content=ical.calendar(chosen, state.urls, name=entry.title, **options))
        )
