"""The relay's storage: opaque ciphertext files plus a small SQLite index.

It keeps only what it must: hashed tokens and credentials, a pseudonym per device, uploads
(size of the ciphertext, its SHA-256, state) and sealed receipts. No file name, no IP address,
no plaintext size (bundles are padded before encryption), no bundle id (the idempotency key
is a hash of it). Times are kept to the hour, so rows cannot be lined up with a network
observer's timeline; a spent token is deleted, so nothing links it to the credential it
became; an acknowledged upload keeps only its owner and the coalition's sealed receipt.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import secrets
import sqlite3
import threading
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from starlette.concurrency import run_in_threadpool

from reporter.fsutil import ensure_private_dir, fsync_dir
from reporter.relay.storage.base import (
    FORGET_ACKED,
    ROW_KEYS,
    QuotaUsed,
    Room,
    Row,
    Staged,
    hour,
    secret_hash,
)
from reporter.relay.storage.shared import SHARED_SCHEMA, SharedKinds
from reporter.relay.uploads import BUSY, RelayError, read_blocks, sha256_of, write_piece


def _new_file(path: Path) -> BinaryIO:
    """A new private file of the store's, open for writing (never an existing one)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    return os.fdopen(fd, "r+b")


__all__ = ["RelayStore", "hour", "secret_hash"]
_FORGET_ACKED = FORGET_ACKED

SCHEMA = """
CREATE TABLE IF NOT EXISTS tokens (
    hash TEXT PRIMARY KEY, role TEXT NOT NULL, created_at REAL NOT NULL, used_at REAL);
CREATE TABLE IF NOT EXISTS credentials (
    hash TEXT PRIMARY KEY, role TEXT NOT NULL, pseudonym TEXT NOT NULL UNIQUE,
    created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS uploads (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, key TEXT NOT NULL, size INTEGER NOT NULL,
    received INTEGER NOT NULL DEFAULT 0, sha256 TEXT, state TEXT NOT NULL DEFAULT 'open',
    cursor INTEGER, created_at REAL NOT NULL, completed_at REAL, acked_at REAL,
    receipt BLOB, generation INTEGER NOT NULL DEFAULT 0, UNIQUE (owner, key));
CREATE INDEX IF NOT EXISTS uploads_cursor ON uploads(cursor);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
""" + SHARED_SCHEMA.format(blob="BLOB")


