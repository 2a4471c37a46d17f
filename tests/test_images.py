"""The image pipeline: scaled WebP + fallback, cached by content, sources
untouched, and nothing of the editor's file published: no metadata, no
original, no script, no animation; HEIC read, over 40 megapixel refused."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import struct
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageCms, PngImagePlugin

from werkplaats.content import images
from werkplaats.content.model import ContentError, load_all
from werkplaats.site import views

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


# --- files as phones and drawing programs write them ----------------------------

XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Jan Jansen"/></rdf:RDF></x:xmpmeta>'
)
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def camera_exif(orientation: int = 1) -> Image.Exif:
    """EXIF as a phone writes it: camera, orientation and the GPS position."""
    exif = Image.Exif()
    exif[0x010F] = "Telefoonmerk"
    exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (51.0, 48.0, 44.0), "E", (4.0, 40.0, 12.0)
    return exif


def scene(size) -> Image.Image:
    """A picture whose top-left quarter is red, so turning it is visible."""
    image = Image.new("RGB", size, (40, 90, 160))
    image.paste((220, 30, 30), (0, 0, size[0] // 2, size[1] // 2))
    return image


def encoded(image: Image.Image, kind: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, kind, **options)
    return out.getvalue()


def phone_jpeg(size=(4000, 3000), orientation=6) -> bytes:
    return encoded(
        scene(size), "JPEG", quality=90, exif=camera_exif(orientation), icc_profile=SRGB, xmp=XMP.encode(), comment=b"Jan Jansen, Dordrecht"
    )


def png_with_text() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jan Jansen")
    info.add_text("Comment", "Schoolplein Dordrecht")
    info.add_itxt("XML:com.adobe.xmp", XMP)
    return encoded(scene((900, 600)).convert("RGBA"), "PNG", pnginfo=info, icc_profile=SRGB, exif=camera_exif())


def webp_with_exif() -> bytes:
    return encoded(scene((2000, 1000)), "WEBP", exif=camera_exif(), xmp=XMP.encode(), icc_profile=SRGB)


def animated_gif(comment: bytes = b"Jan Jansen") -> bytes:
    frames = [Image.new("P", (300, 200), colour) for colour in (1, 50, 100)]
    return encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=200, loop=0, comment=comment)


def phone_heic() -> bytes:
    return encoded(scene((2400, 1800)), "HEIF", exif=camera_exif(), xmp=XMP.encode(), quality=60)


# --- files as make check lets them into posts/ (werkplaats.content.photo_metadata) -------------
# Only what shows the pixels right: the orientation, the colour profile, the
# resolution. The build drops these too; that the check refuses the rest is
# tests/test_photos.py.


def orientation_only(orientation: int) -> Image.Exif:
    """EXIF as the CMS leaves it (overrides/admin/clean-photos.js)."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    return exif


def checked_jpeg(size=(4000, 3000), orientation=6) -> bytes:
    return encoded(scene(size), "JPEG", quality=90, exif=orientation_only(orientation), icc_profile=SRGB, dpi=(72, 72))


def checked_png() -> bytes:
    return encoded(scene((900, 600)).convert("RGBA"), "PNG", icc_profile=SRGB, dpi=(96, 96))


def checked_webp() -> bytes:
    return encoded(scene((2000, 1000)), "WEBP", exif=orientation_only(1), icc_profile=SRGB)


def checked_heic() -> bytes:
    return encoded(scene((2400, 1800)), "HEIF", quality=60)


