"""The image pipeline: scaled WebP + fallback, cached by content, sources untouched."""

from __future__ import annotations

import hashlib

from bs4 import BeautifulSoup
from PIL import Image

from werkplaats import images

POST = """---
title: Met foto
date: 2026-11-01
image: afbeeldingen/foto.jpg
image_alt: Deelnemers aan een lange tafel
---

Tekst.
"""


def photo(path, size=(4000, 3000), mode="RGB", **options):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new(mode, size, (200, 100, 50) if mode == "RGB" else (200, 100, 50, 128)).save(path, **options)
    return path


def test_scaled_variants_and_formats(tmp_path):
    source = photo(tmp_path / "foto.jpg", quality=95)
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    result = images.render(source, tmp_path / "cache")
    large, small = result.variants["groot"], result.variants["klein"]
    assert (large.width, large.height) == (1600, 1200) and (small.width, small.height) == (640, 480)
    for variant in (large, small):
        with Image.open(variant.webp) as webp, Image.open(variant.fallback) as fallback:
            assert webp.format == "WEBP" and fallback.format == "JPEG"
            assert webp.size == fallback.size == (variant.width, variant.height)
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before


def test_small_images_are_not_enlarged_and_png_keeps_transparency(tmp_path):
    source = photo(tmp_path / "logo.png", size=(300, 200), mode="RGBA")
    result = images.render(source, tmp_path / "cache")
    assert result.variants["groot"].fallback.suffix == ".png"
    with Image.open(result.variants["groot"].fallback) as image:
        assert image.size == (300, 200) and image.mode == "RGBA"


def test_phone_rotation_is_applied(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90 degrees, as phones store portrait photos
    source = photo(tmp_path / "staand.jpg", size=(4000, 3000), exif=exif)
    large = images.render(source, tmp_path / "cache").variants["groot"]
    assert (large.width, large.height) == (1600, 2133)  # portrait: 3000 x 4000 scaled to 1600 wide


def test_cache_is_keyed_on_content_and_reused(tmp_path, monkeypatch):
    source = photo(tmp_path / "foto.jpg")
    first = images.render(source, tmp_path / "cache")
    stamps = {p: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()}
    calls = []
    monkeypatch.setattr(images, "_write", lambda *args, **kwargs: calls.append(args))
    second = images.render(source, tmp_path / "cache")
    assert calls == [] and second == first
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()} == stamps
    photo(source, size=(3000, 3000))  # new content, new key
    monkeypatch.undo()
    third = images.render(source, tmp_path / "cache")
    assert third.variants["groot"].webp != first.variants["groot"].webp


def test_built_pages_use_picture_with_dimensions(project):
    photo(project.root / "posts" / "nieuws" / "afbeeldingen" / "foto.jpg")
    project.write("nieuws/foto.md", POST)
    site = project.build("2026-11-22")
    page = BeautifulSoup((site / "nieuws/2026/11/01/met-foto/index.html").read_text(encoding="utf-8"), "lxml")
    picture = page.select_one("article picture")
    assert picture.source["type"] == "image/webp"
    img = picture.img
    assert (img["width"], img["height"], img["loading"]) == ("1600", "1200", "eager")
    assert img["alt"] == "Deelnemers aan een lange tafel"
    for candidate in [img["src"], *[c.split()[0] for c in picture.source["srcset"].split(",")]]:
        assert (site / "nieuws/2026/11/01/met-foto" / candidate).resolve().is_file()
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    thumb = home.select_one(".wp-card picture img")
    assert (thumb["width"], thumb["loading"]) == ("640", "lazy")
    size = (site / thumb["src"]).stat().st_size
    assert size < 100_000
