"""The content model: the one owner of what an editor may write in posts/.

Split by concern, with this module as the way in:
- werkplaats.content.entries: the values (Entry, Location, Attachment, Problem, kinds);
- werkplaats.content.fields: the keys per kind and one parser per kind of value;
- werkplaats.content.front_matter: the file's text and YAML, and YAML's errors told in Dutch;
- werkplaats.content.unsafe_markup: text that could run code;
- here: reading one file (read_entry), every file (load_all), and the
  rules across keys and files (events, places, collisions).

Every rule about front matter lives here: which keys exist per kind, their
types, defaults and Dutch error messages with file and line. The MkDocs
hooks, `make check`, the JSON Schema (werkplaats.content.schema) and the tests all
call this module; none of them repeats a rule.

A post file is `posts/<kind>/<anything>.md` with kind `nieuws`, `verslagen`
or `agenda`. `load_all()` reads every file, reports every problem of every
file at once, and returns the entries only when there are no problems.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..core.folders import MEDIA_FOLDERS, is_folder_readme
from ..core.placeholders import MESSAGE as PLACEHOLDER_MESSAGE
from ..core.placeholders import placeholder_lines
from ..core.settings import Settings
from ..core.slugs import slugify
from . import addresses, form_rules, place_facts, series
from .entries import (
    DEFAULT_STATUS,
    EVENT_STATUSES,
    EXCERPT_SEPARATOR,
    IMAGE_SUFFIXES,
    KINDS,
    POST_KINDS,
    Attachment,
    ContentError,
    Entry,
    Location,
    Problem,
    rel_path,
)
from .fields import EVENT_FIELDS, KIND_HINTS, POST_FIELDS, REPORT_IN_POST, SERIES_KEYS, Field, dutch_hint, fields_for
from .front_matter import (
    DecodeError,
    decode,
    key_problem,
    load_yaml,
    split_front_matter,
    swallowed_lines,
    unreadable_elsewhere,
    written_problem,
    yaml_problem,
)
from .links import check_links
from .photo_metadata import metadata_problems
from .unsafe_markup import unsafe_markup
from .values import SLUG_MAX, TITLE_MAX, Context, FieldError, hint, local_datetime, short_slug

# What other modules use, from one place (the names live in the modules above).
__all__ = [
    "EVENT_FIELDS",
    "EVENT_STATUSES",
    "EXCERPT_SEPARATOR",
    "IMAGE_SUFFIXES",
    "KINDS",
    "POST_FIELDS",
    "POST_KINDS",
    "SLUG_MAX",
    "TITLE_MAX",
    "Attachment",
    "ContentError",
    "Entry",
    "Field",
    "Location",
    "Problem",
    "blog_source",
    "fields_for",
    "ignored_files",
    "is_post_file",
    "load_all",
    "local_datetime",
    "post_files",
    "read_entry",
    "read_schedule",
    "url_key",
    "with_excerpt_separator",
]


def read_entry(path: Path, settings: Settings, today: dt.date | None = None) -> tuple[Entry | None, list[Problem]]:
    """Read and validate one post file. Returns the entry or its problems.
    With `today`, also the rules that depend on the day (a place for an event still to come, werkplaats.content.form_rules).

    In four steps: the front matter as YAML (_read_source), each key by its
    parser (_parse_values), the rules across keys and the text
    (_cross_problems), and the Entry (_entry)."""
    if is_folder_readme(path, settings.posts_dir):
        return None, []  # explains afbeeldingen/ or bijlagen/; not a post (werkplaats.core.folders)
    rel = rel_path(path, settings)
    kind = path.parent.name if path.parent.parent.resolve() == settings.posts_dir.resolve() else ""
    if kind not in KINDS:
        return None, [Problem(rel, 1, f"staat niet in een van de mappen posts/{', posts/'.join(KINDS)}/: verplaats het bestand")]
    source, problems = _read_source(path, rel, kind)
    if source is None:
        return None, problems
    values, problems = _parse_values(source, path, rel, kind, settings)
    problems += _cross_problems(source, values, path, rel, kind, today)
    if problems:
        return None, problems
    return _entry(source, values, path, rel, kind, settings), []


# What an event's calendar SEQUENCE counts (werkplaats.content.history): a change of
# any of these keys is a change of the event's time, place or status.
SCHEDULE_KEYS = ("start", "end", "location", "status", *SERIES_KEYS)


def read_schedule(data: bytes, path: Path, settings: Settings) -> tuple | None:
    """(start, end, location, status) of one version of an event file, read
    by the same parsers as read_entry (status defaults to "gepland" there too);
    None when that version cannot be read so far. Used for older versions from
    git, which are bytes, not files: the rules across keys and files are
    not checked, as only these four values are compared."""
    try:
        meta_text, _, _ = split_front_matter(decode(data))
        _, meta = load_yaml(meta_text)
    except (DecodeError, FieldError, yaml.YAMLError):
        return None
    if not isinstance(meta, dict) or "start" not in meta:
        return None
    spec, ctx = fields_for("agenda"), Context(settings, path, "agenda")
    values = {}
    for key in SCHEDULE_KEYS:
        if key in meta:
            try:
                values[key] = spec[key].parse(meta[key], ctx)
            except FieldError:
                return None
    # A series' dates are its schedule too: a date moved or cancelled is a change.
    series_keys = tuple(values.get(key) for key in SERIES_KEYS)
    return (values["start"], values.get("end"), values.get("location"), values.get("status", DEFAULT_STATUS), *series_keys)


def _location_of(path: Path, settings: Settings) -> Location | None:
    """The place an event file names, when that much of it can be read."""
    try:
        _, meta = load_yaml(split_front_matter(decode(path.read_bytes()))[0])
        return fields_for("agenda")["location"].parse(meta["location"], Context(settings, path, "agenda"))
    except (DecodeError, FieldError, yaml.YAMLError, KeyError, TypeError):
        return None


@dataclass
class _Source:
    """A post file read as far as YAML goes."""

    text: str
    meta_text: str
    body: str
    body_line: int
    meta: dict
    lines: dict  # key -> (line, YAML node)


def _read_source(path: Path, rel: str, kind: str) -> tuple[_Source | None, list[Problem]]:
    """The file's text, its front matter as YAML and each key's line; or the
    one problem that stops reading (encoding, YAML syntax, a key twice)."""
    try:
        text = decode(path.read_bytes())
    except DecodeError as error:
        return None, [
            Problem(rel, error.line, "het bestand is geen UTF-8-tekst: sla het op als UTF-8 (in de GitHub-editor gaat dit vanzelf)")
        ]
    try:
        meta_text, body, body_line = split_front_matter(text)
    except FieldError as error:
        return None, [Problem(rel, 1, str(error))]
    try:
        node, meta = load_yaml(meta_text)
    except yaml.reader.ReaderError as error:
        # A control character (Word's Shift+Enter is U+000B) that YAML refuses.
        line = meta_text[: max(error.position, 0)].count("\n") + 1
        code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or " ")
        return None, [
            Problem(rel, line, f"op deze regel staat een onzichtbaar teken (U+{code:04X}): typ de regel opnieuw, of haal het teken weg")
        ]
    except yaml.YAMLError as error:
        # A tab where YAML wants spaces gives several different parser
        # messages; name the tab itself, on its own line.
        for number, line in enumerate(meta_text.split("\n")[1:], start=2):
            if "\t" in line[: len(line) - len(line.lstrip())]:
                return None, [Problem(rel, number, "in de front matter staat een tab: gebruik spaties om in te springen")]
        return None, [yaml_problem(error, rel, meta_text)]
    found = swallowed_lines(node, meta_text.split("\n")) if node is not None else None
    if found:  # a quote not closed until a later line: the keys between are text
        return None, [Problem(rel, found[0] + 1, found[1])]
    if meta is None:
        return None, [
            Problem(rel, 1, "de front matter is leeg: vul minstens title en " + ("start" if kind == "agenda" else "date") + " in")
        ]
    if not isinstance(meta, dict):
        meta_lines = meta_text.split("\n")
        found = key_problem(meta_lines, len(meta_lines) - 1)  # `title:"X"` alone is one text, no key
        if found:
            return None, [Problem(rel, found[0] + 1, found[1])]
        return None, [Problem(rel, 2, "de front matter moet bestaan uit regels sleutel: waarde")]

    lines = {}
    for key_node, value_node in node.value:
        if key_node.value in lines:
            return None, [
                Problem(rel, key_node.start_mark.line + 1, f'"{key_node.value}" staat twee keer in de front matter: haal er één weg')
            ]
        lines[key_node.value] = (key_node.start_mark.line + 1, value_node)
    return _Source(text, meta_text, body, body_line, meta, lines), []


def _parse_values(source: _Source, path: Path, rel: str, kind: str, settings: Settings) -> tuple[dict[str, Any], list[Problem]]:
    """Each key read by its parser (werkplaats.content.fields), with its line."""
    meta, lines = source.meta, source.lines
    problems: list[Problem] = []
    spec = fields_for(kind)
    ctx = Context(settings, path, kind)
    values: dict[str, Any] = {}
    meta_lines = source.meta_text.split("\n")
    for key, value in meta.items():
        line, value_node = lines.get(str(key), (1, None))
        if key == "report" and kind != "agenda":
            problems.append(Problem(rel, line, REPORT_IN_POST[kind].format(name=path.name)))
            continue
        if key not in spec:
            suggestion = KIND_HINTS.get((kind == "agenda", key)) or dutch_hint(key, spec) or hint(key, spec)
            problems.append(Problem(rel, line, f'onbekende sleutel "{key}"{suggestion} (toegestaan: {", ".join(spec)})'))
            continue
        parse = spec[key].parse
        found = written_problem(line - 1, value_node, meta_lines, parse)
        if found is None:
            try:
                values[key] = parse(value, ctx)
            except FieldError as error:
                problems.append(Problem(rel, line, f"{key}: {error}"))
                continue
            found = unreadable_elsewhere(value_node, meta_lines)
        if found:
            problems.append(Problem(rel, found[0], f"{key}: {found[1]}"))
    return values, problems


def _cross_problems(source: _Source, values: dict[str, Any], path: Path, rel: str, kind: str, today: dt.date | None) -> list[Problem]:
    """The rules across keys and the text: required keys, image and its
    description, the text itself, an event's end and place, the address."""
    meta, lines, body, body_line, text = source.meta, source.lines, source.body, source.body_line, source.text
    spec = fields_for(kind)
    problems: list[Problem] = []
    closing = body_line - 1  # the line with the closing ---, where a missing key goes
    for key, item in spec.items():
        if item.required and key not in meta:
            problems.append(
                Problem(
                    rel, closing, f"{key} ontbreekt: voeg boven deze regel een regel toe, bijvoorbeeld {key}: {_example_text(item.example)}"
                )
            )
    problems.extend(_form_rules(("image_alt_missing", "image_missing", "body_missing"), source, values, rel, kind, None))
    problems.extend(unsafe_markup(body, body_line, rel))
    problems.extend(Problem(rel, line, PLACEHOLDER_MESSAGE) for line in placeholder_lines(text, body_line))
    if kind == "agenda":
        problems.extend(_check_event(source, values, rel))
        problems.extend(_check_series(source, values, rel))
        if today is not None:
            problems.extend(_form_rules(("place_missing", "place_unfindable"), source, values, rel, kind, today))
    if "title" in values and "slug" not in meta and not slugify(values["title"]):
        # The blog makes the address from the title alone: an empty slug would
        # put this post at the day's own address, over any other such post.
        problems.append(
            Problem(
                rel,
                lines["title"][0],
                f'title: "{values["title"]}" heeft geen letters of cijfers voor het webadres: voeg een regel slug: toe, bijvoorbeeld slug: {slugify(path.stem) or "mijn-bericht"}',
            )
        )
    elif "title" in values and "slug" not in meta and len(slugify(values["title"])) > TITLE_MAX:
        # Some characters grow when spelled out (㎒ is "mhz"): keep the folder
        # name of the address far below the file system's 255 bytes.
        problems.append(
            Problem(
                rel,
                lines["title"][0],
                f"title: het webadres dat van deze titel gemaakt wordt is {len(slugify(values['title']))} tekens lang, meer dan {TITLE_MAX}: voeg een regel slug: toe met een korter adres, bijvoorbeeld slug: {short_slug(slugify(values['title']))}",
            )
        )
    return problems


