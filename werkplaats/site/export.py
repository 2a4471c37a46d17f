"""The site as plain files, for a generator without hooks.

    python -m werkplaats.site.export DIR

writes DIR/mkdocs.yml and DIR/docs/: the fixed pages of docs/, and as plain
Markdown and plain files what hooks/ add to a build today. Every page keeps
the address it has on the real site (werkplaats.content.addresses):

- news and reports at nieuws/yyyy/mm/dd/slug/, with their links, pictures
  and attachments pointed at their new places;
- the news listing, its later pages, archive years and categories (what
  Material's blog plugin makes), paginated as mkdocs.yml says;
- event pages, the agenda, month grids (as tables), year, category, tag,
  online and on-location lists, and a page per place with its list of places; the home page's and the reports page's lists; the contact page;
- the RSS and JSON feeds and every calendar, byte for byte as the build
  writes them (the same functions).

The pages are Markdown rendered from werkplaats/site/export_templates/. No
hooks, no custom theme, no blog plugin: what stays is the generator's own
theme, its search and the `tags` plugin. handbook/generators-and-material-eol.md maps what
works, what works differently and what is missing, measured with MkDocs and
with Zensical.
"""

from __future__ import annotations

import math
import os
import posixpath
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..content import addresses, aliases
from ..content.links import relink
from ..content.model import ContentError
from ..core.commands import parser as command_parser
from ..core.dates import dutch_date
from ..core.messages import count_of
from ..core.publish import pages_files
from ..core.settings import read_config
from ..core.slugs import slugify
from ..theme.security import harden
from . import agenda, calendar_links, feeds, ical, pages, places, subscribe, views
from .build import Build, linked_files, start_build

TEMPLATES = Path(__file__).parent / "export_templates"
# The keys of mkdocs.yml an export keeps as they are.
CONFIG_KEYS = ("site_name", "site_description", "site_url", "copyright", "validation", "nav", "extra", "extra_css", "markdown_extensions")
# Theme settings that name our templates (overrides/) do not come along.
THEME_DROPPED = ("custom_dir", "static_templates")


@dataclass
class Export:
    pages: dict[str, str] = field(default_factory=dict)  # docs-relative .md path -> Markdown
    files: dict[str, bytes | Path] = field(default_factory=dict)  # docs-relative path -> content or source
    config: dict = field(default_factory=dict)  # the export's mkdocs.yml


def _md(text) -> str:
    """Text as Markdown shows it literally (titles and places of editors)."""
    out = str(text)
    for char in "\\`*_[]<>|#":
        out = out.replace(char, "\\" + char)
    return out


def _front(meta: dict) -> str:
    """A page's front matter (YAML keeps any title valid)."""
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n" if meta else ""


class _Plan:
    """Collects the pages of one export; `urls` maps each page's site URL to its .md file."""

    def __init__(self, state: Build, raw: dict):
        """`raw`: mkdocs.yml as written (werkplaats.core.settings.read_config)."""
        self.state, self.raw, self.out = state, raw, Export()
        self.blog = blog = next(p["blog"] for p in raw["plugins"] if isinstance(p, dict) and "blog" in p)
        self.md_of_url: dict[str, str] = {}
        self.settings, self.today = state.settings, state.today
        self.docs = self.settings.root / "docs"
        self.news_index = f"{blog['blog_dir']}/index.md"
        # Addresses exactly as a build gives them (tests/test_aliases.py holds
        # public_path to what a real build writes).
        self.urls = {e.rel: addresses.public_path(e) for e in state.shown}
        self.pictures = {e.rel: self.media_url(e.path.parent / e.image) for e in state.shown if e.image}
        images = (e.path.parent / e.image for e in state.shown if e.image)
        self.media = {path.resolve(): self.media_url(path) for path in [*linked_files(state), *images]}
        self.env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
        self.env.filters.update(md=_md, front=_front, page=self.link_to_page, file=lambda path, here: posixpath.relpath(path, here or "."))

    @classmethod
    def of(cls, root: Path, environ: dict | None) -> _Plan:
        """The plan of the project at `root`, built as `environ` says (SITE_TODAY, SITE_URL)."""
        state = start_build(root, environ=dict(os.environ if environ is None else environ))
        return cls(state, read_config(root))

    def media_url(self, path: Path) -> str:
        """Files beside the posts keep the address the blog gives them: its
        folder plus their path in posts/ (nieuws/verslagen/bijlagen/x.pdf)."""
        return f"{self.blog['blog_dir']}/{path.resolve().relative_to(self.settings.posts_dir.resolve()).as_posix()}"

    def place(self, path: Path) -> str | None:
        """Where a link target in a post is in the export."""
        docs = self.docs.resolve()
        if path.is_relative_to(docs):
            return path.relative_to(docs).as_posix()
        entry = self.state.by_source.get(str(path))
        if entry is not None and entry.rel in self.urls:
            return f"{self.urls[entry.rel]}index.md"
        return self.media.get(path)

    def link_to_page(self, url: str, here: str) -> str:
        url, hash_, anchor = url.partition("#")  # one date of a series: its id on the series' page
        return posixpath.relpath(self.md_of_url[url], here or ".") + hash_ + anchor

    def add(self, url: str, template: str, md_path: str | None = None, **context) -> None:
        md_path = md_path or f"{url}index.md"
        self.md_of_url[url] = md_path
        self.out.pages[md_path] = (template, context)  # rendered once every address is known

    def render(self) -> Export:
        for md_path, (template, context) in list(self.out.pages.items()):
            here = posixpath.dirname(md_path)
            self.out.pages[md_path] = self.env.get_template(template).render(here=here, **context)
        return self.out


