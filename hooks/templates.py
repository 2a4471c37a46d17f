"""Jinja filters and globals for the theme in overrides/ (no content logic here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from werkplaats.site import agenda, feeds
from werkplaats.theme.material_guard import replace_once

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

# Where the feeds are, named once (werkplaats.site.feeds, werkplaats.site.agenda) for
# every template that links to them.
FEEDS = {"rss": feeds.RSS_PATH, "json": feeds.JSON_PATH, "ical": agenda.FEED_PATH}


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # `replace_once`: a change to Material's rendered HTML that stops the
    # build when its anchor is no longer there exactly once.
    env.filters["replace_once"] = replace_once
    env.globals["feeds"] = FEEDS
    return env
