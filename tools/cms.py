"""`make cms`: the CMS against the working copy, without GitHub.

Three servers on 127.0.0.1, started and stopped together:
- the admin (werkplaats/editing/admin.py's files, served from a temporary folder),
  configured for the local backend below;
- decap-server (npm, pinned in package-lock.json) in its file-system mode:
  Decap's local backend, which reads and writes posts/ in this folder and
  answers only the admin's own address. The admin reaches it through a
  gate (`Gate`) that asks `make check`'s model about every save before
  decap-server writes it (werkplaats.editing.save_check), and refuses the save
  with the model's Dutch messages when the check would refuse the result;
- `mkdocs serve`, the live preview of the site.

The admin has its own server, apart from the preview: a post the build
refuses stops `mkdocs serve` until it is fixed, and the admin must stay up
for the editor to fix it. What the CMS saves lands in posts/ as an
editor's file. Decap's file-system backend publishes at once (drafts as
pull requests are the GitHub backend's editorial workflow).

Editors read what this prints, so it prints Dutch.
"""

from __future__ import annotations

import base64
import functools
import http.client
import http.server
import json
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from tools/

from tools.ports import free_port  # noqa: E402
from werkplaats.core.commands import parser as command_parser  # noqa: E402
from werkplaats.core.settings import load_settings  # noqa: E402
from werkplaats.editing import admin, save_check  # noqa: E402

SERVER = Path("node_modules") / "decap-server" / "dist" / "index.js"
THEME_DIR = Path(material.__file__).parent / "templates"


class Servers:
    """The three servers; stop() ends them all."""

    def __init__(self, folder: Path):
        self.processes: list[subprocess.Popen] = []
        self.admin_server: http.server.ThreadingHTTPServer | None = None
        self.gate: Gate | None = None
        self.folder = folder
        self.preview_running = False

    def stop(self) -> None:
        # A second Ctrl+C while stopping must not leave anything behind.
        previous = (
            {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
            if threading.current_thread() is threading.main_thread()
            else {}
        )
        try:
            for process in self.processes:
                if process.poll() is None:
                    process.send_signal(signal.SIGINT)
            for process in self.processes:
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            for server in (self.admin_server, self.gate):
                if server:
                    server.shutdown()
                    server.server_close()
            shutil.rmtree(self.folder, ignore_errors=True)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def check_free(*ports: int) -> None:
    """Stop before starting anything when a port is taken: an old `make cms`
    still running would otherwise answer, for another folder."""
    for port in ports:
        with socket.socket() as probe:
            # As the servers themselves bind (http.server's allow_reuse_address):
            # connections of a server that just stopped linger in TIME_WAIT for
            # a minute and must not count; a server still listening does.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                raise SystemExit(
                    f"Poort {port} is al in gebruik: draait make cms (of make serve) nog in een ander venster? Stop dat eerst met Ctrl+C."
                ) from None


def wait_for_port(port: int, process: subprocess.Popen, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{what} is gestopt (code {process.returncode}): zie de melding hierboven.")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"{what} luistert na {seconds:.0f} seconden nog niet op poort {port}.")


def write_admin(root: Path, folder: Path, backend_port: int) -> None:
    """/admin/ for the local backend, with the site's CSS for the preview
    at the same relative addresses as on the site."""
    settings = load_settings(root)
    styles = admin.stylesheets(settings, THEME_DIR)
    for url, source in styles.items():
        if url.startswith(f"{admin.ADMIN_DIR}/"):
            continue  # /admin/'s own copy: admin.files() lists it
        (folder / url).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, folder / url)
    local = admin.from_settings(settings, local_backend=f"http://127.0.0.1:{backend_port}/api/v1")
    for uri, source in admin.files(settings, local, styles).items():
        target = folder / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, Path):
            target.symlink_to(source.resolve())
        else:
            target.write_text(source, encoding="utf-8")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".yml": "text/yaml",
        ".js": "text/javascript",
    }

    def log_message(self, format, *args):  # the preview's log is enough
        pass


