"""Only the theme code visitors use: logic in werkplaats/theme/theme_assets.py.

Material's bundle, its search and its palette CSS are left out of the site
(no page loads them, overrides/main.html); after the build, Material's main
CSS is cut to what the pages and scripts can use (PurgeCSS).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import mkdocs
from mkdocs.exceptions import PluginError

from werkplaats.site import build as site
from werkplaats.theme import theme_assets
from werkplaats.theme.material_guard import InternalsChanged, leave_out

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger(f"{mkdocs.__name__}.hooks.theme_assets")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        leave_out(files, "unused theme files", theme_assets.unused)
    except InternalsChanged as error:
        raise PluginError(str(error)) from None
    return files


def on_post_build(config: MkDocsConfig) -> None:
    # `make serve` keeps Material's CSS whole: it looks the same to the pixel
    # (tests/test_light_pages.py) and every save rebuilds without the wait.
    state = site.current_or_none()
    if state is not None and state.preview:
        return
    try:
        purged = theme_assets.purge(config.site_dir)
    except theme_assets.PurgeFailed as error:
        raise PluginError(str(error)) from None
    for path, before, after in purged:
        log.debug(f"{path}: {before} -> {after} bytes")