def plan(root: Path, environ: dict | None = None) -> Export:
    """Everything an export holds, computed from the project at `root`, in
    the order of the steps below (a later step may use what an earlier one
    added: the fixed pages' addresses, the places)."""
    p = _Plan.of(root, environ)
    fixed = _fixed_pages(p)
    _news(p, fixed)
    found_places = pages.places_of(p.state)
    _events(p, found_places)
    _agenda_lists(p)
    _places(p, found_places)
    _feeds_and_media(p)
    _redirects_and_domain(p)
    p.out.config = _config(p.raw) | {"site_url": p.settings.site_url}
    return p.render()


def _fixed_pages(p: _Plan) -> dict:
    """docs/: copied; the pages our templates fill get their lists. Returns
    the Markdown pages by their docs-relative path."""
    fixed = {}
    for source in sorted(p.docs.rglob("*")):
        rel = source.relative_to(p.docs).as_posix()
        if source.is_dir():
            continue
        if source.suffix != ".md":
            p.out.files[rel] = source
            continue
        page = frontmatter.loads(source.read_text(encoding="utf-8"))
        fixed[rel] = page
        url = (
            ""
            if rel == "index.md"
            else (rel.removesuffix("index.md") if rel.endswith("/index.md") or rel == "index.md" else rel.removesuffix(".md") + "/")
        )
        p.md_of_url[url] = rel
    for rel, page in fixed.items():
        _fixed_page(p, rel, page)
    p.out.pages = {k: v for k, v in p.out.pages.items() if v is not None}
    return fixed


def _text_of(page) -> str:
    return page.content.strip()


def _meta_of(page) -> dict:
    return {k: v for k, v in page.metadata.items() if k not in ("template", "view")}


def _fixed_page(p: _Plan, rel: str, page) -> None:
    """One page of docs/, by its `view`."""
    state, urls, today = p.state, p.urls, p.today
    view = page.metadata.get("view")
    context = {"text": _text_of(page), "title": page.metadata.get("title") or "", "meta": _meta_of(page)}
    if rel == "index.md":
        context.update(
            upcoming=[agenda.card(e, urls, today) for e in agenda.upcoming(state.events, today)[: agenda.HOME_EVENT_COUNT]],
            news=views.cards(state.posts, urls, today, limit=views.HOME_NEWS_COUNT),
        )
        p.out.pages[rel] = ("home.md", context)
    elif view == "verslagen":
        p.out.pages[rel] = (
            "posts.md",
            {
                **context,
                "title": "Verslagen",
                "posts": views.cards(state.posts, urls, today, kind="verslagen"),
                "pages": [],
                "page_url": "",
                "archive": [],
                "categories": [],
            },
        )
    elif view == "agenda":
        p.out.pages[rel] = ("events.md", _agenda_context(p, context))
    elif view == "contact":
        p.out.pages[rel] = ("contact.md", {**context, "organisation": p.settings.organisation})
    elif view == "privacy":
        p.out.pages[rel] = None  # the statement from the settings, as the site shows it
        text = pages.page_markdown(view, _text_of(page), title=context["title"], organisation=p.settings.organisation)
        p.out.files[rel] = (_front(_meta_of(page)) + text + "\n").encode("utf-8")
    elif view == "zoeken":
        p.out.pages[rel] = ("search.md", context)
    elif rel == p.news_index:
        return  # the blog listing (_news)
    else:
        p.out.pages[rel] = None  # copied as it is, without `template`
        p.out.files[rel] = (_front(_meta_of(page)) + page.content + "\n").encode("utf-8")


