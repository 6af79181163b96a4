"""The coalition profile: a small signed file a trainer loads onto a laptop.

It says who may read bundles (the coordinators' age recipients, all of one type), where to
send them (relay URLs, perhaps an onion address, and the relay's TLS key pin), which
vocabulary and anonymization policy apply, and it is signed with the coalition's Ed25519 key.
Trust on first use: once a vault trusts a coalition key, a profile signed by another key is
refused unless the person explicitly replaces it.

Version 2 adds the coalition key's ``epoch`` (a version 1 file is epoch 1) and, after a
rotation, ``previous_epochs``: until when bundles sealed to an older epoch are accepted.

The ``signing_key`` is the trust root: only the coalition's admin holds it (the coalition
folder), and it signs profiles, rosters and epoch keys. A version 2 profile may name a
``service_key``, the epoch's key the coordinators sign receipts, questions and evidence
packets with; without one (older coalitions) the root key signs those too.

Version 3 differs only in that a previous epoch may carry its ``service_key``: a receipt that
epoch's coordinators signed just before the rotation is still believed within that epoch's
grace (it was in flight). A profile that needs no such key is still written as version 2.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from reporter.age import HybridRecipient, X25519Recipient
from reporter.errors import FormatError, IntegrityError, NotFound, TooLarge, UntrustedKey
from reporter.share.fingerprint import digits
from reporter.share.policy import Policy
from reporter.share.relay_url import parse_relay_url
from reporter.vault.vault import Vault, utc_now

FORMAT = "testigo-coalition-profile"
VERSION = 3
VERSIONS = (1, 2, 3)
MAX_PROFILE = 64 * 1024
PROFILE_CONTEXT = b"testigo coalition profile v1"
RECIPIENT_TYPES = ("hybrid", "x25519")
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_PIN = re.compile(r"^sha256/[A-Za-z0-9+/]{43}=$")
_BODY_KEYS = (
    "name",
    "recipient_type",
    "recipients",
    "relays",
    "tls_pin",
    "vocabulary_version",
    "policy",
    "created_at",
    "signing_key",
)
_V2_KEYS = (*_BODY_KEYS, "epoch", "previous_epochs")
_SERVICE = "service_key"  # optional in version 2: coalitions made before it have none
MAX_EPOCH = 1_000_000


def canonical(obj: Any) -> bytes:
    """The one byte form that is signed and hashed: sorted keys, no spaces, UTF-8."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _bad(reason: str, **values: Any) -> FormatError:
    return FormatError(what="coalition profile", reason=reason, **values)


