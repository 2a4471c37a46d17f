"""The content model: the one owner of what an editor may write in posts/.

Every rule about front matter lives here: which keys exist per kind, their
types, defaults and Dutch error messages with file and line. The MkDocs
hooks, `make check`, the JSON Schema (werkplaats.schema) and the tests all
call this module; none of them repeats a rule.

A post file is `posts/<kind>/<anything>.md` with kind `nieuws`, `verslagen`
or `agenda`. `load_all()` reads every file, reports every problem of every
file at once, and returns the entries only when there are no problems.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from . import addresses
from .dates import TZ
from .folders import is_folder_readme
from .images import SUFFIXES as IMAGE_PIPELINE_SUFFIXES
from .images import readable_image_problem
from .links import check_links
from .placeholders import MESSAGE as PLACEHOLDER_MESSAGE
from .placeholders import placeholder_lines
from .settings import Settings
from .slugs import slugify

KINDS = ("nieuws", "verslagen", "agenda")
POST_KINDS = ("nieuws", "verslagen")
EVENT_STATUSES = ("gepland", "geannuleerd", "verplaatst", "volgeboekt")
IMAGE_SUFFIXES = IMAGE_PIPELINE_SUFFIXES  # what werkplaats.images can clean and scale
EXCERPT_SEPARATOR = "<!-- more -->"


# --------------------------------------------------------------------------
# Problems


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


class _FieldError(ValueError):
    """A value is wrong; the caller knows the file and the line."""


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
    aliases: list[str] = field(default_factory=list)  # old addresses, werkplaats.addresses
    body_line: int = 1  # the file's line where `body` starts

    @property
    def is_event(self) -> bool:
        return self.kind == "agenda"

    @property
    def all_day(self) -> bool:
        return self.is_event and not isinstance(self.start, dt.datetime)

    @property
    def first_day(self) -> dt.date:
        value = self.start if self.is_event else self.date
        return value.date() if isinstance(value, dt.datetime) else value

    @property
    def last_day(self) -> dt.date:
        if not self.is_event:
            return self.date
        value = self.end or self.start
        return value.date() if isinstance(value, dt.datetime) else value

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


# --------------------------------------------------------------------------
# Field parsers: each takes the YAML value and a context, returns the clean
# value or raises _FieldError with a Dutch message. YAML guesses no types
# here (_StringLoader): a value is the text the editor wrote, or a list or
# mapping of such texts, and each parser decides what that text means.


@dataclass
class _Context:
    settings: Settings
    path: Path
    kind: str


def _text(value, ctx, *, name="tekst"):
    if isinstance(value, (list, dict)):
        raise _FieldError(f"moet één {name} zijn, geen lijst")
    if value is None or str(value).strip() == "":
        raise _FieldError("is leeg")
    return str(value).strip()


def _one_line(value, ctx):
    text = _text(value, ctx)
    if "\n" in text:
        raise _FieldError("moet op één regel passen")
    return text


# Every address is <section>/<yyyy>/<mm>/<dd>/<slug>/ (and <slug>.ics for an
# event); a folder name over 255 bytes cannot be written at all. Short slugs
# keep addresses readable, and a title this long is no longer a title.
TITLE_MAX = 150
SLUG_MAX = 80


def _title(value, ctx):
    text = _one_line(value, ctx)
    if len(text) > TITLE_MAX:
        raise _FieldError(
            f"is {len(text)} tekens lang, meer dan {TITLE_MAX}: maak de titel korter en zet de rest in description of in de eerste alinea"
        )
    return text


# Dutch editors write ja/nee; yes/no is what YAML itself used to accept.
_TRUE = ("true", "ja", "yes")
_FALSE = ("false", "nee", "no")


def _bool(value, ctx):
    if isinstance(value, bool):  # an explicit !!bool tag
        return value
    text = value.strip().lower() if isinstance(value, str) else None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text == "":
        raise _FieldError("is leeg: schrijf true (of ja), false (of nee), of haal de regel weg")
    raise _FieldError(f'"{value}" is geen ja/nee-waarde (gebruik true of false; ja en nee mogen ook)')


def _text_list(value, ctx):
    """A list of short texts; one item may be written as plain text."""
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise _FieldError("is leeg: schrijf een lijst, bijvoorbeeld [wijkteams, mantelzorg], of haal de regel weg")
        if re.match(r"-\S", text):
            # `tags:` with `  -wijkteams` lines below: YAML reads one text "-wijkteams -zorg".
            raise _FieldError(f"zet een spatie na elk streepje: - {text.split()[0][1:]}")
        if "," in text:
            raise _FieldError(f'"{text}" lijkt een lijst: zet er [ ] omheen, bijvoorbeeld [{text}]')
        value = [text]
    if not isinstance(value, list):
        raise _FieldError("moet een lijst zijn, bijvoorbeeld [wijkteams, mantelzorg]")
    items: list[str] = []
    seen: dict[str, str] = {}
    for item in value:
        if not isinstance(item, str) or item.strip() == "":
            raise _FieldError("elk item moet een korte tekst zijn")
        item = item.strip()
        # Tag and category pages are made from lowercased names: Mantelzorg
        # and mantelzorg would be one page, listed twice on the post.
        other = seen.get(item.casefold())
        if other == item:
            raise _FieldError(f'"{item}" staat er twee keer in')
        if other is not None:
            raise _FieldError(f'"{other}" en "{item}" zijn hetzelfde (hoofdletters tellen niet mee): haal er één weg')
        seen[item.casefold()] = item
        items.append(item)
    return items


def _categories(value, ctx):
    items = _text_list(value, ctx)
    allowed = ctx.settings.categories
    for item in items:
        if item not in allowed:
            raise _FieldError(f'categorie "{item}" bestaat niet{_hint(item, allowed)} (kies uit: {", ".join(allowed)})')
    return items


def _authors(value, ctx):
    items = _text_list(value, ctx)
    for item in items:
        if item not in ctx.settings.authors:
            known = list(ctx.settings.authors)
            raise _FieldError(f'auteur "{item}" staat niet in docs/nieuws/.authors.yml{_hint(item, known)} (bekend: {", ".join(known)})')
    return items


_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# ISO 8601 as editors and web CMSs write it: T or a space, seconds and a
# fraction optional, then optionally Z or an offset (+01:00, +0100, +01).
_DATETIME_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
    r"(?:\s*(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?))?$",
    re.IGNORECASE,
)
_CLOCK_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def _moment_text(value, what: str, example: str) -> str:
    if isinstance(value, (list, dict)):
        raise _FieldError(f"moet één {what} zijn, geen lijst")
    text = "" if value is None else str(value).strip()
    if not text:
        raise _FieldError(f"is leeg: vul een {what} in, bijvoorbeeld {example}")
    return text


def _calendar_day(text: str, year: str, month: str, day: str) -> dt.date:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        raise _FieldError(f'"{text}" bestaat niet in de kalender (controleer dag en maand)') from None


def _clock(text: str, hour: str, minute: str, second: str | None = None, fraction: str | None = None) -> dt.time:
    h, m, s = int(hour), int(minute), int(second or 0)
    if h > 23 or m > 59 or s > 59:
        raise _FieldError(f'"{text}": {h:02d}:{m:02d} is geen tijd (uren 00-23, minuten 00-59)')
    return dt.time(h, m, s, int((fraction or "0")[:6].ljust(6, "0")))


def _parse_moment(text: str) -> dt.date | dt.datetime | None:
    """A date, or an aware Europe/Amsterdam datetime; None when `text` has
    neither form. Without an offset a time is Amsterdam wall-clock time."""
    match = _DATE_RE.match(text)
    if match:
        return _calendar_day(text, *match.groups())
    match = _DATETIME_RE.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, zulu, sign, zone_hours, zone_minutes = match.groups()
    calendar_day = _calendar_day(text, year, month, day)
    clock = _clock(text, hour, minute, second, fraction)
    if not (zulu or sign):
        return local_datetime(calendar_day, clock, text)
    offset = dt.timedelta(hours=int(zone_hours or 0), minutes=int(zone_minutes or 0))
    if offset >= dt.timedelta(hours=24) or int(zone_minutes or 0) > 59:
        raise _FieldError(f'"{text}": de tijdzone klopt niet (bijvoorbeeld +01:00, of Z voor UTC)')
    zone = dt.timezone(-offset if sign == "-" else offset)
    return dt.datetime.combine(calendar_day, clock, tzinfo=zone).astimezone(TZ)


# Forms that are close: say what to change instead of only what is expected.
_CLOSE_FORMS = (
    (re.compile(r"^(\d{4}-\d{2}-\d{2}[T ]\s*)(\d{1,2})\.(\d{2})$"), lambda m: f"gebruik een dubbele punt: {m[1]}{m[2]}:{m[3]}"),
    (re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$"), lambda m: f"zet het jaar vooraan: {m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"),
    (
        re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
        lambda m: f"schrijf maand en dag met twee cijfers: {m[1]}-{int(m[2]):02d}-{int(m[3]):02d}",
    ),
    (re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$"), lambda m: f"gebruik streepjes: {m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"),
)


def _close_form(text: str) -> str:
    for pattern, fix in _CLOSE_FORMS:
        match = pattern.match(text)
        if match:
            return fix(match)
    return ""


def _date(value, ctx):
    """A day; a time with it is allowed, and with an offset (web CMSs write
    2026-11-23T10:00:00.000Z) it counts on the Amsterdam calendar."""
    text = _moment_text(value, "datum", "2017-03-07")
    moment = _parse_moment(text)
    if moment is None:
        close = _close_form(text)
        raise _FieldError(
            f'"{text}" is geen datum: {close}' if close else f'"{text}" is geen datum (gebruik JJJJ-MM-DD, bijvoorbeeld 2017-03-07)'
        )
    return moment.date() if isinstance(moment, dt.datetime) else moment


def _moment(value, ctx):
    """'YYYY-MM-DD HH:MM' (Amsterdam wall-clock time), ISO 8601 with an
    offset (converted to Amsterdam), or 'YYYY-MM-DD' (all day)."""
    text = _moment_text(value, "tijdstip", "2018-10-18 19:00")
    moment = _parse_moment(text)
    if moment is None:
        close = _close_form(text)
        raise _FieldError(
            f'"{text}" is geen tijdstip: {close}'
            if close
            else f'"{text}" is geen tijdstip (gebruik JJJJ-MM-DD UU:MM, bijvoorbeeld 2018-10-18 19:00, of alleen JJJJ-MM-DD voor een hele dag)'
        )
    return moment


def _end(value, ctx):
    """Like start, or only a time (`end: 21:30`): that time on the start's
    day, which read_entry fills in once start is known."""
    text = _moment_text(value, "tijdstip", "2018-10-18 21:30")
    match = _CLOCK_RE.match(text)
    if match:
        return _clock(text, *match.groups())
    match = re.match(r"^(\d{1,2})\.(\d{2})$", text)
    if match:
        raise _FieldError(f'"{text}" is geen tijd: gebruik een dubbele punt: {match[1]}:{match[2]}')
    return _moment(text, ctx)


def local_datetime(day: dt.date, time: dt.time, text: str = "") -> dt.datetime:
    """An aware Europe/Amsterdam datetime; refuses times that do not exist.

    When clocks go back (last Sunday of October) 02:00-02:59 happens twice:
    we take the first occurrence, still in summer time (fold=0), and say so
    in the editor's guide.
    """
    moment = dt.datetime.combine(day, time, tzinfo=TZ)
    round_trip = moment.astimezone(dt.UTC).astimezone(TZ)
    if round_trip.replace(tzinfo=None) != moment.replace(tzinfo=None):
        raise _FieldError(
            f'"{text}" bestaat niet in Nederland: de klok gaat die nacht van 02:00 naar 03:00 (kies bijvoorbeeld 03:{time.minute:02d})'
        )
    return moment


_SAFE_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_EMAIL = re.compile(r"^(mailto:)?[^@\s:/]+@[^@\s:/]+\.[a-z]{2,}$", re.IGNORECASE)


def _url(value, ctx):
    text = _one_line(value, ctx)
    if not _SAFE_URL.match(text):
        raise _FieldError(f'"{text}" is geen webadres (begin met https://)')
    return text


def _url_or_email(value, ctx):
    text = _one_line(value, ctx)
    if _EMAIL.match(text):
        return text if text.lower().startswith("mailto:") else f"mailto:{text}"
    if _SAFE_URL.match(text):
        return text
    raise _FieldError(f'"{text}" is geen webadres of e-mailadres (bijvoorbeeld https://... of naam@voorbeeld.nl)')


def _slug(value, ctx):
    text = _one_line(value, ctx)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", text):
        raise _FieldError(
            f'"{text}" mag alleen kleine letters, cijfers en streepjes bevatten (bijvoorbeeld "{slugify(text) or "mijn-bericht"}")'
        )
    if len(text) > SLUG_MAX:
        raise _FieldError(f"is {len(text)} tekens lang, meer dan {SLUG_MAX}: kies een kortere slug (bijvoorbeeld {_short_slug(text)})")
    return text


def _short_slug(slug: str) -> str:
    return slug[:SLUG_MAX].rsplit("-", 1)[0] if len(slug) > SLUG_MAX else slug


def _local_file(value, ctx, *, what="bestand", suffixes=None, example="afbeeldingen/foto.jpg", missing=None):
    """A path relative to the post's own file that must stay inside posts/."""
    text = _one_line(value, ctx)
    if text.startswith(("/", "\\")) or re.match(r"^[a-zA-Z]:", text) or "://" in text or text.startswith(("data:", "javascript:")):
        raise _FieldError(f'"{text}" moet een pad zijn vanaf dit bestand, zoals {example} (geen / of webadres vooraan)')
    if "\\" in text:
        # Windows writes paths with \; on the site and on GitHub it is /.
        raise _FieldError(f'"{text}" bevat een \\: gebruik / tussen mappen, bijvoorbeeld {text.replace(chr(92), "/")}')
    target = (ctx.path.parent / text).resolve()
    posts = ctx.settings.posts_dir.resolve()
    if not target.is_relative_to(posts):
        raise _FieldError(f'"{text}" wijst naar buiten de map posts/ (zet het bestand in posts/ en verwijs ernaar vanaf dit bestand)')
    if suffixes and target.suffix.lower() not in suffixes:
        raise _FieldError(f'"{text}" is geen {what} (toegestaan: {", ".join(suffixes)})')
    if not target.is_file() and missing:
        missing(text, ctx)
    if not target.is_file():
        raise _FieldError(
            f'{what} "{text}" bestaat niet (zoek in {_rel(target.parent, ctx.settings)}/ en controleer de naam en hoofdletters)'
        )
    return text


