"""The accessibility statement (docs/toegankelijkheid.md): the organisation's
settings and what is still missing (werkplaats/site/accessibility.py), the one
list of automated checks (werkplaats/site/quality_checks.py) against the tests
that run them, the deploy's summary (tools/accessibility_summary.py) and
the page as built on fixture projects."""

from __future__ import annotations

import ast
import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, TODAY, page, text_of

from werkplaats.core.commands import make_recipes
from werkplaats.core.settings import load_settings
from werkplaats.site import accessibility, quality_checks

DAY = dt.date.fromisoformat(TODAY)
TOOL = ROOT / "tools" / "accessibility_summary.py"
SITE = "https://werkplaats-zhz.github.io/site/"

COMPLETE = {
    "status": "B",
    "opgesteld": "2026-03-01",
    "herzien": "2026-09-15",
    "ondertekening": {"naam": "Drs. A. de Vries", "functie": "programmadirecteur", "datum": "2026-09-20"},
    "ombudsman": {"naam": "Ombudsman Rijnmond", "adres": "https://www.ombudsman-rijnmond.nl/"},
    "register": "https://www.toegankelijkheidsverklaring.nl/register/99999",
    "onderzoek": [
        {"datum": "2026-02-10", "door": "Toegankelijk Onderzoek BV", "methode": "WCAG-EM", "rapport": "https://example.org/rapport.pdf"}
    ],
    "afwijkingen": [
        {
            "wat": "De kaart op de contactpagina heeft geen tekstalternatief.",
            "gevolg": "Wie niet ziet, mist de route.",
            "maatregel": "We zetten de route ook in tekst.",
            "datum": "2027-01-31",
        }
    ],
}

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PDF_TITLE = "Jaarplan van de stuurgroep (pdf)"
POST_WITH_PDF = f"""---
title: "Jaarplan gepubliceerd"
date: 2026-10-01
description: "Het jaarplan van de stuurgroep staat online."
categories: [Nieuws]
authors: [werkplaats]
attachments:
  - title: "{PDF_TITLE}"
    file: bijlagen/jaarplan.pdf
---

Het jaarplan staat in de bijlage.
"""


def set_statement(root: Path, values: dict) -> None:
    """Replace the extra.toegankelijkheid block of root/mkdocs.yml."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  toegankelijkheid:\n")
    end = text.index("\n# --- Plugins")
    block = yaml.safe_dump({"toegankelijkheid": values}, allow_unicode=True, sort_keys=False)
    config.write_text(text[:start] + "".join(f"  {line}\n" for line in block.splitlines()) + text[end:], encoding="utf-8")


# --- the settings and what is missing ---------------------------------------------


def test_unset_the_statement_lists_everything_the_organisation_must_set():
    statement = accessibility.parse({}, SITE)
    assert statement.status == "" and statement.domein == SITE
    missing = "\n".join(accessibility.missing(statement, DAY))
    for key in (
        "(status)",
        "(opgesteld)",
        "(herzien)",
        "(ondertekening.naam)",
        "(ondertekening.functie)",
        "(ondertekening.datum)",
        "(ombudsman.naam)",
        "(ombudsman.adres)",
        "(register)",
    ):
        assert key in missing
    # Nothing is invented meanwhile: no ombudsman, no status.
    assert statement.ombudsman == accessibility.Ombudsman()


def test_the_real_settings_parse():
    """Whatever the organisation has filled in is valid (or the build would fail)."""
    accessibility.from_settings(load_settings(ROOT))


def test_no_status_promises_what_no_setting_says():
    """Status texts state the status; a plan or a term would be the organisation's to set."""
    for _name, meaning in accessibility.STATUSES.values():
        assert not re.search(r"\bmaanden\b|\bweken\b|gepland", meaning), meaning


def test_complete_settings_establish_the_statement():
    statement = accessibility.parse(COMPLETE, SITE)
    assert accessibility.missing(statement, DAY) == []
    assert statement.ondertekening.datum == dt.date(2026, 9, 20)


