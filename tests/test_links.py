"""Links and images in the text of posts (werkplaats.content.links), the files the
build would pass over, and the limits that keep addresses writable: what a
post can make the build fail on is reported by `make check`, as
`posts/...:line: Dutch message`, today and on every later publication date.

The failure modes are listed once (FAILURE_MODES); each is checked without a
build, and one build of a project holding all of them shows that the build
stops with the very same messages."""

from __future__ import annotations

import datetime as dt
import io
import logging
import subprocess
import sys

import pytest
from conftest import ROOT, BuildFailed, run_mkdocs
from PIL import Image

from werkplaats.content import links
from werkplaats.content.model import SLUG_MAX, TITLE_MAX, ContentError, load_all
from werkplaats.core.messages import for_editor
from werkplaats.site import build

TODAY = dt.date(2026, 11, 22)


def news(title: str, day: str, body: str, *front: str) -> str:
    return "\n".join(["---", f"title: {title}", f"date: {day}", *front, "---", "", body, ""])


def event(title: str, start: str, body: str, *front: str) -> str:
    return "\n".join(["---", f"title: {title}", f"start: {start}", "location: Dordrecht", *front, "---", "", body, ""])


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(out, "JPEG")
    return out.getvalue()


# Files every failure-mode project starts from: a published report with a
# heading, a draft, a scheduled post, an image, a PDF.
BASE = {
    "verslagen/verslag.md": news("Een verslag", "2026-10-01", "Inleiding.\n\n## Wat we leerden\n\nVeel."),
    "nieuws/concept.md": news("Nog een concept", "2026-10-02", "Tekst.", "draft: true"),
    "nieuws/later.md": news("Later bericht", "2026-12-10", "Tekst."),
    "nieuws/afbeeldingen/foto.jpg": jpeg(),
    "verslagen/bijlagen/verslag.pdf": b"%PDF-1.4\n%%EOF\n",
}

