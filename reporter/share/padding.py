"""Padmé padding (Nikitin et al., PETS 2019): sizes leak at most O(log log n) bits.

Every bundle is padded to at least 64 KiB and then to the next Padmé size, so the relay
and the network see a handful of size buckets instead of each record's length.
"""

from __future__ import annotations

MIN_PADDED = 64 * 1024


def padme(length: int) -> int:
    if length < 2:
        return length
    exponent = length.bit_length() - 1  # floor(log2 L)
    size_bits = exponent.bit_length()  # floor(log2 E) + 1
    last_bits = exponent - size_bits
    mask = (1 << last_bits) - 1
    return (length + mask) & ~mask


def padded_size(length: int) -> int:
    return padme(max(length, MIN_PADDED))
