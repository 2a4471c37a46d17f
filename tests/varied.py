"""Made-up content of every ordinary kind, and the facts about it.

`write_varied(project)` writes news items (with and without `<!-- more -->`,
one of a single paragraph, with reference links and abbreviations, with an
image, a scheduled one and a draft), reports (one with a PDF attachment,
one with images, one scheduled) and events (past, today, upcoming,
cancelled, all day, over several days, online, with a report, a draft)
into a project's posts/. Images and the PDF are generated here.

Behaviour tests compare what the site shows with the facts below
(POSTS, EVENTS and the days to build on), never with the real posts/.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass

from PIL import Image, ImageDraw

# The days the varied project is built on.
TODAY = "2026-11-22"  # conftest.TODAY: an event takes place, a post and a report appear tomorrow
NEXT_DAY = "2026-11-23"
EARLY = "2024-01-01"  # before every post and event
LATE = "2031-01-01"  # after every post and event

FOLDER_CATEGORY = {"nieuws": "Nieuws", "verslagen": "Verslagen"}


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _yaml_list(items) -> str:
    return "[" + ", ".join(json.dumps(i, ensure_ascii=False) for i in items) + "]"


@dataclass(frozen=True)
class Post:
    """A news item or report."""

    file: str  # under posts/
    title: str
    date: str
    body: str
    front: str = ""  # further front matter lines
    categories: tuple[str, ...] = ()  # as written; the build adds the folder category first
    tags: tuple[str, ...] = ()
    draft: bool = False
    opening: str = ""  # text the listings show
    rest: str = ""  # text only on the post's own page ("" when there is none)
    more: bool = True  # the listings offer "Doorgaan met lezen"
    authors: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return self.file.split("/", 1)[0]

    @property
    def day(self) -> dt.date:
        return day(self.date)

    @property
    def shown_categories(self) -> list[str]:
        return [FOLDER_CATEGORY[self.kind], *self.categories]

    def public(self, today: str) -> bool:
        return not self.draft and self.day <= day(today)

    def text(self) -> str:
        lines = ["---", f"title: {json.dumps(self.title, ensure_ascii=False)}", f"date: {self.date}"]
        if self.categories:
            lines.append(f"categories: {_yaml_list(self.categories)}")
        if self.tags:
            lines.append(f"tags: {_yaml_list(self.tags)}")
        if self.authors:
            lines.append(f"authors: {_yaml_list(self.authors)}")
        if self.draft:
            lines.append("draft: true")
        lines += [line for line in self.front.splitlines() if line]
        return "\n".join(lines) + "\n---\n\n" + self.body


@dataclass(frozen=True)
class Event:
    file: str  # under posts/
    title: str
    start: str  # as the editor writes it
    end: str | None
    when: str  # the Dutch date line of its page
    offset: str | None  # UTC offset of start and end in its JSON-LD; None: all day
    body: str
    front: str = ""  # place, online, status, registration, ...
    report: str = ""  # its report, under posts/
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    status: str = "gepland"
    draft: bool = False
    city: str = ""  # addressLocality in its JSON-LD
    online: str = ""

    @property
    def first_day(self) -> dt.date:
        return day(self.start[:10])

    @property
    def last_day(self) -> dt.date:
        return day((self.end or self.start)[:10])

    @property
    def timed(self) -> bool:
        return len(self.start) > 10

    def upcoming(self, today: str) -> bool:
        return self.last_day >= day(today)

    def text(self) -> str:
        lines = ["---", f"title: {json.dumps(self.title, ensure_ascii=False)}", f"start: {self.start}"]
        if self.end:
            lines.append(f"end: {self.end}")
        if self.online:
            lines.append(f"online: {self.online}")
        if self.status != "gepland":
            lines.append(f"status: {self.status}")
        if self.categories:
            lines.append(f"categories: {_yaml_list(self.categories)}")
        if self.tags:
            lines.append(f"tags: {_yaml_list(self.tags)}")
        if self.report:
            lines.append(f"report: ../{self.report}")
        if self.draft:
            lines.append("draft: true")
        lines += [line for line in self.front.splitlines() if line]
        return "\n".join(lines) + "\n---\n\n" + self.body


# --- news -------------------------------------------------------------------------

LEERGROEP = Post(
    "nieuws/leergroep-armoede.md",
    "Werkplaats start leergroep over armoede",
    "2024-03-12",
    categories=("Wijkteams",),
    tags=("armoede", "schulden"),
    authors=("werkplaats",),
    front='description: "Een nieuwe leergroep voor professionals die werken met mensen in armoede."',
    opening="Professionals uit vier gemeenten doen mee aan de nieuwe leergroep.",
    rest="De leergroep komt vijf keer bij elkaar in het Wijkcentrum.",
    body="""Professionals uit vier gemeenten doen mee aan de nieuwe leergroep.

