"""iCalendar (RFC 5545) files: one per event and one feed of all events.

Generated with the icalendar library, which does the escaping and the line
folding. Output depends only on the input: the UID comes from the file's
place in posts/ (so editing an event keeps its UID); DTSTAMP, LAST-MODIFIED
and SEQUENCE come from the event file's own history (werkplaats.content.history:
its last commit, and how often its start, end, place or status changed),
never from the build's day or the clock. So a calendar that subscribed sees
an event as changed only when its file changed, and as rescheduled (a higher
SEQUENCE) only when its time, place or status did.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin

import icalendar

from ..content.history import History
from ..content.model import Entry
from ..core.dates import TZ

PRODID = "-//Werkplaats Sociaal Domein Zuid-Holland Zuid//Agenda//NL"
UID_DOMAIN = "werkplaatssociaaldomeinzhz.nl"
_STATUS = {"gepland": "CONFIRMED", "volgeboekt": "CONFIRMED", "verplaatst": "CONFIRMED", "geannuleerd": "CANCELLED"}


def uid(entry: Entry) -> str:
    """'agenda/2018-10-18-kenniscafe@werkplaatssociaaldomeinzhz.nl': stable across edits and builds.
    A date of a series adds the date the series gave it: it stays when the
    date is moved, cancelled, or others are added."""
    own = f"/{entry.occurrence:%Y-%m-%d}" if entry.occurrence else ""
    return f"{entry.source_path.removesuffix('.md')}{own}@{UID_DOMAIN}"


def stamp(entry: Entry, history: History) -> dt.datetime:
    """DTSTAMP and LAST-MODIFIED: when the event's file last changed, in UTC.
    (With METHOD:PUBLISH, RFC 5545 3.8.7.2 makes DTSTAMP the moment the
    object was created; that is this moment, so a rebuild creates no new one.)"""
    return dt.datetime.fromtimestamp(history.stamp(entry.rel), dt.UTC)


def _vevent(entry: Entry, url: str, history: History) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid(entry))
    event.add("dtstamp", stamp(entry, history))
    event.add("last-modified", stamp(entry, history))
    event.add("sequence", history.sequence(entry.rel))
    event.add("summary", entry.title)
    # All-day: DATE values, and DTEND is the day after the last day.
    start, end = entry.calendar_span
    event.add("dtstart", start)
    event.add("dtend", end)
    if location_text(entry):
        event.add("location", location_text(entry))
    event.add("description", description_text(entry, url))
    event.add("url", url + (f"#datum-{entry.occurrence:%Y-%m-%d}" if entry.occurrence else ""))
    event.add("status", _STATUS[entry.status])
    for name in entry.categories:
        event.add("categories", name)
    return event


def location_text(entry: Entry) -> str:
    """Where, for a calendar: the place on one line, else "Online", else nothing."""
    if entry.location:
        return entry.location.one_line
    return "Online" if entry.online else ""


def description_text(entry: Entry, url: str) -> str:
    """A calendar item's text: the description, the join link, the event's page."""
    join = f"Online meedoen: {entry.online}" if entry.online else ""
    return "\n\n".join(p for p in (entry.description, join, url) if p)


# How often a subscribed calendar should look again: the site is deployed
# daily (.github/workflows/deploy.yml), so twice a day catches every change
# the same day. RFC 7986 REFRESH-INTERVAL, and Microsoft's X-PUBLISHED-TTL.
REFRESH = dt.timedelta(hours=12)


def calendar(events: list[Entry], urls: dict[str, str], *, site_url: str, name: str, history: History, subscribable: bool = False) -> bytes:
    """A VCALENDAR with a VTIMEZONE for Europe/Amsterdam and one VEVENT per
    event (none of either without events: nothing would refer to the zone).
    A subscribable one (a feed, not one event's file) says how often to refresh."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if subscribable:
        cal.add("name", name)
        cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", icalendar.vDuration(REFRESH))
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    # The VTIMEZONE covers the years of the events, so a client needs no other source.
    if events:
        years = [e.first_day.year for e in events]
        span = (dt.date(min(years) - 1, 1, 1), dt.date(max(years) + 2, 1, 1))
        cal.add_component(icalendar.Timezone.from_tzinfo(TZ, "Europe/Amsterdam", *span))
    for entry in sorted(events, key=uid):
        cal.add_component(_vevent(entry, urljoin(site_url, urls[entry.rel]), history))
    return cal.to_ical()
