"""Write the RSS and JSON feeds of news and reports (werkplaats.site.feeds)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.structure.files import File

from werkplaats.site import build as site
from werkplaats.site import feeds

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> None:
    # URLs are final once the navigation exists (hooks/posts.py records them).
    state = site.current()
    options = {"site_url": config.site_url, "title": config.site_name, "description": config.site_description}
    files.append(File.generated(config, feeds.RSS_PATH, content=feeds.rss(state.posts, state.urls, **options)))
    files.append(File.generated(config, feeds.JSON_PATH, content=feeds.json_feed(state.posts, state.urls, **options)))
