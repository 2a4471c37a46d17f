"""The preview: `make serve` on a large posts/ builds a window of it
(werkplaats.site.build.preview_window), a saved file joins the window, and the
preview follows files being created, renamed, deleted, broken and fixed
without a restart."""

from __future__ import annotations

import datetime as dt
import inspect
import io
import os
import time
import urllib.request
from types import SimpleNamespace
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import fetch, wait_for
from material.plugins.blog.plugin import BlogPlugin
from PIL import Image

from hooks import posts as posts_hook
from tools.corpus import write_corpus
from werkplaats.content.model import EXCERPT_SEPARATOR, load_all
from werkplaats.site import build

TODAY = dt.date(2026, 11, 22)
ENV = {"SITE_TODAY": TODAY.isoformat()}

OLD_REPORT = "---\ntitle: Verslag van een oude bijeenkomst\ndate: 2016-03-10\n---\n\nWat er besproken werd.\n"
OLD_EVENT = (
    "---\ntitle: Oude bijeenkomst\nstart: 2016-03-01 19:00\nlocation: Dordrecht\nreport: ../verslagen/oud-verslag.md\n---\n\nTekst.\n"
)
DRAFT = "---\ntitle: Nog niet klaar\ndate: 2016-02-02\ndraft: true\n---\n\nConcepttekst.\n"
SCHEDULED = "---\ntitle: Komt later\ndate: 2027-01-15\n---\n\nTekst.\n"
UPCOMING = "---\ntitle: Binnenkort {n}\nstart: 2027-0{m}-1{n} 10:00\nlocation: Rotterdam\n---\n\nTekst.\n"


@pytest.fixture
def large(repo):
    """The real settings with 200 posts and 60 past events, plus the cases above."""
    write_corpus(repo.root / "posts", 200, 60)
    (repo.root / "docs" / "contact.md").write_text("# Contact\n", encoding="utf-8")  # the corpus links to it
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
    assert rels(public_posts[: build.PREVIEW_POSTS]) <= window
    assert not rels(public_posts[build.PREVIEW_POSTS :]) & window
    assert {"posts/nieuws/concept.md", "posts/nieuws/gepland.md"} <= window
    assert {f"posts/agenda/binnenkort-{n}.md" for n in range(3)} <= window
    assert rels(past[: build.PREVIEW_EVENTS]) <= window and not rels(past[build.PREVIEW_EVENTS :]) & window
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


# --- a preview that survives editing ------------------------------------------------

NEWS = "---\ntitle: {title}\ndate: {date}\n{extra}---\n\n{body}\n"


class FakeBlog:
    """The one thing the wrapper uses of Material's blog plugin: _resolve_post."""

    def __init__(self):
        self.resolved = []

    def _resolve_post(self, file, config):
        self.resolved.append(file.abs_src_path)
        return SimpleNamespace(config=SimpleNamespace(categories=[]), meta={}, markdown="Eerste alinea.\n\nTweede alinea.\n")


def test_post_resolver_is_installed_once_and_reads_the_current_build(repo, monkeypatch):
    first = repo.write("nieuws/eerste.md", NEWS.format(title="Eerste", date="2026-10-01", extra="", body="Tekst."))
    monkeypatch.setattr(build, "_current", build.start_build(repo.root, environ=ENV))
    blog = FakeBlog()
    posts_hook.install_post_resolver(blog)
    wrapper = blog._resolve_post
    # A rebuild of `mkdocs serve`: a new Build, on_config again, the same plugin.
    second = repo.write(
        "nieuws/tweede.md", NEWS.format(title="Tweede", date="2026-10-02", extra="categories: [Wijkteams]\n", body="Tekst.")
    )
    monkeypatch.setattr(build, "_current", build.start_build(repo.root, environ=ENV))
    posts_hook.install_post_resolver(blog)
    assert blog._resolve_post is wrapper and wrapper.__wrapped__.__func__ is FakeBlog._resolve_post
    post = blog._resolve_post(SimpleNamespace(abs_src_path=str(second)), None)
    assert len(blog.resolved) == 1  # one level: the original ran once (on the model's source, hooks/posts.py)
    assert set(post.config.categories) == {"Wijkteams", "Nieuws"} and post.meta["view"] == "post"
    assert post.markdown.count(EXCERPT_SEPARATOR) == 1
    assert blog._resolve_post(SimpleNamespace(abs_src_path=str(first)), None).config.categories == ["Nieuws"]