def test_a_status_without_sign_off_is_not_established():
    values = {**COMPLETE, "ondertekening": {"naam": "", "functie": "", "datum": ""}}
    missing = accessibility.missing(accessibility.parse(values, SITE), DAY)
    assert [m for m in missing if "ondertekening." in m] and len(missing) == 3


def test_an_audit_older_than_three_years_is_named_and_no_longer_carries_status_b():
    old = {**COMPLETE, "onderzoek": [{**COMPLETE["onderzoek"][0], "datum": "2023-11-21"}]}
    missing = accessibility.missing(accessibility.parse(old, SITE), DAY)
    assert any("21 november 2023" in m and "ouder dan drie jaar" in m for m in missing)
    assert any("status B steunt daarop" in m for m in missing)
    # On the day three years later it still counts.
    recent = {**COMPLETE, "onderzoek": [{**COMPLETE["onderzoek"][0], "datum": "2023-11-22"}]}
    assert accessibility.missing(accessibility.parse(recent, SITE), DAY) == []


def test_the_statement_is_reviewed_every_year():
    stale = {**COMPLETE, "opgesteld": "2025-01-01", "herzien": "2025-11-01"}
    assert any("langer dan een jaar" in m for m in accessibility.missing(accessibility.parse(stale, SITE), DAY))


