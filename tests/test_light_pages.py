"""Light pages: only the theme code visitors use (werkplaats/theme/theme_assets.py).

- Material's CSS cut by PurgeCSS changes no pixel of any page type, at 360
  and 1280 px, with the drawer and the search open too (two builds of the
  same content, cut and whole, compared screenshot by screenshot);
- the heaviest first view of the six audited pages is within the budget
  on the wire, no request of any page view fails and none asks a sitemap;
- Tab and Shift+Tab, also after scrolling, never land on something hidden,
  off screen or under the sticky header;
- feed readers and calendar apps still find the feeds in every page's head.
"""

from __future__ import annotations

import contextlib
import io
import json
import xml.etree.ElementTree as ET
from urllib.parse import urljoin
from urllib.request import urlopen

import icalendar
import pytest
from conftest import Project, mkdocs_build, soup_of
from PIL import Image, ImageChops
from sitecheck import built_sites, page_types, wait_for, write_test_content

from tools.first_view import BUDGET, measure
from tools.static_server import StaticServer
from werkplaats.theme import theme_assets

TODAY = "2026-11-22"
WIDTHS = (360, 1280)
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    return built_sites(tmp_path_factory)


# --- the cut CSS: not one pixel lost ------------------------------------------------


@pytest.fixture(scope="module")
def cut_and_whole(tmp_path_factory):
    """The same content built twice: Material's CSS cut (as published) and whole."""
    out = tmp_path_factory.mktemp("css")
    project = Project(out / "project")
    write_test_content(project)
    servers = {}
    for name, env in (("cut", {}), ("whole", {theme_assets.SWITCH: "0"})):
        server = StaticServer(out / name)
        # One address for both: pages that print it (the feeds' webcal:// links) look alike.
        mkdocs_build(project.root, server.root, TODAY, SITE_URL="https://werkplaats.example/", **env)
        server.start()
        servers[name] = server
    yield servers
    for server in servers.values():
        server.stop()


def test_the_cut_css_is_much_smaller_and_the_whole_one_is_not_published(cut_and_whole):
    (cut,) = (cut_and_whole["cut"].root / "assets" / "stylesheets").glob("main.*.min.css")
    (whole,) = (cut_and_whole["whole"].root / "assets" / "stylesheets").glob("main.*.min.css")
    assert cut.stat().st_size < 0.5 * whole.stat().st_size
    for root in (cut_and_whole["cut"].root, cut_and_whole["whole"].root):
        assert not list((root / "assets").glob("javascripts/bundle.*")) and not list((root / "assets").glob("stylesheets/palette.*"))
    # The CMS preview keeps a whole copy: a post may hold what no page has yet.
    assert (cut_and_whole["cut"].root / "admin" / "stylesheets" / whole.name).read_bytes() == whole.read_bytes()


def still(page, url: str, **goto) -> None:
    """Open `url` with transitions and animations off: judge end states."""
    page.goto(url, **goto)
    page.add_style_tag(content=NO_MOTION)


def screenshot(page, url: str, state: str) -> Image.Image:
    still(page, url, wait_until="networkidle")
    if state == "menu":
        page.locator(".md-header label[for=__drawer]").click()
    elif state == "zoeken":
        page.locator("[data-wp-zoek-open]").first.click()
        page.locator("[data-wp-zoek-dialoog] input").first.wait_for()
    # Material's icons are SVG drawn from data: URLs, decoded apart from the
    # page: a screenshot taken at once can catch one half drawn (seen in Chromium).
    page.wait_for_timeout(300)
    return Image.open(io.BytesIO(page.screenshot(full_page=True))).convert("RGB")


def same_pixels(page, one: str, other: str, state: str, tries: int = 3) -> bool:
    """Whether two pages look the same to the pixel. Chromium now and then
    paints an icon's edge a shade apart between two loads of one page
    (measured: 16x8 pixels of the reading-time icon, also between two loads
    of the same file); a difference of the CSS comes back every time."""
    for _ in range(tries):
        a, b = screenshot(page, one, state), screenshot(page, other, state)
        if a.size == b.size and not ImageChops.difference(a, b).getbbox():
            return True
    return False


