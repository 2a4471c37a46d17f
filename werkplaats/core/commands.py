"""The command line of the project's programs, in the Makefile's words.

`make help` lists each target with the text after its `##`; every program a
target runs (tools/*.py, `python -m werkplaats...`) answers `--help` with
that same text, read from the Makefile, so the two never drift apart. A
program run by no target describes itself in its own docstring.
tests/test_commands.py runs `--help` on every program and holds it to this.
"""

from __future__ import annotations

import argparse
import re

from .settings import ROOT

MAKEFILE = ROOT / "Makefile"
_TARGET = re.compile(r"^([a-z][a-z-]*):[^#\n]*##\s*(.+)$", re.MULTILINE)
# A rule's first line: a target of its own, or a file rule ($(NODE_STAMP));
# not a variable (`PY := ...`).
_RULE = re.compile(r"^([^\s#][^:=]*):(?!=)")


def make_targets() -> dict[str, str]:
    """Target -> its help text, as `make help` prints them."""
    text = MAKEFILE.read_text(encoding="utf-8") if MAKEFILE.is_file() else ""
    return dict(_TARGET.findall(text))


def make_recipes() -> dict[str, list[str]]:
    """Rule -> its recipe lines, stripped, as the Makefile writes them."""
    recipes: dict[str, list[str]] = {}
    current = None
    for line in (MAKEFILE.read_text(encoding="utf-8") if MAKEFILE.is_file() else "").splitlines():
        if match := _RULE.match(line):
            current = recipes.setdefault(match.group(1), [])
        elif line.startswith("\t") and current is not None:
            current.append(line.strip())
    return recipes


def parser(*targets: str, prog: str | None = None, about: str = "") -> argparse.ArgumentParser:
    """An ArgumentParser described by the Makefile's help of `targets` (one
    line each: `make target: text`), then `about` (the program's own words)."""
    known = make_targets()
    lines = [f"make {target}: {known[target]}" for target in targets if target in known]
    description = "\n".join(lines + ([about.strip()] if about.strip() else []))
    return argparse.ArgumentParser(
        prog=prog or (f"make {'|'.join(targets)}" if targets else None),
        description=description,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
