"""Refused bundles and set-aside downloads, kept in the coordinator's vault.

A refused bundle must not vanish silently (a coordinator has to see that device X sent
something unreadable) and must not block the intake either, so each refusal is a row: the
error's stable code and safe params (never content), and the sending device when its
signature verified. Downloads that failed are set aside here and retried at later pulls.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from reporter.errors import (
    Conflict,
    FormatError,
    IntegrityError,
    InvalidInput,
    TestigoError,
    UnprocessableBundle,
    UntrustedKey,
    error_from,
)
from reporter.vault.vault import Vault, utc_now

MAX_PARAM = 300
# The errors that are the bundle's own fault: refusing it again would give the same answer,
# so it is recorded, acknowledged on the relay and never retried. Anything else (a full disk,
# a locked vault, the network) is ours or the relay's, and the bundle waits.
BUNDLE_FAULTS = (
    FormatError,
    IntegrityError,
    InvalidInput,
    Conflict,
    UntrustedKey,
    UnprocessableBundle,
)


def is_bundles_fault(exc: BaseException) -> bool:
    return isinstance(exc, BUNDLE_FAULTS)


@dataclass(frozen=True)
class Sender:
    """The device a bundle comes from, known once its signature verified."""

    device_id: str
    fingerprint: str


def safe_params(exc: TestigoError) -> dict[str, Any]:
    """The error's params, bounded (they are already free of content by the errors' rule)."""
    out: dict[str, Any] = {}
    for key, value in list(exc.params.items())[:12]:
        if isinstance(value, bool | int) or value is None:
            out[str(key)[:40]] = value
        else:
            out[str(key)[:40]] = str(value)[:MAX_PARAM]
    return out


def record_rejection(
    vault: Vault,
    exc: TestigoError,
    *,
    upload_id: str | None = None,
    file_name: str | None = None,
    sender: Sender | None = None,
    owner_device_id: str | None = None,
) -> dict[str, Any]:
    """Keep one row per refused relay upload (the latest reason), one per refused file."""
    row = {
        "upload_id": upload_id,
        "file_name": file_name[:255] if file_name else None,
        "rejected_at": utc_now(),
        "code": exc.code,
        "params": json.dumps(safe_params(exc), ensure_ascii=False, allow_nan=False),
        "device_id": sender.device_id if sender else None,
        "fingerprint": sender.fingerprint if sender else None,
        "owner_device_id": owner_device_id,
    }
    with vault.transaction() as conn:
        if upload_id is not None:
            conn.execute("DELETE FROM inbox_rejections WHERE upload_id = ?", (upload_id,))
        conn.execute(
            "INSERT INTO inbox_rejections(upload_id, file_name, rejected_at, code,"
            " params, device_id, fingerprint, owner_device_id) VALUES (:upload_id,"
            " :file_name, :rejected_at, :code, :params, :device_id, :fingerprint,"
            " :owner_device_id)",
            row,
        )
        conn.execute("DELETE FROM inbox_set_aside WHERE upload_id = ?", (upload_id,))
        vault.audit("bundle_rejected", None, conn)
    return row


def rejections(vault: Vault, lang: str = "en") -> list[dict[str, Any]]:
    """Refused bundles, oldest first, each with its reason said in ``lang``."""
    rows = vault.query(
        "SELECT r.upload_id, r.file_name, r.rejected_at, r.code, r.params, r.device_id,"
        " r.fingerprint, r.owner_device_id, o.fingerprint FROM inbox_rejections r"
        " LEFT JOIN devices o ON o.device_id = r.owner_device_id ORDER BY r.id"
    )
    out = []
    for upload, name, when, code, params, device, fingerprint, owner, owner_fp in rows:
        decoded = json.loads(params)
        out.append(
            {
                "upload_id": upload,
                "file": name,
                "rejected_at": when,
                "error": code,
                "params": decoded,
                "message": error_from(code, decoded).message(lang),
                "device_id": device,
                "device_fingerprint": fingerprint,
                "owner_device_id": owner,
                "owner_fingerprint": owner_fp,
            }
        )
    return out


# -- set aside -------------------------------------------------------------------------------
def set_aside(vault: Vault, item: dict[str, Any], exc: TestigoError) -> int:
    """Note a failed download (or count one more failed pass); returns the passes so far."""
    params = json.dumps(safe_params(exc), ensure_ascii=False, allow_nan=False)
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO inbox_set_aside(upload_id, cursor, size, sha256, passes, first_at,"
            " code, params) VALUES (?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT(upload_id) DO UPDATE"
            " SET passes = passes + 1, code = excluded.code, params = excluded.params",
            (
                item["upload_id"],
                int(item["cursor"]),
                int(item["size"]),
                str(item["sha256"]),
                utc_now(),
                exc.code,
                params,
            ),
        )
        row = conn.execute(
            "SELECT passes FROM inbox_set_aside WHERE upload_id = ?", (item["upload_id"],)
        ).fetchone()
    return int(row[0])


def set_aside_items(vault: Vault) -> list[dict[str, Any]]:
    rows = vault.query(
        "SELECT upload_id, cursor, size, sha256, passes, code, params"
        " FROM inbox_set_aside ORDER BY cursor"
    )
    return [
        {
            "upload_id": r[0],
            "cursor": r[1],
            "size": r[2],
            "sha256": r[3],
            "passes": r[4],
            "error": r[5],
            "params": json.loads(r[6]),
        }
        for r in rows
    ]


def forget_set_aside(vault: Vault, upload_id: str) -> None:
    with vault.transaction() as conn:
        conn.execute("DELETE FROM inbox_set_aside WHERE upload_id = ?", (upload_id,))
