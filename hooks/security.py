"""Content-Security-Policy and referrer policy on every page; rel="noopener"
on external links in the text (werkplaats.security)."""

from __future__ import annotations

from werkplaats import security


def on_page_content(html, page, config, files):
    return security.external_links(html, config.site_url or "")


def on_post_page(output, page, config):
    return security.harden(output)


def on_post_template(output_content, template_name, config):
    # 404.html is rendered as a theme template, not as a page.
    return security.harden(output_content) if template_name.endswith(".html") else output_content
