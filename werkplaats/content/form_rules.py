"""The rules across keys that one form field cannot express, stated once as
data: a place for an event still to come, an end not before the start, an
image with its description, a text.

The model (werkplaats.content.model) evaluates them in `read_entry` with `problems`;
the CMS gets the same data as /admin/form-rules.json (werkplaats.editing.cms
`form_rules`), and overrides/admin/form-rules.js evaluates it in the browser
before Decap saves (its `preSave` event). Neither side writes a rule: each
only knows the few conditions below, on its own representation of a value
(the model on parsed values, the browser on what the form's widgets write).

A rule: `kinds` it applies to, the `field` it is told at (the key whose
Dutch label the form shows), the `line` of the file the model reports it on
(a key's line, "closing" for the closing ---, "body" for the text), `when`
(every condition must hold) and the `message`, where `{key}` is the value as
written. Conditions:
- ["filled", key] / ["missing", key]: written and not blank / not written or
  blank; `key` may name a part ("location.name"). A place written as one
  text is its name (`TEXT_PARTS`, as fields.parse_location reads it);
- ["not_past", [key, ...]]: a day that one of the keys gives (date part,
  Europe/Amsterdam; each date of a list, the new date of each move) is
  `today` or later;
- ["before", a, b]: a lies before b, both with a time or both without;
- ["differ_in_form", a, b]: one has a time and the other has not.
A rule whose keys hold a value the side cannot read is not decided there:
the model has then already refused the value itself.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, is_dataclass

from ..core.dates import TZ
from .unsafe_markup import FLAGS as LINE_FLAGS
from .unsafe_markup import LINE_RULES

ALL_KINDS = ("nieuws", "verslagen", "agenda")
TIME_ZONE = TZ.key
TEXT_PARTS = {"location": "name"}

RULES: tuple[dict, ...] = (
    {
        "id": "image_alt_missing",
        "kinds": ALL_KINDS,
        "field": "image_alt",
        "line": "image",
        "when": [["filled", "image"], ["missing", "image_alt"]],
        "message": "image_alt ontbreekt: beschrijf de afbeelding in een zin voor wie haar niet kan zien",
    },
    {
        "id": "image_missing",
        "kinds": ALL_KINDS,
        "field": "image_alt",
        "line": "image_alt",
        "when": [["filled", "image_alt"], ["missing", "image"]],
        "message": "image_alt zonder image: voeg image toe of haal image_alt weg",
    },
    {
        "id": "body_missing",
        "kinds": ALL_KINDS,
        "field": "body",
        "line": "body",
        "when": [["missing", "body"]],
        "message": "er staat geen tekst onder de front matter: schrijf minstens één alinea",
    },
    {
        "id": "end_form",
        "kinds": ("agenda",),
        "field": "end",
        "line": "end",
        "when": [["differ_in_form", "start", "end"]],
        "message": "end: gebruik dezelfde vorm als start (allebei met tijd, of allebei alleen een datum)",
    },
    {
        "id": "end_before_start",
        "kinds": ("agenda",),
        "field": "end",
        "line": "end",
        "when": [["before", "end", "start"]],
        "message": "end: {end} ligt voor start {start}",
    },
    # Visitors must be able to find an event still to come: a place with a
    # name or an address, or an online link. Of an event that is over, the
    # place may be unknown or only a city: what the organisation's old pages
    # do not say, the site does not say either. The rule only relaxes as
    # days pass, so a file that passes today passes later.
    {
        "id": "place_missing",
        "kinds": ("agenda",),
        "field": "location",
        "line": "closing",
        "when": [["not_past", ["until", "dates", "moved", "end", "start"]], ["missing", "online"], ["missing", "location"]],
        "message": "location ontbreekt: geef de plaats (name, address, postcode, city) of een online-link met online: (alleen bij een activiteit die al voorbij is mag de plaats onbekend zijn)",
    },
    {
        "id": "place_unfindable",
        "kinds": ("agenda",),
        "field": "location",
        "line": "location",
        "when": [
            ["not_past", ["until", "dates", "moved", "end", "start"]],
            ["missing", "online"],
            ["filled", "location"],
            ["missing", "location.name"],
            ["missing", "location.address"],
        ],
        "message": "location: geef ook name of address, zodat bezoekers de plek vinden (alleen {location.postcode} {location.city} is genoeg bij een activiteit die al voorbij is)",
    },
)

_UNREADABLE = object()  # written, but not a value this side can read


def problems(kind: str, ids: tuple[str, ...], read, written, today: dt.date | None) -> list[dict]:
    """The rules `ids` (in RULES order) that refuse an entry of `kind`.
    `read(key)`: the parsed value, None when not written or blank, or
    _UNREADABLE; `written(key)`: the text as written, for the message.
    Returns each refusing rule with its message filled in."""
    found = []
    for rule in RULES:
        if rule["id"] in ids and kind in rule["kinds"]:
            decided = [_holds(condition, read, today) for condition in rule["when"]]
            if all(decided):
                message = re.sub(r"\{([\w.]+)\}", lambda m: str(written(m.group(1)) or ""), rule["message"])
                found.append({**rule, "message": re.sub(" {2,}", " ", message)})
    return found


def _holds(condition: list, read, today: dt.date | None) -> bool:
    """Whether the condition holds; False when it cannot be decided."""
    name, *args = condition
    if name == "not_past":
        return today is not None and any(day >= today for key in args[0] for day in _days(read(key)))
    values = [read(key) for key in args]
    if any(value is _UNREADABLE for value in values):
        return False
    if name == "filled":
        return values[0] is not None
    if name == "missing":
        return values[0] is None
    if None in values:
        return False
    timed = [isinstance(value, dt.datetime) for value in values]
    if name == "differ_in_form":
        return timed[0] != timed[1]
    if name == "before":
        return timed[0] == timed[1] and values[0] < values[1]
    raise ValueError(f"unknown condition {name}")


def _days(value) -> list[dt.date]:
    """The days a value gives: a date or moment, each of a list (`dates`), the
    new date of each move (`moved`: (from, to) pairs). A time alone (an end
    whose start could not be read) gives none."""
    items = value if isinstance(value, list) else [value]
    items = [item[1] if isinstance(item, tuple) else item for item in items]
    return [item.date() if isinstance(item, dt.datetime) else item for item in items if isinstance(item, dt.date)]


def reader(meta: dict, values: dict, body: str):
    """`read` for the model: parsed values, a part of a parsed mapping
    (a Location), the text; _UNREADABLE for a key written but refused."""

    def read(key: str):
        base, _, part = key.partition(".")
        if base == "body":
            return body if body.strip() else None
        if base not in meta:
            return None
        if base not in values:
            return _UNREADABLE
        value = values[base]
        if part:
            value = (asdict(value) if is_dataclass(value) else value or {}).get(part)
        return None if value is None or (isinstance(value, str) and not value.strip()) else value

    return read


def exported(labels: dict[str, dict[str, str]]) -> dict:
    """The data as /admin/form-rules.json serves it: per collection (kind)
    its rules, each with the Dutch label of its field in that form; and the
    rules on each line of the text (werkplaats.content.unsafe_markup, which the
    model applies line by line), with the text's label per collection."""
    return {
        "lines": {
            "field": "body",
            "flags": LINE_FLAGS,
            "labels": {kind: labels[kind]["body"] for kind in ALL_KINDS},
            "rules": [dict(rule) for rule in LINE_RULES],
        },
        "time_zone": TIME_ZONE,
        "text_parts": TEXT_PARTS,
        "collections": {
            kind: [
                {"id": r["id"], "field": r["field"], "label": labels[kind][r["field"]], "when": r["when"], "message": r["message"]}
                for r in RULES
                if kind in r["kinds"]
            ]
            for kind in ALL_KINDS
        },
    }
