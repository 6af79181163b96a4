"""Sealing the 16-byte file key in a stanza body (ChaCha20-Poly1305, zero nonce).

Every recipient type of age ends the same way: a fresh 32-byte wrap key, used once, seals the
file key. A body of the wrong length is a malformed header, not a wrong key, so it is told
apart from a failed tag (the conformance vectors require it).
"""

from __future__ import annotations

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from reporter.age.header import header_error

FILE_KEY_SIZE = 16
WRAPPED_SIZE = FILE_KEY_SIZE + 16
_ZERO_NONCE = bytes(12)


def seal_file_key(wrap_key: bytes, file_key: bytes) -> bytes:
    return ChaCha20Poly1305(wrap_key).encrypt(_ZERO_NONCE, file_key, None)


def open_file_key(wrap_key: bytes, body: bytes) -> bytes | None:
    """The file key, or None when this key did not wrap it."""
    if len(body) != WRAPPED_SIZE:
        raise header_error("wrapped file key has the wrong size")
    try:
        return ChaCha20Poly1305(wrap_key).decrypt(_ZERO_NONCE, body, None)
    except InvalidTag:
        return None
