"""Pages whose text is rendered as Markdown from page_templates/ (the privacy
statement, the help page on subscribing), so that the site and the export
(werkplaats.site.export) show the same text. Settings and editors' names go in
through the `md` filter, which makes Markdown show them literally.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).parent / "page_templates"


def markdown_text(value) -> str:
    """A setting's text as Markdown shows it literally."""
    out = str(value)
    for char in "\\`*_[]<>|#":
        out = out.replace(char, "\\" + char)
    return out


_ENV = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
_ENV.filters["md"] = markdown_text


def render(name: str, **context) -> str:
    """page_templates/NAME rendered with CONTEXT, as Markdown."""
    return _ENV.get_template(name).render(**context)
