"""The texts of the issue a failed deploy opens (tools/deploy_issue.py).
The workflow steps that use them are run in tests/test_workflows.py."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from tools import deploy_issue

ROOT = Path(__file__).resolve().parent.parent
RUN = "https://github.com/werkplaats-zhz/site/actions/runs/4242"
ACTIONS = {
    "GITHUB_SERVER_URL": "https://github.com",
    "GITHUB_REPOSITORY": "werkplaats-zhz/site",
    "GITHUB_RUN_ID": "4242",
    "GITHUB_SHA": "abc123",
    "GITHUB_EVENT_NAME": "schedule",
}
# 03:15 UTC, the nightly build: 04:15 in Amsterdam in winter, 05:15 in summer.
WINTER = dt.datetime(2026, 11, 23, 3, 15, tzinfo=dt.UTC)
SUMMER = dt.datetime(2026, 7, 1, 3, 15, tzinfo=dt.UTC)

# What `make build` prints when posts/ has problems (hooks/posts.py's PluginError).
LOG = """INFO    -  Cleaning site directory
ERROR   -  2 fouten in posts/ (niets gepubliceerd):
posts/nieuws/kapot.md:3: date: "2026-13-01" bestaat niet in de kalender (controleer dag en maand)
posts/agenda/x.md:5: start ontbreekt

Aborted with a BuildError!
"""


def test_the_problems_are_the_posts_lines_of_the_log():
    assert deploy_issue.problems(LOG + LOG) == [
        ("posts/nieuws/kapot.md", 3, 'date: "2026-13-01" bestaat niet in de kalender (controleer dag en maand)'),
        ("posts/agenda/x.md", 5, "start ontbreekt"),
    ]
    assert deploy_issue.problems("ERROR   -  Config value 'hooks': x\nwerkplaats/model.py:3: nee\n") == []


def test_the_body_names_each_file_and_line_with_a_link_and_the_run():
    body = deploy_issue.body(LOG, RUN, WINTER, ACTIONS)
    assert body.startswith("De nachtelijke bouw van 23-11-2026 om 04:15 is mislukt")
    assert "De vorige versie van de site blijft online" in body
    assert (
        "- [`posts/nieuws/kapot.md`, regel 3](https://github.com/werkplaats-zhz/site/blob/abc123/posts/nieuws/kapot.md#L3): date:" in body
    )
    assert "`posts/agenda/x.md`, regel 5" in body
    assert f"Uitvoer van de run: {RUN}" in body
    assert "vanzelf gesloten" in body


def test_without_problems_in_posts_the_body_points_to_the_run():
    body = deploy_issue.body("Error: deploy-pages: 503\n", RUN, SUMMER, {**ACTIONS, "GITHUB_EVENT_NAME": "push"})
    assert body.startswith("De publicatie na een wijziging op main van 01-07-2026 om 05:15 is mislukt")
    assert "geen fout in een bestand in `posts/`" in body and "regel" not in body and RUN in body


def test_many_problems_are_cut_short():
    log = "".join(f"posts/nieuws/p{n}.md:1: fout {n}\n" for n in range(deploy_issue.MAX_PROBLEMS + 7))
    body = deploy_issue.body(log, RUN, WINTER, {})
    assert body.count("- `posts/nieuws/p") == deploy_issue.MAX_PROBLEMS  # no links outside Actions
    assert "en nog 7 meer" in body


def test_the_comment_and_the_closing_text():
    comment = deploy_issue.comment(LOG, RUN, WINTER, {**ACTIONS, "GITHUB_EVENT_NAME": "workflow_dispatch"})
    assert comment.startswith("Opnieuw mislukt: de met de hand gestarte publicatie van 23-11-2026 om 04:15.")
    assert "`posts/agenda/x.md`, regel 5" in comment and RUN in comment
    closing = deploy_issue.closing(RUN, WINTER, ACTIONS)
    assert closing.startswith("Opgelost: de nachtelijke bouw van 23-11-2026 om 04:15 is gelukt") and RUN in closing


def test_the_command_line_reads_the_log_and_the_run_from_actions(tmp_path):
    env = {**ACTIONS, "PATH": "/usr/bin:/bin"}

    def run(*args: str, stdin: str = "") -> str:
        result = subprocess.run(
            [sys.executable, str(ROOT / "tools" / "deploy_issue.py"), *args],
            input=stdin,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    assert run("label") == "publicatie-mislukt\n"
    assert run("title") == "De site kon niet worden bijgewerkt\n"
    assert "posts/nieuws/kapot.md" in run("body", stdin=LOG) and RUN in run("body", stdin=LOG)
    log = tmp_path / "build.log"
    log.write_text(LOG, encoding="utf-8")
    assert "Opnieuw mislukt" in run("comment", "--log", str(log), "--run-url", "https://example.org/run")
    assert "https://example.org/run" in run("closing", "--run-url", "https://example.org/run")
