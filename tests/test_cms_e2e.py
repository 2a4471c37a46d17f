"""The CMS end to end, as an editor uses it: `make cms` (tools/cms.py) on a
copy of the project, Chromium driving the admin the way a person does
(typing in the form, choosing a photo, publishing), then the files it wrote
checked by `make check`'s module, built, and read on the built site.

One editing session for the module (a browser test costs seconds per step);
the tests after it read what the session left behind.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import markupsafe
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, TODAY, Project
from PIL import ExifTags, Image
from sitecheck import REPORT, wait_for
from test_browser import stored_in

from tools.ports import free_port
from werkplaats.content import photo_metadata
from werkplaats.content.model import EVENT_FIELDS, read_entry
from werkplaats.core.settings import load_settings
from werkplaats.quality.site_checks import axe_results
from werkplaats.site import privacy
from werkplaats.site.browser_storage import EDITORS, SIGN_IN

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import cms as cms_tool  # noqa: E402  (tools/cms.py, what `make cms` runs)

REPORT_FILE = "posts/verslagen/kenniscafe-maart.md"
# An event whose place is one line of text, as the model allows.
PLAIN_PLACE = "2026-03-05-kenniscafe-in-rotterdam"
PLAIN_PLACE_EVENT = """---
title: "Kenniscafé in Rotterdam"
start: 2026-03-05 19:30
location: Rotterdam
---

Een avond over mantelzorg.
"""
EVENT_TITLE = "Werkatelier over mantelzorg"
NEWS_TITLE = "Nieuwe leden in de stuurgroep"
ADDED_TO_REPORT = "Aanvulling vanuit het CMS: de presentatie volgt."

# What axe (WCAG 2.x A and AA) finds in Decap CMS 3.16.3's own interface,
# measured on its list, its editor, the news form with an attachment and its
# media dialog (handbook/cms-and-sign-in.md): rule -> the elements, by a pattern of their
# selector. None is a field's label or hint of ours: header, toolbar and
# sort buttons, the empty-list message, the Markdown editor's toolbar and
# text box, the preview iframe, the list widget's item bar (our attachments
# use Decap's list widget) and the media dialog's thumbnails. No upstream
# issue per rule; decaporg/decap-cms#1333 collects them. Any other rule, or
# these rules on other elements, fails the test: then it is ours to fix.
DECAP_OWN = {
    "color-contrast": r"AppHeaderButton|data-testid|BackStatus|PublishButton|ToolbarToggleLabel|ControlButton"
    r"|NoEntriesMessage",
    "button-name": r"^\.e11cox78\d$|TopBarButton",  # Markdown toolbar; a list item's collapse and remove
    "aria-required-attr": r"^\.e11cox78\d$",
    "nested-interactive": r"ToolbarDropdownWrapper",
    "aria-input-field-name": r"^\.css-\w+$",  # the Markdown text box (role=textbox, no label)
    "aria-command-name": r'aria-roledescription="sortable"',  # a list item, draggable
    "frame-title": r"^#preview-pane$",
    "image-alt": r"^img$",  # the media dialog's thumbnails
}
# WERKPLAATS_SCREENSHOTS=dir: the steps are also saved as pictures for the
# guides (REDACTIE.md, the handbook), at 1280 x 800.
SCREENSHOTS = os.environ.get("WERKPLAATS_SCREENSHOTS")


# The smallest PDF a reader opens: one empty page.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def phone_photo(orientation: int = 6, size=(1600, 1000)) -> bytes:
    """A JPEG as a phone writes it: where (GPS), with what (make, model,
    serial number), by whom, an XMP packet and a comment, and turned by its
    Exif orientation. The pixels vary, so a re-encoding would show."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Telefoonmerk"
    exif[ExifTags.Base.Model] = "Model X"
    exif[ExifTags.Base.Artist] = "Jan Jansen"
    exif[ExifTags.Base.Orientation] = orientation
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = "SN123456789"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.MakerNote] = b"Telefoonmerk intern"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps.update({ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (51.0, 48.0, 36.0)})
    gps.update({ExifTags.GPS.GPSLongitudeRef: "E", ExifTags.GPS.GPSLongitude: (4.0, 40.0, 12.0)})
    xmp = (
        b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="51,48.6N"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, exif=exif, xmp=xmp, comment=b"Gemaakt aan de Groenmarkt")
    return out.getvalue()


def shot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"))


def open_form(page, url: str) -> None:
    """A form from a fresh page: after a hash change alone, Decap may reset
    the form once more while the test already types."""
    page.goto(url)
    page.reload()
    page.get_by_label("Titel").wait_for()


def publish(page) -> None:
    page.get_by_text("Publiceer", exact=True).click()
    page.get_by_role("menuitem", name="Publiceer nu").click()


