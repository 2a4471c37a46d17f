"""The folders an editor finds in posts/<kind>/ besides the posts.

Every kind has an afbeeldingen/ and a bijlagen/ folder for its photos and
attachments. Once each held a README.md saying in Dutch what goes
there; the CMS's media library lists every file of those folders (Decap
cannot filter them), so the README showed as a picture and could be chosen
as an attachment. The text is now in REDACTIE.md (section 6) and the
folders hold media only. A clone that still has such a README.md: it is
not a post; the content model skips it, so it is neither validated nor
published.
"""

from __future__ import annotations

from pathlib import Path

MEDIA_FOLDERS = ("afbeeldingen", "bijlagen")
README = "README.md"


def is_folder_readme(path: Path, posts_dir: Path) -> bool:
    """posts/<kind>/afbeeldingen/README.md or posts/<kind>/bijlagen/README.md."""
    if path.name != README or path.parent.name not in MEDIA_FOLDERS:
        return False  # the common case, without touching the file system
    try:
        parts = path.resolve().relative_to(posts_dir.resolve()).parts
    except ValueError:
        return False
    return len(parts) == 3 and parts[1] in MEDIA_FOLDERS and parts[2] == README
