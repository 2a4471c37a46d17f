"""Every program of the project answers `--help` without doing anything
else, and says what `make help` says of the targets that run it
(werkplaats.core.commands)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT

from werkplaats.core.commands import make_recipes, make_targets

pytestmark = pytest.mark.unit

# A recipe line that runs a program: tools/x.py or python -m werkplaats....
_PROGRAM = re.compile(r"\$\(PY(?:THON)?\) (tools/\w+\.py|-m werkplaats(?:\.\w+)+)")


def programs_of_targets() -> dict[str, list[str]]:
    """Program -> the make rules whose recipe runs it."""
    found: dict[str, list[str]] = {}
    for target, lines in make_recipes().items():
        for program in _PROGRAM.findall("\n".join(lines)):
            found.setdefault(program, []).append(target)
    return found


def tools_with_a_command_line() -> list[str]:
    return sorted(
        f"tools/{path.name}" for path in (ROOT / "tools").glob("*.py") if 'if __name__ == "__main__"' in path.read_text(encoding="utf-8")
    )


def help_of(program: str) -> subprocess.CompletedProcess:
    command = [sys.executable, *program.split()] if program.startswith("-m ") else [sys.executable, program]
    return subprocess.run([*command, "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("program, targets", sorted(programs_of_targets().items()))
def test_a_program_of_a_target_answers_help_in_the_makefiles_words(program, targets):
    result = help_of(program)
    assert result.returncode == 0, result.stderr
    words = make_targets()
    for target in targets:
        if target in words:  # a target without ## is internal (the npm stamp)
            assert flat(f"make {target}: {words[target]}") in flat(result.stdout)


@pytest.mark.parametrize("tool", tools_with_a_command_line())
def test_every_tool_answers_help(tool):
    result = help_of(tool)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage:") and len(flat(result.stdout)) > 40


def test_help_writes_nothing():
    """`make schema`'s program writes schemas/ when run, and nothing when asked for help."""
    before = {p: p.stat().st_mtime_ns for p in (ROOT / "schemas").glob("*.json")}
    assert help_of("-m werkplaats.content.schema").returncode == 0
    assert {p: p.stat().st_mtime_ns for p in (ROOT / "schemas").glob("*.json")} == before


def test_the_makefile_runs_the_programs_this_test_knows():
    programs = programs_of_targets()
    assert "tools/audit.py" in programs and "-m werkplaats.editing.check" in programs
    assert programs["-m werkplaats.editing.scaffold"] == ["post", "verslag", "event"]
