"""The agenda: event pages, month grids, year/category/tag lists, and the
agenda parts of the home page and of reports.

Pages are virtual files; what each shows comes from werkplaats.agenda.
"""

from __future__ import annotations

import html
import json
import os
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from werkplaats import agenda
from werkplaats import build as site
from werkplaats.views import html_meta

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

# src_uri of each generated listing page -> (view, key); filled per build.
_listings: dict[str, tuple[str, object]] = {}


# After the blog plugin (-50): events live under the blog's posts folder
# (so relative links in them work) but must not become blog posts.
@event_priority(-60)
def on_files(files: Files, config: MkDocsConfig) -> None:
    state = site.current()
    _listings.clear()
    for entry in state.events:
        file = File.generated(config, site.virtual_uri(state.settings, entry.path), abs_src_path=str(entry.path))
        _move(file, agenda.event_dir(entry), config)
        files.append(file)
        state.urls[entry.rel] = file.url
    events = state.events
    pages = [("maand", month, f"Agenda {agenda.dutch_month(month)}", agenda.month_dir(month)) for month in agenda.months(events)]
    pages += [("jaar", year, f"Activiteiten in {year}", agenda.year_dir(year)) for year in agenda.years(events)]
    pages += [("categorie", name, f"Activiteiten: {name}", agenda.category_dir(name)) for name in _taxonomy(state, "categories")]
    pages += [("trefwoord", name, f"Activiteiten met trefwoord {name}", agenda.tag_dir(name)) for name in _taxonomy(state, "tags")]
    for view, key, title, url in pages:
        uri = f"{url}index.md"
        files.append(File.generated(config, uri, content=_page(title, view)))
        _listings[uri] = (view, key)


def _move(file, url, config):
    """Publish a virtual file at `url` (the way Material's blog moves posts)."""
    file.dest_uri = f"{url}index.html"
    file.abs_dest_path = os.path.join(config.site_dir, file.dest_uri)
    file.url = url


def _page(title: str, view: str) -> str:
    # JSON-style quoting keeps any title valid YAML.
    # Titles hold editors' tag names: escaped, as Material prints titles as HTML.
    # One column: the side navigation would show one lone link, and a
    # month grid needs the whole width for its seven columns of titles.
    return (
        f"---\ntemplate: agenda-{view}.html\ntitle: {json.dumps(html.escape(title), ensure_ascii=False)}\n"
        "hide: [navigation, toc]\nsearch:\n  exclude: true\n---\n"
    )


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = site.current()
    entry = state.by_source.get(page.file.abs_src_path)
    if entry is None or not entry.is_event:
        return markdown
    page.meta["template"] = "event.html"  # chosen before on_page_context runs
    page.meta["hide"] = ["navigation", "toc"]  # one column, as the agenda's other pages
    page.meta.update(html_meta(entry))
    return site.markdown_for_site(state.settings, entry, markdown)


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    state = site.current()
    events, today, urls = state.events, state.today, state.urls
    source = page.file.src_uri
    if source == "index.md":
        context["upcoming_events"] = [agenda.card(e, urls, today) for e in agenda.upcoming(events, today)[: agenda.HOME_EVENT_COUNT]]
    elif source == "agenda/index.md":
        recent = agenda.past(events, today)
        context["agenda"] = {
            "upcoming": agenda.grouped_by_month(agenda.upcoming(events, today), urls, today),
            "past": [agenda.card(e, urls, today) for e in recent[: agenda.RECENT_PAST_COUNT]],
            "years": [{"title": str(y), "url": agenda.year_dir(y)} for y in agenda.years(events)],
            "months": [{"title": agenda.dutch_month(m), "url": agenda.month_dir(m)} for m in agenda.months(events)],
            "categories": [{"title": n, "url": agenda.category_dir(n)} for n in _taxonomy(state, "categories")],
        }
    elif source in _listings:
        view, key = _listings[source]
        if view == "maand":
            context["grid"] = agenda.month_grid(key, events, urls, today)
        else:
            chosen = {
                "jaar": lambda: [e for e in events if e.first_day.year == key],
                "categorie": lambda: _taxonomy(state, "categories")[key],
                "trefwoord": lambda: _taxonomy(state, "tags")[key],
            }[view]()
            context["listing"] = {
                "upcoming": [agenda.card(e, urls, today) for e in agenda.upcoming(chosen, today)],
                "past": [agenda.card(e, urls, today) for e in agenda.past(chosen, today)],
            }
    else:
        entry = state.by_source.get(page.file.abs_src_path)
        if entry is None:
            return context
        links = state.memo("agenda.links", lambda: agenda.links(events))
        if entry.is_event:
            context["event"] = agenda.card(entry, urls, today) | {
                "map_url": agenda.map_url(entry),
                "location": entry.location,
                "online_url": entry.online,
                "registration": entry.registration,
                "ics": agenda.event_ics(entry),
                "report": _linked(state, entry.report),
                "categories": [{"title": n, "url": agenda.category_dir(n)} for n in entry.categories],
                "tags": [{"title": n, "url": agenda.tag_dir(n)} for n in entry.tags],
                "jsonld": agenda.event_jsonld(entry, config.site_url + urls[entry.rel], config.extra["organisatie"], config.site_url),
            }
        elif entry.rel in links.event_of:
            context["event_of_report"] = _linked(state, links.event_of[entry.rel])
    return context


def _taxonomy(state, attribute: str) -> dict:
    return state.memo(("agenda.taxonomy", attribute), lambda: agenda.taxonomy(state.events, attribute))


def _linked(state, rel: str) -> dict | None:
    """Title and URL of another entry, if it is on this build's site."""
    other = state.entry_for(rel)
    if other is None or rel not in state.urls:
        return None
    return {"title": other.title, "url": state.urls[rel]}
