"""The vault: one encrypted store per data directory.

Layout of the data directory (0700, files 0600)::

    vault.key   the database key wrapped under Argon2id(passphrase)  (reporter.vault.keyfile)
    vault.db    SQLCipher 4 database (+ -wal, -shm while open)
    blobs/      attachment contents, each STREAM-encrypted under its own key kept in vault.db

Opening never creates or rewrites anything until the passphrase has been proven right, and a
directory that holds something that is not a vault is never overwritten.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3

from reporter.errors import (
    DiskFull,
    StorageError,
    TestigoError,
    VaultCorrupt,
    VaultExists,
    VaultNotFound,
)
from reporter.fsutil import destroy_file, ensure_private_dir, fsync_dir, storage_error
from reporter.vault import database, passphrase
from reporter.vault.keyfile import KdfParams, KeyFile, default_kdf

KEY_FILE = "vault.key"
DB_FILE = "vault.db"
BLOB_DIR = "blobs"
ROLES = ("reporter", "coordinator")


def utc_now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def vault_exists(home: Path) -> bool:
    return (home / KEY_FILE).exists() or (home / DB_FILE).exists()


def read_role(home: Path) -> str:
    """The vault's role, readable before unlocking so the app can show the right screens."""
    return KeyFile.read(home / KEY_FILE).role


class Vault:
    """An unlocked vault. Thread-safe: every operation holds ``self.lock``."""

    def __init__(self, home: Path, conn: database.Connection, keyfile: KeyFile) -> None:
        self.home = home
        self._conn: database.Connection | None = conn
        self._keyfile = keyfile
        self.lock = threading.RLock()
        from reporter.vault.attachment_store import AttachmentStore
        from reporter.vault.incident_store import IncidentStore

        self.incidents = IncidentStore(self)
        self.attachments = AttachmentStore(self)

    # -- lifecycle -----------------------------------------------------------------------
    @classmethod
    def create(cls, home: Path, passphrase_text: str, role: str = "reporter",
               kdf: KdfParams | None = None) -> Vault:
        passphrase.check(passphrase_text)
        if role not in ROLES:
            raise VaultCorrupt(detail="unknown role")
        if home.exists() and not home.is_dir():
            raise VaultExists()
        ensure_private_dir(home)
        if vault_exists(home):
            raise VaultExists()
        ensure_private_dir(home / BLOB_DIR)
        db_key = secrets.token_bytes(32)
        keyfile = KeyFile.seal(db_key, passphrase_text, str(uuid.uuid4()), role,
                               kdf or default_kdf())
        try:
            conn = database.connect(home / DB_FILE, db_key)
            database.migrate(conn)
            conn.execute("INSERT INTO meta(key, value) VALUES ('role', ?), ('created_at', ?)",
                         (role, utc_now()))
        except sqlcipher3.Error as exc:
            raise _db_error(exc) from None
        keyfile.write(home / KEY_FILE)
        vault = cls(home, conn, keyfile)
        vault.audit("vault_created")
        return vault

    @classmethod
    def open(cls, home: Path, passphrase_text: str) -> Vault:
        if not home.is_dir() or not (home / KEY_FILE).exists():
            if (home / DB_FILE).exists():
                raise VaultCorrupt(detail="key file missing")
            raise VaultNotFound()
        if not (home / DB_FILE).is_file():
            raise VaultCorrupt(detail="database missing")
        keyfile = KeyFile.read(home / KEY_FILE)
        db_key = keyfile.unwrap(passphrase_text)  # WrongPassphrase before touching the db
        try:
            conn = database.connect(home / DB_FILE, db_key)
            database.migrate(conn)
        except sqlcipher3.Error as exc:
            raise _db_error(exc) from None
        vault = cls(home, conn, keyfile)
        vault.attachments.collect_orphans()
        return vault

    def close(self) -> None:
        with self.lock:
            if self._conn is not None:
                with contextlib.suppress(sqlcipher3.Error):
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._conn is None

    @property
    def conn(self) -> database.Connection:
        if self._conn is None:
            raise VaultCorrupt(detail="the vault is locked")
        return self._conn

    @property
    def role(self) -> str:
        return self._keyfile.role

    @property
    def vault_id(self) -> str:
        return self._keyfile.vault_id

    @property
    def kdf(self) -> KdfParams:
        return self._keyfile.params

    # -- passphrase ----------------------------------------------------------------------
    def change_passphrase(self, old: str, new: str) -> None:
        """Rewrap the one database key; the data is never re-encrypted."""
        passphrase.check(new)
        with self.lock:
            db_key = self._keyfile.unwrap(old)
            # Rewrapping is also when a vault moves to today's recommended KDF parameters.
            fresh = KeyFile.seal(db_key, new, self._keyfile.vault_id, self._keyfile.role,
                                 default_kdf())
            fresh.write(self.home / KEY_FILE)
            self._keyfile = fresh
            self.audit("passphrase_changed")

    # -- transactions and small state ------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[database.Connection]:
        """BEGIN IMMEDIATE .. COMMIT; the commit is durable (synchronous=FULL) on return."""
        with self.lock:
            conn = self.conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlcipher3.Error as exc:
                raise _db_error(exc) from None
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                with contextlib.suppress(sqlcipher3.Error):
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlcipher3.Error):
                    raise _db_error(exc) from None
                raise

    def query(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[Any]:
        with self.lock:
            try:
                return list(self.conn.execute(sql, params).fetchall())
            except sqlcipher3.Error as exc:
                raise _db_error(exc) from None

    def get_meta(self, key: str) -> str | None:
        rows = self.query("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def audit(self, action: str, incident_id: str | None = None,
              conn: database.Connection | None = None) -> None:
        sql = "INSERT INTO audit(at, action, incident_id) VALUES (?, ?, ?)"
        if conn is not None:
            conn.execute(sql, (utc_now(), action, incident_id))
        else:
            with self.transaction() as c:
                c.execute(sql, (utc_now(), action, incident_id))

    def audit_trail(self, limit: int = 200) -> list[dict[str, Any]]:
        rows = self.query("SELECT at, action, incident_id FROM audit ORDER BY seq DESC LIMIT ?",
                          (limit,))
        return [{"at": r[0], "action": r[1], "incident_id": r[2]} for r in rows]

    def integrity_check(self) -> str:
        return str(self.query("PRAGMA integrity_check")[0][0])

    def schema_version(self) -> int:
        with self.lock:
            return database.schema_version(self.conn)

    # -- wipe ------------------------------------------------------------------------------
    def wipe(self) -> None:
        self.close()
        wipe(self.home)


def wipe(home: Path) -> None:
    """Destroy the wrapped key first (overwrite, fsync, unlink), then the data.

    Needs no passphrase: it is the panic button. Only files a vault owns are removed.
    """
    destroy_file(home / KEY_FILE)
    try:
        for name in (DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", f"{DB_FILE}-journal"):
            with contextlib.suppress(FileNotFoundError):
                (home / name).unlink()
        blob_dir = home / BLOB_DIR
        if blob_dir.is_dir():
            for entry in blob_dir.iterdir():
                if entry.is_file():
                    entry.unlink()
            blob_dir.rmdir()
        if home.is_dir():
            fsync_dir(home)
            with contextlib.suppress(OSError):
                home.rmdir()
    except OSError as exc:
        raise storage_error(exc) from None


def _db_error(exc: Exception) -> TestigoError:
    text = str(exc).lower()
    if "full" in text or "too big" in text:
        return DiskFull()
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return VaultCorrupt()
    if isinstance(exc, OSError):
        return storage_error(exc)
    return StorageError(reason=type(exc).__name__)

