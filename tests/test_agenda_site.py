"""The agenda on the built site.

- Invariants of the project under test (conftest.PROJECT), whatever
  posts/agenda/ holds: the agenda page splits upcoming and past events, every
  published event has its page, calendar file and month-grid days, reports
  and events link to each other once both are out, the feed holds exactly
  the published events. Expected values come from the content model.
- Behaviour on the varied project (tests/varied.py), built before, on,
  after and long after its events: order, today's event, Dutch dates and
  time offsets, month grids, cancelled and online events, cross links.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import icalendar
import pytest
import varied
from conftest import manifest, page, site_path, site_posts, site_state

from werkplaats.core.dates import TZ
from werkplaats.site import agenda

# --- reading the agenda -----------------------------------------------------------------


def listed_titles(node) -> list[str]:
    """Event titles in lists, in order; the home page shows the next event on its own first."""
    return [h.a.get_text(strip=True) for h in node.select(".wp-next__title, .wp-event__title")]


def section_after(soup, heading_id: str) -> list[str]:
    """Titles in the event lists that follow the heading with this id (up to the next h2)."""
    heading = soup.find(id=heading_id)
    items = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        if sibling.name == "ul" and "wp-events" in sibling.get("class", []):
            items += listed_titles(sibling)
    return items


def section_starts(soup, heading_id: str) -> list[tuple]:
    """Sort keys of the listed events' start times: (day, has a time, moment)."""
    heading = soup.find(id=heading_id)
    keys = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        for time in sibling.select(".wp-event__when time[datetime]") if sibling.name == "ul" else []:
            value = time["datetime"]
            if "T" in value:
                moment = dt.datetime.fromisoformat(value)
                keys.append((moment.astimezone(TZ).date(), True, moment))
            else:
                keys.append((dt.date.fromisoformat(value), False, None))
    return keys


def home_upcoming(site) -> list[str]:
    return listed_titles(page(site, "").find(id="binnenkort").parent)


def jsonld_event(soup, start: str = "") -> dict:
    """The page's Event; on a series' page (one @graph), the one starting at `start`."""
    found = []
    for script in soup.select('script[type="application/ld+json"]'):
        data = json.loads(script.string)
        found += [item for item in data.get("@graph", [data]) if item.get("@type") == "Event" and (not start or item["startDate"] == start)]
    (data,) = found
    return data


def month_cells(site) -> dict[str, list[tuple[str, str]]]:
    """Every busy day of every month page: iso day -> [(link text, event URL)]."""
    cells = {}
    for path in sorted((site / "agenda" / "maand").glob("*/index.html")):
        url = f"agenda/maand/{path.parent.name}/"
        for td in page(site, url).select("table.wp-month tbody td"):
            links = td.select("li a")
            if links:
                cells[td.time["datetime"]] = [(a.get_text(" ", strip=True), site_path(site, url, a["href"])) for a in links]
    return cells


def vevents(site) -> list:
    return icalendar.Calendar.from_ical((site / agenda.FEED_PATH).read_bytes()).walk("VEVENT")


# === Invariants of the project under test =============================================


def events():
    return site_state().events


def start_key(entry) -> tuple:
    timed = isinstance(entry.start, dt.datetime)
    return (entry.first_day, timed, entry.start if timed else None)


def test_agenda_page_splits_upcoming_and_past(site):
    today = site_state().today
    soup = page(site, "agenda")
    upcoming = [e for e in events() if e.last_day >= today]
    past = [e for e in events() if e.last_day < today]
    shown_past = sorted(past, key=start_key, reverse=True)[: agenda.RECENT_PAST_COUNT]
    assert sorted(section_after(soup, "binnenkort")) == sorted(e.title for e in upcoming)
    assert sorted(section_after(soup, "eerder")) == sorted(e.title for e in shown_past)
    for heading, newest_first in (("binnenkort", False), ("eerder", True)):
        starts = section_starts(soup, heading)
        assert len(starts) == len(section_after(soup, heading))
        assert starts == sorted(starts, key=lambda k: (k[0], k[1], k[2] or 0), reverse=newest_first), heading
    assert ("geen activiteiten gepland" in soup.find(id="binnenkort").find_next("p").get_text()) is not upcoming
    # upcoming events are grouped under a heading per month, linking to its grid
    months = [h.a["href"] for h in soup.select("h3[id^=maand-]")]
    assert [site_path(site, "agenda/", href) for href in months] == list(
        dict.fromkeys(agenda.month_dir(e.first_day.replace(day=1)) for e in sorted(upcoming, key=start_key))
    )


