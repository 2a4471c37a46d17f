"""`make search-quality`: how well each search approach finds Dutch, side by
side, on the query set of tests/search_fixture.py (handbook/search.md).

The fixture project is built twice with the real `mkdocs build --strict`
(SITE_TODAY = conftest.TODAY), once per index (werkplaats/site/search.py,
WERKPLAATS_ZOEKEN), both served on 127.0.0.1; then every query is put to
four approaches in Chromium:

  A  Pagefind as is: its Dutch stemmer, no hidden terms, Pagefind's own
     `search()` called directly (no box);
  B  hidden lexicon terms, no stemmer, `search()` called directly;
  C  the Pagefind index of A, typed into the site's box (docs/assets/zoeken.js);
  D  the lexicon index of B, typed into the box: what the site ships.

Per approach, on all queries and on the held-out ones: precision (relevant
fixture pages found / fixture pages found, pages in a query's `also` not
counted), recall (relevant found / relevant), must-find queries answered
exactly, must-not queries with any result at all (fixed pages too), and
ranking cases in order. Prints a Markdown table with the date and machine;
--details adds every query an approach gets wrong.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from conftest import TODAY, Project, run_mkdocs  # noqa: E402
from search_fixture import MUST_FIND, MUST_NOT, RANKING, ask_box, ask_raw, write_fixture  # noqa: E402

from tools.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tools.static_server import StaticServer  # noqa: E402
from werkplaats.core.commands import parser as command_parser  # noqa: E402

# name, index (WERKPLAATS_ZOEKEN), asked through the box?
APPROACHES = [
    ("A Pagefind as is", "pagefind", False),
    ("B lexicon terms, raw search", "lexicon", False),
    ("C Pagefind + the box", "pagefind", True),
    ("D lexicon + the box (the site)", "lexicon", True),
]


@dataclass
class Score:
    found: int = 0  # relevant pages found
    relevant: int = 0
    returned: int = 0  # fixture pages found, `also` pages left out
    exact: int = 0  # must-find queries with every page and nothing wrong
    queries: int = 0
    noisy: int = 0  # must-not queries with results
    misses: int = 0
    ranked: int = 0
    rankings: int = 0
    wrong: list[str] = field(default_factory=list)

    def row(self, name: str) -> str:
        precision = self.found / self.returned if self.returned else 1.0
        recall = self.found / self.relevant if self.relevant else 1.0
        ranking = f"{self.ranked}/{self.rankings}" if self.rankings else "–"
        return f"| {name} | {precision:.2f} | {recall:.2f} | {self.exact}/{self.queries} | {self.noisy}/{self.misses} | {ranking} |"


def build(base: Path, server: StaticServer, index: str) -> str:
    """The fixture built with one index into the server's root; its URL."""
    project = Project(base / f"project-{index}")
    write_fixture(project)
    url = f"{server.url}{index}/"
    run_mkdocs(project.root, server.root / index, TODAY, SITE_URL=url, WERKPLAATS_ZOEKEN=index)
    return url


def measure(page, url: str, boxed: bool) -> tuple[Score, Score]:
    """(all queries, held-out queries) for one approach."""
    scores = (Score(), Score())

    def ask(query: str) -> list[str]:
        return ask_box(page, url, query).urls if boxed else ask_raw(page, url, query)

    def add(held_out: bool, apply) -> None:
        apply(scores[0])
        if held_out:
            apply(scores[1])

    for case in MUST_FIND:
        found = {u for u in ask(case.query) if u.startswith(("nieuws/", "agenda/"))}
        hits, false = found & case.pages, found - case.pages - case.also

        def tally(s: Score, hits=hits, false=false, case=case) -> None:
            s.found += len(hits)
            s.relevant += len(case.pages)
            s.returned += len(hits) + len(false)
            s.queries += 1
            if hits == case.pages and not false:
                s.exact += 1
            else:
                s.wrong.append(f"{case.query}: missing {sorted(case.pages - hits)}, wrong {sorted(false)}")

        add(case.held_out, tally)
    for miss in MUST_NOT:
        urls = ask(miss.query)

        def tally_not(s: Score, urls=urls, miss=miss) -> None:
            s.misses += 1
            if urls:
                s.noisy += 1
                s.wrong.append(f"{miss.query}: {len(urls)} results (must find nothing): {urls[:3]}")

        add(miss.held_out, tally_not)
    for query, first, after in RANKING:
        order = [u for u in ask(query) if u in first | after]
        right = first <= set(order) and all(order.index(a) > max(order.index(f) for f in first) for a in after if a in order)
        scores[0].rankings += 1
        scores[0].ranked += right
        if not right:
            scores[0].wrong.append(f"ranking {query}: {order}")
    return scores


def table(results: dict[str, tuple[Score, Score]], seconds: float) -> str:
    header = [
        "| approach | precision | recall | must-find exact | must-not with results | ranking |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"
    first = next(iter(results.values()))
    lines = [
        f"Measured {dt.date.today().isoformat()} on {machine} ({seconds:.0f} s), `make search-quality`.",
        "",
        f"All queries ({first[0].queries} must-find, {first[0].misses} must-not, {first[0].rankings} ranking cases):",
        "",
        *header,
        *(scores[0].row(name) for name, scores in results.items()),
        "",
        f"Held-out queries ({first[1].queries} must-find, {first[1].misses} must-not; written before measuring, never tuned on):",
        "",
        *header,
        *(scores[1].row(name) for name, scores in results.items()),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("search-quality", about=__doc__.split("\n\n")[0])
    parser.epilog = "Builds the fixture of tests/search_fixture.py twice and asks it in Chromium; takes a minute or two."
    parser.add_argument("--details", action="store_true", help="list every query an approach gets wrong")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the scores and wrong queries to FILE")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        parser.error(f"Chromium ontbreekt ({CHROMIUM}); .ci/run installeert het")

    from playwright.sync_api import sync_playwright

    started = time.monotonic()
    results: dict[str, tuple[Score, Score]] = {}
    with tempfile.TemporaryDirectory(prefix="search-quality-") as scratch:
        base = Path(scratch)
        (base / "www").mkdir()
        server = StaticServer(base / "www")
        urls = {index: build(base, server, index) for index in ("pagefind", "lexicon")}
        server.start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                for name, index, boxed in APPROACHES:
                    page = browser.new_page()
                    page.goto(urls[index] + "zoeken/", wait_until="load")
                    results[name] = measure(page, urls[index], boxed)
                    page.close()
                browser.close()
        finally:
            server.stop()
    print(table(results, time.monotonic() - started))
    if args.details:
        for name, (scores, _) in results.items():
            print(f"\n{name}: {len(scores.wrong)} wrong")
            for line in scores.wrong:
                print(f"  - {line}")
    if args.json:
        data = {name: {"all": vars(a), "held_out": vars(h)} for name, (a, h) in results.items()}
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
