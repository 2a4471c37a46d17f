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
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import frontmatter
import yaml

from .dates import TZ
from .images import readable_image_problem
from .links import check_links
from .settings import Settings
from .slugs import slugify

KINDS = ("nieuws", "verslagen", "agenda")
POST_KINDS = ("nieuws", "verslagen")
EVENT_STATUSES = ("gepland", "geannuleerd", "verplaatst", "volgeboekt")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg")
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
    def one_line(self) -> str:
        street = ", ".join(p for p in (self.address, " ".join(p for p in (self.postcode, self.city) if p)) if p)
        return ", ".join(p for p in (self.name, street) if p)

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
# value or raises _FieldError with a Dutch message.


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
            f"is {len(text)} tekens lang, meer dan {TITLE_MAX}: maak de titel korter "
            "en zet de rest in description of in de eerste alinea"
        )
    return text


def _bool(value, ctx):
    if isinstance(value, bool):
        return value
    raise _FieldError(f'"{value}" is geen ja/nee-waarde (gebruik true of false)')


def _text_list(value, ctx):
    if not isinstance(value, list):
        raise _FieldError(f'moet een lijst zijn, bijvoorbeeld [{value}]')
    items = []
    for item in value:
        if isinstance(item, (list, dict)) or item is None or str(item).strip() == "":
            raise _FieldError("elk item moet een korte tekst zijn")
        item = str(item).strip()
        if item in items:
            raise _FieldError(f'"{item}" staat er twee keer in')
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
            raise _FieldError(
                f'auteur "{item}" staat niet in docs/nieuws/.authors.yml{_hint(item, known)} (bekend: {", ".join(known)})'
            )
    return items


_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATETIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})$")


def _date(value, ctx):
    if value is None or str(value).strip() == "":
        raise _FieldError("is leeg: vul een datum in, bijvoorbeeld 2017-03-07")
    text = str(value).strip() if not isinstance(value, (list, dict)) else ""
    match = _DATE_RE.match(text)
    if not match:
        raise _FieldError(f'"{text or value}" is geen datum (gebruik JJJJ-MM-DD, bijvoorbeeld 2017-03-07)')
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        raise _FieldError(f'"{text}" bestaat niet in de kalender (controleer dag en maand)') from None


def _moment(value, ctx):
    """'YYYY-MM-DD HH:MM' (Amsterdam wall-clock time) or 'YYYY-MM-DD' (all day)."""
    if value is None or str(value).strip() == "":
        raise _FieldError("is leeg: vul een tijdstip in, bijvoorbeeld 2018-10-18 19:00")
    text = str(value).strip() if not isinstance(value, (list, dict)) else ""
    if _DATE_RE.match(text):
        return _date(text, ctx)
    match = _DATETIME_RE.match(text)
    if not match:
        raise _FieldError(f'"{text or value}" is geen tijdstip (gebruik JJJJ-MM-DD UU:MM, bijvoorbeeld 2018-10-18 19:00, of alleen JJJJ-MM-DD voor een hele dag)')
    year, month, day, hour, minute = map(int, match.groups())
    try:
        day_value = dt.date(year, month, day)
    except ValueError:
        raise _FieldError(f'"{text}" bestaat niet in de kalender (controleer dag en maand)') from None
    if hour > 23 or minute > 59:
        raise _FieldError(f'"{text}": {hour:02d}:{minute:02d} is geen tijd (uren 00-23, minuten 00-59)')
    return local_datetime(day_value, dt.time(hour, minute), text)


def local_datetime(day: dt.date, time: dt.time, text: str = "") -> dt.datetime:
    """An aware Europe/Amsterdam datetime; refuses times that do not exist.

    When clocks go back (last Sunday of October) 02:00-02:59 happens twice:
    we take the first occurrence, still in summer time (fold=0), and say so
    in the editor's guide.
    """
    moment = dt.datetime.combine(day, time, tzinfo=TZ)
    round_trip = moment.astimezone(dt.timezone.utc).astimezone(TZ)
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
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # Material's blog reads the slug itself and accepts text only.
        raise _FieldError(f'{value} is een getal: zet het tussen aanhalingstekens, slug: "{value}"')
    text = _one_line(value, ctx)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", text):
        raise _FieldError(f'"{text}" mag alleen kleine letters, cijfers en streepjes bevatten (bijvoorbeeld "{slugify(text) or "mijn-bericht"}")')
    if len(text) > SLUG_MAX:
        raise _FieldError(f"is {len(text)} tekens lang, meer dan {SLUG_MAX}: kies een kortere slug (bijvoorbeeld {_short_slug(text)})")
    return text


