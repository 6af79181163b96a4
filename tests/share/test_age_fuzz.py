"""Fuzzing the age reader: whatever the bytes, only typed TestigoErrors come out.

A coordinator opens bundles from the network; a malformed one must give a clear error, never
a crash. Random bytes, header-like text and mutations of valid files (plain, armored,
post-quantum) go through the header parser, the key parsers and the full decryptor.
"""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reporter.age import (
    HybridIdentity,
    X25519Identity,
    decrypt,
    encrypt,
    parse_header,
    parse_identity,
    parse_recipient,
)
from reporter.errors import TestigoError

X25519_KEY = X25519Identity.generate()
PQ_KEY = HybridIdentity.generate()
IDENTITIES = [X25519_KEY, PQ_KEY]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _sealed(recipient: object, armor: bool) -> bytes:
    out = io.BytesIO()
    encrypt([recipient], io.BytesIO(b"incident " * 9000), out, armor=armor)  # type: ignore[list-item]
    return out.getvalue()


VALID = [
    _sealed(X25519_KEY.recipient(), False),
    _sealed(X25519_KEY.recipient(), True),
    _sealed(PQ_KEY.recipient(), False),
]


def open_fully(data: bytes) -> None:
    try:
        for _ in decrypt(IDENTITIES, io.BytesIO(data)):
            pass
    except TestigoError:
        pass


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(VALID)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "delete", "insert", "truncate", "dup"]))
        # Mostly aim at the header, where the parser lives.
        limit = min(len(data), 2000) if draw(st.booleans()) else len(data)
        at = draw(st.integers(0, max(0, limit - 1)))
        if op == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 80))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
        elif op == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 200))]
    return bytes(data)


HEADERISH = st.lists(
    st.sampled_from(
        [
            b"age-encryption.org/v1\n",
            b"-> X25519 ",
            b"-> mlkem768x25519 ",
            b"-> scrypt ",
            b"c2FsdA ",
            b"18",
            b"\n",
            b"\r\n",
            b"--- ",
            b"A" * 43,
            b"A" * 64,
            b"=",
            b" ",
            b"-----BEGIN AGE ENCRYPTED FILE-----\n",
            b"-----END AGE ENCRYPTED FILE-----\n",
        ]
    )
    | st.binary(max_size=20),
    max_size=40,
).map(b"".join)


@FUZZ
@given(st.binary(max_size=3000) | HEADERISH)
def test_header_parser_raises_only_typed_errors(data: bytes) -> None:
    with contextlib.suppress(TestigoError):
        parse_header(io.BytesIO(data))


@FUZZ
@given(st.binary(max_size=3000) | HEADERISH)
def test_decryptor_on_random_input_raises_only_typed_errors(data: bytes) -> None:
    open_fully(data)


@FUZZ
@given(mutated())
def test_decryptor_on_mutated_files_raises_only_typed_errors(data: bytes) -> None:
    open_fully(data)


@FUZZ
@given(st.text(max_size=2100) | st.sampled_from(["age1", "age1pq1", "AGE-SECRET-KEY-PQ-1"]))
def test_key_parsers_raise_only_typed_errors(text: str) -> None:
    for parse in (parse_identity, parse_recipient):
        with contextlib.suppress(TestigoError):
            parse(text)


@pytest.mark.slow
@settings(max_examples=20_000, deadline=None)
@given(mutated())
def test_decryptor_long_fuzz(data: bytes) -> None:
    open_fully(data)