def _agenda_context(p: _Plan, context: dict) -> dict:
    """The agenda's own page: upcoming, recent past, and links per month, year and category."""
    state, urls, today = p.state, p.urls, p.today
    recent = agenda.past(state.events, today)[: agenda.RECENT_PAST_COUNT]
    groups = [
        {
            "title": "Per maand",
            "links": [{"title": agenda.dutch_month(m), "url": agenda.month_dir(m)} for m in agenda.months(state.events)],
        },
        {"title": "Per jaar", "links": [{"title": str(y), "url": agenda.year_dir(y)} for y in agenda.years(state.events)]},
        {
            "title": "Per categorie",
            "links": [{"title": n, "url": agenda.category_dir(n)} for n in agenda.taxonomy(state.events, "categories")],
        },
    ]
    return {
        **context,
        "title": "Agenda",
        "feed": agenda.FEED_PATH,
        "upcoming": [agenda.card(e, urls, today) for e in agenda.upcoming(state.events, today)],
        "past": [agenda.card(e, urls, today) for e in recent],
        "groups": groups,
    }


def _news(p: _Plan, fixed: dict) -> None:
    """News and reports, each a page, and the blog's listings (index, years, categories)."""
    state, urls, blog = p.state, p.urls, p.blog
    links = agenda.links(state.events)
    for entry in state.posts:
        url = urls[entry.rel]
        event = state.entry_for(links.event_of[entry.rel]) if entry.rel in links.event_of else None
        p.add(
            url,
            "post.md",
            meta=_meta(entry),
            entry=entry,
            date=dutch_date(entry.date),
            body=relink(entry.body, entry.path, url.rstrip("/"), p.place).strip(),
            categories=[{"title": c, "url": _blog_url(blog, "categories_url_format", slug=slugify(c))} for c in entry.categories],
            event_of_report={"title": event.title, "url": urls[event.rel]} if event is not None and event.rel in urls else None,
            picture=p.pictures.get(entry.rel),
            attachments=views.attachments(entry, p.media_url),
        )
    years = sorted({e.date.year for e in state.posts}, reverse=True)
    categories = sorted({c for e in state.posts for c in e.categories})
    archive = [{"title": str(y), "url": _blog_url(blog, "archive_url_format", date=y)} for y in years]
    category_links = [{"title": c, "url": _blog_url(blog, "categories_url_format", slug=slugify(c))} for c in categories]
    index = fixed[p.news_index]
    _paginate(
        p,
        f"{blog['blog_dir']}/",
        blog,
        blog.get("pagination_per_page", 10),
        state.posts,
        urls,
        title=index.metadata.get("title") or "Nieuws",
        text=_text_of(index),
        md_path=p.news_index,
        meta=_meta_of(index),
        archive=archive,
        categories=category_links,
    )
    for year in years:
        _paginate(
            p,
            _blog_url(blog, "archive_url_format", date=year),
            blog,
            blog.get("archive_pagination_per_page", 10),
            [e for e in state.posts if e.date.year == year],
            urls,
            title=str(year),
        )
    for name in categories:
        _paginate(
            p,
            _blog_url(blog, "categories_url_format", slug=slugify(name)),
            blog,
            blog.get("categories_pagination_per_page", 10),
            [e for e in state.posts if name in e.categories],
            urls,
            title=name,
        )


