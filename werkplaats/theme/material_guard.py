"""Every place where the site leans on internals of Material for MkDocs or
MkDocs, in one registry, each with the versions it was read against, the
upstream code it depends on, and a check.

Why: Material 9.8.1 reaches end of life in May 2027 and a `make lock` can
bring another version. A private method that is gone, a template block that
was renamed or a string that a replace no longer finds would otherwise
change the site without a sound. So:

- `INTERNALS` lists each assumption (`Internal`). Its `check` reads a
  snapshot of the installed theme (`Theme`) and of our own templates and
  assets (`Ours`), both plain data, and returns what no longer holds. Tests
  feed it changed snapshots.
- `check_all()` runs every check; hooks/guard.py calls it once per process,
  before any other hook, and stops the build with all findings at once.
- Checks that can only run on rendered output live where the output is:
  `replace_once` (a template filter), `require_found` (files a hook
  removes), and werkplaats.theme.security.script_hashes (inline scripts). They
  raise InternalsChanged too and are listed here with the rest.

Messages here are for developers, not editors: English.
"""

from __future__ import annotations

import importlib
import inspect
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from jinja2 import Environment, nodes

# The Material versions every entry below was read against and tested with.
CHECKED_VERSIONS = ("9.8.1",)
# The generators (MkDocs and its continuation ProperDocs) likewise.
CHECKED_GENERATORS = {"mkdocs": ("1.6.1",), "properdocs": ("1.6.7",)}

_UPSTREAM = "https://github.com/squidfunk/mkdocs-material/blob/9.8.1/material/"
_MKDOCS = "https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/"


class InternalsChanged(RuntimeError):
    """Material (or MkDocs) no longer is what a patch was written for."""


def installed_material() -> str:
    try:
        return version("mkdocs-material")
    except PackageNotFoundError:  # pragma: no cover - the build cannot run without it
        return "not installed"


# --- snapshots: what the checks read ---------------------------------------------------


@dataclass
class Theme:
    """What the checks read of the installed Material (and generator).

    `templates`: Material's templates by name (`partials/toc.html`);
    `files`: every path under its templates folder; `code`: imports
    `module:attribute` (raises LookupError when it is gone)."""

    version: str
    templates: Mapping[str, str]
    files: list[str]
    code: Callable[[str], object]
    generator: str = "mkdocs"
    generator_version: str = "1.6.1"

    @classmethod
    def installed(cls) -> Theme:
        import material
        import mkdocs

        root = Path(material.__file__).parent / "templates"
        name = mkdocs.__name__  # "properdocs" when ProperDocs redirects the mkdocs imports
        return cls(
            version=installed_material(),
            templates=_LazyTemplates(root),
            files=_theme_files(root),
            code=_import,
            generator=name,
            generator_version=version(name),
        )

    def source(self, name: str) -> str:
        try:
            return self.templates[name]
        except KeyError:
            raise LookupError(f"Material has no template {name}") from None

    def css(self) -> str:
        """Material's stylesheets (main and palette), where its class names and CSS variables live."""
        return "\n".join(self.templates[p] for p in self.files if p.startswith("assets/stylesheets/") and p.endswith(".min.css"))


def _theme_files(root: Path) -> list[str]:
    """Every file under Material's templates folder but the thousands of
    icons (a missing icon fails the build by itself: TemplateNotFound)."""
    found = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not (folder == str(root) and d == ".icons"))
        found += [Path(folder, name).relative_to(root).as_posix() for name in names]
    return sorted(found)


class _LazyTemplates(dict):
    def __init__(self, root: Path):
        super().__init__()
        self.root = root

    def __missing__(self, name: str) -> str:
        path = self.root / name
        if not path.is_file():
            raise KeyError(name)
        self[name] = text = path.read_text(encoding="utf-8")
        return text


def _import(target: str) -> object:
    module, _, attribute = target.partition(":")
    try:
        found = importlib.import_module(module)
        for part in attribute.split(".") if attribute else []:
            found = getattr(found, part)
    except (ImportError, AttributeError) as error:
        raise LookupError(f"{target} is gone ({error})") from None
    return found


