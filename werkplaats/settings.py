"""Site settings that the content model needs, read from mkdocs.yml.

mkdocs.yml is the single place where the category list, the folder
categories and the organisation's contact facts are defined. This module
reads them without importing MkDocs, so `make check` and the tests work
without a build.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


class _TolerantLoader(yaml.SafeLoader):
    """SafeLoader that reads MkDocs' `!!python/name:` and `!ENV` tags as plain values."""


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


def _construct_env(loader: yaml.SafeLoader, node: yaml.Node):
    """`!ENV VAR` or `!ENV [VAR, OTHER, default]` as MkDocs reads it: the
    first variable that is set, else the last item (pyyaml-env-tag)."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    items = loader.construct_sequence(node)
    for name in items[:-1]:
        if os.environ.get(name):
            return os.environ[name]
    return items[-1] if len(items) > 1 else os.environ.get(items[0])


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_TolerantLoader.add_constructor("!ENV", _construct_env)
_TolerantLoader.add_multi_constructor("!", _construct_tagged)


@dataclass(frozen=True)
class Settings:
    root: Path
    categories: tuple[str, ...]
    folder_categories: dict[str, str]
    authors: dict[str, dict] = field(default_factory=dict)
    site_url: str = ""
    organisation: dict = field(default_factory=dict)
    cms: dict = field(default_factory=dict)  # extra.werkplaats.cms: the admin's repository and sign-in
    site_name: str = ""
    extra_css: tuple[str, ...] = ()  # the site's own stylesheets, under docs/

    @property
    def posts_dir(self) -> Path:
        return self.root / "posts"

    def relative(self, path: Path) -> str:
        """'posts/nieuws/x.md': a path as editors and messages name it."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def read_config(root: Path) -> dict:
    """mkdocs.yml as plain data, MkDocs' own tags read as plain values."""
    with open(Path(root) / "mkdocs.yml", encoding="utf-8") as handle:
        return yaml.load(handle, _TolerantLoader) or {}


def load_settings(root: Path | str | None = None) -> Settings:
    """Read the project settings from `<root>/mkdocs.yml` and the authors file.

    Without a root: the current directory if it holds a mkdocs.yml (so the
    commands work on any checkout), else this package's project.
    """
    if root is None:
        root = Path.cwd() if (Path.cwd() / "mkdocs.yml").is_file() else ROOT
    root = Path(root).resolve()
    config = read_config(root)
    extra = config.get("extra", {}) or {}
    site = extra.get("werkplaats", {}) or {}
    authors_path = root / "docs" / "nieuws" / ".authors.yml"
    authors = {}
    if authors_path.is_file():
        with open(authors_path, encoding="utf-8-sig") as handle:
            authors = (yaml.safe_load(handle) or {}).get("authors", {}) or {}
    return Settings(
        root=root,
        categories=tuple(site.get("categories", ())),
        folder_categories=dict(site.get("folder_categories", {})),
        authors=authors,
        site_url=os.environ.get("SITE_URL") or config.get("site_url") or "",
        organisation=dict(extra.get("organisatie", {}) or {}),
        cms=dict(site.get("cms", {}) or {}),
        site_name=str(config.get("site_name") or ""),
        extra_css=tuple(str(item) for item in config.get("extra_css") or ()),
    )
