"""The ``scrypt`` (passphrase) recipient type of age.

Used to keep a coalition's secret keys encrypted under a passphrase and to read passphrase
files. The reader caps the work factor: a hostile file could otherwise ask for gigabytes of
memory and minutes of CPU (2^22 already needs 4 GiB). The stanza must be alone in its file,
which parse_header enforces.
"""

from __future__ import annotations

import os
import re

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from reporter.age.header import Stanza, b64decode, b64encode, header_error
from reporter.age.wrap import open_file_key, seal_file_key
from reporter.errors import InvalidInput

STANZA_TYPE = "scrypt"
SALT_SIZE = 16
DEFAULT_WORK_FACTOR = 18  # as age: about a second and 256 MiB
MAX_WORK_FACTOR = 20  # reading: at most 1 GiB of memory
_LABEL = b"age-encryption.org/v1/scrypt"
_DECIMAL = re.compile(r"[1-9][0-9]{0,1}")


def _wrap_key(passphrase: str, salt: bytes, work_factor: int) -> bytes:
    kdf = Scrypt(salt=_LABEL + salt, length=32, n=1 << work_factor, r=8, p=1)
    return kdf.derive(passphrase.encode("utf-8"))


class ScryptRecipient:
    """Encrypts to a passphrase."""

    stanza_type = STANZA_TYPE

    def __init__(self, passphrase: str, work_factor: int = DEFAULT_WORK_FACTOR) -> None:
        if not passphrase:
            raise InvalidInput("empty passphrase")
        if not 1 <= work_factor <= MAX_WORK_FACTOR:
            raise InvalidInput(f"scrypt work factor must be 1..{MAX_WORK_FACTOR}")
        self._passphrase = passphrase
        self.work_factor = work_factor

    def wrap(self, file_key: bytes) -> list[Stanza]:
        salt = os.urandom(SALT_SIZE)
        body = seal_file_key(_wrap_key(self._passphrase, salt, self.work_factor), file_key)
        return [Stanza(STANZA_TYPE, (b64encode(salt), str(self.work_factor)), body)]

    def __repr__(self) -> str:
        return f"ScryptRecipient(<passphrase>, work_factor={self.work_factor})"


class ScryptIdentity:
    """Decrypts with a passphrase, refusing work factors above ``max_work_factor``."""

    stanza_type = STANZA_TYPE

    def __init__(self, passphrase: str, max_work_factor: int = MAX_WORK_FACTOR) -> None:
        self._passphrase = passphrase
        self.max_work_factor = max_work_factor

    def unwrap(self, stanza: Stanza) -> bytes | None:
        if stanza.type != STANZA_TYPE:
            return None
        if len(stanza.args) != 2:
            raise header_error("scrypt stanza needs a salt and a work factor")
        salt = b64decode(stanza.args[0])
        if len(salt) != SALT_SIZE:
            raise header_error("scrypt salt has the wrong size")
        if not _DECIMAL.fullmatch(stanza.args[1]):
            raise header_error("invalid scrypt work factor")
        work_factor = int(stanza.args[1])
        if work_factor > self.max_work_factor:
            raise header_error("scrypt work factor too high")
        if len(stanza.body) != 32:
            raise header_error("wrapped file key has the wrong size")
        return open_file_key(_wrap_key(self._passphrase, salt, work_factor), stanza.body)

    def __repr__(self) -> str:
        return "ScryptIdentity(<passphrase>)"
