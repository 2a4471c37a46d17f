"""How each front-matter value is read: one parser per kind of value, each
returning the clean value or raising FieldError with a Dutch message
(werkplaats.content.model adds file and line). Which key uses which parser
is the table in werkplaats.content.fields."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.dates import TZ
from ..core.settings import Settings
from ..core.slugs import slugify
from . import addresses
from .entries import EVENT_STATUSES, IMAGE_SUFFIXES, Attachment, Location, rel_path
from .images import readable_image_problem


def hint(word: str, options) -> str:
    close = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return f' (bedoel je "{close[0]}"?)' if close else ""


class FieldError(ValueError):
    """A value is wrong; the caller knows the file and the line."""


# --------------------------------------------------------------------------
# Field parsers: each takes the YAML value and a context, returns the clean
# value or raises FieldError with a Dutch message. YAML guesses no types
# here (StringLoader): a value is the text the editor wrote, or a list or
# mapping of such texts, and each parser decides what that text means.


@dataclass
class Context:
    settings: Settings
    path: Path
    kind: str


def _text(value, ctx, *, name="tekst"):
    if isinstance(value, (list, dict)):
        raise FieldError(f"moet één {name} zijn, geen lijst")
    if value is None or str(value).strip() == "":
        raise FieldError("is leeg")
    return str(value).strip()


def parse_one_line(value, ctx):
    text = _text(value, ctx)
    if "\n" in text:
        raise FieldError("moet op één regel passen")
    return text


# Every address is <section>/<yyyy>/<mm>/<dd>/<slug>/ (and <slug>.ics for an
# event); a folder name over 255 bytes cannot be written at all. Short slugs
# keep addresses readable, and a title this long is no longer a title.
TITLE_MAX = 150
SLUG_MAX = 80


def parse_title(value, ctx):
    text = parse_one_line(value, ctx)
    if len(text) > TITLE_MAX:
        raise FieldError(
            f"is {len(text)} tekens lang, meer dan {TITLE_MAX}: maak de titel korter en zet de rest in description of in de eerste alinea"
        )
    return text


# Dutch editors write ja/nee; yes/no is what YAML itself used to accept.
_TRUE = ("true", "ja", "yes")
_FALSE = ("false", "nee", "no")


def parse_bool(value, ctx):
    if isinstance(value, bool):  # an explicit !!bool tag
        return value
    text = value.strip().lower() if isinstance(value, str) else None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text == "":
        raise FieldError("is leeg: schrijf true (of ja), false (of nee), of haal de regel weg")
    raise FieldError(f'"{value}" is geen ja/nee-waarde (gebruik true of false; ja en nee mogen ook)')


def parse_text_list(value, ctx):
    """A list of short texts; one item may be written as plain text."""
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise FieldError("is leeg: schrijf een lijst, bijvoorbeeld [wijkteams, mantelzorg], of haal de regel weg")
        if re.match(r"-\S", text):
            # `tags:` with `  -wijkteams` lines below: YAML reads one text "-wijkteams -zorg".
            raise FieldError(f"zet een spatie na elk streepje: - {text.split()[0][1:]}")
        if "," in text:
            raise FieldError(f'"{text}" lijkt een lijst: zet er [ ] omheen, bijvoorbeeld [{text}]')
        value = [text]
    if not isinstance(value, list):
        raise FieldError("moet een lijst zijn, bijvoorbeeld [wijkteams, mantelzorg]")
    items: list[str] = []
    seen: dict[str, str] = {}
    for item in value:
        if not isinstance(item, str) or item.strip() == "":
            raise FieldError("elk item moet een korte tekst zijn")
        item = item.strip()
        # Tag and category pages are made from lowercased names: Mantelzorg
        # and mantelzorg would be one page, listed twice on the post.
        other = seen.get(item.casefold())
        if other == item:
            raise FieldError(f'"{item}" staat er twee keer in')
        if other is not None:
            raise FieldError(f'"{other}" en "{item}" zijn hetzelfde (hoofdletters tellen niet mee): haal er één weg')
        seen[item.casefold()] = item
        items.append(item)
    return items


def parse_categories(value, ctx):
    items = parse_text_list(value, ctx)
    allowed = ctx.settings.categories
    unknown = [item for item in items if item not in allowed]
    if len(unknown) == 1:
        raise FieldError(f'categorie "{unknown[0]}" bestaat niet{hint(unknown[0], allowed)} (kies uit: {", ".join(allowed)})')
    if unknown:  # all of them at once: one round of corrections
        named = " en ".join(f'"{item}"{hint(item, allowed)}' for item in unknown)
        raise FieldError(f"categorieën {named} bestaan niet (kies uit: {', '.join(allowed)})")
    return items


def parse_authors(value, ctx):
    items = parse_text_list(value, ctx)
    known = list(ctx.settings.authors)
    unknown = [item for item in items if item not in ctx.settings.authors]
    if len(unknown) == 1:
        raise FieldError(
            f'auteur "{unknown[0]}" staat niet in docs/nieuws/.authors.yml{hint(unknown[0], known)} (bekend: {", ".join(known)})'
        )
    if unknown:
        named = " en ".join(f'"{item}"{hint(item, known)}' for item in unknown)
        raise FieldError(f"auteurs {named} staan niet in docs/nieuws/.authors.yml (bekend: {', '.join(known)})")
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


# Characters a word processor or a web page puts in a date that look like
# the right ones, or like nothing at all.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def _moment_text(value, what: str, example: str) -> str:
    if isinstance(value, (list, dict)):
        raise FieldError(f"moet één {what} zijn, geen lijst")
    text = "" if value is None else str(value).strip()
    if not text:
        raise FieldError(f"is leeg: vul een {what} in, bijvoorbeeld {example}")
    plain = "".join("-" if char in _DASHES else char for char in text if char not in _INVISIBLE)
    if plain != text and any(form.match(plain) for form in (_DATE_RE, _DATETIME_RE, _CLOCK_RE)):
        if any(char in _DASHES for char in text):
            raise FieldError(f'"{plain}": er staat een lang streepje (–) waar een gewoon streepje (-) hoort: schrijf {plain}')
        raise FieldError(
            f'"{plain}": er staat een onzichtbaar teken in (uit een webpagina of tekstverwerker): typ de waarde opnieuw, {plain}'
        )
    return text


def _calendar_day(text: str, year: str, month: str, day: str) -> dt.date:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        raise FieldError(f'"{text}" bestaat niet in de kalender (controleer dag en maand)') from None


def _clock(text: str, hour: str, minute: str, second: str | None = None, fraction: str | None = None) -> dt.time:
    h, m, s = int(hour), int(minute), int(second or 0)
    if (h, m, s) == (24, 0, 0):
        raise FieldError(f'"{text}": 24:00 bestaat niet op de klok: schrijf 23:59, of 00:00 met de datum van de volgende dag')
    if h > 23 or m > 59 or s > 59:
        raise FieldError(f'"{text}": {h:02d}:{m:02d} is geen tijd (uren 00-23, minuten 00-59)')
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
    if sign == "-" and second is None and text[10:11].upper() != "T":
        # "2027-02-11 15:00-17:00" is a time span to an editor, not UTC-17:00;
        # an offset is what software writes, in the T form (2026-11-23T10:00+01:00).
        raise FieldError(
            f'"{text}" lijkt een begin- en eindtijd: zet alleen de begintijd hier ({year}-{month}-{day} {clock:%H:%M}) '
            f"en de eindtijd bij end, bijvoorbeeld end: {zone_hours}:{zone_minutes or '00'}"
        )
    offset = dt.timedelta(hours=int(zone_hours or 0), minutes=int(zone_minutes or 0))
    signed = -offset if sign == "-" else offset
    if not -dt.timedelta(hours=12) <= signed <= dt.timedelta(hours=14) or int(zone_minutes or 0) > 59:
        raise FieldError(f'"{text}": de tijdzone klopt niet (bijvoorbeeld +01:00, of Z voor UTC)')
    zone = dt.timezone(signed)
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
    (
        re.compile(r"^(\d{4}-\d{2}-\d{2})\s+(\d{1,2}:\d{2})\s*(?:[-\u2013\u2014]|tot)\s*(\d{1,2}:\d{2})(?:\s*uur)?$", re.IGNORECASE),
        lambda m: (
            f"dat lijkt een begin- en eindtijd: zet alleen de begintijd hier ({m[1]} {m[2]}) en de eindtijd bij end, bijvoorbeeld end: {m[3]}"
        ),
    ),
)


def _close_form(text: str) -> str:
    for pattern, fix in _CLOSE_FORMS:
        match = pattern.match(text)
        if match:
            return fix(match)
    return ""


def parse_date(value, ctx):
    """A day; a time with it is allowed, and with an offset (web CMSs write
    2026-11-23T10:00:00.000Z) it counts on the Amsterdam calendar."""
    text = _moment_text(value, "datum", "2017-03-07")
    moment = _parse_moment(text)
    if moment is None:
        close = _close_form(text)
        raise FieldError(
            f'"{text}" is geen datum: {close}' if close else f'"{text}" is geen datum (gebruik JJJJ-MM-DD, bijvoorbeeld 2017-03-07)'
        )
    return moment.date() if isinstance(moment, dt.datetime) else moment


def parse_moment(value, ctx):
    """'YYYY-MM-DD HH:MM' (Amsterdam wall-clock time), ISO 8601 with an
    offset (converted to Amsterdam), or 'YYYY-MM-DD' (all day)."""
    text = _moment_text(value, "tijdstip", "2018-10-18 19:00")
    moment = _parse_moment(text)
    if moment is None:
        close = _close_form(text)
        raise FieldError(
            f'"{text}" is geen tijdstip: {close}'
            if close
            else f'"{text}" is geen tijdstip (gebruik JJJJ-MM-DD UU:MM, bijvoorbeeld 2018-10-18 19:00, of alleen JJJJ-MM-DD voor een hele dag)'
        )
    return moment


def parse_end(value, ctx):
    """Like start, or only a time (`end: 21:30`): that time on the start's
    day, which read_entry fills in once start is known."""
    text = _moment_text(value, "tijdstip", "2018-10-18 21:30")
    match = _CLOCK_RE.match(text)
    if match:
        return _clock(text, *match.groups())
    match = re.match(r"^(\d{1,2})\.(\d{2})$", text)
    if match:
        raise FieldError(f'"{text}" is geen tijd: gebruik een dubbele punt: {match[1]}:{match[2]}')
    return parse_moment(text, ctx)


def local_datetime(day: dt.date, time: dt.time, text: str = "") -> dt.datetime:
    """An aware Europe/Amsterdam datetime; refuses times that do not exist.

    When clocks go back (last Sunday of October) 02:00-02:59 happens twice:
    we take the first occurrence, still in summer time (fold=0), and say so
    in the editor's guide.
    """
    moment = dt.datetime.combine(day, time, tzinfo=TZ)
    round_trip = moment.astimezone(dt.UTC).astimezone(TZ)
    if round_trip.replace(tzinfo=None) != moment.replace(tzinfo=None):
        raise FieldError(
            f'"{text}" bestaat niet in Nederland: de klok gaat die nacht van 02:00 naar 03:00 (kies bijvoorbeeld 03:{time.minute:02d})'
        )
    return moment


_SAFE_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_EMAIL = re.compile(r"^(mailto:)?[^@\s:/]+@[^@\s:/]+\.[a-z]{2,}$", re.IGNORECASE)


def parse_url(value, ctx):
    text = parse_one_line(value, ctx)
    if not _SAFE_URL.match(text):
        raise FieldError(f'"{text}" is geen webadres (begin met https://)')
    return text


def parse_url_or_email(value, ctx):
    text = parse_one_line(value, ctx)
    if _EMAIL.match(text):
        return text if text.lower().startswith("mailto:") else f"mailto:{text}"
    if _SAFE_URL.match(text):
        return text
    raise FieldError(f'"{text}" is geen webadres of e-mailadres (bijvoorbeeld https://... of naam@voorbeeld.nl)')


def parse_slug(value, ctx):
    text = parse_one_line(value, ctx)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", text):
        raise FieldError(
            f'"{text}" mag alleen kleine letters, cijfers en streepjes bevatten (bijvoorbeeld "{slugify(text) or "mijn-bericht"}")'
        )
    if len(text) > SLUG_MAX:
        raise FieldError(f"is {len(text)} tekens lang, meer dan {SLUG_MAX}: kies een kortere slug (bijvoorbeeld {short_slug(text)})")
    return text


def short_slug(slug: str) -> str:
    return slug[:SLUG_MAX].rsplit("-", 1)[0] if len(slug) > SLUG_MAX else slug


def _local_file(value, ctx, *, what="bestand", suffixes=None, example="afbeeldingen/foto.jpg", missing=None):
    """A path relative to the post's own file that must stay inside posts/."""
    text = parse_one_line(value, ctx)
    if text.startswith(("/", "\\")) or re.match(r"^[a-zA-Z]:", text) or "://" in text or text.startswith(("data:", "javascript:")):
        raise FieldError(f'"{text}" moet een pad zijn vanaf dit bestand, zoals {example} (geen / of webadres vooraan)')
    if "\\" in text:
        # Windows writes paths with \; on the site and on GitHub it is /.
        raise FieldError(f'"{text}" bevat een \\: gebruik / tussen mappen, bijvoorbeeld {text.replace(chr(92), "/")}')
    target = (ctx.path.parent / text).resolve()
    posts = ctx.settings.posts_dir.resolve()
    if not target.is_relative_to(posts):
        raise FieldError(f'"{text}" wijst naar buiten de map posts/ (zet het bestand in posts/ en verwijs ernaar vanaf dit bestand)')
    if suffixes and target.suffix.lower() not in suffixes:
        raise FieldError(f'"{text}" is geen {what} (toegestaan: {", ".join(suffixes)})')
    if not target.is_file() and missing:
        missing(text, ctx)
    if not target.is_file():
        found = _same_name(target.name, ctx.path.parent, posts)
        if found:
            raise FieldError(f'{what} "{text}" bestaat niet op die plek: het pad gaat vanaf dit bestand, schrijf {found}')
        raise FieldError(
            f'{what} "{text}" bestaat niet (zoek in {rel_path(target.parent, ctx.settings)}/ en controleer de naam en hoofdletters)'
        )
    return text


