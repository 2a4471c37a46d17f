"""The site search: what each page tells the index, and building the index.

The engine is Pagefind (handbook/search.md: chosen by measurement over
Material's lunr search). It reads the built HTML: a page is indexed only if
its template marks the text with `data-pagefind-body`, and that happens
only when the page has a search record from `record()` or `page_record()`.
Listings, drafts and scheduled posts get none, so they are never indexed.

Dutch (handbook/search.md): Pagefind's Dutch stemmer conflates
words (gemeente, gemeen and menen all become `meen`) and splits no
compounds. So by default (`lexicon`) the index is built without stemming
and every page carries hidden index terms in its search record: the
lemmas and compound parts of its words (werkplaats/site/lexicon.py) that the
page does not contain itself. Pagefind searches metadata, so these find the
page without showing up in an excerpt. The box in docs/assets/zoeken.js
adds variants of the query and suggestions from the site's own words
(zoeken/woorden.json, written here).

Nothing here knows MkDocs: hooks/search.py passes entries and a directory.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from html import unescape
from pathlib import Path

from ..content.model import Entry
from ..core.dates import dutch_weekday_date
from . import lexicon
from .agenda import when

BUNDLE = "pagefind"  # the index's folder in the site: /pagefind/
VOCABULARY = "zoeken/woorden.json"  # the site's own words, for suggestions after a miss

# How the index finds Dutch words; the environment variable exists to
# measure one approach against the other (tools/search_quality.py).
APPROACH_VARIABLE = "WERKPLAATS_ZOEKEN"
APPROACHES = {
    "lexicon": "no stemming, hidden lemmas and compound parts per page (the default)",
    "pagefind": "Pagefind's Dutch stemmer, no hidden terms (the first approach)",
}
# A language without a stemmer: Pagefind then indexes words as they are.
# The pages keep lang="nl"; with one index the browser uses it anyway.
NO_STEMMING = "zxx"

# What a result says it is, and the filter value behind it. The filter
# values are the `soort` options of partials/zoeken.html.
KINDS = {
    "nieuws": ("nieuws", "Nieuws"),
    "verslagen": ("verslag", "Verslag"),
    "agenda": ("activiteit", "Activiteit"),
}
PAGE_KIND = ("pagina", "Pagina")

# Pagefind writes three ready-made interfaces besides its engine; the site
# uses its own (docs/assets/zoeken.js), so these would only be dead weight.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message holds its own output."""


def approach(environ: Mapping[str, str] | None = None) -> str:
    """The search approach of this build: WERKPLAATS_ZOEKEN, else `lexicon`."""
    environ = os.environ if environ is None else environ
    value = environ.get(APPROACH_VARIABLE) or "lexicon"
    if value not in APPROACHES:
        choices = ", ".join(APPROACHES)
        raise ValueError(f"{APPROACH_VARIABLE}={value!r} is onbekend / unknown: kies / choose one of {choices}")
    return value


def pagefind_arguments(site: Path, approach_: str) -> list[str]:
    """The command line that indexes SITE into SITE/pagefind/."""
    arguments = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE, "--quiet"]
    if approach_ == "lexicon":
        arguments += ["--force-language", NO_STEMMING]
    return arguments


# page.content is the HTML of the page's own Markdown: scripts and styles
# hold no words, tags separate them (<p>a</p><p>b</p> is two words).
NOT_TEXT = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
TAG = re.compile(r"<[^>]*>")


def page_text(html: str, title: str = "") -> str:
    """A page's title and the text of its HTML, as one plain text."""
    return f"{title}\n{unescape(TAG.sub(' ', NOT_TEXT.sub(' ', html)))}"


_warmed: dict[Path, int] = {}  # source file -> its mtime when this process last warmed it