@dataclass
class Ours:
    """Our side: the templates in overrides/ and the assets in docs/assets/ (text)."""

    templates: Mapping[str, str]
    assets: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_root(cls, root: Path) -> Ours:
        overrides, assets = root / "overrides", root / "docs" / "assets"
        return cls(
            templates={
                p.relative_to(overrides).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(overrides.rglob("*.html"))
                if not p.relative_to(overrides).parts[0] == "admin"
            },
            assets={p.name: p.read_text(encoding="utf-8") for p in sorted(assets.glob("*")) if p.suffix in (".css", ".js")},
        )

    @cached_property
    def text(self) -> str:
        return "\n".join([*self.templates.values(), *self.assets.values()])


# --- the registry ------------------------------------------------------------------------


@dataclass(frozen=True)
class Internal:
    key: str
    relies_on: str  # the assumption, in one sentence
    used_by: str  # the file(s) that depend on it
    upstream: str  # the code it was read in
    check: Callable[[Theme, Ours], list[str]]


def _source(theme: Theme, target: str) -> str:
    return inspect.getsource(theme.code(target))


def _contains(text: str, *snippets: str) -> list[str]:
    return [f"expected {s!r} in it" for s in snippets if s not in text]


def _in_code(target: str, *snippets: str):
    def check(theme: Theme, ours: Ours) -> list[str]:
        return [f"{target}: {problem}" for problem in _contains(_source(theme, target), *snippets)]

    return check


def _in_template(name: str, snippet: str, count: int | None = None):
    def check(theme: Theme, ours: Ours) -> list[str]:
        found = theme.source(name).count(snippet)
        if (count is None and found) or found == count:
            return []
        return [f"{name}: expected {snippet!r} {'at least' if count is None else 'exactly'} {count or 1} time(s), found {found}"]

    return check


def _version(theme: Theme, ours: Ours) -> list[str]:
    problems = []
    if theme.version not in CHECKED_VERSIONS:
        problems.append(f"mkdocs-material {theme.version} is installed; every entry was read against {', '.join(CHECKED_VERSIONS)}")
    checked = CHECKED_GENERATORS.get(theme.generator, ())
    if theme.generator_version not in checked:
        problems.append(f"{theme.generator} {theme.generator_version} is installed; checked with {', '.join(checked) or 'none'}")
    return problems


def _resolve_post(theme: Theme, ours: Ours) -> list[str]:
    method = theme.code("material.plugins.blog.plugin:BlogPlugin._resolve_post")
    problems = []
    if list(inspect.signature(method).parameters) != ["self", "file", "config"]:
        problems.append(f"BlogPlugin._resolve_post{inspect.signature(method)} no longer takes (file, config)")
    problems += [
        f"BlogPlugin._resolve_posts: {p}"
        for p in _contains(_source(theme, "material.plugins.blog.plugin:BlogPlugin._resolve_posts"), "self._resolve_post(file, config)")
    ]
    return problems


def _view_class(theme: Theme, ours: Ours) -> list[str]:
    view = theme.code("material.plugins.blog.structure:View")
    post = theme.code("material.plugins.blog.structure:Post")
    return [] if isinstance(view, type) and not issubclass(post, view) else ["View is no longer a class apart from Post"]


def _post_fields(theme: Theme, ours: Ours) -> list[str]:
    config = theme.code("material.plugins.blog.structure.config:PostConfig")
    problems = [f"PostConfig has no option {name!r}" for name in ("date", "categories", "readtime", "draft") if not hasattr(config, name)]
    return problems + [
        f"Post.__init__: {p}"
        for p in _contains(_source(theme, "material.plugins.blog.structure:Post.__init__"), "self.categories", "self.meta")
    ]


