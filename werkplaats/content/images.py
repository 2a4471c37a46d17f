"""Images of posts and events: scaled and cleaned, as WebP with a JPEG/PNG fallback.

No image an editor uploads is published as it is: a phone photo carries
where it was taken (EXIF GPS), the camera and often names (XMP, IPTC,
comments). Every published image is drawn anew from its pixels: at most
1600 px wide (640 px for listings), turned upright (EXIF orientation),
converted to sRGB (the ICC profile is applied, then dropped), without any
metadata. Animations (GIF, WebP, PNG) publish their first frame: moving
images cannot be paused (WCAG 2.2.2) and run to megabytes. SVG drawings
are written anew from an allow-list (werkplaats.content.svg). Phone photos in
HEIC/HEIF are read with pillow-heif.

Results are cached on disk under a key of the file's content (and of this
pipeline's settings), so a rebuild decodes no image twice; the editor's
file is only read, never changed.
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
from dataclasses import dataclass
from pathlib import Path

import pillow_heif
from PIL import Image, ImageCms, ImageOps

from . import svg

pillow_heif.register_heif_opener()

PIPELINE = "v2"  # change when the output changes: invalidates the cache
WIDTHS = {"groot": 1600, "klein": 640}
WEBP_QUALITY = 80
JPEG_QUALITY = 82
MAX_PIXELS = 40_000_000  # a 48 MP phone mode is refused; 12 and 24 MP pass
# Files the pipeline publishes, always cleaned: never copied as they are.
SUFFIXES = (".jpg", ".jpeg", ".jfif", ".png", ".webp", ".gif", ".svg", ".heic", ".heif", ".avif", ".tif", ".tiff", ".bmp")
# Drawings and screenshots (and anything transparent) keep a lossless PNG fallback.
LOSSLESS = ("PNG", "GIF")
_ROTATED = (5, 6, 7, 8)  # EXIF orientations that swap width and height


@dataclass(frozen=True)
class Variant:
    webp: Path | None  # None for SVG
    fallback: Path
    width: int  # 0 for SVG
    height: int
    mime: str  # of the fallback


@dataclass(frozen=True)
class Rendition:
    source: Path
    variants: dict[str, Variant]


def is_image(path: Path) -> bool:
    """Published only through this pipeline (otherwise: copied as it is)."""
    return path.suffix.lower() in SUFFIXES


def content_key(source: Path) -> str:
    stat = source.stat()
    return _content_key(source, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=4096)
def _content_key(source: Path, size: int, mtime_ns: int) -> str:
    # Per file version: a photo used in front matter and in the text is read once.
    digest = hashlib.sha256(source.read_bytes())
    digest.update(f"{PIPELINE}{sorted(WIDTHS.items())}{WEBP_QUALITY}{JPEG_QUALITY}".encode())
    return digest.hexdigest()[:20]


def _size(width: int, height: int, limit: int) -> tuple[int, int]:
    if width <= limit:
        return width, height
    return limit, max(1, round(height * limit / width))


def render(source: Path, cache: Path) -> Rendition:
    """Every variant of `source` (for a <picture>), from the cache when present."""
    return _render(source, cache, [(name, kind) for name in WIDTHS for kind in ("webp", "fallback")])


def page_file(source: Path, cache: Path) -> Path:
    """The one file an image linked from a text is published as: the large
    fallback (JPEG or PNG), or the cleaned SVG; shared with render()."""
    return _render(source, cache, [("groot", "fallback")]).variants["groot"].fallback


def _render(source: Path, cache: Path, wanted: list[tuple[str, str]]) -> Rendition:
    key = content_key(source)
    cache.mkdir(parents=True, exist_ok=True)
    if source.suffix.lower() == ".svg":
        cleaned = cache / f"{key}.svg"
        if not cleaned.is_file():
            _write_bytes(cleaned, svg.clean(source.read_bytes()))
        variant = Variant(None, cleaned, 0, 0, "image/svg+xml")
        return Rendition(source, {name: variant for name in WIDTHS})
    with Image.open(source) as image:
        # Everything up to the decision to decode comes from the file's header.
        width, height = image.size
        if image.getexif().get(0x0112) in _ROTATED:
            width, height = height, width
        alpha = _has_alpha(image)
        lossless = alpha or image.format in LOSSLESS
        suffix, mime = (".png", "image/png") if lossless else (".jpg", "image/jpeg")
        variants, missing = {}, []
        for name, limit in WIDTHS.items():
            size = _size(width, height, limit)
            paths = {"webp": cache / f"{key}-{limit}.webp", "fallback": cache / f"{key}-{limit}{suffix}"}
            variants[name] = Variant(paths["webp"], paths["fallback"], size[0], size[1], mime)
            missing += [(paths[kind], size) for kind in ("webp", "fallback") if (name, kind) in wanted and not paths[kind].is_file()]
        if missing:
            largest = max(size for _, size in missing)
            clean = _clean_pixels(image, largest, "RGBA" if alpha else "RGB")
            for path, size in missing:
                scaled = clean if size == clean.size else clean.resize(size, Image.Resampling.LANCZOS)
                if path.suffix == ".webp":
                    _write(scaled, path, "WEBP", quality=WEBP_QUALITY, method=4)
                elif path.suffix == ".png":
                    _write(scaled, path, "PNG", optimize=True)
                else:
                    _write(scaled, path, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return Rendition(source, variants)


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info


_SRGB = ImageCms.createProfile("sRGB")


def _clean_pixels(image: Image.Image, size: tuple[int, int], mode: str) -> Image.Image:
    """The first frame, upright, at `size`, in sRGB and `mode`, with no metadata."""
    if image.format == "JPEG":
        # Let the decoder scale down by 2, 4 or 8 (never below `size`): a
        # 24 MP photo is then decoded in a fraction of the time.
        stored = size[::-1] if image.getexif().get(0x0112) in _ROTATED else size
        image.draft(image.mode, stored)
    icc = image.info.get("icc_profile")
    upright = ImageOps.exif_transpose(image)
    if upright.mode.startswith("I;16"):
        upright = upright.convert("I").point(lambda value: value * (1 / 256))  # 16-bit grey: scaled, not clipped
    if upright.mode not in ("RGB", "RGBA", "L", "CMYK"):
        upright = upright.convert(mode)  # palettes, grey with alpha: plain channels before scaling
    scaled = upright if upright.size == size else upright.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    result = _to_srgb(scaled, icc, mode)
    result.info = {}  # EXIF, XMP, ICC, comments: Pillow would copy some of these into the output
    return result


def _to_srgb(image: Image.Image, icc: bytes | None, mode: str) -> Image.Image:
    if icc:
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            return ImageCms.profileToProfile(image, profile, _SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a damaged or unusual profile: the pixels are taken to be sRGB
    return image if image.mode == mode else image.convert(mode)


def _write(image: Image.Image, path: Path, kind: str, **options) -> None:
    temporary = path.with_suffix(path.suffix + ".tmp")
    image.save(temporary, kind, **options)
    temporary.replace(path)  # never leave a half-written file in the cache


def _write_bytes(path: Path, data: bytes) -> None:
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)


_UNREADABLE = (
    "het bestand kan niet als afbeelding geopend worden (beschadigd, niet helemaal geüpload, "
    "of een ander soort bestand met deze naam): sla de foto opnieuw op als JPEG of PNG en upload hem opnieuw"
)
_TOO_LARGE = (
    "de afbeelding is {size} groot, meer dan de {limit} megapixel die de site verwerkt: verklein haar "
    "(bijvoorbeeld tot 4000 pixels breed) en upload haar opnieuw, of zet de camera van de telefoon op 12 of 24 megapixel"
)
_UNSAFE_SVG = (
    "de SVG bevat {what}; zoiets kan code uitvoeren of bestanden van elders laden en wordt niet gepubliceerd: "
    "exporteer de tekening opnieuw als gewone SVG (zonder scripts, links of ingesloten afbeeldingen), of sla haar op als PNG"
)


def readable_image_problem(path: Path) -> str | None:
    """None when the build can publish the image, else a Dutch reason.

    Decoded as the build will (render() above), but JPEGs at 1/8 scale: the
    whole file is still read, so a truncated upload is found, in a fraction
    of the time. Larger than MAX_PIXELS is refused before decoding, an SVG
    when werkplaats.content.svg would not publish it. Remembered per file version,
    for the rebuilds of a preview.
    """
    stat = path.stat()
    return _readable_image_problem(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=4096)
def _readable_image_problem(path: Path, size: int, mtime_ns: int) -> str | None:
    if path.suffix.lower() == ".svg":
        try:
            svg.clean(path.read_bytes())
        except svg.UnsafeSvg as unsafe:
            return _UNSAFE_SVG.format(what=unsafe)
        except svg.NotSvg as error:
            if error.invalid:
                return "het bestand is geen geldige SVG: exporteer de afbeelding opnieuw, of gebruik JPEG of PNG"
            return "het bestand is geen SVG-afbeelding: gebruik JPEG of PNG"
        except OSError:
            return _UNREADABLE
        return None
    try:
        with Image.open(path) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                megapixels = math.ceil(width * height / 1_000_000)
                return _TOO_LARGE.format(size=f"{width} × {height} pixels ({megapixels} megapixel)", limit=MAX_PIXELS // 1_000_000)
            if image.format == "JPEG":
                image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
            image.load()
    except Image.DecompressionBombError:
        return _TOO_LARGE.format(size="te", limit=MAX_PIXELS // 1_000_000)
    except (OSError, SyntaxError, ValueError, RuntimeError):
        return _UNREADABLE
    return None