def _entry(source: _Source, values: dict[str, Any], path: Path, rel: str, kind: str, settings: Settings) -> Entry:
    body, body_line = source.body, source.body_line
    title = values["title"]
    categories = values.get("categories", [])
    folder_category = settings.folder_categories.get(kind)
    if folder_category and folder_category not in categories:
        categories = [folder_category, *categories]
    return Entry(
        kind=kind,
        path=path,
        rel=rel,
        title=title,
        body=body,
        slug=values.get("slug") or slugify(title),
        explicit_slug="slug" in values,
        description=values.get("description", ""),
        categories=categories,
        tags=values.get("tags", []),
        image=values.get("image", ""),
        image_alt=values.get("image_alt", ""),
        draft=values.get("draft", False),
        date=values.get("date"),
        authors=values.get("authors", []),
        attachments=values.get("attachments", []),
        start=values.get("start"),
        end=values.get("end"),
        location=values.get("location"),
        online=values.get("online", ""),
        registration=values.get("registration", ""),
        status=values.get("status", DEFAULT_STATUS) if kind == "agenda" else "",
        report=values.get("report", ""),
        aliases=values.get("aliases", []),
        body_line=body_line,
        dates=values.get(_SERIES_DATES, ()),
        repeat_text=values["repeat"].describe() if "repeat" in values else "",
    )


