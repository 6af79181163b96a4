"""The ASCII armor of age: strict PEM-like base64 lines between BEGIN and END markers.

The reader is as strict as the conformance vectors ask: 64-column lines with only the last
one shorter, canonical padded base64, no headers or checksums, LF or CRLF line ends, and only
whitespace outside the markers (a bounded amount of it). It decodes as the payload is read, so
an armored bundle also streams in bounded memory. Errors are FormatError(what="age armor").
"""

from __future__ import annotations

import base64
import binascii
import io
from typing import BinaryIO

from reporter.errors import FormatError

BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
END = b"-----END AGE ENCRYPTED FILE-----"
COLUMNS = 64
_BYTES_PER_LINE = COLUMNS // 4 * 3
_WHITESPACE = b" \t\r\n\v\f"
MAX_OUTSIDE_WHITESPACE = 1024


def armor_error(reason: str) -> FormatError:
    return FormatError(what="age armor", reason=reason)


def _strip_eol(line: bytes) -> bytes:
    line = line[:-1] if line.endswith(b"\n") else line
    return line[:-1] if line.endswith(b"\r") else line


class ArmorReader(io.RawIOBase):
    """Decodes an armored age file from ``src`` as it is read."""

    def __init__(self, src: BinaryIO) -> None:
        super().__init__()
        self._src = src
        self._pending = b""
        self._finished = False
        self._last_short = False
        self._begin()

    def readable(self) -> bool:
        return True

    def _begin(self) -> None:
        skipped = 0
        while True:
            byte = self._src.read(1)
            if not byte:
                raise armor_error("no BEGIN line")
            if byte not in _WHITESPACE:
                break
            skipped += 1
            if skipped > MAX_OUTSIDE_WHITESPACE:
                raise armor_error("too much leading whitespace")
        line = byte + self._src.readline(len(BEGIN) + 2)
        if not line.endswith(b"\n") or _strip_eol(line) != BEGIN:
            raise armor_error("invalid BEGIN line")

    def _next_line(self) -> bytes:
        line = self._src.readline(COLUMNS + 3)
        if not line:
            raise armor_error("no END line")
        stripped = _strip_eol(line)
        if stripped == END:
            self._end()
            return b""
        if not line.endswith(b"\n"):
            raise armor_error("line too long or no END line")
        if self._last_short:
            raise armor_error("short line before the end")
        if not stripped:
            raise armor_error("empty line")
        if len(stripped) > COLUMNS:
            raise armor_error("line too long")
        self._last_short = len(stripped) < COLUMNS or stripped.endswith(b"=")
        if len(stripped) % 4:
            raise armor_error("invalid base64 line length")
        try:
            data = base64.b64decode(stripped, validate=True)
        except (binascii.Error, ValueError):
            raise armor_error("invalid base64") from None
        if base64.b64encode(data) != stripped:
            raise armor_error("non-canonical base64")
        return data

    def _end(self) -> None:
        rest = self._src.read(MAX_OUTSIDE_WHITESPACE + 1)
        if len(rest) > MAX_OUTSIDE_WHITESPACE or rest.strip(_WHITESPACE):
            raise armor_error("data after the END line")
        self._finished = True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        while not self._pending and not self._finished:
            self._pending = self._next_line()
        size = min(len(view), len(self._pending))
        view[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def open_armored(src: BinaryIO) -> io.BufferedReader:
    return io.BufferedReader(ArmorReader(src), buffer_size=64 * 1024)


class ArmorWriter:
    """Encodes written bytes as armor to ``dst``; close() writes the END line."""

    def __init__(self, dst: BinaryIO) -> None:
        self._dst = dst
        self._buf = bytearray()
        self._closed = False
        dst.write(BEGIN + b"\n")

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self._buf += data
        whole = len(self._buf) // _BYTES_PER_LINE * _BYTES_PER_LINE
        if whole:
            self._emit(bytes(self._buf[:whole]))
            del self._buf[:whole]
        return len(data)

    def _emit(self, data: bytes) -> None:
        text = base64.b64encode(data)
        self._dst.write(
            b"".join(text[i : i + COLUMNS] + b"\n" for i in range(0, len(text), COLUMNS))
        )

    def close(self) -> None:
        if self._closed:
            return
        if self._buf:
            self._emit(bytes(self._buf))
            self._buf.clear()
        self._dst.write(END + b"\n")
        self._closed = True
