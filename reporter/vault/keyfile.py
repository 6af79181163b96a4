"""The vault key file: two key slots, each a 256-bit key wrapped under Argon2id(passphrase).

Only this small file depends on the passphrase, so changing the passphrase rewraps one key
(atomically) and never re-encrypts data, and a wipe destroys this file first: without it the
database is noise. The KDF parameters, the vault id and the wipe-after setting are
authenticated as associated data, so they cannot be swapped without the unwrap failing.

Slot 0 holds the real database key; slot 1 the decoy's key when a duress passphrase is set,
else random bytes of the same length. Every file therefore has the same shape, and which
slot a passphrase opened (and what the duress opening then does) is known only after the
passphrase was right. Both slots share the salt, so an attempt costs one derivation.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from reporter.errors import VaultCorrupt, WrongPassphrase
from reporter.fsutil import atomic_write

FORMAT = "testigo-vault-key"
VERSION = 2
KEY_SIZE = 32
SLOT_PLAIN = KEY_SIZE + 2  # the key, its kind, one flag
SLOT_SIZE = SLOT_PLAIN + 16  # + the AEAD tag
REAL, DECOY = 0, 1
WIPE_CHOICES = (0, 5, 10, 20)  # 0: off
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
        if not (
            8 <= self.memory_kib <= 4 * 1024 * 1024
            and 1 <= self.iterations <= 64
            and 1 <= self.lanes <= 64
            and self.memory_kib >= 8 * self.lanes
        ):
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


@dataclass(frozen=True)
class Slot:
    nonce: bytes
    wrapped: bytes

    @classmethod
    def random(cls) -> Slot:
        return cls(secrets.token_bytes(12), secrets.token_bytes(SLOT_SIZE))


@dataclass(frozen=True)
class Unlocked:
    """What a right passphrase opened: which slot, its key and its flag.

    The real slot's flag says a duress passphrase is set; the decoy slot's flag says the
    duress opening destroys the real key.
    """

    slot: int
    key: bytes
    flag: bool


@dataclass(frozen=True)
class KeyFile:
    vault_id: str
    role: str
    params: KdfParams
    salt: bytes
    slots: tuple[Slot, Slot]
    wipe_after: int = 0

    def _aad(self, index: int) -> bytes:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "role": self.role,
            "kdf": asdict(self.params),
            "salt": _b64(self.salt),
            "slot": index,
        }
        if index == REAL:
            # The decoy's slot does not bind it, so changing it never needs the duress phrase.
            doc["wipe_after"] = self.wipe_after
        return json.dumps(doc, sort_keys=True).encode("utf-8")

    def _sealed(self, index: int, wrapping: bytes, key: bytes, flag: bool) -> KeyFile:
        nonce = secrets.token_bytes(12)
        plain = key + bytes([index, int(flag)])
        slot = Slot(nonce, ChaCha20Poly1305(wrapping).encrypt(nonce, plain, self._aad(index)))
        slots = (slot, self.slots[1]) if index == REAL else (self.slots[0], slot)
        return replace(self, slots=slots)

    @classmethod
    def seal(
        cls,
        db_key: bytes,
        passphrase: str,
        vault_id: str,
        role: str,
        params: KdfParams,
        wipe_after: int = 0,
    ) -> KeyFile:
        blank = cls(
            vault_id,
            role,
            params,
            secrets.token_bytes(16),
            (Slot.random(), Slot.random()),
            wipe_after,
        )
        return blank._sealed(REAL, _derive(passphrase, blank.salt, params), db_key, False)

    def unlock(self, passphrase: str) -> Unlocked:
        """Open whichever slot the passphrase opens; both are always tried (same time)."""
        wrapping = ChaCha20Poly1305(_derive(passphrase, self.salt, self.params))
        found: Unlocked | None = None
        for index, slot in enumerate(self.slots):
            try:
                plain = wrapping.decrypt(slot.nonce, slot.wrapped, self._aad(index))
            except InvalidTag:
                continue
            if len(plain) != SLOT_PLAIN or plain[KEY_SIZE] != index:
                raise VaultCorrupt(detail="wrapped key has the wrong size")
            if found is None:
                found = Unlocked(index, plain[:KEY_SIZE], plain[KEY_SIZE + 1] == 1)
        if found is None:
            raise WrongPassphrase()
        return found

    def unwrap(self, passphrase: str) -> bytes:
        """The real database key; WrongPassphrase for any other passphrase."""
        opened = self.unlock(passphrase)
        if opened.slot != REAL:
            raise WrongPassphrase()
        return opened.key

    def rewrap(self, index: int, key: bytes, passphrase: str, flag: bool) -> KeyFile:
        """This slot's key under ``passphrase`` (the other slot stays as it is)."""
        return self._sealed(index, _derive(passphrase, self.salt, self.params), key, flag)

    def renewed(self, db_key: bytes, passphrase: str, params: KdfParams) -> KeyFile:
        """A fresh salt and today's parameters; only without a duress slot to keep."""
        return KeyFile.seal(db_key, passphrase, self.vault_id, self.role, params, self.wipe_after)

    def without_real(self) -> KeyFile:
        """The real slot replaced by noise of the same shape: the real data is gone."""
        return replace(self, slots=(Slot.random(), self.slots[1]))

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "role": self.role,
            "kdf": {"name": "argon2id", **asdict(self.params), "salt": _b64(self.salt)},
            "aead": "chacha20-poly1305",
            "wipe_after": f"{self.wipe_after:02d}",  # fixed width: on and off, same size
            "slots": [{"nonce": _b64(s.nonce), "wrapped_key": _b64(s.wrapped)} for s in self.slots],
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
            wipe_after = doc["wipe_after"]
            raw_slots = [(s["nonce"], s["wrapped_key"]) for s in doc["slots"]]
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise VaultCorrupt(detail="key file does not parse") from None
        params.validate()
        if not isinstance(wipe_after, str) or wipe_after not in {f"{n:02d}" for n in WIPE_CHOICES}:
            raise VaultCorrupt(detail="key file fields have the wrong size")
        salt = _unb64(kdf["salt"])
        slots = [Slot(_unb64(n), _unb64(w)) for n, w in raw_slots]
        if (
            len(salt) != 16
            or len(slots) != 2
            or any(len(s.nonce) != 12 or len(s.wrapped) != SLOT_SIZE for s in slots)
        ):
            raise VaultCorrupt(detail="key file fields have the wrong size")
        return cls(vault_id, role, params, salt, (slots[0], slots[1]), int(wipe_after))

    @classmethod
    def upgrade_v1(cls, data: bytes, passphrase: str) -> tuple[KeyFile, bytes]:
        """A version-1 file (one slot, made before issue 19) opened and resealed as today's."""
        try:
            doc = json.loads(data.decode("utf-8"))
            kdf = doc["kdf"]
            params = KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))
            vault_id, role = str(doc["vault_id"]), str(doc.get("role", "reporter"))
            salt, nonce = _unb64(kdf["salt"]), _unb64(doc["nonce"])
            wrapped = _unb64(doc["wrapped_key"])
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise VaultCorrupt(detail="key file does not parse") from None
        params.validate()
        aad = json.dumps(
            {
                "format": FORMAT,
                "version": 1,
                "vault_id": vault_id,
                "kdf": asdict(params),
                "salt": _b64(salt),
            },
            sort_keys=True,
        ).encode("utf-8")
        try:
            key = ChaCha20Poly1305(_derive(passphrase, salt, params)).decrypt(nonce, wrapped, aad)
        except (InvalidTag, ValueError):
            raise WrongPassphrase() from None
        if len(key) != KEY_SIZE:
            raise VaultCorrupt(detail="wrapped key has the wrong size")
        return cls.seal(key, passphrase, vault_id, role, params), key

    @staticmethod
    def is_v1(data: bytes) -> bool:
        try:
            return bool(json.loads(data.decode("utf-8")).get("version") == 1)
        except (ValueError, AttributeError, UnicodeDecodeError):
            return False

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