def _form_rules(ids, source: _Source, values, rel, kind, today: dt.date | None) -> list[Problem]:
    """The rules across keys stated as data (werkplaats.content.form_rules, which
    the CMS's form evaluates too), at the line each names."""
    read = form_rules.reader(source.meta, values, source.body)
    found = form_rules.problems(kind, ids, read, lambda key: source.meta.get(key) if "." not in key else read(key), today)
    where = {"closing": source.body_line - 1, "body": source.body_line}
    return [Problem(rel, where.get(rule["line"]) or source.lines[rule["line"]][0], rule["message"]) for rule in found]


def _check_event(source: _Source, values, rel) -> list[Problem]:
    """End against start: the rules of werkplaats.content.form_rules, after an end
    that is only a time (which the form never writes) is put on the start's day."""
    meta, lines = source.meta, source.lines
    start, end = values.get("start"), values.get("end")
    if start is None or end is None:
        return []
    line = lines["end"][0]
    time_only = isinstance(end, dt.time)
    if time_only and not isinstance(start, dt.datetime):
        return [
            Problem(
                rel,
                line,
                f"end: {meta['end']} is alleen een tijd, maar start heeft geen tijd: geef start ook een tijd, of schrijf bij end een datum",
            )
        ]
    if time_only:
        try:
            values["end"] = local_datetime(start.date(), end, f"{start.date()} {meta['end']}")
        except FieldError as error:
            return [Problem(rel, line, f"end: {error}")]
    form = _form_rules(("end_form",), source, values, rel, "agenda", None)
    backwards = _form_rules(("end_before_start",), source, values, rel, "agenda", None)
    if time_only:  # the one case the form cannot write: say how to end after midnight
        after = _end_before_start_advice(start, end, meta["end"])
        backwards = [Problem(p.path, p.line, p.message + after) for p in backwards]
    return form + backwards


