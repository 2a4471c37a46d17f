"""/admin/: the editors' CMS (werkplaats/editing/admin.py). Adds its page, its
configuration, generated from the content model with every build, and
Decap's bundle from node_modules to the site."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import material
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from werkplaats.editing import admin
from werkplaats.site import build as site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

THEME_DIR = Path(material.__file__).parent / "templates"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # MkDocs copies overrides/admin/*.js as theme files; werkplaats.editing.admin lists
    # the ones /admin/ serves (admin.scripts()) with the rest, so those copies go.
    for file in [f for f in files if f.src_uri.startswith(f"{admin.ADMIN_DIR}/")]:
        files.remove(file)
    if not admin.enabled():
        return files
    settings = site.current().settings
    try:
        styles = admin.stylesheets(settings, THEME_DIR)
        content = admin.files(settings, admin.from_settings(settings), styles)
    except admin.AdminError as error:
        raise PluginError(str(error)) from error
    for uri, source in content.items():
        if isinstance(source, Path):
            files.append(File.generated(config, uri, abs_src_path=str(source)))
        else:
            files.append(File.generated(config, uri, content=source))
    return files
