"""Images in posts/ carry their pixels and nothing that tells where, who or with what.

A phone photo stores where it was taken (EXIF GPS), the make, model and
serial number of the camera, often the owner's name, and sometimes a small
copy of the uncropped picture. The site never publishes an editor's file
(werkplaats.content.images draws every published image anew), but the repository
is public and git keeps every version of every file for good. So the file
in posts/ itself must be clean, and `make check`, the build and the
pull-request check refuse every image file under posts/ (any suffix in
werkplaats.content.images.SUFFIXES, linked from a post or not) that carries more.

The rule, for every format:

Allowed: what shows the pixels right, and nothing else.
  - EXIF holding only the orientation, the resolution and the image's
    structure (Orientation, X/YResolution, ResolutionUnit, the colour
    layout tags, ExifVersion, ColorSpace, PixelX/YDimension);
  - the colour profile (ICC) and other colour information (PNG gAMA, cHRM,
    sRGB, cICP; JPEG's Adobe segment);
  - JFIF's header (resolution), transparency, animation control (PNG acTL,
    fcTL, fdAT; WebP ANIM, ANMF; GIF's loop count).

Refused, each told in plain Dutch words (the constants below):
  - LOCATION: a GPS position (EXIF GPS with any tag but its version);
  - NAMES: Artist, Copyright, CameraOwnerName, Windows' XPAuthor, PNG text
    "Author" or "Copyright", an SVG's dc:creator, dc:rights ...;
  - SERIAL: BodySerialNumber, LensSerialNumber, DNG's CameraSerialNumber;
  - MAKERNOTE: the camera maker's own block, where the serial number sits;
  - TEXT: ImageDescription, UserComment, Windows' XP fields, JPEG and GIF
    comments, any other PNG text chunk (free text holds anything);
  - THUMBNAIL: EXIF's or JFIF's small copy of the picture: it can still
    show what was cropped away;
  - EXTRA_IMAGES: more pictures in the file (JPEG MPF: a preview, a depth
    map, a second exposure; HEIF thumbnails and depth images), each with
    data of its own;
  - TRAILER: data after the end of the picture (a phone's motion video,
    Samsung's trailer with the network the phone was on);
  - XMP: any XMP packet, in any format: it commonly holds the place
    (exif:GPS*, photoshop:City, Iptc4xmpCore:Location), names and the
    camera, and reading every vocabulary right is not a rule anyone can
    check by eye;
  - IPTC: IPTC and Photoshop blocks (byline, city, caption);
  - C2PA: content credentials (who made and edited the picture);
  - CAMERA, TIME, OTHER: every other EXIF tag (make and model, when it was
    taken, exposure, software): camera data by definition;
  - UNKNOWN: any other segment or chunk a reader cannot vouch for.

Formats: JPEG, PNG, WebP and GIF are read from their headers (segments,
chunks, blocks; no pixel is decoded), HEIF/HEIC/AVIF and TIFF through
Pillow's and pillow-heif's header readers, SVG as text (XMP packets and
names in its metadata; the rest of an SVG is the drawing's own source).
BMP holds no such data. JPEG: the end of the file is read too, to find
data after the picture.

The cleaner (`make foto-schoon BESTAND=...`, `python -m
werkplaats.content.photo_metadata FILE...`, clean() below) writes the same picture
without anything refused, in place (a temporary file in the same folder,
then os.replace), and only when the check finds something: on a clean
file it changes nothing. A JPEG, PNG or WebP stored on its side (EXIF
orientation 2-8) is turned upright in its pixels (ImageOps.exif_transpose);
otherwise the picture's own bytes are kept as they are (segments and
chunks left out, nothing re-encoded). Turning a JPEG re-encodes it with
its own quantisation tables and subsampling; when the turn moves the 8x8
blocks, with no table step coarser than at quality 95 either. HEIF, AVIF
and TIFF are not cleaned (that needs a lossy re-encode or loses the
format): the message says to export a JPEG.

The CMS cleans photos itself before uploading (overrides/admin/), keeping
an EXIF with only the orientation; this rule accepts what it writes.
"""

from __future__ import annotations

import functools
import io
import os
import re
import shlex
import stat
import struct
import sys
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import ExifTags, Image, ImageOps, JpegImagePlugin

from ..core.commands import parser as command_parser
from ..core.settings import Settings
from .entries import Problem, rel_path
from .images import SUFFIXES
from .svg import parse as parse_svg

# --- what was found, in the words an editor reads (in this order) ---------------

LOCATION = "de GPS-positie (waar de foto gemaakt is)"
NAMES = "de naam van de maker of eigenaar"
SERIAL = "het serienummer van de camera of lens"
MAKERNOTE = "eigen gegevens van de cameramaker (MakerNote, met vaak het serienummer van de camera)"
TEXT = "een beschrijving of opmerking"
THUMBNAIL = "een verkleinde kopie van de foto (daarop kan nog staan wat is weggesneden)"
EXTRA_IMAGES = "nog andere beelden in het bestand (zoals een voorbeeldbeeld of een dieptekaart)"
TRAILER = "gegevens achter de foto (zoals een korte video of gegevens van de telefoon)"
XMP = "XMP-gegevens (daarin staan vaak de plaats, namen en de camera)"
IPTC = "IPTC-gegevens (daarin staan vaak namen, de plaats en een bijschrift)"
C2PA = "C2PA-gegevens (wie de foto maakte en bewerkte)"
CAMERA = "het merk en type van de camera of telefoon"
TIME = "de datum en tijd van de opname"
OTHER = "andere opnamegegevens (zoals sluitertijd, diafragma en software)"
UNREADABLE_EXIF = "EXIF-gegevens die niet te lezen zijn"
UNKNOWN = "onbekende extra gegevens ({name})"
ORDER = (LOCATION, NAMES, SERIAL, MAKERNOTE, TEXT, THUMBNAIL, EXTRA_IMAGES, TRAILER, XMP, IPTC, C2PA, CAMERA, TIME, OTHER, UNREADABLE_EXIF)

