"""The built site (real `mkdocs build --strict`; the project under test for
conftest.PROJECT_TODAY, fixture projects for their own fixed days). Two kinds of tests:

- Invariants of the project under test (conftest.PROJECT: the repository,
  or the copy tests/test_content_lives.py makes): whatever posts/ holds,
  every published post has its page and is listed where it belongs, the
  feeds hold exactly the published posts, the manifest says where each file
  went. Expected values come from the content model (conftest.site_state)
  and mkdocs.yml, never from today's posts.
- Behaviour on the varied project (tests/varied.py), compared with its
  known facts: excerpts, pagination, Dutch dates, scheduled posts,
  attachments, images, tags, links between posts.
Contact facts, fixed pages and privacy are checked on the site under test.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
import xml.etree.ElementTree as ET
from collections import Counter
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import markdown
import pytest
import varied
from babel.dates import format_date
from bs4 import BeautifulSoup
from conftest import (
    PROJECT,
    TODAY,
    blog_option,
    html_files,
    is_external,
    listed_posts,
    manifest,
    mkdocs_config,
    news_index,
    page,
    site_path,
    site_posts,
    site_state,
    site_url,
    soup_of,
    target,
    text_of,
    url_of,
)

from werkplaats.core.dates import TZ
from werkplaats.site import agenda, search
from werkplaats.site.feeds import FEED_LIMIT
from werkplaats.site.views import HOME_NEWS_COUNT

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


def first_paragraph(entry) -> str:
    """The text of the first paragraph of the post, without spaces (markup
    such as links changes the spacing, not the characters)."""
    html = markdown.markdown(entry.body, extensions=["abbr", "attr_list", "md_in_html"])
    paragraph = BeautifulSoup(html, "lxml").find("p")
    return "".join(paragraph.get_text().split()) if paragraph else ""


def without_spaces(node) -> str:
    return "".join(node.get_text().split())


def listing_pages(site, url: str) -> list[str]:
    """A listing (index, archive year, category) and its numbered further pages."""
    pattern = blog_option("pagination_url_format").replace("{page}", "*")
    numbered = sorted((site / url).glob(f"{pattern}/index.html"), key=lambda p: int(p.parent.name))
    return [url] + [url_of(site, p) for p in numbered]


def listed(site, url) -> list[tuple[str, str]]:
    """(title, site-relative URL) of the posts on the listing at `url`, all its pages."""
    return [(title, site_path(site, u, href)) for u in listing_pages(site, url) for title, href in listed_posts(page(site, u))]


def listed_titles(site, url) -> list[str]:
    return [title for title, _ in listed(site, url)]


def archive_url(year: int) -> str:
    return f"{BLOG}/{blog_option('archive_url_format').replace('{date}', str(year))}/"


def category_links(site) -> dict[str, set[str]]:
    """Category name -> the category URLs linked from the news index's posts."""
    found: dict[str, set[str]] = {}
    for url in listing_pages(site, f"{BLOG}/"):
        for a in page(site, url).select("article.md-post .md-meta a[href]"):
            found.setdefault(a.get_text(strip=True), set()).add(site_path(site, url, a["href"]))
    return found


def category_url(site, name: str) -> str:
    """Found the way a visitor finds it: a category link on the news index."""
    urls = category_links(site).get(name, set())
    assert len(urls) == 1, (name, urls)
    return urls.pop()


def nav_url(site, name: str) -> str:
    [href] = {a["href"] for a in page(site, "").select("nav a[href]") if a.get_text(strip=True) == name}
    return site_path(site, "", href)


def report_cards(site) -> list:
    return page(site, nav_url(site, "Verslagen")).select("ul.wp-cards li.wp-card")


def rss_items(site):
    raw = (site / "feed.xml").read_bytes()
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return ET.fromstring(raw).findall("./channel/item"), parsed


def json_items(site) -> list[dict]:
    return json.loads((site / "feed.json").read_text(encoding="utf-8"))["items"]


