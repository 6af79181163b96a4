"""Making a coalition: its age identity, its root and service keys and its signed profile.

The secret keys are written only encrypted: an age file sealed with a passphrase (scrypt).
`init --role coordinator --coalition-dir` copies the age identities and the epoch's service
key into a coordinator's vault, never the root (signing) key: that stays in this file, so
only whoever holds the folder and its passphrase can sign profiles, rosters and epoch keys.
A rotation adds a key epoch: the keys file keeps every epoch's identity, so bundles sealed
to an older epoch still open, and each new epoch has a new service key.
"""

from __future__ import annotations

import base64
import io
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from reporter.age import (
    AgeReader,
    HybridIdentity,
    ScryptIdentity,
    ScryptRecipient,
    X25519Identity,
    encrypt,
    format_identity_file,
    parse_identity,
)
from reporter.errors import Conflict, FormatError, InvalidField, NotFound, TestigoError
from reporter.fsutil import atomic_write, ensure_private_dir
from reporter.incidents.vocab import vocabulary
from reporter.share.fingerprint import qr_svg
from reporter.share.policy import Policy
from reporter.share.profile import CoalitionProfile, build_body, parse_profile, sign_profile
from reporter.vault import passphrase as passphrase_policy

PROFILE_FILE = "coalition.testigo-profile"
KEYS_FILE = "coalition-keys.age"
QR_FILE = "fingerprint.svg"
KEYS_FORMAT = "testigo-coalition-keys"
KEYS_VERSION = 3  # 1: one identity (epoch 1); 2: epochs, no service keys
MAX_GRACE_DAYS = 365
MAX_EPOCHS_KEPT = 1000
Identity = HybridIdentity | X25519Identity


def _work_factor() -> int:
    # Tests choose cheap parameters in code (never the environment); people get age's cost.
    from reporter.vault import keyfile

    return 10 if keyfile.FAST_KDF_FOR_TESTS else 18


@dataclass(frozen=True)
class CoalitionKeys:
    identity: Identity  # the profile's epoch
    signing_key: Ed25519PrivateKey
    profile: CoalitionProfile
    epochs: dict[int, Identity] = field(default_factory=dict)  # every epoch's, current too
    service_key: Ed25519PrivateKey | None = None  # None: a coalition made before service keys

    def all_epochs(self) -> dict[int, Identity]:
        return {**self.epochs, self.profile.epoch: self.identity}

    def message_key(self) -> Ed25519PrivateKey:
        """What coordinators sign with: the service key, or an older coalition's root key."""
        return self.signing_key if self.service_key is None else self.service_key


def _seal_keys(
    out: Path,
    identity: Identity,
    signing_key: Ed25519PrivateKey,
    epochs: dict[int, Identity],
    keys_passphrase: str,
    service: dict[int, Ed25519PrivateKey],
) -> None:
    entries = []
    for epoch, epoch_identity in sorted(epochs.items()):
        entry = {"epoch": epoch, "identity": epoch_identity.to_string()}
        if epoch in service:
            entry["service_key"] = _b64(service[epoch])
        entries.append(entry)
    keys = json.dumps(
        {
            "format": KEYS_FORMAT,
            "version": KEYS_VERSION,
            "identity": identity.to_string(),
            "signing_key": _b64(signing_key),
            "epochs": entries,
        }
    ).encode()
    sealed = io.BytesIO()
    encrypt(
        [ScryptRecipient(keys_passphrase, _work_factor())], io.BytesIO(keys), sealed, armor=True
    )
    atomic_write(out / KEYS_FILE, sealed.getvalue())


def _b64(key: Ed25519PrivateKey) -> str:
    return base64.b64encode(key.private_bytes_raw()).decode()


