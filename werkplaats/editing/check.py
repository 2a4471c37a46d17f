"""`make check`: validate every file in posts/ without building the site.

Every file is read (a collision needs all of them); with file arguments,
as pre-commit passes them, only the problems of those files are reported.
Prints one line per problem, `path:line: message`, and exits 1 if there is
any. Inside GitHub Actions it also prints `::error file=...,line=...::`
annotations so the problem shows on the pull request's diff.

It also compares with posts/ in git: every public address there that the
current content neither serves nor keeps as an alias is a problem on the
file where the fix goes (werkplaats.content.aliases.disappearing). With `--base REF`
(`BASE=REF make check`) it compares with REF; without, with the version the
branch started from, or on main with the last commit if posts/ has changes
not committed yet (werkplaats.content.git_ref.comparison). Where there is nothing
to compare with (outside git, main without changes) one line says so, and
everything else is still checked.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..content.aliases import disappearing
from ..content.git_ref import Comparison, RefError, changed_posts, comparison, entries_at
from ..content.links import change_dates
from ..content.model import ContentError
from ..core.commands import parser as command_parser
from ..core.dates import TodayError
from ..core.messages import count_of, plural
from ..site.build import start_build


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
    parser = command_parser("check")
    parser.add_argument("files", nargs="*")
    parser.add_argument(
        "--base",
        help="git ref: report public addresses there that would disappear (default: where the branch started, see git_ref.comparison)",
    )
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    only = {Path(arg).as_posix().removeprefix("./") for arg in args.files}
    try:
        state = start_build()
    except ContentError as error:
        problems = [p for p in error.problems if not only or p.path in only]
        if not problems:
            return 0
        report(problems)
        print(f"\n{count_of(len(problems), 'fout', 'fouten')} gevonden in posts/. Zie REDACTIE.md voor uitleg.", file=sys.stderr)
        return 1
    except TodayError as error:
        print(error, file=sys.stderr)
        return 2
    compared = Comparison(args.base, args.base, "") if args.base else comparison(state.settings.root)
    if compared.ref:
        try:
            # Only the files that changed are read at the ref; every other
            # file has the same address then as now.
            changed = changed_posts(compared.ref, state.settings.root)
            before, unreadable = entries_at(compared.ref, state.settings.root, only=changed)
            if changed is not None:
                before += [entry for entry in state.entries if entry.rel not in changed]
        except RefError as error:
            if args.base:
                print(f"BASE={args.base}: {error}", file=sys.stderr)
                return 2
            compared = Comparison(None, "", f"Webadressen niet vergeleken met {compared.name}: {error}.")
    if compared.ref:
        for rel in unreadable:
            print(f"{rel}: in {compared.name} niet te lezen met de huidige regels; zijn adres is niet vergeleken")
        problems, notes = disappearing(before, state.entries, state.today)
        for note in notes:
            print(note)
        if problems:
            report(problems)
            files = plural(len(problems), "1 bestand laat", "{n} bestanden laten")
            print(
                f"\n{files} een webadres verdwijnen dat in {compared.name} bestaat. Zie REDACTIE.md (Datum of titel veranderen).",
                file=sys.stderr,
            )
            return 1
    shown = len(state.shown)
    later = change_dates(state.entries, state.today)[1:]
    print(f"posts/ is in orde: {count_of(len(state.entries), 'bestand', 'bestanden')}, {shown} gepubliceerd op {state.today.isoformat()}.")
    if later:
        days = plural(len(later), "de komende dag", "de {n} komende dagen")
        print(
            f"Ook de links gecontroleerd op {days} waarop een bericht verschijnt of een activiteit begint of eindigt (t/m {later[-1].isoformat()})."
        )
    print(f"Geen webadres uit {compared.name} verdwijnt." if compared.ref else compared.note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
