"""RSS 2.0 and JSON Feed 1.1 of news and reports.

Dates come from the front matter (publication date, midnight in Amsterdam),
never from the clock, so two builds of the same content give the same bytes.
ElementTree and json do all escaping.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from email.utils import format_datetime
from urllib.parse import urljoin

from ..content.model import Entry
from ..core.dates import TZ

FEED_LIMIT = 30
RSS_PATH = "feed.xml"
JSON_PATH = "feed.json"


def _published(entry: Entry) -> dt.datetime:
    return dt.datetime.combine(entry.date, dt.time(0, 0), tzinfo=TZ)


def _summary(entry: Entry) -> str:
    if entry.description:
        return entry.description
    for block in entry.body.split("\n\n"):
        block = block.strip()
        if block and not block.startswith(("#", "<!--", "!", "|")):
            return " ".join(block.split())
    return entry.title


def rss(posts: list[Entry], urls: dict[str, str], *, site_url: str, title: str, description: str) -> bytes:
    """`posts` newest first; `urls` maps entry.rel to a site-relative URL."""
    ET.register_namespace("atom", "http://www.w3.org/2005/Atom")
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    ET.SubElement(channel, "title").text = title
    ET.SubElement(channel, "link").text = site_url
    ET.SubElement(channel, "description").text = description
    ET.SubElement(channel, "language").text = "nl"
    ET.SubElement(
        channel,
        "{http://www.w3.org/2005/Atom}link",
        {
            "href": urljoin(site_url, RSS_PATH),
            "rel": "self",
            "type": "application/rss+xml",
        },
    )
    items = posts[:FEED_LIMIT]
    if items:
        ET.SubElement(channel, "lastBuildDate").text = format_datetime(_published(items[0]))
    for entry in items:
        link = urljoin(site_url, urls[entry.rel])
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = entry.title
        ET.SubElement(item, "link").text = link
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = link
        ET.SubElement(item, "pubDate").text = format_datetime(_published(entry))
        ET.SubElement(item, "description").text = _summary(entry)
        for category in entry.categories:
            ET.SubElement(item, "category").text = category
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def json_feed(posts: list[Entry], urls: dict[str, str], *, site_url: str, title: str, description: str) -> bytes:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": site_url,
        "feed_url": urljoin(site_url, JSON_PATH),
        "description": description,
        "language": "nl",
        "items": [
            {
                "id": urljoin(site_url, urls[entry.rel]),
                "url": urljoin(site_url, urls[entry.rel]),
                "title": entry.title,
                "summary": _summary(entry),
                "content_text": _summary(entry),
                "date_published": _published(entry).isoformat(),
                "tags": entry.categories + entry.tags,
            }
            for entry in posts[:FEED_LIMIT]
        ],
    }
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