def _end_before_start_advice(start: dt.datetime, end: dt.time, written) -> str:
    """After midnight, when the night is short enough to be meant (a dance
    night, a late debate); a longer gap reads as start and end swapped."""
    late = dt.datetime.combine(start.date() + dt.timedelta(days=1), end) - start.replace(tzinfo=None)
    if late <= dt.timedelta(hours=12):
        return f" (eindigt het na middernacht? schrijf dan de datum erbij: {_next_day_end(start.date(), end, written)})"
    return f" (zijn begin en einde verwisseld? schrijf dan start: {start.date()} {written} en end: {start:%H:%M})"


def _next_day_end(day: dt.date, end: dt.time, written) -> str:
    """`end: <the next day> <time>`, as advice that works when followed: in the
    night the clocks go forward the hour after 02:00 is not there."""
    following = day + dt.timedelta(days=1)
    try:
        local_datetime(following, end)
    except FieldError:
        return f"end: {following} 03:{end.minute:02d}, want {written} bestaat die nacht niet: de klok gaat van 02:00 naar 03:00"
    return f"end: {following} {written}"


def _check_series(source: _Source, values, rel) -> list[Problem]:
    """A series' dates (werkplaats.content.series), kept in values for _entry; each
    problem at the line of the key it is about."""
    lines = source.lines
    loose = [key for key in SERIES_KEYS if key in source.meta]
    if not series.is_series(source.meta):
        return [
            Problem(rel, lines[key][0], f"{key}: hoort bij een reeks; geef repeat (en until) of dates, of haal {key} weg")
            for key in loose
            if key in ("cancelled", "moved")
        ] + (_check_until(source, rel) if "until" in source.meta else [])
    if "start" not in values or any(key in source.meta and key not in values for key in loose):
        return []  # already told: a key that could not be read
    found, problems = series.occurrences(values)
    values[_SERIES_DATES] = tuple(found)
    return [Problem(rel, lines[key][0] if key in lines else 1, f"{key}: {message}") for key, message in problems]


