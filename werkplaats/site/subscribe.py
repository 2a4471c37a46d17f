"""The help page agenda/abonneren/: every subscribable calendar (the whole
agenda and one per category, werkplaats.site.agenda.feeds) with its webcal://
link and its address to copy, and how to subscribe per calendar app.

Markdown (page_templates/abonneren.md), so the site (hooks/agenda.py) and
the export (werkplaats.site.export) show the same page. How often a calendar
looks again is werkplaats.site.ical.REFRESH, the feeds' own REFRESH-INTERVAL.
"""

from __future__ import annotations

from ..content.model import Entry
from . import agenda, ical
from .markdown_pages import render

TITLE = "Abonneren op de agenda"


def feeds(events: list[Entry], site_url: str) -> list[dict]:
    return [
        {
            "title": f["title"],
            "path": f["path"],
            "webcal": agenda.webcal(site_url, f["path"]),
            "https": site_url + f["path"],
            "count": len(f["events"]),
        }
        for f in agenda.feeds(events, "")
    ]


def markdown(events: list[Entry], site_url: str, agenda_link: str = "../index.md") -> str:
    """The page as Markdown; agenda_link leads back to the agenda from the page."""
    hours = int(ical.REFRESH.total_seconds() // 3600)
    return render("abonneren.md", title=TITLE, feeds=feeds(events, site_url), refresh_hours=hours, agenda_link=agenda_link)
