"""The automated checks of the site, in one list: the accessibility statement
(docs/toegankelijkheid.md) renders it, with where and when each check runs.

Each check names the places that run it (`PLACES`: a job of a GitHub
workflow or the CI script .ci/run, and the make target it runs there).
tests/test_accessibility.py holds the list to what really runs: a check run
by `make test` is declared by its tests with `@pytest.mark.check("<id>")`,
one run by `make content-check` is a step of tools/content_check.py, and
Lighthouse's categories and budget are those of tools/audit.py (`make
audit`); every workflow job and .ci/run line that runs one of those targets
is a place of every check that target runs, and no other. So the statement
never names a check, or a moment, that does not happen.

These are automated tests, not the audit (WCAG-EM, by people) that the
model statement asks for as its evidence. Versions are read from the code
base that runs the checks (the folder holding werkplaats/: its installed
Python packages and its package-lock.json), never typed in, and never from
the content project being built.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What axe-core runs (tests/test_browser.py, tests/test_cms_e2e.py): WCAG 2.0
# and 2.1 A and AA (the legal measure, through EN 301 549), and 2.2 AA beyond it.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


class CheckError(RuntimeError):
    """A tool's version cannot be read: it is not installed or not locked."""


# Lighthouse (tools/audit.py, `make audit`): the categories the statement
# names, with their Dutch names; each must be in tools/audit.py's CATEGORIES
# with a budget of 100 (tests/test_accessibility.py).
LIGHTHOUSE_CATEGORIES = {"accessibility": "toegankelijkheid", "best-practices": "best practices"}
# The pages tools/audit.py runs Lighthouse on (its pages()), in Dutch.
LIGHTHOUSE_PAGES = {
    "home": "de homepagina",
    "nieuws": "het nieuwsoverzicht",
    "nieuwsbericht": "een nieuwsbericht",
    "agenda": "de agenda",
    "activiteit": "een activiteit",
    "contact": "de contactpagina",
}


@dataclass(frozen=True)
class Place:
    """Where a check runs: a workflow's job, or the CI script, and the make target."""

    file: str  # relative to the repository: a workflow, or .ci/run
    job: str  # the workflow's job id; "" for a script
    command: str  # the make target run there
    when: str  # for visitors, in Dutch
    event: str = ""  # the workflow's only trigger


CHECK_WORKFLOW = ".github/workflows/check.yml"
PLACES = {
    "pull-request": Place(
        CHECK_WORKFLOW,
        "full",
        "make test",
        "bij elke voorgestelde wijziging (pull request) die meer verandert dan alleen berichten",
        "pull_request",
    ),
    "pull-request-posts": Place(
        CHECK_WORKFLOW,
        "content",
        "make content-check",
        "bij elke voorgestelde wijziging van alleen berichten, dan op de pagina's die daardoor veranderen",
        "pull_request",
    ),
    "ci-test": Place(".ci/run", "", "make test", "in de volledige controle van de code (.ci/run)"),
    "ci-audit": Place(".ci/run", "", "make audit", "in de volledige controle van de code (.ci/run)"),
}
# What each make target runs (Makefile): the whole test suite, the content
# check's steps, Lighthouse.
BY_TESTS = ("pull-request", "ci-test")


@dataclass(frozen=True)
class Check:
    id: str
    what: str  # what is checked, in Dutch, for visitors
    tool: str
    version: str
    scope: str  # which pages
    runs: tuple[str, ...]  # keys of PLACES
    beyond: str = ""  # what it tests beyond WCAG 2.1 AA, in Dutch; "" for nothing

    def page_data(self) -> dict:
        """What overrides/toegankelijkheid.html prints of this check."""
        when = list(dict.fromkeys(PLACES[key].when for key in self.runs))
        return {**vars(self), "when": when}