def tag_targets(site, url: str) -> list[tuple[str, list[str]]]:
    """Each tag link on the post at `url`: (tag, URLs listed under its heading on the tags page)."""
    result = []
    for a in page(site, url).select(".wp-tags a[href]"):
        tags_url, anchor = a["href"].split("#", 1)
        tags_page_url = site_path(site, url, tags_url)
        heading = page(site, tags_page_url).find(id=anchor)
        assert heading is not None, (url, a["href"])
        listed_urls = [site_path(site, tags_page_url, x["href"]) for x in heading.find_next("ul").select("a[href]")]
        result.append((a.get_text(), listed_urls))
    return result


# === Invariants of the project under test =============================================


def test_every_post_has_a_page_found_from_the_news_index(site):
    urls = index_urls(site)
    assert set(urls) == {e.title for e in site_posts()}
    assert set(urls.values()) == post_page_urls(site)
    for entry in site_posts():
        post = page(site, urls[entry.title])
        assert post.select_one("article h1").get_text(strip=True) == entry.title
        time = post.select_one("article p.wp-post-meta time")
        assert time["datetime"] == entry.date.isoformat()
        assert time.get_text(strip=True) == dutch(entry.date)
        # the first paragraph of the post's text is on its page
        assert first_paragraph(entry) in without_spaces(post.select_one("article"))


def test_manifest_says_where_every_file_went(site):
    state = site_state()
    files = manifest(site)
    assert set(files) == {e.rel for e in state.entries}
    published_posts = set()
    for entry in state.entries:
        item = files[entry.rel]
        assert item["kind"] == entry.kind
        assert (item["status"] == "published") is entry.is_public(state.today), entry.rel
        assert (item["url"] is not None) is entry.is_public(state.today), entry.rel
        if item["url"] is None:
            continue
        assert (site / item["url"] / "index.html").is_file(), entry.rel
        if entry.is_event:
            assert item["url"] == agenda.event_dir(entry)
        else:
            published_posts.add(item["url"])
    assert published_posts == post_page_urls(site) == set(index_urls(site).values())


def test_post_pages_link_to_their_categories(site):
    urls = index_urls(site)
    for entry in site_posts():
        post = page(site, urls[entry.title])
        links = post.select("article p.wp-post-meta a[href]")
        assert [a.get_text(strip=True) for a in links] == entry.categories
        for link in links:
            category = site_path(site, urls[entry.title], link["href"])
            assert entry.title in listed_titles(site, category)


def test_news_index_is_newest_first(site):
    listed_on_index = [title for title, _ in news_index(site)]
    assert listed_on_index == newest_first(site_posts())
    stamps = [t["datetime"][:10] for u in listing_pages(site, f"{BLOG}/") for t in page(site, u).select("article.md-post time[datetime]")]
    assert stamps == sorted(stamps, reverse=True) and len(stamps) == len(site_posts())


def test_pagination_matches_the_number_of_posts(site):
    per_page = blog_option("pagination_per_page")
    pages = math.ceil(len(site_posts()) / per_page)
    assert listing_pages(site, f"{BLOG}/")[1:] == [
        f"{BLOG}/{blog_option('pagination_url_format').replace('{page}', str(n))}/" for n in range(2, pages + 1)
    ]
    first = page(site, f"{BLOG}/")
    assert len(first.select("article.md-post")) == min(per_page, len(site_posts()))
    assert bool(first.select(".md-pagination a[href]")) == (pages > 1)


def test_archive_page_per_year_lists_that_years_posts(site):
    years = sorted({e.date.year for e in site_posts()})
    for year in years:
        assert listed_titles(site, archive_url(year)) == newest_first(e for e in site_posts() if e.date.year == year), year
        assert page(site, archive_url(year)).h1.get_text(strip=True) == str(year)
    built_years = sorted(int(p.parent.name) for p in (site / archive_url(2000)).parent.glob("*/index.html"))
    assert built_years == years


@pytest.mark.parametrize("kind", ["verslagen", "nieuws"])
def test_folder_category_pages_list_exactly_their_kind(site, kind):
    name = mkdocs_config()["extra"]["werkplaats"]["folder_categories"][kind]
    expected = newest_first(e for e in site_posts() if e.kind == kind)
    if not expected:
        assert name not in category_links(site)
        return
    url = category_url(site, name)
    assert listed_titles(site, url) == expected
    assert page(site, url).h1.get_text(strip=True) == name


