"""The site search: what each page tells the index, and building the index.

The engine is Pagefind (README, "Search": chosen by measurement over
Material's lunr search). It reads the built HTML: a page is indexed only if
its template marks the text with `data-pagefind-body`, and that happens
only when the page has a search record from `record()` or `page_record()`.
Listings, drafts and scheduled posts get none, so they are never indexed.

Nothing here knows MkDocs: hooks/search.py passes entries and a directory.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

from .agenda import when
from .dates import dutch_weekday_date
from .model import Entry

BUNDLE = "pagefind"  # the index's folder in the site: /pagefind/

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


def index_site(site_dir: str | Path) -> int:
    """Build the Pagefind index into SITE/pagefind/ and return the number of
    pages indexed. Raises SearchIndexError with Pagefind's output on failure."""
    site = Path(site_dir)
    bundle = site / BUNDLE
    if bundle.exists():  # a rebuild of `make serve` reuses the directory
        shutil.rmtree(bundle)
    done = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE, "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
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
