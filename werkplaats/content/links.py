"""Links and images in the text of posts: found, resolved and checked.

An editor links to another post, a fixed page, an image or a PDF with a
path from the file itself, the way it works on disk and in the GitHub
editor: `../verslagen/kenniscafe.md`, `../../docs/contact.md`,
`afbeeldingen/foto.jpg`. Everything a link in a post can make the build
fail on (a missing file, a missing anchor, an absolute path, a link to a
draft or to a post that is not public yet) is found here, with the line,
before anything is built.

"Time-proof": a post dated in the future is published by the nightly build
on its day. A link is checked on every date on which the site changes
(today, every scheduled post's date, every event's day), so a link from a
post due on the 1st to one due on the 10th is reported today.

Plain Python: no MkDocs. werkplaats.content.model calls `check_links` from
`load_all`; the hooks use `rewrite_for_build` to map links to fixed pages
into the build's layout.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import markdown as python_markdown
from markdown.extensions.toc import TocExtension
from markdown.extensions.toc import slugify as toc_slugify
from markdown.inlinepatterns import LINK_RE, LinkInlineProcessor

from ..core.folders import is_folder_readme
from ..core.settings import Settings, read_config
from .addresses import public_path
from .images import SUFFIXES as IMAGE_SUFFIXES
from .images import is_image, readable_image_problem

# --------------------------------------------------------------------------
# Finding links


@dataclass(frozen=True)
class Link:
    line: int  # in the file, 1-based
    target: str  # as written, without <> and title
    image: bool
    alt: str | None  # an image's text, None for links and raw HTML
    start: int  # offset of target in the body, for rewriting
    end: int
    html: bool = False  # in a raw HTML tag: MkDocs leaves its address as written


# Inline links and images: [text](target "title"), ![alt](<path with spaces>).
# Link text may hold one level of brackets; the target may hold balanced parentheses.
_INLINE = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]\n]|\n(?!\s*\n)|\[[^\[\]]*\])*)\]"
    r"\(\s*(?:<(?P<angled>[^<>\n]*)>|(?P<bare>(?:[^\s()]|\([^\s()]*\))+))(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)
# Reference definitions: [name]: target "title" (not abbreviations, *[X]: ...).
_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?:<(?P<angled>[^<>\n]*)>|(?P<bare>\S+))", re.MULTILINE)
# href/src in raw HTML.
_HTML_ATTR = re.compile(
    r"<(?P<tag>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*?\s(?P<attr>href|src)\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<uq>[^\s>]+))",
    re.IGNORECASE,
)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _without_code(body: str) -> str:
    """The body with fenced blocks, indented code and code spans blanked out
    (same length, same line breaks), so links shown as code are not links."""
    lines = body.split("\n")
    fence = None
    previous_blank = True
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            lines[index] = " " * len(line)
        elif opening:
            fence = opening.group(1)
            lines[index] = " " * len(line)
        elif previous_blank and (line.startswith("    ") or line.startswith("\t")) and line.strip():
            lines[index] = " " * len(line)
            continue  # an indented block goes on while lines stay indented
        previous_blank = not line.strip()
    return _CODE_SPAN.sub(_blank, "\n".join(lines))


def find_links(body: str, first_line: int) -> list[Link]:
    """Every link and image in a post's text, in order, with its line."""
    text = _without_code(body)
    found = []

    def line_of(offset: int) -> int:
        return first_line + text.count("\n", 0, offset)

    for match in _INLINE.finditer(text):
        group = "angled" if match.group("angled") is not None else "bare"
        image = bool(match.group("bang"))
        found.append(
            Link(
                line_of(match.start(group)),
                match.group(group),
                image,
                match.group("text") if image else None,
                match.start(group),
                match.end(group),
            )
        )
    for match in _DEFINITION.finditer(text):
        group = "angled" if match.group("angled") is not None else "bare"
        found.append(Link(line_of(match.start(group)), match.group(group), False, None, match.start(group), match.end(group)))
    for match in _HTML_ATTR.finditer(text):
        group = next(g for g in ("dq", "sq", "uq") if match.group(g) is not None)
        image = match.group("tag").lower() in ("img", "source")
        found.append(Link(line_of(match.start(group)), match.group(group), image, None, match.start(group), match.end(group), html=True))
    return sorted(found, key=lambda link: link.start)


