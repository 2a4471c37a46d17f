"""Links as editors write them and the advice `make check` gives on them
(werkplaats.content.links), from an editors' trial: a file name with a
space, the full address of a page of this site, an anchor written with an
accent or a question mark. Each message names a fix that, followed
literally, passes the check, and what the check passes the real build
builds."""

from __future__ import annotations

import datetime as dt
import re

import markdown
import pytest
from conftest import page, target
from test_links import TODAY, event, jpeg, news, problems_of

from werkplaats.content import links
from werkplaats.content.model import load_all
from werkplaats.site import build

SITE = "werkplaats-zhz.github.io/site"  # site_url's default in mkdocs.yml, without scheme
PHOTO, PROGRAMME = "afbeeldingen/foto 1.jpg", "bijlagen/programma 2027.pdf"
IMAGE_LINK, PDF_LINK = f"![Deelnemers aan tafel]({PHOTO})", f"[het programma]({PROGRAMME})"


def with_spaced_files(repo) -> None:
    repo.write(f"nieuws/{PHOTO}", jpeg())
    repo.write(f"nieuws/{PROGRAMME}", b"%PDF-1.4\n%%EOF\n")


def only_problem(repo) -> str:
    found = problems_of(repo)
    assert len(found) == 1, found
    return found[0]


# --- 1. a space in a link's target ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[x](afbeeldingen/foto 1.jpg)",
        '![Foto](afbeeldingen/foto 1.jpg "Een titel")',
        "[x]( bijlagen/programma  2027.pdf )",
        "[x](#over het)",
        "[x](foto.jpg (titel))",
        "[![Foto](a b.jpg)](c d.md)",
        "[x](https://example.org/a b)",
        "[x](<a b.jpg>)",
        "[x](a%20b.jpg)",
        "[x](a.jpg)",
        "Een [x] (a b.jpg) is geen link.",
    ],
)
def test_spaced_links_reads_targets_as_python_markdown_does(text):
    """Every target with a space that Python-Markdown renders as href or src
    is found once: between < > by find_links, else by spaced_links."""
    rendered = [href for href in re.findall(r'(?:href|src)="([^"]*)"', markdown.markdown(text)) if " " in href]
    spaced = [link.target for link in links.spaced_links(text, 1)]
    angled = [link.target for link in links.find_links(text, 1) if " " in link.target]
    assert sorted(spaced + angled) == sorted(rendered)


@pytest.mark.parametrize(
    "link, written, escaped",
    [
        (IMAGE_LINK, PHOTO, "afbeeldingen/foto%201.jpg"),
        (PDF_LINK, PROGRAMME, "bijlagen/programma%202027.pdf"),
        (f'[het programma]({PROGRAMME} "Programma")', PROGRAMME, "bijlagen/programma%202027.pdf"),
    ],
)
def test_a_target_with_a_space_is_refused_with_two_forms_that_pass(repo, link, written, escaped):
    with_spaced_files(repo)
    repo.write("nieuws/w.md", news("W", "2026-11-01", f"Eerst tekst.\n\n{link}"))
    assert only_problem(repo) == (f"posts/nieuws/w.md:8: {written}: een spatie in een link werkt niet; schrijf <{written}> of {escaped}")
    for fixed in (f"<{written}>", escaped):
        repo.write("nieuws/w.md", news("W", "2026-11-01", f"Eerst tekst.\n\n{link.replace(written, fixed)}"))
        assert problems_of(repo) == [], fixed


def test_a_title_in_parentheses_is_refused_with_quotes_that_pass(repo):
    """Python-Markdown reads ![Foto](foto.jpg (titel)) as a link to "foto.jpg (titel)"."""
    repo.write("nieuws/afbeeldingen/foto.jpg", jpeg())
    repo.write("nieuws/w.md", news("W", "2026-11-01", "![Foto](afbeeldingen/foto.jpg (De zaal))"))
    assert only_problem(repo) == (
        "posts/nieuws/w.md:6: afbeeldingen/foto.jpg (De zaal): een titel tussen ( ) werkt niet op de site; "
        'zet hem tussen aanhalingstekens, afbeeldingen/foto.jpg "De zaal"'
    )
    repo.write("nieuws/w.md", news("W", "2026-11-01", '![Foto](afbeeldingen/foto.jpg "De zaal")'))
    assert problems_of(repo) == []


