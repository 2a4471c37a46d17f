"""MkDocs' warnings about a post name the editor's file and line.

A safety net behind `make check` (werkplaats.core.messages has the logic): the
filter is added once per process, on the loggers that report links.
"""

from __future__ import annotations

import importlib
import logging

from werkplaats.core.messages import for_editor
from werkplaats.site import build as site
from werkplaats.theme.material_guard import LOGGED_MODULES

# The loggers whose warnings quote a page's source path, by their modules'
# own names: ProperDocs answers `import mkdocs.x` with properdocs.x, whose
# logger is "properdocs.x" (registered: material_guard "MkDocs loggers").
LOGGERS = tuple(importlib.import_module(f"mkdocs.{module}").log.name for module in LOGGED_MODULES)


class _ForEditor(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            state = site.current_or_none()
            if state is not None:
                message = for_editor(record.getMessage(), site.VIRTUAL_ROOT, state.settings.posts_dir)
                if message.startswith("posts/"):
                    # On a line of its own, like the model's errors, so that
                    # everything reading the log (make content-check, the
                    # deploy's issue) finds `posts/...:line:` at a line start.
                    message = "\n" + message
                record.msg, record.args = message, ()
        return True


_FILTER = _ForEditor()


def on_startup(command: str, dirty: bool) -> None:
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
