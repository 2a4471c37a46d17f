"""Content written for the Dutch search, and what a visitor must find in it.

A fixture project (never the real posts/) of news items, reports and events
in plain Dutch about the social domain, with the Dutch query set as
data. Used by tests/test_search_dutch.py (typed into the site's own box in
Chromium) and tools/search_quality.py (the approaches side by side).

- PAGES: page address (site-relative, as the build publishes it) -> (file
  under posts/, its text). Built with SITE_TODAY = conftest.TODAY.
- MUST_FIND: queries with the fixture pages they must find. Precision counts
  every other fixture page found as a false hit, except the pages in `also`
  (found or not, they are not wrong: an event that links to its report says
  "Lees het verslag"). The site's fixed pages (over, contact, privacy, ...)
  come from docs/ and change with the site: they are not judged here.
- MUST_NOT: words the site does not have; they must find nothing at all,
  fixed pages included. Most start with a shorter word the site does have
  (jeuk: "je", gemeenteraad: "gemeente"), where Pagefind falls back to that
  shorter word.
- SUGGEST: typo -> the site words an acceptable suggestion is one of.
- RANKING: (query, pages that rank first, pages that rank after them).
- ask_box / ask_raw: how a query is put to a built site in Chromium, through
  the site's own box or straight to Pagefind.

`held_out=True` marks queries written with the rest, before any approach was
measured on them, and never used to tune one: handbook/search.md reports them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

# --- news (posts/nieuws) ---------------------------------------------------------

N_JEUGDHULP = "nieuws/2024/02/14/jeugdhulp-dichtbij-in-gorinchem/"
N_MANTELZORG = "nieuws/2024/05/21/mantelzorgers-in-dordrecht-krijgen-een-eigen-steunpunt/"
N_ADEM = "nieuws/2023/03/08/even-op-adem-komen/"  # says mantelzorg only, never mantelzorger(s)
N_VERZEKERAARS = "nieuws/2024/09/10/afspraken-met-zorgverzekeraars-over-betalingsachterstanden/"
N_KENNISCAFES = "nieuws/2024/12/02/vier-kenniscafes-in-2025/"
N_TERUGBLIK = "nieuws/2025/01/08/terugblik-op-2024/"
N_CORPORATIES = "nieuws/2025/01/15/woningcorporaties-luisteren-naar-huurders/"
N_BUURTWERKPLAATS = "nieuws/2025/03/04/buurtwerkplaats-in-zwijndrecht-zoekt-vrijwilligers/"
N_GEMEEN = "nieuws/2025/04/09/een-smalle-stoep-en-gemene-bochten/"
N_FOTOS = "nieuws/2025/06/12/foto-s-van-de-bewonersavond-in-alblasserdam/"
N_ARMOEDEBELEID = "nieuws/2025/09/15/nieuw-armoedebeleid-in-zuid-holland/"
N_WIJKTEAM = "nieuws/2025/11/03/wijkteam-papendrecht-stelt-zich-voor/"
N_HUIS = "nieuws/2026/01/13/een-huis-voor-jongeren-die-op-zichzelf-gaan-wonen/"
N_HUISJE = "nieuws/2026/02/09/het-groene-huisje-in-het-park-is-weer-open/"
N_EENZAAMHEID = "nieuws/2026/03/17/eenzaamheid-onder-ouderen-bespreekbaar-maken/"
N_IDEEEN = "nieuws/2026/04/22/ideeen-gezocht-voor-het-buurtfeest/"

# --- reports (posts/verslagen; the blog publishes them under nieuws/) ---------------

V_NETWERK = "nieuws/2024/11/20/verslag-van-de-netwerkbijeenkomst-over-mantelzorg/"
V_KENNISCAFE = "nieuws/2025/02/20/verslag-kenniscafe-over-schulden-bij-jongeren/"
V_WIJKAVOND = "nieuws/2025/10/02/verslag-van-de-wijkavond-in-dordrecht/"
V_WERKCONFERENTIE = "nieuws/2026/06/30/verslag-werkconferentie-over-samenwerken-in-de-wijk/"
V_ONDERWIJS = "nieuws/2026/09/24/verslag-jeugdhulp-en-onderwijs-aan-tafel/"

# --- events (posts/agenda) ---------------------------------------------------------

E_NETWERK = "agenda/2024/11/12/netwerkbijeenkomst-mantelzorg/"
E_KENNISCAFE = "agenda/2025/02/13/kenniscafe-over-schulden-bij-jongeren/"
E_WIJKAVOND = "agenda/2025/09/25/wijkavond-in-dordrecht/"
E_TRAINING = "agenda/2026/12/10/training-voor-vrijwilligers-het-goede-gesprek/"

REPORTS = {V_NETWERK, V_KENNISCAFE, V_WIJKAVOND, V_WERKCONFERENTIE, V_ONDERWIJS}
# Events that link to their report: their page says "Lees het verslag: ...".
EVENTS_WITH_REPORT = {E_NETWERK, E_KENNISCAFE, E_WIJKAVOND}

PAGES: dict[str, tuple[str, str]] = {
    N_ADEM: (
        "nieuws/even-op-adem-komen.md",
        """---
