"""`make content-check`: the pull-request check for a change to posts/ only.

Four steps, on the project in the current directory:

1. `python -m werkplaats.editing.check --base <merge base>` (all of posts/, as
   `make check`, and no public address of the base disappears);
2. `mkdocs build --strict` into a temporary folder, for the public address
   (SITE_URL, else site_url in mkdocs.yml), nested under its base path so
   the built pages can be served as they will be published;
3. every link on the changed pages resolves to a built file, #fragments
   included (werkplaats.quality.site_checks, as `make test`);
4. axe (the tags of werkplaats.site.quality_checks.AXE_TAGS: WCAG 2.0 and 2.1
   A and AA, 2.2 AA) in Chromium on the changed pages (the axe run of
   werkplaats.quality.site_checks, as `make test`; Chromium from CHROMIUM,
   tools/chromium.py).

The steps are `STEPS`; those whose key is a check of
werkplaats/site/quality_checks.py (links, axe) are what the accessibility
statement says this check runs (tests/test_accessibility.py).

"Changed" is what `git diff` shows against the merge base of BASE and HEAD,
plus uncommitted and new files, so it works the same on a pull request in
CI and on an editor's own checkout. BASE: `--base`, else CONTENT_CHECK_BASE,
else origin/main, else main (werkplaats.content.git_ref.default_base, as `make check`). Changed files map to pages through the build's
manifest (`<site_dir>.manifest.json`, hooks/posts.py); an image or PDF maps
to the posts that name it.

Every problem is printed as `posts/...:line: message` (in GitHub Actions
also as an `::error file=...,line=...::` annotation on the editor's file).
With GITHUB_STEP_SUMMARY set, a Dutch summary in Markdown goes there: the
steps, the changed pages with their public addresses, and the overview
pages and feeds that change with them. Without it, it is printed.

Exit status 0: all in order; 1: problems found; 2: no usable git base.

    python tools/content_check.py [--base REF] [--site-dir DIR]
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

TOOL_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOOL_ROOT))

from werkplaats.content import git_ref  # noqa: E402
from werkplaats.core.commands import parser as command_parser  # noqa: E402
from werkplaats.core.messages import count_of  # noqa: E402
from werkplaats.core.settings import read_config  # noqa: E402
from werkplaats.editing import admin  # noqa: E402
from werkplaats.editing.check import annotation  # noqa: E402
from werkplaats.theme import theme_assets  # noqa: E402

POST_LINE = re.compile(r"^(?P<path>posts/[^:\n]+):(?P<line>\d+): (?P<message>.+)$", re.MULTILINE)
MKDOCS_LOG = re.compile(r"^(?P<level>WARNING|ERROR)\s+-\s+(?P<message>.+)$")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class BaseError(Exception):
    pass


@dataclass(frozen=True)
class Problem:
    path: str  # posts/... (or another project file); "" when no file is known
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.path else self.message


@dataclass
class Step:
    name: str
    done: bool = False
    ok: bool = True
    detail: str = "niet uitgevoerd"
    seconds: float = 0.0


@dataclass
class Page:
    """A changed file in posts/ and what it means for the site."""

    file: str
    status: str  # the manifest's published, draft, scheduled; or deleted, media (an image or PDF), other
    url: str | None = None  # site-relative
    title: str = ""
    via: str = ""  # for a post that changes because an image or PDF it names changed

    @property
    def on_site(self) -> bool:
        return self.url is not None


@dataclass
class Result:
    base: str
    changed: list[str]
    steps: list[Step]
    problems: list[Problem] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    related: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, name, site-relative URL)
    site_url: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems and all(step.ok for step in self.steps)


# --- git ------------------------------------------------------------------------


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        raise BaseError(f"git {' '.join(args)} mislukte: {result.stderr.strip()}")
    return result.stdout


def merge_base(root: Path, base: str | None) -> tuple[str, str]:
    """(the base as named, the commit changes are counted from)."""
    name = base or git_ref.default_base(root)
    if not name or not git_ref.commit_of(root, name):
        raise BaseError(
            f"geen basis gevonden om mee te vergelijken ({base or ' of '.join(git_ref.DEFAULT_BASES)}); "
            "geef er een met --base, CONTENT_CHECK_BASE of `make content-check BASE=...`"
        )
    return name, git(root, "merge-base", name, "HEAD").strip()


def changed_files(root: Path, commit: str) -> list[str]:
    """Files that differ from `commit`: committed, uncommitted and new ones."""
    tracked = git(root, "diff", "--name-only", "--relative", "-z", commit).split("\0")
    new = git(root, "ls-files", "--others", "--exclude-standard", "-z").split("\0")
    return sorted({name for name in tracked + new if name})


# --- the steps ------------------------------------------------------------------


def site_address(root: Path) -> str:
    """The public address: SITE_URL, else the default of site_url in mkdocs.yml."""
    value = os.environ.get("SITE_URL") or read_config(root).get("site_url", "")
    if isinstance(value, list):  # !ENV [SITE_URL, default]
        value = value[-1]
    return value.rstrip("/") + "/"


def run_check(root: Path, base: str) -> tuple[bool, list[Problem], str]:
    result = subprocess.run([sys.executable, "-m", "werkplaats.editing.check", "--base", base], cwd=root, capture_output=True, text=True)
    output = result.stdout + result.stderr
    problems = [Problem(m["path"], int(m["line"]), m["message"]) for m in POST_LINE.finditer(output)]
    return result.returncode == 0, problems, output


def run_build(root: Path, site_dir: Path, site_url: str) -> tuple[bool, list[Problem], str]:
    # Without /admin/ and with Material's CSS whole: the CMS's bundle and
    # PurgeCSS come from npm, and this check runs without Node
    # (.github/workflows/check.yml); a post cannot change either.
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", admin.SWITCH_ENV: "0", theme_assets.SWITCH: "0"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)], cwd=root, env=env, capture_output=True, text=True
    )
    output = ANSI.sub("", result.stdout + result.stderr)
    if result.returncode == 0:
        return True, [], output
    return False, build_problems(output) or [Problem("", 0, "mkdocs build --strict mislukte; zie de uitvoer hierboven")], output


def build_problems(output: str) -> list[Problem]:
    """The build's complaints, on the file and line they are about."""
    problems = [Problem(m["path"], int(m["line"]), m["message"]) for m in POST_LINE.finditer(output)]
    for line in output.splitlines():
        logged = MKDOCS_LOG.match(line.strip())
        if not logged or POST_LINE.search(logged["message"]) or logged["message"].rstrip().endswith(":"):
            continue
        # A warning about a post is already `posts/...:line:` (hooks/messages.py).
        problems.append(Problem("", 0, f"de bouw meldt: {logged['message']}"))
    return list(dict.fromkeys(problems))