def _same_name(name: str, folder: Path, posts: Path) -> str:
    """The path from `folder` to a file in posts/ with this name (in any case),
    nearest first: `afbeeldingen/foto.jpg` for `foto.jpg` or
    `posts/nieuws/afbeeldingen/foto.jpg`; '' when there is none."""
    folder = folder.resolve()
    found = sorted(
        (p for p in posts.rglob("*") if p.name.lower() == name.lower() and p.is_file()),
        key=lambda p: (not p.resolve().is_relative_to(folder), len(p.parts), p.as_posix()),
    )
    return os.path.relpath(found[0].resolve(), folder).replace(os.sep, "/") if found else ""


def parse_image(value, ctx):
    text = _local_file(value, ctx, what="afbeelding", suffixes=IMAGE_SUFFIXES)
    problem = readable_image_problem((ctx.path.parent / text).resolve())
    if problem:
        raise FieldError(f"{text}: {problem}")
    return text


def parse_attachments(value, ctx):
    if not isinstance(value, list):
        raise FieldError("moet een lijst zijn met per bijlage een title en een file")
    result = []
    for item in value:
        if not isinstance(item, dict) or set(item) != {"title", "file"}:
            raise FieldError('elke bijlage heeft precies twee regels: title: "Naam" en file: map/bestand.pdf')
        title = parse_one_line(item["title"], ctx)
        file = _local_file(item["file"], ctx, what="bijlage", example="bijlagen/verslag.pdf")
        path = (ctx.path.parent / file).resolve()
        with open(path, "rb") as handle:
            head = handle.read(1024)
        if not head:
            raise FieldError(f"bijlage {file} is leeg (0 bytes): upload het bestand opnieuw")
        if path.suffix.lower() == ".pdf" and b"%PDF-" not in head:
            raise FieldError(
                f"bijlage {file} is geen pdf, al eindigt de naam op .pdf: sla het document opnieuw op als pdf en upload het opnieuw"
            )
        if path.suffix.lower() in IMAGE_SUFFIXES:  # published as a cleaned copy, so it must open
            problem = readable_image_problem(path)
            if problem:
                raise FieldError(f"bijlage {file}: {problem}")
        result.append(Attachment(title, file, path))
    return result