title: Even op adem komen
date: 2023-03-08
---

Een dag vervangende mantelzorg in Hendrik-Ido-Ambacht, zodat wie thuis zorgt ook eens vrij is.
""",
    ),
    N_JEUGDHULP: (
        "nieuws/jeugdhulp-gorinchem.md",
        """---
title: Jeugdhulp dichtbij in Gorinchem
date: 2024-02-14
---

Gezinnen in Gorinchem kunnen voortaan met vragen over jeugdhulp terecht bij het wmo-loket in het stadskantoor.
Daar zit elke week een jeugdconsulent klaar.

Wethouder Joost van Leeuwen: "Hulp hoort dichtbij te zijn, niet aan de andere kant van de stad."
""",
    ),
    N_MANTELZORG: (
        "nieuws/steunpunt-mantelzorg.md",
        """---
title: Mantelzorgers in Dordrecht krijgen een eigen steunpunt
date: 2024-05-21
---

Wie zorgt voor een zieke partner, ouder of kind, kan voortaan terecht bij het nieuwe steunpunt in het centrum.
Mantelzorgers krijgen daar advies, een luisterend oor en hulp bij het aanvragen van respijtzorg.

Coördinator Yasmina Ouali: "Veel mantelzorgers zien zichzelf niet als mantelzorger."
""",
    ),
    N_VERZEKERAARS: (
        "nieuws/zorgverzekeraars.md",
        """---
title: Afspraken met zorgverzekeraars over betalingsachterstanden
date: 2024-09-10
---

Drie zorgverzekeraars en de gemeenten in de regio spreken af dat een achterstand in de premie sneller wordt gemeld.
Zo kan de schuldhulpverlening eerder beginnen, voordat de schulden oplopen.

Wie een betalingsregeling treft, blijft gewoon verzekerd.
""",
    ),
    N_KENNISCAFES: (
        "nieuws/kenniscafes-2025.md",
        """---
title: Vier kenniscafés in 2025
date: 2024-12-02
categories: [Kenniscafé]
---

Ook volgend jaar organiseert de Werkplaats vier kenniscafés, steeds in een andere gemeente.
De cafés zijn gratis. Je hoeft je niet vooraf op te geven: loop binnen en schuif aan.
""",
    ),
    N_TERUGBLIK: (
        "nieuws/terugblik.md",
        """---
title: Terugblik op 2024
date: 2025-01-08
---

Het jaar 2024 stond in het teken van samenwerken.
We hielden twaalf bijeenkomsten, gaven zes trainingen en verwelkomden twee nieuwe gemeenten.
""",
    ),
    N_CORPORATIES: (
        "nieuws/woningcorporaties.md",
        """---
title: Woningcorporaties luisteren naar huurders
date: 2025-01-15
---

