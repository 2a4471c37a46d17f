"""Cleaned, scaled images (werkplaats.content.images), cached in .cache/images/.

Front-matter images become a <picture> (WebP, JPEG/PNG). An image that a
text links to is published as one cleaned file under its address in
posts/, so MkDocs checks and rewrites the link as before; the file itself
goes to afbeeldingen/ under a name from its content. The editor's file
never reaches the site.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from werkplaats.content import images
from werkplaats.site import build as site
from werkplaats.site import views

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

IMAGE_DIR = "afbeeldingen"
_linked: dict[str, File] = {}  # str(path in posts/) -> its File, per build


def _cache(config) -> Path:
    return Path(config.config_file_path).parent / ".cache" / "images"


def on_files(files: Files, config: MkDocsConfig) -> None:
    state = site.current()
    cache = _cache(config)
    # Front-matter images first, all variants from one decode; a linked image
    # that is also one reuses its large fallback from the cache.
    for entry in state.shown:
        if entry.image:
            state.images[entry.rel] = images.render((entry.path.parent / entry.image).resolve(), cache)
    added = set()
    _linked.clear()
    for path, (rel, line) in site.linked_images(state).items():
        _check(path, rel, line, state)
        cleaned = images.page_file(path, cache)
        file = File.generated(config, site.virtual_uri(state.settings, path), abs_src_path=str(cleaned))
        file.dest_uri = f"{IMAGE_DIR}/{cleaned.name}"  # MkDocs maps the post's link to this URL
        files.append(file)
        added.add(cleaned.name)
        _linked[str(path)] = file
    for rendition in state.images.values():
        for variant in rendition.variants.values():
            for generated in (variant.webp, variant.fallback):
                if generated is not None and generated.name not in added:
                    added.add(generated.name)
                    files.append(File.generated(config, f"{IMAGE_DIR}/{generated.name}", abs_src_path=str(generated)))


def _check(path: Path, rel: str, line: int, state) -> None:
    """The content model checks images in the text; a plain link to an image
    or an attached one is checked here, before anything is decoded."""
    problem = images.readable_image_problem(path)
    if problem:
        name = path.relative_to(state.settings.root.resolve()).as_posix()
        raise PluginError(f"{rel}:{line}: afbeelding {name}: {problem}")


# URLs are final once the navigation exists (hooks/posts.py records them first).
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> None:
    state = site.current()
    for path, file in _linked.items():
        state.urls[path] = file.url  # attachments that are images

    def url_for(path: Path) -> str:
        return f"{IMAGE_DIR}/{path.name}"

    state.pictures = {rel: views.picture(rendition, state.entry_for(rel).image_alt, url_for) for rel, rendition in state.images.items()}