def test_home_page_lists_the_next_events(site):
    today = site_state().today
    upcoming = [e for e in events() if e.last_day >= today]
    listed = home_upcoming(site)
    assert len(listed) == min(agenda.HOME_EVENT_COUNT, len(upcoming))
    assert listed == section_after(page(site, "agenda"), "binnenkort")[: agenda.HOME_EVENT_COUNT]


def test_every_event_has_its_page_facts_and_calendar_file(site):
    """Every date in the agenda: its page (a series: its row on the series'
    page), its JSON-LD Event and its own calendar file."""
    today = site_state().today
    for entry in events():
        url = agenda.event_dir(entry)
        soup = page(site, url)
        assert soup.select_one("article h1").get_text(strip=True) == entry.title
        facts = soup.find(id=agenda.date_anchor(entry)) if entry.occurrence else soup.select_one(".wp-facts")
        assert facts.select_one("time")["datetime"] == entry.start.isoformat()
        data = jsonld_event(soup, entry.start.isoformat())
        assert data["name"] == entry.title
        assert data["url"].startswith("https://") and data["url"].split("#")[0].endswith(url)
        if entry.occurrence:  # each date of a series offers its own file in its row
            ics = facts.find("a", href=re.compile(r"\.ics$"))
        else:
            ics = soup.find("a", string=re.compile("Zet in je agenda"))
        # Not offered for a cancelled event, nor once it is over (tests/test_past_events.py).
        assert (ics is None) is (entry.status == "geannuleerd" or agenda.has_ended(entry, today)), entry.rel
        (vevent,) = icalendar.Calendar.from_ical((site / agenda.event_ics(entry)).read_bytes()).walk("VEVENT")
        assert vevent["SUMMARY"] == entry.title
        if ics is not None:
            assert site_path(site, url, ics["href"]) == agenda.event_ics(entry)
    # and the feeds: the whole agenda and one per category, and each series' file of all its dates
    series = [e for e in site_state().event_pages if e.is_series]
    assert len(list((site / "agenda").rglob("*.ics"))) == len(events()) + len(agenda.feeds(events(), "")) + len(series)


def test_events_and_reports_link_to_each_other_once_both_are_out(site):
    published = {e.rel: e for e in site_posts()}
    for entry in events():
        link = page(site, agenda.event_dir(entry)).select_one(".wp-report-link a")
        report = published.get(entry.report)
        if report is None:  # no report, or not published yet
            assert link is None, entry.rel
            continue
        report_url = site_path(site, agenda.event_dir(entry), link["href"])
        report_page = page(site, report_url)
        assert report_page.h1.get_text(strip=True) == report.title
        back = report_page.select_one(".wp-report-link a")
        assert back.get_text(strip=True) == entry.title
        assert site_path(site, report_url, back["href"]) == agenda.event_dir(entry)


def test_month_grids_show_every_day_of_every_event(site):
    expected: dict[str, set[str]] = {}
    for entry in events():
        for day in agenda.days_of(entry):
            expected.setdefault(day.isoformat(), set()).add(agenda.event_dir(entry))
    cells = month_cells(site)
    assert {day: {url for _, url in links} for day, links in cells.items()} == expected
    built = sorted(p.parent.name for p in (site / "agenda" / "maand").glob("*/index.html"))
    assert built == sorted({day[:7] for day in expected})


def test_category_pages_list_their_events(site):
    names = agenda.taxonomy(events(), "categories")
    for name, members in names.items():
        soup = page(site, agenda.category_dir(name))
        assert sorted(listed_titles(soup)) == sorted(e.title for e in members)
    soorten = page(site, "agenda").find(id="soorten")
    listed = {a.get_text(strip=True) for a in soorten.find_next("ul").select("a")} if soorten else set()
    assert listed == set(names)