SAFE_SVG = b"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Gemaakt door Jan Jansen -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
     xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:xlink="http://www.w3.org/1999/xlink"
     viewBox="0 0 100 50" sodipodi:docname="/home/jan/Documenten/schema.svg" inkscape:export-filename="/home/jan/schema.png">
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description about="Jan Jansen"/></rdf:RDF></metadata>
  <sodipodi:namedview pagecolor="#ffffff"/>
  <defs><linearGradient id="kleur"><stop offset="0" stop-color="#c33"/><stop offset="1" stop-color="#33c"/></linearGradient></defs>
  <style>.vak > rect { stroke: #000 }</style>
  <g class="vak" inkscape:label="Laag 1"><rect width="60" height="30" fill="url(#kleur)"/><use xlink:href="#kleur"/></g>
  <text x="5" y="45">Wijkteam &amp; bewoners</text>
</svg>
"""
UNSAFE_SVGS = {
    "script": (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "een script"),
    "event attribute": (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>', "onload"),
    "javascript link": (b'<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(javascript:alert(1))"/></svg>', "javascript:"),
    "HTML inside": (b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>', "foreignObject"),
    "outside file": (b'<svg xmlns="http://www.w3.org/2000/svg"><use href="https://example.org/x.svg#a"/></svg>', "ander bestand"),
    "outside CSS": (b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://example.org/x.css);</style></svg>', "CSS"),
    "embedded photo": (b'<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/jpeg;base64,AAAA"/></svg>', "<image>"),
}


def huge_png() -> bytes:
    """8000 x 6000 = 48 megapixel (a phone's large mode), one colour: a few kB."""
    return encoded(Image.new("1", (8000, 6000)), "PNG")


# --- reading published files -------------------------------------------------------


def container_parts(data: bytes) -> list[str]:
    """The segments of a JPEG, the chunks of a PNG or a WebP: where metadata would be."""
    if data[:2] == b"\xff\xd8":
        parts, at = [], 2
        while at < len(data) and data[at] == 0xFF:
            marker = data[at + 1]
            if marker == 0xDA:  # start of scan: image data follows
                break
            length = struct.unpack(">H", data[at + 2 : at + 4])[0]
            parts.append(f"APP{marker - 0xE0}" if 0xE0 <= marker <= 0xEF else "COM" if marker == 0xFE else f"{marker:02X}")
            at += 2 + length
        return parts
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        parts, at = [], 8
        while at < len(data):
            length, kind = struct.unpack(">I4s", data[at : at + 8])
            parts.append(kind.decode("latin-1"))
            at += 12 + length
        return parts
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        parts, at = [], 12
        while at + 8 <= len(data):
            kind, length = struct.unpack("<4sI", data[at : at + 8])
            parts.append(kind.decode("latin-1"))
            at += 8 + length + (length & 1)
        return parts
    raise AssertionError(f"not a JPEG, PNG or WebP: {data[:12]!r}")


# What an image without metadata is made of: JFIF header, tables, frame;
# PNG header, palette, transparency, data; WebP frame and alpha.
PLAIN_PARTS = {"APP0", "DB", "C0", "C2", "C4", "DD", "IHDR", "PLTE", "tRNS", "IDAT", "IEND", "VP8 ", "VP8L", "VP8X", "ALPH"}
METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile", "photoshop", "Author", "Comment"}


def metadata_in(data: bytes) -> list[str]:
    """Everything in a raster image that is not pixels: [] for a clean file."""
    found = [part for part in container_parts(data) if part not in PLAIN_PARTS]
    with Image.open(io.BytesIO(data)) as image:
        found += [f"EXIF {dict(image.getexif())}"] if image.getexif() else []
        found += sorted(METADATA_KEYS & set(image.info))
        found += [f"text {image.text}"] if getattr(image, "text", None) else []
        found += ["animation"] if getattr(image, "n_frames", 1) > 1 else []
    if data[:2] == b"\xff\xd8":
        found += [marker.decode() for marker in (b"Exif", b"http://ns.adobe.com/xap", b"ICC_PROFILE", b"Photoshop 3.0") if marker in data]
    return found


def test_the_metadata_reader_sees_what_phones_write():
    """The check below is only as good as this: every source file is flagged."""
    for data in (phone_jpeg(), png_with_text(), webp_with_exif()):
        found = metadata_in(data)
        assert any(item.startswith("EXIF") for item in found) and ("xmp" in found or "XML:com.adobe.xmp" in found), found
    assert "comment" in metadata_in(phone_jpeg()) and "COM" in metadata_in(phone_jpeg())
    assert "icc_profile" in metadata_in(png_with_text()) and any(i.startswith("text") for i in metadata_in(png_with_text()))


# --- the pipeline, file by file ------------------------------------------------------


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


def test_phone_photo_is_upright_and_without_metadata(tmp_path):
    source = tmp_path / "staand.jpg"
    source.write_bytes(phone_jpeg((4000, 3000), orientation=6))  # portrait, stored on its side
    result = images.render(source, tmp_path / "cache")
    large = result.variants["groot"]
    assert (large.width, large.height) == (1600, 2133)
    for variant in result.variants.values():
        for path in (variant.webp, variant.fallback):
            assert metadata_in(path.read_bytes()) == [], path.name
    with Image.open(large.fallback) as image:
        # Turned a quarter clockwise: the red quarter is now top right.
        assert image.getpixel((1500, 100))[0] > 180 and image.getpixel((100, 100))[0] < 100


def test_colour_profile_is_applied_then_dropped(tmp_path):
    source = tmp_path / "profiel.png"
    source.write_bytes(png_with_text())
    cleaned = images.page_file(source, tmp_path / "cache")
    with Image.open(cleaned) as image, Image.open(source) as original:
        assert "icc_profile" not in image.info and image.mode == "RGBA"
        assert image.getpixel((10, 10)) == original.getpixel((10, 10))  # sRGB to sRGB: the same colour


def test_animated_gif_publishes_its_first_frame(tmp_path):
    source = tmp_path / "beweging.gif"
    source.write_bytes(animated_gif())
    result = images.render(source, tmp_path / "cache")
    for variant in result.variants.values():
        for path in (variant.webp, variant.fallback):
            with Image.open(path) as image:
                assert getattr(image, "n_frames", 1) == 1 and image.size == (300, 200)
            assert metadata_in(path.read_bytes()) == []
    assert result.variants["groot"].fallback.suffix == ".png"  # a drawing: no JPEG blur


def test_heic_from_a_phone_is_read_and_published_as_jpeg(tmp_path):
    source = tmp_path / "telefoon.heic"
    source.write_bytes(phone_heic())
    assert images.readable_image_problem(source) is None
    cleaned = images.page_file(source, tmp_path / "cache")
    assert cleaned.suffix == ".jpg" and metadata_in(cleaned.read_bytes()) == []
    with Image.open(cleaned) as image:
        assert image.size == (1600, 1200)


def test_svg_is_written_anew_without_metadata(tmp_path):
    source = tmp_path / "schema.svg"
    source.write_bytes(SAFE_SVG)
    assert images.readable_image_problem(source) is None
    cleaned = images.page_file(source, tmp_path / "cache").read_text(encoding="utf-8")
    for gone in ("Jan Jansen", "/home/jan", "inkscape", "sodipodi", "metadata", "<!--"):
        assert gone not in cleaned
    for kept in ('viewBox="0 0 100 50"', 'fill="url(#kleur)"', 'xlink:href="#kleur"', "Wijkteam &amp; bewoners", ".vak &gt; rect"):
        assert kept in cleaned


@pytest.mark.parametrize("name", list(UNSAFE_SVGS))
def test_unsafe_svg_is_refused_with_the_reason(tmp_path, name):
    data, reason = UNSAFE_SVGS[name]
    source = tmp_path / "onveilig.svg"
    source.write_bytes(data)
    problem = images.readable_image_problem(source)
    assert problem is not None and problem.startswith("de SVG bevat") and reason in problem, problem
    assert "gewone SVG" in problem and "PNG" in problem


def test_over_40_megapixel_is_refused_before_decoding(tmp_path, monkeypatch):
    source = tmp_path / "groot.png"
    source.write_bytes(huge_png())
    monkeypatch.setattr(Image.Image, "load", lambda self: pytest.fail("decoded a refused image"))
    problem = images.readable_image_problem(source)
    assert problem is not None and "8000 × 6000 pixels (48 megapixel)" in problem and "40 megapixel" in problem


def test_cache_is_keyed_on_content_and_reused(tmp_path, monkeypatch):
    source = photo(tmp_path / "foto.jpg")
    first = images.render(source, tmp_path / "cache")
    stamps = {p: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()}
    calls = []
    monkeypatch.setattr(images, "_write", lambda *args, **kwargs: calls.append(args))
    monkeypatch.setattr(Image.Image, "load", lambda self: calls.append("decoded"))
    second = images.render(source, tmp_path / "cache")
    assert images.page_file(source, tmp_path / "cache") == first.variants["groot"].fallback
    assert calls == [] and second == first
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()} == stamps
    monkeypatch.undo()
    photo(source, size=(3000, 3000))  # new content, new key
    third = images.render(source, tmp_path / "cache")
    assert third.variants["groot"].webp != first.variants["groot"].webp


# --- make check -----------------------------------------------------------------------


def news(body: str, *front: str) -> str:
    return "\n".join(["---", "title: Foto's", "date: 2026-11-01", *front, "---", "", body, ""])


@pytest.mark.parametrize("where", ["front matter", "text", "plain link"])
@pytest.mark.parametrize("kind", ["over 40 megapixel", "SVG with a script"])
def test_make_check_refuses_with_file_and_line(repo, where, kind):
    name, data, words = {
        "over 40 megapixel": ("groot.png", huge_png(), "48 megapixel"),
        "SVG with a script": ("tekening.svg", UNSAFE_SVGS["script"][0], "een script"),
    }[kind]
    repo.write(f"nieuws/afbeeldingen/{name}", data)
    if where == "front matter":
        repo.write("nieuws/a.md", news("Tekst.", f"image: afbeeldingen/{name}", "image_alt: Een foto"))
        line = 4
    else:
        link = f"![Een foto](afbeeldingen/{name})" if where == "text" else f"[de foto in groot](afbeeldingen/{name})"
        repo.write("nieuws/a.md", news(f"Eerst tekst.\n\n{link}"))
        line = 8
    with pytest.raises(ContentError) as error:
        load_all(repo.settings, today=dt.date(2026, 11, 22))
    [problem] = error.value.problems
    assert (problem.path, problem.line) == ("posts/nieuws/a.md", line) and words in problem.message, problem


def test_make_check_command_names_the_huge_photo(project):
    project.write("nieuws/afbeeldingen/groot.png", huge_png())
    project.write("nieuws/a.md", news("Tekst.", "image: afbeeldingen/groot.png", "image_alt: Een plein"))
    result = subprocess.run(
        [sys.executable, "-m", "werkplaats.editing.check"],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "SITE_TODAY": "2026-11-22"},
    )
    assert result.returncode == 1
    assert "posts/nieuws/a.md:4: image: afbeeldingen/groot.png: de afbeelding is 8000 × 6000 pixels" in result.stdout