def _events(p: _Plan, found_places: dict) -> None:
    """One page per event file (a series is one page with all its dates)."""
    state, urls, today, settings = p.state, p.urls, p.today, p.settings
    for entry in state.event_pages:
        url = urls[entry.rel]
        report = state.entry_for(entry.report) if entry.report else None
        card = agenda.card(entry, urls, today) | {
            "map_url": agenda.map_url(entry),
            "place_url": getattr(places.of(entry, found_places), "url", ""),
            "ics": agenda.event_ics(entry),
            "calendar_links": calendar_links.links(entry, settings.site_url + url)
            if agenda.offers_ics(entry, today) and not entry.is_series
            else [],
            "categories": [{"title": n, "url": agenda.category_dir(n)} for n in entry.categories],
            "tags": [{"title": n, "url": agenda.tag_dir(n)} for n in entry.tags],
            "series": [pages.series_date(item, urls, today, settings.site_url) for item in entry.expanded()] if entry.is_series else [],
        }
        p.add(
            url,
            "event.md",
            meta=_meta(entry),
            entry=entry,
            event=card,
            body=relink(entry.body, entry.path, url.rstrip("/"), p.place).strip(),
            report={"title": report.title, "url": urls[report.rel]} if report is not None and report.rel in urls else None,
        )


def _agenda_lists(p: _Plan) -> None:
    """The month grids, and the lists per year, category, tag and online/on location."""
    state, urls, today = p.state, p.urls, p.today
    for month in agenda.months(state.events):
        p.add(
            agenda.month_dir(month),
            "month.md",
            meta={"title": f"Agenda {agenda.dutch_month(month)}"},
            grid=agenda.month_grid(month, state.events, urls, today),
        )
    lists = [
        (f"Activiteiten in {y}", agenda.year_dir(y), [e for e in state.events if e.first_day.year == y]) for y in agenda.years(state.events)
    ]
    lists += [(f"Activiteiten: {n}", agenda.category_dir(n), items) for n, items in agenda.taxonomy(state.events, "categories").items()]
    lists += [(f"Activiteiten met trefwoord {n}", agenda.tag_dir(n), items) for n, items in agenda.taxonomy(state.events, "tags").items()]
    lists += [(title, agenda.mode_dir(key), agenda.with_mode(state.events, key)) for key, (title, _) in agenda.MODE_PAGES.items()]
    for title, url, items in lists:
        p.add(
            url,
            "events.md",
            meta={"title": title},
            title=title,
            text="",
            feed="",
            groups=[],
            upcoming=[agenda.card(e, urls, today) for e in agenda.upcoming(items, today)],
            past=[agenda.card(e, urls, today) for e in agenda.past(items, today)],
        )


def _places(p: _Plan, found_places: dict) -> None:
    """Places: the same data as the site's pages (werkplaats.site.pages), as
    Markdown, their index, and the help page on subscribing."""
    urls, today, site_url = p.urls, p.today, p.settings.site_url
    for place in found_places.values():
        p.add(
            place.url,
            "place.md",
            meta={"title": place.title},
            place=pages.place_data(place, site_url),
            upcoming=[agenda.card(e, urls, today) for e in agenda.upcoming(place.events, today)],
            past=[agenda.card(e, urls, today) for e in agenda.past(place.events, today)],
        )
    p.add(
        places.ROOT,
        "events.md",
        meta={"title": places.TITLE},
        title=places.TITLE,
        text="",
        feed="",
        upcoming=[],
        past=[],
        groups=[
            {
                "title": "Alle locaties",
                "links": [{"title": x.title, "url": x.url} for x in sorted(found_places.values(), key=lambda x: x.title.casefold())],
            }
        ],
    )
    # The help page on subscribing: the same Markdown as the site's.
    help_page = _front({"title": subscribe.TITLE, "hide": ["navigation", "toc"]}) + subscribe.markdown(p.state.events, site_url)
    p.out.files[f"{agenda.SUBSCRIBE_DIR}index.md"] = help_page.encode("utf-8")


def _feeds_and_media(p: _Plan) -> None:
    """Media beside the posts, the news feeds and the calendars (the hooks' own functions)."""
    state, urls, raw = p.state, p.urls, p.raw
    for source, target in p.media.items():
        p.out.files[target] = source
    site_url = p.settings.site_url  # mkdocs.yml's !ENV resolved, as MkDocs does
    options = {"site_url": site_url, "title": raw["site_name"], "description": raw.get("site_description", "")}
    p.out.files[feeds.RSS_PATH] = feeds.rss(state.posts, urls, **options)
    p.out.files[feeds.JSON_PATH] = feeds.json_feed(state.posts, urls, **options)
    history = state.history()  # the same stamps as the hooks' calendars (werkplaats.content.history)
    for feed in agenda.feeds(state.events, raw["site_name"]):
        p.out.files[feed["path"]] = ical.calendar(
            feed["events"], urls, site_url=site_url, name=feed["name"], history=history, subscribable=True
        )
    for entry in state.events + [e for e in state.event_pages if e.is_series]:
        p.out.files[agenda.event_ics(entry)] = ical.calendar(entry.expanded(), urls, site_url=site_url, name=entry.title, history=history)


