"""GitHub Pages details derived from the one address setting (site_url)."""

from __future__ import annotations

from urllib.parse import urlsplit


def cname_for(site_url: str) -> str | None:
    """The custom domain for a CNAME file, or None for a *.github.io address."""
    host = (urlsplit(site_url).hostname or "").lower()
    if not host or host.endswith(".github.io") or host in ("localhost", "127.0.0.1"):
        return None
    return host


def pages_files(site_url: str) -> dict[str, str]:
    """Files GitHub Pages needs next to the site: .nojekyll always, CNAME for an own domain."""
    files = {".nojekyll": ""}
    domain = cname_for(site_url)
    if domain:
        files["CNAME"] = domain + "\n"
    return files
