"""What make cms's gate asks before the CMS writes (werkplaats/editing/save_check.py,
tools/cms.py): `make check`'s own reading of the project with the change
applied, on a copy; refused for every problem of the files written and for
every problem elsewhere that the change brings about. The browser side is
tests/test_cms_e2e.py."""

from __future__ import annotations

import base64
import io

import pytest
from conftest import TODAY
from PIL import Image

from tools import cms as cms_tool
from werkplaats.editing import save_check

ENV = {"SITE_TODAY": TODAY}
EVENT = "posts/agenda/2026-12-17-inloop.md"
UNPLACED = "---\ntitle: Inloop\nstart: 2026-12-17 19:30\n---\n\nKom langs.\n"
PLACED = "---\ntitle: Inloop\nstart: 2026-12-17 19:30\nlocation:\n  name: Wijkcentrum\n---\n\nKom langs.\n"
REPORT = "---\ntitle: Verslag van de avond\ndate: 2026-10-01\n---\n\nZo ging het.\n"
WITH_REPORT = "---\ntitle: Avond\nstart: 2026-09-30\nreport: ../verslagen/avond.md\n---\n\nDe avond.\n"


def check(repo, write=None, delete=()):
    change = save_check.Change(write={k: v.encode() for k, v in (write or {}).items()}, delete=tuple(delete))
    return change, save_check.problems(repo.root, change, ENV)


def test_an_upcoming_event_without_a_place_is_refused_and_with_one_accepted(repo):
    change, found = check(repo, {EVENT: UNPLACED})
    assert [(p.path, p.line) for p in found] == [(EVENT, 4)]
    assert found[0].message.startswith("location ontbreekt")
    assert save_check.for_form(found, change)[0]["label"] == "Plaats"
    assert check(repo, {EVENT: PLACED})[1] == []
    assert not (repo.root / EVENT).exists()  # the check writes nothing into the project


def test_each_problem_is_told_with_the_field_it_is_about(repo):
    text = "---\ntitle: Inloop\nstart: 2026-12-17 19:30\nend: 2026-12-17 18:00\nlocation:\n  name: Wijkcentrum\n---\n\n"
    change, found = check(repo, {EVENT: text})
    shown = save_check.for_form(found, change)
    assert [(item["label"], item["message"][:14]) for item in shown] == [("Einde", "end: 2026-12-1"), ("Tekst", "er staat geen ")]
    assert save_check.summary(shown).startswith("make check zou dit weigeren: Einde: end: 2026-12-17 18:00 ligt voor start")
    # A path written another way (Windows separators) is the same file, with the same labels.
    other, found = check(repo, {EVENT.replace("/", "\\"): text})
    assert [item["label"] for item in save_check.for_form(found, other)] == ["Einde", "Tekst"]


def test_a_change_that_breaks_another_file_is_refused_there(repo):
    repo.write("verslagen/avond.md", REPORT)
    repo.write("agenda/2026-09-30-avond.md", WITH_REPORT)
    change, found = check(repo, delete=["posts/verslagen/avond.md"])
    assert [p.path for p in found] == ["posts/agenda/2026-09-30-avond.md"] and "report:" in found[0].message
    assert save_check.for_form(found, change)[0]["own"] is False
    assert (repo.root / "posts/verslagen/avond.md").is_file()


def test_what_was_wrong_elsewhere_before_does_not_stop_this_save(repo):
    repo.write("nieuws/kapot.md", "---\ntitle: Kapot\n---\n\nGeen datum.\n")
    assert check(repo, {EVENT: PLACED})[1] == []
    # But the file itself, saved and still wrong, is refused.
    found = check(repo, {"posts/nieuws/kapot.md": "---\ntitle: Kapot\n---\n\nNog steeds geen datum.\n"})[1]
    assert [p.path for p in found] == ["posts/nieuws/kapot.md"]


def test_two_posts_at_one_address_are_refused(repo):
    repo.write("nieuws/eerste.md", "---\ntitle: Nieuwe leden\ndate: 2026-11-20\n---\n\nTekst.\n")
    found = check(repo, {"posts/nieuws/tweede.md": "---\ntitle: Nieuwe leden\ndate: 2026-11-20\n---\n\nAndere tekst.\n"})[1]
    assert found and "hetzelfde webadres" in found[0].message


