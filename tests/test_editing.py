"""Editors publish without help: scaffolding, JSON Schema, annotations,
drafts and scheduled posts in preview and build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import manifest, wait_for

from werkplaats.content import model, place_facts
from werkplaats.content import schema as schema_module
from werkplaats.content.front_matter import StringLoader
from werkplaats.content.model import Problem, read_entry
from werkplaats.core.placeholders import MARKER
from werkplaats.core.publish import cname_for, pages_files
from werkplaats.core.settings import load_settings
from werkplaats.editing.check import annotation

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def run(args, cwd, **env):
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run(args, cwd=cwd, env=environment, capture_output=True, text=True)


# --- scaffolding --------------------------------------------------------------


@pytest.mark.parametrize(
    "target, args, folder",
    [
        ("post", ["TITLE=Nieuwe subsidie voor buurtinitiatieven"], "nieuws"),
        ("verslag", ["TITLE=Verslag: kenniscafé over eenzaamheid"], "verslagen"),
        ("event", ["TITLE=Netwerkbijeenkomst voorjaar", "START=2027-03-11 15:00"], "agenda"),
    ],
)
def test_scaffold_is_refused_until_the_editor_wrote_it_then_published(project, target, args, folder):
    result = run(["make", "-s", target, *args, f"PY={PY}", "STAMP="], project.root, SITE_TODAY="2026-11-22")
    assert result.returncode == 0, result.stderr
    rel = result.stdout.strip().splitlines()[-1]
    path = project.root / rel
    assert path.parent == project.root / "posts" / folder and path.is_file()
    text = path.read_text(encoding="utf-8")
    assert text.count("\n# ") >= 8  # optional keys as commented examples

    # Untouched, nothing the scaffold wrote can go public.
    check = run([PY, "-m", "werkplaats.editing.check"], project.root, SITE_TODAY="2026-11-22")
    assert check.returncode == 1
    placeholders = [n for n, line in enumerate(text.split("\n"), 1) if line.startswith(MARKER)]
    assert len(placeholders) == 2
    for number in placeholders:
        assert f"{rel}:{number}: vervang de voorbeeldtekst" in check.stdout
    if target == "event":
        assert "Museumpark" not in text  # no default place: the place is the editor's to fill in
        assert "location ontbreekt" in check.stdout
    # A free-text example uncommented as it is, is refused too.
    line = next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith("# description: "))
    example = text.split("\n")[line - 1]
    path.write_text(text.replace(example, example.removeprefix("# ")), encoding="utf-8")
    check = run([PY, "-m", "werkplaats.editing.check"], project.root, SITE_TODAY="2026-11-22")
    assert f"{rel}:{line}: vervang de voorbeeldtekst" in check.stdout

    # The editor writes the text, a description and (for an event) the place.
    first, second = (text.split("\n")[n - 1] for n in placeholders)
    edited = (
        text.replace(first, "Bewoners van Dordrecht kunnen geld aanvragen voor een plan voor hun buurt.")
        .replace(second, "## Zo vraag je aan\n\nStuur voor 1 maart een mail met je plan.")
        .replace(example, "description: Geld voor bewonersplannen in de buurt.")
        .replace("#   name: \n#   address: \n#   postcode: \n#   city: ", "  name: Het Energiehuis\n  city: Dordrecht")
        .replace("# location:", "location:")
    )
    path.write_text(edited, encoding="utf-8")
    check = run([PY, "-m", "werkplaats.editing.check"], project.root, SITE_TODAY="2026-11-22")
    assert check.returncode == 0, check.stdout
    entry, problems = read_entry(path, load_settings(project.root))
    assert problems == [] and entry.description == "Geld voor bewonersplannen in de buurt."
    site = project.build("2026-11-22")
    page = BeautifulSoup((site / manifest(site)[rel]["url"] / "index.html").read_text(encoding="utf-8"), "lxml")
    assert page.select_one("article h1").get_text(strip=True) == entry.title
    assert "Bewoners van Dordrecht kunnen geld aanvragen" in page.get_text() and MARKER not in page.get_text()
    if target == "event":
        assert entry.location.one_line == "Het Energiehuis, Dordrecht" and "Het Energiehuis" in page.get_text()
    again = run(["make", "-s", target, *args, f"PY={PY}", "STAMP="], project.root)
    assert again.returncode != 0 and "bestaat al" in again.stderr
    assert path.read_text(encoding="utf-8") == edited


def test_event_scaffold_needs_a_valid_start(project):
    result = run(["make", "-s", "event", "TITLE=Iets", "START=2027-02-30 10:00", f"PY={PY}", "STAMP="], project.root)
    assert result.returncode != 0 and "bestaat niet in de kalender" in result.stderr
    assert list((project.root / "posts" / "agenda").iterdir()) == []


# --- annotations ---------------------------------------------------------------


def test_check_prints_github_annotations_for_a_broken_post(project):
    project.write("nieuws/kapot.md", "---\ntitle: Kapot\ndate: 7 maart\n---\n\nTekst.\n")
    plain = run([PY, "-m", "werkplaats.editing.check"], project.root, GITHUB_ACTIONS="")
    assert plain.returncode == 1
    assert 'posts/nieuws/kapot.md:3: date: "7 maart" is geen datum' in plain.stdout
    assert "::error" not in plain.stdout
    annotated = run([PY, "-m", "werkplaats.editing.check"], project.root, GITHUB_ACTIONS="true")
    assert annotated.returncode == 1
    assert '::error file=posts/nieuws/kapot.md,line=3::date: "7 maart" is geen datum' in annotated.stdout


def test_annotation_escapes_newlines_and_percent():
    line = annotation(Problem("posts/a.md", 2, "50% klaar\nregel twee"))
    assert line == "::error file=posts/a.md,line=2::50%25 klaar%0Aregel twee"


# --- JSON Schema agrees with the validator --------------------------------------

NEWS_OK = "title: Bericht\ndate: 2026-11-22\n"
EVENT_OK = "title: Activiteit\nstart: 2027-01-14 19:30\nlocation: Dordrecht\n"
EXAMPLES = [
    # (kind, front matter, valid?)
    ("nieuws", NEWS_OK, True),
    (
        "nieuws",
        NEWS_OK
        + "description: Kort.\ncategories: [Kenniscafé]\ntags: [wijkteams]\nauthors: [werkplaats]\ndraft: true\nslug: eigen-adres\n",
        True,
    ),
    ("nieuws", "title: Bericht\n", False),  # date missing
    ("nieuws", "title: Bericht\ndate: 7 maart 2017\n", False),
    ("nieuws", "title: Bericht\ndate: 2017-02-30\n", False),
    ("nieuws", NEWS_OK + "catgories: [Kenniscafé]\n", False),
    ("nieuws", NEWS_OK + "categories: [Onbekend]\n", False),
    ("nieuws", NEWS_OK + "categories: Kenniscafé\n", True),  # one category as text
    ("nieuws", NEWS_OK + "tags: mantelzorg\n", True),  # one tag as text
    ("nieuws", NEWS_OK + "tags: mantelzorg, zorg\n", False),  # a list without [ ]
    ("nieuws", 'title: Bericht\ndate: "2026-11-22"\n', True),  # quoted: the same text
    ("nieuws", "title: Bericht\ndate: 2026-11-23T10:00:00.000Z\n", True),  # as web CMSs write it
    ("nieuws", "title: Bericht\ndate: 2026-11-23 10:00\n", True),
    ("nieuws", "title: Bericht\ndate: 23-11-2026\n", False),
    ("nieuws", "title: Yes\ndate: 2026-11-22\n", True),  # text, not a boolean
    ("nieuws", "title: 2024\ndate: 2026-11-22\n", True),
    ("nieuws", NEWS_OK + "draft: ja\n", True),
    ("nieuws", NEWS_OK + "draft: Nee\n", True),
    ("nieuws", NEWS_OK + "slug: 2026\n", True),
    ("nieuws", NEWS_OK + "image: afbeeldingen\\foto.jpg\nimage_alt: Foto\n", False),  # \ in a path
    ("nieuws", NEWS_OK + "report: ../verslagen/verslag.md\n", False),  # report belongs in the event
    ("nieuws", "title: [een, lijst]\ndate: 2026-11-22\n", False),  # list where a string belongs
    ("nieuws", NEWS_OK + "authors: [niemand]\n", False),
    ("nieuws", NEWS_OK + "draft: misschien\n", False),
    ("nieuws", NEWS_OK + "slug: Met Spaties\n", False),
    ("nieuws", "title: " + "x" * 151 + "\ndate: 2026-11-22\n", False),  # longer than TITLE_MAX
    ("nieuws", "title: " + "x" * 150 + "\ndate: 2026-11-22\n", True),
    ("nieuws", NEWS_OK + "slug: " + "-".join(["woord"] * 14) + "\n", False),  # 83 > SLUG_MAX
    ("nieuws", NEWS_OK + "image_alt: Alleen tekst\n", False),
    ("nieuws", NEWS_OK + "attachments:\n  - title: Iets\n", False),
    ("agenda", EVENT_OK, True),
    ("agenda", EVENT_OK + "end: 2027-01-14 21:30\nstatus: geannuleerd\nregistration: info@werkplaatssociaaldomeinzhz.nl\n", True),
    ("agenda", "title: Online\nstart: 2027-01-14\nonline: https://example.org/meet\n", True),
    # No place and not online: valid in itself. That an event still to come
    # needs a place depends on the day (tests/test_agenda_model.py).
    ("agenda", "title: Activiteit\nstart: 2027-01-14 19:30\n", True),
    ("agenda", "title: Activiteit\nstart: 2027-01-14 19:30\nlocation: {}\n", False),
    ("agenda", EVENT_OK.replace("19:30", "25:00"), False),
    ("agenda", EVENT_OK.replace("19:30", "19.30"), False),  # a dot where the colon goes
    ("agenda", EVENT_OK.replace("2027-01-14 19:30", '"2027-01-14 19:30"'), True),
    ("agenda", EVENT_OK.replace("2027-01-14 19:30", "2027-01-14T19:30:00+01:00"), True),
    ("agenda", EVENT_OK.replace("2027-01-14 19:30", "2027-01-14T19:30:00+25:00"), False),
    ("agenda", EVENT_OK + "end: 21:30\n", True),  # a time only: on the start's day
    ("agenda", EVENT_OK + "end: 21.30\n", False),
    ("agenda", EVENT_OK + "end: 24:30\n", False),
    ("agenda", EVENT_OK + "report: https://example.org/verslag\n", False),
    ("agenda", EVENT_OK + "tags: [mantelzorg]\ndraft: nee\n", True),
    ("agenda", EVENT_OK + "status: misschien\n", False),
    ("agenda", EVENT_OK + "registration: javascript:alert(1)\n", False),
    ("agenda", EVENT_OK + "online: data:text/html,x\n", False),
    ("agenda", EVENT_OK + "date: 2027-01-14\n", False),  # a news key on an event
    ("agenda", "title: Activiteit\nstart: 2027-01-14 19:30\nlocation:\n  naam: Dordrecht\n", False),
]


@pytest.mark.parametrize("kind, front, valid", EXAMPLES)
def test_schema_and_validator_agree(project, kind, front, valid):
    path = project.write(f"{kind}/voorbeeld.md", f"---\n{front}---\n\nTekst.\n")
    _, problems = read_entry(path, project.settings)
    assert (problems == []) == valid, problems
    data = yaml.load(front, StringLoader)
    validator = jsonschema.Draft202012Validator(schema_module.schema(kind, project.settings), format_checker=jsonschema.FormatChecker())
    errors = [e.message for e in validator.iter_errors(data)]
    assert (errors == []) == valid, errors


def test_shipped_schemas_are_generated_from_the_model():
    settings = load_settings()
    for kind, rel in schema_module.SCHEMA_FILES.items():
        assert (ROOT / rel).read_text(encoding="utf-8") == schema_module.render(kind, settings), f"run make schema: {rel} is out of date"
    vscode = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert set(vscode["yaml.schemas"]) == {f"./{rel}" for rel in schema_module.SCHEMA_FILES.values()}


def test_every_key_has_a_dutch_label_in_the_schema():
    """Forms (VS Code's hover, a CMS) name a key by its label: one per key,
    no two keys of a kind alike, and the JSON Schema carries it as title."""
    settings = load_settings()
    for kind in ("nieuws", "agenda"):
        fields = model.fields_for(kind)
        labels = [field.label for field in fields.values()]
        assert all(labels) and len(set(labels)) == len(labels), labels
        properties = schema_module.schema(kind, settings)["properties"]
        assert {key: p["title"] for key, p in properties.items()} == {key: f.label for key, f in fields.items()}
    # posts/locaties.yml: each part of a place and each fact by its Dutch label.
    item = schema_module.schema("locaties", settings)["properties"]["locaties"]["items"]["properties"]
    expected = place_facts.PLACE_LABELS | {key: label for key, (_, label, _) in place_facts.FACTS.items()}
    assert {key: p["title"] for key, p in item.items()} == expected


# --- drafts and scheduled posts -----------------------------------------------------

DRAFT = "---\ntitle: Concept over mantelzorg\ndate: 2026-11-01\ndraft: true\n---\n\nNog niet af.\n"
FUTURE = "---\ntitle: Gepland bericht over wijkteams\ndate: 2026-12-24\n---\n\nVerschijnt later.\n"
DRAFT_EVENT = "---\ntitle: Conceptactiviteit\nstart: 2027-02-01 10:00\nlocation: Dordrecht\ndraft: true\n---\n\nTekst.\n"


def test_drafts_and_scheduled_posts_are_not_built(project):
    for name, text in (("nieuws/concept.md", DRAFT), ("nieuws/gepland.md", FUTURE), ("agenda/concept.md", DRAFT_EVENT)):
        project.write(name, text)
    site = project.build("2026-11-22")
    everything = "".join(
        p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.suffix in (".html", ".xml", ".json", ".ics")
    )
    for title in ("Concept over mantelzorg", "Gepland bericht over wijkteams", "Conceptactiviteit"):
        assert title not in everything
    on_the_day = project.build("2026-12-24")
    assert (on_the_day / "nieuws/2026/12/24/gepland-bericht-over-wijkteams/index.html").is_file()
    assert not (on_the_day / "nieuws/2026/11/01/concept-over-mantelzorg").exists()


def flat(node) -> str:
    return " ".join(node.get_text().split())


def test_preview_shows_drafts_and_scheduled_posts_marked(project):
    for name, text in (("nieuws/concept.md", DRAFT), ("nieuws/gepland.md", FUTURE), ("agenda/concept.md", DRAFT_EVENT)):
        project.write(name, text)
    with project.serve("2026-11-22") as base:
        draft = BeautifulSoup(wait_for(base + "nieuws/2026/11/01/concept-over-mantelzorg/"), "lxml")
        assert flat(draft.select_one(".wp-marker")).startswith("Concept")
        future = BeautifulSoup(wait_for(base + "nieuws/2026/12/24/gepland-bericht-over-wijkteams/"), "lxml")
        assert flat(future.select_one(".wp-marker")).startswith("Gepland: verschijnt op 24 december 2026")
        event = BeautifulSoup(wait_for(base + "agenda/2027/02/01/conceptactiviteit/"), "lxml")
        assert flat(event.select_one(".wp-marker")).startswith("Concept")


# --- GitHub Pages files ------------------------------------------------------------------


def test_cname_only_for_an_own_domain(site):
    assert cname_for("https://werkplaats-zhz.github.io/site/") is None
    assert cname_for("https://www.werkplaatssociaaldomeinzhz.nl/") == "www.werkplaatssociaaldomeinzhz.nl"
    assert pages_files("https://www.werkplaatssociaaldomeinzhz.nl/") == {".nojekyll": "", "CNAME": "www.werkplaatssociaaldomeinzhz.nl\n"}
    assert (site / ".nojekyll").is_file() and not (site / "CNAME").exists()


def test_own_domain_build_writes_cname_and_absolute_urls(project):
    site = project.build("2026-11-22", SITE_URL="https://www.werkplaatssociaaldomeinzhz.nl/")
    assert (site / "CNAME").read_text() == "www.werkplaatssociaaldomeinzhz.nl\n"
    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    assert page.select_one("link[rel=canonical]")["href"] == "https://www.werkplaatssociaaldomeinzhz.nl/"


def test_check_reports_only_the_files_it_is_given(project):
    project.write("nieuws/a.md", "---\ntitle: A\ndate: 2026-13-01\n---\n\nTekst.\n")
    project.write("nieuws/b.md", "---\ntitle: B\ndate: 2026-11-01\n---\n\nTekst.\n")
    assert run([PY, "-m", "werkplaats.editing.check", "posts/nieuws/b.md"], project.root).returncode == 0
    only_a = run([PY, "-m", "werkplaats.editing.check", "posts/nieuws/a.md"], project.root)
    assert only_a.returncode == 1 and only_a.stdout.startswith("posts/nieuws/a.md:3: date:")


def test_pre_commit_runs_the_content_check_on_posts():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for repo in config["repos"] for h in repo["hooks"]]
    assert hook["entry"].endswith("-m werkplaats.editing.check") and hook["pass_filenames"] is True
    import re

    assert re.search(hook["files"], "posts/nieuws/x.md") and not re.search(hook["files"], "docs/index.md")
