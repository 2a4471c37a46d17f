"""`make check`: validate every file in posts/ without building the site.

Every file is read (a collision needs all of them); with file arguments,
as pre-commit passes them, only the problems of those files are reported.
Prints one line per problem, `path:line: message`, and exits 1 if there is
any. Inside GitHub Actions it also prints `::error file=...,line=...::`
annotations so the problem shows on the pull request's diff.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .build import start_build
from .dates import TodayError
from .links import change_dates
from .model import ContentError


def annotation(problem) -> str:
    message = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::error file={problem.path},line={problem.line}::{message}"


def main(argv: list[str] | None = None) -> int:
    """Check all of posts/; with file arguments (pre-commit), report only those files."""
    only = {Path(arg).as_posix().removeprefix("./") for arg in (sys.argv[1:] if argv is None else argv)}
    try:
        state = start_build()
    except ContentError as error:
        problems = [p for p in error.problems if not only or p.path in only]
        if not problems:
            return 0
        for problem in problems:
            print(problem)
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(annotation(problem))
        count = len(problems)
        print(f"\n{count} {'fout' if count == 1 else 'fouten'} gevonden in posts/. Zie REDACTIE.md voor uitleg.", file=sys.stderr)
        return 1
    except TodayError as error:
        print(error, file=sys.stderr)
        return 2
    shown = len(state.shown)
    later = change_dates(state.entries, state.today)[1:]
    print(f"posts/ is in orde: {len(state.entries)} bestanden, {shown} gepubliceerd op {state.today.isoformat()}.")
    if later:
        print(f"Ook de links gecontroleerd op de {len(later)} komende dagen waarop de site verandert (t/m {later[-1].isoformat()}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