def test_cutting_the_css_changes_no_pixel_of_any_page_type(cut_and_whole, browser):
    cut, whole = cut_and_whole["cut"], cut_and_whole["whole"]
    kinds = page_types(cut.root)
    assert page_types(whole.root) == kinds and len(kinds) >= 20
    cases = [(kind, path, "") for kind, path in kinds.items()] + [
        ("home", "", "menu"),
        ("home", "", "zoeken"),
        ("agenda", "agenda/", "menu"),
    ]
    with browser.new_context(viewport={"width": 360, "height": 800}, bypass_csp=True) as context:
        assert not same_pixels(context.new_page(), cut.url, cut.url + "contact/", "", tries=1)  # it sees a difference
    differ = []
    for width in WIDTHS:
        # bypass_csp: the policy allows no inline <style>, and NO_MOTION is one.
        context = browser.new_context(viewport={"width": width, "height": 800}, locale="nl-NL", bypass_csp=True)
        try:
            page = context.new_page()
            for kind, path, state in cases:
                if state == "menu" and width > 1200:
                    continue  # no drawer on a wide screen
                if not same_pixels(page, cut.url + path, whole.url + path, state):
                    differ.append(f"{kind}{'+' + state if state else ''} at {width} px")
        finally:
            context.close()
    assert differ == [], differ


# --- the budget, failed requests and sitemaps -----------------------------------------


def test_the_heaviest_first_view_is_within_budget_and_no_request_fails(sites, browser):
    from tools.audit import pages as audited

    views = []
    for site in sites.values():
        for name, path in audited(site.root).items():
            views.append((f"{site.name} {name}", measure(browser, site.url + path)))
    heaviest = max(view.bytes for _, view in views)
    assert heaviest <= BUDGET, [(name, view.bytes) for name, view in views]
    assert [(name, view.failed, view.sitemaps, view.refused) for name, view in views if view.failed or view.sitemaps or view.refused] == []


def test_no_page_type_asks_a_sitemap_or_anything_that_fails(sites, browser):
    found = []
    for site in sites.values():
        for kind, path in site.pages.items():
            view = measure(browser, site.url + path)
            failed = [u for u in view.failed if not (kind == "404" and u == site.url + path)]
            if failed or view.sitemaps or view.refused:
                found.append((site.name, kind, failed, view.sitemaps, view.refused))
    assert found == []


def test_the_measure_sees_a_failed_request_a_sitemap_and_a_refused_style(browser, tmp_path):
    """The checks above can fail: a page that does all three."""
    (tmp_path / "zwaar").mkdir()
    (tmp_path / "zwaar" / "index.html").write_text(
        '<!doctype html><title>x</title><meta http-equiv="Content-Security-Policy" content="style-src \'self\'">'
        '<img src="../bestaat-niet.png" alt=""><p style="color:red">x</p><script>fetch("../sitemap.xml")</script>',
        encoding="utf-8",
    )
    with StaticServer(tmp_path) as server:
        view = measure(browser, server.url + "zwaar/")
    assert any("bestaat-niet" in u for u in view.failed) and any("sitemap.xml" in u for u in view.sitemaps)
    assert view.refused and "style" in view.refused[0] and view.bytes > 0


# --- focus: never on something hidden or covered -------------------------------------