# The parts of a place: Dutch label and form hint of each (the CMS's form).
_NAME_OR_ADDRESS = "Naam of adres: verplicht bij een activiteit die nog komt, tenzij er een online-link is."
LOCATION_PARTS = {
    "name": ("Naam", f"De naam van de plek, bijvoorbeeld Bibliotheek Dordrecht. {_NAME_OR_ADDRESS}"),
    "address": ("Adres", f"Straat en huisnummer. {_NAME_OR_ADDRESS}"),
    "postcode": ("Postcode", ""),
    "city": ("Plaats", ""),
}


def parse_location(value, ctx):
    if isinstance(value, str) and value.strip():
        return Location(name=value.strip())
    if not isinstance(value, dict):
        raise FieldError("moet een plaatsnaam zijn of name/address/postcode/city")
    unknown = set(value) - {"name", "address", "postcode", "city"}
    if unknown:
        key = sorted(unknown)[0]
        raise FieldError(
            f'onbekend onderdeel "{key}"{hint(key, ["name", "address", "postcode", "city"])} (gebruik name, address, postcode, city)'
        )
    parts = {key: parse_one_line(item, ctx) for key, item in value.items()}
    if not any(parts.values()):
        raise FieldError(
            "is leeg: geef minstens name, address of city (of laat location weg bij een activiteit die al voorbij is en waarvan de plek onbekend is)"
        )
    # Name or address is required only of events still to come (werkplaats.content.form_rules).
    return Location(**parts)


