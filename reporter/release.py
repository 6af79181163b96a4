"""Signed releases in minisign's format, so people can check a download with minisign too.

The format is a thin wrapper around Ed25519 (``cryptography`` does the signing): a public key
is base64 of "Ed", an 8-byte key id and the key; a signature file holds base64 of the
algorithm ("ED": the file's BLAKE2b-512 is signed, minisign's default; "Ed": the file itself,
the legacy form), the key id and the signature, then a trusted comment that a second
signature covers. We sign with "ED" and verify both.

Secret keys are stored as minisign's *unencrypted* secret key file (what ``minisign -G -W``
writes), mode 0600; minisign's scrypt-encrypted keys are refused with a clear message: sign
with minisign itself then. Everything read from a file is hostile: bounded sizes, strict
base64, exact lengths.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from reporter.errors import (
    BadReleaseSignature,
    MalformedReleaseFile,
    NotFound,
    StorageError,
    TooLarge,
)

PREHASHED = b"ED"
LEGACY = b"Ed"
_KDF_NONE = b"\x00\x00"
_KDF_SCRYPT = b"Sc"
_CHECKSUM_ALG = b"B2"
_UNTRUSTED = "untrusted comment: "
_TRUSTED = "trusted comment: "
KEY_FILE_LIMIT = 4096
SIGNATURE_FILE_LIMIT = 16 * 1024  # minisign's trusted comment is at most 8 KiB
TRUSTED_COMMENT_LIMIT = 8192
LEGACY_FILE_LIMIT = 64 * 1024 * 1024  # "Ed" signs the whole file: it must fit in memory
_CHUNK = 1024 * 1024


def _key_id_hex(key_id: bytes) -> str:
    """minisign shows a key id as a little-endian 64-bit number in upper-case hex."""
    return key_id[::-1].hex().upper()


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes
    key: Ed25519PublicKey

    @property
    def id_hex(self) -> str:
        return _key_id_hex(self.key_id)

    def raw(self) -> bytes:
        return self.key.public_bytes_raw()

    def to_text(self) -> str:
        blob = base64.b64encode(LEGACY + self.key_id + self.raw()).decode("ascii")
        return f"{_UNTRUSTED}minisign public key {self.id_hex}\n{blob}\n"


@dataclass(frozen=True)
class SecretKey:
    key_id: bytes
    private: Ed25519PrivateKey

    def public_key(self) -> PublicKey:
        return PublicKey(self.key_id, self.private.public_key())

    def to_text(self) -> str:
        """minisign's secret key file, unencrypted (its checksum lets minisign accept it)."""
        seed = self.private.private_bytes_raw()
        sk = seed + self.private.public_key().public_bytes_raw()
        checksum = hashlib.blake2b(LEGACY + self.key_id + sk, digest_size=32).digest()
        blob = (
            LEGACY + _KDF_NONE + _CHECKSUM_ALG + bytes(32) + bytes(16) + self.key_id + sk + checksum
        )
        return (
            f"{_UNTRUSTED}minisign secret key {self.public_key().id_hex} (unencrypted)\n"
            f"{base64.b64encode(blob).decode('ascii')}\n"
        )


def generate_key() -> SecretKey:
    return SecretKey(secrets.token_bytes(8), Ed25519PrivateKey.generate())


def _bad(what: str, reason: str) -> MalformedReleaseFile:
    return MalformedReleaseFile(what=what, reason=reason)


def _lines(text: str, what: str) -> list[str]:
    lines = [line.rstrip("\r") for line in text.split("\n")]
    while lines and lines[-1] == "":
        lines.pop()
    if any(not line.replace("\t", " ").isprintable() for line in lines if line):
        raise _bad(what, "contains control characters")
    return lines