def line_of(source: Path, href: str) -> int:
    """The line of the source file where a link is written, else 1.

    A link to a file (`../verslagen/x.md`) is an address in the HTML, so
    after the link as written the last part of its path is looked for.
    """
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    parts = urlsplit(href)
    name = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    candidates = [href, unquote(href)]
    if name and name not in ("..", "."):
        candidates.append(name)
    if parts.fragment:
        candidates.append(f"#{parts.fragment}")
    for candidate in candidates:
        for number, text in enumerate(lines, 1):
            if candidate in text:
                return number
    return 1


def read_pages(root: Path, site_dir: Path, changed: list[str], site_name: str) -> list[Page]:
    """The changed files in posts/ as pages, from the build's manifest."""
    manifest = json.loads(Path(f"{site_dir}.manifest.json").read_text(encoding="utf-8"))
    entries = {item["file"]: item for item in manifest["files"]}
    pages: dict[str, Page] = {}
    for name in changed:
        if not name.startswith("posts/"):
            continue
        if name in entries:
            item = entries[name]
            pages[name] = Page(name, item["status"], item["url"])
        elif not (root / name).exists():
            pages[name] = Page(name, "deleted")
        elif name.endswith(".md"):
            pages[name] = Page(name, "other")  # in posts/ but not a post (a README, say)
        else:
            pages[name] = Page(name, "media")
            # The posts that name this image or PDF change with it.
            for file, item in entries.items():
                if file not in pages and Path(name).name in (root / file).read_text(encoding="utf-8"):
                    pages[file] = Page(file, item["status"], item["url"], via=name)
    for page in pages.values():
        if page.url:
            page.title = page_title(site_dir / page.url / "index.html", site_name)
    return list(pages.values())


