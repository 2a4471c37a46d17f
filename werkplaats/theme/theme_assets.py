"""Only the theme code visitors use (handbook/performance.md).

Material's JavaScript bundle is not loaded (overrides/main.html) and not
published: on this site it only did things a visitor does not need, or
that CSS and the site's own small scripts do (the table in handbook/performance.md).
Material's palette CSS has no rule that applies here (the colours are in
docs/assets/werkplaats.css) and is not published either. Material's main
CSS is cut to the rules the built pages can use, by PurgeCSS (npm package
`purgecss`), after the build.

Plain functions of a site folder; hooks/theme_assets.py calls them.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from ..core.settings import ROOT

# Theme files that no page loads once the bundle is gone (path prefixes in the site).
# (Material's search files: hooks/search.py, which owns the search.)
UNUSED = (
    "assets/javascripts/bundle.",  # the bundle and its source map
    "assets/stylesheets/palette.",  # no rule of it applies: the colours are werkplaats.css's
)
PURGED = "assets/stylesheets/main.*.min.css"  # Material's CSS, cut to what the pages use
PURGECSS = ROOT / "node_modules" / ".bin" / "purgecss"
# What the pages' markup can hold: every page, and the site's own scripts,
# which write some (the search results). Not /admin/: its preview loads a
# whole copy of Material's CSS (werkplaats.editing.admin.stylesheets).
CONTENT = ("**/*.html", "assets/*.js")
# Set to 0 to publish Material's CSS whole (the side-by-side test compares both).
SWITCH = "WERKPLAATS_CSS_PURGE"


def unused(path: str) -> bool:
    """Whether a site path is a theme file no page loads."""
    return path.startswith(UNUSED)


class PurgeFailed(RuntimeError):
    """PurgeCSS is missing or failed: the build stops rather than ship CSS unchecked."""


def purge(site: Path, environ=None) -> list[tuple[str, int, int]]:
    """Cut Material's CSS in `site` to the selectors its pages and scripts
    can use; (path, bytes before, bytes after) of each file. The source map
    goes with it: it describes the whole file, not the cut one."""
    environ = os.environ if environ is None else environ
    if environ.get(SWITCH) == "0":
        return []
    site = Path(site)
    sheets = sorted(site.glob(PURGED))
    if not sheets:
        return []
    if not PURGECSS.exists():
        raise PurgeFailed(f"{PURGECSS} ontbreekt: voer make uit (npm ci installeert purgecss uit package-lock.json)")
    before = {sheet: sheet.stat().st_size for sheet in sheets}
    content = [str(site / pattern) for pattern in CONTENT]
    command = [str(PURGECSS), "--css", *map(str, sheets), "--content", *content, "--output", str(sheets[0].parent)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=site)
    if result.returncode != 0:
        raise PurgeFailed(f"purgecss faalde ({result.returncode}):\n{result.stderr[-2000:]}")
    for sheet in sheets:
        Path(f"{sheet}.map").unlink(missing_ok=True)
        # PurgeCSS drops the comment that names the map; nothing else refers to it.
    return [(sheet.relative_to(site).as_posix(), before[sheet], sheet.stat().st_size) for sheet in sheets]
