"""Addresses that last: `aliases` in front matter, the redirect
pages the build writes for them, `make check` for addresses that would
disappear (compared with where the branch started, or BASE=<ref>), the calendar UID across a date change; and the scaffold's
placeholder text and the README.md files in afbeeldingen/ and bijlagen/,
which must never go public.

Front matter is written as an editor types it; the build is the real
`mkdocs build --strict`, read with real parsers.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import icalendar
import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, Project, Repo, git, manifest, on_a_branch, site_url

from tools import content_check
from werkplaats.content import aliases, schema
from werkplaats.content.addresses import public_path
from werkplaats.content.front_matter import StringLoader
from werkplaats.content.git_ref import RefError, changed_posts, entries_at
from werkplaats.content.history import History
from werkplaats.content.model import ContentError, ignored_files, load_all, read_entry
from werkplaats.core.placeholders import MARKER
from werkplaats.site import ical, search
from werkplaats.site.build import media_files, start_build

TODAY = "2026-11-22"
DAY = dt.date.fromisoformat(TODAY)
PY = sys.executable


def news(title: str, date: str, *lines: str, text: str = "Tekst van het bericht.") -> str:
    front = "".join(f"{line}\n" for line in lines)
    return f"---\ntitle: {title}\ndate: {date}\n{front}---\n\n{text}\n"


def event(title: str, start: str, *lines: str) -> str:
    front = "".join(f"{line}\n" for line in lines)
    return f"---\ntitle: {title}\nstart: {start}\nlocation: Dordrecht\n{front}---\n\nTekst van de activiteit.\n"


def problems_of(repo: Repo) -> list[str]:
    try:
        load_all(repo.settings)
    except ContentError as error:
        return [str(p) for p in error.problems]
    return []


# --- the aliases key ------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "nieuws/2026/11/20/oude-titel/",
        "nieuws/2026/11/20/oude-titel",
        "/nieuws/2026/11/20/oude-titel/",
        "nieuws/2026/11/20/oude-titel/index.html",
        "https://werkplaats-zhz.github.io/site/nieuws/2026/11/20/oude-titel/",
        "https://www.werkplaatssociaaldomeinzhz.nl/nieuws/2026/11/20/oude-titel/",
        "/site/nieuws/2026/11/20/oude-titel/",
    ],
)
@pytest.mark.parametrize("listed", ["[{}]", "{}"])  # one address may go without [ ]
def test_an_old_address_is_accepted_as_an_editor_pastes_it(repo, typed, listed):
    entry, problems = repo.read("nieuws/x.md", news("Nieuwe titel", "2026-11-22", "aliases: " + listed.format(typed)))
    assert problems == []
    assert entry.aliases == ["nieuws/2026/11/20/oude-titel/"]


def test_aliases_as_a_block_list_and_on_an_event(repo):
    entry, problems = repo.read(
        "agenda/x.md",
        event(
            "Kenniscafé",
            "2026-12-03 19:00",
            "aliases:",
            "  - agenda/2026/11/26/kenniscafe/",
            "  - nieuws/2026/11/01/kenniscafe-aangekondigd/",
        ),
    )
    assert problems == []
    assert entry.aliases == ["agenda/2026/11/26/kenniscafe/", "nieuws/2026/11/01/kenniscafe-aangekondigd/"]


@pytest.mark.parametrize(
    "line, message",
    [
        (
            "aliases: nieuws/2026/11/20/a/, nieuws/2026/11/21/b/",
            'aliases: "nieuws/2026/11/20/a/, nieuws/2026/11/21/b/" lijkt een lijst: zet er [ ] omheen',
        ),
        (
            "aliases: [oude-titel]",
            'aliases: "oude-titel" is geen oud adres van een bericht of activiteit: gebruik de vorm nieuws/JJJJ/MM/DD/titel/',
        ),
        ("aliases: [nieuws/oude-titel/]", 'aliases: "nieuws/oude-titel/" is geen oud adres'),
        ("aliases: [nieuws/2026/02/30/oude-titel/]", 'aliases: "nieuws/2026/02/30/oude-titel/": 2026-02-30 bestaat niet in de kalender'),
        (
            "aliases: [nieuws/2026/11/20/Oude-Titel/]",
            'aliases: "nieuws/2026/11/20/Oude-Titel/": een webadres heeft alleen kleine letters, schrijf nieuws/2026/11/20/oude-titel/',
        ),
        ("aliases: [nieuws/2026/11/20/oude-titel/?utm_source=nieuwsbrief]", "laat het deel vanaf ? weg"),
        (
            "aliases: [nieuws/2026/11/20/oude-titel/, /nieuws/2026/11/20/oude-titel]",
            'aliases: "/nieuws/2026/11/20/oude-titel" staat er twee keer in (als nieuws/2026/11/20/oude-titel/)',
        ),
        ("aliases: [contact/]", 'aliases: "contact/" is geen oud adres'),
        ("aliases:", "aliases: moet een lijst zijn"),
    ],
)
def test_a_wrong_alias_is_named_on_its_line(repo, line, message):
    entry, problems = repo.read("nieuws/x.md", news("Nieuwe titel", "2026-11-22", "description: Kort.", line))
    assert entry is None
    assert [(p.path, p.line) for p in problems] == [("posts/nieuws/x.md", 5)]
    assert message in problems[0].message


@pytest.mark.parametrize(
    "line, valid",
    [
        ("aliases: [nieuws/2026/11/20/oude-titel/]", True),
        ("aliases: /nieuws/2026/11/20/oude-titel/index.html", True),
        ("aliases:\n  - https://werkplaats-zhz.github.io/site/agenda/2026/11/20/oud/\n  - agenda/2026/11/19/ouder", True),
        ("aliases: [oude-titel]", False),
        ("aliases: [contact/]", False),
        ("aliases: [nieuws/2026/11/20/Oude-Titel/]", False),
        ("aliases: [nieuws/2026/11/20/oude-titel/?utm_source=x]", False),
        ("aliases: nieuws/2026/11/20/a/, nieuws/2026/11/21/b/", False),
    ],
)
def test_schema_and_validator_agree_on_aliases(repo, line, valid):
    front = f"title: Bericht\ndate: 2026-11-22\n{line}\n"
    _, problems = repo.read("nieuws/x.md", f"---\n{front}---\n\nTekst.\n")
    assert (problems == []) == valid, problems
    validator = jsonschema.Draft202012Validator(schema.schema("nieuws", repo.settings))
    assert (list(validator.iter_errors(yaml.load(front, StringLoader))) == []) == valid


def test_an_alias_that_is_another_page_names_both_files(repo):
    repo.write("nieuws/bestaand.md", news("Bestaand bericht", "2026-11-20"))
    repo.write("nieuws/nieuw.md", news("Nieuw", "2026-11-22", "aliases: [nieuws/2026/11/20/bestaand-bericht/]"))
    assert problems_of(repo) == [
        "posts/nieuws/nieuw.md:4: aliases: nieuws/2026/11/20/bestaand-bericht/ is het adres van posts/nieuws/bestaand.md: "
        "een oud adres mag geen bestaande pagina zijn, haal het weg"
    ]


def test_an_alias_of_a_draft_still_reserves_the_address(repo):
    # Once the draft is published, both could not be written.
    repo.write("agenda/concept.md", event("Oude activiteit", "2026-11-20", "draft: true"))
    repo.write("agenda/nieuw.md", event("Nieuwe activiteit", "2026-12-01", "aliases: [agenda/2026/11/20/oude-activiteit/]"))
    assert problems_of(repo) == [
        "posts/agenda/nieuw.md:5: aliases: agenda/2026/11/20/oude-activiteit/ is het adres van posts/agenda/concept.md: "
        "een oud adres mag geen bestaande pagina zijn, haal het weg"
    ]


def test_one_alias_in_two_files_names_both(repo):
    repo.write("nieuws/a.md", news("A", "2026-11-21", "aliases: [nieuws/2026/11/20/oud/]"))
    repo.write("verslagen/b.md", news("B", "2026-11-22", "aliases: [nieuws/2026/11/20/oud/]"))
    assert problems_of(repo) == [
        "posts/verslagen/b.md:4: aliases: nieuws/2026/11/20/oud/ staat ook in aliases van posts/nieuws/a.md: "
        "een oud adres kan maar naar één pagina leiden"
    ]


def test_an_alias_that_is_the_files_own_address(repo):
    # The date was changed back: the alias now points at the page itself.
    repo.write("nieuws/a.md", news("Terug", "2026-11-20", "aliases: [nieuws/2026/11/20/terug/]"))
    assert problems_of(repo) == [
        "posts/nieuws/a.md:4: aliases: nieuws/2026/11/20/terug/ is het huidige adres van dit bestand zelf: haal het weg uit aliases"
    ]


# --- redirect pages in a real build ------------------------------------------------------

ALIASED = {
    # file -> (text, old addresses written as the editor did, in normal form)
    "nieuws/verhuisd.md": (
        news(
            "Nieuwe titel van het bericht",
            "2026-11-22",
            "aliases: [nieuws/2026/11/20/oude-titel/, /nieuws/2026/10/01/nog-ouder/index.html]",
        ),
        ["nieuws/2026/11/20/oude-titel/", "nieuws/2026/10/01/nog-ouder/"],
    ),
    "agenda/2026-12-03-kenniscafe.md": (
        event(
            "Kenniscafé <over> wijken & buurten",
            "2026-12-03 19:00",
            "aliases: [https://werkplaats-zhz.github.io/site/agenda/2026/11/26/kenniscafe/]",
        ),
        ["agenda/2026/11/26/kenniscafe/"],
    ),
}
PLAIN = {
    "nieuws/gewoon.md": news("Gewoon bericht", "2026-11-01"),
    "verslagen/verslag.md": news("Verslag van de middag", "2026-10-15", "slug: verslag-middag"),
    "agenda/2026-12-10-hele-dag.md": event("Hele dag", "2026-12-10"),
    "nieuws/concept.md": news("Concept", "2026-11-02", "draft: true", "aliases: [nieuws/2026/01/01/concept-oud/]"),
}


@pytest.fixture(scope="module")
def aliased_site(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("aliassen") / "project")
    for rel, (text, _) in ALIASED.items():
        project.write(rel, text)
    for rel, text in PLAIN.items():
        project.write(rel, text)
    return project, project.build(TODAY)


def test_public_path_is_where_the_build_writes_every_entry(aliased_site):
    project, site = aliased_site
    entries = {e.rel: e for e in start_build(project.root, environ={"SITE_TODAY": TODAY}).entries}
    published = {file: item["url"] for file, item in manifest(site).items() if item["url"]}
    assert len(published) == len(ALIASED) + len(PLAIN) - 1  # all but the draft
    assert {file: public_path(entries[file]) for file in published} == published
    for url in published.values():
        assert (site / url / "index.html").is_file()


def test_every_old_address_leads_to_the_new_one(aliased_site):
    project, site = aliased_site
    urls = {file: item["url"] for file, item in manifest(site).items()}
    base = site_url()
    for rel, (_, old_addresses) in ALIASED.items():
        new = urls[f"posts/{rel}"]
        title = read_entry(project.root / "posts" / rel, project.settings)[0].title
        for old in old_addresses:
            page = BeautifulSoup((site / old / "index.html").read_text(encoding="utf-8"), "lxml")
            assert page.html["lang"] == "nl"
            assert page.select_one('meta[name="robots"]')["content"] == "noindex"
            assert page.select_one('link[rel="canonical"]')["href"] == base + new
            delay, _, target = page.select_one('meta[http-equiv="refresh"]')["content"].partition(";")
            assert delay == "0" and target.strip().startswith("url=")
            assert urljoin(base + old, target.strip().removeprefix("url=")) == base + new
            link = page.select_one("main a[href]")
            assert urljoin(base + old, link["href"]) == base + new
            assert link.get_text() == title  # the title as text: <, & escaped, not markup
            assert "nieuw adres" in page.select_one("main").get_text()
            assert page.select_one('meta[http-equiv="Content-Security-Policy"]') is not None


def test_redirect_pages_are_in_neither_sitemap_nor_search(aliased_site):
    _, site = aliased_site
    olds = [old for _, addresses in ALIASED.values() for old in addresses]
    sitemap = BeautifulSoup((site / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    locations = {loc.get_text() for loc in sitemap.find_all("loc")}
    assert locations and not {site_url() + old for old in olds} & locations
    indexed = {page["url"].lstrip("/") for page in search.read_index(site)}
    assert indexed and not indexed & set(olds)


def test_a_drafts_alias_writes_no_page(aliased_site):
    _, site = aliased_site
    assert not (site / "nieuws/2026/01/01/concept-oud").exists()


def test_the_redirect_template_escapes_and_links_relatively():
    redirect = aliases.Redirect("nieuws/2026/11/20/oud/", "agenda/2026/12/03/nieuw/", 'A & "B"', "posts/x.md")
    context = redirect.context("https://example.org/site/")
    assert context["href"] == "../../../../../agenda/2026/12/03/nieuw/"
    assert context["canonical"] == "https://example.org/site/agenda/2026/12/03/nieuw/"


# --- the calendar UID across a date change -----------------------------------------------


def vevent_of(entry) -> icalendar.Event:
    data = ical.calendar(
        [entry], {entry.rel: public_path(entry)}, site_url="https://example.org/", name="x", history=History(stamps={entry.rel: 0})
    )
    return icalendar.Calendar.from_ical(data).walk("VEVENT")[0]


def test_moving_an_event_keeps_its_calendar_uid_and_renaming_the_file_does_not(repo):
    """The UID comes from the file's name, so a subscriber's calendar moves
    the event instead of showing it twice. Renaming the file is a new event
    there: REDACTIE.md says to keep the name (with its old date)."""
    before, _ = repo.read("agenda/2026-11-26-kenniscafe.md", event("Kenniscafé", "2026-11-26 19:00"))
    moved, _ = repo.read(
        "agenda/2026-11-26-kenniscafe.md", event("Kenniscafé", "2026-12-03 19:00", "aliases: [agenda/2026/11/26/kenniscafe/]")
    )
    old, new = vevent_of(before), vevent_of(moved)
    assert str(old["UID"]) == str(new["UID"])
    assert new.decoded("DTSTART").date() == dt.date(2026, 12, 3)
    assert str(new["URL"]) == "https://example.org/agenda/2026/12/03/kenniscafe/"
    (repo.root / "posts/agenda/2026-11-26-kenniscafe.md").unlink()
    renamed, _ = repo.read("agenda/2026-12-03-kenniscafe.md", event("Kenniscafé", "2026-12-03 19:00"))
    assert str(vevent_of(renamed)["UID"]) != str(old["UID"])


# --- addresses that disappear (pure) ------------------------------------------------------


def snapshot(repo: Repo) -> list:
    return load_all(repo.settings)


def test_a_changed_date_asks_for_the_old_address_as_alias(repo):
    repo.write("nieuws/x.md", news("Oude titel", "2026-11-20", "description: Kort."))
    before = snapshot(repo)
    repo.write("nieuws/x.md", news("Nieuwe titel", "2026-11-21", "description: Kort."))
    problems, notes = aliases.disappearing(before, snapshot(repo), DAY)
    assert [str(p) for p in problems] == [
        "posts/nieuws/x.md:5: voeg toe: aliases: [nieuws/2026/11/20/oude-titel/] "
        "(anders verdwijnt het oude adres nieuws/2026/11/20/oude-titel/ en geven links ernaar een foutpagina)"
    ]
    assert notes == []
    # The editor adds the line the message gives: nothing disappears.
    repo.write("nieuws/x.md", news("Nieuwe titel", "2026-11-21", "description: Kort.", "aliases: [nieuws/2026/11/20/oude-titel/]"))
    assert aliases.disappearing(before, snapshot(repo), DAY) == ([], [])


def test_an_existing_aliases_line_is_extended_and_a_removed_alias_counts(repo):
    repo.write("agenda/a.md", event("Bijeenkomst", "2026-11-10", "aliases: [agenda/2026/11/03/bijeenkomst/]"))
    before = snapshot(repo)
    # Moved again; the editor replaced the alias instead of adding one.
    repo.write("agenda/a.md", event("Bijeenkomst", "2026-11-17", "description: Verplaatst.", "aliases: [agenda/2026/11/10/bijeenkomst/]"))
    (problem,), _ = aliases.disappearing(before, snapshot(repo), DAY)
    assert (problem.line, problem.message) == (
        6,
        (
            "maak van deze regel: aliases: [agenda/2026/11/10/bijeenkomst/, agenda/2026/11/03/bijeenkomst/] "
            "(anders verdwijnt het oude adres agenda/2026/11/03/bijeenkomst/ en geven links ernaar een foutpagina)"
        ),
    )


def test_a_deleted_file_says_how_to_keep_or_remove_its_address(repo):
    repo.write("nieuws/weg.md", news("Weg", "2026-11-01"))
    repo.write("nieuws/blijft.md", news("Blijft", "2026-11-02"))
    before = snapshot(repo)
    (repo.root / "posts/nieuws/weg.md").unlink()
    (problem,), notes = aliases.disappearing(before, snapshot(repo), DAY)
    assert problem.path == "posts/nieuws/weg.md" and problem.line == 1
    assert problem.message.startswith("is verwijderd: het adres nieuws/2026/11/01/weg/ verdwijnt van de site.")
    assert "Zet daar aliases: [nieuws/2026/11/01/weg/]" in problem.message
    assert "Zet het bestand terug met draft: true" in problem.message


def test_several_addresses_of_one_file_are_told_in_the_plural(repo):
    repo.write("nieuws/weg.md", news("Weg", "2026-11-01", "aliases: [nieuws/2026/10/01/weg/]"))
    repo.write("nieuws/x.md", news("Oud", "2026-11-03", "aliases: [nieuws/2026/10/03/oud/]"))
    before = snapshot(repo)
    (repo.root / "posts/nieuws/weg.md").unlink()
    repo.write("nieuws/x.md", news("Oud", "2026-11-04"))  # a new date, and the alias dropped
    deleted, moved = aliases.disappearing(before, snapshot(repo), DAY)[0]
    assert deleted.message.startswith("is verwijderd: de adressen nieuws/2026/10/01/weg/, nieuws/2026/11/01/weg/ verdwijnen van de site.")
    assert moved.message == (
        "voeg toe: aliases: [nieuws/2026/10/03/oud/, nieuws/2026/11/03/oud/] "
        "(anders verdwijnen de oude adressen nieuws/2026/10/03/oud/, nieuws/2026/11/03/oud/ en geven links ernaar een foutpagina)"
    )


def test_a_renamed_file_gets_the_suggestion(repo):
    repo.write("nieuws/oude-naam.md", news("Werkgroep", "2026-11-01"))
    before = snapshot(repo)
    (repo.root / "posts/nieuws/oude-naam.md").unlink()
    repo.write("nieuws/nieuwe-naam.md", news("Werkgroep", "2026-11-05"))
    (problem,), _ = aliases.disappearing(before, snapshot(repo), DAY)
    assert str(problem) == (
        "posts/nieuws/nieuwe-naam.md:4: voeg toe: aliases: [nieuws/2026/11/01/werkgroep/] "
        "(posts/nieuws/oude-naam.md is verwijderd of hernoemd; zonder alias verdwijnt zijn adres nieuws/2026/11/01/werkgroep/)"
    )


def test_a_renamed_event_is_told_to_keep_its_file_name(repo):
    repo.write("agenda/2026-11-05-kenniscafe.md", event("Kenniscafé", "2026-11-05 19:00"))
    before = snapshot(repo)
    (repo.root / "posts/agenda/2026-11-05-kenniscafe.md").unlink()
    repo.write("agenda/2026-11-12-kenniscafe.md", event("Kenniscafé", "2026-11-12 19:00"))
    (problem,), _ = aliases.disappearing(before, snapshot(repo), DAY)
    assert problem.path == "posts/agenda/2026-11-12-kenniscafe.md"
    assert problem.message.startswith("voeg toe: aliases: [agenda/2026/11/05/kenniscafe/]")
    assert "geef het bestand zijn oude naam 2026-11-05-kenniscafe.md terug" in problem.message


def test_a_draft_is_taken_off_on_purpose(repo):
    repo.write("verslagen/v.md", news("Verslag", "2026-11-01"))
    before = snapshot(repo)
    repo.write("verslagen/v.md", news("Verslag", "2026-11-01", "draft: true"))
    assert aliases.disappearing(before, snapshot(repo), DAY) == (
        [],
        ["posts/verslagen/v.md: bewust van de site gehaald (draft: true); dit adres verdwijnt: nieuws/2026/11/01/verslag/"],
    )
    # Deleting it later loses nothing: a draft has no public address.
    draft = snapshot(repo)
    (repo.root / "posts/verslagen/v.md").unlink()
    assert aliases.disappearing(draft, snapshot(repo), DAY) == ([], [])


def test_a_date_moved_into_the_future_is_named(repo):
    repo.write("nieuws/x.md", news("Later", "2026-11-01"))
    before = snapshot(repo)
    repo.write("nieuws/x.md", news("Later", "2026-12-01", "aliases: [nieuws/2026/11/01/later/]"))
    (problem,), _ = aliases.disappearing(before, snapshot(repo), DAY)
    assert problem.line == 3 and "staat nu gepland op 2026-12-01" in problem.message


# --- make check compares with git: where the branch started, or BASE=<ref> ------------------


def make_check(root: Path, *args: str, **env):
    environment = {**os.environ, "SITE_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": "", **env}
    environment.pop("BASE", None)
    return subprocess.run(["make", "-s", "check", *args, f"PY={PY}", "STAMP="], cwd=root, env=environment, capture_output=True, text=True)


def test_make_check_on_a_branch_lists_the_address_and_the_line_to_add(repo):
    repo.write("nieuws/kenniscafe.md", news("Kenniscafé in december", "2026-11-20", "description: Kom ook."))
    on_a_branch(repo)
    # The editor moves the date and changes the title, as in the GitHub editor.
    path = repo.root / "posts/nieuws/kenniscafe.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("2026-11-20", "2026-11-21").replace("in december", "op 21 november"), encoding="utf-8"
    )
    git(repo.root, "commit", "-qam", "een dag later")
    for result in (make_check(repo.root), make_check(repo.root, "BASE=main")):  # without BASE: where the branch started
        assert "check] Error 1" in result.stderr, result.stdout + result.stderr  # werkplaats.editing.check exits 1
        assert result.stdout.splitlines() == [
            "posts/nieuws/kenniscafe.md:5: voeg toe: aliases: [nieuws/2026/11/20/kenniscafe-in-december/] "
            "(anders verdwijnt het oude adres nieuws/2026/11/20/kenniscafe-in-december/ en geven links ernaar een foutpagina)"
        ]
        assert "1 bestand laat een webadres verdwijnen dat in main bestaat. Zie REDACTIE.md" in result.stderr
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "description: Kom ook.\n", "description: Kom ook.\naliases: [nieuws/2026/11/20/kenniscafe-in-december/]\n"
        ),
        encoding="utf-8",
    )
    result = make_check(repo.root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "Geen webadres uit main verdwijnt."


def test_make_check_counts_the_files_that_lose_an_address(repo):
    repo.write("nieuws/a.md", news("Bericht A", "2026-10-01"))
    repo.write("nieuws/b.md", news("Bericht B", "2026-10-02"))
    on_a_branch(repo)
    repo.write("nieuws/a.md", news("Bericht A", "2026-10-05"))
    assert "\n1 bestand laat een webadres verdwijnen dat in" in make_check(repo.root).stderr
    repo.write("nieuws/b.md", news("Bericht B", "2026-10-06"))
    assert "\n2 bestanden laten een webadres verdwijnen dat in" in make_check(repo.root).stderr


def test_make_check_on_a_branch_that_renames_an_event(repo):
    repo.write("agenda/2026-11-05-werkconferentie.md", event("Werkconferentie", "2026-11-05 13:00"))
    on_a_branch(repo)
    git(repo.root, "mv", "posts/agenda/2026-11-05-werkconferentie.md", "posts/agenda/2026-11-12-werkconferentie.md")
    repo.write("agenda/2026-11-12-werkconferentie.md", event("Werkconferentie", "2026-11-12 13:00"))
    git(repo.root, "commit", "-qam", "een week later")
    result = make_check(repo.root)
    assert "check] Error 1" in result.stderr, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "posts/agenda/2026-11-12-werkconferentie.md:5: voeg toe: aliases: [agenda/2026/11/05/werkconferentie/] "
        "(posts/agenda/2026-11-05-werkconferentie.md is verwijderd of hernoemd; zonder alias verdwijnt zijn adres "
        "agenda/2026/11/05/werkconferentie/; beter nog: geef het bestand zijn oude naam 2026-11-05-werkconferentie.md terug, "
        "dan blijft de activiteit dezelfde in de agenda's van abonnees)"
    ]


def test_make_check_on_main_compares_uncommitted_changes_with_the_last_commit(repo):
    repo.write("nieuws/werkgroep.md", news("Nieuwe werkgroep", "2026-10-01"))
    on_a_branch(repo)
    git(repo.root, "checkout", "-q", "main")
    git(repo.root, "branch", "-qD", "wijziging")
    result = make_check(repo.root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == (
        "Niet vergeleken met een andere versie: dit is main zelf, zonder wijzigingen in posts/ die nog niet gecommit zijn."
    )
    # Renamed and retitled, not yet committed: caught before the commit.
    (repo.root / "posts/nieuws/werkgroep.md").unlink()
    repo.write("nieuws/werkgroep-zuid.md", news("Nieuwe werkgroep Zuid", "2026-10-01"))
    result = make_check(repo.root)
    assert "check] Error 1" in result.stderr, result.stdout + result.stderr
    assert result.stdout.startswith("posts/nieuws/werkgroep.md:1: is verwijderd: het adres nieuws/2026/10/01/nieuwe-werkgroep/ verdwijnt")
    assert "1 bestand laat een webadres verdwijnen dat in de laatste commit (HEAD) bestaat." in result.stderr


def test_make_check_outside_git_checks_the_rest_and_says_it_did_not_compare(repo, tmp_path):
    repo.write("nieuws/werkgroep.md", news("Nieuwe werkgroep", "2026-10-01"))
    (repo.root / "Makefile").write_text((ROOT / "Makefile").read_text(encoding="utf-8"), encoding="utf-8")
    result = make_check(repo.root, GIT_CEILING_DIRECTORIES=str(repo.root.parent))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"posts/ is in orde: 1 bestand, 1 gepubliceerd op {TODAY}.",
        "Geen git-repository: webadressen niet vergeleken met een andere versie.",
    ]
    # Without git on the computer at all: the same check, its own line.
    empty = tmp_path / "geen-git"
    empty.mkdir()
    env = {**os.environ, "SITE_TODAY": TODAY, "PATH": str(empty)}
    result = subprocess.run([PY, "-m", "werkplaats.editing.check"], cwd=repo.root, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "Git is niet geïnstalleerd: webadressen niet vergeleken met een andere versie."
    # A broken post is still reported outside git.
    repo.write("nieuws/werkgroep.md", news('"Nieuwe werkgroep', "2026-10-01"))
    result = make_check(repo.root, GIT_CEILING_DIRECTORIES=str(repo.root.parent))
    assert "check] Error 1" in result.stderr and result.stdout.startswith("posts/nieuws/werkgroep.md:2: een aanhalingsteken")


def test_make_check_compares_with_the_merge_base_not_with_what_main_did_since(repo):
    repo.write("nieuws/a.md", news("Bericht A", "2026-10-01"))
    repo.write("nieuws/b.md", news("Bericht B", "2026-10-02"))
    on_a_branch(repo)
    start = git(repo.root, "rev-parse", "HEAD").strip()
    # The branch moves A without an alias: its own mistake.
    repo.write("nieuws/a.md", news("Bericht A", "2026-10-03"))
    git(repo.root, "commit", "-qam", "A later")
    # Meanwhile main deletes B and adds C, and that reached origin/main.
    git(repo.root, "checkout", "-q", "main")
    (repo.root / "posts/nieuws/b.md").unlink()
    repo.write("nieuws/c.md", news("Bericht C", "2026-10-04"))
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-qm", "main: B weg, C erbij")
    git(repo.root, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(repo.root, "reset", "-q", "--hard", start)  # the editor's own main was not pulled
    git(repo.root, "checkout", "-q", "wijziging")
    result = make_check(repo.root)
    assert "check] Error 1" in result.stderr, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "posts/nieuws/a.md:4: voeg toe: aliases: [nieuws/2026/10/01/bericht-a/] "
        "(anders verdwijnt het oude adres nieuws/2026/10/01/bericht-a/ en geven links ernaar een foutpagina)"
    ]
    assert f"dat in origin/main (versie {start[:7]}, waarop je wijzigingen voortbouwen) bestaat" in result.stderr
    # Compared with origin/main's tip, C would look deleted by the branch.
    tip = make_check(repo.root, "BASE=origin/main")
    assert "posts/nieuws/c.md:1: is verwijderd" in tip.stdout


def test_base_make_check_on_a_deleted_file_and_a_missing_ref(repo):
    repo.write("agenda/2026-11-05-werkconferentie.md", event("Werkconferentie", "2026-11-05 13:00"))
    on_a_branch(repo)
    (repo.root / "posts/agenda/2026-11-05-werkconferentie.md").unlink()
    result = make_check(repo.root, "BASE=main")
    assert "check] Error 1" in result.stderr
    assert result.stdout.startswith(
        "posts/agenda/2026-11-05-werkconferentie.md:1: is verwijderd: het adres agenda/2026/11/05/werkconferentie/ verdwijnt"
    )
    missing = make_check(repo.root, "BASE=bestaat-niet")
    assert "check] Error 2" in missing.stderr and "BASE=bestaat-niet: die git-versie bestaat niet" in missing.stderr


def test_only_the_files_that_differ_from_the_base_are_read_there(repo):
    for name in ("a", "b", "c"):
        repo.write(f"nieuws/{name}.md", news(name.upper(), "2026-10-01"))
    on_a_branch(repo)
    repo.write("nieuws/a.md", news("A", "2026-10-02"))
    git(repo.root, "commit", "-qam", "A later")
    (repo.root / "posts/nieuws/b.md").unlink()  # not committed
    repo.write("nieuws/d.md", news("D", "2026-10-03"))  # new, untracked
    changed = changed_posts("main", repo.root)
    assert changed == {"posts/nieuws/a.md", "posts/nieuws/b.md", "posts/nieuws/d.md"}
    entries, _ = entries_at("main", repo.root, only=changed)
    assert [(e.rel, e.date.isoformat()) for e in entries] == [("posts/nieuws/a.md", "2026-10-01"), ("posts/nieuws/b.md", "2026-10-01")]
    (repo.root / "mkdocs.yml").write_text((repo.root / "mkdocs.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert changed_posts("main", repo.root) is None  # the settings changed: every file is read


def test_the_ref_is_read_in_a_project_below_the_repository_root(tmp_path):
    outer = tmp_path / "repo"
    (outer / "site").mkdir(parents=True)
    project = Repo(outer / "site")
    project.write("nieuws/a.md", news("A", "2026-11-01"))
    git(outer, "init", "-q", "-b", "main")
    git(outer, "add", "-A")
    git(outer, "commit", "-qm", "basis")
    entries, unreadable = entries_at("main", project.root)
    assert [(e.rel, public_path(e)) for e in entries] == [("posts/nieuws/a.md", "nieuws/2026/11/01/a/")] and unreadable == []
    with pytest.raises(RefError):
        entries_at("HEAD~5", project.root)


def test_the_pull_request_check_compares_with_the_base(project, tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_TODAY", TODAY)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    project.write("nieuws/werkgroep.md", news("Nieuwe werkgroep", "2026-10-01"))
    on_a_branch(project)
    project.write("nieuws/werkgroep.md", news("Nieuwe werkgroep", "2026-10-02"))
    result = content_check.content_check(project.root, "main", tmp_path / "www")
    assert not result.ok
    assert [str(p) for p in result.problems] == [
        "posts/nieuws/werkgroep.md:4: voeg toe: aliases: [nieuws/2026/10/01/nieuwe-werkgroep/] "
        "(anders verdwijnt het oude adres nieuws/2026/10/01/nieuwe-werkgroep/ en geven links ernaar een foutpagina)"
    ]
    assert "voeg toe: aliases: [nieuws/2026/10/01/nieuwe-werkgroep/]" in content_check.summary(result)


# --- placeholder text --------------------------------------------------------------------


def test_placeholder_text_is_refused_where_it_could_go_public(repo):
    text = news(
        "Bericht",
        "2026-11-22",
        f"# description: {MARKER} (een zin)",
        f"description: {MARKER} (een zin)",
        text=f"Eigen eerste alinea.\n\n{MARKER.lower()} door de rest van de tekst.",
    )
    _, problems = repo.read("nieuws/x.md", text)
    assert [(p.line, p.message) for p in problems] == [
        (5, "vervang de voorbeeldtekst: deze regel komt uit make post, verslag of event; schrijf je eigen tekst of haal de regel weg"),
        (10, "vervang de voorbeeldtekst: deze regel komt uit make post, verslag of event; schrijf je eigen tekst of haal de regel weg"),
    ]


# --- README.md in afbeeldingen/ and bijlagen/ (shipped once; an old clone may have them) ---


def test_folder_readmes_are_not_posts_nor_published(repo):
    for kind in ("nieuws", "verslagen", "agenda"):
        for folder in ("afbeeldingen", "bijlagen"):
            repo.write(f"{kind}/{folder}/README.md", "# Uitleg\n\nZet hier de bestanden.\n")
    repo.write("nieuws/bericht.md", news("Bericht", "2026-11-22"))
    entries = load_all(repo.settings)
    assert [e.rel for e in entries] == ["posts/nieuws/bericht.md"]
    assert ignored_files(repo.settings) == []
    state = start_build(repo.root, environ={"SITE_TODAY": TODAY})
    assert [p for p in media_files(state) if p.name == "README.md"] == []
    # Any other README.md in posts/ is still read as a post, and refused as one.
    repo.write("nieuws/README.md", "# Uitleg\n")
    assert problems_of(repo) == ["posts/nieuws/README.md:1: het bestand moet beginnen met een regel met alleen --- (de front matter)"]


def test_the_shipped_media_folders_hold_media_only():
    """The CMS's media library lists every file of afbeeldingen/ and
    bijlagen/ (Decap cannot filter by kind): a README.md there showed as a
    picture, and could be chosen as an attachment. What they said stands in
    REDACTIE.md, section 6 (tests/test_cms_e2e.py opens the media library)."""
    from werkplaats.content.model import IMAGE_SUFFIXES

    for kind in ("nieuws", "verslagen", "agenda"):
        for folder in ("afbeeldingen", "bijlagen"):
            for path in (ROOT / "posts" / kind / folder).glob("*"):
                assert path.suffix.lower() != ".md", path
                if folder == "afbeeldingen":
                    assert path.suffix.lower() in IMAGE_SUFFIXES, path
