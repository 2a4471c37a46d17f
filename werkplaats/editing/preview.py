"""The live preview of `make serve`: it refreshes by itself and, while a
file is broken, explains the problem in the browser instead of hanging.

MkDocs' preview reloads a page with an inline script, which the site's
Content-Security-Policy blocks (werkplaats.theme.security allows no inline
script), and a failed rebuild leaves every request
waiting until a build succeeds. This module is the generator-free part of
the answer (hooks/preview.py wires it into `mkdocs serve`):

- `reload_tag`: an external, same-origin script (preview_templates/
  herladen.js) that asks the preview server for a newer version of the site
  and reloads; the built site's policy stays exactly as strict.
- `Preview`: the state of the preview's builds (building, failed, fine) and
  a WSGI app in front of the server: while the last build failed, every page
  answers at once with a Dutch page naming file, line, problem and fix (the
  model's own messages); it reloads by itself when the file is fixed.
- `explain`: the Dutch summary of a failed build for that page and the
  terminal.
"""

from __future__ import annotations

import base64
import hashlib
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from ..core.messages import count_of

TEMPLATES = Path(__file__).with_name("preview_templates")
# Served by the preview itself, outside the site: never part of a build.
RELOAD_PATH = "/.voorvertoning/herladen.js"
# The server's long poll: /livereload/<version>/<request id>, answered with the
# newest version once it is newer (MkDocs 1.6 livereload, material_guard).
POLL_PATH = "/livereload/"

# "posts/nieuws/x.md:12: message", the form of every problem the model and the
# hooks report (werkplaats.content.model.Problem, hooks/messages.py).
_FINDING = re.compile(r"^(?P<path>(?:posts|docs)/[^\s:]+):(?P<line>\d+): (?P<message>.+)$")
# MkDocs' strict mode: "Aborted with 2 warnings in strict mode!"
_STRICT = re.compile(r"Aborted with (?P<counts>.+) in strict mode!")


def version_stamp() -> int:
    """A version of the site on the clock of MkDocs' livereload (milliseconds
    of time.monotonic): a build started after this moment is newer."""
    return round(time.monotonic() * 1000)


@dataclass(frozen=True)
class Finding:
    path: str  # "" when the problem is not about one file
    line: int | None
    message: str


@dataclass(frozen=True)
class Failure:
    summary: str  # one Dutch sentence
    findings: tuple[Finding, ...]
    version: int = field(default_factory=version_stamp)

    def terminal(self) -> str:
        """What the terminal says, in Dutch, after the problems themselves."""
        return (
            f"Voorvertoning niet bijgewerkt: {self.summary} Herstel het bestand en sla het op; "
            "de browser toont tot dan deze uitleg en laat de site vanzelf weer zien."
        )


def findings(text: str) -> list[Finding]:
    """The problems in an error text: `path:line: message` lines as such,
    other lines (not the count above them) as general findings."""
    found = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        match = _FINDING.match(line)
        if match:
            found.append(Finding(match["path"], int(match["line"]), match["message"]))
        elif not re.match(r"^\d+ fout(en)? in posts/", line):
            found.append(Finding("", None, line))
    return found


def explain(error: BaseException, warnings: Iterable[str] = ()) -> Failure:
    """A failed build in Dutch: the model's own messages where it has them.

    `error` is what the build raised; MkDocs turns a plugin's error into
    Abort("Aborted with a BuildError!") raised while handling it, so the
    original is its __context__. `warnings` are the messages logged during
    the build, which is all that strict mode's abort refers to."""
    strict = _STRICT.search(str(error))
    if strict:
        listed = [f for text in warnings for f in findings(text)]
        count = len(listed) or 1
        return Failure(
            f"{count_of(count, 'waarschuwing', 'waarschuwingen')} bij het bouwen; de voorvertoning is even streng als de echte site.",
            tuple(listed),
        )
    cause = error.__context__ if type(error).__name__ == "Abort" and error.__context__ else error
    text = str(cause)
    listed = findings(text)
    files = {f.path for f in listed if f.path}
    if files:
        return Failure(
            f"{count_of(len(listed), 'fout', 'fouten')} in {count_of(len(files), 'bestand', 'bestanden')}; er is niets bijgewerkt.",
            tuple(listed),
        )
    return Failure(
        "de site kon niet gebouwd worden, en niet door een bericht in posts/: geef deze melding aan wie de site onderhoudt.",
        tuple(listed) or (Finding("", None, f"{type(cause).__name__}: {text}"),),
    )


_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, keep_trailing_newline=True)


def reload_tag(version: int) -> str:
    """The script element a preview page gets before </body>."""
    return _ENV.get_template("script.html").render(src=RELOAD_PATH, version=version).strip()


def with_reload(html: bytes, version: int) -> bytes:
    """`html` with the reload script just before its last </body> (or at the end)."""
    tag = reload_tag(version).encode()
    end = html.rfind(b"</body>")
    return html + tag if end < 0 else html[:end] + tag + html[end:]


def error_page(failure: Failure) -> bytes:
    """The Dutch page every preview address answers with while a build fails.
    Self-contained (the site may never have been built): its style by hash."""
    style = (TEMPLATES / "fout.css").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    return (
        _ENV.get_template("fout.html")
        .render(failure=failure, style=style, style_hash=f"'sha256-{digest}'", script=reload_tag(failure.version))
        .encode()
    )


def is_page(path: str) -> bool:
    """A request for a page (what a visitor opens), not for an asset."""
    last = path.rsplit("/", 1)[-1]
    return not last or last.endswith((".html", ".htm")) or "." not in last


class Preview:
    """The preview's builds, shared between the build thread and the server's."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._building = False
        self.failure: Failure | None = None

    def build_started(self) -> None:
        with self._cond:
            self._building = True

    def build_finished(self, failure: Failure | None) -> None:
        with self._cond:
            self._building, self.failure = False, failure
            self._cond.notify_all()

    def settled(self) -> Failure | None:
        """The outcome of the last build, once no build is running."""
        with self._cond:
            self._cond.wait_for(lambda: not self._building)
            return self.failure

    def app(self, site: Callable) -> Callable:
        """A WSGI app: the reload script, the explanation while the last build
        failed, and otherwise `site` (the preview server's own app)."""

        def serve(environ, start_response):
            path = environ.get("PATH_INFO", "")
            if path == RELOAD_PATH:
                body = (TEMPLATES / "herladen.js").read_bytes()
                start_response("200 OK", [("Content-Type", "text/javascript; charset=utf-8"), ("Cache-Control", "no-store")])
                return [body]
            if is_page(path) and not path.startswith(POLL_PATH):
                failure = self.settled()
                if failure is not None:
                    body = error_page(failure)
                    # 200: MkDocs logs every other status as a warning, which
                    # would flood the terminal (and strict mode counts warnings).
                    start_response(
                        "200 OK",
                        [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store"), ("Content-Length", str(len(body)))],
                    )
                    return [body]
            return site(environ, start_response)

        return serve