COMMAND = "make foto-schoon BESTAND={path}"
CLEANABLE = ("jpeg", "png", "webp", "gif", "svg")  # the formats clean() writes
_FORMAT_NAMES = {"heif": "HEIC/HEIF", "avif": "AVIF", "tiff": "TIFF"}

# --- EXIF -------------------------------------------------------------------------

# IFD0: how to show the pixels (size, orientation, resolution, colour layout)
# and the pointers to the Exif and GPS IFDs, which are read in turn.
_IFD0_KEPT = frozenset(
    {0x0100, 0x0101, 0x0102, 0x0103, 0x0106, 0x0112, 0x0115, 0x011A, 0x011B, 0x011C, 0x0128}
    | {0x013E, 0x013F, 0x0211, 0x0212, 0x0213, 0x0214, 0x8769, 0x8825}
)
# A TIFF file's own structure (strips, tiles, samples, colour map, ICC profile).
_TIFF_KEPT = _IFD0_KEPT | frozenset(
    {0x00FE, 0x00FF, 0x0107, 0x0108, 0x0109, 0x010A, 0x0111, 0x0116, 0x0117, 0x0118, 0x0119, 0x0122, 0x0123}
    | {0x0124, 0x0125, 0x013D, 0x0140, 0x0141, 0x0142, 0x0143, 0x0144, 0x0145, 0x0152, 0x0153, 0x0154, 0x0155}
    | {0x015B, 0x8773}
)
# The Exif IFD: versions, colour space, pixel size, the Interop pointer.
_EXIF_KEPT = frozenset({0x9000, 0x9101, 0xA000, 0xA001, 0xA002, 0xA003, 0xA005, 0xA500})
_EXIF_NAMED = {
    **dict.fromkeys((0x013B, 0x8298, 0xA430, 0x9C9D), NAMES),  # Artist, Copyright, CameraOwnerName, XPAuthor
    **dict.fromkeys((0xA431, 0xA435, 0xC62F), SERIAL),  # BodySerialNumber, LensSerialNumber, CameraSerialNumber
    0x927C: MAKERNOTE,
    **dict.fromkeys((0x010E, 0x9286, 0x9C9B, 0x9C9C, 0x9C9E, 0x9C9F), TEXT),  # ImageDescription, UserComment, XP*
    **dict.fromkeys((0x010F, 0x0110, 0xA433, 0xA434, 0x013C), CAMERA),  # Make, Model, LensMake, LensModel, HostComputer
    **dict.fromkeys((0x0132, 0x9003, 0x9004, 0x9010, 0x9011, 0x9012, 0x9290, 0x9291, 0x9292), TIME),
    0x02BC: XMP,  # TIFF's XMP tag
    0x83BB: IPTC,  # TIFF's IPTC tag
    0x8649: IPTC,  # TIFF's Photoshop tag
}
_MAY_BE_BLANK = (NAMES, TEXT)  # cameras write these empty: then it is just another tag


def _blank(value) -> bool:
    if isinstance(value, bytes):
        if value[:8] in (b"ASCII\0\0\0", b"UNICODE\0", b"JIS\0\0\0\0\0", b"\0" * 8):
            value = value[8:]
        return not value.strip(b"\0 \t\r\n")
    if isinstance(value, str):
        return not value.strip("\0 \t\r\n")
    return False


def _tag_findings(tags: dict, kept: frozenset) -> set[str]:
    found = set()
    for tag, value in tags.items():
        if tag in kept:
            continue
        what = _EXIF_NAMED.get(tag, OTHER)
        found.add(OTHER if what in _MAY_BE_BLANK and _blank(value) else what)
    return found


def exif_findings(data: bytes) -> set[str]:
    """What an EXIF block (a TIFF structure, with or without "Exif\\0\\0")
    holds beyond orientation, resolution and structure."""
    exif = Image.Exif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exif.load(data)
            found = _tag_findings(dict(exif), _IFD0_KEPT)
            if ExifTags.IFD.Exif in exif:
                found |= _tag_findings(exif.get_ifd(ExifTags.IFD.Exif), _EXIF_KEPT)
            if ExifTags.IFD.GPSInfo in exif and set(exif.get_ifd(ExifTags.IFD.GPSInfo)) - {0}:  # 0: GPSVersionID
                found.add(LOCATION)
            if exif.get_ifd(ExifTags.IFD.IFD1):
                found.add(THUMBNAIL)
    except Exception:  # noqa: BLE001 - a damaged block is refused, whatever Pillow raises
        return {UNREADABLE_EXIF}
    return found


