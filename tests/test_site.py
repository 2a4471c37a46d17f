"""The built site (real `mkdocs build --strict`, SITE_TODAY=2026-11-22 unless
said otherwise): the migrated posts, listings, feeds, contact facts, fixed
pages, no third-party requests, search, attachments and scheduled posts.

Expected values come from the content (posts/ read by the model, mkdocs.yml)
and are compared with what the parsers find in the output."""

from __future__ import annotations

import datetime as dt
import json
import math
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import feedparser
import pytest
from babel.dates import format_date

from werkplaats.dates import TZ

from conftest import (
    blog_option, html_files, is_external, listed_posts, mkdocs_config, news_index, page, real_posts,
    site_path, site_url, soup_of, target, text_of, url_of,
)

ORG = mkdocs_config()["extra"]["organisatie"]
BLOG = blog_option("blog_dir")


def dutch(day: dt.date) -> str:
    """The blog's `post_date_format: long` in Dutch, straight from Babel."""
    return format_date(day, format="long", locale="nl")


def newest_first(entries) -> list[str]:
    return [e.title for e in sorted(entries, key=lambda e: (e.date, e.title), reverse=True)]


def index_urls(site) -> dict[str, str]:
    urls = dict(news_index(site))
    assert len(urls) == len(news_index(site)), "a title is listed twice on the news index"
    return urls


def post_page_urls(site) -> set[str]:
    """URLs of every built page that is a news item or report (post template)."""
    return {url_of(site, f) for f in html_files(site) if soup_of(f).select_one("article p.wp-post-meta time[datetime]")}


def report(title_start: str):
    [entry] = [e for e in real_posts() if e.title.startswith(title_start)]
    return entry


def first_paragraph(entry) -> str:
    block = next(b for b in entry.body.split("\n\n") if b.strip() and not b.lstrip().startswith(("#", "<!--")))
    return " ".join(block.split())


# --- the migrated posts -------------------------------------------------------------


def test_every_post_has_a_page_found_from_the_news_index(site):
    urls = index_urls(site)
    assert set(urls) == {e.title for e in real_posts()}
    assert set(urls.values()) == post_page_urls(site)
    for entry in real_posts():
        post = page(site, urls[entry.title])
        assert post.select_one("article h1").get_text(strip=True) == entry.title
        time = post.select_one("article p.wp-post-meta time")
        assert time["datetime"] == entry.date.isoformat()
        assert time.get_text(strip=True) == dutch(entry.date)
        # the first paragraph of the post's text is on its page
        assert first_paragraph(entry) in text_of(post.select_one("article"))


def test_post_dates_read_in_dutch(site):
    kenniscafe = report("Kenniscafé")
    post = page(site, index_urls(site)[kenniscafe.title])
    time = post.select_one("article p.wp-post-meta time")
    assert (time["datetime"], time.get_text(strip=True)) == ("2018-10-30", "30 oktober 2018")
    netwerk = report("Verslag van de eerste netwerkbijeenkomst")
    time = page(site, index_urls(site)[netwerk.title]).select_one("article p.wp-post-meta time")
    assert (time["datetime"], time.get_text(strip=True)) == ("2017-03-07", "7 maart 2017")


def test_post_pages_link_to_their_categories(site):
    urls = index_urls(site)
    for entry in real_posts():
        post = page(site, urls[entry.title])
        links = post.select("article p.wp-post-meta a[href]")
        assert [a.get_text(strip=True) for a in links] == entry.categories
        for link in links:
            category = site_path(site, urls[entry.title], link["href"])
            assert entry.title in [title for title, _ in _listed(site, category)]


def _listed(site, url) -> list[tuple[str, str]]:
    """(title, site-relative URL) of the posts on the listing at `url`."""
    return [(title, site_path(site, url, href)) for title, href in listed_posts(page(site, url))]


def test_news_index_is_newest_first(site):
    listed = [title for title, _ in news_index(site)]
    assert listed == newest_first(real_posts())
    stamps = [t["datetime"][:10] for t in page(site, f"{BLOG}/").select("article.md-post time[datetime]")]
    assert stamps == sorted(stamps, reverse=True) and len(stamps) == len(real_posts())


