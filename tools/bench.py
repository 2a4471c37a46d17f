"""`make bench POSTS=1000 EVENTS=300`: build time, memory, page weight and
live-preview latency on a synthetic corpus, next to a stock Material blog
of the same posts built in the same run.

The stock blog is Material 9.8.1 with only the search and blog plugins and
no project hooks, built twice from our news and reports (date and
categories in front matter): once with the title in the front matter, as
this site writes it, and once with the title as the `# heading`, which
MkDocs finds by reading the Markdown.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools import first_view  # noqa: E402
from tools.corpus import write_corpus  # noqa: E402
from tools.ports import free_port  # noqa: E402
from werkplaats.core.commands import parser as command_parser  # noqa: E402

PROJECT = ("mkdocs.yml", "docs", "overrides", "hooks", "werkplaats", "schemas")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_TODAY": "2026-11-22"}


def timed(args: list[str], cwd: Path, **env) -> tuple[float, int]:
    """Wall time (s) and peak RSS (KiB) of one command."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env={**ENV, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed in {cwd}: {' '.join(args)}\n{process.stderr.read().decode()[-3000:]}")
    return elapsed, usage.ru_maxrss


def project_copy(base: Path, posts: int, events: int) -> Path:
    root = base / "project"
    root.mkdir()
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("posts", "__pycache__"))
        elif source.is_file():
            shutil.copy(source, root / name)
    if (ROOT / "node_modules").is_dir():  # Decap CMS for /admin/, used in place
        (root / "node_modules").symlink_to(ROOT / "node_modules")
    write_corpus(root / "posts", posts, events, images=min(20, posts // 50))
    return root


def stock_copy(base: Path, project: Path, title_in_front_matter: bool = False) -> Path:
    """A stock Material blog of the same news and reports: no hooks, the
    search and blog plugins. The title as this site writes it (`title:` in
    the front matter), or as a `# heading` above the text (MkDocs then finds
    it by reading the Markdown)."""
    root = base / ("stock-front-matter" if title_in_front_matter else "stock")
    target = root / "docs" / "blog" / "posts"
    target.mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "docs" / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Stock\ntheme:\n  name: material\nplugins:\n  - search\n  - blog\n", encoding="utf-8")
    for kind in ("nieuws", "verslagen"):
        for path in sorted((project / "posts" / kind).glob("*.md")):
            text = path.read_text(encoding="utf-8")
            title = re.search(r'^title: "(.*)"$', text, re.MULTILINE).group(1)
            front, body = text[4:].split("\n---\n", 1)
            front = "\n".join(line for line in front.splitlines() if line.startswith(("date:", "categories:")))
            if title_in_front_matter:
                text = f'---\ntitle: "{title}"\n{front}\n---\n{body}'
            else:
                text = f"---\n{front}\n---\n\n# {title}\n{body}"
            (target / f"{kind}-{path.name}").write_text(text, encoding="utf-8")
    return root


def pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def start_serve(project: Path, env: dict) -> tuple[subprocess.Popen, str]:
    """`mkdocs serve` of `project` on a free port, quiet; (process, base URL)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env={**env, "SITE_URL": base},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return server, base


def preview_latency(project: Path, manifest: Path) -> float:
    """Seconds from saving a post until `mkdocs serve` serves the change.

    The post saved is an old one, outside the quick preview's window of
    newest posts: the harder case (it enters the window by being saved).
    Its URL is the one the full build wrote to its manifest.
    """
    server, url = start_serve(project, ENV)
    try:
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
        published = [f for f in files if f["kind"] == "nieuws" and f["status"] == "published"]
        chosen = published[len(published) // 3]
        post = project / chosen["file"]
        _wait_for(url, lambda body: True, 600)
        marker = f"Bijgewerkt-{time.time_ns()}"
        text = post.read_text(encoding="utf-8")
        start = time.perf_counter()
        post.write_text(text.replace("\n---\n\n", f"\n---\n\n{marker} ", 1), encoding="utf-8")
        _wait_for(url + chosen["url"], lambda body: marker in body, 600)
        return time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url, accept, seconds):
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        body = _fetch(url)
        if body is not None and accept(body):
            return body
        time.sleep(0.1)
    raise SystemExit(f"timed out waiting for {url}")


def main() -> int:
    parser = command_parser("bench", about=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--no-stock", action="store_true")
    parser.add_argument("--no-preview", action="store_true")
    # Zensical is not a dependency (handbook/generators-and-material-eol.md): point at one to measure it.
    parser.add_argument("--zensical", default=os.environ.get("ZENSICAL", ""), help="a zensical executable, to build the export with it too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="werkplaats-bench-") as tmp:
        base = Path(tmp)
        project = project_copy(base, args.posts, args.events)
        check_time, _ = timed([sys.executable, "-m", "werkplaats.editing.check"], project)
        ours_time, ours_rss = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(base / "site")], project)
        site = base / "site"
        rows = [("ours", args.posts, args.events, pages(site), ours_time, ours_rss)]
        if not args.no_stock:
            # What hooks/speed.py saves: the same build without it.
            plain_time, plain_rss = timed(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(base / "plain-site")],
                project,
                WERKPLAATS_NO_SPEEDUPS="1",
            )
            rows.append(("ours without hooks/speed.py", args.posts, args.events, pages(base / "plain-site"), plain_time, plain_rss))
            for in_front_matter, name in ((True, "stock Material blog, title: in front matter"), (False, "stock Material blog, # title")):
                stock = stock_copy(base, project, in_front_matter)
                stock_time, stock_rss = timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(stock / "site")], stock)
                rows.append((name, args.posts, 0, pages(stock / "site"), stock_time, stock_rss))
        # The path without hooks: the export, built by plain MkDocs and by Zensical.
        export = base / "export"
        export_time, export_rss = timed([sys.executable, "-m", "werkplaats.site.export", str(export), "--root", str(project)], project)
        rows.append(("python -m werkplaats.site.export", args.posts, args.events, 0, export_time, export_rss))
        plain_time, plain_rss = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(base / "export-site")], export)
        rows.append(("export, built by MkDocs without hooks", args.posts, args.events, pages(base / "export-site"), plain_time, plain_rss))
        if args.zensical:
            zensical_time, zensical_rss = timed([args.zensical, "build", "--strict", "--clean"], export)
            rows.append(("export, built by Zensical", args.posts, args.events, pages(export / "site"), zensical_time, zensical_rss))
        print(f"\nmachine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}\n")
        print("| build | posts | events | pages written | wall time (s) | peak memory (MiB) | pages/s |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, posts, events, count, seconds, rss in rows:
            print(
                f"| {name} | {posts} | {events} | {count or '-'} | {seconds:.1f} | {rss / 1024:.0f} | {count / seconds if count else 0:.0f} |"
            )
        for name, _, _, _, seconds, _ in rows:
            if name.startswith("stock"):
                print(f"\n{name} / ours (wall time): {seconds / ours_time:.2f}", end="")
        print()
        print(f"make check: {check_time:.2f} s")
        # Pagefind's index is split into fragments fetched per query; what a
        # first query costs is measured by `make bench-search`.
        bundle = [f for f in (site / "pagefind").rglob("*") if f.is_file()]
        print(f"search index (pagefind/): {len(bundle)} files, {sum(f.stat().st_size for f in bundle) / 1024:.0f} KiB on disk")
        # A first view in Chromium at phone size, served with gzip as Pages does
        # (tools/first_view.py; the budget is tested in tests/test_light_pages.py).
        print("\nfirst view on the wire (HTML, CSS, JavaScript, images of the first screen):")
        first_view.main([str(site)])
        if not args.no_preview:
            print(f"live preview (save an old post -> served): {preview_latency(project, Path(f'{site}.manifest.json')):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