@pytest.mark.parametrize(
    "values, key",
    [
        ({"status": "E"}, "status"),
        ({"opgesteld": "1 maart"}, "opgesteld"),
        ({"register": "toegankelijkheidsverklaring.nl/register/1"}, "register"),
        ({"onderzoek": [{"datum": "2026-01-01", "methode": "WCAG-EM"}]}, "onderzoek[0].door"),
        ({"ondertekening": {"naam": "X", "rol": "Y"}}, "ondertekening.rol"),
        ({"ombudsman": {"naam": "Nationale ombudsman", "adres": "nationaleombudsman.nl"}}, "ombudsman.adres"),
        ({"afwijkingen": [{"wat": "Een kaart", "gevolg": "Geen route", "maatregel": "Route in tekst"}]}, "afwijkingen[0].datum"),
        ({"statuss": "A"}, "statuss"),
    ],
)
def test_a_wrong_value_fails_with_its_line_in_mkdocs_yml(repo, values, key):
    set_statement(repo.root, values)
    with pytest.raises(accessibility.AccessibilityError) as raised:
        accessibility.from_settings(load_settings(repo.root))
    lines = (repo.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    match = re.match(r"mkdocs\.yml:(\d+): extra\.toegankelijkheid\.(\S+):", str(raised.value))
    assert match and match[2] == key, str(raised.value)
    # The line is the setting's own (or, for a missing one, its parent's).
    assert key.split(".")[-1].split("[")[0] in lines[int(match[1]) - 1] or "- " in lines[int(match[1]) - 1]


def test_every_finding_of_decap_has_a_dutch_explanation():
    findings = accessibility.admin_findings()
    assert findings["rules"] and all(rule["what"] and rule["impact"] for rule in findings["rules"])
    assert findings["decap"] == quality_checks.npm_version("decap-cms")


def test_pdf_attachments_are_listed_only_when_published():
    class Attachment:
        def __init__(self, title, path):
            self.title, self.path = title, Path(path)

    class Entry:
        def __init__(self, title, rel, attachments):
            self.title, self.rel, self.attachments = title, rel, attachments

    urls = {"posts/nieuws/a.md": "nieuws/a/", "/x/posts/nieuws/bijlagen/a.pdf": "nieuws/posts/nieuws/bijlagen/a.pdf"}
    entries = [
        Entry("A", "posts/nieuws/a.md", [Attachment("Plan", "/x/posts/nieuws/bijlagen/a.pdf"), Attachment("Foto", "/x/b.jpg")]),
        Entry("B", "posts/nieuws/b.md", []),
    ]
    assert accessibility.pdf_attachments(entries, urls.get) == [
        {"title": "Plan", "url": "nieuws/posts/nieuws/bijlagen/a.pdf", "post": "A", "post_url": "nieuws/a/"}
    ]
    assert accessibility.pdf_attachments(entries[1:], urls.get) == []


# --- one list of checks, run by the tests ----------------------------------------


def declared_checks() -> dict[str, list[str]]:
    """check id -> the tests in tests/*.py decorated with @pytest.mark.check(id)."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                for decorator in node.decorator_list:
                    if isinstance(decorator, ast.Call) and ast.unparse(decorator.func) == "pytest.mark.check":
                        found.setdefault(ast.literal_eval(decorator.args[0]), []).append(f"{path.name}::{node.name}")
    return found


def by_command(command: str) -> set[str]:
    """The ids of the registered checks that say `command` runs them."""
    return {check.id for check in quality_checks.checks() if any(quality_checks.PLACES[key].command == command for key in check.runs)}


def test_every_check_make_test_runs_is_declared_by_a_test_and_every_declared_check_is_registered():
    declared = declared_checks()
    assert sorted(by_command("make test") - set(declared)) == [], "in werkplaats/site/quality_checks.py maar door geen test gedraaid"
    assert sorted(set(declared) - by_command("make test")) == [], "in een test maar niet bij make test in werkplaats/site/quality_checks.py"


def test_the_content_check_runs_exactly_the_checks_that_name_it():
    from tools import content_check

    registered = {check.id for check in quality_checks.checks()}
    assert by_command("make content-check") == set(content_check.STEPS) & registered == {"links", "axe"}


def test_lighthouse_runs_the_categories_the_statement_names_with_a_budget_of_100():
    from tools import audit

    assert by_command("make audit") == {"lighthouse"}
    for category in quality_checks.LIGHTHOUSE_CATEGORIES:
        assert category in audit.CATEGORIES and audit.BUDGET[category] == 100, category
    # The pages it names are the pages tools/audit.py audits.
    (pages,) = [
        node
        for node in ast.walk(ast.parse((ROOT / "tools" / "audit.py").read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name == "pages"
    ]
    (returned,) = [node.value for node in ast.walk(pages) if isinstance(node, ast.Return)]
    assert [ast.literal_eval(key) for key in returned.keys] == list(quality_checks.LIGHTHOUSE_PAGES)


MAKE_COMMAND = re.compile(r"\bmake (test|content-check|audit)(?![\w-])")


def where_make_runs() -> set[tuple[str, str, str]]:
    """(file, job, "make <target>") for every workflow job and .ci/run line that runs a target."""
    found = set()
    for path in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job, spec in workflow["jobs"].items():
            for step in spec.get("steps", []):
                for match in MAKE_COMMAND.finditer(step.get("run", "")):
                    found.add((path.relative_to(ROOT).as_posix(), job, match[0]))
    for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith("#"):
            found.update((".ci/run", "", match[0]) for match in MAKE_COMMAND.finditer(line))
    return found


def test_every_place_a_check_names_runs_its_command_and_every_such_place_is_named():
    places = quality_checks.PLACES
    assert {(p.file, p.job, p.command) for p in places.values()} == where_make_runs()
    for place in places.values():
        if place.event:
            workflow = yaml.safe_load((ROOT / place.file).read_text(encoding="utf-8"))
            # PyYAML reads the key `on` as True.
            assert set(workflow.get("on", workflow.get(True))) == {place.event}, place.file
            assert "voorgestelde wijziging" in place.when
    # Each place is named by every check its command runs, and by no other.
    for key, place in places.items():
        assert {check.id for check in quality_checks.checks() if key in check.runs} == by_command(place.command), key
    # What the make targets run.
    targets = make_recipes()
    assert any(re.fullmatch(r"\$\(PY\) -m pytest", line) for line in targets["test"])  # the whole suite
    assert any("tools/content_check.py" in line for line in targets["content-check"])
    assert any("tools/audit.py" in line for line in targets["audit"])


def test_the_checks_carry_versions_read_from_what_is_installed():
    versions = {check.id: check.version for check in quality_checks.checks()}
    assert re.fullmatch(r"\d+\.\d+\.\d+", versions["axe"])
    assert versions["html"] == quality_checks.npm_version("vnu-jar")
    assert versions["lighthouse"] == quality_checks.npm_version("lighthouse")
    # The browser tests use exactly the tags the statement names.
    from werkplaats.quality.site_checks import AXE_TAGS as WCAG_TAGS

    assert WCAG_TAGS == quality_checks.AXE_TAGS and "wcag21aa" in WCAG_TAGS and "wcag22aa" in WCAG_TAGS


def test_a_tool_that_is_not_locked_is_a_clear_error(tmp_path):
    with pytest.raises(quality_checks.CheckError, match="de versie van vnu-jar staat niet in .*package-lock.json.*npm ci"):
        quality_checks.npm_version("vnu-jar", tmp_path)


def test_the_versions_come_from_the_lock_without_node_modules(project):
    """As in the pull-request check of posts (no Node, no node_modules/): the
    code base's package-lock.json names the versions."""
    (project.root / "node_modules").unlink(missing_ok=True)
    set_statement(project.root, {})
    # Decap's bundle and PurgeCSS come from node_modules/ (the content check builds so too).
    site = project.build(TODAY, WERKPLAATS_ADMIN="0", WERKPLAATS_CSS_PURGE="0")
    html = page(site, "toegankelijkheid/")
    assert quality_checks.npm_version("vnu-jar") in text_of(html.select_one("#controle-html"))


def test_a_missing_tool_stops_the_build_with_a_message_not_a_traceback(project):
    """A code base with neither the lock nor node_modules/ cannot name vnu's version: one clear line."""
    from tools import content_check

    (project.root / "node_modules").unlink(missing_ok=True)
    (project.root / "package-lock.json").unlink()
    ok, _problems, output = content_check.run_build(project.root, project.root.parent / "check-site", SITE)
    assert not ok and "Traceback" not in output
    assert re.search(r"ERROR\s+-\s+toegankelijkheid\.md: de versie van vnu-jar staat niet in \S+package-lock\.json", output), output


# --- the deploy's summary ------------------------------------------------------------


def summary_tool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), *args], capture_output=True, text=True)


