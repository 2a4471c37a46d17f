"""`make cms`: the CMS against the working copy, without GitHub.

Three servers on 127.0.0.1, started and stopped together:
- the admin (werkplaats/admin.py's files, served from a temporary folder),
  configured for the local backend below;
- decap-server (npm, pinned in package-lock.json) in its file-system mode:
  Decap's local backend, which reads and writes posts/ in this folder;
- `mkdocs serve`, the live preview of the site.

The admin has its own server, apart from the preview: a post the build
refuses stops `mkdocs serve` until it is fixed, and the admin must stay up
for the editor to fix it. What the CMS saves lands in posts/ as an
editor's file. Decap's file-system backend publishes at once (drafts as
pull requests are the GitHub backend's editorial workflow).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import material

from werkplaats import admin
from werkplaats.settings import load_settings

SERVER = Path("node_modules") / "decap-server" / "dist" / "index.js"
THEME_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"


class Servers:
    """The three servers; stop() ends them all."""

    def __init__(self, processes: list[subprocess.Popen], admin_server, folder: Path):
        self.processes, self.admin_server, self.folder = processes, admin_server, folder

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self.admin_server:
            self.admin_server.shutdown()
            self.admin_server.server_close()
        shutil.rmtree(self.folder, ignore_errors=True)


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{process.args[0]} stopped (exit {process.returncode}) before listening on {port}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"nothing listens on 127.0.0.1:{port} after {seconds:.0f} s")


def write_admin(root: Path, folder: Path, backend_port: int) -> None:
    """/admin/ for the local backend, with the site's CSS for the preview
    at the same relative addresses as on the site."""
    settings = load_settings(root)
    styles = [f"assets/stylesheets/{path.name}" for name in ("main", "palette")
              for path in sorted(THEME_CSS.glob(f"{name}.*.min.css"))]
    for style in styles:
        (folder / style).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(THEME_CSS / Path(style).name, folder / style)
    shutil.copy(root / "docs" / "assets" / "werkplaats.css", folder / "assets" / "werkplaats.css")
    styles.append("assets/werkplaats.css")
    local = admin.from_settings(settings, local_backend=f"http://127.0.0.1:{backend_port}/api/v1")
    for uri, source in admin.files(settings, local, [f"../{style}" for style in styles]).items():
        target = folder / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, Path):
            target.symlink_to(source.resolve())
        else:
            target.write_text(source, encoding="utf-8")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".yml": "text/yaml", ".js": "text/javascript"}

    def log_message(self, format, *args):  # the preview's log is enough
        pass


def start(root: Path, port: int, admin_port: int, backend_port: int, environ=None) -> Servers:
    """All three servers, listening."""
    environ = dict(os.environ if environ is None else environ)
    server = root / SERVER
    if not server.is_file():
        raise SystemExit(f"{server} is missing: run `npm ci` (make cms does)")
    folder = Path(tempfile.mkdtemp(prefix="werkplaats-admin-"))
    servers = Servers([], None, folder)
    try:
        write_admin(root, folder, backend_port)
        servers.admin_server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", admin_port), functools.partial(_Quiet, directory=str(folder)))
        threading.Thread(target=servers.admin_server.serve_forever, daemon=True).start()
        backend = subprocess.Popen(
            ["node", str(server)], cwd=root,
            env={**environ, "MODE": "fs", "BIND_HOST": "127.0.0.1", "PORT": str(backend_port),
                 "GIT_REPO_DIRECTORY": str(root), "LOG_LEVEL": "warn"})
        servers.processes.append(backend)
        wait_for_port(backend_port, backend)
        # The preview without /admin/: the admin above is the one to use.
        preview = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=root,
            env={**environ, "SITE_URL": f"http://127.0.0.1:{port}/", "NO_MKDOCS_2_WARNING": "1",
                 admin.SWITCH_ENV: "0"})
        servers.processes.append(preview)
        try:
            wait_for_port(port, preview, seconds=180)
        except SystemExit:
            # A post the build refuses: the admin stays up to fix it in.
            print("\nDe voorvertoning start niet: zie de fout hierboven. De CMS werkt wel: herstel het bestand"
                  " daar en start daarna make cms opnieuw.\n", file=sys.stderr, flush=True)
    except BaseException:
        servers.stop()
        raise
    return servers


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000, help="the preview")
    parser.add_argument("--admin-port", type=int, default=8080, help="the admin")
    parser.add_argument("--backend-port", type=int, default=8081, help="decap-server")
    args = parser.parse_args()
    # `kill` stops all three as Ctrl+C does, leaving no orphan behind.
    signal.signal(signal.SIGTERM, _interrupt)
    servers = start(Path.cwd(), args.port, args.admin_port, args.backend_port)
    print(f"\nRedactie (CMS): http://127.0.0.1:{args.admin_port}/admin/"
          f"\nVoorvertoning:  http://127.0.0.1:{args.port}/"
          "\nStoppen: Ctrl+C\n", flush=True)
    try:
        while servers.processes[0].poll() is None:  # the backend; the preview may have stopped
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        servers.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
