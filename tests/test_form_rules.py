"""The rules across keys stated once as data (werkplaats/content/form_rules.py),
evaluated by the model on the file the CMS writes and by the form before it
saves (overrides/admin/form-rules.js under node): the same rules refuse the
same entries with the same messages. The form in Chromium through make cms:
tests/test_cms_e2e.py."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
import yaml
from conftest import PROJECT_TODAY, ROOT, TODAY
from test_cms import as_written, jpeg

from werkplaats.content import form_rules, model
from werkplaats.content.unsafe_markup import LINE_RULES
from werkplaats.core.settings import load_settings
from werkplaats.editing import cms

sys.path.insert(0, str(ROOT / "tools"))
import cms as cms_tool  # noqa: E402  (tools/cms.py, what `make cms` runs)

DAY = dt.date.fromisoformat(TODAY)
SCRIPT = ROOT / "overrides" / "admin" / "form-rules.js"
HARNESS = ROOT / "tests" / "form_rules_harness.js"
TEXT = "Een avond over mantelzorg."


def at(day: dt.date, hour: int = 19, minute: int = 30) -> str:
    """What the datetime widget writes (cms.MOMENT_FORMAT) for that moment."""
    return as_written(cms.MOMENT_FORMAT, dt.datetime.combine(day, dt.time(hour, minute)))


def days(n: int) -> dt.date:
    return DAY + dt.timedelta(days=n)


def event(start, *, body=TEXT, **keys) -> dict:
    return {"title": "Inloop", "start": start, **keys, "body": body}


def news(*, body=TEXT, **keys) -> dict:
    return {"title": "Nieuws", "date": str(days(-2)), **keys, "body": body}


PLACE = {"name": "Wijkcentrum De Hoven"}
ONLINE = "https://example.org/webinar"
PHOTO = "afbeeldingen/foto.jpg"  # what the image widget writes (its public_folder)
# (what, collection, the form's data, the rules that refuse it), on DAY.
ROWS = [
    ("upcoming without a place", "agenda", event(at(days(25))), {"place_missing"}),
    ("upcoming with a name", "agenda", event(at(days(25)), location=PLACE), set()),
    ("upcoming with an address only", "agenda", event(at(days(25)), location={"address": "Groenmarkt 153"}), set()),
    ("upcoming with a city only", "agenda", event(at(days(25)), location={"city": "Dordrecht"}), {"place_unfindable"}),
    (
        "upcoming with postcode and city",
        "agenda",
        event(at(days(25)), location={"postcode": "3311 BD", "city": "Dordrecht"}),
        {"place_unfindable"},
    ),
    ("upcoming with a place as one text", "agenda", event(at(days(25)), location="Wijkcentrum"), set()),
    ("upcoming online without a place", "agenda", event(at(days(25)), online=ONLINE), set()),
    ("upcoming online with a city only", "agenda", event(at(days(25)), online=ONLINE, location={"city": "Dordrecht"}), set()),
    ("past without a place", "agenda", event(at(days(-30))), set()),
    ("past with a city only", "agenda", event(at(days(-30)), location={"city": "Dordrecht"}), set()),
    ("ending today without a place", "agenda", event(at(days(-2)), end=at(DAY, 12)), {"place_missing"}),
    ("ended yesterday without a place", "agenda", event(at(days(-2)), end=at(days(-1), 12)), set()),
    ("starting today without a place", "agenda", event(at(DAY, 8)), {"place_missing"}),
    ("started yesterday without a place", "agenda", event(at(days(-1))), set()),
    ("a whole day today, without a place", "agenda", event(str(DAY)), {"place_missing"}),
    # A series goes on as long as one of its dates is still to come.
    ("a series begun, a date to come, no place", "agenda", event(at(days(-30)), dates=[at(days(40))]), {"place_missing"}),
    ("a series over, no place", "agenda", event(at(days(-30)), dates=[at(days(-9))]), set()),
    (
        "a series begun, moved to a date to come, no place",
        "agenda",
        event(at(days(-30)), dates=[at(days(-9))], moved=[{"from": str(days(-9)), "to": at(days(3))}]),
        {"place_missing"},
    ),
    ("end before start", "agenda", event(at(days(25)), end=at(days(25), 18), location=PLACE), {"end_before_start"}),
    ("end equal to start", "agenda", event(at(days(25)), end=at(days(25)), location=PLACE), set()),
    ("end after start", "agenda", event(at(days(25)), end=at(days(25), 21), location=PLACE), set()),
    ("end a day before start, dates only", "agenda", event(str(days(25)), end=str(days(24)), location=PLACE), {"end_before_start"}),
    ("dates only, equal", "agenda", event(str(days(25)), end=str(days(25)), location=PLACE), set()),
    ("start a date, end with a time", "agenda", event(str(days(25)), end=at(days(26)), location=PLACE), {"end_form"}),
    (
        "end before start and no place",
        "agenda",
        event(at(days(25)), end=at(days(25), 18)),
        {"end_before_start", "place_missing"},
    ),
    ("past, end before start", "agenda", event(at(days(-30)), end=at(days(-30), 18)), {"end_before_start"}),
    ("news with a photo and its description", "nieuws", news(image=PHOTO, image_alt="De zaal"), set()),
    ("news with a photo without description", "nieuws", news(image=PHOTO), {"image_alt_missing"}),
    ("news with a description without photo", "nieuws", news(image_alt="De zaal"), {"image_missing"}),
    ("report with a description without photo", "verslagen", news(image_alt="De zaal"), {"image_missing"}),
    ("news without text", "nieuws", news(body=""), {"body_missing"}),
    ("news with only white space as text", "nieuws", news(body="  \n\n   \n"), {"body_missing"}),
    (
        "past event, photo without description, no text",
        "agenda",
        event(at(days(-30)), image=PHOTO, body=""),
        {"image_alt_missing", "body_missing"},
    ),
    # The rules on each line of the text (werkplaats/content/unsafe_markup.py): one
    # refusal per line that breaks one, as the model counts them.
    ("news with a script", "nieuws", news(body="Welkom.\n\n<script>alert(1)</script>"), {"unsafe_tag"}),
    ("news with an iframe, upper case", "nieuws", news(body="<IFRAME src='https://example.org'></IFRAME>"), {"unsafe_tag"}),
    ("report with an on...-attribute", "verslagen", news(body='Foto: <img src="x.jpg" onerror="alert(1)">'), {"unsafe_tag"}),
    ("news with a javascript: link", "nieuws", news(body="Lees [dit](javascript:alert(1))."), {"unsafe_link"}),
    ("event with a data: link in HTML", "agenda", event(at(days(-30)), body='<a href = "data:text/html,x">klik</a>'), {"unsafe_link"}),
    ("two bad lines and a good one", "nieuws", news(body="<script>\nGewone tekst.\n<embed src=x>"), {"unsafe_tag"}),
    (
        "harmless HTML and words that look alike",
        "nieuws",
        news(body="<b>Let op</b>: het <scripts>-project, data: 12 mei, <objecten>."),
        set(),
    ),
]


def row(what: str) -> tuple:
    (found,) = [r for r in ROWS if r[0] == what]
    return found


def as_saved(data: dict) -> str:
    """The file Decap's frontmatter format writes: the fields as YAML, then the text."""
    front = {key: value for key, value in data.items() if key != "body"}
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + data["body"]