def page_title(path: Path, site_name: str) -> str:
    from bs4 import BeautifulSoup

    title = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").title
    text = title.get_text(strip=True) if title else ""
    for separator in (" - ", " – "):
        if site_name and text.endswith(separator + site_name):
            return text[: -len(separator + site_name)]
    return text


def check_links(root: Path, site_dir: Path, site_url: str, pages: list[Page]) -> tuple[list[Problem], int]:
    """Every link on the changed pages, resolved against the built site."""
    from werkplaats.quality.site_checks import LinkChecker, links_in_html, soup

    checker = LinkChecker(site_dir, site_url)
    problems, count = [], 0
    for page in pages:
        if not page.on_site:
            continue
        here = site_url + page.url
        for href in links_in_html(soup(site_dir / page.url / "index.html")):
            count += 1
            if found := checker.problem(urljoin(here, href), page.url):
                problems.append(Problem(page.file, line_of(root / page.file, href), f"kapotte link: {found.removeprefix(page.url + ': ')}"))
    return list(dict.fromkeys(problems)), count


def check_accessibility(site_dir: Path, www: Path, site_url: str, pages: list[Page]) -> list[Problem]:
    """axe on each changed page, served locally as it will be published."""
    from tools.chromium import CHROMIUM, CHROMIUM_ARGS
    from tools.static_server import StaticServer
    from werkplaats.quality.site_checks import axe_violations

    on_site = [page for page in pages if page.on_site]
    if not on_site:
        return []
    if not CHROMIUM.exists():
        return [Problem("", 0, f"Chromium ontbreekt ({CHROMIUM}): zet CHROMIUM op het pad van Chromium of Google Chrome")]
    from playwright.sync_api import sync_playwright

    base_path = urlsplit(site_url).path
    problems = []
    with StaticServer(www) as server, sync_playwright() as playwright:
        local = server.url.rstrip("/") + base_path
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
            # Only the local server: the public address (canonical, feeds) is not fetched.
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server.url) else route.abort())
            for page in on_site:
                tab = context.new_page()
                response = tab.goto(local + page.url, wait_until="load")
                if response is None or response.status != 200:
                    problems.append(Problem(page.file, 1, f"{site_url}{page.url} laadt niet in de browser"))
                for violation in axe_violations(tab):
                    # "rule (impact): help" and the first element it is about, not axe's whole advice.
                    rule, _, nodes = violation.partition("\n")
                    where = nodes.strip().split(": Fix", 1)[0]
                    problems.append(
                        Problem(page.file, 1, f"toegankelijkheid (axe) op {site_url}{page.url}: {rule}" + (f" [{where}]" if where else ""))
                    )
                tab.close()
        finally:
            browser.close()
    return problems


# The kinds of page that change with a changed post, in the summary's order.
OVERVIEW, REFERENCE, FEED = "overzicht", "verwijst ernaar", "abonnement"