def _blocks(theme: Theme, ours: Ours) -> list[str]:
    """Every block an override fills must exist in a template it extends:
    Jinja silently ignores a block its parents no longer have. (A block
    nested in a filled one is a new block of the override's own.)"""
    env, problems, cache = Environment(), [], {}

    def parsed(name: str, skip_ours: bool) -> nodes.Template | None:
        # Our overrides/ shadow Material's templates of the same name (custom_dir).
        key = (name, name in ours.templates and not skip_ours)
        if key not in cache:
            try:
                cache[key] = env.parse(ours.templates[name] if key[1] else theme.source(name))
            except LookupError:
                cache[key] = None
        return cache[key]

    for name, source in sorted(ours.templates.items()):
        tree = env.parse(source)
        parent = tree.find(nodes.Extends)
        if parent is None or not isinstance(parent.template, nodes.Const):
            continue
        available, current, seen = set(), parent.template.value, {name}
        while current is not None:
            found = parsed(current, skip_ours=current in seen)
            if found is None:
                problems.append(f"overrides/{name} extends {current}, which neither overrides/ nor Material has")
                break
            seen.add(current)
            available |= {block.name for block in found.find_all(nodes.Block)}
            up = found.find(nodes.Extends)
            current = up.template.value if up is not None and isinstance(up.template, nodes.Const) else None
        else:
            # A block inside another is this template's own, for its children to fill.
            outer = {b.name for b in tree.find_all(nodes.Block)} - {
                b.name for o in tree.find_all(nodes.Block) for b in o.find_all(nodes.Block)
            }
            for block in sorted(outer - available):
                problems.append(f"overrides/{name} fills block {block!r}, which no template it extends defines")
    return problems


_TRANSLATION = re.compile(r"""lang\.t\(\s*["']([\w.-]+)["']\s*\)""")


def _translations(theme: Theme, ours: Ours) -> list[str]:
    dutch = theme.source("partials/languages/nl.html")
    keys = sorted({key for text in ours.templates.values() for key in _TRANSLATION.findall(text)})
    return [f"partials/languages/nl.html has no key {key!r} (lang.t in overrides/)" for key in keys if f'"{key}"' not in dutch]


# `md-button`, `var(--md-default-bg-color)`, `data-md-component`: not `wp-md-x`.
_MATERIAL_NAME = re.compile(r"(?:(?<=--)|(?<=data-)|(?<![\w-]))(md-[a-z0-9_-]*[a-z0-9])")


def material_names(text: str) -> set[str]:
    """Material's class names and CSS variables (`md-...`) named in our text."""
    return set(_MATERIAL_NAME.findall(text))


def _class_names(theme: Theme, ours: Ours) -> list[str]:
    # Class names and variables are in the CSS; data-md-* attributes in the templates.
    material = theme.css() + "\n".join(theme.source(p) for p in theme.files if p.endswith(".html"))
    missing = sorted(name for name in material_names(ours.text) if name not in material)
    return [f"{name!r} (used in overrides/ or docs/assets/) is in neither Material's stylesheets nor its templates" for name in missing]


def _theme_scripts(theme: Theme, ours: Ours) -> list[str]:
    """Material's inline scripts are in two partials that base.html includes
    and overrides/ empties; another place would stop the build (security.script_hashes)."""
    problems = []
    for partial in THEME_SCRIPT_PARTIALS:
        if f'{{% include "{partial}" %}}' not in theme.source("base.html"):
            problems.append(f"base.html no longer includes {partial}: read where its inline script went")
        if partial not in ours.templates:
            problems.append(f"overrides/{partial} is gone: Material's inline script would be back")
    return problems


def _search_files(theme: Theme, ours: Ours) -> list[str]:
    return [
        f"Material ships no {prefix}* any more: adapt SEARCH_FILES"
        for prefix in SEARCH_FILES
        if not any(path.startswith(prefix) for path in theme.files)
    ]


def _unused_theme_files(theme: Theme, ours: Ours) -> list[str]:
    from .theme_assets import UNUSED

    return [
        f"Material ships no {prefix}* any more: adapt werkplaats.theme.theme_assets.UNUSED"
        for prefix in UNUSED
        if not any(p.startswith(prefix) for p in theme.files)
    ]


def _bundle_blocks(theme: Theme, ours: Ours) -> list[str]:
    """base.html loads the bundle in block `scripts` and its configuration in
    block `config`, both of which overrides/main.html replaces."""
    base = theme.source("base.html")
    problems = []
    for block, marker in (("scripts", "assets/javascripts/bundle."), ("config", 'id="__config"')):
        match = re.search(rf"{{% block {block} %}}(.*?){{% endblock %}}", base, re.DOTALL)
        if not match or marker not in match.group(1):
            problems.append(f"base.html: block {block!r} no longer holds {marker!r}")
    return problems


