"""What the project tells editors: numbers that agree with their words,
and MkDocs' own warnings about a post told as `posts/...:line: ...`.

Numbers: every message that prints a count says it through `count_of` or
`plural`, so that 1 reads "1 fout", "de komende dag", and any other number
"3 fouten", "de 3 komende dagen" (and 0 "0 fouten").

MkDocs' warnings: `make check` catches what a post can make the build fail
on before the build runs. Should MkDocs still warn about a post (a link form
the checker does not know yet), the warning names the build's virtual path
(`nieuws/posts/nieuws/x.md`) and no line. `for_editor` rewrites such a
message so it names the editor's file and the line where the quoted link
stands (hooks/messages.py).
"""

from __future__ import annotations

import re
from pathlib import Path


def plural(number: int, one: str, many: str) -> str:
    """`one` when `number` is 1, else `many`; "{n}" in them becomes the number.

    plural(1, "de komende dag", "de {n} komende dagen") == "de komende dag"
    plural(3, "de komende dag", "de {n} komende dagen") == "de 3 komende dagen"
    """
    return (one if number == 1 else many).replace("{n}", str(number))


def count_of(number: int, one: str, many: str) -> str:
    """The number and its word: "1 fout", "0 fouten", "3 fouten"."""
    return f"{number} {one if number == 1 else many}"


_VIRTUAL = re.compile(r"'(?P<root>[^']*?)posts/(?P<rest>(?:nieuws|verslagen|agenda)/[^']+?\.md)'")
_QUOTED_LINK = re.compile(r"(?:link|anchor) '(?P<link>[^']+)'")


def for_editor(message: str, virtual_root: str, posts_dir: Path) -> str:
    """`message` with the first virtual post path replaced by posts/..., and
    `posts/...:line: ` in front when the file and the quoted link are found."""
    prefix = virtual_root.removesuffix("posts")
    match = _VIRTUAL.search(message)
    if not match or match.group("root") != prefix:
        return message
    rel = f"posts/{match.group('rest')}"
    text = _VIRTUAL.sub(lambda m: f"'posts/{m.group('rest')}'" if m.group("root") == prefix else m.group(0), message)
    line = _line_of(posts_dir / match.group("rest"), _QUOTED_LINK.findall(message[match.end() :]))
    return f"{rel}:{line}: {text} (deze fout had make check moeten vinden: meld het aan het webteam)"


def _line_of(path: Path, needles: list[str]) -> int:
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except OSError:
        return 1
    for needle in needles:
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return 1
