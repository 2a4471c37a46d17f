"""What each page shows, routed by one front-matter key: `view`.

A fixed page in docs/ says which view it is (`view: verslagen`), the pages
the hooks add say it too (`view: agenda-maand` with `key: 2017-10`), and
posts and events are `post` and `event`. The template follows from the
view (TEMPLATES), and `page_context()` gives the template its data. So a
page keeps its lists when its file is renamed or moved, and a view that
does not exist stops the build instead of showing an empty page.

Plain data in, plain data out: tests call page_context() with a Build made
of Entry values, no files and no MkDocs.
"""

from __future__ import annotations

import datetime as dt

from ..content import place_facts
from ..content.entries import Entry
from . import accessibility, agenda, calendar_links, places, privacy, quality_checks, views
from .build import Build

# view -> template in overrides/
TEMPLATES = {
    "home": "home.html",
    "verslagen": "verslagen.html",
    "agenda": "agenda.html",
    "contact": "contact.html",
    "toegankelijkheid": "toegankelijkheid.html",
    # Material's page with its table of contents; the text is page_markdown()'s.
    "privacy": "main.html",
    "zoeken": "zoeken.html",
    "agenda-maand": "agenda-maand.html",
    "agenda-jaar": "agenda-jaar.html",
    "agenda-categorie": "agenda-categorie.html",
    "agenda-trefwoord": "agenda-trefwoord.html",
    "agenda-locatie": "agenda-locatie.html",
    "agenda-locaties": "agenda-locaties.html",
    "agenda-vorm": "agenda-vorm.html",
    # Material's page; the text is werkplaats.site.subscribe's (hooks/agenda.py).
    "agenda-abonneren": "main.html",
    "post": "post.html",
    "event": "event.html",
}


class UnknownView(ValueError):
    """A page names a view that does not exist."""


def template_for(view: str) -> str:
    try:
        return TEMPLATES[view]
    except KeyError:
        raise UnknownView(f"view: {view!r} does not exist; the views are: {', '.join(TEMPLATES)}") from None


def page_context(
    view: str, state: Build, *, key: str | None = None, entry: Entry | None = None, site_url: str = "", organisation: dict | None = None
) -> dict:
    """The template data of one page of `view`."""
    template_for(view)
    build = _VIEWS.get(view)
    return build(state, key=key, entry=entry, site_url=site_url, organisation=organisation or {}) if build else {}


def page_markdown(view: str, markdown: str, *, title: str = "", organisation: dict | None = None) -> str:
    """The Markdown of a fixed page: views whose text is rendered from the
    settings put it before the page's own Markdown; others keep theirs."""
    template_for(view)
    if view == "privacy":
        return privacy.statement(organisation or {}, title=title or "Privacyverklaring") + "\n" + markdown
    return markdown


# --- one small function per view ------------------------------------------------------


def _home(state: Build, **_) -> dict:
    return {
        "latest_news": views.cards(state.posts, state.urls, state.today, limit=views.HOME_NEWS_COUNT, pictures=state.pictures),
        "upcoming_events": [
            agenda.card(e, state.urls, state.today) for e in agenda.upcoming(state.events, state.today)[: agenda.HOME_EVENT_COUNT]
        ],
    }


def _reports(state: Build, **_) -> dict:
    return {"reports": views.cards(state.posts, state.urls, state.today, kind="verslagen", pictures=state.pictures)}


def _agenda(state: Build, **_) -> dict:
    events, today, urls = state.events, state.today, state.urls
    coming = agenda.upcoming(events, today)
    return {
        "agenda": {
            "upcoming": agenda.grouped_by_month(coming, urls, today, place_slug=lambda e: _place_slug(state, e)),
            "filters": _filters(state, coming),
            "past": [agenda.card(e, urls, today) for e in agenda.past(events, today)[: agenda.RECENT_PAST_COUNT]],
            "years": [{"title": str(y), "url": agenda.year_dir(y)} for y in agenda.years(events)],
            "months": [{"title": agenda.dutch_month(m), "url": agenda.month_dir(m)} for m in agenda.months(events)],
            "categories": [{"title": n, "url": agenda.category_dir(n)} for n in taxonomy(state, "categories")],
        }
    }


