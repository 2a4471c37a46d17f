"""posts/ as it was at a git ref, read by today's content model, and which
ref `make check` compares with when it is not told (`comparison`).

`git archive` of posts/, mkdocs.yml and the authors file into a temporary
folder (nothing in the working tree changes), then each file read there
with `read_entry`, with that ref's own settings (categories, authors).
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..core.folders import is_folder_readme
from ..core.settings import load_settings
from .model import Entry, read_entry

PATHS = ("posts", "mkdocs.yml", "docs/nieuws/.authors.yml")
# What a change is compared with when no BASE is given: the first that exists.
DEFAULT_BASES = ("origin/main", "main")


class RefError(Exception):
    """The ref cannot be read; the message is Dutch, without the ref's name."""


def _git(root: Path, *args: str, text: bool = True):
    return subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=root, capture_output=True, text=text)


def commit_of(root: Path, ref: str) -> str | None:
    """The commit `ref` names, or None."""
    found = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    return found.stdout.strip() if found.returncode == 0 else None


def default_base(root: Path) -> str | None:
    """origin/main if it exists, else main; None when neither does (or
    outside git). `make check` and `make content-check` both start here."""
    try:
        return next((ref for ref in DEFAULT_BASES if commit_of(Path(root), ref)), None)
    except OSError:  # no git on this computer
        return None


@dataclass(frozen=True)
class Comparison:
    """What `make check` compares posts/ with when no BASE is given."""

    ref: str | None  # a commit for entries_at; None: nothing to compare with
    name: str  # how the messages name it
    note: str  # one Dutch line for when nothing was compared ("" otherwise)


def comparison(root: Path) -> Comparison:
    """The ref `make check` compares with when it is not given one.

    On a branch: the merge base of HEAD with origin/main (else main), the
    version the branch started from. A commit on main after that is not the
    branch's doing, and it is not blamed on it. The working tree is what is
    checked, so what is committed on the branch and what is not both count.

    Where HEAD is that merge base itself (on main, or a branch without
    commits of its own): the last commit, HEAD, if posts/, mkdocs.yml or
    the authors file has changes that are not committed (a file renamed a
    moment ago is caught before it is committed); with no such changes
    there is nothing to compare, and the note says so. Outside git, or
    without main and origin/main, nothing is compared either."""
    root = Path(root)
    try:
        inside = _git(root, "rev-parse", "--is-inside-work-tree")
    except OSError:
        return Comparison(None, "", "Git is niet geïnstalleerd: webadressen niet vergeleken met een andere versie.")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return Comparison(None, "", "Geen git-repository: webadressen niet vergeleken met een andere versie.")
    head = commit_of(root, "HEAD")
    if head is None:
        return Comparison(None, "", "Nog geen commit in git: webadressen niet vergeleken met een andere versie.")
    base_ref = default_base(root)
    if base_ref is None:
        return Comparison(
            None, "", "Geen main of origin/main in git: webadressen niet vergeleken (vergelijk met een andere versie: BASE=... make check)."
        )
    found = _git(root, "merge-base", base_ref, "HEAD")
    if found.returncode != 0:
        return Comparison(None, "", f"Geen gemeenschappelijke versie met {base_ref} gevonden: webadressen niet vergeleken.")
    base = found.stdout.strip()
    if base != head:
        tip = commit_of(root, base_ref)
        name = base_ref if base == tip else f"{base_ref} (versie {base[:7]}, waarop je wijzigingen voortbouwen)"
        return Comparison(base, name, "")
    changed = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *PATHS)
    if changed.returncode == 0 and changed.stdout.strip():
        return Comparison(head, "de laatste commit (HEAD)", "")
    return Comparison(
        None, "", f"Niet vergeleken met een andere versie: dit is {base_ref} zelf, zonder wijzigingen in posts/ die nog niet gecommit zijn."
    )


def changed_posts(ref: str, root: Path) -> set[str] | None:
    """The files of posts/ that differ between `ref` and the working tree
    (changed, deleted or new; committed or not), as 'posts/...'. None when
    mkdocs.yml or the authors file differ too, or git cannot tell: then
    every file counts as changed."""
    root = Path(root).resolve()
    diff = _git(root, "diff", "--no-renames", "--name-only", "--relative", "-z", ref, "--", *PATHS)
    new = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", *PATHS)
    if diff.returncode != 0 or new.returncode != 0:
        return None
    names = {name for name in (diff.stdout + new.stdout).split("\0") if name}
    return names if all(name.startswith("posts/") for name in names) else None


def entries_at(ref: str, root: Path, only: set[str] | None = None) -> tuple[list[Entry], list[str]]:
    """(the entries of posts/ at `ref`, the files there today's model cannot read).

    With `only` ('posts/...' paths, from changed_posts), just those files
    are read: a file that did not change has the same address then and now.
    The rest of posts/ is there all the same (images, reports they name).

    A file the model refuses now (a rule added since) is passed over and
    named, not fatal: the comparison is about addresses, and the change
    under check may be the one that repairs that file.
    """
    root = Path(root).resolve()
    found = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if found.returncode != 0:
        raise RefError("die git-versie bestaat niet (bijvoorbeeld BASE=main of BASE=origin/main)")
    commit = found.stdout.strip()
    top = Path(_git(root, "rev-parse", "--show-toplevel").stdout.strip())
    prefix = _git(root, "rev-parse", "--show-prefix").stdout.strip()
    present = [p for p in PATHS if _git(top, "cat-file", "-e", f"{commit}:{prefix}{p}").returncode == 0]
    if "mkdocs.yml" not in present:
        raise RefError(f"daar staat geen mkdocs.yml in {prefix or 'de hoofdmap'}")
    if "posts" not in present:
        return [], []
    archive = _git(top, "archive", "--format=tar", f"{commit}:{prefix}", "--", *present, text=False)
    if archive.returncode != 0:
        raise RefError(f"git archive mislukte: {archive.stderr.decode(errors='replace').strip()}")
    with tempfile.TemporaryDirectory(prefix="basis-") as temp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(temp, filter="data")
        settings = load_settings(temp)
        entries, unreadable = [], []
        for path in sorted(settings.posts_dir.rglob("*.md"), key=lambda p: p.as_posix()):
            if is_folder_readme(path, settings.posts_dir):
                continue
            if only is not None and path.relative_to(settings.root).as_posix() not in only:
                continue
            entry, problems = read_entry(path, settings)
            if entry is None:
                unreadable.append(path.relative_to(settings.root).as_posix())
            else:
                entries.append(entry)
        return entries, unreadable