def create_coalition(
    out: Path,
    name: str,
    relays: list[str],
    keys_passphrase: str,
    recipient_type: str = "hybrid",
    tls_pin: str | None = None,
    policy: Policy | None = None,
) -> CoalitionProfile:
    """Write the profile, the encrypted keys and a QR of the fingerprint into ``out``."""
    passphrase_policy.check(keys_passphrase)
    if recipient_type not in ("hybrid", "x25519"):
        raise InvalidField(field="recipients", reason="hybrid or x25519")
    ensure_private_dir(out)
    if (out / PROFILE_FILE).exists() or (out / KEYS_FILE).exists():
        raise Conflict(reason="that directory already holds a coalition; nothing was replaced")
    identity = (
        HybridIdentity.generate() if recipient_type == "hybrid" else X25519Identity.generate()
    )
    signing_key, service_key = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    profile = build_body(
        name,
        recipient_type,
        [identity.recipient().to_string()],
        relays,
        tls_pin,
        vocabulary().version,
        policy or Policy(),
        signing_key.public_key().public_bytes_raw(),
        service_key=service_key.public_key().public_bytes_raw(),
    )
    _seal_keys(out, identity, signing_key, {1: identity}, keys_passphrase, {1: service_key})
    signed = sign_profile(profile, signing_key)
    atomic_write(out / PROFILE_FILE, signed)
    parsed = parse_profile(signed)
    atomic_write(out / QR_FILE, qr_svg(parsed.fingerprint).encode())
    return parsed


def load_coalition_keys(directory: Path, keys_passphrase: str) -> CoalitionKeys:
    """Open DIR/coalition-keys.age with the passphrase; check it matches DIR's profile."""
    try:
        profile = parse_profile((directory / PROFILE_FILE).read_bytes())
        sealed = (directory / KEYS_FILE).read_bytes()
    except FileNotFoundError:
        raise NotFound(what=f"{PROFILE_FILE} and {KEYS_FILE} in the coalition directory") from None
    except OSError:
        raise NotFound(what="the coalition directory") from None
    try:
        reader = AgeReader(io.BytesIO(sealed), [ScryptIdentity(keys_passphrase)])
        document = json.loads(reader.read_all(64 * 1024).decode("utf-8"))
        if document.get("format") != KEYS_FORMAT:
            raise FormatError(what="coalition keys", reason="not a Testigo coalition key file")
        epochs, service = _epochs(document)
        signing_key = Ed25519PrivateKey.from_private_bytes(
            base64.b64decode(document["signing_key"])
        )
    except TestigoError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError):
        raise FormatError(what="coalition keys", reason="unreadable") from None
    if profile.epoch not in epochs:
        raise FormatError(what="coalition keys", reason="they do not belong to this profile")
    # A rotation cut short after the keys were written leaves a newer epoch no profile names.
    kept = {e: i for e, i in epochs.items() if e < profile.epoch}
    return check_keys(epochs[profile.epoch], signing_key, profile, kept, service.get(profile.epoch))


def _epochs(
    document: dict[str, Any],
) -> tuple[dict[int, Identity], dict[int, Ed25519PrivateKey]]:
    """Every epoch's identity, and the service key of those that have one."""
    if document.get("version") == 1:
        return {1: parse_identity(document["identity"])}, {}
    if document.get("version") not in (2, KEYS_VERSION) or not isinstance(document["epochs"], list):
        raise FormatError(what="coalition keys", reason="unreadable")
    epochs, service = {}, {}
    for entry in document["epochs"][:MAX_EPOCHS_KEPT]:
        epoch = entry["epoch"]
        if not isinstance(epoch, int) or isinstance(epoch, bool) or epoch < 1:
            raise FormatError(what="coalition keys", reason="unreadable")
        epochs[epoch] = parse_identity(entry["identity"])
        if "service_key" in entry:
            raw = base64.b64decode(entry["service_key"], validate=True)
            service[epoch] = Ed25519PrivateKey.from_private_bytes(raw)
    return epochs, service