def axe_version() -> str:
    """axe-core's version, from the copy that axe-playwright-python injects."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or spec.origin is None:
        raise CheckError("axe-playwright-python is niet geïnstalleerd (requirements.txt; make installeert het)")
    head = (Path(spec.origin).parent / "axe.min.js").read_text(encoding="utf-8")[:200]
    match = re.search(r"axe v(\d+\.\d+\.\d+)", head)
    if not match:
        raise CheckError("de versie van axe-core staat niet in axe.min.js van axe-playwright-python")
    return match[1]


def npm_version(package: str, root: Path = ROOT) -> str:
    """A package's version as the code base's package-lock.json pins it (or,
    without the lock, as its node_modules/ holds it)."""
    lock, installed = root / "package-lock.json", root / "node_modules" / package / "package.json"
    try:
        if lock.is_file():
            return json.loads(lock.read_text(encoding="utf-8"))["packages"][f"node_modules/{package}"]["version"]
        return json.loads(installed.read_text(encoding="utf-8"))["version"]
    except (KeyError, OSError, ValueError):
        raise CheckError(
            f"de versie van {package} staat niet in {lock} en niet in {installed}: "
            "zet het pakket in package.json en draai npm ci (make doet dat)"
        ) from None


def python_version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        raise CheckError(f"{package} is niet geïnstalleerd (requirements.txt; make installeert het)") from None


EVERY_PAGE_TYPE = "elk soort pagina, op de echte site en op een proefsite met alle soorten inhoud"
ON_EACH_CHANGE = ("pull-request", "pull-request-posts", "ci-test")


def _listing(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " en " + items[-1] if len(items) > 1 else "".join(items)


def checks(root: Path = ROOT) -> list[Check]:
    """The registry, versions filled in from the code base at `root`."""
    browser, playwright = "eigen test in Chromium, via Playwright", python_version("playwright")
    lighthouse = _listing(list(LIGHTHOUSE_CATEGORIES.values()))
    return [
        Check(
            "axe",
            "WCAG 2.0 en 2.1 op niveau A en AA en WCAG 2.2 op niveau AA: alles wat een computer daarvan kan toetsen",
            "axe-core in Chromium",
            axe_version(),
            f"{EVERY_PAGE_TYPE}, en het zoekvenster met een zoekvraag",
            ON_EACH_CHANGE,
            beyond="de eisen die WCAG 2.2 op niveau AA toevoegt (met axe-core)" if "wcag22aa" in AXE_TAGS else "",
        ),
        Check(
            "toetsenbord",
            "Bediening met alleen het toetsenbord: de link ‘Ga naar inhoud’ komt eerst, elk bedieningselement laat zichtbaar zien dat het de focus heeft, zoeken kan zonder muis",
            browser,
            playwright,
            "elk soort pagina; de focusrand gemeten in de pixels van het scherm",
            BY_TESTS,
        ),
        Check(
            "vergroting",
            "Een scherm van 320 pixels breed zonder opzij te scrollen, en 200% vergroting (ook van alleen de tekst) zonder afgesneden tekst",
            browser,
            playwright,
            EVERY_PAGE_TYPE,
            BY_TESTS,
        ),
        Check("html", "Geldige HTML", "Nu HTML Checker (vnu.jar) van het W3C", npm_version("vnu-jar", root), "elke pagina", BY_TESTS),
        Check(
            "links",
            "Werkende links, ook naar een plek op een pagina, in de nieuwsfeeds en in de agendabestanden",
            "eigen linkcontrole",
            "",
            "alle gebouwde bestanden",
            ON_EACH_CHANGE,
        ),
        Check(
            "verzoeken",
            "Geen verbindingen met andere websites: geen lettertypen, scripts of metingen van buiten",
            browser,
            playwright,
            EVERY_PAGE_TYPE,
            BY_TESTS,
        ),
        Check(
            "lighthouse",
            f"De score 100 in Lighthouse voor {lighthouse}, met een telefoonscherm",
            "Lighthouse in Chromium",
            npm_version("lighthouse", root),
            _listing(list(LIGHTHOUSE_PAGES.values())),
            ("ci-audit",),
            beyond="de best practices van Lighthouse (goede gewoonten bij het bouwen van websites)"
            if "best-practices" in LIGHTHOUSE_CATEGORIES
            else "",
        ),
    ]


def page_data(root: Path = ROOT) -> dict:
    """The checks and what they test beyond WCAG 2.1 AA, for the statement."""
    registry = checks(root)
    return {"list": [check.page_data() for check in registry], "beyond": [check.beyond for check in registry if check.beyond]}