def wait_for_file(folder: Path, pattern: str, page, seconds: float = 20) -> Path:
    for _ in range(int(seconds * 5)):
        found = sorted(folder.glob(pattern))
        if found:
            page.wait_for_timeout(500)  # the write may still be under way
            return found[0]
        page.wait_for_timeout(200)
    raise AssertionError(f"the CMS wrote no {folder}/{pattern}")


def not_decaps_own(found: dict[str, list[str]]) -> dict[str, list[str]]:
    return {
        rule: bad
        for rule, targets in found.items()
        if (bad := [t for t in targets if rule not in DECAP_OWN or not re.search(DECAP_OWN[rule], t)])
    }


# rule -> axe's impact, as axe_rules() saw it (for the statement's data).
IMPACT: dict[str, str] = {}
AXE_VIEWS = ("axe_list", "axe_editor", "axe_media", "axe_news")


def axe_rules(page) -> dict[str, list[str]]:
    violations = axe_results(page)
    IMPACT.update({v["id"]: v["impact"] for v in violations})
    return {v["id"]: [", ".join(map(str, n["target"])) for n in v["nodes"]] for v in violations}


@pytest.fixture(scope="module")
def cms(tmp_path_factory):
    """`make cms` on a copy of the project with one report: (project, admin URL)."""
    root = tmp_path_factory.mktemp("cms") / "project"
    project = Project(root)
    project.write("verslagen/kenniscafe-maart.md", REPORT)
    project.write(f"agenda/{PLAIN_PLACE}.md", PLAIN_PLACE_EVENT)
    # The media folders as the repository ships them: what the media library lists.
    for folder in sorted((ROOT / "posts").glob("*/*/")):
        if folder.name in ("afbeeldingen", "bijlagen"):
            shutil.copytree(folder, root / "posts" / folder.relative_to(ROOT / "posts"), dirs_exist_ok=True)
    port, admin_port, backend_port = free_port(), free_port(), free_port()
    servers = cms_tool.start(root, port, admin_port, backend_port, environ={**os.environ, "SITE_TODAY": TODAY})
    try:
        yield project, f"http://127.0.0.1:{admin_port}/admin/"
    finally:
        servers.stop()


@pytest.fixture(scope="module")
def session(cms, browser):
    """Everything an editor does in one sitting; returns what was seen."""
    project, admin = cms
    root = project.root
    photo = root.parent / "foto-stuurgroep.jpg"
    photo.write_bytes(phone_photo())
    pdf = root.parent / "stuurgroep.pdf"
    pdf.write_bytes(PDF)
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", viewport={"width": 1280, "height": 800})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    seen: dict = {"root": root, "project": project, "requests": requests}
    try:
        page = context.new_page()
        sign_in_and_open_the_media_library(page, admin, seen)
        add_an_event(page, admin, root, seen)
        add_a_news_item_with_a_photo(page, admin, root, photo, pdf, seen)
        change_a_report(page, admin, root)
        change_an_event_with_a_plain_place(page, admin, root)
        try_a_news_item_without_its_date(page, admin, root, seen)
        # What the admin keeps in the browser after the whole sitting, signed in.
        seen["storage"] = stored_in(page)
    except Exception:
        page.screenshot(path=str(root.parent / "failure.png"))  # for whoever reads the failure
        print("screenshot of the failure:", root.parent / "failure.png")
        raise
    finally:
        context.close()
    return seen


def sign_in_and_open_the_media_library(page, admin: str, seen: dict) -> None:
    page.goto(admin)
    shot(page, "cms-inloggen")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Agenda").first.wait_for()
    shot(page, "cms-overzicht")
    seen["axe_list"] = axe_rules(page)
    # The media library on its own (Media, at the top): media only.
    page.get_by_role("button", name="Media").click()
    page.get_by_text("Nieuwe uploaden").wait_for()
    page.wait_for_timeout(1000)  # the listing arrives after the dialog
    seen["media_library"] = page.get_by_role("dialog").inner_text()
    page.keyboard.press("Escape")