def parse_status(value, ctx):
    text = parse_one_line(value, ctx)
    if text not in EVENT_STATUSES:
        raise FieldError(f'status "{text}" bestaat niet{hint(text, EVENT_STATUSES)} (kies uit: {", ".join(EVENT_STATUSES)})')
    return text


def parse_aliases(value, ctx):
    try:
        return addresses.aliases(value)
    except addresses.AliasError as error:
        raise FieldError(str(error)) from None


_REPORT_EXAMPLE = "../verslagen/kenniscafe-oktober-2018.md"


def parse_report(value, ctx):
    text = parse_one_line(value, ctx)
    if re.match(r"^(https?:|www\.)", text, re.IGNORECASE):
        raise FieldError(
            f'"{text}" is een webadres: report wijst naar een verslag op deze site, een bestand in posts/verslagen/, '
            f"zoals report: {_REPORT_EXAMPLE} (een verslag op een andere site: zet de link in de tekst)"
        )
    if "/" not in text and not text.lower().endswith(".md"):
        raise FieldError(_report_by_title(text, ctx))
    text = _local_file(text, ctx, what="verslag", suffixes=(".md",), example=_REPORT_EXAMPLE, missing=_missing_report)
    target = (ctx.path.parent / text).resolve()
    if target.parent != (ctx.settings.posts_dir / "verslagen").resolve():
        raise FieldError(f'"{text}" is geen verslag: een verslag staat in posts/verslagen/')
    return rel_path(target, ctx.settings)