def related_pages(site_dir: Path, site_url: str, pages: list[Page], site_name: str) -> list[tuple[str, str, str]]:
    """(kind, name, URL) of the overview pages, other posts and events,
    feeds and calendars that list or link to a changed page."""
    from werkplaats.quality.site_checks import links_in_html, soup

    targets = {page.url for page in pages if page.on_site}
    if not targets:
        return []
    manifest = json.loads(Path(f"{site_dir}.manifest.json").read_text(encoding="utf-8"))
    entries = {item["url"] for item in manifest["files"] if item["url"]}
    slugs = {url.rstrip("/").rsplit("/", 1)[-1] for url in targets}
    found: list[tuple[str, str, str]] = []
    for path in sorted(site_dir.rglob("*.html")):
        url = path.relative_to(site_dir).as_posix().removesuffix("index.html")
        if url in targets or url == "404.html" or not any(slug in path.read_text(encoding="utf-8") for slug in slugs):
            continue
        here = site_url + url
        linked = {urljoin(here, href).split("#")[0].removeprefix(site_url) for href in links_in_html(soup(path))}
        if linked & targets:
            found.append((REFERENCE if url in entries else OVERVIEW, page_title(path, site_name) if url else "Homepagina", url))
    # Feeds and calendars hold absolute addresses (calendar lines folded at 75 octets).
    absolute = [site_url + url for url in targets]
    feeds = {"feed.xml": "RSS-feed", "feed.json": "JSON-feed"}
    for path in [site_dir / name for name in feeds] + sorted(site_dir.rglob("*.ics")):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8").replace("\r\n ", "").replace("\n ", "")
        if any(address in text for address in absolute):
            rel = path.relative_to(site_dir).as_posix()
            name = feeds.get(rel) or (
                "Agenda-abonnement (iCalendar)" if path.parent == site_dir / "agenda" else "Agendabestand (iCalendar)"
            )
            found.append((FEED, name, rel))
    order = [OVERVIEW, REFERENCE, FEED]
    return sorted(found, key=lambda item: order.index(item[0]))


# --- the whole check -------------------------------------------------------------

# The steps, in order: key (for the links and axe: the check's id in
# werkplaats/site/quality_checks.py) -> name in the summary.
STEPS = {
    "check": "Controle van posts/ (make check)",
    "build": "Strikte bouw (mkdocs build --strict)",
    "links": "Links op de gewijzigde pagina's",
    "axe": "Toegankelijkheid (axe in Chromium)",
}


def content_check(root: Path, base: str | None, www: Path) -> Result:
    base_name, commit = merge_base(root, base)
    changed = changed_files(root, commit)
    site_url = site_address(root)
    site_name = read_config(root).get("site_name", "")
    steps = {key: Step(name) for key, name in STEPS.items()}
    result = Result(base_name, changed, list(steps.values()), site_url=site_url)

    def timed(key: str, action):
        step, start = steps[key], time.monotonic()
        try:
            return action()
        finally:
            step.done, step.seconds = True, time.monotonic() - start

    ok, problems, output = timed("check", lambda: run_check(root, commit))
    print(output, end="")  # the check prints its own annotations in GitHub Actions
    steps["check"].ok = ok
    steps["check"].detail = "in orde" if ok else count_of(len(problems), "fout", "fouten") if problems else "mislukt"
    result.problems += problems
    if not ok:
        return result  # the build would stop on the same problems

    # Nested under the base path (/site/): served from www, the pages are where they will be.
    base_path = urlsplit(site_url).path.strip("/")
    site_dir = www / base_path if base_path else www
    ok, problems, output = timed("build", lambda: run_build(root, site_dir, site_url))
    steps["build"].ok, steps["build"].detail = ok, "in orde" if ok else "mislukt"
    if not ok:
        print(output, end="")
    report(problems)
    result.problems += problems
    if not ok:
        return result

    result.pages = read_pages(root, site_dir, changed, site_name)
    on_site = [page for page in result.pages if page.on_site]
    problems, count = timed("links", lambda: check_links(root, site_dir, site_url, result.pages))
    steps["links"].ok = not problems
    steps["links"].detail = count_of(count, "link", "links") + ", " + (f"{len(problems)} kapot" if problems else "in orde")
    report(problems)
    result.problems += problems

    problems = timed("axe", lambda: check_accessibility(site_dir, www, site_url, result.pages))
    steps["axe"].ok = not problems
    steps["axe"].detail = (
        count_of(len(on_site), "pagina", "pagina's") + ", " + (count_of(len(problems), "probleem", "problemen") if problems else "in orde")
    )
    report(problems)
    result.problems += problems

    result.related = related_pages(site_dir, site_url, result.pages, site_name)
    return result


