"""Shared fixtures: the real site built once per SITE_TODAY, and throwaway
copies of the project for tests that need other posts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from werkplaats.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-22"
PROJECT_FILES = ("mkdocs.yml", "Makefile", "requirements.txt")
PROJECT_DIRS = ("docs", "overrides", "hooks", "schemas", "werkplaats")


def mkdocs_build(root: Path, out: Path, today: str, **env) -> Path:
    """Run the real `mkdocs build --strict`; fail the test with MkDocs' output."""
    environment = {**os.environ, "SITE_TODAY": today, "NO_MKDOCS_2_WARNING": "1", **env}
    environment.pop("SOURCE_DATE_EPOCH", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=root, env=environment, capture_output=True, text=True,
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build failed (SITE_TODAY={today}):\n{result.stdout}\n{result.stderr}")
    return out


@pytest.fixture(scope="session")
def site_build(tmp_path_factory):
    """site_build("2017-06-01") -> Path of the real site built for that day (cached)."""
    built: dict[str, Path] = {}

    def build(today: str) -> Path:
        if today not in built:
            built[today] = mkdocs_build(ROOT, tmp_path_factory.mktemp(f"site-{today}"), today)
        return built[today]

    return build


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    return site_build(TODAY)


def page(site: Path, url: str) -> BeautifulSoup:
    """The built page at a site-relative directory URL ('' for the home page)."""
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


class Project:
    """A copy of the project with its own, empty posts/."""

    def __init__(self, root: Path):
        self.root = root
        for name in PROJECT_DIRS:
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("posts", "__pycache__"))
        for name in PROJECT_FILES:
            shutil.copy(ROOT / name, root / name)
        for kind in ("nieuws", "verslagen", "agenda"):
            (root / "posts" / kind).mkdir(parents=True)
        self._builds = 0

    @property
    def settings(self):
        return load_settings(self.root)

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / "posts" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def build(self, today: str, **env) -> Path:
        self._builds += 1
        return mkdocs_build(self.root, self.root.parent / f"site-{self._builds}", today, **env)


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path / "project")
