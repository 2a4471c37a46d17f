"""The accessibility statement (docs/toegankelijkheid.md, view
`toegankelijkheid`) as plain data: what the organisation declares, read
from `extra.toegankelijkheid` in mkdocs.yml, and what it still has to set.

The statement follows the national model that the register at
toegankelijkheidsverklaring.nl publishes (Besluit digitale toegankelijkheid
overheid), in its order: the statement and the website it covers, the
compliance status (nalevingsstatus A-D), the sign-off (akkoordverklaring:
signed "gezien en akkoord" by someone authorised, with role and date, and
the date it was last reviewed), feedback and contact, the enforcement route
(the ombudsman that handles the organisation's complaints: the Nationale
ombudsman, or a municipality's own; the organisation names it), then the
evidence (audits: date, by whom, method, report; at most three years old)
and each known deviation with its effect, measure and date (all required). Sources: digitoegankelijk.nl/wetgeving/toegankelijkheidsverklaring
(the parts), digitoegankelijk.nl/toegankelijkheidsverklaring/status (the
statuses and the three-year rule), toegankelijkheidsverklaring.nl/benodigde-informatie
(domain, reports, signatory) and statements in its register (order and terms).

Only the organisation can decide the status, the signatory, the dates and
which ombudsman handles complaints: nothing here invents them, nor a
response time or a plan it has not set. Until they are set, `missing()` lists what is
still needed, in Dutch; the page and the deploy's summary
(tools/accessibility_summary.py) both show that list.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..core.dates import dutch_date
from ..core.settings import Settings, setting_line

# The compliance statuses of the model: letter -> (name, what it means).
STATUSES = {
    "A": ("voldoet volledig", "Uit onderzoek blijkt dat de website aan alle eisen voldoet."),
    "B": (
        "voldoet gedeeltelijk",
        "Uit onderzoek blijkt dat de website nog niet aan alle eisen voldoet. Bij elke afwijking staat hieronder wat het "
        "gevolg is, wat we eraan doen en wanneer.",
    ),
    "C": (
        "eerste maatregelen genomen",
        "De eerste maatregelen zijn genomen om de website aan de eisen te laten voldoen. Hieronder staat hoe ver we zijn.",
    ),
    "D": ("voldoet niet", "De website voldoet nog niet aan de eisen en er zijn nog geen maatregelen vastgelegd."),
}
# An audit counts for status A and B for at most three years (digitoegankelijk.nl).
AUDIT_VALID_YEARS = 3
# The statement is reviewed every year: its herzien date may not be older.
REVIEW_MONTHS = 12

KEYS = {"status", "domein", "opgesteld", "herzien", "ondertekening", "ombudsman", "onderzoek", "afwijkingen", "register"}
SIGN_OFF_KEYS = {"naam", "functie", "datum"}
OMBUDSMAN_KEYS = {"naam", "adres"}
AUDIT_KEYS = {"datum", "door", "methode", "rapport"}
DEVIATION_KEYS = {"wat", "gevolg", "maatregel", "datum"}

# Decap CMS's own axe findings at /admin/ (measured by tests/test_cms_e2e.py).
ADMIN_FINDINGS = Path(__file__).with_name("decap_axe.json")
# axe's impact levels in Dutch.
IMPACTS = {"critical": "ernstig", "serious": "groot", "moderate": "middelmatig", "minor": "klein"}
# What each rule that Decap's interface breaks means for an editor. A rule
# without a line here fails tests/test_accessibility.py.
ADMIN_RULES = {
    "color-contrast": "Sommige knoppen en meldingen hebben te weinig kleurcontrast met hun achtergrond.",
    "button-name": "Enkele knoppen (in de werkbalk van de teksteditor en bij onderdelen van een lijst) hebben geen naam voor een schermlezer.",
    "aria-required-attr": "Knoppen in de werkbalk van de teksteditor missen een verplicht ARIA-kenmerk.",
    "nested-interactive": "In de werkbalk zit een bedieningselement in een ander, wat een schermlezer niet goed voorleest.",
    "aria-input-field-name": "Het tekstvak van de teksteditor heeft geen naam voor een schermlezer.",
    "aria-command-name": "Een onderdeel van een lijst dat je kunt verslepen heeft geen naam voor een schermlezer.",
    "frame-title": "Het voorbeeld naast het formulier heeft geen titel.",
    "image-alt": "De kleine afbeeldingen in de mediabibliotheek hebben geen tekstalternatief.",
}


class AccessibilityError(ValueError):
    """A value in extra.toegankelijkheid is wrong; `key` names where."""

    def __init__(self, key: str, message: str, line: int | None = None):
        where = f"mkdocs.yml:{line}: " if line else ""
        super().__init__(f"{where}extra.toegankelijkheid.{key.strip('.')}: {message}")
        self.key, self.message = key, message


@dataclass(frozen=True)
class SignOff:
    naam: str = ""
    functie: str = ""
    datum: dt.date | None = None


@dataclass(frozen=True)
class Ombudsman:
    """Where a complaint goes when the organisation's answer does not satisfy."""

    naam: str = ""
    adres: str = ""  # its web page


