"""The agenda: which events are upcoming, how they read in Dutch, which
pages exist (months, years, categories, tags) and what each page shows.

Plain functions of plain data: `Entry` objects from the content model,
`today`, and a mapping of entries to their URLs. No MkDocs here.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from babel.dates import format_date

from ..content.addresses import public_path
from ..content.model import Entry
from ..core.dates import LOCALE, TZ, dutch_date, dutch_month, dutch_time, dutch_weekday_date
from ..core.slugs import slugify
from .places import map_url as place_map_url
from .places import postal_address

ROOT = "agenda"
FEED_PATH = f"{ROOT}/werkplaats-agenda.ics"
HOME_EVENT_COUNT = 3
RECENT_PAST_COUNT = 10

STATUS_LABELS = {
    "gepland": "",
    "geannuleerd": "Geannuleerd",
    "verplaatst": "Verplaatst",
    "volgeboekt": "Volgeboekt",
}


# --------------------------------------------------------------------------
# Addresses of the agenda's pages (relative to the site root, directory URLs)


def event_dir(entry: Entry) -> str:
    """An event's page; a series has one page for all its dates."""
    return public_path(entry)


def event_ics(entry: Entry) -> str:
    """An event's calendar file; a series has one with every date, and one per date."""
    if entry.occurrence:
        return f"{event_dir(entry)}{entry.slug}-{entry.occurrence:%Y-%m-%d}.ics"
    return f"{event_dir(entry)}{entry.slug}.ics"


def date_anchor(entry: Entry) -> str:
    """The id of one date on its series' page (the date the series gave it, so links stay)."""
    return f"datum-{entry.occurrence:%Y-%m-%d}" if entry.occurrence else ""


def month_dir(month: dt.date) -> str:
    return f"{ROOT}/maand/{month:%Y-%m}/"


def year_dir(year: int) -> str:
    return f"{ROOT}/archief/{year}/"


def category_dir(name: str) -> str:
    return f"{ROOT}/categorie/{slugify(name)}/"


def tag_dir(name: str) -> str:
    return f"{ROOT}/trefwoord/{slugify(name)}/"


SUBSCRIBE_DIR = f"{ROOT}/abonneren/"  # the help page: how to subscribe, every feed


def category_feed(name: str) -> str:
    """The subscribable calendar of one category, beside its listing."""
    return f"{category_dir(name)}werkplaats-{slugify(name)}.ics"


def feeds(events: list[Entry], site_name: str) -> list[dict]:
    """Every subscribable calendar: the whole agenda, then one per category
    (sorted): {'title', 'name' (the calendar's own name), 'path', 'events'}.
    Past events stay in every feed: a subscribed calendar keeps its history."""
    out = [{"title": "De hele agenda", "name": f"Agenda {site_name}", "path": FEED_PATH, "events": events}]
    for name, chosen in taxonomy(events, "categories").items():
        out.append({"title": name, "name": f"{site_name}: {name}", "path": category_feed(name), "events": chosen})
    return out


# --------------------------------------------------------------------------
# Online, on location, or both


def mode(entry: Entry) -> str:
    """'online' (only a link), 'beide' (a place and a link) or 'locatie'
    (a place, or neither: an event long past whose place is unknown)."""
    if entry.online:
        return "beide" if entry.location else "online"
    return "locatie"


MODE_LABELS = {"online": "Online", "beide": "Online en op locatie", "locatie": ""}
# The filter's static pages: key -> (title, which modes it lists).
MODE_PAGES = {
    "online": ("Online te volgen", ("online", "beide")),
    "op-locatie": ("Op locatie", ("locatie", "beide")),
}


def mode_dir(key: str) -> str:
    return f"{ROOT}/{key}/"


def with_mode(events: list[Entry], key: str) -> list[Entry]:
    return [e for e in events if mode(e) in MODE_PAGES[key][1]]


def webcal(site_url: str, path: str) -> str:
    """The webcal:// address of a feed: a calendar app subscribes instead of downloading."""
    scheme, _, rest = site_url.partition("://")
    return f"webcal://{rest}{path}" if scheme in ("http", "https") else f"{site_url}{path}"


# --------------------------------------------------------------------------
# Time


def _start_key(entry: Entry) -> tuple:
    start = entry.start
    moment = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time.min, tzinfo=TZ)
    return (entry.first_day, isinstance(start, dt.datetime), moment.timestamp(), entry.title, entry.rel)


def has_ended(entry: Entry, today: dt.date) -> bool:
    """Whether the event is over on `today` (a date in Europe/Amsterdam,
    dates.site_today): the one rule behind every page, list and export.

    Whole days only: an event whose last day is today is still today's,
    also after its end time (the site is built once a day); one that runs
    past midnight ends on the next day.
    """
    return entry.last_day < today


