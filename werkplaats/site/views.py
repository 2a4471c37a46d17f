"""Plain data for templates: what a card, a list or a JSON-LD block shows.

Templates only print these values; every decision (what is shown, in which
order, how a date reads in Dutch) is made here and tested without a build.
"""

from __future__ import annotations

import datetime as dt
import html

from ..content.model import Entry
from ..core.dates import dutch_date
from ..core.slugs import slugify

HOME_NEWS_COUNT = 3


def html_meta(entry: Entry) -> dict:
    """Front-matter text as Material's templates need it: HTML-escaped.

    Material prints page titles, descriptions and tags without escaping
    (they may hold markup in documentation sites). Editors' values are
    text, so `<`, `&` and quotes must reach the page as characters.
    """
    meta = {"title": html.escape(entry.title)}
    if entry.description:
        meta["description"] = html.escape(entry.description)
    if entry.tags:
        meta["tags"] = [html.escape(tag) for tag in entry.tags]
    return meta


def post_card(entry: Entry, url: str, today: dt.date, image: dict | None = None) -> dict:
    return {
        "image": image,
        "title": entry.title,
        "url": url,
        "date_iso": entry.date.isoformat(),
        "date": dutch_date(entry.date),
        "description": entry.description,
        "kind": entry.kind,
        "categories": entry.categories,
        "publication": entry.publication(today),
    }


def cards(
    entries: list[Entry],
    urls: dict[str, str],
    today: dt.date,
    *,
    kind: str | None = None,
    limit: int | None = None,
    pictures: dict | None = None,
) -> list[dict]:
    """Cards for shown posts (already newest first), optionally of one kind."""
    chosen = [e for e in entries if kind is None or e.kind == kind]
    pictures = pictures or {}
    return [post_card(e, urls[e.rel], today, pictures.get(e.rel)) for e in chosen[:limit] if e.rel in urls]


def picture(rendition, alt: str, url_for) -> dict | None:
    """Data for partials/picture.html; `url_for(path)` gives a file's site URL."""
    if rendition is None:
        return None
    large, small = rendition.variants["groot"], rendition.variants["klein"]
    # One candidate per width: an image narrower than the small variant gets
    # two files of the same width, and a srcset may not name a width twice.
    sizes = list({v.width: v for v in (large, small)}.values())[::-1]

    def candidates(kind: str) -> list[dict]:
        return [{"url": url_for(getattr(v, kind)), "width": v.width} for v in sizes if getattr(v, kind) is not None and v.width]

    return {
        "alt": alt,
        "large": {"url": url_for(large.fallback), "width": large.width, "height": large.height},
        "small": {
            "url": url_for(small.fallback),
            "width": small.width,
            "height": small.height,
            "webp": url_for(small.webp) if small.webp else "",
        },
        "webp": candidates("webp"),
        "fallback": candidates("fallback"),
    }


TAGS_PAGE = "nieuws/trefwoorden/"


def tag_links(entry: Entry) -> list[dict]:
    """Each tag with its place on the tags page (Material's `tag:<slug>` anchors)."""
    return [{"title": tag, "url": f"{TAGS_PAGE}#tag:{slugify(tag)}"} for tag in entry.tags]


def attachments(entry: Entry, url_for) -> list[dict]:
    """Attachment links; `url_for(path)` maps a file in posts/ to its site URL."""
    return [
        {"title": a.title, "url": url_for(a.path), "type": a.path.suffix.lstrip(".").upper(), "size": _size(a.path.stat().st_size)}
        for a in entry.attachments
    ]


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} kB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def organisation_jsonld(org: dict, site_url: str) -> dict:
    """schema.org Organization from the contact facts in mkdocs.yml."""
    return {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": org["naam"],
        "url": site_url,
        "email": org["email"],
        "telephone": org["telefoon_internationaal"],
        "address": {
            "@type": "PostalAddress",
            "streetAddress": org["straat"],
            "postalCode": org["postcode"],
            "addressLocality": org["plaats"],
            "addressCountry": "NL",
        },
    } | ({"sameAs": [item["url"] for item in org["sociaal"]]} if org.get("sociaal") else {})
