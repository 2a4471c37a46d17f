"""The built files themselves: valid HTML (the Nu HTML Checker), no broken
internal links, and the metadata every page needs (title, description,
Open Graph, canonical URL, sitemap).

Run on three builds: the real site as deployed (site_url with the /site/
base path, conftest's `site`) and both sites of tests/sitecheck.py.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import html_files
from lxml import etree
from sitecheck import built_sites, need_vnu, run_vnu

from werkplaats.quality.site_checks import LinkChecker, links_in_feeds, links_in_html, page_url, soup

BUILDS = ["gepubliceerd", "echt", "proef"]
DEPLOYED_URL = "https://werkplaats-zhz.github.io/site/"


@pytest.fixture(scope="session")
def builds(site, tmp_path_factory) -> dict[str, tuple[Path, str]]:
    """name -> (site directory, site_url it was built for)."""
    sites = built_sites(tmp_path_factory)
    return {"gepubliceerd": (site, DEPLOYED_URL)} | {name: (s.root, s.url) for name, s in sites.items()}


# --- Valid HTML ------------------------------------------------------------------

PROBE = '<!doctype html><html lang="nl"><title>x</title><p><div></p><img src=x>'


@pytest.fixture(scope="session")
def vnu_errors(builds, tmp_path_factory) -> list[dict]:
    """The checker's errors for every page of every build, plus a page that
    is broken on purpose (one Java start for all: it takes seconds)."""
    need_vnu()
    probe = tmp_path_factory.mktemp("vnu") / "kapot.html"
    probe.write_text(PROBE, encoding="utf-8")
    # "echt" is the same site as "gepubliceerd" with another address: not twice.
    files = [probe] + [page for name in VALIDATED for page in html_files(builds[name][0])]
    return [m for m in run_vnu(files) if m.get("type") == "error"]


def errors_under(messages: list[dict], root: Path) -> list[str]:
    found = []
    for m in messages:
        path = Path(unquote(urlsplit(m["url"]).path))
        if path.is_relative_to(root):
            found.append(f"{path.relative_to(root)}:{m.get('lastLine', '?')}: {m['message']}")
    return found


VALIDATED = ["gepubliceerd", "proef"]


@pytest.mark.check("html")
@pytest.mark.parametrize("build", VALIDATED)
def test_every_page_is_valid_html(builds, vnu_errors, build):
    root, _ = builds[build]
    report = errors_under(vnu_errors, root)
    assert report == [], f"{len(report)} fouten:\n" + "\n".join(report[:40])


def test_the_checker_sees_an_error(vnu_errors):
    """The check can fail: vnu reports the broken page, the filter lets it through."""
    probe = [m["message"] for m in vnu_errors if m["url"].endswith("/kapot.html")]
    assert any("alt" in message for message in probe), probe


# --- Links ---------------------------------------------------------------------


@pytest.mark.check("links")
@pytest.mark.parametrize("build", BUILDS)
def test_no_broken_internal_links(builds, build):
    root, base = builds[build]
    checker = LinkChecker(root, base)
    problems, checked = [], 0
    for path in html_files(root):
        here = page_url(root, path, base)
        for href in links_in_html(soup(path)):
            checked += 1
            problems.append(checker.problem(urljoin(here, href), path.relative_to(root).as_posix()))
    for name, url in links_in_feeds(root):
        checked += 1
        problems.append(checker.problem(url, name))
    problems = sorted({p for p in problems if p})
    assert checked > 500
    assert problems == [], f"{len(problems)} kapotte links:\n" + "\n".join(problems[:40])


def test_the_link_checker_finds_broken_links(builds):
    root, base = builds["echt"]
    checker = LinkChecker(root, base)
    assert checker.problem(base + "nieuws/", "x") is None
    assert checker.problem(base + "contact/#adres", "x") is None
    assert "bestaat niet" in checker.problem(base + "bestaat-niet/", "x")
    assert "#nergens" in checker.problem(base + "contact/#nergens", "x")
    assert "mist de /" in checker.problem(base + "contact", "x")
    assert checker.problem("https://www.openstreetmap.org/", "x") is None


# --- Metadata ----------------------------------------------------------------------

OG_PROPERTIES = ("og:title", "og:description", "og:url", "og:type", "og:locale", "og:site_name")


@pytest.mark.parametrize("build", BUILDS)
def test_every_page_has_a_unique_title_and_its_metadata(builds, build):
    root, base = builds[build]
    titles, problems = Counter(), []
    for path in html_files(root):
        page, name = soup(path), path.relative_to(root).as_posix()
        (title,) = [t.get_text(strip=True) for t in page.find_all("title")]
        titles[title] += 1
        description = page.find("meta", attrs={"name": "description"})
        if not (description and description["content"].strip()):
            problems.append(f"{name}: geen meta description")
        og = {m["property"]: m["content"] for m in page.find_all("meta", property=re.compile("^og:"))}
        canonical = page.find("link", rel="canonical")
        if name == "404.html":
            # Served at every missing address: no address of its own, not indexed.
            expected = [p for p in OG_PROPERTIES if p != "og:url"]
            if canonical or "og:url" in og:
                problems.append(f"{name}: een foutpagina heeft geen canonieke URL")
            if page.find("meta", attrs={"name": "robots", "content": "noindex"}) is None:
                problems.append(f"{name}: noindex ontbreekt")
        else:
            expected = OG_PROPERTIES
            own = page_url(root, path, base)
            if canonical is None or canonical["href"] != own:
                problems.append(f"{name}: canonical {canonical and canonical['href']} is niet {own}")
            if og.get("og:url") != own:
                problems.append(f"{name}: og:url {og.get('og:url')} is niet {own}")
        missing = [p for p in expected if not og.get(p, "").strip()]
        if missing:
            problems.append(f"{name}: mist {', '.join(missing)}")
        if og.get("og:locale") != "nl_NL" or og.get("og:title") not in title:
            problems.append(f"{name}: og:locale {og.get('og:locale')}, og:title {og.get('og:title')!r} (title {title!r})")
        if description and og.get("og:description") != description["content"]:
            problems.append(f"{name}: og:description is niet de meta description")
    problems += [f"{count} pagina's met de titel {title!r}" for title, count in titles.items() if count > 1]
    assert problems == [], "\n".join(problems[:40])


def test_articles_are_open_graph_articles(builds):
    root, base = builds["proef"]
    sites = {
        "nieuws/2026/03/20/verslag-van-het-kenniscafe-in-maart/": "article",
        "agenda/2026/12/10/netwerkbijeenkomst-in-december/": "article",
        "": "website",
        "contact/": "website",
        "nieuws/": "website",
    }
    for url, kind in sites.items():
        og_type = soup(root / url / "index.html").find("meta", property="og:type")["content"]
        assert og_type == kind, url


@pytest.mark.parametrize("build", BUILDS)
def test_sitemap_lists_every_public_page(builds, build):
    root, base = builds[build]
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
    listed = [loc.text for loc in etree.parse(str(root / "sitemap.xml")).iter(ns)]
    public = {page_url(root, path, base) for path in html_files(root) if path.name != "404.html"}
    assert len(listed) == len(set(listed)), "dubbele adressen in sitemap.xml"
    assert sorted(public - set(listed)) == [], "niet in sitemap.xml"
    assert sorted(set(listed) - public) == [], "in sitemap.xml maar niet gebouwd"
    # The agenda's own sitemap (overrides/agenda/sitemap.xml): exactly the agenda's pages.
    agenda = {loc.text for loc in etree.parse(str(root / "agenda" / "sitemap.xml")).iter(ns)}
    assert agenda == {url for url in public if url.startswith(base + "agenda/")}
