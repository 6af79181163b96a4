"""The coordinator roster: who may author triage events and read coordination objects.

The coalition admin signs it with the coalition key. Each change raises ``serial`` by one; a
removed member stays listed with the head of their chain as the admin's vault knew it
(``last_seq``, ``last_hash``), so their earlier events stay valid and attributed while any
later one is refused. A vault keeps every roster it verified and uses the highest serial;
an older serial or another coalition's key is refused.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from reporter.age import X25519Recipient
from reporter.coordination.identity import Card, b64_key, check_member, signed_document
from reporter.errors import Conflict, FormatError, IntegrityError, NotFound, UntrustedKey
from reporter.fsutil import atomic_write, read_regular
from reporter.i18n import N_
from reporter.share.profile import canonical, current_profile
from reporter.vault.vault import Vault, utc_now

FORMAT = "testigo-coordinator-roster"
VERSION = 1
ROSTER_CONTEXT = b"testigo coordinator roster v1"
ROSTER_FILE = "coordinators.testigo-roster"
MAX_ROSTER = 256 * 1024
MAX_MEMBERS = 200
SENT_META = "coordination_sent_seq"
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def _bad(reason: str, **values: Any) -> FormatError:
    return FormatError(what="coordinator roster", reason=reason, **values)


@dataclass(frozen=True)
class Removal:
    serial: int
    last_seq: int
    last_hash: str | None


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    signing_key: bytes
    recipient: str
    added_serial: int
    removed: Removal | None = None

    @property
    def active(self) -> bool:
        return self.removed is None

    def to_json(self) -> dict[str, Any]:
        return {
            **Card(self.id, self.name, self.signing_key, self.recipient).to_json(),
            "added_serial": self.added_serial,
            "removed": None if self.removed is None else dict(self.removed.__dict__),
        }


@dataclass(frozen=True)
class Roster:
    coalition_key: bytes
    serial: int
    epoch: int
    created_at: str
    members: tuple[Member, ...]
    raw: bytes = b""

    def body(self) -> dict[str, Any]:
        return {
            "coalition_key": base64.b64encode(self.coalition_key).decode(),
            "serial": self.serial,
            "epoch": self.epoch,
            "created_at": self.created_at,
            "members": [m.to_json() for m in self.members],
        }

    def active_members(self) -> list[Member]:
        return [m for m in self.members if m.active]

    def recipients(self) -> list[X25519Recipient]:
        """The age recipients of the active members: who a coordination object is sealed to."""
        return [X25519Recipient.from_string(m.recipient) for m in self.active_members()]

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)

    def refusal(self, author: str, seq: int, event_hash: str) -> str | None:
        """Why an event of ``author`` numbered ``seq`` is refused, or None when it may count."""
        found = self.member(author)
        if found is None:
            return N_("the author is not in the roster")
        gone = found.removed
        if gone is not None and (
            seq > gone.last_seq
            or (seq == gone.last_seq and gone.last_hash not in (None, event_hash))
        ):
            return N_("the author was removed from the roster before this event")
        return None


def sign_roster(roster: Roster, key: Ed25519PrivateKey) -> bytes:
    body = roster.body()
    signature = key.sign(ROSTER_CONTEXT + b"\x00" + canonical(body))
    document = {
        "format": FORMAT,
        "version": VERSION,
        "roster": body,
        "signature": base64.b64encode(signature).decode(),
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode() + b"\n"


def _int(value: Any, what: str, low: int = 0) -> int:
    if type(value) is not int or not low <= value < 2**53:
        raise _bad("{field} is a whole number", field=what)
    return value


def _removal(value: Any) -> Removal | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"serial", "last_seq", "last_hash"}:
        raise _bad("a removal has serial, last_seq and last_hash")
    last_hash = value["last_hash"]
    if last_hash is not None and (not isinstance(last_hash, str) or not _HEX64.match(last_hash)):
        raise _bad("last_hash is a SHA-256 in hex")
    return Removal(
        _int(value["serial"], "serial", 1), _int(value["last_seq"], "last_seq"), last_hash
    )


def _member(value: Any, serial: int) -> Member:
    if not isinstance(value, dict) or set(value) != {
        "id",
        "name",
        "signing_key",
        "recipient",
        "added_serial",
        "removed",
    }:
        raise _bad("a member has id, name, signing_key, recipient, added_serial, removed")
    card = check_member(value)
    added = _int(value["added_serial"], "added_serial", 1)
    removed = _removal(value["removed"])
    if added > serial or (removed is not None and not added < removed.serial <= serial):
        raise _bad("a member's serials do not fit the roster's")
    return Member(card.id, card.name, card.signing_key, card.recipient, added, removed)


def parse_roster(data: bytes) -> Roster:
    """Parse and verify against the coalition key it names (the caller checks that key)."""
    document = signed_document(data, MAX_ROSTER, "coordinator roster", FORMAT, VERSION, "roster")
    if document is None:
        raise _bad("not a Testigo coordinator roster")
    body = document["roster"]
    if not isinstance(body, dict) or set(body) != {
        "coalition_key",
        "serial",
        "epoch",
        "created_at",
        "members",
    }:
        raise _bad("unknown or missing fields")
    key = b64_key(body["coalition_key"], 32, "coalition_key")
    signature = b64_key(document["signature"], 64, "signature")
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(
            signature, ROSTER_CONTEXT + b"\x00" + canonical(body)
        )
    except InvalidSignature:
        raise IntegrityError(reason="the roster's signature does not verify") from None
    serial = _int(body["serial"], "serial", 1)
    members = body["members"]
    if not isinstance(members, list) or len(members) > MAX_MEMBERS:
        raise _bad("at most {limit} members", limit=MAX_MEMBERS)
    parsed = tuple(_member(m, serial) for m in members)
    if len({m.id for m in parsed}) != len(parsed):
        raise _bad("a member is listed twice")
    created = body["created_at"]
    if not isinstance(created, str) or len(created) > 40:
        raise _bad("bad creation date")
    return Roster(key, serial, _int(body["epoch"], "epoch", 1), created, parsed, bytes(data))


def check_successor(old: Roster, new: Roster) -> None:
    """A newer roster keeps every member, and every removal, of the one before it."""
    for was in old.members:
        now = new.member(was.id)
        if now is None or (now.signing_key, now.recipient) != (was.signing_key, was.recipient):
            raise IntegrityError(reason="the new roster drops or changes a member")
        if was.removed is not None and now.removed != was.removed:
            raise IntegrityError(reason="the new roster takes back a removal")


# -- the vault's roster -----------------------------------------------------------------------
def current_roster(vault: Vault) -> Roster | None:
    rows = vault.query("SELECT data FROM coord_rosters ORDER BY serial DESC LIMIT 1")
    return parse_roster(bytes(rows[0][0])) if rows else None


def store_roster(vault: Vault, data: bytes, forward: bool) -> tuple[Roster, str]:
    """Verify and keep ``data`` if newer: ('imported' | 'unchanged', the roster now current).

    ``forward`` queues it for the other coordinators (an import by hand, not one from the
    relay). New members make this vault send its whole chain again, sealed to them too.
    """
    roster = parse_roster(data)
    profile = current_profile(vault)
    if profile is None:
        raise NotFound(what="coalition profile (import one with 'testigo-cli profile import')")
    if roster.coalition_key != profile.signing_public_key:
        raise UntrustedKey(reason="the roster is not signed by this vault's coalition key")
    current = current_roster(vault)
    if current is not None:
        if roster.serial < current.serial:
            raise Conflict(reason="this roster is older than the one this vault holds")
        if roster.serial == current.serial:
            if canonical(roster.body()) != canonical(current.body()):
                raise IntegrityError(reason="two different rosters with the same serial")
            return current, "unchanged"
        check_successor(current, roster)
    known = {m.id for m in current.members} if current is not None else set()
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO coord_rosters(serial, data, imported_at) VALUES (?, ?, ?)",
            (roster.serial, roster.raw, utc_now()),
        )
        if {m.id for m in roster.active_members()} - known:
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, '0')", (SENT_META,))
        if forward:
            payload = canonical({"roster": base64.b64encode(roster.raw).decode()})
            conn.execute(
                "INSERT INTO coord_outbox(kind, payload, queued_at) VALUES ('roster', ?, ?)",
                (payload, utc_now()),
            )
        vault.audit("coordinator_roster_imported", None, conn)
    return roster, "imported"


# -- the admin's roster file ------------------------------------------------------------------
def read_roster_file(directory: Path, coalition_key: bytes) -> Roster | None:
    path = directory / ROSTER_FILE
    try:
        data = read_regular(path)
    except FileNotFoundError:
        return None
    except OSError:
        raise NotFound(what=f"{ROSTER_FILE} in the coalition directory") from None
    roster = parse_roster(data)
    if roster.coalition_key != coalition_key:
        raise UntrustedKey(reason="the roster file is signed by another coalition key")
    return roster


def _write(
    directory: Path,
    key: Ed25519PrivateKey,
    old: Roster | None,
    members: list[Member],
    epoch: int | None,
) -> Roster:
    roster = Roster(
        key.public_key().public_bytes_raw(),
        (old.serial if old else 0) + 1,
        epoch or (old.epoch if old else 1),
        utc_now(),
        tuple(members),
    )
    data = sign_roster(roster, key)
    atomic_write(directory / ROSTER_FILE, data)
    return parse_roster(data)


def add_member(
    directory: Path, key: Ed25519PrivateKey, card: Card, epoch: int | None = None
) -> Roster:
    """Add the coordinator of ``card`` to DIR's roster (made on first use), signed again."""
    old = read_roster_file(directory, key.public_key().public_bytes_raw())
    members = list(old.members) if old else []
    if any(m.id == card.id for m in members):
        raise Conflict(reason="that coordinator is already in the roster")
    serial = (old.serial if old else 0) + 1
    members.append(Member(card.id, card.name, card.signing_key, card.recipient, serial))
    return _write(directory, key, old, members, epoch)


def remove_member(
    directory: Path,
    key: Ed25519PrivateKey,
    member: str,
    last_seq: int,
    last_hash: str | None,
    epoch: int | None = None,
) -> Roster:
    """Mark ``member`` removed; their events up to ``last_seq`` stay valid."""
    old = read_roster_file(directory, key.public_key().public_bytes_raw())
    found = old.member(member) if old else None
    if old is None or found is None:
        raise NotFound(what="coordinator in the roster")
    if found.removed is not None:
        raise Conflict(reason="that coordinator was already removed")
    if last_hash is not None and not _HEX64.match(last_hash):
        raise _bad("last_hash is a SHA-256 in hex")
    gone = Removal(old.serial + 1, max(0, int(last_seq)), last_hash)
    members = [
        m if m.id != member else Member(**{**m.__dict__, "removed": gone}) for m in old.members
    ]
    return _write(directory, key, old, members, epoch)