def test_every_category_page_lists_the_posts_of_that_category(site):
    names = {c for e in site_posts() for c in e.categories}
    assert set(category_links(site)) == names
    for name in names:
        assert listed_titles(site, category_url(site, name)) == newest_first(e for e in site_posts() if name in e.categories), name


def test_reports_page_lists_every_report_newest_first(site):
    reports = sorted((e for e in site_posts() if e.kind == "verslagen"), key=lambda e: (e.date, e.title), reverse=True)
    cards = report_cards(site)
    assert [c.select_one(".wp-card__title a").get_text(strip=True) for c in cards] == [e.title for e in reports]
    urls = index_urls(site)
    url = nav_url(site, "Verslagen")
    for card, entry in zip(cards, reports, strict=True):
        assert site_path(site, url, card.select_one(".wp-card__title a")["href"]) == urls[entry.title]
        time = card.select_one("time")
        assert (time["datetime"], time.get_text(strip=True)) == (entry.date.isoformat(), dutch(entry.date))


def test_home_page_shows_the_latest_news(site):
    cards = page(site, "").select("ul.wp-cards li.wp-card .wp-card__title a")
    assert [a.get_text(strip=True) for a in cards] == newest_first(site_posts())[:HOME_NEWS_COUNT]
    for a in cards:
        assert target(site, "", a["href"]).is_file()


# --- feeds ------------------------------------------------------------------------


def test_rss_feed(site):
    items, parsed = rss_items(site)
    assert parsed.version == "rss20"
    assert parsed.feed.language == "nl"
    expected = newest_first(site_posts())[:FEED_LIMIT]
    assert len(items) == len(parsed.entries) == len(expected)
    by_title = {e.title: e for e in site_posts()}
    assert [item.findtext("title") for item in items] == expected
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
    assert [item["title"] for item in feed["items"]] == newest_first(site_posts())[:FEED_LIMIT]
    by_title = {e.title: e for e in site_posts()}
    for item in feed["items"]:
        entry = by_title[item["title"]]
        built = target(site, "", item["url"])
        assert built is not None and built.is_file(), item["url"]
        assert dt.datetime.fromisoformat(item["date_published"]).date() == entry.date
        if entry.description:
            assert item["summary"] == entry.description
        else:  # a paragraph of the post's own text
            assert item["summary"] and item["summary"] in " ".join(entry.body.split())


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
    article = page(site, nav_url(site, "Contact")).select_one("article")
    assert article.select_one('a[href="tel:+31107945676"]')
    assert article.select_one('a[href="mailto:info@werkplaatssociaaldomeinzhz.nl"]')
    maps = [a["href"] for a in article.select("a[href]") if "openstreetmap.org" in a["href"]]
    assert maps and all(m.startswith("https://www.openstreetmap.org/") for m in maps)
    address = text_of(article.select_one("address"))
    for part in ("Museumpark 40", "3015 CX Rotterdam", "MP.L03.105"):
        assert part in address
    # The newsletter and social accounts only as mkdocs.yml sets them.
    newsletter = [a["href"] for a in article.select("a[href]") if "nieuwsbrief" in a.get_text().lower()]
    assert newsletter == ([ORG["nieuwsbrief"]] if ORG.get("nieuwsbrief") else [])
    social = {a["href"] for a in article.select("a[href]") if a.get_text(strip=True) in {i["naam"] for i in ORG.get("sociaal") or []}}
    assert social == {i["url"] for i in ORG.get("sociaal") or []}


NEWSLETTER = "https://example.org/nieuwsbrief-aanmelden"
ACCOUNT = "https://example.org/@werkplaats"