# id -> (file, text, line, parts of the message). Every entry is a way in
# which a file in posts/ made `mkdocs build --strict` fail (or a page show a
# broken link or image) before make check knew it.
FAILURE_MODES = {
    "link to a missing post": ("nieuws/a.md", news("A", "2026-11-01", "Zie [het verslag](../verslagen/weg.md).")),
    "link to a removed file, wrong case": ("nieuws/a.md", news("A", "2026-11-01", "Eerst tekst.\n\nZie [dit](../verslagen/Verslag.md).")),
    "link to a draft": ("nieuws/a.md", news("A", "2026-11-01", "Zie [concept](concept.md).")),
    "link to a scheduled post": ("nieuws/a.md", news("A", "2026-11-01", "Zie [later](later.md).")),
    "time bomb: scheduled links to later scheduled": ("nieuws/a.md", news("A", "2026-12-01", "Alinea.\n\nZie [later](later.md).")),
    "event links to a scheduled post": ("agenda/e.md", event("E", "2026-12-05 19:00", "Zie [later](../nieuws/later.md).")),
    "absolute site path": ("nieuws/a.md", news("A", "2026-11-01", "Zie [nieuws](/nieuws/).")),
    "full address of the site itself": (
        "nieuws/a.md",
        news("A", "2026-11-01", "Zie [hier](https://werkplaats-zhz.github.io/site/contact/)."),
    ),
    "missing anchor in another post": ("nieuws/a.md", news("A", "2026-11-01", "Zie [dat](../verslagen/verslag.md#wat-we-deden).")),
    "missing anchor on the page itself": ("nieuws/a.md", news("A", "2026-11-01", "Naar [beneden](#slot).\n\n## Begin")),
    "missing anchor on a fixed page": ("nieuws/a.md", news("A", "2026-11-01", "Zie [contact](../../docs/contact.md#nergens).")),
    "missing fixed page": ("nieuws/a.md", news("A", "2026-11-01", "Zie [over](../../docs/over-ons.md).")),
    "link to a folder": ("nieuws/a.md", news("A", "2026-11-01", "Zie [verslagen](../verslagen/).")),
    "link leaving the project": ("nieuws/a.md", news("A", "2026-11-01", "Zie [dit](../../../elders.md).")),
    "missing image in the text": ("nieuws/a.md", news("A", "2026-11-01", "![Een foto](afbeeldingen/weg.jpg)")),
    "image in the text that cannot be opened": ("nieuws/a.md", news("A", "2026-11-01", "![Kapotte foto](afbeeldingen/kapot.jpg)")),
    "image in the text without description": ("nieuws/a.md", news("A", "2026-11-01", "![](afbeeldingen/foto.jpg)")),
    "image in front matter that cannot be opened": (
        "nieuws/a.md",
        news("A", "2026-11-01", "Tekst.", "image: afbeeldingen/kapot.jpg", "image_alt: Kapot"),
    ),
    "empty attachment": (
        "verslagen/a.md",
        news("A", "2026-11-01", "Tekst.", "attachments:", "  - title: Leeg", "    file: bijlagen/leeg.pdf"),
    ),
    "attachment that is no PDF": (
        "verslagen/a.md",
        news("A", "2026-11-01", "Tekst.", "attachments:", "  - title: Word", "    file: bijlagen/nep.pdf"),
    ),
    "link in an HTML tag": ("nieuws/a.md", news("A", "2026-11-01", 'Zie <a href="../verslagen/weg.md">dit</a>.')),
    "image in an HTML tag": ("nieuws/a.md", news("A", "2026-11-01", '<img src="afbeeldingen/foto.jpg" alt="Foto">')),
    "attached image that cannot be opened": (
        "nieuws/a.md",
        news("A", "2026-11-01", "Tekst.", "attachments:", "  - title: Foto", "    file: afbeeldingen/kapot.jpg"),
    ),
    "reference-style link": ("nieuws/a.md", news("A", "2026-11-01", "Zie [dit][bron].\n\n[bron]: ../verslagen/weg.md")),
    "backslashes in a path": ("nieuws/a.md", news("A", "2026-11-01", "Zie [dit](..\\verslagen\\verslag.md).")),
    "title too long for an address": ("nieuws/a.md", news("Lang " * 70, "2026-11-01", "Tekst.")),
    "slug too long": ("nieuws/a.md", news("A", "2026-11-01", "Tekst.", "slug: " + "-".join(["woord"] * 20))),
    "title without letters or digits": ("nieuws/a.md", news('"!!!"', "2026-11-01", "Tekst.")),
    "image with an extension the site does not clean": ("nieuws/a.md", news("A", "2026-11-01", "![Foto](afbeeldingen/foto.jpe)")),
    "link to a folder's explanation": ("nieuws/a.md", news("A", "2026-11-01", "Zie [uitleg](afbeeldingen/README.md).")),
    "title whose address grows too long": ("nieuws/a.md", news("\u3392" * 60, "2026-11-01", "Tekst.")),
    "invisible character from a word processor": ("nieuws/a.md", news("Regel een\x0bregel twee", "2026-11-01", "Tekst.")),
    "file named .markdown": ("nieuws/a.markdown", news("A", "2026-11-01", "Tekst.")),
    "file named .MD": ("nieuws/a.MD", news("A", "2026-11-01", "Tekst.")),
    "file named .md.txt": ("nieuws/a.md.txt", news("A", "2026-11-01", "Tekst.")),
    "file named .txt": ("nieuws/a.txt", news("A", "2026-11-01", "Tekst.")),
}