# Where the focused element is, or why it cannot be seen.
WHERE_FOCUS_IS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return "";
  const r = e.getClientRects()[0] || e.getBoundingClientRect();  // a link over two lines: its first
  const name = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + " " + (e.textContent || e.getAttribute("aria-label") || "").trim().slice(0, 40);
  if (r.width < 1 || r.height < 1) return name + ": geen afmeting";
  if (getComputedStyle(e).visibility === "hidden") return name + ": verborgen";
  if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) return name + ": buiten beeld";
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 12), 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  if (top && top !== e && !e.contains(top) && !top.contains(e) && !(e.labels && [...e.labels].includes(top)))
    return name + ": bedekt door " + top.tagName.toLowerCase() + "." + String(top.className).slice(0, 40);
  return "ok";
}"""


def walk_focus(page, key: str, steps: int = 400, inside: str = "") -> list[str]:
    """Press `key` until focus leaves the page or comes round; what was wrong
    with each stop (and each stop outside `inside`, a selector, if given)."""
    problems, seen = [], []
    for _ in range(steps):
        page.keyboard.press(key)
        found = page.evaluate(WHERE_FOCUS_IS)
        if found == "":
            break  # past the first or last control
        name = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
        if seen and name == seen[0]:
            break
        seen.append(name)
        if found != "ok":
            problems.append(found)
        if inside and not page.evaluate(f"!!document.activeElement.closest({inside!r})"):
            problems.append(f"buiten {inside}: {name[:60]}")
    return problems


@contextlib.contextmanager
def window(browser, width: int):
    """A page `width` px wide; bypass_csp: NO_MOTION is an inline <style>, which the policy refuses."""
    context = browser.new_context(viewport={"width": width, "height": 700}, locale="nl-NL", bypass_csp=True)
    try:
        yield context.new_page()
    finally:
        context.close()


def every_page_type(sites):
    """(name, address) of every page type of both test sites."""
    return [(f"{site.name} {kind}", site.url + path) for site in sites.values() for kind, path in site.pages.items()]


@pytest.mark.parametrize("width", WIDTHS)
def test_tab_and_shift_tab_never_land_on_something_hidden_or_covered(sites, browser, width):
    problems = []
    with window(browser, width) as page:
        for name, url in every_page_type(sites):
            # Forward from the top, after scrolling halfway.
            still(page, url)
            page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
            problems += [f"{name} Tab: {p}" for p in walk_focus(page, "Tab")]
            # Backward from the end of a page scrolled to the bottom.
            still(page, url)
            page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
            page.evaluate("document.activeElement && document.activeElement.blur()")
            problems += [f"{name} Shift+Tab: {p}" for p in walk_focus(page, "Shift+Tab")]
    assert problems == [], "\n".join(problems)


def test_the_open_drawer_holds_focus_and_every_level_works_by_keyboard(sites, browser):
    """On a phone: only the drawer is reached while it is open, every level
    of it by keyboard alone; Escape closes it and focus is back on the menu button."""
    problems = []
    with window(browser, 360) as page:
        for name, url in every_page_type(sites):
            still(page, url)
            page.locator(".md-header label[for=__drawer]").focus()
            page.keyboard.press("Enter")
            wait_for(page, "document.activeElement.closest('.md-sidebar--primary') !== null")
            for key in ("Tab", "Shift+Tab"):
                problems += [f"{name} {key}: {p}" for p in walk_focus(page, key, inside=".md-sidebar--primary")]
            page.keyboard.press("Escape")
            wait_for(page, "!document.getElementById('__drawer').checked")
            if page.evaluate("document.activeElement.getAttribute('for')") != "__drawer":
                problems.append(f"{name}: focus not back on the menu button")
        # A section by keyboard (the archive of a year sits two levels down):
        # its panel's title leads back up, Enter on the section opens it again,
        # and its list says which it is.
        page.goto(sites["proef"].url + sites["proef"].pages["jaararchief"])
        page.locator(".md-header label[for=__drawer]").focus()
        page.keyboard.press("Enter")
        wait_for(page, "document.activeElement.matches('.md-sidebar--primary label.md-nav__title')")
        toggle = page.evaluate("document.activeElement.htmlFor")
        expanded = f"document.querySelector(\"nav[aria-labelledby='{toggle}_label']\").getAttribute('aria-expanded')"
        page.keyboard.press("Enter")
        assert not page.evaluate(f"document.getElementById('{toggle}').checked") and page.evaluate(expanded) == "false"
        page.locator(f".md-sidebar--primary label.md-nav__link[for='{toggle}']").focus()
        page.keyboard.press("Enter")
        assert page.evaluate(f"document.getElementById('{toggle}').checked") and page.evaluate(expanded) == "true"
    assert problems == [], "\n".join(problems)


def test_the_drawer_and_the_tabs_work_without_javascript(sites, browser):
    site = sites["proef"]
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 700}, java_script_enabled=False)
        try:
            page = context.new_page()
            page.goto(site.url + "contact/")
            if width < 1200:  # the drawer: a checkbox and its label
                page.locator(".md-header label[for=__drawer]").click()
                page.locator(".md-sidebar--primary a.md-nav__link", has_text="Agenda").first.click()
            else:  # the tabs: plain links
                page.locator(".md-tabs a", has_text="Agenda").click()
            page.wait_for_url("**/agenda/")
        finally:
            context.close()


# --- feeds and calendars still found ---------------------------------------------------

TYPES = {"application/rss+xml": "rss", "application/feed+json": "json", "text/calendar": "ics"}


def test_feed_readers_and_calendar_apps_find_the_feeds_on_every_page(sites):
    """What a reader does: read link rel=alternate in the head, fetch it, parse it."""
    site = sites["echt"]
    for path in site.html_files():
        if "admin" in path.parts or path.name != "index.html":
            continue
        head = soup_of(path).head
        links = {link["type"]: link["href"] for link in head.find_all("link", rel="alternate") if link.get("type") in TYPES}
        assert set(links) == set(TYPES), path
        for href in links.values():
            assert (path.parent / href).resolve().is_file(), (path, href)
    # From the home page, as a reader subscribes: each feed fetched and parsed.
    head = soup_of(site.root / "index.html").head
    feeds = {
        TYPES[link["type"]]: urljoin(site.url, link["href"]) for link in head.find_all("link", rel="alternate") if link.get("type") in TYPES
    }
    with urlopen(feeds["rss"]) as answer:
        assert answer.headers["Content-Type"].startswith(("application/rss+xml", "application/xml", "text/xml"))
        assert ET.fromstring(answer.read()).find("channel/item/link") is not None
    with urlopen(feeds["json"]) as answer:
        assert json.loads(answer.read())["version"].startswith("https://jsonfeed.org/version/")
    with urlopen(feeds["ics"]) as answer:
        assert answer.headers["Content-Type"].startswith("text/calendar")
        assert icalendar.Calendar.from_ical(answer.read()).walk("VEVENT")


def test_the_sites_scripts_run_async_after_everything_they_look_for(sites):
    """The site's own scripts are `async` (mkdocs.yml, overrides/agenda.html):
    each runs in a task of its own, not in the task of the page's first style
    and layout, which deferred scripts share and which Lighthouse then counts
    as blocking (a Total Blocking Time of 2-3 ms on home and agenda, 7
    December 2026). Async is safe only because nothing but scripts follows
    them in <body>: what they look for is parsed before they can run."""
    for site in sites.values():
        for path in site.html_files():
            if "admin" in path.parts or path.name != "index.html":
                continue
            body = soup_of(path).body
            scripts = body.find_all("script", src=True)
            assert scripts, path
            assert all(s.has_attr("async") and not s.has_attr("defer") for s in scripts), path
            after = [tag.name for tag in scripts[0].find_all_next(True) if tag.name != "script"]
            assert after == [], f"{path}: {after} after the first script"


@pytest.mark.unit
def test_the_audit_emulates_the_same_phone_on_every_machine():
    """make audit slows the CPU down by the machine's benchmarkIndex over the
    phone's: a machine twice as fast gets twice the slowdown, and a machine
    slower than the phone is not sped up."""
    from tools.audit import PHONE_INDEX, slowdown_for

    assert slowdown_for(4 * PHONE_INDEX) == 4.0  # a fast desktop: Lighthouse's own default
    assert slowdown_for(2 * PHONE_INDEX) == 2.0  # a CI runner half as fast
    assert slowdown_for(PHONE_INDEX / 2) == 1.0
    assert PHONE_INDEX < 1000  # below Chrome DevTools' mid-tier phone (a Pixel 5)