In Papendrecht en Sliedrecht praten twee woningcorporaties elke maand met een groep huurders.
Ze bespreken vocht in de woning, hoge energiekosten en hoe je eerder hulp vraagt bij een huurachterstand.
""",
    ),
    N_BUURTWERKPLAATS: (
        "nieuws/buurtwerkplaats.md",
        """---
title: Buurtwerkplaats in Zwijndrecht zoekt vrijwilligers
date: 2025-03-04
---

In de buurtwerkplaats aan de haven repareren buurtbewoners samen fietsen, stoelen en lampen.
Er is plek voor meer vrijwilligers, ook als je niet handig bent: iemand moet de koffie zetten en de bezoekers ontvangen.
""",
    ),
    N_GEMEEN: (
        "nieuws/smalle-stoep.md",
        """---
title: Een smalle stoep en gemene bochten
date: 2025-04-09
---

Bewoners van de Merwedewijk menen dat de stoep te smal is en dat de bochten gemeen scherp zijn.
Ze mogen een tekening meenemen naar het volgende overleg.
""",
    ),
    N_FOTOS: (
        "nieuws/fotos-bewonersavond.md",
        """---
title: Foto's van de bewonersavond in Alblasserdam
date: 2025-06-12
---

Op de bewonersavond vertelden inwoners wat hun wijk nodig heeft.
Bekijk de foto's en lees welke financiële vragen het vaakst terugkwamen.
""",
    ),
    N_ARMOEDEBELEID: (
        "nieuws/armoedebeleid.md",
        """---
title: Nieuw armoedebeleid in Zuid-Holland
date: 2025-09-15
---

De provincie Zuid-Holland trekt extra geld uit voor armoedebeleid.
Gemeenten die samenwerken met dokters, scholen en vrijwilligerswerk krijgen voorrang.

Er komt ook een financiele bijdrage voor kinderen in gezinnen met weinig geld.
""",
    ),
    N_WIJKTEAM: (
        "nieuws/wijkteam-papendrecht.md",
        """---
title: Wijkteam Papendrecht stelt zich voor
date: 2025-11-03
---

Het wijkteam van Papendrecht is er voor vragen over geld, zorg, wonen en opvoeden.
De medewerkers komen ook bij je thuis. De samenwerking met de scholen in de wijk loopt goed.
""",
    ),
    N_HUIS: (
        "nieuws/huis-voor-jongeren.md",
        """---
title: Een huis voor jongeren die op zichzelf gaan wonen
date: 2026-01-13
---

In Sliedrecht opent een huis waar zes jongeren leren zelfstandig te wonen.
Een begeleider helpt met koken, post en geldzaken. In de huizen ernaast wonen ouderen, die graag een handje helpen.
""",
    ),
    N_HUISJE: (
        "nieuws/groene-huisje.md",
        """---
title: Het groene huisje in het park is weer open
date: 2026-02-09
---

Het kleine huisje bij de speeltuin is opgeknapt door een groepje vrijwilligers van de buurtwerkplaats.
Kinderen uit de buurt kunnen er nu knutselen en boekjes lezen. Hun ouders drinken intussen een kopje thee.
""",
    ),
    N_EENZAAMHEID: (
        "nieuws/eenzaamheid.md",
        """---
title: Eenzaamheid onder ouderen bespreekbaar maken
date: 2026-03-17
---

Veel ouderen voelen zich alleen, maar praten er niet over.
Een nieuwe training helpt vrijwilligers om het gesprek te beginnen. De eerste training is in Dordrecht.
""",
    ),
    N_IDEEEN: (
        "nieuws/buurtfeest.md",
        """---
title: Ideeën gezocht voor het buurtfeest
date: 2026-04-22
---

Heb je een idee voor het buurtfeest in september? Denk aan muziek, een markt of iets tegen eenzaamheid.
Mail je ideeën naar de organisatie.
""",
    ),
    V_NETWERK: (
        "verslagen/netwerkbijeenkomst-mantelzorg.md",
        """---
title: Verslag van de netwerkbijeenkomst over mantelzorg
date: 2024-11-20
categories: [Netwerkbijeenkomst]
---