def add_an_event(page, admin: str, root: Path, seen: dict) -> None:
    """An event with its place, end time, registration and report."""
    open_form(page, admin + "#/collections/agenda/new")
    page.get_by_label("Titel").fill(EVENT_TITLE)
    page.get_by_label("Begin").fill("2026-12-10T19:30")
    page.get_by_label("Einde (optioneel)").fill("2026-12-10T21:30")
    page.get_by_label("Naam (optioneel)").fill("Bibliotheek Dordrecht")
    page.get_by_label("Adres (optioneel)").fill("Groenmarkt 153")
    page.get_by_label("Postcode (optioneel)").fill("3311 BD")
    page.get_by_label("Plaats (optioneel)", exact=True).fill("Dordrecht")
    page.get_by_label("Aanmelden (optioneel)").fill("info@werkplaatssociaaldomeinzhz.nl")
    page.get_by_label("Titel").scroll_into_view_if_needed()
    shot(page, "cms-activiteit-formulier")
    page.get_by_label("Verslag (optioneel)").fill("kenniscaf")
    page.get_by_role("option", name="Verslag van het kenniscafé in maart").click()
    page.locator("div[role=textbox]").first.click()
    page.keyboard.type("Een avond over mantelzorg in de wijk, met bewoners en professionals.")
    preview = page.frame_locator("iframe").first
    preview.locator("h1", has_text=EVENT_TITLE).wait_for()
    seen["preview_text"] = preview.locator("article").inner_text()
    seen["preview_styles"] = preview.locator("head").evaluate(
        "h => [...h.querySelectorAll('link[rel=stylesheet]')].map(l => l.getAttribute('href'))"
    )
    # Applied, not only linked: Material's light h1, werkplaats.css's place lines.
    seen["preview_h1_weight"] = preview.locator("h1").evaluate("e => getComputedStyle(e).fontWeight")
    seen["preview_line_display"] = preview.locator(".wp-preview-line").first.evaluate("e => getComputedStyle(e).display")
    seen["axe_editor"] = axe_rules(page)
    shot(page, "cms-activiteit")
    page.get_by_text("Publiceer", exact=True).click()
    shot(page, "cms-publiceren")
    page.get_by_role("menuitem", name="Publiceer nu").click()
    seen["event"] = wait_for_file(root / "posts" / "agenda", "2026-12-10-*.md", page)


def add_a_news_item_with_a_photo(page, admin: str, root: Path, photo: Path, pdf: Path, seen: dict) -> None:
    open_form(page, admin + "#/collections/nieuws/new")
    page.get_by_label("Titel").fill(NEWS_TITLE)
    page.get_by_label("Publicatiedatum").fill("2026-11-20")
    page.get_by_role("button", name="Kies een afbeelding").click()
    page.locator("input[type=file]").set_input_files(str(photo))
    page.get_by_text("foto-stuurgroep.jpg").first.wait_for()
    shot(page, "cms-foto-kiezen")
    seen["axe_media"] = axe_rules(page)
    page.get_by_role("button", name="Gebruik selectie").click()
    page.get_by_label("Beschrijving van de afbeelding (optioneel)").fill("De stuurgroep rond een tafel")
    page.get_by_role("button", name="Voeg bijlage toe").click()
    page.get_by_label("Titel van de bijlage").fill("Samenstelling van de stuurgroep")
    page.get_by_role("button", name="Kies een bestand").click()
    page.get_by_text("Nieuwe uploaden").wait_for()
    page.wait_for_timeout(1000)
    seen["attachment_library"] = page.get_by_role("dialog").inner_text()
    page.locator("input[type=file]").set_input_files(str(pdf))
    page.get_by_text("stuurgroep.pdf").first.wait_for()
    page.get_by_role("button", name="Gebruik selectie").click()
    page.locator("div[role=textbox]").first.click()
    page.keyboard.type("Twee wethouders en een bewoner versterken de stuurgroep.")
    seen["axe_news"] = axe_rules(page)
    publish(page)
    seen["news"] = wait_for_file(root / "posts" / "nieuws", "nieuwe-leden-*.md", page)


def wait_for_change(page, path: Path, before: str) -> None:
    for _ in range(100):
        if path.read_text(encoding="utf-8") != before:
            break
        page.wait_for_timeout(200)


def change_a_report(page, admin: str, root: Path) -> None:
    open_form(page, admin + "#/collections/verslagen/entries/kenniscafe-maart")
    before = (root / REPORT_FILE).read_text(encoding="utf-8")
    page.locator("div[role=textbox]").first.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type(ADDED_TO_REPORT)
    publish(page)
    wait_for_change(page, root / REPORT_FILE, before)


def change_an_event_with_a_plain_place(page, admin: str, root: Path) -> None:
    """An event whose place is plain text: changed, its place kept."""
    plain = root / "posts" / "agenda" / f"{PLAIN_PLACE}.md"
    before = plain.read_text(encoding="utf-8")
    open_form(page, admin + f"#/collections/agenda/entries/{PLAIN_PLACE}")
    page.locator("div[role=textbox]").first.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Met koffie.")
    publish(page)
    wait_for_change(page, plain, before)


def try_a_news_item_without_its_date(page, admin: str, root: Path, seen: dict) -> None:
    """Refused, nothing written."""
    open_form(page, admin + "#/collections/nieuws/new")
    page.get_by_label("Titel").fill("Bericht zonder datum")
    page.get_by_label("Publicatiedatum").fill("")
    publish(page)
    wait_for(page, "document.body.innerText.includes('Oeps')", timeout=10)
    seen["refusal"] = page.locator("body").inner_text()
    shot(page, "cms-verplicht-veld")
    seen["news_files"] = sorted(p.name for p in (root / "posts" / "nieuws").glob("*.md"))