# Python-Markdown reads an inline target up to its closing parenthesis, spaces
# and all: [x](foto 1.jpg) links to "foto 1.jpg", and MkDocs checks that
# target. CommonMark (and so GitHub's editor) sees no link there, nor does
# find_links, so the build neither publishes such a file nor maps such a link
# to a fixed page (werkplaats.site.build): it fails on it. A lookahead, so
# that an image inside a link's text is found too.
_OPENING = re.compile(r"(?=(?P<open>(?P<bang>!?)\[(?P<text>(?:[^\[\]\n]|\n(?!\s*\n)|\[[^\[\]]*\])*)\]\())")
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")


class _LinkReader(LinkInlineProcessor):
    """Python-Markdown's own reading of the ( ) after [text], on raw text."""

    def unescape(self, text: str) -> str:
        return text  # nothing is stashed: the text is not being rendered


@functools.cache
def _link_reader() -> _LinkReader:
    return _LinkReader(LINK_RE, python_markdown.Markdown())


def spaced_links(body: str, first_line: int) -> list[Link]:
    """The inline links and images whose target, as Python-Markdown reads it,
    holds a space without < > around it (which find_links does not see)."""
    text, reader = _without_code(body), _link_reader()
    found, seen = [], set()
    for match in _OPENING.finditer(text):
        paren = match.end("open") - 1
        if paren in seen:
            continue  # the [ of an image, after its !
        seen.add(paren)
        end = _PARAGRAPH_END.search(text, paren)
        paragraph = text[: end.start() if end else len(text)]
        opening = reader.RE_LINK.match(paragraph, paren)
        if opening is None or opening.group(1):
            continue  # between < >: find_links has it
        href, _title, _end, handled = reader.getLink(paragraph, paren)
        if not handled or not re.search(r"\s", href):
            continue
        start = opening.end()
        image = bool(match.group("bang"))
        alt = match.group("text") if image else None
        found.append(Link(first_line + text.count("\n", 0, start), href, image, alt, start, start + len(href)))
    return found


# --------------------------------------------------------------------------
# Anchors: the ids a page's text gets, computed the way the build does
# (Python-Markdown with the extensions from mkdocs.yml).


@functools.cache
def _extensions(root: Path) -> tuple[list, dict]:
    names, configs = [], {}
    for item in read_config(root).get("markdown_extensions", []) or []:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        if options:
            configs[name] = options
    return names, configs


_ID = re.compile(r"""\sid\s*=\s*["']([^"']+)["']""")


def anchors(body: str, root: Path) -> set[str]:
    """The ids in the HTML of this text: headings (toc), attr_list {#id}, raw HTML."""
    names, configs = _extensions(root)
    html = python_markdown.Markdown(extensions=names, extension_configs=configs).convert(body)
    return set(_ID.findall(html)) | set(_ID.findall(body))


@functools.cache
def _heading_slug(root: Path):
    """The function (text -> id) that makes a heading's id, as configured for toc."""
    names, configs = _extensions(root)
    for extension in python_markdown.Markdown(extensions=names, extension_configs=configs).registeredExtensions:
        if isinstance(extension, TocExtension):
            slugify, separator = extension.getConfig("slugify"), extension.getConfig("separator")
            return lambda text: slugify(text, separator)
    return lambda text: toc_slugify(text, "-")


_ANCHOR_RULE = "het anker is de kop in kleine letters met streepjes, zonder accenten en leestekens"