def _b64(line: str, length: int, what: str) -> bytes:
    try:
        raw = base64.b64decode(line.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise _bad(what, "not valid base64") from None
    if len(raw) != length:
        raise _bad(what, "wrong length")
    return raw


def read_public_key(text: str) -> PublicKey:
    """A minisign public key file, or its base64 line alone (what ``minisign -P`` takes)."""
    lines = _lines(text, "public key")
    if len(lines) == 2 and lines[0].startswith(_UNTRUSTED):
        lines = lines[1:]
    if len(lines) != 1:
        raise _bad("public key", "expected a comment line and a key line")
    raw = _b64(lines[0], 42, "public key")
    if raw[:2] != LEGACY:
        raise _bad("public key", "not an Ed25519 minisign key")
    return PublicKey(raw[2:10], Ed25519PublicKey.from_public_bytes(raw[10:]))


def read_secret_key(text: str) -> SecretKey:
    lines = _lines(text, "secret key")
    if len(lines) != 2 or not lines[0].startswith(_UNTRUSTED):
        raise _bad("secret key", "expected a comment line and a key line")
    raw = _b64(lines[1], 158, "secret key")
    sig_alg, kdf_alg, checksum_alg = raw[0:2], raw[2:4], raw[4:6]
    if sig_alg != LEGACY or checksum_alg != _CHECKSUM_ALG:
        raise _bad("secret key", "not an Ed25519 minisign key")
    if kdf_alg == _KDF_SCRYPT:
        raise _bad("secret key", "it is encrypted: sign with minisign itself")
    if kdf_alg != _KDF_NONE:
        raise _bad("secret key", "unknown key encryption")
    key_id, sk, checksum = raw[54:62], raw[62:126], raw[126:158]
    expected = hashlib.blake2b(sig_alg + key_id + sk, digest_size=32).digest()
    # minisign -W leaves an unencrypted key's checksum zero; the key pair check below still holds
    if checksum != bytes(32) and not secrets.compare_digest(checksum, expected):
        raise _bad("secret key", "checksum mismatch")
    private = Ed25519PrivateKey.from_private_bytes(sk[:32])
    if private.public_key().public_bytes_raw() != sk[32:]:
        raise _bad("secret key", "checksum mismatch")
    return SecretKey(key_id, private)


def _os_error(exc: OSError, path: Path) -> NotFound | StorageError:
    if isinstance(exc, FileNotFoundError):
        return NotFound(what=str(path))
    return StorageError(reason=exc.strerror or type(exc).__name__)


def read_limited(path: Path, limit: int) -> str:
    """A small text file (key or signature), refused past ``limit`` bytes."""
    try:
        with path.open("rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise _os_error(exc, path) from None
    if len(data) > limit:
        raise TooLarge(limit=limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise _bad("file", "not UTF-8 text") from None


def _digest(path: Path) -> bytes:
    h = hashlib.blake2b(digest_size=64)
    try:
        with path.open("rb") as f:
            while chunk := f.read(_CHUNK):
                h.update(chunk)
    except OSError as exc:
        raise _os_error(exc, path) from None
    return h.digest()


def _message(path: Path, alg: bytes) -> bytes:
    if alg == PREHASHED:
        return _digest(path)
    try:
        size = path.stat().st_size
        if size > LEGACY_FILE_LIMIT:
            raise TooLarge(limit=LEGACY_FILE_LIMIT)
        return path.read_bytes()
    except OSError as exc:
        raise _os_error(exc, path) from None


def sign_file(path: Path, key: SecretKey, trusted_comment: str | None = None) -> str:
    """The text of ``path``'s signature (``.minisig``), prehashed as minisign does by default."""
    if trusted_comment is None:
        trusted_comment = f"timestamp:{int(time.time())}\tfile:{path.name}\thashed"
    if len(trusted_comment.encode()) > TRUSTED_COMMENT_LIMIT or "\n" in trusted_comment:
        raise _bad("trusted comment", "too long or more than one line")
    signature = key.private.sign(_digest(path))
    global_signature = key.private.sign(signature + trusted_comment.encode())
    blob = base64.b64encode(PREHASHED + key.key_id + signature).decode("ascii")
    return (
        f"{_UNTRUSTED}signature from Testigo release key {key.public_key().id_hex}\n"
        f"{blob}\n{_TRUSTED}{trusted_comment}\n"
        f"{base64.b64encode(global_signature).decode('ascii')}\n"
    )


@dataclass(frozen=True)
class Verified:
    key_id: str
    trusted_comment: str
    prehashed: bool


def verify_file(path: Path, signature_text: str, key: PublicKey) -> Verified:
    """Raise BadReleaseSignature unless ``key`` signed exactly this file and comment."""
    lines = _lines(signature_text, "signature")
    if len(lines) != 4 or not lines[0].startswith(_UNTRUSTED) or not lines[2].startswith(_TRUSTED):
        raise _bad(
            "signature", "expected four lines: comment, signature, trusted comment, signature"
        )
    raw = _b64(lines[1], 74, "signature")
    alg, key_id, signature = raw[:2], raw[2:10], raw[10:]
    if alg not in (PREHASHED, LEGACY):
        raise _bad("signature", "unknown signature algorithm")
    trusted_comment = lines[2][len(_TRUSTED) :]
    if len(trusted_comment.encode()) > TRUSTED_COMMENT_LIMIT:
        raise _bad("signature", "trusted comment too long")
    global_signature = _b64(lines[3], 64, "signature")
    if key_id != key.key_id:
        raise BadReleaseSignature(
            reason="signed by another key", signed_by=_key_id_hex(key_id), expected=key.id_hex
        )
    try:
        key.key.verify(signature, _message(path, alg))
    except InvalidSignature:
        raise BadReleaseSignature(reason="the file does not match its signature") from None
    try:
        key.key.verify(global_signature, signature + trusted_comment.encode())
    except InvalidSignature:
        raise BadReleaseSignature(reason="the trusted comment was changed") from None
    return Verified(key.id_hex, trusted_comment, alg == PREHASHED)


def sha256sums(paths: list[Path]) -> str:
    """``sha256sum``'s format (two spaces, base names), so ``sha256sum -c`` checks it."""
    lines = []
    for path in sorted(paths, key=lambda p: p.name):
        h = hashlib.sha256()
        with path.open("rb") as f:
            while chunk := f.read(_CHUNK):
                h.update(chunk)
        lines.append(f"{h.hexdigest()}  {path.name}\n")
    return "".join(lines)


def write_secret_key(path: Path, key: SecretKey) -> None:
    """Create the key file 0600; an existing file is never overwritten."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(key.to_text())