# --- what make check refuses, the CMS does not save ---------------------------------------

UNPLACED = "Inloop in de wijk"
BACKWARDS = "Avond met een verkeerde eindtijd"
UNREACHABLE = "Avond zonder goed aanmeldadres"
SCRIPTED = "Avond met een ingesloten pagina"


def fill_event(page, admin: str, title: str, start: str, *, end: str = "", place: str = "", registration: str = "", text: str) -> None:
    """A new event's form filled in: title, start, and end, place, registration and text when given."""
    open_form(page, admin + "#/collections/agenda/new")
    page.get_by_label("Titel").fill(title)
    page.get_by_label("Begin").fill(start)
    if end:
        page.get_by_label("Einde (optioneel)").fill(end)
    if place:
        page.get_by_label("Naam (optioneel)").fill(place)
    if registration:
        page.get_by_label("Aanmelden (optioneel)").fill(registration)
    page.locator("div[role=textbox]").first.click()
    page.keyboard.type(text)


@pytest.fixture(scope="module")
def refusals(cms, browser):
    """Saves the model refuses, through make cms's servers: refused in the
    form with the model's own messages, then corrected and saved. The rules
    across keys refuse in the browser before saving (form-rules.js), so no
    save reaches the gate; the others are refused by the gate."""
    project, admin = cms
    agenda = project.root / "posts" / "agenda"
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", viewport={"width": 1280, "height": 800})
    saves: list[str] = []  # every save sent to the local backend (through the gate)
    context.on("request", lambda request: saves.append(request.url) if '"persistEntry"' in (request.post_data or "") else None)
    seen: dict = {}
    try:
        page = context.new_page()
        page.goto(admin)
        page.get_by_role("button", name="Inloggen").click()
        page.get_by_role("link", name="Agenda").first.wait_for()
        refused = page.locator("#wp-save-refused")

        # An upcoming event without a place.
        fill_event(page, admin, UNPLACED, "2026-12-17T19:30", text="Kom langs met je vragen over mantelzorg.")
        publish(page)
        refused.wait_for()
        seen["unplaced"] = refused.inner_text()
        seen["unplaced_toast"] = page.get_by_text("Kan item niet opslaan").first.inner_text()
        seen["unplaced_hint"] = page.get_by_text(EVENT_FIELDS["location"].form_hint, exact=True).is_visible()
        shot(page, "cms-geweigerd")
        seen["unplaced_files"] = sorted(p.name for p in agenda.glob("2026-12-17-*"))
        seen["unplaced_saves"] = len(saves)
        # With a place it is saved, and the refusal goes.
        page.get_by_label("Naam (optioneel)").fill("Wijkcentrum De Hoven")
        publish(page)
        seen["placed"] = wait_for_file(agenda, "2026-12-17-*.md", page)
        refused.wait_for(state="detached")
        seen["placed_saves"] = len(saves)

        # An end before the start.
        fill_event(page, admin, BACKWARDS, "2026-12-18T19:30", end="2026-12-18T18:00", place="Bibliotheek Dordrecht", text="Een avond.")
        publish(page)
        refused.wait_for()
        seen["backwards"] = refused.inner_text()
        seen["backwards_files"] = sorted(p.name for p in agenda.glob("2026-12-18-*"))
        seen["backwards_saves"] = len(saves) - seen["placed_saves"]

        # A line of text that could run code (a rule on each line of the text).
        before = len(saves)
        fill_event(page, admin, SCRIPTED, "2026-12-20T19:30", place="Bibliotheek Dordrecht", text="Kijk hier: <iframe src=x>")
        publish(page)
        refused.wait_for()
        seen["scripted"] = refused.inner_text()
        seen["scripted_files"] = sorted(p.name for p in agenda.glob("2026-12-20-*"))
        seen["scripted_saves"] = len(saves) - before

        # A rule of one field the form does not know: the gate refuses it.
        before = len(saves)
        fill_event(page, admin, UNREACHABLE, "2026-12-19T19:30", place="Bibliotheek Dordrecht", registration="bel ons", text="Een avond.")
        publish(page)
        page.get_by_text("make check zou dit weigeren").first.wait_for()
        seen["unreachable"] = refused.inner_text()
        seen["unreachable_files"] = sorted(p.name for p in agenda.glob("2026-12-19-*"))
        seen["unreachable_saves"] = len(saves) - before
    except Exception:
        page.screenshot(path=str(project.root.parent / "refusal-failure.png"))
        print("screenshot of the failure:", project.root.parent / "refusal-failure.png")
        raise
    finally:
        context.close()
    return seen


