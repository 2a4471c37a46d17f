"""`make bench-search POSTS=1000 EVENTS=300`: what the Pagefind search costs
and how well it finds Dutch words, on the synthetic corpus of tools/corpus.py.

1. Index: `mkdocs build --strict` (which runs Pagefind in hooks/search.py),
   then Pagefind alone on the built site into a scratch folder; the size
   of the published pagefind/ folder.
2. First query, as a visitor with an empty cache, in Chromium through the
   site's own UI: load the home page, press `/`, type the query. Bytes are
   what tools/static_server.py sends (gzip for text, Pagefind's own files
   as they are: already compressed); the time runs from the last keystroke
   to the first result of the full query in the DOM, so it includes the
   UI's debounce.
3. Quality: Dutch queries (inflections, accents, a prefix, a place, a
   compound) entered in the same UI (its count, its first ten results),
   plus every result from the Pagefind module the UI loaded; each page
   is checked against the text Pagefind was given, read from the built
   HTML on disk.

Prints a Markdown table (one column for this corpus size) and writes the
figures to reports/search-bench-POSTS-EVENTS.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.bench import project_copy, timed  # noqa: E402
from tools.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tools.static_server import COMPRESSED, StaticServer  # noqa: E402
from werkplaats.core.commands import parser as command_parser  # noqa: E402
from werkplaats.site.search import BUNDLE  # noqa: E402

DIALOG = "dialog[data-wp-zoek-dialoog]"
RESULT = ".wp-zoek__resultaat"
UI_PAGE_SIZE = 10  # results the UI shows before "Meer resultaten" (zoeken.js)

# (query, stem a relevant page contains after fold(), what it tests). The
# stems are words tools/corpus.py writes (WORDS, CATEGORIES, PLACES); a
# stem that occurs on no indexed page is reported as such, not as a miss.
QUERIES = [
    ("bijeenkomst", "bijeenkomst", "exact word"),
    ("bijeenkomsten", "bijeenkomst", "inflection: plural; the corpus has only the singular"),
    ("samenwerking", "samenwerk", "exact word"),
    ("samenwerken", "samenwerk", "inflection: verb; the corpus has only the noun"),
    ("verslag", "verslag", "exact word"),
    ("verslagen", "verslag", "inflection: plural"),
    ("Kenniscafé", "kenniscafe", "category, with accent"),
    ("kenniscafe", "kenniscafe", "accent left out"),
    ("ondersteun", "ondersteun", "partial: the stem of ondersteuning"),
    ("bijeenk", "bijeenkomst", "partial: typed halfway"),
    ("Dordrecht", "dordrecht", "place"),
    ("netwerkbijeenkomst", "netwerkbijeenkomst", "compound: a category"),
    ("mantelzorgers", "mantelzorg", "inflection: plural of mantelzorg"),
    ("jongeren", "jongeren", "control: not in the corpus"),
]
COMPOUND, PART = "netwerkbijeenkomst", "bijeenkomst"


def fold(text: str) -> str:
    """Lower case without accents: how a visitor's query and a page compare."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


# --- 1. index ------------------------------------------------------------------