def test_pagination_matches_the_number_of_posts(site):
    per_page = blog_option("pagination_per_page")
    pages = math.ceil(len(real_posts()) / per_page)
    pattern = blog_option("pagination_url_format").replace("{page}", "*")
    numbered = sorted(int(p.parent.name) for p in site.glob(f"{BLOG}/{pattern}/index.html"))
    assert numbered == list(range(2, pages + 1))
    first = page(site, f"{BLOG}/")
    assert len(first.select("article.md-post")) == min(per_page, len(real_posts()))
    assert bool(first.select(".md-pagination a[href]")) == (pages > 1)


def archive_url(year: int) -> str:
    return f"{BLOG}/{blog_option('archive_url_format').replace('{date}', str(year))}/"


def test_archive_page_per_year_lists_that_years_posts(site):
    years = sorted({e.date.year for e in real_posts()})
    assert years == [2016, 2017, 2018]
    for year in years:
        listed = [title for title, _ in _listed(site, archive_url(year))]
        assert listed == newest_first(e for e in real_posts() if e.date.year == year), year
        assert page(site, archive_url(year)).h1.get_text(strip=True) == str(year)
    built_years = sorted(int(p.parent.name) for p in (site / archive_url(2000)).parent.glob("*/index.html"))
    assert built_years == years


def category_url(site, name: str) -> str:
    """Found the way a visitor finds it: a category link on the news index."""
    index = page(site, f"{BLOG}/")
    hrefs = {a["href"] for a in index.select("article.md-post .md-meta a[href]") if a.get_text(strip=True) == name}
    assert len(hrefs) == 1, (name, hrefs)
    return site_path(site, f"{BLOG}/", hrefs.pop())


@pytest.mark.parametrize("name, kind", [("Verslagen", "verslagen"), ("Nieuws", "nieuws")])
def test_folder_category_pages_list_exactly_their_kind(site, name, kind):
    url = category_url(site, name)
    listed = [title for title, _ in _listed(site, url)]
    expected = newest_first(e for e in real_posts() if e.kind == kind)
    assert listed == expected
    assert len(expected) == {"verslagen": 4, "nieuws": 1}[kind]
    assert page(site, url).h1.get_text(strip=True) == name


def test_every_category_page_lists_the_posts_of_that_category(site):
    names = {c for e in real_posts() for c in e.categories}
    for name in names:
        listed = [title for title, _ in _listed(site, category_url(site, name))]
        assert listed == newest_first(e for e in real_posts() if name in e.categories), name


def test_reports_page_lists_the_four_reports_newest_first(site):
    reports = sorted((e for e in real_posts() if e.kind == "verslagen"), key=lambda e: e.date, reverse=True)
    nav = page(site, "").select("nav a[href]")
    [href] = {a["href"] for a in nav if a.get_text(strip=True) == "Verslagen"}
    url = site_path(site, "", href)
    cards = page(site, url).select("ul.wp-cards li.wp-card")
    assert [c.select_one(".wp-card__title a").get_text(strip=True) for c in cards] == [e.title for e in reports]
    assert len(cards) == 4
    urls = index_urls(site)
    for card, entry in zip(cards, reports):
        assert site_path(site, url, card.select_one(".wp-card__title a")["href"]) == urls[entry.title]
        time = card.select_one("time")
        assert (time["datetime"], time.get_text(strip=True)) == (entry.date.isoformat(), dutch(entry.date))


def test_home_page_shows_the_latest_news(site):
    cards = page(site, "").select("ul.wp-cards li.wp-card .wp-card__title a")
    assert [a.get_text(strip=True) for a in cards] == newest_first(real_posts())[:3]
    for a in cards:
        assert target(site, "", a["href"]).is_file()


# --- feeds ------------------------------------------------------------------------


