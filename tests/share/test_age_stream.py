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

from reporter.crypto.stream import CHUNK_SIZE, StreamWriter, decrypt_all
from reporter.share.age import X25519Identity, decrypt, encrypt

KEY = bytes(range(32))
SIZES = [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 3 * CHUNK_SIZE + 5]


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


@pytest.mark.parametrize("feed", ["write_from", "trickle", "read only", "one write",
                                  "odd pieces", "mixed"])
def test_every_way_of_feeding_gives_the_spec_bytes(feed: str) -> None:
    for size in SIZES:
        plaintext = os.urandom(size)
        sealed = seal(feed, plaintext)
        assert sealed == reference(KEY, plaintext), (feed, size)
        assert decrypt_all(KEY, io.BytesIO(sealed)) == plaintext


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