def test_what_the_build_takes_with_a_space_passes(repo):
    """Another site's address, an e-mail address and a post by its file name:
    MkDocs leaves the first two as written and finds the post."""
    repo.write("verslagen/een verslag.md", news("Een verslag", "2026-10-01", "Tekst."))
    body = "[elders](https://example.org/a b), [mail](mailto:info@example.org?subject=Een vraag), [verslag](../verslagen/een verslag.md)"
    repo.write("nieuws/w.md", news("W", "2026-11-01", body))
    assert problems_of(repo) == []


def test_a_post_linked_with_a_space_is_checked_like_any_other(repo):
    repo.write("verslagen/een verslag.md", news("Een verslag", "2026-12-10", "## Kop\n\nTekst."))
    repo.write("nieuws/w.md", news("W", "2026-11-01", "[a](../verslagen/een verslag.md#geen) [b](../verslagen/een verslag.md)"))
    first, second = problems_of(repo)
    assert first.startswith("posts/nieuws/w.md:6: #geen bestaat niet in posts/verslagen/een verslag.md")
    assert second == "posts/nieuws/w.md:6: linkt naar posts/verslagen/een verslag.md, dat pas op 2026-12-10 verschijnt: " + (
        "zet de link pas als dat bericht op de site staat"
    )


@pytest.mark.parametrize("form, published", [(PHOTO, False), (f"<{PHOTO}>", True), ("afbeeldingen/foto%201.jpg", True)])
def test_the_build_publishes_a_spaced_file_only_in_the_forms_the_check_passes(repo, form, published):
    """Why the bare form fails the build: Python-Markdown makes it a link to
    the file, but the build does not publish the file (so MkDocs reports the
    target as not found); the check agrees on each form."""
    with_spaced_files(repo)
    repo.write("nieuws/w.md", news("W", "2026-11-01", f"![Deelnemers aan tafel]({form})"))
    assert 'src="afbeeldingen/foto' in markdown.markdown(f"![Deelnemers aan tafel]({form})")
    state = build.Build(repo.settings, TODAY, False, load_all(repo.settings))
    photo = (repo.root / "posts" / "nieuws" / PHOTO).resolve()
    assert (photo in build.linked_files(state)) is published
    assert (problems_of(repo) == []) is published


def test_check_and_build_agree_on_spaces_in_links(project, tmp_path):
    """The two forms the message offers build and publish the file; the bare
    form stops the build with the check's message, on its line."""
    from conftest import BuildFailed, run_mkdocs

    with_spaced_files(project)
    forms = (
        f"![Deelnemers aan tafel](<{PHOTO}>)\n\n[het programma](<{PROGRAMME}>)\n\n"
        "![Deelnemers aan tafel](afbeeldingen/foto%201.jpg)\n\n[het programma](bijlagen/programma%202027.pdf)"
    )
    project.write("nieuws/w.md", news("Met spaties", "2026-11-01", forms))
    assert problems_of(project) == []
    site = project.build(TODAY.isoformat())
    page_url = "nieuws/2026/11/01/met-spaties/"
    article = page(site, page_url).select_one("article")
    images = [img["src"] for img in article.select('img[alt="Deelnemers aan tafel"]')]
    pdfs = [a["href"] for a in article.select("a[href]") if a.get_text(strip=True) == "het programma"]
    addresses = images + pdfs
    assert len(images) == len(pdfs) == 2, addresses
    for address in addresses:
        assert target(site, page_url, address).is_file(), address

    project.write("nieuws/w.md", news("Met spaties", "2026-11-01", f"Tekst.\n\n{IMAGE_LINK}"))
    [problem] = problems_of(project)
    assert problem.startswith(f"posts/nieuws/w.md:8: {PHOTO}: een spatie in een link werkt niet")
    with pytest.raises(BuildFailed) as failed:
        run_mkdocs(project.root, tmp_path / "site", TODAY.isoformat())
    assert problem in str(failed.value)


