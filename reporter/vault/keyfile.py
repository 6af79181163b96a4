"""The vault key file: a random 256-bit database key, wrapped under Argon2id(passphrase).

Only this small file depends on the passphrase, so changing the passphrase rewraps one key
(atomically) and never re-encrypts data, and a wipe destroys this file first: without it the
database is noise. The KDF parameters and the vault id are authenticated as associated data,
so they cannot be swapped for weaker ones without the unwrap failing.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from reporter.errors import VaultCorrupt, WrongPassphrase
from reporter.fsutil import atomic_write

FORMAT = "testigo-vault-key"
VERSION = 1
KEY_SIZE = 32
MAX_KEYFILE_SIZE = 64 * 1024
# Cheap key derivation for the test suite only: set by tests/conftest.py and tests/fast_cli.py.
# Code has to set it; no environment variable can, so a user's shell cannot weaken a vault.
FAST_KDF_FOR_TESTS = False


@dataclass(frozen=True)
class KdfParams:
    """Argon2id (RFC 9106). Defaults take about 0.6-0.9 s on a 2-core laptop-class machine."""

    memory_kib: int = 256 * 1024
    iterations: int = 3
    lanes: int = 4

    @classmethod
    def for_tests(cls) -> KdfParams:
        # Only for automated tests, chosen in code (FAST_KDF_FOR_TESTS), never by the environment.
        return cls(memory_kib=1024, iterations=1, lanes=1)

    def validate(self) -> None:
        if not (8 <= self.memory_kib <= 4 * 1024 * 1024 and 1 <= self.iterations <= 64
                and 1 <= self.lanes <= 64 and self.memory_kib >= 8 * self.lanes):
            raise VaultCorrupt(detail="key derivation parameters out of range")


def default_kdf() -> KdfParams:
    if FAST_KDF_FOR_TESTS:
        return KdfParams.for_tests()
    return KdfParams()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise VaultCorrupt(detail="key file field is not text")
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        raise VaultCorrupt(detail="key file field is not base64") from None


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=KEY_SIZE,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def _aad(vault_id: str, params: KdfParams, salt: bytes) -> bytes:
    return json.dumps(
        {"format": FORMAT, "version": VERSION, "vault_id": vault_id, "kdf": asdict(params),
         "salt": _b64(salt)},
        sort_keys=True,
    ).encode("utf-8")


@dataclass(frozen=True)
class KeyFile:
    vault_id: str
    role: str
    params: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes

    @classmethod
    def seal(cls, db_key: bytes, passphrase: str, vault_id: str, role: str,
             params: KdfParams) -> KeyFile:
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        wrapping = _derive(passphrase, salt, params)
        wrapped = ChaCha20Poly1305(wrapping).encrypt(nonce, db_key, _aad(vault_id, params, salt))
        return cls(vault_id, role, params, salt, nonce, wrapped)

    def unwrap(self, passphrase: str) -> bytes:
        wrapping = _derive(passphrase, self.salt, self.params)
        try:
            key = ChaCha20Poly1305(wrapping).decrypt(
                self.nonce, self.wrapped, _aad(self.vault_id, self.params, self.salt)
            )
        except InvalidTag:
            raise WrongPassphrase() from None
        if len(key) != KEY_SIZE:
            raise VaultCorrupt(detail="wrapped key has the wrong size")
        return key

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "role": self.role,
            "kdf": {"name": "argon2id", **asdict(self.params), "salt": _b64(self.salt)},
            "aead": "chacha20-poly1305",
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped),
        }
        return (json.dumps(doc, indent=1) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        if len(data) > MAX_KEYFILE_SIZE:
            raise VaultCorrupt(detail="key file too large")
        try:
            doc = json.loads(data.decode("utf-8"))
            if doc.get("format") != FORMAT or doc.get("version") != VERSION:
                raise VaultCorrupt(detail="not a Testigo key file of a known version")
            kdf = doc["kdf"]
            if kdf.get("name") != "argon2id" or doc.get("aead") != "chacha20-poly1305":
                raise VaultCorrupt(detail="unknown key derivation or cipher")
            params = KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))
            role = str(doc.get("role", "reporter"))
            vault_id = str(doc["vault_id"])
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise VaultCorrupt(detail="key file does not parse") from None
        params.validate()
        salt, nonce, wrapped = _unb64(kdf["salt"]), _unb64(doc["nonce"]), _unb64(doc["wrapped_key"])
        if len(salt) < 16 or len(nonce) != 12 or len(wrapped) != KEY_SIZE + 16:
            raise VaultCorrupt(detail="key file fields have the wrong size")
        return cls(vault_id, role, params, salt, nonce, wrapped)

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_KEYFILE_SIZE + 1)
        except FileNotFoundError:
            raise VaultCorrupt(detail="key file missing") from None
        except OSError:
            raise VaultCorrupt(detail="key file unreadable") from None
        return cls.from_bytes(data)

    def write(self, path: Path) -> None:
        atomic_write(path, self.to_bytes())
