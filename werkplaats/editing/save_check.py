"""What `make check` would say after a change the CMS is about to write.

The CMS (Decap, under `make cms`) saves an entry by sending its local
backend the files it will write: the post's path and exact text, and the
photos and attachments uploaded with it. tools/cms.py asks this module
first, and the files are written only when the answer is empty.

Nothing here is a rule. The change is applied to a copy of the project
(mkdocs.yml, docs/ and posts/, hard links where the file system allows,
so nothing is copied twice) and `make check`'s own reading of it runs
there (werkplaats.site.build.start_build: every file, collisions, aliases,
links, today's date from SITE_TODAY as always). A save is refused for
every problem in a file it writes, and for every problem elsewhere that
the change brings about (a report deleted that an event names): what was
wrong before and stays wrong in another file is not this save's doing.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..content.fields import fields_for
from ..content.model import ContentError, Problem
from ..core.dates import TodayError
from ..site.build import start_build

# What make check reads besides posts/: the settings, the authors, the
# pages a post may link to.
_COPIED = ("mkdocs.yml", "docs", "posts")


class OutsideProject(ValueError):
    """A path in the change that leads out of posts/."""


@dataclass(frozen=True)
class Change:
    """Files to write (path from the project root -> bytes) and to delete."""

    write: dict[str, bytes] = field(default_factory=dict)
    delete: tuple[str, ...] = ()

    @property
    def paths(self) -> set[str]:
        return {_clean(path) for path in (*self.write, *self.delete)}


def _clean(path: str) -> str:
    """'posts/nieuws/x.md'; refuses what would leave posts/ (decap-server
    refuses it too, but the copy must never be written outside)."""
    pure = PurePosixPath(path.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or pure.parts[0] != "posts":
        raise OutsideProject(path)
    return pure.as_posix()


def problems(root: Path, change: Change, environ=None) -> list[Problem]:
    """The problems `make check` would report after `change` that are this
    change's: every problem of a file it writes or deletes, and every other
    problem that is not there now. Empty: the change may be written."""
    environ = os.environ if environ is None else environ
    root = Path(root).resolve()
    after = _problems_of_copy(root, change, environ)
    if not after:
        return []
    touched = change.paths
    mine = [p for p in after if p.path in touched]
    others = [p for p in after if p.path not in touched]
    if others:
        before = set(_problems(root, environ))
        mine += [p for p in others if p not in before]
    return sorted(mine)


def _problems(root: Path, environ) -> list[Problem]:
    try:
        start_build(root, environ=environ)
    except ContentError as error:
        return list(error.problems)
    except TodayError as error:
        return [Problem("SITE_TODAY", 1, str(error))]
    return []


def _problems_of_copy(root: Path, change: Change, environ) -> list[Problem]:
    with tempfile.TemporaryDirectory(prefix="werkplaats-save-check-") as folder:
        copy = Path(folder) / "project"
        copy.mkdir()
        for name in _COPIED:
            source = root / name
            if source.is_dir():
                shutil.copytree(source, copy / name, symlinks=True, copy_function=_link_or_copy)
            elif source.is_file():
                shutil.copy2(source, copy / name)
        for path in change.delete:
            (copy / _clean(path)).unlink(missing_ok=True)
        for path, content in change.write.items():
            target = copy / _clean(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)  # a hard link: never write through it into the project
            target.write_bytes(content)
        return _problems(copy, environ)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed
        shutil.copy2(source, target)


# --------------------------------------------------------------------------
# Told in the form


_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def for_form(found: list[Problem], change: Change) -> list[dict]:
    """Each problem as the form shows it: the model's message, with the
    field's Dutch label (from the model) when the line or the message names
    one of the written post's keys, else the file it is in."""
    shown = []
    written = {_clean(path): text for path, text in change.write.items()}  # as the model names them
    for problem in found:
        label = ""
        text = written.get(problem.path)
        kind = PurePosixPath(problem.path).parent.name
        if text is not None and problem.path.endswith(".md"):
            label = _label(text.decode("utf-8", "replace"), problem, fields_for(kind))
        shown.append(
            {
                "file": problem.path,
                "line": problem.line,
                "label": label,
                "message": problem.message,
                "own": text is not None,
            }
        )
    return shown


def _label(text: str, problem: Problem, spec) -> str:
    """The key the message begins with ("end: ...", "location ontbreekt"),
    else the key whose lines hold the problem's line, else the text."""
    match = re.match(r"([a-z_]+)\b", problem.message)
    if match and match.group(1) in spec:
        return spec[match.group(1)].label
    lines = text.replace("\r\n", "\n").split("\n")
    closing = next((n for n, line in enumerate(lines[1:], start=2) if line.rstrip() == "---"), 0)
    if closing and problem.line > closing:
        return "Tekst"
    for number in range(min(problem.line, closing - 1), 1, -1):
        match = _TOP_KEY.match(lines[number - 1])
        if match:
            return spec[match.group(1)].label if match.group(1) in spec else ""
    return ""


def summary(shown: list[dict]) -> str:
    """One text for Decap's own notification: every problem on a line."""
    parts = []
    for item in shown:
        where = item["label"] if item["own"] else item["file"]
        parts.append(f"{where}: {item['message']}" if where else item["message"])
    return "make check zou dit weigeren: " + " · ".join(parts)
