"""Guards for the places where a hook leans on Material's internals.

A hook that wraps a private method or reads a private attribute of Material
for MkDocs names the versions it was checked against. If the installed
Material is another version (a `make lock` can bring one), the build stops
with an English message for developers instead of silently doing the wrong
thing. Messages here are for developers, not editors: English.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

# The Material versions every patch in hooks/ was read against and tested with.
CHECKED_VERSIONS = ("9.8.1",)


class InternalsChanged(RuntimeError):
    """Material is not a version a patch was written for, or an assumption broke."""


def installed_material() -> str:
    try:
        return version("mkdocs-material")
    except PackageNotFoundError:  # pragma: no cover - the build cannot run without it
        return "not installed"


def require_material(what: str, upstream: str, *, installed: str | None = None,
                     checked: tuple[str, ...] = CHECKED_VERSIONS) -> None:
    """Raise InternalsChanged unless the installed Material is one of `checked`.

    `what` names the patch, `upstream` links the Material code it depends on.
    """
    found = installed_material() if installed is None else installed
    if found not in checked:
        raise InternalsChanged(
            f"{what} was written for mkdocs-material {', '.join(checked)}, but {found} is installed. "
            f"Read the upstream code it depends on ({upstream}), adapt the patch and its test, "
            f"then add the version to werkplaats/material_guard.CHECKED_VERSIONS."
        )


def require_attribute(obj, name: str, what: str, upstream: str) -> None:
    """Raise InternalsChanged when a private attribute a patch uses is gone."""
    if not hasattr(obj, name):
        raise InternalsChanged(
            f"{what} needs {type(obj).__name__}.{name}, which this mkdocs-material no longer has "
            f"(see {upstream})."
        )


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