def _short_slug(slug: str) -> str:
    return slug[:SLUG_MAX].rsplit("-", 1)[0] if len(slug) > SLUG_MAX else slug


def _local_file(value, ctx, *, what="bestand", suffixes=None):
    """A path relative to the post's own file that must stay inside posts/."""
    text = _one_line(value, ctx)
    if text.startswith(("/", "\\")) or re.match(r"^[a-zA-Z]:", text) or "://" in text or text.startswith(("data:", "javascript:")):
        raise _FieldError(f'"{text}" moet een pad zijn vanaf dit bestand, zoals afbeeldingen/foto.jpg (geen / of webadres vooraan)')
    target = (ctx.path.parent / text).resolve()
    posts = ctx.settings.posts_dir.resolve()
    if not target.is_relative_to(posts):
        raise _FieldError(f'"{text}" wijst naar buiten de map posts/ (zet het bestand in posts/ en verwijs ernaar vanaf dit bestand)')
    if suffixes and target.suffix.lower() not in suffixes:
        raise _FieldError(f'"{text}" is geen {what} (toegestaan: {", ".join(suffixes)})')
    if not target.is_file():
        raise _FieldError(f'{what} "{text}" bestaat niet (zoek in {_rel(target.parent, ctx.settings)}/ en controleer de naam en hoofdletters)')
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
        file = _local_file(item["file"], ctx, what="bijlage")
        path = (ctx.path.parent / file).resolve()
        with open(path, "rb") as handle:
            head = handle.read(1024)
        if not head:
            raise _FieldError(f"bijlage {file} is leeg (0 bytes): upload het bestand opnieuw")
        if path.suffix.lower() == ".pdf" and b"%PDF-" not in head:
            raise _FieldError(f"bijlage {file} is geen pdf, al eindigt de naam op .pdf: sla het document opnieuw op als pdf en upload het opnieuw")
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
        raise _FieldError(f'onbekend onderdeel "{key}"{_hint(key, ["name", "address", "postcode", "city"])} (gebruik name, address, postcode, city)')
    parts = {key: _one_line(item, ctx) for key, item in value.items()}
    if "name" not in parts and "address" not in parts:
        raise _FieldError("geef minstens name of address")
    return Location(**parts)


def _status(value, ctx):
    text = _one_line(value, ctx)
    if text not in EVENT_STATUSES:
        raise _FieldError(f'status "{text}" bestaat niet{_hint(text, EVENT_STATUSES)} (kies uit: {", ".join(EVENT_STATUSES)})')
    return text


def _report(value, ctx):
    text = _local_file(value, ctx, what="verslag", suffixes=(".md",))
    target = (ctx.path.parent / text).resolve()
    if target.parent != (ctx.settings.posts_dir / "verslagen").resolve():
        raise _FieldError(f'"{text}" is geen verslag: een verslag staat in posts/verslagen/')
    return _rel(target, ctx.settings)


# --------------------------------------------------------------------------
# The fields per kind: the editors' interface. Order is the order of the
# editor's guide and of the scaffolding templates.


@dataclass(frozen=True)
class Field:
    parse: Callable[[Any, _Context], Any]
    help: str  # Dutch, shown in the JSON Schema and the guide
    example: Any
    required: bool = False


COMMON = {
    "title": Field(_title, "Titel van het bericht of de activiteit.", "Kenniscafé over samenspel", True),
    "description": Field(_one_line, "Korte samenvatting van één zin, voor overzichten, zoekmachines en de feed.", "Bewoners en professionals zoeken samen naar oplossingen."),
    "categories": Field(_categories, "Categorieën uit de vaste lijst in mkdocs.yml.", ["Kenniscafé"]),
    "tags": Field(_text_list, "Trefwoorden, vrij te kiezen.", ["wijkteams", "mantelzorg"]),
    "image": Field(_image, "Afbeelding, pad vanaf dit bestand.", "afbeeldingen/kenniscafe.jpg"),
    "image_alt": Field(_one_line, "Beschrijving van de afbeelding voor wie haar niet ziet (verplicht bij image).", "Deelnemers in gesprek aan een lange tafel"),
    "draft": Field(_bool, "true = concept: niet op de site, wel in make serve.", True),
    "slug": Field(_slug, "Eigen laatste deel van het webadres (anders gemaakt van de titel).", "kenniscafe-oktober"),
}

