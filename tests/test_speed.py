"""The speed corrections (hooks/speed.py, navigation pruning aside) change
nothing in the output, and builds are reproducible."""

from __future__ import annotations

import filecmp
from pathlib import Path

from conftest import ROOT, mkdocs_build

REFERENCES = """---
title: Bericht met verwijzingen
date: 2026-11-01
---

Een eerste alinea met een [verwijzing][bron] en de afkorting WMO.

<!-- more -->

Meer tekst.

[bron]: https://example.org/bron
*[WMO]: Wet maatschappelijke ondersteuning
"""


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def assert_same_tree(a: Path, b: Path) -> None:
    left, right = tree(a), tree(b)
    assert sorted(left) == sorted(right)
    different = [name for name in left if left[name] != right[name]]
    assert different == [], different[:10]


def test_real_site_identical_with_and_without_speedups(site, tmp_path):
    plain = mkdocs_build(ROOT, tmp_path / "plain", "2026-11-22", WERKPLAATS_NO_SPEEDUPS="1")
    assert_same_tree(site, plain)


def test_excerpts_keep_reference_links_and_abbreviations(project):
    project.write("nieuws/verwijzingen.md", REFERENCES)
    for n in range(12):  # more than one listing page
        project.write(f"nieuws/bericht-{n}.md", f"---\ntitle: Bericht {n}\ndate: 2026-10-{n + 1:02d}\n---\n\nAlinea {n}.\n\nNog een alinea.\n")
    fast = project.build("2026-11-22")
    plain = project.build("2026-11-22", WERKPLAATS_NO_SPEEDUPS="1")
    assert_same_tree(fast, plain)
    listing = (fast / "nieuws" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/bron"' in listing and 'title="Wet maatschappelijke ondersteuning"' in listing


def test_two_builds_are_byte_identical(site, tmp_path):
    again = mkdocs_build(ROOT, tmp_path / "again", "2026-11-22")
    assert_same_tree(site, again)
    assert filecmp.cmp(site / "sitemap.xml.gz", again / "sitemap.xml.gz", shallow=False)
