"""Opening an age file: header, identities, header MAC, then the payload chunk by chunk.

``AgeReader`` does everything up to the payload in its constructor, so a caller learns of a
malformed header, a wrong key or a forged header before any plaintext exists; the payload is
then streamed one 64 KiB chunk at a time. Errors, in the order the spec checks them:
FormatError (armor, header), NoMatchingIdentity, IntegrityError (header MAC, payload).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from reporter.age.armor import BEGIN, open_armored
from reporter.age.header import Header, header_error, mac_matches, parse_header
from reporter.age.keys import Identity
from reporter.age.payload import NONCE_SIZE, open_payload, payload_key
from reporter.errors import IntegrityError, NoMatchingIdentity

_SNIFF = 1024 + len(BEGIN)


def _with_prefix(prefix: bytes, src: BinaryIO) -> BinaryIO:
    """A buffered reader that returns ``prefix`` and then the rest of ``src``."""

    class _Replay(io.RawIOBase):
        def __init__(self) -> None:
            super().__init__()
            self._prefix = prefix

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
            view = memoryview(buffer).cast("B")
            if self._prefix:
                size = min(len(view), len(self._prefix))
                view[:size] = self._prefix[:size]
                self._prefix = self._prefix[size:]
                return size
            readinto = getattr(src, "readinto", None)
            if readinto is not None:
                return int(readinto(view) or 0)
            data = src.read(len(view))
            view[: len(data)] = data
            return len(data)

    # A buffer smaller than a payload chunk: the header is read through it, and each chunk's
    # readinto() then goes straight from the file into the STREAM reader's buffer.
    return io.BufferedReader(_Replay(), buffer_size=8 * 1024)


def _is_armored(prefix: bytes) -> bool:
    return prefix.lstrip(b" \t\r\n\v\f").startswith(b"-----BEGIN")


def unwrap_file_key(header: Header, identities: Sequence[Identity]) -> bytes:
    """The file key from the first stanza an identity opens; checks the header MAC."""
    for stanza in header.stanzas:
        for identity in identities:
            file_key = identity.unwrap(stanza)
            if file_key is not None:
                if not mac_matches(file_key, header):
                    raise IntegrityError(reason="header MAC mismatch")
                return file_key
    raise NoMatchingIdentity()


class AgeReader:
    """An opened age file; iterate ``chunks()`` for the plaintext.

    ``armored`` None detects the ASCII armor from the first bytes.
    """

    def __init__(
        self, src: BinaryIO, identities: Sequence[Identity], *, armored: bool | None = None
    ) -> None:
        prefix = src.read(_SNIFF)
        stream = _with_prefix(prefix, src)
        if armored is None:
            armored = _is_armored(prefix)
        if armored:
            stream = open_armored(stream)
        self.header = parse_header(stream)
        file_key = unwrap_file_key(self.header, identities)
        nonce = stream.read(NONCE_SIZE)
        if len(nonce) != NONCE_SIZE:
            raise header_error("missing payload nonce")
        self._key = payload_key(file_key, nonce)
        self._stream = stream
        self._used = False

    def chunks(self) -> Iterator[bytes]:
        """Plaintext chunks (at most 64 KiB each); IntegrityError at the first bad one."""
        if self._used:
            raise RuntimeError("payload already read")
        self._used = True
        return open_payload(self._key, self._stream)

    def read_all(self, limit: int) -> bytes:
        """The whole plaintext, for small files; TooLarge beyond ``limit`` bytes."""
        from reporter.errors import TooLarge

        parts: list[bytes] = []
        size = 0
        for chunk in self.chunks():
            size += len(chunk)
            if size > limit:
                raise TooLarge(limit=limit)
            parts.append(chunk)
        return b"".join(parts)


def decrypt(
    identities: Sequence[Identity], src: BinaryIO, *, armored: bool | None = None
) -> Iterator[bytes]:
    """Open ``src`` and yield its plaintext chunks (header errors raise before the first)."""
    return AgeReader(src, identities, armored=armored).chunks()
