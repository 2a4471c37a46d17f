"""An event that is over says so.

- the rule (werkplaats.site.agenda.has_ended), on plain entries around one day
  in Europe/Amsterdam: yesterday is over, anything whose last day is today
  (ending tonight, all day, over several days, past midnight) is not;
- the sentence in the past tense, in each form of date, place and status;
- a fixture project with events around TODAY (below), built with
  SITE_TODAY fixed: the event pages (the sentence and the report above
  everything, no sign-up, no calendar file, no meeting link), the agenda,
  a category, a year and a month list, and the Markdown export.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from conftest import Project, manifest, mkdocs_build, page, site_path

from werkplaats.content.entries import Entry, Location
from werkplaats.core.dates import TZ
from werkplaats.site import agenda
from werkplaats.site.export import plan

# --- the rule and the sentence, on plain entries -------------------------------------

DAY = dt.date(2026, 11, 22)  # a Sunday


def event(start, end=None, *, status="gepland", location=None, online="") -> Entry:
    return Entry(
        kind="agenda",
        path=Path("x.md"),
        rel="posts/agenda/x.md",
        title="X",
        body="",
        slug="x",
        start=start,
        end=end,
        status=status,
        location=location,
        online=online,
    )


def at(text: str) -> dt.datetime:
    """A moment in Amsterdam, as the content model gives it."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)


@pytest.mark.parametrize(
    "entry, ended",
    [
        (event(at("2026-11-21 19:00"), at("2026-11-21 21:00")), True),  # yesterday
        (event(at("2026-11-21 23:00"), at("2026-11-21 23:30")), True),  # yesterday late: 22:30 UTC
        (event(dt.date(2026, 11, 21)), True),  # yesterday, all day
        (event(dt.date(2026, 11, 19), dt.date(2026, 11, 21)), True),  # ended yesterday after three days
        (event(at("2026-11-22 09:00"), at("2026-11-22 10:00")), False),  # this morning: still today's
        (event(at("2026-11-22 19:00"), at("2026-11-22 21:30")), False),  # ends tonight
        (event(at("2026-11-22 19:00")), False),  # tonight, no end
        (event(dt.date(2026, 11, 22)), False),  # all day today
        (event(dt.date(2026, 11, 20), dt.date(2026, 11, 24)), False),  # over several days, today among them
        (event(at("2026-11-21 22:00"), at("2026-11-22 00:30")), False),  # past midnight into today (23:30 UTC yesterday)
        (event(at("2026-11-23 10:00")), False),  # tomorrow
    ],
)
def test_has_ended_counts_whole_days_in_amsterdam(entry, ended):
    assert agenda.has_ended(entry, DAY) is ended
    assert agenda.is_upcoming(entry, DAY) is not ended
    assert (entry in agenda.past([entry], DAY)) is ended


ROTTERDAM = Location(name="Hogeschool Inholland", address="Posthumalaan", city="Rotterdam")


@pytest.mark.parametrize(
    "entry, label, prefix, sentence",
    [
        (
            event(dt.date(2018, 10, 18), location=ROTTERDAM),
            "Afgelopen",
            "Vond plaats op",
            "deze activiteit vond plaats op donderdag 18 oktober 2018. Plaats: Hogeschool Inholland, Rotterdam.",
        ),
        (
            event(at("2018-10-18 19:00"), at("2018-10-18 21:00"), location=ROTTERDAM, status="volgeboekt"),
            "Afgelopen",  # being full no longer matters
            "Vond plaats op",
            "deze activiteit vond plaats op donderdag 18 oktober 2018, van 19:00 tot 21:00. Plaats: Hogeschool Inholland, Rotterdam.",
        ),
        (
            event(
                at("2018-10-18 19:30"), location=Location(name="Stadskantoor Dordrecht", city="Dordrecht"), online="https://example.org/x"
            ),
            "Afgelopen",
            "Vond plaats op",
            "deze activiteit vond plaats op donderdag 18 oktober 2018 om 19:30. Plaats: Stadskantoor Dordrecht (ook online).",
        ),
        (
            event(dt.date(2018, 10, 18), dt.date(2018, 10, 19)),  # no place known: none is said
            "Afgelopen",
            "Vond plaats van",
            "deze activiteit vond plaats van donderdag 18 oktober 2018 tot en met vrijdag 19 oktober 2018.",
        ),
        (
            event(at("2018-10-18 09:00"), at("2018-10-19 16:00"), online="https://example.org/x", status="verplaatst"),
            "Verplaatst",
            "Vond plaats van",
            "deze activiteit werd verplaatst en vond plaats van donderdag 18 oktober 2018 om 09:00 tot vrijdag 19 oktober 2018 om 16:00. Online.",
        ),
        (
            event(at("2018-10-18 19:00"), at("2018-10-18 21:00"), location=Location(name="Rotterdam"), status="geannuleerd"),
            "Geannuleerd",
            "Stond gepland op",
            "deze activiteit ging niet door. Ze stond gepland op donderdag 18 oktober 2018, van 19:00 tot 21:00. Plaats: Rotterdam.",
        ),
        (
            event(dt.date(2018, 10, 18), location=Location(address="Museumpark 40", postcode="3015 CX"), status="geannuleerd"),
            "Geannuleerd",
            "Stond gepland op",
            "deze activiteit ging niet door. Ze stond gepland op donderdag 18 oktober 2018. Plaats: Museumpark 40, 3015 CX.",
        ),
    ],
)
def test_an_ended_event_in_the_past_tense(entry, label, prefix, sentence):
    assert (agenda.status_label(entry, DAY), agenda.when_prefix(entry, DAY), agenda.looking_back(entry, DAY)) == (label, prefix, sentence)