def start(root: Path, port: int, admin_port: int, backend_port: int, environ=None, *, mode: str = "fs", preview: bool = True) -> Servers:
    """All three servers, listening (the preview unless the build refuses a post).

    mode="git" (tests only): decap-server keeps drafts as local branches, as
    the GitHub backend keeps them as pull requests; it commits with
    `git add .`, so never on a working copy with other changes."""
    environ = dict(os.environ if environ is None else environ)
    server = root / SERVER
    if not server.is_file():
        raise SystemExit(f"{server} ontbreekt: installeer de npm-pakketten met `npm ci` (make cms doet dat).")
    check_free(port, admin_port, backend_port)
    servers = Servers(Path(tempfile.mkdtemp(prefix="werkplaats-admin-")))
    try:
        write_admin(root, servers.folder, backend_port)
        servers.admin_server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", admin_port), functools.partial(_Quiet, directory=str(servers.folder))
        )
        threading.Thread(target=servers.admin_server.serve_forever, daemon=True).start()
        # decap-server behind the gate, on a port of its own that only the gate uses.
        inner_port = free_port()
        origin = f"http://127.0.0.1:{admin_port}"
        backend = subprocess.Popen(
            ["node", str(server)],
            cwd=root,
            env={
                **environ,
                "MODE": mode,
                "BIND_HOST": "127.0.0.1",
                "PORT": str(inner_port),
                "GIT_REPO_DIRECTORY": str(root),
                "LOG_LEVEL": "warn",
                "ORIGIN": origin,
            },
        )
        servers.processes.append(backend)
        wait_for_port(inner_port, backend, "decap-server")
        servers.gate = Gate(backend_port, inner_port, root, origin, environ)
        threading.Thread(target=servers.gate.serve_forever, daemon=True).start()
        if not preview:
            return servers
        # The preview without /admin/: the admin above is the one to use.
        preview = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            env={**environ, "SITE_URL": f"http://127.0.0.1:{port}/", "NO_MKDOCS_2_WARNING": "1", admin.SWITCH_ENV: "0"},
        )
        servers.processes.append(preview)
        try:
            wait_for_port(port, preview, "De voorvertoning", seconds=180)
            servers.preview_running = True
        except SystemExit:
            # A post the build refuses: the admin stays up to fix it in.
            print(
                "\nDe voorvertoning start niet: zie de fout hierboven. De redactieomgeving werkt wel:"
                " herstel het bestand daar en start daarna make cms opnieuw.\n",
                file=sys.stderr,
                flush=True,
            )
    except BaseException:
        servers.stop()
        raise
    return servers


# --------------------------------------------------------------------------
# The gate in front of decap-server


# The actions of decap-server's API that write or delete files.
WRITES = ("persistEntry", "persistMedia", "deleteFile", "deleteFiles")
UNREADABLE = (
    "Niet opgeslagen: de controle kon deze wijziging niet lezen, dus er is niets geschreven. Herlaad de pagina en probeer het opnieuw."
)
OUTSIDE = "Niet opgeslagen: de redactieomgeving schrijft alleen in posts/, en deze wijziging gaat daarbuiten ({error})."
CHECK_FAILED = "Niet opgeslagen: de controle (make check) kon niet draaien, dus er is niets geschreven: {error}. Geef dit door aan wie de site onderhoudt."


def change_of(request: dict) -> save_check.Change | None:
    """The files a request to Decap's local backend (decap-server's API,
    POST /api/v1 {"action": ..., "params": ...}) writes and deletes, or None
    for a request that changes nothing (a listing, a read)."""
    action, params = request.get("action"), request.get("params") or {}
    if action == "persistEntry":
        files = params.get("dataFiles") or [params.get("entry") or {}]
        write = {item["path"]: str(item.get("raw", "")).encode("utf-8") for item in files if item.get("path")}
        deleted = []
        for item in files:  # renamed: Decap writes at path, then moves to newPath
            if item.get("newPath") and item.get("path"):
                write[item["newPath"]] = write.pop(item["path"])
                deleted.append(item["path"])
        for asset in params.get("assets") or []:
            write[asset["path"]] = base64.b64decode(asset.get("content", "")) if asset.get("encoding") == "base64" else b""
        return save_check.Change(write=write, delete=tuple(deleted))
    if action == "persistMedia":  # an upload in the media library on its own (Media, at the top)
        asset = params.get("asset") or {}
        return save_check.Change(write={asset["path"]: base64.b64decode(asset.get("content", ""))})
    if action == "deleteFile":
        return save_check.Change(delete=(params.get("path", ""),))
    if action == "deleteFiles":
        return save_check.Change(delete=tuple(params.get("paths") or ()))
    return None