def test_blog_plugin_still_resolves_each_post_through_the_wrapped_method():
    """What the wrapper assumes of Material: the blog resolves every post by
    calling self._resolve_post(file, config), which returns the post."""
    assert list(inspect.signature(BlogPlugin._resolve_post).parameters) == ["self", "file", "config"]
    assert "self._resolve_post(file, config)" in inspect.getsource(BlogPlugin._resolve_posts)


def wait_for_text(path, text: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while text not in (output := path.read_text(encoding="utf-8")):
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} not in the output of mkdocs serve after {seconds} s:\n{output}")
        time.sleep(0.2)
    return output


def test_serve_follows_new_renamed_deleted_broken_and_fixed_files(project, tmp_path):
    log = tmp_path / "serve.log"
    project.write("nieuws/bestaand.md", NEWS.format(title="Bestaand bericht", date="2026-10-01", extra="", body="Tekst."))
    with project.serve(TODAY.isoformat(), log=log) as base:
        wait_for(base)
        news = project.write(
            "nieuws/nieuw.md", NEWS.format(title="Nieuw tijdens serve", date="2026-11-01", extra="", body="Eerste versie.")
        )
        old_url = base + "nieuws/2026/11/01/nieuw-tijdens-serve/"
        wait_for(old_url, lambda status, body: status == 200 and "Eerste versie." in body)

        renamed = news.rename(news.with_name("hernoemd.md"))
        renamed.write_text(NEWS.format(title="Hernoemd bericht", date="2026-11-01", extra="", body="Eerste versie."), encoding="utf-8")
        new_url = base + "nieuws/2026/11/01/hernoemd-bericht/"
        wait_for(new_url)
        assert fetch(old_url)[0] == 404

        renamed.unlink()
        wait_for(base + "nieuws/", lambda status, body: status == 200 and "Bestaand bericht" in body and "Hernoemd bericht" not in body)
        assert fetch(new_url)[0] == 404

        project.write(
            "agenda/bijeenkomst.md", "---\ntitle: Bijeenkomst tijdens serve\nstart: 2026-12-10 19:00\nlocation: Dordrecht\n---\n\nTekst.\n"
        )
        agenda = BeautifulSoup(wait_for(base + "agenda/", lambda status, body: "Bijeenkomst tijdens serve" in body), "lxml")
        (link,) = {a["href"] for a in agenda.select("a[href]") if a["href"].endswith("/bijeenkomst-tijdens-serve/")}
        assert "Bijeenkomst tijdens serve" in wait_for(urljoin(base + "agenda/", link))

        Image.new("RGB", (800, 600), (200, 100, 50)).save(project.root / "posts" / "nieuws" / "foto.png")
        photo_post = NEWS.format(
            title="Met foto",
            date="2026-11-02",
            extra="image: foto.png\nimage_alt: Een oranje vlak\n",
            body="{body}\n\n![Oranje vlak](foto.png)",
        )
        path = project.write("nieuws/met-foto.md", photo_post.format(body="Tekst bij de foto."))
        url = base + "nieuws/2026/11/02/met-foto/"
        page = BeautifulSoup(wait_for(url), "lxml")
        images = page.select("article img")
        assert len(images) == 2  # the post's picture and the image in its text
        for src in {img["src"] for img in images}:  # one cleaned file may serve both
            with urllib.request.urlopen(urljoin(url, src), timeout=10) as response:  # fetch() reads text
                Image.open(io.BytesIO(response.read())).verify()

        broken = photo_post.format(body="Tekst bij de foto.").replace("title: Met foto", "title: [Met foto")
        _, problems = project.read("nieuws/met-foto.md", broken)
        assert str(problems[0]).startswith("posts/nieuws/met-foto.md:2: ")
        wait_for_text(log, str(problems[0]))
        assert project.server.poll() is None, "mkdocs serve stopped on a broken file"

        path.write_text(photo_post.format(body="Verbeterde tekst."), encoding="utf-8")
        wait_for(url, lambda status, body: "Verbeterde tekst." in body)
        assert project.server.poll() is None
