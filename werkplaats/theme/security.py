"""Content-Security-Policy and safe external links, as plain HTML transforms."""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

from .material_guard import CHECKED_VERSIONS, InternalsChanged, installed_material

# The inline scripts allowed, by how they start: none. Material 9.8.1 writes
# two (partials/javascripts/base.html and content.html), both for its
# JavaScript bundle, which the site does not load; overrides/ empties both
# (werkplaats.theme.material_guard, "inline scripts"). Any inline script would be
# blocked by the browser without a sound, so the build stops on it instead
# (script_hashes): a new Material that adds one must be read first.
THEME_SCRIPTS: tuple[str, ...] = ()

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_CHARSET = re.compile(r'(<meta charset="utf-8">)', re.IGNORECASE)
_LINK = re.compile(r'<a\s([^>]*?)href="(https?://[^"]+)"([^>]*)>', re.IGNORECASE)


def script_hashes(html: str) -> list[str]:
    """CSP hashes of the theme's own inline scripts in a page; InternalsChanged
    for an inline script that is not one of them."""
    hashes = []
    for body in _INLINE_SCRIPT.findall(html):
        if not body.startswith(THEME_SCRIPTS):
            raise InternalsChanged(
                f"An inline <script> that the Content-Security-Policy does not allow: {body[:80]!r}. "
                f"If mkdocs-material ({installed_material()}; checked with {', '.join(CHECKED_VERSIONS)}) "
                f"writes it, read its base.html and add how it starts to werkplaats.theme.security.THEME_SCRIPTS; "
                f"if it is ours, move it into a file under docs/assets/."
            )
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return sorted(set(hashes))


def policy(hashes: list[str]) -> str:
    """As strict as Material allows: nothing from other hosts, no inline script but the theme's."""
    return "; ".join(
        [
            "default-src 'self'",
            # 'wasm-unsafe-eval': Pagefind's search engine is WebAssembly. It
            # runs in a worker, which this page's policy does not govern, but
            # falls back to this page when workers fail (tests/test_search.py).
            "script-src 'self' 'wasm-unsafe-eval'" + "".join(" " + h for h in hashes),
            # No inline style either: Material's JavaScript, which set style
            # attributes, is not loaded (werkplaats/theme/theme_assets.py), and no
            # page or script of ours writes one (tests/test_light_pages.py).
            "style-src 'self'",
            # Material's CSS draws its icons as data: SVG masks.
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-src 'none'",
        ]
    )


def harden(html: str) -> str:
    """Add the CSP and referrer policy as the first things in <head>."""
    tags = (
        f'<meta http-equiv="Content-Security-Policy" content="{policy(script_hashes(html))}">'
        '<meta name="referrer" content="strict-origin-when-cross-origin">'
    )
    return _CHARSET.sub(lambda m: m.group(1) + tags, html, count=1)


def external_links(html: str, site_url: str) -> str:
    """rel="noopener" (and "noreferrer" is not needed: the referrer policy
    already trims it) on links to other hosts in a post's text."""
    own = urlsplit(site_url).hostname or ""

    def fix(match: re.Match) -> str:
        before, url, after = match.groups()
        if urlsplit(url).hostname == own or "rel=" in before + after:
            return match.group(0)
        return f'<a {before}href="{url}" rel="noopener"{after}>'

    return _LINK.sub(fix, html)
