"""When each source file last changed, from git: the calendar's DTSTAMP,
LAST-MODIFIED and SEQUENCE, and the sitemap's <lastmod> (werkplaats.site.lastmod).

Never the build's day: two builds of the same commit on different days give
the same stamps. Read with two git calls for all of posts/ and docs/ (one
`git log`, one `git status`) and one `git cat-file --batch` for the older
versions of the events, however many files there are.

The rules (handbook/build-and-hooks.md):
- a committed file: the time of the last commit on the main line (first
  parents) that changed it, that is when the change reached main, also when
  it was written earlier on a branch;
- a file with changes that are not committed (the preview, an editor's
  working tree) or not in git at all: its modification time on disk;
- no git (a source archive, git not installed): every file's modification
  time on disk. A source archive from GitHub gives each file the time of its
  commit, so a build of it is reproducible too. SEQUENCE is then 0;
- a shallow clone (CI's clean clone, whose depth the project does not
  choose): its oldest commit seems to add every file, so a file not changed
  since gets that commit's time, which is when it had changed at the latest,
  and SEQUENCE counts the changes within the fetched history only. Stable
  for the same clone depth, not true: History.approximate says so and why,
  and the build prints it. Where wrong stamps would be published, the
  environment asks for the whole history (WERKPLAATS_HISTORY=full, the
  deploy's build job, tests/test_workflows.py) and a shallow clone is a
  HistoryError that says to fetch it (fetch-depth: 0).

SEQUENCE of an event (RFC 5545 3.8.7.4): the number of later versions on the
main line in which its start, end, place or status changed, as the content
model reads them (model.read_schedule); a version that cannot be read is
passed over (a build of it failed, so it was never published). An
uncommitted version counts as one more. A renamed file is a new event (its
UID follows its path, werkplaats.site.ical), so its count starts again.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..core.settings import Settings
from .model import is_post_file, read_schedule

# What is read: the posts and the fixed pages, relative to the project root.
PATHS = ("posts", "docs")


class HistoryError(Exception):
    """The history cannot give true stamps; the message says what to do."""


@dataclass(frozen=True)
class History:
    """Per file (relative to the project root, 'posts/agenda/x.md'): when it
    last changed, as seconds since the epoch, and SEQUENCE per event."""

    stamps: dict[str, int] = field(default_factory=dict)  # committed and clean files only
    sequences: dict[str, int] = field(default_factory=dict)  # events asked for only
    removed: int | None = None  # the last commit that took a post out of posts/ (a deletion or a rename); not its images, attachments
    root: Path = Path(".")
    source: str = "git"  # "git", or "bestanden" (no git: modification times)
    approximate: str = ""  # why the stamps are approximate (a shallow clone), one line; "" when they are true

    def stamp(self, rel: str) -> int:
        """When `rel` last changed: its commit, else its modification time."""
        if rel in self.stamps:
            return self.stamps[rel]
        return int((self.root / rel).stat().st_mtime)

    def sequence(self, rel: str) -> int:
        return self.sequences.get(rel, 0)


def _git(root: Path, *args: str, data: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=root, input=data, capture_output=True)


# The value of WERKPLAATS_HISTORY that makes a shallow clone stop the build.
FULL = "full"


def require_full(environ) -> bool:
    """WERKPLAATS_HISTORY: "full" (the deploy: stop on a shallow clone) or
    unset/empty (accept one, with approximate stamps); anything else is a
    mistake that would silently publish wrong stamps, so it raises."""
    value = environ.get("WERKPLAATS_HISTORY", "")
    if value not in ("", FULL):
        raise ValueError(f"WERKPLAATS_HISTORY={value!r}: alleen {FULL!r} (of leeg) is bekend")
    return value == FULL


def read_history(root: Path | str, settings: Settings | None = None, events: list[str] = (), *, full: bool = False) -> History:
    """The History of posts/ and docs/ under `root`; `events` ('posts/agenda/...')
    get a SEQUENCE (read with `settings`, the project's own). With `full`, a
    shallow clone raises HistoryError instead of giving approximate stamps."""
    root = Path(root).resolve()
    try:
        where = _git(root, "rev-parse", "--is-shallow-repository", "--show-prefix")
    except OSError:  # git is not installed
        return History(root=root, source="bestanden")
    if where.returncode != 0:  # not in a git repository
        return History(root=root, source="bestanden")
    shallow, prefix = (where.stdout.decode().split("\n") + ["", ""])[:2]
    shallow = shallow.strip() == "true"
    if shallow and full:
        raise HistoryError(
            "de git-geschiedenis is onvolledig (een ondiepe kopie) en WERKPLAATS_HISTORY=full vraagt de hele: de datums in de "
            "agenda en de sitemap zouden niet kloppen. Haal de hele geschiedenis op (fetch-depth: 0 in de workflow, of git fetch --unshallow)."
        )
    # --root: the oldest commit read (the first, or a shallow clone's boundary) adds its files.
    log = _git(root, "log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--raw", "--no-abbrev", "-z", "--relative",
               "--root", "--format=%x01%ct", "--", *PATHS)  # fmt: skip
    if log.returncode != 0:
        if b"does not have any commits" in log.stderr:
            return History(root=root, source="git")  # a new repository: every file is uncommitted
        raise HistoryError(f"git log mislukte: {log.stderr.decode(errors='replace').strip()}")
    stamps, versions, removed = _parse_log(log.stdout, set(events), lambda rel: is_post_file(root / rel, root / "posts"))
    status = _git(root, "status", "--porcelain", "-z", "--no-renames", "--untracked-files=all", "--", *PATHS)
    if status.returncode != 0:
        raise HistoryError(f"git status mislukte: {status.stderr.decode(errors='replace').strip()}")
    dirty = {rel.removeprefix(prefix.strip()) for rel in _parse_status(status.stdout)}
    for rel in dirty:
        stamps.pop(rel, None)
    sequences = {}
    if events and settings is not None:
        blobs = _read_blobs(root, {blob for chain in versions.values() for blob in chain})
        for rel in events:
            texts = [blobs[blob] for blob in reversed(versions.get(rel, []))]  # oldest first
            if rel in dirty and (root / rel).is_file():
                texts.append((root / rel).read_bytes())
            sequences[rel] = count_changes([read_schedule(text, root / rel, settings) for text in texts])
    approximate = _approximate(stamps) if shallow else ""
    return History(stamps, sequences, removed, root, "git", approximate)


def _approximate(stamps: dict[str, int]) -> str:
    """The one line a build prints for a shallow clone."""
    oldest = min(stamps.values(), default=None)
    since = f" (van {dt.datetime.fromtimestamp(oldest, dt.UTC):%Y-%m-%d})" if oldest is not None else ""
    return (
        "Datums in agenda en sitemap bij benadering: de git-geschiedenis is een ondiepe kopie, dus een bestand dat sinds de "
        f"oudste opgehaalde commit{since} niet veranderde krijgt de tijd daarvan, en SEQUENCE telt alleen de opgehaalde "
        "wijzigingen. Voor echte datums: de hele geschiedenis (fetch-depth: 0); de publicatie vraagt die met WERKPLAATS_HISTORY=full."
    )


def count_changes(schedules: list) -> int:
    """How often a readable version differs from the readable one before it."""
    readable = [s for s in schedules if s is not None]
    return sum(1 for before, after in zip(readable, readable[1:], strict=False) if before != after)


def _parse_log(out: bytes, events: set[str], is_post: Callable[[str], bool]) -> tuple[dict[str, int], dict[str, list[str]], int | None]:
    """`git log --raw -z` (newest first) -> (last commit per file, blobs of each
    event newest first, the last removal of a post). `is_post(rel)`: the
    model's rule for which files are posts (model.is_post_file); a deleted
    photo, attachment or folder README changes no listing."""
    stamps: dict[str, int] = {}
    versions: dict[str, list[str]] = {}
    ended: set[str] = set()  # events whose older versions belong to an earlier file of the same name
    removed = None
    time = 0
    tokens = iter(out.split(b"\0"))
    for token in tokens:
        token = token.lstrip(b"\n")
        if token.startswith(b"\x01"):
            time = int(token[1:])
        elif token.startswith(b":"):
            rel = next(tokens).decode("utf-8", "surrogateescape")
            _, _, _, blob, change = token.decode().split(" ")
            if change == "D":
                if removed is None and is_post(rel):
                    removed = time
                ended.add(rel)  # what came before the deletion was another file of this name
                continue
            stamps.setdefault(rel, time)
            if rel in events and rel not in ended:
                versions.setdefault(rel, []).append(blob)
                if change == "A":
                    ended.add(rel)
    return stamps, versions, removed


def _parse_status(out: bytes) -> list[str]:
    """`git status --porcelain -z --no-renames`: 'XY path' entries."""
    return [entry[3:].decode("utf-8", "surrogateescape") for entry in out.split(b"\0") if len(entry) > 3]


def _read_blobs(root: Path, blobs: set[str]) -> dict[str, bytes]:
    """Every blob in one `git cat-file --batch`."""
    if not blobs:
        return {}
    order = sorted(blobs)
    out = _git(root, "cat-file", "--batch", data="".join(f"{blob}\n" for blob in order).encode())
    if out.returncode != 0:
        raise HistoryError(f"git cat-file mislukte: {out.stderr.decode(errors='replace').strip()}")
    found, data, at = {}, out.stdout, 0
    for blob in order:
        end = data.index(b"\n", at)
        name, kind, size = data[at:end].decode().split(" ")
        if kind != "blob":
            raise HistoryError(f"git cat-file: {name} is geen bestand ({kind})")
        found[blob] = data[end + 1 : end + 1 + int(size)]
        at = end + 1 + int(size) + 1  # the content, then a newline
    return found