def _filters(state: Build, coming: list[Entry]) -> dict:
    """The agenda's filter: links to the static pages (they work without
    JavaScript); each names what docs/assets/agenda-filter.js matches on
    in the upcoming list. Only choices that upcoming events have."""
    coming_places = {_place_slug(state, e) for e in coming} - {""}
    modes = {agenda.mode(e) for e in coming}
    return {
        "categories": [
            {"title": n, "url": agenda.category_dir(n), "match": f"categorie:{agenda.slugify(n)}"}
            for n in agenda.taxonomy(coming, "categories")
        ],
        "places": [
            {"title": p.title, "url": p.url, "match": f"locatie:{p.slug}"}
            for p in sorted(places_of(state).values(), key=lambda p: p.title.casefold())
            if p.slug in coming_places
        ],
        "modes": [
            {"title": title, "url": agenda.mode_dir(key), "match": f"vorm:{key}"}
            for key, (title, chosen) in agenda.MODE_PAGES.items()
            if modes & set(chosen)
        ],
    }


def _month(state: Build, *, key: str, **_) -> dict:
    return {"grid": agenda.month_grid(dt.date.fromisoformat(f"{key}-01"), state.events, state.urls, state.today)}


def _listing(chosen: list[Entry], state: Build) -> dict:
    return {
        "listing": {
            "upcoming": [agenda.card(e, state.urls, state.today) for e in agenda.upcoming(chosen, state.today)],
            "past": [agenda.card(e, state.urls, state.today) for e in agenda.past(chosen, state.today)],
        }
    }


def _year(state: Build, *, key: str, **_) -> dict:
    return _listing([e for e in state.events if e.first_day.year == int(key)], state)


def _category(state: Build, *, key: str, site_url: str, **_) -> dict:
    feed = agenda.category_feed(key)
    return _listing(taxonomy(state, "categories")[key], state) | {"feed": {"path": feed, "webcal": agenda.webcal(site_url, feed)}}


def _tag(state: Build, *, key: str, **_) -> dict:
    return _listing(taxonomy(state, "tags")[key], state)


def _mode(state: Build, *, key: str, **_) -> dict:
    return _listing(agenda.with_mode(state.events, key), state) | {"mode_key": key}


def _place(state: Build, *, key: str, site_url: str, **_) -> dict:
    place = {p.slug: p for p in places_of(state).values()}[key]
    return _listing(place.events, state) | {"place": place_data(place, site_url)}


def place_data(place: places.Place, site_url: str) -> dict:
    """What a place's page says about it (the site's template and the export's)."""
    loc = place.location
    return {
        "title": place.title,
        "name": loc.name,
        "street": loc.street,
        "office": place.office,
        "map_url": places.map_url(loc),
        "route_url": places.route_url(loc),
        "facts": places.fact_lines(place.facts),
        "jsonld": places.jsonld(place, site_url + place.url),
    }


def _places(state: Build, **_) -> dict:
    found = sorted(places_of(state).values(), key=lambda p: p.title.casefold())
    return {
        "places": [
            {
                "title": p.title,
                "url": p.url,
                "street": p.location.street,
                "office": p.office,
                "upcoming": len(agenda.upcoming(p.events, state.today)),
                "count": len(p.events),
            }
            for p in found
        ]
    }


def _post(state: Build, *, entry: Entry, **_) -> dict:
    links = state.memo("agenda.links", lambda: agenda.links(state.events))
    event = links.event_of.get(entry.rel)
    return {
        "picture": state.pictures.get(entry.rel),
        "publication": entry.publication(state.today),
        "attachments": views.attachments(entry, lambda path: state.urls[str(path)]),
        "tag_links": views.tag_links(entry),
        "event_of_report": linked(state, event) if event else None,
    }