EXPECTED = {
    # id -> (line, parts of the message)
    "link to a missing post": (6, ["../verslagen/weg.md bestaat niet", "posts/verslagen/weg.md"]),
    "link to a removed file, wrong case": (8, ["bestaat niet", 'bedoel je "verslag.md"?']),
    "link to a draft": (6, ["posts/nieuws/concept.md", "een concept is (draft: true)"]),
    "link to a scheduled post": (6, ["posts/nieuws/later.md", "pas op 2026-12-10"]),
    "time bomb: scheduled links to later scheduled": (8, ["posts/nieuws/later.md", "2026-12-10", "vanaf 2026-12-01", "zou mislukken"]),
    "event links to a scheduled post": (7, ["posts/nieuws/later.md", "pas op 2026-12-10"]),
    "absolute site path": (6, ["/nieuws/ begint met /", "../verslagen/"]),
    "full address of the site itself": (6, ["volledige adres", "verwijs naar het bestand"]),
    "missing anchor in another post": (6, ["#wat-we-deden bestaat niet in posts/verslagen/verslag.md"]),
    "missing anchor on the page itself": (6, ["#slot bestaat niet in dit bestand"]),
    "missing anchor on a fixed page": (6, ["#nergens bestaat niet in docs/contact.md"]),
    "missing fixed page": (6, ["../../docs/over-ons.md bestaat niet", "docs/over-ons.md"]),
    "link to a folder": (6, ["is een map", ".md-bestand"]),
    "link leaving the project": (6, ["buiten de mappen posts/ en docs/"]),
    "missing image in the text": (6, ["afbeelding afbeeldingen/weg.jpg bestaat niet"]),
    "image in the text that cannot be opened": (6, ["afbeeldingen/kapot.jpg", "kan niet als afbeelding geopend worden"]),
    "image in the text without description": (6, ["geen beschrijving", "![Deelnemers in gesprek](afbeeldingen/foto.jpg)"]),
    "image in front matter that cannot be opened": (4, ["image: afbeeldingen/kapot.jpg", "kan niet als afbeelding geopend worden"]),
    "empty attachment": (4, ["bijlagen/leeg.pdf is leeg"]),
    "attachment that is no PDF": (4, ["bijlagen/nep.pdf is geen pdf"]),
    "link in an HTML tag": (6, ["staat in een HTML-tag", "[tekst](../verslagen/weg.md)"]),
    "image in an HTML tag": (6, ["staat in een HTML-tag", "![beschrijving](afbeeldingen/foto.jpg)"]),
    "attached image that cannot be opened": (4, ["bijlage afbeeldingen/kapot.jpg", "kan niet als afbeelding geopend worden"]),
    "reference-style link": (8, ["../verslagen/weg.md bestaat niet"]),
    "backslashes in a path": (6, ["bevat een \\", "../verslagen/verslag.md"]),
    "title too long for an address": (2, ["title: is 349 tekens lang", f"meer dan {TITLE_MAX}"]),
    "slug too long": (4, ["slug: is 119 tekens lang", f"meer dan {SLUG_MAX}"]),
    "title without letters or digits": (2, ['title: "!!!" heeft geen letters of cijfers', "slug: a"]),
    "image with an extension the site does not clean": (6, [".jpe is geen soort afbeelding", "JPEG of PNG"]),
    "link to a folder's explanation": (6, ["afbeeldingen/README.md is de uitleg bij een map"]),
    "title whose address grows too long": (2, ["het webadres dat van deze titel gemaakt wordt is 180 tekens lang", "slug:"]),
    "invisible character from a word processor": (2, ["onzichtbaar teken (U+000B)"]),
    "file named .markdown": (1, ["wordt genegeerd", "hernoem naar a.md"]),
    "file named .MD": (1, ["wordt genegeerd", "hernoem naar a.md"]),
    "file named .md.txt": (1, ["wordt genegeerd", "hernoem naar a.md"]),
    "file named .txt": (1, ["wordt genegeerd", "hernoem naar a.md"]),
}