def test_an_attached_unsafe_image_is_refused_by_check_and_build(project):
    """Attachments are any file; an attached image is published cleaned, so
    make check opens it, and the build stops with the same line."""
    from conftest import BuildFailed, run_mkdocs

    project.write("verslagen/bijlagen/tekening.svg", UNSAFE_SVGS["script"][0])
    project.write("verslagen/a.md", news("Tekst.", "attachments:", "  - title: De tekening", "    file: bijlagen/tekening.svg"))
    with pytest.raises(ContentError) as checked:
        load_all(project.settings)
    [problem] = [str(p) for p in checked.value.problems]
    assert problem.startswith("posts/verslagen/a.md:4: attachments: bijlage bijlagen/tekening.svg: de SVG bevat een script")
    with pytest.raises(BuildFailed) as failed:
        run_mkdocs(project.root, project.root.parent / "site", "2026-11-22")
    assert problem in str(failed.value)
    assert "Traceback" not in str(failed.value)


# --- a whole build -----------------------------------------------------------------------

PHOTOS_POST = """---
title: Fotoverslag van de wijkavond
date: 2026-11-01
image: afbeeldingen/staand.jpg
image_alt: Bewoners aan een lange tafel
---

Een avond vol ideeën.

![Het schoolplein](afbeeldingen/plein.png)

![De flip-over, even bewegend](afbeeldingen/beweging.gif)

![Een foto van de telefoon](afbeeldingen/telefoon.heic)

![Het schema van de avond](afbeeldingen/schema.svg)

![Het zaaltje](afbeeldingen/zaal.webp)

Bekijk ook [de foto van de tafel in het groot](afbeeldingen/staand.jpg).
"""
REPORT = """---
title: Verslag met een telefoonfoto
date: 2026-11-02
image: ../nieuws/afbeeldingen/telefoon.heic
image_alt: Het plein vanaf het dak
---

Tekst.
"""
EVENT = """---
title: Wijkavond in beeld
start: 2026-12-03 19:00
location: Dordrecht
---

Zo zag het plein er vorig jaar uit.

![Het schoolplein vol kramen](../nieuws/afbeeldingen/plein.png)
"""
DRAFT = """---
title: Nog niet klaar
date: 2026-11-03
draft: true
---

![Nog geheim](afbeeldingen/concept.jpg)
"""
# As make check lets them in: stored on its side, with colour profiles (the
# SVG with its editor's comments and paths, which are the drawing's source).
SOURCES = {
    "nieuws/afbeeldingen/staand.jpg": checked_jpeg((4000, 3000), orientation=6),
    "nieuws/afbeeldingen/plein.png": checked_png(),
    "nieuws/afbeeldingen/beweging.gif": animated_gif(comment=b""),
    "nieuws/afbeeldingen/telefoon.heic": checked_heic(),
    "nieuws/afbeeldingen/schema.svg": SAFE_SVG,
    "nieuws/afbeeldingen/zaal.webp": checked_webp(),
    "nieuws/afbeeldingen/wees.jpg": checked_jpeg((800, 600)),  # linked from nowhere
    "nieuws/afbeeldingen/concept.jpg": checked_jpeg((800, 600), orientation=1),  # only in a draft
}
RASTER = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".avif", ".tif", ".tiff", ".bmp")


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    from conftest import Project

    project = Project(tmp_path_factory.mktemp("fotos") / "project")
    for rel, data in SOURCES.items():
        project.write(rel, data)
    project.write("nieuws/fotoverslag.md", PHOTOS_POST)
    project.write("verslagen/telefoon.md", REPORT)
    project.write("nieuws/concept.md", DRAFT)
    project.write("agenda/wijkavond.md", EVENT)
    return project, project.build("2026-11-22")