def _orientation(data: bytes | None) -> int:
    """EXIF orientation 1-8 of an EXIF block; 1 when absent or unreadable."""
    if not data:
        return 1
    exif = Image.Exif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exif.load(data)
            value = exif.get(0x0112, 1)
    except Exception:  # noqa: BLE001
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


# --- reading the formats --------------------------------------------------------------


class _Unreadable(Exception):
    """Not the format it looks like, or cut short: other checks say so."""


def _sniff(head: bytes, suffix: str) -> str | None:
    if head[:3] == b"\xff\xd8\xff":
        return "jpeg"
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] in (b"II*\0", b"MM\0*", b"II+\0", b"MM\0+"):
        return "tiff"
    if head[4:8] == b"ftyp":
        return "avif" if head[8:12] in (b"avif", b"avis") else "heif"
    if head[:2] == b"BM":
        return "bmp"
    if suffix == ".svg":
        return "svg"
    return None


# JPEG APPn segments allowed, by their identifier; any other APPn is refused.
_JPEG_KEPT = {0xE0: (b"JFIF\0",), 0xE2: (b"ICC_PROFILE\0",), 0xEE: (b"Adobe",)}
_JPEG_NAMED = {
    (0xE0, b"JFXX\0"): THUMBNAIL,
    (0xE1, b"http://ns.adobe.com/xap/1.0/\0"): XMP,
    (0xE1, b"http://ns.adobe.com/xmp/extension/\0"): XMP,
    (0xE2, b"MPF\0"): EXTRA_IMAGES,
    (0xED, b"Photoshop 3.0\0"): IPTC,
    (0xEB, b"JP"): C2PA,  # JUMBF boxes: content credentials
}
_STANDALONE = frozenset(range(0xD0, 0xD8)) | {0x01}  # RSTn, TEM: no length
_NEXT_MARKER = re.compile(rb"\xff([^\x00\xd0-\xd7\xff])")  # in coded data: stuffing and restarts skipped


@dataclass
class _Segment:
    marker: int
    start: int  # of the 0xFF
    end: int  # after the segment (for SOS: after the coded data)
    payload: bytes  # for APPn and COM; b"" for others
    cut: bool = False  # the file ends inside this segment


def _segment_name(marker: int, payload: bytes) -> str:
    if marker == 0xFE:
        return "COM"
    ident = payload.split(b"\0", 1)[0][:24].decode("latin-1")
    printable = "".join(c for c in ident if c.isprintable()).strip()
    return f"APP{marker - 0xE0} {printable}".strip()


def _jpeg_segment_findings(segment: _Segment) -> set[str]:
    marker, payload = segment.marker, segment.payload
    if marker == 0xFE:
        return {TEXT} if payload.strip(b"\0 \t\r\n") else set()
    if not 0xE0 <= marker <= 0xEF:
        return set()
    if any(payload.startswith(ident) for ident in _JPEG_KEPT.get(marker, ())):
        return set()
    if marker == 0xE1 and payload.startswith(b"Exif\0"):
        return exif_findings(payload) | ({UNREADABLE_EXIF} if segment.cut else set())
    for (named_marker, ident), what in _JPEG_NAMED.items():
        if marker == named_marker and payload.startswith(ident):
            return {what}
    return {UNKNOWN.format(name=_segment_name(marker, payload))}


def _jpeg_header(f) -> tuple[list[_Segment], int]:
    """The segments before the first scan, and where its coded data starts."""
    segments, at = [], 2
    f.seek(2)
    while True:
        byte = f.read(1)
        if not byte:
            raise _Unreadable
        if byte != b"\xff":
            raise _Unreadable
        marker = f.read(1)
        while marker == b"\xff":  # fill bytes
            marker = f.read(1)
        if not marker:
            raise _Unreadable
        code = marker[0]
        if code in _STANDALONE:
            at = f.tell()
            continue
        if code == 0xD9:
            raise _Unreadable  # an end before any picture
        size = f.read(2)
        if len(size) < 2:
            raise _Unreadable
        length = struct.unpack(">H", size)[0]
        if length < 2:
            raise _Unreadable
        if 0xE0 <= code <= 0xEF or code == 0xFE:
            payload = f.read(length - 2)
            if len(payload) < length - 2:  # cut short: judge what there is
                segments.append(_Segment(code, at, f.tell(), payload, cut=True))
                return segments, f.tell()
        else:
            payload = b""
            f.seek(length - 2, os.SEEK_CUR)
        end = f.tell()
        segments.append(_Segment(code, at, end, payload))
        at = end
        if code == 0xDA:
            return segments, end


def _jpeg_walk(data: bytes) -> list[_Segment]:
    """Every segment of a whole JPEG, the coded data of each scan included in
    its SOS segment, up to and including EOI; raises _Unreadable if cut short."""
    segments, at = [], 2
    while True:
        if at + 2 > len(data) or data[at] != 0xFF:
            raise _Unreadable
        code = data[at + 1]
        if code == 0xFF:
            at += 1  # fill byte
            continue
        if code in _STANDALONE:
            at += 2
            continue
        if code == 0xD9:
            segments.append(_Segment(code, at, at + 2, b""))
            return segments
        if at + 4 > len(data):
            raise _Unreadable
        length = struct.unpack(">H", data[at + 2 : at + 4])[0]
        end = at + 2 + length
        if length < 2 or end > len(data):
            raise _Unreadable
        payload = data[at + 4 : end] if 0xE0 <= code <= 0xEF or code == 0xFE else b""
        if code == 0xDA:
            found = _NEXT_MARKER.search(data, end)
            if not found:
                raise _Unreadable
            end = found.start()
        segments.append(_Segment(code, at, end, payload))
        at = end


