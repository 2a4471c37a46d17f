"""The Dutch texts of the GitHub issue the deploy workflow keeps when
publishing fails (.github/workflows/deploy.yml, jobs `melden` and
`afsluiten`).

One issue, found by its label: opened on the first failure, a comment on
each next one, closed with a comment by the next successful deploy. The
problems are the `posts/...:line: message` lines of the build's output.

Standard library only: the reporting jobs run it with the runner's python3,
without installing the project.

    python3 tools/deploy_issue.py label|label-description|title
    python3 tools/deploy_issue.py body|comment [--log FILE] [--run-url URL]
    python3 tools/deploy_issue.py closing [--run-url URL]

The log is read from FILE or standard input; the run's address defaults to
the one GitHub Actions describes in GITHUB_SERVER_URL, GITHUB_REPOSITORY
and GITHUB_RUN_ID.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from zoneinfo import ZoneInfo

LABEL = "publicatie-mislukt"
LABEL_DESCRIPTION = "De site kon niet worden bijgewerkt (opent en sluit vanzelf)"
TITLE = "De site kon niet worden bijgewerkt"
TZ = ZoneInfo("Europe/Amsterdam")
MAX_PROBLEMS = 50  # an issue is not a log; the run has them all

PROBLEM = re.compile(r"^(?P<path>posts/[^:\n]+):(?P<line>\d+): (?P<message>.+?)\s*$", re.MULTILINE)
TRIGGERS = {
    "schedule": "de nachtelijke bouw",
    "push": "de publicatie na een wijziging op main",
    "workflow_dispatch": "de met de hand gestarte publicatie",
}


def problems(log: str) -> list[tuple[str, int, str]]:
    """(file, line, message) of every `posts/...:line: message` line, once each, in order."""
    found = [(m["path"], int(m["line"]), m["message"]) for m in PROBLEM.finditer(log)]
    return list(dict.fromkeys(found))


def run_url(environ=os.environ) -> str:
    return f"{environ.get('GITHUB_SERVER_URL', 'https://github.com')}/{environ.get('GITHUB_REPOSITORY', '')}/actions/runs/{environ.get('GITHUB_RUN_ID', '')}"


def file_url(path: str, line: int, environ=os.environ) -> str | None:
    """The file at the built commit, on its line; None outside GitHub Actions."""
    if not (environ.get("GITHUB_REPOSITORY") and environ.get("GITHUB_SHA")):
        return None
    server = environ.get("GITHUB_SERVER_URL", "https://github.com")
    return f"{server}/{environ['GITHUB_REPOSITORY']}/blob/{environ['GITHUB_SHA']}/{path}#L{line}"


def moment(now: dt.datetime) -> str:
    """'23-11-2026 om 04:15' in Amsterdam."""
    local = now.astimezone(TZ)
    return f"{local:%d-%m-%Y} om {local:%H:%M}"


def _what(environ) -> str:
    return TRIGGERS.get(environ.get("GITHUB_EVENT_NAME", ""), "de publicatie")


def _problem_list(log: str, environ) -> list[str]:
    found = problems(log)
    if not found:
        return [
            "In de uitvoer van de bouw staat geen fout in een bestand in `posts/`. De oorzaak zit dan "
            "waarschijnlijk in de bouw zelf of bij GitHub; de uitvoer van de run hieronder laat zien wat er misging.",
        ]
    lines = ["Dit moet worden verbeterd:", ""]
    for path, line, message in found[:MAX_PROBLEMS]:
        where = f"`{path}`, regel {line}"
        link = file_url(path, line, environ)
        lines.append(f"- [{where}]({link}): {message}" if link else f"- {where}: {message}")
    if len(found) > MAX_PROBLEMS:
        lines.append(f"- en nog {len(found) - MAX_PROBLEMS} meer: zie de uitvoer van de run.")
    lines += ["", "In REDACTIE.md staat wat de meldingen betekenen. Met `make check` zie je ze ook op je eigen computer."]
    return lines


def body(log: str, url: str, now: dt.datetime, environ=os.environ) -> str:
    """The text of a new issue."""
    lines = [
        f"{_what(environ).capitalize()} van {moment(now)} is mislukt: de site is niet bijgewerkt.",
        "De vorige versie van de site blijft online staan tot een publicatie weer lukt.",
        "",
        *_problem_list(log, environ),
        "",
        f"Uitvoer van de run: {url}",
        "",
        "Dit issue wordt vanzelf gesloten bij de eerstvolgende geslaagde publicatie. Mislukt het opnieuw, dan komt hier een reactie bij.",
    ]
    return "\n".join(lines) + "\n"


def comment(log: str, url: str, now: dt.datetime, environ=os.environ) -> str:
    """A comment on the open issue when publishing fails again."""
    lines = [
        f"Opnieuw mislukt: {_what(environ)} van {moment(now)}. De site is nog steeds niet bijgewerkt.",
        "",
        *_problem_list(log, environ),
        "",
        f"Uitvoer van de run: {url}",
    ]
    return "\n".join(lines) + "\n"


def closing(url: str, now: dt.datetime, environ=os.environ) -> str:
    """The comment with which the next successful deploy closes the issue."""
    return (
        f"Opgelost: {_what(environ)} van {moment(now)} is gelukt en de site is weer bijgewerkt. "
        f"Dit issue wordt gesloten.\n\nUitvoer van de run: {url}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("text", choices=["label", "label-description", "title", "body", "comment", "closing"])
    parser.add_argument("--log", help="the build's output (default: standard input)")
    parser.add_argument("--run-url", help="the run's address (default: from GitHub Actions' environment)")
    args = parser.parse_args(argv)
    now = dt.datetime.now(dt.UTC)
    url = args.run_url or run_url()
    if args.text == "label":
        text = LABEL + "\n"
    elif args.text == "label-description":
        text = LABEL_DESCRIPTION + "\n"
    elif args.text == "title":
        text = TITLE + "\n"
    elif args.text == "closing":
        text = closing(url, now)
    else:
        if args.log:
            with open(args.log, encoding="utf-8", errors="replace") as handle:
                log = handle.read()
        else:
            log = sys.stdin.read()
        text = (body if args.text == "body" else comment)(log, url, now)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
