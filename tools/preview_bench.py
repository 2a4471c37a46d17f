"""`make bench-preview`: how long an open page of `make serve` takes to
show a saved change by itself, measured in Chromium.

A copy of this project (today's posts, plus a synthetic corpus with
--posts/--events) is served with `mkdocs serve`; Chromium opens a news
item; the item is saved with a new sentence RUNS times, and each time the
clock runs from the save until that sentence is on screen, with no
navigation by the benchmark: the page reloads itself (werkplaats.editing.preview).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.bench import start_serve  # noqa: E402
from tools.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tools.corpus import write_corpus  # noqa: E402
from werkplaats.core.commands import parser as command_parser  # noqa: E402

COPIED = ("mkdocs.yml", "docs", "overrides", "hooks", "werkplaats", "schemas", "posts")
NEWS = "---\ntitle: Meting van de voorvertoning\ndate: 2026-11-01\n---\n\n{body}\n"
URL = "nieuws/2026/11/01/meting-van-de-voorvertoning/"


def copy_project(base: Path, posts: int, events: int) -> Path:
    project = base / "project"
    project.mkdir()
    for name in COPIED:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # Decap CMS for /admin/
    if posts or events:
        write_corpus(project / "posts", posts, events)
    return project


def measure(project: Path, runs: int, today: str) -> list[float]:
    from playwright.sync_api import sync_playwright

    post = project / "posts" / "nieuws" / "meting-van-de-voorvertoning.md"
    post.write_text(NEWS.format(body="Versie 0."), encoding="utf-8")
    env = {"SITE_TODAY": today, "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    server, base = start_serve(project, env)
    times = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            deadline = time.monotonic() + float(os.environ.get("BENCH_START_SECONDS", 600))
            while True:
                try:
                    page.goto(base + URL)
                    if "Versie 0." in shown(page):
                        break
                except Exception:  # the server is not up yet
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit(f"mkdocs serve did not show the post in time; the page says:\n{shown(page)[:2000]}")
                time.sleep(0.2)
            for run in range(1, runs + 1):
                page.wait_for_timeout(500)  # let the previous reload settle
                start = time.perf_counter()
                post.write_text(NEWS.format(body=f"Versie {run}."), encoding="utf-8")
                while f"Versie {run}." not in shown(page):
                    if time.perf_counter() - start > 120:
                        raise SystemExit(f"run {run}: no change on the page after 120 s; it says:\n{shown(page)[:2000]}")
                    page.wait_for_timeout(20)
                times.append(time.perf_counter() - start)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return times


def shown(page) -> str:
    try:
        return page.evaluate("document.body?.innerText ?? ''")
    except Exception:  # the page is reloading
        return ""


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("bench-preview", about=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=0, help="synthetic news items and reports added to today's posts")
    parser.add_argument("--events", type=int, default=0, help="synthetic events added")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--today", default=time.strftime("%Y-%m-%d"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as base:
        project = copy_project(Path(base), args.posts, args.events)
        times = measure(project, args.runs, args.today)
    size = "today's posts" + (f" + {args.posts} posts + {args.events} events" if args.posts or args.events else "")
    print(
        f"save -> open page shows it ({size}, {args.runs} runs): "
        f"median {statistics.median(times):.2f} s, max {max(times):.2f} s ({', '.join(f'{t:.2f}' for t in times)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
