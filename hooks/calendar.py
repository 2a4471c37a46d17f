"""iCalendar files: one per event and the subscribable feed (werkplaats.ical)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from werkplaats import agenda, ical
from werkplaats import build as site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


# After hooks/agenda.py (-60) has given every event its URL.
@event_priority(-61)
def on_files(files: Files, config: MkDocsConfig) -> None:
    state = site.current()
    options = {"site_url": config.site_url, "stamp": ical.stamp_from(os.environ, state.today)}
    events = [e for e in state.events]
    files.append(
        File.generated(config, agenda.FEED_PATH, content=ical.calendar(events, state.urls, name=f"Agenda {config.site_name}", **options))
    )
    for entry in events:
        files.append(
            File.generated(config, agenda.event_ics(entry), content=ical.calendar([entry], state.urls, name=entry.title, **options))
        )
