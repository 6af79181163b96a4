"""The age v1 header: version line, recipient stanzas and the header MAC (c2sp.org/age).

Parsing is strict because a bundle comes from the network: every line is checked against
the grammar, base64 must be canonical (no padding, no stray bits), and there are limits on
the header size, the number of stanzas and line lengths so a hostile file cannot make the
coordinator allocate without bound. Anything off is a FormatError ("header failure" in the
conformance vectors); nothing is decrypted before the header has parsed.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from reporter.errors import FormatError

VERSION_LINE = b"age-encryption.org/v1\n"
MAX_HEADER_SIZE = 64 * 1024
MAX_STANZAS = 64
MAX_LINE = 4096  # a post-quantum stanza's argument line is about 1,510 bytes
BODY_COLUMNS = 64
MAC_SIZE = 32
_MAC_PREFIX = b"---"


def header_error(reason: str) -> FormatError:
    return FormatError(what="age header", reason=reason)


def b64encode(data: bytes) -> str:
    """Standard base64 without padding, as age writes it."""
    return base64.b64encode(data).decode("ascii").rstrip("=")


def b64decode(text: str | bytes) -> bytes:
    """Decode unpadded base64, refusing padding, stray characters and non-canonical bits."""
    raw = text.encode("ascii", "replace") if isinstance(text, str) else text
    if b"=" in raw or len(raw) % 4 == 1:
        raise header_error("invalid base64")
    try:
        data = base64.b64decode(raw + b"=" * (-len(raw) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise header_error("invalid base64") from None
    if base64.b64encode(data).rstrip(b"=") != raw:
        raise header_error("non-canonical base64")
    return data


@dataclass(frozen=True)
class Stanza:
    """One recipient stanza: ``-> type args...`` and a body of wrapped key material."""

    type: str
    args: tuple[str, ...]
    body: bytes

    def encode(self) -> bytes:
        line = " ".join(("->", self.type, *self.args)).encode("ascii") + b"\n"
        text = b64encode(self.body).encode("ascii")
        lines = [text[i : i + BODY_COLUMNS] for i in range(0, len(text), BODY_COLUMNS)]
        if not lines or len(lines[-1]) == BODY_COLUMNS:
            lines.append(b"")  # the body always ends with a short (maybe empty) line
        return line + b"".join(part + b"\n" for part in lines)


@dataclass(frozen=True)
class Header:
    """A parsed header; ``covered`` is the exact text the MAC authenticates."""

    stanzas: tuple[Stanza, ...]
    mac: bytes
    covered: bytes


def _derive_mac_key(file_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"", info=b"header").derive(file_key)


def _mac(file_key: bytes, covered: bytes) -> hmac.HMAC:
    mac = hmac.HMAC(_derive_mac_key(file_key), hashes.SHA256())
    mac.update(covered)
    return mac


def compute_mac(file_key: bytes, covered: bytes) -> bytes:
    return _mac(file_key, covered).finalize()


def mac_matches(file_key: bytes, header: Header) -> bool:
    """Constant-time check of the header MAC under ``file_key``."""
    try:
        _mac(file_key, header.covered).verify(header.mac)
    except InvalidSignature:
        return False
    return True


def encode_header(stanzas: Sequence[Stanza], file_key: bytes) -> bytes:
    """The full header text, MAC line included."""
    covered = VERSION_LINE + b"".join(s.encode() for s in stanzas) + _MAC_PREFIX
    return covered + b" " + b64encode(compute_mac(file_key, covered)).encode("ascii") + b"\n"


def _is_vchar_arg(arg: bytes) -> bool:
    return bool(arg) and all(33 <= c <= 126 for c in arg)


class _LineSource:
    """Reads header lines, enforcing the total size limit."""

    def __init__(self, src: BinaryIO) -> None:
        self._src = src
        self.consumed = 0
        self.text = bytearray()

    def line(self) -> bytes:
        budget = min(MAX_LINE, MAX_HEADER_SIZE - self.consumed)
        if budget <= 0:
            raise header_error("header too large")
        line = self._src.readline(budget + 1)
        self.consumed += len(line)
        if not line.endswith(b"\n"):
            if len(line) > budget:
                raise header_error("line too long or header too large")
            raise header_error("unexpected end of header")
        self.text += line
        return line


def _parse_stanza(first: bytes, lines: _LineSource) -> Stanza:
    parts = first[3:-1].split(b" ")
    if not all(_is_vchar_arg(p) for p in parts):
        raise header_error("invalid stanza arguments")
    body = bytearray()
    while True:
        line = lines.line()[:-1]
        if len(line) > BODY_COLUMNS:
            raise header_error("stanza body line too long")
        body += b64decode(line)
        if len(line) < BODY_COLUMNS:
            break
    texts = [p.decode("ascii") for p in parts]
    return Stanza(type=texts[0], args=tuple(texts[1:]), body=bytes(body))


def parse_header(src: BinaryIO) -> Header:
    """Read the header from ``src`` (leaving it at the payload nonce) or raise FormatError."""
    lines = _LineSource(src)
    if lines.line() != VERSION_LINE:
        raise header_error("not an age v1 file")
    stanzas: list[Stanza] = []
    while True:
        line = lines.line()
        if line.startswith(b"-> "):
            if len(stanzas) >= MAX_STANZAS:
                raise header_error("too many recipient stanzas")
            stanzas.append(_parse_stanza(line, lines))
            continue
        if line.startswith(_MAC_PREFIX + b" "):
            mac_text = line[4:-1]
            if len(mac_text) != 43:
                raise header_error("invalid header MAC")
            mac = b64decode(mac_text)
            break
        raise header_error("unexpected line in header")
    if not stanzas:
        raise header_error("no recipient stanzas")
    if any(s.type == "scrypt" for s in stanzas) and len(stanzas) != 1:
        raise header_error("a passphrase stanza must be the only stanza")
    # The MAC covers the header exactly as read, up to and including "---".
    covered = bytes(lines.text[: len(lines.text) - len(line) + len(_MAC_PREFIX)])
    return Header(stanzas=tuple(stanzas), mac=mac, covered=covered)