def _missing_anchor(fragment: str, where: str | None, ids: set[str], root: Path) -> str:
    """The message for #fragment, not an id in `where` (None: this file). When
    the fragment made into an id the way headings are is one, that is meant:
    #over-het-café for ## Over het café, whose id is over-het-cafe."""
    meant = _heading_slug(root)(unquote(fragment))
    place = f"in {where}" if where else "in dit bestand"
    if meant and meant != fragment and meant in ids:
        return f"#{fragment} bestaat niet {place}: bedoel je #{meant}? {_ANCHOR_RULE.capitalize()}: schrijf #{meant}"
    if where is None:
        return f"#{fragment} bestaat niet {place}: kies een kopje dat er staat ({_ANCHOR_RULE})"
    return f"#{fragment} bestaat niet {place}: kies een kopje dat daar staat ({_ANCHOR_RULE}), of haal #{fragment} weg"


# --------------------------------------------------------------------------
# Checking


@dataclass(frozen=True)
class LinkProblem:
    rel: str  # the linking file, 'posts/nieuws/x.md'
    line: int
    message: str


_OTHER_SCHEMES = ("mailto:", "tel:", "webcal:")
_MARKDOWN_SUFFIXES = (".md",)


def _site_prefixes(settings: Settings) -> list[str]:
    """The site's own public addresses (SITE_URL and the default in
    mkdocs.yml), without scheme: http and https alike."""
    urls = set()
    for value in (settings.site_url, read_config(settings.root).get("site_url", "")):
        # mkdocs.yml writes it as !ENV [SITE_URL, default]: the default is last.
        value = value[-1] if isinstance(value, list) and value else value
        if isinstance(value, str) and value:
            parts = urlsplit(value if "://" in value else f"https://{value}")
            urls.add(f"{parts.netloc}{parts.path}".rstrip("/") + "/")
    return sorted(urls)


def _site_path(target: str, settings: Settings) -> str | None:
    """For a full address of this site, its path on the site ('contact/',
    '' for the home page); None for any other address."""
    parts = urlsplit(target)
    if parts.scheme.lower() not in ("http", "https"):
        return None
    here = f"{parts.netloc}{parts.path}".rstrip("/") + "/"
    for prefix in _site_prefixes(settings):
        if here.lower().startswith(prefix.lower()):
            return unquote(here[len(prefix) :]).removesuffix("index.html/")
    return None


def _site_pages(entries, docs_dir: Path) -> dict[str, Path]:
    """Site path -> file of every page an editor can link to by its file: each
    entry at its public address and its old ones (aliases), each fixed page."""
    pages: dict[str, Path] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        folder, _, name = rel.rpartition("/")
        if name in ("index.md", "README.md"):  # a folder's page, as MkDocs makes it
            address = f"{folder}/" if folder else ""
        else:
            address = f"{rel[: -len('.md')]}/"
        pages.setdefault(address.lower(), path)
    for entry in entries:
        for address in (public_path(entry), *entry.aliases):
            pages.setdefault(address.lower(), entry.path)
    return pages


def _example_link(link_from: Path, settings: Settings) -> str:
    """A real relative path from this file to another post, for the fixes."""
    return posixpath.relpath("verslagen/naam-van-het-verslag.md", settings.relative(link_from.parent).removeprefix("posts/") or ".")


@dataclass
class _Checking:
    """What checking one link needs besides the link and its entry."""

    entries: list
    settings: Settings
    posts_dir: Path
    docs_dir: Path
    by_path: dict
    ids_of: object  # (path, body=None) -> the ids in that file
    pending: list  # (entry, link, target entry): checked against dates later

    @functools.cached_property
    def pages(self) -> dict[str, Path]:
        return _site_pages(self.entries, self.docs_dir)


