"""Coordinator receipts: "the coalition received your bundle", which only the device can read.

A receipt is signed with the coalition's service key and sealed (age, X25519) to the receipt
key the device put inside the bundle. The relay carries it but can neither read nor forge it;
the device checks it against the service key of the profile it trusts now (a profile without
one: its root key) and, within their grace, the previous epochs' service keys that profile
lists: a receipt signed just before a rotation was in flight and still confirms its bundle.
After the grace, or for an epoch the profile does not list, the old key convinces it no longer.
"""

from __future__ import annotations

import base64
import io
import json
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from reporter.age import AgeReader, X25519Recipient, encrypt
from reporter.errors import FormatError, IntegrityError, TestigoError
from reporter.share.device import receipt_identity
from reporter.share.profile import canonical, receipt_keys
from reporter.vault.vault import Vault, utc_now

RECEIPT_CONTEXT = b"testigo receipt v1"
MAX_RECEIPT = 16 * 1024


def make_receipt(
    coalition_key: Ed25519PrivateKey, bundle_id: str, device_id: str, receipt_recipient: str
) -> bytes:
    body = {"bundle_id": bundle_id, "device_id": device_id, "received_at": utc_now()}
    signature = coalition_key.sign(RECEIPT_CONTEXT + b"\x00" + canonical(body))
    document = canonical({"receipt": body, "signature": base64.b64encode(signature).decode()})
    out = io.BytesIO()
    encrypt([X25519Recipient.from_string(receipt_recipient)], io.BytesIO(document), out)
    return out.getvalue()


def open_receipt(vault: Vault, data: bytes, device_id: str) -> dict[str, Any]:
    """Decrypt with this device's receipt key and verify a service key it trusts signed."""
    if len(data) > MAX_RECEIPT:
        raise FormatError(what="receipt", reason="too large")
    try:
        plain = AgeReader(io.BytesIO(data), [receipt_identity(vault)]).read_all(MAX_RECEIPT)
        document = json.loads(plain.decode("utf-8"))
        body, signature = document["receipt"], base64.b64decode(document["signature"])
        if (
            set(document) != {"receipt", "signature"}
            or not isinstance(body, dict)
            or set(body) != {"bundle_id", "device_id", "received_at"}
        ):
            raise FormatError(what="receipt", reason="unexpected fields")
    except TestigoError:
        raise
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise FormatError(what="receipt", reason="unreadable") from None
    message = RECEIPT_CONTEXT + b"\x00" + canonical(body)
    for key in receipt_keys(vault):
        try:
            Ed25519PublicKey.from_public_bytes(key).verify(signature, message)
        except (InvalidSignature, ValueError):
            continue
        if body["device_id"] != device_id:
            raise IntegrityError(reason="the receipt is for another device")
        return dict(body)
    raise IntegrityError(reason="the receipt is not signed by the coalition")