def is_upcoming(entry: Entry, today: dt.date) -> bool:
    """Upcoming until its last day has passed: an event running today is still on."""
    return not has_ended(entry, today)


def upcoming(events: list[Entry], today: dt.date) -> list[Entry]:
    return sorted((e for e in events if is_upcoming(e, today)), key=_start_key)


def past(events: list[Entry], today: dt.date) -> list[Entry]:
    return sorted((e for e in events if not is_upcoming(e, today)), key=_start_key, reverse=True)


def days_of(entry: Entry) -> list[dt.date]:
    count = (entry.last_day - entry.first_day).days + 1
    return [entry.first_day + dt.timedelta(days=n) for n in range(count)]


def when(entry: Entry) -> str:
    """'donderdag 18 oktober 2018, 19:00–21:30' and the other forms; a
    series: 'Elke tweede donderdag van de maand, 19:30–21:00, van ... tot en met ...'."""
    if entry.is_series:
        return series_when(entry)
    start, end = entry.start, entry.end
    if not isinstance(start, dt.datetime):
        if end is None or end == start:
            return dutch_weekday_date(start)
        return f"{dutch_weekday_date(start)} t/m {dutch_weekday_date(end)}"
    first = f"{dutch_weekday_date(start.date())}, {dutch_time(start)}"
    if end is None:
        return first
    if end.date() == start.date():
        return f"{first}–{dutch_time(end)}"
    return f"{first} tot {dutch_weekday_date(end.date())}, {dutch_time(end)}"


def series_when(entry: Entry) -> str:
    dates = entry.expanded()
    span = f"van {dutch_weekday_date(entry.first_day)} tot en met {dutch_weekday_date(entry.last_day)}"
    how = entry.repeat_text.capitalize() if entry.repeat_text else f"{len(dates)} data"
    first = dates[0]
    hours = f", {time_span(first)}" if isinstance(first.start, dt.datetime) else ""
    return f"{how}{hours}, {span}"


def time_span(entry: Entry) -> str:
    """'19:00–21:30', '19:00' or 'hele dag', for lists where the date is shown apart."""
    if not isinstance(entry.start, dt.datetime):
        return "hele dag" if entry.first_day == entry.last_day else f"t/m {dutch_date(entry.last_day)}"
    if entry.end is None:
        return dutch_time(entry.start)
    if entry.end.date() == entry.start.date():
        return f"{dutch_time(entry.start)}–{dutch_time(entry.end)}"
    if entry.end.date() == entry.start.date() + dt.timedelta(days=1) and entry.end < entry.start + dt.timedelta(days=1):
        return f"{dutch_time(entry.start)}–{dutch_time(entry.end)} (volgende dag)"  # a night: the date would read as the start's
    return f"{dutch_time(entry.start)} tot {dutch_date(entry.end.date())} {dutch_time(entry.end)}"


def day_time(entry: Entry, day: dt.date) -> str:
    """time_span as one day of a month grid shows it: on a later day of an
    event that began before, only what is left of it ('tot 01:30')."""
    if day == entry.first_day or not isinstance(entry.start, dt.datetime):
        return time_span(entry)
    return f"tot {dutch_time(entry.end)}" if entry.end is not None and day == entry.last_day else "hele dag"


# --------------------------------------------------------------------------
# An event that has ended: said in the past tense


def status_label(entry: Entry, today: dt.date) -> str:
    """The label beside an event's title: its status, or 'Afgelopen' once it
    is over. Cancelled and postponed keep theirs; 'Volgeboekt' no longer matters."""
    if has_ended(entry, today) and entry.status in ("gepland", "volgeboekt"):
        return "Afgelopen"
    return STATUS_LABELS[entry.status]


def when_prefix(entry: Entry, today: dt.date) -> str:
    """What a list puts before `when` of an ended event: 'Vond plaats op', 'Stond gepland van'; '' before it ends."""
    if not has_ended(entry, today):
        return ""
    verb = "Stond gepland" if entry.status == "geannuleerd" else "Vond plaats"
    return f"{verb} {'van' if entry.first_day != entry.last_day else 'op'}"


def _past_when(entry: Entry) -> str:
    """'op donderdag 18 oktober 2018, van 19:00 tot 21:00' and the other forms."""
    start, end = entry.start, entry.end
    if not isinstance(start, dt.datetime):
        if end is None or end == start:
            return f"op {dutch_weekday_date(start)}"
        return f"van {dutch_weekday_date(start)} tot en met {dutch_weekday_date(end)}"
    day = dutch_weekday_date(start.date())
    if end is None:
        return f"op {day} om {dutch_time(start)}"
    if end.date() == start.date():
        return f"op {day}, van {dutch_time(start)} tot {dutch_time(end)}"
    return f"van {day} om {dutch_time(start)} tot {dutch_weekday_date(end.date())} om {dutch_time(end)}"


