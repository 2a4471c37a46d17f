"""Facts about the places where events happen, from one optional file:
posts/locaties.yml. Part of the content model: read, validated and turned
into Problems (file and line) here; werkplaats.site.places shows them.

A place is not declared here: it exists because an event names it (or it
is the office in mkdocs.yml, extra.organisatie). An entry in this file
adds facts to one of those places, matched by name, address and city as
the event writes them. Only what the file says is shown; nothing is
assumed about a place that has no entry, or a fact that is left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.settings import Settings
from .entries import Location, Problem
from .front_matter import load_yaml
from .values import Context, FieldError, hint, parse_bool, parse_one_line

FILE_NAME = "locaties.yml"  # in posts/: editors' content, edited in the CMS
TOP_KEY = "locaties"
MATCH_KEYS = ("name", "address", "city")
# key -> (parser, Dutch label, form hint). Order: the page's and the form's.
FACTS = {
    "step_free": (parse_bool, "Drempelvrij", "Is de plek zonder traptreden of drempels te bereiken, tot in de zaal? Ja of nee."),
    "hearing_loop": (parse_bool, "Ringleiding", "Is er een ringleiding in de zaal? Ja of nee."),
    "parking": (parse_one_line, "Parkeren", "Waar en hoe bezoekers kunnen parkeren, in één zin."),
    "directions": (parse_one_line, "De zaal vinden", "Hoe bezoekers binnen de zaal vinden, in één zin."),
}
PLACE_LABELS = {"name": "Naam", "address": "Adres", "city": "Plaats"}
# What an editor types in Dutch for a key: the hint names the key to use.
DUTCH_KEYS = {
    "naam": "name",
    "adres": "address",
    "plaats": "city",
    "stad": "city",
    "drempelvrij": "step_free",
    "rolstoel": "step_free",
    "ringleiding": "hearing_loop",
    "parkeren": "parking",
    "route": "directions",
    "zaal": "directions",
}


@dataclass(frozen=True)
class PlaceFacts:
    location: Location  # name, address and city, as events write them
    line: int
    step_free: bool | None = None
    hearing_loop: bool | None = None
    parking: str = ""
    directions: str = ""


def match_key(location: Location) -> tuple[str, str, str]:
    """One place: the same name, address and city, in any case and spacing."""
    return tuple(" ".join(getattr(location, part).split()).casefold() for part in MATCH_KEYS)


def path_of(settings: Settings):
    return settings.posts_dir / FILE_NAME


def read(settings: Settings) -> tuple[list[PlaceFacts], list[Problem]]:
    """The file's entries and every problem in it; no file: none of either."""
    path = path_of(settings)
    if not path.is_file():
        return [], []
    rel = settings.relative(path)
    try:
        node, data = load_yaml(path.read_text(encoding="utf-8-sig"))
    except Exception as error:  # yaml.YAMLError, UnicodeDecodeError
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        return [], [
            Problem(rel, line, f"is geen leesbare YAML: {getattr(error, 'problem', error)}; vergelijk met het voorbeeld in REDACTIE.md")
        ]
    if data is None:
        return [], []
    if not isinstance(data, dict) or set(data) != {TOP_KEY} or not isinstance(data[TOP_KEY], list):
        return [], [Problem(rel, 1, f"moet beginnen met `{TOP_KEY}:` en daaronder per plek een regel `- name: ...`")]
    items = dict(node.value)[next(k for k in dict(node.value) if k.value == TOP_KEY)].value
    ctx = Context(settings, path, "locaties")
    facts, problems = [], []
    for item_node, value in zip(items, data[TOP_KEY], strict=True):
        found, entry = _item(item_node, value, ctx)
        problems.extend(Problem(rel, line, message) for line, message in found)
        if entry:
            facts.append(entry)
    seen: dict[tuple, int] = {}
    for entry in facts:
        key = match_key(entry.location)
        if key in seen:
            problems.append(Problem(rel, entry.line, f"deze plek staat er al op regel {seen[key]}: zet alle feiten bij één plek"))
        seen.setdefault(key, entry.line)
    return facts, problems


def _item(node, value, ctx) -> tuple[list[tuple[int, str]], PlaceFacts | None]:
    line = node.start_mark.line + 1
    if not isinstance(value, dict):
        return [(line, "moet een plek zijn met name, address en city en de feiten eronder (zie REDACTIE.md)")], None
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value}
    problems, parts, facts = [], {}, {}
    allowed = [*MATCH_KEYS, *FACTS]
    for key, item in value.items():
        if item is None or (isinstance(item, str) and not item.strip()):
            continue  # left empty (the form writes that): not known, so not said
        if key not in allowed:
            said = f' (bedoel je "{DUTCH_KEYS[key.lower()]}"?)' if str(key).lower() in DUTCH_KEYS else hint(key, allowed)
            problems.append((lines[key], f'onbekend onderdeel "{key}"{said} (gebruik {", ".join(allowed)})'))
            continue
        parse = parse_one_line if key in MATCH_KEYS else FACTS[key][0]
        try:
            (parts if key in MATCH_KEYS else facts)[key] = parse(item, ctx)
        except FieldError as error:
            problems.append((lines[key], f"{key}: {error}"))
    if not problems and not (parts.get("name") or parts.get("address")):
        problems.append((line, "geef name of address van de plek, precies zoals de activiteiten ze schrijven"))
    if not problems and not facts:
        problems.append((line, f"noemt geen enkel feit: geef er minstens één ({', '.join(FACTS)}) of haal de plek weg"))
    if problems:
        return problems, None
    return [], PlaceFacts(Location(**parts), line, **facts)


def office(settings: Settings) -> Location | None:
    """The organisation's own address (mkdocs.yml, extra.organisatie) as a place."""
    org = settings.organisation
    if not (org.get("straat") or org.get("naam")):
        return None
    return Location(
        name=str(org.get("naam", "")),
        address=str(org.get("straat", "")),
        postcode=str(org.get("postcode", "")),
        city=str(org.get("plaats", "")),
    )


def problems(settings: Settings, entries, also: list[Location] = ()) -> list[Problem]:
    """Everything wrong with the file, given every entry of posts/ (and
    `also` the places of event files refused for other reasons)."""
    facts, found = read(settings)
    known = [e.location for e in entries if e.is_event and e.location] + list(also)
    return found + unmatched(facts, [*known, *filter(None, [office(settings)])], settings)


def unmatched(facts: list[PlaceFacts], known: list[Location], settings: Settings) -> list[Problem]:
    """Facts about a place no event names (nor the office): a typo, almost always."""
    keys = {match_key(location): location for location in known}
    names = [location.one_line for location in known]
    out = []
    for entry in facts:
        if match_key(entry.location) not in keys:
            said = entry.location.one_line
            out.append(
                Problem(
                    settings.relative(path_of(settings)),
                    entry.line,
                    f'geen activiteit vindt plaats op "{said}"{hint(said, names)}: '
                    "schrijf name, address en city precies zoals in de activiteit (of in extra.organisatie voor het kantoor)",
                )
            )
    return out