@pytest.mark.parametrize("configured", [False, True])
def test_newsletter_and_social_links_exist_only_when_configured(project, configured):
    """What the organisation has not given, the site does not show: no
    newsletter link or social account without extra.organisatie in mkdocs.yml."""
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for key in ("nieuwsbrief", "sociaal"):
        text = re.sub(rf"^    {key}: .*$", f"    {key}: PLACEHOLDER_{key}", text, count=1, flags=re.MULTILINE)
    text = text.replace("PLACEHOLDER_nieuwsbrief", NEWSLETTER if configured else '""')
    text = text.replace("PLACEHOLDER_sociaal", f'[{{naam: Mastodon, url: "{ACCOUNT}"}}]' if configured else "[]")
    config.write_text(text, encoding="utf-8")
    site = project.build(TODAY)
    found = {url_of(site, f): [a["href"] for a in soup_of(f).select("a[href]")] for f in html_files(site)}
    with_newsletter = {url for url, hrefs in found.items() if NEWSLETTER in hrefs}
    with_account = {url for url, hrefs in found.items() if ACCOUNT in hrefs}
    if configured:
        assert with_newsletter == set(found)  # the footer of every page
        assert "contact/" in with_account
        [org] = organisation(page(site, ""))
        assert org["sameAs"] == [ACCOUNT]
    else:
        assert with_newsletter == set() and with_account == set()
        # (the privacy page may explain the newsletter: its own headings are not sign-up links)
        assert not [
            a
            for f in html_files(site)
            for a in soup_of(f).select("a[href]")
            if "nieuwsbrief" in a.get_text().lower() and not a["href"].startswith("#")
        ]
        assert page(site, "").select_one("#nieuwsbrief") is None
        assert "sameAs" not in organisation(page(site, ""))[0]


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


def broken_local_links(site) -> list[tuple[str, str]]:
    """Same-site href/src values that lead to no file in the build."""
    broken = []
    for file in html_files(site):
        url = url_of(site, file)
        for tag in soup_of(file).select("[href], [src]"):
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
    return broken


def test_local_links_and_resources_resolve_to_built_files(site):
    assert broken_local_links(site) == []


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
    # every post page shows its authors' avatars (and listings show them again)
    assert checked >= sum(len(e.authors) for e in site_posts())


def test_fixed_pages_have_valid_front_matter():
    """MkDocs renders front matter it cannot parse as text, silently: the
    privacy page once began with "description: ..." in its body."""
    import yaml

    for file in sorted((PROJECT / "docs").rglob("*.md")):
        text = file.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            front = text.split("---\n", 2)[1]
            assert isinstance(yaml.safe_load(front), dict), file


# --- search ---------------------------------------------------------------------------


def text_pages(project: Path) -> set[str]:
    """URLs of the fixed pages in docs/ that do not opt out of search."""
    import frontmatter

    urls = set()
    for file in (project / "docs").rglob("*.md"):
        if (frontmatter.load(file).metadata.get("search") or {}).get("exclude"):
            continue
        rel = file.relative_to(project / "docs").with_suffix("")
        if rel.parts[0] == "nieuws" and rel.name == "index":
            continue  # the blog's index is a listing (hooks/search.py)
        urls.add("/" if rel.name == "index" and len(rel.parts) == 1 else f"/{rel.as_posix().removesuffix('/index')}/")
    return urls


def test_the_index_holds_exactly_the_published_entries_and_text_pages(site):
    """Invariant on the real content: every published post and event and
    every fixed page with text, nothing else (no listing, draft, scheduled post)."""
    state = site_state()
    pages = search.read_index(site)
    entry_pages = [p for p in pages if p["filters"]["soort"] != ["pagina"]]
    assert Counter((p["filters"]["soort"][0], p["meta"]["title"]) for p in entry_pages) == Counter(
        (search.KINDS[e.kind][0], e.title) for e in state.shown
    )
    assert {p["url"] for p in pages if p["filters"]["soort"] == ["pagina"]} == text_pages(PROJECT)
    by_title = {(p["filters"]["soort"][0], p["meta"]["title"]): p for p in entry_pages}
    for e in state.shown:
        page = by_title[(search.KINDS[e.kind][0], e.title)]
        assert page["meta"]["soort"] == search.KINDS[e.kind][1]
        assert page["filters"]["jaar"] == [str(e.first_day.year)]
        # Every page is reachable: its file exists in the build.
        assert (site / page["url"].lstrip("/") / "index.html").is_file()


