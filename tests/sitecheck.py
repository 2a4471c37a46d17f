"""The two built sites that the quality checks run on, and the page types in
each (no tests here; tests/test_browser.py and tests/test_site_quality.py
use it).

- "echt": the site of the project under test (conftest.PROJECT: the real
  posts/ or a copy with more content), SITE_TODAY=conftest.PROJECT_TODAY.
- "proef": a copy of the project with made-up content for what the real
  posts do not have: more than ten news items (so the news list has a
  second page), a report, and an upcoming, a cancelled and a past event.

Both are built with SITE_URL set to the local server that serves them
(tools/static_server.py, a free port on 127.0.0.1), so canonical and
absolute URLs point at that server. Built and started once per test
session, on first use.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import icalendar
import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT, PROJECT_TODAY, ROOT, TODAY, Project, html_files, mkdocs_build

from tools.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: F401 (tests import them from here)
from tools.static_server import StaticServer

IN_CI = os.environ.get("CI") == "true"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def missing_tool(what: str, installed_by: str) -> None:
    """A tool the checks need is absent: fail in CI (CI=true), skip elsewhere.
    `installed_by`: what installs it, for the message."""
    message = f"{what} ontbreekt; {installed_by}"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


# Where the system packages come from (the runners of GitHub already have
# Chromium and Java; khal is installed by these files, tests/test_workflows.py).
BY_CI_RUN = ".ci/run installeert het (apt-get install {package})"
KHAL_INSTALLED_BY = (".ci/run", ".github/workflows/check.yml")


def need_chromium() -> None:
    if not CHROMIUM.exists():
        missing_tool(f"Chromium ({CHROMIUM})", BY_CI_RUN.format(package="chromium"))


def need_vnu() -> None:
    if shutil.which("java") is None:
        missing_tool("Java (voor de Nu HTML Checker)", BY_CI_RUN.format(package="openjdk-17-jre-headless"))
    if not VNU_JAR.exists():
        missing_tool(f"vnu.jar ({VNU_JAR.relative_to(ROOT)}, npm-pakket vnu-jar)", "`make test` installeert het (npm, package-lock.json)")


def need_khal() -> None:
    """khal, the calendar client of tests/test_history.py (Debian's package)."""
    if shutil.which("khal") is None:
        missing_tool("khal", f"apt-get install khal; {' en '.join(KHAL_INSTALLED_BY)} installeren het")


def wait_for(page, expression: str, timeout: float = 3.0) -> None:
    """Poll a JavaScript expression until it is true. (Playwright's
    wait_for_function evaluates a string with eval, which the site's
    Content-Security-Policy forbids; page.evaluate is not affected.)"""
    deadline = time.monotonic() + timeout
    while not _evaluate_across_navigation(page, expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"na {timeout} s nog steeds niet waar: {expression}")
        page.wait_for_timeout(50)


def _evaluate_across_navigation(page, expression: str):
    """page.evaluate, or None while the page is being replaced (a reload the
    page made itself, as the live preview does)."""
    from playwright.sync_api import Error

    try:
        return page.evaluate(expression)
    except Error as error:
        if "Execution context was destroyed" in error.message or "navigat" in error.message:
            return None
        raise


def tab_to(page, selector: str, presses: int = 15) -> None:
    """Press Tab until the element matching `selector` has focus."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    pytest.fail(f"{selector} is niet met Tab te bereiken ({presses} keer Tab)")


@dataclass
class Site:
    name: str
    root: Path
    server: StaticServer
    # page type -> site-relative URL ("" is the home page)
    pages: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return self.server.url

    def html_files(self) -> list[Path]:
        return html_files(self.root)


def _build(name: str, out_root: Path, build) -> Site:
    server = StaticServer(out_root / f"{name}-site")  # binds a free port now
    build(server.root, server.url)
    server.start()
    site = Site(name, server.root, server)
    site.pages = page_types(server.root)
    return site


def page_types(root: Path) -> dict[str, str]:
    """Each page type of the issue, found in the built site (not hard-coded)."""
    pages = {
        "home": "",
        "nieuws": "nieuws/",
        "agenda": "agenda/",
        "contact": "contact/",
        "inhoudspagina": "over/",
        "zoeken": "zoeken/",
        "privacy": "privacy/",
        "toegankelijkheid": "toegankelijkheid/",
    }
    feed = json.loads((root / "feed.json").read_text(encoding="utf-8"))
    base = feed["home_page_url"]
    for item in feed["items"]:
        kind = "verslag" if "Verslagen" in item.get("tags", []) else "nieuwsbericht"
        pages.setdefault(kind, item["url"].removeprefix(base))
    first = lambda pattern: next((f"{p.parent.relative_to(root)}/" for p in sorted(root.glob(pattern))), None)  # noqa: E731
    found = {
        "nieuws-pagina-2": first("nieuws/pagina/2/index.html"),
        "jaararchief": first("nieuws/archief/*/index.html"),
        "categorie": first("nieuws/categorie/*/index.html"),
        "maand": first("agenda/maand/*/index.html"),
        "agenda-jaar": first("agenda/archief/*/index.html"),
        "agenda-categorie": first("agenda/categorie/*/index.html"),
        "abonneren": first("agenda/abonneren/index.html"),
        "locaties": first("agenda/locaties/index.html"),
        "locatie": first("agenda/locaties/*/index.html"),
        "agenda-vorm": first("agenda/op-locatie/index.html"),
    }
    pages |= {kind: url for kind, url in found.items() if url}
    # Events from the agenda page: upcoming (under #binnenkort) or past (#eerder).
    agenda = BeautifulSoup((root / "agenda" / "index.html").read_text(encoding="utf-8"), "lxml")
    for item in agenda.select("li.wp-event"):
        section = item.find_previous("h2")["id"]
        url = urljoin("agenda/", item.select_one(".wp-event__title a")["href"])
        if "wp-event--geannuleerd" in item["class"]:
            pages.setdefault("activiteit-geannuleerd", url)
        else:
            pages.setdefault({"binnenkort": "activiteit-binnenkort", "eerder": "activiteit-voorbij"}[section], url)
    pages["404"] = "deze-pagina-bestaat-niet/"
    return pages


# --- The made-up content of the "proef" site ---------------------------------

THEMES = ["Wijkteams", "Formeel en informeel", "Netwerkbijeenkomst", "Kenniscafé"]


def news_item(n: int) -> str:
    return f"""---
title: "Bericht {n}: nieuws uit werkteam {n}"
date: 2026-{1 + n % 10:02d}-{1 + n:02d}
description: "Korte samenvatting van bericht {n} over het werk van de Werkplaats."
categories: [{THEMES[n % len(THEMES)]}]
tags: [werkteam {n}]
authors: [werkplaats]
---

Dit is bericht {n}. Het werkteam vertelt wat het deze maand heeft gedaan en wat er [op de agenda](../../docs/agenda/index.md) staat.

## Wat we leerden

Bewoners, beleidsmakers en onderzoekers spraken samen over wat werkt in de wijk. Lees ook [meer over de Werkplaats](../../docs/over.md).

## Hoe verder

We delen de uitkomsten op de volgende bijeenkomst. Vragen? Mail naar [info@werkplaatssociaaldomeinzhz.nl](mailto:info@werkplaatssociaaldomeinzhz.nl).
"""


REPORT = """---
title: "Verslag van het kenniscafé in maart"
date: 2026-03-20
description: "Wat er besproken werd op het kenniscafé van maart 2026."
categories: [Kenniscafé]
authors: [werkplaats]
---

Op het kenniscafé van maart spraken we over mantelzorg en vrijwilligers.

## Wat er gezegd werd

Meer weten? Bekijk [de agenda](../../docs/agenda/index.md).
"""

PAST_EVENT = """---
title: "Kenniscafé in maart"
start: 2026-03-05 19:30
end: 2026-03-05 21:30
location:
  name: "Hogeschool Rotterdam"
  address: "Museumpark 40"
  postcode: "3015 CX"
  city: "Rotterdam"
categories: [Kenniscafé]
tags: [mantelzorg]
report: ../verslagen/kenniscafe-maart.md
---

Een avond over mantelzorg en vrijwilligers.
"""

UPCOMING_EVENT = """---
title: "Netwerkbijeenkomst in december"
start: 2026-12-10 14:00
end: 2026-12-10 17:00
location:
  name: "Stadskantoor Dordrecht"
  address: "Spuiboulevard 300"
  postcode: "3311 GR"
  city: "Dordrecht"
registration: info@werkplaatssociaaldomeinzhz.nl
categories: [Netwerkbijeenkomst]
tags: [wijkteams]
---

Een middag voor iedereen die werkt in of met wijkteams. [Meld je aan](mailto:info@werkplaatssociaaldomeinzhz.nl) of lees [wie we zijn](../../docs/over.md).
"""

CANCELLED_EVENT = """---
title: "Werkconferentie in januari"
start: 2027-01-14 13:00
end: 2027-01-14 17:00
location: Rotterdam
status: geannuleerd
categories: [Werkconferentie]
---

Deze werkconferentie gaat niet door.
"""


def write_test_content(project: Project) -> None:
    for n in range(1, 13):  # the blog shows 10 per page: 12 news items + 1 report = 2 pages
        project.write(f"nieuws/bericht-{n}.md", news_item(n))
    project.write("verslagen/kenniscafe-maart.md", REPORT)
    project.write("agenda/kenniscafe-maart.md", PAST_EVENT)
    project.write("agenda/netwerkbijeenkomst-december.md", UPCOMING_EVENT)
    project.write("agenda/werkconferentie-januari.md", CANCELLED_EVENT)


_sites: dict[str, Site] | None = None


def built_sites(tmp_path_factory) -> dict[str, Site]:
    """{"echt": Site, "proef": Site}, built and served once per session."""
    global _sites
    if _sites is None:
        out = tmp_path_factory.mktemp("kwaliteit")
        project = Project(out / "project")
        write_test_content(project)
        _sites = {
            "echt": _build("echt", out, lambda dest, url: mkdocs_build(PROJECT, dest, PROJECT_TODAY, SITE_URL=url)),
            "proef": _build("proef", out, lambda dest, url: mkdocs_build(project.root, dest, TODAY, SITE_URL=url)),
        }
    return _sites


def run_vnu(files: list[Path]) -> list[dict]:
    """The Nu HTML Checker's messages (errors only) for these files."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
    )
    # vnu writes its JSON report to stderr and exits 1 when there are errors.
    report = json.loads(result.stderr or '{"messages": []}')
    return report["messages"]