def check_links(entries, settings: Settings, today: dt.date) -> list[LinkProblem]:
    """Every problem with links and images in the text of `entries`.

    Existence, anchors and form are checked for every entry (drafts too:
    the preview builds them). Publication is checked on every date the
    site changes: a published entry may only link to entries that are
    public on each date it is.
    """
    anchor_cache: dict[Path, set[str]] = {}
    problems: list[LinkProblem] = []

    def ids_of(path: Path, body: str | None = None) -> set[str]:
        if path not in anchor_cache:
            text = body if body is not None else _strip_front_matter(path.read_text(encoding="utf-8"))
            anchor_cache[path] = anchors(text, settings.root)
        return anchor_cache[path]

    checking = _Checking(
        entries,
        settings,
        settings.posts_dir.resolve(),
        (settings.root / "docs").resolve(),
        {e.path.resolve(): e for e in entries},
        ids_of,
        [],
    )
    for entry in entries:
        if "](" not in entry.body and "]:" not in entry.body and "=" not in entry.body:
            continue  # no link at all: the common case at ten years of posts
        found = [(link, _check_one) for link in find_links(entry.body, entry.body_line)]
        found += [(link, _check_spaced) for link in spaced_links(entry.body, entry.body_line)]
        for link, check in sorted(found, key=lambda pair: pair[0].start):
            problem = check(entry, link, checking)
            if problem:
                problems.append(LinkProblem(entry.rel, link.line, problem))

    problems.extend(_publication_problems(checking.pending, entries, today))
    return problems


def _strip_front_matter(text: str) -> str:
    if text.startswith("---"):
        parts = re.split(r"^---[ \t]*$", text, maxsplit=2, flags=re.MULTILINE)
        if len(parts) == 3:
            return parts[2]
    return text


def _site_address_problem(entry, target: str, address: str, c: _Checking) -> str:
    """A full address of this site: the file to link to instead, when the
    address is a page's (a post, an event, a fixed page)."""
    page = c.pages.get(address.lower())
    if page is None:
        instead = f"bijvoorbeeld {_example_link(entry.path, c.settings)}"
    else:
        instead = posixpath.relpath(c.settings.relative(page), c.settings.relative(entry.path.parent))
        fragment = urlsplit(target).fragment
        instead += f"#{fragment}" if fragment else ""
    return (
        f"{target} is het volledige adres van een pagina van deze site; zo'n link wordt niet gecontroleerd "
        f"en breekt als het adres verandert: verwijs naar het bestand, {instead}"
    )


def _check_spaced(entry, link: Link, c: _Checking) -> str | None:
    """A target with a space, not between < > (see spaced_links). MkDocs
    leaves another site's address as written, and finds a post by its file
    name; any other such link fails the build."""
    target = link.target
    parts = urlsplit(target)
    if (parts.scheme and _site_path(target, c.settings) is None) or target.startswith("//"):
        return None  # another site, an e-mail address: as for any link
    path = unquote(parts.path)
    titled = re.fullmatch(r"(\S+)\s+\(([^()]*)\)", target)
    if titled and not parts.scheme and not (entry.path.parent / path).exists():
        return f'{target}: een titel tussen ( ) werkt niet op de site; zet hem tussen aanhalingstekens, {titled[1]} "{titled[2]}"'
    problem = _check_one(entry, link, c)
    if problem or not path or parts.scheme or (entry.path.parent / path).resolve() in c.by_path:
        return problem
    escaped = re.sub(r"\s", lambda space: quote(space.group()), target)
    return f"{target}: een spatie in een link werkt niet; schrijf <{target}> of {escaped}"


