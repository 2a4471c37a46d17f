"""No image in posts/ carries where, who or with what (werkplaats.content.photo_metadata).

`make check` (and so the build and the pull-request check) refuses every
image file under posts/ that carries a GPS position, names, serial numbers,
the maker's notes, XMP, IPTC, comments, thumbnails, extra pictures or other
camera data, with the file, the plain words and one command; that command
(`make foto-schoon BESTAND=...`) writes the same picture without them:
upright, with its colour profile, nothing else changed. Real files are
made here with Pillow, as phones and programs write them.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import random
import re
import shutil
import stat
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from PIL import Image, ImageChops, ImageCms, ImageFilter, ImageOps, ImageStat, PngImagePlugin

from werkplaats.content import images, photo_metadata
from werkplaats.content.images import SUFFIXES
from werkplaats.content.photo_metadata import (
    C2PA,
    CAMERA,
    EXTRA_IMAGES,
    IPTC,
    LOCATION,
    MAKERNOTE,
    NAMES,
    SERIAL,
    TEXT,
    THUMBNAIL,
    TRAILER,
    XMP,
    CannotClean,
    clean,
    findings,
)

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
TODAY = "2026-11-22"
FOLDER = "nieuws/afbeeldingen"
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
XMP_PACKET = (
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Dordrecht"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)


# --- pictures ----------------------------------------------------------------------


def photo_like(size=(600, 452), seed=7) -> Image.Image:
    """A photo-like picture (smooth shapes, fine grain), asymmetric: a red
    block at the top left, so a picture on its side shows. 600 x 452 is no
    multiple of 16: turning it moves the 8x8 grid (the harder case)."""
    rng = random.Random(seed)
    w, h = size
    coarse = Image.frombytes("RGB", (w // 24 + 1, h // 24 + 1), rng.randbytes(3 * (w // 24 + 1) * (h // 24 + 1)))
    smooth = coarse.resize(size, Image.Resampling.BICUBIC).filter(ImageFilter.GaussianBlur(6))
    grain = Image.frombytes("RGB", size, rng.randbytes(3 * w * h)).filter(ImageFilter.GaussianBlur(1.2))
    picture = Image.blend(smooth, grain, 0.15)
    picture.paste((230, 20, 20), (8, 8, w // 4, h // 4))
    return picture


def red_corner(image: Image.Image) -> bool:
    red, green, blue = image.convert("RGB").getpixel((20, 20))
    return red > 180 and green < 90 and blue < 90


# How each EXIF orientation is stored: the upright picture turned by the inverse of
# what ImageOps.exif_transpose does to show it.
STORED = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def stored_as(upright: Image.Image, orientation: int) -> Image.Image:
    turn = STORED[orientation]
    return upright.copy() if turn is None else upright.transpose(turn)


def phone_exif(orientation: int = 1, *, gps=True, **extra) -> Image.Exif:
    """EXIF as a phone writes it: make, model, orientation, the GPS position."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0112] = "Telefoonmerk", "Model 12", orientation
    if gps:
        position = exif.get_ifd(0x8825)
        position[1], position[2], position[3], position[4] = "N", (51.0, 48.0, 44.0), "E", (4.0, 40.0, 12.0)
    for tag, value in extra.items():
        ifd, number = (exif.get_ifd(0x8769), int(tag[4:], 16)) if tag.startswith("exif") else (exif, int(tag[3:], 16))
        ifd[number] = value
    return exif


