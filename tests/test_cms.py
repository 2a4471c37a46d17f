"""The CMS configuration generated from the content model (werkplaats/editing/cms.py).

One source: every key of the model (and so of the JSON Schema) is a field
with the model's label, help and required flag, and every field a key. What
each widget writes, as Decap CMS writes it, is read back by the model
without a problem: a form filled in can never produce a file `make check`
refuses for its form.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
import yaml
from PIL import Image

from werkplaats.content import model
from werkplaats.content import schema as schema_module
from werkplaats.core.settings import load_settings
from werkplaats.editing import cms

KINDS = list(cms.COLLECTIONS)


def form(kind: str, settings=None) -> dict[str, dict]:
    return {f["name"]: f for f in cms.collection(kind, settings or load_settings())["fields"]}


@pytest.mark.parametrize("kind", KINDS)
def test_every_schema_key_has_a_field_and_every_field_a_key(kind):
    settings = load_settings()
    keys = set(form(kind)) - {"body"}
    schema_kind = "agenda" if kind == "agenda" else "nieuws"
    assert keys == set(schema_module.schema(schema_kind, settings)["properties"])
    assert keys == set(model.fields_for(kind))


@pytest.mark.parametrize("kind", KINDS)
def test_fields_carry_the_models_label_help_and_required_flag(kind):
    fields = form(kind)
    for key, field in model.fields_for(kind).items():
        assert (fields[key]["label"], fields[key]["hint"], fields[key]["required"]) == (field.label, field.form_hint, field.required)
        # A form has no YAML: its hints never speak of the file's notation.
        assert not re.search(r"\btrue\b|JJJJ|\.yml|een lijst", fields[key]["hint"]), (key, fields[key]["hint"])
    assert [f for f in fields if f != "body"] == list(model.fields_for(kind))  # the guide's order


def test_choices_come_from_the_site_settings():
    settings = load_settings()
    fields = form("nieuws", settings)
    # The folder's own category (Nieuws, Verslagen) is added by the build, not chosen.
    assert fields["categories"]["options"] == [c for c in settings.categories if c not in settings.folder_categories.values()]
    assert [o["value"] for o in fields["authors"]["options"]] == list(settings.authors)
    assert form("agenda")["status"]["options"] == list(model.EVENT_STATUSES)


def test_the_configuration_is_dutch_with_drafts_as_pull_requests():
    config = cms.config(load_settings(), repo="werkplaats-zhz/site")
    assert config["locale"] == "nl" and config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {"name": "github", "repo": "werkplaats-zhz/site", "branch": "main"}
    assert "local_backend" not in config  # only under make cms (tests/test_admin.py)
    where = [c.get("folder") or [f["file"] for f in c["files"]] for c in config["collections"]]
    assert where == ["posts/nieuws", "posts/verslagen", "posts/agenda", ["posts/locaties.yml"]]
    yaml.safe_load(yaml.safe_dump(config, allow_unicode=True))  # plain YAML, no Python objects


# --- what the widgets write, read back by the model -----------------------------------

MOMENT_TOKENS = {"YYYY": "%Y", "MM": "%m", "DD": "%d", "HH": "%H", "mm": "%M"}


def as_written(fmt: str, moment: dt.datetime) -> str:
    """A datetime widget's value: its moment.js `format` applied."""
    return moment.strftime(re.sub("|".join(MOMENT_TOKENS), lambda m: MOMENT_TOKENS[m.group(0)], fmt))


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (0, 86, 107)).save(out, "JPEG")
    return out.getvalue()


def written(field: dict, example, moment: dt.datetime):
    """What the widget of `field` writes when an editor uses it."""
    widget = field["widget"]
    if widget == "datetime":
        return as_written(field["format"], moment)
    if widget == "boolean":
        return True
    if widget == "select":
        first = field["options"][0]
        value = first["value"] if isinstance(first, dict) else first
        return [value] if field.get("multiple") else value
    if widget == "image":
        return f"{field.get('public_folder', cms.IMAGES)}/foto.jpg"
    if widget == "relation":
        return field["value_field"].replace("{{slug}}", "verslag-van-de-avond")
    if widget == "object":
        # Every part, also those the model's example leaves out.
        return {sub["name"]: example.get(sub["name"], "1234 AB") for sub in field["fields"]}
    if widget == "list" and "field" in field:  # a list of one widget: a series' dates
        return [written(field["field"], None, moment)]
    if widget == "list" and "fields" in field:
        item = {}
        for n, sub in enumerate(field["fields"]):
            if sub["widget"] == "datetime":  # a moved date: from, then a week later
                item[sub["name"]] = as_written(sub["format"], moment + dt.timedelta(days=9 * n))
            else:
                item[sub["name"]] = f"{sub['public_folder']}/verslag.pdf" if sub["widget"] == "file" else "Verslag (pdf)"
        return [item]
    if widget == "string" and "pattern" in field:
        assert re.match(field["pattern"][0], example), (field["name"], example)
    return example  # string and list widgets write what is typed: the model's own example