def _past_place(entry: Entry) -> str:
    """'Plaats: Hogeschool Inholland, Rotterdam.', 'Plaats: Rotterdam (ook online).',
    'Online.' or ''. A sentence of its own: a place's name needs no article then."""
    loc, where = entry.location, ""
    if loc:
        names = [loc.name] if loc.name and loc.city and loc.city in loc.name else [p for p in (loc.name, loc.city) if p]
        where = ", ".join(names) if names else loc.street
    if entry.online:
        return f"Plaats: {where} (ook online)." if where else "Online."
    return f"Plaats: {where}." if where else ""


def looking_back(entry: Entry, today: dt.date) -> str:
    """The sentence at the top of an ended event's page, after its label
    (status_label): 'deze activiteit vond plaats op ...'; '' before it has
    ended. Only what the event says: no time, place or outcome it does not give."""
    if not has_ended(entry, today):
        return ""
    if entry.is_series:
        return f"deze reeks is voorbij; de laatste datum was {dutch_weekday_date(entry.last_day)}. Alle data staan hieronder."
    when, place = _past_when(entry), _past_place(entry)
    if entry.status == "geannuleerd":
        said = f"deze activiteit ging niet door. Ze stond gepland {when}."
    elif entry.status == "verplaatst":
        said = f"deze activiteit werd verplaatst en vond plaats {when}."
    else:
        said = f"deze activiteit vond plaats {when}."
    return f"{said} {place}" if place else said


def can_register(entry: Entry, today: dt.date) -> bool:
    """Whether the page offers its sign-up: given, still to come, not cancelled or full."""
    return bool(entry.registration) and not has_ended(entry, today) and entry.status not in ("geannuleerd", "volgeboekt")


def offers_ics(entry: Entry, today: dt.date) -> bool:
    """Whether 'Zet in je agenda' is offered: still to come and not cancelled."""
    return not has_ended(entry, today) and entry.status != "geannuleerd"


def iso(value: dt.date | dt.datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def map_url(entry: Entry) -> str:
    return place_map_url(entry.location) if entry.location else ""


# --------------------------------------------------------------------------
# Views


def card(entry: Entry, urls: dict[str, str], today: dt.date, place_slug: str = "") -> dict:
    """What a list shows for one event; `place_slug` lets the agenda's
    filter (docs/assets/agenda-filter.js) find it by its place."""
    return {
        "title": entry.title,
        "url": urls[entry.rel] + (f"#{date_anchor(entry)}" if entry.occurrence else ""),
        # The id of the event in a list, for links from a month grid's day.
        "anchor": f"activiteit-{entry.first_day:%Y-%m-%d}-{entry.slug}",
        "weekday": format_date(entry.first_day, "EEEE", locale=LOCALE),
        "date": dutch_date(entry.first_day),
        "day": entry.first_day.day,
        "month_short": format_date(entry.first_day, "MMM", locale=LOCALE).rstrip("."),
        "when": when(entry),
        "time": time_span(entry),
        "start_iso": iso(entry.start),
        "place": entry.location.one_line if entry.location else "",
        "city": entry.location.city if entry.location else "",
        "online": bool(entry.online),
        "mode": mode(entry),
        "mode_label": MODE_LABELS[mode(entry)],
        "category_slugs": [slugify(n) for n in entry.categories],
        "place_slug": place_slug,
        "status": entry.status,
        "status_label": status_label(entry, today),
        "upcoming": is_upcoming(entry, today),
        "past": has_ended(entry, today),
        "when_prefix": when_prefix(entry, today),
        # Said above everything once the event is over (overrides/event.html).
        "looking_back": looking_back(entry, today),
        "can_register": can_register(entry, today),
        "offers_ics": offers_ics(entry, today),
        # Its report, once published (only shown entries have a URL).
        "report_url": urls.get(entry.report, "") if entry.report else "",
        "description": entry.description,
        "publication": entry.publication(today),
    }


def grouped_by_month(events: list[Entry], urls, today, place_slug=lambda entry: "") -> list[dict]:
    """[{'title': 'oktober 2018', 'url': month page, 'events': [cards]}] in the given order."""
    groups = []
    for month, items in groupby(events, key=lambda e: e.first_day.replace(day=1)):
        cards = [card(e, urls, today, place_slug(e)) for e in items]
        groups.append({"title": dutch_month(month), "id": f"{month:%Y-%m}", "url": month_dir(month), "events": cards})
    return groups


def grouped_by_year(events: list[Entry], urls, today) -> list[dict]:
    groups = []
    for year, items in groupby(events, key=lambda e: e.first_day.year):
        groups.append({"title": str(year), "id": f"jaar-{year}", "url": year_dir(year), "events": [card(e, urls, today) for e in items]})
    return groups


def months(events: list[Entry]) -> list[dt.date]:
    """Every month in which an event takes place (on any of its days)."""
    return sorted({day.replace(day=1) for e in events for day in days_of(e)})


def years(events: list[Entry]) -> list[int]:
    return sorted({e.first_day.year for e in events}, reverse=True)


def month_grid(month: dt.date, events: list[Entry], urls, today) -> dict:
    """A Monday-first grid of one month with the events of each day."""
    by_day: dict[dt.date, list[Entry]] = {}
    for entry in sorted(events, key=_start_key):
        for day in days_of(entry):
            by_day.setdefault(day, []).append(entry)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month):
        weeks.append(
            [
                {
                    "day": day.day,
                    "iso": day.isoformat(),
                    "label": dutch_weekday_date(day),
                    "in_month": day.month == month.month,
                    "today": day == today,
                    "events": [card(e, urls, today) | {"time": day_time(e, day)} for e in by_day.get(day, [])]
                    if day.month == month.month
                    else [],
                }
                for day in week
            ]
        )
    all_months = months(events)
    index = all_months.index(month) if month in all_months else None

    def neighbour(i: int) -> dict | None:
        if index is None or not 0 <= i < len(all_months):
            return None
        return {"title": dutch_month(all_months[i]), "url": month_dir(all_months[i])}

    weekdays = [format_date(dt.date(2024, 1, 1) + dt.timedelta(days=n), "EEEE", locale=LOCALE) for n in range(7)]
    in_month = [e for e in sorted(events, key=_start_key) if any(d.replace(day=1) == month for d in days_of(e))]
    return {
        "title": dutch_month(month),
        "events": [card(e, urls, today) for e in in_month],
        "weekdays": [{"full": name, "short": name[:2]} for name in weekdays],
        "weeks": weeks,
        "previous": neighbour(index - 1) if index is not None else None,
        "next": neighbour(index + 1) if index is not None else None,
    }


