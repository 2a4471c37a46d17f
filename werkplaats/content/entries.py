"""What the content model gives everyone else: the kinds of post, a
validated Entry (a post or an event) with its Location and Attachments,
and the Problem an editor is told about (werkplaats.content.model reads files into
these; nothing here reads a file)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..core.settings import Settings
from .images import SUFFIXES as IMAGE_PIPELINE_SUFFIXES

KINDS = ("nieuws", "verslagen", "agenda")
POST_KINDS = ("nieuws", "verslagen")
EVENT_STATUSES = ("gepland", "geannuleerd", "verplaatst", "volgeboekt")
DEFAULT_STATUS = EVENT_STATUSES[0]  # an event without `status:`
IMAGE_SUFFIXES = IMAGE_PIPELINE_SUFFIXES  # what werkplaats.content.images can clean and scale
EXCERPT_SEPARATOR = "<!-- more -->"


# --------------------------------------------------------------------------
# Problems


def rel_path(path: Path, settings: Settings) -> str:
    """'posts/nieuws/x.md': how messages name a file."""
    return settings.relative(path)


# How long a calendar shows an event that has a start time and no end.
DEFAULT_DURATION = dt.timedelta(hours=1)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at one line."""

    path: str  # relative to the repository, with forward slashes
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# --------------------------------------------------------------------------
# Entries


@dataclass(frozen=True)
class Location:
    name: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""

    @property
    def street(self) -> str:
        """'Museumpark 40, 3015 CX Rotterdam', or what of it is known ('Schiedam')."""
        return ", ".join(p for p in (self.address, " ".join(p for p in (self.postcode, self.city) if p)) if p)

    @property
    def one_line(self) -> str:
        return ", ".join(p for p in (self.name, self.street) if p)

    @property
    def query(self) -> str:
        """What to search for on a map: the address if known, else the name."""
        parts = [self.address, self.postcode, self.city] if self.address else [self.name, self.city]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class Attachment:
    title: str
    file: str  # relative to the post file, as the editor wrote it
    path: Path  # absolute, checked to exist


@dataclass
class Entry:
    """A post or an event, validated. Dates are plain Python values."""

    kind: str
    path: Path
    rel: str  # 'posts/nieuws/x.md'
    title: str
    body: str
    slug: str
    description: str = ""
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    image: str = ""
    image_alt: str = ""
    draft: bool = False
    # news and reports
    date: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    # events
    start: dt.datetime | dt.date | None = None
    end: dt.datetime | dt.date | None = None
    location: Location | None = None
    online: str = ""
    registration: str = ""
    status: str = ""
    report: str = ""  # 'posts/verslagen/x.md'
    explicit_slug: bool = False
    aliases: list[str] = field(default_factory=list)  # old addresses, werkplaats.content.addresses
    body_line: int = 1  # the file's line where `body` starts
    # A series (werkplaats.content.series): every date of the file; empty for one event.
    dates: tuple = ()
    repeat_text: str = ""  # 'elke tweede donderdag van de maand', for its page
    # One date of a series, as the agenda lists it: the date the series gave it.
    occurrence: dt.date | None = None
    moved_from: dt.date | None = None  # a date of a series moved to `start`

    @property
    def is_event(self) -> bool:
        return self.kind == "agenda"

    @property
    def all_day(self) -> bool:
        return self.is_event and not isinstance(self.start, dt.datetime)

    @property
    def is_series(self) -> bool:
        return bool(self.dates)

    @property
    def first_day(self) -> dt.date:
        if self.is_series:
            return min(item.first_day for item in self.expanded())
        value = self.start if self.is_event else self.date
        return value.date() if isinstance(value, dt.datetime) else value

    @property
    def last_day(self) -> dt.date:
        if not self.is_event:
            return self.date
        if self.is_series:
            return max(item.last_day for item in self.expanded())
        value = self.end or self.start
        return value.date() if isinstance(value, dt.datetime) else value

    def expanded(self) -> list[Entry]:
        """The events this file puts in the agenda: itself, or each date of its series."""
        if not self.is_series:
            return [self]
        return [
            replace(
                self, start=o.start, end=o.end, status=o.status or self.status, occurrence=o.original, dates=(), moved_from=o.moved_from
            )
            for o in self.dates
        ]

    @property
    def calendar_span(self) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
        """Start and end as a calendar takes them: an event without an end
        lasts DEFAULT_DURATION; an all-day event ends the day after its last day."""
        if isinstance(self.start, dt.datetime):
            return self.start, self.end or self.start + DEFAULT_DURATION
        return self.start, self.last_day + dt.timedelta(days=1)

    @property
    def source_path(self) -> str:
        """Path inside posts/: 'nieuws/x.md'."""
        return self.rel.split("/", 1)[1]

    def publication(self, today: dt.date) -> str:
        """'concept' (draft), 'gepland' (future date) or 'gepubliceerd'."""
        if self.draft:
            return "concept"
        if not self.is_event and self.date > today:
            return "gepland"
        return "gepubliceerd"

    def is_public(self, today: dt.date) -> bool:
        return self.publication(today) == "gepubliceerd"
