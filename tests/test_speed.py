"""hooks/speed.py keeps its promise: the site is the same with and without
it (the varied project and the project under test, every file compared),
its excerpt shortcut gives Material's excerpt for every kind of post text,
and it stops the build on a Material version it was not written for.
Builds are reproducible. (How fast is for `make bench`, not for tests.)"""

from __future__ import annotations

import filecmp
from pathlib import Path

import markdown
import pytest
import varied
from conftest import PROJECT, PROJECT_TODAY, ROOT, TODAY, mkdocs_build
from mkdocs.config import load_config
from sitecheck import tree

from werkplaats.content import excerpts
from werkplaats.content.model import EXCERPT_SEPARATOR, with_excerpt_separator


def assert_same_tree(a: Path, b: Path) -> None:
    left, right = tree(a), tree(b)
    assert sorted(left) == sorted(right)
    different = [name for name in left if left[name] != right[name]]
    assert different == [], different[:10]


# --- the same site with and without the hook ------------------------------------------


def test_varied_site_identical_with_and_without_speedups(varied_build):
    assert_same_tree(varied_build(TODAY), varied_build(TODAY, WERKPLAATS_NO_SPEEDUPS="1"))


def test_varied_content_takes_both_paths_of_the_shortcut():
    """So the comparison above covers shortened excerpts and whole ones."""
    shortened = {p.file for p in varied.POSTS if excerpts.excerpt_markdown(with_excerpt_separator(p.body)) is not None}
    assert {varied.GESLOTEN.file, varied.LEERGROEP.file, varied.GEMEENTEN.file} <= shortened
    assert not {varied.MANTELZORG.file, varied.DORDRECHT.file, varied.TERUGBLIK.file} & shortened


def test_site_identical_with_and_without_speedups(site, site_build):
    assert_same_tree(site, site_build(PROJECT_TODAY, WERKPLAATS_NO_SPEEDUPS="1"))


def test_two_builds_are_byte_identical(site, tmp_path):
    again = mkdocs_build(PROJECT, tmp_path / "again", PROJECT_TODAY)
    assert_same_tree(site, again)
    assert filecmp.cmp(site / "sitemap.xml.gz", again / "sitemap.xml.gz", shallow=False)


# --- the excerpt shortcut, against Python-Markdown with the site's extensions ------------


@pytest.fixture(scope="module")
def site_markdown():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert excerpts.excerpts_can_be_shortened(config.markdown_extensions, config.plugins["material/blog"].config)
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def excerpt(md, text: str) -> tuple[str, bool]:
    """What Material's Excerpt.render keeps: the HTML before the marker, and whether HTML follows."""
    html = md.reset().convert(text)
    content, *more = html.split(EXCERPT_SEPARATOR, 1)
    return content, bool(more and more[0])


M = EXCERPT_SEPARATOR
SAMPLES = [
    # id, post text (after with_excerpt_separator), whether the shortcut applies
    ("one paragraph", f"Een alinea.\n\n{M}\n", True),
    ("one paragraph, no newline", f"Een alinea.\n\n{M}", True),
    ("two paragraphs", f"Een.\n\n{M}\n\nTwee.\n", True),
    ("only blanks after", f"Een.\n\n{M}\n\n   \n\t\n", True),
    ("control characters after", f"Een.\n\n{M}\n\n\x02\n", True),
    ("a comment after", f"Een.\n\n{M}\n\n<!-- x -->\n", True),
    ("a heading after", f"Een.\n\n{M}\n\n## Kop\n", True),
    ("a rule after", f"Een.\n\n{M}\n\n---\n", True),
    ("attributes after", f"Een.\n\n{M}\n\n{{: .x }}\n", True),
    ("a table after", f"Een.\n\n{M}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", True),
    ("same heading twice", f"## Kop\n\nEen.\n\n{M}\n\n## Kop\n", True),
    ("a list before", f"- a\n- b\n\n{M}\n\nc\n", True),
    ("a quote before", f"> a\n\n{M}\n\nc\n", True),
    ("an admonition before", f"!!! note\n\n    a\n\n{M}\n\nc\n", True),
    ("details before", f'??? note "x"\n\n    a\n\n{M}\n\nb\n', True),
    ("only a link definition after", f"Zie [x].\n\n{M}\n\n[x]: https://example.org\n", False),
    ("definition title on the next line", f'Zie [x][y].\n\n{M}\n\nMeer.\n\n[y]: https://example.org\n    "Titel"\n', False),
    ("abbreviation after", f"De WMO.\n\n{M}\n\nMeer.\n\n*[WMO]: Wet\n", False),
    ("no-break space after", f"Een.\n\n{M}\n\n\u00a0\n", False),
    ("marker inside a paragraph", f"Een\n{M}\nTwee\n", False),
    ("marker inside a code fence", f"```\ncode\n\n{M}\n\n```\n\nna\n", False),
    ("marker inside raw HTML", f"<div markdown>\n\nEen.\n\n{M}\n\n</div>\n\nna\n", False),
]


@pytest.mark.parametrize("text, shortened", [s[1:] for s in SAMPLES], ids=[s[0] for s in SAMPLES])
def test_excerpt_shortcut_gives_materials_excerpt(site_markdown, text, shortened):
    short = excerpts.excerpt_markdown(text)
    assert (short is not None) is shortened
    if short is not None:
        assert excerpt(site_markdown, short) == excerpt(site_markdown, text)


def test_a_single_paragraph_has_nothing_more_to_read(site_markdown):
    """The case the first version got wrong: the listing offered "Doorgaan met lezen"."""
    text = with_excerpt_separator("Alleen deze alinea.\n")
    assert excerpt(site_markdown, text)[1] is False
    assert excerpt(site_markdown, excerpts.excerpt_markdown(text))[1] is False


def test_shortcut_is_off_for_unchecked_extensions_and_blog_tables_of_contents():
    blog = {"blog_toc": False, "archive_toc": None, "categories_toc": False}
    checked = ["toc", "abbr", "pymdownx.superfences"]
    assert excerpts.excerpts_can_be_shortened(checked, blog)
    assert not excerpts.excerpts_can_be_shortened(["toc", "footnotes"], blog)
    assert not excerpts.excerpts_can_be_shortened(checked, {**blog, "categories_toc": True})
