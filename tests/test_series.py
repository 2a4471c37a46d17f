"""A series: one file, each date its own event in the agenda, the month
grid and the calendars, with UIDs that stay when a date is added, cancelled
or moved. The dates on plain data first, then the model's messages, then a
fixture project built twice (before and after a change) and read back with
real parsers and khal."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from urllib.parse import urljoin

import icalendar
import pytest
from conftest import Project, soup_of
from sitecheck import Khal

from werkplaats.content import model, series
from werkplaats.content.values import Context, FieldError
from werkplaats.core.dates import TZ

CTX = Context(None, None, "agenda")


def at(day: str, clock: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(clock), TZ)


def dates_of(values: dict) -> list[series.Occurrence]:
    found, problems = series.occurrences(values)
    assert problems == []
    return found


# --- the rule ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2e donderdag van de maand", series.Rule("maand", ordinal=2, weekday=3)),
        ("Elke tweede  Donderdag van de maand", series.Rule("maand", ordinal=2, weekday=3)),
        ("laatste vrijdag van de maand", series.Rule("maand", ordinal=-1, weekday=4)),
        ("elke week", series.Rule("week", 1)),
        ("wekelijks", series.Rule("week", 1)),
        ("elke 2 weken", series.Rule("week", 2)),
        ("om de week", series.Rule("week", 2)),
    ],
)
def test_the_rule_is_read_as_editors_write_it(text, expected):
    assert series.parse_repeat(text, CTX) == expected


@pytest.mark.parametrize("text", ["elke dag", "2e donderdag", "vijfde maandag van de maand", "elke 12 weken", ""])
def test_an_unknown_rule_is_refused_with_the_forms_that_work(text):
    with pytest.raises(FieldError, match="2e donderdag van de maand"):
        series.parse_repeat(text, CTX)


def test_second_thursday_across_the_change_to_summer_time():
    found = dates_of(
        {
            "start": at("2027-01-14", "19:30"),
            "end": at("2027-01-14", "21:00"),
            "repeat": series.parse_repeat("2e donderdag van de maand", CTX),
            "until": dt.date(2027, 6, 30),
        }
    )
    assert [o.start.date().isoformat() for o in found] == [
        "2027-01-14",
        "2027-02-11",
        "2027-03-11",
        "2027-04-08",
        "2027-05-13",
        "2027-06-10",
    ]
    # 19:30 Dutch time all year: +01:00 in winter, +02:00 in summer.
    assert {o.start.isoformat()[11:] for o in found} == {"19:30:00+01:00", "19:30:00+02:00"}
    assert all((o.end - o.start) == dt.timedelta(minutes=90) for o in found)


def test_last_friday_and_every_two_weeks():
    last = dates_of(
        {"start": dt.date(2027, 1, 29), "repeat": series.parse_repeat("laatste vrijdag van de maand", CTX), "until": dt.date(2027, 4, 30)}
    )
    assert [o.start.isoformat() for o in last] == ["2027-01-29", "2027-02-26", "2027-03-26", "2027-04-30"]
    two = dates_of({"start": dt.date(2027, 1, 4), "repeat": series.parse_repeat("elke 2 weken", CTX), "until": dt.date(2027, 2, 15)})
    assert [o.start.isoformat() for o in two] == ["2027-01-04", "2027-01-18", "2027-02-01", "2027-02-15"]


def test_a_list_of_dates_a_cancelled_one_and_a_moved_one():
    found = dates_of(
        {
            "start": at("2027-01-14", "19:30"),
            "end": at("2027-01-14", "21:00"),
            "dates": [dt.date(2027, 2, 3), at("2027-03-01", "15:00")],
            "cancelled": [dt.date(2027, 2, 3)],
            "moved": [(dt.date(2027, 1, 14), dt.date(2027, 1, 21))],
        }
    )
    assert [(o.original.isoformat(), o.start.isoformat(), o.end.isoformat(), o.status) for o in found] == [
        ("2027-01-14", "2027-01-21T19:30:00+01:00", "2027-01-21T21:00:00+01:00", "verplaatst"),
        ("2027-02-03", "2027-02-03T19:30:00+01:00", "2027-02-03T21:00:00+01:00", "geannuleerd"),
        ("2027-03-01", "2027-03-01T15:00:00+01:00", "2027-03-01T16:30:00+01:00", ""),  # its own time, as long as the others
    ]


# --- the model's messages ------------------------------------------------------------

SERIES = """---
title: Kenniscafé
start: 2027-01-14 19:30
end: 21:00
repeat: 2e donderdag van de maand
until: 2027-06-10
location: Bibliotheek Dordrecht
---

