"""The scaffold's placeholder text, and finding it where it could go public.

`make post|verslag|event` (werkplaats.editing.scaffold) write sentences that start
with MARKER; the content model refuses every such line outside a YAML
comment, so an untouched scaffold never reaches the site.
"""

from __future__ import annotations

MARKER = "Vervang deze voorbeeldtekst"
MESSAGE = "vervang de voorbeeldtekst: deze regel komt uit make post, verslag of event; schrijf je eigen tekst of haal de regel weg"


def placeholder_lines(text: str, body_line: int) -> list[int]:
    """1-based lines of a post file that still hold the marker.

    Front matter comments (`# ...`, lines before the body) are examples that
    never go public; every other line does.
    """
    marker = MARKER.lower()
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if number < body_line and line.lstrip().startswith("#"):
            continue
        if marker in line.lower():
            found.append(number)
    return found
