"""The agenda's pure core: event validation, Dutch dates, upcoming/past,
the month grid, iCalendar and JSON-LD. No site build here."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest

from werkplaats.content import model
from werkplaats.content.history import History
from werkplaats.content.model import ContentError, load_all
from werkplaats.site import agenda, ical

ROOT = Path(__file__).resolve().parent.parent
VALID = """---
title: Kenniscafé
start: 2018-10-18 19:00
end: 2018-10-18 21:30
location:
  name: Hogeschool Inholland
  address: Posthumalaan 90
  postcode: 3072 AG
  city: Rotterdam
---

Tekst.
"""


@pytest.fixture
def agenda_repo(repo):
    """conftest's repo (real settings, empty posts/), reading one event at a time."""
    repo.event = lambda text, name="agenda/x.md": repo.read(name, text)
    return repo


def only_problem(result):
    entry, problems = result
    assert entry is None and len(problems) == 1, problems
    return problems[0]


# --- validation -------------------------------------------------------------


def test_valid_event_parses_to_amsterdam_times(agenda_repo):
    entry, problems = agenda_repo.event(VALID)
    assert problems == []
    assert entry.start == dt.datetime(2018, 10, 18, 19, 0, tzinfo=agenda.TZ)
    assert entry.start.utcoffset() == dt.timedelta(hours=2)
    assert entry.status == "gepland" and not entry.all_day
    assert entry.location.one_line == "Hogeschool Inholland, Posthumalaan 90, 3072 AG Rotterdam"


def test_end_before_start_is_reported_on_the_end_line(agenda_repo):
    problem = only_problem(agenda_repo.event(VALID.replace("end: 2018-10-18 21:30", "end: 2018-10-18 18:00")))
    assert (problem.path, problem.line) == ("posts/agenda/x.md", 4)
    assert "ligt voor start" in problem.message


@pytest.mark.parametrize(
    "start, end, advice",
    [
        ("2018-10-18 23:00", "01:30", "end: 2018-10-19 01:30"),
        # The night the clocks go forward: 02:30 is not there, so the advice is not 02:30.
        ("2027-03-27 23:00", "02:30", "end: 2027-03-28 03:30"),
    ],
)
def test_an_end_after_midnight_written_as_a_time_gets_advice_that_works(agenda_repo, start, end, advice):
    text = VALID.replace("start: 2018-10-18 19:00", f"start: {start}").replace("end: 2018-10-18 21:30", f"end: {end}")
    problem = only_problem(agenda_repo.event(text))
    assert problem.line == 4 and f"schrijf dan de datum erbij: {advice}" in problem.message, problem.message
    entry, problems = agenda_repo.event(text.replace(f"end: {end}", advice))
    assert problems == [] and entry.end > entry.start


@pytest.mark.parametrize(
    "value, fragment",
    [
        ("2017-02-30 19:00", "bestaat niet in de kalender"),
        ("2018-10-18 25:00", "25:00 is geen tijd"),
        ("18 oktober 2018", "is geen tijdstip"),
        ("2017-03-26 02:30", "bestaat niet in Nederland"),
    ],
)
def test_bad_start_values(agenda_repo, value, fragment):
    problem = only_problem(
        agenda_repo.event(VALID.replace("start: 2018-10-18 19:00", f"start: {value}").replace("end: 2018-10-18 21:30\n", ""))
    )
    assert problem.line == 3 and problem.message.startswith("start: ") and fragment in problem.message


@pytest.mark.parametrize(
    "start, fragment",
    [
        ("start: 2027-02-11 19.30", "gebruik een dubbele punt"),
        ("start: 2027-03-28 02:30", "bestaat niet in Nederland"),
        ("start: 2027-02-30 20:30", "bestaat niet in de kalender"),
        ("start:", "start"),
        ("datum: 2027-02-11 19:30", "datum"),
    ],
)
def test_an_unreadable_start_beside_an_end_that_is_only_a_time_is_named_not_a_crash(agenda_repo, start, fragment):
    text = VALID.replace("start: 2018-10-18 19:00", start).replace("end: 2018-10-18 21:30", "end: 21:00")
    # With a today, as make check reads: the rule for a place of an event to come looks at end.
    entry, problems = model.read_entry(agenda_repo.write("agenda/x.md", text), agenda_repo.settings, dt.date(2026, 12, 7))
    assert entry is None and problems and any(fragment in p.message for p in problems), problems


