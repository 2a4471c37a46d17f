"""Scaled images for posts and events (werkplaats.images), cached in .cache/images/."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from werkplaats import build as site
from werkplaats import images, views

IMAGE_DIR = "afbeeldingen"


def on_files(files, config):
    state = site.current()
    cache = Path(config.config_file_path).parent / ".cache" / "images"
    added = set()
    for entry in state.shown:
        if not entry.image:
            continue
        rendition = images.render((entry.path.parent / entry.image).resolve(), cache)
        state.images[entry.rel] = rendition
        for variant in rendition.variants.values():
            for path in (variant.webp, variant.fallback):
                if path is not None and path.parent == cache and path.name not in added:
                    added.add(path.name)
                    files.append(File.generated(config, f"{IMAGE_DIR}/{path.name}", abs_src_path=str(path)))


# URLs are final once the navigation exists (hooks/posts.py records them first).
def on_nav(nav, config, files):
    state = site.current()
    cache = Path(config.config_file_path).parent / ".cache" / "images"

    def url_for(path: Path) -> str:
        return f"{IMAGE_DIR}/{path.name}" if path.parent == cache else state.urls[str(path)]

    state.pictures = {
        rel: views.picture(rendition, state.entry_for(rel).image_alt, url_for) for rel, rendition in state.images.items()
    }
