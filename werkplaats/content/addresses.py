"""Public addresses of posts and events, and the `aliases` an editor keeps.

Plain functions of plain values, imported by the content model (so nothing
here imports it). An address is site-relative with a trailing slash:
`nieuws/2026/11/20/oude-titel/` for news and reports (the blog's
`post_url_format: "{date}/{slug}"` under `blog_dir: nieuws`),
`agenda/2026/11/20/oude-titel/` for events (werkplaats.site.agenda.event_dir).
tests/test_aliases.py holds both to what a real build writes.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

SECTIONS = ("nieuws", "agenda")


def public_path(entry) -> str:
    """Where the build writes an entry (an Entry of werkplaats.content.model)."""
    if getattr(entry, "is_series", False) or getattr(entry, "occurrence", None):
        return f"{SERIES_ROOT}{entry.slug}/"  # one page for every date: werkplaats.content.series
    section = "agenda" if entry.is_event else "nieuws"
    return f"{section}/{entry.first_day:%Y/%m/%d}/{entry.slug}/"


SERIES_ROOT = "agenda/reeks/"


class AliasError(ValueError):
    """A value of `aliases` is wrong; the message is Dutch."""


# What an editor pastes: the path as on the site, with or without a leading
# slash, a trailing slash or index.html, or the whole address from the
# browser's address bar (host and base path, such as /site/, are dropped:
# an alias names a place on this site, whatever its domain is then).
_ALIAS = re.compile(
    r"^(?:https?://[^/\s]+)?(?:/[^/\s]+)*?/?"
    r"(?P<section>nieuws|agenda)/(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})/(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)"
    r"/?(?:index\.html)?$"
)
EXAMPLE = "nieuws/2026/11/20/oude-titel/"


def alias(value) -> str:
    """One old address in its normal form, `nieuws/2026/11/20/oude-titel/`."""
    if isinstance(value, (list, dict)) or value is None or str(value).strip() == "":
        raise AliasError(f"elk item moet één oud webadres zijn, zoals {EXAMPLE}")
    text = str(value).strip()
    for mark in ("?", "#"):
        if mark in text:
            raise AliasError(f'"{text}": laat het deel vanaf {mark} weg')
    match = _ALIAS.match(text) or _ALIAS.match(text.lower())
    if not match:
        raise AliasError(
            f'"{text}" is geen oud adres van een bericht of activiteit: gebruik de vorm '
            "nieuws/JJJJ/MM/DD/titel/ of agenda/JJJJ/MM/DD/titel/, zoals het in de adresbalk stond"
        )
    if not _ALIAS.match(text):
        raise AliasError(f'"{text}": een webadres heeft alleen kleine letters, schrijf {text.lower()}')
    try:
        dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        raise AliasError(f'"{text}": {match["year"]}-{match["month"]}-{match["day"]} bestaat niet in de kalender') from None
    return f"{match['section']}/{match['year']}/{match['month']}/{match['day']}/{match['slug']}/"


def aliases(value) -> list[str]:
    """The `aliases:` list, each address in its normal form, none twice.
    One address may be written without [ ], as other lists allow too."""
    if isinstance(value, str) and value.strip():
        if "," in value:
            raise AliasError(f'"{value.strip()}" lijkt een lijst: zet er [ ] omheen, bijvoorbeeld aliases: [{value.strip()}]')
        value = [value]
    if not isinstance(value, list):
        raise AliasError(f"moet een lijst zijn, bijvoorbeeld aliases: [{EXAMPLE}]")
    found: list[str] = []
    for item in value:
        address = alias(item)
        if address in found:
            raise AliasError(f'"{item}" staat er twee keer in (als {address})')
        found.append(address)
    return found


def key_line(path: Path, body_line: int, key: str) -> int:
    """The front-matter line of `key`, else the closing `---` (where it goes)."""
    lines = path.read_text(encoding="utf-8-sig").split("\n")[: max(body_line - 2, 0)]
    for number, line in enumerate(lines, start=1):
        if re.match(rf"{re.escape(key)}\s*:", line):
            return number
    return max(body_line - 1, 1)


def alias_collisions(entries) -> list[tuple[str, int, str]]:
    """(file, line, message) for every alias that is another entry's address
    or another alias: with both files named, as the build could write only one."""
    owners: dict[str, tuple[str, object]] = {public_path(e): ("page", e) for e in entries}
    found = []
    for entry in entries:
        for address in entry.aliases:
            what, other = owners.setdefault(address, ("alias", entry))
            if other is entry and what == "alias":
                continue
            line = key_line(entry.path, entry.body_line, "aliases")
            if other is entry:
                message = f"aliases: {address} is het huidige adres van dit bestand zelf: haal het weg uit aliases"
            elif what == "page":
                message = f"aliases: {address} is het adres van {other.rel}: een oud adres mag geen bestaande pagina zijn, haal het weg"
            else:
                message = f"aliases: {address} staat ook in aliases van {other.rel}: een oud adres kan maar naar één pagina leiden"
            found.append((entry.rel, line, message))
    return found
