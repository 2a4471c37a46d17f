"""Editors add posts every week: the tests of the real site must hold for any
valid content, not just today's.

The proof: copy the whole project with its real posts/, add the varied
content of tests/varied.py (more news, reports and events, scheduled ones,
drafts, a cancelled event, ...), and run the site-level test modules on the
copy (WERKPLAATS_TEST_PROJECT). Tests that bring their own fixture project
(marker `fixture_project`) are left out there: they do not look at the copy.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import PROJECT, ROOT, Project
from varied import write_varied

from werkplaats.content.model import load_all

# The modules whose tests of the project under test must pass on any content
# (test_site_quality.py: valid HTML, links, titles and descriptions of every page).
SITE_MODULES = ["test_site.py", "test_agenda_site.py", "test_speed.py", "test_model.py", "test_site_quality.py"]

pytestmark = pytest.mark.skipif("WERKPLAATS_TEST_PROJECT" in os.environ, reason="runs the suite on a copy itself; not inside that run")


class _Recorder:
    """Takes what write_varied writes, to be written under other names."""

    def __init__(self):
        self.files: dict[str, str | bytes] = {}

    def write(self, rel: str, content) -> None:
        self.files[rel] = content


def add_varied_content(project: Project, mark: str = "-proefinhoud") -> None:
    """The varied content, every file renamed (x.md -> x-proefinhoud.md, links
    in the texts too), so that it never replaces an editor's file of the same
    name: a real post called wijkavond-zwijndrecht.md must stay the editor's."""
    recorded = _Recorder()
    write_varied(recorded)
    names = {rel.rsplit("/", 1)[1] for rel in recorded.files}
    renamed = {name: f"{name.rsplit('.', 1)[0]}{mark}.{name.rsplit('.', 1)[1]}" for name in names}
    pattern = re.compile(r"(?<![\w.-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w.-])")
    for rel, content in recorded.files.items():
        folder, name = rel.rsplit("/", 1)
        target = f"{folder}/{renamed[name]}"
        assert not (project.root / "posts" / target).exists(), f"posts/{target} exists already"
        if isinstance(content, str):
            content = pattern.sub(lambda match: renamed[match.group(1)], content)
        project.write(target, content)


def test_varied_content_keeps_its_links_when_renamed(tmp_path):
    project = Project(tmp_path / "project")
    add_varied_content(project)
    assert all("-proefinhoud." in p.name for p in (project.root / "posts").rglob("*") if p.is_file())
    load_all(project.settings, today=dt.date(2026, 11, 22))  # links and reports still resolve


@pytest.mark.site
def test_site_tests_pass_with_more_content(tmp_path):
    copy = Project(tmp_path / "project")
    shutil.copytree(PROJECT / "posts", copy.root / "posts", dirs_exist_ok=True)
    real_files = sorted(p.relative_to(copy.root).as_posix() for p in (copy.root / "posts").rglob("*.md"))
    add_varied_content(copy)
    all_files = sorted(p.relative_to(copy.root).as_posix() for p in (copy.root / "posts").rglob("*.md"))
    assert set(real_files) < set(all_files)

    env = {**os.environ, "WERKPLAATS_TEST_PROJECT": str(copy.root)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            *(f"tests/{m}" for m in SITE_MODULES),
            "-q",
            "-p",
            "no:cacheprovider",
            "-m",
            "not fixture_project",
            "--basetemp",
            str(tmp_path / "run"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    summary = output.strip().splitlines()[-1] if output.strip() else ""
    assert result.returncode == 0, output[-6000:]
    counts = {word: int(n) for n, word in re.findall(r"(\d+) (passed|failed|error|errors|skipped)", summary)}
    assert counts.get("passed", 0) > 50, summary
    assert not counts.get("failed") and not counts.get("error") and not counts.get("errors"), summary
