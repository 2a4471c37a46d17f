"""The content model of news and reports (werkplaats.content.model), without a build:
every kind of bad front matter gives one Dutch problem on the right line,
valid files parse, and the helpers around it (dates, slugs, `make check`)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys

import pytest
import yaml
from conftest import PROJECT, PROJECT_TODAY, ROOT, BuildFailed, manifest, run_mkdocs, soup_of
from PIL import Image

from werkplaats.content.model import ContentError, Problem, blog_source, load_all, url_key, with_excerpt_separator
from werkplaats.core import dates, messages
from werkplaats.core.folders import is_folder_readme
from werkplaats.core.settings import load_settings
from werkplaats.core.slugs import slugify
from werkplaats.editing import check

VALID = "---\ntitle: Nieuw bericht\ndate: 2017-03-07\n---\n\nTekst van het bericht.\n"


def post(*front: str, body: str = "\nTekst van het bericht.\n") -> str:
    """A news file: title and date first, then the given front matter lines."""
    return "\n".join(["---", "title: Nieuw bericht", "date: 2017-03-07", *front, "---", body])


def only_problem(result) -> Problem:
    entry, problems = result
    assert entry is None
    assert len(problems) == 1, problems
    return problems[0]


# --- bad front matter: one problem, the right line, a helpful Dutch message -------

BAD = [
    # id, file text, line, parts of the message
    ("date in words", "---\ntitle: X\ndate: 7 maart\n---\n\nTekst.\n", 3, ['date: "7 maart" is geen datum', "JJJJ-MM-DD"]),
    ("date not in the calendar", post().replace("2017-03-07", "2017-02-30"), 3, ['"2017-02-30" bestaat niet in de kalender']),
    (
        "title missing",
        "---\ndate: 2017-03-07\n---\n\nTekst.\n",
        3,  # the closing ---
        ["title ontbreekt", "title:"],
    ),
    ("date missing", "---\ntitle: X\n---\n\nTekst.\n", 3, ["date ontbreekt", "date: "]),
    ("unknown key with hint", post("tags: [a]", "catgories: [Wijkteams]"), 5, ['onbekende sleutel "catgories"', 'bedoel je "categories"?']),
    (
        "unknown category with hint",
        post("categories: [Wijkteam]"),
        4,
        ['categorie "Wijkteam" bestaat niet', 'bedoel je "Wijkteams"?', "Formeel en informeel"],
    ),
    ("unknown author", post("authors: [redactie]"), 4, ['auteur "redactie"', "docs/nieuws/.authors.yml", "werkplaats"]),
    (
        "image that does not exist",
        post("image: afbeeldingen/weg.jpg", "image_alt: Een foto"),
        4,
        ['afbeelding "afbeeldingen/weg.jpg" bestaat niet', "posts/nieuws/afbeeldingen/"],
    ),
    (
        "image given as a web address",
        post("image: https://example.org/foto.jpg", "image_alt: Een foto"),
        4,
        ["moet een pad zijn vanaf dit bestand"],
    ),
    (
        "attachment missing",
        post("attachments:", "  - title: Verslag", "    file: bijlagen/weg.pdf"),
        4,
        ['bijlage "bijlagen/weg.pdf" bestaat niet'],
    ),
    (
        "attachment leaving posts/",
        post("attachments:", "  - title: Wachtwoorden", "    file: ../../etc/passwd"),
        4,
        ['"../../etc/passwd" wijst naar buiten de map posts/'],
    ),
    ("attachment without a title", post("attachments:", "  - file: bijlagen/a.pdf"), 4, ["precies twee regels", "title:", "file:"]),
    (
        "colon in an unquoted title",
        "---\ntitle: Verslag: de middag\ndate: 2017-03-07\n---\n\nTekst.\n",
        2,
        ["dubbele punt tussen aanhalingstekens", 'title: "Verslag: de middag"'],
    ),
    (
        "unclosed quote",
        '---\ntitle: "Verslag van de middag\ndate: 2017-03-07\n---\n\nTekst.\n',
        2,
        ["aanhalingsteken wordt niet gesloten", 'title: "Verslag van de middag"'],
    ),
    ("no opening ---", "title: X\ndate: 2017-03-07\n\nTekst.\n", 1, ["moet beginnen met een regel met alleen ---"]),
    ("no closing ---", "---\ntitle: X\ndate: 2017-03-07\n\nTekst.\n", 1, ["front matter wordt niet afgesloten", "---"]),
    ("empty file", "", 1, ["het bestand is leeg"]),
    ("only whitespace", "\n  \n\n", 1, ["het bestand is leeg"]),
    ("empty front matter", "---\n---\n\nTekst.\n", 1, ["front matter is leeg", "title", "date"]),
    ("front matter only, no body", "---\ntitle: X\ndate: 2017-03-07\n---\n", 5, ["geen tekst onder de front matter"]),
    ("front matter and blank lines only", "---\ntitle: X\ndate: 2017-03-07\n---\n\n\n", 5, ["geen tekst onder de front matter"]),
    ("tab after a key", "---\ntitle: X\n\tdate: 2017-03-07\n---\n\nTekst.\n", 3, ["staat een tab", "spaties"]),
    ("list where text belongs", post().replace("title: Nieuw bericht", "title: [a, b]"), 2, ["title: moet één tekst zijn, geen lijst"]),
    ("mapping where a list belongs", post("tags:", "  wijkteams: ja"), 4, ["tags: moet een lijst zijn", "[wijkteams, mantelzorg]"]),
    ("the same tag twice", post("tags: [wijkteams, wijkteams]"), 4, ['"wijkteams" staat er twee keer in']),
    ("the same one-letter tag twice", post("tags: [a, a]"), 4, ['"a" staat er twee keer in']),
    ("draft as a quoted word", post('draft: "misschien"'), 4, ['draft: "misschien" is geen ja/nee-waarde', "true of false"]),
    ("draft as a bare word", post("draft: misschien"), 4, ['"misschien" is geen ja/nee-waarde']),
    ("bad slug", post("slug: Mijn Bericht!"), 4, ["slug:", "kleine letters, cijfers en streepjes", '"mijn-bericht"']),
    ("key twice", "---\ntitle: X\ndate: 2017-03-07\ntitle: Y\n---\n\nTekst.\n", 4, ['"title" staat twee keer']),
    ("image_alt without image", post("image_alt: Een foto"), 4, ["image_alt zonder image"]),
    ("front matter is a list", "---\n- title\n- date\n---\n\nTekst.\n", 2, ["regels sleutel: waarde"]),
    ("empty description", post("description:"), 4, ["description: is leeg"]),
    # What YAML would silently change: refused, with the way to write it.
    (
        "# that YAML cuts off",
        post().replace("title: Nieuw bericht", "title: Werkgroep #2 start"),
        2,
        ['title: YAML leest alles vanaf " #" als commentaar', 'alleen "Werkgroep"', 'title: "Werkgroep #2 start"'],
    ),
    ("# in a tag", post("tags:", "  - werkgroep #2"), 5, ['tags: YAML leest alles vanaf " #"', '- "werkgroep #2"']),
    (
        "curly quotes around the title",
        post().replace("title: Nieuw bericht", "title: “Werkgroep”"),
        2,
        ["title: de waarde staat tussen gekrulde aanhalingstekens", 'title: "Werkgroep"'],
    ),
    (
        "the same tag with a capital",
        post("tags: [mantelzorg, Mantelzorg]"),
        4,
        ['tags: "mantelzorg" en "Mantelzorg" zijn hetzelfde (hoofdletters tellen niet mee)'],
    ),
    (
        "the same category in lower case",
        post("categories: [Wijkteams, wijkteams]"),
        4,
        ['categories: "Wijkteams" en "wijkteams" zijn hetzelfde'],
    ),
    (
        "tags with a comma, no brackets",
        post("tags: mantelzorg, zorg"),
        4,
        ['tags: "mantelzorg, zorg" lijkt een lijst', "[mantelzorg, zorg]"],
    ),
    ("list item without a space after -", post("tags:", "  -wijkteams"), 4, ["tags: zet een spatie na elk streepje: - wijkteams"]),
    (
        "list items without -",
        post("tags:", "  wijkteams", "  mantelzorg"),
        5,
        ["tags: zet elk item op een eigen regel met een streepje", "[wijkteams, mantelzorg]"],
    ),
    (
        "value YAML cannot read as text",
        post("description: ="),
        4,
        ['description: YAML leest "=" niet als gewone tekst', 'description: "="'],
    ),
    ("empty draft", post("draft:"), 4, ["draft: is leeg", "true"]),
    (
        "date in Dutch order",
        post().replace("2017-03-07", "07-03-2017"),
        3,
        ['date: "07-03-2017" is geen datum: zet het jaar vooraan: 2017-03-07'],
    ),
    ("date with one-digit month", post().replace("2017-03-07", "2017-3-7"), 3, ["schrijf maand en dag met twee cijfers: 2017-03-07"]),
    (
        "backslash in the image path",
        post("image: afbeeldingen\\foto.jpg", "image_alt: Een foto"),
        4,
        ['image: "afbeeldingen\\foto.jpg" bevat een \\: gebruik /', "afbeeldingen/foto.jpg"],
    ),
    (
        "backslash in an attachment path",
        post("attachments:", "  - title: Verslag", "    file: bijlagen\\verslag.pdf"),
        4,
        ["bevat een \\: gebruik /", "bijlagen/verslag.pdf"],
    ),
    (
        "report in a news item",
        post("report: ../verslagen/verslag.md"),
        4,
        ["report: hoort in het bestand van een activiteit in posts/agenda/", "haal deze regel hier weg"],
    ),
    # YAML syntax errors: the line of the mistake and how to write it.
    ("no space after the colon", post().replace("title: Nieuw bericht", 'title:"X"'), 2, ['zet een spatie na de dubbele punt: title: "X"']),
    (
        "no space after the colon of the date",
        post().replace("date: 2017-03-07", "date:2017-03-07"),
        3,
        ["zet een spatie na de dubbele punt: date: 2017-03-07"],
    ),
    ("no space after the colon, only key", '---\ntitle:"X"\n---\n\nTekst.\n', 2, ['zet een spatie na de dubbele punt: title: "X"']),
    (
        "hard space after the colon",
        post().replace("title: Nieuw", "title:\u00a0Nieuw"),
        2,
        ["na title: staat een vaste spatie", "typ de spatie"],
    ),
    (
        "no colon after the key",
        post().replace("title: Nieuw", "title Nieuw"),
        2,
        ["na title ontbreekt de dubbele punt: title: Nieuw bericht"],
    ),
    (
        "double quote inside double quotes",
        post().replace("title: Nieuw bericht", 'title: "Het "nieuwe" werken"'),
        2,
        ['de waarde bevat zelf een "', "enkele aanhalingstekens", """title: 'Het "nieuwe" werken'"""],
    ),
    (
        "text after the closing quote",
        post().replace("title: Nieuw bericht", 'title: "Nieuw" bericht'),
        2,
        ['de waarde begint met een " en die leest YAML als aanhalingsteken', """title: '"Nieuw" bericht'"""],
    ),
    (
        "apostrophe inside single quotes",
        post().replace("title: Nieuw bericht", "title: 'Wat is 't verschil'"),
        2,
        ["de waarde bevat zelf een '", "''", 'title: "Wat is \'t verschil"'],
    ),
    (
        "title starting with an apostrophe",
        post().replace("title: Nieuw bericht", "title: 't Kenniscafé"),
        2,
        ["begint met een '", 'title: "\'t Kenniscafé"'],
    ),
    (
        "title starting with @",
        post().replace("title: Nieuw bericht", "title: @werkplaats op bezoek"),
        2,
        ["met @ begint", 'title: "@werkplaats op bezoek"'],
    ),
    (
        "title starting with [",
        post().replace("title: Nieuw bericht", "title: [Verslag] de middag"),
        2,
        ["met [ begint", 'title: "[Verslag] de middag"'],
    ),
    (
        "misaligned attachment line",
        post("attachments:", "  - title: Verslag", "   file: bijlagen/a.pdf"),
        6,
        ["springt anders in dan de regel erboven", "zet file: recht onder title:"],
    ),
    (
        "# inside a list with [ ]",
        post("tags: [werkgroep #2, zorg]"),
        4,
        ["een lijst met [ wordt niet gesloten", "zet een item met # tussen aanhalingstekens"],
    ),
]


@pytest.mark.parametrize("text, line, parts", [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_bad_front_matter_gives_one_problem_on_the_right_line(repo, text, line, parts):
    problem = only_problem(repo.read("nieuws/x.md", text))
    assert problem.path == "posts/nieuws/x.md"
    assert problem.line == line, problem
    for part in parts:
        assert part in problem.message, problem
    assert str(problem) == f"posts/nieuws/x.md:{line}: {problem.message}"


TAB_INDENTED = [
    ("tab-indented list item", "---\ntitle: X\ndate: 2017-03-07\ntags:\n\t- wijkteams\n---\n\nTekst.\n", 5),
    ("tab before the first key", "---\n\ttitle: X\ndate: 2017-03-07\n---\n\nTekst.\n", 2),
    ("tab-indented attachment", "---\ntitle: X\ndate: 2017-03-07\nattachments:\n  - title: A\n\t  file: a.pdf\n---\n\nTekst.\n", 6),
]


@pytest.mark.parametrize("text, line", [case[1:] for case in TAB_INDENTED], ids=[case[0] for case in TAB_INDENTED])
def test_tab_indentation_is_named_as_a_tab(repo, text, line):
    problem = only_problem(repo.read("nieuws/x.md", text))
    assert problem.line == line
    assert "staat een tab" in problem.message, problem


def test_a_tab_inside_a_quoted_value_is_fine(repo):
    entry, problems = repo.read("nieuws/x.md", post().replace("title: Nieuw bericht", 'title: "Nieuw\tbericht"'))
    assert problems == []
    assert entry.title == "Nieuw\tbericht"


# --- quote mistakes: named where the quote opens, the advice publishes what was meant ------

# (the line as the editor typed it, the value the editor meant)
QUOTE_MISTAKES = [
    ('title: "Nieuwe foto van de werkgroep', "Nieuwe foto van de werkgroep"),  # closing " missing
    ("title: 'Nieuwe foto van de werkgroep", "Nieuwe foto van de werkgroep"),  # closing ' missing
    ('description: "De werkgroep kwam bij elkaar in Dordrecht.', "De werkgroep kwam bij elkaar in Dordrecht."),
    ('title: "Verslag: de middag', "Verslag: de middag"),
    ('title: "Werkgroep #2', "Werkgroep #2"),
    ("title: 'Wat is ''t verschil", "Wat is 't verschil"),  # the ' written double, as YAML wants
    ('title: "Nieuwe foto”', "Nieuwe foto"),  # closed with Word's quote
    # A quote at the start that is text: the value goes on after it.
    ('title: "Kennis" en kunde', '"Kennis" en kunde'),
    ('title: "Kennis" en "kunde"', '"Kennis" en "kunde"'),
    ("title: 'Kennis' en kunde", "'Kennis' en kunde"),
    ("title: 's Avonds open", "'s Avonds open"),
    ("title: 't Kenniscafé van 'de buurt'", "'t Kenniscafé van 'de buurt'"),
    ('title: "Nieuw" bericht van \'t Hart', '"Nieuw" bericht van \'t Hart'),
    # A quote inside a quoted value.
    ('title: "Het "Kenniscafé" van oktober"', 'Het "Kenniscafé" van oktober'),
    ('title: "Het "Kenniscafé" van oktober', 'Het "Kenniscafé" van oktober'),
    ("title: 'Wat is 's avonds open'", "Wat is 's avonds open"),
    ("title: 'Wat is 's avonds open", "Wat is 's avonds open"),
    ("title: 'Het \"nieuwe\" werken van 's avonds'", 'Het "nieuwe" werken van \'s avonds'),
    ('title: "Werkgroep 1\\2"', "Werkgroep 1\\2"),  # \2 is no escape YAML knows
    # Curly quotes from Word.
    ("title: “Nieuwe foto”", "Nieuwe foto"),
    ('title: “Nieuwe foto"', "Nieuwe foto"),
    ("title: “Nieuwe foto", "Nieuwe foto"),
    ("title: ‘Wat is ’s avonds open’", "Wat is ’s avonds open"),
]
# Quoted lines with colons after the mistake, and a body with quotes and colons.
LATER_LINES = ['description: "De werkgroep kwam bij elkaar."', "title: 'Foto''s: de werkgroep'", "tags: [werkgroep, 'zorg: thuis']"]
BODY = '\nDe "werkgroep": samen \'s avonds.\n'


def quote_files(broken: str) -> dict[str, tuple[str, int]]:
    """The broken line in a file at two places: {where: (text, its line)}."""
    key = broken.split(":", 1)[0]
    later = [line for line in LATER_LINES if not line.startswith(f"{key}:")]
    return {
        "first, quoted lines after it": ("\n".join(["---", broken, "date: 2017-03-07", *later, "---", BODY]), 2),
        "last line of the front matter": ("\n".join(["---", "date: 2017-03-07", *later, broken, "---", BODY]), 3 + len(later)),
    }


def advised_line(message: str, broken: str) -> str:
    """The corrected line the message ends with, indented as the broken line."""
    start = "- " if broken.lstrip().startswith("- ") else broken.strip().split(":", 1)[0] + ":"
    return broken[: len(broken) - len(broken.lstrip())] + message[message.rindex(" " + start) + 1 :]


@pytest.mark.parametrize("broken, meant", QUOTE_MISTAKES, ids=[case[0] for case in QUOTE_MISTAKES])
def test_a_quote_mistake_is_named_where_it_opens_and_its_advice_publishes_what_was_meant(repo, broken, meant):
    key = broken.split(":", 1)[0]
    for where, (text, line) in quote_files(broken).items():
        problem = only_problem(repo.read("nieuws/x.md", text))
        assert problem.line == line, (where, problem)
        advice = advised_line(problem.message, broken)
        assert advice != broken, (where, problem)
        lines = text.split("\n")
        assert lines[line - 1] == broken
        lines[line - 1] = advice
        entry, problems = repo.read("nieuws/x.md", "\n".join(lines))
        assert problems == [], (where, advice, problems)
        assert getattr(entry, key) == meant, (where, advice)


def test_a_quote_mistake_under_a_key_or_in_a_list_keeps_its_place(repo):
    for broken, meant, attribute in [
        ('  name: "Buurthuis De Brug', "Buurthuis De Brug", lambda e: e.location.name),
        ('  - "werkgroep', "werkgroep", lambda e: e.tags[0]),
    ]:
        parent = "location:" if "name" in broken else "tags:"
        after = ["  city: Dordrecht"] if parent == "location:" else ["  - zorg"]
        text = "\n".join(["---", "title: 'Foto''s: de werkgroep'", "start: 2026-11-20 14:00", parent, broken, *after, "---", BODY])
        problem = only_problem(repo.read("agenda/x.md", text))
        assert problem.line == 5, problem
        lines = text.split("\n")
        lines[4] = advised_line(problem.message, broken)
        entry, problems = repo.read("agenda/x.md", "\n".join(lines))
        assert problems == [] and attribute(entry) == meant, (lines[4], problems)


def test_the_issue_s_unclosed_description_is_named_on_its_own_line(repo):
    # Once reported on line 8, the first later quote, as "geen geldige YAML".
    lines = [
        "---",
        "title: Nieuwe foto van de werkgroep",
        "date: 2017-03-07",
        'description: "De werkgroep kwam bij elkaar in Dordrecht.',
        "tags: [werkgroep]",
        "categories: [Wijkteams]",
        "authors: [werkplaats]",
        'slug: "foto-werkgroep"',
        "---",
        BODY,
    ]
    problem = only_problem(repo.read("nieuws/x.md", "\n".join(lines)))
    assert (problem.line, problem.message) == (
        4,
        "een aanhalingsteken wordt niet gesloten: zet aan het eind van de waarde hetzelfde teken: "
        'description: "De werkgroep kwam bij elkaar in Dordrecht."',
    )


# (a list line as the editor typed it, the list the editor meant)
LIST_QUOTE_MISTAKES = [
    ('tags: ["werkgroep, zorg]', ["werkgroep", "zorg"]),
    ("tags: ['werkgroep, zorg]", ["werkgroep", "zorg"]),
    ('tags: [werkgroep, "zorg]', ["werkgroep", "zorg"]),
    ('tags: ["werkgroep", "zorg: thuis]', ["werkgroep", "zorg: thuis"]),
    ('tags: ["werkgroep', ["werkgroep"]),
]


@pytest.mark.parametrize("broken, meant", LIST_QUOTE_MISTAKES, ids=[case[0] for case in LIST_QUOTE_MISTAKES])
def test_a_quote_mistake_in_a_list_in_brackets(repo, broken, meant):
    for where, (text, line) in quote_files(broken).items():
        problem = only_problem(repo.read("nieuws/x.md", text))
        assert problem.line == line, (where, problem)
        advice = advised_line(problem.message, broken)
        entry, problems = repo.read("nieuws/x.md", text.replace(broken, advice))
        assert problems == [] and entry.tags == meant, (where, advice, problems)


def test_an_unclosed_quote_that_yaml_closes_on_a_later_line_is_still_named(repo):
    # The first " on the description line closes the title: valid YAML, one long title.
    text = post('description: Kom ook"').replace("title: Nieuw bericht", 'title: "Nieuw bericht')
    problem = only_problem(repo.read("nieuws/x.md", text))
    assert problem.line == 2 and problem.message.endswith('title: "Nieuw bericht"'), problem


@pytest.mark.parametrize(
    "line, title",
    [
        ('title: Het "Kenniscafé van oktober', 'Het "Kenniscafé van oktober'),  # a quote in the middle: text
        ("title: Wat is 's avonds open", "Wat is 's avonds open"),
        ('title: "Het ""nieuwe"" werken"'.replace('""', '\\"'), 'Het "nieuwe" werken'),  # escaped, on purpose
        ("title: 'Wat is ''t verschil'", "Wat is 't verschil"),
        ('title: "Kenniscafé" # de titel', "Kenniscafé"),  # a comment after the quote
        ('title: "Nieuwe foto\n  van de werkgroep"', "Nieuwe foto van de werkgroep"),  # over two lines, as YAML allows
        ("title: '“Samen” in de wijk'", "“Samen” in de wijk"),
        ("title: “Samen” in de wijk", "“Samen” in de wijk"),
    ],
)
def test_quotes_that_are_fine_stay_fine(repo, line, title):
    entry, problems = repo.read("nieuws/x.md", post().replace("title: Nieuw bericht", line))
    assert problems == [] and entry.title == title


def test_image_without_image_alt_points_at_the_image_line(repo):
    image = io.BytesIO()
    Image.new("RGB", (8, 6), "teal").save(image, "JPEG")
    repo.write("nieuws/afbeeldingen/foto.jpg", image.getvalue())
    problem = only_problem(repo.read("nieuws/x.md", post("tags: [a]", "image: afbeeldingen/foto.jpg")))
    assert (problem.path, problem.line) == ("posts/nieuws/x.md", 5)
    assert problem.message.startswith("image_alt ontbreekt")


def test_image_must_be_an_image_file(repo):
    repo.write("nieuws/bijlagen/verslag.pdf", b"%PDF-1.4\n")
    problem = only_problem(repo.read("nieuws/x.md", post("image: bijlagen/verslag.pdf", "image_alt: Een verslag")))
    assert problem.line == 4
    assert "is geen afbeelding" in problem.message and ".jpg" in problem.message


def test_non_utf8_bytes_are_reported_on_the_line_of_the_bad_byte(repo):
    text = post(body="\nEerste alinea.\n\nCaf\xe9 in Dordrecht.\n").encode("latin-1")
    assert text.split(b"\n")[7] == b"Caf\xe9 in Dordrecht."  # line 8
    problem = only_problem(repo.read("nieuws/x.md", text))
    assert (problem.path, problem.line) == ("posts/nieuws/x.md", 8)
    assert "geen UTF-8" in problem.message


def test_a_file_outside_the_kind_folders_is_refused(repo):
    problem = only_problem(repo.read("blog/x.md", VALID))
    assert problem.path == "posts/blog/x.md" and problem.line == 1
    assert "posts/nieuws" in problem.message and "verplaats" in problem.message


def test_every_problem_of_a_file_is_reported_not_just_the_first(repo):
    entry, problems = repo.read("nieuws/x.md", "---\ntitle: X\ndate: 7 maart\ncatgories: [a]\ndraft: soms\n---\n\nTekst.\n")
    assert entry is None
    assert [p.line for p in problems] == [3, 4, 5]
    assert problems[0].message.startswith('date: "7 maart"')
    assert problems[1].message.startswith('onbekende sleutel "catgories"')
    assert problems[2].message.startswith('draft: "soms"')


# --- valid files ------------------------------------------------------------------


def test_valid_news_item_parses(repo):
    entry, problems = repo.read("nieuws/x.md", VALID)
    assert problems == []
    assert (entry.kind, entry.rel, entry.title, entry.date) == ("nieuws", "posts/nieuws/x.md", "Nieuw bericht", dt.date(2017, 3, 7))
    assert entry.slug == "nieuw-bericht"
    assert entry.body.strip() == "Tekst van het bericht."
    assert entry.draft is False


def test_bom_and_windows_line_endings_parse(repo):
    text = '\ufeff---\r\ntitle: "Kenniscafé: samenspel"\r\ndate: 2018-10-30\r\ntags: [wmo]\r\n---\r\n\r\nEerste alinea.\r\n\r\nTweede.\r\n'
    path = repo.write("verslagen/x.md", text.encode("utf-8"))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf---\r\n")
    entry, problems = repo.read("verslagen/x.md")
    assert problems == []
    assert entry.title == "Kenniscafé: samenspel"
    assert entry.date == dt.date(2018, 10, 30)
    assert entry.tags == ["wmo"]
    assert "\r" not in entry.body and entry.body.split() == ["Eerste", "alinea.", "Tweede."]


def test_problem_lines_count_from_the_file_with_bom_and_crlf(repo):
    text = "\ufeff---\r\ntitle: X\r\ndate: 7 maart\r\n---\r\n\r\nTekst.\r\n"
    problem = only_problem(repo.read("nieuws/x.md", text.encode("utf-8")))
    assert problem.line == 3 and "7 maart" in problem.message


@pytest.mark.parametrize("folder, category", [("nieuws", "Nieuws"), ("verslagen", "Verslagen")])
def test_folder_category_is_added_first(repo, folder, category):
    entry, problems = repo.read(f"{folder}/x.md", post("categories: [Wijkteams, Kenniscafé]"))
    assert problems == []
    assert entry.categories == [category, "Wijkteams", "Kenniscafé"]
    entry, _ = repo.read(f"{folder}/y.md", VALID)
    assert entry.categories == [category]


@pytest.mark.parametrize("folder, category", [("nieuws", "Nieuws"), ("verslagen", "Verslagen")])
def test_folder_category_written_by_the_editor_is_not_doubled(repo, folder, category):
    entry, problems = repo.read(f"{folder}/x.md", post(f"categories: [Wijkteams, {category}]"))
    assert problems == []
    assert entry.categories.count(category) == 1
    assert sorted(entry.categories) == sorted(["Wijkteams", category])


def test_attachment_inside_posts_is_accepted(repo):
    pdf = repo.write("verslagen/bijlagen/verslag.pdf", b"%PDF-1.4\n")
    entry, problems = repo.read("verslagen/x.md", post("attachments:", '  - title: "Verslag (PDF)"', "    file: bijlagen/verslag.pdf"))
    assert problems == []
    [attachment] = entry.attachments
    assert (attachment.title, attachment.file, attachment.path) == ("Verslag (PDF)", "bijlagen/verslag.pdf", pdf.resolve())


def test_own_slug_and_draft(repo):
    entry, problems = repo.read("nieuws/x.md", post("slug: eigen-adres", "draft: true"))
    assert problems == []
    assert entry.slug == "eigen-adres" and entry.draft is True


# --- front matter as typed: YAML guesses no types, the model reads the text ----------


@pytest.mark.parametrize(
    "line, expected",
    [
        ('date: "2017-03-07"', dt.date(2017, 3, 7)),
        ("date: '2017-03-07'", dt.date(2017, 3, 7)),
        ("date: 2017-03-07T10:00:00.000Z", dt.date(2017, 3, 7)),
        ("date: 2017-03-07T23:30:00Z", dt.date(2017, 3, 8)),  # 00:30 in Amsterdam
        ("date: 2017-03-07T00:30:00+02:00", dt.date(2017, 3, 6)),  # 23:30 in Amsterdam
        ("date: 2017-03-07 10:00", dt.date(2017, 3, 7)),
        ("date: 2017-03-07t10:00:00z", dt.date(2017, 3, 7)),
    ],
)
def test_dates_quoted_or_with_a_time_zone(repo, line, expected):
    entry, problems = repo.read("nieuws/x.md", post().replace("date: 2017-03-07", line))
    assert problems == []
    assert entry.date == expected


@pytest.mark.parametrize(
    "word, expected",
    [
        ("true", True),
        ("ja", True),
        ("Ja", True),
        ("JA", True),
        ("yes", True),
        ("false", False),
        ("nee", False),
        ("Nee", False),
        ("No", False),
        ("FALSE", False),
        ("true # nog niet af", True),  # a comment after a yes/no value is a comment
    ],
)
def test_draft_yes_and_no_in_dutch_and_english(repo, word, expected):
    entry, problems = repo.read("nieuws/x.md", post(f"draft: {word}"))
    assert problems == []
    assert entry.draft is expected


@pytest.mark.parametrize(
    "line, title, slug",
    [
        ("title: Yes", "Yes", "yes"),
        ("title: Nee", "Nee", "nee"),
        ("title: 2024", "2024", "2024"),
        ("title: 1.50", "1.50", "1-50"),
        ("title: null", "null", "null"),
        ("title: 2017-03-07", "2017-03-07", "2017-03-07"),
        ('title: "Werkgroep #2 start"', "Werkgroep #2 start", "werkgroep-2-start"),
        ("title: Werkgroep#2", "Werkgroep#2", "werkgroep-2"),  # no space before #: text
        ("title: “Samen” in Dordrecht", "“Samen” in Dordrecht", "samen-in-dordrecht"),
        ("title: '“Samen”'", "“Samen”", "samen"),  # quoted on purpose
    ],
)
def test_title_is_the_text_as_typed(repo, line, title, slug):
    entry, problems = repo.read("nieuws/x.md", post().replace("title: Nieuw bericht", line))
    assert problems == []
    assert (entry.title, entry.slug) == (title, slug)


def test_one_category_tag_or_author_as_plain_text(repo):
    entry, problems = repo.read("nieuws/x.md", post("categories: Kenniscafé", "tags: mantelzorg", "authors: werkplaats"))
    assert problems == []
    assert (entry.categories, entry.tags, entry.authors) == (["Nieuws", "Kenniscafé"], ["mantelzorg"], ["werkplaats"])


def test_a_numeric_slug_is_text(repo):
    entry, problems = repo.read("nieuws/x.md", post("slug: 2026"))
    assert problems == [] and entry.slug == "2026"


def test_report_key_in_a_report_points_to_the_event(repo):
    problem = only_problem(repo.read("verslagen/kenniscafe.md", post("report: ../verslagen/kenniscafe.md")))
    assert problem.line == 4
    assert problem.message == (
        "report: hoort niet in het verslag maar in het bestand van de activiteit in posts/agenda/: "
        "haal deze regel hier weg en zet daar report: ../verslagen/kenniscafe.md"
    )


EVENT = "---\ntitle: Kenniscafé\nstart: 2026-12-03 19:30\nlocation: Dordrecht\n{extra}---\n\nTekst.\n"


def event(repo, *lines, start=None):
    text = EVENT.format(extra="".join(f"{line}\n" for line in lines))
    if start is not None:
        text = text.replace("start: 2026-12-03 19:30", start)
    return repo.read("agenda/x.md", text)


def amsterdam(*parts) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=dates.TZ)


@pytest.mark.parametrize(
    "start, lines, expected_start, expected_end",
    [
        ('start: "2026-12-03 19:30"', (), amsterdam(2026, 12, 3, 19, 30), None),
        ("start: 2026-12-03T19:30:00+01:00", (), amsterdam(2026, 12, 3, 19, 30), None),
        ("start: 2026-12-03T18:30:00.000Z", (), amsterdam(2026, 12, 3, 19, 30), None),
        ("start: 2026-07-03T17:30:00Z", (), amsterdam(2026, 7, 3, 19, 30), None),  # summer time
        ("start: 2026-12-03T19:30", (), amsterdam(2026, 12, 3, 19, 30), None),
        ("start: 2026-12-03 19:30", ("end: 21:30",), amsterdam(2026, 12, 3, 19, 30), amsterdam(2026, 12, 3, 21, 30)),
        ("start: 2026-12-03 19:30", ("end: 21:30:00",), amsterdam(2026, 12, 3, 19, 30), amsterdam(2026, 12, 3, 21, 30)),
        (
            "start: 2026-12-03T19:30:00+01:00",
            ("end: 2026-12-03T22:00:00+01:00",),
            amsterdam(2026, 12, 3, 19, 30),
            amsterdam(2026, 12, 3, 22, 0),
        ),
    ],
)
def test_event_times_as_editors_and_web_cms_write_them(repo, start, lines, expected_start, expected_end):
    entry, problems = event(repo, *lines, start=start)
    assert problems == []
    assert entry.start == expected_start and entry.start.utcoffset() == expected_start.utcoffset()
    assert entry.end == expected_end


BAD_EVENTS = [
    # id, start line (None: 2026-12-03 19:30), more lines, line, parts of the message
    (
        "dot in the start time",
        "start: 2026-12-03 19.30",
        (),
        3,
        ['start: "2026-12-03 19.30" is geen tijdstip: gebruik een dubbele punt: 2026-12-03 19:30'],
    ),
    ("dot in a time-only end", None, ("end: 21.30",), 5, ['end: "21.30" is geen tijd: gebruik een dubbele punt: 21:30']),
    (
        "time-only end before the start",
        None,
        ("end: 01:00",),
        5,
        ["end: 01:00 ligt voor start 2026-12-03 19:30", "schrijf dan de datum erbij: end: 2026-12-04 01:00"],
    ),
    (
        "time-only end of an all-day event",
        "start: 2026-12-03",
        ("end: 17:00",),
        5,
        ["end: 17:00 is alleen een tijd, maar start heeft geen tijd"],
    ),
    (
        "time-only end in the hour that does not exist",
        "start: 2027-03-28 01:00",
        ("end: 02:30",),
        5,
        ['end: "2027-03-28 02:30" bestaat niet in Nederland'],
    ),
    ("time-only end that is no time", None, ("end: 24:30",), 5, ['end: "24:30": 24:30 is geen tijd']),
    ("offset that is no time zone", "start: 2026-12-03T19:30:00+25:00", (), 3, ["de tijdzone klopt niet", "+01:00"]),
    (
        "no space after the colon of online",
        None,
        ("online:https://example.org/meet",),
        5,
        ["zet een spatie na de dubbele punt: online: https://example.org/meet"],
    ),
    (
        "report as a web address",
        None,
        ("report: https://example.org/verslag",),
        5,
        ['report: "https://example.org/verslag" is een webadres', "report: ../verslagen/kenniscafe-oktober-2018.md"],
    ),
    (
        "report not found",
        None,
        ("report: kenniscafe-2018.md",),
        5,
        ['report: verslag "kenniscafe-2018.md" bestaat niet in posts/verslagen/', "report: ../verslagen/"],
    ),
    (
        "report with backslashes",
        None,
        ("report: ..\\verslagen\\kenniscafe.md",),
        5,
        ["bevat een \\: gebruik /", "../verslagen/kenniscafe.md"],
    ),
]


@pytest.mark.parametrize("start, lines, line, parts", [case[1:] for case in BAD_EVENTS], ids=[case[0] for case in BAD_EVENTS])
def test_bad_event_front_matter_gives_one_problem_with_the_fix(repo, start, lines, line, parts):
    problem = only_problem(event(repo, *lines, start=start))
    assert (problem.path, problem.line) == ("posts/agenda/x.md", line), problem
    for part in parts:
        assert part in problem.message, problem
    assert "afbeeldingen" not in problem.message


def test_no_space_after_a_colon_in_location_is_not_taken_as_a_place_name(repo):
    # YAML reads `name:Dordrecht` as the place "name:Dordrecht".
    text = "---\ntitle: Kenniscafé\nstart: 2026-12-03 19:30\nlocation:\n  name:Dordrecht\n---\n\nTekst.\n"
    problem = only_problem(repo.read("agenda/x.md", text))
    assert (problem.line, problem.message) == (5, "location: zet een spatie na de dubbele punt: name: Dordrecht")


def test_report_found_in_verslagen_under_another_path_says_where(repo):
    repo.write("verslagen/kenniscafe.md", VALID)
    problem = only_problem(event(repo, "report: kenniscafe.md"))
    assert problem.line == 5
    assert (
        problem.message
        == 'report: verslag "kenniscafe.md" bestaat niet op die plek, wel in posts/verslagen/: schrijf report: ../verslagen/kenniscafe.md'
    )


# --- what Material's blog reads: the model's values -------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Yes",
        "2024",
        'Het "nieuwe" werken',
        "Wat is 't verschil",
        "C:\\map\\bestand",
        "null",
        "~",
        "Kenniscafé: samen",
        "# kop",
        "=",
        "a\tb",
    ],
)
def test_blog_source_gives_materials_blog_the_models_values(repo, title):
    """Material's blog parses a post's front matter itself with SafeLoader and
    checks it with its PostConfig (material/plugins/blog/structure/config.py);
    hooks/posts.py hands it model.blog_source. This fails when Material reads
    or checks the front matter in another way."""
    from material.plugins.blog.structure.config import PostConfig
    from mkdocs.utils.meta import YAML_RE

    text = (
        post("categories: Kenniscafé", "authors: werkplaats", "draft: ja", "tags: zorg", "slug: 2026")
        .replace("title: Nieuw bericht", f"title: {json.dumps(title)}")
        .replace("date: 2017-03-07", 'date: "2017-03-07T23:30:00Z"')
    )
    entry, problems = repo.read("nieuws/x.md", text)
    assert problems == []
    source = blog_source(entry)
    match = YAML_RE.match(source)
    meta = yaml.load(match.group(1), yaml.SafeLoader)
    config = PostConfig("x.md")
    config.load_dict({key: meta[key] for key in meta.keys() & config.keys()})
    errors, _ = config.validate()
    assert errors == []
    assert meta["title"] == entry.title == title
    assert (config.slug, config.draft, config.categories, config.authors) == ("2026", True, ["Nieuws", "Kenniscafé"], ["werkplaats"])
    assert config.date.created.date() == entry.date == dt.date(2017, 3, 8)
    assert source[match.end() :].lstrip("\n") == entry.body.lstrip("\n")


def test_posts_are_built_as_the_model_reads_them(project):
    """A real build: quoted dates, ISO dates with a zone, `title: Yes`, a
    numeric title and slug, ja/nee and one tag as text give the page the
    editor meant, at the address the model computes (url_key)."""
    project.write(
        "nieuws/ja.md",
        '---\ntitle: Yes\ndate: "2026-11-20"\ntags: mantelzorg\ncategories: Kenniscafé\ndraft: nee\n---\n\nOver ja zeggen.\n',
    )
    project.write("nieuws/cms.md", '---\ntitle: "Werkgroep #2 start"\ndate: 2026-11-20T23:30:00.000Z\n---\n\nUit een CMS.\n')
    project.write("verslagen/jaar.md", "---\ntitle: 2024\ndate: 2026-11-19\nslug: 2026\n---\n\nHet jaar.\n")
    project.write("nieuws/concept.md", "---\ntitle: Concept\ndate: 2026-11-01\ndraft: Ja\n---\n\nNog niet af.\n")
    project.write(
        "agenda/cafe.md",
        "---\ntitle: Kenniscafé\nstart: 2026-12-03T19:30:00+01:00\nend: 21:30\nlocation: Dordrecht\ntags: Zorg\n---\n\nTekst.\n",
    )
    site = project.build("2026-11-22")
    published = manifest(site)
    entries = {entry.rel: entry for entry in load_all(project.settings)}
    expected = {
        "posts/nieuws/ja.md": ("Yes", "nieuws/2026/11/20/yes/"),
        "posts/nieuws/cms.md": ("Werkgroep #2 start", "nieuws/2026/11/21/werkgroep-2-start/"),  # 00:30 in Amsterdam
        "posts/verslagen/jaar.md": ("2024", "nieuws/2026/11/19/2026/"),
        "posts/agenda/cafe.md": ("Kenniscafé", "agenda/2026/12/03/kenniscafe/"),
    }
    for rel, (title, url) in expected.items():
        section, day, slug = url_key(entries[rel])
        assert f"{section}/{day:%Y/%m/%d}/{slug}/" == url == published[rel]["url"]
        page = soup_of(site / url / "index.html")
        assert page.select_one("article h1").get_text(strip=True) == title
    assert published["posts/nieuws/concept.md"]["url"] is None
    post_text = " ".join(soup_of(site / "nieuws/2026/11/20/yes/index.html").select_one("article").get_text(" ").split())
    assert "Kenniscafé" in post_text and "mantelzorg" in post_text
    event_text = " ".join(soup_of(site / "agenda/2026/12/03/kenniscafe/index.html").select_one("article").get_text(" ").split())
    assert "donderdag 3 december 2026, 19:30–21:30" in event_text and "Zorg" in event_text


def test_a_title_yaml_would_cut_off_stops_the_build_with_the_fix(project):
    project.write("nieuws/x.md", "---\ntitle: Werkgroep #2 start\ndate: 2026-11-20\n---\n\nTekst.\n")
    with pytest.raises(BuildFailed) as caught:
        run_mkdocs(project.root, project.root.parent / "site", "2026-11-22")
    assert 'posts/nieuws/x.md:2: title: YAML leest alles vanaf " #" als commentaar' in str(caught.value)
    assert 'title: "Werkgroep #2 start"' in str(caught.value)


def test_every_file_in_posts_is_valid():
    """The project under test (conftest.PROJECT): whatever it holds, every file is read as an entry
    (but the README.md of afbeeldingen/ and bijlagen/, werkplaats.core.folders)."""
    entries = load_all(load_settings(PROJECT), today=dt.date.fromisoformat(PROJECT_TODAY))
    files = sorted(
        p.relative_to(PROJECT).as_posix() for p in (PROJECT / "posts").rglob("*.md") if not is_folder_readme(p, PROJECT / "posts")
    )
    assert sorted(e.rel for e in entries) == files


# --- load_all ---------------------------------------------------------------------


def test_load_all_reports_every_file_in_one_error_sorted(repo):
    repo.write("verslagen/b.md", post("draft: misschien"))
    repo.write("nieuws/z.md", "---\ntitle: X\ndate: 7 maart\n---\n\nTekst.\n")
    repo.write("nieuws/a.md", post("catgories: [Wijkteams]", "tags: [wijkteams, Wijkteams]"))
    repo.write("nieuws/goed.md", VALID)
    with pytest.raises(ContentError) as caught:
        load_all(repo.settings)
    problems = caught.value.problems
    assert [(p.path, p.line) for p in problems] == [
        ("posts/nieuws/a.md", 4),
        ("posts/nieuws/a.md", 5),
        ("posts/nieuws/z.md", 3),
        ("posts/verslagen/b.md", 4),
    ]
    assert problems == sorted(problems)
    assert str(caught.value).splitlines() == [str(p) for p in problems]


def test_load_all_returns_the_entries_when_everything_is_valid(repo):
    repo.write("nieuws/a.md", VALID)
    repo.write("verslagen/b.md", VALID.replace("Nieuw bericht", "Verslag"))
    assert sorted((e.rel, e.kind) for e in load_all(repo.settings)) == [
        ("posts/nieuws/a.md", "nieuws"),
        ("posts/verslagen/b.md", "verslagen"),
    ]


def test_two_posts_with_the_same_date_and_slug_collide(repo):
    repo.write("nieuws/bericht.md", VALID)
    repo.write("verslagen/verslag.md", VALID.replace("title: Nieuw bericht", 'title: "Nieuw bericht!"'))
    with pytest.raises(ContentError) as caught:
        load_all(repo.settings)
    # Each file is told, on its title line (the address comes from it), and
    # names the other: which of the two is new only the editor knows.
    first, second = caught.value.problems
    assert (first.path, first.line, second.path, second.line) == ("posts/nieuws/bericht.md", 2, "posts/verslagen/verslag.md", 2)
    assert "posts/verslagen/verslag.md" in first.message and "posts/nieuws/bericht.md" in second.message
    assert all("hetzelfde webadres" in p.message for p in (first, second))
    # The advice, followed in either file, ends the collision.
    for problem in (first, second):
        advice = problem.message.rsplit("bijvoorbeeld ", 1)[1]
        path = repo.root / problem.path
        original = path.read_text(encoding="utf-8")
        path.write_text(original.replace("---\n", f"---\n{advice}\n", 1), encoding="utf-8")
        assert len(load_all(repo.settings)) == 2
        path.write_text(original, encoding="utf-8")


def test_same_title_on_another_date_or_with_an_own_slug_does_not_collide(repo):
    repo.write("nieuws/a.md", VALID)
    repo.write("nieuws/b.md", VALID.replace("2017-03-07", "2017-03-08"))
    repo.write("nieuws/c.md", VALID.replace("---\n\n", "slug: nieuw-bericht-2\n---\n\n"))
    assert len(load_all(repo.settings)) == 3


# --- publication ------------------------------------------------------------------


@pytest.mark.parametrize(
    "front, today, expected",
    [
        ((), "2017-03-06", "gepland"),
        ((), "2017-03-07", "gepubliceerd"),
        ((), "2026-11-22", "gepubliceerd"),
        (("draft: true",), "2026-11-22", "concept"),
        (("draft: true",), "2017-01-01", "concept"),
        (("draft: false",), "2017-03-06", "gepland"),
    ],
)
def test_publication_status(repo, front, today, expected):
    entry, problems = repo.read("nieuws/x.md", post(*front))
    assert problems == []
    day = dt.date.fromisoformat(today)
    assert entry.publication(day) == expected
    assert entry.is_public(day) is (expected == "gepubliceerd")


# --- Markdown helpers, slugs, dates -------------------------------------------------


def test_excerpt_separator_goes_after_the_first_paragraph():
    markdown = "## Inleiding\n\nEerste alinea,\nover twee regels.\n\nTweede alinea.\n"
    assert with_excerpt_separator(markdown) == ("## Inleiding\n\nEerste alinea,\nover twee regels.\n\n<!-- more -->\n\nTweede alinea.\n")


def test_excerpt_separator_of_the_editor_is_kept():
    markdown = "Een.\n\nTwee.\n\n<!-- more -->\n\nDrie.\n"
    assert with_excerpt_separator(markdown) == markdown


def test_excerpt_separator_needs_a_paragraph():
    assert with_excerpt_separator("# Alleen een kop\n") == "# Alleen een kop\n"


@pytest.mark.parametrize(
    "text, slug",
    [
        ("Kenniscafé: van verbinding", "kenniscafe-van-verbinding"),
        ("Lerend van jaar 1... op naar jaar 2!", "lerend-van-jaar-1-op-naar-jaar-2"),
        ("  Één — twee  ", "een-twee"),
        ("!!!", ""),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_dutch_dates():
    assert dates.dutch_date(dt.date(2017, 3, 7)) == "7 maart 2017"
    assert dates.dutch_weekday_date(dt.date(2018, 10, 18)) == "donderdag 18 oktober 2018"
    assert dates.dutch_month(dt.date(2018, 10, 18)) == "oktober 2018"
    assert dates.dutch_date(dt.date(2016, 5, 26)) == "26 mei 2016"


def test_site_today_from_the_environment():
    assert dates.site_today({"SITE_TODAY": "2017-06-01"}) == dt.date(2017, 6, 1)
    assert dates.site_today({"SITE_TODAY": " 2018-10-30 \n"}) == dt.date(2018, 10, 30)


@pytest.mark.parametrize("value", ["2017-02-30", "1 juni 2017", "gisteren", "2017-6-1x"])
def test_site_today_refuses_a_bad_value(value):
    with pytest.raises(dates.TodayError) as caught:
        dates.site_today({"SITE_TODAY": value})
    assert f'SITE_TODAY "{value}" is geen datum' in str(caught.value)


def test_site_today_without_the_variable_is_a_real_date():
    today = dates.site_today({})
    assert abs(today - dt.datetime.now(dt.UTC).date()) <= dt.timedelta(days=1)


# --- make check -------------------------------------------------------------------


def test_annotation_format_for_github():
    problem = Problem("posts/nieuws/x.md", 3, 'date: "7 maart" is geen datum')
    assert check.annotation(problem) == '::error file=posts/nieuws/x.md,line=3::date: "7 maart" is geen datum'


def test_annotation_escapes_percent_and_newlines():
    problem = Problem("posts/nieuws/x.md", 4, "100% fout\nregel twee\r")
    assert check.annotation(problem) == "::error file=posts/nieuws/x.md,line=4::100%25 fout%0Aregel twee%0D"


def run_check(cwd, *args, **env):
    environment = {**os.environ, "SITE_TODAY": "2026-11-22"}
    environment.pop("GITHUB_ACTIONS", None)
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "werkplaats.editing.check", *args], cwd=cwd, env=environment, capture_output=True, text=True
    )


def test_check_passes_on_the_project_under_test():
    result = run_check(PROJECT, SITE_TODAY=PROJECT_TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "posts/ is in orde" in result.stdout


def test_check_fails_with_every_problem_and_annotations_in_actions(repo):
    repo.write("nieuws/a.md", "---\ntitle: X\ndate: 7 maart\n---\n\nTekst.\n")
    repo.write("verslagen/b.md", post("tags: [wijkteams, Wijkteams]"))
    result = run_check(repo.root, GITHUB_ACTIONS="true")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith('posts/nieuws/a.md:3: date: "7 maart" is geen datum')
    assert lines[1].startswith("::error file=posts/nieuws/a.md,line=3::date:")
    assert lines[2].startswith('posts/verslagen/b.md:4: tags: "wijkteams" en "Wijkteams" zijn hetzelfde')
    assert lines[3].startswith("::error file=posts/verslagen/b.md,line=4::tags:")
    assert "2 fouten" in result.stderr


def test_check_with_file_arguments_reports_only_those_files(repo):
    repo.write("nieuws/a.md", "---\ntitle: X\ndate: 7 maart\n---\n\nTekst.\n")
    repo.write("nieuws/b.md", VALID)
    assert run_check(repo.root, "posts/nieuws/b.md").returncode == 0
    result = run_check(repo.root, "./posts/nieuws/a.md")
    assert result.returncode == 1 and result.stdout.startswith("posts/nieuws/a.md:3:")
    assert "::error" not in result.stdout


def test_check_refuses_a_bad_site_today():
    result = run_check(ROOT, SITE_TODAY="morgen")
    assert result.returncode == 2
    assert 'SITE_TODAY "morgen" is geen datum' in result.stderr


def test_check_points_editors_to_a_guide_that_exists(repo):
    repo.write("nieuws/a.md", "---\ntitle: X\ndate: 7 maart\n---\n\nTekst.\n")
    result = run_check(repo.root)
    guides = [word.rstrip(".,") for word in result.stderr.split() if word.rstrip(".,").endswith(".md")]
    assert guides, result.stderr
    for guide in guides:
        assert (ROOT / guide).is_file(), guide


# --- numbers in messages agree with their words ------------------------------------


def test_plural_and_count_of():
    assert [messages.count_of(n, "fout", "fouten") for n in (0, 1, 2)] == ["0 fouten", "1 fout", "2 fouten"]
    assert messages.plural(1, "de komende dag", "de {n} komende dagen") == "de komende dag"
    assert messages.plural(3, "de komende dag", "de {n} komende dagen") == "de 3 komende dagen"


def test_check_s_counts_agree_for_one_and_for_several(repo):
    def scheduled(n):  # today plus n scheduled posts: n later days on which the site changes
        for day in range(1, n + 1):
            repo.write(f"nieuws/later-{day}.md", post().replace("2017-03-07", f"2026-12-0{day}").replace("Nieuw bericht", f"Later {day}"))

    repo.write("nieuws/a.md", VALID)
    scheduled(1)
    lines = run_check(repo.root).stdout.splitlines()
    assert lines[:2] == [
        "posts/ is in orde: 2 bestanden, 1 gepubliceerd op 2026-11-22.",
        "Ook de links gecontroleerd op de komende dag waarop een bericht verschijnt of een activiteit begint of eindigt (t/m 2026-12-01).",
    ]
    scheduled(3)
    assert run_check(repo.root).stdout.splitlines()[1] == (
        "Ook de links gecontroleerd op de 3 komende dagen waarop een bericht verschijnt of een activiteit begint of eindigt (t/m 2026-12-03)."
    )
    for rel in ("nieuws/later-1.md", "nieuws/later-2.md", "nieuws/later-3.md"):
        (repo.root / "posts" / rel).unlink()
    assert run_check(repo.root).stdout.splitlines()[0] == "posts/ is in orde: 1 bestand, 1 gepubliceerd op 2026-11-22."
    repo.write("nieuws/b.md", "---\ntitle: X\ndate: 7 maart\n---\n\nTekst.\n")
    assert "\n1 fout gevonden in posts/." in run_check(repo.root).stderr
    repo.write("nieuws/c.md", "---\ntitle: X\ndate: 8 maart\n---\n\nTekst.\n")
    assert "\n2 fouten gevonden in posts/." in run_check(repo.root).stderr


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("---\ntitle: A\ntags: [a, b\ndate: 2017-01-01\n---\n\nx\n", 3, "een lijst met [ wordt niet gesloten"),
        ("---\ntitle: A\n  date: 2017-01-01\n---\n\nx\n", 3, "deze regel springt in"),
        ('---\ntitle: "A\ndate: 2017-01-01\n---\n\nx\n', 2, "aanhalingsteken wordt niet gesloten"),
    ],
)
def test_yaml_mistakes_point_at_the_line_to_fix(repo, text, line, fragment):
    problem = only_problem(repo.read("nieuws/x.md", text))
    assert problem.line == line and fragment in problem.message, problem
