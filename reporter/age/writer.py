"""Writing an age file to recipients, streaming the payload in 64 KiB chunks.

The writer enforces the recipient rules: at least one recipient; a passphrase recipient
alone; and never a post-quantum and a classical recipient in the same file (the classical
stanza would let a future quantum attacker in, defeating the point of the hybrid one).
A writer left by an exception is not finished: the file lacks its last chunk and every reader
rejects it as truncated, so a half-written bundle never passes for a whole one.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from types import TracebackType
from typing import BinaryIO

from reporter.age.armor import ArmorWriter
from reporter.age.header import MAX_STANZAS, Stanza, encode_header
from reporter.age.hybrid import STANZA_TYPE as HYBRID
from reporter.age.keys import Recipient
from reporter.age.passphrase import STANZA_TYPE as SCRYPT
from reporter.age.payload import NONCE_SIZE, payload_key
from reporter.age.stream import StreamWriter
from reporter.age.wrap import FILE_KEY_SIZE
from reporter.errors import InvalidInput


def check_recipients(recipients: Sequence[Recipient]) -> None:
    """Raise InvalidInput if these recipients may not share one file."""
    types = {r.stanza_type for r in recipients}
    if not recipients:
        raise InvalidInput("no recipients")
    if SCRYPT in types and len(recipients) != 1:
        raise InvalidInput("a passphrase must be the only recipient")
    if HYBRID in types and len(types) > 1:
        raise InvalidInput("post-quantum and classical recipients cannot share a file")


class AgeWriter:
    """``with AgeWriter(dst, recipients) as w: w.write(data)`` writes an age file to dst."""

    def __init__(
        self, dst: BinaryIO, recipients: Sequence[Recipient], *, armor: bool = False
    ) -> None:
        check_recipients(recipients)
        file_key = os.urandom(FILE_KEY_SIZE)
        stanzas: list[Stanza] = []
        for recipient in recipients:
            stanzas.extend(recipient.wrap(file_key))
        if len(stanzas) > MAX_STANZAS:
            raise InvalidInput(f"at most {MAX_STANZAS} recipients")
        self._armor = ArmorWriter(dst) if armor else None
        out: BinaryIO = self._armor if self._armor else dst  # type: ignore[assignment]
        nonce = os.urandom(NONCE_SIZE)
        out.write(encode_header(stanzas, file_key) + nonce)
        self._stream = StreamWriter(payload_key(file_key, nonce), out)
        self._closed = False

    def write(self, data: bytes | bytearray | memoryview) -> int:
        return self._stream.write(data)

    def write_from(self, src: BinaryIO) -> int:
        """Seal the rest of ``src``, read straight into the chunk buffers; bytes read."""
        return self._stream.write_from(src)

    def close(self) -> None:
        """Seal the last chunk (and the armor): only now is the file complete."""
        if not self._closed:
            self._stream.close()
            if self._armor:
                self._armor.close()
            self._closed = True

    def __enter__(self) -> AgeWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()


def encrypt(
    recipients: Sequence[Recipient], src: BinaryIO, dst: BinaryIO, *, armor: bool = False
) -> None:
    """Encrypt all of ``src`` to ``dst``, one chunk in memory at a time."""
    with AgeWriter(dst, recipients, armor=armor) as writer:
        writer.write_from(src)