def test_the_summary_tool_has_help():
    result = summary_tool("--help")
    assert result.returncode == 0 and "--today" in result.stdout


def test_the_summary_lists_what_is_missing_without_settings(repo):
    set_statement(repo.root, {})
    result = summary_tool("--root", str(repo.root), "--today", TODAY)
    assert result.returncode == 0
    assert "nog niet vastgesteld" in result.stdout
    assert "- de nalevingsstatus" in result.stdout and "(ondertekening.naam)" in result.stdout


def test_the_summary_says_established_with_complete_settings(repo):
    set_statement(repo.root, COMPLETE)
    result = summary_tool("--root", str(repo.root), "--today", TODAY)
    assert result.returncode == 0
    assert "Vastgesteld: status B (voldoet gedeeltelijk)" in result.stdout and "nog niet" not in result.stdout


def test_the_summary_fails_on_a_wrong_setting(repo):
    set_statement(repo.root, {"status": "Z"})
    result = summary_tool("--root", str(repo.root), "--today", TODAY)
    assert result.returncode == 1 and "extra.toegankelijkheid.status" in result.stderr


def test_the_deploy_writes_the_summary_after_the_build():
    steps = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    names = [s.get("name") for s in steps]
    (step,) = [s for s in steps if s.get("name") == "Accessibility statement"]
    assert "tools/accessibility_summary.py" in step["run"] and '>> "$GITHUB_STEP_SUMMARY"' in step["run"]
    assert names.index("make build") < names.index("Accessibility statement") < names.index("Upload the site")


# --- the page, built -------------------------------------------------------------------