def _image(value, ctx):
    text = _local_file(value, ctx, what="afbeelding", suffixes=IMAGE_SUFFIXES)
    problem = readable_image_problem((ctx.path.parent / text).resolve())
    if problem:
        raise _FieldError(f"{text}: {problem}")
    return text


def _attachments(value, ctx):
    if not isinstance(value, list):
        raise _FieldError("moet een lijst zijn met per bijlage een title en een file")
    result = []
    for item in value:
        if not isinstance(item, dict) or set(item) != {"title", "file"}:
            raise _FieldError('elke bijlage heeft precies twee regels: title: "Naam" en file: map/bestand.pdf')
        title = _one_line(item["title"], ctx)
        file = _local_file(item["file"], ctx, what="bijlage", example="bijlagen/verslag.pdf")
        path = (ctx.path.parent / file).resolve()
        with open(path, "rb") as handle:
            head = handle.read(1024)
        if not head:
            raise _FieldError(f"bijlage {file} is leeg (0 bytes): upload het bestand opnieuw")
        if path.suffix.lower() == ".pdf" and b"%PDF-" not in head:
            raise _FieldError(
                f"bijlage {file} is geen pdf, al eindigt de naam op .pdf: sla het document opnieuw op als pdf en upload het opnieuw"
            )
        if path.suffix.lower() in IMAGE_SUFFIXES:  # published as a cleaned copy, so it must open
            problem = readable_image_problem(path)
            if problem:
                raise _FieldError(f"bijlage {file}: {problem}")
        result.append(Attachment(title, file, path))
    return result


