"""The same site from two generators: MkDocs 1.6.1 and ProperDocs
1.6.7, which continues MkDocs 1.x and runs Material 9 unchanged.

Both builds of the real project and of the varied fixture project are
compared file by file, byte for byte. The one difference, explained:
every page names its generator in `<meta name="generator">`. Pagefind's
three derived index files are compared by number only, as between two
MkDocs builds (tests/test_speed.py: their order varies from run to run).
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import PROJECT, PROJECT_TODAY, ROOT, TODAY, run_mkdocs
from sitecheck import tree

GENERATOR_TAG = re.compile(rb'<meta name="generator" content="([^"]*)">')
# Fixed, so the calendars' DTSTAMP is the same in both builds.
EPOCH = {"SOURCE_DATE_EPOCH": "1763900000"}


def without_generator(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: GENERATOR_TAG.sub(b"", body) for name, body in files.items()}


@pytest.fixture(scope="module")
def both(tmp_path_factory, varied_project):
    """(project name) -> {generator: site directory}."""
    built = {}
    for name, root, today in (("echt", PROJECT, PROJECT_TODAY), ("gevarieerd", varied_project.root, TODAY)):
        built[name] = {
            generator: run_mkdocs(root, tmp_path_factory.mktemp(f"{name}-{generator}"), today, generator=generator, **EPOCH)
            for generator in ("mkdocs", "properdocs")
        }
    return built


@pytest.mark.parametrize("name", ["echt", "gevarieerd"])
def test_properdocs_builds_the_same_files_and_bytes(both, name):
    mkdocs, properdocs = (tree(both[name][g]) for g in ("mkdocs", "properdocs"))
    assert sorted(mkdocs) == sorted(properdocs)
    left, right = without_generator(mkdocs), without_generator(properdocs)
    assert [f for f in left if left[f] != right[f]] == []


@pytest.mark.parametrize("name", ["echt", "gevarieerd"])
def test_the_only_difference_is_the_generator_tag(both, name):
    mkdocs, properdocs = (tree(both[name][g]) for g in ("mkdocs", "properdocs"))
    changed = [f for f in mkdocs if mkdocs[f] != properdocs[f]]
    assert changed and all(f.endswith(".html") for f in changed)
    for f in changed:
        tags = {GENERATOR_TAG.search(mkdocs[f]).group(1), GENERATOR_TAG.search(properdocs[f]).group(1)}
        assert tags == {b"mkdocs-1.6.1, mkdocs-material-9.8.1", b"mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1"}, f


def test_make_build_takes_the_generator():
    dry = subprocess.run(["make", "-n", "build", "GENERATOR=properdocs"], cwd=ROOT, capture_output=True, text=True)
    assert "-m properdocs build --strict" in dry.stdout
    version = subprocess.run([sys.executable, "-m", "properdocs", "--version"], capture_output=True, text=True)
    assert "1.6.7" in version.stdout


def test_the_site_tests_build_with_the_chosen_generator(site_build):
    """`make test-site GENERATOR=properdocs` really runs on ProperDocs' build."""
    from conftest import GENERATOR

    tag = GENERATOR_TAG.search((site_build(PROJECT_TODAY) / "index.html").read_bytes()).group(1)
    assert (b"ProperDocs" in tag) == (GENERATOR == "properdocs")