def models_messages(repo, text: str) -> list[str]:
    """What the model says of an event file with this text, on TODAY."""
    path = repo.write("agenda/2026-12-17-zelfde.md", text)
    return [p.message for p in read_entry(path, repo.settings, dt.date.fromisoformat(TODAY))[1]]


def test_an_upcoming_event_without_a_place_is_refused_with_the_models_message(refusals, repo):
    (message,) = models_messages(repo, f"---\ntitle: {UNPLACED}\nstart: 2026-12-17 19:30\n---\n\nTekst.\n")
    assert message.startswith("location ontbreekt")
    assert f"Plaats: {message}" in refusals["unplaced"]
    assert "Niet opgeslagen" in refusals["unplaced"] and refusals["unplaced_toast"] == f"Kan item niet opslaan: Plaats: {message}"
    assert refusals["unplaced_files"] == []  # nothing written
    # Refused by the form before saving, as on the public site: no save reached
    # the gate (the corrected one did), and the box says the form refused it.
    assert refusals["unplaced_saves"] == 0 and refusals["placed_saves"] >= 1
    assert "Het formulier weigert dit" in refusals["unplaced"] and "make check" not in refusals["unplaced_toast"]
    # The form said so before: Plaats is "(optioneel)", and its hint says when it is not.
    assert EVENT_FIELDS["location"].form_hint.startswith("Verplicht bij een activiteit die nog komt") and refusals["unplaced_hint"]


def test_with_a_place_the_event_is_saved_and_the_model_reads_it(refusals):
    path = refusals["placed"]
    assert path.name == "2026-12-17-inloop-in-de-wijk.md"
    entry, problems = read_entry(path, load_settings(path.parents[2]), dt.date.fromisoformat(TODAY))
    assert problems == [] and entry.location.name == "Wijkcentrum De Hoven" and entry.title == UNPLACED


def test_an_end_before_the_start_is_refused_with_the_models_message(refusals, repo):
    text = f"---\ntitle: {BACKWARDS}\nstart: 2026-12-18 19:30\nend: 2026-12-18 18:00\nlocation:\n  name: Bibliotheek Dordrecht\n---\n\nTekst.\n"
    (message,) = models_messages(repo, text)
    assert f"Einde: {message}" in refusals["backwards"]
    assert refusals["backwards_files"] == [] and refusals["backwards_saves"] == 0  # refused in the form


def test_text_that_could_run_code_is_refused_in_the_form_with_the_models_message(refusals, repo):
    text = f"---\ntitle: {SCRIPTED}\nstart: 2026-12-20 19:30\nlocation: Bibliotheek Dordrecht\n---\n\nKijk hier: <iframe src=x>\n"
    (message,) = models_messages(repo, text)
    assert f"Tekst: {message}" in refusals["scripted"] and "Het formulier weigert dit" in refusals["scripted"]
    assert refusals["scripted_files"] == [] and refusals["scripted_saves"] == 0  # refused before saving


def test_a_rule_the_form_does_not_hold_is_refused_by_the_gate(refusals, repo):
    text = f"---\ntitle: {UNREACHABLE}\nstart: 2026-12-19 19:30\nlocation: Bibliotheek Dordrecht\nregistration: bel ons\n---\n\nTekst.\n"
    (message,) = models_messages(repo, text)
    assert f"Aanmelden: {message}" in refusals["unreachable"] and "(make check) zou dit weigeren" in refusals["unreachable"]
    assert refusals["unreachable_files"] == [] and refusals["unreachable_saves"] >= 1


# --- photos without location and camera data ----------------------------------------------


def test_the_cms_uploads_a_phone_photo_without_its_location_and_camera_data(session):
    stored = session["root"] / "posts" / "nieuws" / "afbeeldingen" / "foto-stuurgroep.jpg"
    data = stored.read_bytes()
    with Image.open(stored) as image, Image.open(io.BytesIO(phone_photo())) as original:
        exif = image.getexif()
        assert dict(exif) == {ExifTags.Base.Orientation: 6}  # upright as on the phone, nothing else
        assert exif.get_ifd(ExifTags.IFD.GPSInfo) == {} and exif.get_ifd(ExifTags.IFD.Exif) == {}
        assert "xmp" not in image.info and "comment" not in image.info
        assert [marker for marker, _ in image.applist] == ["APP0", "APP1"]  # JFIF, Exif with the orientation
        assert image.size == original.size and image.tobytes() == original.tobytes()  # lossless
    assert photo_metadata.findings(stored) == []  # what make check accepts
    for secret in (b"Telefoonmerk", b"Model X", b"Jan Jansen", b"SN123456789", b"GPSLatitude", b"Groenmarkt", b"ns.adobe.com"):
        assert secret not in data


# --- the media library shows media only -----------------------------------------------------