def _check_one(entry, link: Link, c: _Checking) -> str | None:
    target, settings = link.target.strip(), c.settings
    if link.image and link.alt is not None and not link.alt.strip():
        return (
            f"de afbeelding {target} heeft geen beschrijving: zet tussen de [ ] in een zin wat erop staat, "
            f"bijvoorbeeld ![Deelnemers in gesprek]({target})"
        )
    if not target:
        return "een link zonder adres: zet het adres tussen de ( ), of haal de [ ] weg"
    lowered = target.lower()
    if lowered.startswith(_OTHER_SCHEMES):
        return None
    address = _site_path(target, settings)
    if address is not None:
        return _site_address_problem(entry, target, address, c)
    parts = urlsplit(target)
    if parts.scheme or target.startswith("//"):
        return None  # another site: not ours to check
    if target.startswith(("/", "\\")):
        return (
            f"{target} begint met /; zo'n link werkt niet op de site (die staat in een submap): "
            f"verwijs vanaf dit bestand, bijvoorbeeld {_example_link(entry.path, settings)} of ../../docs/contact.md"
        )
    path_part, fragment = unquote(parts.path), parts.fragment
    if link.html and path_part:
        # The build rewrites Markdown links only; this one would stay a path
        # to a .md file or to the original image, and break on the site.
        markdown = f"![beschrijving]({path_part})" if link.image else f"[tekst]({target})"
        return f"{target} staat in een HTML-tag; zo'n link werkt niet op de site: schrijf hem in Markdown, {markdown}"
    if "\\" in path_part:
        return f"{target} bevat een \\: gebruik / tussen mappen, bijvoorbeeld {path_part.replace(chr(92), '/')}"
    if not path_part:
        ids = c.ids_of(entry.path.resolve(), entry.body) if fragment else set()
        if fragment and fragment not in ids:
            return _missing_anchor(fragment, None, ids, settings.root)
        return None
    resolved = (entry.path.parent / path_part).resolve()
    what = "afbeelding" if link.image else "bestand"
    inside_posts, inside_docs = resolved.is_relative_to(c.posts_dir), resolved.is_relative_to(c.docs_dir)
    if not (inside_posts or inside_docs):
        meant = _docs_page_meant(entry.path, path_part, settings, c.docs_dir)
        if meant:
            return f"{target} is een pad zoals de site het intern gebruikt: schrijf het vanaf dit bestand, {meant}"
        return f"{target} wijst naar buiten de mappen posts/ en docs/: verwijs naar een bericht, een vaste pagina of een bestand in posts/"
    if resolved.is_dir():
        return f"{target} is een map, geen bestand: verwijs naar het .md-bestand zelf, bijvoorbeeld {_example_link(entry.path, settings)}"
    if not resolved.is_file():
        near = _near(resolved)
        return (
            f"{what} {path_part} bestaat niet (gezocht: {settings.relative(resolved)})"
            f"{near}: controleer de naam, de map en hoofdletters, of haal de link weg als het bestand is verwijderd"
        )
    if link.image and not is_image(resolved):
        # Only what the image pipeline knows is cleaned (metadata, size);
        # anything else would be published as it is.
        return (
            f"afbeelding {path_part}: {resolved.suffix or 'een naam zonder extensie'} is geen soort afbeelding die de site "
            f"verwerkt (toegestaan: {', '.join(IMAGE_SUFFIXES)}): sla de afbeelding op als JPEG of PNG"
        )
    if link.image or is_image(resolved):  # a plain link to a photo publishes it too
        problem = readable_image_problem(resolved)
        if problem:
            return f"afbeelding {path_part}: {problem}"
    if resolved.suffix.lower() in _MARKDOWN_SUFFIXES:
        if inside_posts:
            other = c.by_path.get(resolved)
            if other is None and is_folder_readme(resolved, c.posts_dir):
                return f"{target} is de uitleg bij een map, geen bericht; die staat niet op de site: haal de link weg"
            if other is None:
                return None  # not a valid post: that file's own problems are reported
            if fragment and fragment not in c.ids_of(resolved, other.body):
                return _missing_anchor(fragment, other.rel, c.ids_of(resolved, other.body), settings.root)
            c.pending.append((entry, link, other))
        elif fragment and fragment not in c.ids_of(resolved):
            return _missing_anchor(fragment, settings.relative(resolved), c.ids_of(resolved), settings.root)
    return None


