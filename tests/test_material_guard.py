"""werkplaats.theme.material_guard: every internal of Material or MkDocs the site
leans on is registered, holds for the installed versions, and its check
fires when the assumption is broken on purpose (a changed snapshot of the
theme, or of our own templates)."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace

import pytest
from conftest import ROOT, BuildFailed, run_mkdocs

from werkplaats.theme import material_guard as guard
from werkplaats.theme.material_guard import INTERNALS, InternalsChanged, Ours, Theme

KEYS = [internal.key for internal in INTERNALS]


@pytest.fixture(scope="module")
def theme() -> Theme:
    return Theme.installed()


@pytest.fixture(scope="module")
def ours() -> Ours:
    return Ours.from_root(ROOT)


def changed_templates(theme: Theme, edits: dict) -> Theme:
    """The installed theme with templates replaced: name -> new text (None: gone)."""
    templates = {name: theme.source(name) for name in theme.files if name.endswith((".html", ".css"))}
    for name, text in edits.items():
        if text is None:
            templates.pop(name)
        else:
            templates[name] = text
    return replace(theme, templates=templates)


def edited(theme: Theme, ours: Ours, key: str, name: str, old: str, new: str) -> list[str]:
    """The problems of `key` when Material's template `name` has `old` replaced by `new`."""
    source = theme.source(name)
    assert old in source, (name, old)  # the edit must change something
    return problems(changed_templates(theme, {name: source.replace(old, new)}), ours, key)


def changed_code(theme: Theme, target: str, value) -> Theme:
    def code(wanted: str):
        if wanted == target:
            if value is LookupError:
                raise LookupError(f"{target} is gone")
            return value
        return theme.code(wanted)

    return replace(theme, code=code)


def problems(theme: Theme, ours: Ours, key: str) -> list[str]:
    return [p for p in guard.check_all(theme, ours) if p.startswith(f"{key}: ")]


# --- the registry ------------------------------------------------------------------------


def test_every_internal_holds_for_the_installed_versions(theme, ours):
    assert guard.check_all(theme, ours) == []


def test_every_entry_says_what_it_relies_on_who_uses_it_and_links_upstream():
    assert len(set(KEYS)) == len(KEYS)
    for internal in INTERNALS:
        assert internal.relies_on.endswith(".") and internal.used_by
        assert internal.upstream.startswith(("https://github.com/squidfunk/mkdocs-material/", "https://github.com/mkdocs/mkdocs/"))
        assert guard.CHECKED_VERSIONS[0] in internal.upstream or "mkdocs/blob/1.6.1" in internal.upstream


