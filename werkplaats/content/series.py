"""A series: one file in posts/agenda/ for an event that comes back (a
kenniscafé every second Thursday of the month, or a list of dates). Part of
the content model: the keys' parsers and the dates they give.

Each date becomes an event of its own in the agenda, the month grids and
the calendars, with a UID made of the file and the date the series first
gave it (werkplaats.site.ical.uid): adding a date, cancelling one or moving one
leaves the others' UIDs as they were. Why separate events and not one
VEVENT with RRULE/RDATE: handbook/agenda-and-calendars.md.

    repeat: 2e donderdag van de maand   # or: elke week, elke 2 weken
    until: 2027-06-10                   # the last day the rule gives dates
    dates: [2027-07-01]                 # dates besides the rule (or instead of it)
    cancelled: [2027-03-11]             # dates that do not go ahead
    moved:
      - from: 2027-04-08                # a date of the series ...
        to: 2027-04-15 19:30            # ... and when it takes place instead
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .values import FieldError, local_datetime, parse_date, parse_moment

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
ORDINALS = {"eerste": 1, "1e": 1, "tweede": 2, "2e": 2, "derde": 3, "3e": 3, "vierde": 4, "4e": 4, "laatste": -1}
ORDINAL_WORDS = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", -1: "laatste"}
MAX_DATES = 60  # five years of a monthly series; more is a mistake in until
EXAMPLES = "elke week, elke 2 weken, 2e donderdag van de maand of laatste vrijdag van de maand"
KEYS = ("repeat", "until", "dates", "cancelled", "moved")

_WEEKLY = re.compile(r"^(?:elke|iedere)\s+(?:(\d+)\s+weken|week)$|^wekelijks$|^om\s+de\s+(?:(\d+)\s+weken|week)$")
_MONTHLY = re.compile(r"^(?:elke\s+|iedere\s+)?(\S+)\s+(\S+)\s+van\s+de\s+maand$")


@dataclass(frozen=True)
class Rule:
    every: str  # 'week' or 'maand'
    interval: int = 1  # weeks between dates
    ordinal: int = 0  # of the month: 1..4, or -1 for the last
    weekday: int = 0  # Monday 0

    def describe(self) -> str:
        if self.every == "week":
            return "elke week" if self.interval == 1 else f"elke {self.interval} weken"
        return f"elke {ORDINAL_WORDS[self.ordinal]} {WEEKDAYS[self.weekday]} van de maand"

    def matches(self, day: dt.date) -> bool:
        if self.every == "week":
            return True
        if day.weekday() != self.weekday:
            return False
        return _last(day) if self.ordinal == -1 else _nth(day) == self.ordinal


def _nth(day: dt.date) -> int:
    return (day.day - 1) // 7 + 1


def _last(day: dt.date) -> bool:
    return (day + dt.timedelta(days=7)).month != day.month


def parse_repeat(value, ctx) -> Rule:
    text = " ".join(str(value or "").lower().split())
    if not text:
        raise FieldError(f"is leeg: schrijf bijvoorbeeld {EXAMPLES}")
    weekly = _WEEKLY.match(text)
    if weekly:
        interval = int(weekly.group(1) or weekly.group(2) or (2 if text == "om de week" else 1))
        if not 1 <= interval <= 8:
            raise FieldError(f'"{value}": kies elke week tot en met elke 8 weken ({EXAMPLES})')
        return Rule("week", interval)
    monthly = _MONTHLY.match(text)
    if monthly and monthly.group(1) in ORDINALS and monthly.group(2) in WEEKDAYS:
        return Rule("maand", ordinal=ORDINALS[monthly.group(1)], weekday=WEEKDAYS.index(monthly.group(2)))
    raise FieldError(f'"{value}" is geen herhaling die de site kent: schrijf {EXAMPLES}')


def _list(value, ctx, parse, what: str) -> list:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        try:
            out.append(parse(item, ctx))
        except FieldError as error:
            raise FieldError(f"{what} {item}: {error}") from None
    if len(set(out)) != len(out):
        raise FieldError("noemt een datum twee keer")
    return out


def parse_dates(value, ctx) -> list:
    """Dates of the series besides (or instead of) the rule: a date takes
    the time of start, a date with a time its own."""
    return _list(value, ctx, parse_moment, "datum")


def parse_cancelled(value, ctx) -> list[dt.date]:
    return _list(value, ctx, parse_date, "datum")


def parse_moved(value, ctx) -> list[tuple[dt.date, dt.date | dt.datetime]]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if not isinstance(item, dict) or set(item) != {"from", "to"}:
            raise FieldError("elke verplaatsing heeft from: (de datum van de reeks) en to: (de nieuwe datum, eventueel met tijd)")
        out.append((parse_date(item["from"], ctx), parse_moment(item["to"], ctx)))
    return out


@dataclass(frozen=True)
class Occurrence:
    original: dt.date  # the date the series gives it: part of its UID
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None
    status: str  # '' (the series' own), 'geannuleerd' or 'verplaatst'
    moved_from: dt.date | None = None


def rule_dates(rule: Rule, first: dt.date, until: dt.date) -> list[dt.date]:
    days, day = [], first
    while day <= until and len(days) <= MAX_DATES:
        days.append(day)
        if rule.every == "week":
            day += dt.timedelta(weeks=rule.interval)
        else:
            day = _in_month(rule, (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1))
    return days


def _in_month(rule: Rule, month: dt.date) -> dt.date:
    first = month + dt.timedelta(days=(rule.weekday - month.weekday()) % 7)
    if rule.ordinal > 0:
        return first + dt.timedelta(weeks=rule.ordinal - 1)
    last = first + dt.timedelta(weeks=4)
    return last if last.month == month.month else last - dt.timedelta(weeks=1)


class _NoSuchTime(Exception):
    """A time of one date of the series falls in the hour the clocks skip."""

    def __init__(self, part: str, moment: dt.datetime):
        super().__init__(part, moment)
        self.part, self.moment = part, moment  # 'start' or 'end'; naive, local


def _local(part: str, moment: dt.datetime) -> dt.datetime:
    try:
        return local_datetime(moment.date(), moment.time())
    except FieldError:
        raise _NoSuchTime(part, moment) from None


def _at(day: dt.date, start, end, moment=None):
    """Start and end of one date: the series' times (or `moment`'s) on `day`,
    the same length on the clock. Raises _NoSuchTime for a time the clocks skip."""
    base = moment if moment is not None else day
    if isinstance(base, dt.datetime):
        begin = base
    elif isinstance(start, dt.datetime):
        begin = _local("start", dt.datetime.combine(base, start.time()))
    else:
        begin = base
    if end is None:
        return begin, None
    if isinstance(start, dt.datetime) and isinstance(begin, dt.datetime):
        # Aware datetimes in one zone subtract and add on the clock, so the
        # end can land in the skipped hour (23:00 + 3:30 on 27 March = 02:30).
        length = end.astimezone(start.tzinfo).replace(tzinfo=None) - start.replace(tzinfo=None)
        return begin, _local("end", begin.replace(tzinfo=None) + length)
    if isinstance(start, dt.datetime) or isinstance(begin, dt.datetime):
        return begin, None  # an all-day series moved to a time, or the reverse: the length is unknown
    return begin, begin + (end - start)


def _skipped(error: _NoSuchTime, day: dt.date, key: str, own=None) -> tuple[str, str]:
    """(key, message) for a date whose start or end the clocks skip; `own`
    is the date's own moment under moved or dates."""
    at = f"{error.moment:%H:%M}"
    when = at if error.moment.date() == day else f"{at} op {error.moment:%Y-%m-%d}"
    gap = "maar die nacht gaat de klok van 02:00 naar 03:00 en bestaat die tijd niet"
    if key == "moved":
        return key, f"{day}, verplaatst naar {own:%Y-%m-%d %H:%M}, zou eindigen om {when}, {gap}: kies voor die datum een ander tijdstip"
    if key == "dates":
        return key, f"{own:%Y-%m-%d %H:%M} zou eindigen om {when}, {gap}: kies voor die datum een ander tijdstip"
    if error.part == "start":
        return "start", (
            f"op {day} begint de reeks om {at}, {gap}: kies een andere begintijd of verplaats die datum met moved:, "
            f"bijvoorbeeld naar {day} 03:{error.moment:%M}"
        )
    return "end", f"op {day} zou de reeks eindigen om {when}, {gap}: kies een andere eindtijd of verplaats die datum met moved:"


