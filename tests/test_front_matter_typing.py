"""Front matter as editors type it (werkplaats.content.front_matter): the
indentation under location: and moved: forgotten or typed with no-break
spaces, and quotes mixed up. Each gives one problem on the line to fix,
and the advice, followed literally, publishes what the editor meant."""

from __future__ import annotations

import datetime as dt

import pytest
from test_model import only_problem

NBSP = "\u00a0"


def event_text(*front: str) -> str:
    return "\n".join(["---", "title: Kenniscafé", "start: 2027-02-11 19:30", *front, "---", "", "Tekst.", ""])


# --- location: and moved: without their indentation ----------------------------------------

# (the lines below location:, the message on its first line, the place meant)
UNINDENTED_LOCATIONS = [
    (
        ["name: Hogeschool Rotterdam", "city: Rotterdam"],
        "name: hoort onder location: zet er twee spaties voor (ook voor city:)",
        ("Hogeschool Rotterdam", "", "Rotterdam"),
    ),
    (
        ["name: Hogeschool Rotterdam", "address: Kralingse Zoom 91", "city: Rotterdam"],
        "name: hoort onder location: zet er twee spaties voor (ook voor address: en city:)",
        ("Hogeschool Rotterdam", "Kralingse Zoom 91", "Rotterdam"),
    ),
    (["city: Rotterdam"], "city: hoort onder location: zet er twee spaties voor", ("", "", "Rotterdam")),
]


@pytest.mark.parametrize("parts, message, meant", UNINDENTED_LOCATIONS, ids=[case[1] for case in UNINDENTED_LOCATIONS])
def test_the_parts_of_a_location_without_indentation_are_one_problem_with_the_fix(repo, parts, message, meant):
    text = event_text("location:", *parts, "description: Een avond over samenspel")
    problem = only_problem(repo.read("agenda/x.md", text))
    assert (problem.line, problem.message) == (5, message)
    entry, problems = repo.read("agenda/x.md", event_text("location:", *[f"  {part}" for part in parts]))
    assert problems == []
    assert (entry.location.name, entry.location.address, entry.location.city) == meant


def test_from_and_to_of_moved_without_indentation_are_one_problem_with_the_fix(repo):
    series = ["location: Rotterdam", "repeat: elke week", "until: 2027-03-11", "moved:"]
    problem = only_problem(repo.read("agenda/x.md", event_text(*series, "from: 2027-02-18", "to: 2027-02-19 19:30")))
    assert (problem.line, problem.message) == (
        8,
        "from: hoort onder moved: zet er een streepje en een spatie voor (- from: 2027-02-18) en twee spaties voor to:",
    )
    entry, problems = repo.read("agenda/x.md", event_text(*series, "- from: 2027-02-18", "  to: 2027-02-19 19:30"))
    assert problems == []
    moved = [item for item in entry.expanded() if item.moved_from]
    assert [(item.moved_from, item.start.date()) for item in moved] == [(dt.date(2027, 2, 18), dt.date(2027, 2, 19))]


HARD_INDENT = "deze regel springt in met vaste spaties (uit Word of een webpagina): typ de spaties opnieuw"


@pytest.mark.parametrize(
    "front, line",
    [
        (["location:", f"{NBSP}{NBSP}name: Hogeschool Rotterdam", f"{NBSP}{NBSP}city: Rotterdam"], 5),
        (["location:", "  name: Hogeschool Rotterdam", f"{NBSP}{NBSP}city: Rotterdam"], 6),
        (["location:", f" {NBSP}name: Hogeschool Rotterdam", f" {NBSP}city: Rotterdam"], 5),  # YAML reads a place "\xa0name"
        (["location: Rotterdam", "tags:", f"{NBSP}{NBSP}- zorg", f"{NBSP}{NBSP}- thuis"], 6),  # not YAML at all
        (
            [
                "location: Rotterdam",
                "repeat: elke week",
                "until: 2027-03-11",
                "moved:",
                f"{NBSP}{NBSP}- from: 2027-02-18",
                f"{NBSP * 4}to: 2027-02-19",
            ],
            8,
        ),
    ],
)
def test_indentation_with_no_break_spaces_is_named_as_such(repo, front, line):
    problem = only_problem(repo.read("agenda/x.md", event_text(*front)))
    assert (problem.line, problem.message) == (line, HARD_INDENT)
    entry, problems = repo.read("agenda/x.md", event_text(*[row.replace(NBSP, " ") for row in front]))
    assert problems == [] and entry is not None