def test_before_it_ends_an_event_keeps_its_status_and_no_prefix():
    for status, label in agenda.STATUS_LABELS.items():
        entry = event(DAY, status=status)
        assert (agenda.status_label(entry, DAY), agenda.when_prefix(entry, DAY)) == (label, "")
        card = agenda.card(entry, {entry.rel: "agenda/x/"}, DAY)
        assert (card["past"], card["when_prefix"], card["status_label"]) == (False, "", label)


# --- a project with events around TODAY ----------------------------------------------

TODAY = "2026-11-22"

PLACE = 'location:\n  name: "Hogeschool Rotterdam"\n  address: "Museumpark 40"\n  postcode: "3015 CX"\n  city: "Rotterdam"\n'


def _event(title, start, end=None, extra="", body="We organiseren een middag. Meld je aan!\n") -> str:
    lines = [f'title: "{title}"', f"start: {start}"] + ([f"end: {end}"] if end else [])
    return "---\n" + "\n".join(lines) + "\ncategories: [Kenniscafé]\n" + extra + "---\n\n" + body


REPORT = """---
title: "Verslag van de werkconferentie"
date: 2026-10-20
---

Wat we samen leerden op de werkconferentie.
"""

LATE_REPORT = """---
title: "Verslag van het werkatelier"
date: 2026-11-24
---

Komt na de zondag online.
"""

# file -> (front matter and text, what an ended event's page says first; None: not ended)
EVENTS = {
    "gisteren": (
        _event(
            "Leergroep van gisteren",
            "2026-11-21 10:00",
            "2026-11-21 12:00",
            PLACE + "online: https://example.org/vergadering\nregistration: https://example.org/aanmelden-gisteren\n",
        ),
        "Afgelopen: deze activiteit vond plaats op zaterdag 21 november 2026, van 10:00 tot 12:00. Plaats: Hogeschool Rotterdam (ook online).",
    ),
    "vanavond": (
        _event("Kenniscafé van vanavond", "2026-11-22 19:00", "2026-11-22 21:30", PLACE + "registration: https://example.org/aanmelden\n"),
        None,
    ),
    "vandaag-hele-dag": (_event("Open dag van vandaag", "2026-11-22", None, "location: Dordrecht\n"), None),
    "meerdaags": (
        _event("Studiedagen rond vandaag", "2026-11-20", "2026-11-24", PLACE + "registration: https://example.org/studiedagen\n"),
        None,
    ),
    "morgen": (_event("Netwerkbijeenkomst van morgen", "2026-11-23 14:00", "2026-11-23 16:00", PLACE), None),
    "geannuleerd": (
        _event(
            "Werkbezoek dat niet doorging",
            "2026-11-10 19:30",
            "2026-11-10 21:00",
            'location:\n  name: "Gemeentehuis"\n  city: "Gorinchem"\nstatus: geannuleerd\nregistration: https://example.org/werkbezoek\n',
        ),
        "Geannuleerd: deze activiteit ging niet door. Ze stond gepland op dinsdag 10 november 2026, van 19:30 tot 21:00. Plaats: Gemeentehuis, Gorinchem.",
    ),
    "verplaatst": (
        _event("Theateravond die verplaatst werd", "2026-11-05 20:00", None, "location: Theater aan de Schie\nstatus: verplaatst\n"),
        "Verplaatst: deze activiteit werd verplaatst en vond plaats op donderdag 5 november 2026 om 20:00. Plaats: Theater aan de Schie.",
    ),
    "met-verslag": (
        _event(
            "Werkconferentie met verslag",
            "2026-10-13",
            "2026-10-14",
            'location:\n  name: "Stadskantoor"\n  city: "Dordrecht"\nstatus: volgeboekt\n'
            "registration: https://example.org/conferentie\nreport: ../verslagen/werkconferentie.md\n",
        ),
        "Afgelopen: deze activiteit vond plaats van dinsdag 13 oktober 2026 tot en met woensdag 14 oktober 2026. Plaats: Stadskantoor, Dordrecht.",
    ),
    "verslag-later": (  # its report appears after TODAY
        _event("Werkatelier zonder verslag (nog)", "2026-11-19 19:30", "2026-11-19 21:30", PLACE + "report: ../verslagen/werkatelier.md\n"),
        "Afgelopen: deze activiteit vond plaats op donderdag 19 november 2026, van 19:30 tot 21:30. Plaats: Hogeschool Rotterdam.",
    ),
}
ENDED = [name for name, (_, said) in EVENTS.items() if said]
ON = [name for name, (_, said) in EVENTS.items() if not said]
REPORT_URL = "nieuws/2026/10/20/verslag-van-de-werkconferentie/"