# --- 2. the full address of a page of this site ---------------------------------------

KENNISCAFE = "agenda/2018-10-18-kenniscafe.md"


def with_pages(repo) -> None:
    (repo.root / "docs" / "contact.md").write_text("# Contact\n\n## Adres\n\nMuseumpark 40.\n", encoding="utf-8")
    (repo.root / "docs" / "index.md").write_text("# Welkom\n", encoding="utf-8")
    (repo.root / "docs" / "agenda").mkdir()
    (repo.root / "docs" / "agenda" / "index.md").write_text("# Agenda\n", encoding="utf-8")
    repo.write(KENNISCAFE, event("Kenniscafé", "2018-10-18 19:00", "Tekst.", "aliases: [agenda/2018/10/11/kenniscafe/]"))
    repo.write("verslagen/x.md", news("Verslag van het kenniscafé", "2018-10-20", "Tekst."))


@pytest.mark.parametrize(
    "source, address, instead",
    [
        ("nieuws/a.md", f"https://{SITE}/agenda/2018/10/18/kenniscafe/", "../agenda/2018-10-18-kenniscafe.md"),
        ("nieuws/a.md", f"http://{SITE}/contact", "../../docs/contact.md"),
        ("nieuws/a.md", f"https://{SITE}/contact/#adres", "../../docs/contact.md#adres"),
        ("nieuws/a.md", f"https://{SITE}/contact/index.html", "../../docs/contact.md"),
        ("nieuws/a.md", f"https://{SITE}/", "../../docs/index.md"),
        ("nieuws/a.md", f"https://{SITE}/agenda/", "../../docs/agenda/index.md"),
        ("nieuws/a.md", f"https://{SITE}/agenda/2018/10/11/kenniscafe/", "../agenda/2018-10-18-kenniscafe.md"),
        ("agenda/b.md", f"https://{SITE}/nieuws/2018/10/20/verslag-van-het-kenniscafe/", "../verslagen/x.md"),
        ("nieuws/c.md", f"https://{SITE.upper()}/Contact/", "../../docs/contact.md"),
    ],
)
def test_a_full_address_of_a_page_names_its_file(repo, source, address, instead):
    with_pages(repo)
    write = event if source.startswith("agenda/") else news
    repo.write(source, write("Met link", "2018-11-01 19:00" if write is event else "2018-11-01", f"Zie [dit]({address})."))
    line = 7 if write is event else 6  # an event has location: too
    assert only_problem(repo) == (
        f"posts/{source}:{line}: {address} is het volledige adres van een pagina van deze site; zo'n link wordt niet "
        f"gecontroleerd en breekt als het adres verandert: verwijs naar het bestand, {instead}"
    )
    repo.write(source, write("Met link", "2018-11-01 19:00" if write is event else "2018-11-01", f"Zie [dit]({instead})."))
    assert problems_of(repo) == []


def test_a_full_address_of_no_page_keeps_the_example(repo):
    with_pages(repo)
    repo.write("nieuws/a.md", news("A", "2018-11-01", f"Zie [dit](https://{SITE}/nieuws/2018/01/01/bestaat-niet/)."))
    assert only_problem(repo).endswith("verwijs naar het bestand, bijvoorbeeld ../verslagen/naam-van-het-verslag.md")


# --- 3. an anchor with an accent or punctuation -----------------------------------------

RULE = "het anker is de kop in kleine letters met streepjes, zonder accenten en leestekens"


