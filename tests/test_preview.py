"""The quick preview: `make serve` on a large posts/ builds a window of it
(werkplaats.build.preview_window), and a saved file joins the window."""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest
from bs4 import BeautifulSoup

from conftest import fetch, wait_for
from tools.corpus import write_corpus
from werkplaats import build
from werkplaats.model import load_all

TODAY = dt.date(2026, 11, 22)
ENV = {"SITE_TODAY": TODAY.isoformat()}

OLD_REPORT = "---\ntitle: Verslag van een oude bijeenkomst\ndate: 2016-03-10\n---\n\nWat er besproken werd.\n"
OLD_EVENT = (
    "---\ntitle: Oude bijeenkomst\nstart: 2016-03-01 19:00\nlocation: Dordrecht\n"
    "report: ../verslagen/oud-verslag.md\n---\n\nTekst.\n"
)
DRAFT = "---\ntitle: Nog niet klaar\ndate: 2016-02-02\ndraft: true\n---\n\nConcepttekst.\n"
SCHEDULED = "---\ntitle: Komt later\ndate: 2027-01-15\n---\n\nTekst.\n"
UPCOMING = "---\ntitle: Binnenkort {n}\nstart: 2027-0{m}-1{n} 10:00\nlocation: Rotterdam\n---\n\nTekst.\n"


@pytest.fixture
def large(repo):
    """The real settings with 200 posts and 60 past events, plus the cases above."""
    write_corpus(repo.root / "posts", 200, 60)
    repo.write("verslagen/oud-verslag.md", OLD_REPORT)
    repo.write("agenda/oude-bijeenkomst.md", OLD_EVENT)
    repo.write("nieuws/concept.md", DRAFT)
    repo.write("nieuws/gepland.md", SCHEDULED)
    for n in range(3):
        repo.write(f"agenda/binnenkort-{n}.md", UPCOMING.format(n=n, m=n + 1))
    return repo


def rels(entries) -> set[str]:
    return {e.rel for e in entries}


def test_window_holds_newest_posts_open_work_events_and_cross_links(large):
    entries = load_all(large.settings)
    window = rels(build.preview_window(entries, TODAY))
    public_posts = sorted((e for e in entries if not e.is_event and e.is_public(TODAY)), key=lambda e: (e.date, e.title), reverse=True)
    past = sorted((e for e in entries if e.is_event and e.last_day < TODAY), key=lambda e: e.first_day, reverse=True)
    assert rels(public_posts[:build.PREVIEW_POSTS]) <= window
    assert not rels(public_posts[build.PREVIEW_POSTS:]) & window
    assert {"posts/nieuws/concept.md", "posts/nieuws/gepland.md"} <= window
    assert {f"posts/agenda/binnenkort-{n}.md" for n in range(3)} <= window
    assert rels(past[:build.PREVIEW_EVENTS]) <= window and not rels(past[build.PREVIEW_EVENTS:]) & window
    # Neither the old event nor its report is among the newest: both stay out together.
    assert "posts/agenda/oude-bijeenkomst.md" not in window and "posts/verslagen/oud-verslag.md" not in window


def test_a_saved_file_joins_the_window_with_what_it_links_to(large):
    started = time.time()
    old = large.root / "posts" / "verslagen" / "oud-verslag.md"
    os.utime(old, (started + 1, started + 1))
    window = rels(build.preview_window(load_all(large.settings), TODAY, changed_since=started))
    assert {"posts/verslagen/oud-verslag.md", "posts/agenda/oude-bijeenkomst.md"} <= window
    untouched = rels(build.preview_window(load_all(large.settings), TODAY, changed_since=started + 2))
    assert "posts/verslagen/oud-verslag.md" not in untouched


def test_only_a_large_preview_is_windowed(large):
    state = build.start_build(large.root, preview=True, environ=ENV)
    assert state.only is not None and len(state.shown) < len(state.entries)
    assert build.start_build(large.root, preview=True, environ={**ENV, "WERKPLAATS_PREVIEW_ALL": "1"}).only is None
    assert build.start_build(large.root, preview=False, environ=ENV).only is None


def test_small_preview_shows_everything(repo):
    repo.write("nieuws/concept.md", DRAFT)
    state = build.start_build(repo.root, preview=True, environ=ENV)
    assert state.only is None and rels(state.shown) == {"posts/nieuws/concept.md"}


def test_serve_builds_the_window_says_so_and_adds_a_saved_post(project):
    write_corpus(project.root / "posts", 200, 20)
    project.write("verslagen/oud-verslag.md", OLD_REPORT)
    old_url = "nieuws/2016/03/10/verslag-van-een-oude-bijeenkomst/"
    with project.serve(TODAY.isoformat()) as base:
        home = BeautifulSoup(wait_for(base), "lxml")
        banner = " ".join(home.select_one(".md-banner").get_text().split())
        assert banner.startswith("Snelle voorvertoning:") and "make serve ALLES=1" in banner
        assert f"van de {200 + 20 + 1} bestanden" in banner
        assert fetch(base + old_url)[0] == 404
        path = project.root / "posts" / "verslagen" / "oud-verslag.md"
        path.write_text(OLD_REPORT.replace("Wat er besproken", "Bijgewerkt: wat er besproken"), encoding="utf-8")
        page = wait_for(base + old_url, lambda status, body: "Bijgewerkt: wat er besproken" in body)
        assert "Verslag van een oude bijeenkomst" in page