def _docs_page_meant(source: Path, path_part: str, settings: Settings, docs_dir: Path) -> str:
    """The on-disk link for a path written from the build's virtual place of
    the post (nieuws/posts/<kind>/, where ../../../over.md is docs/over.md)."""
    kind_dir = source.parent.name
    virtual = posixpath.normpath(posixpath.join("nieuws/posts", kind_dir, path_part))
    if virtual.startswith("..") or not (docs_dir / virtual).is_file():
        return ""
    return posixpath.relpath(f"docs/{virtual}", f"posts/{kind_dir}")


def _near(missing: Path) -> str:
    """' (bedoel je "x.md"?)' when a file with nearly that name is in that folder."""
    folder = missing.parent
    if not folder.is_dir():
        return ""
    names = [p.name for p in folder.iterdir() if p.is_file()]
    exact_case = [n for n in names if n.lower() == missing.name.lower()]
    close = exact_case or difflib.get_close_matches(missing.name, names, n=1, cutoff=0.85)
    return f' (bedoel je "{close[0]}"?)' if close else ""


def change_dates(entries, today: dt.date) -> list[dt.date]:
    """Today and every later date on which the published site changes:
    each scheduled post's date and each event's first and last day."""
    days = {today}
    for entry in entries:
        if entry.draft:
            continue
        for day in (entry.first_day, entry.last_day) if entry.is_event else (entry.date,):
            if day > today:
                days.add(day)
    return sorted(days)


def _publication_problems(pending, entries, today: dt.date) -> list[LinkProblem]:
    """A published entry linking to one that is not public on a date when
    the linking one is: the build of that date would fail."""
    problems, reported = [], set()
    for day in change_dates(entries, today):
        for entry, link, other in pending:
            key = (entry.rel, link.line, other.rel)
            if key in reported or entry.draft or not entry.is_public(day) or other.is_public(day):
                continue
            reported.add(key)
            if other.draft:
                message = (
                    f"linkt naar {other.rel}, dat een concept is (draft: true) en niet op de site staat: "
                    f"haal de link weg tot dat bericht gepubliceerd is"
                )
            elif day == today:
                message = (
                    f"linkt naar {other.rel}, dat pas op {other.date.isoformat()} verschijnt: "
                    f"zet de link pas als dat bericht op de site staat"
                )
            else:
                message = (
                    f"linkt naar {other.rel}, dat pas op {other.date.isoformat()} verschijnt, maar dit bestand "
                    f"staat vanaf {day.isoformat()} op de site: de publicatie van {day.isoformat()} zou mislukken. "
                    f"Geef dit bericht een datum vanaf {other.date.isoformat()}, of zet de link pas als "
                    f"{other.rel.rsplit('/', 1)[-1]} verschenen is"
                )
            problems.append(LinkProblem(entry.rel, link.line, message))
    return problems


# --------------------------------------------------------------------------
# The build's layout


def rewrite_for_build(body: str, source: Path, virtual_dir: str, settings: Settings) -> str:
    """Map links to fixed pages in docs/ (written from the file on disk, like
    ../../docs/contact.md) to paths from where the build places the post
    (`virtual_dir`, docs-relative). Other links are left as written."""
    docs_dir = (settings.root / "docs").resolve()
    return relink(body, source, virtual_dir, lambda path: path.relative_to(docs_dir).as_posix() if path.is_relative_to(docs_dir) else None)


def relink(body: str, source: Path, new_dir: str, place) -> str:
    """Relative links in `body`, written from `source` on disk, pointed at
    where `place(resolved path)` puts their target (docs-relative; None:
    leave the link as written), relative to `new_dir` (docs-relative)."""
    pieces, last = [], 0
    for link in find_links(body, 1):
        parts = urlsplit(link.target.strip())
        if parts.scheme or not parts.path or link.target.startswith(("/", "//")):
            continue
        target = place((source.parent / unquote(parts.path)).resolve())
        if target is None:
            continue
        new = posixpath.relpath(target, new_dir)
        if parts.fragment:
            new += f"#{parts.fragment}"
        pieces += [body[last : link.start], new]
        last = link.end
    return "".join(pieces) + body[last:] if pieces else body