@pytest.fixture(scope="module")
def past_project(tmp_path_factory) -> Project:
    project = Project(tmp_path_factory.mktemp("voorbij") / "project")
    project.write("verslagen/werkconferentie.md", REPORT)
    project.write("verslagen/werkatelier.md", LATE_REPORT)
    for name, (text, _) in EVENTS.items():
        project.write(f"agenda/{name}.md", text)
    return project


@pytest.fixture(scope="module")
def past_site(past_project) -> Path:
    return mkdocs_build(past_project.root, past_project.root.parent / "site", TODAY)


@pytest.fixture(scope="module")
def urls(past_site) -> dict[str, str]:
    """Fixture event name -> its page's address, as the build says."""
    files = manifest(past_site)
    return {name: files[f"posts/agenda/{name}.md"]["url"] for name in EVENTS}


def jsonld(soup) -> dict:
    (data,) = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]') if json.loads(s.string)["@type"] == "Event"]
    return data


@pytest.mark.site
@pytest.mark.fixture_project
@pytest.mark.parametrize("name", ENDED)
def test_an_ended_event_page_says_so_above_everything(past_site, urls, name):
    soup = page(past_site, urls[name])
    h1 = soup.select_one("article h1")
    first = h1.find_next_sibling()
    assert "wp-past" in first["class"], first
    assert " ".join(first.select_one(".wp-past__text").get_text().split()) == EVENTS[name][1]
    # Nothing to do any more: no sign-up, no calendar file, no meeting link, no other banner.
    assert soup.find("a", string=re.compile("Aanmelden")) is None
    assert soup.find("a", string=re.compile("Zet in je agenda")) is None
    assert soup.select(".wp-actions, .wp-status-banner") == []
    assert soup.select_one('a[href="https://example.org/vergadering"]') is None
    # The report, once published, first: inside the box, before the facts, and only there.
    reports = soup.select(".wp-report-link a")
    if name == "met-verslag":
        assert [site_path(past_site, urls[name], a["href"]) for a in reports] == [REPORT_URL]
        assert first.select_one(".wp-report-link a") is reports[0]
        assert reports[0].get_text(strip=True) == "Verslag van de werkconferentie"
    else:
        assert reports == []
    # Search engines keep the facts: the status is the event's, not "over".
    status = {
        "gepland": "EventScheduled",
        "volgeboekt": "EventScheduled",
        "geannuleerd": "EventCancelled",
        "verplaatst": "EventRescheduled",
    }
    written = re.search(r"^status: (\w+)$", EVENTS[name][0], re.M)
    assert jsonld(soup)["eventStatus"] == f"https://schema.org/{status[written.group(1) if written else 'gepland']}"


@pytest.mark.site
@pytest.mark.fixture_project
@pytest.mark.parametrize("name", ON)
def test_an_event_on_today_or_later_is_not_past(past_site, urls, name):
    soup = page(past_site, urls[name])
    assert soup.select(".wp-past") == [] and "Afgelopen" not in soup.get_text()
    assert soup.find("a", string=re.compile("Zet in je agenda")) is not None
    registration = re.search(r"^registration: (\S+)$", EVENTS[name][0], re.M)
    button = soup.find("a", string=re.compile("Aanmelden"))
    assert (button["href"] if button else None) == (registration.group(1) if registration else None)


