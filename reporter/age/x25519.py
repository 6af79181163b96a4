"""The classical ``X25519`` recipient type of age, and its Bech32 key strings.

Kept for coalitions whose other tools only read classical age files (Debian's age 1.1).
Testigo never puts it in the same file as a post-quantum stanza: that would let a future
quantum attacker open the file through the classical stanza.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from reporter.age import bech32
from reporter.age.header import Stanza, b64decode, b64encode, header_error
from reporter.age.wrap import open_file_key, seal_file_key
from reporter.errors import FormatError

STANZA_TYPE = "X25519"
RECIPIENT_HRP = "age"
IDENTITY_HRP = "AGE-SECRET-KEY-"
KEY_SIZE = 32
_LABEL = b"age-encryption.org/v1/X25519"


def _wrap_key(shared: bytes, share: bytes, recipient: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=share + recipient, info=_LABEL)
    return hkdf.derive(shared)


def _key_error(reason: str) -> FormatError:
    return FormatError(what="age key", reason=reason)


class X25519Recipient:
    """A classical public key, ``age1...``."""

    stanza_type = STANZA_TYPE

    def __init__(self, public_key: bytes) -> None:
        if len(public_key) != KEY_SIZE:
            raise _key_error("an X25519 recipient is 32 bytes")
        self.public_bytes = bytes(public_key)
        self._key = X25519PublicKey.from_public_bytes(self.public_bytes)

    @classmethod
    def from_string(cls, text: str) -> X25519Recipient:
        hrp, data = bech32.decode(text.strip())
        if hrp != RECIPIENT_HRP:
            raise _key_error("not an age X25519 recipient")
        return cls(data)

    def to_string(self) -> str:
        return bech32.encode(RECIPIENT_HRP, self.public_bytes)

    def wrap(self, file_key: bytes) -> list[Stanza]:
        ephemeral = X25519PrivateKey.generate()
        share = ephemeral.public_key().public_bytes_raw()
        shared = ephemeral.exchange(self._key)
        body = seal_file_key(_wrap_key(shared, share, self.public_bytes), file_key)
        return [Stanza(STANZA_TYPE, (b64encode(share),), body)]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, X25519Recipient) and other.public_bytes == self.public_bytes

    def __hash__(self) -> int:
        return hash((STANZA_TYPE, self.public_bytes))

    def __repr__(self) -> str:
        return f"X25519Recipient({self.to_string()})"


class X25519Identity:
    """A classical private key, ``AGE-SECRET-KEY-1...``."""

    stanza_type = STANZA_TYPE

    def __init__(self, private_key: X25519PrivateKey) -> None:
        self._key = private_key
        self._public = private_key.public_key().public_bytes_raw()

    @classmethod
    def generate(cls) -> X25519Identity:
        return cls(X25519PrivateKey.generate())

    @classmethod
    def from_bytes(cls, secret: bytes) -> X25519Identity:
        if len(secret) != KEY_SIZE:
            raise _key_error("an X25519 identity is 32 bytes")
        return cls(X25519PrivateKey.from_private_bytes(secret))

    @classmethod
    def from_string(cls, text: str) -> X25519Identity:
        hrp, data = bech32.decode(text.strip())
        if hrp != IDENTITY_HRP:
            raise _key_error("not an age X25519 identity")
        return cls.from_bytes(data)

    def to_string(self) -> str:
        return bech32.encode(IDENTITY_HRP, self._key.private_bytes_raw())

    def recipient(self) -> X25519Recipient:
        return X25519Recipient(self._public)

    def unwrap(self, stanza: Stanza) -> bytes | None:
        if stanza.type != STANZA_TYPE:
            return None
        if len(stanza.args) != 1:
            raise header_error("X25519 stanza needs exactly one argument")
        share = b64decode(stanza.args[0])
        if len(share) != KEY_SIZE:
            raise header_error("X25519 share has the wrong size")
        try:
            shared = self._key.exchange(X25519PublicKey.from_public_bytes(share))
        except ValueError:  # all-zero shared secret: a low-order share
            raise header_error("X25519 share is a low-order point") from None
        return open_file_key(_wrap_key(shared, share, self._public), stanza.body)

    def __repr__(self) -> str:
        return "X25519Identity(<secret>)"