@pytest.mark.parametrize(
    "front",
    [
        ["location:", "  name: Hogeschool Rotterdam", "  city: Rotterdam"],
        ["location:", " name: Hogeschool Rotterdam"],  # one space is indentation too
        ["location: Rotterdam", f"description: Een avond{NBSP}over samenspel"],
        ["location: Rotterdam", "repeat: elke week", "until: 2027-03-11", "moved:", "  - from: 2027-02-18", "    to: 2027-02-19"],
    ],
)
def test_indentation_that_is_fine_stays_fine(repo, front):
    entry, problems = repo.read("agenda/x.md", event_text(*front))
    assert problems == [] and entry is not None


# --- quotes mixed up: "Tekst' --------------------------------------------------------------

# (the line as the editor typed it, the message, the value meant)
MIXED_QUOTES = [
    (
        "description: \"Een avond over samenspel'",
        "de waarde begint met \" en eindigt met ': zet aan het eind hetzelfde teken als aan het begin: "
        'description: "Een avond over samenspel"',
        "Een avond over samenspel",
    ),
    (
        "description: 'Een avond over samenspel\"",
        "de waarde begint met ' en eindigt met \": zet aan het eind hetzelfde teken als aan het begin: "
        "description: 'Een avond over samenspel'",
        "Een avond over samenspel",
    ),
    (
        "description: \"Wat is 's avonds open'",
        "de waarde begint met \" en eindigt met ': zet aan het eind hetzelfde teken als aan het begin: "
        'description: "Wat is \'s avonds open"',
        "Wat is 's avonds open",
    ),
    # A pair of the other quote inside is text, not a closing quote.
    (
        'description: \'Het "Kenniscafé"',
        "een aanhalingsteken wordt niet gesloten: zet aan het eind van de waarde hetzelfde teken: description: 'Het \"Kenniscafé\"'",
        'Het "Kenniscafé"',
    ),
]


@pytest.mark.parametrize("broken, message, meant", MIXED_QUOTES, ids=[case[0] for case in MIXED_QUOTES])
@pytest.mark.parametrize("after", [[], ['slug: "samenspel"']], ids=["last line", "a quoted line after it"])
def test_mixed_up_quotes_advice_followed_literally_publishes_the_text_meant(repo, broken, message, meant, after):
    front = ["title: Kenniscafé", "date: 2027-02-11", broken, *after]
    text = "\n".join(["---", *front, "---", "", "Tekst.", ""])
    problem = only_problem(repo.read("nieuws/x.md", text))
    assert (problem.line, problem.message) == (4, message)
    advice = problem.message[problem.message.rindex(" description: ") + 1 :]
    entry, problems = repo.read("nieuws/x.md", text.replace(broken, advice))
    assert problems == [] and entry.description == meant, (advice, problems)


@pytest.mark.parametrize(
    "broken, advice, meant",
    [
        ("tags: [\"werkgroep', zorg]", 'tags: ["werkgroep", zorg]', ["werkgroep", "zorg"]),
        ("tags: ['werkgroep\", zorg]", "tags: ['werkgroep', zorg]", ["werkgroep", "zorg"]),
        ('tags: ["werkgroep”, zorg]', 'tags: ["werkgroep", zorg]', ["werkgroep", "zorg"]),
    ],
)
def test_mixed_up_quotes_in_a_list_in_brackets(repo, broken, advice, meant):
    text = "\n".join(["---", "title: Kenniscafé", "date: 2027-02-11", broken, "---", "", "Tekst.", ""])
    problem = only_problem(repo.read("nieuws/x.md", text))
    assert problem.line == 4 and problem.message.endswith(f": {advice}"), problem
    entry, problems = repo.read("nieuws/x.md", text.replace(broken, advice))
    assert problems == [] and entry.tags == meant
