"""What a visitor's first view of a page costs on the wire, measured in
Chromium: `python tools/first_view.py SITE_DIR [PAGE ...]`.

Serves the built site as GitHub Pages does (tools/static_server.py: gzip,
404.html), opens each page in a fresh browser context (nothing cached) at
phone size, waits until the network is idle, and adds up the bytes every
request transferred (Resource Timing `transferSize`: headers and the
compressed body). Also lists requests that failed (status 400 or more, or
no answer), requests for a sitemap, which a page view never needs, and
what the page's Content-Security-Policy refused.

Used by `make bench` and by tests/test_light_pages.py (the budget).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tools.static_server import StaticServer  # noqa: E402

BUDGET = 45_000  # bytes on the wire, the heaviest first view of the six pages
# The pages the budget is about, found in the built site (tools/audit.py's six).
SIX = ("home", "nieuws", "nieuwsbericht", "agenda", "activiteit", "contact")

_TRANSFERRED = """() => {
  const entries = [performance.getEntriesByType("navigation")[0], ...performance.getEntriesByType("resource")];
  return entries.map(e => [e.name, e.transferSize]);
}"""


@dataclass
class View:
    url: str
    bytes: int = 0
    requests: list[tuple[str, int]] = field(default_factory=list)  # (url, bytes)
    failed: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # what the Content-Security-Policy blocked


def measure(browser, url: str, width: int = 360, height: int = 740) -> View:
    """One first view of `url` in a fresh context of `browser` (Playwright)."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    view = View(url)
    try:
        page = context.new_page()
        page.on("requestfailed", lambda request: view.failed.append(request.url))
        page.on("response", lambda response: view.failed.append(response.url) if response.status >= 400 else None)
        page.on("request", lambda request: view.sitemaps.append(request.url) if "sitemap" in request.url else None)
        page.on("console", lambda message: view.refused.append(message.text) if "Content Security Policy" in message.text else None)
        page.goto(url, wait_until="networkidle")
        view.requests = [(name, int(size)) for name, size in page.evaluate(_TRANSFERRED)]
        view.bytes = sum(size for _, size in view.requests)
    finally:
        context.close()
    return view


def pages(site: Path) -> dict[str, str]:
    from tools.audit import pages as audited

    return audited(site)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a built site (mkdocs build -d DIR)")
    parser.add_argument("pages", nargs="*", help="site-relative pages (default: the six of the budget)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    chosen = {p: p for p in args.pages} if args.pages else pages(args.site)
    server = StaticServer(args.site)
    server.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            views = {name: measure(browser, server.url + path) for name, path in chosen.items()}
            browser.close()
    finally:
        server.stop()
    for name, view in views.items():
        print(
            f"{name:14} {view.bytes / 1000:6.1f} kB in {len(view.requests)} requests; mislukt: {len(view.failed)}; sitemap: {len(view.sitemaps)}"
        )
    heaviest = max(view.bytes for view in views.values())
    print(f"zwaarste eerste weergave: {heaviest / 1000:.1f} kB (budget {BUDGET / 1000:.0f} kB)")
    return 0 if heaviest <= BUDGET and not any(v.failed or v.sitemaps or v.refused for v in views.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
