"""This device's identity: an Ed25519 signing key and an X25519 key for coordinator receipts.

Both secrets live only inside the encrypted vault. The device id is a hash of the public
signing key, so it names the device without saying anything about it; the fingerprint is
what a trainer reads to the coordinator out of band.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from reporter.age import X25519Identity
from reporter.share.fingerprint import digits
from reporter.vault.vault import Vault, utc_now

DEVICE_CONTEXT = b"testigo device v1"


def device_id_of(public_key: bytes) -> str:
    return hashlib.sha256(DEVICE_CONTEXT + public_key).hexdigest()[:32]


def device_fingerprint(public_key: bytes) -> str:
    return digits(public_key, DEVICE_CONTEXT)


@dataclass(frozen=True)
class DeviceIdentity:
    _secret: bytes
    public_key: bytes

    @property
    def device_id(self) -> str:
        return device_id_of(self.public_key)

    @property
    def fingerprint(self) -> str:
        return device_fingerprint(self.public_key)

    def sign(self, data: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self._secret).sign(data)

    def __repr__(self) -> str:
        return f"DeviceIdentity({self.device_id})"


def _load_or_create(vault: Vault, name: str) -> tuple[bytes, bytes]:
    rows = vault.query("SELECT secret, public FROM device_keys WHERE name = ?", (name,))
    if rows:
        return bytes(rows[0][0]), bytes(rows[0][1])
    if name == "signing":
        key = Ed25519PrivateKey.generate()
        secret = key.private_bytes_raw()
        public = key.public_key().public_bytes_raw()
    else:
        xkey = X25519PrivateKey.generate()
        secret = xkey.private_bytes_raw()
        public = xkey.public_key().public_bytes_raw()
    with vault.transaction() as conn:
        # Another thread may have made it in between: keep the first one.
        conn.execute(
            "INSERT OR IGNORE INTO device_keys(name, secret, public, created_at)"
            " VALUES (?, ?, ?, ?)",
            (name, secret, public, utc_now()),
        )
        row = conn.execute(
            "SELECT secret, public FROM device_keys WHERE name = ?", (name,)
        ).fetchone()
        if row[1] == public:
            vault.audit(f"device_key_created_{name}", None, conn)
    return bytes(row[0]), bytes(row[1])


def device_identity(vault: Vault) -> DeviceIdentity:
    """The device's signing identity, made on first use (at `init` for new vaults)."""
    secret, public = _load_or_create(vault, "signing")
    return DeviceIdentity(secret, public)


def receipt_identity(vault: Vault) -> X25519Identity:
    """The age identity coordinator receipts are sealed to (its recipient goes in bundles)."""
    secret, _public = _load_or_create(vault, "receipt")
    return X25519Identity.from_bytes(secret)


def verify_device_signature(public_key: bytes, signature: bytes, data: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature

    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True
