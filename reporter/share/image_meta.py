"""Remove metadata (EXIF, GPS, XMP, IPTC, comments, text chunks) from images being shared.

Works on the container, never on the pixels: the compressed image data is copied byte for
byte, so nothing is re-encoded and no quality is lost. Formats we cannot clean safely are
refused rather than sent with their metadata.
"""

from __future__ import annotations

import struct

from reporter.errors import FormatError, Unavailable

MAX_IMAGE = 64 * 1024 * 1024
STRIPPABLE = ("image/jpeg", "image/png", "image/webp")

# JPEG markers kept before the scan: JFIF (APP0), Adobe colour transform (APP14), ICC (APP2
# "ICC_PROFILE"), and every non-APP marker (tables, frame headers). Everything else goes.
_JPEG_KEEP_APP = {0xE0, 0xEE}
# PNG chunks kept: what decoding and colour need. Text, time, EXIF and unknown chunks go.
_PNG_KEEP = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB",
             b"iCCP", b"sBIT", b"pHYs", b"acTL", b"fcTL", b"fdAT"}
_WEBP_DROP = {b"EXIF", b"XMP "}


def _bad(reason: str) -> FormatError:
    return FormatError(what="image", reason=reason)


def strip_jpeg(data: bytes) -> bytes:
    if data[:2] != b"\xff\xd8":
        raise _bad("not a JPEG file")
    out = bytearray(b"\xff\xd8")
    pos = 2
    while pos < len(data):
        if data[pos] != 0xFF:
            raise _bad("JPEG segment does not start with a marker")
        while pos < len(data) and data[pos] == 0xFF:   # fill bytes
            pos += 1
        if pos >= len(data):
            raise _bad("truncated JPEG")
        marker = data[pos]
        pos += 1
        if marker == 0xD9:                                # end of image
            out += b"\xff\xd9"
            return bytes(out)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:      # markers without a length
            out += bytes((0xFF, marker))
            continue
        if pos + 2 > len(data):
            raise _bad("truncated JPEG segment")
        length = struct.unpack(">H", data[pos:pos + 2])[0]
        if length < 2 or pos + length > len(data):
            raise _bad("JPEG segment length out of range")
        segment = data[pos:pos + length]
        pos += length
        keep_icc = marker == 0xE2 and segment[2:14] == b"ICC_PROFILE\x00"
        is_app = 0xE0 <= marker <= 0xEF
        if marker == 0xFE or (is_app and marker not in _JPEG_KEEP_APP and not keep_icc):
            continue                                      # comment or metadata: dropped
        out += bytes((0xFF, marker)) + segment
        if marker == 0xDA:                                # start of scan: copy the rest
            out += data[pos:]
            return bytes(out)
    raise _bad("JPEG without image data")


def strip_png(data: bytes) -> bytes:
    signature = b"\x89PNG\r\n\x1a\n"
    if data[:8] != signature:
        raise _bad("not a PNG file")
    out = bytearray(signature)
    pos = 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        end = pos + 12 + length
        if end > len(data):
            raise _bad("truncated PNG chunk")
        if kind in _PNG_KEEP:
            out += data[pos:end]
        pos = end
        if kind == b"IEND":
            return bytes(out)
    raise _bad("PNG without an end chunk")


def strip_webp(data: bytes) -> bytes:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise _bad("not a WebP file")
    chunks = bytearray()
    pos = 12
    while pos + 8 <= len(data):
        kind = data[pos:pos + 4]
        length = struct.unpack("<I", data[pos + 4:pos + 8])[0]
        end = pos + 8 + length + (length & 1)
        if pos + 8 + length > len(data):
            raise _bad("truncated WebP chunk")
        chunk = bytearray(data[pos:min(end, len(data))])
        if kind == b"VP8X" and length >= 10:
            chunk[8] &= ~0x0C & 0xFF          # clear the EXIF (0x08) and XMP (0x04) flags
        if kind not in _WEBP_DROP:
            chunks += chunk
        pos = end
    return b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WEBP" + bytes(chunks)


def strip_metadata(data: bytes, media_type: str) -> bytes:
    """The image without metadata, pixels untouched; refuses what it cannot clean."""
    if len(data) > MAX_IMAGE:
        raise Unavailable(what="removing metadata from images over 64 MiB")
    if media_type == "image/jpeg":
        return strip_jpeg(data)
    if media_type == "image/png":
        return strip_png(data)
    if media_type == "image/webp":
        return strip_webp(data)
    raise Unavailable(what=f"removing metadata from {media_type} images; convert it to JPEG"
                           " or PNG first")


def needs_stripping(media_type: str) -> bool:
    return media_type.startswith("image/")