def _after_eoi(data: bytes, end: int) -> bool:
    """More than padding after the end of the picture."""
    return bool(data[end:].strip(b"\0\xff \t\r\n"))


def _jpeg_findings(path: Path) -> set[str]:
    try:
        return _jpeg_segments_findings(path)
    except (_Unreadable, struct.error):
        return _jpeg_pillow_findings(path)


def _jpeg_pillow_findings(path: Path) -> set[str]:
    """A JPEG whose segments do not follow each other as they should (bytes
    between them, say) that Pillow still opens: what Pillow finds in it."""
    found: set[str] = set()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with Image.open(path) as image:
                for marker, payload in getattr(image, "applist", []):
                    code = 0xFE if marker == "COM" else 0xE0 + int(marker[3:])
                    found |= _jpeg_segment_findings(_Segment(code, 0, 0, payload))
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
            raise _Unreadable from error
    return found


def _jpeg_segments_findings(path: Path) -> set[str]:
    with open(path, "rb") as f:
        segments, _ = _jpeg_header(f)
        found = set().union(*(_jpeg_segment_findings(s) for s in segments))
        # The end of the file: a JPEG ends with EOI (0xFFD9). Only when it
        # does not is the whole file read, to tell data after the picture
        # from a file cut short (which the image checks report).
        f.seek(0, os.SEEK_END)
        size = f.tell()
        f.seek(max(0, size - 4096))
        if f.read().rstrip(b"\0 \t\r\n").endswith(b"\xff\xd9"):
            return found
        f.seek(0)
        data = f.read()
    try:
        segments = _jpeg_walk(data)
    except _Unreadable:
        return found
    found |= set().union(*(_jpeg_segment_findings(s) for s in segments))
    if _after_eoi(data, segments[-1].end):
        found.add(TRAILER)
    return found