def _stylesheets(theme: Theme, ours: Ours) -> list[str]:
    problems = []
    for name in ("main", "palette"):
        found = [p for p in theme.files if re.fullmatch(rf"assets/stylesheets/{name}\.[0-9a-f]+\.min\.css", p)]
        if len(found) != 1:
            problems.append(f"expected one assets/stylesheets/{name}.<hash>.min.css, found {found}")
    return problems


def _loggers(theme: Theme, ours: Ours) -> list[str]:
    import logging

    problems = []
    for module in LOGGED_MODULES:
        logger = getattr(theme.code(f"mkdocs.{module}"), "log", None)
        if not isinstance(logger, logging.Logger):
            problems.append(f"mkdocs.{module} has no module logger `log` any more")
    return problems


def _serve_build(theme: Theme, ours: Ours) -> list[str]:
    """serve() calls on_startup before its first build, and its builder calls
    the module's own `build` name each time (looked up when called)."""
    source = _source(theme, "mkdocs.commands.serve:serve")
    problems = [f"mkdocs.commands.serve:serve: {p}" for p in _contains(source, "plugins.on_startup(", "builder(config)", "build(config, ")]
    if not problems and source.index("plugins.on_startup(") > source.index("builder(config)"):
        problems.append("mkdocs.commands.serve:serve: on_startup now runs after the first build")
    if not callable(getattr(theme.code("mkdocs.commands.serve"), "build", None)):
        problems.append("mkdocs.commands.serve has no module-level `build` any more")
    return problems


def _livereload(theme: Theme, ours: Ours) -> list[str]:
    """The server injects its script through one method, answers the long
    poll at /livereload/<version>/<id>, and counts versions in milliseconds of
    time.monotonic (werkplaats.editing.preview.version_stamp)."""
    return [
        *_in_code("mkdocs.livereload:LiveReloadServer._serve_request", "self._inject_js_into_html(content, epoch)", '"/livereload/"')(
            theme, ours
        ),
        *_in_code("mkdocs.livereload:LiveReloadServer.__init__", "self.set_app(self.serve_request)")(theme, ours),
        *_in_code("mkdocs.livereload:_timestamp", "time.monotonic() * 1000")(theme, ours),
    ]


def _view_posts(theme: Theme, ours: Ours) -> list[str]:
    """A blog view's `posts` is a list of every post of its listing: its
    later pages share the first page's list, and each page renders a slice."""
    return [
        *_in_code("material.plugins.blog.structure:View.__init__", "self.posts: list[Post] = []")(theme, ours),
        *_in_code("material.plugins.blog.plugin:BlogPlugin._generate_pages", "file.page.posts = view.posts\n")(theme, ours),
        *_in_code("material.plugins.blog.plugin:BlogPlugin._render", "posts = view.posts[p:q]")(theme, ours),
    ]


def _tags_listing(theme: Theme, ours: Ours) -> list[str]:
    """The tags plugin finds a listing by the comment TAGS_LISTING matches."""
    option = getattr(theme.code("material.plugins.tags.config:TagsConfig"), "listings_directive", None)
    default = getattr(option, "default", None)
    problems = [] if default == TAGS_DIRECTIVE else [f"TagsConfig.listings_directive defaults to {default!r}, not {TAGS_DIRECTIVE!r}"]
    target = "material.plugins.tags.structure.listing.manager:ListingManager.add"
    return problems + [f"{target}: {p}" for p in _contains(_source(theme, target), '"(<!--\\s*?{directive}', "re.I")]


# The tags plugin's listing directive, a comment in a page's Markdown, and the
# pattern its ListingManager.add finds it by (werkplaats.site.lastmod.listing_of: the tags page).
TAGS_DIRECTIVE = "material/tags"
TAGS_LISTING = re.compile(rf"<!--\s*?{re.escape(TAGS_DIRECTIVE)}", re.I)
# Files of Material's own search that hooks/search.py leaves out of the site.
SEARCH_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
# The partials that hold Material's inline scripts, emptied in overrides/.
THEME_SCRIPT_PARTIALS = ("partials/javascripts/base.html", "partials/javascripts/content.html")
# The modules whose warnings quote a page's source path (hooks/messages.py).
LOGGED_MODULES = ("structure.pages", "structure.files", "commands.build")

