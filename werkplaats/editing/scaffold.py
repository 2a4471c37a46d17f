"""`make post|verslag|event TITLE=... [START=...]`: a new file with complete front matter.

Title and date (or start) are filled in, every optional key is present as a
commented example taken from the content model, and the text is placeholder
sentences starting with werkplaats.core.placeholders.MARKER. `make check`
refuses those (and a free-text example uncommented unchanged), and an event
until its place is filled in: nothing the scaffold wrote goes public unread.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import yaml

from ..content.fields import EVENT_FIELDS, POST_FIELDS
from ..content.values import FieldError, parse_moment
from ..core.commands import parser as command_parser
from ..core.dates import site_today
from ..core.placeholders import MARKER
from ..core.settings import load_settings
from ..core.slugs import slugify

FOLDERS = {"post": "nieuws", "verslag": "verslagen", "event": "agenda"}
BODY = (
    f"{MARKER} door de eerste alinea. Die verschijnt ook in de overzichten en in de feed.\n\n"
    "<!-- more -->\n\n"
    f"{MARKER} door de rest van de tekst. Kopjes maak je met ## aan het begin van een regel.\n"
)
# Free text that reads as real: its example would go public unnoticed if
# uncommented as it is, so it carries the marker too.
PLACEHOLDER_KEYS = ("description", "image_alt")
# A new file has no old address.
LEFT_OUT = ("aliases",)
# The place of an event: to fill in, never a default (a default place is
# the wrong place for every event held elsewhere). Commented out, so
# `make check` says "location ontbreekt" until it is filled in.
LOCATION = [
    "# Plaats (verplicht, of online: met een webadres). Haal de # weg voor location: en de regels",
    "# eronder die je invult; een regel die je niet invult, haal je weg.",
    "# location:",
    "#   name: ",
    "#   address: ",
    "#   postcode: ",
    "#   city: ",
]


def _line(key: str, value: str) -> str:
    return f"{key}: {json.dumps(value, ensure_ascii=False)}"  # JSON strings are valid YAML


def render(kind: str, title: str, today: dt.date, start: str | None) -> str:
    lines = ["---", _line("title", title)]
    if kind == "event":
        fields = EVENT_FIELDS
        lines.append(f"start: {start}")
        written = {"title", "start"}
    else:
        fields = POST_FIELDS
        lines.append(f"date: {today.isoformat()}")
        written = {"title", "date"}
    for key, field in fields.items():
        if key in written or key in LEFT_OUT:
            continue
        if key == "location":
            lines += LOCATION
            continue
        example = field.example
        if key == "end":
            example = _two_hours_later(start)
        elif key in PLACEHOLDER_KEYS:
            example = f"{MARKER} ({example})"  # no colon: uncommented, it is valid YAML
        lines.append(f"# {field.help}")
        lines += [f"# {part}" for part in _example_lines(key, example)]
    lines.append("---")
    return "\n".join(lines) + "\n\n" + BODY


def _example_lines(key: str, value) -> list[str]:
    """`key: value` as an editor would type it (the examples are plain YAML-safe text)."""
    if isinstance(value, bool):
        return [f"{key}: {str(value).lower()}"]
    if isinstance(value, str):
        return [f"{key}: {value}"]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [f"{key}: [{', '.join(value)}]"]
    return yaml.safe_dump({key: value}, allow_unicode=True, default_flow_style=False, sort_keys=False).splitlines()


def _two_hours_later(start: str) -> str:
    moment = parse_moment(start, None)
    if isinstance(moment, dt.datetime):
        later = moment + dt.timedelta(hours=2)
        return later.strftime("%Y-%m-%d %H:%M") if later.date() == moment.date() else start
    return start


def target(kind: str, title: str, start: str | None, root: Path) -> Path:
    name = slugify(title) or "nieuw"
    if kind == "event":
        name = f"{start[:10]}-{name}"
    return root / "posts" / FOLDERS[kind] / f"{name}.md"


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("post", "verslag", "event")
    parser.add_argument("kind", choices=sorted(FOLDERS))
    parser.add_argument("title")
    parser.add_argument("--start", default="")
    args = parser.parse_args(argv)
    title = args.title.strip()
    if not title:
        print('Geef een titel mee: make post TITLE="Titel van het bericht"', file=sys.stderr)
        return 2
    start = args.start.strip() or None
    if args.kind == "event":
        try:
            if start is None:
                raise FieldError("ontbreekt")
            parse_moment(start, None)
        except FieldError as error:
            print(f'START {error}: gebruik make event TITLE="..." START="JJJJ-MM-DD UU:MM"', file=sys.stderr)
            return 2
    settings = load_settings()
    path = target(args.kind, title, start, settings.root)
    if path.exists():
        print(f"{path.relative_to(settings.root)} bestaat al: kies een andere titel of bewerk dat bestand.", file=sys.stderr)
        return 1
    path.write_text(render(args.kind, title, site_today(), start), encoding="utf-8")
    print(path.relative_to(settings.root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
