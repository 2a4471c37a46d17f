"""`make check`: validate every file in posts/ without building the site.

Every file is read (a collision needs all of them); with file arguments,
as pre-commit passes them, only the problems of those files are reported.
Prints one line per problem, `path:line: message`, and exits 1 if there is
any. Inside GitHub Actions it also prints `::error file=...,line=...::`
annotations so the problem shows on the pull request's diff.

With `--base REF` (`BASE=main make check`) it also compares with posts/ at
that git ref: every public address there that the current content neither
serves nor keeps as an alias is a problem on the file where the fix goes
(werkplaats.aliases.disappearing).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .aliases import disappearing
from .build import start_build
from .dates import TodayError
from .git_ref import RefError, entries_at
from .links import change_dates
from .model import ContentError


def annotation(problem) -> str:
    message = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::error file={problem.path},line={problem.line}::{message}"


def report(problems) -> None:
    for problem in problems:
        print(problem)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(annotation(problem))


def main(argv: list[str] | None = None) -> int:
    """Check all of posts/; with file arguments (pre-commit), report only those files."""
    parser = argparse.ArgumentParser(prog="make check")
    parser.add_argument("files", nargs="*")
    parser.add_argument("--base", help="git ref: report public addresses there that would disappear")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    only = {Path(arg).as_posix().removeprefix("./") for arg in args.files}
    try:
        state = start_build()
    except ContentError as error:
        problems = [p for p in error.problems if not only or p.path in only]
        if not problems:
            return 0
        report(problems)
        count = len(problems)
        print(f"\n{count} {'fout' if count == 1 else 'fouten'} gevonden in posts/. Zie REDACTIE.md voor uitleg.", file=sys.stderr)
        return 1
    except TodayError as error:
        print(error, file=sys.stderr)
        return 2
    if args.base:
        try:
            before, unreadable = entries_at(args.base, state.settings.root)
        except RefError as error:
            print(error, file=sys.stderr)
            return 2
        for rel in unreadable:
            print(f"{rel}: in {args.base} niet te lezen met de huidige regels; zijn adres is niet vergeleken")
        problems, notes = disappearing(before, state.entries, state.today)
        for note in notes:
            print(note)
        if problems:
            report(problems)
            count = len(problems)
            print(
                f"\n{count} {'bestand laat' if count == 1 else 'bestanden laten'} een webadres verdwijnen dat in {args.base} bestaat. "
                "Zie REDACTIE.md (Datum of titel veranderen).",
                file=sys.stderr,
            )
            return 1
    shown = len(state.shown)
    later = change_dates(state.entries, state.today)[1:]
    print(f"posts/ is in orde: {len(state.entries)} bestanden, {shown} gepubliceerd op {state.today.isoformat()}.")
    if later:
        print(f"Ook de links gecontroleerd op de {len(later)} komende dagen waarop de site verandert (t/m {later[-1].isoformat()}).")
    if args.base:
        print(f"Geen webadres uit {args.base} verdwijnt.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