INTERNALS: tuple[Internal, ...] = (
    Internal(
        "versions",
        "Every entry below was read against these versions of Material and the generator.",
        "all of them",
        "https://github.com/squidfunk/mkdocs-material/tree/9.8.1",
        _version,
    ),
    Internal(
        "BlogPlugin._resolve_post",
        "The blog resolves each post by calling the private self._resolve_post(file, config), which hooks/posts.py wraps.",
        "hooks/posts.py",
        _UPSTREAM + "plugins/blog/plugin.py#L434-L464",
        _resolve_post,
    ),
    Internal(
        "Post reads file.abs_src_path",
        "Post.__init__ opens file.abs_src_path; hooks/posts.py points it at the model's front matter for that call.",
        "hooks/posts.py",
        _UPSTREAM + "plugins/blog/structure/__init__.py#L53-L118",
        _in_code("material.plugins.blog.structure:Post.__init__", "open(file.abs_src_path"),
    ),
    Internal(
        "Post fields",
        "A post has config.date, config.categories, config.readtime, categories and meta, which hooks/posts.py sets and post.html reads.",
        "hooks/posts.py, overrides/post.html",
        _UPSTREAM + "plugins/blog/structure/config.py",
        _post_fields,
    ),
    Internal(
        "page not in self.blog.posts",
        "The blog tests membership in self.blog.posts (a list) for every page; hooks/speed.py makes that test by identity.",
        "hooks/speed.py",
        _UPSTREAM + "plugins/blog/plugin.py#L250",
        _in_code("material.plugins.blog.plugin:BlogPlugin", "page not in self.blog.posts", "self.blog.posts"),
    ),
    Internal(
        "Excerpt.render",
        "An excerpt renders self.post.markdown and sets self.more when HTML follows the separator; hooks/speed.py replaces its post.",
        "hooks/speed.py",
        _UPSTREAM + "plugins/blog/structure/__init__.py#L205-L228",
        _in_code("material.plugins.blog.structure:Excerpt.render", "self.post.markdown", "self.more"),
    ),
    Internal(
        "blog View class",
        "Archives, categories and later listing pages are instances of material.plugins.blog.structure.View.",
        "hooks/search.py",
        _UPSTREAM + "plugins/blog/structure/__init__.py#L233",
        _view_class,
    ),
    Internal(
        "blog View.posts",
        "A blog view (the index, an archive or category page, and each later page of them) holds every post of its "
        "listing in the list `posts`, of which a page renders a slice; hooks/lastmod.py hands all of them to "
        "werkplaats/site/lastmod.py, which dates the view by them.",
        "hooks/lastmod.py, werkplaats/site/lastmod.py",
        _UPSTREAM + "plugins/blog/plugin.py#L645-L675",
        _view_posts,
    ),
    Internal(
        "tags listing comment",
        "The tags plugin lists tags where a page's Markdown has the comment <!-- material/tags ... --> "
        "(listings_directive left at its default), found as TAGS_LISTING finds it; werkplaats/site/lastmod.py dates that page by every entry.",
        "werkplaats/site/lastmod.py",
        _UPSTREAM + "plugins/tags/structure/listing/manager/__init__.py#L147-L200",
        _tags_listing,
    ),
    Internal(
        "template blocks",
        "Each block our overrides fill exists in the Material template they extend (base.html, blog-post.html).",
        "overrides/*.html",
        _UPSTREAM + "templates/base.html",
        _blocks,
    ),
    Internal(
        "translation keys",
        "The keys our templates pass to lang.t exist in Material's Dutch strings.",
        "overrides/*.html",
        _UPSTREAM + "templates/partials/languages/nl.html",
        _translations,
    ),
    Internal(
        "class names",
        "The md-* class names and CSS variables our templates, CSS and JavaScript use are Material's.",
        "overrides/, docs/assets/",
        _UPSTREAM + "templates/assets/stylesheets",
        _class_names,
    ),
    Internal(
        "inline scripts",
        "Material's only inline scripts are in partials/javascripts/base.html and content.html, which overrides/ empties: "
        "the CSP allows no inline script (every page is checked as it is written, werkplaats/theme/security.py).",
        "overrides/partials/javascripts/",
        _UPSTREAM + "templates/partials/javascripts/base.html",
        _theme_scripts,
    ),
    Internal(
        "header </nav>",
        "Material's header has one </nav>, before which overrides/main.html puts the search button (replace_once, checked on every page).",
        "overrides/main.html",
        _UPSTREAM + "templates/partials/header.html#L63",
        _in_template("partials/header.html", "</nav>", count=1),
    ),
    Internal(
        "header menu label",
        "Material's menu button is one label for __drawer without tabindex or name, which overrides/main.html makes a named "
        "button in the Tab order (replace_once, checked on every page).",
        "overrides/main.html",
        _UPSTREAM + "templates/partials/header.html#L15",
        _in_template("partials/header.html", '<label class="md-header__button md-icon" for="__drawer">', count=1),
    ),
    Internal(
        'nav tabindex=""',
        'Material writes tabindex="{{ tabindex }}" on nav labels, which renders as the invalid tabindex="" that overrides/main.html strips.',
        "overrides/main.html",
        _UPSTREAM + "templates/partials/nav-item.html#L107",
        _in_template("partials/nav-item.html", 'tabindex="{{ tabindex }}"'),
    ),
    Internal(
        'toc for="__toc"',
        'The table of contents\' title is a label for="__toc", which overrides/main.html strips where no #__toc exists.',
        "overrides/main.html",
        _UPSTREAM + "templates/partials/toc.html#L15",
        _in_template("partials/toc.html", 'for="__toc"'),
    ),
    Internal(
        "toggle autocomplete",
        'Material\'s base.html writes autocomplete="off" on its two toggle checkboxes, outside any block; '
        "strip_toggle_autocomplete removes it from each page (the Nu HTML Checker reports it) and docs/assets/toggles.js "
        "does its job: closing the drawer and the search when a page comes back.",
        "hooks/valid_html.py",
        _UPSTREAM + "templates/base.html#L99-L100",
        lambda theme, ours: [f"base.html: expected {tag!r}" for tag in TOGGLES if tag not in theme.source("base.html")],
    ),
    Internal(
        "search files",
        "Material's own search is its lunr folder and search worker, which hooks/search.py leaves out (each build counts them).",
        "hooks/search.py",
        _UPSTREAM + "templates/assets/javascripts",
        _search_files,
    ),
    Internal(
        "bundle blocks",
        "Material's base.html loads its JavaScript bundle in block `scripts` and the bundle's configuration in block "
        "`config`; overrides/main.html replaces both (the site does not load the bundle).",
        "overrides/main.html",
        _UPSTREAM + "templates/base.html#L219-L257",
        _bundle_blocks,
    ),
    Internal(
        "unused theme files",
        "Material's bundle, its search and its palette CSS are files under these prefixes, which hooks/theme_assets.py "
        "leaves out of the site (each build counts them).",
        "hooks/theme_assets.py",
        _UPSTREAM + "templates/assets",
        _unused_theme_files,
    ),
    Internal(
        "stylesheet names",
        "Material's CSS is one main.<hash>.min.css (the CMS preview loads a whole copy; the site a cut one) and one palette.<hash>.min.css.",
        "werkplaats/editing/admin.py",
        _UPSTREAM + "templates/assets/stylesheets",
        _stylesheets,
    ),
    Internal(
        "serve build",
        "mkdocs serve runs on_startup before its first build and calls its module's `build` for every build; "
        "hooks/preview.py wraps that name so that a failed build is explained in the browser, not fatal or hanging.",
        "hooks/preview.py",
        _MKDOCS + "commands/serve.py#L57-L101",
        _serve_build,
    ),
    Internal(
        "livereload injection",
        "The preview server writes its inline reload script through self._inject_js_into_html(content, epoch), "
        "which hooks/preview.py replaces by an external script; it serves through set_app(self.serve_request) and "
        "versions are milliseconds of time.monotonic.",
        "hooks/preview.py, werkplaats/editing/preview.py",
        _MKDOCS + "livereload/__init__.py#L264-L338",
        _livereload,
    ),
    Internal(
        "MkDocs loggers",
        "MkDocs' warnings about a page come from the module loggers of structure.pages, structure.files and "
        "commands.build (named properdocs.* under ProperDocs), which hooks/messages.py filters.",
        "hooks/messages.py",
        _MKDOCS + "structure/pages.py#L32",
        _loggers,
    ),
)


