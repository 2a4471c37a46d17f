"""posts/ as it was at a git ref, read by today's content model.

`git archive` of posts/, mkdocs.yml and the authors file into a temporary
folder (nothing in the working tree changes), then each file read there
with `read_entry`, with that ref's own settings (categories, authors).
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from .folders import is_folder_readme
from .model import Entry, read_entry
from .settings import load_settings

PATHS = ("posts", "mkdocs.yml", "docs/nieuws/.authors.yml")


class RefError(Exception):
    """The ref cannot be read; the message is Dutch."""


def _git(root: Path, *args: str, text: bool = True):
    return subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=root, capture_output=True, text=text)


def entries_at(ref: str, root: Path) -> tuple[list[Entry], list[str]]:
    """(the entries of posts/ at `ref`, the files there today's model cannot read).

    A file the model refuses now (a rule added since) is passed over and
    named, not fatal: the comparison is about addresses, and the change
    under check may be the one that repairs that file.
    """
    root = Path(root).resolve()
    found = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if found.returncode != 0:
        raise RefError(f"BASE={ref}: die git-versie bestaat niet (bijvoorbeeld BASE=main of BASE=origin/main)")
    commit = found.stdout.strip()
    top = Path(_git(root, "rev-parse", "--show-toplevel").stdout.strip())
    prefix = _git(root, "rev-parse", "--show-prefix").stdout.strip()
    present = [p for p in PATHS if _git(top, "cat-file", "-e", f"{commit}:{prefix}{p}").returncode == 0]
    if "mkdocs.yml" not in present:
        raise RefError(f"BASE={ref}: daar staat geen mkdocs.yml in {prefix or 'de hoofdmap'}")
    if "posts" not in present:
        return [], []
    archive = _git(top, "archive", "--format=tar", f"{commit}:{prefix}", "--", *present, text=False)
    if archive.returncode != 0:
        raise RefError(f"BASE={ref}: git archive mislukte: {archive.stderr.decode(errors='replace').strip()}")
    with tempfile.TemporaryDirectory(prefix="basis-") as temp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(temp, filter="data")
        settings = load_settings(temp)
        entries, unreadable = [], []
        for path in sorted(settings.posts_dir.rglob("*.md"), key=lambda p: p.as_posix()):
            if is_folder_readme(path, settings.posts_dir):
                continue
            entry, problems = read_entry(path, settings)
            if entry is None:
                unreadable.append(path.relative_to(settings.root).as_posix())
            else:
                entries.append(entry)
        return entries, unreadable