def _location(value, ctx):
    if isinstance(value, str) and value.strip():
        return Location(name=value.strip())
    if not isinstance(value, dict):
        raise _FieldError("moet een plaatsnaam zijn of name/address/postcode/city")
    unknown = set(value) - {"name", "address", "postcode", "city"}
    if unknown:
        key = sorted(unknown)[0]
        raise _FieldError(
            f'onbekend onderdeel "{key}"{_hint(key, ["name", "address", "postcode", "city"])} (gebruik name, address, postcode, city)'
        )
    parts = {key: _one_line(item, ctx) for key, item in value.items()}
    if not any(parts.values()):
        raise _FieldError(
            "is leeg: geef minstens name, address of city (of laat location weg bij een activiteit die al voorbij is en waarvan de plek onbekend is)"
        )
    # Name or address is required only of events still to come (place_problems).
    return Location(**parts)


def _status(value, ctx):
    text = _one_line(value, ctx)
    if text not in EVENT_STATUSES:
        raise _FieldError(f'status "{text}" bestaat niet{_hint(text, EVENT_STATUSES)} (kies uit: {", ".join(EVENT_STATUSES)})')
    return text


def _aliases(value, ctx):
    try:
        return addresses.aliases(value)
    except addresses.AliasError as error:
        raise _FieldError(str(error)) from None


_REPORT_EXAMPLE = "../verslagen/kenniscafe-oktober-2018.md"


def _report(value, ctx):
    text = _one_line(value, ctx)
    if re.match(r"^(https?:|www\.)", text, re.IGNORECASE):
        raise _FieldError(
            f'"{text}" is een webadres: report wijst naar een verslag op deze site, een bestand in posts/verslagen/, '
            f"zoals report: {_REPORT_EXAMPLE} (een verslag op een andere site: zet de link in de tekst)"
        )
    text = _local_file(text, ctx, what="verslag", suffixes=(".md",), example=_REPORT_EXAMPLE, missing=_missing_report)
    target = (ctx.path.parent / text).resolve()
    if target.parent != (ctx.settings.posts_dir / "verslagen").resolve():
        raise _FieldError(f'"{text}" is geen verslag: een verslag staat in posts/verslagen/')
    return _rel(target, ctx.settings)


def _missing_report(text, ctx):
    """Said from posts/verslagen/, where a report is, not from the folder the path led to."""
    folder = ctx.settings.posts_dir / "verslagen"
    name = text.rsplit("/", 1)[-1]
    if (folder / name).is_file():
        raise _FieldError(f'verslag "{text}" bestaat niet op die plek, wel in posts/verslagen/: schrijf report: ../verslagen/{name}')
    names = sorted(p.name for p in folder.glob("*.md"))
    raise _FieldError(
        f'verslag "{text}" bestaat niet in posts/verslagen/{_hint(name, names)} (zoek daar de bestandsnaam op, '
        "let op hoofdletters, en schrijf report: ../verslagen/naam-van-het-verslag.md)"
    )


# --------------------------------------------------------------------------
# The fields per kind: the editors' interface. Order is the order of the
# editor's guide and of the scaffolding templates.


@dataclass(frozen=True)
class Field:
    parse: Callable[[Any, _Context], Any]
    help: str  # Dutch, shown in the JSON Schema and the guide
    example: Any
    required: bool = False
    label: str = ""  # Dutch name of the key, for forms and the JSON Schema's title
    # The hint in the CMS's form, where `help` speaks of the file (YAML lists,
    # true/false, paths) and a form shows widgets instead; else `help`.
    form_help: str = ""

    @property
    def form_hint(self) -> str:
        return self.form_help or self.help


COMMON = {
    "title": Field(_title, "Titel van het bericht of de activiteit.", "Kenniscafé over samenspel", True, label="Titel"),
    "description": Field(
        _one_line,
        "Korte samenvatting van één zin, voor overzichten, zoekmachines en de feed.",
        "Bewoners en professionals zoeken samen naar oplossingen.",
        label="Samenvatting",
    ),
    "categories": Field(
        _categories,
        "Categorieën uit de vaste lijst in mkdocs.yml: een lijst, of één categorie als tekst.",
        ["Kenniscafé"],
        form_help="Kies een of meer categorieën. Nieuws of Verslagen komt er vanzelf bij.",
        label="Categorieën",
    ),
    "tags": Field(
        _text_list,
        "Trefwoorden, vrij te kiezen: een lijst, of één trefwoord als tekst.",
        ["wijkteams", "mantelzorg"],
        form_help="Vrij te kiezen, gescheiden door komma's.",
        label="Trefwoorden",
    ),
    "image": Field(
        _image,
        "Afbeelding, pad vanaf dit bestand.",
        "afbeeldingen/kenniscafe.jpg",
        form_help="Een foto of afbeelding; de site maakt er zelf kleinere versies van.",
        label="Afbeelding",
    ),
    "image_alt": Field(
        _one_line,
        "Beschrijving van de afbeelding voor wie haar niet ziet (verplicht bij image).",
        "Deelnemers in gesprek aan een lange tafel",
        form_help="Verplicht zodra er een afbeelding is: wat staat erop, voor wie haar niet ziet?",
        label="Beschrijving van de afbeelding",
    ),
    "draft": Field(
        _bool,
        "true (of ja) = concept: niet op de site, wel in make serve.",
        True,
        form_help="Aan: concept, nog niet op de site (wel in de voorvertoning).",
        label="Concept",
    ),
    "slug": Field(
        _slug, "Eigen laatste deel van het webadres (anders gemaakt van de titel).", "kenniscafe-oktober", label="Eigen webadres (slug)"
    ),
}