@dataclass(frozen=True)
class CoalitionProfile:
    name: str
    recipient_type: str
    recipients: tuple[str, ...]
    relays: tuple[str, ...]
    tls_pin: str | None
    vocabulary_version: str
    policy: Policy
    created_at: str
    signing_public_key: bytes
    epoch: int = 1
    previous_epochs: tuple[tuple[int, str], ...] = ()  # (epoch, accepted until), newest first
    service_key: bytes | None = None  # the epoch's Ed25519 key for what devices receive
    previous_service_keys: tuple[tuple[int, bytes], ...] = ()  # (epoch, key): version 3
    version: int = VERSION
    raw: bytes = field(default=b"", repr=False, compare=False)  # the signed file

    def body(self) -> dict[str, Any]:
        """The signed fields; a version 1 profile keeps its own (so its profile id stays)."""
        body: dict[str, Any] = {
            "name": self.name,
            "recipient_type": self.recipient_type,
            "recipients": list(self.recipients),
            "relays": list(self.relays),
            "tls_pin": self.tls_pin,
            "vocabulary_version": self.vocabulary_version,
            "policy": self.policy.to_json(),
            "created_at": self.created_at,
            "signing_key": base64.b64encode(self.signing_public_key).decode(),
        }
        if self.version >= 2:
            body["epoch"] = self.epoch
            keys = dict(self.previous_service_keys)
            body["previous_epochs"] = [
                {"epoch": e, "accepted_until": until}
                | ({_SERVICE: base64.b64encode(keys[e]).decode()} if e in keys else {})
                for e, until in self.previous_epochs
            ]
            if self.service_key is not None:
                body[_SERVICE] = base64.b64encode(self.service_key).decode()
        return body

    def newer_than(self, other: CoalitionProfile) -> bool:
        """A later epoch, or the same epoch made later: what a device takes as an update."""
        return (self.epoch, self.created_at) > (other.epoch, other.created_at)

    @property
    def service_public_key(self) -> bytes:
        """The key receipts, questions and evidence packets of this profile's epoch verify with."""
        return self.signing_public_key if self.service_key is None else self.service_key

    def receipt_keys(self, now: str) -> list[bytes]:
        """This epoch's service key, then those of previous epochs still in their grace."""
        grace = dict(self.previous_epochs)
        return [self.service_public_key] + [
            key for epoch, key in self.previous_service_keys if now < grace[epoch]
        ]

    @property
    def profile_id(self) -> str:
        """Hex SHA-256 of the signed body: what a bundle names as the profile it is for."""
        return hashlib.sha256(canonical(self.body())).hexdigest()

    @property
    def fingerprint(self) -> str:
        """Digits to compare out of band: any change to the profile changes them."""
        return digits(canonical(self.body()), PROFILE_CONTEXT)

    @property
    def key_fingerprint(self) -> str:
        return digits(self.signing_public_key, PROFILE_CONTEXT + b" key")

    def age_recipients(self) -> list[X25519Recipient | HybridRecipient]:
        if self.recipient_type == "hybrid":
            return [HybridRecipient.from_string(r) for r in self.recipients]
        return [X25519Recipient.from_string(r) for r in self.recipients]

    def summary(self) -> dict[str, Any]:
        return {
            **self.body(),
            "fingerprint": self.fingerprint,
            "profile_id": self.profile_id,
            "key_fingerprint": self.key_fingerprint,
        }


def _check_relay(url: Any) -> str:
    relay = parse_relay_url(url)  # the same strict reading the HTTP client uses
    if relay.scheme == "http" and not (relay.onion or relay.loopback):
        raise _bad("plain http:// is allowed only for .onion and loopback relays")
    return str(url).rstrip("/")


