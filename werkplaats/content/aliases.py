"""Addresses that last: redirect pages for `aliases`, and the check that no
public address disappears (`BASE=<git ref> make check`).

A post or event that gets another date, title or slug gets another
address; its old one lives on as an alias (front matter `aliases:`, parsed
in werkplaats.content.addresses). The build writes a small page at every alias of
a published entry that sends the visitor on (overrides/redirect.html,
hooks/redirects.py). Plain data here, no MkDocs: any later site generator
can write the same pages from `redirects()`.

Taking a post off the site on purpose is `draft: true` (the file stays; a
later change may delete it, as a draft has no public address to lose).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass

from ..core.messages import plural
from .addresses import key_line, public_path
from .model import Entry, Problem

TEMPLATE = "redirect.html"


# --------------------------------------------------------------------------
# Redirect pages


@dataclass(frozen=True, order=True)
class Redirect:
    old: str  # 'nieuws/2026/11/20/oude-titel/', where the page is written
    new: str  # the entry's address in this build
    title: str
    rel: str  # the file that holds the alias

    @property
    def dest(self) -> str:
        return f"{self.old}index.html"

    def context(self, site_url: str) -> dict:
        """What overrides/redirect.html prints. The link is relative, so it
        works under any host and base path; the canonical link is absolute."""
        return {
            "title": self.title,
            "href": posixpath.relpath(self.new, self.old) + "/",
            "canonical": site_url.rstrip("/") + "/" + self.new if site_url else "",
        }


def redirects(entries: list[Entry], urls: dict[str, str]) -> list[Redirect]:
    """One redirect per alias of each entry given (the build passes those it shows)."""
    return sorted(Redirect(old, urls[e.rel], e.title, e.rel) for e in entries for old in e.aliases)


# --------------------------------------------------------------------------
# Addresses that disappear


def public_addresses(entries: list[Entry], today: dt.date) -> dict[str, Entry]:
    """Every address the site answers on today -> the entry behind it: its
    page and its aliases (the redirect pages)."""
    found: dict[str, Entry] = {}
    for entry in entries:
        if entry.is_public(today):
            for address in (public_path(entry), *entry.aliases):
                found.setdefault(address, entry)
    return found


def _aliases_line(entry: Entry, extra: list[str]) -> tuple[int, str]:
    """The line to change and what it should say."""
    wanted = ", ".join([*entry.aliases, *extra])
    line = key_line(entry.path, entry.body_line, "aliases")
    if entry.aliases:
        return line, f"maak van deze regel: aliases: [{wanted}]"
    return line, f"voeg toe: aliases: [{wanted}]"


def _successor(old: Entry, new: list[Entry], today: dt.date) -> Entry | None:
    """A new, published file of the same kind with the old one's slug or title: the file renamed."""
    for entry in new:
        if entry.is_public(today) and entry.is_event == old.is_event and (entry.slug == old.slug or entry.title == old.title):
            return entry
    return None


def disappearing(before: list[Entry], now: list[Entry], today: dt.date) -> tuple[list[Problem], list[str]]:
    """(problems, notes): every public address of `before` that `now` no
    longer serves, on the file where the fix goes. A published entry that
    became a draft is taken off on purpose: a note, not a problem."""
    served = public_addresses(now, today)
    current = {e.rel: e for e in now}
    old_files = {e.rel for e in before}
    new = [e for e in now if e.rel not in old_files]
    lost: dict[tuple[str, str], list[str]] = {}  # (file, case) -> addresses
    for address, old in sorted(public_addresses(before, today).items()):
        if address in served:
            continue
        entry = current.get(old.rel)
        if entry is not None:
            case = "concept" if entry.draft else "gepland" if not entry.is_public(today) else "alias"
            lost.setdefault((entry.rel, case), []).append(address)
        elif (successor := _successor(old, new, today)) is not None:
            lost.setdefault((successor.rel, f"opvolger:{old.rel}"), []).append(address)
        else:
            lost.setdefault((old.rel, "verwijderd"), []).append(address)

    problems, notes = [], []
    for (rel, case), gone in lost.items():
        listed = ", ".join(gone)
        count = len(gone)
        entry = current.get(rel)
        if case == "concept":
            notes.append(
                f"{rel}: bewust van de site gehaald (draft: true); {plural(count, 'dit adres verdwijnt', 'deze adressen verdwijnen')}: {listed}"
            )
        elif case == "gepland":
            problems.append(
                Problem(
                    rel,
                    key_line(entry.path, entry.body_line, "date"),
                    (
                        f"{listed} {plural(count, 'verdwijnt', 'verdwijnen')}: dit bericht staat nu gepland op {entry.date.isoformat()} en is tot dan niet op de site; "
                        "kies een datum tot en met vandaag, of zet draft: true om het bewust van de site te halen"
                    ),
                )
            )
        elif case == "alias":
            line, fix = _aliases_line(entry, gone)
            goes = plural(count, "verdwijnt het oude adres", "verdwijnen de oude adressen")
            problems.append(Problem(rel, line, f"{fix} (anders {goes} {listed} en geven links ernaar een foutpagina)"))
        elif case.startswith("opvolger:"):
            line, fix = _aliases_line(entry, gone)
            old_rel = case.removeprefix("opvolger:")
            # The calendar UID comes from the file name (werkplaats.site.ical.uid).
            tip = (
                f"; beter nog: geef het bestand zijn oude naam {old_rel.rsplit('/', 1)[-1]} terug, dan blijft de activiteit dezelfde in de agenda's van abonnees"
                if entry.is_event
                else ""
            )
            problems.append(
                Problem(
                    rel,
                    line,
                    f"{fix} ({old_rel} is verwijderd of hernoemd; zonder alias {plural(count, 'verdwijnt zijn adres', 'verdwijnen zijn adressen')} {listed}{tip})",
                )
            )
        else:
            problems.append(
                Problem(
                    rel,
                    1,
                    (
                        f"is verwijderd: {plural(count, 'het adres', 'de adressen')} {listed} {plural(count, 'verdwijnt', 'verdwijnen')} van de site. "
                        "Staat de inhoud nu in een ander bestand? "
                        f"Zet daar aliases: [{listed}]. Wil je het echt van de site halen? Zet het bestand terug met draft: true "
                        "(verwijderen mag daarna, in een volgende wijziging)"
                    ),
                )
            )
    return sorted(problems), notes
