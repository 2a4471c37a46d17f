"""overrides/admin/clean-photos.js in Chromium: what the CMS does to a photo
before Decap uploads it. Every format it cleans comes out accepted by
`make check`'s rule (werkplaats/content/photo_metadata.py), with the same pixels
and the same orientation. The upload through `make cms` itself, saved and
read back, is tests/test_cms_e2e.py."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from PIL import ExifTags, Image, PngImagePlugin
from test_cms_e2e import phone_photo

from werkplaats.content import photo_metadata

SCRIPT = Path(__file__).resolve().parent.parent / "overrides" / "admin" / "clean-photos.js"
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description exif:GPSLatitude="51,48.6N"/></x:xmpmeta>'


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<!doctype html><title>foto</title><input type=file id=kies multiple>")
    page.add_script_tag(path=str(SCRIPT))
    yield page
    context.close()


def cleaned(page, data: bytes) -> bytes:
    out = page.evaluate(
        """b64 => {
            const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
            let text = "";
            for (const b of window.werkplaatsCleanPhoto(bytes)) text += String.fromCharCode(b);
            return btoa(text);
        }""",
        base64.b64encode(data).decode(),
    )
    return base64.b64decode(out)


def accepted(tmp_path: Path, data: bytes, suffix: str) -> list[str]:
    """What make check's rule finds in the file (nothing: accepted)."""
    path = tmp_path / f"foto{suffix}"
    path.write_bytes(data)
    return photo_metadata.findings(path)


def same_picture(before: bytes, after: bytes) -> bool:
    with Image.open(io.BytesIO(before)) as a, Image.open(io.BytesIO(after)) as b:
        frames = getattr(a, "n_frames", 1)
        if frames != getattr(b, "n_frames", 1) or a.size != b.size:
            return False
        for index in range(frames):
            a.seek(index)
            b.seek(index)
            if a.convert("RGBA").tobytes() != b.convert("RGBA").tobytes():
                return False
        return True


def orientation(data: bytes) -> int:
    with Image.open(io.BytesIO(data)) as image:
        return image.getexif().get(ExifTags.Base.Orientation, 1)


@pytest.mark.parametrize("turn", range(1, 9))
def test_a_phone_jpeg_keeps_its_pixels_and_orientation_and_nothing_else(page, tmp_path, turn):
    original = phone_photo(turn, size=(320, 200))
    assert set(accepted(tmp_path, original, ".jpg")) >= {photo_metadata.LOCATION, photo_metadata.SERIAL, photo_metadata.XMP}
    clean = cleaned(page, original)
    assert accepted(tmp_path, clean, ".jpg") == []
    assert same_picture(original, clean) and orientation(clean) == turn
    with Image.open(io.BytesIO(clean)) as image:
        assert dict(image.getexif()) == ({} if turn == 1 else {ExifTags.Base.Orientation: turn})


def test_a_progressive_jpeg_with_a_thumbnail_and_data_after_the_picture(page, tmp_path):
    with Image.open(io.BytesIO(phone_photo(3, size=(333, 250)))) as image:
        out = io.BytesIO()
        image.save(out, "JPEG", progressive=True, restart_marker_blocks=4, exif=image.info["exif"], quality=80)
    data = out.getvalue()
    # JFIF with a 1 x 1 thumbnail, and a phone's video after the end of the picture.
    jfif = b"\xff\xe0\x00\x13JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x01\x01\x10\x20\x30"
    assert data[2:4] == b"\xff\xe0"
    length = int.from_bytes(data[4:6], "big")
    original = data[:2] + jfif + data[4 + length :] + b"ftypmp42 video met GPS"
    assert photo_metadata.TRAILER in accepted(tmp_path, original, ".jpg")
    clean = cleaned(page, original)
    assert accepted(tmp_path, clean, ".jpg") == [] and same_picture(original, clean) and orientation(clean) == 3
    assert clean[2:6] == b"\xff\xe0\x00\x10" and clean[18:20] == b"\x00\x00"  # JFIF without its thumbnail
    assert clean.endswith(b"\xff\xd9")


def test_a_png_loses_its_text_and_exif_but_not_its_orientation(page, tmp_path):
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jan Jansen")
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 8
    exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] = "N"
    out = io.BytesIO()
    Image.linear_gradient("L").resize((60, 40)).convert("RGBA").save(out, "PNG", pnginfo=info, exif=exif)
    original = out.getvalue()
    clean = cleaned(page, original)
    assert accepted(tmp_path, clean, ".png") == [] and same_picture(original, clean) and orientation(clean) == 8


@pytest.mark.parametrize("options", [{"lossless": True}, {"quality": 80}], ids=["lossless", "lossy"])
def test_a_webp_loses_its_exif_and_xmp_and_flags(page, tmp_path, options):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "Telefoonmerk"
    out = io.BytesIO()
    Image.linear_gradient("L").resize((60, 40)).convert("RGBA").save(out, "WEBP", exif=exif, xmp=XMP, **options)
    original = out.getvalue()
    clean = cleaned(page, original)
    assert accepted(tmp_path, clean, ".webp") == [] and same_picture(original, clean) and orientation(clean) == 6
    assert clean[20 + 8] & 0x04 == 0  # VP8X: no XMP any more


def test_a_gif_loses_its_comment_and_xmp(page, tmp_path):
    frames = [Image.new("P", (20, 10), index) for index in (1, 2)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], loop=0, comment=b"Gemaakt in Dordrecht")
    data = out.getvalue()
    xmp_block = b"\x21\xff\x0bXMP DataXMP" + bytes([len(XMP)]) + XMP + b"\x00"
    original = data[:-1] + xmp_block + data[-1:]
    assert set(accepted(tmp_path, original, ".gif")) == {photo_metadata.TEXT, photo_metadata.XMP}
    clean = cleaned(page, original)
    assert accepted(tmp_path, clean, ".gif") == [] and same_picture(original, clean)


def test_the_choice_in_the_page_is_replaced_by_the_clean_file(page, tmp_path):
    """The capture listener on window: what the page's own listener (React's,
    in the admin) receives is the cleaned file, with the same name and type;
    a HEIC is refused with a Dutch explanation, a PDF passes as it is."""
    page.evaluate(
        """() => { window.received = [];
            document.getElementById('kies').addEventListener('change', async e => {
                for (const f of e.target.files) window.received.push([f.name, f.type, btoa(String.fromCharCode(...new Uint8Array(await f.arrayBuffer())))]);
            }); }"""
    )
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    photo, heic, pdf = tmp_path / "foto.jpg", tmp_path / "foto.heic", tmp_path / "programma.pdf"
    photo.write_bytes(phone_photo(6, size=(64, 48)))
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00heicmif1")
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page.locator("#kies").set_input_files([str(photo), str(heic), str(pdf)])
    page.wait_for_function("window.received.length === 2")
    (name, kind, data), (pdf_name, _, pdf_data) = page.evaluate("window.received")
    assert (name, kind, pdf_name) == ("foto.jpg", "image/jpeg", "programma.pdf")
    assert accepted(tmp_path, base64.b64decode(data), ".jpg") == [] and base64.b64decode(pdf_data) == pdf.read_bytes()
    assert len(dialogs) == 1 and "HEIC" in dialogs[0] and "JPEG" in dialogs[0]