Elke maand.
"""


@pytest.mark.parametrize(
    "change, key, words",
    [
        (("until: 2027-06-10\n", ""), "repeat", ["until ontbreekt", "until: 2027-06-13"]),
        (("repeat: 2e donderdag van de maand\n", ""), "until", ["hoort bij repeat"]),
        (("start: 2027-01-14", "start: 2027-01-15"), "start", ["2027-01-15 is geen tweede donderdag van de maand"]),
        (
            ("until: 2027-06-10", "until: 2027-06-10\ncancelled: [2027-02-12]"),
            "cancelled",
            ["2027-02-12 is geen datum van deze reeks", "2027-01-14, 2027-02-11"],
        ),
        (("until: 2027-06-10", "until: 2027-06-10\nmoved:\n  - from: 2027-02-11\n    to: 2027-03-11"), "moved", ["daar is de reeks al"]),
        (("until: 2027-06-10", "until: 2027-06-10\nmoved:\n  - from: 2027-02-11"), "moved", ["from:", "to:"]),
        (("until: 2027-06-10", "until: 2032-06-10"), "until", ["meer dan 60"]),
        (("repeat: 2e donderdag van de maand", "repeat: elke tweede donderdag"), "repeat", ["geen herhaling die de site kent"]),
        (("until: 2027-06-10", "until: 2027-06-10\ndates: [2027-03-11]"), "dates", ["al een datum van de reeks"]),
    ],
)
def test_every_mistake_in_a_series_names_the_key_its_line_and_the_fix(repo, change, key, words):
    assert_one_problem_on_key(repo, SERIES.replace(*change), key, words)


def assert_one_problem_on_key(repo, text: str, key: str, words: list[str]) -> None:
    """The file is refused with one problem, on the line of `key`, saying `words`."""
    entry, problems = model.read_entry(repo.write("agenda/reeks.md", text), repo.settings)
    assert entry is None and len(problems) == 1, problems
    (problem,) = problems
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith(f"{key}:"))
    assert problem.line == line and problem.message.startswith(f"{key}: "), problem
    assert all(word in problem.message for word in words), problem.message


# The night the clocks go forward (last Sunday of March) has no 02:00-02:59:
# a date of the series at such a time is a mistake with its file and line,
# never a crash (make check, the build and the CMS's gate read the same way).
NIGHT = """---
title: Nachtwacht
{times}
location: Bibliotheek Dordrecht
---