def test_rss_feed(site):
    raw = (site / "feed.xml").read_bytes()
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.language == "nl"
    items = ET.fromstring(raw).findall("./channel/item")
    assert len(items) == len(parsed.entries) == 5
    by_title = {e.title: e for e in real_posts()}
    assert [item.findtext("title") for item in items] == newest_first(real_posts())
    for item in items:
        entry = by_title[item.findtext("title")]
        link = item.findtext("link")
        assert link.startswith("https://") and link.startswith(site_url())
        built = target(site, "", link)
        assert built is not None and built.is_file(), link
        assert soup_of(built).select_one("article h1").get_text(strip=True) == entry.title
        published = parsedate_to_datetime(item.findtext("pubDate"))
        assert published.date() == entry.date
        assert published.utcoffset() == dt.datetime.combine(entry.date, dt.time(), TZ).utcoffset()
        assert [c.text for c in item.findall("category")] == entry.categories
    assert {e.link for e in parsed.entries} == {item.findtext("link") for item in items}


def test_json_feed(site):
    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"].startswith("https://jsonfeed.org/version/1")
    assert feed["feed_url"] == urljoin(site_url(), "feed.json")
    assert [item["title"] for item in feed["items"]] == newest_first(real_posts())
    by_title = {e.title: e for e in real_posts()}
    for item in feed["items"]:
        entry = by_title[item["title"]]
        built = target(site, "", item["url"])
        assert built is not None and built.is_file(), item["url"]
        assert dt.datetime.fromisoformat(item["date_published"]).date() == entry.date
        assert item["summary"] == entry.description


# --- every page ---------------------------------------------------------------------


def test_every_page_is_dutch_and_announces_the_feed(site):
    files = html_files(site)
    assert len(files) > 20
    for file in files:
        soup = soup_of(file)
        assert soup.html.get("lang") == "nl", file
        feeds = soup.select('head link[rel="alternate"][type="application/rss+xml"]')
        assert len(feeds) == 1, file
        assert target(site, url_of(site, file), feeds[0]["href"]) == site / "feed.xml", file


def test_every_page_footer_has_phone_and_email(site):
    for file in html_files(site):
        footer = soup_of(file).select_one("footer")
        assert footer.select_one(f'a[href="tel:{ORG["telefoon_internationaal"]}"]'), file
        assert footer.select_one(f'a[href="mailto:{ORG["email"]}"]'), file
    assert ORG["telefoon_internationaal"] == "+31107945676"
    assert ORG["email"] == "info@werkplaatssociaaldomeinzhz.nl"


def organisation(soup):
    blocks = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    return [b for b in blocks if b.get("@type") == "Organization"]


def test_organization_json_ld(site):
    for url in ("", "contact/"):
        [org] = organisation(page(site, url))
        assert org["@context"] == "https://schema.org"
        assert org["name"] == "Werkplaats Sociaal Domein Zuid-Holland Zuid"
        assert org["telephone"] == "+31107945676"
        assert org["email"] == "info@werkplaatssociaaldomeinzhz.nl"
        assert org["address"]["@type"] == "PostalAddress"
        assert org["address"]["streetAddress"] == "Museumpark 40"
        assert org["address"]["postalCode"] == "3015 CX"
        assert org["address"]["addressLocality"] == "Rotterdam"


def test_every_json_ld_block_parses(site):
    for file in html_files(site):
        for script in soup_of(file).select('script[type="application/ld+json"]'):
            data = json.loads(script.string)
            assert data["@context"] == "https://schema.org", file


def test_contact_page(site):
    nav = page(site, "").select("nav a[href]")
    [href] = {a["href"] for a in nav if a.get_text(strip=True) == "Contact"}
    url = site_path(site, "", href)
    article = page(site, url).select_one("article")
    assert article.select_one('a[href="tel:+31107945676"]')
    assert article.select_one('a[href="mailto:info@werkplaatssociaaldomeinzhz.nl"]')
    maps = [a["href"] for a in article.select("a[href]") if "openstreetmap.org" in a["href"]]
    assert maps and all(m.startswith("https://www.openstreetmap.org/") for m in maps)
    address = text_of(article.select_one("address"))
    for part in ("Museumpark 40", "3015 CX Rotterdam", "MP.L03.105"):
        assert part in address
    newsletter = [a for a in article.select("a[href]") if "nieuwsbrief" in a.get_text().lower()]
    assert newsletter and newsletter[0]["href"] == ORG["nieuwsbrief"]
    assert newsletter[0]["href"].startswith(("mailto:", "https://"))