@dataclass(frozen=True)
class Audit:
    datum: dt.date
    door: str
    methode: str
    rapport: str = ""


@dataclass(frozen=True)
class Deviation:
    wat: str
    gevolg: str
    maatregel: str
    datum: dt.date  # when the measure is done: the model asks it of every deviation


@dataclass(frozen=True)
class Statement:
    domein: str
    status: str = ""  # "" until the organisation sets it
    opgesteld: dt.date | None = None
    herzien: dt.date | None = None
    ondertekening: SignOff = SignOff()
    ombudsman: Ombudsman = Ombudsman()
    onderzoek: tuple[Audit, ...] = ()
    afwijkingen: tuple[Deviation, ...] = ()
    register: str = ""  # the statement's page in the register


# --- reading the settings ---------------------------------------------------------


def _text(value, key: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise AccessibilityError(key, f"verwacht tekst, niet {value!r}")
    return value.strip()


def _date(value, key: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        raise AccessibilityError(key, "een datum zonder tijd (JJJJ-MM-DD)")
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise AccessibilityError(key, f'"{value}" is geen datum (JJJJ-MM-DD)') from None


def _url(value, key: str) -> str:
    text = _text(value, key)
    if text and (urlsplit(text).scheme not in ("http", "https") or not urlsplit(text).netloc):
        raise AccessibilityError(key, f'"{text}" is geen webadres (https://...)')
    return text


def _mapping(value, key: str, allowed: set[str]) -> dict:
    if value in (None, ""):
        return {}
    if not isinstance(value, dict):
        raise AccessibilityError(key, f"verwacht de onderdelen {', '.join(sorted(allowed))}")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise AccessibilityError(f"{key}.{unknown[0]}", f"onbekend; toegestaan: {', '.join(sorted(allowed))}")
    return value


def _list(value, key: str) -> list:
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        raise AccessibilityError(key, "verwacht een lijst (- ...)")
    return value


def _required_date(item: dict, key: str, name: str) -> dt.date:
    day = _date(item.get(name), f"{key}.{name}")
    if day is None:
        raise AccessibilityError(f"{key}.{name}", "ontbreekt")
    return day


def _required(item: dict, key: str, name: str) -> str:
    text = _text(item.get(name), f"{key}.{name}")
    if not text:
        raise AccessibilityError(f"{key}.{name}", "ontbreekt")
    return text


def _records(raw: dict, name: str, keys, make) -> list:
    """Each mapping of the list `name`, checked against `keys`, made into a record by `make(item, key)`."""
    return [make(_mapping(item, f"{name}[{n}]", keys), f"{name}[{n}]") for n, item in enumerate(_list(raw.get(name), name))]


def parse(raw: dict | None, site_url: str) -> Statement:
    """The statement from extra.toegankelijkheid; a wrong value raises AccessibilityError."""
    raw = _mapping(raw, "", KEYS) if raw else {}
    status = _text(raw.get("status"), "status").upper()
    if status and status not in STATUSES:
        raise AccessibilityError("status", f'"{status}" bestaat niet; kies A, B, C of D (of laat leeg)')
    sign = _mapping(raw.get("ondertekening"), "ondertekening", SIGN_OFF_KEYS)
    ombudsman = _mapping(raw.get("ombudsman"), "ombudsman", OMBUDSMAN_KEYS)
    audits = _records(
        raw,
        "onderzoek",
        AUDIT_KEYS,
        lambda item, key: Audit(
            _required_date(item, key, "datum"),
            _required(item, key, "door"),
            _required(item, key, "methode"),
            _url(item.get("rapport"), f"{key}.rapport"),
        ),
    )
    deviations = _records(
        raw,
        "afwijkingen",
        DEVIATION_KEYS,
        lambda item, key: Deviation(
            _required(item, key, "wat"),
            _required(item, key, "gevolg"),
            _required(item, key, "maatregel"),
            _required_date(item, key, "datum"),
        ),
    )
    statement = Statement(
        domein=_url(raw.get("domein"), "domein") or site_url,
        status=status,
        opgesteld=_date(raw.get("opgesteld"), "opgesteld"),
        herzien=_date(raw.get("herzien"), "herzien"),
        ondertekening=SignOff(
            _text(sign.get("naam"), "ondertekening.naam"),
            _text(sign.get("functie"), "ondertekening.functie"),
            _date(sign.get("datum"), "ondertekening.datum"),
        ),
        ombudsman=Ombudsman(_text(ombudsman.get("naam"), "ombudsman.naam"), _url(ombudsman.get("adres"), "ombudsman.adres")),
        onderzoek=tuple(sorted(audits, key=lambda a: a.datum, reverse=True)),
        afwijkingen=tuple(deviations),
        register=_url(raw.get("register"), "register"),
    )
    if statement.opgesteld and statement.herzien and statement.herzien < statement.opgesteld:
        raise AccessibilityError("herzien", f"{statement.herzien} ligt voor de datum van opstellen ({statement.opgesteld})")
    return statement


def from_settings(settings: Settings) -> Statement:
    """The statement of a project; a wrong value names its line in mkdocs.yml."""
    try:
        return parse(settings.accessibility, settings.site_url)
    except AccessibilityError as error:
        line = setting_line(settings.root, f"extra.toegankelijkheid.{error.key}")
        raise AccessibilityError(error.key, error.message, line) from None


# --- what is still missing ----------------------------------------------------------


def audit_expired(audit: Audit, today: dt.date) -> bool:
    try:
        limit = audit.datum.replace(year=audit.datum.year + AUDIT_VALID_YEARS)
    except ValueError:  # 29 February
        limit = audit.datum.replace(year=audit.datum.year + AUDIT_VALID_YEARS, day=28)
    return today > limit


def _months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


def missing(statement: Statement, today: dt.date) -> list[str]:
    """What the organisation still must set or renew, in Dutch; [] when the statement is established."""
    found = []
    if not statement.status:
        found.append("de nalevingsstatus (A, B, C of D), zoals het register op toegankelijkheidsverklaring.nl die geeft (status)")
    if statement.opgesteld is None:
        found.append("de datum waarop de verklaring is opgesteld (opgesteld)")
    if statement.herzien is None:
        found.append("de datum waarop de verklaring voor het laatst is herzien (herzien)")
    elif _months_between(statement.herzien, today) >= REVIEW_MONTHS:
        found.append(
            f"een nieuwe herziening: de verklaring is op {dutch_date(statement.herzien)} voor het laatst herzien, langer dan een jaar geleden (herzien)"
        )
    sign = statement.ondertekening
    for key, what in (
        ("naam", "de naam van wie de verklaring voor gezien en akkoord tekent"),
        ("functie", "de functie van wie de verklaring voor gezien en akkoord tekent"),
        ("datum", "de datum waarop de verklaring voor gezien en akkoord is getekend"),
    ):
        if not getattr(sign, key):
            found.append(f"{what} (ondertekening.{key})")
    if not statement.ombudsman.naam:
        found.append(
            "de naam van de ombudsman die klachten over de organisatie behandelt, zoals de Nationale ombudsman of die van een gemeente (ombudsman.naam)"
        )
    if not statement.ombudsman.adres:
        found.append("het webadres van die ombudsman (ombudsman.adres)")
    current = [a for a in statement.onderzoek if not audit_expired(a, today)]
    for audit in statement.onderzoek:
        if audit_expired(audit, today):
            found.append(
                f"een nieuw onderzoek: het onderzoek van {dutch_date(audit.datum)} door {audit.door} is ouder dan drie jaar (onderzoek)"
            )
        if not audit.rapport:
            found.append(f"de link naar het rapport van het onderzoek van {dutch_date(audit.datum)} (onderzoek.rapport)")
    if statement.status in ("A", "B") and not current:
        found.append(f"een onderzoek volgens WCAG-EM van hooguit drie jaar oud: status {statement.status} steunt daarop (onderzoek)")
    if statement.status == "B" and not statement.afwijkingen:
        found.append("de afwijkingen uit het onderzoek, elk met gevolg, maatregel en datum: status B vraagt daarom (afwijkingen)")
    if not statement.register:
        found.append("het adres van de verklaring in het register op toegankelijkheidsverklaring.nl (register)")
    return list(dict.fromkeys(found))


# --- known limitations from facts -------------------------------------------------


def pdf_attachments(entries, url_of) -> list[dict]:
    """Each PDF attached to a published post: its title and link, and the post.

    `entries`: the published entries; `url_of(key)` gives the site URL of an
    entry's rel or of an attachment's path (None when it is not on the site).
    """
    found = []
    for entry in entries:
        for attachment in entry.attachments:
            url = url_of(str(attachment.path))
            if attachment.path.suffix.lower() == ".pdf" and url:
                found.append({"title": attachment.title, "url": url, "post": entry.title, "post_url": url_of(entry.rel)})
    return sorted(found, key=lambda a: (a["post"], a["title"]))


def admin_findings(path: Path = ADMIN_FINDINGS) -> dict:
    """Decap CMS's own axe findings as committed: version, rules with impact and count."""
    data = json.loads(path.read_text(encoding="utf-8"))
    rules = [
        {
            "id": rule["regel"],
            "impact": IMPACTS[rule["ernst"]],
            "count": rule["aantal"],
            "what": ADMIN_RULES[rule["regel"]],
        }
        for rule in data["bevindingen"]
    ]
    return {"decap": data["decap-cms"], "axe": data["axe-core"], "rules": rules}


# --- template data ------------------------------------------------------------------


def context(statement: Statement, today: dt.date, *, pdfs: list[dict], admin: dict, checks: dict, organisation: dict) -> dict:
    """What overrides/toegankelijkheid.html prints; `checks` is quality_checks.page_data()."""
    sign = statement.ondertekening
    status = STATUSES.get(statement.status)
    return {
        "missing": missing(statement, today),
        "domain": statement.domein,
        "status": {"letter": statement.status, "name": status[0], "meaning": status[1]} if status else None,
        "opgesteld": dutch_date(statement.opgesteld) if statement.opgesteld else "",
        "herzien": dutch_date(statement.herzien) if statement.herzien else "",
        "sign_off": {"naam": sign.naam, "functie": sign.functie, "datum": dutch_date(sign.datum) if sign.datum else ""},
        "ombudsman": {"name": statement.ombudsman.naam, "url": statement.ombudsman.adres},
        "audits": [
            {
                "date": dutch_date(a.datum),
                "by": a.door,
                "method": a.methode,
                "report": a.rapport,
                "expired": audit_expired(a, today),
            }
            for a in statement.onderzoek
        ],
        "deviations": [
            {"what": d.wat, "effect": d.gevolg, "measure": d.maatregel, "date": dutch_date(d.datum)} for d in statement.afwijkingen
        ],
        "register": statement.register,
        "pdfs": pdfs,
        "admin": admin,
        "checks": checks["list"],
        "beyond": checks["beyond"],
        "contact": {
            "email": organisation.get("email", ""),
            "phone": organisation.get("telefoon", ""),
            "phone_link": organisation.get("telefoon_internationaal", ""),
        },
    }