Elke week.
"""


@pytest.mark.parametrize(
    "times, key, words",
    [
        (
            "start: 2027-03-21 02:30\nend: 03:15\nrepeat: elke week\nuntil: 2027-04-04",
            "start",
            ["op 2027-03-28 begint", "2027-03-28 03:30"],
        ),
        ("start: 2027-02-28 02:30\nrepeat: laatste zondag van de maand\nuntil: 2027-04-30", "start", ["op 2027-03-28 begint"]),
        ("start: 2027-03-21 02:30\ndates: [2027-03-28]", "start", ["op 2027-03-28 begint"]),
        (
            "start: 2027-03-21 01:30\nend: 02:30\nrepeat: elke week\nuntil: 2027-04-04",
            "end",
            ["op 2027-03-28 zou de reeks eindigen om 02:30"],
        ),
        (
            "start: 2027-03-13 23:00\nend: 2027-03-14 02:30\nrepeat: elke week\nuntil: 2027-03-20\n"
            "moved: [{from: 2027-03-20, to: 2027-03-27 23:00}]",
            "moved",
            ["2027-03-20, verplaatst naar 2027-03-27 23:00, zou eindigen om 02:30 op 2027-03-28"],
        ),
        ("start: 2027-03-13 23:00\nend: 2027-03-14 02:30\ndates: [2027-03-27 23:00]", "dates", ["2027-03-27 23:00 zou eindigen om 02:30"]),
    ],
)
def test_a_date_in_the_hour_the_clocks_skip_is_named_with_its_key_and_line(repo, times, key, words):
    assert_one_problem_on_key(repo, NIGHT.format(times=times), key, [*words, "gaat de klok van 02:00 naar 03:00"])


def test_the_advice_for_a_skipped_start_followed_literally_keeps_the_series(repo):
    times = "start: 2027-03-21 02:30\nend: 03:15\nrepeat: elke week\nuntil: 2027-04-04\nmoved: [{from: 2027-03-28, to: 2027-03-28 03:30}]"
    entry, problems = model.read_entry(repo.write("agenda/nachtwacht.md", NIGHT.format(times=times)), repo.settings)
    assert problems == []
    night = next(o for o in entry.expanded() if o.first_day == dt.date(2027, 3, 28))
    assert (night.start.isoformat(), night.end.isoformat()) == ("2027-03-28T03:30:00+02:00", "2027-03-28T04:15:00+02:00")


def test_a_date_in_the_night_the_clocks_go_back_takes_the_first_of_the_two_hours():
    found = dates_of({"start": at("2027-10-24", "01:30"), "end": at("2027-10-24", "02:30"), "dates": [dt.date(2027, 10, 31)]})
    assert [(o.start.isoformat(), o.end.isoformat()) for o in found] == [
        ("2027-10-24T01:30:00+02:00", "2027-10-24T02:30:00+02:00"),
        ("2027-10-31T01:30:00+02:00", "2027-10-31T02:30:00+02:00"),
    ]


def test_cancelled_without_a_series_is_refused(repo):
    path = repo.write(
        "agenda/een.md", SERIES.replace("repeat: 2e donderdag van de maand\nuntil: 2027-06-10\n", "cancelled: [2027-01-14]\n")
    )
    _, problems = model.read_entry(path, repo.settings)
    assert [p.message.split(":")[0] for p in problems] == ["cancelled"] and "hoort bij een reeks" in problems[0].message


# --- the built site: before and after a change ---------------------------------------

BEFORE = """---
title: "Kenniscafé in de wijk"
start: 2026-11-12 19:30
end: 21:00
repeat: 2e donderdag van de maand
until: 2027-02-28
location:
  name: "Bibliotheek Dordrecht"
  address: "Groenmarkt 153"
  city: "Dordrecht"
categories: [Kenniscafé]
---

