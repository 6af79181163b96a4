"""The STREAM construction of age v1 (c2sp.org/age, "Payload"), on ChaCha20-Poly1305.

Plaintext is cut into 64 KiB chunks; chunk *i* is sealed with nonce = 11-byte big-endian
counter || last-chunk flag. Truncation, reordering and appending are all detected. Used for age
payloads (bundles) and for attachment blobs in the vault, so memory stays bounded whatever the
size: at most one chunk is held at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from reporter.errors import IntegrityError

CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
ENCRYPTED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE
_MAX_COUNTER = (1 << 88) - 1


def _nonce(counter: int, last: bool) -> bytes:
    if counter > _MAX_COUNTER:
        raise IntegrityError(reason="stream counter overflow")
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def encrypted_size(plaintext_size: int) -> int:
    chunks = max(1, -(-plaintext_size // CHUNK_SIZE))
    return plaintext_size + chunks * TAG_SIZE


class StreamWriter:
    """Encrypts a stream written in pieces of any size to ``out``."""

    def __init__(self, key: bytes, out: BinaryIO) -> None:
        self._aead = ChaCha20Poly1305(key)
        self._out = out
        self._buf = bytearray()
        self._counter = 0
        self._closed = False

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._closed:
            raise ValueError("stream already finished")
        self._buf += data
        # Keep at least one byte buffered: only close() may decide which chunk is last.
        while len(self._buf) > CHUNK_SIZE:
            self._seal(bytes(self._buf[:CHUNK_SIZE]), last=False)
            del self._buf[:CHUNK_SIZE]
        return len(data)

    def _seal(self, chunk: bytes, last: bool) -> None:
        self._out.write(self._aead.encrypt(_nonce(self._counter, last), chunk, None))
        self._counter += 1

    def close(self) -> None:
        if not self._closed:
            self._seal(bytes(self._buf), last=True)
            self._buf.clear()
            self._closed = True


def _read_exact(src: BinaryIO, size: int) -> bytes:
    parts = []
    remaining = size
    while remaining:
        block = src.read(remaining)
        if not block:
            break
        parts.append(block)
        remaining -= len(block)
    return b"".join(parts)


def decrypt_chunks(key: bytes, src: BinaryIO) -> Iterator[bytes]:
    """Yield authenticated plaintext chunks; raise IntegrityError at the first bad one.

    Behaves exactly like age's reader (the conformance vectors check it): every authenticated
    chunk is released before the error, and a full-size chunk may be the last one. Callers
    that must not act on unverified data (bundle import) verify the whole stream first.
    """
    aead = ChaCha20Poly1305(key)
    counter = 0
    while True:
        chunk = _read_exact(src, ENCRYPTED_CHUNK_SIZE)
        if not chunk:
            raise IntegrityError(reason="truncated payload")
        last = len(chunk) < ENCRYPTED_CHUNK_SIZE
        if last and counter > 0 and len(chunk) == TAG_SIZE:
            raise IntegrityError(reason="empty last chunk")
        try:
            plain = aead.decrypt(_nonce(counter, last), chunk, None)
        except InvalidTag:
            if last:
                raise IntegrityError(reason="payload chunk failed authentication") from None
            last = True  # perhaps a full-size final chunk
            try:
                plain = aead.decrypt(_nonce(counter, True), chunk, None)
            except InvalidTag:
                raise IntegrityError(reason="payload chunk failed authentication") from None
        yield plain
        if last:
            if src.read(1):
                raise IntegrityError(reason="trailing data after the payload")
            return
        counter += 1


def decrypt_all(key: bytes, src: BinaryIO) -> bytes:
    return b"".join(decrypt_chunks(key, src))
