"""werkplaats.site.pages: what each view shows, on plain data (a Build made of
Entry values, no files, no MkDocs), and routing by `view` in a real build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import PROJECT, BuildFailed, page, run_mkdocs

from werkplaats.content.entries import Entry, Location
from werkplaats.core.settings import load_settings
from werkplaats.site import pages
from werkplaats.site.build import Build

TODAY = dt.date(2026, 11, 23)


def event(slug: str, start, **extra) -> Entry:
    return Entry(
        "agenda",
        Path(f"/x/posts/agenda/{slug}.md"),
        f"posts/agenda/{slug}.md",
        slug.replace("-", " ").capitalize(),
        "Tekst.",
        slug,
        start=start,
        status="gepland",
        **extra,
    )


def post(slug: str, kind: str, date: dt.date, **extra) -> Entry:
    categories = ["Verslagen" if kind == "verslagen" else "Nieuws"]
    return Entry(
        kind,
        Path(f"/x/posts/{kind}/{slug}.md"),
        f"posts/{kind}/{slug}.md",
        slug.capitalize(),
        "Tekst.",
        slug,
        date=date,
        categories=categories,
        **extra,
    )


@pytest.fixture
def state() -> Build:
    entries = [
        event(
            "kenniscafe",
            dt.date(2026, 12, 10),
            location=Location(name="Bibliotheek", city="Dordrecht"),
            categories=["Kenniscafé"],
            tags=["wijk"],
            report="posts/verslagen/terugblik.md",
        ),
        event("open-dag", dt.date(2027, 1, 14)),
        event("netwerk", dt.date(2017, 3, 7)),
        post("terugblik", "verslagen", dt.date(2026, 11, 20)),
        post("bericht", "nieuws", dt.date(2026, 11, 1)),
    ]
    build = Build(load_settings(PROJECT), TODAY, False, entries)
    build.urls.update({e.rel: f"{'agenda' if e.is_event else 'nieuws'}/{e.slug}/" for e in entries})
    return build


def titles(items) -> list[str]:
    return [item["title"] for item in items]


def test_every_view_has_a_template_that_exists():
    for view, template in pages.TEMPLATES.items():
        assert (PROJECT / "overrides" / template).is_file(), view
    with pytest.raises(pages.UnknownView, match="view: 'verslag' does not exist"):
        pages.template_for("verslag")


def test_home_shows_the_next_events_and_the_latest_news(state):
    context = pages.page_context("home", state)
    assert titles(context["upcoming_events"]) == ["Kenniscafe", "Open dag"]
    assert titles(context["latest_news"]) == ["Terugblik", "Bericht"]


def test_reports_and_the_agenda(state):
    assert titles(pages.page_context("verslagen", state)["reports"]) == ["Terugblik"]
    agenda = pages.page_context("agenda", state)["agenda"]
    assert [g["title"] for g in agenda["upcoming"]] == ["december 2026", "januari 2027"]
    assert titles(agenda["past"]) == ["Netwerk"]
    assert [c["title"] for c in agenda["categories"]] == ["Kenniscafé"]


def test_listings_by_key(state):
    assert pages.page_context("agenda-maand", state, key="2026-12")["grid"]["title"] == "december 2026"
    assert titles(pages.page_context("agenda-jaar", state, key="2017")["listing"]["past"]) == ["Netwerk"]
    assert titles(pages.page_context("agenda-categorie", state, key="Kenniscafé")["listing"]["upcoming"]) == ["Kenniscafe"]
    assert titles(pages.page_context("agenda-trefwoord", state, key="wijk")["listing"]["upcoming"]) == ["Kenniscafe"]


def test_an_event_and_its_report_link_to_each_other(state):
    kenniscafe, report = state.entry_for("posts/agenda/kenniscafe.md"), state.entry_for("posts/verslagen/terugblik.md")
    shown = pages.page_context("event", state, entry=kenniscafe, site_url="https://example.org/", organisation={"naam": "W"})["event"]
    assert shown["report"] == {"title": "Terugblik", "url": "nieuws/terugblik/"} and shown["place"] == "Bibliotheek, Dordrecht"
    assert shown["jsonld"]["url"] == "https://example.org/agenda/kenniscafe/"
    context = pages.page_context("post", state, entry=report)
    assert context["event_of_report"] == {"title": "Kenniscafe", "url": "agenda/kenniscafe/"}
    assert context["publication"] == "gepubliceerd"
    assert pages.page_context("zoeken", state) == {}


@pytest.mark.site
def test_a_renamed_page_keeps_its_view_and_an_unknown_view_stops_the_build(project, tmp_path):
    """The view travels with the page: renaming docs/verslagen.md does not empty it."""
    project.write("verslagen/terugblik.md", "---\ntitle: Terugblik\ndate: 2026-11-20\n---\n\nTekst.\n")
    docs = project.root / "docs"
    (docs / "verslagen.md").rename(docs / "alle-verslagen.md")
    for linking in (project.root / "mkdocs.yml", docs / "nieuws" / "index.md"):
        linking.write_text(linking.read_text(encoding="utf-8").replace("verslagen.md", "alle-verslagen.md"), encoding="utf-8")
    site = project.build("2026-11-22")
    assert [a.get_text(strip=True) for a in page(site, "alle-verslagen/").select(".wp-card__title a")] == ["Terugblik"]
    (docs / "contact.md").write_text(
        (docs / "contact.md").read_text(encoding="utf-8").replace("view: contact", "view: kontakt"), encoding="utf-8"
    )
    with pytest.raises(BuildFailed, match=r"contact\.md: view: 'kontakt' does not exist"):
        run_mkdocs(project.root, tmp_path / "kapot", "2026-11-22")