def check_all(theme: Theme | None = None, ours: Ours | None = None, *, root: Path | None = None) -> list[str]:
    """What no longer holds, as `key: problem` lines (empty when all is well)."""
    theme = theme or Theme.installed()
    ours = ours or Ours.from_root(root or Path(__file__).resolve().parents[2])
    problems = []
    for internal in INTERNALS:
        try:
            found = internal.check(theme, ours)
        except (LookupError, OSError, TypeError, ValueError) as error:
            found = [str(error)]
        problems += [f"{internal.key}: {problem} (used by {internal.used_by}; upstream: {internal.upstream})" for problem in found]
    return problems


def require_all(theme: Theme | None = None, ours: Ours | None = None, *, root: Path | None = None) -> None:
    """Raise InternalsChanged with every finding of check_all()."""
    problems = check_all(theme, ours, root=root)
    if problems:
        raise InternalsChanged(
            "The site leans on internals of Material for MkDocs or MkDocs that no longer hold:\n  - "
            + "\n  - ".join(problems)
            + "\nRead the upstream code of each, adapt the code that uses it and its test, then update "
            "werkplaats/theme/material_guard.py (CHECKED_VERSIONS for a new version)."
        )


# --- checks on rendered output (run where the output is) -----------------------------------


def replace_once(html: str, old: str, new: str) -> str:
    """Replace `old`, which must occur exactly once in Material's rendered
    HTML, by `new`; a template filter (hooks/templates.py). When Material's
    markup changes and `old` is gone or repeated, the build stops here
    instead of silently losing what the replace added."""
    count = html.count(old)
    if count != 1:
        raise InternalsChanged(
            f"A template expected {old!r} exactly once in Material's HTML, but found it {count} times "
            f"(mkdocs-material {installed_material()}; checked with {', '.join(CHECKED_VERSIONS)}). "
            f"Read the partial it comes from and adapt the replace in overrides/."
        )
    return html.replace(old, new)


