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
    """Encrypts a stream written in pieces of any size to ``out``, copying as little as it can.

    Each chunk is sealed with ``encrypt_into`` into one reused buffer and handed to
    ``out.write`` as a view of it, so ``out`` must take the bytes before returning (every io
    stream does); a write of more than a chunk is sealed straight from the caller's bytes.
    Allocating and copying 64 KiB per chunk once made sealing half as fast as it is now.
    """

    def __init__(self, key: bytes, out: BinaryIO) -> None:
        self._aead = ChaCha20Poly1305(key)
        self._out = out
        self._chunk = memoryview(bytearray(CHUNK_SIZE))
        self._spare = memoryview(bytearray(CHUNK_SIZE))  # the next chunk, read ahead
        self._sealed = memoryview(bytearray(ENCRYPTED_CHUNK_SIZE))
        self._fill = 0
        self._counter = 0
        self._closed = False

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._closed:
            raise ValueError("stream already finished")
        view = memoryview(data).cast("B")
        size = len(view)
        while view:
            # A full chunk is sealed only once more data comes: close() decides which is last.
            if self._fill == CHUNK_SIZE:
                self._seal(self._chunk, last=False)
                self._fill = 0
            if self._fill == 0 and len(view) > CHUNK_SIZE:
                self._seal(view[:CHUNK_SIZE], last=False)
                view = view[CHUNK_SIZE:]
                continue
            step = min(CHUNK_SIZE - self._fill, len(view))
            self._chunk[self._fill : self._fill + step] = view[:step]
            self._fill += step
            view = view[step:]
        return size

    def write_from(self, src: BinaryIO) -> int:
        """Encrypt all that is left in ``src``, read straight into the chunk buffers."""
        if self._closed:
            raise ValueError("stream already finished")
        total = 0
        while True:
            got = _read_into(src, self._chunk[self._fill :])
            self._fill += got
            total += got
            if self._fill < CHUNK_SIZE:
                return total
            ahead = _read_into(src, self._spare)
            if not ahead:
                return total  # the full chunk stays for close(): it may be the last
            self._seal(self._chunk, last=False)
            self._chunk, self._spare = self._spare, self._chunk
            self._fill = ahead
            total += ahead

    def _seal(self, chunk: memoryview, last: bool) -> None:
        sealed = self._sealed[: len(chunk) + TAG_SIZE]
        self._aead.encrypt_into(_nonce(self._counter, last), chunk, None, sealed)
        self._out.write(sealed)
        self._counter += 1

    def close(self) -> None:
        if not self._closed:
            self._seal(self._chunk[: self._fill], last=True)
            self._fill = 0
            self._closed = True


def _read_into(src: BinaryIO, view: memoryview) -> int:
    """Fill ``view`` from ``src`` (fewer bytes only at the end of ``src``); bytes read."""
    readinto = getattr(src, "readinto", None)
    filled = 0
    while filled < len(view):
        if readinto is not None:
            got = readinto(view[filled:])
        else:
            block = src.read(len(view) - filled)
            got = len(block)
            view[filled : filled + got] = block
        if not got:
            break
        filled += got
    return filled


def decrypt_chunks(key: bytes, src: BinaryIO) -> Iterator[bytes]:
    """Yield authenticated plaintext chunks; raise IntegrityError at the first bad one.

    Behaves exactly like age's reader (the conformance vectors check it): every authenticated
    chunk is released before the error, and a full-size chunk may be the last one. Callers
    that must not act on unverified data (bundle import) verify the whole stream first.
    """
    aead = ChaCha20Poly1305(key)
    buffer = memoryview(bytearray(ENCRYPTED_CHUNK_SIZE))  # ciphertext, read straight into
    counter = 0
    while True:
        chunk = buffer[: _read_into(src, buffer)]
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
