"""The vault: one encrypted store per data directory.

Layout of the data directory (0700, files 0600)::

    vault.key   two key slots wrapped under Argon2id(passphrase)  (reporter.vault.keyfile)
    vault.db    SQLCipher 4 database (+ -wal, -shm while open)
    vault.lock  empty; every process with the vault open holds a shared flock on it
    vault.state the failed-unlock count, 16 bytes, always there  (reporter.vault.unlock_guard)
    blobs/      attachment contents, each STREAM-encrypted under its own key kept in vault.db
    spare/      the decoy a duress passphrase opens (vault.db, blobs/); noise when unused

Opening never creates or rewrites anything until the passphrase has been proven right, and a
directory that holds something that is not a vault is never overwritten. On a read-only
disk the database is opened read-only: reading works, writing says so (ReadOnlyStorage).

The stores stand on ``database.Database`` (connection, lock, transactions, audit), never on
this module: blobs, then attachments, then incidents. ``Vault`` is that database plus its
keys and files, and wires the stores together (pyproject.toml's vault layers contract).
"""

from __future__ import annotations

import contextlib
import secrets
import uuid
from dataclasses import replace
from pathlib import Path

import sqlcipher3

from reporter.clock import utc_now as utc_now
from reporter.errors import (
    DiskFull,
    InvalidInput,
    ReadOnlyStorage,
    StorageError,
    TestigoError,
    VaultCorrupt,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
)
from reporter.fsutil import ensure_private_dir, is_read_only, storage_error
from reporter.vault import database, duress, passphrase
from reporter.vault.attachment_store import AttachmentStore
from reporter.vault.database import Database, db_error
from reporter.vault.holder import VaultHold
from reporter.vault.incident_store import IncidentStore
from reporter.vault.keyfile import DECOY, REAL, WIPE_CHOICES, KdfParams, KeyFile, default_kdf
from reporter.vault.layout import BLOB_DIR as BLOB_DIR
from reporter.vault.layout import DB_FILE as DB_FILE
from reporter.vault.layout import KEY_FILE as KEY_FILE
from reporter.vault.layout import LOCK_FILE as LOCK_FILE
from reporter.vault.layout import RESTORED_FILE, SPARE_DIR
from reporter.vault.unlock_guard import UnlockGuard, write_count
from reporter.vault.wiping import wipe as wipe

ROLES = ("reporter", "coordinator")


def vault_exists(home: Path) -> bool:
    return (home / KEY_FILE).exists() or (home / DB_FILE).exists()


def _forget_restored(home: Path) -> None:
    """The empty mark a restore leaves says "restored" to anyone reading the folder."""
    try:
        (home / RESTORED_FILE).unlink()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise storage_error(exc) from None


def read_role(home: Path) -> str:
    """The vault's role, readable before unlocking so the app can show the right screens."""
    return KeyFile.read(home / KEY_FILE).role


