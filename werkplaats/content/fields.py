"""The front-matter keys per kind: the editors' interface. Each key has its
parser (werkplaats.content.values, and werkplaats.content.series for the
dates of a series), whether it is required, and the CMS's label and hint.
The content model (werkplaats.content.model), the CMS
(werkplaats.editing.cms) and the JSON Schema (werkplaats.content.schema) are
all generated from this one table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .entries import DEFAULT_STATUS, EVENT_STATUSES
from .series import parse_cancelled, parse_dates, parse_moved, parse_repeat
from .values import (
    TITLE_MAX,
    Context,
    parse_aliases,
    parse_attachments,
    parse_authors,
    parse_bool,
    parse_categories,
    parse_date,
    parse_end,
    parse_image,
    parse_location,
    parse_moment,
    parse_one_line,
    parse_report,
    parse_slug,
    parse_status,
    parse_text_list,
    parse_title,
    parse_url,
    parse_url_or_email,
)

# --------------------------------------------------------------------------
# The fields per kind: the editors' interface. Order is the order of the
# editor's guide and of the scaffolding templates.


@dataclass(frozen=True)
class Field:
    parse: Callable[[Any, Context], Any]
    help: str  # Dutch, shown in the JSON Schema and the guide
    example: Any
    required: bool = False
    label: str = ""  # Dutch name of the key, for forms and the JSON Schema's title
    # The hint in the CMS's form, where `help` speaks of the file (YAML lists,
    # true/false, paths) and a form shows widgets instead; else `help`.
    form_help: str = ""
    # When a key that is not always required is required after all, in one
    # Dutch sentence for the form: the CMS marks the field "(optioneel)",
    # and its hint begins with this (tests/test_cms.py finds every such key
    # by the model's own refusals).
    required_when: str = ""

    @property
    def form_hint(self) -> str:
        return " ".join(part for part in (self.required_when, self.form_help or self.help) if part)


COMMON = {
    "title": Field(parse_title, "Titel van het bericht of de activiteit.", "Kenniscafé over samenspel", True, label="Titel"),
    "description": Field(
        parse_one_line,
        "Korte samenvatting van één zin, voor overzichten, zoekmachines en de feed.",
        "Bewoners en professionals zoeken samen naar oplossingen.",
        label="Samenvatting",
    ),
    "categories": Field(
        parse_categories,
        "Categorieën uit de vaste lijst in mkdocs.yml: een lijst, of één categorie als tekst.",
        ["Kenniscafé"],
        form_help="Kies een of meer categorieën. Nieuws of Verslagen komt er vanzelf bij.",
        label="Categorieën",
    ),
    "tags": Field(
        parse_text_list,
        "Trefwoorden, vrij te kiezen: een lijst, of één trefwoord als tekst.",
        ["wijkteams", "mantelzorg"],
        form_help="Vrij te kiezen, gescheiden door komma's.",
        label="Trefwoorden",
    ),
    "image": Field(
        parse_image,
        "Afbeelding, pad vanaf dit bestand.",
        "afbeeldingen/kenniscafe.jpg",
        form_help="Een foto of afbeelding; de site maakt er zelf kleinere versies van.",
        label="Afbeelding",
        required_when="Verplicht als er een beschrijving van de afbeelding is.",
    ),
    "image_alt": Field(
        parse_one_line,
        "Beschrijving van de afbeelding voor wie haar niet ziet (verplicht bij image).",
        "Deelnemers in gesprek aan een lange tafel",
        form_help="Wat staat erop, voor wie haar niet ziet? Eén zin is genoeg.",
        label="Beschrijving van de afbeelding",
        required_when="Verplicht zodra er een afbeelding is.",
    ),
    "draft": Field(
        parse_bool,
        "true (of ja) = concept: niet op de site, wel in make serve.",
        True,
        form_help="Aan: concept, nog niet op de site (wel in de voorvertoning).",
        label="Concept",
    ),
    "slug": Field(
        parse_slug,
        "Eigen laatste deel van het webadres (anders gemaakt van de titel).",
        "kenniscafe-oktober",
        label="Eigen webadres (slug)",
        required_when=f"Verplicht als de titel geen letters of cijfers heeft, of een webadres van meer dan {TITLE_MAX} tekens zou geven.",
    ),
}

_ALIASES_FORM = "Alleen nodig als het webadres verandert: het oude adres, bijvoorbeeld nieuws/2026/11/20/oude-titel/."
_ALIASES_HELP = "Oude webadressen van deze pagina (na een nieuwe datum, titel of slug): bezoekers daar gaan door naar het nieuwe adres."

POST_FIELDS = {
    "title": COMMON["title"],
    "date": Field(
        parse_date,
        "Publicatiedatum, JJJJ-MM-DD. Een datum in de toekomst verschijnt op die dag.",
        "2018-10-30",
        True,
        form_help="Een datum in de toekomst: het bericht verschijnt op die dag.",
        label="Publicatiedatum",
    ),
    **{key: COMMON[key] for key in ("description", "categories", "tags")},
    "authors": Field(
        parse_authors, "Auteurs, ids uit docs/nieuws/.authors.yml.", ["werkplaats"], form_help="Kies wie het schreef.", label="Auteurs"
    ),
    **{key: COMMON[key] for key in ("image", "image_alt")},
    "attachments": Field(
        parse_attachments,
        "Bijlagen (bijvoorbeeld pdf), elk met title en file.",
        [{"title": "Verslag (pdf)", "file": "bijlagen/verslag.pdf"}],
        form_help="Bijvoorbeeld een pdf, elk met een titel.",
        label="Bijlagen",
    ),
    **{key: COMMON[key] for key in ("draft", "slug")},
    "aliases": Field(parse_aliases, _ALIASES_HELP, ["nieuws/2026/11/20/oude-titel/"], form_help=_ALIASES_FORM, label="Oude webadressen"),
}

EVENT_FIELDS = {
    "title": COMMON["title"],
    "start": Field(
        parse_moment,
        "Begin: JJJJ-MM-DD UU:MM (Nederlandse tijd) of JJJJ-MM-DD voor een hele dag.",
        "2018-10-18 19:00",
        True,
        form_help="Datum en begintijd, Nederlandse tijd.",
        label="Begin",
    ),
    "end": Field(
        parse_end,
        "Einde, in dezelfde vorm als start, of alleen UU:MM op de dag van start; niet voor start.",
        "2018-10-18 21:30",
        form_help="Datum en eindtijd, niet voor het begin; leeg laten als het einde niet bekend is.",
        label="Einde",
    ),
    "location": Field(
        parse_location,
        "Plaats: name, address, postcode, city (of alleen een naam). Verplicht bij een activiteit die nog komt (minstens name of address), behalve bij online; bij een activiteit die voorbij is mag de plek onbekend zijn of alleen city.",
        {"name": "Hogeschool Inholland", "address": "Posthumalaan", "city": "Rotterdam"},
        form_help="Minstens de naam of het adres, met postcode en plaats als die bekend zijn. Bij een activiteit die al voorbij is en waarvan de plek onbekend is, laat je dit leeg.",
        label="Plaats",
        required_when="Verplicht bij een activiteit die nog komt, tenzij er een online-link is (Online bijeenkomst).",
    ),
    "online": Field(
        parse_url,
        "Webadres van de online bijeenkomst.",
        "https://example.org/meeting",
        label="Online bijeenkomst",
        required_when="Verplicht bij een activiteit die nog komt en geen plaats heeft.",
    ),
    "registration": Field(
        parse_url_or_email, "Aanmelden: webadres of e-mailadres.", "info@werkplaatssociaaldomeinzhz.nl", label="Aanmelden"
    ),
    "status": Field(
        parse_status,
        f"Status: {', '.join(EVENT_STATUSES)} (standaard {DEFAULT_STATUS}).",
        DEFAULT_STATUS,
        form_help="Alleen wijzigen als de activiteit niet doorgaat zoals gepland.",
        label="Status",
    ),
    **{key: COMMON[key] for key in ("description", "categories", "tags", "image", "image_alt")},
    "report": Field(
        parse_report,
        "Verslag van deze activiteit: pad naar een bestand in posts/verslagen/.",
        "../verslagen/kenniscafe-oktober-2018.md",
        form_help="Kies het verslag van deze activiteit, zodra dat er is.",
        label="Verslag",
    ),
    "repeat": Field(
        parse_repeat,
        "Herhaling van een reeks: elke week, elke 2 weken, 2e donderdag van de maand, laatste vrijdag van de maand. Met until.",
        "elke week",
        form_help="Alleen voor een reeks: bijvoorbeeld elke week, elke 2 weken of 2e donderdag van de maand. Begin is de eerste datum; vul ook Herhalen tot in.",
        label="Herhalen",
    ),
    "until": Field(
        parse_date,
        "Laatste dag waarop repeat nog een datum geeft: JJJJ-MM-DD.",
        "2027-06-10",
        form_help="De laatste dag waarop de herhaling nog een datum geeft.",
        label="Herhalen tot",
    ),
    "dates": Field(
        parse_dates,
        "Data van een reeks naast (of in plaats van) repeat: JJJJ-MM-DD krijgt de tijd van start, JJJJ-MM-DD UU:MM een eigen tijd.",
        ["2027-07-01"],
        form_help="Losse data van de reeks, naast of in plaats van de herhaling. Zonder tijd geldt de tijd van Begin.",
        label="Extra data",
    ),
    "cancelled": Field(
        parse_cancelled,
        "Data van de reeks die niet doorgaan: JJJJ-MM-DD.",
        ["2027-03-11"],
        form_help="Data van de reeks die niet doorgaan; de andere blijven zoals ze zijn.",
        label="Gaat niet door op",
    ),
    "moved": Field(
        parse_moved,
        "Verplaatste data van de reeks: from (de datum van de reeks) en to (de nieuwe datum, eventueel met tijd).",
        [{"from": "2027-04-08", "to": "2027-04-15 19:30"}],
        form_help="Een datum van de reeks die naar een andere dag of tijd gaat; de andere blijven zoals ze zijn.",
        label="Verplaatst",
    ),
    **{key: COMMON[key] for key in ("draft", "slug")},
    "aliases": Field(parse_aliases, _ALIASES_HELP, ["agenda/2026/11/20/oude-titel/"], form_help=_ALIASES_FORM, label="Oude webadressen"),
}


# A report names its event nowhere: the event names its report.
REPORT_IN_POST = {
    "verslagen": "report: hoort niet in het verslag maar in het bestand van de activiteit in posts/agenda/: "
    "haal deze regel hier weg en zet daar report: ../verslagen/{name}",
    "nieuws": "report: hoort in het bestand van een activiteit in posts/agenda/ en wijst daar naar haar verslag "
    "in posts/verslagen/: haal deze regel hier weg",
}

# Keys of the other kind, which editors copy from one file to another.
KIND_HINTS = {
    (True, "date"): " (een activiteit heeft start: in plaats van date:)",
    (False, "start"): " (een bericht heeft date: in plaats van start:; activiteiten horen in posts/agenda/)",
}

# Dutch words editors type for a key, where spelling alone does not lead
# to it (werkplaats.content.values.hint finds "titel" -> "title" by itself).
DUTCH_KEYS = {
    "tot": "until",
    "t/m": "until",
    "herhaal": "repeat",
    "herhalen": "repeat",
    "herhaling": "repeat",
    "data": "dates",
    "datums": "dates",
    "geannuleerd": "cancelled",
    "afgelast": "cancelled",
    "verplaatst": "moved",
    "begin": "start",
    "eind": "end",
    "einde": "end",
    "plaats": "location",
    "adres": "location",
    "waar": "location",
    "trefwoorden": "tags",
    "categorie": "categories",
    "categorieën": "categories",
    "soort": "categories",
    "afbeelding": "image",
    "foto": "image",
    "samenvatting": "description",
    "omschrijving": "description",
    "beschrijving": "description",
    "aanmelden": "registration",
    "aanmelding": "registration",
    "inschrijven": "registration",
    "verslag": "report",
    "concept": "draft",
    "auteur": "authors",
    "auteurs": "authors",
    "bijlage": "attachments",
    "bijlagen": "attachments",
}


def dutch_hint(key, spec) -> str:
    """' (bedoel je "until"?)' for a Dutch word this kind has a key for."""
    target = DUTCH_KEYS.get(str(key).strip().lower())
    return f' (bedoel je "{target}"?)' if target in spec else ""


LIST_PARSERS = (parse_text_list, parse_categories, parse_authors)
FREE_TEXT_PARSERS = (parse_title, parse_one_line, *LIST_PARSERS, parse_location, parse_attachments)


SERIES_KEYS = ("repeat", "until", "dates", "cancelled", "moved")


def fields_for(kind: str) -> dict[str, Field]:
    return EVENT_FIELDS if kind == "agenda" else POST_FIELDS