def test_the_media_library_lists_no_readme(session):
    for dialog in ("media_library", "attachment_library"):
        assert "Nieuwe uploaden" in session[dialog] and "README" not in session[dialog], session[dialog]


def test_an_event_written_in_the_cms_is_a_valid_post(session):
    text = session["event"].read_text(encoding="utf-8")
    assert session["event"].name == "2026-12-10-werkatelier-over-mantelzorg.md"
    for line in (
        "start: 2026-12-10 19:30",
        "end: 2026-12-10 21:30",
        "name: Bibliotheek Dordrecht",
        "postcode: 3311 BD",
        "registration: info@werkplaatssociaaldomeinzhz.nl",
        "report: ../verslagen/kenniscafe-maart.md",
    ):
        assert line in text


def test_a_news_item_with_a_photo_puts_the_photo_beside_it(session):
    text = session["news"].read_text(encoding="utf-8")
    assert "image: afbeeldingen/foto-stuurgroep.jpg" in text
    assert (session["root"] / "posts" / "nieuws" / "afbeeldingen" / "foto-stuurgroep.jpg").is_file()


def test_an_attachment_goes_to_bijlagen_beside_the_post(session):
    text = session["news"].read_text(encoding="utf-8")
    assert "title: Samenstelling van de stuurgroep" in text and "file: bijlagen/stuurgroep.pdf" in text
    assert (session["root"] / "posts" / "nieuws" / "bijlagen" / "stuurgroep.pdf").read_bytes() == PDF


def test_the_report_keeps_its_front_matter_and_gets_the_new_text(session):
    text = (session["root"] / REPORT_FILE).read_text(encoding="utf-8")
    assert ADDED_TO_REPORT in text and "title: Verslag van het kenniscafé in maart" in text.replace('"', "")


def test_a_missing_required_field_is_refused_in_dutch(session):
    assert "Oeps, sommige verplichte velden zijn niet ingevuld." in session["refusal"]
    assert "bericht-zonder-datum.md" not in session["news_files"]


def test_the_preview_shows_the_post_with_the_sites_css(session):
    text = session["preview_text"]
    assert EVENT_TITLE in text
    assert "donderdag 10 december 2026, 19:30–21:30" in text
    assert "Bibliotheek Dordrecht" in text and "Groenmarkt 153, 3311 BD Dordrecht" in text
    assert any("werkplaats.css" in href for href in session["preview_styles"])
    assert any("stylesheets/main." in href for href in session["preview_styles"])
    # h1 at 700: werkplaats.css over Material's 300 (.md-typeset h1), so both apply.
    assert (session["preview_h1_weight"], session["preview_line_display"]) == ("700", "block")