def fixed_page_url(site, name: str) -> str:
    links = page(site, "").select("a[href]")
    hrefs = {a["href"] for a in links if a.get_text(strip=True) == name}
    assert len(hrefs) == 1, (name, hrefs)
    return site_path(site, "", hrefs.pop())


@pytest.mark.parametrize("link", ["Over de Werkplaats", "Privacy", "Toegankelijkheid"])
def test_fixed_pages_have_real_text(site, link):
    article = page(site, fixed_page_url(site, link)).select_one("article")
    assert article.h1 is not None
    words = text_of(article).split()
    assert len(words) > 150, (link, len(words))
    assert "lorem" not in " ".join(words).lower()


def test_404_is_dutch(site):
    soup = soup_of(site / "404.html")
    assert soup.html["lang"] == "nl"
    text = text_of(soup.select_one("article"))
    assert "Pagina niet gevonden" in text
    assert "not found" not in text.lower()
    links = soup.select("article a[href]")
    assert {a.get_text(strip=True) for a in links} >= {"Naar de startpagina", "Contact opnemen"}
    for a in links:
        built = target(site, "404.html", a["href"])
        assert built is not None and built.is_file(), a["href"]


# --- nothing is loaded from another host ------------------------------------------------

RESOURCE_LINKS = {"stylesheet", "preload", "modulepreload", "prefetch", "icon", "shortcut", "apple-touch-icon", "manifest", "mask-icon"}


def resource_urls(soup):
    """Every URL the browser fetches by itself when showing the page."""
    for tag in soup.select("script[src], img[src], iframe[src], source[src], embed[src], video[src], audio[src], track[src], input[src]"):
        yield tag.name, tag["src"]
    for tag in soup.select("img[srcset], source[srcset]"):
        for candidate in tag["srcset"].split(","):
            if candidate.strip():
                yield tag.name, candidate.split()[0]
    for tag in soup.select("link[href]"):
        if RESOURCE_LINKS & {r.lower() for r in tag.get("rel", [])} or tag.get("as") == "font":
            yield "link", tag["href"]
    for tag in soup.select("object[data]"):
        yield "object", tag["data"]
    for style in soup.select("style"):
        for part in (style.string or "").split("url(")[1:]:
            yield "style", part.split(")")[0].strip("'\" ")
        if "@import" in (style.string or ""):
            yield "style", (style.string or "").split("@import", 1)[1].split(";")[0].strip("url()'\" ")


def test_is_external_recognises_other_hosts():
    assert is_external("https://fonts.googleapis.com/css") and is_external("//cdn.example.org/x.js")
    assert is_external("HTTP://example.org/") and not is_external("../assets/x.css") and not is_external("/site/x.css")


def test_no_page_loads_anything_from_another_host(site):
    found = []
    for file in html_files(site):
        for kind, url in resource_urls(soup_of(file)):
            if is_external(url):
                found.append((file.relative_to(site).as_posix(), kind, url))
    assert found == []
    # and the check did look at something on every page
    assert all(any(True for _ in resource_urls(soup_of(f))) for f in html_files(site))


def test_local_links_and_resources_resolve_to_built_files(site):
    """Every same-site href/src leads to a file in the build."""
    broken = []
    for file in html_files(site):
        url = url_of(site, file)
        soup = soup_of(file)
        for tag in soup.select("[href], [src]"):
            value = tag.get("href") or tag.get("src")
            if value.startswith("webcal://"):  # calendar subscription: the same file over https
                value = "https://" + value.removeprefix("webcal://")
            if is_external(value) and not value.startswith(site_url()):
                continue
            if value.startswith(("mailto:", "tel:", "#", "data:", "javascript:")):
                continue
            built = target(site, url, value)
            if built is None or not built.is_file():
                broken.append((url, value))
    assert broken == []