class Gate(http.server.ThreadingHTTPServer):
    """decap-server's address as the admin knows it: passes every request
    on to decap-server, except a save or a delete after which `make check`
    would report a problem of its doing. That one is answered here, as
    decap-server answers a refused request (HTTP 422, {"error": text}), so
    nothing is written; Decap shows the text ("Kan item niet opslaan: ..."),
    overrides/admin/save-check.js lists the problems in the form."""

    daemon_threads = True

    def __init__(self, port: int, backend_port: int, root: Path, origin: str, environ: dict):
        self.backend_port, self.root, self.origin, self.environ = backend_port, root, origin, environ
        # One change at a time, checked and written: two saves at once (two
        # tabs) must not both pass a check that each alone passes.
        self.writing = threading.Lock()
        super().__init__(("127.0.0.1", port), _GateHandler)

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], OSError):  # a closed page is no error
            super().handle_error(request, client_address)

    @staticmethod
    def change(body: bytes) -> save_check.Change | dict | None:
        """The change a request makes; a refusal for a write that cannot be
        read (never passed on unchecked); None for a request that writes nothing."""
        try:
            request = json.loads(body)
        except ValueError:
            return None  # not the API's JSON: decap-server refuses it
        if not isinstance(request, dict) or request.get("action") not in WRITES:
            return None
        try:
            return change_of(request)
        except (ValueError, KeyError, TypeError, AttributeError):
            return {"error": UNREADABLE}

    def refusal(self, change: save_check.Change) -> dict | None:
        try:
            found = save_check.problems(self.root, change, self.environ)
        except save_check.OutsideProject as error:
            return {"error": OUTSIDE.format(error=error)}
        except Exception as error:  # the check itself failed: nothing passes unchecked
            return {"error": CHECK_FAILED.format(error=f"{type(error).__name__}: {error}")}
        if not found:
            return None
        shown = save_check.for_form(found, change)
        return {"error": save_check.summary(shown), "werkplaats_problems": shown}


class _GateHandler(http.server.BaseHTTPRequestHandler):
    server: Gate

    def log_message(self, format, *args):
        pass

    def do_OPTIONS(self):
        self._forward(b"")

    def do_GET(self):
        self._forward(b"")

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        change = self.server.change(body)
        if change is None:
            self._forward(body)
            return
        if isinstance(change, dict):
            refused = change
        else:
            with self.server.writing:
                refused = self.server.refusal(change)
                if refused is None:
                    self._forward(body)
                    return
        answer = json.dumps(refused, ensure_ascii=False).encode("utf-8")
        self.send_response(422)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(answer)))
        if self.headers.get("Origin") == self.server.origin:
            self.send_header("Access-Control-Allow-Origin", self.server.origin)
            self.send_header("Vary", "Origin")
        self.end_headers()
        self.wfile.write(answer)

    def _forward(self, body: bytes) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.server.backend_port, timeout=120)
        headers = {key: value for key, value in self.headers.items() if key.lower() not in ("host", "connection", "content-length")}
        if body or self.command == "POST":
            headers["Content-Length"] = str(len(body))
        try:
            connection.request(self.command, self.path, body=body or None, headers=headers)
            response = connection.getresponse()
            data = response.read()
        except OSError:
            self.send_error(502, "decap-server antwoordt niet")
            return
        finally:
            connection.close()
        self.send_response(response.status, response.reason)
        for key, value in response.getheaders():
            if key.lower() not in ("transfer-encoding", "connection", "content-length", "keep-alive", "date", "server"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def finish(self):
        try:
            super().finish()
        except OSError:  # the browser went away (a page closed mid-request)
            pass


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main() -> int:
    parser = command_parser("cms", about=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8000, help="the preview")
    parser.add_argument("--admin-port", type=int, default=8080, help="the admin")
    parser.add_argument("--backend-port", type=int, default=8081, help="decap-server")
    args = parser.parse_args()
    # `kill` stops all three as Ctrl+C does, leaving no orphan behind.
    signal.signal(signal.SIGTERM, _interrupt)
    servers = start(Path.cwd(), args.port, args.admin_port, args.backend_port)
    print(f"\nRedactieomgeving: http://127.0.0.1:{args.admin_port}/admin/")
    if servers.preview_running:
        print(f"Voorvertoning:    http://127.0.0.1:{args.port}/")
    print("Stoppen: Ctrl+C\n", flush=True)
    backend = servers.processes[0]
    try:
        while backend.poll() is None:  # the preview may have stopped; the admin needs the backend
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        servers.stop()
    if backend.returncode not in (None, 0, -signal.SIGINT, -signal.SIGTERM):  # stopped, not failed
        print(f"decap-server is gestopt (code {backend.returncode}): zie de melding hierboven.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
