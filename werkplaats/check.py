"""`make check`: validate every file in posts/ without building the site.

Prints one line per problem, `path:line: message`, and exits 1 if there is
any. Inside GitHub Actions it also prints `::error file=...,line=...::`
annotations so the problem shows on the pull request's diff.
"""

from __future__ import annotations

import os
import sys

from .build import start_build
from .dates import TodayError
from .model import ContentError


def annotation(problem) -> str:
    message = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::error file={problem.path},line={problem.line}::{message}"


def main(argv: list[str] | None = None) -> int:
    try:
        state = start_build()
    except ContentError as error:
        for problem in error.problems:
            print(problem)
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(annotation(problem))
        count = len(error.problems)
        print(f"\n{count} {'fout' if count == 1 else 'fouten'} gevonden in posts/. Zie REDACTIE.md voor uitleg.", file=sys.stderr)
        return 1
    except TodayError as error:
        print(error, file=sys.stderr)
        return 2
    shown = len(state.shown)
    print(f"posts/ is in orde: {len(state.entries)} bestanden, {shown} gepubliceerd op {state.today.isoformat()}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
