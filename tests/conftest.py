"""Shared fixtures and helpers.

- `site_build(today)`: the site of the project under test, built with the
  real `mkdocs build --strict` once per SITE_TODAY per session; `site` is the
  build for PROJECT_TODAY (today, fixed for the session). The project under test is the repository itself, or the
  copy named by WERKPLAATS_TEST_PROJECT (tests/test_content_lives.py), so
  tests of it may only check invariants: `site_state(today)` and
  `site_posts()` are the model's view of its posts/, `manifest(site)` what
  the build says it published.
- `varied_build(today)`: a project with made-up content of every kind
  (tests/varied.py), built once per SITE_TODAY per session, for behaviour
  tests that compare against known facts. Tests that use it, `project` or
  `repo` get the marker `fixture_project`.
- `page(site, "nieuws/")`: a built page parsed with BeautifulSoup (lxml).
- `repo`: a throwaway project root (settings + empty posts/) for unit tests
  of the content model; `project`: a fuller copy that can also be built
  or served (`with project.serve(today) as base:`), polled with `wait_for`.
- small readers for built output: listings, link targets, the real posts.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from tools.ports import free_port
from werkplaats.content.model import ContentError, load_all, read_entry
from werkplaats.core.settings import load_settings, read_config
from werkplaats.site.build import Build, start_build

ROOT = Path(__file__).resolve().parent.parent
# The project whose content the site-level tests check (see the docstring).
PROJECT = Path(os.environ.get("WERKPLAATS_TEST_PROJECT") or ROOT).resolve()
TODAY = "2026-11-22"
# The day the project under test is built and read on, fixed for the session.
# Its content is valid on the day `make check` runs and on every later day
# (make check checks each day the site changes), not on a day in the past:
# an editor's new event may link to last week's report, which on TODAY was
# not yet published. So the real project is built for today in Amsterdam,
# or for TODAY when that is later. Fixture projects keep TODAY.
PROJECT_TODAY = max(TODAY, dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date().isoformat())
# package.json and its lock belong to the code base: the accessibility statement
# names the check tools' versions from the lock (werkplaats/site/quality_checks.py).
PROJECT_FILES = ("mkdocs.yml", "Makefile", "requirements.txt", "package.json", "package-lock.json")
PROJECT_DIRS = ("docs", "overrides", "hooks", "schemas", "werkplaats")


# --- building -----------------------------------------------------------------


class BuildFailed(Exception):
    pass


# The generator of every test build: `mkdocs`, or `properdocs` (MkDocs 1.x
# continued; `make test-site GENERATOR=properdocs` runs the site tests with it).
GENERATOR = os.environ.get("WERKPLAATS_GENERATOR", "mkdocs")


def run_mkdocs(root: Path, out: Path, today: str, *, generator: str = "", **env) -> Path:
    """Run the real `mkdocs build --strict` (or the same with ProperDocs);
    raise BuildFailed with its output."""
    generator = generator or GENERATOR
    environment = {**os.environ, "SITE_TODAY": today, "NO_MKDOCS_2_WARNING": "1"}
    # The build must not depend on the caller's shell: the default site_url
    # from mkdocs.yml, dates from SITE_TODAY only.
    environment.pop("SITE_URL", None)
    environment.pop("SOURCE_DATE_EPOCH", None)
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-m", generator, "build", "--strict", "-d", str(out)],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BuildFailed(
            f"{generator} build --strict failed (SITE_TODAY={today}, exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return out


def mkdocs_build(root: Path, out: Path, today: str, **env) -> Path:
    """Build, failing the current test with MkDocs' output if the build fails."""
    try:
        return run_mkdocs(root, out, today, **env)
    except BuildFailed as error:
        pytest.fail(str(error), pytrace=False)


@contextlib.contextmanager
def served_build(root: Path, workdir: Path, today: str = TODAY):
    """ROOT's site built into WORKDIR/site/ and served from WORKDIR, so it
    lives under /site/ as a GitHub project site does: (built dir, base URL)."""
    from tools.static_server import StaticServer

    server = StaticServer(workdir)
    url = server.url + "site/"
    mkdocs_build(root, workdir / "site", today, SITE_URL=url)
    server.start()
    try:
        yield workdir / "site", url
    finally:
        server.stop()