def test_what_the_cms_wrote_passes_the_check_and_appears_on_the_built_site(session):
    root = session["root"]
    check = subprocess.run([sys.executable, "-m", "werkplaats.editing.check"], cwd=root, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    site = session["project"].build(TODAY)
    event = BeautifulSoup(
        (site / "agenda" / "2026" / "12" / "10" / "werkatelier-over-mantelzorg" / "index.html").read_text(), "html.parser"
    )
    facts = event.select_one("dl.wp-facts").get_text(" ", strip=True)
    assert "19:30–21:30" in facts and "Bibliotheek Dordrecht" in facts and "Groenmarkt 153, 3311 BD Dordrecht" in facts
    assert event.select_one(".wp-report-link a").get_text(strip=True) == "Verslag van het kenniscafé in maart"
    news = site / "nieuws" / "2026" / "11" / "20" / "nieuwe-leden-in-de-stuurgroep" / "index.html"
    page = BeautifulSoup(news.read_text(), "html.parser")
    assert page.select_one("article img, .md-content img")["alt"] == "De stuurgroep rond een tafel"
    link = page.select_one(".wp-attachments a")
    assert link.get_text(strip=True) == "Samenstelling van de stuurgroep" and (news.parent / link["href"]).resolve().is_file()
    report = site / "nieuws" / "2026" / "03" / "20" / "verslag-van-het-kenniscafe-in-maart" / "index.html"
    assert ADDED_TO_REPORT in report.read_text()


def test_no_request_left_127_0_0_1(session):
    hosts = {urlsplit(url).hostname for url in session["requests"] if not url.startswith(("data:", "blob:", "about:"))}
    assert hosts == {"127.0.0.1"}


def unlisted(found: set[tuple[str, str]], listed) -> set[tuple[str, str]]:
    return found - {(item.kind, item.name) for item in listed}


def test_the_admin_stores_only_what_the_privacy_page_says(session):
    """After a whole sitting, signed in, the admin's origin holds only what
    werkplaats.site.browser_storage.EDITORS lists, the sign-in among them; the
    privacy page's editors' paragraph is rendered from that list."""
    found = session["storage"]
    assert (SIGN_IN.kind, SIGN_IN.name) in found, found
    assert unlisted(found, EDITORS) == set()
    # The comparison can fail: a list without the sign-in misses it.
    assert unlisted(found, [item for item in EDITORS if item != SIGN_IN]) == {(SIGN_IN.kind, SIGN_IN.name)}
    text = privacy.statement(load_settings(ROOT).organisation)
    assert all(f"`{item.name}`" in text for item in EDITORS)


def test_an_event_with_a_plain_text_place_keeps_it(session):
    text = (session["root"] / "posts" / "agenda" / f"{PLAIN_PLACE}.md").read_text(encoding="utf-8")
    assert "location: Rotterdam\n" in text and "Met koffie." in text


@pytest.mark.check("axe")
def test_axe_finds_only_decaps_own_violations(session):
    for view in AXE_VIEWS:
        assert not_decaps_own(session[view]) == {}, f"{view}: not known as Decap's own"


def decap_findings(session) -> dict:
    """What axe found in Decap's interface, as werkplaats/site/decap_axe.json holds
    it: per rule its impact and the number of distinct elements over the
    four screens."""
    from werkplaats.site.quality_checks import axe_version, npm_version

    targets: dict[str, set[str]] = {}
    for view in AXE_VIEWS:
        for rule, found in session[view].items():
            targets.setdefault(rule, set()).update(found)
    return {
        "decap-cms": npm_version("decap-cms"),
        "axe-core": axe_version(),
        "bevindingen": [{"regel": rule, "ernst": IMPACT[rule], "aantal": len(targets[rule])} for rule in sorted(targets)],
    }


def test_the_statement_names_exactly_what_axe_finds_in_decap(session):
    """The accessibility statement renders werkplaats/site/decap_axe.json as a known
    limitation of /admin/; a new Decap, a new axe or another finding makes
    this fail until the file is updated (the message holds its new text)."""
    from werkplaats.site.accessibility import ADMIN_FINDINGS

    measured = decap_findings(session)
    committed = json.loads(ADMIN_FINDINGS.read_text(encoding="utf-8"))
    assert committed == measured, f"werkplaats/site/decap_axe.json wordt:\n{json.dumps(measured, indent=2, ensure_ascii=False)}"


def test_the_allowlist_catches_a_violation_on_a_field_of_ours():
    """The filter above lets nothing else through: a rule Decap's UI does not
    break, or a known rule on one of our fields, is reported."""
    found = {"label": ["#title-field"], "color-contrast": ["#location-field-1"], "frame-title": ["#preview-pane"]}
    assert not_decaps_own(found) == {"label": ["#title-field"], "color-contrast": ["#location-field-1"]}


def served_without(text: str):
    """A route handler serving the page with `text` taken out (as the
    template escapes it in an attribute)."""
    escaped = str(markupsafe.escape(text))

    def serve(route):
        response = route.fetch()
        body = response.text()
        route.fulfill(response=response, body=body.replace(escaped, "") if text else body)

    return serve


def test_the_admin_needs_unsafe_eval_in_its_policy(cms, browser):
    """The policy's 'unsafe-eval', measured side by side: without it the admin
    never offers a sign-in (Decap compiles its configuration schema)."""
    _, admin = cms
    shown = {}
    for name, strip in (("as built", ""), ("without unsafe-eval", " 'unsafe-eval'")):
        context = browser.new_context(locale="nl-NL")
        page = context.new_page()

        page.route(admin, served_without(strip))
        page.goto(admin)
        policy = page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content")
        assert ("'unsafe-eval'" in policy) == (not strip)
        try:
            page.get_by_role("button", name="Inloggen").wait_for(timeout=8000)
            shown[name] = True
        except Exception:  # Playwright's TimeoutError: nothing to sign in with
            shown[name] = False
        context.close()
    assert shown == {"as built": True, "without unsafe-eval": False}


def test_the_public_admin_offers_github_sign_in_and_asks_no_other_host(tmp_path, browser):
    """/admin/ as deployed, with the organisation's proxy set: the sign-in
    button in Dutch, every file from the site itself. (Signing in needs
    GitHub and the proxy, which this machine does not reach.)"""
    from static_server import StaticServer
    from test_admin import PROXY, with_proxy

    site = with_proxy(Project(tmp_path / "project")).build(TODAY)
    context = browser.new_context(locale="nl-NL")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    with StaticServer(site) as server:
        page = context.new_page()
        page.goto(server.url + "admin/")
        page.get_by_role("button", name="Inloggen met GitHub").wait_for()
        config = page.evaluate("fetch('config.yml').then(r => r.text())")
    context.close()
    assert f"base_url: {PROXY}" in config
    assert {urlsplit(url).hostname for url in requests} == {"127.0.0.1"}


def test_a_draft_stays_off_main_until_it_is_published(tmp_path, browser):
    """The editorial workflow of the generated configuration, against
    decap-server's git mode (the GitHub backend does the same with a pull
    request): saving a draft makes a branch and leaves main as it was."""
    project = Project(tmp_path / "project")
    root = project.root
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "start"]):
        subprocess.run(["git", "-c", "user.email=test@example.org", "-c", "user.name=Test", *args], cwd=root, check=True)
    port, admin_port, backend_port = free_port(), free_port(), free_port()
    servers = cms_tool.start(root, port, admin_port, backend_port, mode="git", preview=False)
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    try:
        page = context.new_page()
        admin = f"http://127.0.0.1:{admin_port}/admin/"
        page.goto(admin)
        page.get_by_role("button", name="Inloggen").click()
        open_form(page, admin + "#/collections/nieuws/new")
        page.get_by_label("Titel").fill("Concept voor de stuurgroep")
        page.get_by_label("Publicatiedatum").fill("2026-11-20")
        page.locator("div[role=textbox]").first.click()
        page.keyboard.type("Nog niet af.")
        page.get_by_role("button", name="Opslaan").click()
        branch = "cms/nieuws/concept-voor-de-stuurgroep"
        for _ in range(100):
            listed = subprocess.run(["git", "branch", "--list", branch], cwd=root, capture_output=True, text=True).stdout
            if listed.strip():
                break
            page.wait_for_timeout(200)
        page.goto(admin + "#/workflow")
        page.reload()  # the board reads the drafts when it opens
        page.get_by_text("Concept voor de stuurgroep").first.wait_for()
        shot(page, "cms-workflow")
    finally:
        context.close()
        servers.stop()
    assert listed.strip(), "no branch for the draft"
    on_branch = subprocess.run(
        ["git", "show", f"{branch}:posts/nieuws/concept-voor-de-stuurgroep.md"], cwd=root, capture_output=True, text=True
    )
    assert "title: Concept voor de stuurgroep" in on_branch.stdout
    current = subprocess.run(["git", "branch", "--show-current"], cwd=root, capture_output=True, text=True).stdout.strip()
    assert current == "main" and not (root / "posts" / "nieuws" / "concept-voor-de-stuurgroep.md").exists()