def _check_until(source: _Source, rel) -> list[Problem]:
    return [Problem(rel, source.lines["until"][0], "until: hoort bij repeat: geef repeat of haal until weg")]


_SERIES_DATES = "\0series"  # not a key anyone can write


def _example_text(example) -> str:
    return example if isinstance(example, str) else yaml.safe_dump(example, default_flow_style=True, allow_unicode=True).strip()


# --------------------------------------------------------------------------
# Reading everything


def post_files(settings: Settings) -> list[Path]:
    """Every Markdown file under posts/, in a stable order."""
    return sorted(settings.posts_dir.rglob("*.md"), key=lambda p: p.as_posix())


def is_post_file(path: Path, posts_dir: Path) -> bool:
    """Whether `path` is one of the files read as posts: a Markdown file
    under posts/ (post_files) other than a media folder's README.md
    (read_entry skips those, werkplaats.core.folders). By name only, so it also
    answers for a file no longer on disk (a deletion in git, werkplaats.content.history)."""
    path, posts_dir = Path(path), Path(posts_dir)
    return path.name.endswith(".md") and path.is_relative_to(posts_dir) and not is_folder_readme(path, posts_dir)


# Names an editor gives a Markdown file that the build would pass over: the
# post would never appear, and nothing would say why.
_IGNORED_SUFFIXES = (".markdown", ".mdown", ".mkd", ".mkdn", ".md.txt", ".txt")


def _rel_unresolved(path: Path, settings: Settings) -> str:
    """Like rel_path, for a link itself rather than where it points."""
    return Path(path.absolute()).relative_to(settings.root.absolute()).as_posix()


def _reads_like_a_post(path: Path) -> bool:
    """A file that opens with front matter but whose name is not read as a
    post (`werkgroep`, `werkgroep,md`, `werkgroep.md ` from a web editor's
    "new file"); YAML files may open with --- too, and are data."""
    if path.suffix.lower() in (".yml", ".yaml") or path.parent.name in MEDIA_FOLDERS:
        return False  # data, or a photo or attachment (a text file may open with --- too)
    with path.open("rb") as file:
        return file.read(8).removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n").startswith(b"---")