Elke tweede donderdag van de maand praten we over een vraag uit de wijk.
"""
# Later: January is cancelled, February moves a week, a date in March is added.
AFTER = BEFORE.replace(
    "until: 2027-02-28\n",
    "until: 2027-02-28\ndates: [2027-03-18]\ncancelled: [2027-01-14]\nmoved:\n  - from: 2027-02-11\n    to: 2027-02-18 20:00\n",
)
TODAY = "2026-11-22"
PAGE = "agenda/reeks/kenniscafe-in-de-wijk/"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("reeks") / "project")
    project.write("agenda/kenniscafe-wijk.md", BEFORE)
    before = project.build(TODAY)
    project.write("agenda/kenniscafe-wijk.md", AFTER)
    return before, project.build(TODAY)


def feed(site) -> list:
    return icalendar.Calendar.from_ical((site / "agenda" / "werkplaats-agenda.ics").read_bytes()).walk("VEVENT")


def test_each_date_is_an_event_in_the_agenda_and_the_month_grid(built):
    _, site = built
    agenda = soup_of(site / "agenda" / "index.html")
    links = [urljoin("agenda/", a["href"]) for a in agenda.select("[data-wp-filtered] .wp-event__title a")]
    assert links == [f"{PAGE}#datum-{d}" for d in ("2026-12-10", "2027-01-14", "2027-02-11", "2027-03-18")]
    page = soup_of(site / PAGE / "index.html")
    for link in links:  # every link lands on its date
        assert page.find(id=link.split("#")[1]) is not None, link
    february = soup_of(site / "agenda" / "maand" / "2027-02" / "index.html")
    busy = {cell.select_one("time")["datetime"]: cell.get_text(" ", strip=True) for cell in february.select("td.wp-month__busy")}
    assert list(busy) == ["2027-02-18"] and "Kenniscafé in de wijk" in busy["2027-02-18"]  # moved from the 11th


def test_the_series_page_lists_every_date_with_its_status(built):
    _, site = built
    page = soup_of(site / PAGE / "index.html")
    rows = {li["id"]: " ".join(li.get_text(" ", strip=True).split()) for li in page.select("ul.wp-series li")}
    assert list(rows) == [f"datum-{d}" for d in ("2026-11-12", "2026-12-10", "2027-01-14", "2027-02-11", "2027-03-18")]
    assert "Afgelopen" in rows["datum-2026-11-12"]
    assert "Eerstvolgende" in rows["datum-2026-12-10"]
    assert "Geannuleerd" in rows["datum-2027-01-14"] and ".ics" not in rows["datum-2027-01-14"]
    assert "donderdag 18 februari 2027, 20:00–21:30 Verplaatst (in plaats van donderdag 11 februari 2027)" in rows["datum-2027-02-11"]
    events = [json.loads(t.string) for t in page.find_all("script", type="application/ld+json")]
    (dates,) = [e["@graph"] for e in events if "@graph" in e]
    assert dates[3]["url"].endswith(f"{PAGE}#datum-2027-02-11") and dates[3]["startDate"] == "2027-02-18T20:00:00+01:00"
    assert [d["eventStatus"].rsplit("/", 1)[1] for d in dates] == [
        "EventScheduled",
        "EventScheduled",
        "EventCancelled",
        "EventRescheduled",
        "EventScheduled",
    ]


def test_uids_stay_when_dates_are_added_cancelled_or_moved(built):
    old = {str(e["UID"]): e for e in feed(built[0])}
    new = {str(e["UID"]): e for e in feed(built[1])}
    after = built[1]
    assert set(old) < set(new) and len(new) == len(old) + 1
    moved = new["agenda/kenniscafe-wijk/2027-02-11@werkplaatssociaaldomeinzhz.nl"]
    assert moved.decoded("dtstart") == at("2027-02-18", "20:00")
    assert new["agenda/kenniscafe-wijk/2027-01-14@werkplaatssociaaldomeinzhz.nl"]["STATUS"] == "CANCELLED"
    untouched = "agenda/kenniscafe-wijk/2026-12-10@werkplaatssociaaldomeinzhz.nl"
    assert old[untouched].decoded("dtstart") == new[untouched].decoded("dtstart") == at("2026-12-10", "19:30")
    # Each date also has a file of its own, and the series one with all dates.
    one = icalendar.Calendar.from_ical((after / PAGE / "kenniscafe-in-de-wijk-2026-12-10.ics").read_bytes()).walk("VEVENT")
    whole = icalendar.Calendar.from_ical((after / PAGE / "kenniscafe-in-de-wijk.ics").read_bytes()).walk("VEVENT")
    assert [str(e["UID"]) for e in one] == [untouched] and len(whole) == len(new)


def test_khal_takes_the_change_as_a_subscriber_would(built, tmp_path):
    """The feed imported before and after the change: khal keeps the other
    dates, moves the moved one and marks the cancelled one."""
    before, after = built
    khal = Khal(tmp_path / "khal")
    listing = ("list", "-df", "", "-f", "{start}|{title}|{status}", "2026-12-01", "2027-03-31")
    khal.run("import", "--batch", str(before / "agenda" / "werkplaats-agenda.ics"))
    khal.run("import", "--batch", str(after / "agenda" / "werkplaats-agenda.ics"))
    rows = [row.strip() for row in khal.run(*listing).splitlines() if row.strip()]
    assert rows == [
        "2026-12-10 19:30|Kenniscafé in de wijk|CONFIRMED",
        "2027-01-14 19:30|Kenniscafé in de wijk|CANCELLED",
        "2027-02-18 20:00|Kenniscafé in de wijk|CONFIRMED",
        "2027-03-18 19:30|Kenniscafé in de wijk|CONFIRMED",
    ]


def _calendar(*events) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//test//NL")
    cal.add("version", "2.0")
    for event in events:
        cal.add_component(event)
    return cal.to_ical()


def _event(uid: str, start: dt.datetime, **extra) -> icalendar.Event:
    event = icalendar.Event()
    for key, value in {
        "uid": uid,
        "summary": "Kenniscafé",
        "dtstamp": dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
        "dtstart": start,
        **extra,
    }.items():
        event.add(key, value)
    return event


def test_why_separate_events_and_not_a_rule_what_khal_does_with_each(tmp_path):
    """The same change (the second date cancelled, the third moved a week)
    written as RFC 5545 allows: separate events keep the cancelled date in
    view as cancelled; a rule with EXDATE drops it without a word."""
    first, second, third, moved = at("2027-01-14", "19:30"), at("2027-02-11", "19:30"), at("2027-03-11", "19:30"), at("2027-03-18", "19:30")
    rule = {"freq": "monthly", "byday": "2TH", "count": 3}
    written = {
        "separate": (
            [_event("s/1", first), _event("s/2", second), _event("s/3", third)],
            [_event("s/1", first), _event("s/2", second, status="CANCELLED", sequence=1), _event("s/3", moved, sequence=1)],
        ),
        "rule": (
            [_event("r", first, rrule=rule)],
            [_event("r", first, rrule=rule, exdate=second, sequence=1), _event("r", moved, **{"recurrence-id": third}, sequence=1)],
        ),
    }
    seen = {}
    for name, (old, new) in written.items():
        khal = Khal(tmp_path / name)
        for version, events in (("oud", old), ("nieuw", new)):
            (tmp_path / f"{name}-{version}.ics").write_bytes(_calendar(*events))
            khal.run("import", "--batch", str(tmp_path / f"{name}-{version}.ics"))
        out = khal.run("list", "-df", "", "-f", "{start-date}|{status}", "2027-01-01", "2027-04-30")
        seen[name] = [row.strip() for row in out.splitlines() if row.strip()]
    assert seen["separate"] == ["2027-01-14|", "2027-02-11|CANCELLED", "2027-03-18|"]
    assert seen["rule"] == ["2027-01-14|", "2027-03-18|"]


def test_the_guides_series_example_passes_make_check(repo):
    """REDACTIE.md's example of a series, as an editor copies it."""
    guide = (Path(__file__).parent.parent / "REDACTIE.md").read_text(encoding="utf-8")
    section = guide.split("### Een reeks", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    extra = "".join(textwrap.dedent(block.split("```", 1)[0]) for block in section.split("### ", 1)[0].split("```yaml\n")[2:])
    path = repo.write("agenda/reeks.md", f"---\n{example}{extra}---\n\nElke maand.\n")
    entry, problems = model.read_entry(path, repo.settings)
    assert problems == [] and [o.status for o in entry.dates].count("geannuleerd") == 1
    assert any(o.moved_from == dt.date(2027, 4, 8) for o in entry.dates)


def test_a_series_still_running_needs_a_place_even_when_its_first_date_is_past(repo):
    text = (
        SERIES.replace("location: Bibliotheek Dordrecht\n", "")
        .replace("start: 2027-01-14", "start: 2026-10-08")
        .replace("until: 2027-06-10", "until: 2027-03-31")
    )
    path = repo.write("agenda/kenniscafe.md", text)
    _, problems = model.read_entry(path, repo.settings, dt.date(2026, 11, 22))
    assert [p.message.split(":")[0] for p in problems] == ["location ontbreekt"]
    _, problems = model.read_entry(path, repo.settings, dt.date(2027, 4, 1))  # the whole series is over: allowed
    assert problems == []
