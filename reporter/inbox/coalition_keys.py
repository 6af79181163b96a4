"""The coalition's secret keys in a coordinator vault: which it holds, and which it never does.

A coordinator vault holds every epoch's age identity (to open bundles) and the epoch's service
key (to sign what devices receive). The root key that signs profiles, rosters and epoch keys
stays in the admin's coalition folder; only a vault of a coalition made before service keys
holds it, until its first rotation brings a service key and the root key is dropped.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from reporter.age import HybridIdentity, X25519Identity, parse_identity
from reporter.errors import NotFound, UsageError
from reporter.inbox.epochs import store_epochs, store_service_key
from reporter.share.coalition import CoalitionKeys
from reporter.vault.vault import Vault, utc_now


def install_coalition_keys(vault: Vault, keys: CoalitionKeys) -> None:
    """Make ``vault`` a coordinator vault of this coalition (keys stay inside the vault).

    It gets the age identities and the epoch's service key, never the root key that signs
    profiles and rosters; only a coalition made before service keys (its profile names none)
    still needs the root key here to sign receipts, until its first rotation.
    """
    if vault.role != "coordinator":
        raise UsageError("coalition keys belong in a coordinator vault (init --role coordinator)")
    now = utc_now()
    with vault.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO coalition_keys VALUES ('identity', ?, ?)",
            (keys.identity.to_string().encode(), now),
        )
        if keys.service_key is not None:
            store_service_key(conn, keys.service_key, now)
        else:  # the root key signs for this coalition, never another's service key
            conn.execute("DELETE FROM coalition_keys WHERE name = 'service'")
            conn.execute(
                "INSERT OR REPLACE INTO coalition_keys VALUES ('signing', ?, ?)",
                (keys.signing_key.private_bytes_raw(), now),
            )
        store_epochs(conn, keys.all_epochs(), keys.profile, now)
        conn.execute("UPDATE profiles SET current = 0")
        conn.execute(
            "INSERT OR REPLACE INTO profiles(fingerprint, signing_key, data,"
            " imported_at, current) VALUES (?, ?, ?, ?, 1)",
            (keys.profile.profile_id, keys.profile.signing_public_key, keys.profile.raw, now),
        )
        vault.audit("coalition_keys_installed", None, conn)


def _key(vault: Vault, name: str) -> bytes:
    rows = vault.query("SELECT secret FROM coalition_keys WHERE name = ?", (name,))
    if not rows:
        raise NotFound(what="coalition keys (this is not a coordinator vault)")
    return bytes(rows[0][0])


def coalition_identity(vault: Vault) -> HybridIdentity | X25519Identity:
    """The newest epoch's identity."""
    rows = vault.query("SELECT identity FROM coalition_epochs ORDER BY epoch DESC LIMIT 1")
    if rows:
        return parse_identity(bytes(rows[0][0]).decode())
    return parse_identity(_key(vault, "identity").decode())


def coalition_signing_key(vault: Vault) -> Ed25519PrivateKey:
    """The key this coordinator signs receipts, questions and evidence packets with.

    The epoch's service key; a vault of a coalition made before service keys has only the
    root key, which its devices still verify those with.
    """
    rows = vault.query(
        "SELECT secret FROM coalition_keys WHERE name IN ('service', 'signing')"
        " ORDER BY name = 'service' DESC LIMIT 1"
    )
    if not rows:
        raise NotFound(what="coalition keys (this is not a coordinator vault)")
    return Ed25519PrivateKey.from_private_bytes(bytes(rows[0][0]))