# PNG chunks allowed: the picture, its colour and transparency, animation.
_PNG_KEPT = frozenset(
    {"IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "cICP", "mDCv", "cLLi"}
    | {"sBIT", "bKGD", "hIST", "pHYs", "sPLT", "acTL", "fcTL", "fdAT"}
)
_PNG_TEXT = frozenset({"tEXt", "zTXt", "iTXt"})
_PNG_TEXT_NAMED = {
    "xml:com.adobe.xmp": XMP,
    "author": NAMES,
    "copyright": NAMES,
    "artist": NAMES,
    "creator": NAMES,
    "source": CAMERA,
    "software": OTHER,
    "creation time": TIME,
    "raw profile type exif": OTHER,
    "raw profile type app1": OTHER,
    "raw profile type xmp": XMP,
    "raw profile type iptc": IPTC,
    "raw profile type 8bim": IPTC,
}


def _png_chunks(f):
    """(type, offset of data, length, end) of every chunk; the file is read as
    far as the chunk headers (and the data of text and EXIF chunks)."""
    f.seek(8)
    while True:
        at = f.tell()
        header = f.read(8)
        if not header:
            return
        if len(header) < 8:
            raise _Unreadable
        length, kind = struct.unpack(">I4s", header)
        name = kind.decode("latin-1")
        end = at + 12 + length
        yield name, at + 8, length, end
        f.seek(end)
        if name == "IEND":
            return


def _png_text_findings(data: bytes) -> set[str]:
    keyword = data.split(b"\0", 1)[0].decode("latin-1").strip().lower()
    if keyword.startswith("date:"):  # ImageMagick's date:create, date:modify
        return {TIME}
    return {_PNG_TEXT_NAMED.get(keyword, TEXT)}


def _png_findings(path: Path) -> set[str]:
    found: set[str] = set()
    with open(path, "rb") as f:
        ended = None
        for name, at, length, end in _png_chunks(f):
            if name in _PNG_KEPT:
                if name == "IEND":
                    ended = end
                continue
            if name in _PNG_TEXT or name == "eXIf":
                here = f.tell()
                f.seek(at)
                data = f.read(length)
                f.seek(here)
                found |= _png_text_findings(data) if name in _PNG_TEXT else exif_findings(data)
            elif name == "caBX":
                found.add(C2PA)
            else:
                found.add(UNKNOWN.format(name=f"PNG-blok {name}"))
        if ended is not None:
            f.seek(ended)
            if f.read(1 << 16).strip(b"\0 \t\r\n"):
                found.add(TRAILER)
    return found


_WEBP_KEPT = frozenset({"VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP"})


def _webp_chunks(data: bytes):
    """(type, payload start, payload end, chunk end) of each chunk in the RIFF."""
    if len(data) < 12:
        raise _Unreadable
    riff_end = min(len(data), 8 + struct.unpack("<I", data[4:8])[0])
    at = 12
    while at + 8 <= riff_end:
        kind, length = struct.unpack("<4sI", data[at : at + 8])
        end = at + 8 + length + (length & 1)
        yield kind.decode("latin-1"), at + 8, at + 8 + length, end
        at = end


def _webp_riff_end(data: bytes) -> int:
    return 8 + struct.unpack("<I", data[4:8])[0]


def _webp_findings(path: Path) -> set[str]:
    # A WebP's chunks are small but for the picture itself, which is skipped
    # by its length; a photo's whole file is a few MB at most.
    data = path.read_bytes()
    found: set[str] = set()
    for name, start, end, _ in _webp_chunks(data):
        if name in _WEBP_KEPT:
            continue
        if name == "EXIF":
            found |= exif_findings(data[start:end])
        elif name == "XMP ":
            found.add(XMP)
        else:
            found.add(UNKNOWN.format(name=f"WebP-blok {name.strip()}"))
    if data[_webp_riff_end(data) :].strip(b"\0 \t\r\n"):
        found.add(TRAILER)
    return found


_GIF_KEPT_APPS = (b"NETSCAPE2.0", b"ANIMEXTS1.0", b"ICCRGBG1012")  # loop count (twice), colour profile


@dataclass
class _Block:
    kind: str  # "head", "image", "ext", "comment", "app", "end"
    start: int
    end: int
    app: bytes = b""


def _gif_sub_blocks(data: bytes, at: int) -> int:
    """The end of a chain of data sub-blocks starting at `at`."""
    while True:
        if at >= len(data):
            raise _Unreadable
        size = data[at]
        at += 1 + size
        if size == 0:
            return at


def _gif_walk(data: bytes) -> list[_Block]:
    if len(data) < 13:
        raise _Unreadable
    flags = data[10]
    at = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    blocks = [_Block("head", 0, at)]
    while True:
        if at >= len(data):
            raise _Unreadable
        kind = data[at]
        if kind == 0x3B:
            blocks.append(_Block("end", at, at + 1))
            return blocks
        if kind == 0x2C:
            if at + 10 > len(data):
                raise _Unreadable
            local = data[at + 9]
            body = at + 10 + (3 * 2 ** ((local & 7) + 1) if local & 0x80 else 0)
            end = _gif_sub_blocks(data, body + 1)  # after the LZW code size
            blocks.append(_Block("image", at, end))
        elif kind == 0x21:
            if at + 3 > len(data):
                raise _Unreadable
            label = data[at + 1]
            end = _gif_sub_blocks(data, at + 2)
            if label == 0xFE:
                blocks.append(_Block("comment", at, end))
            elif label == 0xFF:
                size = data[at + 2]
                blocks.append(_Block("app", at, end, data[at + 3 : at + 3 + size]))
            else:
                blocks.append(_Block("ext", at, end))  # graphic control, plain text
        else:
            raise _Unreadable
        at = end


def _gif_block_findings(block: _Block) -> set[str]:
    if block.kind == "comment":
        return {TEXT}
    if block.kind == "app" and block.app not in _GIF_KEPT_APPS:
        if block.app.startswith(b"XMP Data"):
            return {XMP}
        return {UNKNOWN.format(name="GIF-blok " + block.app.decode("latin-1", "replace").strip())}
    return set()


def _gif_findings(path: Path) -> set[str]:
    data = path.read_bytes()
    blocks = _gif_walk(data)
    found = set().union(*(_gif_block_findings(b) for b in blocks))
    if data[blocks[-1].end :].strip(b"\0 \t\r\n"):
        found.add(TRAILER)
    return found


def _pillow_findings(path: Path, kind: str) -> set[str]:
    """HEIF/HEIC and AVIF (metadata items), TIFF (its first directory)."""
    found: set[str] = set()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with Image.open(path) as image:
                if kind == "tiff":
                    tags = dict(image.tag_v2)
                    found |= _tag_findings(tags, _TIFF_KEPT)
                    exif = image.getexif()
                    if ExifTags.IFD.Exif in tags:
                        found |= _tag_findings(exif.get_ifd(ExifTags.IFD.Exif), _EXIF_KEPT)
                    if ExifTags.IFD.GPSInfo in tags and set(exif.get_ifd(ExifTags.IFD.GPSInfo)) - {0}:
                        found.add(LOCATION)
                    if getattr(image, "n_frames", 1) > 1:
                        found.add(EXTRA_IMAGES)
                    return found
                info = image.info
                if info.get("exif"):
                    found |= exif_findings(info["exif"])
                if info.get("xmp"):
                    found.add(XMP)
                if info.get("thumbnails") or info.get("depth_images") or getattr(image, "n_frames", 1) > 1:
                    found.add(EXTRA_IMAGES)
                for item in info.get("metadata") or ():
                    kind_of = str(item.get("type", "")).lower() if isinstance(item, dict) else ""
                    found.add(IPTC if "iptc" in kind_of else UNKNOWN.format(name=f"HEIF-metadata {kind_of or '?'}"))
        except (OSError, SyntaxError, ValueError, RuntimeError, struct.error, Image.DecompressionBombError) as error:
            raise _Unreadable from error
    return found


# SVG: an XMP packet, or names in its metadata (dc:creator, dc:rights ...).
_SVG_XMP = re.compile(rb"<\?xpacket|<(?:\w+:)?xmpmeta\b", re.IGNORECASE)
_SVG_METADATA = re.compile(rb"<(?:svg:)?metadata\b[^>]*?(?:/>|>.*?</(?:svg:)?metadata\s*>)", re.DOTALL)
_SVG_NAMES = re.compile(rb"<(?:\w+:)?(?:creator|rights|publisher|contributor|owner)\b", re.IGNORECASE)


def _svg_findings(path: Path) -> set[str]:
    data = path.read_bytes()
    found = {XMP} if _SVG_XMP.search(data) else set()
    if any(_SVG_NAMES.search(block.group()) for block in _SVG_METADATA.finditer(data)):
        found.add(NAMES)
    return found


_READERS = {
    "jpeg": _jpeg_findings,
    "png": _png_findings,
    "webp": _webp_findings,
    "gif": _gif_findings,
    "svg": _svg_findings,
    "heif": lambda path: _pillow_findings(path, "heif"),
    "avif": lambda path: _pillow_findings(path, "avif"),
    "tiff": lambda path: _pillow_findings(path, "tiff"),
    "bmp": lambda path: set(),
}


def _ordered(found: set[str]) -> list[str]:
    known = [what for what in ORDER if what in found]
    return known + sorted(found - set(ORDER))


def _format_of(path: Path) -> str | None:
    with open(path, "rb") as f:
        return _sniff(f.read(16), path.suffix.lower())


def findings(path: Path) -> list[str]:
    """What `path` carries beyond its pixels, in Dutch, most serious first; []
    when clean, or when the file cannot be read as an image at all (the
    image checks of werkplaats.content.images report that for images a post uses).
    Remembered per file version, for the rebuilds of a preview."""
    stat_result = path.stat()
    return list(_findings(path, stat_result.st_size, stat_result.st_mtime_ns))


@functools.lru_cache(maxsize=4096)
def _findings(path: Path, size: int, mtime_ns: int) -> tuple[str, ...]:
    try:
        kind = _format_of(path)
        if kind is None:
            return ()
        return tuple(_ordered(_READERS[kind](path)))
    except (_Unreadable, OSError, struct.error, IndexError, ValueError, EOFError, Image.DecompressionBombError):
        return ()  # not readable as what it looks like


# --- the check ------------------------------------------------------------------------


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def command(rel: str) -> str:
    """The one command that cleans `rel` (a path from the project root)."""
    return COMMAND.format(path=shlex.quote(rel))


def message(rel: str, found: list[str], kind: str | None) -> str:
    """The Dutch message for an image that carries `found`: what, and the fix."""
    return f"de afbeelding bevat {_listed(found)}. De repository is openbaar{': ' if kind in CLEANABLE else ', en '}{_advice(rel, kind)}"


def _advice(rel: str, kind: str | None) -> str:
    if kind in CLEANABLE:
        return f"haal dit eruit met {command(rel)}"
    jpeg = rel.rsplit(".", 1)[0] + ".jpg"
    return (
        f"een {_FORMAT_NAMES.get(kind or '', 'dit soort')}-bestand kan make foto-schoon niet schoonmaken zonder de foto "
        f"opnieuw te comprimeren: exporteer de foto als JPEG ({jpeg}), maak die schoon met {command(jpeg)}, "
        f"verwijs in het bericht naar de JPEG en haal {rel.rsplit('/', 1)[-1]} weg"
    )


def problem(path: Path, settings: Settings) -> Problem | None:
    """The problem of one image file in posts/, or None when it is clean."""
    found = findings(path)
    if not found:
        return None
    rel = rel_path(path, settings)
    return Problem(rel, 1, message(rel, found, _format_of(path)))


def is_checked(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def metadata_problems(settings: Settings) -> list[Problem]:
    """Every image file under posts/ that carries more than its pixels
    (werkplaats.content.model.load_all runs this over all of posts/)."""
    problems = []
    for path in sorted(settings.posts_dir.rglob("*"), key=lambda p: p.as_posix()):
        if is_checked(path) and not path.is_symlink() and path.is_file():
            found = problem(path, settings)
            if found:
                problems.append(found)
    return problems


# --- cleaning -------------------------------------------------------------------------


class CannotClean(Exception):
    """The Dutch reason a file is not cleaned, and what to do instead."""


# What ImageOps.exif_transpose does for each EXIF orientation (flip left-right,
# turn 180, flip top-bottom, transpose, turn 270, transverse, turn 90): whether
# it swaps width and height, and which edges of the stored picture become the
# left or top edge; their blocks must be whole for the 8x8 (or 16x16) grid
# to stay in place.
_TURNS = {2: (False, "w"), 3: (False, "wh"), 4: (False, "h"), 5: (True, ""), 6: (True, "h"), 7: (True, "wh"), 8: (True, "w")}
TURNED_JPEG_QUALITY = 95  # when the turn moves the block grid


def _clean_jpeg(data: bytes) -> tuple[bytes, bool]:
    try:
        segments = _jpeg_walk(data)
    except _Unreadable as error:
        raise CannotClean(_BROKEN) from error
    exif = next((s.payload for s in segments if s.marker == 0xE1 and s.payload.startswith(b"Exif\0")), None)
    orientation = _orientation(exif)
    if orientation != 1:
        return _turned_jpeg(data, orientation), True
    kept = [data[:2]]
    for segment in segments:
        marker, payload = segment.marker, segment.payload
        if marker == 0xFE or (0xE0 <= marker <= 0xEF and not any(payload.startswith(i) for i in _JPEG_KEPT.get(marker, ()))):
            continue
        kept.append(data[segment.start : segment.end])
    return b"".join(kept), False


def _turned_jpeg(data: bytes, orientation: int) -> bytes:
    """A JPEG stored on its side, turned upright in its pixels.

    Always with its own subsampling and its own quantisation tables
    (transposed if the turn swaps the axes). When the turn keeps the 8x8
    blocks in place (the edges that become top and left are whole blocks),
    the coefficients then come back almost as they were, and the file keeps
    its size. When it moves them, every block is new: then no step of the
    tables is coarser than at quality 95 either.
    """
    swaps, edges = _TURNS[orientation]
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        sampling = JpegImagePlugin.get_sampling(image)
        h_max = max((layer[1] for layer in getattr(image, "layer", [])), default=1)
        v_max = max((layer[2] for layer in getattr(image, "layer", [])), default=1)
        aligned = ("w" not in edges or image.width % (8 * h_max) == 0) and ("h" not in edges or image.height % (8 * v_max) == 0)
        options: dict = {"optimize": True}
        if image.info.get("progressive"):
            options["progressive"] = True
        if image.info.get("icc_profile"):
            options["icc_profile"] = image.info["icc_profile"]
        dpi = image.info.get("dpi")
        if dpi:
            options["dpi"] = (dpi[1], dpi[0]) if swaps else dpi
        if sampling != -1:
            options["subsampling"] = sampling
        tables = image.quantization
        if tables and swaps:  # the turn swaps the frequencies across and down
            tables = {k: [table[(i % 8) * 8 + i // 8] for i in range(64)] for k, table in tables.items()}
        if tables and not aligned:  # no step coarser than quality 95, nor than the photo's own
            fine = _tables_at(TURNED_JPEG_QUALITY)
            tables = {k: [min(a, b) for a, b in zip(table, fine[min(k, 1)], strict=True)] for k, table in tables.items()}
        if tables:
            options["qtables"] = tables
        else:
            options["quality"] = TURNED_JPEG_QUALITY
        upright = ImageOps.exif_transpose(image)
    if upright.size != (image.size[::-1] if swaps else image.size):
        raise CannotClean(_BROKEN)  # Pillow read another orientation than this module: do not guess
    upright.info = {}  # no comment, EXIF or XMP is carried over
    out = io.BytesIO()
    upright.save(out, "JPEG", **options)
    return out.getvalue()


@functools.cache
def _tables_at(quality: int) -> dict[int, list[int]]:
    """libjpeg's quantisation tables (luma, chroma) at `quality`, as Pillow lists them."""
    with Image.open(io.BytesIO(_encoded_blank(quality))) as image:
        return {k: list(v) for k, v in image.quantization.items()}


def _encoded_blank(quality: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16)).save(out, "JPEG", quality=quality)
    return out.getvalue()


def _clean_png(data: bytes) -> tuple[bytes, bool]:
    kept, orientation, at = [data[:8]], 1, 8
    ihdr = b""
    animated = False
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        name, end = kind.decode("latin-1"), at + 12 + length
        if end > len(data):
            raise CannotClean(_BROKEN)
        if name == "IHDR":
            ihdr = data[at + 8 : at + 8 + length]
        if name == "acTL":
            animated = True
        if name in _PNG_KEPT:
            kept.append(data[at:end])
        elif name == "eXIf":
            orientation = _orientation(data[at + 8 : at + 8 + length])
        at = end
        if name == "IEND":
            break
    if orientation == 1:
        return b"".join(kept), False
    if animated:
        raise CannotClean(_TURNED_ANIMATION)
    if len(ihdr) >= 10 and ihdr[8] == 16 and ihdr[9] in (2, 6):
        raise CannotClean(_TURNED_DEEP)  # Pillow reads 16-bit colour as 8-bit
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        info = image.info
        upright = ImageOps.exif_transpose(image)
    options = {key: info[key] for key in ("icc_profile", "transparency", "gamma") if key in info}
    if "dpi" in info:
        options["dpi"] = info["dpi"][::-1] if _TURNS[orientation][0] else info["dpi"]
    upright.info = {}
    out = io.BytesIO()
    upright.save(out, "PNG", optimize=True, **options)
    return out.getvalue(), True


def _clean_webp(data: bytes) -> tuple[bytes, bool]:
    try:
        chunks = list(_webp_chunks(data))
    except (_Unreadable, struct.error) as error:
        raise CannotClean(_BROKEN) from error
    kept, orientation = [], 1
    for name, start, end, chunk_end in chunks:
        if name in _WEBP_KEPT:
            kept.append((name, data[start - 8 : chunk_end]))
        elif name == "EXIF":
            orientation = _orientation(data[start:end])
    names = {name for name, _ in kept}
    if orientation == 1:
        parts = []
        for name, chunk in kept:
            if name == "VP8X":
                chunk = chunk[:8] + bytes([chunk[8] & ~0x0C]) + chunk[9:]  # no EXIF, no XMP
            parts.append(chunk)
        body = b"".join(parts)
        return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body, False
    if "ANIM" in names:
        raise CannotClean(_TURNED_ANIMATION)
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        icc = image.info.get("icc_profile")
        upright = ImageOps.exif_transpose(image)
    upright.info = {}
    options = {"icc_profile": icc} if icc else {}
    if "VP8L" in names:
        options.update(lossless=True, exact=True)
    else:
        options.update(quality=TURNED_JPEG_QUALITY)
    out = io.BytesIO()
    upright.save(out, "WEBP", **options)
    return out.getvalue(), True


def _clean_gif(data: bytes) -> tuple[bytes, bool]:
    try:
        blocks = _gif_walk(data)
    except _Unreadable as error:
        raise CannotClean(_BROKEN) from error
    return b"".join(data[b.start : b.end] for b in blocks if not _gif_block_findings(b)), False


def _clean_svg(data: bytes) -> tuple[bytes, bool]:
    cleaned = _SVG_METADATA.sub(b"", data)
    cleaned = re.sub(rb"<\?xpacket[^>]*\?>", b"", cleaned)
    try:
        parse_svg(cleaned)
    except Exception as error:  # noqa: BLE001 - whatever the XML reader says: leave the file alone
        raise CannotClean(
            "de metagegevens staan op een plek waar ze niet veilig weg te halen zijn: open de tekening in een tekenprogramma, "
            "wis bij de documenteigenschappen de maker en de XMP-gegevens en sla haar opnieuw op"
        ) from error
    return cleaned, False


_CLEANERS = {"jpeg": _clean_jpeg, "png": _clean_png, "webp": _clean_webp, "gif": _clean_gif, "svg": _clean_svg}
_BROKEN = "het bestand is beschadigd of niet helemaal geüpload: sla de foto opnieuw op als JPEG of PNG, zet die ervoor in de plaats en probeer het dan opnieuw"
_TURNED_ANIMATION = "een bewegende afbeelding die op haar kant is opgeslagen kan niet rechtop gezet worden: exporteer haar opnieuw, rechtop"
_TURNED_DEEP = (
    "een PNG met 16 bits per kleur die op haar kant is opgeslagen kan niet zonder verlies rechtop gezet worden: "
    "draai haar in een tekenprogramma en sla haar opnieuw op"
)


@dataclass(frozen=True)
class Cleaned:
    removed: list[str]  # what was found (the check's words); [] when the file was clean
    turned: bool = False  # the pixels were turned upright


def clean(path: Path) -> Cleaned:
    """Write `path` again without what the check refuses; raise CannotClean
    with the Dutch reason if it cannot. A clean file is not touched."""
    path = Path(path)
    if path.is_symlink():
        raise CannotClean("is een snelkoppeling (symlink): zet het bestand zelf in posts/ en maak dat schoon")
    if not path.is_file():
        raise CannotClean("bestaat niet")
    found = findings(path)
    if not found:
        return Cleaned([])
    kind = _format_of(path)
    if kind not in _CLEANERS:
        raise CannotClean(_advice(path.as_posix(), kind))
    data = path.read_bytes()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow's on damaged EXIF: the file is written without it
            new, turned = _CLEANERS[kind](data)
    except CannotClean:
        raise
    except Exception as error:  # noqa: BLE001 - Pillow's errors for a damaged file
        raise CannotClean(_BROKEN) from error
    _replace(path, new, kind)
    return Cleaned(found, turned)


def _replace(path: Path, data: bytes, kind: str) -> None:
    """Write `data` over `path` through a temporary file in the same folder,
    after checking that it is clean and opens; the original is left as it
    was if anything fails."""
    mode = stat.S_IMODE(path.stat().st_mode)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".schoon")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        if _READERS[kind](temporary):
            left = _listed(_READERS[kind](temporary))
            raise CannotClean(
                f"kon niet helemaal worden schoongemaakt (er bleef {left} in staan); het bestand is niet veranderd. Exporteer de foto opnieuw als JPEG en probeer het daarmee."
            )
        if kind != "svg":
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    with Image.open(temporary) as image:
                        image.load()
            except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:  # the picture itself is damaged
                raise CannotClean(_BROKEN) from error
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


# --- the command ------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """`make foto-schoon BESTAND=...`: clean each file named, in place."""
    parser = command_parser("foto-schoon")
    parser.add_argument("files", nargs="*", metavar="BESTAND", help="a photo in posts/")
    args = [arg for arg in parser.parse_args(argv).files if arg.strip()]
    if not args:
        print("Geef de foto die schoongemaakt moet worden: make foto-schoon BESTAND=posts/nieuws/afbeeldingen/foto.jpg", file=sys.stderr)
        return 2
    failed = 0
    posts = (Path.cwd() / "posts").resolve()
    for arg in args:
        path = Path(arg)
        shown = path.as_posix()
        if not path.resolve().is_relative_to(posts):
            # A command that rewrites files in place stays inside the editors' folder.
            print(f"{shown}: ligt niet in posts/; make foto-schoon maakt alleen foto's in posts/ schoon", file=sys.stderr)
            failed += 1
            continue
        if not is_checked(path):
            print(f"{shown}: is geen afbeelding (make foto-schoon maakt {', '.join(SUFFIXES)} schoon)", file=sys.stderr)
            failed += 1
            continue
        try:
            result = clean(path)
        except CannotClean as error:
            print(f"{shown}: {error}", file=sys.stderr)
            failed += 1
            continue
        if not result.removed:
            print(f"{shown}: is al schoon, niets veranderd")
        else:
            upright = "; de foto is rechtop gezet" if result.turned else ""
            print(f"{shown}: schoongemaakt, weggehaald: {_listed(result.removed)}{upright}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