POST_FIELDS = {
    "title": COMMON["title"],
    "date": Field(_date, "Publicatiedatum, JJJJ-MM-DD. Een datum in de toekomst verschijnt op die dag.", "2018-10-30", True),
    **{key: COMMON[key] for key in ("description", "categories", "tags")},
    "authors": Field(_authors, "Auteurs, ids uit docs/nieuws/.authors.yml.", ["werkplaats"]),
    **{key: COMMON[key] for key in ("image", "image_alt")},
    "attachments": Field(_attachments, "Bijlagen (bijvoorbeeld pdf), elk met title en file.", [{"title": "Verslag (pdf)", "file": "bijlagen/verslag.pdf"}]),
    **{key: COMMON[key] for key in ("draft", "slug")},
}

EVENT_FIELDS = {
    "title": COMMON["title"],
    "start": Field(_moment, "Begin: JJJJ-MM-DD UU:MM (Nederlandse tijd) of JJJJ-MM-DD voor een hele dag.", "2018-10-18 19:00", True),
    "end": Field(_moment, "Einde, in dezelfde vorm als start; niet voor start.", "2018-10-18 21:30"),
    "location": Field(_location, "Plaats: name, address, postcode, city (of alleen een naam). Verplicht, behalve bij online.", {"name": "Hogeschool Inholland", "address": "Posthumalaan 90", "postcode": "3072 AG", "city": "Rotterdam"}),
    "online": Field(_url, "Webadres van de online bijeenkomst.", "https://example.org/meeting"),
    "registration": Field(_url_or_email, "Aanmelden: webadres of e-mailadres.", "info@werkplaatssociaaldomeinzhz.nl"),
    "status": Field(_status, f"Status: {', '.join(EVENT_STATUSES)} (standaard gepland).", "gepland"),
    **{key: COMMON[key] for key in ("description", "categories", "tags", "image", "image_alt")},
    "report": Field(_report, "Verslag van deze activiteit: pad naar een bestand in posts/verslagen/.", "../verslagen/kenniscafe-oktober-2018.md"),
    **{key: COMMON[key] for key in ("draft", "slug")},
}


# Keys of the other kind, which editors copy from one file to another.
_KIND_HINTS = {
    (True, "date"): ' (een activiteit heeft start: in plaats van date:)',
    (False, "start"): ' (een bericht heeft date: in plaats van start:; activiteiten horen in posts/agenda/)',
}


def fields_for(kind: str) -> dict[str, Field]:
    return EVENT_FIELDS if kind == "agenda" else POST_FIELDS


# --------------------------------------------------------------------------
# Reading one file