def session_builds(root: Path, tmp_path_factory, name: str, default_today: str = TODAY):
    """build(today, **env) -> Path: `root` built once per day and environment.

    A failed build is remembered too, so every test that needs it fails with
    the same MkDocs output without rebuilding.
    """
    built: dict[tuple, Path | BuildFailed] = {}

    def build(today: str = default_today, **env) -> Path:
        key = (today, *sorted(env.items()))
        if key not in built:
            try:
                built[key] = run_mkdocs(root, tmp_path_factory.mktemp(f"{name}-{today}"), today, **env)
            except BuildFailed as error:
                built[key] = error
        result = built[key]
        if isinstance(result, BuildFailed):
            pytest.fail(str(result), pytrace=False)
        return result

    return build


@pytest.fixture(scope="session")
def site_build(tmp_path_factory):
    """site_build("2017-06-01") -> Path of the project under test built for that day."""
    return session_builds(PROJECT, tmp_path_factory, "site", PROJECT_TODAY)


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    return site_build(PROJECT_TODAY)


# --- reading the built site -----------------------------------------------------


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def page(site: Path, url: str) -> BeautifulSoup:
    """The built page at a site-relative directory URL ('' for the home page)."""
    return soup_of(site / url / "index.html")


def html_files(site: Path) -> list[Path]:
    """The site's pages: every HTML file but the CMS at /admin/, which is an
    application with a page of its own (tests/test_admin.py)."""
    return sorted(path for path in site.rglob("*.html") if path.relative_to(site).parts[0] != "admin")


def url_of(site: Path, file: Path) -> str:
    """Site-relative URL of a built HTML file: 'nieuws/', '', '404.html'."""
    rel = file.relative_to(site).as_posix()
    if rel == "index.html":
        return ""
    return rel[: -len("index.html")] if rel.endswith("/index.html") else rel


@functools.cache
def mkdocs_config() -> dict:
    """mkdocs.yml as plain data (MkDocs' own tags read as plain values)."""
    return read_config(PROJECT)


def site_url() -> str:
    """The public address the test builds use (SITE_URL is removed from their environment)."""
    value = mkdocs_config()["site_url"]
    return value[1] if isinstance(value, list) else value  # !ENV [SITE_URL, default]


def blog_option(name: str):
    for plugin in mkdocs_config()["plugins"]:
        if isinstance(plugin, dict) and "blog" in plugin:
            return plugin["blog"][name]
    raise KeyError(name)


def is_external(url: str) -> bool:
    """Absolute http(s) or protocol-relative: would make the browser ask another host."""
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") or url.strip().startswith("//")


def target(site: Path, page_url: str, href: str) -> Path | None:
    """The built file a link on the page at `page_url` points to.

    None when the link leaves the site (another host, or a path above the
    site's base path). Directory URLs map to their index.html.
    """
    base = site_url()
    absolute = urljoin(urljoin(base, page_url), href.strip())
    parts, home = urlsplit(absolute), urlsplit(base)
    if (parts.scheme, parts.netloc) != (home.scheme, home.netloc) or not parts.path.startswith(home.path):
        return None
    rel = unquote(parts.path[len(home.path) :])
    if rel.startswith("/") or ".." in rel.split("/"):
        return None
    path = site / rel
    return path / "index.html" if rel == "" or rel.endswith("/") else path


def site_path(site: Path, page_url: str, href: str) -> str:
    """Like `target`, as a site-relative URL ('nieuws/2018/10/30/x/')."""
    path = target(site, page_url, href)
    assert path is not None, f"{href!r} on {page_url!r} leaves the site"
    return url_of(site, path)