@pytest.mark.parametrize("kind", KINDS)
def test_a_form_filled_in_completely_is_read_by_the_model(repo, kind):
    repo.write("verslagen/verslag-van-de-avond.md", "---\ntitle: Verslag van de avond\ndate: 2026-10-01\n---\n\nTekst.\n")
    repo.write(f"{kind}/{cms.IMAGES}/foto.jpg", jpeg())
    repo.write(f"{kind}/{cms.ATTACHMENTS}/verslag.pdf", b"%PDF-1.4\n%%EOF\n")
    moment = dt.datetime(2026, 10, 14, 19, 30)
    front = {}
    # A series' dates, each a date of its own: weekly from start to the fourth
    # week, the second cancelled, the third moved nine days on, and an extra date.
    series_moments = {"dates": 24, "cancelled": 7, "moved": 14, "until": 21}
    for key, field in model.fields_for(kind).items():
        widget = form(kind)[key]
        front[key] = written(widget, field.example, moment + dt.timedelta(days=series_moments.get(key, 0)))
    if kind == "agenda":
        front["end"] = as_written(form(kind)["end"]["format"], moment + dt.timedelta(hours=2))
    front["draft"] = False
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\nDe tekst van het bericht.\n"
    entry, problems = repo.read(f"{kind}/formulier.md", text)
    assert problems == [], "\n".join(map(str, problems)) + "\n" + text
    assert entry.title == front["title"]
    if kind == "agenda":
        assert entry.start.replace(tzinfo=None) == moment and entry.end.replace(tzinfo=None) == moment + dt.timedelta(hours=2)
        assert entry.report == "posts/verslagen/verslag-van-de-avond.md"
        assert entry.location.city == model.EVENT_FIELDS["location"].example["city"]
        assert [(o.original.isoformat(), o.status) for o in entry.dates] == [
            ("2026-10-14", ""),
            ("2026-10-21", "geannuleerd"),
            ("2026-11-04", ""),
            ("2026-10-28", "verplaatst"),
            ("2026-11-07", ""),
        ]
    else:
        assert entry.date == moment.date()


# --- fields the model requires only in some cases -----------------------------------

TODAY = dt.date(2026, 11, 22)
# Entries the model accepts on TODAY, each with keys that are not always
# required: taking one such key away may make the model refuse the entry.
ACCEPTED = {
    "nieuws": [
        {"title": "Foto van de avond", "date": "2026-11-20", "image": "afbeeldingen/foto.jpg", "image_alt": "De zaal"},
        {"title": "!!!", "date": "2026-11-20", "slug": "uitroep"},
    ],
    "agenda": [
        {"title": "Inloop", "start": "2026-12-10 19:30", "end": "2026-12-10 21:00", "location": {"name": "Wijkcentrum"}},
        {"title": "Webinar", "start": "2026-12-10 19:30", "online": "https://example.org/webinar"},
        {"title": "Avond", "start": "2026-12-10", "location": {"address": "Groenmarkt 153", "city": "Dordrecht"}},
    ],
}


def refused_without(repo, kind: str, front: dict, key: str) -> bool:
    rest = {k: v for k, v in front.items() if k != key}
    text = "---\n" + yaml.safe_dump(rest, allow_unicode=True, sort_keys=False) + "---\nDe tekst.\n"
    path = repo.write(f"{kind}/bericht.md", text)
    return bool(model.read_entry(path, repo.settings, TODAY)[1])


def test_a_field_required_only_in_some_cases_says_when(repo):
    """Decap marks every field that is not always required "(optioneel)".
    Each key whose absence the model refuses in an accepted entry says in its
    hint when it is required, first; and each that says so is such a key."""
    repo.write(f"nieuws/{cms.IMAGES}/foto.jpg", jpeg())
    conditional = set()
    for kind, fronts in ACCEPTED.items():
        for front in fronts:
            assert not refused_without(repo, kind, front, ""), front  # accepted as it is
            for key in front:
                if not model.fields_for(kind)[key].required and refused_without(repo, kind, front, key):
                    conditional.add(key)
    saying = {key for kind in ACCEPTED for key, field in model.fields_for(kind).items() if field.required_when}
    assert conditional == saying == {"image", "image_alt", "slug", "location", "online"}
    for kind in KINDS:
        for key, field in form(kind).items():
            if key in saying:
                assert field["hint"].startswith(model.fields_for(kind)[key].required_when), (kind, key)
                assert field["hint"].startswith("Verplicht "), (kind, key)
    # Inside Plaats: name or address.
    parts = {part["name"]: part for part in form("agenda")["location"]["fields"]}
    assert all("verplicht bij een activiteit die nog komt" in parts[key]["hint"] for key in ("name", "address"))
