"""`make serve` only: a preview that refreshes by itself and explains a
broken file in the browser (werkplaats.editing.preview has the logic).

Three touches of MkDocs' serve, each registered in werkplaats.theme.material_guard
("serve build", "livereload injection") and made once per process:
- the serve command's `build` is wrapped, from on_startup (before the first
  build), so that a failed build is recorded and explained in Dutch instead
  of stopping the preview or leaving every request waiting;
- the server's WSGI app gets werkplaats.editing.preview's app in front of it
  (wsgiref's public set_app);
- the server's inline live-reload script, which the Content-Security-Policy
  blocks, becomes the external reload script.
"""

from __future__ import annotations

import importlib
import logging
import threading
from typing import TYPE_CHECKING

import mkdocs

from werkplaats.editing.preview import Preview, explain, with_reload

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger(f"{mkdocs.__name__}.hooks.preview")
PREVIEW = Preview()


class _Warnings(logging.Handler):
    """The warnings of the build under way (what strict mode's abort counts),
    from the build's own thread: not the server's log of requests meanwhile."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.messages.append(record.getMessage())


def _guarded(build):
    def guarded_build(config, *args, **kwargs):
        warnings, root = _Warnings(), logging.getLogger(mkdocs.__name__)
        root.addHandler(warnings)
        PREVIEW.build_started()
        try:
            build(config, *args, **kwargs)
        except Exception as error:  # every failure: the preview explains it and keeps running
            failure = explain(error, warnings.messages)
            PREVIEW.build_finished(failure)
            # MkDocs already logged a plugin's error; anything else is a bug
            # for the maintainer, who needs its traceback.
            log.error(failure.terminal(), exc_info=None if type(error).__name__ == "Abort" else error)
        else:
            PREVIEW.build_finished(None)
        finally:
            root.removeHandler(warnings)

    guarded_build.werkplaats_preview = True
    return guarded_build


def on_startup(command: str, dirty: bool) -> None:
    if command != "serve":
        return
    serve = importlib.import_module("mkdocs.commands.serve")
    if not getattr(serve.build, "werkplaats_preview", False):
        serve.build = _guarded(serve.build)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
    if getattr(server, "werkplaats_preview", False):
        return server
    server.set_app(PREVIEW.app(server.serve_request))
    server._inject_js_into_html = lambda content, epoch: with_reload(content, epoch)
    server.werkplaats_preview = True
    return server
