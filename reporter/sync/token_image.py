"""An enrollment token read from a QR image file (a photo or a screenshot of the trainer's).

The file is read whole into memory, bounded in bytes and in pixels, decoded there and nothing
of it is written anywhere. Only a QR code whose text is an enrollment token (``tt1-…``, as
``relay token`` prints it) is taken; any other content is refused, so a QR pointing to a web
page can never be mistaken for a token.
"""

from __future__ import annotations

import io
from pathlib import Path

from reporter.errors import FormatError, InvalidField, InvalidInput
from reporter.fsutil import open_regular
from reporter.sync.engine import TOKEN

MAX_IMAGE_BYTES = 20 * 1024 * 1024  # a phone's photo fits; a mistaken video does not
MAX_PIXELS = 50_000_000  # decoded, about 50 MB in grey: refused before it is decoded


def token_from_qr_image(path: Path) -> str:
    """The one enrollment token a QR code in the image at ``path`` holds."""
    try:
        with open_regular(path) as src:
            data = src.read(MAX_IMAGE_BYTES + 1)
    except OSError:
        raise InvalidInput("cannot read the image file") from None
    if len(data) > MAX_IMAGE_BYTES:
        raise InvalidField(field="image", reason="larger than 20 MiB")
    return token_from_qr_bytes(data)


def token_from_qr_bytes(data: bytes) -> str:
    import zxingcpp
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise InvalidField(field="image", reason="too many pixels to read a QR code in")
            grey = image.convert("L")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise FormatError(what="image", reason="not an image Testigo can read") from None
    found = zxingcpp.read_barcodes(grey, formats=zxingcpp.barcode_formats_from_str("QRCode"))
    texts = [code.text.strip() for code in found if code.valid]
    if not texts:
        raise InvalidField(field="image", reason="no QR code found in the image")
    tokens = {text for text in texts if TOKEN.fullmatch(text)}
    if not tokens:
        raise InvalidField(field="image", reason="the QR code is not an enrollment token")
    if len(tokens) > 1:
        raise InvalidField(field="image", reason="more than one enrollment token in the image")
    return tokens.pop()
