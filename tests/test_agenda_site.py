"""The agenda on the built site, with SITE_TODAY before, between and after
the real events (posts/agenda/)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup

from werkplaats import agenda
from werkplaats.build import start_build

from conftest import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
REAL = start_build()
EVENTS = sorted((e for e in REAL.entries if e.is_event), key=lambda e: e.start)
BY_DAY = {e.first_day.isoformat(): e for e in EVENTS}


def soup(site, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def listed_titles(node) -> list[str]:
    return [h.a.get_text(strip=True) for h in node.select(".wp-event__title")]


def section_after(page: BeautifulSoup, heading_id: str):
    """The event list that follows the heading with this id (up to the next h2)."""
    heading = page.find(id=heading_id)
    items = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        if sibling.name == "ul" and "wp-events" in sibling.get("class", []):
            items += listed_titles(sibling)
    return items


def test_the_real_events_are_the_six_of_the_seeds():
    assert list(BY_DAY) == ["2016-05-26", "2017-03-07", "2017-05-18", "2017-09-14", "2017-10-26", "2018-10-18"]


def test_before_all_events_everything_is_upcoming_soonest_first(site_build):
    site = site_build("2016-01-01")
    page = soup(site, "agenda")
    assert section_after(page, "binnenkort") == [e.title for e in EVENTS]
    assert "Nog geen eerdere activiteiten" in page.get_text()
    # grouped by month, months in Dutch, in order
    months = [h.get_text(strip=True) for h in page.select("h3[id^=maand-]")]
    assert months == ["Mei 2016", "Maart 2017", "Mei 2017", "September 2017", "Oktober 2017", "Oktober 2018"]
    home = soup(site, "")
    assert listed_titles(home.find(id="binnenkort").parent) == [e.title for e in EVENTS[:3]]


def test_between_events_split_and_order(site_build):
    site = site_build("2017-06-01")
    page = soup(site, "agenda")
    upcoming = [BY_DAY[d].title for d in ("2017-09-14", "2017-10-26", "2018-10-18")]
    past = [BY_DAY[d].title for d in ("2017-05-18", "2017-03-07", "2016-05-26")]
    assert section_after(page, "binnenkort") == upcoming
    assert section_after(page, "eerder") == past
    assert listed_titles(soup(site, "").find(id="binnenkort").parent) == upcoming


def test_an_event_on_today_is_still_upcoming(site_build):
    site = site_build("2018-10-18")
    assert section_after(soup(site, "agenda"), "binnenkort") == [BY_DAY["2018-10-18"].title]


def test_after_all_events_nothing_planned(site_build):
    site = site_build("2026-11-22")
    page = soup(site, "agenda")
    assert section_after(page, "binnenkort") == []
    assert "geen activiteiten gepland" in page.find(id="binnenkort").find_next("p").get_text()
    assert section_after(page, "eerder") == [e.title for e in reversed(EVENTS)]
    home = soup(site, "")
    assert "geen activiteiten gepland" in home.find(id="binnenkort").parent.get_text()


@pytest.mark.parametrize("day, line, offset", [
    ("2017-03-07", "dinsdag 7 maart 2017, 15:00–17:30", "+01:00"),  # winter time
    ("2018-10-18", "donderdag 18 oktober 2018, 19:00–21:30", "+02:00"),  # summer time
    ("2017-10-26", "donderdag 26 oktober 2017, 13:00–17:30", "+02:00"),
    ("2016-05-26", "donderdag 26 mei 2016, 13:00–17:00", "+02:00"),
])
def test_event_page_date_line_and_jsonld(site_build, day, line, offset):
    site = site_build("2017-06-01")
    entry = BY_DAY[day]
    page = soup(site, agenda.event_dir(entry))
    when = page.select_one(".wp-facts time")
    assert when.get_text(strip=True) == line
    assert when["datetime"] == entry.start.isoformat()
    blocks = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
    (data,) = [b for b in blocks if b["@type"] == "Event"]
    assert data["name"] == entry.title
    assert data["startDate"].endswith(offset) and data["endDate"].endswith(offset)
    assert data["location"]["address"]["addressLocality"] == entry.location.city
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["url"].startswith("https://") and data["url"].endswith(agenda.event_dir(entry))
    osm = page.find("a", string=re.compile("OpenStreetMap"))
    assert osm["href"].startswith("https://www.openstreetmap.org/search?query=")
    ics = page.find("a", string=re.compile("Zet in je agenda"))
    target = (site / agenda.event_dir(entry) / ics["href"]).resolve()
    (vevent,) = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert vevent["SUMMARY"] == entry.title


def test_events_and_reports_link_to_each_other(site_build):
    site = site_build("2026-11-22")
    for entry in EVENTS:
        page = soup(site, agenda.event_dir(entry))
        link = page.select_one(".wp-report-link a")
        if not entry.report:
            assert link is None
            continue
        report_page = (site / agenda.event_dir(entry) / link["href"] / "index.html").resolve()
        report = BeautifulSoup(report_page.read_text(encoding="utf-8"), "lxml")
        assert report.h1.get_text(strip=True) == REAL.entry_for(entry.report).title
        back = report.select_one(".wp-report-link a")
        assert back.get_text(strip=True) == entry.title
        assert (report_page.parent / back["href"] / "index.html").resolve() == (site / agenda.event_dir(entry) / "index.html").resolve()


def test_report_link_waits_for_the_report_to_be_published(site_build):
    site = site_build("2018-10-20")  # Kenniscafé report appears on 30 October 2018
    page = soup(site, agenda.event_dir(BY_DAY["2018-10-18"]))
    assert page.select_one(".wp-report-link") is None


def test_month_grid_page(site_build):
    site = site_build("2017-06-01")
    page = soup(site, "agenda/maand/2018-10")
    table = page.select_one("table.wp-month")
    assert table.caption.get_text(strip=True) == "Activiteiten in oktober 2018"
    assert [th["scope"] for th in table.select("thead th")] == ["col"] * 7
    assert [th.abbr["title"] for th in table.select("thead th")][0] == "maandag"
    cells = table.select("tbody td")
    assert len(cells) % 7 == 0
    busy = {td.time["datetime"]: [a.get_text(" ", strip=True) for a in td.select("li a")] for td in cells if td.select("li a")}
    assert busy == {"2018-10-18": [f"19:00–21:30 {BY_DAY['2018-10-18'].title}"]}
    link = table.select_one("li a")["href"]
    assert (site / "agenda/maand/2018-10" / link / "index.html").resolve().is_file()
    nav = page.select_one(".wp-month-nav")
    assert nav.select_one("a[rel=prev]").get_text(strip=True) == "← oktober 2017"
    assert nav.select_one("a[rel=next]") is None
    assert soup(site, "agenda/maand/2016-05").select_one(".wp-month-nav a[rel=prev]") is None


def test_category_pages_list_their_events(site_build):
    site = site_build("2026-11-22")
    for name, members in agenda.taxonomy(EVENTS, "categories").items():
        page = soup(site, agenda.category_dir(name))
        assert sorted(listed_titles(page)) == sorted(e.title for e in members)
    agenda_page = soup(site, "agenda")
    assert {a.get_text(strip=True) for a in agenda_page.find(id="soorten").find_next("ul").select("a")} == set(agenda.taxonomy(EVENTS, "categories"))


def test_feed_is_linked_and_parses_with_unique_uids(site_build):
    site = site_build("2017-06-01")
    page = soup(site, "agenda")
    alternate = page.select_one('link[rel=alternate][type="text/calendar"]')
    assert (site / "agenda" / alternate["href"]).resolve() == (site / agenda.FEED_PATH).resolve()
    webcal = page.find("a", href=re.compile(r"^webcal://"))
    assert webcal["href"].endswith(agenda.FEED_PATH)
    for other in ("", "nieuws", "contact"):
        assert soup(site, other).select_one('link[rel=alternate][type="text/calendar"]') is not None
    cal = icalendar.Calendar.from_ical((site / agenda.FEED_PATH).read_bytes())
    vevents = cal.walk("VEVENT")
    uids = [str(v["UID"]) for v in vevents]
    assert len(uids) == len(EVENTS) == len(set(uids))
    assert {str(v["SUMMARY"]) for v in vevents} == {e.title for e in EVENTS}
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"


def test_calendars_identical_across_builds(site_build, tmp_path):
    first = site_build("2017-06-01")
    second = mkdocs_build(ROOT, tmp_path / "again", "2017-06-01")
    files = sorted(p.relative_to(first) for p in first.rglob("*.ics"))
    assert len(files) == len(EVENTS) + 1
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel
    later = site_build("2026-11-22")
    uids = lambda site: sorted(str(v["UID"]) for v in icalendar.Calendar.from_ical((site / agenda.FEED_PATH).read_bytes()).walk("VEVENT"))
    assert uids(first) == uids(later)


CANCELLED = """---
title: Kenniscafé over mantelzorg
start: 2030-03-05 19:30
end: 2030-03-05 21:00
location: Dordrecht
status: geannuleerd
registration: info@werkplaatssociaaldomeinzhz.nl
---

Deze avond gaat helaas niet door.
"""


def test_cancelled_event_stays_listed_and_marked(project):
    project.write("agenda/mantelzorg.md", CANCELLED)
    site = project.build("2030-01-01")
    page = soup(site, "agenda/2030/03/05/kenniscafe-over-mantelzorg")
    assert page.select_one(".wp-status-banner").get_text(" ", strip=True).startswith("Geannuleerd")
    assert page.find("a", string=re.compile("Aanmelden")) is None
    (data,) = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]') if '"Event"' in s.string]
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    listing = soup(site, "agenda")
    item = listing.select_one(".wp-event--geannuleerd")
    assert item is not None and "Geannuleerd" in item.get_text()
    (vevent,) = icalendar.Calendar.from_ical((site / agenda.FEED_PATH).read_bytes()).walk("VEVENT")
    assert vevent["STATUS"] == "CANCELLED"
