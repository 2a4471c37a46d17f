"""`make content-check` (tools/content_check.py) on throwaway projects in
their own git repositories: main with a few posts, a branch that changes
some, the check run as the pull request's content check runs it (GitHub
Actions' environment: annotations and a job summary).

One real build and one browser run for the good change; the broken changes
stop before or in the build.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, Project, git, on_a_branch

from tools import content_check

# Every test here writes its own project.
pytestmark = pytest.mark.fixture_project

TODAY = "2026-11-22"
SITE = "https://werkplaats-zhz.github.io/site/"

NEWS = """---
title: "{title}"
date: {date}
description: "Korte samenvatting van {title}."
categories: [Wijkteams]
authors: [werkplaats]
---

{text}
"""

REPORT = """---
title: "Verslag van de werkconferentie"
date: 2026-03-20
description: "Wat er besproken werd op de werkconferentie."
categories: [Werkconferentie]
authors: [werkplaats]
---

Op de werkconferentie spraken we over wijkteams.

Het [programma](bijlagen/programma.pdf) staat online.
"""


def project_with_posts(root: Path) -> Project:
    project = Project(root)
    project.write("nieuws/werkgroep.md", NEWS.format(title="Nieuwe werkgroep", date="2026-10-01", text="De werkgroep start."))
    project.write("nieuws/terugblik.md", NEWS.format(title="Terugblik op het jaar", date="2026-09-01", text="Een terugblik."))
    project.write("verslagen/werkconferentie.md", REPORT)
    project.write("verslagen/bijlagen/programma.pdf", b"%PDF-1.4\n% programma versie 1\n")
    return on_a_branch(project)


def content_check_run(project: Project, tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], str]:
    """Run the check as CI does; (the process, the job summary)."""
    summary = tmp_path / "summary.md"
    env = {**os.environ, "SITE_TODAY": TODAY, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    env.pop("SITE_URL", None)
    env.pop("CONTENT_CHECK_BASE", None)
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "content_check.py"), *args],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result, summary.read_text(encoding="utf-8") if summary.exists() else ""


def output(result: subprocess.CompletedProcess[str]) -> str:
    return f"(exit {result.returncode})\n{result.stdout}\n{result.stderr}"


# --- a good change ------------------------------------------------------------------

# The changed posts of the good change and the addresses they get.
CHANGED = {
    "posts/nieuws/werkgroep.md": "nieuws/2026/10/01/nieuwe-werkgroep/",
    "posts/nieuws/kenniscafe.md": "nieuws/2026/11/20/kenniscafe-in-december/",
    "posts/verslagen/werkconferentie.md": "nieuws/2026/03/20/verslag-van-de-werkconferentie/",
}


@pytest.fixture(scope="module")
def good_change(tmp_path_factory):
    """A changed news item, a new one and a new version of a PDF, checked
    once: (project, the process, the summary, the kept build)."""
    from sitecheck import need_chromium

    need_chromium()
    tmp = tmp_path_factory.mktemp("inhoudscontrole")
    project = project_with_posts(tmp / "project")
    project.write("nieuws/werkgroep.md", NEWS.format(title="Nieuwe werkgroep", date="2026-10-01", text="De werkgroep start in januari."))
    git(project.root, "commit", "-qam", "Bericht bijgewerkt")
    # Not committed yet: a check on an editor's own checkout sees these too.
    project.write("nieuws/kenniscafe.md", NEWS.format(title="Kenniscafé in december", date="2026-11-20", text="Kom ook."))
    project.write("verslagen/bijlagen/programma.pdf", b"%PDF-1.4\n% programma versie 2\n")
    kept = tmp / "gebouwd"
    result, summary = content_check_run(project, tmp, "--base", "main", "--site-dir", str(kept))
    return project, result, summary, kept


def test_a_good_change_passes_with_a_dutch_summary_of_the_pages(good_change):
    project, result, summary, kept = good_change
    assert result.returncode == 0, output(result)
    assert "::error" not in result.stdout
    assert summary.startswith("## Inhoudscontrole: in orde")
    assert "3 bestanden in posts/ gewijzigd" in summary
    rows = {line.split(" | ")[0].strip("| `"): line for line in summary.splitlines() if line.startswith("| `posts/")}
    for file, url in CHANGED.items():
        assert f"<{SITE}{url}>" in rows[file], summary
        assert (kept / "site" / url / "index.html").is_file(), url
    assert "Nieuwe werkgroep" in rows["posts/nieuws/werkgroep.md"]
    assert "(gebruikt `posts/verslagen/bijlagen/programma.pdf`)" in rows["posts/verslagen/werkconferentie.md"]
    assert "afbeelding of bijlage" in rows["posts/verslagen/bijlagen/programma.pdf"]
    assert "posts/nieuws/terugblik.md" not in rows


def test_the_summary_names_the_pages_that_change_with_them(good_change):
    _, _, summary, kept = good_change
    related = summary.split("### Pagina's die daardoor ook veranderen", 1)[1]
    for kind, name, url in [
        ("overzicht", "Homepagina", ""),
        ("overzicht", "Nieuws", "nieuws/"),
        ("overzicht", "Verslagen", "verslagen/"),
        ("abonnement", "RSS-feed", "feed.xml"),
        ("abonnement", "JSON-feed", "feed.json"),
    ]:
        assert f"| {kind} | {name} | <{SITE}{url}> |" in related, related
    # Every page listed does link to a changed page (the unchanged post too:
    # its link to the next post); pages that do not are not listed.
    changed = {SITE + url for url in CHANGED.values()}
    listed = [line.split(" | ")[2].strip("<> |") for line in related.splitlines() if line.startswith(("| overzicht", "| verwijst"))]
    assert f"| verwijst ernaar | Terugblik op het jaar | <{SITE}nieuws/2026/09/01/terugblik-op-het-jaar/> |" in related
    for url in listed:
        page = BeautifulSoup((kept / "site" / url.removeprefix(SITE) / "index.html").read_text(encoding="utf-8"), "lxml")
        assert {urljoin(url, a["href"]).split("#")[0] for a in page.select("a[href]")} & changed, url
    for url in ("contact/", "over/"):
        assert f"<{SITE}{url}>" not in related


def test_the_link_check_finds_a_broken_link_on_a_changed_page(good_change):
    """The check and the build catch a broken link in a post first; this is
    the net behind them, for what only the built page shows."""
    project, _, _, kept = good_change
    site, url = kept / "site", "nieuws/2026/10/01/nieuwe-werkgroep/"
    page = content_check.Page("posts/nieuws/werkgroep.md", "published", url)
    assert content_check.check_links(project.root, site, SITE, [page])[0] == []
    html = site / url / "index.html"
    original = html.read_text(encoding="utf-8")
    try:
        html.write_text(
            original.replace("</article>", f'<a href="{SITE}bestaat-niet/">x</a><a href="#nergens">y</a></article>', 1), encoding="utf-8"
        )
        problems, count = content_check.check_links(project.root, site, SITE, [page])
    finally:
        html.write_text(original, encoding="utf-8")
    assert count > 10
    assert [(p.path, p.line) for p in problems] == [("posts/nieuws/werkgroep.md", 1)] * 2
    assert "bestaat-niet/ bestaat niet" in problems[0].message and "#nergens bestaat niet" in problems[1].message
    # A link written in the post is found on its line.
    source = project.root / "posts" / "nieuws" / "werkgroep.md"
    assert content_check.line_of(source, "https://example.org/x") == 1
    assert content_check.line_of(source, "#start-in-januari") == 1
    # A link to a file is an address in the HTML: found by its name (line 11 of REPORT).
    report = project.root / "posts" / "verslagen" / "werkconferentie.md"
    assert content_check.line_of(report, "../../../../nieuws/posts/verslagen/bijlagen/programma.pdf") == 11


# --- broken changes -----------------------------------------------------------------


def test_a_front_matter_error_is_annotated_on_its_line(project, tmp_path):
    on_a_branch(project)
    project.write("nieuws/kapot.md", NEWS.format(title="Kapot", date="2026-13-01", text="Tekst."))
    result, summary = content_check_run(project, tmp_path, "--base", "main")
    assert result.returncode == 1, output(result)
    assert "::error file=posts/nieuws/kapot.md,line=3::" in result.stdout, output(result)
    assert summary.startswith("## Inhoudscontrole: niet in orde")
    assert "- `posts/nieuws/kapot.md`, regel 3: " in summary
    assert "| Strikte bouw (mkdocs build --strict) | niet uitgevoerd | – |" in summary


def test_a_broken_link_is_annotated_on_its_line(project, tmp_path):
    project.write("verslagen/verslag.md", REPORT.replace("bijlagen/programma.pdf", "verslag.md"))
    on_a_branch(project)
    project.write(
        "nieuws/link.md",
        NEWS.format(title="Met een link", date="2026-11-01", text="Eerste alinea.\n\nLees [het verslag](../verslagen/bestaat-niet.md)."),
    )
    result, summary = content_check_run(project, tmp_path, "--base", "main")
    assert result.returncode == 1, output(result)
    # The link is on line 11 of the file (front matter 1-7, text from line 9).
    assert "::error file=posts/nieuws/link.md,line=11::" in result.stdout, output(result)
    assert "niet in orde" in summary


def test_without_a_base_to_compare_with_it_says_so(project, tmp_path):
    on_a_branch(project)
    result, summary = content_check_run(project, tmp_path, "--base", "bestaat-niet")
    assert result.returncode == 2
    assert "geen basis gevonden om mee te vergelijken (bestaat-niet)" in result.stderr
    assert summary == ""
