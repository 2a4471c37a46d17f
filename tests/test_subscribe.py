"""Subscribing to the agenda: the whole agenda and one calendar per
category, webcal:// links, the help page agenda/abonneren/, and feeds a
calendar client keeps up to date (werkplaats.site.agenda.feeds, werkplaats.site.ical).

Plain data first; then the varied fixture built for its day: every feed the
help page offers is parsed with icalendar and imported into khal.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import pytest
import varied as V
from conftest import manifest, page, site_url
from sitecheck import Khal

from werkplaats.content.model import Entry
from werkplaats.site import agenda, ical


def event(name: str, *categories: str) -> Entry:
    return Entry(
        kind="agenda", path=Path(f"/p/agenda/{name}.md"), rel=f"posts/agenda/{name}.md", title=name, body="", slug=name,
        start=dt.date(2027, 1, 1), categories=list(categories),
    )  # fmt: skip


def test_one_feed_for_the_whole_agenda_then_one_per_category_sorted():
    a, b, c = event("a", "Kenniscafé"), event("b", "Werkconferentie", "Kenniscafé"), event("c")
    feeds = agenda.feeds([a, b, c], "Werkplaats")
    assert [(f["title"], f["path"], [e.slug for e in f["events"]]) for f in feeds] == [
        ("De hele agenda", agenda.FEED_PATH, ["a", "b", "c"]),
        ("Kenniscafé", "agenda/categorie/kenniscafe/werkplaats-kenniscafe.ics", ["a", "b"]),
        ("Werkconferentie", "agenda/categorie/werkconferentie/werkplaats-werkconferentie.ics", ["b"]),
    ]
    assert [f["name"] for f in feeds] == ["Agenda Werkplaats", "Werkplaats: Kenniscafé", "Werkplaats: Werkconferentie"]


def test_a_webcal_address_is_the_sites_address_with_another_scheme():
    assert agenda.webcal("https://example.org/site/", "agenda/x.ics") == "webcal://example.org/site/agenda/x.ics"
    assert agenda.webcal("http://127.0.0.1:8000/", "agenda/x.ics") == "webcal://127.0.0.1:8000/agenda/x.ics"


# --- The fixture site ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def offered(varied_build):
    """(site, [(webcal href, path of the feed in the site)]) from the help page."""
    site = varied_build(V.TODAY)
    soup = page(site, agenda.SUBSCRIBE_DIR)
    base = urlsplit(site_url())
    links = []
    for item in (a.parent for a in soup.select("article li > a[href^='webcal:']")):
        href = item.a["href"]
        assert href.startswith(f"webcal://{base.netloc}{base.path}"), href
        links.append((href, href[len(f"webcal://{base.netloc}{base.path}") :], item))
    return site, links


def test_the_help_page_offers_the_whole_agenda_and_every_category_of_the_events(offered):
    site, links = offered
    categories = sorted({c for e in V.PUBLIC_EVENTS for c in e.categories})
    assert [path for _, path, _ in links] == [agenda.FEED_PATH, *(agenda.category_feed(c) for c in categories)]
    assert len(categories) >= 2
    # Each with its address to copy (https) and how many events it holds.
    for _, path, item in links:
        (vcal,) = [icalendar.Calendar.from_ical((site / path).read_bytes())]
        count = len(vcal.walk("VEVENT"))
        assert f"{site_url()}{path}" in item.get_text() and f"({count} activiteit" in item.get_text()


def test_every_feed_is_complete_for_a_subscribing_client(offered):
    site, links = offered
    ids = {}
    for _, path, _ in links:
        cal = icalendar.Calendar.from_ical((site / path).read_bytes())
        assert cal.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"
        assert str(cal["NAME"]) == str(cal["X-WR-CALNAME"]) and str(cal["NAME"])
        assert cal["REFRESH-INTERVAL"].to_ical() == b"PT12H" and cal["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
        assert cal["X-PUBLISHED-TTL"].to_ical() == b"PT12H"
        ids[path] = {str(e["UID"]) for e in cal.walk("VEVENT")}
    # The same event has the same UID in every feed: a category feed is a part of the whole.
    for path, uids in ids.items():
        assert uids <= ids[agenda.FEED_PATH], path
    files = manifest(site)
    for item in V.PUBLIC_EVENTS:
        url = files[f"posts/{item.file}"]["url"]
        own = icalendar.Calendar.from_ical((site / url / f"{url.rstrip('/').rsplit('/', 1)[1]}.ics").read_bytes())
        (vevent,) = own.walk("VEVENT")
        # One event's own file is not a subscription: no refresh interval.
        assert "REFRESH-INTERVAL" not in own
        for name in item.categories:
            assert str(vevent["UID"]) in ids[agenda.category_feed(name)]


def test_each_category_page_subscribes_to_its_own_feed(offered):
    site, links = offered
    for href, path, _ in links[1:]:
        listing = page(site, path.rsplit("/", 1)[0] + "/")
        assert listing.select_one(".wp-subscribe a.md-button")["href"] == href


def test_khal_imports_every_feed_with_all_its_events(offered, tmp_path):
    site, links = offered
    for n, (_, path, _) in enumerate(links):
        khal = Khal(tmp_path / f"khal-{n}")
        khal.run("import", "--batch", str(site / path))
        expected = icalendar.Calendar.from_ical((site / path).read_bytes()).walk("VEVENT")
        assert sorted(str(e["UID"]) for e in khal.stored()) == sorted(str(e["UID"]) for e in expected), path
        assert ical.REFRESH == dt.timedelta(hours=12)
