"""Issue 19: the enrollment token read from a QR image file, a real decode of a real PNG.

The QR codes are made in the test with segno (as the trainer's printout would be) and read
back by zxing-cpp: a token is taken, anything else is a clear refusal, never a crash.
"""

from __future__ import annotations

import io
import secrets
from pathlib import Path

import pytest
import segno
from PIL import Image

from reporter.errors import FormatError, InvalidField, InvalidInput, TestigoError
from reporter.sync.token_image import MAX_IMAGE_BYTES, token_from_qr_image

TOKEN = "tt1-" + secrets.token_urlsafe(32)


def qr_png(path: Path, *texts: str, scale: int = 6) -> Path:
    """The texts' QR codes side by side on one white page, as a photo of a sheet would be."""
    codes = []
    for text in texts:
        buffer = io.BytesIO()
        segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=4)
        codes.append(Image.open(io.BytesIO(buffer.getvalue())).convert("L"))
    page = Image.new("L", (sum(c.width for c in codes) + 40, max(c.height for c in codes)), 255)
    x = 0
    for code in codes:
        page.paste(code, (x, 0))
        x += code.width + 40
    page.save(path)
    return path


def test_a_token_is_read_from_its_qr_image(tmp_path: Path) -> None:
    assert token_from_qr_image(qr_png(tmp_path / "t.png", TOKEN)) == TOKEN


def test_a_qr_photo_in_jpeg_rotated_still_reads(tmp_path: Path) -> None:
    png = qr_png(tmp_path / "t.png", TOKEN)
    photo = tmp_path / "photo.jpg"
    Image.open(png).rotate(90, expand=True).convert("RGB").save(photo, quality=85)
    assert token_from_qr_image(photo) == TOKEN


@pytest.mark.parametrize(
    ("texts", "error"),
    [
        (("https://example.org/tt1-aaaaaaaaaaaaaaaaaaaaaaaa",), InvalidField),
        ((TOKEN, "tt1-" + secrets.token_urlsafe(32)), InvalidField),
    ],
)
def test_anything_but_one_token_is_refused(
    tmp_path: Path, texts: tuple[str, ...], error: type[TestigoError]
) -> None:
    with pytest.raises(error):
        token_from_qr_image(qr_png(tmp_path / "q.png", *texts))


def test_the_same_token_twice_is_one_token(tmp_path: Path) -> None:
    assert token_from_qr_image(qr_png(tmp_path / "q.png", TOKEN, TOKEN)) == TOKEN


def test_no_qr_not_an_image_too_large_missing(tmp_path: Path) -> None:
    blank = tmp_path / "blank.png"
    Image.new("L", (200, 200), 255).save(blank)
    with pytest.raises(InvalidField):
        token_from_qr_image(blank)
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"\x89PNG not really")
    with pytest.raises(FormatError):
        token_from_qr_image(junk)
    big = tmp_path / "big.png"
    big.write_bytes(b"\0" * (MAX_IMAGE_BYTES + 1))
    with pytest.raises(InvalidField):
        token_from_qr_image(big)
    with pytest.raises(InvalidInput):
        token_from_qr_image(tmp_path / "missing.png")


def test_a_decompression_bomb_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.png"
    Image.new("1", (8_000, 8_000), 1).save(bomb)  # a small file of 64 million pixels
    assert bomb.stat().st_size < MAX_IMAGE_BYTES
    with pytest.raises((InvalidField, FormatError)):
        token_from_qr_image(bomb)
