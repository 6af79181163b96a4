"""GIF and TIFF pictures (inside documents), and the picture formats Testigo cannot clean.

A GIF's metadata lives in extension blocks (comments, XMP and ICC in application blocks,
plain-text blocks): they are dropped block by block and the image data copied byte for byte;
the graphic control blocks (frame timing, transparency) and the loop block stay. A TIFF keeps
EXIF, GPS, XMP, IPTC and the author in the tags beside its pixels, which can be anywhere in
the file: its pages are decoded (within a pixel budget) and written again, losslessly, into a
new TIFF that has only the tags the pixels need. The colour profile goes too. Metafiles (EMF,
WMF) carry their program's description and embedded records, HEIC its EXIF in boxes Testigo
does not rewrite, SVG its editor's file paths in attributes: those are named for a refusal.
"""

from __future__ import annotations

import io
import struct

from PIL import Image, ImageSequence, UnidentifiedImageError

from reporter.errors import CannotClean

MAX_TIFF_PIXELS = 30_000_000  # all pages together: 120 MB decoded at most (4 bytes a pixel)
MAX_TIFF_PAGES = 100
# Application blocks kept: the loop count of an animation, nothing else.
_GIF_KEEP_APP = {b"NETSCAPE2.0", b"ANIMEXTS1.0"}
_GIF_LABELS = {0xFE: "comment", 0x01: "text"}


def _bad(reason: str, kind: str = "GIF") -> CannotClean:
    """A picture that does not parse is not sent as it is: refused like one not cleanable."""
    return CannotClean(kind=kind, reason=reason)


def _after_blocks(data: bytes, pos: int) -> int:
    """Where the data sub-blocks starting at ``pos`` end (after their terminator)."""
    while True:
        if pos >= len(data):
            raise _bad("truncated GIF")
        size = data[pos]
        pos += 1 + size
        if size == 0:
            return pos


def strip_gif(data: bytes, removed: set[str] | None = None) -> bytes:
    """The GIF without comment, application (but loop) and plain-text blocks."""
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 13:
        raise _bad("not a GIF file")
    flags = data[10]
    pos = 13 + (3 * (2 << (flags & 7)) if flags & 0x80 else 0)
    out = bytearray(data[:pos])
    dropped: set[str] = set()
    while pos < len(data):
        block = data[pos]
        if block == 0x3B:  # the trailer: what follows it stays here
            if pos + 1 < len(data):
                dropped.add("other")
            out += b";"
            if removed is not None:
                removed |= dropped
            return bytes(out)
        if block == 0x2C:  # an image: descriptor, local colour table, LZW data
            if pos + 11 > len(data):
                raise _bad("truncated GIF")
            local = data[pos + 9]
            start = pos + 10 + (3 * (2 << (local & 7)) if local & 0x80 else 0)
            end = _after_blocks(data, start + 1)
            out += data[pos:end]
        elif block == 0x21 and pos + 2 <= len(data):
            label = data[pos + 1]
            end = _after_blocks(data, pos + 2)
            name = (
                data[pos + 3 : pos + 14]
                if label == 0xFF and data[pos + 2 : pos + 3] == b"\x0b"
                else b""
            )
            if label == 0xF9 or name in _GIF_KEEP_APP:
                out += data[pos:end]
            else:
                dropped.add("xmp" if name == b"XMP DataXMP" else _GIF_LABELS.get(label, "other"))
        else:
            raise _bad("GIF block of an unknown kind")
        pos = end
    raise _bad("truncated GIF")


def clean_tiff(data: bytes, removed: set[str] | None = None) -> bytes:
    """A new TIFF of the same pages and pixels, with none of the original's tags."""
    pages: list[Image.Image] = []
    try:
        with Image.open(io.BytesIO(data), formats=["TIFF"]) as image:
            tags = set(getattr(image, "tag_v2", {}))
            budget = MAX_TIFF_PIXELS
            for index, page in enumerate(ImageSequence.Iterator(image)):
                budget -= page.width * page.height
                if index >= MAX_TIFF_PAGES or budget < 0:
                    raise CannotClean(
                        kind="TIFF",
                        reason="it has more than {limit} megapixels, the most Testigo cleans",
                        limit=MAX_TIFF_PIXELS // 1_000_000,
                    )
                fresh = page.copy()  # a plain image: the file's tags stay behind
                fresh.info = {}
                pages.append(fresh)
        out = io.BytesIO()
        pages[0].save(out, "TIFF", compression="tiff_lzw", save_all=True, append_images=pages[1:])
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, struct.error, EOFError):
        raise _bad("TIFF image that does not decode", "TIFF") from None
    if removed is not None:
        removed.add("exif" if 0x8769 in tags or 0x8825 in tags else "other")
        if 700 in tags:
            removed.add("xmp")
        if 33723 in tags:
            removed.add("iptc")
    return out.getvalue()


def uncleanable(body: bytes, name: str) -> str | None:
    """The format of a picture Testigo cannot clean, by its bytes (SVG also by its name)."""
    if body[:4] == b"\x01\x00\x00\x00" and body[40:44] == b" EMF":
        return "EMF"
    if body[:4] == b"\xd7\xcd\xc6\x9a" or (
        body[:2] in (b"\x01\x00", b"\x02\x00")
        and body[2:6] in (b"\x09\x00\x00\x01", b"\x09\x00\x00\x03")
    ):
        return "WMF"
    if body[4:8] == b"ftyp" and body[8:12] in (
        b"heic",
        b"heix",
        b"heim",
        b"heis",
        b"mif1",
        b"msf1",
        b"avif",
    ):
        return "HEIC"
    if body[:3] == b"II\xbc":
        return "JPEG XR"
    head = body[:1024].lstrip()
    if (
        name.lower().endswith((".svg", ".svgz"))
        or head.startswith(b"<svg")
        or (head.startswith(b"<?xml") and b"<svg" in head)
    ):
        return "SVG"
    return None
