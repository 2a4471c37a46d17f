"""The site search (Pagefind; werkplaats/site/search.py, hooks/search.py,
overrides/partials/zoeken.html, docs/assets/zoeken.js).

Plain data first (no build), then the index of a built site read back from
Pagefind's own files, then a real browser typing into the same box a
visitor uses. The Dutch query set is written against the content this file
creates (SEARCH_POSTS), never against the real posts/.

The real site's index is checked by invariants in tests/test_site.py (so
that tests/test_content_lives.py runs them on more content too).

The browser site is served under /site/, as a GitHub project site is:
results must lead there, not to the server's root.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, Project, served_build
from sitecheck import tab_to, wait_for

from werkplaats.content.model import Entry, Location
from werkplaats.site import search
from werkplaats.theme.material_guard import InternalsChanged, replace_once
from werkplaats.theme.security import policy

# --- The content the query set is written against -------------------------------

SEARCH_POSTS = {
    "nieuws/drie-avonden-eenzaamheid.md": """---
title: Drie bijeenkomsten over eenzaamheid in Zwijndrecht
date: 2025-02-10
---

In Zwijndrecht organiseren buurtwerkers drie bijeenkomsten voor ouderen die weinig mensen zien.
""",
    "nieuws/huisartsen-en-wijkteams.md": """---
title: Huisartsen en wijkteams zoeken elkaar op
date: 2024-06-03
---

De samenwerking tussen huisartsen en wijkteams in Sliedrecht krijgt een vervolg, vertelt projectleider Fatima el Amrani.
""",
    "nieuws/steun-voor-mantelzorgers.md": """---
title: Meer steun voor wie thuis zorgt
date: 2026-09-01
---

Gemeenten in de Drechtsteden breiden de ondersteuning van mantelzorgers uit.
""",
    "nieuws/nog-niet-klaar.md": """---
title: Een bericht dat nog niet af is
date: 2025-05-05
draft: true
---

Over de vlinderstruik in de gemeenschappelijke tuin.
""",
    "nieuws/later-dit-jaar.md": """---
title: Een bericht voor later
date: 2027-01-15
---

De ijsvogel in het stadspark verschijnt pas in januari.
""",
    "verslagen/kenniscafe-armoede.md": """---
title: "Verslag: kenniscafé over armoede"
date: 2025-03-20
---

Op het kenniscafé in Dordrecht spraken bewoners en schuldhulpverleners over armoede in gezinnen.
""",
    "verslagen/terugblik-gorinchem.md": """---
title: Terugblik op de netwerkbijeenkomst in Gorinchem
date: 2025-11-05
---

De netwerkbijeenkomst in Gorinchem ging over jongeren die school verlaten zonder diploma.
""",
    "agenda/kenniscafe-armoede.md": """---
title: Kenniscafé over armoede
start: 2025-03-13 19:30
end: 2025-03-13 21:30
location:
  name: Bibliotheek AanZet
  address: Stadhuisplein 1
  postcode: 3311 AA
  city: Dordrecht
report: ../verslagen/kenniscafe-armoede.md
---

Een avond over geldzorgen in gezinnen.
""",
    "agenda/werkconferentie-schiedam.md": """---
title: Werkconferentie over de wijk van morgen
start: 2026-12-03 13:00
end: 2026-12-03 17:00
location:
  name: Stadskantoor
  city: Schiedam
registration: https://example.org/aanmelden
---