def listed(soup, selector="li.wp-event") -> dict[str, dict]:
    """Title -> what a list shows of each event."""
    found = {}
    for item in soup.select(selector):
        label = item.select_one(".wp-status")
        report = item.select_one(".wp-event__report a")
        found[item.select_one(".wp-event__title a").get_text(strip=True)] = {
            "past": "wp-event--past" in item["class"],
            "label": label.get_text(strip=True) if label else "",
            "when": item.select_one(".wp-event__when").get_text(" ", strip=True),
            "report": report["href"] if report else None,
        }
    return found


def title(name: str) -> str:
    return re.search(r'^title: "(.*)"$', EVENTS[name][0], re.M).group(1)


EXPECTED_LIST = {
    "gisteren": ("Afgelopen", "Vond plaats op zaterdag 21 november 2026, 10:00–12:00"),
    "geannuleerd": ("Geannuleerd", "Stond gepland op dinsdag 10 november 2026, 19:30–21:00"),
    "verplaatst": ("Verplaatst", "Vond plaats op donderdag 5 november 2026, 20:00"),
    "met-verslag": ("Afgelopen", "Vond plaats van dinsdag 13 oktober 2026 t/m woensdag 14 oktober 2026"),
    "verslag-later": ("Afgelopen", "Vond plaats op donderdag 19 november 2026, 19:30–21:30"),
    "vanavond": ("", "zondag 22 november 2026, 19:00–21:30"),
    "vandaag-hele-dag": ("", "zondag 22 november 2026"),
    "meerdaags": ("", "vrijdag 20 november 2026 t/m dinsdag 24 november 2026"),
    "morgen": ("", "maandag 23 november 2026, 14:00–16:00"),
}


def check_listed(site: Path, url: str, names: list[str]) -> None:
    items = listed(page(site, url))
    assert sorted(items) == sorted(title(n) for n in names), url
    for name in names:
        item = items[title(name)]
        assert (item["past"], item["label"], item["when"]) == (name in ENDED, *EXPECTED_LIST[name]), (url, name)
        report = site_path(site, url, item["report"]) if item["report"] else None
        assert report == (REPORT_URL if name == "met-verslag" else None), (url, name)


@pytest.mark.site
@pytest.mark.fixture_project
def test_lists_mark_ended_events_and_link_their_report(past_site):
    check_listed(past_site, "agenda/", list(EVENTS))
    soup = page(past_site, "agenda/")
    earlier = soup.find(id="eerder").find_next("ul")
    assert all("wp-event--past" in li["class"] for li in earlier.select("li.wp-event"))
    assert len(earlier.select("li.wp-event")) == len(ENDED)
    check_listed(past_site, agenda.category_dir("Kenniscafé"), list(EVENTS))
    check_listed(past_site, agenda.year_dir(2026), list(EVENTS))
    check_listed(past_site, "agenda/maand/2026-10/", ["met-verslag"])
    check_listed(past_site, "agenda/maand/2026-11/", [n for n in EVENTS if n != "met-verslag"])
    # The home page lists what is still to come, today's first, none of it past.
    home = listed(page(past_site, ""), ".wp-events li.wp-event")
    assert home and not any(item["past"] or item["label"] for item in home.values())


@pytest.mark.fixture_project
def test_the_export_says_the_same(past_project):
    export = plan(past_project.root, {"SITE_TODAY": TODAY})
    by_title = {}
    for md in export.pages.values():
        heading = re.search(r"^# (.*)$", md, re.M)
        if heading:
            by_title[heading.group(1).replace("\\", "")] = md
    for name, (_, said) in EVENTS.items():
        md = by_title[title(name)]
        if said:
            label, sentence = said.split(": ", 1)
            top = md.split("**Wanneer:**")[0]
            assert f"**{label}:** {sentence}" in top, name
            assert ("[verslag van deze activiteit](" in top) is (name == "met-verslag"), name
            assert "[Aanmelden]" not in md and "Zet in je agenda" not in md and "example.org/vergadering" not in md, name
        else:
            assert "Afgelopen" not in md and "Zet in je agenda" in md, name
    agenda_md = export.pages["agenda/index.md"]
    assert f"[{title('gisteren')}]" in agenda_md
    line = next(li for li in agenda_md.splitlines() if title("met-verslag") in li)
    assert "vond plaats van dinsdag 13 oktober 2026" in line and "(Afgelopen)" in line and "[verslag](" in line
    line = next(li for li in agenda_md.splitlines() if title("vanavond") in li)
    assert "vond plaats" not in line and "Afgelopen" not in line