def test_materials_search_is_gone_without_a_trace(site):
    assert not (site / "search").exists()
    assert not (site / "assets" / "javascripts" / "lunr").exists()
    assert not list((site / "assets" / "javascripts").glob("workers/search.*"))
    # Pagefind's own ready-made interfaces are not published either.
    assert not [name for name in search.UNUSED if (site / search.BUNDLE / name).exists()]
    for html in (site / "index.html", site / "over" / "index.html"):
        text = html.read_text(encoding="utf-8")
        assert "md-search" not in text and '"search.suggest"' not in text and '"search.highlight"' not in text
        assert text.count("data-wp-zoek-open") == 1 and "<dialog" in text


def test_the_search_page_has_the_box_and_no_dialog(site):
    text = (site / "zoeken" / "index.html").read_text(encoding="utf-8")
    assert 'id="zoek-pagina-q"' in text and "<dialog" not in text
    # Without JavaScript the header's search button is a link to this page.
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="zoeken/"' in home.split("data-wp-zoek-open", 1)[0].rsplit("<a", 1)[1]


# --- attachments and tags -------------------------------------------------------------


def test_attachments_are_linked_and_built(site):
    urls = index_urls(site)
    for entry in (e for e in site_posts() if e.attachments):
        url = urls[entry.title]
        links = page(site, url).select("article ul.wp-attachments a[href]")
        assert [a.get_text(strip=True) for a in links] == [a.title for a in entry.attachments]
        for link, attachment in zip(links, entry.attachments, strict=True):
            built = target(site, url, link["href"])
            assert built is not None and built.read_bytes() == attachment.path.read_bytes(), link["href"]


def test_post_tags_link_to_their_place_on_the_tags_page(site):
    urls = index_urls(site)
    for entry in site_posts():
        found = tag_targets(site, urls[entry.title])
        assert [tag for tag, _ in found] == entry.tags
        for tag, listed_urls in found:
            assert urls[entry.title] in listed_urls, (entry.title, tag)


# === Behaviour, on the varied project (tests/varied.py) =====================================


@pytest.fixture(scope="module")
def vsite(varied_build):
    return varied_build(varied.TODAY)


def post_url(varied_build, post: varied.Post) -> str:
    """Where a varied post lives (from the build after every post appeared)."""
    return index_urls(varied_build(varied.LATE))[post.title]


def test_news_index_lists_published_posts_newest_first_over_two_pages(vsite):
    expected = varied.public_posts(varied.TODAY)
    assert [title for title, _ in news_index(vsite)] == [p.title for p in expected]
    pages = listing_pages(vsite, f"{BLOG}/")
    assert pages == [f"{BLOG}/", f"{BLOG}/pagina/2/"]
    assert [len(page(vsite, u).select("article.md-post")) for u in pages] == [10, len(expected) - 10]
    assert page(vsite, f"{BLOG}/").select_one('.md-pagination a[href="pagina/2/"]') is not None


@pytest.mark.parametrize(
    "post, line",
    [
        (varied.GEMEENTEN, "20 januari 2025"),
        (varied.MANTELZORG, "16 juni 2025"),
        (varied.VERSLAG_WIJKAVOND, "5 oktober 2026"),
    ],
)
def test_post_date_reads_in_dutch(vsite, post, line):
    time = page(vsite, index_urls(vsite)[post.title]).select_one("article p.wp-post-meta time")
    assert (time["datetime"], time.get_text(strip=True)) == (post.date, line)


def listing_article(site, title: str):
    for url in listing_pages(site, f"{BLOG}/"):
        for article in page(site, url).select("article.md-post"):
            if article.select_one("h2 a").get_text(" ", strip=True) == title:
                return article
    raise AssertionError(f"{title!r} is not on the news index")


@pytest.mark.parametrize("post", varied.public_posts(varied.TODAY), ids=lambda p: p.file)
def test_listing_shows_the_opening_and_offers_more_only_when_there_is_more(vsite, post):
    article = listing_article(vsite, post.title)
    text = text_of(article.select_one(".md-post__content"))
    assert post.opening in text
    if post.rest:
        assert post.rest not in text
    action = article.select_one("nav.md-post__action a")
    assert (action is not None) is post.more
    own = text_of(page(vsite, index_urls(vsite)[post.title]).select_one("article"))
    assert post.opening in own and post.rest in own