def listed_posts(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """(title, href) of the posts on a Material blog listing (index, archive, category)."""
    return [(a.get_text(" ", strip=True), a["href"]) for a in soup.select("article.md-post h2 a[href]")]


def news_index(site: Path) -> list[tuple[str, str]]:
    """(title, site-relative URL) of every post on the news index, all pages, in order."""
    blog = blog_option("blog_dir")
    pages = [f"{blog}/"]
    pattern = blog_option("pagination_url_format").replace("{page}", "*")
    numbered = sorted(site.glob(f"{blog}/{pattern}/index.html"), key=lambda p: int(p.parent.name))
    pages += [url_of(site, p) for p in numbered]
    return [(title, site_path(site, url, href)) for url in pages for title, href in listed_posts(page(site, url))]


def text_of(node) -> str:
    return " ".join(node.get_text(" ").split())


# --- the content of the project under test -------------------------------------


@functools.cache
def site_state(today: str = PROJECT_TODAY) -> Build:
    """The model's view of the project under test on `today`: what its build publishes."""
    return start_build(PROJECT, environ={"SITE_TODAY": today})


def site_posts(today: str = PROJECT_TODAY) -> tuple:
    """The news items and reports the build of `today` publishes, oldest first."""
    return tuple(sorted(site_state(today).posts, key=lambda e: (e.date, e.title)))


def real_posts() -> tuple:
    """site_posts() on TODAY (the older name)."""
    return site_posts()


def manifest(site: Path) -> dict:
    """The manifest hooks/posts.py writes beside the site: file -> {kind, status, url}."""
    data = json.loads(Path(f"{site}.manifest.json").read_text(encoding="utf-8"))
    return {item["file"]: item for item in data["files"]}


# --- throwaway projects -----------------------------------------------------------


class Repo:
    """A minimal project root for unit tests of the content model: the real
    mkdocs.yml and authors file, and empty posts/{nieuws,verslagen,agenda}."""

    def __init__(self, root: Path):
        self.root = root
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
        (root / "docs" / "nieuws").mkdir(parents=True)
        shutil.copy(ROOT / "docs" / "nieuws" / ".authors.yml", root / "docs" / "nieuws" / ".authors.yml")
        for kind in ("nieuws", "verslagen", "agenda"):
            (root / "posts" / kind).mkdir(parents=True)

    @property
    def settings(self):
        return load_settings(self.root)

    def write(self, rel: str, text: str | bytes) -> Path:
        """Write posts/<rel> (text as UTF-8, bytes as they are)."""
        path = self.root / "posts" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
        return path

    def read(self, rel: str, text: str | bytes | None = None):
        """read_entry() of posts/<rel>, writing it first when text is given."""
        path = self.write(rel, text) if text is not None else self.root / "posts" / rel
        return read_entry(path, self.settings)

    def problems(self) -> list:
        """What load_all() (make check without today) finds in all of posts/."""
        try:
            load_all(self.settings)
        except ContentError as error:
            return error.problems
        return []


@pytest.fixture
def repo(tmp_path) -> Repo:
    return Repo(tmp_path)


class Project(Repo):
    """A copy of the whole project (docs, theme, hooks, package) with its own,
    empty posts/, that can be built with the real MkDocs."""

    def __init__(self, root: Path):
        self.root = root
        for name in PROJECT_DIRS:
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("posts", "__pycache__"))
        for name in PROJECT_FILES:
            shutil.copy(ROOT / name, root / name)
        # The npm packages (Decap CMS for /admin/) are used in place, not copied.
        if (ROOT / "node_modules").is_dir():
            (root / "node_modules").symlink_to(ROOT / "node_modules")
        for kind in ("nieuws", "verslagen", "agenda"):
            (root / "posts" / kind).mkdir(parents=True)
        self._builds = 0

    def build(self, today: str, **env) -> Path:
        self._builds += 1
        return mkdocs_build(self.root, self.root.parent / f"site-{self._builds}", today, **env)

    @contextlib.contextmanager
    def serve(self, today: str, log: Path | None = None):
        """`mkdocs serve` (live reload and all) on a free port; yields its base URL.

        With `log`, MkDocs' output goes to that file; `self.server` is the process.
        """
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        env = {**os.environ, "SITE_TODAY": today, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": base}
        output = open(log, "w", encoding="utf-8") if log else subprocess.DEVNULL
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=self.root, env=env, stdout=output, stderr=output
        )
        self.server = server
        try:
            yield base
        finally:
            server.terminate()
            server.wait(timeout=30)
            if log:
                output.close()