Een middag waarop we samen werken aan plannen voor de wijk.
""",
}

# Query -> (addresses that must be among the results, addresses that must not).
# Addresses are the end of the page's URL path.
NEWS_EENZAAM = "drie-bijeenkomsten-over-eenzaamheid-in-zwijndrecht/"
NEWS_HUISARTS = "huisartsen-en-wijkteams-zoeken-elkaar-op/"
NEWS_MANTELZORG = "meer-steun-voor-wie-thuis-zorgt/"
REPORT_ARMOEDE = "nieuws/2025/03/20/verslag-kenniscafe-over-armoede/"
REPORT_GORINCHEM = "terugblik-op-de-netwerkbijeenkomst-in-gorinchem/"
EVENT_ARMOEDE = "agenda/2025/03/13/kenniscafe-over-armoede/"
EVENT_SCHIEDAM = "agenda/2026/12/03/werkconferentie-over-de-wijk-van-morgen/"

QUERIES = {
    # inflections: plural and singular, verb and noun
    "bijeenkomst": ({NEWS_EENZAAM, REPORT_GORINCHEM}, set()),
    "bijeenkomsten": ({NEWS_EENZAAM}, set()),
    "samenwerken": ({NEWS_HUISARTS}, set()),
    "samenwerking": ({NEWS_HUISARTS}, set()),
    # "verslagen": every report carries the category Verslagen
    "verslagen": ({REPORT_ARMOEDE, REPORT_GORINCHEM}, {NEWS_EENZAAM}),
    "verslag": ({REPORT_ARMOEDE}, set()),
    # accents typed or not
    "kenniscafe": ({REPORT_ARMOEDE, EVENT_ARMOEDE}, {NEWS_HUISARTS}),
    "Kenniscafé": ({REPORT_ARMOEDE, EVENT_ARMOEDE}, {NEWS_HUISARTS}),
    # partial words, as they are being typed
    "ondersteu": ({NEWS_MANTELZORG}, set()),
    "mantelzorg": ({NEWS_MANTELZORG}, set()),
    # places (also an event's place, from its front matter) and people
    "Dordrecht": ({EVENT_ARMOEDE, REPORT_ARMOEDE}, set()),
    "Schiedam": ({EVENT_SCHIEDAM}, set()),
    "Gorinchem": ({REPORT_GORINCHEM}, set()),
    "Amrani": ({NEWS_HUISARTS}, set()),
    # a compound by its first part (and by its head: "bijeenkomst" above)
    "netwerk": ({REPORT_GORINCHEM}, set()),
    # drafts and scheduled posts are never found
    "vlinderstruik": (set(), {"een-bericht-dat-nog-niet-af-is/"}),
    "ijsvogel": (set(), {"een-bericht-voor-later/"}),
}


def write_search_content(project: Project) -> None:
    for rel, text in SEARCH_POSTS.items():
        project.write(rel, text)


@pytest.fixture(scope="session")
def search_project(tmp_path_factory) -> Project:
    project = Project(tmp_path_factory.mktemp("zoeken") / "project")
    write_search_content(project)
    return project


@pytest.fixture(scope="session")
def search_site(search_project, tmp_path_factory):
    """The content above, built and served under /site/ on 127.0.0.1."""
    with served_build(search_project.root, tmp_path_factory.mktemp("zoeken-server")) as served:
        yield served


# --- Plain data -------------------------------------------------------------------


def entry(kind: str, **fields) -> Entry:
    return Entry(kind=kind, path=Path(f"/p/{kind}/x.md"), rel=f"posts/{kind}/x.md", title="T", body="", slug="x", **fields)


def test_a_news_item_is_found_as_news_with_its_date():
    record = search.record(entry("nieuws", date=dt.date(2018, 10, 18)))
    assert record == {"kind": "nieuws", "label": "Nieuws", "year": "2018", "sort": "2018-10-18", "date": "donderdag 18 oktober 2018"}


def test_a_report_is_found_as_a_report():
    record = search.record(entry("verslagen", date=dt.date(2017, 3, 7)))
    assert (record["kind"], record["label"], record["year"]) == ("verslag", "Verslag", "2017")


def test_an_event_shows_its_own_date_and_its_last_day():
    start = dt.datetime(2026, 12, 30, 20, 0, tzinfo=dt.UTC)
    end = dt.datetime(2027, 1, 2, 1, 0, tzinfo=dt.UTC)
    record = search.record(entry("agenda", start=start, end=end, location=Location(name="X")))
    # The year an event takes place in, not the year it was written.
    assert record["kind"] == "activiteit" and record["year"] == "2026" and record["sort"] == "2026-12-30"
    assert record["date"].startswith("woensdag 30 december 2026")
    assert record["last_day"] == "2027-01-02"


def test_a_fixed_page_has_no_date_and_no_year():
    assert search.page_record() == {"kind": "pagina", "label": "Pagina", "year": "", "sort": "", "date": ""}


def test_years_are_offered_newest_first_once_each():
    entries = [
        entry("nieuws", date=dt.date(2017, 1, 1)),
        entry("nieuws", date=dt.date(2019, 1, 1)),
        entry("agenda", start=dt.date(2017, 5, 1)),
    ]
    assert search.years(entries) == ["2019", "2017"]


def test_every_kind_of_entry_has_a_filter_value_the_box_offers():
    box = (ROOT / "overrides" / "partials" / "zoeken.html").read_text(encoding="utf-8")
    for value, _ in [*search.KINDS.values(), search.PAGE_KIND]:
        assert f'<option value="{value}">' in box


def test_the_policy_lets_pagefinds_webassembly_run():
    script = policy([]).split("script-src", 1)[1].split(";", 1)[0]
    assert "'wasm-unsafe-eval'" in script and "'unsafe-eval'" not in script.replace("'wasm-unsafe-eval'", "")


def test_a_guarded_replace_stops_when_its_anchor_is_not_there_once():
    assert replace_once("<nav>a</nav>", "</nav>", "b</nav>") == "<nav>ab</nav>"
    for html in ("<nav>a", "<nav></nav><nav></nav>"):
        with pytest.raises(InternalsChanged, match="exactly once"):
            replace_once(html, "</nav>", "b</nav>")


def test_index_site_counts_marked_pages_and_a_failing_pagefind_stops_the_build(tmp_path):
    page = '<html lang="nl"><body><main data-pagefind-body><h1>Proef</h1><p>Een zin.</p></main></body></html>'
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    assert search.index_site(tmp_path) == 1
    assert [p["meta"]["title"] for p in search.read_index(tmp_path)] == ["Proef"]
    with pytest.raises(search.SearchIndexError, match="Pagefind"):
        search.index_site(tmp_path / "bestaat-niet")


# --- The index of a built site --------------------------------------------------------


def indexed(site: Path) -> dict[str, dict]:
    return {page["url"]: page for page in search.read_index(site)}


def test_drafts_scheduled_posts_and_listings_are_not_in_the_index(search_site):
    site, _ = search_site
    urls = set(indexed(site))
    assert not any(u.endswith(("een-bericht-dat-nog-niet-af-is/", "een-bericht-voor-later/")) for u in urls)
    for listing in ("/", "/nieuws/", "/verslagen/", "/agenda/", "/zoeken/", "/nieuws/trefwoorden/"):
        assert listing not in urls
    assert not any("/archief/" in u or "/categorie/" in u or "/maand/" in u or "/pagina/" in u for u in urls)
    text = " ".join(page["content"] for page in indexed(site).values())
    assert "vlinderstruik" not in text and "ijsvogel" not in text


def test_an_events_place_and_date_are_searchable_text(search_site):
    site, _ = search_site
    page = next(p for u, p in indexed(site).items() if u.endswith(EVENT_ARMOEDE))
    assert "Bibliotheek AanZet" in page["content"] and "Dordrecht" in page["content"]
    assert page["meta"]["datum"] == "donderdag 13 maart 2025, 19:30–21:30"
    assert page["meta"]["laatste_dag"] == "2025-03-13"
    # A place given as a name and a city only shows (and finds) the city too.
    schiedam = next(p for u, p in indexed(site).items() if u.endswith(EVENT_SCHIEDAM))
    assert "Stadskantoor Schiedam" in schiedam["content"]
    # The buttons (calendar file, back to the agenda) are not text to find.
    assert "Zet in je agenda" not in page["content"] and "Naar de agenda" not in page["content"]


# --- In the browser ------------------------------------------------------------------

RESULTS = "[...document.querySelectorAll('dialog[open] .wp-zoek__link, .md-content .wp-zoek__link')].map(a => a.href)"


def results_for(page, query: str) -> tuple[str, list[str]]:
    """Type a query into the open box; wait until the status reports on
    exactly this query and the list is drawn; the status and result URLs."""
    box = page.locator("dialog[open] input[type=search], .md-content input[type=search]").first
    box.fill("")
    box.type(query)
    quoted = f"\u2018{query}\u2019"
    wait_for(
        page,
        f"""(() => {{ const s = document.querySelector('dialog[open] [data-wp-zoek-status], .md-content [data-wp-zoek-status]');
        return s && s.textContent.includes({quoted!r}); }})()""",
        timeout=10,
    )
    # The status names the query only once its results are drawn (zoeken.js).
    return page.locator("dialog[open] [data-wp-zoek-status], .md-content [data-wp-zoek-status]").first.inner_text(), page.evaluate(RESULTS)


@pytest.fixture
def search_page(search_site, browser):
    """A fresh context on the search site's home page, search dialog open."""
    site, url = search_site
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="load")
    page.keyboard.press("/")
    wait_for(page, "document.querySelector('dialog').open && document.activeElement.type === 'search'", timeout=10)
    yield page, url, requests
    context.close()
    assert not errors, errors


