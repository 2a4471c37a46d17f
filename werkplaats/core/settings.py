"""Site settings that the content model needs, read from mkdocs.yml.

mkdocs.yml is the single place where the category list, the folder
categories and the organisation's contact facts are defined. This module
reads them without importing MkDocs, so `make check` and the tests work
without a build.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]


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
    accessibility: dict = field(default_factory=dict)  # extra.toegankelijkheid (werkplaats.site.accessibility)

    @property
    def posts_dir(self) -> Path:
        return self.root / "posts"

    def relative(self, path: Path) -> str:
        """'posts/nieuws/x.md': a path as editors and messages name it."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


class SettingsError(ValueError):
    """A setting in mkdocs.yml that the site cannot show truthfully."""


def _https(value) -> bool:
    parts = urlsplit(str(value))
    return parts.scheme == "https" and bool(parts.hostname) and not any(c.isspace() for c in str(value))


def check_organisation(org: dict) -> list[tuple[str, str]]:
    """Problems with extra.organisatie's newsletter and social accounts, as
    (setting, message) pairs: they become links on every page and
    paragraphs of the privacy statement (werkplaats.site.privacy), so only a real
    address is accepted. The setting is named below extra.organisatie, like
    `sociaal[0].url`, so load_settings can point at its line."""
    problems = []
    letter = org.get("nieuwsbrief", "")
    if not isinstance(letter, str):
        problems.append(("nieuwsbrief", 'geef een webadres (https://...), een mailto:-adres of ""'))
    elif letter and not (_https(letter) or (letter.startswith("mailto:") and "@" in letter and " " not in letter)):
        problems.append(
            ("nieuwsbrief", f'{letter!r} is geen webadres (https://...) en geen mailto:-adres; leeg ("") als er geen nieuwsbrief is')
        )
    accounts = org.get("sociaal", [])
    if not isinstance(accounts, list):
        problems.append(("sociaal", "geef een lijst van `- naam: ...` met `url: https://...`, of []"))
        accounts = []
    for n, item in enumerate(accounts):
        key = f"sociaal[{n}]"
        if not isinstance(item, dict) or set(item) != {"naam", "url"}:
            problems.append((key, f"account {n + 1}: geef precies `naam` en `url`"))
        elif not str(item["naam"] or "").strip():
            problems.append((f"{key}.naam", f"account {n + 1}: de naam is leeg"))
        elif not _https(item["url"]):
            problems.append((f"{key}.url", f"account {n + 1} ({item['naam']}): {item['url']!r} is geen webadres (https://...)"))
    return problems


def organisation_error(root: Path, problems: list[tuple[str, str]]) -> SettingsError:
    """check_organisation's problems as one error, each naming its line in
    mkdocs.yml as werkplaats.site.accessibility's errors do."""
    lines = []
    for key, message in problems:
        line = setting_line(root, f"extra.organisatie.{key}")
        lines.append(f"mkdocs.yml{f':{line}' if line else ''}: extra.organisatie.{key}: {message}")
    return SettingsError("\n".join(lines))


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
    organisation = dict(extra.get("organisatie", {}) or {})
    problems = check_organisation(organisation)
    if problems:
        raise organisation_error(root, problems)
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
        organisation=organisation,
        cms=dict(site.get("cms", {}) or {}),
        site_name=str(config.get("site_name") or ""),
        extra_css=tuple(str(item) for item in config.get("extra_css") or ()),
        accessibility=dict(extra.get("toegankelijkheid", {}) or {}),
    )


def setting_line(root: Path, path: str) -> int | None:
    """The line in `<root>/mkdocs.yml` of a setting named like
    `extra.toegankelijkheid.onderzoek[0].datum`: the deepest part that
    exists, so a message can point at it. None if not even the first does."""
    with open(Path(root) / "mkdocs.yml", encoding="utf-8") as handle:
        node = yaml.compose(handle, _TolerantLoader)
    line = None
    for part in re.findall(r"[^.\[\]]+", path):
        if isinstance(node, yaml.MappingNode):
            node = next((value for key, value in node.value if key.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
            node = node.value[int(part)]
        else:
            node = None
        if node is None:
            break
        line = node.start_mark.line + 1
    return line