def taxonomy(events: list[Entry], attribute: str) -> dict[str, list[Entry]]:
    """Category or tag name -> its events, names sorted."""
    found: dict[str, list[Entry]] = {}
    for entry in events:
        for name in getattr(entry, attribute):
            found.setdefault(name, []).append(entry)
    return dict(sorted(found.items()))


# --------------------------------------------------------------------------
# schema.org Event

_EVENT_STATUS = {
    "gepland": "https://schema.org/EventScheduled",
    "volgeboekt": "https://schema.org/EventScheduled",
    "geannuleerd": "https://schema.org/EventCancelled",
    "verplaatst": "https://schema.org/EventRescheduled",
}


def event_jsonld(entry: Entry, url: str, organisation: dict, site_url: str) -> dict:
    """JSON-LD for one event; dates carry their own UTC offset (+01:00 or +02:00)."""
    places = []
    if entry.location:
        loc = entry.location
        places.append({"@type": "Place", "name": loc.name or loc.address or loc.city, "address": postal_address(loc)})
    if entry.online:
        places.append({"@type": "VirtualLocation", "url": entry.online})
    mode = "Mixed" if entry.location and entry.online else ("Online" if entry.online else "Offline")
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": entry.title,
        "startDate": iso(entry.start),
        "eventStatus": _EVENT_STATUS[entry.status],
        "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
        "organizer": {"@type": "Organization", "name": organisation.get("naam", ""), "url": site_url},
        "url": url,
        "description": entry.description or entry.title,
    }
    if places:  # an event of the past may have no known place: then none is claimed
        data["location"] = places[0] if len(places) == 1 else places
    if entry.end is not None:
        data["endDate"] = iso(entry.end)
    return data


def series_jsonld(dates: list[Entry], url: str, organisation: dict, site_url: str) -> dict:
    """The dates of a series as one JSON-LD document: an Event per date, each with its own address on the page."""
    events = []
    for item in dates:
        event = event_jsonld(item, f"{url}#{date_anchor(item)}", organisation, site_url)
        event.pop("@context")
        events.append(event)
    return {"@context": "https://schema.org", "@graph": events}


@dataclass(frozen=True)
class EventLinks:
    """Cross links between events and reports (by entry.rel)."""

    report_of: dict[str, str]  # event rel -> report rel
    event_of: dict[str, str]  # report rel -> event rel


def links(events: list[Entry]) -> EventLinks:
    report_of = {e.rel: e.report for e in events if e.report}
    return EventLinks(report_of, {report: event for event, report in report_of.items()})
