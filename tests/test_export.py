"""python -m werkplaats.site.export: the site as plain files
that a generator without hooks builds to the same pages.

The real project and the varied fixture project are exported and the
export is built with plain MkDocs (no hooks, no overrides/, no blog
plugin). Compared with the real build of the same project and day:
the same HTML pages at the same addresses with the same <h1> (the 404 page
aside: the theme's own), the feeds and every calendar byte for byte, every
attachment, and no link that leads nowhere.
"""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import PROJECT, PROJECT_TODAY, TODAY, html_files, run_mkdocs

from werkplaats.content.links import relink
from werkplaats.site.export import main as export_main

EPOCH = {"SOURCE_DATE_EPOCH": "1763900000"}  # the calendars' DTSTAMP, the same in both builds
# Files only the hooks write, and why the export has none:
HOOK_ONLY = (
    "admin/",  # the CMS: an application, not a page (hooks/admin.py)
    "pagefind/",  # the search index: the export uses the generator's own search
    "zoeken/woorden.json",  # the search box's suggestions, from the Pagefind index
    "assets/",  # the theme's files (both have theirs)
    "search/",  # MkDocs' lunr index in the export
)
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")  # the build writes renditions, the export the original


def build_export(root: Path, out: Path, today: str = TODAY, **env) -> tuple[Path, Path]:
    """Export the project at `root`, build the export with plain MkDocs; (export dir, site dir)."""
    export = out / "export"
    subprocess.run(
        [sys.executable, "-m", "werkplaats.site.export", str(export), "--root", str(root)],
        env={**_env(), "SITE_TODAY": today, **EPOCH, **env},
        check=True,
        capture_output=True,
        text=True,
    )
    return export, run_mkdocs(export, out / "site", today, **EPOCH, **env)


def _env() -> dict:
    import os

    env = dict(os.environ)
    env.pop("SITE_URL", None)
    return env


@pytest.fixture(scope="module")
def pairs(tmp_path_factory, varied_project, site_build, varied_build):
    """name -> (real site, export dir, export site), for the real and the varied project."""
    found = {}
    for name, root, real, today in (
        ("echt", PROJECT, site_build, PROJECT_TODAY),
        ("gevarieerd", varied_project.root, varied_build, TODAY),
    ):
        export, built = build_export(root, tmp_path_factory.mktemp(f"export-{name}"), today)
        found[name] = (real(today, **EPOCH), export, built)
    return found


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in html_files(site)}


def heading(path: Path) -> str | None:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    h1 = soup.select_one(".md-content h1") or soup.select_one("main h1")
    return h1.get_text(" ", strip=True) if h1 else None


@pytest.mark.parametrize("name", ["echt", "gevarieerd"])
def test_the_export_builds_to_the_same_pages(pairs, name):
    real, _, built = pairs[name]
    assert pages(real) == pages(built)
    assert len(pages(real)) > 10


@pytest.mark.parametrize("name", ["echt", "gevarieerd"])
def test_every_page_has_the_same_heading(pairs, name):
    real, _, built = pairs[name]
    different = [
        (page, heading(real / page), heading(built / page))
        for page in sorted(pages(real))
        if page != "404.html" and heading(real / page) != heading(built / page)
    ]
    assert different == []


@pytest.mark.parametrize("name", ["echt", "gevarieerd"])
def test_feeds_calendars_and_attachments_are_the_same_bytes(pairs, name):
    real, _, built = pairs[name]
    files = [p.relative_to(real).as_posix() for p in real.rglob("*") if p.is_file() and p.suffix != ".html"]
    files = [
        f
        for f in files
        if not f.startswith(HOOK_ONLY)
        and not f.lower().endswith(IMAGE_SUFFIXES)
        and f not in (".nojekyll", "sitemap.xml", "sitemap.xml.gz", "agenda/sitemap.xml", "manifest.json")
    ]
    assert {"feed.xml", "feed.json", "agenda/werkplaats-agenda.ics"} <= set(files)
    assert any(f.endswith(".ics") and f != "agenda/werkplaats-agenda.ics" for f in files)
    missing = [f for f in files if not (built / f).is_file()]
    assert missing == []
    # The tags plugin lists pages in the order the generator reads them: same entries, another order.
    assert tags_index(real / "tags.json") == tags_index(built / "tags.json")
    assert [f for f in files if f != "tags.json" and not filecmp.cmp(real / f, built / f, shallow=False)] == []


def tags_index(path: Path) -> list[str]:
    return sorted(json.dumps(item, sort_keys=True) for item in json.loads(path.read_text(encoding="utf-8"))["mappings"])