Professionals uit zes gemeenten wisselden ervaringen uit over de ondersteuning van mantelzorgers.
Een wens die vaak terugkwam: één loket voor alle vragen.
""",
    ),
    V_KENNISCAFE: (
        "verslagen/kenniscafe-schulden.md",
        """---
title: "Verslag: kenniscafé over schulden bij jongeren"
date: 2025-02-20
categories: [Kenniscafé]
---

Twintig jongeren en hulpverleners praatten in Gorinchem over schulden. Veel jongeren vragen pas laat om hulp.

Een tip uit de zaal: maak de brieven van instanties eenvoudiger.
""",
    ),
    V_WIJKAVOND: (
        "verslagen/wijkavond-dordrecht.md",
        """---
title: Verslag van de wijkavond in Dordrecht
date: 2025-10-02
---

Ruim dertig bewoners kwamen naar het wijkcentrum. Ze deelden ideeen over groen in de straat en een ontmoetingsplek voor jongeren.

Opbouwwerker Sanne Verbeek vatte de avond samen.
""",
    ),
    V_WERKCONFERENTIE: (
        "verslagen/werkconferentie.md",
        """---
title: "Verslag: werkconferentie over samenwerken in de wijk"
date: 2026-06-30
categories: [Werkconferentie]
---

Tachtig deelnemers uit wijkteams, welzijn en de gemeente Gorinchem bogen zich een middag over vier vragen.
De coordinator van het wijkteam Gorinchem schreef de uitkomsten op.
""",
    ),
    V_ONDERWIJS: (
        "verslagen/jeugdhulp-onderwijs.md",
        """---
title: "Verslag: jeugdhulp en onderwijs aan tafel"
date: 2026-09-24
---

Leraren en jeugdhulpverleners zochten samen naar manieren om kinderen eerder te helpen.
Een kindje met een groot probleem valt in een klas van dertig snel weg.
""",
    ),
    E_NETWERK: (
        "agenda/netwerkbijeenkomst-mantelzorg.md",
        """---
title: Netwerkbijeenkomst mantelzorg
start: 2024-11-12 14:00
end: 2024-11-12 16:30
location:
  name: Stadskantoor
  city: Papendrecht
categories: [Netwerkbijeenkomst]
report: ../verslagen/netwerkbijeenkomst-mantelzorg.md
---

Een middag voor professionals die mantelzorgers ondersteunen.
""",
    ),
    E_KENNISCAFE: (
        "agenda/kenniscafe-schulden.md",
        """---
title: Kenniscafé over schulden bij jongeren
start: 2025-02-13 19:30
end: 2025-02-13 21:30
location:
  city: Gorinchem
categories: [Kenniscafé]
report: ../verslagen/kenniscafe-schulden.md
---

Een avond over jongeren met geldzorgen.
""",
    ),
    E_WIJKAVOND: (
        "agenda/wijkavond-dordrecht.md",
        """---
title: Wijkavond in Dordrecht
start: 2025-09-25 19:00
end: 2025-09-25 21:00
location:
  name: Wijkcentrum De Wissel
  city: Dordrecht
report: ../verslagen/wijkavond-dordrecht.md
---

Bewoners en het wijkteam praten over de buurt.
""",
    ),
    E_TRAINING: (
        "agenda/training-vrijwilligers.md",
        """---
title: "Training voor vrijwilligers: het goede gesprek"
start: 2026-12-10 13:00
end: 2026-12-10 16:00
location:
  name: Wijkcentrum De Schakel
  address: Kerkplein 3
  city: Zwijndrecht
registration: https://example.org/aanmelden
---