def check_keys(
    identity: Identity,
    signing_key: Ed25519PrivateKey,
    profile: CoalitionProfile,
    epochs: dict[int, Identity] | None = None,
    service_key: Ed25519PrivateKey | None = None,
) -> CoalitionKeys:
    service_public = None if service_key is None else service_key.public_key().public_bytes_raw()
    if (
        signing_key.public_key().public_bytes_raw() != profile.signing_public_key
        or identity.recipient().to_string() not in profile.recipients
        or service_public != profile.service_key
    ):
        raise FormatError(what="coalition keys", reason="they do not belong to this profile")
    return CoalitionKeys(
        identity, signing_key, profile, {**(epochs or {}), profile.epoch: identity}, service_key
    )


def export_identity(keys: CoalitionKeys, kind: str, out: Path) -> None:
    """A standard age identity file (for `age -d -i`, interop checks and recovery)."""
    wanted = HybridIdentity if kind == "hybrid" else X25519Identity
    if not isinstance(keys.identity, wanted):
        raise InvalidField(
            field="type",
            reason="this coalition uses {kind} recipients",
            kind=keys.profile.recipient_type,
        )
    if out.exists():
        raise Conflict(reason="the output file exists; nothing was replaced")
    atomic_write(out, format_identity_file([keys.identity]).encode())


def grace_end(days: int, now: datetime | None = None) -> str:
    """The hour (UTC, rounded down) from which bundles sealed to the old epoch are refused."""
    if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= MAX_GRACE_DAYS:
        raise InvalidField(field="grace_days", reason="0 to 365 days")
    moment = (now or datetime.now(UTC)).replace(minute=0, second=0, microsecond=0)
    return (moment + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def rotate_coalition(directory: Path, keys_passphrase: str, grace_days: int = 30) -> CoalitionKeys:
    """A new key epoch: a new age identity of the same type, a new service key, a new profile.

    The keys file keeps every earlier epoch's identity (old bundles still open); the profile
    says until when bundles sealed to the previous epoch are accepted. The keys are written
    before the profile, so a rotation cut short leaves the old profile and its keys usable.
    A coalition made before service keys gets its first one here: from this epoch on, the
    root key signs nothing a coordinator sends.
    """
    until = grace_end(grace_days)
    keys = load_coalition_keys(directory, keys_passphrase)
    old = keys.profile
    identity: Identity = (
        HybridIdentity.generate()
        if isinstance(keys.identity, HybridIdentity)
        else X25519Identity.generate()
    )
    service_key = Ed25519PrivateKey.generate()
    mine = keys.identity.recipient().to_string()
    recipients = [identity.recipient().to_string() if r == mine else r for r in old.recipients]
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    previous = ((old.epoch, until), *((e, u) for e, u in old.previous_epochs if u > now))[:100]
    # Receipts signed by a previous epoch's service key may still be in flight (its grace).
    kept = {e for e, _ in previous}
    previous_keys = tuple(
        (e, k)
        for e, k in ((old.epoch, old.service_key), *old.previous_service_keys)
        if k is not None and e in kept
    )
    profile = build_body(
        old.name,
        old.recipient_type,
        recipients,
        list(old.relays),
        old.tls_pin,
        old.vocabulary_version,
        old.policy,
        old.signing_public_key,
        epoch=old.epoch + 1,
        previous_epochs=previous,
        service_key=service_key.public_key().public_bytes_raw(),
        previous_service_keys=previous_keys,
    )
    epochs = {**keys.all_epochs(), profile.epoch: identity}
    # The old epoch's service key stays only so that a rotation cut short leaves it usable.
    service = {profile.epoch: service_key}
    if keys.service_key is not None:
        service[old.epoch] = keys.service_key
    _seal_keys(directory, identity, keys.signing_key, epochs, keys_passphrase, service)
    signed = sign_profile(profile, keys.signing_key)
    atomic_write(directory / PROFILE_FILE, signed)
    parsed = parse_profile(signed)
    atomic_write(directory / QR_FILE, qr_svg(parsed.fingerprint).encode())
    return CoalitionKeys(identity, keys.signing_key, parsed, epochs, service_key)
