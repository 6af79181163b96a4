"""Images: remove EXIF (camera, time, GPS), XMP, IPTC, comments and text chunks.

Works on the container, never on the pixels: the compressed image data is copied byte for
byte, so nothing is re-encoded and no quality is lost (GIF too; a TIFF's pages are written
again losslessly: ``picture_formats``). Formats we cannot clean safely are refused rather
than sent with their metadata.
"""

from __future__ import annotations

import re
import struct

from reporter.errors import CannotClean, FormatError
from reporter.share.cleaning.picture_formats import clean_tiff, strip_gif

MAX_IMAGE = 64 * 1024 * 1024
STRIPPABLE = ("image/jpeg", "image/png", "image/webp", "image/gif", "image/tiff")

# JPEG markers kept: JFIF (APP0, its header only: no thumbnail), Adobe colour transform
# (APP14), ICC (APP2 "ICC_PROFILE"), and every non-APP marker (tables, frame headers, scans).
# Everything else goes, and so does whatever follows the end of the image.
_JPEG_KEEP_APP = {0xE0, 0xEE}
# PNG chunks kept: what decoding and colour need. Text, time, EXIF and unknown chunks go.
_PNG_KEEP = {
    b"IHDR",
    b"PLTE",
    b"IDAT",
    b"IEND",
    b"tRNS",
    b"gAMA",
    b"cHRM",
    b"sRGB",
    b"iCCP",
    b"sBIT",
    b"pHYs",
    b"acTL",
    b"fcTL",
    b"fdAT",
}
# WebP chunks kept: what decoding, animation and colour need (as for PNG, unknown ones go).
_WEBP_KEEP = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}
_WEBP_LABELS = {b"EXIF": "exif", b"XMP ": "xmp"}
# In entropy-coded data a 0xFF byte is stuffed (FF 00), a restart marker (FF D0-D7) or fill
# before a marker: the first FF followed by anything else is where the scan ends.
_SCAN_END = re.compile(rb"\xff(?=[^\x00\xd0-\xd7\xff])")


def _bad(reason: str) -> FormatError:
    return FormatError(what="image", reason=reason)


def _jpeg_label(marker: int, segment: bytes) -> str:
    if marker == 0xFE:
        return "comment"
    if marker == 0xE1:
        return "exif" if segment[2:8] == b"Exif\x00\x00" else "xmp"
    return "iptc" if marker == 0xED else "other"


def strip_jpeg(data: bytes, removed: set[str] | None = None) -> bytes:
    if data[:2] != b"\xff\xd8":
        raise _bad("not a JPEG file")
    out = bytearray(b"\xff\xd8")
    pos, scanned = 2, False
    while pos < len(data):
        if data[pos] != 0xFF:
            raise _bad("JPEG segment does not start with a marker")
        while pos < len(data) and data[pos] == 0xFF:  # fill bytes
            pos += 1
        if pos >= len(data):
            raise _bad("truncated JPEG")
        marker = data[pos]
        pos += 1
        if marker == 0xD9:  # end of image: what follows (MPF images, trailers) stays here
            if pos < len(data) and removed is not None:
                removed.add("other")
            out += b"\xff\xd9"
            return bytes(out)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            out += bytes((0xFF, marker))
            continue
        if pos + 2 > len(data):
            raise _bad("truncated JPEG segment")
        length = struct.unpack(">H", data[pos : pos + 2])[0]
        if length < 2 or pos + length > len(data):
            raise _bad("JPEG segment length out of range")
        segment = data[pos : pos + length]
        pos += length
        if marker == 0xE0:  # the JFIF header stays, without a thumbnail; JFXX and others go
            if segment[2:7] != b"JFIF\x00" or len(segment) < 16:
                if removed is not None:
                    removed.add("thumbnails" if segment[2:7] == b"JFXX\x00" else "other")
                continue
            if len(segment) > 16 or segment[14:16] != b"\x00\x00":
                if removed is not None:
                    removed.add("thumbnails")
                segment = b"\x00\x10" + segment[2:14] + b"\x00\x00"
        keep_icc = marker == 0xE2 and segment[2:14] == b"ICC_PROFILE\x00"
        is_app = 0xE0 <= marker <= 0xEF
        if marker == 0xFE or (is_app and marker not in _JPEG_KEEP_APP and not keep_icc):
            if removed is not None:  # comment or metadata: dropped
                removed.add(_jpeg_label(marker, segment))
            continue
        out += bytes((0xFF, marker)) + segment
        if marker == 0xDA:  # a scan: its data up to the next marker, which is parsed too
            scanned = True
            found = _SCAN_END.search(data, pos)
            end = found.start() if found else len(data)
            out += data[pos:end]
            pos = end
    if scanned:  # cut short before its end marker: what it has is the image
        return bytes(out)
    raise _bad("JPEG without image data")


_PNG_LABELS = {
    b"eXIf": "exif",
    b"tEXt": "text",
    b"zTXt": "text",
    b"iTXt": "text",
    b"tIME": "timestamp",
}


def strip_png(data: bytes, removed: set[str] | None = None) -> bytes:
    signature = b"\x89PNG\r\n\x1a\n"
    if data[:8] != signature:
        raise _bad("not a PNG file")
    out = bytearray(signature)
    pos = 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 12 + length
        if end > len(data):
            raise _bad("truncated PNG chunk")
        if kind in _PNG_KEEP:
            out += data[pos:end]
        elif removed is not None:
            removed.add(_PNG_LABELS.get(kind, "other"))
        pos = end
        if kind == b"IEND":
            return bytes(out)
    raise _bad("PNG without an end chunk")


def strip_webp(data: bytes, removed: set[str] | None = None) -> bytes:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise _bad("not a WebP file")
    chunks = bytearray()
    pos = 12
    riff_end = min(len(data), 8 + struct.unpack("<I", data[4:8])[0])
    if riff_end < len(data) and removed is not None:
        removed.add("other")  # bytes after the RIFF container stay here
    while pos + 8 <= riff_end:
        kind = data[pos : pos + 4]
        length = struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        end = pos + 8 + length + (length & 1)
        if pos + 8 + length > riff_end:
            raise _bad("truncated WebP chunk")
        chunk = bytearray(data[pos : min(end, riff_end)])
        if kind == b"VP8X" and length >= 10:
            chunk[8] &= ~0x0C & 0xFF  # clear the EXIF (0x08) and XMP (0x04) flags
        if kind in _WEBP_KEEP:
            chunks += chunk
        elif removed is not None:
            removed.add(_WEBP_LABELS.get(bytes(kind), "other"))
        pos = end
    return b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WEBP" + bytes(chunks)


def strip_metadata(data: bytes, media_type: str, removed: set[str] | None = None) -> bytes:
    """The image without metadata, pixels untouched; refuses what it cannot clean."""
    if len(data) > MAX_IMAGE:
        raise CannotClean(kind=media_type, reason="larger than 64 MiB, the most Testigo cleans")
    if media_type == "image/jpeg":
        return strip_jpeg(data, removed)
    if media_type == "image/png":
        return strip_png(data, removed)
    if media_type == "image/webp":
        return strip_webp(data, removed)
    if media_type == "image/gif":
        return strip_gif(data, removed)
    if media_type == "image/tiff":
        return clean_tiff(data, removed)
    raise CannotClean(
        kind=media_type,
        reason="Testigo cannot remove its metadata; convert it to JPEG or PNG first",
    )
