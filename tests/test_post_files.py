"""Which files in posts/ are posts: a file meant as a post is never passed
over in silence, whatever name a web editor's "new file" gave it."""

from __future__ import annotations

import pytest
from test_cms import jpeg

POST = "---\ntitle: Nieuwe werkgroep\ndate: 2026-12-01\n---\n\nTekst.\n"


def problems_of(repo) -> list[str]:
    return [str(p) for p in repo.problems()]


@pytest.mark.parametrize("name", ["werkgroep", "werkgroep,md", "werkgroep.md ", "werkgroep md", "werkgroep.markdown", "werkgroep.MD"])
def test_a_file_meant_as_a_post_without_md_is_named_with_the_name_to_give_it(repo, name):
    repo.write(f"nieuws/{name}", POST)
    (found,) = problems_of(repo)
    assert found.startswith(f"posts/nieuws/{name}:1: wordt genegeerd"), found
    assert "hernoem naar werkgroep.md" in found, found


@pytest.mark.parametrize("text", [POST, "\ufeff" + POST, "\n" + POST])
def test_front_matter_is_recognised_after_a_bom_or_a_blank_line(repo, text):
    repo.write("agenda/inloop", text)
    assert [p.split(": ")[0] for p in problems_of(repo)] == ["posts/agenda/inloop:1"]


def test_media_attachments_and_place_facts_are_not_posts(repo):
    repo.write("nieuws/bijlagen/programma.pdf", b"%PDF-1.4\n---\n")
    repo.write("nieuws/bijlagen/notulen.docx", b"PK\x03\x04")
    repo.write("verslagen/bijlagen/agenda.csv", "---\ntijd;onderwerp\n")
    repo.write("locaties.yml", "---\nlocaties: []\n")
    repo.write("nieuws/werkgroep.md", POST)
    assert problems_of(repo) == []


@pytest.mark.parametrize(
    "folder, key, meant",
    [
        ("agenda", "tot", "until"),
        ("agenda", "verplaatst", "moved"),
        ("agenda", "einde", "end"),
        ("agenda", "plaats", "location"),
        ("nieuws", "trefwoorden", "tags"),
        ("nieuws", "omschrijving", "description"),
    ],
)
def test_a_dutch_word_for_a_key_is_answered_with_the_key(repo, folder, key, meant):
    first = "date: 2026-12-01" if folder == "nieuws" else "start: 2018-10-18 19:00\nlocation: Dordrecht"
    repo.write(f"{folder}/x.md", f"---\ntitle: X\n{first}\n{key}: iets\n---\n\nTekst.\n")
    messages = problems_of(repo)
    assert any(f'onbekende sleutel "{key}" (bedoel je "{meant}"?)' in m for m in messages), messages


@pytest.mark.parametrize("written", ["posts/nieuws/afbeeldingen/foto.jpg", "foto.jpg", "afbeeldingen/Foto.JPG", "../nieuws/foto.jpg"])
def test_an_image_path_that_misses_gets_the_path_that_works(repo, written):
    repo.write("nieuws/afbeeldingen/foto.jpg", jpeg())
    front = f"image: {written}\nimage_alt: Deelnemers aan tafel"
    repo.write("nieuws/x.md", f"---\ntitle: X\ndate: 2026-12-01\n{front}\n---\n\nTekst.\n")
    (message,) = problems_of(repo)
    assert message.startswith("posts/nieuws/x.md:4: image: ") and message.endswith("schrijf afbeeldingen/foto.jpg"), message
    repo.write("nieuws/x.md", "---\ntitle: X\ndate: 2026-12-01\nimage: afbeeldingen/foto.jpg\nimage_alt: Deelnemers\n---\n\nTekst.\n")
    assert problems_of(repo) == []


def test_every_unknown_category_is_named_at_once(repo):
    repo.write("nieuws/x.md", "---\ntitle: X\ndate: 2026-12-01\ncategories: [Formeel en Informeel, wijkteams, Kenniscafé]\n---\n\nTekst.\n")
    (message,) = problems_of(repo)
    assert message.startswith('posts/nieuws/x.md:4: categories: categorieën "Formeel en Informeel" (bedoel je'), message
    assert 'en "wijkteams" (bedoel je "Wijkteams"?) bestaan niet (kies uit: ' in message, message


@pytest.mark.parametrize("written", ['"Kenniscafé: samen leren in de wijk"', "kenniscafe-samen-leren", "Verslag kenniscafe"])
def test_a_report_written_as_its_title_or_name_gets_its_file(repo, written):
    repo.write("verslagen/2026-11-20-kenniscafe.md", '---\ntitle: "Kenniscafé: samen leren in de wijk"\ndate: 2026-11-20\n---\n\nTekst.\n')
    event = "---\ntitle: Kenniscafé\nstart: 2026-11-19 19:30\nlocation: Dordrecht\nreport: {}\n---\n\nTekst.\n"
    repo.write("agenda/kenniscafe.md", event.format(written))
    (message,) = problems_of(repo)
    assert message.startswith("posts/agenda/kenniscafe.md:5: report: ") and message.endswith(
        "report: ../verslagen/2026-11-20-kenniscafe.md"
    ), message
    repo.write("agenda/kenniscafe.md", event.format("../verslagen/2026-11-20-kenniscafe.md"))
    assert problems_of(repo) == []