def _redirects_and_domain(p: _Plan) -> None:
    """Old addresses (aliases): the site's own standalone redirect page,
    hardened like every page; CNAME for an own domain."""
    site_url = p.settings.site_url
    redirect = Environment(loader=FileSystemLoader(p.settings.root / "overrides"), autoescape=True).get_template(aliases.TEMPLATE)
    for item in aliases.redirects(p.state.shown, p.urls):
        p.out.files[item.dest] = harden(redirect.render(redirect=item.context(site_url))).encode("utf-8")
    # Not .nojekyll: generators skip dot files in docs/ (the deploy adds it).
    p.out.files.update({name: text.encode("utf-8") for name, text in pages_files(site_url).items() if not name.startswith(".")})


def _meta(entry) -> dict:
    """Front matter of a post or event page; `tags` for the tags plugin's index."""
    meta = {"title": entry.title}
    if entry.description:
        meta["description"] = entry.description
    if entry.tags:
        meta["tags"] = list(entry.tags)
    return meta


def _blog_url(blog: dict, option: str, **values) -> str:
    defaults = {"archive_url_format": "archive/{date}", "categories_url_format": "category/{slug}"}
    return f"{blog['blog_dir']}/{blog.get(option, defaults[option]).format(**values).strip('/')}/"


def _paginate(
    p: _Plan,
    url: str,
    blog: dict,
    per_page: int,
    posts,
    urls,
    *,
    title: str,
    text: str = "",
    md_path: str | None = None,
    meta: dict | None = None,
    archive=(),
    categories=(),
) -> None:
    """A listing of posts and its later pages, at the blog's addresses."""
    count = max(1, math.ceil(len(posts) / per_page))
    fmt = blog.get("pagination_url_format", "page/{page}")
    page_urls = [url if n == 1 else f"{url}{fmt.format(page=n).strip('/')}/" for n in range(1, count + 1)]
    for number, page_url in enumerate(page_urls, start=1):
        chunk = posts[(number - 1) * per_page : number * per_page]
        p.add(
            page_url,
            "posts.md",
            md_path=md_path if number == 1 else None,
            meta=meta if number == 1 and meta else {"title": title},
            title=title,
            page_url=page_url,
            text=text if number == 1 else "",
            posts=views.cards(chunk, urls, p.state.today),
            pages=[(n, u) for n, u in enumerate(page_urls, start=1)],
            archive=archive if number == 1 else [],
            categories=categories if number == 1 else [],
        )


def _config(raw: dict) -> dict:
    """The export's mkdocs.yml: the site's settings without hooks, theme
    templates or the blog; the generator's own search and tags."""
    config = {key: raw[key] for key in CONFIG_KEYS if key in raw}
    config["theme"] = {k: v for k, v in raw["theme"].items() if k not in THEME_DROPPED}
    config["plugins"] = [{"search": {"lang": "nl"}}, "tags"]
    return config


def write(export: Export, out: Path) -> None:
    """DIR/mkdocs.yml and DIR/docs/, replacing an earlier export in DIR."""
    docs = out / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    (out / "mkdocs.yml").write_text(
        "# Written by `python -m werkplaats.site.export`: the site without hooks. Do not edit.\n"
        + yaml.safe_dump(export.config, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    for rel, content in sorted({**export.files, **export.pages}.items()):
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, target)
        elif isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("export", prog="python -m werkplaats.site.export", about=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="where to write mkdocs.yml and docs/")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project (default: here)")
    args = parser.parse_args(argv)
    try:
        export = plan(args.root.resolve())
    except ContentError as error:
        # The same problems, with file and line, as `make check` prints.
        print(f"Nothing exported: posts/ has problems (run make check):\n{error}", file=sys.stderr)
        return 1
    write(export, args.dir)
    print(f"{count_of(len(export.pages), 'page', 'pages')} and {count_of(len(export.files), 'file', 'files')} written to {args.dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