def write_base(project) -> None:
    contact = project.root / "docs" / "contact.md"
    if not contact.exists():  # the minimal `repo` has no fixed pages
        contact.write_text("# Contact\n\n## Adres\n\nMuseumpark 40.\n", encoding="utf-8")
    for rel, content in BASE.items():
        project.write(rel, content)
    project.write("nieuws/afbeeldingen/kapot.jpg", jpeg()[:200])
    project.write("nieuws/afbeeldingen/foto.jpe", jpeg())
    project.write("nieuws/afbeeldingen/README.md", "# Afbeeldingen\n\nZet hier de foto's.\n")
    project.write("verslagen/bijlagen/leeg.pdf", b"")
    project.write("verslagen/bijlagen/nep.pdf", b"PK\x03\x04 a Word file")


def problems_of(project, today: dt.date = TODAY) -> list[str]:
    try:
        load_all(project.settings, today=today)
    except ContentError as error:
        return [str(p) for p in error.problems]
    return []


def test_the_list_of_failure_modes_is_complete():
    assert set(FAILURE_MODES) == set(EXPECTED)


def test_the_base_project_is_valid(repo):
    write_base(repo)
    assert problems_of(repo) == []


@pytest.mark.parametrize("mode", FAILURE_MODES)
def test_make_check_reports_each_failure_mode(repo, mode):
    write_base(repo)
    rel, text = FAILURE_MODES[mode]
    repo.write(rel, text)
    line, parts = EXPECTED[mode]
    found = problems_of(repo)
    assert len(found) == 1, found
    assert found[0].startswith(f"posts/{rel}:{line}: "), found
    for part in parts:
        assert part in found[0], (part, found[0])


def test_the_build_stops_on_every_failure_mode_with_the_same_messages(project, tmp_path):
    write_base(project)
    expected = []
    for number, (mode, (rel, text)) in enumerate(FAILURE_MODES.items()):
        # one file per mode; the file name keeps its folder and suffix
        folder, name = rel.split("/")
        stem, dot, suffix = name.partition(".")
        renamed = f"{folder}/{stem}{number}{dot}{suffix}"
        body = text.replace("title: A\n", f"title: A{number}\n")
        project.write(renamed, body)
        expected.append((renamed, EXPECTED[mode][0]))
    found = problems_of(project)
    with pytest.raises(BuildFailed) as failed:
        run_mkdocs(project.root, tmp_path / "site", TODAY.isoformat())
    output = str(failed.value)
    assert "Traceback" not in output
    for problem in found:
        assert problem in output
    for rel, line in expected:
        assert f"posts/{rel}:{line}: " in output, rel
    assert "nieuws/posts/" not in output


# --- what is allowed --------------------------------------------------------------

GOOD_LINKS = """Een verslag: [verslag](../verslagen/verslag.md), [met anker](../verslagen/verslag.md#wat-we-leerden),
[eigen kop](#verderop), [contact](../../docs/contact.md), [privacy](../../docs/privacy.md "Privacy"),
[agenda](../../docs/agenda/index.md), [activiteit](../agenda/activiteit.md), ![De foto](afbeeldingen/foto.jpg),
[pdf](../verslagen/bijlagen/verslag.pdf), [mail](mailto:info@example.org), [bel](tel:+31107945676),
[extern](https://example.org/pagina_(1)), <https://example.org/auto>, [ref][r].

`[code](niet-bestaand.md)` is code.

```
[ook code](weg.md)
```

<a href="https://example.org/elders">elders</a> en <a href="#verderop">verderop</a>

## Verderop

[r]: ../verslagen/verslag.md
"""