def orientation_only(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    return exif


def encoded(image: Image.Image, kind: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, kind, **options)
    return out.getvalue()


def jpeg(image=None, **options) -> bytes:
    return encoded(image or photo_like((120, 90)), "JPEG", quality=90, **options)


def with_segment(data: bytes, marker: int, payload: bytes) -> bytes:
    """A JPEG with one more segment right after its start."""
    return data[:2] + bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload + data[2:]


def exif_with_thumbnail(thumbnail: bytes) -> bytes:
    """EXIF with IFD0 (the orientation) and IFD1, the small copy of the picture."""
    ifd1 = 8 + 2 + 12 + 4
    data_at = ifd1 + 2 + 2 * 12 + 4
    tiff = b"II*\0" + struct.pack("<I", 8)
    tiff += struct.pack("<H", 1) + struct.pack("<HHIHH", 0x0112, 3, 1, 1, 0) + struct.pack("<I", ifd1)
    tiff += struct.pack("<H", 2) + struct.pack("<HHII", 0x0201, 4, 1, data_at) + struct.pack("<HHII", 0x0202, 4, 1, len(thumbnail))
    tiff += struct.pack("<I", 0)
    return b"Exif\0\0" + tiff + thumbnail


def png_with(**text) -> bytes:
    info = PngImagePlugin.PngInfo()
    for key, value in text.items():
        if key == "xmp":
            info.add_itxt("XML:com.adobe.xmp", value)
        else:
            info.add_text(key, value)
    return encoded(photo_like((90, 60)).convert("RGBA"), "PNG", pnginfo=info)


def psnr(a: Image.Image, b: Image.Image) -> float:
    assert a.size == b.size, (a.size, b.size)
    squared = ImageChops.difference(a.convert("RGB"), b.convert("RGB")).point(lambda v: v * v)
    mse = sum(ImageStat.Stat(squared).mean) / 3
    return math.inf if mse == 0 else 10 * math.log10(255 * 255 / mse)


def decoded(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        return ImageOps.exif_transpose(image).convert("RGB")


def scan_data(data: bytes) -> bytes:
    """A JPEG's coded picture: from its first scan to the end of the picture."""
    return data[data.index(b"\xff\xda") : data.rindex(b"\xff\xd9") + 2]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- what is refused, and what is not ----------------------------------------------

SVG_WITH_CREATOR = b"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#"
    xmlns:dc="http://purl.org/dc/elements/1.1/"><cc:Work><dc:creator><cc:Agent><dc:title>Jan Jansen</dc:title></cc:Agent></dc:creator>
  </cc:Work></rdf:RDF></metadata>
  <rect width="10" height="5" fill="#c33"/>
</svg>
"""

REFUSED = {
    "gps.jpg": (lambda: jpeg(exif=phone_exif()), [LOCATION, CAMERA]),
    "xmp.jpg": (lambda: jpeg(xmp=XMP_PACKET.encode()), [XMP]),
    "artist.jpg": (lambda: jpeg(exif=phone_exif(gps=False, ifd013B="Jan Jansen")), [NAMES]),
    "serienummer.jpg": (lambda: jpeg(exif=phone_exif(gps=False, exifA431="SN 0042137")), [SERIAL]),
    "makernote.jpg": (lambda: jpeg(exif=phone_exif(gps=False, exif927C=b"Apple iOS\0\0\x01MM serial")), [MAKERNOTE]),
    "opmerking.jpg": (lambda: jpeg(comment=b"Jan Jansen, Dordrecht"), [TEXT]),
    "iptc.jpg": (lambda: with_segment(jpeg(), 0xED, b"Photoshop 3.0\0" + b"8BIM\x04\x04\0\0\0\0\0\x0c\x1c\x02\x50\0\x08Jan Jans"), [IPTC]),
    "c2pa.jpg": (lambda: with_segment(jpeg(), 0xEB, b"JP\0\0\0\0\0\x01jumb c2pa"), [C2PA]),
    "miniatuur.jpg": (lambda: jpeg(exif=exif_with_thumbnail(jpeg(photo_like((16, 12))))), [THUMBNAIL]),
    "twee-beelden.jpg": (
        lambda: encoded(photo_like((120, 90)), "MPO", save_all=True, append_images=[photo_like((120, 90), seed=3)]),
        [EXTRA_IMAGES],
    ),
    "met-video.jpg": (lambda: jpeg() + b"\0\0\0\x18ftypmp42" + bytes(range(256)) * 8, [TRAILER]),
    "xmp.png": (lambda: png_with(xmp=XMP_PACKET), [XMP]),
    "auteur.png": (lambda: png_with(Author="Jan Jansen"), [NAMES]),
    "exif.webp": (lambda: encoded(photo_like((120, 90)), "WEBP", exif=phone_exif()), [LOCATION, CAMERA]),
    "xmp.webp": (lambda: encoded(photo_like((120, 90)), "WEBP", xmp=XMP_PACKET.encode()), [XMP]),
    "opmerking.gif": (lambda: encoded(Image.new("P", (30, 20), 3), "GIF", comment=b"Jan Jansen"), [TEXT]),
    "maker.svg": (lambda: SVG_WITH_CREATOR, [NAMES]),
    "iphone.heic": (lambda: encoded(photo_like((128, 96)), "HEIF", exif=phone_exif(), quality=60), [LOCATION, CAMERA]),
    "hoofdletters.JPG": (lambda: jpeg(exif=phone_exif()), [LOCATION]),
    "png-als.jpg": (lambda: png_with(xmp=XMP_PACKET), [XMP]),  # read by its content, not its name
}


def cms_exif(orientation: int) -> bytes:
    """The EXIF the CMS writes (overrides/admin/clean-photos.js): big-endian, the orientation alone."""
    return b"MM\0*\0\0\0\x08\0\x01" + struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0) + b"\0\0\0\0"


ALLOWED = {
    "gewoon.jpg": lambda: jpeg(),
    "cms.jpg": lambda: jpeg(exif=orientation_only(6), icc_profile=SRGB, dpi=(72, 72)),  # as the CMS uploads it
    "cms-exif.jpg": lambda: with_segment(jpeg(icc_profile=SRGB), 0xE1, b"Exif\0\0" + cms_exif(8)),
    "cms-exif.png": lambda: encoded(photo_like((90, 60)), "PNG", exif=cms_exif(6)),
    "cms-exif.webp": lambda: encoded(photo_like((90, 60)), "WEBP", exif=cms_exif(3)),
    "leeg-gps.jpg": lambda: jpeg(exif=_gps_version_only()),
    "profiel.png": lambda: encoded(photo_like((90, 60)).convert("RGBA"), "PNG", icc_profile=SRGB, dpi=(96, 96)),
    "palet.png": lambda: encoded(Image.new("P", (30, 20), 3), "PNG", transparency=3),
    "cms.webp": lambda: encoded(photo_like((90, 60)), "WEBP", exif=orientation_only(3), icc_profile=SRGB),
    "herhaalt.gif": lambda: encoded(Image.new("P", (30, 20), 3), "GIF", save_all=True, append_images=[Image.new("P", (30, 20), 5)], loop=0),
    "tekening.bmp": lambda: encoded(photo_like((30, 20)), "BMP"),
    "telefoon.heic": lambda: encoded(photo_like((128, 96)), "HEIF", quality=60),
    "inkscape.svg": lambda: (
        b'<svg xmlns="http://www.w3.org/2000/svg"><!-- Gemaakt met Inkscape --><metadata><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata><rect width="1" height="1"/></svg>'
    ),
}


def _gps_version_only() -> Image.Exif:
    exif = orientation_only(1)
    exif.get_ifd(0x8825)[0] = b"\x02\x03\x00\x00"
    return exif


def problems_of(repo) -> list:
    return repo.problems()


@pytest.mark.parametrize("name", list(REFUSED))
def test_check_refuses_each_kind_of_metadata_with_plain_words_and_the_command(repo, name):
    make, words = REFUSED[name]
    repo.write(f"{FOLDER}/{name}", make())
    [problem] = problems_of(repo)
    rel = f"posts/{FOLDER}/{name}"
    assert str(problem).startswith(f"{rel}:1: de afbeelding bevat "), problem
    for what in words:
        assert what in problem.message, (what, problem.message)
    if name.endswith(".heic"):
        jpg = rel.removesuffix(".heic") + ".jpg"
        assert f"exporteer de foto als JPEG ({jpg}), maak die schoon met make foto-schoon BESTAND={jpg}" in problem.message
    else:
        assert problem.message.endswith(f"De repository is openbaar: haal dit eruit met make foto-schoon BESTAND={rel}")


def test_the_words_for_the_most_common_findings():
    """What an editor reads, in plain Dutch."""
    assert LOCATION == "de GPS-positie (waar de foto gemaakt is)"
    assert "serienummer van de camera" in SERIAL and "serienummer" in MAKERNOTE
    assert "naam van de maker of eigenaar" in NAMES


@pytest.mark.parametrize("name", list(ALLOWED))
def test_what_only_shows_the_pixels_right_is_allowed(repo, name):
    repo.write(f"{FOLDER}/{name}", ALLOWED[name]())
    assert problems_of(repo) == []


def test_every_image_under_posts_is_checked_linked_or_not(repo):
    dirty = jpeg(exif=phone_exif())
    for rel in ("agenda/bijlagen/foto.jpg", "verslagen/los.jpeg", "nieuws/afbeeldingen/diep/in/een/map.jfif"):
        repo.write(rel, dirty)
    repo.write("nieuws/bijlagen/notulen.pdf", b"%PDF-1.4 Jan Jansen")
    repo.write("nieuws/bijlagen/leesmij.txt", "Foto's van Jan Jansen, Dordrecht")
    paths = [p.path for p in problems_of(repo)]
    assert paths == ["posts/agenda/bijlagen/foto.jpg", "posts/nieuws/afbeeldingen/diep/in/een/map.jfif", "posts/verslagen/los.jpeg"]


def test_a_file_with_a_space_gets_a_command_that_works_in_the_shell(repo):
    repo.write(f"{FOLDER}/foto van de avond.jpg", jpeg(exif=phone_exif()))
    [problem] = problems_of(repo)
    assert problem.message.endswith("make foto-schoon BESTAND='posts/nieuws/afbeeldingen/foto van de avond.jpg'")


def test_a_broken_file_is_not_reported_here(repo):
    """Cut short before any metadata: the image checks say it cannot be opened,
    where a post uses it (werkplaats.content.images.readable_image_problem)."""
    repo.write(f"{FOLDER}/kapot.jpg", jpeg()[:200])
    repo.write(f"{FOLDER}/leeg.png", b"")
    assert problems_of(repo) == []


def test_the_check_of_a_12_megapixel_photo_reads_only_its_header(tmp_path, monkeypatch):
    path = tmp_path / "groot.jpg"
    path.write_bytes(encoded(Image.new("RGB", (4000, 3000), (40, 90, 160)), "JPEG", quality=90, exif=phone_exif(6), icc_profile=SRGB))
    monkeypatch.setattr(Image.Image, "load", lambda self: pytest.fail("decoded the pixels"))
    started = time.perf_counter()
    for _ in range(20):
        assert LOCATION in photo_metadata._findings.__wrapped__(path, 0, 0)
    assert (time.perf_counter() - started) / 20 < 0.02


# --- cleaning -------------------------------------------------------------------------

# (format, the stored file's options, the lowest PSNR of the cleaned picture
# against the upright original as shown before cleaning)
FORMATS = {
    "jpg": ("JPEG", {"quality": 90}, 40),
    "png": ("PNG", {}, math.inf),
    "webp": ("WEBP", {"quality": 90}, 40),
    "lossless.webp": ("WEBP", {"lossless": True}, math.inf),
}


@pytest.mark.parametrize("orientation", range(1, 9))
@pytest.mark.parametrize("suffix", list(FORMATS))
def test_clean_keeps_the_photo_upright_sharp_and_its_colour_profile(tmp_path, suffix, orientation):
    kind, options, lowest = FORMATS[suffix]
    upright = photo_like()
    stored = stored_as(upright, orientation)
    assert ImageOps.exif_transpose(_tagged(stored, orientation)).tobytes() == upright.tobytes()  # the fixture is right
    path = tmp_path / f"foto.{suffix}"
    path.write_bytes(encoded(stored, kind, exif=phone_exif(orientation), icc_profile=SRGB, **options))
    before = path.read_bytes()
    assert LOCATION in findings(path)

    result = clean(path)

    assert LOCATION in result.removed and result.turned == (orientation != 1)
    after = path.read_bytes()
    assert findings(path) == []
    with Image.open(path) as image:
        assert image.getexif().get(0x0112, 1) == 1
        assert image.info.get("icc_profile") == SRGB
        assert image.size == upright.size
        assert red_corner(image)
    assert psnr(decoded(after), decoded(before)) >= lowest
    assert len(after) < 1.6 * len(before)
    assert sorted(os.listdir(tmp_path)) == [path.name]


def _tagged(image: Image.Image, orientation: int) -> Image.Image:
    tagged = image.copy()
    tagged.info["exif"] = orientation_only(orientation).tobytes()
    return tagged


def test_an_upright_jpeg_keeps_its_coded_picture_byte_for_byte(tmp_path):
    path = tmp_path / "foto.jpg"
    path.write_bytes(jpeg(photo_like(), exif=phone_exif(1), icc_profile=SRGB, xmp=XMP_PACKET.encode(), comment=b"Jan"))
    before = path.read_bytes()
    clean(path)
    after = path.read_bytes()
    assert scan_data(after) == scan_data(before)  # nothing decoded or encoded again
    assert decoded(after).tobytes() == decoded(before).tobytes()
    assert len(after) < len(before)


def test_a_turn_that_keeps_the_blocks_in_place_uses_the_photos_own_tables(tmp_path):
    """640 x 480 is whole 16 x 16 blocks: turning it moves no block, so the
    photo is encoded again with its own quantisation: near the original."""
    path = tmp_path / "staand.jpg"
    path.write_bytes(jpeg(stored_as(photo_like((640, 480)), 6), exif=phone_exif(6)))
    before = path.read_bytes()
    clean(path)
    assert psnr(decoded(path.read_bytes()), decoded(before)) > 44
    assert 0.9 < len(path.read_bytes()) / len(before) < 1.1


@pytest.mark.parametrize("name", [n for n in REFUSED if not n.endswith(".heic")])
def test_every_refused_file_is_cleaned_and_then_passes(repo, name):
    make, _ = REFUSED[name]
    path = repo.write(f"{FOLDER}/{name}", make())
    if path.suffix != ".svg":
        with Image.open(path) as image:
            size, frames = image.size, getattr(image, "n_frames", 1)
    clean(path)
    assert problems_of(repo) == []
    if path.suffix != ".svg":
        with Image.open(path) as image:
            image.load()
            assert image.size == size and (getattr(image, "n_frames", 1) == frames or name == "twee-beelden.jpg")


def test_clean_leaves_the_picture_and_drops_what_follows_it(tmp_path):
    picture = jpeg()
    path = tmp_path / "met-video.jpg"
    path.write_bytes(picture + b"\0\0\0\x18ftypmp42" + bytes(range(256)) * 8)
    assert clean(path).removed == [TRAILER]
    assert path.read_bytes() == picture


def test_a_gif_keeps_its_frames_and_loop(tmp_path):
    frames = [Image.new("RGB", (30, 20), colour) for colour in ("red", "green", "blue")]
    path = tmp_path / "beweging.gif"
    path.write_bytes(encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=200, loop=0, comment=b"Jan Jansen"))
    clean(path)
    with Image.open(path) as image:
        assert image.n_frames == 3 and image.info.get("loop") == 0 and "comment" not in image.info


def test_an_svg_loses_its_metadata_and_nothing_else(tmp_path):
    path = tmp_path / "tekening.svg"
    path.write_bytes(SVG_WITH_CREATOR)
    clean(path)
    text = path.read_text(encoding="utf-8")
    assert "Jan Jansen" not in text and "<metadata" not in text
    start, end = SVG_WITH_CREATOR.index(b"<metadata>"), SVG_WITH_CREATOR.index(b"</metadata>") + len(b"</metadata>")
    assert path.read_bytes() == SVG_WITH_CREATOR[:start] + SVG_WITH_CREATOR[end:]
    assert images.readable_image_problem(path) is None  # still a drawing the site publishes


def test_clean_is_idempotent_and_touches_nothing_else(tmp_path):
    folder = tmp_path / "afbeeldingen"
    folder.mkdir()
    path, other = folder / "foto.jpg", folder / "ander.jpg"
    path.write_bytes(jpeg(stored_as(photo_like(), 6), exif=phone_exif(6), icc_profile=SRGB))
    other.write_bytes(jpeg(exif=phone_exif()))
    os.chmod(path, 0o644)
    untouched = (sha(other), other.stat().st_mtime_ns)

    assert clean(path).removed
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # not the temporary file's 0600
    cleaned, stamp = sha(path), path.stat().st_mtime_ns
    time.sleep(0.01)
    assert clean(path).removed == []  # clean already: not written again
    assert (sha(path), path.stat().st_mtime_ns) == (cleaned, stamp)
    assert (sha(other), other.stat().st_mtime_ns) == untouched
    assert sorted(os.listdir(folder)) == ["ander.jpg", "foto.jpg"]


def test_a_clean_file_is_never_written(tmp_path, monkeypatch):
    path = tmp_path / "cms.jpg"
    path.write_bytes(ALLOWED["cms.jpg"]())
    monkeypatch.setattr(photo_metadata, "_replace", lambda *args: pytest.fail("wrote a clean file"))
    assert clean(path).removed == []


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("iphone.heic", lambda: REFUSED["iphone.heic"][0](), "exporteer de foto als JPEG"),
        ("kapot.jpg", lambda: jpeg(exif=phone_exif())[:-300], "beschadigd of niet helemaal geüpload"),
        ("afgebroken.jpg", lambda: jpeg(exif=phone_exif())[:100], "beschadigd of niet helemaal geüpload"),
        ("animatie.webp", lambda: _turned_animation(), "kan niet rechtop gezet worden"),
    ],
)
def test_what_cannot_be_cleaned_is_said_and_left_as_it_was(tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data())
    before = sha(path)
    with pytest.raises(CannotClean) as refused:
        clean(path)
    assert words in str(refused.value)
    assert sha(path) == before and os.listdir(tmp_path) == [name]


@pytest.mark.parametrize("name", ["gps.jpg", "miniatuur.jpg", "met-video.jpg", "xmp.png", "exif.webp", "opmerking.gif", "iphone.heic"])
def test_a_damaged_file_never_stops_the_check_or_the_command(tmp_path, name):
    """Cut short or with a wrong byte anywhere: the check says what it can
    read, the command cleans it or says it cannot; no traceback, no file left."""
    data = REFUSED[name][0]()
    rng = random.Random(name)
    path = tmp_path / name
    for at in sorted({*range(0, min(len(data), 400), 13), *(rng.randrange(len(data)) for _ in range(15))}):
        for damaged in (data[:at], data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]):
            path.write_bytes(damaged)
            photo_metadata._findings.__wrapped__(path, 0, 0)
            try:
                clean(path)
            except CannotClean:
                continue
            assert findings(path) == []
    assert os.listdir(tmp_path) == [name]


def _turned_animation() -> bytes:
    frames = [photo_like((40, 30), seed=s) for s in (1, 2)]
    return encoded(frames[0], "WEBP", save_all=True, append_images=frames[1:], exif=phone_exif(6))


# --- the command, make check and the pre-commit hook -------------------------------------


def test_the_command_says_what_it_did(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "posts").mkdir()
    path = tmp_path / "posts" / "foto.jpg"
    path.write_bytes(jpeg(stored_as(photo_like(), 6), exif=phone_exif(6)))
    assert photo_metadata.main([str(path)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"{path.as_posix()}: schoongemaakt, weggehaald: de GPS-positie (waar de foto gemaakt is)")
    assert said.rstrip().endswith("de foto is rechtop gezet")
    assert photo_metadata.main([str(path)]) == 0
    assert capsys.readouterr().out == f"{path.as_posix()}: is al schoon, niets veranderd\n"
    assert photo_metadata.main([""]) == 2
    assert "make foto-schoon BESTAND=posts/nieuws/afbeeldingen/foto.jpg" in capsys.readouterr().err
    assert photo_metadata.main([str(tmp_path / "posts" / "notulen.pdf")]) == 1
    assert photo_metadata.main([str(tmp_path / "posts" / "weg.jpg")]) == 1
    assert "bestaat niet" in capsys.readouterr().err


def test_the_command_rewrites_nothing_outside_posts(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "posts").mkdir()
    outside = tmp_path / "foto.jpg"
    data = jpeg(photo_like(), exif=phone_exif(1))
    outside.write_bytes(data)
    assert photo_metadata.main([str(outside)]) == 1
    assert "ligt niet in posts/" in capsys.readouterr().err
    assert outside.read_bytes() == data


def run(args, cwd, **env):
    environment = {**os.environ, "SITE_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": "", **env}
    environment.pop("BESTAND", None)
    return subprocess.run(args, cwd=cwd, env=environment, capture_output=True, text=True)


POST = """---
title: Wijkavond
date: 2026-11-01
image: afbeeldingen/wijkavond.jpg
image_alt: Bewoners aan een lange tafel
---

Een avond vol ideeën.
"""


def test_make_check_refuses_a_gps_photo_and_passes_after_the_command(repo):
    rel = f"posts/{FOLDER}/wijkavond.jpg"
    repo.write(f"{FOLDER}/wijkavond.jpg", jpeg(stored_as(photo_like(), 6), exif=phone_exif(6), icc_profile=SRGB))
    repo.write("nieuws/wijkavond.md", POST)
    shutil.copy(ROOT / "Makefile", repo.root / "Makefile")

    checked = run([PY, "-m", "werkplaats.editing.check"], repo.root)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    [line] = [line for line in checked.stdout.splitlines() if line.startswith("posts/")]
    assert line.startswith(f"{rel}:1: de afbeelding bevat de GPS-positie (waar de foto gemaakt is)")
    command = line.rsplit("haal dit eruit met ", 1)[1]
    assert command == f"make foto-schoon BESTAND={rel}"
    # pre-commit passes the changed files: the photo alone is checked too
    alone = run([PY, "-m", "werkplaats.editing.check", rel], repo.root)
    assert alone.returncode == 1 and alone.stdout.startswith(f"{rel}:1: ")
    assert run([PY, "-m", "werkplaats.editing.check", "posts/nieuws/wijkavond.md"], repo.root).returncode == 0

    # The command as printed, through make (with this Python, no set-up of .venv).
    cleaned = run([*command.split(), f"PY={PY}", "STAMP=", "-s"], repo.root)
    assert cleaned.returncode == 0, cleaned.stdout + cleaned.stderr
    assert cleaned.stdout.startswith(f"{rel}: schoongemaakt")

    after = run([PY, "-m", "werkplaats.editing.check"], repo.root)
    assert after.returncode == 0, after.stdout + after.stderr
    assert "posts/ is in orde" in after.stdout
    assert sorted(os.listdir(repo.root / "posts" / FOLDER)) == ["wijkavond.jpg"]


def test_make_foto_schoon_without_a_file_says_how(repo):
    shutil.copy(ROOT / "Makefile", repo.root / "Makefile")
    result = run(["make", "-s", "foto-schoon", f"PY={PY}", "STAMP="], repo.root)
    assert result.returncode != 0 and "make foto-schoon BESTAND=posts/" in result.stderr


def test_the_makefile_lists_the_command_and_sets_up_first():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    [target] = [line for line in makefile.splitlines() if line.startswith("foto-schoon:")]
    assert target.startswith("foto-schoon: $(STAMP) ## ") and "BESTAND=" in target
    assert '$(PY) -m werkplaats.content.photo_metadata "$$BESTAND"' in makefile


def test_pre_commit_checks_every_image_in_posts():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for repo in config["repos"] for h in repo["hooks"]]
    for suffix in (".md", *SUFFIXES):
        for name in (f"posts/nieuws/afbeeldingen/foto{suffix}", f"posts/agenda/foto{suffix.upper()}"):
            assert re.search(hook["files"], name), name
    assert not re.search(hook["files"], "docs/assets/logo.png")