def test_every_published_image_is_clean_and_none_is_an_original(photo_site):
    project, site = photo_site
    originals = {hashlib.sha256(p.read_bytes()).hexdigest(): p.name for p in (project.root / "posts").rglob("*") if p.is_file()}
    published = [p for p in site.rglob("*") if p.is_file() and p.suffix.lower() in RASTER + (".svg",)]
    kinds = {p.suffix.lower() for p in published}
    assert {".jpg", ".png", ".webp", ".svg"} <= kinds and not kinds & {".gif", ".heic"}
    for path in site.rglob("*"):
        if path.is_file():
            assert hashlib.sha256(path.read_bytes()).hexdigest() not in originals, (
                f"{path} is {originals.get(hashlib.sha256(path.read_bytes()).hexdigest())}"
            )
    for path in published:
        if path.suffix == ".svg":
            text = path.read_text(encoding="utf-8")
            assert "<script" not in text and "Jan Jansen" not in text and "/home/jan" not in text, path
            continue
        assert metadata_in(path.read_bytes()) == [], path
        with Image.open(path) as image:
            assert image.width <= 1600, path


def test_images_in_the_text_point_to_cleaned_files(photo_site):
    _, site = photo_site
    url = "nieuws/2026/11/01/fotoverslag-van-de-wijkavond/"
    article = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml").select_one("article")
    found = {}
    for img in article.select(".md-content img[src], .md-typeset img[src]"):
        if img.find_parent("picture"):
            continue
        found[img["alt"]] = (site / url / img["src"]).resolve()
    assert set(found) == {
        "Het schoolplein",
        "De flip-over, even bewegend",
        "Een foto van de telefoon",
        "Het schema van de avond",
        "Het zaaltje",
    }
    formats = {}
    for alt, path in found.items():
        assert path.is_file() and path.is_relative_to(site.resolve()), alt
        if path.suffix == ".svg":
            formats[alt] = "SVG"
            continue
        with Image.open(path) as image:
            formats[alt] = image.format
    assert formats == {
        "Het schoolplein": "PNG",
        "De flip-over, even bewegend": "PNG",
        "Een foto van de telefoon": "JPEG",
        "Het schema van de avond": "SVG",
        "Het zaaltje": "JPEG",
    }
    link = article.find("a", string="de foto van de tafel in het groot")
    with Image.open((site / url / link["href"]).resolve()) as image:
        assert image.format == "JPEG" and image.size == (1600, 2133)  # upright, scaled