_TITLE_LINE = re.compile(r"^title:[ \t]*(?P<quote>[\"']?)(?P<title>.*?)(?P=quote)[ \t]*$", re.MULTILINE)


def _report_by_title(text: str, ctx) -> str:
    """A title (or a name without .md) where the report's file belongs: the
    file of the report whose title or name comes closest, as a suggestion."""
    folder = ctx.settings.posts_dir / "verslagen"
    names: dict[str, str] = {}
    for path in sorted(folder.glob("*.md")):
        names[slugify(path.stem)] = path.name
        found = _TITLE_LINE.search(path.read_text(encoding="utf-8-sig", errors="replace")[:2000])
        if found:
            names.setdefault(slugify(found["title"]), path.name)
    close = difflib.get_close_matches(slugify(text), list(names), n=1, cutoff=0.5)
    example = f"../verslagen/{names[close[0]]}" if close else _REPORT_EXAMPLE
    return f'"{text}" is geen bestand: report wijst naar het bestand van het verslag in posts/verslagen/, bijvoorbeeld report: {example}'


def _missing_report(text, ctx):
    """Said from posts/verslagen/, where a report is, not from the folder the path led to."""
    folder = ctx.settings.posts_dir / "verslagen"
    name = text.rsplit("/", 1)[-1]
    if (folder / name).is_file():
        raise FieldError(f'verslag "{text}" bestaat niet op die plek, wel in posts/verslagen/: schrijf report: ../verslagen/{name}')
    names = sorted(p.name for p in folder.glob("*.md"))
    raise FieldError(
        f'verslag "{text}" bestaat niet in posts/verslagen/{hint(name, names)} (zoek daar de bestandsnaam op, '
        "let op hoofdletters, en schrijf report: ../verslagen/naam-van-het-verslag.md)"
    )
