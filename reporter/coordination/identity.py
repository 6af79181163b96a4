"""This vault's coordinator identity and its public card.

A coordinator signs their triage events with a key only their vault holds, and reads
coordination objects with an age identity of their own: removing one coordinator from the
roster then needs no new keys for the others. The card is what the coalition admin adds to
the roster; its id is derived from the signing key, so a card cannot claim another's id.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from reporter.age import X25519Identity, X25519Recipient
from reporter.errors import FormatError, IntegrityError, TooLarge, UsageError
from reporter.inbox.names import coordinator_name, single_line
from reporter.share.profile import canonical
from reporter.vault.vault import Vault, utc_now

CARD_FORMAT = "testigo-coordinator-card"
CARD_CONTEXT = b"testigo coordinator card v1"
MAX_CARD = 4096
MAX_NAME = 80
DEFAULT_NAME = "coordinator"


def member_id(signing_key: bytes) -> str:
    """The first 16 hex digits of SHA-256 of the raw public signing key."""
    return hashlib.sha256(signing_key).hexdigest()[:16]


@dataclass(frozen=True)
class CoordinatorIdentity:
    signing_key: Ed25519PrivateKey
    age_identity: X25519Identity
    name: str

    @property
    def public_key(self) -> bytes:
        return self.signing_key.public_key().public_bytes_raw()

    @property
    def member_id(self) -> str:
        return member_id(self.public_key)

    @property
    def recipient(self) -> str:
        return self.age_identity.recipient().to_string()


@dataclass(frozen=True)
class Card:
    id: str
    name: str
    signing_key: bytes
    recipient: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "signing_key": base64.b64encode(self.signing_key).decode(),
            "recipient": self.recipient,
        }


def my_identity(vault: Vault, name: str | None = None) -> CoordinatorIdentity:
    """The identity of this vault, made (and kept in the vault) on first use."""
    rows = vault.query("SELECT signing_key, age_identity, name FROM coord_identity")
    if not rows:
        display = clean_name(name or coordinator_name(vault))
        key, age_identity = Ed25519PrivateKey.generate(), X25519Identity.generate()
        with vault.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO coord_identity VALUES ('me', ?, ?, ?, ?)",
                (key.private_bytes_raw(), age_identity.to_string(), display, utc_now()),
            )
            vault.audit("coordinator_identity_created", None, conn)
        rows = vault.query("SELECT signing_key, age_identity, name FROM coord_identity")
    (secret, age_text, display), *_ = rows
    return CoordinatorIdentity(
        Ed25519PrivateKey.from_private_bytes(bytes(secret)),
        X25519Identity.from_string(str(age_text)),
        str(display),
    )


def my_member_id(vault: Vault) -> str:
    return my_identity(vault).member_id


def clean_name(name: str) -> str:
    return single_line(name, "name", MAX_NAME) or DEFAULT_NAME


def set_card_name(vault: Vault, name: str) -> None:
    my_identity(vault)
    with vault.transaction() as conn:
        conn.execute("UPDATE coord_identity SET name = ?", (clean_name(name),))


def card(vault: Vault, name: str | None = None) -> bytes:
    """The public card of this vault's identity (self-signed: it proves the key is held)."""
    if vault.role != "coordinator":
        raise UsageError(
            "a coordinator card belongs to a coordinator vault (init --role coordinator)"
        )
    if name is not None:
        set_card_name(vault, name)
    me = my_identity(vault)
    body = Card(me.member_id, me.name, me.public_key, me.recipient).to_json()
    signature = me.signing_key.sign(CARD_CONTEXT + b"\x00" + canonical(body))
    document = {
        "format": CARD_FORMAT,
        "version": 1,
        "card": body,
        "signature": base64.b64encode(signature).decode(),
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode() + b"\n"


def _bad(reason: str, **values: Any) -> FormatError:
    return FormatError(what="coordinator card", reason=reason, **values)


def b64_key(value: Any, size: int, what: str) -> bytes:
    if not isinstance(value, str) or len(value) > 200:
        raise _bad("{field} is base64", field=what)
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise _bad("{field} is not valid base64", field=what) from None
    if len(raw) != size:
        raise _bad("{field} has the wrong length", field=what)
    return raw


def check_member(body: Any) -> Card:
    """A card's (or a roster member's) public fields, validated."""
    if not isinstance(body, dict) or not {"id", "name", "signing_key", "recipient"} <= set(body):
        raise _bad("a card has id, name, signing_key and recipient")
    key = b64_key(body["signing_key"], 32, "signing_key")
    if body["id"] != member_id(key):
        raise _bad("the id is not derived from the signing key")
    if not isinstance(body["name"], str) or not body["name"].strip():
        raise _bad("the name is required")
    name = clean_name(body["name"])
    if not isinstance(body["recipient"], str) or len(body["recipient"]) > 200:
        raise _bad("the recipient is an age X25519 recipient")
    X25519Recipient.from_string(body["recipient"])
    return Card(body["id"], name, key, body["recipient"])


def signed_document(
    data: bytes, limit: int, what: str, format_name: str, version: int, body: str
) -> dict[str, Any] | None:
    """The envelope of a signed JSON document (format, version, ``body``, signature) as
    parsed, or None if it is JSON but not that document. Too large or not JSON is refused
    here, before anything else reads it: cards and rosters arrive from other people."""
    if len(data) > limit:
        raise TooLarge(limit=f"{limit // 1024} KiB")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise FormatError(what=what, reason="not a JSON document") from None
    if (
        not isinstance(document, dict)
        or document.get("format") != format_name
        or document.get("version") != version
        or set(document) != {"format", "version", body, "signature"}
    ):
        return None
    return document


def parse_card(data: bytes) -> Card:
    document = signed_document(data, MAX_CARD, "coordinator card", CARD_FORMAT, 1, "card")
    if document is None:
        raise _bad("not a Testigo coordinator card")
    body = document["card"]
    found = check_member(body)
    if set(body) != {"id", "name", "signing_key", "recipient"}:
        raise _bad("unknown fields")
    signature = b64_key(document["signature"], 64, "signature")
    try:
        Ed25519PublicKey.from_public_bytes(found.signing_key).verify(
            signature, CARD_CONTEXT + b"\x00" + canonical(body)
        )
    except InvalidSignature:
        raise IntegrityError(reason="the card's signature does not verify") from None
    return found
