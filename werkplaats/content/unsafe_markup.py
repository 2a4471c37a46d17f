"""Links and markup in a post's text that could run code on the site.

The rules are data, one pattern per rule applied to each line of the text,
so the CMS form applies the very same patterns before it saves
(werkplaats.content.form_rules `exported` serves them; overrides/admin/form-rules.js
tests them). The patterns are written for both regex engines alike: only
ASCII character classes (HTML treats only ASCII white space as space), no
\\s or \\b, whose meaning differs between Python and JavaScript.
"""

from __future__ import annotations

import re

from .entries import Problem

_SPACE = r"[ \t\n\r\f\v]"
LINE_RULES: tuple[dict, ...] = (
    {
        "id": "unsafe_link",
        "pattern": rf"""(\]\({_SPACE}*<?|<|(?:href|src|action|formaction){_SPACE}*={_SPACE}*["']?){_SPACE}*(javascript|vbscript|data):""",
        "message": "een link met javascript:, vbscript: of data: is niet toegestaan: gebruik een gewoon webadres (https://...)",
    },
    {
        "id": "unsafe_tag",
        "pattern": rf"<{_SPACE}*(script|iframe|object|embed)(?![A-Za-z0-9_])|<[^>]*{_SPACE}on[a-z]+{_SPACE}*=",
        "message": "scripts, iframes, embeds en on...-attributen zijn niet toegestaan in de tekst (de site laadt niets van andere sites)",
    },
)
# Case-insensitive on both sides ("i" in JavaScript).
FLAGS = "i"
_COMPILED = [(rule, re.compile(rule["pattern"], re.IGNORECASE)) for rule in LINE_RULES]


def unsafe_markup(body: str, first_line: int, rel: str) -> list[Problem]:
    """Each line of the text that could run code, with the first rule it breaks."""
    problems = []
    for number, line in enumerate(body.split("\n"), start=first_line):
        for rule, pattern in _COMPILED:
            if pattern.search(line):
                problems.append(Problem(rel, number, rule["message"]))
                break
    return problems
