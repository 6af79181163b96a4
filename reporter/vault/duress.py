"""The decoy store a duress passphrase opens, which exists in every vault.

Every vault has ``spare/`` (a SQLCipher database and a blob folder) from its first day: made
at init under a key nobody keeps, it is noise. Setting a duress passphrase makes a fresh one
under a key the decoy slot of the key file wraps. Both are padded with freed pages to the
same size, so a decoy with a few incidents of the person's own looks like an unused one.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
from pathlib import Path

import sqlcipher3

from reporter.fsutil import ensure_private_dir, fsync_dir
from reporter.vault import database
from reporter.vault.layout import BLOB_DIR, DB_FILE, SPARE_DIR

PAD_BYTES = 512 * 1024


def make_spare(home: Path, role: str, created_at: str) -> bytes:
    """A fresh, padded decoy database in ``home/spare`` (replacing any); its key."""
    spare = home / SPARE_DIR
    if spare.exists():
        shutil.rmtree(spare)
    ensure_private_dir(spare)
    ensure_private_dir(spare / BLOB_DIR)
    key = secrets.token_bytes(32)
    conn = database.connect(spare / DB_FILE, key)
    try:
        database.migrate(conn)
        conn.execute(
            "INSERT INTO meta(key, value) VALUES ('role', ?), ('created_at', ?)", (role, created_at)
        )
        conn.execute(
            "INSERT INTO audit(at, action, incident_id) VALUES (?, ?, NULL)",
            (created_at, "vault_created"),
        )
        # Freed pages stay in the file (encrypted, zeroed first): the size class is fixed.
        conn.execute("CREATE TABLE spare_pad(x BLOB)")
        conn.execute("INSERT INTO spare_pad VALUES (randomblob(?))", (PAD_BYTES,))
        conn.execute("DROP TABLE spare_pad")
        with contextlib.suppress(sqlcipher3.Error):
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    fsync_dir(spare)
    return key


def remove_spare(home: Path) -> None:
    spare = home / SPARE_DIR
    if not spare.is_dir():
        return
    for name in (DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", f"{DB_FILE}-journal"):
        with contextlib.suppress(FileNotFoundError):
            (spare / name).unlink()
    blobs = spare / BLOB_DIR
    if blobs.is_dir():
        for entry in blobs.iterdir():
            if entry.is_file():
                entry.unlink()
        blobs.rmdir()
    with contextlib.suppress(OSError):
        spare.rmdir()