def test_ordinary_links_pass_and_build(project):
    write_base(project)
    project.write("agenda/activiteit.md", event("Activiteit", "2026-12-05 19:00", "Zie [het verslag](../verslagen/verslag.md)."))
    project.write("nieuws/links.md", news("Alle soorten links", "2026-11-01", GOOD_LINKS))
    assert problems_of(project) == []
    site = project.build(TODAY.isoformat())
    post = (site / "nieuws/2026/11/01/alle-soorten-links/index.html").read_text(encoding="utf-8")
    # links to fixed pages, written from the file on disk, lead to the built pages
    for href in ('href="../../../../../contact/"', 'href="../../../../../privacy/"', 'href="../../../../../agenda/"'):
        assert href in post
    assert "docs/" not in post.split("<article", 1)[1].split("</article>", 1)[0]


def test_links_in_code_are_not_links():
    body = "`[a](x.md)` en ``[b](y.md)``\n\n    [c](z.md)\n\n~~~\n[d](w.md)\n~~~\n\n[e](v.md)\n"
    assert [link.target for link in links.find_links(body, 1)] == ["v.md"]


def test_lines_are_those_of_the_file():
    body = "\nEerste.\n\nZie [een\nlink](a.md) en ![foto](b.jpg).\n\n[ref]: c.md\n"
    found = links.find_links(body, 5)
    assert [(link.target, link.line, link.image) for link in found] == [("a.md", 9, False), ("b.jpg", 9, True), ("c.md", 11, False)]


def test_draft_may_link_to_draft_and_scheduled(repo):
    write_base(repo)
    repo.write("nieuws/b.md", news("B", "2026-11-01", "Zie [concept](concept.md) en [later](later.md).", "draft: true"))
    assert problems_of(repo) == []


def test_scheduled_may_link_to_an_earlier_or_same_day_post(repo):
    write_base(repo)
    repo.write("nieuws/b.md", news("B", "2026-12-10", "Zie [later](later.md) en [verslag](../verslagen/verslag.md)."))
    assert problems_of(repo) == []


def test_time_bomb_is_found_today_and_on_the_day_itself(repo):
    """Checked on every change date, the problem shows up today already, and
    on 2026-12-01 (when the linking post is published) still."""
    write_base(repo)
    repo.write("nieuws/a.md", news("A", "2026-12-01", "Zie [later](later.md)."))
    for today in (TODAY, dt.date(2026, 12, 1)):
        [problem] = problems_of(repo, today)
        assert "posts/nieuws/later.md" in problem and "2026-12-10" in problem
    assert problems_of(repo, dt.date(2026, 12, 10)) == []


def test_change_dates_are_today_and_every_later_date(repo):
    write_base(repo)
    repo.write("agenda/e.md", event("E", "2027-01-05", "Tekst.", "end: 2027-01-06"))
    entries = load_all(repo.settings)
    assert links.change_dates(entries, TODAY) == [TODAY, dt.date(2026, 12, 10), dt.date(2027, 1, 5), dt.date(2027, 1, 6)]


def test_rewrite_maps_fixed_pages_only():
    settings = build.load_settings(ROOT)
    source = settings.posts_dir / "nieuws" / "x.md"
    text = "[c](../../docs/contact.md#adres) [v](../verslagen/v.md) [e](https://example.org/) [a](#kop)"
    rewritten = links.rewrite_for_build(text, source, "nieuws/posts/nieuws", settings)
    assert rewritten == "[c](../../../contact.md#adres) [v](../verslagen/v.md) [e](https://example.org/) [a](#kop)"


# --- the safety net: MkDocs' own warnings name the editor's file ---------------------


def test_mkdocs_warning_names_the_post_and_line(repo):
    repo.write("nieuws/a.md", "---\ntitle: A\ndate: 2026-11-01\n---\n\nTekst.\n\nZie [x](raar.md).\n")
    message = (
        "Doc file 'nieuws/posts/nieuws/a.md' contains a link 'raar.md', but the target "
        "'nieuws/posts/nieuws/raar.md' is not found among documentation files."
    )
    text = for_editor(message, build.VIRTUAL_ROOT, repo.settings.posts_dir)
    assert text.startswith("posts/nieuws/a.md:8: ")
    assert "nieuws/posts/" not in text