class Terms:
    """The hidden index terms of one build's pages (search_record.terms).

    With `lexicon`: the lemmas and compound parts of a page's words that the
    page does not contain. With either approach: the page's categories when
    their words are not in its text (the line that names them is kept out of
    the index, so excerpts start with the text). Build one per build with
    `for_build`; `warm` first with every page's source, so that rendering a
    page finds its words already looked up.
    """

    def __init__(self, approach_: str, lexicon_: lexicon.Lexicon | None):
        self.approach = approach_
        self.lexicon = lexicon_

    @classmethod
    def for_build(cls, root: Path | str, environ: Mapping[str, str] | None = None) -> Terms:
        chosen = approach(environ)
        return cls(chosen, lexicon.for_project(root) if chosen == "lexicon" else None)

    def warm(self, texts: Iterable[str]) -> None:
        """Look up every word of these texts at once (one batch)."""
        if self.lexicon is not None:
            self.lexicon.warm(set(lexicon.words("\n".join(texts))))

    def warm_files(self, paths: Iterable[str | Path]) -> None:
        """warm() with the text of these source files; a file this process
        already read, unchanged since, is skipped (`make serve` rebuilds)."""
        if self.lexicon is None:
            return
        stamps = {path: path.stat().st_mtime_ns for path in map(Path, paths)}
        changed = [path for path, stamp in stamps.items() if _warmed.get(path) != stamp]
        self.warm(path.read_text(encoding="utf-8") for path in changed)
        _warmed.update((path, stamps[path]) for path in changed)

    def for_page(self, html: str, title: str, labels: Iterable[str] = (), shown: Iterable[str] = ()) -> str:
        """The terms of one page, space separated, sorted: from its HTML
        (page.content), its title, its category labels, and `shown`: text
        its template shows besides page.content (an event's place, from
        shown_text())."""
        own = set(lexicon.words(" ".join([page_text(html, title), *shown])))
        found = {w for label in labels for w in lexicon.words(label) if len(w) >= lexicon.MIN_WORD}
        if self.lexicon is not None:
            found |= self.lexicon.terms_of(own | found)
        seen = {lexicon.fold(w) for w in own}
        return " ".join(sorted(t for t in found if lexicon.fold(t) not in seen))

    def vocabulary(self, pages: list[dict]) -> dict:
        """zoeken/woorden.json from the index as Pagefind stored it
        (read_index): the distinct lower-case words of at least four letters
        of every indexed page's title and text, and their lemmas, sorted."""
        text = "\n".join(f"{page['meta'].get('title', '')}\n{page['content']}" for page in pages)
        found = {w for w in set(lexicon.words(text)) if sum(c.isalpha() for c in w) >= lexicon.MIN_WORD}
        if self.lexicon is not None:
            self.lexicon.warm(found)
            found |= {lemma for w in found for lemma in self.lexicon.lemmas(w)}
        return {"woorden": sorted(found)}

    def write_vocabulary(self, site_dir: str | Path) -> Path:
        """Write zoeken/woorden.json into the built site, from its index."""
        path = Path(site_dir) / VOCABULARY
        path.parent.mkdir(parents=True, exist_ok=True)
        data = self.vocabulary(read_index(site_dir))
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        return path


def shown_text(entry: Entry | None) -> list[str]:
    """What an entry's template shows besides its text that a visitor may
    search by parts: an event's place (Stadskantoor: kantoor)."""
    place = getattr(entry, "location", None)
    return [place.one_line] if place else []


def record(entry: Entry) -> dict:
    """What a result shows for a post or an event: kind, date, year, and for
    events whether it is still to come. An event's date is its own date,
    not the day it was put on the site."""
    value, label = KINDS[entry.kind]
    out = {
        "kind": value,
        "label": label,
        "year": str(entry.first_day.year),
        # Sorting by date (newest first) when only filters are chosen.
        "sort": entry.first_day.isoformat(),
    }
    if entry.is_event:
        out["date"] = when(entry)
        # The page says "komt nog" or "geweest" by this, on the visitor's
        # day (docs/assets/zoeken.js), with the agenda's rule: an event is
        # still to come until its last day has passed.
        out["last_day"] = entry.last_day.isoformat()
    else:
        out["date"] = dutch_weekday_date(entry.date)
    return out


def page_record() -> dict:
    """A fixed page (about, contact, privacy): no date, no year."""
    value, label = PAGE_KIND
    return {"kind": value, "label": label, "year": "", "sort": "", "date": ""}


def years(entries: list[Entry]) -> list[str]:
    """The years the year filter offers, newest first."""
    return sorted({str(e.first_day.year) for e in entries}, reverse=True)


def index_site(site_dir: str | Path, approach_: str | None = None) -> int:
    """Build the Pagefind index into SITE/pagefind/ and return the number of
    pages indexed. Raises SearchIndexError with Pagefind's output on failure.
    The approach: WERKPLAATS_ZOEKEN unless given."""
    site = Path(site_dir)
    bundle = site / BUNDLE
    if bundle.exists():  # a rebuild of `make serve` reuses the directory
        shutil.rmtree(bundle)
    done = subprocess.run(
        pagefind_arguments(site, approach_ or approach()),
        capture_output=True,
        text=True,
        check=False,
    )
    # Pagefind's output stays out of the build's (even with --quiet it notes
    # that zxx has no stemmer); only a failure shows it, in full.
    if done.returncode != 0 or not (bundle / "pagefind-entry.json").is_file():
        raise SearchIndexError(f"Pagefind could not index {site} (exit {done.returncode}):\n{done.stdout}{done.stderr}")
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def read_index(site_dir: str | Path) -> list[dict]:
    """Every indexed page as Pagefind stored it (url, content, meta, filters),
    for tests and checks. Fragments are gzip with a 12-byte signature."""
    pages = []
    for fragment in sorted((Path(site_dir) / BUNDLE / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        if not data.startswith(b"pagefind_dcd"):
            raise SearchIndexError(f"{fragment} is not a Pagefind fragment")
        pages.append(json.loads(data[len(b"pagefind_dcd") :]))
    return pages
