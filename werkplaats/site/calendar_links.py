"""'Zet in je agenda' for web calendars: Google Agenda, Outlook.com and
Microsoft 365 (Outlook on the web for work and school accounts).

Plain links built at build time: nothing is sent to Google or Microsoft
until a visitor clicks one. Times go as UTC ("...Z"), so each calendar
shows them in its user's own zone, right on both sides of a change to or
from summer time; an all-day event goes as dates, its end the day after
its last day, as in the .ics (werkplaats.site.ical). Title, place and text are
the .ics's own (ical.location_text, ical.description_text).

The parameters are the calendars' compose addresses as they work today
(Google: calendar/render?action=TEMPLATE; Outlook: calendar/deeplink/compose
with rru=addevent); neither is formally documented, which is why the .ics
stays the first choice on the page.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlencode

from ..content.model import Entry
from .ical import description_text, location_text

GOOGLE = "https://calendar.google.com/calendar/render"
SAFE = "/:"  # left as they are in a query value: the links stay readable
OUTLOOK = {
    "Outlook.com": "https://outlook.live.com/calendar/deeplink/compose",
    "Microsoft 365": "https://outlook.office.com/calendar/deeplink/compose",
}


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


def google(entry: Entry, page_url: str) -> str:
    start, end = entry.calendar_span
    if entry.all_day:
        dates = f"{start:%Y%m%d}/{end:%Y%m%d}"
    else:
        dates = f"{_utc(start):%Y%m%dT%H%M%SZ}/{_utc(end):%Y%m%dT%H%M%SZ}"
    query = {"action": "TEMPLATE", "text": entry.title, "dates": dates, "details": description_text(entry, page_url)}
    if location_text(entry):
        query["location"] = location_text(entry)
    return f"{GOOGLE}?{urlencode(query, safe=SAFE, quote_via=quote)}"


def outlook(entry: Entry, page_url: str, base: str) -> str:
    start, end = entry.calendar_span
    if entry.all_day:
        span = {"startdt": start.isoformat(), "enddt": end.isoformat(), "allday": "true"}
    else:
        span = {"startdt": f"{_utc(start):%Y-%m-%dT%H:%M:%SZ}", "enddt": f"{_utc(end):%Y-%m-%dT%H:%M:%SZ}", "allday": "false"}
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": entry.title,
        **span,
        "body": description_text(entry, page_url),
    }
    if location_text(entry):
        query["location"] = location_text(entry)
    return f"{base}?{urlencode(query, safe=SAFE, quote_via=quote)}"


def links(entry: Entry, page_url: str) -> list[dict]:
    """[{'label': 'Google Agenda', 'url': ...}, ...] in the order the page shows them."""
    return [{"label": "Google Agenda", "url": google(entry, page_url)}] + [
        {"label": label, "url": outlook(entry, page_url, base)} for label, base in OUTLOOK.items()
    ]
