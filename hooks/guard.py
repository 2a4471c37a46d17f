"""Stop the build when an internal of Material or MkDocs that the site leans
on no longer holds (werkplaats.theme.material_guard has the registry and checks).

First in `hooks:`, and once per process: `mkdocs serve` rebuilds with the
same installed packages.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from werkplaats.theme import material_guard

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

_checked = False


@event_priority(100)  # before every other hook's on_config
def on_config(config: MkDocsConfig) -> None:
    global _checked
    if _checked:
        return
    try:
        material_guard.require_all(root=Path(config.config_file_path).parent)
    except material_guard.InternalsChanged as error:
        raise PluginError(str(error)) from None
    _checked = True