@pytest.mark.parametrize(
    "value, start, end",
    [
        ("2027-02-11 15:00-17:00", "2027-02-11 15:00", "17:00"),  # not UTC-17:00 on the 12th
        ("2027-02-11 9:00-12:00", "2027-02-11 09:00", "12:00"),
        ("2027-02-11 15:00 -17:00", "2027-02-11 15:00", "17:00"),
        ("2027-02-11 15:00 - 17:00", "2027-02-11 15:00", "17:00"),
        ("2027-02-11 15:00 tot 17:00", "2027-02-11 15:00", "17:00"),
        ("2027-02-11 15:00 \u2013 17:00 uur", "2027-02-11 15:00", "17:00"),
    ],
)
def test_a_time_span_typed_in_start_is_named_and_the_advice_gives_the_span(agenda_repo, value, start, end):
    text = VALID.replace("start: 2018-10-18 19:00", f"start: {value}").replace("end: 2018-10-18 21:30\n", "")
    problem = only_problem(agenda_repo.event(text))
    assert problem.line == 3 and "lijkt een begin- en eindtijd" in problem.message, problem.message
    assert f"({start})" in problem.message and f"end: {end}" in problem.message, problem.message
    fixed = text.replace(f"start: {value}", f"start: {start}\nend: {end}")
    entry, problems = agenda_repo.event(fixed)
    assert problems == [] and (entry.start.isoformat(), entry.end.isoformat()) == (
        dt.datetime.fromisoformat(f"{start}+01:00").isoformat(),
        dt.datetime.fromisoformat(f"{start[:10]} {end}+01:00").isoformat(),
    )


@pytest.mark.parametrize(
    "value", ["2027-02-11T15:00+01:00", "2027-02-11 15:00:00+01:00", "2027-02-11T14:00:00.000Z", "2027-02-11 15:00+01:00"]
)
def test_an_offset_as_software_writes_it_still_counts(agenda_repo, value):
    text = VALID.replace("start: 2018-10-18 19:00", f"start: {value}").replace("end: 2018-10-18 21:30\n", "")
    entry, problems = agenda_repo.event(text)
    assert problems == [] and entry.start == dt.datetime(2027, 2, 11, 15, 0, tzinfo=agenda.TZ)


@pytest.mark.parametrize("value", ["2027-02-11T15:00-17:00", "2027-02-11T15:00+15:00"])
def test_an_offset_no_place_on_earth_has_is_refused(agenda_repo, value):
    text = VALID.replace("start: 2018-10-18 19:00", f"start: {value}").replace("end: 2018-10-18 21:30\n", "")
    assert "de tijdzone klopt niet" in only_problem(agenda_repo.event(text)).message


@pytest.mark.parametrize(
    "start, end, span, later",
    [
        ("2027-10-30 22:00", "2027-10-31 01:30", "22:00–01:30 (volgende dag)", "tot 01:30"),
        ("2027-03-30 09:00", "2027-03-31 16:00", "09:00 tot 31 maart 2027 16:00", "tot 16:00"),
        ("2027-05-01 09:00", "2027-05-03 16:00", "09:00 tot 3 mei 2027 16:00", "hele dag"),
    ],
)
def test_the_time_of_an_event_over_midnight_reads_right_in_a_list_and_on_each_day_of_a_grid(agenda_repo, start, end, span, later):
    text = VALID.replace("start: 2018-10-18 19:00", f"start: {start}").replace("end: 2018-10-18 21:30", f"end: {end}")
    entry, problems = agenda_repo.event(text)
    assert problems == [] and agenda.time_span(entry) == span
    assert agenda.day_time(entry, entry.first_day) == span
    assert agenda.day_time(entry, entry.first_day + dt.timedelta(days=1)) == later


def test_a_series_at_night_says_its_end_is_on_the_next_day(agenda_repo):
    text = VALID.replace("start: 2018-10-18 19:00", "start: 2027-01-08 23:00").replace("end: 2018-10-18 21:30", "end: 2027-01-09 01:00")
    entry, problems = agenda_repo.event(text.replace("---\n\n", "repeat: elke week\nuntil: 2027-01-22\n---\n\n", 1))
    assert problems == []
    assert agenda.when(entry).startswith("Elke week, 23:00–01:00 (volgende dag), van vrijdag 8 januari 2027 tot en met")


