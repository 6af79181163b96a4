"""Receipts for bundles that came on a stick, written as files to carry back by hand.

A bundle imported from a file never passed the relay, so its device never got the receipt
the relay carries; the reporter's outbox keeps it "sent, not confirmed". Each file here is
``receipt-<16 random hex>.testigo-receipt`` and holds exactly the bytes of one sealed receipt
(``reporter.share.receipts.make_receipt``, from the device id and receipt recipient kept at
import): only that device opens it, only the coalition key signs it, and the name says
nothing about the bundle or the device. The reporter's side is
``reporter.share.receipt_files``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import Any

from reporter.fsutil import fsync_dir, restrict, storage_error
from reporter.inbox.inbox import coalition_signing_key
from reporter.share.receipts import make_receipt
from reporter.vault.vault import Vault

SUFFIX = ".testigo-receipt"
WRITTEN = "written"  # receipt_state of a bundle whose receipt went out as a file
# Bundles imported from a file (or before originals were kept, when the way is unknown).
_FROM_FILES = (
    "SELECT b.bundle_id, b.device_id, b.receipt_recipient FROM inbox_bundles b"
    " LEFT JOIN inbox_originals o USING (bundle_id)"
    " WHERE (o.via = 'file' OR o.via IS NULL)"
)


def _write(folder: Path, data: bytes) -> str:
    """A new 0600 file under a random name, its bytes on disk (the folder is synced after)."""
    name = f"receipt-{secrets.token_hex(8)}{SUFFIX}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(folder / name, flags, 0o600)
    try:
        restrict(fd, 0o600)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            (folder / name).unlink()
        raise
    os.close(fd)
    return name


def write_receipt_files(vault: Vault, out: Path, everything: bool = False) -> list[dict[str, Any]]:
    """One receipt file in ``out`` per bundle imported from a file without one yet.

    ``everything`` writes them again for every bundle imported from a file. A bundle is
    marked only once all files are on disk: a crash before that writes them again next
    time, which the device takes as "already received".
    """
    sql = _FROM_FILES if everything else f"{_FROM_FILES} AND b.receipt_state = 'pending'"
    rows = vault.query(f"{sql} ORDER BY b.received_at, b.bundle_id")  # noqa: S608 - constant
    if not rows:
        return []
    key = coalition_signing_key(vault)
    written: list[dict[str, Any]] = []
    try:
        out.mkdir(mode=0o700, parents=False, exist_ok=True)
        for bundle_id, device_id, recipient in rows:
            name = _write(out, make_receipt(key, bundle_id, device_id, recipient))
            written.append({"bundle_id": bundle_id, "device_id": device_id, "file": name})
        fsync_dir(out)
    except OSError as exc:
        raise storage_error(exc) from None
    with vault.transaction() as conn:
        conn.executemany(
            "UPDATE inbox_bundles SET receipt_state = ? WHERE bundle_id = ?"
            " AND receipt_state = 'pending'",
            [(WRITTEN, w["bundle_id"]) for w in written],
        )
        vault.audit("receipt_files_written", None, conn)
    return written