def log_through_the_hook(repo) -> str:
    """Load hooks/messages.py as MkDocs does, start it twice (as `mkdocs serve`
    would), log MkDocs' warning about a link in posts/nieuws/a.md line 6 in
    MkDocs' own format, and return what was written."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("messages_hook", ROOT / "hooks" / "messages.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    repo.write("nieuws/a.md", "---\ntitle: A\ndate: 2026-11-01\n---\n\nZie [x](raar.md).\n")
    before = build.current_or_none()
    build.set_current(build.Build(repo.settings, TODAY, False, []))
    hook.on_startup(command="serve", dirty=False)
    hook.on_startup(command="serve", dirty=False)
    logger = logging.getLogger("mkdocs.structure.pages")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))  # MkDocs' own format
    logger.addHandler(handler)
    try:
        assert sum(isinstance(f, hook._ForEditor) for f in logger.filters) == 1
        logger.warning("Doc file '%s' contains a link '%s', but the target is not found.", "nieuws/posts/nieuws/a.md", "raar.md")
    finally:
        logger.removeHandler(handler)
        for name in hook.LOGGERS:
            logging.getLogger(name).removeFilter(hook._FILTER)
        build.set_current(before)
    return stream.getvalue()


def test_the_warning_filter_is_installed_once_and_rewrites(repo):
    # On a line of its own, like the model's errors.
    assert log_through_the_hook(repo).startswith("WARNING -  \nposts/nieuws/a.md:6: Doc file 'posts/nieuws/a.md'")


def test_check_command_reports_with_file_and_line(repo):
    write_base(repo)
    repo.write("nieuws/a.md", news("A", "2026-11-01", "Zie [weg](weg.md)."))
    result = subprocess.run(
        [sys.executable, "-m", "werkplaats.editing.check"],
        cwd=repo.root,
        capture_output=True,
        text=True,
        env={"SITE_TODAY": TODAY.isoformat(), "PATH": "/usr/bin:/bin", "GITHUB_ACTIONS": "true"},
    )
    assert result.returncode == 1
    assert "posts/nieuws/a.md:6: bestand weg.md bestaat niet" in result.stdout
    assert "::error file=posts/nieuws/a.md,line=6::bestand weg.md bestaat niet" in result.stdout


def test_a_checked_project_builds_on_every_change_date(project):
    """What make check passes today builds on each later date it checked."""
    write_base(project)
    project.write("nieuws/eerst.md", news("Eerst", "2026-12-01", "Vooruit naar [het verslag](../verslagen/verslag.md)."))
    project.write("nieuws/daarna.md", news("Daarna", "2026-12-10", "Terug naar [eerst](eerst.md) en [later](later.md)."))
    project.write("agenda/e.md", event("E", "2026-12-05 19:00", "Zie [het verslag](../verslagen/verslag.md)."))
    entries = load_all(project.settings, today=TODAY)
    days = links.change_dates(entries, TODAY)
    assert days == [TODAY, dt.date(2026, 12, 1), dt.date(2026, 12, 5), dt.date(2026, 12, 10)]
    for day in days[1:]:
        site = project.build(day.isoformat())
        assert (site / "nieuws" / "index.html").is_file()


def test_a_link_in_the_builds_own_layout_gets_the_disk_path(repo):
    """Before links were checked, ../../../over.md worked (it counts from where
    the build places a post); the message gives the path that works everywhere."""
    (repo.root / "docs" / "over.md").write_text("# Over\n", encoding="utf-8")
    repo.write("nieuws/a.md", news("A", "2026-11-01", "Lees [wie we zijn](../../../over.md)."))
    [problem] = problems_of(repo)
    assert problem.startswith("posts/nieuws/a.md:6: ../../../over.md is een pad zoals de site het intern gebruikt")
    assert problem.endswith("schrijf het vanaf dit bestand, ../../docs/over.md")


def test_the_link_examples_in_the_editors_guide_pass(project):
    """Every example in REDACTIE.md's table of links passes make check, from
    posts/nieuws/x.md as the table says (targets made up by the test)."""
    import re

    section = (ROOT / "REDACTIE.md").read_text(encoding="utf-8").split("### Links in de tekst", 1)[1].split("\n- ", 1)[0]
    examples = re.findall(r"`(!?\[[^`\]]*\]\([^`)]*\))`", section)
    assert len(examples) >= 8, examples
    for example in examples:
        [link] = links.find_links(example, 1)
        if "://" in link.target:
            continue
        target = (project.root / "posts" / "nieuws" / link.target.split("#")[0]).resolve()
        if target.exists():
            continue
        rel = target.relative_to((project.root / "posts").resolve()).as_posix()
        if rel.endswith(".md"):
            kind = rel.split("/")[0]
            body = "Inleiding.\n\n## Wat we leerden\n\nVeel."
            project.write(rel, event("Doel", "2018-10-18 19:00", body) if kind == "agenda" else news(f"Doel {rel}", "2018-10-01", body))
        else:
            project.write(rel, jpeg() if link.image else b"%PDF-1.4\n%%EOF\n")
    project.write("nieuws/x.md", news("Met links", "2018-11-01", "\n\n".join(examples)))
    assert problems_of(project) == []


def test_a_symlink_in_posts_is_refused(repo):
    repo.write("nieuws/a.md", news("A", "2026-11-01", "Tekst."))
    (repo.root / "posts" / "nieuws" / "bijlagen").mkdir()
    (repo.root / "posts" / "nieuws" / "bijlagen" / "info.pdf").symlink_to("/etc/hostname")
    assert problems_of(repo) == [
        "posts/nieuws/bijlagen/info.pdf:1: is een snelkoppeling (symlink) naar een ander bestand: zet het bestand zelf in posts/"
    ]


def test_only_files_of_published_entries_are_published(project, tmp_path):
    """An attachment or a linked PDF of a draft or a scheduled post stays off
    the site until its post is public; a file nobody links to never goes."""
    write_base(project)
    project.write("verslagen/bijlagen/concept.pdf", b"%PDF-1.4 concept\n")
    project.write("verslagen/bijlagen/gepland.pdf", b"%PDF-1.4 gepland\n")
    project.write("verslagen/bijlagen/los.pdf", b"%PDF-1.4 los\n")
    project.write(
        "verslagen/concept.md",
        news("Concept", "2026-11-01", "Tekst.", "draft: true", "attachments:", "  - title: Concept", "    file: bijlagen/concept.pdf"),
    )
    project.write("verslagen/gepland.md", news("Gepland", "2026-12-01", "Zie [de pdf](bijlagen/gepland.pdf)."))
    project.write("verslagen/openbaar.md", news("Openbaar", "2026-11-01", "Zie [de pdf](bijlagen/verslag.pdf)."))
    published = {p.name for p in project.build(TODAY.isoformat()).rglob("*.pdf")}
    assert published == {"verslag.pdf"}
    later = {p.name for p in project.build("2026-12-01").rglob("*.pdf")}
    assert later == {"verslag.pdf", "gepland.pdf"}


def test_a_rewritten_warning_reaches_the_pull_request_check_and_the_deploy_issue(repo):
    """What hooks/messages.py logs is read by tools/content_check.py and
    tools/deploy_issue.py as `posts/...:line:`."""
    from tools import content_check, deploy_issue

    log = "INFO    -  Building documentation\n" + log_through_the_hook(repo) + "\nAborted with 1 warnings in strict mode!\n"
    [problem] = content_check.build_problems(log)
    assert (problem.path, problem.line) == ("posts/nieuws/a.md", 6)
    assert [(path, line) for path, line, _ in deploy_issue.problems(log)] == [("posts/nieuws/a.md", 6)]
