"""The outbox: sealed bundles waiting to leave, with the state of their way out.

Save first, then send: a bundle is written here (ciphertext, encrypted again at rest) before
any network call, and its state changes only from what the relay or the coalition answered.
Every transition is durable before the caller goes on; a group of them may share a transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from reporter.errors import InvalidField, NotFound, TestigoError, error_from
from reporter.vault.blob_store import BlobInfo, BlobStore
from reporter.vault.vault import Vault, utc_now

STATES = ("queued", "uploading", "uploaded", "received", "failed", "cancelled")
# Columns a transition may set; the rest are fixed when the bundle is sealed.
MUTABLE = (
    "state",
    "upload_offset",
    "upload_id",
    "relay_receipt",
    "coordinator_receipt",
    "last_error",
    "attempts",
    "next_attempt_at",
    "exported_at",
    "last_error_json",
)
_COLUMNS = (
    "bundle_id",
    "device_seq",
    "created_at",
    "updated_at",
    "size",
    "sha256",
    "incident_ids",
    *MUTABLE,
)


def _row(row: Sequence[Any]) -> dict[str, Any]:
    item = dict(zip(_COLUMNS, row, strict=True))
    item["incident_ids"] = json.loads(item["incident_ids"])
    stored = json.loads(item.pop("last_error_json") or "null") or {}
    item["last_error_code"] = stored.get("code")
    item["last_error_params"] = stored.get("params")
    return item


def error_message(item: dict[str, Any], lang: str) -> str:
    """An outbox item's last error in ``lang``, rebuilt from its code when it has one."""
    if item["last_error_code"]:
        return error_from(item["last_error_code"], item["last_error_params"]).message(lang)
    return str(item["last_error"] or "")


def error_fields(exc: TestigoError | None) -> dict[str, Any]:
    """The outbox columns that record ``exc`` (None clears them)."""
    if exc is None:
        return {"last_error": None, "last_error_json": None}
    return {
        "last_error": exc.message("en")[:300],
        "last_error_json": json.dumps({"code": exc.code, "params": exc.params}, default=str),
    }


def _check(fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(MUTABLE)
    if unknown:
        raise InvalidField(
            field="outbox", reason="cannot set {keys}", keys=", ".join(sorted(unknown))
        )
    if "state" in fields and fields["state"] not in STATES:
        raise InvalidField(
            field="outbox.state", reason="one of {allowed}", allowed=", ".join(STATES)
        )


class OutboxStore:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self.blobs = BlobStore(vault)

    def add(
        self,
        bundle_id: str,
        device_seq: int,
        blob: BlobInfo,
        incident_ids: list[str],
        shares: list[tuple[str, int]],
    ) -> None:
        """Queue a sealed bundle and record which incident revisions it carries."""
        now = utc_now()
        with self._vault.transaction() as conn:
            conn.execute(
                "INSERT INTO outbox(bundle_id, device_seq, created_at, updated_at, size, sha256,"
                " blob, blob_key, incident_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    bundle_id,
                    device_seq,
                    now,
                    now,
                    blob.size,
                    blob.sha256,
                    blob.name,
                    blob.key,
                    json.dumps(incident_ids),
                ),
            )
            conn.executemany(
                "INSERT OR REPLACE INTO shares(incident_id, bundle_id, revision, shared_at)"
                " VALUES (?, ?, ?, ?)",
                [(i, bundle_id, rev, now) for i, rev in shares],
            )
            self._vault.audit("bundle_queued", None, conn)

    def list(self, states: Sequence[str] | None = None) -> list[dict[str, Any]]:
        sql = f"SELECT {', '.join(_COLUMNS)} FROM outbox"  # noqa: S608 - constants
        params: list[Any] = []
        if states:
            sql += f" WHERE state IN ({','.join('?' * len(states))})"
            params = list(states)
        rows = self._vault.query(sql + " ORDER BY device_seq", params)
        return [_row(r) for r in rows]

    def get(self, bundle_id: str) -> dict[str, Any]:
        rows = self._vault.query(
            f"SELECT {', '.join(_COLUMNS)} FROM outbox WHERE bundle_id = ?",  # noqa: S608
            (bundle_id,),
        )
        if not rows:
            raise NotFound(what="bundle in the outbox")
        return _row(rows[0])

    def ciphertext_chunks(self, bundle_id: str, offset: int = 0) -> Iterator[bytes]:
        rows = self._vault.query(
            "SELECT blob, blob_key FROM outbox WHERE bundle_id = ?", (bundle_id,)
        )
        if not rows:
            raise NotFound(what="bundle in the outbox")
        return self.blobs.chunks(rows[0][0], bytes(rows[0][1]), offset)

    def transition(self, bundle_id: str, **fields: Any) -> dict[str, Any]:
        """Change the mutable fields in one durable transaction and return the new row."""
        self.transition_many([(bundle_id, fields)])
        return self.get(bundle_id)

    def transition_many(self, changes: Sequence[tuple[str, dict[str, Any]]]) -> None:
        """Several bundles' transitions in ONE durable transaction: all of them or none.

        The sync pass records a group of finished uploads at once: one commit (and its fsyncs)
        instead of one per bundle, the cost that dominated many small bundles.
        """
        for _, fields in changes:
            _check(fields)
        now = utc_now()
        with self._vault.transaction() as conn:
            for bundle_id, fields in changes:
                names = sorted(fields)
                assignments = ", ".join(f"{n} = ?" for n in names)
                cursor = conn.execute(
                    f"UPDATE outbox SET {assignments}, updated_at = ? WHERE bundle_id = ?",  # noqa: S608
                    [*(fields[n] for n in names), now, bundle_id],
                )
                if cursor.rowcount != 1:
                    raise NotFound(what="bundle in the outbox")

    def remove(self, bundle_id: str) -> None:
        rows = self._vault.query("SELECT blob FROM outbox WHERE bundle_id = ?", (bundle_id,))
        if not rows:
            raise NotFound(what="bundle in the outbox")
        with self._vault.transaction() as conn:
            conn.execute("DELETE FROM outbox WHERE bundle_id = ?", (bundle_id,))
            self._vault.audit("bundle_removed", None, conn)
        self.blobs.remove([rows[0][0]])

    def share_state(self, incident_ids: Sequence[str]) -> dict[str, str]:
        """For the incident list: the most advanced outbox state of each incident's shares."""
        if not incident_ids:
            return {}
        marks = ",".join("?" * len(incident_ids))
        rows = self._vault.query(
            "SELECT s.incident_id, o.state FROM shares s LEFT JOIN outbox o"  # noqa: S608
            f" ON o.bundle_id = s.bundle_id WHERE s.incident_id IN ({marks})",
            list(incident_ids),
        )
        rank = {
            None: 3,
            "received": 4,
            "uploaded": 3,
            "uploading": 2,
            "queued": 1,
            "failed": 0,
            "cancelled": -1,
        }
        best: dict[str, str] = {}
        for incident_id, state in rows:
            name = state or "uploaded"  # left the outbox: the relay confirmed it
            if incident_id not in best or rank[state] > rank.get(best[incident_id], -2):
                best[incident_id] = name
        return best