class Vault(Database):
    """An unlocked vault: its database, the stores on it, and the keys and files around it.

    Thread-safe: every operation holds ``self.lock``. The stores are built on the database
    alone; the vault wires them together (an incident's deletion takes its attachments).
    """

    def __init__(
        self,
        home: Path,
        conn: database.Connection,
        keyfile: KeyFile,
        hold: VaultHold | None = None,
        limit: type[StorageError] | None = None,
        slot: int = REAL,
        flag: bool = False,
    ) -> None:
        super().__init__(home if slot == REAL else home / SPARE_DIR, conn, limit)
        self.home = home
        self._slot = slot
        self._flag = flag
        self._keyfile = keyfile
        self._hold = hold
        self.attachments = AttachmentStore(self)
        self.incidents = IncidentStore(self, self.attachments)

    # -- lifecycle -----------------------------------------------------------------------
    @classmethod
    def create(
        cls, home: Path, passphrase_text: str, role: str = "reporter", kdf: KdfParams | None = None
    ) -> Vault:
        passphrase.check(passphrase_text)
        if role not in ROLES:
            raise VaultCorrupt(detail="unknown role")
        if home.exists() and not home.is_dir():
            raise VaultExists()
        ensure_private_dir(home)
        if vault_exists(home):
            raise VaultExists()
        db_key = secrets.token_bytes(32)
        keyfile = KeyFile.seal(
            db_key, passphrase_text, str(uuid.uuid4()), role, kdf or default_kdf()
        )
        conn = None
        try:
            ensure_private_dir(home / BLOB_DIR)
            hold = VaultHold.take(home / LOCK_FILE)
            conn = database.connect(home / DB_FILE, db_key)
            database.migrate(conn)
            conn.execute(
                "INSERT INTO meta(key, value) VALUES ('role', ?), ('created_at', ?)",
                (role, utc_now()),
            )
            duress.make_spare(home, role, utc_now())  # noise: its key is not kept
            write_count(home, 0)
            keyfile.write(home / KEY_FILE)
            vault = cls(home, conn, keyfile, hold)
            vault.audit("vault_created")
        except BaseException as exc:
            # A full or read-only disk must not leave half a vault (a database without its
            # key looks damaged to every later command).
            if conn is not None:
                with contextlib.suppress(sqlcipher3.Error):
                    conn.close()
            with contextlib.suppress(OSError, TestigoError):
                wipe(home)
            if isinstance(exc, sqlcipher3.Error):
                raise db_error(exc, home) from None
            raise
        hold.shared()
        return vault

    @classmethod
    def open(cls, home: Path, passphrase_text: str) -> Vault:
        if not home.is_dir() or not (home / KEY_FILE).exists():
            if (home / DB_FILE).exists():
                raise VaultCorrupt(detail="key file missing")
            raise VaultNotFound()
        if not (home / DB_FILE).is_file():
            raise VaultCorrupt(detail="database missing")
        _upgrade_v1(home, passphrase_text)
        keyfile = KeyFile.read(home / KEY_FILE)
        guard = UnlockGuard(home, keyfile.wipe_after)
        guard.begin()  # durable before the passphrase is tried
        try:
            if guard.exhausted:
                raise WrongPassphrase()
            opened = keyfile.unlock(passphrase_text)  # WrongPassphrase before the db
        except WrongPassphrase:
            guard.failed()
            raise
        guard.succeeded()
        db_key, data_dir = opened.key, home
        if opened.slot == DECOY:
            data_dir = home / SPARE_DIR
            if opened.flag:  # the duress opening destroys the real key
                keyfile = keyfile.without_real()
                keyfile.write(home / KEY_FILE)
        limit: type[StorageError] | None = ReadOnlyStorage if is_read_only(home) else None
        # Alone (no other process has the vault open) means no import can be half-written.
        hold = VaultHold.take(home / LOCK_FILE, create=limit is None)
        try:
            try:
                conn = _connect(data_dir, db_key, limit is not None)
            except DiskFull:
                # Too full for SQLite's -shm file: alone, the vault can still be read (an
                # immutable read is safe when no other process can be writing it).
                if limit is not None or not hold.alone:
                    raise
                limit = DiskFull
                conn = _connect(data_dir, db_key, True)
        except BaseException:
            hold.release()
            raise
        vault = cls(home, conn, keyfile, hold, limit, opened.slot, opened.flag)
        try:
            if limit is None:
                vault.attachments.collect_orphans(0.0 if hold.alone else 900.0)
                if keyfile.role != "coordinator":  # only a coordinator's exchange reads it
                    _forget_restored(home)
            hold.shared()
        except BaseException:
            vault.close()
            raise
        return vault

    def close(self) -> None:
        with self.lock:
            self.disconnect()
            if self._hold is not None:
                self._hold.release()
                self._hold = None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
            opened = self._current_keyfile().unlock(old)
            if opened.slot != self._slot:
                raise WrongPassphrase()
            if self._slot == REAL and not self._flag:
                # Rewrapping is also when a vault moves to today's recommended KDF parameters
                # (with a decoy slot to keep, its salt and parameters stay).
                fresh = self._keyfile.renewed(opened.key, new, default_kdf())
            else:
                fresh = self._current_keyfile().rewrap(self._slot, opened.key, new, opened.flag)
            fresh.write(self.home / KEY_FILE)
            self._keyfile = fresh
            self.audit("passphrase_changed")

    def _current_keyfile(self) -> KeyFile:
        # Re-read: the other slot may have changed (a duress opening elsewhere) since opening.
        return KeyFile.read(self.home / KEY_FILE)

    def _real_key(self, passphrase_text: str) -> tuple[KeyFile, bytes]:
        keyfile = self._current_keyfile()
        opened = keyfile.unlock(passphrase_text)
        if self._slot != REAL or opened.slot != REAL:
            raise WrongPassphrase()
        return keyfile, opened.key

    @property
    def wipe_after(self) -> int:
        return self._keyfile.wipe_after

    @property
    def duress_set(self) -> bool:
        return self._slot == REAL and self._flag

    def set_wipe_after(self, passphrase_text: str, count: int) -> None:
        """Wipe after ``count`` failed unlocks (0: never); bound into the real slot's data."""
        if count not in WIPE_CHOICES:
            raise InvalidInput("wipe-after must be 5, 10, 20 or off")
        with self.lock:
            keyfile, key = self._real_key(passphrase_text)
            fresh = replace(keyfile, wipe_after=count).rewrap(
                REAL, key, passphrase_text, self._flag
            )
            fresh.write(self.home / KEY_FILE)
            self._keyfile = fresh
            self.audit("wipe_after_changed")

    def set_duress(
        self, passphrase_text: str, duress_passphrase: str | None, destroy_real: bool = False
    ) -> None:
        """Give the decoy a passphrase (a fresh, empty decoy), or take it away (None)."""
        with self.lock:
            keyfile, key = self._real_key(passphrase_text)
            slots = keyfile.slots
            if duress_passphrase is None:
                duress.make_spare(self.home, self.role, utc_now())
                fresh = replace(keyfile, slots=(slots[0], type(slots[1]).random()))
                fresh = fresh.rewrap(REAL, key, passphrase_text, False)
            else:
                passphrase.check(duress_passphrase)
                if duress_passphrase == passphrase_text:
                    raise InvalidInput("the duress passphrase must differ from the real one")
                decoy_key = duress.make_spare(self.home, self.role, utc_now())
                fresh = keyfile.rewrap(DECOY, decoy_key, duress_passphrase, destroy_real)
                fresh = fresh.rewrap(REAL, key, passphrase_text, True)
            fresh.write(self.home / KEY_FILE)
            self._keyfile = fresh
            self._flag = duress_passphrase is not None
            self.audit("duress_changed")

    # -- wipe ------------------------------------------------------------------------------
    def wipe(self) -> None:
        self.close()
        wipe(self.home)