def occurrences(values: dict) -> tuple[list[Occurrence], list[tuple[str, str]]]:
    """Every date of a series, in order, and (key, message) for each
    problem. `values` are the parsed front matter (werkplaats.content.fields)."""
    start, end = values["start"], values.get("end")
    first = start.date() if isinstance(start, dt.datetime) else start
    rule, until = values.get("repeat"), values.get("until")
    problems = []
    if rule and until is None:
        return [], [("repeat", f"until ontbreekt: zeg tot wanneer de reeks loopt, bijvoorbeeld until: {first + dt.timedelta(days=150)}")]
    if until is not None and rule is None:
        return [], [("until", "hoort bij repeat: zonder herhaling is er niets om tot een datum te herhalen; geef repeat of haal until weg")]
    days: list[dt.date] = []
    if rule:
        if until < first:
            return [], [("until", f"{until} ligt voor start ({first}): de reeks moet na start eindigen")]
        if not rule.matches(first):
            return [], [
                ("start", f"{first} is geen {rule.describe().removeprefix('elke ')}: laat start op de eerste datum van de reeks vallen")
            ]
        days = rule_dates(rule, first, until)
    extra = {(m.date() if isinstance(m, dt.datetime) else m): m for m in values.get("dates", [])}
    for day in extra:
        if day in days or day == first:
            problems.append(("dates", f"{day} is al een datum van de reeks (door start of repeat): haal hem weg uit dates"))
    all_days = sorted({first, *days, *extra})
    if len(all_days) > MAX_DATES:
        return [], [
            (
                "until" if rule else "dates",
                f"geeft {len(all_days)} data, meer dan {MAX_DATES}: kies een eerdere until of maak een nieuwe reeks",
            )
        ]
    cancelled, moved = set(values.get("cancelled", [])), dict(values.get("moved", []))
    named = ", ".join(str(d) for d in all_days[:6]) + (" ..." if len(all_days) > 6 else "")
    for key, chosen in (("cancelled", cancelled), ("moved", moved)):
        for day in sorted(chosen):
            if day not in all_days:
                problems.append((key, f"{day} is geen datum van deze reeks (de data zijn {named})"))
    for day in sorted(cancelled & set(moved)):
        problems.append(("moved", f"{day} staat ook bij cancelled: een datum gaat niet door of wordt verplaatst, niet allebei"))
    if problems:
        return [], problems
    out = []
    for day in all_days:
        own = moved.get(day, extra.get(day))
        own_time = own if isinstance(own, dt.datetime) else None
        try:
            if day in moved:
                begin, finish = _at(own_time.date() if own_time else own, start, end, own_time)
                out.append(Occurrence(day, begin, finish, "verplaatst", moved_from=day))
                continue
            begin, finish = _at(day, start, end, own_time)
        except _NoSuchTime as error:
            return [], [_skipped(error, day, "moved" if day in moved else "dates" if own_time else "start", own)]
        out.append(Occurrence(day, begin, finish, "geannuleerd" if day in cancelled else ""))
    taken = [o.start.date() if isinstance(o.start, dt.datetime) else o.start for o in out]
    for o, day in zip(out, taken, strict=True):
        if o.moved_from and taken.count(day) > 1:
            return [], [("moved", f"{o.moved_from} wordt verplaatst naar {day}, maar daar is de reeks al: kies een andere datum")]
    return sorted(out, key=lambda o: o.start.date() if isinstance(o.start, dt.datetime) else o.start), []


def is_series(values: dict) -> bool:
    return any(key in values for key in ("repeat", "dates"))