@pytest.mark.parametrize(
    "value, words",
    [
        ("2027\u201302\u201311 19:30", ["lang streepje", "schrijf 2027-02-11 19:30"]),  # en dashes, as Word makes them
        ("2027-02-11 19:30\u200b", ["onzichtbaar teken", "2027-02-11 19:30"]),
        ("\u20602027-02-11 19:30", ["onzichtbaar teken"]),
    ],
)
def test_look_alike_and_invisible_characters_in_a_date_are_named(agenda_repo, value, words):
    text = VALID.replace("start: 2018-10-18 19:00", f"start: {value}").replace("end: 2018-10-18 21:30\n", "")
    problem = only_problem(agenda_repo.event(text))
    assert problem.line == 3 and all(word in problem.message for word in words), problem.message


def test_start_and_end_swapped_is_said_so_not_read_as_a_night(agenda_repo):
    text = VALID.replace("start: 2018-10-18 19:00", "start: 2027-02-11 21:00").replace("end: 2018-10-18 21:30", "end: 19:30")
    problem = only_problem(agenda_repo.event(text))
    assert "zijn begin en einde verwisseld? schrijf dan start: 2027-02-11 19:30 en end: 21:00" in problem.message, problem.message
    assert "middernacht" not in problem.message
    entry, problems = agenda_repo.event(
        text.replace("start: 2027-02-11 21:00", "start: 2027-02-11 19:30").replace("end: 19:30", "end: 21:00")
    )
    assert problems == [] and entry.end - entry.start == dt.timedelta(minutes=90)


def test_an_end_at_24_00_is_told_what_the_clock_says(agenda_repo):
    text = VALID.replace("end: 2018-10-18 21:30", "end: 24:00")
    problem = only_problem(agenda_repo.event(text))
    assert problem.line == 4 and "24:00 bestaat niet op de klok: schrijf 23:59" in problem.message, problem.message


def test_ambiguous_autumn_time_takes_the_first_occurrence(agenda_repo):
    entry, problems = agenda_repo.event(
        VALID.replace("start: 2018-10-18 19:00", "start: 2017-10-29 02:30").replace("end: 2018-10-18 21:30\n", "")
    )
    assert problems == []
    assert entry.start.utcoffset() == dt.timedelta(hours=2)  # still summer time


def test_unknown_status_has_a_hint(agenda_repo):
    problem = only_problem(agenda_repo.event(VALID.replace("---\n\nTekst", "status: geanuleerd\n---\n\nTekst")))
    assert problem.line == 10
    assert 'status "geanuleerd" bestaat niet (bedoel je "geannuleerd"?)' in problem.message


def place_problems_on(agenda_repo, text: str, today: str) -> list[str]:
    """`line: message` of every problem load_all finds in one event on `today`."""
    agenda_repo.write("agenda/x.md", text)
    try:
        load_all(agenda_repo.settings, today=dt.date.fromisoformat(today))
    except ContentError as error:
        return [f"{p.line}: {p.message}" for p in error.problems]
    return []


def test_an_event_to_come_needs_a_place_an_event_that_is_over_may_have_none(agenda_repo):
    without = VALID.split("location:")[0] + "---\n\nTekst.\n"
    found = place_problems_on(agenda_repo, without, "2018-10-18")  # the day itself: still to come
    assert len(found) == 1 and found[0].startswith("5: location ontbreekt")  # the closing ---
    assert "alleen bij een activiteit die al voorbij is" in found[0]
    assert place_problems_on(agenda_repo, without, "2018-10-19") == []
    # Read without a day (no rule about today), the file is valid.
    entry, problems = agenda_repo.event(without)
    assert problems == [] and entry.location is None


def test_only_a_city_is_enough_for_an_event_that_is_over(agenda_repo):
    city = VALID.split("location:")[0] + "location:\n  city: Rotterdam\n---\n\nTekst.\n"
    found = place_problems_on(agenda_repo, city, "2018-10-01")
    assert found == [
        "5: location: geef ook name of address, zodat bezoekers de plek vinden (alleen Rotterdam is genoeg bij een activiteit die al voorbij is)"
    ]
    assert place_problems_on(agenda_repo, city, "2018-10-19") == []
    assert agenda_repo.event(city)[0].location.one_line == "Rotterdam"
    # A day event (no time) whose place is unknown: what the old pages give.
    day = "---\ntitle: Netwerkbijeenkomst\nstart: 2017-03-07\n---\n\nTekst.\n"
    assert place_problems_on(agenda_repo, day, "2026-11-23") == []