def fetch(url: str) -> tuple[int, str]:
    """(HTTP status, body); status 0 when nothing answers yet."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def wait_for(url: str, accept=lambda status, body: status == 200, seconds: float = 90) -> str:
    """Poll url until accept(status, body); returns the body."""
    deadline = time.monotonic() + seconds
    while True:
        status, body = fetch(url)
        if accept(status, body):
            return body
        if time.monotonic() > deadline:
            raise AssertionError(f"{url}: not as expected after {seconds} s (last status {status})")
        time.sleep(0.2)


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path / "project")


@pytest.fixture(scope="session")
def varied_project(tmp_path_factory) -> Project:
    """A project holding tests/varied.py's content (write nothing into it)."""
    from varied import write_varied

    project = Project(tmp_path_factory.mktemp("varied") / "project")
    write_varied(project)
    return project


@pytest.fixture(scope="session")
def varied_build(varied_project, tmp_path_factory):
    """varied_build(today, **env) -> Path of the varied project built for that day."""
    return session_builds(varied_project.root, tmp_path_factory, "varied")


# Tests with a project of their own check behaviour on content they know;
# with WERKPLAATS_TEST_PROJECT set they are not about that project.
FIXTURE_PROJECTS = {"repo", "project", "varied_project", "varied_build"}


def pytest_configure(config):
    config.addinivalue_line("markers", "fixture_project: builds or reads a project the test writes, not the project under test")


# Markers (pyproject.toml): `browser` drives Chromium, `site` builds a site,
# `unit` is everything else, run by `make unit` in seconds. A test is put in
# a class by the fixtures it uses; a test that builds without one of them
# carries @pytest.mark.site itself.
BROWSER_FIXTURES = {"browser", "open_page", "sites", "session", "cms"}
SITE_FIXTURES = {
    "site",
    "site_build",
    "varied_build",
    "builds",
    "pairs",
    "both",
    "project",
    "varied_project",
    "aliased_site",
    "photo_site",
    "search_site",
    "hostile",
    "good_change",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if FIXTURE_PROJECTS & fixtures:
            item.add_marker(pytest.mark.fixture_project)
        marked = {mark.name for mark in item.iter_markers()}
        if "browser" in marked or "site" in marked:
            continue
        if BROWSER_FIXTURES & fixtures:
            item.add_marker(pytest.mark.browser)
        elif SITE_FIXTURES & fixtures:
            item.add_marker(pytest.mark.site)
        else:
            item.add_marker(pytest.mark.unit)


# One Chromium for the whole session, shared by every browser test: Playwright's
# sync API allows one running instance per process.
@pytest.fixture(scope="session")
def browser():
    from sitecheck import CHROMIUM, CHROMIUM_ARGS, need_chromium

    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Debian's Chromium; Playwright never downloads a browser.
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# --- throwaway git repositories -----------------------------------------------------

# Commits in throwaway repositories: no user configuration, a fixed identity.
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Redactie",
    "GIT_AUTHOR_EMAIL": "redactie@example.org",
    "GIT_COMMITTER_NAME": "Redactie",
    "GIT_COMMITTER_EMAIL": "redactie@example.org",
}


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=root, env={**os.environ, **GIT_ENV}, capture_output=True, text=True)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


def on_a_branch(project: Repo) -> Repo:
    """Commit the project as main (with the real .gitignore and Makefile), continue on a branch."""
    shutil.copy(ROOT / ".gitignore", project.root / ".gitignore")
    shutil.copy(ROOT / "Makefile", project.root / "Makefile")
    git(project.root, "init", "-q", "-b", "main")
    git(project.root, "add", "-A")
    git(project.root, "commit", "-qm", "basis")
    git(project.root, "checkout", "-qb", "wijziging")
    return project
