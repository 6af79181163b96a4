"""Bech32 (BIP 173), the text encoding of age recipients and identities.

An encoding, not cryptography: the checksum only catches typing mistakes. age uses the
original Bech32 constant (not Bech32m) and no 90-character limit, because a post-quantum
recipient is about 1,950 characters long. Mixed case is refused; the case of the result
follows the input (identities are upper case, recipients lower case).
"""

from __future__ import annotations

from reporter.errors import FormatError

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_VALUES = {c: i for i, c in enumerate(_CHARSET)}
_GENERATORS = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
MAX_LENGTH = 4096


def _polymod(values: list[int]) -> int:
    check = 1
    for value in values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ value
        for i, generator in enumerate(_GENERATORS):
            if (top >> i) & 1:
                check ^= generator
    return check


def _expand_hrp(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert_bits(data: bytes | list[int], from_bits: int, to_bits: int, pad: bool) -> list[int]:
    acc = 0
    bits = 0
    out: list[int] = []
    max_value = (1 << to_bits) - 1
    for value in data:
        acc = (acc << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out.append((acc >> bits) & max_value)
    if pad:
        if bits:
            out.append((acc << (to_bits - bits)) & max_value)
    elif bits >= from_bits or (acc << (to_bits - bits)) & max_value:
        raise FormatError(what="key", reason="bad padding in Bech32 data")
    return out


def encode(hrp: str, data: bytes) -> str:
    """Encode ``data`` under ``hrp``; the result has the case of ``hrp``."""
    lower = hrp.lower()
    values = _convert_bits(data, 8, 5, pad=True)
    polymod = _polymod(_expand_hrp(lower) + values + [0] * 6) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    text = lower + "1" + "".join(_CHARSET[v] for v in values + checksum)
    return text.upper() if hrp.isupper() else text


def decode(text: str) -> tuple[str, bytes]:
    """Return (hrp, data) with hrp in the case it was written; FormatError if invalid."""
    if len(text) > MAX_LENGTH:
        raise FormatError(what="key", reason="too long")
    if not text.isascii() or any(not 33 <= ord(c) <= 126 for c in text):
        raise FormatError(what="key", reason="invalid character")
    if text.lower() != text and text.upper() != text:
        raise FormatError(what="key", reason="mixed case")
    lower = text.lower()
    sep = lower.rfind("1")
    if sep < 1 or sep + 7 > len(lower):
        raise FormatError(what="key", reason="not Bech32")
    hrp, rest = lower[:sep], lower[sep + 1 :]
    if any(c not in _VALUES for c in rest):
        raise FormatError(what="key", reason="invalid character")
    values = [_VALUES[c] for c in rest]
    if _polymod(_expand_hrp(hrp) + values) != 1:
        raise FormatError(what="key", reason="bad checksum")
    data = bytes(_convert_bits(values[:-6], 5, 8, pad=False))
    return text[:sep], data
