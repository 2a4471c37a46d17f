"""The Dutch query set, typed into the site's own search box.

The content and the queries are tests/search_fixture.py (made up for search,
never the real posts/). The fixture project is built once for this module
with SITE_TODAY = conftest.TODAY and served under /site/, as a GitHub project
site is. One Chromium page on zoeken/ takes every query: it types the query
into the box, waits until the status line (role=status) reports on exactly
that query, opens every further page of results, and reads the result
addresses in order. Only the fixture's own pages are judged (see
search_fixture's docstring); a query that must find nothing must find
nothing at all.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import Project, served_build
from search_fixture import BOX, INPUT, LINKS, MUST_FIND, MUST_NOT, NOTHING, PAGES, RANKING, STATUS, SUGGEST, ask_box, quoted, write_fixture
from sitecheck import wait_for

from werkplaats.site.search import read_index


@pytest.fixture(scope="module")
def dutch_site(tmp_path_factory):
    """The fixture project, built and served under /site/: (built dir, base URL)."""
    project = Project(tmp_path_factory.mktemp("zoeken-nl") / "project")
    write_fixture(project)
    with served_build(project.root, tmp_path_factory.mktemp("zoeken-nl-server")) as served:
        yield served


@pytest.fixture(scope="module")
def zoeken(dutch_site, browser):
    """One page on zoeken/ for the whole module; page errors fail at the end."""
    _, url = dutch_site
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url + "zoeken/", wait_until="load")
    yield page, url
    context.close()
    assert not errors, errors


# --- the data itself ---------------------------------------------------------------------


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def test_the_fixture_pages_are_published_at_the_addresses_the_queries_name(dutch_site):
    site, _ = dutch_site
    manifest = json.loads(Path(f"{site}.manifest.json").read_text(encoding="utf-8"))
    published = {item["url"] for item in manifest["files"] if item["status"] == "published"}
    assert published == set(PAGES)
    named = {u for f in MUST_FIND for u in f.pages | f.also} | {u for _, a, b in RANKING for u in a | b}
    assert named <= set(PAGES)


def test_the_query_set_is_as_large_as_the_issue_asks():
    assert len(MUST_FIND) >= 40 and len(MUST_NOT) >= 15
    assert len({f.query for f in MUST_FIND}) == len(MUST_FIND), "a query twice"
    assert any(f.held_out for f in MUST_FIND) and any(m.held_out for m in MUST_NOT)


@pytest.mark.parametrize("miss", MUST_NOT, ids=lambda m: m.query)
def test_a_must_not_word_is_truly_not_on_the_site(dutch_site, miss):
    """No indexed word (text, title, meta, the hidden terms) starts with it,
    so any result for it is noise."""
    site, _ = dutch_site
    word = fold(miss.query)
    for indexed in read_index(site):
        text = fold(" ".join([indexed["content"], *map(str, indexed["meta"].values())]))
        starting = [w for w in re.split(r"[^\w]+", text) if w.startswith(word)]
        assert not starting, f"{miss.query!r} is on {indexed['url']}: {starting}"


# --- in the browser -------------------------------------------------------------------------


@pytest.mark.parametrize("case", MUST_FIND, ids=lambda f: f.query)
def test_a_dutch_query_finds_its_pages_and_nothing_else(zoeken, case):
    page, base = zoeken
    answer = ask_box(page, base, case.query)
    found = set(answer.fixture)
    missing = sorted(case.pages - found)
    wrong = sorted(found - case.pages - case.also)
    assert not missing and not wrong, f"{case.query!r} ({case.what}): missing {missing}, wrong {wrong}; status {answer.status!r}"
    # Every result lies under the site's own path (/site/), never the server root.
    assert all(not u.startswith("http") for u in answer.urls), answer.urls


@pytest.mark.parametrize("miss", MUST_NOT, ids=lambda m: m.query)
def test_a_word_the_site_does_not_have_finds_nothing(zoeken, miss):
    page, base = zoeken
    answer = ask_box(page, base, miss.query)
    assert answer.urls == [], f"{miss.query!r} ({miss.what}): {answer.urls}"
    assert answer.status.startswith(NOTHING.format(miss.query)), answer.status


def suggestion(text: str) -> str | None:
    found = re.search(r"Bedoel je\s+(.+?)\s*\?", text)
    return found and found.group(1).strip("\u2018\u2019\"' ").lower()


@pytest.mark.parametrize("typo", list(SUGGEST))
def test_a_typo_gets_nothing_found_and_a_close_site_word(zoeken, typo):
    page, base = zoeken
    answer = ask_box(page, base, typo)
    assert answer.urls == [] and answer.status.startswith(NOTHING.format(typo)), answer.status
    # The words come after the miss (zoeken/woorden.json is fetched then): poll.
    accepted = SUGGEST[typo]
    try:
        wait_for(page, f"document.querySelector({BOX!r}).innerText.includes('Bedoel je')", timeout=10)
    except AssertionError:
        pytest.fail(f"{typo!r}: no suggestion; the box says {page.locator(BOX).inner_text()!r}")
    offered = suggestion(page.locator(BOX).inner_text())
    assert offered in accepted, f"{typo!r}: suggested {offered!r}, expected one of {sorted(accepted)}"


@pytest.mark.parametrize("query, first, after", RANKING, ids=[r[0] for r in RANKING])
def test_ranking(zoeken, query, first, after):
    page, base = zoeken
    order = ask_box(page, base, query).fixture
    assert first <= set(order), f"{query!r}: {sorted(first - set(order))} not found; {order}"
    later = [order.index(u) for u in after if u in order]
    assert max(order.index(u) for u in first) < min(later, default=len(order)), f"{query!r}: {order}"


def test_enter_on_the_search_page_shows_the_list_on_its_own_address(zoeken):
    page, base = zoeken
    ask_box(page, base, "mantelzorg")
    page.evaluate("window.wpZelfdePagina = true")
    page.locator(INPUT).press("Enter")
    wait_for(page, "new URL(location.href).searchParams.get('q') === 'mantelzorg'", timeout=10)
    # The same document (no navigation to a result), its list still there.
    assert page.evaluate("window.wpZelfdePagina === true")
    assert urlsplit(page.url).path.endswith("/site/zoeken/")
    found = [u[len(base) :] for u in page.evaluate(LINKS)]
    assert {u for u in found if u in PAGES} >= {u for f in MUST_FIND if f.query == "mantelzorg" for u in f.pages}


def test_enter_in_the_dialog_opens_the_list_on_the_search_page(dutch_site, browser):
    _, url = dutch_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.keyboard.press("/")
    wait_for(page, "document.querySelector('dialog').open && document.activeElement.type === 'search'", timeout=10)
    query = "foto's"
    page.keyboard.type(query)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    address = urlsplit(page.url)
    assert address.path == urlsplit(url).path + "zoeken/" and parse_qs(address.query)["q"] == [query], page.url
    wait_for(page, f"document.querySelector({STATUS!r}).textContent.includes({quoted(query)})", timeout=15)
    found = [u[len(url) :] for u in page.evaluate(LINKS)]
    assert {u for u in found if u in PAGES} == next(f.pages for f in MUST_FIND if f.query == query), found
    # The "Zoeken" button does the same as Enter, from the dialog on another page.
    page.goto(url + "over/", wait_until="load")
    page.keyboard.press("/")
    wait_for(page, "document.querySelector('dialog').open && document.activeElement.type === 'search'", timeout=10)
    page.keyboard.type("wijkteam")
    with page.expect_navigation():
        page.locator("dialog button[type=submit]").click()
    assert parse_qs(urlsplit(page.url).query)["q"] == ["wijkteam"] and urlsplit(page.url).path.endswith("/zoeken/")
    wait_for(page, f"document.querySelector({STATUS!r}).textContent.includes({quoted('wijkteam')})", timeout=15)
    context.close()