def test_author_avatars_resolve_to_built_files(site):
    """The avatar path in .authors.yml is printed through Material's `url`
    filter, so it must be written from the docs root (assets/...), not
    relative to the authors file."""
    checked = 0
    for file in html_files(site):
        for img in soup_of(file).select(".md-author img[src]"):
            built = target(site, url_of(site, file), img["src"])
            assert built is not None and built.is_file(), (file, img["src"])
            checked += 1
    assert checked >= len(real_posts())


# --- search -------------------------------------------------------------------------


def test_search_is_dutch_with_stemming(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    assert "stemmer" in index["config"]["pipeline"]
    titles = {doc["title"] for doc in index["docs"]}
    assert {e.title for e in real_posts()} <= titles


# --- attachments --------------------------------------------------------------------


def test_attachment_pdf_is_linked_and_built(site):
    entry = report("Werkconferentie Werken in wijkteams")
    [attachment] = entry.attachments
    url = index_urls(site)[entry.title]
    links = page(site, url).select("article ul.wp-attachments a[href]")
    assert [a.get_text(strip=True) for a in links] == [attachment.title]
    built = target(site, url, links[0]["href"])
    assert built is not None and built.suffix == ".pdf"
    assert built.read_bytes() == attachment.path.read_bytes()
    assert built.read_bytes().startswith(b"%PDF")


# --- scheduled posts ------------------------------------------------------------------


@pytest.mark.parametrize("today, shown", [("2018-10-29", False), ("2018-10-30", True)])
def test_a_post_appears_on_its_date(site_build, today, shown):
    entry = report("Kenniscafé")
    assert entry.date == dt.date(2018, 10, 30) and not entry.draft
    built = site_build(today)
    final_url = index_urls(site_build("2026-11-22"))[entry.title]
    # its page
    assert (built / final_url / "index.html").is_file() is shown
    # the news index and the reports listing
    assert (entry.title in [t for t, _ in news_index(built)]) is shown
    cards = [a.get_text(strip=True) for a in page(built, "verslagen/").select(".wp-card__title a")]
    assert (entry.title in cards) is shown
    # both feeds
    rss = feedparser.parse((built / "feed.xml").read_bytes())
    assert not rss.bozo
    assert (entry.title in [e.title for e in rss.entries]) is shown
    assert len(rss.entries) == 5 - (not shown)
    feed = json.loads((built / "feed.json").read_text(encoding="utf-8"))
    assert (entry.title in [item["title"] for item in feed["items"]]) is shown
    # its text anywhere on the site or in search (the event of the same name has other text)
    text = first_paragraph(entry)
    pages_with_text = [f for f in html_files(built) if text in text_of(soup_of(f))]
    assert bool(pages_with_text) is shown
    search = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(text.split(".")[0] in " ".join(doc["text"].split()) for doc in search["docs"]) is shown
    # and no link anywhere points to its address
    links = set()
    for file in html_files(built):
        for a in soup_of(file).select("a[href]"):
            linked = target(built, url_of(built, file), a["href"])
            if linked is not None:
                links.add(url_of(built, linked))
    assert (final_url in links) is shown


def test_post_tags_link_to_their_place_on_the_tags_page(site):
    post = page(site, "nieuws/2017/07/02/lerend-van-jaar-1-op-naar-jaar-2")
    links = post.select(".wp-tags a")
    (entry,) = [e for e in real_posts() if e.path.name == "lerend-van-jaar-1.md"]
    assert [a.get_text() for a in links] == entry.tags
    tags_page = page(site, "nieuws/trefwoorden")
    for a in links:
        anchor = a["href"].split("#", 1)[1]
        heading = tags_page.find(id=anchor)
        assert heading is not None, anchor
        listed = [x["href"] for x in heading.find_next("ul").select("a")]
        assert any("lerend-van-jaar-1" in href for href in listed)