<!-- more -->

De leergroep komt vijf keer bij elkaar in het Wijkcentrum.

## Wie doen er mee?

Wijkteammedewerkers, schuldhulpverleners en ervaringsdeskundigen. Lees meer op [de site van het lectoraat](https://example.org/lectoraat).
""",
)

WELKOM = Post(
    "nieuws/welkom.md",
    "Welkom op onze nieuwe website",
    "2024-09-30",
    opening="Vanaf vandaag vind je al het nieuws van de Werkplaats op deze website.",
    rest="Heb je tips voor de website, laat het ons weten.",
    body="""Vanaf vandaag vind je al het nieuws van de Werkplaats op deze website.

Heb je tips voor de website, laat het ons weten.
""",
)

GEMEENTEN = Post(
    "nieuws/drie-gemeenten.md",
    "Drie gemeenten sluiten zich aan",
    "2025-01-20",  # winter time
    categories=("Formeel en informeel",),
    tags=("samenwerking",),
    authors=("werkplaats",),
    front="image: afbeeldingen/ondertekening.jpg\nimage_alt: Drie wethouders zetten hun handtekening onder de afspraken",
    opening="Hendrik-Ido-Ambacht, Papendrecht en Sliedrecht doen voortaan mee.",
    rest="Samen met de andere gemeenten werken zij aan een sterker sociaal domein.",
    body="""Hendrik-Ido-Ambacht, Papendrecht en Sliedrecht doen voortaan mee.

Samen met de andere gemeenten werken zij aan een sterker sociaal domein.

De ondertekening vond plaats in het stadhuis van Papendrecht.
""",
)

GESLOTEN = Post(  # one paragraph: nothing more to read
    "nieuws/kantoor-gesloten.md",
    "Kantoor gesloten in de meivakantie",
    "2025-04-24",
    opening="Het kantoor van de Werkplaats is in de meivakantie een week gesloten.",
    more=False,
    body="Het kantoor van de Werkplaats is in de meivakantie een week gesloten. Mail gerust: we antwoorden na de vakantie.\n",
)

MANTELZORG = Post(  # summer time; a reference link and an abbreviation defined after the cut
    "nieuws/oproep-mantelzorg.md",
    "Oproep: vertel over mantelzorg in je wijk",
    "2025-06-16",
    tags=("mantelzorg",),
    opening="We zoeken verhalen over mantelzorg voor ons",
    rest="Je verhaal blijft anoniem.",
    body="""We zoeken verhalen over mantelzorg voor ons [onderzoek][onderzoek]. Het gaat om ervaringen met de WMO in de wijk.

<!-- more -->

Je verhaal blijft anoniem.

[onderzoek]: https://example.org/onderzoek-mantelzorg "Over het onderzoek"
*[WMO]: Wet maatschappelijke ondersteuning
""",
)
MANTELZORG_LINK = ("https://example.org/onderzoek-mantelzorg", "Over het onderzoek")
MANTELZORG_ABBR = ("WMO", "Wet maatschappelijke ondersteuning")

DORDRECHT = Post(  # one paragraph and, below it, only the definition of its link
    "nieuws/contactpersoon-dordrecht.md",
    "Nieuwe contactpersoon voor Dordrecht",
    "2025-09-03",
    opening="Vanaf september is Sanne de Vries het",
    more=False,
    body="""Vanaf september is Sanne de Vries het [aanspreekpunt] voor vragen uit Dordrecht.

[aanspreekpunt]: https://example.org/dordrecht
""",
)

TERUGBLIK = Post(  # a reference definition with its title on the next line
    "nieuws/terugblik-2025.md",
    "Terugblik op een leerzaam jaar",
    "2025-12-18",
    opening="Een korte terugblik op het jaar van de",
    rest="In totaal deden honderdtwintig mensen mee.",
    body="""Een korte terugblik op het jaar van de [leergroepen][lg] en de werkconferenties.

In totaal deden honderdtwintig mensen mee.

[lg]: https://example.org/leergroepen
    "Alle leergroepen"
""",
)
TERUGBLIK_LINK = ("https://example.org/leergroepen", "Alle leergroepen")

CONGRES = Post(  # links to a report
    "nieuws/congres-sociaal-werk.md",
    "Werkplaats op het congres Sociaal Werk",
    "2026-05-11",
    categories=("Wijkteams",),
    opening="Op het congres Sociaal Werk presenteerde de Werkplaats haar leergroepen.",
    rest="De presentatie trok veel belangstelling.",
    body="""Op het congres Sociaal Werk presenteerde de Werkplaats haar leergroepen.

De presentatie trok veel belangstelling. Lees ook [het verslag van de eerste leergroep](../verslagen/leergroep-armoede-verslag.md).
""",
)

ZOMERSTOP = Post(
    "nieuws/zomerstop.md",
    "Zomerstop van de Werkplaats",
    "2026-07-06",
    opening="In juli en augustus organiseren we geen bijeenkomsten.",
    rest="Na de zomer beginnen we met een kenniscafé.",
    body="""In juli en augustus organiseren we geen bijeenkomsten.

Na de zomer beginnen we met een kenniscafé.
""",
)

NIEUWSBRIEF = Post(
    "nieuws/nieuwsbrief.md",
    "Nieuwsbrief verschijnt voortaan elke maand",
    "2026-08-24",
    opening="Vanaf september verschijnt de nieuwsbrief elke maand.",
    rest="Aanmelden kan met een e-mail aan het secretariaat.",
    body="""Vanaf september verschijnt de nieuwsbrief elke maand.

Aanmelden kan met een e-mail aan het secretariaat.
""",
)

SUBSIDIE = Post(  # links to an upcoming event
    "nieuws/subsidie-buurtinitiatieven.md",
    "Subsidie voor buurtinitiatieven",
    "2026-10-19",
    categories=("Formeel en informeel",),
    tags=("samenwerking",),
    opening="Bewonersinitiatieven kunnen dit najaar een kleine subsidie aanvragen.",
    rest="Op de studiedagen in december vertellen we er meer over.",
    body="""Bewonersinitiatieven kunnen dit najaar een kleine subsidie aanvragen.

Op de studiedagen in december vertellen we er meer over. [Bekijk de studiedagen](../agenda/studiedagen.md).
""",
)

VOORAANKONDIGING = Post(  # scheduled: appears on NEXT_DAY
    "nieuws/vooraankondiging-2027.md",
    "Vooraankondiging: werkconferentie 2027",
    "2026-11-23",
    opening="Noteer alvast: in het voorjaar van 2027 houden we weer een werkconferentie.",
    rest="Het programma volgt na de jaarwisseling.",
    body="""Noteer alvast: in het voorjaar van 2027 houden we weer een werkconferentie.

Het programma volgt na de jaarwisseling.
""",
)

JAARPLAN = Post(  # a draft: never on the site
    "nieuws/jaarplan-concept.md",
    "Concept: jaarplan 2027",
    "2026-10-01",
    draft=True,
    opening="Dit concept van het jaarplan is nog niet klaar voor publicatie.",
    body="Dit concept van het jaarplan is nog niet klaar voor publicatie.\n\nDe cijfers volgen.\n",
)

# --- reports ---------------------------------------------------------------------

PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)
PDF_FILE = "verslagen/bijlagen/leergroep-armoede-2026.pdf"
PDF_TITLE = "Verslag leergroep armoede (pdf)"

VERSLAG_LEERGROEP = Post(  # with a PDF attachment
    "verslagen/leergroep-armoede-verslag.md",
    "Verslag: eerste bijeenkomst leergroep armoede",
    "2026-03-02",
    categories=("Wijkteams",),
    tags=("armoede",),
    authors=("werkplaats",),
    front=f'attachments:\n  - title: "{PDF_TITLE}"\n    file: bijlagen/leergroep-armoede-2026.pdf',
    opening="Twintig deelnemers bespraken hoe je schulden vroeg herkent.",
    rest="Het volledige verslag staat in de bijlage.",
    body="""Twintig deelnemers bespraken hoe je schulden vroeg herkent.

Het volledige verslag staat in de bijlage.
""",
)

VERSLAG_WIJKAVOND = Post(  # with an image and an image in the text
    "verslagen/wijkavond-zwijndrecht.md",
    "Verslag van de wijkavond in Zwijndrecht",
    "2026-10-05",
    categories=("Netwerkbijeenkomst",),
    front="image: afbeeldingen/wijkavond.png\nimage_alt: Bewoners en wijkteam aan lange tafels",
    opening="Ruim veertig bewoners kwamen naar de wijkavond.",
    rest="Op de flip-over verzamelden we de ideeën van de avond.",
    body="""Ruim veertig bewoners kwamen naar de wijkavond.

Op de flip-over verzamelden we de ideeën van de avond.

![Een flip-over vol ideeën van bewoners](afbeeldingen/flip-over.png)
""",
)
INLINE_IMAGE_ALT = "Een flip-over vol ideeën van bewoners"

VERSLAG_KENNISCAFE = Post(  # scheduled: appears on NEXT_DAY, after its event
    "verslagen/kenniscafe-eenzaamheid.md",
    "Verslag van het kenniscafé over eenzaamheid",
    "2026-11-23",
    categories=("Kenniscafé",),
    opening="Over eenzaamheid onder jongeren wisten de deelnemers veel te vertellen.",
    rest="Volgend jaar komt er een vervolg.",
    body="""Over eenzaamheid onder jongeren wisten de deelnemers veel te vertellen.

Volgend jaar komt er een vervolg.
""",
)

POSTS = [
    LEERGROEP,
    WELKOM,
    GEMEENTEN,
    GESLOTEN,
    MANTELZORG,
    DORDRECHT,
    TERUGBLIK,
    CONGRES,
    ZOMERSTOP,
    NIEUWSBRIEF,
    SUBSIDIE,
    VOORAANKONDIGING,
    JAARPLAN,
    VERSLAG_LEERGROEP,
    VERSLAG_WIJKAVOND,
    VERSLAG_KENNISCAFE,
]

# --- events -----------------------------------------------------------------------

ROTTERDAM = """location:
  name: "Hogeschool Rotterdam"
  address: "Museumpark 40"
  postcode: "3015 CX"
  city: "Rotterdam"
"""

START = Event(
    "agenda/startbijeenkomst.md",
    "Startbijeenkomst van het netwerk",
    "2025-10-09 14:00",
    "2025-10-09 17:00",
    when="donderdag 9 oktober 2025, 14:00–17:00",
    offset="+02:00",
    city="Dordrecht",
    categories=("Netwerkbijeenkomst",),
    front='location:\n  name: "Stadskantoor"\n  address: "Spuiboulevard 300"\n  postcode: "3311 GR"\n  city: "Dordrecht"',
    body="De eerste bijeenkomst van het nieuwe netwerk.\n",
)

LEERGROEP_1 = Event(  # winter time, with a published report
    "agenda/leergroep-armoede-1.md",
    "Leergroep armoede: eerste bijeenkomst",
    "2026-02-24 13:30",
    "2026-02-24 16:00",
    when="dinsdag 24 februari 2026, 13:30–16:00",
    offset="+01:00",
    city="Rotterdam",
    categories=("Wijkteams",),
    tags=("armoede",),
    report=VERSLAG_LEERGROEP.file,
    front=ROTTERDAM,
    body="De eerste van vijf bijeenkomsten van de leergroep over armoede.\n",
)

WIJKAVOND = Event(  # summer time, with a published report
    "agenda/wijkavond-zwijndrecht.md",
    "Wijkavond in Zwijndrecht",
    "2026-09-29 19:00",
    "2026-09-29 21:00",
    when="dinsdag 29 september 2026, 19:00–21:00",
    offset="+02:00",
    city="Zwijndrecht",
    categories=("Netwerkbijeenkomst",),
    report=VERSLAG_WIJKAVOND.file,
    front='location:\n  name: "Buurthuis De Brug"\n  address: "Kerkweg 12"\n  postcode: "3331 AA"\n  city: "Zwijndrecht"',
    body="Bewoners en het wijkteam praten over wat de wijk nodig heeft.\n",
)

KENNISCAFE = Event(  # its report appears later (NEXT_DAY)
    "agenda/kenniscafe-eenzaamheid.md",
    "Kenniscafé over eenzaamheid",
    "2026-11-12 19:30",
    "2026-11-12 21:30",
    when="donderdag 12 november 2026, 19:30–21:30",
    offset="+01:00",
    city="Rotterdam",
    categories=("Kenniscafé",),
    tags=("eenzaamheid",),
    report=VERSLAG_KENNISCAFE.file,
    front=ROTTERDAM,
    body="Een avond over eenzaamheid onder jongeren.\n",
)

OPEN_DAG = Event(  # on TODAY, all day
    "agenda/open-dag.md",
    "Open dag van de Werkplaats",
    "2026-11-22",
    None,
    when="zondag 22 november 2026",
    offset=None,
    front="location: Rotterdam",
    body="Loop binnen en maak kennis met de Werkplaats. Vragen? [Neem contact op](../../docs/contact.md).\n",
)

WERKBEZOEK = Event(  # cancelled
    "agenda/werkbezoek-gorinchem.md",
    "Werkbezoek aan Gorinchem",
    "2026-12-08 10:00",
    "2026-12-08 12:00",
    when="dinsdag 8 december 2026, 10:00–12:00",
    offset="+01:00",
    status="geannuleerd",
    city="Gorinchem",
    front='location:\n  name: "Gemeentehuis"\n  city: "Gorinchem"\nregistration: info@werkplaatssociaaldomeinzhz.nl',
    body="Dit werkbezoek gaat helaas niet door.\n",
)

STUDIEDAGEN = Event(  # all day, three days
    "agenda/studiedagen.md",
    "Studiedagen sociaal werk",
    "2026-12-14",
    "2026-12-16",
    when="maandag 14 december 2026 t/m woensdag 16 december 2026",
    offset=None,
    city="Rotterdam",
    categories=("Werkconferentie",),
    tags=("samenwerking",),
    front=ROTTERDAM + "registration: https://example.org/aanmelden",
    body="Drie dagen over samenwerking tussen formele en informele zorg.\n",
)

WEBINAR = Event(  # online only
    "agenda/webinar-wmo.md",
    "Webinar over de Wmo",
    "2027-01-19 16:00",
    "2027-01-19 17:00",
    when="dinsdag 19 januari 2027, 16:00–17:00",
    offset="+01:00",
    online="https://example.org/webinar",
    categories=("Kenniscafé",),
    body="Een uur over de Wmo, online te volgen.\n",
)

TWEEDAAGSE = Event(  # over two days, with times, just after the clocks went forward
    "agenda/tweedaagse-gespreksvoering.md",
    "Tweedaagse training gespreksvoering",
    "2027-03-30 09:00",
    "2027-03-31 16:00",
    when="dinsdag 30 maart 2027, 09:00 tot woensdag 31 maart 2027, 16:00",
    offset="+02:00",
    city="Rotterdam",
    categories=("Wijkteams",),
    front=ROTTERDAM,
    body="Twee dagen oefenen met lastige gesprekken.\n",
)

TEAMDAG = Event(  # a draft: never on the site
    "agenda/teamdag-concept.md",
    "Conceptactiviteit: teamdag",
    "2026-12-01 10:00",
    None,
    when="",
    offset=None,
    draft=True,
    front="location: Rotterdam",
    body="Nog niet bevestigd.\n",
)

EVENTS = [START, LEERGROEP_1, WIJKAVOND, KENNISCAFE, OPEN_DAG, WERKBEZOEK, STUDIEDAGEN, WEBINAR, TWEEDAAGSE, TEAMDAG]
PUBLIC_EVENTS = [e for e in EVENTS if not e.draft]

# --- what the site shows, from the facts above ---------------------------------------


def public_posts(today: str) -> list[Post]:
    """Published news items and reports, newest first."""
    return sorted((p for p in POSTS if p.public(today)), key=lambda p: p.day, reverse=True)


def upcoming(today: str) -> list[Event]:
    """Soonest first (no two fixture events start at the same moment)."""
    return sorted((e for e in PUBLIC_EVENTS if e.upcoming(today)), key=lambda e: e.start)


def past(today: str) -> list[Event]:
    return sorted((e for e in PUBLIC_EVENTS if not e.upcoming(today)), key=lambda e: e.start, reverse=True)


# --- files ------------------------------------------------------------------------


def _jpeg() -> bytes:
    image = Image.new("RGB", (1200, 800), (32, 96, 160))
    ImageDraw.Draw(image).rectangle((300, 200, 900, 600), fill=(240, 200, 40))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def _png(size: tuple[int, int], colour: tuple[int, int, int]) -> bytes:
    image = Image.new("RGB", size, colour)
    ImageDraw.Draw(image).ellipse((10, 10, size[0] - 10, size[1] - 10), fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def write_varied(project) -> None:
    """Write the varied content into project's posts/ (project.write(rel, text_or_bytes))."""
    project.write("nieuws/afbeeldingen/ondertekening.jpg", _jpeg())
    project.write("verslagen/afbeeldingen/wijkavond.png", _png((480, 320), (200, 60, 60)))
    project.write("verslagen/afbeeldingen/flip-over.png", _png((300, 400), (60, 140, 80)))
    project.write(PDF_FILE, PDF)
    for item in [*POSTS, *EVENTS]:
        project.write(item.file, item.text())