def test_an_empty_location_is_refused(agenda_repo):
    problem = only_problem(agenda_repo.event(VALID.split("location:")[0] + 'location:\n  city: ""\n---\n\nTekst.\n'))
    assert problem.message.startswith("location: is leeg")


def test_online_only_event_needs_no_location_and_plain_place_is_accepted(agenda_repo):
    text = VALID.split("location:")[0] + "online: https://example.org/meet\n---\n\nTekst.\n"
    entry, problems = agenda_repo.event(text)
    assert problems == [] and entry.online == "https://example.org/meet" and entry.location is None
    entry, problems = agenda_repo.event(VALID.split("location:")[0] + "location: Dordrecht\n---\n\nTekst.\n")
    assert problems == [] and entry.location.name == "Dordrecht"


def test_report_must_exist_in_verslagen(agenda_repo):
    problem = only_problem(agenda_repo.event(VALID.replace("---\n\nTekst", "report: ../verslagen/bestaat-niet.md\n---\n\nTekst")))
    assert problem.line == 10 and 'verslag "../verslagen/bestaat-niet.md" bestaat niet' in problem.message
    agenda_repo.write("nieuws/bericht.md", "---\ntitle: B\ndate: 2018-10-30\n---\n\nTekst.\n")
    problem = only_problem(agenda_repo.event(VALID.replace("---\n\nTekst", "report: ../nieuws/bericht.md\n---\n\nTekst")))
    assert "is geen verslag" in problem.message


def test_registration_email_becomes_mailto_and_script_urls_are_refused(agenda_repo):
    entry, _ = agenda_repo.event(VALID.replace("---\n\nTekst", "registration: info@werkplaatssociaaldomeinzhz.nl\n---\n\nTekst"))
    assert entry.registration == "mailto:info@werkplaatssociaaldomeinzhz.nl"
    problem = only_problem(agenda_repo.event(VALID.replace("---\n\nTekst", "registration: javascript:alert(1)\n---\n\nTekst")))
    assert problem.line == 10 and "is geen webadres of e-mailadres" in problem.message


def test_all_day_and_timed_cannot_be_mixed(agenda_repo):
    problem = only_problem(agenda_repo.event(VALID.replace("end: 2018-10-18 21:30", "end: 2018-10-19")))
    assert problem.line == 4 and "dezelfde vorm" in problem.message


def test_all_problems_of_all_files_in_one_run(agenda_repo):
    agenda_repo.write("agenda/a.md", VALID.replace("19:00", "19:99"))
    agenda_repo.write("agenda/b.md", VALID.replace("---\n\nTekst", "status: misschien\n---\n\nTekst"))
    agenda_repo.write("agenda/c.md", VALID)
    with pytest.raises(ContentError) as caught:
        load_all(agenda_repo.settings)
    assert [(p.path, p.line) for p in caught.value.problems] == [("posts/agenda/a.md", 3), ("posts/agenda/b.md", 10)]


# --- Dutch dates and the upcoming/past split --------------------------------


def event(agenda_repo, start, end=None, name="agenda/x.md", extra=""):
    text = (
        f"---\ntitle: Bijeenkomst {name}\nstart: {start}\n"
        + (f"end: {end}\n" if end else "")
        + f"location: Dordrecht\n{extra}---\n\nTekst.\n"
    )
    entry, problems = agenda_repo.event(text, name)
    assert problems == []
    return entry


def test_when_reads_dutch(agenda_repo):
    assert agenda.when(event(agenda_repo, "2018-10-18 19:00", "2018-10-18 21:30")) == "donderdag 18 oktober 2018, 19:00–21:30"
    assert agenda.when(event(agenda_repo, "2018-10-18 19:00")) == "donderdag 18 oktober 2018, 19:00"
    assert agenda.when(event(agenda_repo, "2018-10-18")) == "donderdag 18 oktober 2018"
    assert agenda.when(event(agenda_repo, "2018-10-18", "2018-10-20")) == "donderdag 18 oktober 2018 t/m zaterdag 20 oktober 2018"
    assert (
        agenda.when(event(agenda_repo, "2018-10-18 19:00", "2018-10-19 12:00"))
        == "donderdag 18 oktober 2018, 19:00 tot vrijdag 19 oktober 2018, 12:00"
    )


