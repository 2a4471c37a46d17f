"""Serve a built site on 127.0.0.1 the way GitHub Pages does, for the browser
tests (tests/test_browser.py) and the Lighthouse audit (tools/audit.py).

- a free port on 127.0.0.1 only (`port=0`), in a background thread;
- `dir/` serves `dir/index.html`; a missing file gets the site's 404.html
  with status 404;
- text (HTML, CSS, JavaScript, JSON, XML, SVG) is gzip-compressed when the
  browser accepts it, as Pages does: Lighthouse measures what is sent.

Every request is recorded (`server.requests`), so a test can also see from
the server's side what a page asked for.

Run it by hand to look at a build: `python tools/static_server.py site/`.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import sys
import threading
from pathlib import Path

COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics", ".map")


class _Handler(http.server.SimpleHTTPRequestHandler):
    server: StaticServer

    def log_message(self, format, *args):  # quiet; requests are recorded instead
        pass

    def send_head(self):
        self.server.requests.append(self.path)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the standard redirect to dir/
            path = path / "index.html"
        if not path.is_file():
            return self._send(self.server.root / "404.html", 404)
        return self._send(path, 200)

    def _send(self, path: Path, status: int):
        if not path.is_file():
            self.send_error(status)
            return None
        body = path.read_bytes()
        encoding = None
        if path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            body, encoding = self.server.gzipped(path, body), "gzip"
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # what Pages sends
        self.end_headers()
        return _Body(body)


class _Body:
    """What send_head returns: copyfile() reads it, then it is closed."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, size=-1):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


class StaticServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path | str, port: int = 0):
        self.root = Path(root)
        self.requests: list[str] = []
        self._gzip: dict[Path, bytes] = {}
        super().__init__(("127.0.0.1", port), functools.partial(_Handler, directory=str(self.root)))
        self.url = f"http://127.0.0.1:{self.server_address[1]}/"
        self._thread: threading.Thread | None = None

    def gzipped(self, path: Path, body: bytes) -> bytes:
        if path not in self._gzip:
            self._gzip[path] = gzip.compress(body, compresslevel=6, mtime=0)
        return self._gzip[path]

    def start(self) -> StaticServer:
        """Serve in a background thread. The port is bound already, so a site
        can be built for `self.url` before the first request."""
        self._thread = threading.Thread(target=self.serve_forever, name=f"site {self.url}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", nargs="?", default="site", help="a built site (default: site/)")
    parser.add_argument("port", nargs="?", type=int, default=8001, help="the port on 127.0.0.1 (default: 8001)")
    args = parser.parse_args(argv)
    server = StaticServer(args.root, args.port)
    print(f"{args.root} on {server.url} (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
