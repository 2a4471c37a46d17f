"""What /admin/ (the editors' CMS, Decap CMS) holds, as plain data.

The CMS is served from the site itself, from the npm package `decap-cms`
pinned in package-lock.json: its bundle, the chunks it loads later and its
WebAssembly, nothing from another host. The page (overrides/admin/index.html)
gets its own Content-Security-Policy, narrower than the site's in where it
connects and wider in what it runs (see `policy`).

Two ways the admin is used, with the same files (`files()`):
- on the public site, signing in through GitHub with the organisation's
  OAuth proxy (`oauth_proxy` in mkdocs.yml). Until that is set, /admin/
  says so instead of offering a sign-in that cannot work;
- under `make cms` (tools/cms.py), against the working copy through Decap's
  local backend, `decap-server` on 127.0.0.1. There the admin has a small
  server of its own, apart from `mkdocs serve`: a post the build refuses
  stops the preview until it is fixed, and the admin must stay up to fix it.
"""

from __future__ import annotations

import json
import os
import posixpath
import sys
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml

from ..core.settings import Settings
from . import cms

ADMIN_DIR = "admin"
DIST = Path("node_modules") / "decap-cms" / "dist"
BUNDLE = "decap-cms.js"
TEMPLATES = Path("overrides") / ADMIN_DIR  # the page and the preview script
# WERKPLAATS_ADMIN=0 builds without /admin/: the content check of a pull
# request, which runs without Node.
SWITCH_ENV = "WERKPLAATS_ADMIN"
# Where the GitHub backend connects and what it shows (the avatar after
# signing in). Decap also asks www.githubstatus.com for GitHub's status;
# that is left blocked, and Decap carries on without it (handbook/cms-and-sign-in.md).
GITHUB_API = "https://api.github.com"
GITHUB_AVATARS = "https://avatars.githubusercontent.com"


class AdminError(Exception):
    """/admin/ cannot be built (for developers: the CMS is not installed)."""


@dataclass(frozen=True)
class Admin:
    """The admin of one build."""

    local_backend: str  # decap-server's API address under make cms, else ""
    oauth_proxy: str  # the organisation's OAuth proxy for GitHub, else ""
    repo: str
    branch: str

    @property
    def ready(self) -> bool:
        """Can someone sign in here? Locally always; publicly once the proxy is set."""
        return bool(self.local_backend or self.oauth_proxy)


def enabled(environ=os.environ) -> bool:
    return environ.get(SWITCH_ENV, "1").strip().lower() not in ("0", "false", "nee", "no")


def from_settings(settings: Settings, local_backend: str = "") -> Admin:
    options = settings.cms
    return Admin(
        local_backend=local_backend,
        oauth_proxy=str(options.get("oauth_proxy") or "").strip().rstrip("/"),
        repo=str(options.get("repo") or ""),
        branch=str(options.get("branch") or "main"),
    )


def config(settings: Settings, admin: Admin) -> dict:
    """The CMS configuration served as admin/config.yml."""
    return cms.config(settings, repo=admin.repo, branch=admin.branch, oauth_proxy=admin.oauth_proxy, local_backend=admin.local_backend)


def config_yaml(settings: Settings, admin: Admin) -> str:
    return yaml.safe_dump(config(settings, admin), allow_unicode=True, sort_keys=False)