def test_feed_is_linked_and_holds_exactly_the_published_events(site):
    soup = page(site, "agenda")
    alternate = soup.select_one('link[rel=alternate][type="text/calendar"]')
    assert site_path(site, "agenda/", alternate["href"]) == agenda.FEED_PATH
    webcal = soup.find("a", href=re.compile(r"^webcal://"))
    assert webcal["href"].endswith(agenda.FEED_PATH)
    for other in ("", "nieuws", "contact"):
        assert page(site, other).select_one('link[rel=alternate][type="text/calendar"]') is not None
    cal = icalendar.Calendar.from_ical((site / agenda.FEED_PATH).read_bytes())
    uids = [str(v["UID"]) for v in cal.walk("VEVENT")]
    assert len(uids) == len(set(uids)) == len(events())
    assert sorted(str(v["SUMMARY"]) for v in cal.walk("VEVENT")) == sorted(e.title for e in events())
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"


# === Behaviour, on the varied project (tests/varied.py) =====================================

V = varied


def titles(items) -> list[str]:
    return [e.title for e in items]


def test_upcoming_soonest_first_past_newest_first(varied_build):
    site = varied_build(V.TODAY)
    soup = page(site, "agenda")
    upcoming = [V.OPEN_DAG, V.WERKBEZOEK, V.STUDIEDAGEN, V.WEBINAR, V.TWEEDAAGSE]
    past = [V.KENNISCAFE, V.WIJKAVOND, V.LEERGROEP_1, V.START]
    assert (upcoming, past) == (V.upcoming(V.TODAY), V.past(V.TODAY))
    assert section_after(soup, "binnenkort") == titles(upcoming)
    assert section_after(soup, "eerder") == titles(past)
    # grouped by month, months in Dutch
    months = [h.get_text(strip=True) for h in soup.select("h3[id^=maand-]")]
    assert months == ["November 2026", "December 2026", "Januari 2027", "Maart 2027"]
    assert home_upcoming(site) == titles(upcoming[:3])
    assert V.TEAMDAG.title not in soup.get_text()


def test_an_event_on_today_is_upcoming_until_the_day_is_over(varied_build):
    assert section_after(page(varied_build(V.TODAY), "agenda"), "binnenkort")[0] == V.OPEN_DAG.title
    after = page(varied_build(V.NEXT_DAY), "agenda")
    assert section_after(after, "eerder")[0] == V.OPEN_DAG.title
    assert section_after(after, "binnenkort") == titles(V.upcoming(V.NEXT_DAY))


def test_before_all_events_everything_is_upcoming(varied_build):
    site = varied_build(V.EARLY)
    soup = page(site, "agenda")
    assert section_after(soup, "binnenkort") == titles(sorted(V.PUBLIC_EVENTS, key=lambda e: e.start))
    assert section_after(soup, "eerder") == []
    assert "Nog geen eerdere activiteiten" in soup.find(id="eerder").find_next("p").get_text()


def test_after_all_events_nothing_planned(varied_build):
    site = varied_build(V.LATE)
    soup = page(site, "agenda")
    assert section_after(soup, "binnenkort") == []
    assert "geen activiteiten gepland" in soup.find(id="binnenkort").find_next("p").get_text()
    assert section_after(soup, "eerder") == titles(sorted(V.PUBLIC_EVENTS, key=lambda e: e.start, reverse=True))
    assert "geen activiteiten gepland" in page(site, "").find(id="binnenkort").parent.get_text()


@pytest.fixture(scope="module")
def event_url(varied_build):
    """event_url(event) -> where the build put it (from its manifest)."""
    files = manifest(varied_build(V.TODAY))
    return lambda event: files[f"posts/{event.file}"]["url"]


def test_event_address_is_its_first_day_and_title(event_url):
    assert event_url(V.OPEN_DAG) == "agenda/2026/11/22/open-dag-van-de-werkplaats/"
    assert event_url(V.STUDIEDAGEN) == "agenda/2026/12/14/studiedagen-sociaal-werk/"