# Material's two toggles as base.html writes them (with their attribute).
TOGGLES = tuple(
    f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">' for name in ("drawer", "search")
)


def strip_toggle_autocomplete(html: str) -> str:
    """A page without autocomplete="off" on Material's two toggles, which
    must each be there exactly once (InternalsChanged otherwise)."""
    for tag in TOGGLES:
        count = html.count(tag)
        if count != 1:
            raise InternalsChanged(
                f"Expected Material's toggle {tag!r} exactly once in the page, found it {count} times "
                f"(mkdocs-material {installed_material()}; upstream: {_UPSTREAM}templates/base.html#L99-L100). "
                f"Adapt werkplaats.theme.material_guard.TOGGLES and docs/assets/toggles.js."
            )
        html = html.replace(tag, tag.replace(' autocomplete="off"', ""))
    return html


def leave_out(files, key: str, unused) -> None:
    """Remove from MkDocs' `files` the theme files a hook leaves out of the
    site (`unused(src_uri)`); InternalsChanged when there are none (`key`)."""
    found = [file for file in files if unused(file.src_uri)]
    require_found(key, len(found))
    for file in found:
        files.remove(file)


def require_found(key: str, count: int) -> None:
    """A hook that removes or rewrites Material's files found `count` of them; none means its pattern is stale."""
    internal = next(i for i in INTERNALS if i.key == key)
    if count == 0:
        raise InternalsChanged(
            f"{internal.used_by} found nothing to act on: {internal.relies_on} "
            f"(mkdocs-material {installed_material()}; upstream: {internal.upstream})"
        )