def test_excerpts_keep_reference_links_and_abbreviations(vsite):
    mantelzorg = listing_article(vsite, varied.MANTELZORG.title)
    href, title = varied.MANTELZORG_LINK
    assert mantelzorg.select_one(f'a[href="{href}"]')["title"] == title
    abbr, meaning = varied.MANTELZORG_ABBR
    assert mantelzorg.find("abbr", string=abbr)["title"] == meaning
    href, title = varied.TERUGBLIK_LINK
    assert listing_article(vsite, varied.TERUGBLIK.title).select_one(f'a[href="{href}"]')["title"] == title
    assert listing_article(vsite, varied.DORDRECHT.title).select_one('a[href="https://example.org/dordrecht"]') is not None


def test_archive_and_category_pages_list_their_posts(vsite):
    public = varied.public_posts(varied.TODAY)
    for year in (2024, 2025, 2026):
        assert listed_titles(vsite, archive_url(year)) == [p.title for p in public if p.day.year == year], year
    for name in ("Nieuws", "Verslagen", "Wijkteams", "Formeel en informeel", "Netwerkbijeenkomst"):
        assert listed_titles(vsite, category_url(vsite, name)) == [p.title for p in public if name in p.shown_categories], name
    assert set(category_links(vsite)) == {"Nieuws", "Verslagen", "Wijkteams", "Formeel en informeel", "Netwerkbijeenkomst"}


def test_reports_page_and_home_page(vsite):
    cards = report_cards(vsite)
    assert [(c.select_one(".wp-card__title a").get_text(strip=True), c.select_one("time").get_text(strip=True)) for c in cards] == [
        (varied.VERSLAG_WIJKAVOND.title, "5 oktober 2026"),
        (varied.VERSLAG_LEERGROEP.title, "2 maart 2026"),
    ]
    home = [a.get_text(strip=True) for a in page(vsite, "").select("ul.wp-cards li.wp-card .wp-card__title a")]
    assert home == [varied.SUBSIDIE.title, varied.VERSLAG_WIJKAVOND.title, varied.NIEUWSBRIEF.title]


def test_feeds_hold_the_published_posts_with_dutch_time_offsets(vsite):
    items, _ = rss_items(vsite)
    expected = [p.title for p in varied.public_posts(varied.TODAY)]
    assert [item.findtext("title") for item in items] == expected
    offsets = {item.findtext("title"): parsedate_to_datetime(item.findtext("pubDate")).utcoffset() for item in items}
    assert offsets[varied.GEMEENTEN.title] == dt.timedelta(hours=1)  # winter time
    assert offsets[varied.MANTELZORG.title] == dt.timedelta(hours=2)  # summer time
    summaries = {item["title"]: item["summary"] for item in json_items(vsite)}
    assert [item["title"] for item in json_items(vsite)] == expected
    assert summaries[varied.LEERGROEP.title] == "Een nieuwe leergroep voor professionals die werken met mensen in armoede."
    assert summaries[varied.GEMEENTEN.title] == "Hendrik-Ido-Ambacht, Papendrecht en Sliedrecht doen voortaan mee."


@functools.cache
def page_texts(site) -> tuple[str, ...]:
    return tuple(text_of(soup_of(f)) for f in html_files(site))


@functools.cache
def linked_urls(site) -> frozenset[str]:
    """Every site-relative URL some page links to."""
    links = set()
    for file in html_files(site):
        for a in soup_of(file).select("a[href]"):
            linked = target(site, url_of(site, file), a["href"])
            if linked is not None:
                links.add(url_of(site, linked))
    return frozenset(links)