class RelayStore(SharedKinds):
    PLACEHOLDER = "?"

    def __init__(self, directory: Path) -> None:
        ensure_private_dir(directory)
        ensure_private_dir(directory / "blobs")
        self.directory = directory
        self.blobs = directory / "blobs"
        self._lock = threading.RLock()
        self._calls: dict[str, deque[float]] = defaultdict(deque)
        self._conn = sqlite3.connect(
            directory / "relay.sqlite", isolation_level=None, check_same_thread=False, timeout=30
        )
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = FULL")
        # What is deleted or stripped (spent tokens, acknowledged uploads) is overwritten,
        # not left in free pages of the file.
        self._conn.execute("PRAGMA secure_delete = ON")
        self._conn.executescript(SCHEMA)
        self._migrate()

    def _migrate(self) -> None:
        """Stores written by earlier versions: add the generation, forget what is not needed."""
        with self.transaction() as conn:
            columns = {row[1] for row in conn.execute("PRAGMA table_info(uploads)")}
            if "generation" not in columns:
                conn.execute("ALTER TABLE uploads ADD COLUMN generation INTEGER NOT NULL DEFAULT 0")
            conn.execute("DELETE FROM tokens WHERE used_at IS NOT NULL")
            conn.execute(_FORGET_ACKED + " WHERE acked_at IS NOT NULL")
            for table, column in (
                ("tokens", "created_at"),
                ("credentials", "created_at"),
                ("uploads", "created_at"),
                ("uploads", "completed_at"),
            ):
                conn.execute(
                    f"UPDATE {table} SET {column} = CAST({column} / 3600 AS INTEGER)"  # noqa: S608 - fixed names
                    f" * 3600 WHERE {column} % 3600 != 0"
                )

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise

    def _tx(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return self.transaction()

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self._lock:
            return list(self._conn.execute(sql, params).fetchall())

    # -- enrollment ----------------------------------------------------------------------
    def create_token(self, role: str) -> str:
        token = "tt1-" + secrets.token_urlsafe(32)
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO tokens(hash, role, created_at) VALUES (?, ?, ?)",
                (secret_hash(token), role, hour()),
            )
        return token

    def redeem(self, token: str, credential: str | None = None) -> tuple[str, str] | None:
        """Spend a single-use token; return (credential, role), or None if not valid.

        A device may bring its own random ``credential``: then a retry whose answer was lost
        (the token already spent) finds the credential it asked for, instead of a dead end.
        """
        credential = credential or "tc1-" + secrets.token_urlsafe(32)
        with self.transaction() as conn:
            known = conn.execute(
                "SELECT role FROM credentials WHERE hash = ?", (secret_hash(credential),)
            ).fetchone()
            if known is not None:
                return credential, str(known[0])
            row = conn.execute(
                "SELECT role FROM tokens WHERE hash = ? AND used_at IS NULL", (secret_hash(token),)
            ).fetchone()
            if row is None:
                return None
            # Deleted, not marked used: no time or row ties the token to the credential.
            conn.execute("DELETE FROM tokens WHERE hash = ?", (secret_hash(token),))
            conn.execute(
                "INSERT INTO credentials(hash, role, pseudonym, created_at) VALUES (?, ?, ?, ?)",
                (secret_hash(credential), row[0], secrets.token_hex(8), hour()),
            )
        return credential, str(row[0])

    def who(self, credential: str) -> tuple[str, str] | None:
        rows = self.query(
            "SELECT pseudonym, role FROM credentials WHERE hash = ?", (secret_hash(credential),)
        )
        return (rows[0][0], rows[0][1]) if rows else None

    # -- uploads -------------------------------------------------------------------------
    def path(self, upload_id: str) -> Path:
        return self.blobs / upload_id

    def usage(self, owner: str) -> tuple[int, int]:
        """(open uploads, bytes stored) of one device, for quotas."""
        row = self.query(
            "SELECT count(CASE WHEN state = 'open' THEN 1 END),"
            " coalesce(sum(CASE WHEN state != 'acked' THEN size END), 0)"
            " FROM uploads WHERE owner = ?",
            (owner,),
        )[0]
        return int(row[0]), int(row[1])

    def upload_row(self, upload_id: str) -> dict[str, Any] | None:
        rows = self.query(
            "SELECT id, owner, key, size, received, sha256, state, cursor,"
            " completed_at, receipt IS NOT NULL, generation FROM uploads"
            " WHERE id = ?",
            (upload_id,),
        )
        if not rows:
            return None
        return dict(zip(ROW_KEYS, rows[0], strict=True))

    def find_upload(self, owner: str, key: str) -> dict[str, Any] | None:
        rows = self.query("SELECT id FROM uploads WHERE owner = ? AND key = ?", (owner, key))
        return self.upload_row(rows[0][0]) if rows else None

    def create_upload(self, owner: str, key: str, size: int, room: Room) -> Row:
        upload_id = secrets.token_hex(16)
        with self.transaction() as conn:
            existing = conn.execute(
                "SELECT id FROM uploads WHERE owner = ? AND key = ?", (owner, key)
            ).fetchone()
            if existing is None:
                self._check_room(conn, owner, size, room, opening=True)
                conn.execute(
                    "INSERT INTO uploads(id, owner, key, size, created_at) VALUES (?, ?, ?, ?, ?)",
                    (upload_id, owner, key, size, hour()),
                )
                self.path(upload_id).touch(mode=0o600)
            else:
                upload_id = existing[0]
            row = self.upload_row(upload_id)  # in the transaction: expiry cannot interleave
        assert row is not None  # noqa: S101 - just written in the transaction above
        return row

    @staticmethod
    def _check_room(
        conn: sqlite3.Connection, owner: str, size: int, room: Room, opening: bool
    ) -> None:
        """The quota, read in the transaction that adds the upload (BEGIN IMMEDIATE: alone)."""
        row = conn.execute(
            "SELECT count(CASE WHEN state = 'open' THEN 1 END),"
            " coalesce(sum(CASE WHEN state != 'acked' THEN size END), 0)"
            " FROM uploads WHERE owner = ?",
            (owner,),
        ).fetchone()
        if (opening and row[0] >= room.max_open_uploads) or row[1] + size > room.quota_bytes:
            raise QuotaUsed

    def add_complete(self, owner: str, key: str, staged: Staged, room: Room) -> tuple[Row, bool]:
        """Record an upload whose bytes are already on disk, in one transaction.

        Returns the row and whether it is new (a concurrent retry may have won the key).
        """
        fsync_dir(self.blobs)
        now = hour()
        upload_id = staged.upload_id
        with self.transaction() as conn:
            existing = conn.execute(
                "SELECT id FROM uploads WHERE owner = ? AND key = ?", (owner, key)
            ).fetchone()
            if existing is None:
                self._check_room(conn, owner, staged.size, room, opening=False)
                cursor = self._next(conn, "cursor")
                conn.execute(
                    "INSERT INTO uploads(id, owner, key, size, received, sha256,"
                    " state, cursor, created_at, completed_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, 'complete', ?, ?, ?)",
                    (
                        upload_id,
                        owner,
                        key,
                        staged.size,
                        staged.size,
                        staged.sha256,
                        cursor,
                        now,
                        now,
                    ),
                )
            else:
                upload_id = existing[0]
            row = self.upload_row(upload_id)  # in the transaction: expiry cannot interleave
        assert row is not None  # noqa: S101 - just written in the transaction above
        return row, existing is None

    async def stage(self, size: int, body: AsyncIterator[bytes]) -> Staged:
        """The bytes to a new file of their own (nobody else writes it), hashed on the way."""
        upload_id = secrets.token_hex(16)
        path = self.path(upload_id)
        # Creating a file waits for the journal while other requests fsync: in a worker, or
        # every request on the event loop waits with it (0.6 ms a bundle, measured).
        handle = await run_in_threadpool(_new_file, path)
        digest = hashlib.sha256()
        try:
            with handle:
                received = await write_piece(handle, 0, size, body, digest)
        except BaseException:
            await run_in_threadpool(path.unlink, missing_ok=True)
            raise
        return Staged(upload_id, received, digest.hexdigest(), upload_id)

    def discard(self, staged: Staged) -> None:
        self.path(staged.ref).unlink(missing_ok=True)

    def writer(self, upload_id: str) -> FileWriter:
        return FileWriter(self, upload_id)

    def read(self, upload_id: str) -> Iterator[bytes] | None:
        """Opened now: an acknowledgement that removes the file meanwhile cannot cut the
        stream (the open file outlives its name), and a file already gone is a 410."""
        try:
            handle = self.path(upload_id).open("rb")
        except FileNotFoundError:
            return None
        return read_blocks(handle)

    def allow_call(self, name: str, allowance: int) -> bool:
        """A sliding minute in this process's memory (one process per store)."""
        with self._lock:
            window = self._calls[name]
            now = time.monotonic()
            while window and now - window[0] > 60:
                window.popleft()
            if len(window) >= allowance:
                return False
            window.append(now)
            return True

    def remove_orphans(self, older_than_seconds: float) -> int:
        """Files a crash left without a row (written, never recorded) are deleted."""
        known = {row[0] for row in self.query("SELECT id FROM uploads")}
        limit = time.time() - older_than_seconds
        removed = 0
        for path in self.blobs.iterdir():
            if path.name not in known and path.stat().st_mtime < limit:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    removed += 1
        return removed

    def set_received(self, row: dict[str, Any], received: int) -> bool:
        """Move an open upload's offset, only if it is still as ``row`` saw it (the writer
        holds the file's lock; this is the database's own check of the same)."""
        with self.transaction() as conn:
            moved = conn.execute(
                "UPDATE uploads SET received = ?, generation = generation + 1"
                " WHERE id = ? AND state = 'open' AND received = ? AND"
                " generation = ?",
                (received, row["id"], row["received"], row["generation"]),
            ).rowcount
        return moved == 1

    def complete(self, row: dict[str, Any], sha256: str) -> dict[str, Any] | None:
        """Mark it complete if it is still as ``row`` saw it; None if it moved meanwhile."""
        with self.transaction() as conn:
            cursor = self._next(conn, "cursor")
            done = conn.execute(
                "UPDATE uploads SET state = 'complete', received = size,"
                " sha256 = ?, cursor = ?, completed_at = ?,"
                " generation = generation + 1 WHERE id = ? AND state = 'open'"
                " AND generation = ?",
                (sha256, cursor, hour(), row["id"], row["generation"]),
            ).rowcount
            if done != 1:
                return None
        upload_id = row["id"]
        fsync_dir(self.blobs)
        result = self.upload_row(upload_id)
        assert result is not None  # noqa: S101
        return result

    @staticmethod
    def _next(conn: sqlite3.Connection, name: str) -> int:
        conn.execute("INSERT OR IGNORE INTO counters VALUES (?, 0)", (name,))
        conn.execute("UPDATE counters SET value = value + 1 WHERE name = ?", (name,))
        return int(conn.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()[0])

    def receipt(self, upload_id: str) -> bytes | None:
        rows = self.query("SELECT receipt FROM uploads WHERE id = ?", (upload_id,))
        return bytes(rows[0][0]) if rows and rows[0][0] is not None else None

    def receipts(self, owner: str, upload_ids: list[str]) -> dict[str, bytes]:
        if not upload_ids:
            return {}
        marks = ",".join("?" * len(upload_ids))
        rows = self.query(
            f"SELECT id, receipt FROM uploads WHERE owner = ? AND id IN ({marks})"  # noqa: S608 - only placeholders
            " AND receipt IS NOT NULL",
            (owner, *upload_ids),
        )
        return {row[0]: bytes(row[1]) for row in rows}

    def _forget_bytes(self, conn: Any, upload_ids: list[str]) -> list[str]:
        return upload_ids  # files, unlinked once the rows are stripped

    def _drop_bytes(self, refs: list[str]) -> None:
        for upload_id in refs:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path(upload_id))

    def expire(self, retention_seconds: float) -> int:
        """Forget what was never acknowledged (or whose receipt was never fetched) in time."""
        limit = time.time() - retention_seconds
        rows = self.query("SELECT id FROM uploads WHERE created_at < ?", (limit,))
        for (upload_id,) in rows:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path(upload_id))
        with self.transaction() as conn:
            conn.execute("DELETE FROM uploads WHERE created_at < ?", (limit,))
        self.expire_shared(limit)
        return len(rows)


class FileWriter:
    """One upload's file, open and ``flock``ed for one request (across threads and processes
    on this store); the offset moves in the database, checked against the row's generation."""

    def __init__(self, store: RelayStore, upload_id: str) -> None:
        self.store, self.upload_id = store, upload_id
        try:
            self.handle: BinaryIO = store.path(upload_id).open("r+b")
        except FileNotFoundError:
            raise RelayError(404, "not_found", "no such upload") from None
        try:
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.close()
            raise RelayError(BUSY.status, BUSY.code, BUSY.message) from None

    def row(self) -> Row | None:
        return self.store.upload_row(self.upload_id)

    async def write(self, offset: int, size: int, body: AsyncIterator[bytes], digest: Any) -> int:
        return await write_piece(self.handle, offset, size, body, digest)

    def moved(self, row: Row, received: int) -> bool:
        return self.store.set_received(row, received)

    def stored_sha256(self, size: int) -> str | None:
        return sha256_of(self.handle, size)

    def restart(self, row: Row) -> None:
        self.store.set_received(row, 0)

    def complete(self, row: Row, sha256: str) -> Row | None:
        return self.store.complete(row, sha256)

    def close(self) -> None:
        self.handle.close()  # closing releases the lock