def test_upcoming_soonest_first_past_newest_first(agenda_repo):
    a = event(agenda_repo, "2017-03-07 15:00", name="agenda/a.md")
    b = event(agenda_repo, "2017-09-14 15:00", name="agenda/b.md")
    c = event(agenda_repo, "2018-10-18 19:00", name="agenda/c.md")
    running = event(agenda_repo, "2017-09-13", "2017-09-15", name="agenda/d.md")
    today = dt.date(2017, 9, 14)
    assert agenda.upcoming([c, a, b, running], today) == [running, b, c]
    assert agenda.past([c, a, b, running], today) == [a]
    assert agenda.past([c, a, b], dt.date(2019, 1, 1)) == [c, b, a]


def test_month_grid(agenda_repo):
    first = event(agenda_repo, "2018-10-18 19:00", "2018-10-18 21:30", name="agenda/a.md")
    multi = event(agenda_repo, "2018-10-30", "2018-11-01", name="agenda/b.md")
    earlier = event(agenda_repo, "2017-09-14 15:00", name="agenda/c.md")
    events = [first, multi, earlier]
    urls = {e.rel: agenda.event_dir(e) for e in events}
    grid = agenda.month_grid(dt.date(2018, 10, 1), events, urls, dt.date(2018, 10, 1))
    assert grid["title"] == "oktober 2018"
    assert [d["full"] for d in grid["weekdays"]][:2] == ["maandag", "dinsdag"]
    cells = [cell for week in grid["weeks"] for cell in week]
    assert all(len(week) == 7 for week in grid["weeks"])
    assert cells[0]["iso"] == "2018-10-01"  # 1 October 2018 was a Monday
    busy = {cell["iso"]: [e["title"] for e in cell["events"]] for cell in cells if cell["events"]}
    assert busy == {"2018-10-18": [first.title], "2018-10-30": [multi.title], "2018-10-31": [multi.title]}
    assert grid["previous"] == {"title": "september 2017", "url": "agenda/maand/2017-09/"}
    assert grid["next"] == {"title": "november 2018", "url": "agenda/maand/2018-11/"}
    assert agenda.months(events) == [dt.date(2017, 9, 1), dt.date(2018, 10, 1), dt.date(2018, 11, 1)]


# --- iCalendar ----------------------------------------------------------------


def calendar_of(entries, stamp=1577836800):
    urls = {e.rel: agenda.event_dir(e) for e in entries}
    history = History(stamps={e.rel: stamp for e in entries})
    data = ical.calendar(entries, urls, site_url="https://example.org/site/", name="Agenda", history=history)
    return data, icalendar.Calendar.from_ical(data)


def test_ics_is_rfc5545_with_timezone(agenda_repo):
    winter = event(agenda_repo, "2017-03-07 15:00", "2017-03-07 17:30", name="agenda/a.md")
    data, cal = calendar_of([winter])
    assert cal["VERSION"] == "2.0" and cal["PRODID"] == ical.PRODID
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    (vevent,) = cal.walk("VEVENT")
    assert b"DTSTART;TZID=Europe/Amsterdam:20170307T150000" in data
    assert vevent.decoded("DTEND") == dt.datetime(2017, 3, 7, 17, 30, tzinfo=agenda.TZ)
    assert vevent["UID"] == "agenda/a@werkplaatssociaaldomeinzhz.nl"
    assert str(vevent["URL"]) == "https://example.org/site/agenda/2017/03/07/bijeenkomst-agenda-a-md/"
    assert str(vevent["LOCATION"]) == "Dordrecht" and vevent["STATUS"] == "CONFIRMED"
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_all_day_event_has_exclusive_date_end(agenda_repo):
    entry = event(agenda_repo, "2018-10-18", "2018-10-20")
    data, cal = calendar_of([entry])
    assert b"DTSTART;VALUE=DATE:20181018" in data and b"DTEND;VALUE=DATE:20181021" in data


