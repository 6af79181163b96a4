"""The STREAM writer: the same bytes however the plaintext arrives, and no copy per chunk.

The reference below seals by the spec (c2sp.org/age, "Payload") in the plainest way, so any
way of feeding ``StreamWriter`` must give its bytes exactly; the sealing itself must not
allocate per chunk, which is what once made it run at half speed.
"""

from __future__ import annotations

import io
import os
import tracemalloc

import pytest

from reporter.age import X25519Identity, decrypt, encrypt
from reporter.age.stream import (
    BATCH_SIZE,
    CHUNK_SIZE,
    ENCRYPTED_CHUNK_SIZE,
    StreamWriter,
    decrypt_all,
    decrypt_chunks,
)
from reporter.errors import IntegrityError

KEY = bytes(range(32))
SIZES = [
    0,
    1,
    CHUNK_SIZE - 1,
    CHUNK_SIZE,
    CHUNK_SIZE + 1,
    3 * CHUNK_SIZE + 5,
    BATCH_SIZE - 1,
    BATCH_SIZE,
    BATCH_SIZE + 1,
    2 * BATCH_SIZE + CHUNK_SIZE,
]


def reference(key: bytes, plaintext: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    aead = ChaCha20Poly1305(key)
    chunks = [plaintext[i : i + CHUNK_SIZE] for i in range(0, len(plaintext), CHUNK_SIZE)]
    chunks = chunks or [b""]
    return b"".join(
        aead.encrypt(i.to_bytes(11, "big") + bytes([i == len(chunks) - 1]), chunk, None)
        for i, chunk in enumerate(chunks)
    )


class Trickle(io.RawIOBase):
    """A source that hands out at most ``step`` bytes per read, like a pipe."""

    def __init__(self, data: bytes, step: int) -> None:
        super().__init__()
        self._data = memoryview(data)
        self._step = step

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        size = min(len(buffer), self._step, len(self._data))
        buffer[:size] = self._data[:size]
        self._data = self._data[size:]
        return size


class ReadOnly:
    """A source with read() and no readinto()."""

    def __init__(self, data: bytes) -> None:
        self._src = io.BytesIO(data)

    def read(self, size: int = -1) -> bytes:
        return self._src.read(size)


def seal(feed: str, plaintext: bytes) -> bytes:
    out = io.BytesIO()
    writer = StreamWriter(KEY, out)
    if feed == "write_from":
        writer.write_from(io.BytesIO(plaintext))
    elif feed == "trickle":
        writer.write_from(Trickle(plaintext, 1000))  # type: ignore[arg-type]
    elif feed == "read only":
        writer.write_from(ReadOnly(plaintext))  # type: ignore[arg-type]
    elif feed == "one write":
        writer.write(plaintext)
    elif feed == "odd pieces":
        view, step = memoryview(plaintext), 1
        while view:
            writer.write(view[:step])
            view, step = view[step:], step * 3 + 1
    elif feed == "mixed":
        third = len(plaintext) // 3
        writer.write(bytearray(plaintext[:third]))
        writer.write_from(io.BytesIO(plaintext[third : 2 * third]))
        writer.write(plaintext[2 * third :])
    writer.close()
    return out.getvalue()


@pytest.mark.parametrize(
    "feed", ["write_from", "trickle", "read only", "one write", "odd pieces", "mixed"]
)
def test_every_way_of_feeding_gives_the_spec_bytes(feed: str) -> None:
    for size in SIZES:
        plaintext = os.urandom(size)
        sealed = seal(feed, plaintext)
        assert sealed == reference(KEY, plaintext), (feed, size)
        assert decrypt_all(KEY, io.BytesIO(sealed)) == plaintext


def _released_until_error(sealed: bytes, released: bytearray) -> bytes:
    """Collect into ``released`` what the reader gives before it raises."""
    for chunk in decrypt_chunks(KEY, io.BytesIO(sealed)):
        released += chunk
    return b""


def test_the_reader_releases_whole_chunks_and_refuses_any_cut_or_addition() -> None:
    """Cut at every chunk boundary, across batches: each prefix is released, then an error."""
    plaintext = os.urandom(BATCH_SIZE + 2 * CHUNK_SIZE + 3)
    sealed = reference(KEY, plaintext)
    assert decrypt_all(KEY, io.BytesIO(sealed)) == plaintext
    for whole in range(len(sealed) // ENCRYPTED_CHUNK_SIZE + 1):
        for cut in (whole * ENCRYPTED_CHUNK_SIZE, whole * ENCRYPTED_CHUNK_SIZE + 100):
            if cut >= len(sealed):
                continue
            released = bytearray()
            with pytest.raises(IntegrityError):
                released.extend(_released_until_error(sealed[:cut], released))
            assert released == plaintext[: whole * CHUNK_SIZE], cut
    for extra in (b"\0", bytes(ENCRYPTED_CHUNK_SIZE)):
        with pytest.raises(IntegrityError, match="trailing|authentication"):
            decrypt_all(KEY, io.BytesIO(sealed + extra))


def test_encrypt_reads_a_file_into_its_buffers() -> None:
    """The whole-file path never asks for new bytes objects, and age opens what it wrote."""

    class NoRead(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            raise AssertionError("read() copies: sealing a file must use readinto()")

    plaintext = os.urandom(3 * CHUNK_SIZE + 17)
    identity = X25519Identity.generate()
    sealed = io.BytesIO()
    encrypt([identity.recipient()], NoRead(plaintext), sealed)
    sealed.seek(0)
    assert b"".join(decrypt([identity], sealed)) == plaintext


class Discard(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        return len(data)


@pytest.mark.parametrize("feed", ["write", "write_from"])
def test_sealing_allocates_nothing_per_chunk(feed: str) -> None:
    """4 MiB sealed with under 64 KiB of new Python memory: no chunk is copied or allocated."""
    plaintext = os.urandom(64 * CHUNK_SIZE)
    source = io.BytesIO(plaintext)
    writer = StreamWriter(KEY, Discard())  # type: ignore[arg-type]
    tracemalloc.start()
    try:
        if feed == "write":
            writer.write(plaintext)
        else:
            writer.write_from(source)
        writer.close()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < CHUNK_SIZE, f"{peak} bytes allocated while sealing"


def test_a_finished_stream_refuses_more() -> None:
    writer = StreamWriter(KEY, io.BytesIO())
    writer.close()
    with pytest.raises(ValueError, match="finished"):
        writer.write(b"x")
    with pytest.raises(ValueError, match="finished"):
        writer.write_from(io.BytesIO(b"x"))


def test_a_file_is_sealed_and_opened_a_batch_per_system_call() -> None:
    """Reads and writes go a batch of chunks at a time, not one call per 64 KiB chunk."""

    class Counting(io.BytesIO):
        calls = 0

        def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
            self.calls += 1
            return super().readinto(buffer)

        def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
            self.calls += 1
            return super().write(data)

    plaintext = os.urandom(4 * BATCH_SIZE)
    sealed = Counting()
    source = Counting(plaintext)
    writer = StreamWriter(KEY, sealed)
    writer.write_from(source)
    writer.close()
    assert sealed.getvalue() == reference(KEY, plaintext)
    assert source.calls <= 6
    assert sealed.calls <= 6
    opened = Counting(sealed.getvalue())
    assert b"".join(decrypt_chunks(KEY, opened)) == plaintext
    assert opened.calls <= 6