def build_body(
    name: str,
    recipient_type: str,
    recipients: list[str],
    relays: list[str],
    tls_pin: str | None,
    vocabulary_version: str,
    policy: Policy,
    signing_public_key: bytes,
    created_at: str | None = None,
    epoch: int = 1,
    previous_epochs: tuple[tuple[int, str], ...] = (),
    version: int | None = None,
    service_key: bytes | None = None,
    previous_service_keys: tuple[tuple[int, bytes], ...] = (),
) -> CoalitionProfile:
    """Validate and assemble a profile (the same checks a reader applies).

    Without a ``version``, the lowest that holds the fields: 3 only for previous service keys.
    """
    if version is None:
        version = 3 if previous_service_keys else 2
    if not isinstance(name, str) or not 1 <= len(name.strip()) <= 200:
        raise _bad("the name is 1 to 200 characters")
    if recipient_type not in RECIPIENT_TYPES:
        raise _bad("recipient_type is hybrid or x25519")
    if not isinstance(recipients, list) or not 1 <= len(recipients) <= 20:
        raise _bad("1 to 20 coordinator recipients")
    parse = (
        HybridRecipient.from_string if recipient_type == "hybrid" else X25519Recipient.from_string
    )
    for recipient in recipients:
        if not isinstance(recipient, str):
            raise _bad("a recipient is an age recipient string")
        parse(recipient)  # one type only: never classical and post-quantum together
    if not isinstance(relays, list) or not 1 <= len(relays) <= 5:
        raise _bad("1 to 5 relay URLs")
    if tls_pin is not None and (not isinstance(tls_pin, str) or not _PIN.match(tls_pin)):
        raise _bad("the TLS pin is sha256/<base64 of 32 bytes>")
    if not isinstance(vocabulary_version, str) or len(vocabulary_version) > 40:
        raise _bad("bad vocabulary version")
    if len(signing_public_key) != 32:
        raise _bad("the signing key is 32 bytes")
    _check_epochs(epoch, previous_epochs, version)
    if service_key is not None and (
        version == 1 or len(service_key) != 32 or service_key == signing_public_key
    ):
        raise _bad("the service key is 32 bytes, not the signing key, in a version 2 profile")
    _check_previous_keys(previous_service_keys, previous_epochs, signing_public_key, version)
    return CoalitionProfile(
        name=name.strip(),
        recipient_type=recipient_type,
        recipients=tuple(recipients),
        relays=tuple(_check_relay(u) for u in relays),
        tls_pin=tls_pin,
        vocabulary_version=vocabulary_version,
        policy=policy,
        created_at=created_at or utc_now(),
        signing_public_key=signing_public_key,
        epoch=epoch,
        previous_epochs=tuple(previous_epochs),
        service_key=service_key,
        previous_service_keys=tuple(previous_service_keys),
        version=version,
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_epochs(epoch: Any, previous: tuple[tuple[int, str], ...], version: int) -> None:
    if not _is_int(epoch) or not 1 <= epoch <= MAX_EPOCH:
        raise _bad("the epoch is a whole number from 1")
    if version == 1 and (epoch != 1 or previous):
        raise _bad("a version 1 profile is epoch 1")
    if len(previous) > 100:
        raise _bad("at most 100 previous epochs")
    seen = set()
    for old, until in previous:
        if not _is_int(old) or not 1 <= old < epoch or old in seen:
            raise _bad("previous epochs are distinct and older than the epoch")
        if not isinstance(until, str) or not _MOMENT.match(until):
            raise _bad("accepted_until is a UTC time YYYY-MM-DDTHH:MM:SSZ")
        seen.add(old)


def _check_previous_keys(
    keys: tuple[tuple[int, bytes], ...],
    previous: tuple[tuple[int, str], ...],
    root: bytes,
    version: int,
) -> None:
    if keys and version < 3:
        raise _bad("previous epochs' service keys need a version 3 profile")
    epochs = {epoch for epoch, _ in previous}
    if len({epoch for epoch, _ in keys}) != len(keys):
        raise _bad("previous epochs are distinct and older than the epoch")
    for epoch, key in keys:
        if epoch not in epochs or len(key) != 32 or key == root:
            raise _bad("a previous epoch's service key is 32 bytes, not the signing key")


def _previous_epochs(
    value: Any, version: int
) -> tuple[tuple[tuple[int, str], ...], tuple[tuple[int, bytes], ...]]:
    """The (epoch, accepted until) pairs, and the service keys a version 3 file gives them."""
    if not isinstance(value, list) or len(value) > 100:
        raise _bad("previous_epochs is a list")
    out, keys = [], []
    allowed = {"epoch", "accepted_until"}
    for item in value:
        if not isinstance(item, dict) or not allowed <= set(item) <= allowed | (
            {_SERVICE} if version >= 3 else set()
        ):
            raise _bad("a previous epoch has exactly epoch and accepted_until")
        out.append((item["epoch"], item["accepted_until"]))
        if _SERVICE in item:
            keys.append((item["epoch"], _b64(item[_SERVICE], _SERVICE)))
    return tuple(out), tuple(keys)


def sign_profile(profile: CoalitionProfile, key: Ed25519PrivateKey) -> bytes:
    body = profile.body()
    signature = key.sign(PROFILE_CONTEXT + b"\x00" + canonical(body))
    document = {
        "format": FORMAT,
        "version": profile.version,
        "profile": body,
        "signature": base64.b64encode(signature).decode(),
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode() + b"\n"


def _b64(value: Any, what: str) -> bytes:
    if not isinstance(value, str) or len(value) > 200:
        raise _bad("{field} is base64", field=what)
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise _bad("{field} is not valid base64", field=what) from None


def parse_profile(data: bytes) -> CoalitionProfile:
    """Parse and verify a profile file; every malformed input is a typed error."""
    if len(data) > MAX_PROFILE:
        raise TooLarge(limit="64 KiB")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _bad("not a JSON document") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _bad("not a Testigo coalition profile")
    version = document.get("version")
    if (
        not _is_int(version)
        or version not in VERSIONS
        or set(document) != {"format", "version", "profile", "signature"}
    ):
        raise _bad("unsupported version or unknown fields")
    body = document["profile"]
    keys = _BODY_KEYS if version == 1 else _V2_KEYS
    if (
        not isinstance(body, dict)
        or set(body) - {_SERVICE} != set(keys)
        or (version == 1 and _SERVICE in body)
    ):
        raise _bad("the profile has exactly these fields: {keys}", keys=", ".join(keys))
    key = _b64(body["signing_key"], "signing_key")
    signature = _b64(document["signature"], "signature")
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(
            signature, PROFILE_CONTEXT + b"\x00" + canonical(body)
        )
    except (InvalidSignature, ValueError):
        raise IntegrityError(reason="the profile's signature does not verify") from None
    created = body["created_at"]
    if not isinstance(created, str) or len(created) > 40:
        raise _bad("bad creation date")
    previous, previous_keys = _previous_epochs(body.get("previous_epochs", []), version)
    profile = build_body(
        body["name"],
        body["recipient_type"],
        body["recipients"],
        body["relays"],
        body["tls_pin"],
        body["vocabulary_version"],
        Policy.from_json(body["policy"]),
        key,
        created,
        body.get("epoch", 1),
        previous,
        version,
        _b64(body[_SERVICE], _SERVICE) if _SERVICE in body else None,
        previous_keys,
    )
    if canonical(profile.body()) != canonical(body):
        raise _bad("fields are not in their normal form")
    return CoalitionProfile(**{**profile.__dict__, "raw": bytes(data)})


# -- the profile a vault trusts ---------------------------------------------------------------
def import_profile(vault: Vault, data: bytes, replace: bool = False) -> CoalitionProfile:
    """Verify and store ``data`` as the current profile (trust on first use of its key)."""
    profile = parse_profile(data)
    current = current_profile(vault)
    if (
        current is not None
        and current.signing_public_key != profile.signing_public_key
        and not replace
    ):
        raise UntrustedKey(
            reason="a different coalition key signed this profile; compare its"
            " fingerprint out of band, then use --replace"
        )
    with vault.transaction() as conn:
        record_profile(conn, profile, True)
        vault.audit("profile_imported", None, conn)
    return profile


def record_profile(conn: Any, profile: CoalitionProfile, make_current: bool) -> None:
    """Store a verified profile (its id is then known to bundles), current or not."""
    if make_current:
        conn.execute("UPDATE profiles SET current = 0")
    conn.execute(
        "INSERT INTO profiles(fingerprint, signing_key, data, imported_at, current)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO UPDATE SET current ="
        " max(current, excluded.current)",
        (profile.profile_id, profile.signing_public_key, profile.raw, utc_now(), int(make_current)),
    )


def current_profile(vault: Vault) -> CoalitionProfile | None:
    rows = vault.query("SELECT data FROM profiles WHERE current = 1")
    return parse_profile(bytes(rows[0][0])) if rows else None


def require_profile(vault: Vault) -> CoalitionProfile:
    profile = current_profile(vault)
    if profile is None:
        raise NotFound(what="coalition profile (import one with 'testigo-cli profile import')")
    return profile


def known_profile_ids(vault: Vault) -> set[str]:
    return {r[0] for r in vault.query("SELECT fingerprint FROM profiles")}


def service_keys(vault: Vault) -> list[bytes]:
    """The one key a device accepts questions under: its current profile's.

    Never an older epoch's: after a rotation a removed coordinator still holds the old
    epoch's service key, and the device must no longer believe what it asks.
    """
    profile = current_profile(vault)
    return [] if profile is None else [profile.service_public_key]


def receipt_keys(vault: Vault) -> list[bytes]:
    """The keys a device accepts receipts under: its current profile's, and in their grace
    the previous epochs' it lists (a receipt signed just before a rotation was in flight)."""
    profile = current_profile(vault)
    return [] if profile is None else profile.receipt_keys(utc_now())