def _post_stem(name: str) -> str:
    """The name to give a file meant as a post: `werkgroep,md ` -> `werkgroep`."""
    if name.lower().endswith(".md.txt"):
        return name[: -len(".md.txt")]
    stem = re.sub(r"(?i)[\s.,_-]*md\s*$", "", name.strip())
    return stem if stem != name.strip() else (name.rsplit(".", 1)[0] if "." in name else name).strip()


def ignored_files(settings: Settings) -> list[Problem]:
    """Files in posts/ that look like posts but are not read as posts."""
    problems = []
    for path in sorted(settings.posts_dir.rglob("*"), key=lambda p: p.as_posix()):
        name = path.name.lower()
        if path.is_symlink():
            problems.append(
                Problem(
                    _rel_unresolved(path, settings),
                    1,
                    "is een snelkoppeling (symlink) naar een ander bestand: zet het bestand zelf in posts/",
                )
            )
            continue
        if not path.is_file() or path.suffix == ".md":
            continue
        if (
            name.endswith(".md")
            or (name.endswith(_IGNORED_SUFFIXES) and not (name.endswith(".txt") and "bijlagen" in path.parts))
            or _reads_like_a_post(path)
        ):
            stem = _post_stem(path.name)
            problems.append(
                Problem(
                    rel_path(path, settings),
                    1,
                    f"wordt genegeerd: alleen bestanden die op .md eindigen (kleine letters) worden berichten; "
                    f"hernoem naar {stem}.md (een tekstbijlage hoort in een map bijlagen/)",
                )
            )
    return problems


def load_all(settings: Settings, files: list[Path] | None = None, today: dt.date | None = None) -> list[Entry]:
    """Read and validate every post; raise ContentError listing every problem.

    With `today`, also check the links and images in the text, on today and
    on every later date on which the site changes (werkplaats.content.links).
    Without `files`, also every other file of posts/: names the build would
    pass over (ignored_files), and images that carry a GPS position, names
    or camera data (werkplaats.content.photo_metadata).
    """
    entries, problems, failed = [], [], []
    for path in post_files(settings) if files is None else files:
        entry, found = read_entry(path, settings, today)
        problems.extend(found)
        if entry:
            entries.append(entry)
        elif found:
            failed.append(path)
    if files is None:
        problems.extend(ignored_files(settings))
        problems.extend(metadata_problems(settings))  # images with GPS, names, camera data (werkplaats.content.photo_metadata)
        # posts/locaties.yml. An event refused for another reason still names
        # its place: facts about it are not "about no event" on top of that.
        places = [place for path in failed if path.parent.name == "agenda" and (place := _location_of(path, settings))]
        problems.extend(place_facts.problems(settings, entries, also=places))
    problems.extend(_collisions(entries))
    problems.extend(Problem(*found) for found in addresses.alias_collisions(entries))
    problems.extend(_tag_spellings(entries))
    if today is not None:
        problems.extend(Problem(p.rel, p.line, p.message) for p in check_links(entries, settings, today))
    if problems:
        raise ContentError(problems)
    return entries


def url_key(entry: Entry) -> tuple:
    """Two entries with the same key would be written to the same address."""
    if entry.is_series:
        return ("reeks", entry.slug)
    return ("agenda" if entry.is_event else "nieuws", entry.first_day, entry.slug)