def test_cancelled_event_and_stable_uid(agenda_repo):
    entry = event(agenda_repo, "2018-10-18 19:00", extra="status: geannuleerd\n")
    _, cal = calendar_of([entry])
    assert cal.walk("VEVENT")[0]["STATUS"] == "CANCELLED"
    edited = event(agenda_repo, "2018-11-01 20:00", extra="description: Nieuwe tekst\n")
    assert ical.uid(edited) == ical.uid(entry)  # same file, edited: same UID


def test_ics_bytes_depend_only_on_input(agenda_repo):
    entries = [event(agenda_repo, "2018-10-18 19:00", name="agenda/a.md"), event(agenda_repo, "2017-03-07 15:00", name="agenda/b.md")]
    assert calendar_of(entries)[0] == calendar_of(list(reversed(entries)))[0]
    vevent = calendar_of(entries[:1], stamp=1500000000)[1].walk("VEVENT")[0]
    assert vevent.decoded("DTSTAMP") == vevent.decoded("LAST-MODIFIED") == dt.datetime(2017, 7, 14, 2, 40, tzinfo=dt.UTC)


# --- JSON-LD ------------------------------------------------------------------


def test_jsonld_offsets_winter_and_summer(agenda_repo):
    winter = event(agenda_repo, "2017-03-07 15:00", "2017-03-07 17:30", name="agenda/a.md")
    summer = event(agenda_repo, "2018-10-18 19:00", "2018-10-18 21:30", name="agenda/b.md", extra="online: https://example.org/m\n")
    org = {"naam": "Werkplaats"}
    w = agenda.event_jsonld(winter, "https://example.org/a/", org, "https://example.org/")
    s = agenda.event_jsonld(summer, "https://example.org/b/", org, "https://example.org/")
    assert (w["startDate"], w["endDate"]) == ("2017-03-07T15:00:00+01:00", "2017-03-07T17:30:00+01:00")
    assert s["startDate"] == "2018-10-18T19:00:00+02:00"
    assert w["eventAttendanceMode"].endswith("OfflineEventAttendanceMode") and w["location"]["@type"] == "Place"
    assert s["eventAttendanceMode"].endswith("MixedEventAttendanceMode")
    assert [p["@type"] for p in s["location"]] == ["Place", "VirtualLocation"]
    assert w["eventStatus"] == "https://schema.org/EventScheduled"
    json.dumps(w)  # plain data, serialisable


def test_an_unknown_place_is_claimed_nowhere_and_a_city_is_only_a_city(agenda_repo):
    """JSON-LD and iCalendar of a past event: no place invented for one
    whose place is unknown; only the city for one whose city is known."""
    org = {"naam": "Werkplaats"}
    unknown, _ = agenda_repo.event("---\ntitle: Netwerkbijeenkomst\nstart: 2017-03-07\n---\n\nTekst.\n", "agenda/a.md")
    city, _ = agenda_repo.event("---\ntitle: Kenniscafé\nstart: 2018-10-18\nlocation:\n  city: Rotterdam\n---\n\nTekst.\n", "agenda/b.md")
    data = agenda.event_jsonld(unknown, "https://example.org/a/", org, "https://example.org/")
    assert "location" not in data and data["startDate"] == "2017-03-07"
    data = agenda.event_jsonld(city, "https://example.org/b/", org, "https://example.org/")
    assert data["location"] == {
        "@type": "Place",
        "name": "Rotterdam",
        "address": {"@type": "PostalAddress", "addressLocality": "Rotterdam", "addressCountry": "NL"},
    }
    urls = {unknown.rel: "agenda/a/", city.rel: "agenda/b/"}
    events = {
        str(e["SUMMARY"]): e
        for e in icalendar.Calendar.from_ical(
            ical.calendar(
                [unknown, city], urls, site_url="https://example.org/", name="Agenda", history=History(stamps=dict.fromkeys(urls, 0))
            )
        ).walk("VEVENT")
    }
    assert "LOCATION" not in events["Netwerkbijeenkomst"] and str(events["Kenniscafé"]["LOCATION"]) == "Rotterdam"
    assert agenda.card(unknown, urls, dt.date(2026, 11, 22))["place"] == "" and agenda.map_url(unknown) == ""