def _event(state: Build, *, entry: Entry, site_url: str, organisation: dict, **_) -> dict:
    urls, today = state.urls, state.today
    page_url = site_url + urls[entry.rel]
    dates = [item for item in entry.expanded() if entry.is_series]
    return {
        "picture": state.pictures.get(entry.rel),
        "event": agenda.card(entry, urls, today, _place_slug(state, entry))
        | {
            "map_url": agenda.map_url(entry),
            "place_url": getattr(places.of(entry, places_of(state)), "url", ""),
            "location": entry.location,
            "online_url": entry.online,
            "registration": entry.registration,
            "ics": agenda.event_ics(entry),
            # Web calendars beside the .ics, only while the .ics is offered (a series: per date).
            "calendar_links": calendar_links.links(entry, page_url) if agenda.offers_ics(entry, today) and not dates else [],
            "report": linked(state, entry.report),
            "categories": [{"title": n, "url": agenda.category_dir(n)} for n in entry.categories],
            "tags": [{"title": n, "url": agenda.tag_dir(n)} for n in entry.tags],
            "series": [series_date(item, urls, today, site_url) for item in dates],
            # The date a visitor looks for first: the next one that goes ahead.
            "next_date": next((agenda.date_anchor(i) for i in dates if agenda.offers_ics(i, today)), ""),
            # A series: one Event per date, in one @graph.
            "jsonld": agenda.series_jsonld(dates, page_url, organisation, site_url)
            if dates
            else agenda.event_jsonld(entry, page_url, organisation, site_url),
        },
    }


def series_date(item: Entry, urls: dict, today: dt.date, site_url: str) -> dict:
    """One date on its series' page: when, its status, its own calendar file and links."""
    card = agenda.card(item, urls, today)
    return card | {
        "id": agenda.date_anchor(item),
        "ics": agenda.event_ics(item),
        "moved_from": agenda.dutch_weekday_date(item.moved_from) if item.moved_from else "",
        "calendar_links": calendar_links.links(item, site_url + card["url"]) if agenda.offers_ics(item, today) else [],
    }


def _accessibility(state: Build, *, organisation: dict, **_) -> dict:
    """The statement from the settings, its evidence from the checks, its
    known limitations from the published files and Decap's measured findings."""
    statement = accessibility.from_settings(state.settings)
    return {
        "statement": accessibility.context(
            statement,
            state.today,
            pdfs=accessibility.pdf_attachments(state.shown, state.urls.get),
            admin=accessibility.admin_findings(),
            # The tools' versions come from this code base, not the content project built.
            checks=quality_checks.page_data(),
            organisation=organisation,
        )
    }


def _contact(state: Build, **_) -> dict:
    office = next((p for p in places_of(state).values() if p.office), None)
    return {"office": {"url": office.url, "route_url": places.route_url(office.location)} if office else None}


_VIEWS = {
    "contact": _contact,
    "toegankelijkheid": _accessibility,
    "home": _home,
    "verslagen": _reports,
    "agenda": _agenda,
    "agenda-maand": _month,
    "agenda-jaar": _year,
    "agenda-categorie": _category,
    "agenda-trefwoord": _tag,
    "agenda-vorm": _mode,
    "agenda-locatie": _place,
    "agenda-locaties": _places,
    "post": _post,
    "event": _event,
}


# --- shared --------------------------------------------------------------------------


def taxonomy(state: Build, attribute: str) -> dict[str, list[Entry]]:
    """Category or tag name -> its events, once per build."""
    return state.memo(("agenda.taxonomy", attribute), lambda: agenda.taxonomy(state.events, attribute))


def places_of(state: Build) -> dict:
    """Match key -> Place: every place of a shown event, and the office, once per build."""
    settings = state.settings
    return state.memo("places", lambda: places.collect(state.events, place_facts.read(settings)[0], place_facts.office(settings)))


def _place_slug(state: Build, entry: Entry) -> str:
    place = places.of(entry, places_of(state))
    return place.slug if place else ""


def linked(state: Build, rel: str) -> dict | None:
    """Title and URL of another entry, if it is on this build's site."""
    other = state.entry_for(rel) if rel else None
    if other is None or rel not in state.urls:
        return None
    return {"title": other.title, "url": state.urls[rel]}