def test_the_project_file_is_never_written_through_its_copy(repo):
    """The copy links files where it can: a changed file is replaced in the
    copy, never written through the link into the project."""
    path = repo.write("agenda/2026-12-17-inloop.md", PLACED)
    check(repo, {EVENT: UNPLACED})
    assert path.read_text(encoding="utf-8") == PLACED


def test_a_path_out_of_posts_is_not_checked(repo):
    with pytest.raises(save_check.OutsideProject):
        check(repo, {"posts/../mkdocs.yml": "x"})


def test_the_gate_reads_what_decap_asks_to_write():
    photo = b"\xff\xd8\xff\xd9"
    request = {
        "action": "persistEntry",
        "params": {
            "dataFiles": [{"path": "posts/nieuws/a.md", "slug": "a", "raw": "---\ntitle: A\n---\n", "newPath": "posts/nieuws/b.md"}],
            "assets": [{"path": "posts/nieuws/afbeeldingen/f.jpg", "content": base64.b64encode(photo).decode(), "encoding": "base64"}],
            "options": {},
        },
    }
    change = cms_tool.change_of(request)
    assert change.write == {"posts/nieuws/b.md": b"---\ntitle: A\n---\n", "posts/nieuws/afbeeldingen/f.jpg": photo}
    assert change.delete == ("posts/nieuws/a.md",)
    assert cms_tool.change_of({"action": "deleteFiles", "params": {"paths": ["posts/x.md"]}}).delete == ("posts/x.md",)
    media = {
        "action": "persistMedia",
        "params": {"asset": {"path": "posts/nieuws/afbeeldingen/g.jpg", "content": "AAE=", "encoding": "base64"}},
    }
    assert cms_tool.change_of(media).write == {"posts/nieuws/afbeeldingen/g.jpg": b"\x00\x01"}
    assert cms_tool.change_of({"action": "getMedia", "params": {}}) is None


def test_a_photo_with_its_location_is_refused_and_a_clean_one_accepted(repo):
    """The gate runs make check's photo rule on an upload (werkplaats/content/photo_metadata.py):
    a photo the browser did not clean never reaches posts/."""
    from test_cms_e2e import phone_photo

    from werkplaats.content import photo_metadata

    path = "posts/nieuws/afbeeldingen/foto.jpg"
    found = save_check.problems(repo.root, save_check.Change(write={path: phone_photo(size=(64, 48))}), ENV)
    assert [p.path for p in found] == [path] and photo_metadata.LOCATION in found[0].message
    clean = io.BytesIO()
    Image.new("RGB", (64, 48), (30, 110, 160)).save(clean, "JPEG")
    assert save_check.problems(repo.root, save_check.Change(write={path: clean.getvalue()}), ENV) == []


# --- the gate fails closed: nothing it cannot check is written ----------------------------


def gate(repo):
    """The gate's decisions without its servers (Gate binds a port)."""
    from types import SimpleNamespace

    state = SimpleNamespace(root=repo.root, environ=ENV)
    return lambda change: cms_tool.Gate.refusal(state, change)


def test_a_write_the_gate_cannot_read_is_refused_not_passed_on():
    unreadable = b'{"action": "persistMedia", "params": {"asset": {"content": "AAE="}}}'  # no path
    assert cms_tool.Gate.change(unreadable) == {"error": cms_tool.UNREADABLE}
    assert cms_tool.Gate.change(b'{"action": "persistEntry", "params": {"dataFiles": "geen lijst"}}') == {"error": cms_tool.UNREADABLE}
    # Reads and listings pass on; so does what is not the API's JSON (decap-server refuses it).
    assert cms_tool.Gate.change(b'{"action": "getMedia", "params": {}}') is None
    assert cms_tool.Gate.change(b"niet json") is None


def test_a_path_out_of_posts_is_refused_by_the_gate(repo):
    refused = gate(repo)(save_check.Change(write={"posts/../mkdocs.yml": b"x"}))
    assert refused["error"].startswith("Niet opgeslagen: de redactieomgeving schrijft alleen in posts/")


def test_a_check_that_fails_refuses_the_save(repo, monkeypatch):
    def broken(*args):
        raise RuntimeError("mkdocs.yml kapot")

    monkeypatch.setattr(save_check, "problems", broken)
    refused = gate(repo)(save_check.Change(write={EVENT: PLACED.encode()}))
    assert "kon niet draaien" in refused["error"] and "RuntimeError: mkdocs.yml kapot" in refused["error"]