def in_node(rules: dict, rows: list, saves: list = (), instants: list = ()) -> dict:
    request = {"script": str(SCRIPT), "rules": rules, "today": TODAY, "rows": rows, "saves": list(saves), "instants": list(instants)}
    done = subprocess.run(["node", str(HARNESS)], input=json.dumps(request), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def rules() -> dict:
    return cms.form_rules(load_settings())


def test_the_model_and_the_form_refuse_the_same_entries_with_the_same_messages(repo, rules):
    for kind in cms.COLLECTIONS:
        repo.write(f"{kind}/{cms.IMAGES}/foto.jpg", jpeg())
    found = in_node(rules, [{"collection": kind, "data": data} for _, kind, data, _ in ROWS])["rows"]
    labels = {kind: {field["name"]: field["label"] for field in cms.fields(kind, repo.settings)} for kind in cms.COLLECTIONS}
    for (what, kind, data, refused), in_form in zip(ROWS, found, strict=True):
        path = repo.write(f"{kind}/bericht.md", as_saved(data))
        entry, problems = model.read_entry(path, repo.settings, DAY)
        assert {p["id"] for p in in_form} == refused, what
        assert sorted(p.message for p in problems) == sorted(p["message"] for p in in_form), what
        rule_fields = {r["id"]: r["field"] for r in form_rules.RULES} | {r["id"]: "body" for r in LINE_RULES}
        assert all(p["label"] == labels[kind][rule_fields[p["id"]]] for p in in_form), what
        assert (entry is None) == bool(refused), what
    # Both kinds of rows, and every rule refuses at least one.
    assert {rule for *_, ids in ROWS for rule in ids} == {rule["id"] for rule in (*form_rules.RULES, *LINE_RULES)}
    assert sum(not ids for *_, ids in ROWS) >= 10


def test_the_messages_say_what_the_model_says(repo, rules):
    """Filled in from the form's values as the model fills them in from the file."""
    _, kind, data, _ = row("upcoming with postcode and city")
    (in_form,) = in_node(rules, [{"collection": kind, "data": data}])["rows"][0]
    assert in_form["message"].endswith("(alleen 3311 BD Dordrecht is genoeg bij een activiteit die al voorbij is)")
    assert in_form["label"] == "Plaats"
    _, kind, data, _ = row("end before start")
    (in_form,) = in_node(rules, [{"collection": kind, "data": data}])["rows"][0]
    assert in_form["message"] == f"end: {data['end']} ligt voor start {data['start']}" and in_form["label"] == "Einde"


def test_the_form_refuses_before_saving_and_lets_a_good_entry_through(rules):
    """Decap's preSave listener: a refusal throws the labelled messages (the
    notification shows the error as text) and fills the box; a good entry
    passes unchanged and closes the box. Rows that do not depend on the day."""
    backwards = event(at(days(25)), end=at(days(25), 18), online=ONLINE)
    good = event(at(days(25)), end=at(days(25), 21), online=ONLINE)
    result = in_node(rules, [], saves=[{"collection": "agenda", "data": backwards}, {"collection": "agenda", "data": good}])
    assert result["listeners"] == ["preSave"]
    refused, saved = result["saves"]
    message = f"end: {backwards['end']} ligt voor start {backwards['start']}"
    assert refused["saved"] is False and refused["text"] == f"Einde: {message}"
    (box,) = refused["shown"]
    assert box["problems"] == [{"label": "Einde", "message": message, "own": True}] and "Er is niets opgeslagen" in box["intro"]
    assert saved == {"saved": True, "changed": False, "shown": [None]}


def test_without_its_rules_the_form_refuses_to_save():
    """form-rules.json not served (a broken deploy): nothing is saved unchecked."""
    (save,) = in_node(None, [], saves=[{"collection": "agenda", "data": event(at(days(25)), location=PLACE)}])["saves"]
    assert save["saved"] is False and save["text"].startswith("de regels van het formulier zijn niet geladen")


def test_today_is_the_date_in_amsterdam():
    found = in_node(
        {"time_zone": form_rules.TIME_ZONE, "collections": {}, "text_parts": {}},
        [],
        instants=[
            "2026-11-21T22:59:00Z",  # 23:59 in winter time
            "2026-11-21T23:00:00Z",  # midnight
            "2026-06-30T21:59:00Z",  # 23:59 in summer time
            "2026-06-30T22:00:00Z",
        ],
    )["days"]
    assert found == ["2026-11-21", "2026-11-22", "2026-06-30", "2026-07-01"]


# --- what /admin/ serves is the model's data ---------------------------------------


def assert_the_models(served: dict) -> None:
    assert served == cms.form_rules(load_settings())
    assert served["time_zone"] == "Europe/Amsterdam"
    for kind, rules in served["collections"].items():
        assert [r["id"] for r in rules] == [r["id"] for r in form_rules.RULES if kind in r["kinds"]]
        for rule in rules:
            (own,) = [r for r in form_rules.RULES if r["id"] == rule["id"]]
            assert (rule["when"], rule["message"], rule["field"]) == (own["when"], own["message"], own["field"])


def test_the_build_serves_the_models_rules(site_build):
    assert_the_models(json.loads((site_build(PROJECT_TODAY) / "admin" / "form-rules.json").read_text(encoding="utf-8")))


def test_make_cms_serves_the_models_rules(tmp_path):
    cms_tool.write_admin(ROOT, tmp_path, 8181)
    assert_the_models(json.loads((tmp_path / "admin" / "form-rules.json").read_text(encoding="utf-8")))