# --- facts about places: posts/locaties.yml in its own form ---------------------------


@pytest.fixture(scope="module")
def facts(cms, browser):
    """The "Locaties" form: a place no event names is refused by the gate
    with the model's message; the place as the event writes it is saved."""
    project, admin = cms
    written = project.root / "posts" / "locaties.yml"
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", viewport={"width": 1280, "height": 900})
    seen: dict = {}
    try:
        page = context.new_page()
        page.goto(admin)
        page.get_by_role("button", name="Inloggen").click()
        page.goto(admin + "#/collections/locaties/entries/locaties")
        page.reload()
        page.get_by_role("button", name="Voeg locatie toe").click()
        page.get_by_label("Naam (optioneel)").fill("Rotterdm")  # a typo: no event is there
        page.get_by_label("Ringleiding (optioneel)").click()
        page.get_by_text("ja", exact=True).first.click()
        publish(page)
        page.get_by_text("make check zou dit weigeren").first.wait_for()
        seen["refused"] = page.locator("#wp-save-refused").inner_text()
        seen["refused_file"] = written.exists()
        # As the event writes it (PLAIN_PLACE_EVENT). Decap's list keeps the old
        # text under fill(): select it and type over it, as an editor does.
        name = page.get_by_label("Naam (optioneel)")
        name.click()
        name.press("Control+A")
        name.press_sequentially("Rotterdam")
        publish(page)
        seen["saved"] = wait_for_file(written.parent, written.name, page).read_text(encoding="utf-8")
        shot(page, "cms-locaties")
    finally:
        context.close()
    return seen


def test_facts_about_a_place_for_no_event_are_refused_before_saving(facts):
    assert not facts["refused_file"]
    assert 'geen activiteit vindt plaats op "Rotterdm" (bedoel je "Rotterdam"?)' in facts["refused"]


def test_facts_saved_in_the_cms_are_read_by_the_model_and_nothing_is_added(facts, repo):
    from werkplaats.content import place_facts

    repo.write("agenda/avond.md", PLAIN_PLACE_EVENT)
    repo.write("locaties.yml", facts["saved"])
    (found,) = place_facts.read(repo.settings)[0]
    assert (found.location.name, found.hearing_loop) == ("Rotterdam", True)
    assert (found.step_free, found.parking, found.directions) == (None, "", "")  # left empty: not known, not "nee"
    assert place_facts.problems(repo.settings, [read_entry(repo.root / "posts" / "agenda" / "avond.md", repo.settings)[0]]) == []