def test_an_image_in_an_event_points_to_the_same_cleaned_file(photo_site):
    _, site = photo_site
    event_url, post_url = "agenda/2026/12/03/wijkavond-in-beeld/", "nieuws/2026/11/01/fotoverslag-van-de-wijkavond/"
    event = BeautifulSoup((site / event_url / "index.html").read_text(encoding="utf-8"), "lxml")
    post = BeautifulSoup((site / post_url / "index.html").read_text(encoding="utf-8"), "lxml")
    in_event = (site / event_url / event.find("img", alt="Het schoolplein vol kramen")["src"]).resolve()
    in_post = (site / post_url / post.find("img", alt="Het schoolplein")["src"]).resolve()
    assert in_event == in_post and in_event.is_file()


def test_front_matter_heic_becomes_a_picture(photo_site):
    _, site = photo_site
    url = "nieuws/2026/11/02/verslag-met-een-telefoonfoto/"
    picture = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml").select_one("article picture")
    assert picture.source["type"] == "image/webp" and picture.img["src"].endswith(".jpg")
    assert (site / url / picture.img["src"]).resolve().is_file()


def test_images_nobody_links_to_are_not_published(photo_site):
    _, site = photo_site
    sizes = {(800, 600)}
    for path in site.rglob("*"):
        if path.is_file() and path.suffix.lower() in RASTER:
            with Image.open(path) as image:
                assert image.size not in sizes, f"{path}: the orphan or the draft's image was published"


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


def test_a_narrow_image_gets_one_srcset_candidate_per_width(tmp_path):
    """Narrower than the small variant: both variants have its width, and a
    srcset may not name one width twice (the Nu HTML Checker refuses it)."""
    source = tmp_path / "smal.png"
    Image.new("RGB", (480, 300), "teal").save(source)
    rendition = images.render(source, tmp_path / "cache")
    data = views.picture(rendition, "Smal", lambda path: path.name)
    for kind in ("webp", "fallback"):
        widths = [candidate["width"] for candidate in data[kind]]
        assert widths == [480], (kind, data[kind])
