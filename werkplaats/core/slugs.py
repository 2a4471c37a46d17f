"""URL slugs, shared by the content model and Material's blog plugin."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str, separator: str = "-") -> str:
    """'Kenniscafé: van verbinding...' -> 'kenniscafe-van-verbinding'.

    Accents are dropped, everything else that is not a letter or digit becomes
    the separator. The signature matches Material's `post_slugify` option.
    """
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[^a-z0-9]+", separator, text.lower())
    return text.strip(separator)
