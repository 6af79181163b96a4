"""A device picks up the coalition's new profile (a key rotation) from the relay.

The relay only stores the file; the device trusts it because the coalition key it already
trusts signed it. It is taken only if it is newer (a later epoch, or the same epoch made later)
and never when another key signed it: that stays a refusal, as for a file, and the person is
told. A new epoch is a notice the app and the CLI show: "the coalition changed its key".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from reporter.errors import NetworkError, TestigoError, UntrustedKey
from reporter.i18n import N_, fill, translator
from reporter.share.profile import (
    CoalitionProfile,
    current_profile,
    parse_profile,
    record_profile,
)
from reporter.vault.vault import Vault, utc_now

KEY_CHANGED = "key_changed"
REFUSED = "refused"
_TEXT = {
    KEY_CHANGED: N_("The coalition changed its key (epoch {epoch})."),
    REFUSED: N_("A coalition profile from the relay was refused ({code})."),
}


class ProfileSource(Protocol):
    def get_profile(self) -> bytes | None: ...


def pull_profile_update(vault: Vault, relay: ProfileSource) -> CoalitionProfile | None:
    """One step of the device's sync pass; a network failure just waits for the next pass."""
    try:
        data = relay.get_profile()
    except NetworkError:
        return None
    return None if data is None else take_profile_update(vault, data)


def take_profile_update(vault: Vault, data: bytes) -> CoalitionProfile | None:
    """Import ``data`` if the trusted coalition key signed it and it is newer; else nothing."""
    current = current_profile(vault)
    if current is None:
        return None  # first trust comes from a trainer's file, never from the relay
    try:
        profile = parse_profile(data)
        if profile.signing_public_key != current.signing_public_key:
            raise UntrustedKey(reason="a different coalition key signed the relay's profile")
    except TestigoError as exc:
        _refused(vault, exc.code)
        return None
    if not profile.newer_than(current):
        return None
    with vault.transaction() as conn:
        record_profile(conn, profile, True)
        if profile.epoch > current.epoch:
            conn.execute(
                "INSERT INTO profile_notices(kind, epoch, recorded_at) VALUES (?, ?, ?)",
                (KEY_CHANGED, profile.epoch, utc_now()),
            )
        vault.audit("profile_updated", None, conn)
    return profile


def _refused(vault: Vault, code: str) -> None:
    """Said once until seen: the relay answers the same file at every pass."""
    with vault.transaction() as conn:
        if conn.execute(
            "SELECT 1 FROM profile_notices WHERE kind = ? AND code = ? AND seen = 0",
            (REFUSED, code),
        ).fetchone():
            return
        conn.execute(
            "INSERT INTO profile_notices(kind, code, recorded_at) VALUES (?, ?, ?)",
            (REFUSED, code[:40], utc_now()),
        )
        vault.audit("profile_update_refused", None, conn)


def notices(vault: Vault, unseen_only: bool = True) -> list[dict[str, Any]]:
    rows = vault.query(
        "SELECT id, kind, epoch, code, recorded_at, seen FROM profile_notices"
        " WHERE seen = 0 OR ? ORDER BY id DESC LIMIT 50",
        (int(not unseen_only),),
    )
    keys = ("id", "kind", "epoch", "code", "recorded_at", "seen")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def mark_seen(vault: Vault, ids: Iterable[int]) -> None:
    """Only the notices that were shown: one arriving meanwhile is still to be said."""
    with vault.transaction() as conn:
        conn.executemany(
            "UPDATE profile_notices SET seen = 1 WHERE id = ?", [(int(i),) for i in ids]
        )


def notice_text(notice: dict[str, Any], lang: str = "en") -> str:
    template = translator(lang)(_TEXT[notice["kind"]])
    return fill(template, {"epoch": notice["epoch"], "code": notice["code"]})