def test_the_build_stops_with_every_finding_in_english(project, tmp_path):
    """hooks/guard.py runs the registry before any build: an override that
    fills a block its parent does not have (Jinja would ignore it)."""
    contact = project.root / "overrides" / "contact.html"
    contact.write_text(contact.read_text(encoding="utf-8") + "\n{% block verdwenen %}x{% endblock %}\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        run_mkdocs(project.root, tmp_path / "site", "2026-11-22")
    output = str(failed.value)
    assert "The site leans on internals of Material for MkDocs or MkDocs that no longer hold" in output
    assert "template blocks: overrides/contact.html fills block 'verdwenen', which no template it extends defines" in output
    assert "Traceback" not in output


def test_require_all_lists_every_problem_with_its_upstream_code(theme, ours):
    broken = replace(changed_templates(theme, {"partials/toc.html": "<nav></nav>"}), version="9.9.0")
    with pytest.raises(InternalsChanged) as caught:
        guard.require_all(broken, ours)
    message = str(caught.value)
    assert "versions: mkdocs-material 9.9.0 is installed; every entry was read against 9.8.1" in message
    assert 'toc for="__toc": partials/toc.html: expected \'for="__toc"\'' in message
    assert "upstream: https://github.com/squidfunk/mkdocs-material/blob/9.8.1/material/templates/partials/toc.html" in message
    assert "CHECKED_VERSIONS" in message


# --- each check, broken on purpose ----------------------------------------------------------


def test_versions(theme, ours):
    assert problems(replace(theme, version="9.9.0"), ours, "versions")
    assert problems(replace(theme, generator="properdocs", generator_version="1.7.0"), ours, "versions")
    assert not problems(replace(theme, generator="properdocs", generator_version="1.6.7"), ours, "versions")


class _NewBlog:
    def _resolve_post(self, file):  # Material drops `config`
        return file

    def _resolve_posts(self, files, config):
        for file in files:
            yield self._resolve_post(file)


def test_the_wrapped_private_method(theme, ours):
    assert problems(
        changed_code(theme, "material.plugins.blog.plugin:BlogPlugin._resolve_post", _NewBlog._resolve_post),
        ours,
        "BlogPlugin._resolve_post",
    )
    assert problems(
        changed_code(theme, "material.plugins.blog.plugin:BlogPlugin._resolve_posts", _NewBlog._resolve_posts),
        ours,
        "BlogPlugin._resolve_post",
    )
    gone = problems(
        changed_code(theme, "material.plugins.blog.plugin:BlogPlugin._resolve_post", LookupError), ours, "BlogPlugin._resolve_post"
    )
    assert gone and "is gone" in gone[0]


class _NewPost:
    def __init__(self, file, config):
        with open(file.path, encoding="utf-8") as source:  # reads another attribute
            self.markdown = source.read()
        self.meta = {}


class _NewPostConfig:
    date = categories = draft = None  # no readtime


def test_the_post_as_the_wrapper_and_the_template_read_it(theme, ours):
    assert problems(
        changed_code(theme, "material.plugins.blog.structure:Post.__init__", _NewPost.__init__), ours, "Post reads file.abs_src_path"
    )
    assert problems(
        changed_code(theme, "material.plugins.blog.structure:Post.__init__", _NewPost.__init__), ours, "Post fields"
    )  # no self.categories
    found = problems(changed_code(theme, "material.plugins.blog.structure.config:PostConfig", _NewPostConfig), ours, "Post fields")
    assert found and "no option 'readtime'" in found[0]


class _FasterBlog:
    def on_page_markdown(self, markdown, page, config, files):
        if page not in self.blog.post_set:
            return markdown


class _NewExcerpt:
    def render(self, page, separator):
        self.html = page.markdown


def test_the_speedups_assumptions(theme, ours):
    assert problems(changed_code(theme, "material.plugins.blog.plugin:BlogPlugin", _FasterBlog), ours, "page not in self.blog.posts")
    assert problems(changed_code(theme, "material.plugins.blog.structure:Excerpt.render", _NewExcerpt.render), ours, "Excerpt.render")


def test_the_blog_view_class(theme, ours):
    assert problems(changed_code(theme, "material.plugins.blog.structure:View", LookupError), ours, "blog View class")
    post = theme.code("material.plugins.blog.structure:Post")
    assert problems(changed_code(theme, "material.plugins.blog.structure:View", post.__mro__[1]), ours, "blog View class")


class _ViewWithEntries:
    def __init__(self, name, file, config):
        self.entries: list = []  # `posts` renamed


class _PagesWithOwnPosts:
    def _generate_pages(self, view, config, files):
        for at in range(10, len(view.posts), 10):
            file.page.posts = view.posts[at : at + 10]  # noqa: F821 (read as source only): each page only its own


def test_the_blog_views_posts_the_lastmod_reads(theme, ours):
    assert not problems(theme, ours, "blog View.posts")
    renamed = problems(
        changed_code(theme, "material.plugins.blog.structure:View.__init__", _ViewWithEntries.__init__), ours, "blog View.posts"
    )
    assert renamed and "self.posts: list[Post] = []" in renamed[0] and "hooks/lastmod.py" in renamed[0]
    own = changed_code(theme, "material.plugins.blog.plugin:BlogPlugin._generate_pages", _PagesWithOwnPosts._generate_pages)
    assert problems(own, ours, "blog View.posts")


class _ListingsOption:
    default = "tags/listing"


def test_the_tags_listing_comment_the_lastmod_finds(theme, ours):
    assert not problems(theme, ours, "tags listing comment")
    config = type("TagsConfig", (), {"listings_directive": _ListingsOption})
    found = problems(changed_code(theme, "material.plugins.tags.config:TagsConfig", config), ours, "tags listing comment")
    assert found and "'tags/listing'" in found[0]
    # Our pattern finds a listing where Material's does (its pattern, with the default directive).
    material = re.compile(r"(<!--\s*?material/tags(.*?)\s*-->)", re.I | re.M | re.S)
    for text in (
        "<!-- material/tags -->",
        "x\n<!--material/tags { include: [a] } -->",
        "<!--  MATERIAL/TAGS -->",
        "<!-- tags -->",
        "material/tags",
    ):
        assert bool(guard.TAGS_LISTING.search(text)) == bool(material.search(text)), text
    assert guard.TAGS_LISTING.search((ROOT / "docs" / "nieuws" / "trefwoorden.md").read_text(encoding="utf-8"))


def test_template_blocks(theme, ours):
    base = theme.source("base.html")
    assert "{% block site_nav %}" in base
    renamed = changed_templates(theme, {"base.html": base.replace("{% block site_nav %}", "{% block navigation %}")})
    assert problems(renamed, ours, "template blocks") == [
        "template blocks: overrides/main.html fills block 'site_nav', which no template it extends defines "
        "(used by overrides/*.html; upstream: https://github.com/squidfunk/mkdocs-material/blob/9.8.1/material/templates/base.html)"
    ]
    # blog-post.html is Material's and extends our main.html: both count.
    assert not problems(theme, ours, "template blocks")
    gone = problems(changed_templates(theme, {"blog-post.html": None}), ours, "template blocks")
    assert gone and "overrides/post.html extends blog-post.html, which neither overrides/ nor Material has" in gone[0]


def test_a_block_inside_a_filled_block_is_the_overrides_own(theme, ours):
    """agenda-listing.html defines `listing_intro` inside `content` for the
    templates extending it: no problem; the same block at the top level is."""
    listing = ours.templates["agenda-listing.html"]
    assert "{% block listing_intro %}" in listing
    assert not problems(theme, ours, "template blocks")
    outside = replace(ours, templates={**ours.templates, "x.html": '{% extends "main.html" %}{% block listing_intro %}{% endblock %}'})
    assert problems(theme, outside, "template blocks") == [
        "template blocks: overrides/x.html fills block 'listing_intro', which no template it extends defines "
        "(used by overrides/*.html; upstream: https://github.com/squidfunk/mkdocs-material/blob/9.8.1/material/templates/base.html)"
    ]


def test_translation_keys(theme, ours):
    assert edited(theme, ours, "translation keys", "partials/languages/nl.html", '"action.skip"', '"action.skip_to"')


def test_class_names_and_css_variables(theme, ours):
    assert {"md-typeset", "md-button", "md-default-bg-color", "md-component"} <= guard.material_names(ours.text)
    assert guard.material_names('class="wp-md-x" var(--md-accent-fg-color) data-md-state') == {"md-accent-fg-color", "md-state"}
    renamed = replace(ours, assets={**ours.assets, "proef.css": ".md-knop { color: var(--md-default-fg-color--zacht) }"})
    found = problems(theme, renamed, "class names")
    assert [p.split("'")[1] for p in found] == ["md-default-fg-color--zacht", "md-knop"]


def test_the_inline_scripts_the_policy_allows(theme, ours):
    """Material's inline scripts stay in the two partials overrides/ empties."""
    assert not problems(theme, ours, "inline scripts")
    assert edited(
        theme,
        ours,
        "inline scripts",
        "base.html",
        '{% include "partials/javascripts/base.html" %}',
        '{% include "partials/javascripts/setup.html" %}',
    )
    without = replace(ours, templates={k: v for k, v in ours.templates.items() if k != "partials/javascripts/content.html"})
    assert problems(theme, without, "inline scripts") == [
        "inline scripts: overrides/partials/javascripts/content.html is gone: Material's inline script would be back "
        "(used by overrides/partials/javascripts/; upstream: https://github.com/squidfunk/mkdocs-material/blob/9.8.1/material/templates/partials/javascripts/base.html)"
    ]


def test_the_bundle_and_unused_theme_files(theme, ours):
    """The bundle's two blocks in base.html, and the files hooks/theme_assets.py leaves out."""
    assert not problems(theme, ours, "bundle blocks") and not problems(theme, ours, "unused theme files")
    assert edited(theme, ours, "bundle blocks", "base.html", "assets/javascripts/bundle.", "assets/javascripts/app.")
    assert edited(theme, ours, "bundle blocks", "base.html", 'id="__config"', 'id="__settings"')
    no_palette = replace(theme, files=[f for f in theme.files if "palette" not in f])
    assert problems(no_palette, ours, "unused theme files")
    with pytest.raises(InternalsChanged, match="hooks/theme_assets.py found nothing to act on"):
        guard.require_found("unused theme files", 0)
    assert edited(theme, ours, "header menu label", "partials/header.html", 'for="__drawer">', 'for="__drawer" tabindex="0">')


def test_the_html_replaces(theme, ours):
    header = theme.source("partials/header.html")
    assert problems(changed_templates(theme, {"partials/header.html": header + "<nav></nav>"}), ours, "header </nav>")
    assert edited(theme, ours, "header </nav>", "partials/header.html", "</nav>", "</div>")
    assert edited(theme, ours, 'nav tabindex=""', "partials/nav-item.html", 'tabindex="{{ tabindex }}"', "{{ tabindex }}")


def test_theme_files(theme, ours):
    without_lunr = replace(theme, files=[f for f in theme.files if "lunr" not in f])
    assert problems(without_lunr, ours, "search files") == [
        "search files: Material ships no assets/javascripts/lunr/* any more: adapt SEARCH_FILES "
        "(used by hooks/search.py; upstream: https://github.com/squidfunk/mkdocs-material/blob/9.8.1/material/templates/assets/javascripts)"
    ]
    css = [f for f in theme.files if f.startswith("assets/stylesheets/main.")]
    assert problems(
        replace(theme, files=[*theme.files, css[0].replace(".min.css", "0.min.css").replace("main.", "main.1")]), ours, "stylesheet names"
    )
    with pytest.raises(InternalsChanged, match="hooks/search.py found nothing to act on"):
        guard.require_found("search files", 0)
    guard.require_found("search files", 3)


def _serve_building_first(config_file=None):
    build(config, serve_url=None)  # noqa: F821 (read as source only)
    builder(config)  # noqa: F821
    config.plugins.on_startup(command="serve", dirty=False)  # noqa: F821


def _serve_without_the_module_build(config_file=None):
    config.plugins.on_startup(command="serve", dirty=False)  # noqa: F821
    builder(config)  # noqa: F821


def _serve_request_injecting_inline(self, environ, start_response):
    if path.startswith("/livereload/"):  # noqa: F821
        return self.inject(content)  # noqa: F821


def test_the_serve_build_the_preview_wraps(theme, ours):
    assert not problems(theme, ours, "serve build")
    first = problems(changed_code(theme, "mkdocs.commands.serve:serve", _serve_building_first), ours, "serve build")
    assert first and "after the first build" in first[0]
    assert problems(changed_code(theme, "mkdocs.commands.serve:serve", _serve_without_the_module_build), ours, "serve build")
    assert problems(changed_code(theme, "mkdocs.commands.serve", object()), ours, "serve build")


def test_the_livereload_injection_the_preview_replaces(theme, ours):
    assert not problems(theme, ours, "livereload injection")
    changed = changed_code(theme, "mkdocs.livereload:LiveReloadServer._serve_request", _serve_request_injecting_inline)
    found = problems(changed, ours, "livereload injection")
    assert found and "_inject_js_into_html" in found[0]
    assert problems(changed_code(theme, "mkdocs.livereload:_timestamp", lambda: 0), ours, "livereload injection")


def test_mkdocs_loggers(theme, ours):
    assert problems(changed_code(theme, "mkdocs.structure.pages", object()), ours, "MkDocs loggers")


def test_the_warning_filter_follows_the_generator():
    """Under ProperDocs `import mkdocs.structure.pages` is properdocs.structure.pages,
    whose warnings come from the logger of that name."""
    script = (
        "import properdocs.replacement, importlib.util, sys;"
        "spec = importlib.util.spec_from_file_location('m', 'hooks/messages.py');"
        "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); print(' '.join(m.LOGGERS))"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert out == ["properdocs.structure.pages", "properdocs.structure.files", "properdocs.commands.build"]


# --- nothing unregistered -------------------------------------------------------------------


def test_every_private_attribute_a_hook_touches_is_registered():
    registered = " ".join(f"{i.key} {i.relies_on}" for i in INTERNALS)
    for path in sorted((ROOT / "hooks").glob("*.py")):
        for name in re.findall(r"(?<!self)\.(_[a-z]\w*)", path.read_text(encoding="utf-8")):
            assert name in registered, f"{path.name} uses {name}: register it in werkplaats/theme/material_guard.py"


def test_every_replace_on_materials_html_is_registered():
    """A `replace` in a template is either on our own values (listed here)
    or on Material's HTML, and then registered or done by replace_once."""
    ours_values = {"#", "https://", "http://"}
    registered = " ".join(i.relies_on for i in INTERNALS)
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        for old in re.findall(r"""\|\s*replace\(\s*(['"])(.*?)\1""", path.read_text(encoding="utf-8")):
            text = old[1].strip()
            assert text in ours_values or text in registered, f"{path.name}: replace({old[1]!r}) is not registered"


def test_the_toggles_lose_autocomplete_only_where_material_writes_them(theme, ours):
    page = "<body>" + "".join(guard.TOGGLES) + '<input type="text" autocomplete="off"></body>'
    stripped = guard.strip_toggle_autocomplete(page)
    assert stripped.count('autocomplete="off"') == 1 and 'id="__drawer">' in stripped and 'id="__search">' in stripped
    for broken in (page.replace(guard.TOGGLES[0], ""), page + guard.TOGGLES[1]):
        with pytest.raises(InternalsChanged, match="toggle"):
            guard.strip_toggle_autocomplete(broken)
    assert edited(theme, ours, "toggle autocomplete", "base.html", ' autocomplete="off"', "")