def _upgrade_v1(home: Path, passphrase_text: str) -> None:
    """A vault made before issue 19 gets its two slots, decoy and counter on first opening."""
    try:
        data = (home / KEY_FILE).read_bytes()[: 64 * 1024]
    except OSError:
        return  # KeyFile.read says what is wrong
    if not KeyFile.is_v1(data):
        return
    keyfile, _ = KeyFile.upgrade_v1(data, passphrase_text)  # WrongPassphrase: nothing changed
    if is_read_only(home):
        raise ReadOnlyStorage(detail="the vault needs an upgrade")
    duress.make_spare(home, keyfile.role, utc_now())
    write_count(home, 0)
    keyfile.write(home / KEY_FILE)  # last: until then the old file still opens it


def _connect(data_dir: Path, db_key: bytes, read_only: bool) -> database.Connection:
    try:
        conn = database.connect(data_dir / DB_FILE, db_key, read_only=read_only)
    except sqlcipher3.Error as exc:
        raise db_error(exc, data_dir) from None
    try:
        if not read_only:
            database.migrate(conn)
        elif database.schema_version(conn) != database.migrations()[-1][0]:
            raise ReadOnlyStorage(detail="the vault needs an upgrade")
    except BaseException as exc:
        conn.close()
        if isinstance(exc, sqlcipher3.Error):
            raise db_error(exc, data_dir) from None
        raise
    return conn