@pytest.mark.parametrize("event", V.PUBLIC_EVENTS, ids=lambda e: e.file)
def test_event_page_date_line_place_and_jsonld(varied_build, event_url, event):
    site = varied_build(V.TODAY)
    soup = page(site, event_url(event))
    when = soup.select_one(".wp-facts time")
    assert when.get_text(strip=True) == event.when
    data = jsonld_event(soup)
    assert data["name"] == event.title
    if event.offset:  # the offset of that date: winter +01:00, summer +02:00
        assert data["startDate"] == f"{event.start.replace(' ', 'T')}:00{event.offset}"
        assert data["endDate"] == f"{event.end.replace(' ', 'T')}:00{event.offset}"
    else:
        assert data["startDate"] == event.start and data.get("endDate", event.start) == (event.end or event.start)
    assert when["datetime"] == data["startDate"]
    status = {"gepland": "EventScheduled", "geannuleerd": "EventCancelled"}[event.status]
    assert data["eventStatus"] == f"https://schema.org/{status}"
    osm = soup.find("a", string=re.compile("OpenStreetMap"))
    if event.online:
        assert data["location"] == {"@type": "VirtualLocation", "url": event.online}
        assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
        assert soup.select_one(f'.wp-facts a[href="{event.online}"]') is not None and osm is None
    else:
        assert data["location"]["address"].get("addressLocality", "") == event.city
        assert osm["href"].startswith("https://www.openstreetmap.org/search?query=")
    ics = soup.find("a", string=re.compile("Zet in je agenda"))
    assert (ics is None) is (event.status == "geannuleerd" or not event.upcoming(V.TODAY))
    slug = event_url(event).rstrip("/").rsplit("/", 1)[1]
    ics_path = site_path(site, event_url(event), ics["href"]) if ics is not None else f"{event_url(event)}{slug}.ics"
    (vevent,) = icalendar.Calendar.from_ical((site / ics_path).read_bytes()).walk("VEVENT")
    assert vevent["SUMMARY"] == event.title
    assert isinstance(vevent.decoded("DTSTART"), dt.datetime) is event.timed


def test_cancelled_event_stays_listed_and_marked(varied_build, event_url):
    site = varied_build(V.TODAY)
    soup = page(site, event_url(V.WERKBEZOEK))
    assert soup.select_one(".wp-status-banner").get_text(" ", strip=True).startswith("Geannuleerd")
    assert soup.find("a", string=re.compile("Aanmelden")) is None  # it has a registration address
    assert soup.find("a", string=re.compile("Zet in je agenda")) is None
    item = page(site, "agenda").select_one(".wp-event--geannuleerd")
    assert item is not None and listed_titles(item) == [V.WERKBEZOEK.title] and "Geannuleerd" in item.get_text()
    [vevent] = [v for v in vevents(site) if v["SUMMARY"] == V.WERKBEZOEK.title]
    assert vevent["STATUS"] == "CANCELLED"


def test_registration_only_while_the_event_is_upcoming(varied_build, event_url):
    button = lambda today: page(varied_build(today), event_url(V.STUDIEDAGEN)).find("a", string=re.compile("Aanmelden"))  # noqa: E731
    assert button(V.TODAY)["href"] == "https://example.org/aanmelden"
    assert button(V.LATE) is None


@pytest.mark.parametrize("today, linked", [(V.TODAY, False), (V.NEXT_DAY, True)])
def test_events_and_reports_link_to_each_other(varied_build, event_url, today, linked):
    site = varied_build(today)
    pairs = [
        (V.LEERGROEP_1, V.VERSLAG_LEERGROEP, True),
        (V.WIJKAVOND, V.VERSLAG_WIJKAVOND, True),
        (V.KENNISCAFE, V.VERSLAG_KENNISCAFE, linked),
    ]
    for event, report, shown in pairs:
        link = page(site, event_url(event)).select_one(".wp-report-link a")
        assert (link is not None) is shown, event.title
        if shown:
            report_url = site_path(site, event_url(event), link["href"])
            assert link.get_text(strip=True) == report.title
            back = page(site, report_url).select_one(".wp-report-link a")
            assert (back.get_text(strip=True), site_path(site, report_url, back["href"])) == (event.title, event_url(event))