def report(problems: list[Problem]) -> None:
    """Print problems like `make check`, with annotations in GitHub Actions."""
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem)
        if in_actions:
            # No file (Chromium missing, a build error without one): an annotation on the run.
            print(annotation(problem) if problem.path else "::error::" + escape(problem.message))


def escape(message: str) -> str:
    """A workflow command's message on one line."""
    return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


# --- the summary ------------------------------------------------------------------

STATUS = {
    "published": "gepubliceerd",
    "draft": "concept: niet op de site",
    "scheduled": "gepland: verschijnt op de datum van het bericht",
    "deleted": "verwijderd: de pagina verdwijnt",
    "media": "afbeelding of bijlage",
    "other": "geen pagina van de site",
}


def seconds(value: float) -> str:
    return f"{value:.1f} s".replace(".", ",")


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def summary(result: Result) -> str:
    """The job summary in Dutch (GitHub Markdown)."""
    lines = [f"## Inhoudscontrole: {'in orde' if result.ok else 'niet in orde'}", ""]
    posts = [name for name in result.changed if name.startswith("posts/")]
    others = [name for name in result.changed if not name.startswith("posts/")]
    lines.append(f"Vergeleken met `{result.base}`: {count_of(len(posts), 'bestand', 'bestanden')} in posts/ gewijzigd.")
    if others:
        lines.append(
            f"Let op: ook {count_of(len(others), 'ander bestand', 'andere bestanden')} gewijzigd; "
            "daarvoor is de volledige controle nodig (`make check`, `make test`, `make build`)."
        )
    lines += ["", "| Stap | Uitslag | Tijd |", "| --- | --- | --- |"]
    for step in result.steps:
        lines.append(f"| {step.name} | {step.detail} | {seconds(step.seconds) if step.done else '–'} |")
    if result.problems:
        lines += ["", "### Wat er mis is", ""]
        lines += [f"- `{p.path}`, regel {p.line}: {cell(p.message)}" if p.path else f"- {cell(p.message)}" for p in result.problems]
    if result.pages:
        lines += ["", "### Pagina's die veranderen", "", "| Bestand | Pagina | Adres |", "| --- | --- | --- |"]
        for page in result.pages:
            what = cell(page.title) if page.title else STATUS.get(page.status, page.status)
            if page.via:
                what += f" (gebruikt `{page.via}`)"
            address = f"<{result.site_url}{page.url}>" if page.on_site else "–"
            lines.append(f"| `{page.file}` | {what} | {address} |")
    if result.related:
        lines += ["", "### Pagina's die daardoor ook veranderen", ""]
        lines += ["| Soort | Pagina | Adres |", "| --- | --- | --- |"]
        lines += [f"| {kind} | {cell(name)} | <{result.site_url}{url}> |" for kind, name, url in result.related]
    elif any(page.on_site for page in result.pages):
        lines += ["", "Geen andere pagina's veranderen mee."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("content-check", about=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--base",
        default=os.environ.get("CONTENT_CHECK_BASE") or None,
        help="git ref to compare with (default: CONTENT_CHECK_BASE, origin/main, main)",
    )
    parser.add_argument("--site-dir", type=Path, help="build here and keep it (default: a temporary folder)")
    args = parser.parse_args(argv)
    root = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="inhoudscontrole-") as temp:
        www = args.site_dir.resolve() if args.site_dir else Path(temp)
        try:
            result = content_check(root, args.base, www)
        except BaseError as error:
            print(f"make content-check: {error}", file=sys.stderr)
            return 2
    text = summary(result)
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(text)
    else:
        print("\n" + text, end="")
    print("Tijd: " + ", ".join(f"{step.name.split(' (')[0].lower()} {seconds(step.seconds)}" for step in result.steps if step.done))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