Vrijwilligers oefenen met gesprekken over eenzaamheid en geldzorgen.
De training wordt georganiseerd door de vrijwilligerscentrale.
""",
    ),
}


def write_fixture(project) -> None:
    """Write the pages into a project's posts/ (project.write(rel, text), as
    conftest.Project has it)."""
    for file, text in PAGES.values():
        project.write(file, text)


def dated(year: int) -> frozenset[str]:
    """Pages of that year (a post's date, an event's start: Pagefind has it in
    the page's date line) and pages that name the year in their text."""
    found = set()
    for url, (_, text) in PAGES.items():
        when = re.search(r"^(?:date|start): (\d{4})", text, re.MULTILINE)
        if int(when.group(1)) == year or str(year) in text.split("\n---\n", 1)[1] or str(year) in title(url):
            found.add(url)
    return frozenset(found)


def title(url: str) -> str:
    return re.search(r"^title: \"?(.*?)\"?$", PAGES[url][1], re.MULTILINE).group(1)


# --- the query set ------------------------------------------------------------------


@dataclass(frozen=True)
class Find:
    query: str
    pages: frozenset[str]  # must all be found
    what: str  # what it tests
    also: frozenset[str] = field(default_factory=frozenset)  # may be found, not counted as wrong
    held_out: bool = False


def find(query: str, pages, what: str, also=(), held_out: bool = False) -> Find:
    return Find(query, frozenset(pages), what, frozenset(also), held_out)


GEMEENTE = {N_VERZEKERAARS, N_KENNISCAFES, N_TERUGBLIK, N_ARMOEDEBELEID, V_NETWERK, V_WERKCONFERENTIE}
MANTELZORGER = {N_MANTELZORG, V_NETWERK, E_NETWERK}
WIJKTEAM = {N_WIJKTEAM, V_WERKCONFERENTIE, E_WIJKAVOND}
BIJEENKOMST = {N_TERUGBLIK, V_NETWERK, E_NETWERK}
KENNISCAFE = {N_KENNISCAFES, V_KENNISCAFE, E_KENNISCAFE}
IDEE = {N_IDEEEN, V_WIJKAVOND}
HUIS = {N_HUIS, N_HUISJE}
GROEP = {N_CORPORATIES, N_HUISJE}
KIND = {N_MANTELZORG, N_ARMOEDEBELEID, N_HUISJE, V_ONDERWIJS}
SAMENWERKEN = {N_ARMOEDEBELEID, N_WIJKTEAM, N_TERUGBLIK, V_WERKCONFERENTIE}
FINANCIEEL = {N_FOTOS, N_ARMOEDEBELEID}
COORDINATOR = {N_MANTELZORG, V_WERKCONFERENTIE}
TRAINING = {N_EENZAAMHEID, N_TERUGBLIK, E_TRAINING}
JONGERE = {N_HUIS, V_KENNISCAFE, E_KENNISCAFE, V_WIJKAVOND}

MUST_FIND: list[Find] = [
    # singular and plural, both ways; -en, -s and -'s plurals
    find("verslag", REPORTS, "singular; every report (its kind and category)", also=EVENTS_WITH_REPORT),
    find("verslagen", REPORTS, "plural", also=EVENTS_WITH_REPORT),
    find("gemeente", GEMEENTE, "singular finds gemeenten; not 'gemeen' or 'menen'"),
    find("gemeenten", GEMEENTE, "plural -en finds gemeente"),
    find("gemeentes", GEMEENTE, "plural -s"),
    find("mantelzorger", MANTELZORGER | {N_ADEM}, "singular finds mantelzorgers, and the care itself (-er)"),
    find("mantelzorgers", MANTELZORGER | {N_ADEM}, "plural; the care itself (-ers: mantelzorg)"),
    find("wijkteam", WIJKTEAM, "singular finds wijkteams"),
    find("wijkteams", WIJKTEAM, "plural -s finds wijkteam"),
    find("bijeenkomst", BIJEENKOMST, "singular finds bijeenkomsten and netwerkbijeenkomst"),
    find("bijeenkomsten", BIJEENKOMST, "plural finds netwerkbijeenkomst"),
    find("kenniscafe", KENNISCAFE, "no accent; plural -s"),
    find("kenniscafés", KENNISCAFE, "plural -s with accent finds the singular"),
    find("foto", {N_FOTOS}, "singular finds foto's"),
    find("foto's", {N_FOTOS}, "plural -'s"),
    find("idee", IDEE, "singular finds ideeën"),
    find("kinderen", KIND, "plural -eren finds kind"),
    find("huizen", HUIS, "plural with z finds huis and huisje"),
    find("straten", {V_WIJKAVOND}, "plural with an open syllable finds straat"),
    find("brief", {V_KENNISCAFE}, "singular finds brieven (v/f)"),
    find("school", {N_ARMOEDEBELEID, N_WIJKTEAM}, "singular finds scholen"),
    find("huurder", {N_CORPORATIES}, "singular finds huurders"),
    # diminutives
    find("huisje", HUIS, "diminutive finds huis"),
    find("huis", HUIS, "finds the diminutive and the plural"),
    find("groepje", GROEP, "diminutive finds groep"),
    find("kindje", KIND, "diminutive finds kind and kinderen"),
    # verb and noun
    find("samenwerken", SAMENWERKEN, "verb finds samenwerking"),
    find("samenwerking", SAMENWERKEN, "noun finds samenwerken"),
    find("organiseren", {N_KENNISCAFES, E_TRAINING}, "infinitive finds organiseert and georganiseerd"),
    find("ondersteunen", {E_NETWERK, V_NETWERK}, "verb finds ondersteuning"),
    # compounds by their head
    find("verzekeraar", {N_VERZEKERAARS}, "head of zorgverzekeraars"),
    find("corporatie", {N_CORPORATIES}, "head of woningcorporaties"),
    find("werkplaats", {N_BUURTWERKPLAATS, N_HUISJE, N_KENNISCAFES}, "head of buurtwerkplaats"),
    find("beleid", {N_ARMOEDEBELEID}, "head of armoedebeleid"),
    find("avond", {N_FOTOS, V_WIJKAVOND, E_WIJKAVOND, E_KENNISCAFE}, "head of bewonersavond and wijkavond"),
    find("cafe", KENNISCAFE, "head of kenniscafé"),
    # compounds by their modifier
    find("jeugd", {N_JEUGDHULP, V_ONDERWIJS}, "modifier of jeugdhulp"),
    find("mantelzorg", MANTELZORGER | {N_ADEM}, "modifier of mantelzorgers"),
    find("woning", {N_CORPORATIES}, "modifier of woningcorporaties"),
    find("schuld", {N_VERZEKERAARS, V_KENNISCAFE, E_KENNISCAFE}, "modifier of schuldhulpverlening, and schulden"),
    find("buurt", {N_BUURTWERKPLAATS, N_HUISJE, N_IDEEEN, E_WIJKAVOND}, "modifier of buurtwerkplaats and buurtfeest"),
    find("zorgverzekeraar", {N_VERZEKERAARS}, "whole compound, singular"),
    # hyphenated compounds
    find("wmo-loket", {N_JEUGDHULP}, "hyphenated, as written"),
    find("wmo", {N_JEUGDHULP}, "first part of wmo-loket"),
    find("loket", {N_JEUGDHULP, V_NETWERK}, "last part of wmo-loket, and loket alone"),
    find("zuid-holland", {N_ARMOEDEBELEID}, "hyphenated place"),
    # diacritics both ways
    find("ideeen", IDEE, "without diaeresis finds ideeën"),
    find("ideeën", IDEE, "with diaeresis finds ideeen"),
    find("financiele", FINANCIEEL, "without diaeresis"),
    find("financiële", FINANCIEEL, "with diaeresis"),
    find("coordinator", COORDINATOR, "without diaeresis"),
    find("coördinator", COORDINATOR, "with diaeresis"),
    find("café", KENNISCAFE, "head of kenniscafé, with accent"),
    # names and years
    find("Dordrecht", {N_MANTELZORG, N_EENZAAMHEID, V_WIJKAVOND, E_WIJKAVOND}, "place"),
    find("Gorinchem", {N_JEUGDHULP, V_KENNISCAFE, V_WERKCONFERENTIE, E_KENNISCAFE}, "place, also an event's city"),
    find("Ouali", {N_MANTELZORG}, "a person's surname"),
    find("2024", dated(2024), "a year: its pages and pages that name it"),
    # several words: every word must match
    find("jeugdhulp gorinchem", {N_JEUGDHULP}, "two words"),
    find("mantelzorgers papendrecht", {E_NETWERK}, "plural and an event's city"),
    find("verslag dordrecht", {V_WIJKAVOND}, "kind and place", also={E_WIJKAVOND}),
    find("joost van leeuwen", {N_JEUGDHULP}, "a full name"),
    # held out: written with the rest, before measuring, never tuned on
    find("training", TRAINING, "singular finds trainingen", held_out=True),
    find("trainingen", TRAINING, "plural finds training", held_out=True),
    find("jongere", JONGERE, "singular finds jongeren", held_out=True),
    find("gezin", {N_JEUGDHULP, N_ARMOEDEBELEID}, "singular finds gezinnen (undoubling)", held_out=True),
    find("team", WIJKTEAM, "short head of wijkteam", held_out=True),
    find("consulent", {N_JEUGDHULP}, "head of jeugdconsulent", held_out=True),
    find("hulpverlener", {V_KENNISCAFE, V_ONDERWIJS}, "singular, and head of jeugdhulpverleners", held_out=True),
    find("medewerker", {N_WIJKTEAM}, "singular finds medewerkers", held_out=True),
    find("provincie", {N_ARMOEDEBELEID}, "a plain word", held_out=True),
    find("kantoor", {N_JEUGDHULP, E_NETWERK}, "head of stadskantoor", held_out=True),
    find("feest", {N_IDEEEN}, "head of buurtfeest", held_out=True),
    find("fiets", {N_BUURTWERKPLAATS}, "singular finds fietsen", held_out=True),
    find("deelnemer", {V_WERKCONFERENTIE}, "singular finds deelnemers", held_out=True),
    find("wijkavonden", {V_WIJKAVOND, E_WIJKAVOND}, "plural finds wijkavond", held_out=True),
    find("geldzorgen", {E_KENNISCAFE, E_TRAINING}, "a whole compound", held_out=True),
    find("sanne verbeek", {V_WIJKAVOND}, "a full name", held_out=True),
    find("Sliedrecht", {N_CORPORATIES, N_HUIS}, "place", held_out=True),
    find("energie", {N_CORPORATIES}, "modifier of energiekosten", held_out=True),
    find("achterstand", {N_VERZEKERAARS, N_CORPORATIES}, "head of huurachterstand and betalingsachterstanden", held_out=True),
    find("boekje", {N_HUISJE}, "diminutive singular finds boekjes", held_out=True),
    find("schulden jongeren", {V_KENNISCAFE, E_KENNISCAFE}, "two plurals", held_out=True),
]


@dataclass(frozen=True)
class Miss:
    query: str
    what: str
    held_out: bool = False


MUST_NOT: list[Miss] = [
    Miss("jeuk", "only 'je' starts it"),
    Miss("gemeenteraad", "the site has gemeente, not gemeenteraad"),
    Miss("wijkagent", "the site has wijk words, no wijkagent"),
    Miss("huiswerk", "the site has huis, not huiswerk"),
    Miss("provinciaal", "the site has provincie"),
    Miss("dekbed", "only 'de' starts it"),
    Miss("hetze", "only 'het' starts it"),
    Miss("overhemd", "only 'over' starts it"),
    Miss("wijnfeest", "'wij' and 'feest' are on the site"),
    Miss("menukaart", "'men' of menen"),
    Miss("zwembad", "not on the site"),
    Miss("oplader", "only 'op' starts it"),
    Miss("klimaat", "not on the site"),
    Miss("parkeren", "the site has park, not parkeren"),
    Miss("tandarts", "not on the site"),
    Miss("bijl", "only 'bij' starts it"),
    Miss("schaak", "not on the site"),
    Miss("ouderwets", "the site has ouder, ouders, ouderen", held_out=True),
    Miss("taart", "not on the site", held_out=True),
    Miss("markeren", "the site has markt", held_out=True),
    Miss("zorgboerderij", "the site has zorg words", held_out=True),
    Miss("fietsenstalling", "the site has fietsen", held_out=True),
    Miss("schoolplein", "the site has scholen", held_out=True),
]

# A typo -> the site words one of which the box must suggest.
SUGGEST: dict[str, set[str]] = {
    "jeugt": {"jeugdhulp", "jeugd"},
    "verslach": {"verslag"},
    "gemeete": {"gemeente"},
    "mantelzorgr": {"mantelzorger", "mantelzorgers", "mantelzorg"},  # each finds the same pages
    "wijkteem": {"wijkteam"},
    "dordrect": {"dordrecht"},
    "vrijwiliger": {"vrijwilliger", "vrijwilligers"},
}

# (query, pages that must all rank before every page of the second set)
RANKING: list[tuple[str, set[str], set[str]]] = [
    ("verslag", REPORTS, EVENTS_WITH_REPORT),  # reports before events that merely link to one
    ("eenzaamheid", {N_EENZAAMHEID}, {N_IDEEEN, E_TRAINING}),  # title before text only
    ("buurtwerkplaats", {N_BUURTWERKPLAATS}, {N_HUISJE}),  # title before text only
]


# --- asking a built site in Chromium ---------------------------------------------------

STATUS = ".md-content [data-wp-zoek-status]"
BOX = ".md-content [data-wp-zoek]"
INPUT = ".md-content input[type=search]"
MORE = ".md-content [data-wp-zoek-meer]"
LINKS = "[...document.querySelectorAll('.md-content .wp-zoek__link')].map(a => a.href)"
NOTHING = "Niets gevonden voor \u2018{}\u2019"


def quoted(query: str) -> str:
    """The query as the status names it, as a JavaScript string literal."""
    return repr(f"\u2018{query}\u2019")


@dataclass
class Answer:
    status: str
    urls: list[str]  # every result, site-relative, in order
    box: str  # all the box's text (for "Bedoel je ...")

    @property
    def fixture(self) -> list[str]:
        """The fixture's own pages among the results, in order."""
        return [u for u in self.urls if u in PAGES]


def ask_box(page, base: str, query: str) -> Answer:
    """Type `query` into the box of the page zoeken/ (open in `page`, of the
    site at `base`); once the status reports on exactly this query, open
    every further page of results and read them all."""
    from sitecheck import wait_for

    box = page.locator(INPUT)
    box.fill("")
    # Blank the status, so that only an answer to this query satisfies the wait.
    page.evaluate(f"document.querySelector({STATUS!r}).textContent = ''")
    box.type(query)
    wait_for(page, f"document.querySelector({STATUS!r}).textContent.includes({quoted(query)})", timeout=15)
    while page.locator(MORE).is_visible():
        shown = page.evaluate(f"{LINKS}.length")
        page.locator(MORE).click()
        wait_for(page, f"{LINKS}.length > {shown}", timeout=10)
    urls = [u[len(base) :] if u.startswith(base) else u for u in page.evaluate(LINKS)]
    return Answer(page.locator(STATUS).inner_text(), urls, page.locator(BOX).inner_text())


# Pagefind alone, as its own API answers (no box: no variants, no checks).
_RAW = """async ([bundle, query]) => {
  const pagefind = await import(bundle + "pagefind.js");
  const answer = await pagefind.search(query);
  const pages = await Promise.all(answer.results.map((r) => r.data()));
  return pages.map((p) => p.url);
}"""


def ask_raw(page, base: str, query: str) -> list[str]:
    """Every result of Pagefind's own `search(query)` on the site at `base`
    (a page of that site open in `page`), site-relative, in order."""
    path = urlsplit(base).path
    urls = page.evaluate(_RAW, [base + "pagefind/", query])
    return [u[len(path) :] if u.startswith(path) else u for u in urls]