@pytest.mark.parametrize("name", ["echt", "gevarieerd"])
def test_every_link_and_image_in_the_exported_pages_leads_somewhere(pairs, name):
    _, _, built = pairs[name]
    broken = []
    for page in html_files(built):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for node, attribute in [
            *((a, "href") for a in soup.select("article a[href]")),
            *((i, "src") for i in soup.select("article img[src]")),
        ]:
            target = node[attribute].split("#")[0]
            if not target or ":" in target:
                continue
            path = (page.parent / target).resolve()
            if not (path.is_file() or (path / "index.html").is_file()):
                broken.append((page.relative_to(built).as_posix(), node[attribute]))
    assert broken == []


def test_the_varied_export_keeps_pictures_attachments_and_tags(pairs):
    _, export, built = pairs["gevarieerd"]
    posts = [p for p in (export / "docs" / "nieuws").rglob("index.md") if p.parent.parent.parent.name.isdigit()]
    text = "\n".join(p.read_text(encoding="utf-8") for p in posts)
    assert "![" in text and "## Bijlagen" in text and "\ntags:\n" in text
    tags = BeautifulSoup((built / "nieuws" / "trefwoorden" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert tags.select(".md-tag")


def test_old_addresses_get_the_sites_own_redirect_page(project, tmp_path):
    project.write(
        "nieuws/nieuw.md", "---\ntitle: Nieuwe titel\ndate: 2026-11-20\naliases: [nieuws/2026/11/01/oude-titel/]\n---\n\nTekst.\n"
    )
    real = project.build(TODAY, **EPOCH)
    _, built = build_export(project.root, tmp_path)
    old = "nieuws/2026/11/01/oude-titel/index.html"
    assert (real / old).read_bytes() == (built / old).read_bytes()
    assert "Content-Security-Policy" in (built / old).read_text(encoding="utf-8")
    assert pages(real) == pages(built)


def test_the_export_has_no_hooks_theme_templates_or_blog(pairs):
    _, export, _ = pairs["echt"]
    config = yaml.safe_load((export / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and "custom_dir" not in config["theme"]
    assert config["plugins"] == [{"search": {"lang": "nl"}}, "tags"]
    assert config["site_url"].startswith("https://")
    assert not list((export / "docs").rglob("*.md")) or all(
        "template:" not in p.read_text(encoding="utf-8").split("---")[1]
        for p in (export / "docs").rglob("*.md")
        if p.read_text(encoding="utf-8").startswith("---")
    )


def test_a_second_export_replaces_the_first(tmp_path, capsys):
    out = tmp_path / "export"
    (out / "docs" / "oud").mkdir(parents=True)
    (out / "docs" / "oud" / "weg.md").write_text("# Weg\n", encoding="utf-8")
    assert export_main([str(out), "--root", str(PROJECT)]) == 0
    assert not (out / "docs" / "oud").exists() and (out / "docs" / "index.md").is_file()
    assert "pages and" in capsys.readouterr().out


def test_relink_points_links_at_their_new_places(tmp_path):
    source = tmp_path / "posts" / "nieuws" / "a.md"
    body = (
        "Zie [verslag](../verslagen/b.md#kop), ![foto](afbeeldingen/f.jpg), [extern](https://example.org/x.md), "
        "[eigen kop](#kop) en `[code](c.md)`.\n\n[r]: ../verslagen/b.md\n"
    )
    places = {
        tmp_path / "posts" / "verslagen" / "b.md": "nieuws/2018/10/30/b/index.md",
        tmp_path / "posts" / "nieuws" / "afbeeldingen" / "f.jpg": "nieuws/nieuws/afbeeldingen/f.jpg",
    }
    out = relink(body, source, "nieuws/2018/10/18/a", lambda path: places.get(path))
    assert out == (
        "Zie [verslag](../../30/b/index.md#kop), ![foto](../../../../nieuws/afbeeldingen/f.jpg), "
        "[extern](https://example.org/x.md), [eigen kop](#kop) en `[code](c.md)`.\n\n[r]: ../../30/b/index.md\n"
    )


def test_site_url_is_read_as_mkdocs_reads_it(monkeypatch):
    """mkdocs.yml gives `site_url: !ENV [SITE_URL, default]`: the export (and
    every other reader of Settings) gets a string, as MkDocs does."""
    from werkplaats.core.settings import load_settings

    monkeypatch.delenv("SITE_URL", raising=False)
    assert (
        load_settings(PROJECT).site_url
        == yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8").split("site_url: !ENV ", 1)[1].split("\n", 1)[0])[1]
    )
    monkeypatch.setenv("SITE_URL", "https://voorbeeld.nl/site/")
    assert load_settings(PROJECT).site_url == "https://voorbeeld.nl/site/"


def test_an_invalid_post_stops_the_export_with_file_and_line(repo, tmp_path, capsys):
    repo.write("nieuws/kapot.md", "---\ntitle: Kapot\ndate: 2026-13-01\n---\n\nTekst.\n")
    assert export_main([str(tmp_path / "export"), "--root", str(repo.root)]) == 1
    error = capsys.readouterr().err
    assert "Nothing exported" in error and "posts/nieuws/kapot.md:3:" in error
    assert not (tmp_path / "export").exists()