@pytest.mark.parametrize("post", [varied.VOORAANKONDIGING, varied.VERSLAG_KENNISCAFE], ids=lambda p: p.file)
@pytest.mark.parametrize("today, shown", [(varied.TODAY, False), (varied.NEXT_DAY, True)])
def test_a_post_appears_on_its_date(varied_build, post, today, shown):
    assert post.date == varied.NEXT_DAY and not post.draft
    built = varied_build(today)
    final_url = post_url(varied_build, post)
    # its page
    assert (built / final_url / "index.html").is_file() is shown
    # the news index, the reports listing and the manifest
    assert (post.title in [t for t, _ in news_index(built)]) is shown
    cards = [c.select_one(".wp-card__title a").get_text(strip=True) for c in report_cards(built)]
    assert (post.title in cards) is (shown and post.kind == "verslagen")
    item = manifest(built)[f"posts/{post.file}"]
    assert (item["status"], item["url"]) == (("published", final_url) if shown else ("scheduled", None))
    # both feeds
    rss = feedparser.parse((built / "feed.xml").read_bytes())
    assert (post.title in [e.title for e in rss.entries]) is shown
    assert len(rss.entries) == len(varied.public_posts(today))
    assert (post.title in [item["title"] for item in json_items(built)]) is shown
    # its text anywhere on the site or in search
    assert any(post.opening in text for text in page_texts(built)) is shown
    indexed = " ".join(" ".join(page["content"].split()) for page in search.read_index(built))
    assert (" ".join(post.opening.split()) in indexed) is shown
    # and no link anywhere points to its address
    assert (final_url in linked_urls(built)) is shown


def test_drafts_are_never_built(varied_build):
    for today in (varied.TODAY, varied.LATE):
        built = varied_build(today)
        assert varied.JAARPLAN.title not in [t for t, _ in news_index(built)]
        assert not any(varied.JAARPLAN.opening in text for text in page_texts(built))
        assert manifest(built)[f"posts/{varied.JAARPLAN.file}"]["status"] == "draft"


def test_nothing_published_yet(varied_build):
    """Before the first post: an empty news index and empty feeds, and the site still builds."""
    built = varied_build(varied.EARLY)
    assert news_index(built) == []
    assert rss_items(built)[0] == [] and json_items(built) == []
    assert report_cards(built) == []
    assert broken_local_links(built) == []


def test_attachment_pdf_is_linked_and_built(vsite):
    url = index_urls(vsite)[varied.VERSLAG_LEERGROEP.title]
    [link] = page(vsite, url).select("article ul.wp-attachments a[href]")
    assert link.get_text(strip=True) == varied.PDF_TITLE
    assert link.has_attr("download") and "(PDF," in link.parent.get_text()
    built = target(vsite, url, link["href"])
    assert built is not None and built.suffix == ".pdf"
    assert built.read_bytes() == varied.PDF


def test_post_images_have_their_description_and_are_built(vsite):
    urls = index_urls(vsite)
    checked = []
    for post, alts in [
        (varied.GEMEENTEN, ["Drie wethouders zetten hun handtekening onder de afspraken"]),
        (varied.VERSLAG_WIJKAVOND, ["Bewoners en wijkteam aan lange tafels", varied.INLINE_IMAGE_ALT]),
    ]:
        images = page(vsite, urls[post.title]).select("article img[src]")
        assert [img["alt"] for img in images] == alts
        for img in images:
            built = target(vsite, urls[post.title], img["src"])
            assert built is not None and built.is_file() and built.read_bytes()[:4] in (b"\xff\xd8\xff\xe0", b"\x89PNG"), img["src"]
            checked.append(img["src"])
    assert len(checked) == 3


def test_tags_link_to_the_tags_page(vsite):
    url = index_urls(vsite)[varied.LEERGROEP.title]
    found = tag_targets(vsite, url)
    assert [tag for tag, _ in found] == ["armoede", "schulden"]
    assert all(url in listed_urls for _, listed_urls in found)
    # a tag of a report is listed there too
    report_url = index_urls(vsite)[varied.VERSLAG_LEERGROEP.title]
    armoede = dict(found)["armoede"]
    assert report_url in armoede


def test_links_between_posts_events_and_fixed_pages(vsite):
    urls = index_urls(vsite)

    def link(url: str, text: str) -> str:
        a = page(vsite, url).find("a", string=text)
        assert a is not None, (url, text)
        return site_path(vsite, url, a["href"])

    assert link(urls[varied.CONGRES.title], "het verslag van de eerste leergroep") == urls[varied.VERSLAG_LEERGROEP.title]
    assert link(urls[varied.SUBSIDIE.title], "Bekijk de studiedagen") == "agenda/2026/12/14/studiedagen-sociaal-werk/"
    assert link("agenda/2026/11/22/open-dag-van-de-werkplaats/", "Neem contact op") == "contact/"