class _StringLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader (libyaml's when present) without implicit dates: we parse
    dates ourselves, with Dutch errors."""


_StringLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load_yaml(text: str):
    """Parse once: the node tree (for line numbers) and the Python value."""
    loader = _StringLoader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _rel(path: Path, settings: Settings) -> str:
    try:
        return path.resolve().relative_to(settings.root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


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


def _yaml_problem(error: yaml.YAMLError, rel: str, text: str) -> Problem:
    problem = str(getattr(error, "problem", "") or error)
    context = str(getattr(error, "context", "") or "")
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if "quoted scalar" in context and getattr(error, "context_mark", None):
        mark = error.context_mark
        message = "een aanhalingsteken wordt niet gesloten: zet aan het eind van de waarde hetzelfde teken (\" of ')"
    elif "flow" in context and getattr(error, "context_mark", None):
        mark = error.context_mark
        message = "een lijst met [ wordt niet gesloten met ]: zet ] aan het eind van deze regel"
    elif "tab" in problem:
        message = "in de front matter staat een tab: gebruik spaties om in te springen"
    elif "mapping values are not allowed" in problem and mark and _indented(text, mark.line):
        message = "deze regel springt in: haal de spaties aan het begin weg (alleen de regels onder location: en de items van een lijst springen in)"
    elif "mapping values are not allowed" in problem:
        message = 'ongeldige regel in de front matter: zet tekst met een dubbele punt tussen aanhalingstekens, bijvoorbeeld title: "Verslag: de middag"'
    else:
        message = "de front matter is geen geldige YAML: controleer op deze regel de inspringing, dubbele punten en aanhalingstekens"
    return Problem(rel, (mark.line + 1) if mark else 1, message)


def read_entry(path: Path, settings: Settings) -> tuple[Entry | None, list[Problem]]:
    """Read and validate one post file. Returns the entry or its problems."""
    rel = _rel(path, settings)
    kind = path.parent.name if path.parent.parent.resolve() == settings.posts_dir.resolve() else ""
    if kind not in KINDS:
        return None, [Problem(rel, 1, f"staat niet in een van de mappen posts/{', posts/'.join(KINDS)}/: verplaats het bestand")]
    try:
        text = _decode(path.read_bytes())
    except _DecodeError as error:
        return None, [Problem(rel, error.line, "het bestand is geen UTF-8-tekst: sla het op als UTF-8 (in de GitHub-editor gaat dit vanzelf)")]
    try:
        meta_text, body, body_line = _split(text)
    except _FieldError as error:
        return None, [Problem(rel, 1, str(error))]
    try:
        node, meta = _load_yaml(meta_text)
    except yaml.YAMLError as error:
        # A tab where YAML wants spaces gives several different parser
        # messages; name the tab itself, on its own line.
        for number, line in enumerate(meta_text.split("\n")[1:], start=2):
            if "\t" in line[: len(line) - len(line.lstrip())]:
                return None, [Problem(rel, number, "in de front matter staat een tab: gebruik spaties om in te springen")]
        return None, [_yaml_problem(error, rel, meta_text)]
    if meta is None:
        return None, [Problem(rel, 1, "de front matter is leeg: vul minstens title en " + ("start" if kind == "agenda" else "date") + " in")]
    if not isinstance(meta, dict):
        return None, [Problem(rel, 2, "de front matter moet bestaan uit regels sleutel: waarde")]

    lines = {}
    for key_node, value_node in node.value:
        if key_node.value in lines:
            return None, [Problem(rel, key_node.start_mark.line + 1, f'"{key_node.value}" staat twee keer in de front matter: haal er één weg')]
        lines[key_node.value] = (key_node.start_mark.line + 1, value_node)

    problems: list[Problem] = []
    spec = fields_for(kind)
    ctx = _Context(settings, path, kind)
    values: dict[str, Any] = {}
    for key, value in meta.items():
        line, value_node = lines.get(str(key), (1, None))
        if key not in spec:
            hint = _KIND_HINTS.get((kind == "agenda", key)) or _hint(key, spec)
            problems.append(Problem(rel, line, f'onbekende sleutel "{key}"{hint} (toegestaan: {", ".join(spec)})'))
            continue
        if key in ("date", "start", "end") and isinstance(value_node, yaml.ScalarNode) and value_node.style in ("'", '"'):
            problems.append(Problem(rel, line, f'{key}: zet de datum zonder aanhalingstekens, bijvoorbeeld {key}: {value}'))
            continue
        try:
            values[key] = spec[key].parse(value, ctx)
        except _FieldError as error:
            problems.append(Problem(rel, line, f"{key}: {error}"))

    closing = body_line - 1  # the line with the closing ---, where a missing key goes
    for key, item in spec.items():
        if item.required and key not in meta:
            problems.append(Problem(rel, closing, f'{key} ontbreekt: voeg boven deze regel een regel toe, bijvoorbeeld {key}: {_example_text(item.example)}'))
    if "image" in values and "image_alt" not in values and "image_alt" not in meta:
        problems.append(Problem(rel, lines["image"][0], "image_alt ontbreekt: beschrijf de afbeelding in een zin voor wie haar niet kan zien"))
    if "image_alt" in values and "image" not in meta:
        problems.append(Problem(rel, lines["image_alt"][0], "image_alt zonder image: voeg image toe of haal image_alt weg"))
    if not body.strip():
        problems.append(Problem(rel, body_line, "er staat geen tekst onder de front matter: schrijf minstens één alinea"))
    problems.extend(_check_body(body, body_line, rel))
    if kind == "agenda":
        problems.extend(_check_event(values, meta, lines, rel, closing))
    if "title" in values and "slug" not in meta and not slugify(values["title"]):
        # The blog makes the address from the title alone: an empty slug would
        # put this post at the day's own address, over any other such post.
        problems.append(Problem(rel, lines["title"][0], f'title: "{values["title"]}" heeft geen letters of cijfers voor het webadres: voeg een regel slug: toe, bijvoorbeeld slug: {slugify(path.stem) or "mijn-bericht"}'))
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
            problems.append(Problem(rel, number, "een link met javascript:, vbscript: of data: is niet toegestaan: gebruik een gewoon webadres (https://...)"))
        elif _SCRIPT_TAG.search(line):
            problems.append(Problem(rel, number, "scripts, iframes, embeds en on...-attributen zijn niet toegestaan in de tekst (de site laadt niets van andere sites)"))
    return problems


def _check_event(values, meta, lines, rel, closing) -> list[Problem]:
    problems = []
    start, end = values.get("start"), values.get("end")
    if "location" not in meta and "online" not in meta:
        problems.append(Problem(rel, closing, "location ontbreekt: geef de plaats (name, address, postcode, city) of een online-link met online:"))
    if start is not None and end is not None:
        line = lines["end"][0]
        if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
            problems.append(Problem(rel, line, "end: gebruik dezelfde vorm als start (allebei met tijd, of allebei alleen een datum)"))
        elif end < start:
            problems.append(Problem(rel, line, f"end: {meta['end']} ligt voor start {meta['start']}"))
    return problems


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


def ignored_files(settings: Settings) -> list[Problem]:
    """Files in posts/ that look like posts but are not read as posts."""
    problems = []
    for path in sorted(settings.posts_dir.rglob("*"), key=lambda p: p.as_posix()):
        name = path.name.lower()
        if not path.is_file() or path.suffix == ".md":
            continue
        if name.endswith(".md") or (name.endswith(_IGNORED_SUFFIXES) and not (name.endswith(".txt") and "bijlagen" in path.parts)):
            stem = path.name[: -len(".md.txt")] if name.endswith(".md.txt") else path.name.rsplit(".", 1)[0]
            problems.append(Problem(
                _rel(path, settings), 1,
                f"wordt genegeerd: alleen bestanden die op .md eindigen (kleine letters) worden berichten; "
                f"hernoem naar {stem}.md (een tekstbijlage hoort in een map bijlagen/)",
            ))
    return problems


def load_all(settings: Settings, files: list[Path] | None = None, today: dt.date | None = None) -> list[Entry]:
    """Read and validate every post; raise ContentError listing every problem.

    With `today`, also check the links and images in the text, on today and
    on every later date on which the site changes (werkplaats.links).
    """
    entries, problems = [], []
    for path in post_files(settings) if files is None else files:
        entry, found = read_entry(path, settings)
        problems.extend(found)
        if entry:
            entries.append(entry)
    if files is None:
        problems.extend(ignored_files(settings))
    problems.extend(_collisions(entries))
    if today is not None:
        problems.extend(Problem(p.rel, p.line, p.message) for p in check_links(entries, settings, today))
    if problems:
        raise ContentError(problems)
    return entries


def url_key(entry: Entry) -> tuple:
    """Two entries with the same key would be written to the same address."""
    return ("agenda" if entry.is_event else "nieuws", entry.first_day, entry.slug)


def _collisions(entries: list[Entry]) -> list[Problem]:
    """Two entries at one address, or one explicit slug used twice: both named."""
    seen: dict[tuple, Entry] = {}
    problems = []
    for entry in entries:
        other = seen.setdefault(url_key(entry), entry)
        if other is entry and entry.explicit_slug:
            other = seen.setdefault(("slug", entry.is_event, entry.slug), entry)
        if other is not entry:
            problems.append(Problem(
                entry.rel, 1,
                f"krijgt hetzelfde webadres als {other.rel} (zelfde datum en titel of slug): geef een van beide een eigen regel slug: ...",
            ))
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
