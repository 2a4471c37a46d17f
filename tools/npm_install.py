"""`npm ci` as the Makefile runs it, with one kind of warning folded.

Decap CMS's own packages ask for React 16 or 17 as a peer while Decap 3
installs React 19; npm reports each of them in a block of some twenty
`npm warn` lines (338 lines on a first install). The admin loads Decap's
prebuilt bundle, which carries its own React, so those blocks say nothing
an editor or maintainer must act on. They are folded into one line that
names the packages; every other line npm prints (other warnings,
deprecations, errors) passes through unchanged, and the whole output is
kept in node_modules/.npm-install.log. npm's exit status is kept.

Standard library only: it runs before the venv exists.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

COMMAND = ["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"]
LOG = Path("node_modules") / ".npm-install.log"
_START = "npm warn ERESOLVE overriding peer dependency"
_RESOLVING = re.compile(r"^npm warn While resolving: (\S+)")
_OTHER_WARNINGS = ("npm warn deprecated", "npm warn EBADENGINE", "npm warn config")


def decap_tree(lock: dict) -> set[str]:
    """The names of every package decap-cms brings in, from package-lock.json."""
    entries: dict[str, list[dict]] = {}
    for path, entry in lock.get("packages", {}).items():
        entries.setdefault(path.rpartition("node_modules/")[2], []).append(entry)
    found, todo = set(), ["decap-cms"]
    while todo:
        name = todo.pop()
        if name in found:
            continue
        found.add(name)
        for entry in entries.get(name, []):
            todo.extend({**entry.get("dependencies", {}), **entry.get("peerDependencies", {})})
    return found


def fold(output: str, decap: set[str]) -> tuple[list[str], list[str]]:
    """(lines to print, packages whose peer-dependency blocks were folded).

    A block starts at npm's ERESOLVE line and runs over the `npm warn` lines
    that follow it, up to a line that is not `npm warn` or that starts a
    warning of another kind. Only blocks about a package of Decap CMS's own
    tree (`decap`) are folded; any other is printed whole."""
    shown: list[str] = []
    folded: list[str] = []
    block: list[str] | None = None

    def close() -> None:
        if block is None:
            return
        names = [m[1] for m in map(_RESOLVING.match, block) if m]
        if names and all(n.rpartition("@")[0] in decap for n in names):
            folded.extend(n for n in names if n not in folded)
        else:
            shown.extend(block)

    for line in output.splitlines():
        if line == _START:
            close()
            block = [line]
        elif block is not None and line.startswith("npm warn") and not line.startswith(_OTHER_WARNINGS):
            block.append(line)
        else:
            close()
            block = None
            shown.append(line)
    close()
    return shown, folded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="tools/npm_install.py",
        description="Install the npm packages from package-lock.json (npm ci) and fold the peer-dependency warnings of Decap CMS's packages into one line.",
    )
    parser.parse_args(argv)
    try:
        result = subprocess.run(COMMAND, capture_output=True, text=True)
    except FileNotFoundError:
        print(
            "npm ontbreekt: installeer Node.js (met npm) en probeer het opnieuw, bijvoorbeeld apt-get install nodejs npm.", file=sys.stderr
        )
        return 127
    output = result.stdout + result.stderr
    if LOG.parent.is_dir():
        LOG.write_text(output, encoding="utf-8")
    shown, folded = fold(output, decap_tree(json.loads(Path("package-lock.json").read_text(encoding="utf-8"))))
    for line in shown:
        print(line)
    if folded:
        print(summary(folded))
    return result.returncode


def summary(folded: list[str]) -> str:
    """The one line that stands for the folded blocks (editors read it on a first make serve)."""
    return (
        f"npm: {len(folded)} pakketten van Decap CMS vragen om andere versies van React of Slate dan Decap installeert "
        f"({', '.join(folded)}). Dat kan geen kwaad: de redactieomgeving gebruikt Decaps eigen bundel. "
        f"Alles wat npm zei: {LOG}"
    )


if __name__ == "__main__":
    sys.exit(main())
