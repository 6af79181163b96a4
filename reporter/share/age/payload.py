"""Reading the STREAM payload of an age file exactly as the age reference reader does.

``reporter.crypto.stream.decrypt_chunks`` refuses a full-size chunk that is sealed as the
last one when more bytes follow it; age instead releases that chunk and then reports the
trailing data, and the conformance vectors check the plaintext released before an error.
This reader follows age; it reuses the chunk geometry of ``reporter.crypto.stream`` and holds
one chunk at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from reporter.crypto.stream import ENCRYPTED_CHUNK_SIZE, TAG_SIZE
from reporter.errors import IntegrityError

NONCE_SIZE = 16
_MAX_COUNTER = (1 << 88) - 1


def payload_key(file_key: bytes, nonce: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=nonce, info=b"payload")
    return hkdf.derive(file_key)


def _chunk_nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _read_exact(src: BinaryIO, size: int) -> bytes:
    parts = []
    remaining = size
    while remaining:
        block = src.read(remaining)
        if not block:
            break
        parts.append(block)
        remaining -= len(block)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _payload_error(reason: str) -> IntegrityError:
    return IntegrityError(reason=reason)


def open_payload(key: bytes, src: BinaryIO) -> Iterator[bytes]:
    """Yield authenticated plaintext chunks; IntegrityError at the first bad one."""
    aead = ChaCha20Poly1305(key)
    counter = 0
    while True:
        if counter > _MAX_COUNTER:
            raise _payload_error("payload too long")
        chunk = _read_exact(src, ENCRYPTED_CHUNK_SIZE)
        if not chunk:
            raise _payload_error("truncated payload")
        last = len(chunk) < ENCRYPTED_CHUNK_SIZE
        if last and counter > 0 and len(chunk) == TAG_SIZE:
            raise _payload_error("empty last chunk")
        try:
            plain = aead.decrypt(_chunk_nonce(counter, last), chunk, None)
        except InvalidTag:
            if last:
                raise _payload_error("payload chunk failed authentication") from None
            last = True  # perhaps a full-size final chunk
            try:
                plain = aead.decrypt(_chunk_nonce(counter, True), chunk, None)
            except InvalidTag:
                raise _payload_error("payload chunk failed authentication") from None
        yield plain
        if last:
            if src.read(1):
                raise _payload_error("trailing data after the payload")
            return
        counter += 1
