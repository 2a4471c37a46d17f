"""Links and markup in a post's text that could run code on the site."""

from __future__ import annotations

import re

from .entries import Problem

_UNSAFE_LINK = re.compile(r"""(\]\(\s*<?|<|(?:href|src|action|formaction)\s*=\s*["']?)\s*(javascript|vbscript|data):""", re.IGNORECASE)
_SCRIPT_TAG = re.compile(r"<\s*(script|iframe|object|embed)\b|<[^>]*\son[a-z]+\s*=", re.IGNORECASE)


def unsafe_markup(body: str, first_line: int, rel: str) -> list[Problem]:
    """Links and markup in the text that could run code on the site."""
    problems = []
    for number, line in enumerate(body.split("\n"), start=first_line):
        if _UNSAFE_LINK.search(line):
            problems.append(
                Problem(
                    rel,
                    number,
                    "een link met javascript:, vbscript: of data: is niet toegestaan: gebruik een gewoon webadres (https://...)",
                )
            )
        elif _SCRIPT_TAG.search(line):
            problems.append(
                Problem(
                    rel,
                    number,
                    "scripts, iframes, embeds en on...-attributen zijn niet toegestaan in de tekst (de site laadt niets van andere sites)",
                )
            )
    return problems
