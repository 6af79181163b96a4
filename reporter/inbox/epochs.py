"""The coordinator's coalition key epochs: every epoch's identity, and each one's grace.

A coordinator vault keeps the age identity of every epoch the coalition has had, so any bundle
ever sealed to the coalition opens (and its kept original always re-opens). A bundle newly
arriving that only an older epoch opens is accepted until that epoch's ``accepted_until``,
which the newest epoch's profile sets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from reporter.age import HybridIdentity, X25519Identity, parse_identity
from reporter.errors import EpochExpired
from reporter.share.profile import CoalitionProfile
from reporter.vault.vault import Vault

CLOSED = "0000-01-01T00:00:00Z"  # an epoch the newest profile no longer lists


def store_epochs(
    conn: Any,
    epochs: dict[int, HybridIdentity | X25519Identity],
    profile: CoalitionProfile,
    now: str,
) -> None:
    """Keep every epoch's identity; the profile says until when the older ones are accepted.

    Only a profile of the newest epoch this vault holds sets the grace periods, so an older
    profile arriving late cannot reopen an epoch that was closed.
    """
    for epoch, identity in epochs.items():
        conn.execute(
            "INSERT INTO coalition_epochs(epoch, identity, accepted_until, added_at)"
            " VALUES (?, ?, NULL, ?) ON CONFLICT(epoch) DO UPDATE SET identity = excluded.identity",
            (epoch, identity.to_string().encode(), now),
        )
    newest = conn.execute("SELECT max(epoch) FROM coalition_epochs").fetchone()[0]
    if newest != profile.epoch:
        return
    grace = dict(profile.previous_epochs)
    for (epoch,) in conn.execute(
        "SELECT epoch FROM coalition_epochs WHERE epoch < ?", (profile.epoch,)
    ).fetchall():
        # An epoch the profile no longer lists has no grace left.
        conn.execute(
            "UPDATE coalition_epochs SET accepted_until = ? WHERE epoch = ?",
            (grace.get(epoch, CLOSED), epoch),
        )
    conn.execute(
        "UPDATE coalition_epochs SET accepted_until = NULL WHERE epoch = ?", (profile.epoch,)
    )


def store_service_key(conn: Any, key: Ed25519PrivateKey, now: str) -> None:
    """Keep the epoch's service key, the one this vault signs with, and drop any root key.

    A vault made before service keys held the coalition's root key to sign receipts; once it
    has a service key it needs the root for nothing, and a vault that no longer holds it cannot
    sign a profile or a roster (secure_delete zeroes the freed page).
    """
    conn.execute(
        "INSERT OR REPLACE INTO coalition_keys VALUES ('service', ?, ?)",
        (key.private_bytes_raw(), now),
    )
    conn.execute("DELETE FROM coalition_keys WHERE name = 'signing'")


@dataclass
class EpochIdentity:
    """One epoch's identity, as the age reader uses it; remembers whether it opened the file."""

    epoch: int
    identity: HybridIdentity | X25519Identity
    accepted_until: str | None
    opened: bool = False

    def unwrap(self, stanza: Any) -> bytes | None:
        file_key = self.identity.unwrap(stanza)
        self.opened = self.opened or file_key is not None
        return file_key


def epoch_identities(
    vault: Vault, parse: Callable[[str], HybridIdentity | X25519Identity] = parse_identity
) -> list[EpochIdentity]:
    """Every epoch's identity this vault keeps, the newest first.

    ``parse`` lets an importer of many bundles decode each identity once (its bech32 cost
    as much as a bundle's decryption); the rows are read every time, so a rotation counts.
    """
    rows = vault.query(
        "SELECT epoch, identity, accepted_until FROM coalition_epochs ORDER BY epoch DESC"
    )
    if not rows:  # a vault whose keys came before epochs: its one identity is epoch 1
        rows = vault.query("SELECT 1, secret, NULL FROM coalition_keys WHERE name = 'identity'")
    return [EpochIdentity(e, parse(bytes(i).decode()), u) for e, i, u in rows]


def check_epoch_accepted(identities: list[EpochIdentity], now: str) -> None:
    """Refuse a bundle that only an old epoch opens once that epoch's grace has ended."""
    for item in identities:
        if item.opened and item.accepted_until is not None and now >= item.accepted_until:
            raise EpochExpired(epoch=item.epoch, accepted_until=item.accepted_until)