_ALIASES_FORM = "Alleen nodig als het webadres verandert: het oude adres, bijvoorbeeld nieuws/2026/11/20/oude-titel/."
_ALIASES_HELP = "Oude webadressen van deze pagina (na een nieuwe datum, titel of slug): bezoekers daar gaan door naar het nieuwe adres."

POST_FIELDS = {
    "title": COMMON["title"],
    "date": Field(
        _date,
        "Publicatiedatum, JJJJ-MM-DD. Een datum in de toekomst verschijnt op die dag.",
        "2018-10-30",
        True,
        form_help="Een datum in de toekomst: het bericht verschijnt op die dag.",
        label="Publicatiedatum",
    ),
    **{key: COMMON[key] for key in ("description", "categories", "tags")},
    "authors": Field(
        _authors, "Auteurs, ids uit docs/nieuws/.authors.yml.", ["werkplaats"], form_help="Kies wie het schreef.", label="Auteurs"
    ),
    **{key: COMMON[key] for key in ("image", "image_alt")},
    "attachments": Field(
        _attachments,
        "Bijlagen (bijvoorbeeld pdf), elk met title en file.",
        [{"title": "Verslag (pdf)", "file": "bijlagen/verslag.pdf"}],
        form_help="Bijvoorbeeld een pdf, elk met een titel.",
        label="Bijlagen",
    ),
    **{key: COMMON[key] for key in ("draft", "slug")},
    "aliases": Field(_aliases, _ALIASES_HELP, ["nieuws/2026/11/20/oude-titel/"], form_help=_ALIASES_FORM, label="Oude webadressen"),
}

EVENT_FIELDS = {
    "title": COMMON["title"],
    "start": Field(
        _moment,
        "Begin: JJJJ-MM-DD UU:MM (Nederlandse tijd) of JJJJ-MM-DD voor een hele dag.",
        "2018-10-18 19:00",
        True,
        form_help="Datum en begintijd, Nederlandse tijd.",
        label="Begin",
    ),
    "end": Field(
        _end,
        "Einde, in dezelfde vorm als start, of alleen UU:MM op de dag van start; niet voor start.",
        "2018-10-18 21:30",
        form_help="Datum en eindtijd; leeg laten als het einde niet bekend is.",
        label="Einde",
    ),
    "location": Field(
        _location,
        "Plaats: name, address, postcode, city (of alleen een naam). Verplicht bij een activiteit die nog komt (minstens name of address), behalve bij online; bij een activiteit die voorbij is mag de plek onbekend zijn of alleen city.",
        {"name": "Hogeschool Inholland", "address": "Posthumalaan", "city": "Rotterdam"},
        form_help="De plek: minstens de naam of het adres, met postcode en plaats als die bekend zijn. Verplicht bij een activiteit die nog komt, behalve bij een online bijeenkomst. Bij een activiteit die al voorbij is en waarvan de plek onbekend is, laat je dit leeg.",
        label="Plaats",
    ),
    "online": Field(_url, "Webadres van de online bijeenkomst.", "https://example.org/meeting", label="Online bijeenkomst"),
    "registration": Field(_url_or_email, "Aanmelden: webadres of e-mailadres.", "info@werkplaatssociaaldomeinzhz.nl", label="Aanmelden"),
    "status": Field(
        _status,
        f"Status: {', '.join(EVENT_STATUSES)} (standaard gepland).",
        "gepland",
        form_help="Alleen wijzigen als de activiteit niet doorgaat zoals gepland.",
        label="Status",
    ),
    **{key: COMMON[key] for key in ("description", "categories", "tags", "image", "image_alt")},
    "report": Field(
        _report,
        "Verslag van deze activiteit: pad naar een bestand in posts/verslagen/.",
        "../verslagen/kenniscafe-oktober-2018.md",
        form_help="Kies het verslag van deze activiteit, zodra dat er is.",
        label="Verslag",
    ),
    **{key: COMMON[key] for key in ("draft", "slug")},
    "aliases": Field(_aliases, _ALIASES_HELP, ["agenda/2026/11/20/oude-titel/"], form_help=_ALIASES_FORM, label="Oude webadressen"),
}


# A report names its event nowhere: the event names its report.
_REPORT_IN_POST = {
    "verslagen": "report: hoort niet in het verslag maar in het bestand van de activiteit in posts/agenda/: "
    "haal deze regel hier weg en zet daar report: ../verslagen/{name}",
    "nieuws": "report: hoort in het bestand van een activiteit in posts/agenda/ en wijst daar naar haar verslag "
    "in posts/verslagen/: haal deze regel hier weg",
}

# Keys of the other kind, which editors copy from one file to another.
_KIND_HINTS = {
    (True, "date"): " (een activiteit heeft start: in plaats van date:)",
    (False, "start"): " (een bericht heeft date: in plaats van start:; activiteiten horen in posts/agenda/)",
}


_LIST_PARSERS = (_text_list, _categories, _authors)
_FREE_TEXT = (_title, _one_line, *_LIST_PARSERS, _location, _attachments)


def fields_for(kind: str) -> dict[str, Field]:
    return EVENT_FIELDS if kind == "agenda" else POST_FIELDS


# --------------------------------------------------------------------------
# Reading one file


