"""The places where events happen, each with a page: derived from the
events themselves (the same name, address and city is one place, so an
editor writes nothing new), plus the office from mkdocs.yml. Optional facts
come from posts/locaties.yml (werkplaats.content.place_facts).

A location with only a city ('Schiedam', allowed for events long past) is
not a place: there is no door to walk to, so it gets no page.

Plain functions of plain data, as werkplaats.site.agenda.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from ..content.entries import Entry, Location
from ..content.place_facts import FACTS, PlaceFacts, match_key
from ..core.slugs import slugify

ROOT = "agenda/locaties/"  # the index of places; each place below it
TITLE = "Locaties van activiteiten"


@dataclass
class Place:
    slug: str
    location: Location
    facts: PlaceFacts | None = None
    office: bool = False
    events: list[Entry] = field(default_factory=list)

    @property
    def title(self) -> str:
        """'Hogeschool Rotterdam', 'Gemeentehuis, Gorinchem': the city too
        where the name does not say it, as many towns have a Gemeentehuis."""
        loc = self.location
        first = loc.name or loc.address
        return f"{first}, {loc.city}" if loc.city and loc.city.casefold() not in first.casefold() else first

    @property
    def url(self) -> str:
        return f"{ROOT}{self.slug}/"


def has_page(location: Location | None) -> bool:
    return bool(location and (location.name or location.address))


def collect(events: list[Entry], facts: list[PlaceFacts], office: Location | None) -> dict[tuple, Place]:
    """match key -> Place, for the office and every place an event names.
    A place's postcode is the latest event's that gives one."""
    found: dict[tuple, Place] = {}
    if has_page(office):
        found[match_key(office)] = Place("", office, office=True)
    for entry in sorted(events, key=lambda e: e.first_day):
        if not has_page(entry.location):
            continue
        place = found.setdefault(match_key(entry.location), Place("", entry.location))
        place.events.append(entry)
        if entry.location.postcode and not place.office:
            place.location = entry.location
    by_key = {match_key(f.location): f for f in facts}
    for key, place in found.items():
        place.facts = by_key.get(key)
    _name(found)
    return found


def _name(found: dict[tuple, Place]) -> None:
    """Slugs from the name (or address), made longer only where two places
    would share one: with the city, then the address."""

    def slug_of(place: Place, level: int) -> str:
        loc = place.location
        parts = [[place.title], [place.title, loc.address], [loc.name, loc.address, loc.city]][level]
        return slugify(" ".join(p for p in parts if p)) or "plek"

    places = sorted(found.values(), key=lambda p: match_key(p.location))
    for place in places:
        for level in range(3):
            place.slug = slug_of(place, level)
            if sum(slug_of(other, level) == place.slug for other in places) == 1:
                break
    seen: dict[str, int] = {}
    for place in places:  # still equal (case or spacing alone differs): numbered, in key order
        seen[place.slug] = seen.get(place.slug, 0) + 1
        if seen[place.slug] > 1:
            place.slug = f"{place.slug}-{seen[place.slug]}"


def of(entry: Entry, places: dict[tuple, Place]) -> Place | None:
    return places.get(match_key(entry.location)) if has_page(entry.location) else None


def map_url(location: Location) -> str:
    return f"https://www.openstreetmap.org/search?query={quote(location.query)}"


def route_url(location: Location) -> str:
    """A journey by public transport to the place, the address filled in
    (Google Maps URLs, documented: developers.google.com/maps/documentation/urls)."""
    return "https://www.google.com/maps/dir/?" + urlencode({"api": "1", "destination": location.query, "travelmode": "transit"})


def fact_lines(facts: PlaceFacts | None) -> list[dict]:
    """[{'label', 'text'}] of what the facts file says; nothing it leaves out."""
    if facts is None:
        return []
    out = []
    for key, (_, label, _) in FACTS.items():
        value = getattr(facts, key)
        if value is None or value == "":
            continue
        text = ("Ja" if value else "Nee") if isinstance(value, bool) else value
        out.append({"key": key, "label": label, "text": text})
    return out


def postal_address(location: Location) -> dict:
    """schema.org PostalAddress of what the location says (no empty parts)."""
    parts = {"streetAddress": location.address, "postalCode": location.postcode, "addressLocality": location.city, "addressCountry": "NL"}
    return {"@type": "PostalAddress", **{k: v for k, v in parts.items() if v}}


def jsonld(place: Place, url: str) -> dict:
    loc = place.location
    data = {
        "@context": "https://schema.org",
        "@type": "Place",
        "name": place.title,
        "url": url,
        "address": postal_address(loc),
        "hasMap": map_url(loc),
    }
    features = [(key, getattr(place.facts, key)) for key in ("step_free", "hearing_loop") if place.facts]
    names = {"step_free": "Drempelvrije toegang", "hearing_loop": "Ringleiding"}
    amenities = [{"@type": "LocationFeatureSpecification", "name": names[k], "value": v} for k, v in features if v is not None]
    if amenities:
        data["amenityFeature"] = amenities
    return data
