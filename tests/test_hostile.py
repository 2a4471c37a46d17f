"""Nothing lost, nothing injected: hostile text, mixed bad input, collisions,
the manifest over a generated corpus, and a build without network."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, BuildFailed, html_files, run_mkdocs

from tools.corpus import write_corpus
from werkplaats.content.model import ContentError, load_all
from werkplaats.site import agenda, feeds, search

EVIL = """<script>window.__pwned=1</script></title>"'&]]></script><img src=x onerror="window.__pwned=2">"""
EVIL_YAML = json.dumps(EVIL)  # a JSON string is a valid YAML scalar

HOSTILE_POST = f"""---
title: {EVIL_YAML}
date: 2026-11-01
description: {EVIL_YAML}
tags: [{EVIL_YAML}]
---

Gewone tekst met een [externe link](https://example.org/pagina).
"""
HOSTILE_EVENT = f"""---
title: {EVIL_YAML}
start: 2026-12-03 19:00
end: 2026-12-03 21:00
description: {EVIL_YAML}
location:
  name: {EVIL_YAML}
  address: {EVIL_YAML}
  city: Dordrecht
tags: [{EVIL_YAML}]
registration: https://example.org/aanmelden?a=1&b="2"
---

Tekst.
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    from conftest import Project

    project = Project(tmp_path_factory.mktemp("hostile") / "project")
    project.write("nieuws/kwaad.md", HOSTILE_POST)
    project.write("agenda/kwaad.md", HOSTILE_EVENT)
    return project.build("2026-11-22")


def test_hostile_text_is_literal_on_every_page(hostile):
    pages_with_title = 0
    for path in html_files(hostile):
        html = path.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in html, path
        assert 'onerror="window.__pwned' not in html, path
        soup = BeautifulSoup(html, "lxml")
        if EVIL in soup.get_text():
            pages_with_title += 1
        for block in soup.select('script[type="application/ld+json"]'):
            json.loads(block.string)  # the block was not cut short by "</script>"
    assert pages_with_title >= 4  # the post, the event, listings, the home page


def test_hostile_title_in_head_and_headings(hostile):
    post = next(p for p in (hostile / "nieuws" / "2026").rglob("index.html"))
    soup = BeautifulSoup(post.read_text(encoding="utf-8"), "lxml")
    assert soup.title.get_text().startswith(EVIL)
    assert soup.select_one("article h1").get_text() == EVIL
    assert soup.select_one('meta[name="description"]')["content"] == EVIL
    assert soup.select_one('meta[property="og:title"]')["content"].startswith(EVIL)
    assert soup.select_one('a[href="https://example.org/pagina"]')["rel"] == ["noopener"]


def test_hostile_event_page_and_jsonld(hostile):
    page = next((hostile / "agenda" / "2026").rglob("index.html"))
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    (event,) = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]') if '"Event"' in s.string]
    assert event["name"] == EVIL and event["location"]["name"] == EVIL and event["description"] == EVIL
    assert "</script>" not in soup.select('script[type="application/ld+json"]')[-1].string
    assert EVIL in soup.select_one(".wp-facts").get_text()
    assert soup.find("a", string=re.compile("Aanmelden"))["href"] == 'https://example.org/aanmelden?a=1&b="2"'


def test_hostile_text_in_feeds_search_and_calendars(hostile):
    rss = feedparser.parse((hostile / feeds.RSS_PATH).read_bytes())
    assert not rss.bozo and rss.entries[0].title == EVIL
    assert ET.fromstring((hostile / feeds.RSS_PATH).read_bytes()).find("channel/item/description").text == EVIL
    assert json.loads((hostile / feeds.JSON_PATH).read_text(encoding="utf-8"))["items"][0]["title"] == EVIL
    raw = (hostile / agenda.FEED_PATH).read_bytes()
    (vevent,) = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == EVIL and EVIL in str(vevent["LOCATION"])
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert b"\\;" in raw or b"\\," in raw  # RFC 5545 escaping happened
    # The search index holds the title as the text it is (the search box
    # shows it with textContent, test below), not as markup of the page.
    titles = [page["meta"]["title"] for page in search.read_index(hostile)]
    assert EVIL in titles


def test_no_hostile_script_runs_in_the_browser(hostile, browser):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(hostile))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    pages = ["", "nieuws/", "agenda/"] + [
        p.parent.relative_to(hostile).as_posix() + "/" for p in html_files(hostile) if "/2026/" in p.as_posix()
    ]
    context = browser.new_context()
    try:
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for url in pages:
            page.goto(base + url)
            assert page.evaluate("window.__pwned === undefined"), url
        page.goto(base)
        page.keyboard.press("/")
        page.keyboard.type("pwned")
        page.wait_for_selector("dialog .wp-zoek__resultaat")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned === undefined")
        # The hostile title is shown as text in the result, not run as markup.
        assert EVIL in page.locator("dialog .wp-zoek__titel").all_inner_texts()
        assert dialogs == []
    finally:
        context.close()
        server.shutdown()


# --- bad input, mixed among good files, all reported in one run -------------------

BAD = {
    "nieuws/yaml.md": ("---\ntitle: [ongesloten\ndate: 2017-01-01\n---\n\nx\n", 2),
    "nieuws/open.md": ("---\ntitle: Open\ndate: 2017-01-01\n\nTekst zonder einde.\n", 1),
    "nieuws/leeg.md": ("", 1),
    "nieuws/alleen-front.md": ("---\ntitle: Alleen\ndate: 2017-01-01\n---\n", 5),
    "nieuws/bytes.md": (b"---\ntitle: Caf\xe9\ndate: 2017-01-01\n---\n\nx\n", 2),
    "nieuws/tab.md": ("---\ntitle: Tab\n\tdate: 2017-01-01\n---\n\nx\n", 3),
    "nieuws/lijst.md": ("---\ntitle: [a, b]\ndate: 2017-01-01\n---\n\nx\n", 2),
    "nieuws/tekst.md": ("---\ntitle: Tekst\ndate: 2017-01-01\ntags: wijkteams, zorg\n---\n\nx\n", 4),  # a list without [ ]
    "nieuws/30-feb.md": ("---\ntitle: Feb\ndate: 2017-02-30\n---\n\nx\n", 3),
    "nieuws/pad.md": ("---\ntitle: Pad\ndate: 2017-01-01\nimage: ../../etc/passwd\nimage_alt: x\n---\n\nx\n", 4),
    "nieuws/absoluut.md": ("---\ntitle: Abs\ndate: 2017-01-01\nattachments:\n  - title: x\n    file: /etc/passwd\n---\n\nx\n", 4),
    "nieuws/categorie.md": ("---\ntitle: Cat\ndate: 2017-01-01\ncategories: [Onbekend]\n---\n\nx\n", 4),
    "nieuws/auteur.md": ("---\ntitle: Aut\ndate: 2017-01-01\nauthors: [niemand]\n---\n\nx\n", 4),
    "nieuws/js.md": ("---\ntitle: Js\ndate: 2017-01-01\n---\n\n[klik](javascript:alert(1))\n", 6),
    "agenda/uur.md": ("---\ntitle: Uur\nstart: 2017-01-01 25:00\nlocation: Dordrecht\n---\n\nx\n", 3),
    "agenda/zomertijd.md": ("---\ntitle: Zomer\nstart: 2017-03-26 02:30\nlocation: Dordrecht\n---\n\nx\n", 3),
    "agenda/einde.md": ("---\ntitle: Eind\nstart: 2017-01-02 10:00\nend: 2017-01-01 10:00\nlocation: Dordrecht\n---\n\nx\n", 4),
    "agenda/verslag.md": ("---\ntitle: Verslag\nstart: 2017-01-02 10:00\nlocation: Dordrecht\nreport: ../verslagen/weg.md\n---\n\nx\n", 5),
    "agenda/online.md": ("---\ntitle: Online\nstart: 2017-01-02 10:00\nonline: data:text/html,x\n---\n\nx\n", 4),
    "agenda/aanmelden.md": (
        "---\ntitle: Aanm\nstart: 2017-01-02 10:00\nlocation: Dordrecht\nregistration: javascript:alert(1)\n---\n\nx\n",
        5,
    ),
}


def test_hundreds_of_files_with_every_bad_kind_reported_in_one_run(project):
    write_corpus(project.root / "posts", 300, 100)
    for rel, (text, _) in BAD.items():
        project.write(rel, text)
    project.write("nieuws/bom-crlf.md", "\ufeff---\r\ntitle: BOM en CRLF\r\ndate: 2017-01-01\r\n---\r\n\r\nGeldig.\r\n".encode("utf-8"))
    with pytest.raises(ContentError) as caught:
        load_all(project.settings)
    found = {(p.path, p.line) for p in caught.value.problems}
    expected = {(f"posts/{rel}", line) for rel, (_, line) in BAD.items()}
    assert found == expected
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project.root.parent / "out")],
        cwd=project.root,
        env={**os.environ, "SITE_TODAY": "2026-11-22", "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and f"{len(BAD)} fouten in posts/" in result.stderr
    assert not (project.root.parent / "out" / "index.html").exists()  # nothing published half-way


def test_bom_and_crlf_build(project):
    project.write("nieuws/bom.md", "\ufeff---\r\ntitle: BOM en CRLF\r\ndate: 2017-01-01\r\n---\r\n\r\nGeldig bericht.\r\n".encode("utf-8"))
    site = project.build("2026-11-22")
    page = BeautifulSoup((site / "nieuws/2017/01/01/bom-en-crlf/index.html").read_text(encoding="utf-8"), "lxml")
    assert page.select_one("article h1").get_text() == "BOM en CRLF"


# --- collisions -------------------------------------------------------------------------


def test_two_posts_for_one_address_name_each_other(project):
    project.write("nieuws/a.md", "---\ntitle: Zelfde titel\ndate: 2017-01-01\n---\n\nA.\n")
    project.write("verslagen/b.md", "---\ntitle: Zelfde  titel!\ndate: 2017-01-01\n---\n\nB.\n")
    project.write("nieuws/c.md", "---\ntitle: C\ndate: 2017-01-01\nslug: eigen\n---\n\nC.\n")
    project.write("nieuws/d.md", "---\ntitle: D\ndate: 2018-05-05\nslug: eigen\n---\n\nD.\n")
    project.write("agenda/e.md", "---\ntitle: Sessie\nstart: 2017-01-01 10:00\nlocation: X\n---\n\nE.\n")
    project.write("agenda/f.md", "---\ntitle: Sessie\nstart: 2017-01-01 14:00\nlocation: X\n---\n\nF.\n")
    with pytest.raises(ContentError) as caught:
        load_all(project.settings)
    messages = {p.path: p.message for p in caught.value.problems}
    # Each file of a pair is told and names the other: which is new only the editor knows.
    pairs = [
        ("posts/nieuws/a.md", "posts/verslagen/b.md"),
        ("posts/nieuws/c.md", "posts/nieuws/d.md"),
        ("posts/agenda/e.md", "posts/agenda/f.md"),
    ]
    assert set(messages) == {path for pair in pairs for path in pair}
    for one, other in pairs:
        assert other in messages[one] and one in messages[other]


# --- nothing lost ---------------------------------------------------------------------------


def test_every_published_file_appears_exactly_once(project):
    write_corpus(project.root / "posts", 240, 120, seed=11)
    project.write("nieuws/concept.md", "---\ntitle: Concept\ndate: 2020-01-01\ndraft: true\n---\n\nx\n")
    project.write("nieuws/later.md", "---\ntitle: Later\ndate: 2030-01-01\n---\n\nx\n")
    site = project.build("2026-11-22")
    manifest = json.loads(Path(f"{site}.manifest.json").read_text(encoding="utf-8"))
    by_status = {}
    for item in manifest["files"]:
        by_status.setdefault(item["status"], []).append(item)
    assert len(manifest["files"]) == 240 + 120 + 2
    assert [i["file"] for i in by_status["draft"]] == ["posts/nieuws/concept.md"]
    assert [i["file"] for i in by_status["scheduled"]] == ["posts/nieuws/later.md"]
    published = by_status["published"]
    assert all(i["url"] and (site / i["url"] / "index.html").is_file() for i in published)
    assert len({i["url"] for i in published}) == len(published)

    def listed(pages, selector: str) -> list[str]:
        """Site URLs of the entries of listing pages, one per entry."""
        found = []
        for path in pages:
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
            for a in soup.select(selector):
                target = (path.parent / a["href"]).resolve()
                found.append(target.relative_to(site.resolve()).as_posix().removesuffix("/index.html") + "/")
        return found

    posts = {i["url"] for i in published if i["kind"] != "agenda"}
    events = {i["url"] for i in published if i["kind"] == "agenda"}
    post_entries = "article.md-post .md-post__content > h2 a.toclink"
    archive = listed((site / "nieuws" / "archief").rglob("index.html"), post_entries)
    assert sorted(archive) == sorted(posts)  # every post exactly once
    entries = {e.rel: e for e in load_all(project.settings) if e.is_public(dt.date(2026, 11, 22))}
    url_of = {i["file"]: i["url"] for i in published}
    from werkplaats.core.slugs import slugify

    for name in {c for e in entries.values() if not e.is_event for c in e.categories}:
        in_category = listed((site / "nieuws" / "categorie" / slugify(name)).rglob("index.html"), post_entries)
        assert sorted(in_category) == sorted(url_of[rel] for rel, e in entries.items() if not e.is_event and name in e.categories), name
    rss = feedparser.parse((site / feeds.RSS_PATH).read_bytes())
    newest = sorted((e for e in entries.values() if not e.is_event), key=lambda e: (e.date, e.title), reverse=True)[: feeds.FEED_LIMIT]
    assert [x.link.split("/site/", 1)[-1] for x in rss.entries] == [url_of[e.rel] for e in newest]
    by_year = listed((site / "agenda" / "archief").rglob("index.html"), ".wp-event__title a")
    assert sorted(by_year) == sorted(events)  # every event exactly once in the agenda's year pages
    on_agenda = listed([site / "agenda" / "index.html"], ".wp-event__title a")
    upcoming = {url_of[rel] for rel, e in entries.items() if e.is_event and e.last_day >= dt.date(2026, 11, 22)}
    assert upcoming <= set(on_agenda) and len(on_agenda) == len(set(on_agenda))
    uids = [str(v["UID"]) for v in icalendar.Calendar.from_ical((site / agenda.FEED_PATH).read_bytes()).walk("VEVENT")]
    assert len(uids) == len(set(uids)) == len(events)


# --- supply chain ------------------------------------------------------------------------------


def test_every_requirement_is_pinned_with_hashes():
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2] if text.startswith("#") else text)
    pins = [b for b in blocks if b.strip() and not b.startswith("#")]
    assert len(pins) > 20
    for block in pins:
        assert re.match(r"^[A-Za-z0-9_.\-\[\]]+==[^\s]+ \\", block), block.splitlines()[0]
        assert "--hash=sha256:" in block, block.splitlines()[0]
    assert "--require-hashes" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_build_needs_no_network(project, tmp_path):
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(
        "import socket\n"
        "def _refuse(*args, **kwargs):\n"
        "    raise OSError('network used during the build')\n"
        "socket.socket.connect = _refuse\n"
        "socket.create_connection = _refuse\n"
        "socket.getaddrinfo = _refuse\n",
        encoding="utf-8",
    )
    project.write("nieuws/a.md", "---\ntitle: Offline\ndate: 2026-11-01\n---\n\nTekst.\n")
    site = project.build("2026-11-22", PYTHONPATH=f"{guard}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    assert (site / "nieuws/2026/11/01/offline/index.html").is_file()


def test_every_page_has_a_strict_content_security_policy(site):
    for path in html_files(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        csp = soup.select_one('meta[http-equiv="Content-Security-Policy"]')
        assert csp is not None, path
        policy = csp["content"]
        assert "default-src 'self'" in policy and "object-src 'none'" in policy
        assert not re.search(r"https?:|\*", policy), policy
        assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
        # No inline script or style at all (Material's bundle and its scripts are
        # not shipped); /admin/ has a policy of its own for Decap (test_admin.py).
        assert "admin" in path.parts or ("'unsafe-inline'" not in policy and "sha256-" not in policy), policy
        assert not soup.select("script:not([src]):not([type='application/ld+json'])") and not soup.select("[style], style"), path
        assert soup.select_one('meta[name="referrer"]')["content"] == "strict-origin-when-cross-origin"
        head = soup.head.find_all(["meta", "script", "link", "style"])
        assert head.index(csp) < min([head.index(t) for t in head if t.name in ("script", "link", "style")] or [len(head)])


# --- the CSP and Material's inline scripts (werkplaats.theme.security) -------------------------


def test_an_inline_script_the_policy_does_not_know_stops_the_build(project):
    """A new inline script (a Material update, or one of ours) would be
    blocked by the browser without a sound: the build stops on it instead."""
    from werkplaats.theme.material_guard import InternalsChanged
    from werkplaats.theme.security import THEME_SCRIPTS, script_hashes

    # None is allowed: Material's own two are emptied in overrides/ (werkplaats/theme/theme_assets.py).
    assert THEME_SCRIPTS == () and script_hashes("<p>Geen script.</p>") == []
    for body in ("__md_scope=new URL('.', location)", "document.title='x'"):
        with pytest.raises(InternalsChanged, match="THEME_SCRIPTS"):
            script_hashes(f"<script>{body}</script>")
    (project.root / "docs" / "proef.md").write_text('# Proef\n\n<script>document.title="x"</script>\n', encoding="utf-8")
    with pytest.raises(BuildFailed, match=r"proef\.md: An inline <script> that the Content-Security-Policy does not allow"):
        run_mkdocs(project.root, project.root.parent / "site", "2026-11-22")