def blog_source(entry: Entry) -> str:
    """A news item or report as Material's blog must read it: the model's
    values in front matter typed the way the blog checks them, then the body.

    The blog reads each post's front matter itself, with PyYAML's SafeLoader,
    validates authors, categories, date, draft and slug (its PostConfig) and
    makes the address from date and slug. From the editor's text it would
    refuse `date: "2026-11-23"` or `draft: ja`, and put `title: Yes` at
    /true/; from this it gets the model's address (url_key). JSON strings and
    lists are YAML that SafeLoader reads as text whatever they hold.
    """
    front = [
        f"title: {json.dumps(entry.title, ensure_ascii=False)}",
        f"date: {entry.date.isoformat()}",
        f"slug: {json.dumps(entry.slug)}",
        f"draft: {'true' if entry.draft else 'false'}",
        f"authors: {json.dumps(entry.authors, ensure_ascii=False)}",
        f"categories: {json.dumps(entry.categories, ensure_ascii=False)}",
    ]
    return "---\n" + "\n".join(front) + "\n---\n\n" + entry.body.lstrip("\n")


def _collisions(entries: list[Entry]) -> list[Problem]:
    """Two entries at one address, or one explicit slug used twice: each of
    the two files named, on its slug (or title) line, with a slug to give it.
    Which of the two is new only the editor knows, so both are told."""
    seen: dict[tuple, Entry] = {}
    problems = []
    for entry in entries:
        other, same_slug = seen.setdefault(url_key(entry), entry), False
        if other is entry and entry.explicit_slug:
            other, same_slug = seen.setdefault(("slug", entry.is_event, entry.slug), entry), True
        if other is not entry:
            problems += [_collision(entry, other, same_slug), _collision(other, entry, same_slug)]
    return problems


def _tag_spellings(entries: list[Entry]) -> list[Problem]:
    """A tag written two ways ("Wijkteams", "wijkteams", "cafe", "café")
    would make two lists with one address: each file that differs from the
    spelling most files use is told which to write."""
    users: dict[str, dict[str, list[Entry]]] = {}
    for entry in entries:
        for tag in entry.tags:
            users.setdefault(slugify(tag), {}).setdefault(tag, []).append(entry)
    problems = []
    for spellings in users.values():
        if len(spellings) < 2:
            continue
        # The spelling most files use; a tie goes to lower case, as the guide writes tags.
        usual = max(spellings, key=lambda tag: (len(spellings[tag]), tag == tag.lower()))
        for tag, found in spellings.items():
            if tag == usual:
                continue
            example = spellings[usual][0].rel
            for entry in found:
                line = addresses.key_line(entry.path, entry.body_line, "tags")
                message = f'tags: "{tag}" staat elders als "{usual}" (onder meer in {example}): schrijf {usual}, dan staan ze op één trefwoordpagina'
                problems.append(Problem(entry.rel, line, message))
    return problems


def _collision(entry: Entry, other: Entry, same_slug: bool) -> Problem:
    key = "slug" if entry.explicit_slug else "title"
    own = slugify(re.sub(r"^\d{4}-\d{2}-\d{2}-", "", entry.path.stem))
    suggestion = next(s for s in (own, f"{entry.slug}-{entry.kind}", f"{entry.slug}-2") if s and s not in (entry.slug, other.slug))
    what = (
        f"heeft dezelfde slug als {other.rel}: een slug kan maar één keer"
        if same_slug
        else f"krijgt hetzelfde webadres als {other.rel} (zelfde datum en {'slug' if entry.explicit_slug else 'titel'})"
    )
    return Problem(
        entry.rel,
        addresses.key_line(entry.path, entry.body_line, key),
        f"{what}: geef een van beide een eigen slug, bijvoorbeeld slug: {suggestion}",
    )


# --------------------------------------------------------------------------
# Markdown helpers


def with_excerpt_separator(markdown: str) -> str:
    """Insert the excerpt marker after the first paragraph when the editor did not.

    Listings then show the opening paragraph instead of the whole post.
    """
    if EXCERPT_SEPARATOR in markdown:
        return markdown
    blocks = markdown.strip("\n").split("\n\n")
    for index, block in enumerate(blocks):
        if block.strip() and not block.lstrip().startswith("#"):
            return "\n\n".join(blocks[: index + 1] + [EXCERPT_SEPARATOR] + blocks[index + 1 :]) + "\n"
    return markdown
