"""A new coalition key epoch reaching the coordinators: the ``epoch-keys`` object.

After `coalition rotate`, each coordinator needs the new epoch's age identity (and keeps the
old ones to read old bundles) and the new epoch's service key (to sign receipts, questions and
evidence packets). The object carries every epoch's identity, the service key (none for a
profile that names none: a coalition made before service keys) and the new profile, is signed
by the coalition's root key, and is sealed with age only to the roster's active
coordinators: a coordinator removed before the rotation never gets it, so it cannot open what
devices seal to the new epoch. It travels through the relay's coordination channel or, offline,
as a file (`coalition rotate --out`, `coordination keys import`), sealed the same way as every
coordination object (``reporter.coordination.exchange``).
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from reporter.age import (
    HybridIdentity,
    X25519Identity,
    parse_identity,
)
from reporter.errors import FormatError, IntegrityError, TestigoError, UntrustedKey
from reporter.inbox.epochs import store_epochs, store_service_key
from reporter.share.coalition import MAX_EPOCHS_KEPT, CoalitionKeys
from reporter.share.profile import (
    CoalitionProfile,
    canonical,
    current_profile,
    parse_profile,
    record_profile,
)
from reporter.vault.vault import Vault, utc_now

FORMAT = "testigo-coordination"
KIND = "epoch-keys"
CONTEXT = b"testigo coalition epoch keys v1"
MAX_OBJECT = 1024 * 1024  # the relay's limit for a coordination object
_FIELDS = {"format", "version", "kind", "coalition_key", "epoch", "epochs", "profile"}
_SERVICE = "service_key"  # absent only for a profile without one (older coalitions)
Identities = dict[int, HybridIdentity | X25519Identity]


def _bad(reason: str) -> FormatError:
    return FormatError(what="epoch keys", reason=reason)


def epoch_keys_object(keys: CoalitionKeys) -> dict[str, Any]:
    """Every epoch's identity, the service key and the signed profile, signed by the root."""
    body: dict[str, Any] = {
        "format": FORMAT,
        "version": 1,
        "kind": KIND,
        "coalition_key": base64.b64encode(keys.profile.signing_public_key).decode(),
        "epoch": keys.profile.epoch,
        "epochs": [
            {"epoch": e, "identity": i.to_string()} for e, i in sorted(keys.all_epochs().items())
        ],
        "profile": base64.b64encode(keys.profile.raw).decode(),
    }
    if keys.service_key is not None:
        body[_SERVICE] = base64.b64encode(keys.service_key.private_bytes_raw()).decode()
    signature = keys.signing_key.sign(CONTEXT + b"\x00" + canonical(body))
    return {**body, "signature": base64.b64encode(signature).decode()}


def verify_epoch_keys(
    obj: dict[str, Any], trusted_key: bytes
) -> tuple[CoalitionProfile, Identities, Ed25519PrivateKey | None]:
    """The new profile, every epoch's identity and the service key, once the root signed."""
    fields = _FIELDS | ({_SERVICE} if isinstance(obj, dict) and _SERVICE in obj else set())
    if (
        not isinstance(obj, dict)
        or set(obj) != fields | {"signature"}
        or obj["format"] != FORMAT
        or obj["version"] != 1
        or obj["kind"] != KIND
    ):
        raise _bad("not a Testigo epoch keys object")
    body = {k: obj[k] for k in fields}
    try:
        key = base64.b64decode(str(obj["coalition_key"]), validate=True)
        signature = base64.b64decode(str(obj["signature"]), validate=True)
        raw_profile = base64.b64decode(str(obj["profile"]), validate=True)
    except (binascii.Error, ValueError):
        raise _bad("a field is not valid base64") from None
    if key != trusted_key:
        raise UntrustedKey(reason="these epoch keys are not signed by this vault's coalition")
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(
            signature, CONTEXT + b"\x00" + canonical(body)
        )
    except (InvalidSignature, ValueError):
        raise IntegrityError(reason="the epoch keys' signature does not verify") from None
    profile = parse_profile(raw_profile)
    if profile.signing_public_key != key or profile.epoch != obj["epoch"]:
        raise _bad("the profile is not the one these keys are for")
    epochs = _identities(obj["epochs"])
    current = epochs.get(profile.epoch)
    if current is None or current.recipient().to_string() not in profile.recipients:
        raise _bad("the profile is not the one these keys are for")
    service = _service_key(obj.get(_SERVICE))
    public = None if service is None else service.public_key().public_bytes_raw()
    if public != profile.service_key:
        raise _bad("the service key is not the one the profile names")
    return profile, epochs, service


def _service_key(value: Any) -> Ed25519PrivateKey | None:
    if value is None:
        return None
    try:
        raw = base64.b64decode(str(value)[:100], validate=True)
        return Ed25519PrivateKey.from_private_bytes(raw)
    except (binascii.Error, ValueError):
        raise _bad("a field is not valid base64") from None


def _identities(value: Any) -> Identities:
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_EPOCHS_KEPT:
        raise _bad("epochs is a list")
    out = {}
    for entry in value:
        if not isinstance(entry, dict) or set(entry) != {"epoch", "identity"}:
            raise _bad("an epoch has exactly epoch and identity")
        epoch = entry["epoch"]
        if not isinstance(epoch, int) or isinstance(epoch, bool) or epoch < 1:
            raise _bad("an epoch is a whole number from 1")
        if not isinstance(entry["identity"], str) or len(entry["identity"]) > 4096:
            raise _bad("an identity is an age identity string")
        try:
            out[epoch] = parse_identity(entry["identity"])
        except TestigoError:
            raise _bad("an identity is an age identity string") from None
    return out


def accept_epoch_keys(vault: Vault, obj: dict[str, Any]) -> CoalitionProfile:
    """Keep the epochs' identities and the new profile in this coordinator vault.

    Idempotent: the same object again changes nothing; an older one adds what it has but
    does not make its profile current again.
    """
    if vault.role != "coordinator":
        raise UntrustedKey(reason="epoch keys belong in a coordinator vault")
    trusted = current_profile(vault)
    if trusted is None:
        raise UntrustedKey(reason="this vault trusts no coalition yet")
    profile, epochs, service = verify_epoch_keys(obj, trusted.signing_public_key)
    now = utc_now()
    with vault.transaction() as conn:
        store_epochs(conn, epochs, profile, now)
        newest = conn.execute("SELECT max(epoch) FROM coalition_epochs").fetchone()[0]
        make_current = profile.epoch == newest and profile.newer_than(trusted)
        record_profile(conn, profile, make_current)
        if make_current:
            conn.execute(
                "UPDATE coalition_keys SET secret = ?, added_at = ? WHERE name = 'identity'",
                (epochs[profile.epoch].to_string().encode(), now),
            )
            if service is not None:  # and a root key from before service keys goes
                store_service_key(conn, service, now)
        vault.audit("coalition_epoch_keys_imported", None, conn)
    return profile


def handle(vault: Vault, obj: dict[str, Any]) -> dict[str, int]:
    """The coordination exchange's handler for kind ``epoch-keys``."""
    return {f"epoch {accept_epoch_keys(vault, obj).epoch} keys": 1}


def object_fields(obj: dict[str, Any]) -> dict[str, Any]:
    """What the coordination channel seals beside its own format, version and kind."""
    return {k: v for k, v in obj.items() if k not in ("format", "version", "kind")}