class _StringLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader (libyaml's when present) that guesses no types: every
    plain value stays the text the editor wrote (YAML 1.1 would make
    `end: 21:30` the number 1290, `title: Yes` True and `date:` a date).
    Lists and mappings stay; the field parsers read the texts."""


_StringLoader.yaml_implicit_resolvers = {}


def _load_yaml(text: str):
    """Parse once: the node tree (for line numbers) and the Python value."""
    loader = _StringLoader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


# --------------------------------------------------------------------------
# How a value is written: what YAML would cut off or read otherwise, told
# before the field parser sees the text.


def _quote(text: str) -> str:
    """`text` as a quoted YAML value an editor can copy."""
    if '"' in text or "\\" in text:
        return "'" + text.replace("'", "''") + "'"
    return f'"{text}"'


def _plain_scalars(node):
    """Every plain (unquoted), non-empty scalar under `node`, in document order."""
    if isinstance(node, yaml.ScalarNode):  # most values: no walk
        if not node.style and node.value:
            yield node
        return
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, yaml.ScalarNode):
            if not item.style and item.value:
                yield item
        elif isinstance(item, yaml.SequenceNode):
            stack.extend(reversed(item.value))
        elif isinstance(item, yaml.MappingNode):
            stack.extend(value for pair in reversed(item.value) for value in reversed(pair))


_CURLY_QUOTES = "“”„‟‘’‚‛"
_ANY_KEY = r"[A-Za-z_][\w-]*"
_KEY_AND_VALUE = re.compile(rf"({_ANY_KEY}):(\S.*)$")


def _written_problem(key_line: int, node, lines: list[str], parse) -> tuple[int, str] | None:
    """(line, message) when YAML would not read the value as written."""
    for scalar in _plain_scalars(node):
        value, start_mark, end_mark = scalar.value, scalar.start_mark, scalar.end_mark
        line = lines[end_mark.line]
        start = start_mark.column if start_mark.line == end_mark.line else 0
        # In free text a " #" is text the editor means; after a date or
        # true/false it is a comment the editor means (and the value is checked).
        if "#" in line and parse in _FREE_TEXT:
            after = line[end_mark.column :]
            if after[:1] in (" ", "\t") and after.lstrip(" \t").startswith("#"):
                fix = f"{line[:start].strip()} {_quote(line[start:].rstrip())}".strip()
                return end_mark.line + 1, (
                    f'YAML leest alles vanaf " #" als commentaar, dus hier staat alleen "{value}": '
                    f"zet de hele waarde tussen aanhalingstekens: {fix}"
                )
        if value[0] in _CURLY_QUOTES and value[-1] in _CURLY_QUOTES and len(value) > 1:
            fix = f"{line[:start].strip()} {_quote(value[1:-1])}".strip()
            return start_mark.line + 1, (
                f"de waarde staat tussen gekrulde aanhalingstekens ({value[0]} {value[-1]}), die YAML als tekst leest: "
                f"gebruik rechte aanhalingstekens of geen, {fix}"
            )
        if start_mark.line > key_line:
            missing = _KEY_AND_VALUE.match(value)
            if missing and missing[1] in _all_keys():
                # `location:` with `  name:Dordrecht` below: one text, no name.
                return start_mark.line + 1, f"zet een spatie na de dubbele punt: {missing[1]}: {missing[2]}"
    if parse in _LIST_PARSERS and isinstance(node, yaml.ScalarNode) and not node.style and node.start_mark.line != node.end_mark.line:
        return (
            node.start_mark.line + 1,
            "zet elk item op een eigen regel met een streepje en een spatie ervoor (- wijkteams), of schrijf [wijkteams, mantelzorg]",
        )
    return None


# How PyYAML's SafeLoader would type a plain value, by its first character;
# text, true/false and null it always constructs.
_TEXT_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "bool", "null")}
_TYPED_RESOLVERS = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag not in _TEXT_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_SAFE_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _unreadable_elsewhere(node, lines: list[str]) -> tuple[int, str] | None:
    """A plain value PyYAML's SafeLoader cannot construct (`=`, `<<`, a
    date that is not in the calendar, ...). Material's blog and MkDocs
    read the front matter with it; MkDocs would then show an event's front
    matter as text. Quoted, the value is the same text to us and to them."""
    for scalar in _plain_scalars(node):
        text = scalar.value
        for tag, pattern in _TYPED_RESOLVERS.get(text[0], ()):
            if not pattern.match(text):
                continue
            construct = yaml.SafeLoader.yaml_constructors.get(tag)
            try:
                if construct is None:
                    raise ValueError(tag)
                construct(_SAFE_CONSTRUCTOR, yaml.ScalarNode(tag, text))
            except (ValueError, OverflowError, yaml.YAMLError):
                line = lines[scalar.start_mark.line]
                fix = f"{line[: scalar.start_mark.column].strip()} {_quote(text)}".strip()
                return (
                    scalar.start_mark.line + 1,
                    f'YAML leest "{text}" niet als gewone tekst: zet de waarde tussen aanhalingstekens, {fix}',
                )
            break
    return None


def _rel(path: Path, settings: Settings) -> str:
    return settings.relative(path)


def _hint(word: str, options) -> str:
    close = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return f' (bedoel je "{close[0]}"?)' if close else ""


def _split(text: str) -> tuple[str, str, int]:
    """Front matter text, body and the line where the body starts (1-based)."""
    if not text.strip():
        raise _FieldError("het bestand is leeg: begin met een regel --- en daarna title, date ...")
    lines = text.split("\n")
    if lines[0].rstrip() != "---":  # the blog reads front matter only from the very first column
        raise _FieldError("het bestand moet beginnen met een regel met alleen --- (de front matter)")
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() == "---":
            # python-frontmatter does the split. Its front matter text starts
            # with the newline that ends line 1, so YAML line n is file line n+1.
            meta_text, body = frontmatter.default_handlers.YAMLHandler().split(text)
            return meta_text, body, number + 1
    raise _FieldError("de front matter wordt niet afgesloten: zet na de laatste regel ervan een regel met alleen ---")


def _decode(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise _DecodeError(line) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


class _DecodeError(Exception):
    def __init__(self, line: int):
        self.line = line


def _indented(text: str, index: int) -> bool:
    lines = text.split("\n")
    return 0 <= index < len(lines) and lines[index][:1] == " "


# --------------------------------------------------------------------------
# YAML syntax errors: the line where the mistake is and how to write it.

_KEY_LINE = re.compile(rf"^(?P<lead>\s*(?:-\s+)?)(?P<key>{_ANY_KEY})[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_NO_SPACE = re.compile(rf"^(?P<lead>\s*(?:-\s+)?)(?P<key>{_ANY_KEY}):(?P<value>[^\s].*?)\s*$")
_HARD_SPACE = re.compile(rf"^\s*(?:-\s+)?(?P<key>{_ANY_KEY}):\u00a0")
_NO_COLON = re.compile(rf"^(?P<key>{_ANY_KEY})[ \t]+(?P<value>[^\s:].*?)\s*$")
# A plain value cannot start with these: YAML reads them as its own syntax.
_INDICATORS = "[]{}@`%>|*&!?"


def _all_keys() -> set[str]:
    return {*POST_FIELDS, *EVENT_FIELDS, "name", "address", "postcode", "city", "file"}


def _with_key(match, value: str) -> str:
    lead = match["lead"].strip()
    return f"{lead + ' ' if lead else ''}{match['key']}: {value}"


def _key_problem(lines: list[str], last: int) -> tuple[int, str] | None:
    """A key line up to `last` without the space after its colon, or without the colon."""
    keys = _all_keys()
    for index in range(1, min(last, len(lines) - 1) + 1):
        line = lines[index]
        match = _HARD_SPACE.match(line)
        if match:
            return index, f"na {match['key']}: staat een vaste spatie (uit Word of een webpagina): typ de spatie na de dubbele punt opnieuw"
        match = _NO_SPACE.match(line)
        if match and (match["key"] in keys or not line[:1].isspace()) and not match["value"].startswith("//"):
            return index, f"zet een spatie na de dubbele punt: {_with_key(match, match['value'])}"
        match = _NO_COLON.match(line)
        if match and match["key"] in keys:
            return index, f"na {match['key']} ontbreekt de dubbele punt: {match['key']}: {match['value']}"
    return None


def _unclosed_quote(line: str, column: int) -> str:
    quote, rest = line[column], line[column + 1 :].rstrip()
    match = _KEY_LINE.match(line)
    if quote == "'" and re.match(r"[a-zA-Z]\b", rest) and match:
        # 't Kenniscafé, 's middags: an apostrophe, not a quote.
        return (
            "de waarde begint met een ' en die leest YAML als aanhalingsteken: "
            f"zet de hele waarde tussen dubbele aanhalingstekens: {_with_key(match, _quote(quote + rest))}"
        )
    example = f": {_with_key(match, quote + rest + quote)}" if match and rest else f" ({quote})"
    return f"een aanhalingsteken wordt niet gesloten: zet aan het eind van de waarde hetzelfde teken{example}"


def _value_problem(lines: list[str], indices: list[int]) -> tuple[int, str] | None:
    """A value whose first character makes YAML read it as something else than text."""
    for index in indices:
        match = _KEY_LINE.match(lines[index]) if index < len(lines) else None
        value = (match and match["value"]) or ""
        if not value:
            continue
        first = value[0]
        if first in "\"'":
            if value.count(first) > 2 or not value.endswith(first):
                inner = value[1:-1] if value.endswith(first) and len(value) > 1 else value
                if first == "'" and not ('"' in inner or "\\" in inner):
                    how, fix = (
                        "zet de hele waarde tussen dubbele aanhalingstekens (of schrijf elke ' binnen de waarde dubbel: '')",
                        f'"{inner}"',
                    )
                elif first == "'":
                    how, fix = "schrijf elke ' binnen de waarde dubbel ('')", _quote(inner)
                else:
                    how, fix = "zet de hele waarde tussen enkele aanhalingstekens", _quote(inner)
                return index, f"de waarde bevat zelf een {first}: {how}: {_with_key(match, fix)}"
            continue
        if first in _INDICATORS or (first == "-" and value[1:2] == " "):
            return (
                index,
                f"YAML leest een waarde die met {first} begint niet als gewone tekst: zet de hele waarde tussen aanhalingstekens: {_with_key(match, _quote(value))}",
            )
    return None


def _indent_problem(lines: list[str], index: int) -> tuple[int, str] | None:
    """A key that does not line up with the key on the line above it."""
    match = _KEY_LINE.match(lines[index]) if index < len(lines) else None
    above = next((lines[i] for i in range(index - 1, 0, -1) if lines[i].strip()), "")
    previous = _KEY_LINE.match(above)
    if match and previous and len(match["lead"]) != len(previous["lead"]) and len(previous["lead"]) > 0:
        return index, f"deze regel springt anders in dan de regel erboven: zet {match['key']}: recht onder {previous['key']}:"
    return None


def _yaml_problem(error: yaml.YAMLError, rel: str, text: str) -> Problem:
    lines = text.split("\n")
    problem = str(getattr(error, "problem", "") or error)
    context = str(getattr(error, "context", "") or "")
    problem_mark, context_mark = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
    mark = problem_mark or context_mark
    index = mark.line if mark else 0
    found = None
    if "quoted scalar" in context and context_mark:
        found = context_mark.line, _unclosed_quote(lines[context_mark.line], context_mark.column)
    found = found or _key_problem(lines, index)
    if found:
        index, message = found
    elif "flow" in context and context_mark:
        index = context_mark.line
        message = "een lijst met [ wordt niet gesloten met ]: zet ] aan het eind van deze regel"
        if " #" in lines[index]:
            message += ' (na " #" leest YAML de rest van de regel als commentaar: zet een item met # tussen aanhalingstekens, zoals "werkgroep #2")'
    elif "tab" in problem:
        message = "in de front matter staat een tab: gebruik spaties om in te springen"
    elif found := _value_problem(lines, [m.line for m in (problem_mark, context_mark) if m]):
        index, message = found
    elif "mapping values are not allowed" in problem and mark:
        match = _KEY_LINE.match(lines[index])
        first_colon = lines[index].find(":")
        if match and match["value"] and mark.column > first_colon:
            message = f"ongeldige regel in de front matter: zet tekst met een dubbele punt tussen aanhalingstekens: {_with_key(match, _quote(match['value']))}"
        elif _indented(text, index):
            message = "deze regel springt in: haal de spaties aan het begin weg (alleen de regels onder location: en de items van een lijst springen in)"
        else:
            message = 'ongeldige regel in de front matter: zet tekst met een dubbele punt tussen aanhalingstekens, bijvoorbeeld title: "Verslag: de middag"'
    elif found := _indent_problem(lines, index):
        index, message = found
    else:
        message = "de front matter is geen geldige YAML: controleer op deze regel de inspringing, dubbele punten en aanhalingstekens"
    return Problem(rel, index + 1, message)


def read_entry(path: Path, settings: Settings, today: dt.date | None = None) -> tuple[Entry | None, list[Problem]]:
    """Read and validate one post file. Returns the entry or its problems.
    With `today`, also the rules that depend on the day (_place_problem)."""
    if is_folder_readme(path, settings.posts_dir):
        return None, []  # explains afbeeldingen/ or bijlagen/; not a post (werkplaats.folders)
    rel = _rel(path, settings)
    kind = path.parent.name if path.parent.parent.resolve() == settings.posts_dir.resolve() else ""
    if kind not in KINDS:
        return None, [Problem(rel, 1, f"staat niet in een van de mappen posts/{', posts/'.join(KINDS)}/: verplaats het bestand")]
    try:
        text = _decode(path.read_bytes())
    except _DecodeError as error:
        return None, [
            Problem(rel, error.line, "het bestand is geen UTF-8-tekst: sla het op als UTF-8 (in de GitHub-editor gaat dit vanzelf)")
        ]
    try:
        meta_text, body, body_line = _split(text)
    except _FieldError as error:
        return None, [Problem(rel, 1, str(error))]
    try:
        node, meta = _load_yaml(meta_text)
    except yaml.reader.ReaderError as error:
        # A control character (Word's Shift+Enter is U+000B) that YAML refuses.
        line = meta_text[: max(error.position, 0)].count("\n") + 1
        code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or " ")
        return None, [
            Problem(rel, line, f"op deze regel staat een onzichtbaar teken (U+{code:04X}): typ de regel opnieuw, of haal het teken weg")
        ]
    except yaml.YAMLError as error:
        # A tab where YAML wants spaces gives several different parser
        # messages; name the tab itself, on its own line.
        for number, line in enumerate(meta_text.split("\n")[1:], start=2):
            if "\t" in line[: len(line) - len(line.lstrip())]:
                return None, [Problem(rel, number, "in de front matter staat een tab: gebruik spaties om in te springen")]
        return None, [_yaml_problem(error, rel, meta_text)]
    if meta is None:
        return None, [
            Problem(rel, 1, "de front matter is leeg: vul minstens title en " + ("start" if kind == "agenda" else "date") + " in")
        ]
    if not isinstance(meta, dict):
        meta_lines = meta_text.split("\n")
        found = _key_problem(meta_lines, len(meta_lines) - 1)  # `title:"X"` alone is one text, no key
        if found:
            return None, [Problem(rel, found[0] + 1, found[1])]
        return None, [Problem(rel, 2, "de front matter moet bestaan uit regels sleutel: waarde")]

    lines = {}
    for key_node, value_node in node.value:
        if key_node.value in lines:
            return None, [
                Problem(rel, key_node.start_mark.line + 1, f'"{key_node.value}" staat twee keer in de front matter: haal er één weg')
            ]
        lines[key_node.value] = (key_node.start_mark.line + 1, value_node)

    problems: list[Problem] = []
    spec = fields_for(kind)
    ctx = _Context(settings, path, kind)
    values: dict[str, Any] = {}
    meta_lines = meta_text.split("\n")
    for key, value in meta.items():
        line, value_node = lines.get(str(key), (1, None))
        if key == "report" and kind != "agenda":
            problems.append(Problem(rel, line, _REPORT_IN_POST[kind].format(name=path.name)))
            continue
        if key not in spec:
            hint = _KIND_HINTS.get((kind == "agenda", key)) or _hint(key, spec)
            problems.append(Problem(rel, line, f'onbekende sleutel "{key}"{hint} (toegestaan: {", ".join(spec)})'))
            continue
        parse = spec[key].parse
        found = _written_problem(line - 1, value_node, meta_lines, parse)
        if found is None:
            try:
                values[key] = parse(value, ctx)
            except _FieldError as error:
                problems.append(Problem(rel, line, f"{key}: {error}"))
                continue
            found = _unreadable_elsewhere(value_node, meta_lines)
        if found:
            problems.append(Problem(rel, found[0], f"{key}: {found[1]}"))

    closing = body_line - 1  # the line with the closing ---, where a missing key goes
    for key, item in spec.items():
        if item.required and key not in meta:
            problems.append(
                Problem(
                    rel, closing, f"{key} ontbreekt: voeg boven deze regel een regel toe, bijvoorbeeld {key}: {_example_text(item.example)}"
                )
            )
    if "image" in values and "image_alt" not in values and "image_alt" not in meta:
        problems.append(
            Problem(rel, lines["image"][0], "image_alt ontbreekt: beschrijf de afbeelding in een zin voor wie haar niet kan zien")
        )
    if "image_alt" in values and "image" not in meta:
        problems.append(Problem(rel, lines["image_alt"][0], "image_alt zonder image: voeg image toe of haal image_alt weg"))
    if not body.strip():
        problems.append(Problem(rel, body_line, "er staat geen tekst onder de front matter: schrijf minstens één alinea"))
    problems.extend(_check_body(body, body_line, rel))
    problems.extend(Problem(rel, line, PLACEHOLDER_MESSAGE) for line in placeholder_lines(text, body_line))
    if kind == "agenda":
        problems.extend(_check_event(values, meta, lines, rel, closing))
        if today is not None:
            problems.extend(_place_problem(values, lines, rel, closing, today))
    if "title" in values and "slug" not in meta and not slugify(values["title"]):
        # The blog makes the address from the title alone: an empty slug would
        # put this post at the day's own address, over any other such post.
        problems.append(
            Problem(
                rel,
                lines["title"][0],
                f'title: "{values["title"]}" heeft geen letters of cijfers voor het webadres: voeg een regel slug: toe, bijvoorbeeld slug: {slugify(path.stem) or "mijn-bericht"}',
            )
        )
    elif "title" in values and "slug" not in meta and len(slugify(values["title"])) > TITLE_MAX:
        # Some characters grow when spelled out (㎒ is "mhz"): keep the folder
        # name of the address far below the file system's 255 bytes.
        problems.append(
            Problem(
                rel,
                lines["title"][0],
                f"title: het webadres dat van deze titel gemaakt wordt is {len(slugify(values['title']))} tekens lang, meer dan {TITLE_MAX}: voeg een regel slug: toe met een korter adres, bijvoorbeeld slug: {_short_slug(slugify(values['title']))}",
            )
        )
    if problems:
        return None, problems

    title = values["title"]
    categories = values.get("categories", [])
    folder_category = settings.folder_categories.get(kind)
    if folder_category and folder_category not in categories:
        categories = [folder_category, *categories]
    entry = Entry(
        kind=kind,
        path=path,
        rel=rel,
        title=title,
        body=body,
        slug=values.get("slug") or slugify(title),
        explicit_slug="slug" in values,
        description=values.get("description", ""),
        categories=categories,
        tags=values.get("tags", []),
        image=values.get("image", ""),
        image_alt=values.get("image_alt", ""),
        draft=values.get("draft", False),
        date=values.get("date"),
        authors=values.get("authors", []),
        attachments=values.get("attachments", []),
        start=values.get("start"),
        end=values.get("end"),
        location=values.get("location"),
        online=values.get("online", ""),
        registration=values.get("registration", ""),
        status=values.get("status", "gepland") if kind == "agenda" else "",
        report=values.get("report", ""),
        aliases=values.get("aliases", []),
        body_line=body_line,
    )
    return entry, []


_UNSAFE_LINK = re.compile(r"""(\]\(\s*<?|<|(?:href|src|action|formaction)\s*=\s*["']?)\s*(javascript|vbscript|data):""", re.IGNORECASE)
_SCRIPT_TAG = re.compile(r"<\s*(script|iframe|object|embed)\b|<[^>]*\son[a-z]+\s*=", re.IGNORECASE)


def _check_body(body: str, first_line: int, rel: str) -> list[Problem]:
    """Links and markup in the text that could run code on the site."""
    problems = []
    for number, line in enumerate(body.split("\n"), start=first_line):
        if _UNSAFE_LINK.search(line):
            problems.append(
                Problem(
                    rel,
                    number,
                    "een link met javascript:, vbscript: of data: is niet toegestaan: gebruik een gewoon webadres (https://...)",
                )
            )
        elif _SCRIPT_TAG.search(line):
            problems.append(
                Problem(
                    rel,
                    number,
                    "scripts, iframes, embeds en on...-attributen zijn niet toegestaan in de tekst (de site laadt niets van andere sites)",
                )
            )
    return problems


def _check_event(values, meta, lines, rel, closing) -> list[Problem]:
    problems = []
    start, end = values.get("start"), values.get("end")
    if start is None or end is None:
        return problems
    line = lines["end"][0]
    time_only = isinstance(end, dt.time)
    if time_only and not isinstance(start, dt.datetime):
        problems.append(
            Problem(
                rel,
                line,
                f"end: {meta['end']} is alleen een tijd, maar start heeft geen tijd: geef start ook een tijd, of schrijf bij end een datum",
            )
        )
        return problems
    if time_only:
        try:
            end = values["end"] = local_datetime(start.date(), end, f"{start.date()} {meta['end']}")
        except _FieldError as error:
            return [*problems, Problem(rel, line, f"end: {error}")]
    if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
        problems.append(Problem(rel, line, "end: gebruik dezelfde vorm als start (allebei met tijd, of allebei alleen een datum)"))
    elif end < start:
        after_midnight = (
            f" (eindigt het na middernacht? schrijf dan de datum erbij: end: {start.date() + dt.timedelta(days=1)} {meta['end']})"
            if time_only
            else ""
        )
        problems.append(Problem(rel, line, f"end: {meta['end']} ligt voor start {meta['start']}{after_midnight}"))
    return problems


def _place_problem(values, lines, rel, closing, today: dt.date) -> list[Problem]:
    """Visitors must be able to find an event still to come: a place with a
    name or an address, or an online link. Of an event that is over, the
    place may be unknown (no `location`) or only a city: what the old pages
    of the organisation do not say, the site does not say either. The rule
    only relaxes as days pass, so a file that passes today passes later."""
    last = values.get("end") or values.get("start")
    if last is None or values.get("online"):
        return []
    if (last.date() if isinstance(last, dt.datetime) else last) < today:
        return []
    place = values.get("location")
    if "location" not in lines:
        return [
            Problem(
                rel,
                closing,
                "location ontbreekt: geef de plaats (name, address, postcode, city) of een online-link met online: (alleen bij een activiteit die al voorbij is mag de plaats onbekend zijn)",
            )
        ]
    if place is not None and not (place.name or place.address):
        return [
            Problem(
                rel,
                lines["location"][0],
                f"location: geef ook name of address, zodat bezoekers de plek vinden (alleen {place.one_line} is genoeg bij een activiteit die al voorbij is)",
            )
        ]
    return []


def _example_text(example) -> str:
    return example if isinstance(example, str) else yaml.safe_dump(example, default_flow_style=True, allow_unicode=True).strip()


# --------------------------------------------------------------------------
# Reading everything


def post_files(settings: Settings) -> list[Path]:
    """Every Markdown file under posts/, in a stable order."""
    return sorted(settings.posts_dir.rglob("*.md"), key=lambda p: p.as_posix())


# Names an editor gives a Markdown file that the build would pass over: the
# post would never appear, and nothing would say why.
_IGNORED_SUFFIXES = (".markdown", ".mdown", ".mkd", ".mkdn", ".md.txt", ".txt")


def _rel_unresolved(path: Path, settings: Settings) -> str:
    """Like _rel, for a link itself rather than where it points."""
    return Path(path.absolute()).relative_to(settings.root.absolute()).as_posix()


def ignored_files(settings: Settings) -> list[Problem]:
    """Files in posts/ that look like posts but are not read as posts."""
    problems = []
    for path in sorted(settings.posts_dir.rglob("*"), key=lambda p: p.as_posix()):
        name = path.name.lower()
        if path.is_symlink():
            problems.append(
                Problem(
                    _rel_unresolved(path, settings),
                    1,
                    "is een snelkoppeling (symlink) naar een ander bestand: zet het bestand zelf in posts/",
                )
            )
            continue
        if not path.is_file() or path.suffix == ".md":
            continue
        if name.endswith(".md") or (name.endswith(_IGNORED_SUFFIXES) and not (name.endswith(".txt") and "bijlagen" in path.parts)):
            stem = path.name[: -len(".md.txt")] if name.endswith(".md.txt") else path.name.rsplit(".", 1)[0]
            problems.append(
                Problem(
                    _rel(path, settings),
                    1,
                    f"wordt genegeerd: alleen bestanden die op .md eindigen (kleine letters) worden berichten; "
                    f"hernoem naar {stem}.md (een tekstbijlage hoort in een map bijlagen/)",
                )
            )
    return problems


def load_all(settings: Settings, files: list[Path] | None = None, today: dt.date | None = None) -> list[Entry]:
    """Read and validate every post; raise ContentError listing every problem.

    With `today`, also check the links and images in the text, on today and
    on every later date on which the site changes (werkplaats.links).
    """
    entries, problems = [], []
    for path in post_files(settings) if files is None else files:
        entry, found = read_entry(path, settings, today)
        problems.extend(found)
        if entry:
            entries.append(entry)
    if files is None:
        problems.extend(ignored_files(settings))
    problems.extend(_collisions(entries))
    problems.extend(Problem(*found) for found in addresses.alias_collisions(entries))
    if today is not None:
        problems.extend(Problem(p.rel, p.line, p.message) for p in check_links(entries, settings, today))
    if problems:
        raise ContentError(problems)
    return entries


def url_key(entry: Entry) -> tuple:
    """Two entries with the same key would be written to the same address."""
    return ("agenda" if entry.is_event else "nieuws", entry.first_day, entry.slug)


def blog_source(entry: Entry) -> str:
    """A news item or report as Material's blog must read it: the model's
    values in front matter typed the way the blog checks them, then the body.

    The blog reads each post's front matter itself, with PyYAML's SafeLoader,
    validates authors, categories, date, draft and slug (its PostConfig) and
    makes the address from date and slug. From the editor's text it would
    refuse `date: "2026-11-23"` or `draft: ja`, and put `title: Yes` at
    /true/; from this it gets the model's address (url_key). JSON strings and
    lists are YAML that SafeLoader reads as text whatever they hold.
    """
    front = [
        f"title: {json.dumps(entry.title, ensure_ascii=False)}",
        f"date: {entry.date.isoformat()}",
        f"slug: {json.dumps(entry.slug)}",
        f"draft: {'true' if entry.draft else 'false'}",
        f"authors: {json.dumps(entry.authors, ensure_ascii=False)}",
        f"categories: {json.dumps(entry.categories, ensure_ascii=False)}",
    ]
    return "---\n" + "\n".join(front) + "\n---\n\n" + entry.body.lstrip("\n")


def _collisions(entries: list[Entry]) -> list[Problem]:
    """Two entries at one address, or one explicit slug used twice: both named."""
    seen: dict[tuple, Entry] = {}
    problems = []
    for entry in entries:
        other = seen.setdefault(url_key(entry), entry)
        if other is entry and entry.explicit_slug:
            other = seen.setdefault(("slug", entry.is_event, entry.slug), entry)
        if other is not entry:
            problems.append(
                Problem(
                    entry.rel,
                    1,
                    f"krijgt hetzelfde webadres als {other.rel} (zelfde datum en titel of slug): geef een van beide een eigen regel slug: ...",
                )
            )
    return problems


# --------------------------------------------------------------------------
# Markdown helpers


def with_excerpt_separator(markdown: str) -> str:
    """Insert the excerpt marker after the first paragraph when the editor did not.

    Listings then show the opening paragraph instead of the whole post.
    """
    if EXCERPT_SEPARATOR in markdown:
        return markdown
    blocks = markdown.strip("\n").split("\n\n")
    for index, block in enumerate(blocks):
        if block.strip() and not block.lstrip().startswith("#"):
            return "\n\n".join(blocks[: index + 1] + [EXCERPT_SEPARATOR] + blocks[index + 1 :]) + "\n"
    return markdown
