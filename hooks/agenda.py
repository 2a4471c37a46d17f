"""The agenda's pages: each event at its address, and a page per month,
year, category, tag, place (and the list of places) and online/on location. Each page says its view in its front matter
(`view: agenda-maand`, `key: 2017-10`); what it shows comes from
werkplaats.site.pages through hooks/pages.py.
"""

from __future__ import annotations

import html
import json
import os
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from werkplaats.site import agenda, places, subscribe
from werkplaats.site import build as site
from werkplaats.site.pages import places_of, taxonomy, template_for
from werkplaats.site.views import html_meta

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


# After the blog plugin (-50): events live under the blog's posts folder
# (so relative links in them work) but must not become blog posts.
@event_priority(-60)
def on_files(files: Files, config: MkDocsConfig) -> None:
    state = site.current()
    for entry in state.event_pages:
        file = File.generated(config, site.virtual_uri(state.settings, entry.path), abs_src_path=str(entry.path))
        _move(file, agenda.event_dir(entry), config)
        files.append(file)
        state.urls[entry.rel] = file.url
    events = state.events
    pages = [("maand", f"{month:%Y-%m}", f"Agenda {agenda.dutch_month(month)}", agenda.month_dir(month)) for month in agenda.months(events)]
    pages += [("jaar", str(year), f"Activiteiten in {year}", agenda.year_dir(year)) for year in agenda.years(events)]
    pages += [("categorie", name, f"Activiteiten: {name}", agenda.category_dir(name)) for name in taxonomy(state, "categories")]
    pages += [("trefwoord", name, f"Activiteiten met trefwoord {name}", agenda.tag_dir(name)) for name in taxonomy(state, "tags")]
    pages += [("vorm", key, title, agenda.mode_dir(key)) for key, (title, _) in agenda.MODE_PAGES.items()]
    pages += [("locatie", place.slug, place.title, place.url) for place in places_of(state).values()]
    pages += [("locaties", "", places.TITLE, places.ROOT)]
    for view, key, title, url in pages:
        files.append(File.generated(config, f"{url}index.md", content=_page(title, view, key)))
    # The help page: its text is Markdown, the same in the export (werkplaats.site.subscribe).
    help_text = subscribe.markdown(events, config.site_url or "")
    files.append(File.generated(config, f"{agenda.SUBSCRIBE_DIR}index.md", content=_page(subscribe.TITLE, "abonneren", "") + help_text))


def _move(file, url, config):
    """Publish a virtual file at `url` (the way Material's blog moves posts)."""
    file.dest_uri = f"{url}index.html"
    file.abs_dest_path = os.path.join(config.site_dir, file.dest_uri)
    file.url = url


def _page(title: str, view: str, key: str) -> str:
    # JSON-style quoting keeps any title and key valid YAML.
    # Titles hold editors' tag names: escaped, as Material prints titles as HTML.
    # One column: the side navigation would show one lone link, and a
    # month grid needs the whole width for its seven columns of titles.
    return (
        f"---\nview: agenda-{view}\nkey: {json.dumps(key, ensure_ascii=False)}\n"
        f"title: {json.dumps(html.escape(title), ensure_ascii=False)}\n"
        "hide: [navigation, toc]\nsearch:\n  exclude: true\n---\n"
    )


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = site.current()
    entry = state.by_source.get(page.file.abs_src_path)
    if entry is None or not entry.is_event:
        return markdown
    page.meta["view"] = "event"
    page.meta["template"] = template_for("event")  # hooks/pages.py ran before this hook
    page.meta["hide"] = ["navigation", "toc"]  # one column, as the agenda's other pages
    page.meta.update(html_meta(entry))
    return site.markdown_for_site(state.settings, entry, markdown)