def test_month_grid_page(varied_build, event_url):
    site = varied_build(V.TODAY)
    soup = page(site, "agenda/maand/2026-12")
    table = soup.select_one("table.wp-month")
    assert table.caption.get_text(strip=True) == "Activiteiten in december 2026"
    assert [th["scope"] for th in table.select("thead th")] == ["col"] * 7
    assert [th.abbr["title"] for th in table.select("thead th")] == [
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
    ]
    assert len(table.select("tbody td")) % 7 == 0
    studiedagen = [("t/m 16 december 2026 Studiedagen sociaal werk", event_url(V.STUDIEDAGEN))]
    busy = {day: links for day, links in month_cells(site).items() if day.startswith("2026-12")}
    assert busy == {
        "2026-12-08": [("10:00–12:00 Werkbezoek aan Gorinchem", event_url(V.WERKBEZOEK))],
        "2026-12-14": studiedagen,
        "2026-12-15": studiedagen,
        "2026-12-16": studiedagen,
    }
    assert "(Geannuleerd)" in table.find("time", datetime="2026-12-08").parent.get_text()
    nav = soup.select_one(".wp-month-nav")
    assert nav.select_one("a[rel=prev]").get_text(strip=True) == "← november 2026"
    assert nav.select_one("a[rel=next]").get_text(strip=True) == "januari 2027 →"
    assert page(site, "agenda/maand/2025-10").select_one(".wp-month-nav a[rel=prev]") is None
    assert page(site, "agenda/maand/2027-03").select_one(".wp-month-nav a[rel=next]") is None
    assert sorted(p.parent.name for p in (site / "agenda" / "maand").glob("*/index.html")) == [
        "2025-10",
        "2026-02",
        "2026-09",
        "2026-11",
        "2026-12",
        "2027-01",
        "2027-03",
    ]


def test_month_grid_marks_today_and_says_what_is_left_of_an_event_on_its_later_days(varied_build, event_url):
    for today in (V.TODAY, V.NEXT_DAY):
        grid = page(varied_build(today), f"agenda/maand/{today[:7]}").select_one("table.wp-month")
        marked = grid.select("td[aria-current]")
        assert [(td["aria-current"], td.time["datetime"]) for td in marked] == [("date", today)]
        assert "wp-month__today" in marked[0]["class"] and "(vandaag)" in marked[0].get_text()
        # (On a busy day both the phone's day link and the wide grid's day say it; CSS shows one.)
        assert [td for td in grid.select("td") if "(vandaag)" in td.get_text()] == marked
    # A grid with no today in it marks nothing.
    assert page(varied_build(V.TODAY), "agenda/maand/2027-03").select("td[aria-current], .wp-month__today") == []
    # Its first day gives the whole span; the next day only what is left of it.
    cells = month_cells(varied_build(V.TODAY))
    assert cells["2027-03-30"] == [("09:00 tot 31 maart 2027 16:00 Tweedaagse training gespreksvoering", event_url(V.TWEEDAAGSE))]
    assert cells["2027-03-31"] == [("tot 16:00 Tweedaagse training gespreksvoering", event_url(V.TWEEDAAGSE))]


def test_category_and_tag_pages(varied_build):
    site = varied_build(V.TODAY)
    assert sorted(listed_titles(page(site, agenda.category_dir("Kenniscafé")))) == sorted([V.KENNISCAFE.title, V.WEBINAR.title])
    assert listed_titles(page(site, agenda.category_dir("Netwerkbijeenkomst"))) == [V.WIJKAVOND.title, V.START.title]
    assert listed_titles(page(site, agenda.tag_dir("armoede"))) == [V.LEERGROEP_1.title]
    soorten = page(site, "agenda").find(id="soorten").find_next("ul")
    assert [a.get_text(strip=True) for a in soorten.select("a")] == ["Kenniscafé", "Netwerkbijeenkomst", "Werkconferentie", "Wijkteams"]


def test_calendar_feed_and_stable_uids(varied_build):
    today, tomorrow = varied_build(V.TODAY), varied_build(V.NEXT_DAY)
    assert sorted(str(v["SUMMARY"]) for v in vevents(today)) == sorted(titles(V.PUBLIC_EVENTS))
    all_day = {str(v["SUMMARY"]): v.decoded("DTSTART") for v in vevents(today)}[V.OPEN_DAG.title]
    assert all_day == dt.date(2026, 11, 22)
    uids = lambda site: sorted(str(v["UID"]) for v in vevents(site))  # noqa: E731
    assert len(set(uids(today))) == len(V.PUBLIC_EVENTS)
    assert uids(today) == uids(tomorrow)
