"""Web-calendar links beside the .ics (werkplaats/site/calendar_links.py): Google
Agenda, Outlook.com and Microsoft 365.

Plain data first: links for events in winter and summer time, all-day and
online, read back with urllib and compared with the event's own times. Then
the varied fixture's event pages: each link's times equal the DTSTART and
DTEND of the event's own .ics, parsed with icalendar, and only events that
offer the .ics have them.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
import varied as V
from conftest import manifest, page, site_path

from werkplaats.content.entries import DEFAULT_DURATION, Location
from werkplaats.content.model import Entry
from werkplaats.core.dates import TZ
from werkplaats.site import calendar_links

PAGE = "https://example.org/site/agenda/x/"


def event(**fields) -> Entry:
    fields.setdefault("location", Location(name="Hogeschool Rotterdam", address="Museumpark 40", postcode="3015 CX", city="Rotterdam"))
    return Entry(
        kind="agenda", path=Path("/p/agenda/x.md"), rel="posts/agenda/x.md", title="Kenniscafé & meer", body="", slug="x", **fields
    )


def amsterdam(year, month, day, hour, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=TZ)


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def google_span(url: str):
    start, end = query(url)["dates"].split("/")
    if "T" not in start:
        return dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    parse = lambda s: dt.datetime.strptime(s, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC).astimezone(TZ)  # noqa: E731
    return parse(start), parse(end)


def outlook_span(url: str):
    q = query(url)
    if q["allday"] == "true":
        return dt.date.fromisoformat(q["startdt"]), dt.date.fromisoformat(q["enddt"])
    parse = lambda s: dt.datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(TZ)  # noqa: E731
    return parse(q["startdt"]), parse(q["enddt"])


@pytest.mark.parametrize(
    "start, utc_hour",
    [(amsterdam(2027, 1, 21, 15), 14), (amsterdam(2027, 7, 15, 15), 13)],
    ids=["winter", "summer"],
)
def test_times_read_back_as_the_events_own_on_both_sides_of_summer_time(start, utc_hour):
    entry = event(start=start, end=start + dt.timedelta(hours=2))
    google, live, office = (link["url"] for link in calendar_links.links(entry, PAGE))
    assert google_span(google) == outlook_span(live) == outlook_span(office) == (entry.start, entry.end)
    # As UTC, so the visitor's calendar shows it in its own zone.
    assert query(google)["dates"].startswith(f"{start:%Y%m%d}T{utc_hour:02d}0000Z")
    assert query(live)["allday"] == "false"


def test_an_event_without_an_end_lasts_as_long_as_in_the_ics():
    entry = event(start=amsterdam(2027, 3, 4, 19, 30))
    for link in calendar_links.links(entry, PAGE):
        span = google_span(link["url"]) if "google" in link["url"] else outlook_span(link["url"])
        assert span == (entry.start, entry.start + DEFAULT_DURATION)


def test_an_all_day_event_goes_as_dates_ending_the_day_after_its_last_day():
    entry = event(start=dt.date(2026, 12, 14), end=dt.date(2026, 12, 16))
    google, live, office = (link["url"] for link in calendar_links.links(entry, PAGE))
    assert query(google)["dates"] == "20261214/20261217"
    for url in (live, office):
        assert {k: query(url)[k] for k in ("startdt", "enddt", "allday")} == {
            "startdt": "2026-12-14",
            "enddt": "2026-12-17",
            "allday": "true",
        }


def test_title_place_text_and_the_address_of_the_calendar_services():
    entry = event(start=amsterdam(2027, 1, 21, 15), description="Over jeugdhulp.")
    google, live, office = (link["url"] for link in calendar_links.links(entry, PAGE))
    assert google.startswith("https://calendar.google.com/calendar/render?action=TEMPLATE&")
    assert live.startswith("https://outlook.live.com/calendar/deeplink/compose?")
    assert office.startswith("https://outlook.office.com/calendar/deeplink/compose?")
    assert query(google)["text"] == query(live)["subject"] == "Kenniscafé & meer"
    assert query(google)["location"] == query(office)["location"] == "Hogeschool Rotterdam, Museumpark 40, 3015 CX Rotterdam"
    assert query(google)["details"] == query(live)["body"] == f"Over jeugdhulp.\n\n{PAGE}"
    assert query(live)["rru"] == "addevent" and query(live)["path"] == "/calendar/action/compose"
    assert [link["label"] for link in calendar_links.links(entry, PAGE)] == ["Google Agenda", "Outlook.com", "Microsoft 365"]


def test_an_online_event_says_online_and_carries_its_join_link():
    entry = event(start=amsterdam(2027, 2, 2, 10), location=None, online="https://example.org/webinar")
    google = calendar_links.google(entry, PAGE)
    assert query(google)["location"] == "Online"
    assert "Online meedoen: https://example.org/webinar" in query(google)["details"]


# --- The fixture's event pages ------------------------------------------------------


@pytest.mark.parametrize("item", V.PUBLIC_EVENTS, ids=lambda e: e.file)
def test_every_event_page_offers_web_calendars_exactly_when_it_offers_the_ics(varied_build, item):
    site = varied_build(V.TODAY)
    url = manifest(site)[f"posts/{item.file}"]["url"]
    soup = page(site, url)
    ics = soup.find("a", string=re.compile("Zet in je agenda"))
    links = soup.select(".wp-agenda-links a")
    # Still to come and not cancelled: the .ics, so the web calendars too.
    assert (ics is not None) is (item.upcoming(V.TODAY) and item.status != "geannuleerd")
    if ics is None:
        assert links == [], "no .ics offered (past or cancelled), so no web calendar either"
        return
    assert [a.get_text() for a in links] == ["Google Agenda", "Outlook.com", "Microsoft 365"]
    assert all(a["rel"] == ["noopener", "nofollow"] for a in links)
    (vevent,) = icalendar.Calendar.from_ical((site / site_path(site, url, ics["href"])).read_bytes()).walk("VEVENT")
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    if isinstance(start, dt.datetime):
        start, end = start.astimezone(TZ), end.astimezone(TZ)
    google, live, office = (a["href"] for a in links)
    assert google_span(google) == outlook_span(live) == outlook_span(office) == (start, end)
    assert query(google)["text"] == str(vevent["SUMMARY"]) and query(google)["details"] == str(vevent["DESCRIPTION"])
