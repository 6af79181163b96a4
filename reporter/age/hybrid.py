"""The post-quantum ``mlkem768x25519`` recipient type of age (age v1.3, c2sp.org/age).

HPKE (RFC 9180) with the MLKEM768-X25519 hybrid KEM, HKDF-SHA256 and ChaCha20-Poly1305, all
from ``cryptography``. The identity is a 32-byte seed; SHAKE-256 expands it to 96 bytes: the
ML-KEM-768 seed (d || z) and the X25519 private key. The recipient is the ML-KEM public key
followed by the X25519 one. A state that records traffic today cannot open the bundle with a
future quantum computer unless it also breaks ML-KEM.

If this build of ``cryptography``/OpenSSL lacks ML-KEM, everything here raises Unavailable:
Testigo fails closed rather than quietly falling back to a classical recipient.
"""

from __future__ import annotations

import functools
import os
from typing import Any

from cryptography.exceptions import InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from reporter.age import bech32
from reporter.age.header import Stanza, b64decode, b64encode, header_error
from reporter.age.wrap import WRAPPED_SIZE
from reporter.errors import FormatError, Unavailable

STANZA_TYPE = "mlkem768x25519"
RECIPIENT_HRP = "age1pq"
IDENTITY_HRP = "AGE-SECRET-KEY-PQ-"
SEED_SIZE = 32
MLKEM_PUBLIC_SIZE = 1184
MLKEM_CIPHERTEXT_SIZE = 1088
X25519_SIZE = 32
PUBLIC_SIZE = MLKEM_PUBLIC_SIZE + X25519_SIZE
ENC_SIZE = MLKEM_CIPHERTEXT_SIZE + X25519_SIZE
_INFO = b"age-encryption.org/mlkem768x25519"


@functools.cache
def ml_kem_available() -> bool:
    """True if ``cryptography`` here can do HPKE with ML-KEM-768 + X25519."""
    try:
        from cryptography.hazmat.primitives import hpke
        from cryptography.hazmat.primitives.asymmetric import mlkem

        mlkem.MLKEM768PrivateKey.from_seed_bytes(bytes(64))
        return int(hpke.KEM.MLKEM768_X25519.enc_length()) == ENC_SIZE
    except (ImportError, AttributeError, UnsupportedAlgorithm):
        return False


def _require_ml_kem() -> None:
    if not ml_kem_available():
        raise Unavailable(what="ML-KEM-768 (post-quantum encryption)")


def _suite() -> Any:
    from cryptography.hazmat.primitives import hpke

    return hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)


def _key_error(reason: str) -> FormatError:
    return FormatError(what="age key", reason=reason)


class HybridRecipient:
    """A post-quantum hybrid public key, ``age1pq1...``."""

    stanza_type = STANZA_TYPE

    def __init__(self, public_key: bytes) -> None:
        _require_ml_kem()
        from cryptography.hazmat.primitives import hpke
        from cryptography.hazmat.primitives.asymmetric import mlkem

        if len(public_key) != PUBLIC_SIZE:
            raise _key_error("a post-quantum recipient has the wrong size")
        self.public_bytes = bytes(public_key)
        try:
            self._key = hpke.MLKEM768X25519PublicKey(
                mlkem.MLKEM768PublicKey.from_public_bytes(public_key[:MLKEM_PUBLIC_SIZE]),
                X25519PublicKey.from_public_bytes(public_key[MLKEM_PUBLIC_SIZE:]),
            )
        except ValueError:
            raise _key_error("invalid post-quantum recipient") from None

    @classmethod
    def from_string(cls, text: str) -> HybridRecipient:
        hrp, data = bech32.decode(text.strip())
        if hrp != RECIPIENT_HRP:
            raise _key_error("not an age post-quantum recipient")
        return cls(data)

    def to_string(self) -> str:
        return bech32.encode(RECIPIENT_HRP, self.public_bytes)

    def wrap(self, file_key: bytes) -> list[Stanza]:
        sealed = _suite().encrypt(file_key, self._key, info=_INFO)
        enc, body = sealed[:ENC_SIZE], sealed[ENC_SIZE:]
        return [Stanza(STANZA_TYPE, (b64encode(enc),), body)]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HybridRecipient) and other.public_bytes == self.public_bytes

    def __hash__(self) -> int:
        return hash((STANZA_TYPE, self.public_bytes))

    def __repr__(self) -> str:
        text = self.to_string()
        return f"HybridRecipient({text[:16]}...{text[-8:]})"


class HybridIdentity:
    """A post-quantum hybrid private key: a 32-byte seed, ``AGE-SECRET-KEY-PQ-1...``."""

    stanza_type = STANZA_TYPE

    def __init__(self, seed: bytes) -> None:
        _require_ml_kem()
        from cryptography.hazmat.primitives import hpke
        from cryptography.hazmat.primitives.asymmetric import mlkem

        if len(seed) != SEED_SIZE:
            raise _key_error("a post-quantum identity is a 32-byte seed")
        self._seed = bytes(seed)
        shake = hashes.Hash(hashes.SHAKE256(96))
        shake.update(self._seed)
        expanded = shake.finalize()
        self._mlkem = mlkem.MLKEM768PrivateKey.from_seed_bytes(expanded[:64])
        self._x25519 = X25519PrivateKey.from_private_bytes(expanded[64:])
        self._key = hpke.MLKEM768X25519PrivateKey(self._mlkem, self._x25519)

    @classmethod
    def generate(cls) -> HybridIdentity:
        _require_ml_kem()
        return cls(os.urandom(SEED_SIZE))

    @classmethod
    def from_string(cls, text: str) -> HybridIdentity:
        hrp, data = bech32.decode(text.strip())
        if hrp != IDENTITY_HRP:
            raise _key_error("not an age post-quantum identity")
        return cls(data)

    def to_string(self) -> str:
        return bech32.encode(IDENTITY_HRP, self._seed)

    def recipient(self) -> HybridRecipient:
        mlkem_public = self._mlkem.public_key().public_bytes_raw()
        return HybridRecipient(mlkem_public + self._x25519.public_key().public_bytes_raw())

    def unwrap(self, stanza: Stanza) -> bytes | None:
        if stanza.type != STANZA_TYPE:
            return None
        if len(stanza.args) != 1:
            raise header_error("mlkem768x25519 stanza needs exactly one argument")
        enc = b64decode(stanza.args[0])
        if len(enc) != ENC_SIZE:
            raise header_error("mlkem768x25519 encapsulation has the wrong size")
        if len(stanza.body) != WRAPPED_SIZE:
            raise header_error("wrapped file key has the wrong size")
        try:  # HPKE does not say why it failed; a low-order X25519 share is a malformed file
            self._x25519.exchange(X25519PublicKey.from_public_bytes(enc[MLKEM_CIPHERTEXT_SIZE:]))
        except ValueError:
            raise header_error("X25519 part of the encapsulation is a low-order point") from None
        try:
            return bytes(_suite().decrypt(enc + stanza.body, self._key, info=_INFO))
        except InvalidTag:
            return None

    def __repr__(self) -> str:
        return "HybridIdentity(<secret>)"