def test_an_anchor_with_an_accent_gets_the_real_one(repo):
    body = "## Over het café\n\nTekst.\n\nZie [hierboven](#over-het-café)."
    repo.write("nieuws/a.md", news("A", "2026-11-01", body))
    assert only_problem(repo) == (
        "posts/nieuws/a.md:10: #over-het-café bestaat niet in dit bestand: bedoel je #over-het-cafe? "
        "Het anker is de kop in kleine letters met streepjes, zonder accenten en leestekens: schrijf #over-het-cafe"
    )
    repo.write("nieuws/a.md", news("A", "2026-11-01", body.replace("#over-het-café", "#over-het-cafe")))
    assert problems_of(repo) == []


@pytest.mark.parametrize(
    "link, meant",
    [
        ("../verslagen/x.md#wat-doet-het-werkteam?", "wat-doet-het-werkteam"),
        ("../verslagen/x.md#Wat-doet-het-Werkteam", "wat-doet-het-werkteam"),
        ("../verslagen/x.md#wat doet het werkteam", "wat-doet-het-werkteam"),
        ("../verslagen/x.md#over-het-caf%C3%A9", "over-het-cafe"),
        ("../../docs/contact.md#Adres!", "adres"),
    ],
)
def test_an_anchor_in_another_file_gets_the_real_one(repo, link, meant):
    (repo.root / "docs" / "contact.md").write_text("# Contact\n\n## Adres\n\nMuseumpark 40.\n", encoding="utf-8")
    repo.write("verslagen/x.md", news("X", "2026-10-20", "## Wat doet het werkteam?\n\nVeel.\n\n## Over het café\n\nKoffie."))
    repo.write("nieuws/a.md", news("A", "2026-11-01", f"Zie [dat]({link})."))
    written = link.split("#", 1)[1]
    where = "docs/contact.md" if "docs" in link else "posts/verslagen/x.md"
    assert only_problem(repo) == (
        f"posts/nieuws/a.md:6: #{written} bestaat niet in {where}: bedoel je #{meant}? {RULE.capitalize()}: schrijf #{meant}"
    )
    repo.write("nieuws/a.md", news("A", "2026-11-01", f"Zie [dat]({link.split('#')[0]}#{meant})."))
    assert problems_of(repo) == []


def test_an_anchor_that_matches_no_heading_gets_the_rule(repo):
    repo.write("verslagen/x.md", news("X", "2026-10-20", "## Wat we leerden\n\nVeel."))
    repo.write("nieuws/a.md", news("A", "2026-11-01", "[a](#slot) [b](../verslagen/x.md#wat-we-deden)\n\n## Begin"))
    assert problems_of(repo) == [
        f"posts/nieuws/a.md:6: #slot bestaat niet in dit bestand: kies een kopje dat er staat ({RULE})",
        f"posts/nieuws/a.md:6: #wat-we-deden bestaat niet in posts/verslagen/x.md: kies een kopje dat daar staat ({RULE}), "
        "of haal #wat-we-deden weg",
    ]


def test_the_anchor_hint_follows_the_sites_toc_settings(repo):
    """The id a heading gets is made by toc as configured in mkdocs.yml."""
    config = repo.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - toc:\n      permalink: false\n" in text
    config.write_text(text.replace("  - toc:\n      permalink: false\n", '  - toc:\n      permalink: false\n      separator: "_"\n'))
    repo.write("nieuws/a.md", news("A", "2026-11-01", "## Over het café\n\nZie [boven](#over_het_café)."))
    assert "bedoel je #over_het_cafe?" in only_problem(repo)


def test_the_fixes_are_found_on_every_change_date(repo):
    """The new checks run with the others: a scheduled post's link is
    reported today already."""
    with_spaced_files(repo)
    repo.write("nieuws/w.md", news("W", "2026-12-01", IMAGE_LINK))
    for today in (TODAY, dt.date(2026, 12, 1)):
        [problem] = problems_of(repo, today)
        assert "een spatie in een link werkt niet" in problem