@pytest.mark.parametrize("query", list(QUERIES))
def test_dutch_queries_find_the_right_pages(search_page, query):
    page, url, _ = search_page
    expected, unexpected = QUERIES[query]
    status, found = results_for(page, query)
    paths = [urlsplit(u).path for u in found]
    missing = [e for e in expected if not any(p.endswith(e) for p in paths)]
    wrong = [u for u in unexpected if any(p.endswith(u) for p in paths)]
    assert not missing and not wrong, f"{query!r}: {status} {paths}"
    # Every result lies under the site's own path (/site/), never the server root.
    assert all(p.startswith(urlsplit(url).path) for p in paths), paths
    if not expected:
        assert status.startswith(f"Niets gevonden voor \u2018{query}\u2019")


def test_a_result_shows_kind_date_upcoming_and_the_words_found(search_page):
    page, _, _ = search_page
    results_for(page, "werkconferentie")
    item = page.locator("dialog .wp-zoek__resultaat").first
    assert item.locator(".wp-zoek__soort").inner_text().lower() == "activiteit"
    assert item.locator(".wp-zoek__datum").inner_text() == "donderdag 3 december 2026, 13:00–17:00"
    # Today in the browser is after SITE_TODAY, before 2026-12-03 for a while;
    # the label follows the visitor's day, so compute what it must say.
    today = page.evaluate("new Intl.DateTimeFormat('sv-SE', {timeZone: 'Europe/Amsterdam'}).format(new Date())")
    assert item.locator(".wp-zoek__wanneer").inner_text() == ("komt nog" if today <= "2026-12-03" else "geweest")
    # The snippet is the text, not the title again; found words are marked.
    snippet = item.locator(".wp-zoek__fragment").inner_text()
    assert not snippet.startswith("Werkconferentie") and "Een middag waarop" in snippet
    results_for(page, "plannen")
    item = page.locator("dialog .wp-zoek__resultaat").first
    assert item.locator(".wp-zoek__fragment mark").first.inner_text().lower() == "plannen"
    results_for(page, "Dordrecht")
    kinds = page.locator("dialog .wp-zoek__resultaat").evaluate_all(
        "items => items.map(i => [i.querySelector('.wp-zoek__soort').textContent, i.querySelector('.wp-zoek__datum')?.textContent, i.querySelector('.wp-zoek__wanneer')?.textContent])"
    )
    assert ["Activiteit", "donderdag 13 maart 2025, 19:30–21:30", "geweest"] in kinds
    # A report shows its own date and no upcoming/past label.
    assert ["Verslag", "donderdag 20 maart 2025", None] in kinds