def test_unset_the_page_says_plainly_it_is_not_established(project):
    set_statement(project.root, {})
    site = project.build(TODAY)
    statement = page(site, "toegankelijkheid/")
    text = text_of(statement.select_one("article"))
    assert "Deze verklaring is nog niet vastgesteld" in text
    missing = [text_of(li) for li in statement.select("#nog-niet-vastgesteld li")]
    assert missing == accessibility.missing(accessibility.parse({}, SITE), DAY)
    assert "Nog niet vastgesteld." in text_of(statement.select_one(".wp-status"))
    assert "nog niet voor gezien en akkoord getekend" in text
    # The model's parts, in the model's order.
    order = [h["id"] for h in statement.select("article h2")]
    assert order == [
        "verklaring",
        "nalevingsstatus",
        "akkoordverklaring",
        "feedback-en-contact",
        "handhavingsprocedure",
        "onderbouwing",
        "afwijkingen",
    ]
    assert "info@werkplaatssociaaldomeinzhz.nl" in text
    # No ombudsman and no response time the organisation has not set.
    complaints = text_of(statement.select_one("#handhavingsprocedure").find_next_sibling("p"))
    assert "ombudsman" in complaints and "nog niet vastgesteld" in complaints and "ombudsman.nl" not in str(statement)
    assert "op tijd" not in text
    assert "Nog niet opgesteld" in text and "Nog niet herzien" in text
    # Facts only: no PDF on the site, so no PDF sentence; no excuse for an error vnu no longer reports.
    assert statement.select("#pdf-bijlagen") == [] and "pdf" not in text.lower()
    assert "autocomplete" not in text
    # Every registered check, with its version; Decap's findings as committed.
    rows = statement.select("ul.wp-checks > li")
    registry = quality_checks.checks()
    assert [row["id"] for row in rows] == [f"controle-{check.id}" for check in registry]
    # Each says when it runs, from its places; beyond WCAG 2.1 AA only what a registered check tests.
    for row, check in zip(rows, registry, strict=True):
        for key in check.runs:
            assert quality_checks.PLACES[key].when in text_of(row)
    intro = text_of(statement.select_one("#automatische-controles").find_next_sibling("p"))
    beyond = [check.beyond for check in registry if check.beyond]
    assert "best practices" in " ".join(beyond) and all(item in intro for item in beyond)
    assert "best practices" not in intro.replace(next(b for b in beyond if "best practices" in b), "")
    assert [li["id"] for li in statement.select(".wp-admin li")] == [
        f"admin-{rule['id']}" for rule in accessibility.admin_findings()["rules"]
    ]


def test_with_settings_and_a_pdf_the_page_shows_status_sign_off_and_the_pdf(project):
    set_statement(project.root, COMPLETE)
    project.write("nieuws/bijlagen/jaarplan.pdf", PDF)
    project.write("nieuws/jaarplan.md", POST_WITH_PDF)
    site = project.build(TODAY)
    statement = page(site, "toegankelijkheid/")
    text = text_of(statement.select_one("article"))
    assert statement.select("#nog-niet-vastgesteld") == [] and "nog niet vastgesteld" not in text and "nog niet voor gezien" not in text
    assert text_of(statement.select_one(".wp-status")) == "Status B: voldoet gedeeltelijk"
    assert "op 20 september 2026 voor gezien en akkoord getekend door Drs. A. de Vries, programmadirecteur" in text
    assert "Opgesteld op: 1 maart 2026" in text and "Voor het laatst herzien op: 15 september 2026" in text
    assert "10 februari 2026, door Toegankelijk Onderzoek BV, volgens WCAG-EM" in text
    assert "De kaart op de contactpagina heeft geen tekstalternatief." in text and "Uiterlijk klaar op 31 januari 2027" in text
    (ombudsman,) = statement.select("#handhavingsprocedure ~ p a")[:1]
    assert text_of(ombudsman) == "Ombudsman Rijnmond" and ombudsman["href"] == "https://www.ombudsman-rijnmond.nl/"
    (pdf,) = statement.select(".wp-pdfs li a:first-child")
    assert text_of(pdf) == PDF_TITLE and pdf["href"].endswith("jaarplan.pdf")
    assert (site / "toegankelijkheid" / pdf["href"]).resolve().is_file()