def policy(admin: Admin) -> str:
    """The admin page's Content-Security-Policy: only what the CMS needs."""
    if not admin.ready:
        # The page only says that sign-in is not set up: it runs nothing.
        return "default-src 'self'; script-src 'none'; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    # blob:: before saving, Decap reads an uploaded file back from its blob:
    # URL to encode it (without it, publishing a post with a photo fails).
    connect = ["'self'", "blob:"]
    images = ["'self'", "data:", "blob:"]
    if admin.local_backend:
        connect.append(_origin(admin.local_backend))
    else:
        connect.append(GITHUB_API)
        images.append(GITHUB_AVATARS)
    return "; ".join(
        [
            "default-src 'self'",
            # 'unsafe-eval': Decap validates its configuration with Ajv, which
            # compiles the schema with new Function(); without it the admin
            # stays blank (measured, handbook/cms-and-sign-in.md). No inline script.
            "script-src 'self' 'unsafe-eval'",
            # Decap's React UI styles elements inline (emotion).
            "style-src 'self' 'unsafe-inline'",
            # Uploads are previewed as blob: and data: URLs before they are saved.
            "img-src " + " ".join(images),
            "font-src 'self' data:",
            "connect-src " + " ".join(connect),
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def stylesheets(settings: Settings, theme_dir: Path) -> dict[str, Path]:
    """The preview's stylesheets: site path -> source file. Material's main
    CSS as a whole copy in /admin/ (the site's is cut to what its pages use,
    werkplaats.theme.theme_assets, and a preview may show what no page has yet, a
    table, say), then the site's own (`extra_css`). Not the palette CSS: no
    rule of it applies. `theme_dir`: Material's templates folder."""
    found = {f"{ADMIN_DIR}/stylesheets/{path.name}": path for path in sorted((theme_dir / "assets" / "stylesheets").glob("main.*.min.css"))}
    if len(found) != 1:
        raise AdminError(f"expected Material's main stylesheet in {theme_dir}, found {sorted(found)}")
    for url in settings.extra_css:
        found[url] = settings.root / "docs" / url
    return found


def scripts(admin: Admin) -> list[str]:
    """Our own scripts in /admin/ (overrides/admin/), beside Decap's bundle,
    from the site itself like the bundle (script-src 'self'):
    - clean-photos.js, before the bundle: removes location and camera data
      from a photo in the browser, before Decap uploads it;
    - refusal-box.js, before the bundle: the box in the form that lists why
      a save was refused (used by the two scripts below);
    - save-check.js, before the bundle, only under `make cms`: keeps the
      model's messages in the form when the local backend refuses a save
      (tools/cms.py's gate); the GitHub backend has no such gate;
    - form-rules.js, after the bundle (it registers with Decap): the model's
      rules across keys (form-rules.json) before every save, on both backends;
    - preview.js, after the bundle: the preview in the site's style."""
    return ["clean-photos.js", "refusal-box.js", *(["save-check.js"] if admin.local_backend else []), "form-rules.js", "preview.js"]


AFTER_BUNDLE = ("form-rules.js", "preview.js")


def files(settings: Settings, admin: Admin, styles: dict[str, Path]) -> dict[str, Path | str]:
    """Every file of /admin/, by its path in the site: a source file to copy,
    or the text to write. `styles`: the preview's stylesheets (`stylesheets()`);
    those under /admin/ are copied there."""
    own = settings.root / TEMPLATES
    bundle = {f"{ADMIN_DIR}/{path.name}": path for path in dist_files(settings.root / DIST)}
    page = jinja2.Environment(loader=jinja2.FileSystemLoader(own), autoescape=True).get_template("index.html")
    return {
        **bundle,
        **{f"{ADMIN_DIR}/{name}": own / name for name in scripts(admin)},
        **{url: path for url, path in styles.items() if url.startswith(f"{ADMIN_DIR}/")},
        f"{ADMIN_DIR}/config.yml": config_yaml(settings, admin),
        f"{ADMIN_DIR}/form-rules.json": json.dumps(cms.form_rules(settings), ensure_ascii=False, indent=1) + "\n",
        f"{ADMIN_DIR}/index.html": page.render(
            admin=admin,
            policy=policy(admin),
            site_name=settings.site_name,
            styles=[posixpath.relpath(url, ADMIN_DIR) for url in styles],
            before=[name for name in scripts(admin) if name not in AFTER_BUNDLE],
        ),
    }


def main(argv: list[str] | None = None) -> int:
    """Print the configuration /admin/ serves, as YAML."""
    from ..core.commands import parser as command_parser
    from ..core.settings import load_settings

    command_parser(
        prog="python -m werkplaats.editing.admin", about="Print the configuration /admin/ serves (config.yml), as YAML."
    ).parse_args(argv)

    settings = load_settings()
    sys.stdout.write(config_yaml(settings, from_settings(settings)))
    return 0


def _origin(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


def dist_files(dist: Path) -> list[Path]:
    """The files of Decap's bundle the admin serves: the bundle, its lazy
    chunks and WebAssembly. Not the source maps, not the second build
    (`cms.js`) the package also ships."""
    if not (dist / BUNDLE).is_file():
        raise AdminError(
            f"Decap CMS is not installed ({dist / BUNDLE} is missing): run `npm ci` "
            f"(make build does), or build without /admin/ with {SWITCH_ENV}=0."
        )
    return sorted(path for path in dist.iterdir() if path.name == BUNDLE or path.name.endswith(f".{BUNDLE}") or path.suffix == ".wasm")


if __name__ == "__main__":
    raise SystemExit(main())
