"""Images of posts and events: scaled, as WebP with a JPEG/PNG fallback.

Phone photos of several MB become a large variant (at most 1600 px wide)
for the post's own page and a small one (at most 640 px) for listings.
Results are cached on disk under a key of the file's content (and of this
pipeline's settings), so a rebuild does no image work twice; the editor's
file is only read, never changed.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from PIL import Image, ImageOps

PIPELINE = "v1"  # change when the settings below change: invalidates the cache
WIDTHS = {"groot": 1600, "klein": 640}
WEBP_QUALITY = 80
JPEG_QUALITY = 82
PASSTHROUGH = (".svg", ".gif")  # vector or animated: served as they are


@dataclass(frozen=True)
class Variant:
    webp: Path | None  # None for pass-through files
    fallback: Path
    width: int
    height: int
    mime: str  # of the fallback


@dataclass(frozen=True)
class Rendition:
    source: Path
    variants: dict[str, Variant]


def content_key(source: Path) -> str:
    digest = hashlib.sha256(source.read_bytes())
    digest.update(f"{PIPELINE}{sorted(WIDTHS.items())}{WEBP_QUALITY}{JPEG_QUALITY}".encode())
    return digest.hexdigest()[:20]


def _size(image: Image.Image, width: int) -> tuple[int, int]:
    if image.width <= width:
        return image.width, image.height
    return width, max(1, round(image.height * width / image.width))


def render(source: Path, cache: Path) -> Rendition:
    """Scaled variants of `source`, from the cache when present."""
    if source.suffix.lower() in PASSTHROUGH:
        return Rendition(source, _passthrough(source))
    key = content_key(source)
    cache.mkdir(parents=True, exist_ok=True)
    with Image.open(source) as original:
        image = ImageOps.exif_transpose(original)  # phones store rotation in EXIF
        keep_alpha = image.mode in ("RGBA", "LA", "P") and source.suffix.lower() == ".png"
        fallback_suffix, mime = (".png", "image/png") if keep_alpha else (".jpg", "image/jpeg")
        variants = {}
        for name, width in WIDTHS.items():
            size = _size(image, width)
            webp = cache / f"{key}-{width}.webp"
            fallback = cache / f"{key}-{width}{fallback_suffix}"
            if not (webp.is_file() and fallback.is_file()):
                scaled = image.resize(size, Image.Resampling.LANCZOS) if size != image.size else image.copy()
                if not keep_alpha:
                    scaled = scaled.convert("RGB")
                _write(scaled, webp, "WEBP", quality=WEBP_QUALITY, method=4)
                if keep_alpha:
                    _write(scaled, fallback, "PNG", optimize=True)
                else:
                    _write(scaled, fallback, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
            variants[name] = Variant(webp, fallback, size[0], size[1], mime)
    return Rendition(source, variants)


def _write(image: Image.Image, path: Path, kind: str, **options) -> None:
    temporary = path.with_suffix(path.suffix + ".tmp")
    image.save(temporary, kind, **options)
    temporary.replace(path)  # never leave a half-written file in the cache


def _passthrough(source: Path) -> dict[str, Variant]:
    width = height = 0
    if source.suffix.lower() == ".gif":
        with Image.open(source) as image:
            width, height = image.size
    mime = "image/svg+xml" if source.suffix.lower() == ".svg" else "image/gif"
    variant = Variant(None, source, width, height, mime)
    return {name: variant for name in WIDTHS}


_UNREADABLE = (
    "het bestand kan niet als afbeelding geopend worden (beschadigd, niet helemaal geüpload, "
    "of een ander soort bestand met deze naam): sla de foto opnieuw op als JPEG of PNG en upload hem opnieuw"
)


def readable_image_problem(path: Path) -> str | None:
    """None when the build can open the image, else a Dutch reason.

    Decoded as the build will (render() above), but JPEGs at 1/8 scale: the
    whole file is still read, so a truncated upload is found, in a fraction
    of the time. Remembered per file version, for the rebuilds of a preview.
    """
    stat = path.stat()
    return _readable_image_problem(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=4096)
def _readable_image_problem(path: Path, size: int, mtime_ns: int) -> str | None:
    suffix = path.suffix.lower()
    if suffix == ".svg":
        try:
            root = ElementTree.parse(path).getroot()
        except (ElementTree.ParseError, OSError):
            return "het bestand is geen geldige SVG: exporteer de afbeelding opnieuw, of gebruik JPEG of PNG"
        return None if root.tag.rsplit("}", 1)[-1] == "svg" else "het bestand is geen SVG-afbeelding: gebruik JPEG of PNG"
    try:
        with Image.open(path) as image:
            if image.format == "JPEG":
                image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
    except Image.DecompressionBombError:
        return "de afbeelding heeft te veel pixels om veilig te verwerken: verklein haar tot hoogstens 6000 pixels breed"
    except (OSError, SyntaxError, ValueError):
        return _UNREADABLE
    return None