def test_results_narrow_to_a_kind_and_a_year(search_page):
    page, _, _ = search_page
    _, both = results_for(page, "kenniscafe")
    assert len(both) >= 2
    page.select_option("dialog [data-wp-zoek-filter=soort]", "activiteit")
    wait_for(page, "document.querySelector('dialog [data-wp-zoek-status]').textContent.includes('activiteiten')")
    found = page.evaluate(RESULTS)
    assert [urlsplit(u).path.endswith(EVENT_ARMOEDE) for u in found] == [True]
    # Only filters, no words: everything of that kind in that year, newest first.
    page.locator("dialog input[type=search]").fill("")
    page.select_option("dialog [data-wp-zoek-filter=soort]", "nieuws")
    page.select_option("dialog [data-wp-zoek-filter=jaar]", "2025")
    wait_for(page, "document.querySelector('dialog [data-wp-zoek-status]').textContent.includes('2025')")
    found = [urlsplit(u).path for u in page.evaluate(RESULTS)]
    assert len(found) == 1 and found[0].endswith(NEWS_EENZAAM)
    page.select_option("dialog [data-wp-zoek-filter=jaar]", "")
    wait_for(page, "!document.querySelector('dialog [data-wp-zoek-status]').textContent.includes('2025')")
    found = [urlsplit(u).path for u in page.evaluate(RESULTS)]
    assert [f.split("/nieuws/")[1][:10] for f in found] == ["2026/09/01", "2025/02/10", "2024/06/03"]


