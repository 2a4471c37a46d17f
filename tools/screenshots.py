"""Screenshots of five pages (home, news, agenda, the newest event, contact)
at 360 and 1280 px, as handbook/build-and-hooks.md shows them:

    python tools/screenshots.py SITE_DIR OUT_DIR

SITE_DIR is a built site (make build). Debian's Chromium, via Playwright;
each PNG is cut at two screen heights and reduced to 64 colours.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tools.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tools.ports import free_port  # noqa: E402

WIDTHS = ((360, 800), (1280, 900))


def main(site: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "-d", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(1)
    event = sorted(p.parent.relative_to(site).as_posix() for p in (site / "agenda").glob("20*/*/*/*/index.html"))[-1]
    pages = {"home": "", "nieuws": "nieuws/", "agenda": "agenda/", "activiteit": f"{event}/", "contact": "contact/"}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for width, height in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
                page = context.new_page()
                for name, url in pages.items():
                    page.goto(f"http://127.0.0.1:{port}/{url}")
                    path = out / f"{name}-{width}.png"
                    page.screenshot(path=str(path), full_page=True)
                    image = Image.open(path).convert("RGB")
                    image = image.crop((0, 0, image.width, min(image.height, height * 2)))
                    image.quantize(colors=64).save(path, optimize=True)
                context.close()
            browser.close()
    finally:
        server.terminate()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a built site (make build)")
    parser.add_argument("out", type=Path, help="where the PNG files go")
    args = parser.parse_args()
    main(args.site, args.out)
