"""Fingerprints people read aloud and compare, and their QR codes.

Groups of five digits, like Signal's safety numbers: easy to say on a phone call, no
alphabet or language needed. Six groups carry about 100 bits.
"""

from __future__ import annotations

import hashlib
import io

GROUPS = 6


def digits(data: bytes, context: bytes, groups: int = GROUPS) -> str:
    """``groups`` groups of 5 digits from SHA-512(context || data)."""
    digest = hashlib.sha512(context + b"\x00" + data).digest()
    parts = []
    for i in range(groups):
        value = int.from_bytes(digest[i * 5 : (i + 1) * 5], "big") % 100_000
        parts.append(f"{value:05d}")
    return " ".join(parts)


def qr_svg(text: str) -> str:
    """A QR code of ``text`` as SVG (segno: a maintained, pure-Python QR library)."""
    import segno

    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="svg", scale=6, border=2)
    return out.getvalue().decode("utf-8")


def qr_terminal(text: str) -> str:
    """The same QR code drawn with block characters, for `profile show` in a terminal."""
    import segno

    out = io.StringIO()
    segno.make(text, error="m").terminal(out=out, compact=True)
    return out.getvalue()