def test_the_years_offered_are_the_years_of_the_content(search_site):
    site, _ = search_site
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    years = [o["value"] for o in soup.select("dialog [data-wp-zoek-filter=jaar] option") if o["value"]]
    # Published content only: the scheduled post of 2027 adds no year.
    assert years == ["2026", "2025", "2024"]


def test_keyboard_alone_open_type_arrows_enter_escape(search_site, browser):
    site, url = search_site
    context = browser.new_context(viewport={"width": 375, "height": 700})
    page = context.new_page()
    page.goto(url + "over/", wait_until="load")
    # Tab to the header's search button, open it with Enter.
    tab_to(page, "[data-wp-zoek-open]")
    assert page.evaluate("document.activeElement.getAttribute('role')") == "button"
    page.keyboard.press("Enter")
    wait_for(page, "document.querySelector('dialog').open && document.activeElement.type === 'search'", timeout=10)
    # Escape closes it, and focus goes back to the button.
    page.keyboard.press("Escape")
    wait_for(page, "!document.querySelector('dialog').open")
    assert page.evaluate("document.activeElement.matches('[data-wp-zoek-open]')")
    # "/" opens it; arrows go down the results and back up to the box.
    page.keyboard.press("/")
    wait_for(page, "document.activeElement.type === 'search'")
    _, found = results_for(page, "kenniscafe")
    assert len(found) >= 2
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == found[1]
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.type") == "search"
    # Enter in the box: the whole list on the search page, an address to share.
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == urlsplit(url).path + "zoeken/" and "q=kenniscafe" in page.url
    status, listed = results_shown(page, "kenniscafe")
    assert listed == found and status.startswith(f"{len(found)} resultaten")
    assert page.evaluate("document.activeElement.id") == "zoek-pagina-q"
    # Arrow down to the second result, Enter opens it.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == found[1]
    context.close()


def results_shown(page, query: str) -> tuple[str, list[str]]:
    """The status and result URLs once the box reports on `query`."""
    wait_for(
        page,
        f"(document.querySelector('[data-wp-zoek-status]') || {{}}).textContent?.includes({chr(0x2018) + query + chr(0x2019)!r})",
        timeout=10,
    )
    return page.locator("[data-wp-zoek-status]").first.inner_text(), page.evaluate(RESULTS)


def test_the_search_page_searches_its_address(search_site, browser):
    site, url = search_site
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "zoeken/?q=Gorinchem&soort=verslag", wait_until="load")
    wait_for(page, "document.querySelector('[data-wp-zoek-status]').textContent.includes('Gorinchem')")
    found = page.evaluate(RESULTS)
    assert len(found) == 1 and urlsplit(found[0]).path.endswith(REPORT_GORINCHEM)
    assert page.input_value("[data-wp-zoek-filter=soort]") == "verslag"
    # "/" on this page goes to its own box: there is no dialog.
    page.locator("h1").click()
    page.keyboard.press("/")
    wait_for(page, "document.activeElement.id === 'zoek-pagina-q'")
    context.close()


def test_search_works_when_the_browser_has_no_workers(search_site, browser):
    """Pagefind then runs its WebAssembly in the page itself, under the page's
    CSP: this needs 'wasm-unsafe-eval' (werkplaats/theme/security.py)."""
    site, url = search_site
    context = browser.new_context()
    context.add_init_script("delete window.Worker;")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url, wait_until="load")
    assert page.evaluate("typeof Worker") == "undefined"
    page.keyboard.press("/")
    wait_for(page, "document.activeElement.type === 'search'")
    _, found = results_for(page, "Schiedam")
    assert any(urlsplit(u).path.endswith(EVENT_SCHIEDAM) for u in found), errors
    context.close()


def test_the_engine_is_loaded_only_when_someone_searches(search_site, browser):
    site, url = search_site
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(urlsplit(request.url).path))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    assert not [r for r in requests if "/pagefind/" in r]
    page.keyboard.press("/")
    _, found = results_for(page, "armoede")
    assert found and any(r.endswith("/pagefind/pagefind.js") for r in requests)
    assert any(r.endswith(".pf_fragment") for r in requests)
    context.close()