# Pagefind writes its filter index and the two files naming it in an order
# that changes from run to run (upstream: Pagefind/pagefind#638; fragments
# are stable since 1.3). Every page's filters and meta are also in its
# fragment, which is compared byte for byte; of these derived files only
# their number is compared.
UNSTABLE = re.compile(r"^pagefind/(filter/[^/]+\.pf_filter|pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)$")


def tree(root: Path) -> dict[str, bytes]:
    files, unstable = {}, 0
    for p in sorted(root.rglob("*")):
        name = p.relative_to(root).as_posix()
        if not p.is_file():
            continue
        if UNSTABLE.match(name):
            unstable += 1
            files[f"pagefind: unstable file {unstable}"] = b""
        else:
            files[name] = p.read_bytes()
    assert unstable >= 3, "Pagefind's index is missing"
    return files


class Khal:
    """khal (Debian's `khal`) with its own configuration, calendar (a vdir) and cache."""

    def __init__(self, where: Path):
        need_khal()
        self.vdir = where / "agenda"
        self.vdir.mkdir(parents=True)
        self.config = where / "khal.conf"
        formats = {"timeformat": "%H:%M", "dateformat": "%Y-%m-%d", "longdateformat": "%Y-%m-%d"}
        formats |= {"datetimeformat": "%Y-%m-%d %H:%M", "longdatetimeformat": "%Y-%m-%d %H:%M"}
        locale = "".join(f"{key} = {value}\n" for key, value in formats.items())
        self.config.write_text(
            f"[calendars]\n[[werkplaats]]\npath = {self.vdir}\n"
            f"[locale]\n{locale}local_timezone = Europe/Amsterdam\ndefault_timezone = Europe/Amsterdam\n"
            f"[sqlite]\npath = {where / 'khal.db'}\n",
            encoding="utf-8",
        )
        self.env = {**os.environ, "HOME": str(where), "XDG_CONFIG_HOME": str(where), "XDG_DATA_HOME": str(where)}

    def run(self, *args: str) -> str:
        result = subprocess.run(["khal", "-c", str(self.config), *args], env=self.env, capture_output=True, text=True)
        assert result.returncode == 0, f"khal {' '.join(args)}: {result.stdout}{result.stderr}"
        return result.stdout

    def listed(self, start: str, end: str) -> list[str]:
        """'start|end|title' of every event khal lists in [start, end]."""
        out = self.run("list", "--once", "-df", "", "-f", "{start}|{end}|{title}", start, end)
        return [line for line in out.splitlines() if line.strip()]

    def stored(self) -> list:
        """The VEVENTs khal wrote into its calendar."""
        return [e for path in sorted(self.vdir.glob("*.ics")) for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")]
