"""Checks of a built site that a visitor would notice: links that lead
nowhere, and what axe finds against WCAG in a page opened in a browser.

One module for the test suite (tests/test_site_quality.py,
tests/test_browser.py, tests/test_cms_e2e.py) and for the pull-request check
(tools/content_check.py, `make content-check`), so both judge a page by the
same rules.

- `LinkChecker`: the site's own URLs resolved to built files, #fragments
  included; other hosts are not fetched (the check runs offline).
- `links_in_html`, `links_in_feeds`: every URL a page, a feed, a calendar or
  a sitemap points to.
- `axe_violations`: axe-core (axe-playwright-python) on an open Playwright
  page, limited to the WCAG tags the accessibility statement names
  (werkplaats.site.quality_checks.AXE_TAGS).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from ..site.quality_checks import AXE_TAGS

SKIPPED_SCHEMES = ("mailto", "tel", "javascript", "data")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def page_url(root: Path, path: Path, base: str) -> str:
    """The public address of a built file."""
    rel = path.relative_to(root).as_posix()
    return base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


class LinkChecker:
    """Resolves the site's own URLs to built files, with #fragments."""

    def __init__(self, root: Path, base: str):
        self.root, self.base = root, base
        self.base_path = urlsplit(base).path
        self._ids: dict[Path, set[str]] = {}

    def ids(self, path: Path) -> set[str]:
        if path not in self._ids:
            page = soup(path)
            self._ids[path] = {tag["id"] for tag in page.find_all(id=True)} | {a["name"] for a in page.find_all("a", attrs={"name": True})}
        return self._ids[path]

    def problem(self, url: str, where: str) -> str | None:
        """None if `url` (absolute) is fine or not ours, else what is wrong."""
        parts = urlsplit(url)
        if parts.scheme in SKIPPED_SCHEMES:
            return None
        if parts.scheme == "webcal":  # the calendar subscription: http(s) with another name
            return self.problem(re.sub(r"^webcal://", urlsplit(self.base).scheme + "://", url), where)
        if f"{parts.scheme}://{parts.netloc}" != f"{urlsplit(self.base).scheme}://{urlsplit(self.base).netloc}":
            return None  # another site: not checked offline
        path = unquote(parts.path)
        if not path.startswith(self.base_path):
            return f"{where}: {url} ligt buiten de site ({self.base})"
        target = self.root / path[len(self.base_path) :]
        if path.endswith("/") or target.is_dir():
            if not path.endswith("/"):
                return f"{where}: {url} mist de / aan het eind"
            target = target / "index.html"
        if not target.is_file():
            return f"{where}: {url} bestaat niet"
        if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in self.ids(target):
            return f"{where}: {url}: #{parts.fragment} bestaat niet op die pagina"
        return None


def links_in_html(page: BeautifulSoup) -> list[str]:
    found = []
    for tag, attribute in (
        ("a", "href"),
        ("link", "href"),
        ("img", "src"),
        ("script", "src"),
        ("source", "src"),
        ("iframe", "src"),
        ("form", "action"),
        ("video", "src"),
        ("audio", "src"),
    ):
        found += [element[attribute] for element in page.find_all(tag) if element.get(attribute)]
    found += [candidate.split()[0] for img in page.find_all(srcset=True) for candidate in img["srcset"].split(",")]
    found += [meta["content"] for meta in page.find_all("meta", property=re.compile(r"^og:(url|image)$"))]
    return found


def links_in_feeds(root: Path) -> list[tuple[str, str]]:
    """(file, absolute URL) for every URL in the RSS and JSON feeds, the
    calendars and the sitemaps."""
    import feedparser
    import icalendar
    from lxml import etree

    found = []
    rss = feedparser.parse((root / "feed.xml").read_bytes())
    found += [("feed.xml", rss.feed.link)]
    for entry in rss.entries:
        found += [("feed.xml", entry.link)] + [("feed.xml", e.href) for e in entry.get("enclosures", [])]
        if entry.get("guidislink"):
            found.append(("feed.xml", entry.id))
    data = json.loads((root / "feed.json").read_text(encoding="utf-8"))
    found += [("feed.json", data[key]) for key in ("home_page_url", "feed_url") if key in data]
    for item in data["items"]:
        found += [("feed.json", item[key]) for key in ("url", "image", "banner_image") if key in item]
        found += [("feed.json", a["url"]) for a in item.get("attachments", [])]
    for ics in sorted(root.rglob("*.ics")):
        name = ics.relative_to(root).as_posix()
        for component in icalendar.Calendar.from_ical(ics.read_bytes()).walk():
            for key in ("URL", "ATTACH"):
                values = component.get(key)
                for value in values if isinstance(values, list) else [values] if values else []:
                    found.append((name, str(value)))
    for sitemap in (root / "sitemap.xml", root / "agenda" / "sitemap.xml"):
        locs = etree.parse(str(sitemap)).findall(".//{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
        found += [(sitemap.relative_to(root).as_posix(), loc.text) for loc in locs]
    return found


def axe_results(page) -> list[dict]:
    """axe's violations on an open Playwright page, as axe reports them."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    return results.response["violations"]


def axe_violations(page) -> list[str]:
    """Each violation as "rule (impact): help" and its first five elements."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']}\n    "
        + "\n    ".join(f"{', '.join(map(str, node['target']))}: {node['failureSummary']}" for node in v["nodes"][:5])
        for v in axe_results(page)
    ]
