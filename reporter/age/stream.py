"""The STREAM construction of age v1 (c2sp.org/age, "Payload"), on ChaCha20-Poly1305.

Plaintext is cut into 64 KiB chunks; chunk *i* is sealed with nonce = 11-byte big-endian
counter || last-chunk flag. Truncation, reordering and appending are all detected. Used for age
payloads (bundles) and for attachment blobs in the vault, so memory stays bounded whatever the
size: a writer or reader holds at most a batch of 4 chunks (256 KiB), read or written with one
system call, in buffers it allocates once.
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
BATCH_CHUNKS = 4  # 256 KiB per system call; 16 measured no faster
BATCH_SIZE = BATCH_CHUNKS * CHUNK_SIZE
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

    Chunks are sealed with ``encrypt_into`` into one reused buffer, a batch at a time, and
    handed to ``out.write`` as a view of it, so ``out`` must take the bytes before returning
    (every io stream does). ``write_from`` reads a file straight into the batch buffers, and a
    long ``write`` is sealed in place from the caller's bytes. Allocating and copying each chunk
    (as this class once did) cost about a tenth of the sealing time.
    """

    def __init__(self, key: bytes, out: BinaryIO) -> None:
        self._aead = ChaCha20Poly1305(key)
        self._out = out
        self._pending = memoryview(bytearray(BATCH_SIZE))  # plaintext not yet sealed
        self._spare = memoryview(bytearray(BATCH_SIZE))  # the next batch, read ahead
        self._sealed = memoryview(bytearray(BATCH_CHUNKS * ENCRYPTED_CHUNK_SIZE))
        self._fill = 0
        self._counter = 0
        self._closed = False

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._closed:
            raise ValueError("stream already finished")
        view = memoryview(data).cast("B")
        size = len(view)
        while view:
            # Only close() knows which chunk is the last: whole chunks are sealed once more
            # bytes are known to follow them, and at least one byte always stays pending.
            if self._fill == BATCH_SIZE or (
                self._fill % CHUNK_SIZE == 0 and len(view) > CHUNK_SIZE
            ):
                self._seal_whole(self._pending[: self._fill])
                self._fill = 0
                if len(view) > CHUNK_SIZE:
                    whole = (len(view) - 1) // CHUNK_SIZE * CHUNK_SIZE
                    self._seal_whole(view[:whole])
                    view = view[whole:]
                    continue
            step = min(BATCH_SIZE - self._fill, len(view))
            if len(view) > CHUNK_SIZE:  # copy up to a chunk boundary, seal the rest in place
                step = min(step, CHUNK_SIZE - self._fill % CHUNK_SIZE)
            self._pending[self._fill : self._fill + step] = view[:step]
            self._fill += step
            view = view[step:]
        return size

    def write_from(self, src: BinaryIO) -> int:
        """Encrypt all that is left in ``src``, read straight into the batch buffers."""
        if self._closed:
            raise ValueError("stream already finished")
        total = 0
        while True:
            if self._fill == BATCH_SIZE:
                ahead = _read_into(src, self._spare)
                if not ahead:
                    return total  # the batch stays for close(): its last chunk may be final
                self._seal_whole(self._pending)
                self._pending, self._spare = self._spare, self._pending
                self._fill = ahead
            else:
                ahead = _read_into(src, self._pending[self._fill :])
                if not ahead:
                    return total
                self._fill += ahead
            total += ahead

    def _seal_whole(self, plain: memoryview) -> None:
        """Seal whole chunks that are known not to be the last, one write per batch."""
        for start in range(0, len(plain), BATCH_SIZE):
            batch = plain[start : start + BATCH_SIZE]
            count = len(batch) // CHUNK_SIZE
            for i in range(count):
                self._aead.encrypt_into(
                    _nonce(self._counter, False),
                    batch[i * CHUNK_SIZE : (i + 1) * CHUNK_SIZE],
                    None,
                    self._sealed[i * ENCRYPTED_CHUNK_SIZE : (i + 1) * ENCRYPTED_CHUNK_SIZE],
                )
                self._counter += 1
            self._out.write(self._sealed[: count * ENCRYPTED_CHUNK_SIZE])

    def close(self) -> None:
        if self._closed:
            return
        whole = max(0, (self._fill - 1) // CHUNK_SIZE * CHUNK_SIZE)
        self._seal_whole(self._pending[:whole])
        last = self._pending[whole : self._fill]
        sealed = self._sealed[: len(last) + TAG_SIZE]
        self._aead.encrypt_into(_nonce(self._counter, True), last, None, sealed)
        self._out.write(sealed)
        self._counter += 1
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
    buffer = memoryview(bytearray(BATCH_CHUNKS * ENCRYPTED_CHUNK_SIZE))  # read straight into
    counter = 0
    while True:
        size = _read_into(src, buffer)
        if not size:
            raise IntegrityError(reason="truncated payload")
        for start in range(0, size, ENCRYPTED_CHUNK_SIZE):
            chunk = buffer[start : min(start + ENCRYPTED_CHUNK_SIZE, size)]
            last = len(chunk) < ENCRYPTED_CHUNK_SIZE  # a short read only ever ends the file
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
                if start + len(chunk) < size or src.read(1):
                    raise IntegrityError(reason="trailing data after the payload")
                return
            counter += 1


def decrypt_all(key: bytes, src: BinaryIO) -> bytes:
    return b"".join(decrypt_chunks(key, src))