def index_figures(site: Path, project: Path) -> dict:
    """Pagefind alone on the built site (a scratch output folder, removed
    afterwards), and the files of the published bundle."""
    scratch = "pagefind-bench"
    seconds, rss = timed([sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", scratch, "--quiet"], project)
    shutil.rmtree(site / scratch)
    bundle = site / BUNDLE
    files = [p for p in bundle.rglob("*") if p.is_file()]
    groups: dict[str, list[int]] = {}
    for path in files:
        groups.setdefault(_group(path.relative_to(bundle).as_posix()), []).append(path.stat().st_size)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return {
        "index_seconds": seconds,
        "index_peak_mib": rss / 1024,
        "pages_indexed": sum(language["page_count"] for language in entry["languages"].values()),
        "bundle_files": len(files),
        "bundle_bytes": sum(p.stat().st_size for p in files),
        "bundle_groups": {name: {"files": len(sizes), "bytes": sum(sizes)} for name, sizes in sorted(groups.items())},
    }


def _group(relative: str) -> str:
    """What a file of the bundle is, for the byte breakdowns."""
    if "/" in relative:
        return relative.split("/", 1)[0]  # index/, fragment/, filter/
    if relative.endswith(".pf_meta"):
        return "meta"
    if relative.endswith(".pagefind"):
        return "wasm"
    return relative  # pagefind.js, pagefind-worker.js, pagefind-entry.json


# --- 2. first query in the browser ------------------------------------------------

# Runs before the page's own scripts: the time of every keystroke in the
# search box, and the moment the first result of the *whole* query is in
# the DOM (the status names the query before its results are added, so a
# result of a shorter prefix, had the debounce let one through, is not it).
TIMING = """
window.__bench = {keys: []};
document.addEventListener("keydown", function (event) {
  if (event.target.matches && event.target.matches("input[type=search]")) window.__bench.keys.push(performance.now());
}, true);
new MutationObserver(function () {
  var bench = window.__bench;
  if (bench.result !== undefined) return;
  var status = document.querySelector("dialog[open] [data-wp-zoek-status]");
  if (status && status.textContent.indexOf("\\u2018" + QUERY + "\\u2019") >= 0 && document.querySelector("dialog[open] .wp-zoek__resultaat")) {
    bench.result = performance.now();
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def sent_bytes(server: StaticServer, request: str) -> tuple[str, int]:
    """The file a request was answered with and its body size as sent,
    by the same rules as tools/static_server.py."""
    path = server.root / unquote(urlsplit(request).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    if not path.is_file():
        path = server.root / "404.html"
    body = path.read_bytes()
    size = len(server.gzipped(path, body)) if path.suffix in COMPRESSED else len(body)
    return path.relative_to(server.root).as_posix(), size


def settle(server: StaticServer, quiet: float = 0.5, limit: float = 60) -> None:
    """Wait until the browser has asked for nothing more for `quiet` seconds."""
    deadline = time.perf_counter() + limit
    count, since = len(server.requests), time.perf_counter()
    while time.perf_counter() < deadline:
        time.sleep(0.05)
        if len(server.requests) != count:
            count, since = len(server.requests), time.perf_counter()
        elif time.perf_counter() - since >= quiet:
            return
    raise SystemExit(f"the browser kept fetching for {limit} s")


def first_query(browser, server: StaticServer, query: str) -> dict:
    """One visitor with an empty cache: home page, `/`, the query typed."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.add_init_script(TIMING.replace("QUERY", json.dumps(query)))
        start = len(server.requests)
        page.goto(server.url, wait_until="load")
        settle(server)
        opened = len(server.requests)
        page.keyboard.press("/")
        page.wait_for_selector(f"{DIALOG}[open] input[type=search]:focus")
        page.keyboard.type(query)
        page.wait_for_function("() => window.__bench.result !== undefined", timeout=120_000)
        settle(server)
        timing = page.evaluate("window.__bench")
    finally:
        context.close()
    view = [sent_bytes(server, r) for r in server.requests[start:opened]]
    search = [sent_bytes(server, r) for r in server.requests[opened:]]
    keys = timing["keys"]
    return {
        "ms": timing["result"] - keys[-1],
        "longest_key_gap_ms": max((b - a for a, b in zip(keys, keys[1:], strict=False)), default=0),
        "view_requests": len(view),
        "view_bytes": sum(size for _, size in view),
        "search_requests": len(search),
        "search_bytes": sum(size for _, size in search),
        "view_files": view,
        "search_files": search,
    }


def search_breakdown(files: list[tuple[str, int]]) -> dict:
    groups: dict[str, dict] = {}
    for name, size in files:
        key = _group(name[len(BUNDLE) + 1 :]) if name.startswith(BUNDLE + "/") else name
        group = groups.setdefault(key, {"files": 0, "bytes": 0})
        group["files"] += 1
        group["bytes"] += size
    return dict(sorted(groups.items(), key=lambda item: -item[1]["bytes"]))


# --- 3. quality ----------------------------------------------------------------------


def indexed_text(site: Path, url: str) -> str:
    """The folded text Pagefind reads on a page: inside data-pagefind-body,
    without data-pagefind-ignore parts, image alt text included."""
    import lxml.html

    path = site / unquote(urlsplit(url).path).lstrip("/")
    if path.is_dir() or url.endswith("/"):
        path = path / "index.html"
    document = lxml.html.fromstring(path.read_bytes())
    parts = []
    for body in document.xpath("//*[@data-pagefind-body]"):
        for ignored in body.xpath(".//*[@data-pagefind-ignore] | .//script | .//style"):
            ignored.drop_tree()
        parts.append(body.text_content())
        parts.extend(body.xpath(".//img/@alt"))
    return fold(" ".join(parts))


def fragment_urls(site: Path) -> dict[str, str]:
    """Pagefind's result id -> page URL, from the fragments on disk (a
    result's id names its fragment file)."""
    urls = {}
    for fragment in (site / BUNDLE / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        urls[fragment.stem] = json.loads(data[data.index(b"{") :])["url"]
    return urls


# Everything the engine returns for a query (ids only: no fragment is
# fetched), with the UI's options; the module is the one zoeken.js loaded.
ALL_IDS = """async ([bundle, query]) => {
  const pagefind = await import(new URL(bundle + "pagefind.js", location.href).href);
  const answer = await pagefind.search(query, {filters: {}});
  return answer.results.map(result => result.id);
}"""


def ui_search(page, query: str) -> tuple[int, list[str], list[str]]:
    """The count the UI states, the links it shows first and the words
    their excerpts mark as found."""
    box = f"{DIALOG} input[type=search]"
    page.fill(box, query)
    page.wait_for_function(
        """query => { const s = document.querySelector("dialog[open] [data-wp-zoek-status]");
                      return s && s.textContent.indexOf("\\u2018" + query + "\\u2019") >= 0; }""",
        arg=query,
        timeout=60_000,
    )
    status = page.inner_text(f"{DIALOG} [data-wp-zoek-status]")
    count = 0 if status.startswith(("Geen", "Niets")) else int(re.match(r"(\d+)", status).group(1))
    page.wait_for_function(
        f"n => document.querySelectorAll('{DIALOG} {RESULT}').length === n", arg=min(count, UI_PAGE_SIZE), timeout=60_000
    )
    links = page.eval_on_selector_all(f"{DIALOG} {RESULT} a.wp-zoek__link", "links => links.map(a => a.href)")
    marked = page.eval_on_selector_all(f"{DIALOG} {RESULT} mark", "marks => marks.map(m => m.textContent)")
    return count, links, sorted({word.strip(" .,;:").lower() for word in marked})


def quality(browser, server: StaticServer, site: Path) -> dict:
    ids_to_url = fragment_urls(site)
    texts = {url: indexed_text(site, url) for url in ids_to_url.values()}
    context = browser.new_context(locale="nl-NL")
    rows = []
    try:
        page = context.new_page()
        page.goto(server.url, wait_until="load")
        page.keyboard.press("/")
        page.wait_for_selector(f"{DIALOG}[open] input[type=search]:focus")
        bundle = page.get_attribute(f"{DIALOG} [data-wp-zoek]", "data-bundle")
        for query, stem, note in QUERIES:
            count, links, marked = ui_search(page, query)
            found = [ids_to_url[i] for i in page.evaluate(ALL_IDS, [bundle, query])]
            relevant = {url for url, text in texts.items() if stem in text}
            top = [urlsplit(link).path for link in links]
            rows.append(
                {
                    "query": query,
                    "stem": stem,
                    "note": note,
                    "results": count,
                    "engine_results": len(found),
                    "pages_with_stem": len(relevant),
                    "top": len(top),
                    "top_with_stem": sum(stem in indexed_text(site, url) for url in top),
                    "found_with_stem": len(relevant.intersection(found)),
                    "marked_words": marked,
                }
            )
        # The compound: pages that say `netwerkbijeenkomst` but never
        # `bijeenkomst` on its own; does a search for the part find them?
        alone = re.compile(rf"(?<![a-z]){PART}")
        compound_only = {url for url, text in texts.items() if COMPOUND in text and not alone.search(text)}
        found = {ids_to_url[i] for i in page.evaluate(ALL_IDS, [bundle, PART])}
        compound = {"pages": len(compound_only), "found_by_part": len(compound_only & found)}
    finally:
        context.close()
    return {"queries": rows, "compound": compound}


# --- report ----------------------------------------------------------------------------


def table(figures: dict) -> str:
    posts, events = figures["posts"], figures["events"]
    index, browser, q = figures["index"], figures["first_query"], figures["quality"]
    kib = lambda n: f"{n / 1024:.0f} KiB"  # noqa: E731
    groups = index["bundle_groups"]
    rows = [
        ("pages indexed", f"{index['pages_indexed']}"),
        (
            "`mkdocs build --strict` incl. Pagefind: wall time / peak memory",
            f"{figures['build_seconds']:.1f} s / {figures['build_peak_mib']:.0f} MiB",
        ),
        ("Pagefind index alone: wall time / peak memory", f"{index['index_seconds']:.1f} s / {index['index_peak_mib']:.0f} MiB"),
        ("pagefind/ folder: files / size", f"{index['bundle_files']} / {index['bundle_bytes'] / 1024 / 1024:.1f} MiB"),
        (
            "… of which index chunks / fragments",
            f"{groups.get('index', {}).get('files', 0)} ({kib(groups.get('index', {}).get('bytes', 0))}) / "
            f"{groups.get('fragment', {}).get('files', 0)} ({kib(groups.get('fragment', {}).get('bytes', 0))})",
        ),
        ("home page view, empty cache (compressed)", f"{kib(browser['view_bytes'])}, {browser['view_requests']} requests"),
        (
            f"first search `{browser['query']}` (compressed, after opening the dialog)",
            f"{kib(browser['search_bytes'])}, {browser['search_requests']} requests",
        ),
        ("page view + first search (compressed)", kib(browser["view_bytes"] + browser["search_bytes"])),
        (
            f"last keystroke → first result, median of {len(browser['ms'])} (incl. {browser['debounce_ms']} ms debounce)",
            f"{browser['median_ms']:.0f} ms ({min(browser['ms']):.0f}–{max(browser['ms']):.0f})",
        ),
    ]
    for row in q["queries"]:
        label = f"`{row['query']}` ({row['note']})"
        if row["pages_with_stem"] == 0:
            value = f"{row['results']} results; stem `{row['stem']}` is on no page of the corpus"
            if row["marked_words"]:
                value += f" (found: {', '.join(row['marked_words'])})"
        else:
            value = (
                f"{row['results']} results; top {row['top']}: {row['top_with_stem']} with `{row['stem']}`; "
                f"finds {row['found_with_stem']} of {row['pages_with_stem']} pages with it"
            )
            if row["engine_results"] > row["found_with_stem"]:
                value += f"; {row['engine_results'] - row['found_with_stem']} results without it"
        rows.append((label, value))
    rows.append((f"`{PART}` finds pages that only say `{COMPOUND}`", f"{q['compound']['found_by_part']} of {q['compound']['pages']}"))
    out = [f"| metric | {posts} posts + {events} events |", "|---|---|"]
    out += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(out)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = command_parser("bench-search", about=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--query", default="bijeenkomst")
    parser.add_argument("--keep", action="store_true", help="keep the scratch project and site (path printed)")
    return parser.parse_args(argv)


def measure(args: argparse.Namespace) -> dict:
    """Build a scratch project of the asked size, serve it, and time the first query in Chromium."""
    from playwright.sync_api import sync_playwright

    base = Path(tempfile.mkdtemp(prefix="werkplaats-search-bench-"))
    try:
        project = project_copy(base, args.posts, args.events)
        site = base / "site"
        # Bound before the build, so the site is built for its address.
        with StaticServer(site) as server:
            build_seconds, build_rss = timed(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], project, SITE_URL=server.url
            )
            index = index_figures(site, project)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    load_before = os.getloadavg()[0]
                    runs = [first_query(browser, server, args.query) for _ in range(args.runs)]
                    load_after = os.getloadavg()[0]
                    quality_figures = quality(browser, server, site)
                finally:
                    browser.close()
    finally:
        if args.keep:
            print(f"kept: {base}", file=sys.stderr)
        else:
            shutil.rmtree(base, ignore_errors=True)
    return figures_of(args, runs, build_seconds, build_rss, index, quality_figures, [load_before, load_after])


def figures_of(args, runs: list[dict], build_seconds: float, build_rss: float, index: dict, quality_figures: dict, load: list) -> dict:
    """The benchmark's figures as written to reports/, with notes on runs that disagree."""
    first = runs[0]
    early = [name for name, _ in first["view_files"] if name.startswith(BUNDLE + "/")]
    if early:
        print(f"note: the page fetched Pagefind files before the search was opened: {early}", file=sys.stderr)
    if any(run["search_bytes"] != first["search_bytes"] for run in runs):
        print("note: the first search did not fetch the same bytes in every run:", [run["search_bytes"] for run in runs], file=sys.stderr)
    return {
        "posts": args.posts,
        "events": args.events,
        "machine": f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        # Other work on the machine slows the browser timings most.
        "load_average_browser_runs": load,
        "build_seconds": build_seconds,
        "build_peak_mib": build_rss / 1024,
        "index": index,
        "first_query": {
            "query": args.query,
            "debounce_ms": int(re.search(r"DEBOUNCE_MS = (\d+)", (ROOT / "docs/assets/zoeken.js").read_text()).group(1)),
            "ms": [run["ms"] for run in runs],
            "median_ms": statistics.median(run["ms"] for run in runs),
            "longest_key_gap_ms": max(run["longest_key_gap_ms"] for run in runs),
            "view_bytes": first["view_bytes"],
            "view_requests": first["view_requests"],
            "search_bytes": first["search_bytes"],
            "search_requests": first["search_requests"],
            "search_bytes_by_kind": search_breakdown(first["search_files"]),
            "view_files": first["view_files"],
            "search_files": first["search_files"],
        },
        "quality": quality_figures,
    }


def report(figures: dict) -> Path:
    """Write the figures to reports/ and print them."""
    reports = ROOT / "reports"
    reports.mkdir(exist_ok=True)
    out = reports / f"search-bench-{figures['posts']}-{figures['events']}.json"
    out.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    load = ", ".join(f"{value:.1f}" for value in figures["load_average_browser_runs"])
    print(f"\nmachine: {figures['machine']}; load average before/after the browser runs: {load}\n")
    print(table(figures))
    print("\nhome page view, compressed bytes by file:")
    for name, size in sorted(figures["first_query"]["view_files"], key=lambda file: -file[1]):
        print(f"  {name}: {size / 1024:.1f} KiB")
    print(f"\nfirst search `{figures['first_query']['query']}`, compressed bytes by kind of file:")
    for name, group in figures["first_query"]["search_bytes_by_kind"].items():
        print(f"  {name}: {group['files']} file(s), {group['bytes'] / 1024:.1f} KiB")
    print(f"\nfigures: {out.relative_to(ROOT)}")
    return out


def main(argv: list[str] | None = None) -> int:
    report(measure(parse_args(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
