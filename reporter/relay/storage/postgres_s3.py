"""The relay at scale: PostgreSQL for the index and the queue, S3 for the ciphertext.

Any number of relay processes share one database and one bucket; nothing that must hold
across them lives in a process. One writer per upload is a session advisory lock on the
upload's id, taken without waiting (busy otherwise) and let go when the request ends or its
process dies (PostgreSQL drops a dead connection's locks). A token is spent by one DELETE
(exactly one process sees the row); a quota is read under a per-device transaction lock;
cursors come from one counter row, locked until the completing transaction commits, so they
are handed out in commit order and a coordinator's pull never skips a bundle committed late.
Rate-limit counts per minute live in an UNLOGGED table, pruned as they age. Each
coordinator's acknowledgement is taken with the upload's row locked (``FOR UPDATE``), so the
last of several arriving at once on several processes sees the others' and deletes the bytes
(``storage.shared``).
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

from starlette.concurrency import run_in_threadpool

from reporter.errors import Unavailable
from reporter.relay.storage.base import (
    ROW_KEYS,
    PostgresS3,
    QuotaUsed,
    Room,
    Row,
    Staged,
    hour,
    secret_hash,
)
from reporter.relay.storage.s3objects import S3Objects
from reporter.relay.storage.shared import LAST_SHARED_TABLE, SHARED_SCHEMA, SharedKinds
from reporter.relay.uploads import BUSY, RelayError

SCHEMA = """
CREATE TABLE IF NOT EXISTS tokens (
    hash TEXT PRIMARY KEY, role TEXT NOT NULL, created_at BIGINT NOT NULL, used_at BIGINT);
CREATE TABLE IF NOT EXISTS credentials (
    hash TEXT PRIMARY KEY, role TEXT NOT NULL, pseudonym TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS uploads (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, key TEXT NOT NULL, size BIGINT NOT NULL,
    received BIGINT NOT NULL DEFAULT 0, sha256 TEXT, state TEXT NOT NULL DEFAULT 'open',
    cursor BIGINT, created_at BIGINT NOT NULL, completed_at BIGINT, acked_at BIGINT,
    receipt BYTEA, generation BIGINT NOT NULL DEFAULT 0, UNIQUE (owner, key));
CREATE INDEX IF NOT EXISTS uploads_cursor ON uploads(cursor);
CREATE INDEX IF NOT EXISTS uploads_created ON uploads(created_at);
CREATE TABLE IF NOT EXISTS pieces (
    upload_id TEXT NOT NULL REFERENCES uploads(id) ON DELETE CASCADE,
    start BIGINT NOT NULL, length BIGINT NOT NULL, object TEXT NOT NULL UNIQUE,
    PRIMARY KEY (upload_id, start));
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
INSERT INTO counters VALUES ('cursor', 0) ON CONFLICT DO NOTHING;
CREATE UNLOGGED TABLE IF NOT EXISTS calls (
    name TEXT NOT NULL, minute BIGINT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (name, minute));
""" + SHARED_SCHEMA.format(blob="BYTEA")
# Two-int advisory keys (a space apart from the uploads' one-bigint keys).
_SCHEMA_LOCK, _OWNER_LOCK, _ORPHAN_LOCK = (7017, 1), 7017, (7017, 3)
_ROW = (
    "SELECT id, owner, key, size, received, sha256, state, cursor, completed_at,"
    " receipt IS NOT NULL, generation FROM uploads"
)


def _lock_key(upload_id: str) -> int:
    """An upload id (32 hex digits) as a signed 64-bit advisory-lock key."""
    return int(upload_id[:16], 16) - 2**63


def _owner_key(owner: str) -> int:
    return int.from_bytes(hashlib.sha256(owner.encode()).digest()[:4], "big", signed=True)


class PostgresS3Store(SharedKinds):
    FOR_UPDATE = " FOR UPDATE"
    SKIP_LOCKED = " FOR UPDATE OF uploads SKIP LOCKED"

    def __init__(self, config: PostgresS3) -> None:
        import psycopg
        from psycopg_pool import ConnectionPool

        self.config = config
        self.objects = S3Objects(config.objects, config.s3_endpoint, config.spool)
        try:
            self.objects.check()
        except Exception:
            raise Unavailable(what=f"the relay's object store ({config.objects})") from None
        self.pool = ConnectionPool(
            config.database,
            min_size=1,
            max_size=config.pool_size,
            kwargs={"autocommit": True},
            timeout=15,
            open=False,
        )
        try:
            # One plain connection first: an unreachable database is said at once, in one
            # line, instead of the pool's retries and its log lines.
            psycopg.connect(config.database, connect_timeout=10).close()
            self.pool.open(wait=True, timeout=15)
            with self.pool.connection() as conn:
                # Tables made by the first process; the others do not take DDL locks on
                # tables that running processes are writing.
                newest = conn.execute("SELECT to_regclass(%s)", (LAST_SHARED_TABLE,)).fetchone()
                if newest in (None, (None,)):
                    with conn.transaction():
                        conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", _SCHEMA_LOCK)
                        conn.execute(SCHEMA)
        except (psycopg.Error, OSError, RuntimeError) as exc:
            with contextlib.suppress(Exception):
                self.pool.close()
            reason = getattr(exc, "sqlstate", None) or type(exc).__name__  # no conninfo
            raise Unavailable(what=f"the relay's PostgreSQL database ({reason})") from None

    def close(self) -> None:
        self.pool.close()

    @contextlib.contextmanager
    def _conn(self) -> Iterator[Any]:
        from psycopg_pool import PoolTimeout

        try:
            with self.pool.connection() as conn:
                yield conn
        except PoolTimeout:
            raise RelayError(503, "unavailable", "the relay is busy; retry") from None

    @contextlib.contextmanager
    def _tx(self) -> Iterator[Any]:
        with self._conn() as conn, conn.transaction():
            yield conn

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self._conn() as conn:
            return list(conn.execute(sql, params).fetchall())

    # -- enrollment ----------------------------------------------------------------------
    def create_token(self, role: str) -> str:
        token = "tt1-" + secrets.token_urlsafe(32)
        self.query(
            "INSERT INTO tokens(hash, role, created_at) VALUES (%s, %s, %s) RETURNING hash",
            (secret_hash(token), role, hour()),
        )
        return token

    def redeem(self, token: str, credential: str | None = None) -> tuple[str, str] | None:
        """One DELETE spends the token: of two processes redeeming it at once, one wins."""
        credential = credential or "tc1-" + secrets.token_urlsafe(32)
        with self._conn() as conn:
            for _ in range(2):
                known = conn.execute(
                    "SELECT role FROM credentials WHERE hash = %s", (secret_hash(credential),)
                ).fetchone()
                if known is not None:
                    return credential, str(known[0])
                with conn.transaction():
                    row = conn.execute(
                        "DELETE FROM tokens WHERE hash = %s AND used_at IS NULL RETURNING role",
                        (secret_hash(token),),
                    ).fetchone()
                    if row is not None:
                        conn.execute(
                            "INSERT INTO credentials(hash, role, pseudonym, created_at)"
                            " VALUES (%s, %s, %s, %s)",
                            (secret_hash(credential), row[0], secrets.token_hex(8), hour()),
                        )
                        return credential, str(row[0])
                # Lost to a concurrent redemption: if it was this credential's, it is known now.
        return None

    def who(self, credential: str) -> tuple[str, str] | None:
        rows = self.query(
            "SELECT pseudonym, role FROM credentials WHERE hash = %s", (secret_hash(credential),)
        )
        return (rows[0][0], rows[0][1]) if rows else None

    def allow_call(self, name: str, allowance: int) -> bool:
        """This minute's count plus the last minute's, weighted by what is left of it: a
        sliding minute shared by every process, in one round trip."""
        now = time.time()
        minute = int(now // 60)
        with self._conn() as conn:
            current, previous = conn.execute(
                "WITH up AS (INSERT INTO calls VALUES (%s, %s, 1) ON CONFLICT (name, minute)"
                " DO UPDATE SET count = calls.count + 1 RETURNING count)"
                " SELECT (SELECT count FROM up), (SELECT count FROM calls WHERE name = %s"
                " AND minute = %s)",
                (name, minute, name, minute - 1),
            ).fetchone()
            if current + (previous or 0) * (1 - (now % 60) / 60) <= allowance:
                return True
            conn.execute(
                "UPDATE calls SET count = count - 1 WHERE name = %s AND minute = %s", (name, minute)
            )  # a refused call does not count
        return False

    # -- uploads -------------------------------------------------------------------------
    def usage(self, owner: str) -> tuple[int, int]:
        with self._conn() as conn:
            return self._usage(conn, owner)

    @staticmethod
    def _usage(conn: Any, owner: str) -> tuple[int, int]:
        row = conn.execute(
            "SELECT count(*) FILTER (WHERE state = 'open'),"
            " coalesce(sum(size) FILTER (WHERE state != 'acked'), 0)"
            " FROM uploads WHERE owner = %s",
            (owner,),
        ).fetchone()
        return int(row[0]), int(row[1])

    def upload_row(self, upload_id: str) -> Row | None:
        rows = self.query(_ROW + " WHERE id = %s", (upload_id,))
        return dict(zip(ROW_KEYS, rows[0], strict=True)) if rows else None

    def find_upload(self, owner: str, key: str) -> Row | None:
        rows = self.query(_ROW + " WHERE owner = %s AND key = %s", (owner, key))
        return dict(zip(ROW_KEYS, rows[0], strict=True)) if rows else None

    def _room(self, conn: Any, owner: str, size: int, room: Room, opening: bool) -> None:
        """Under the device's transaction lock: two processes cannot both fit the last byte."""
        conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (_OWNER_LOCK, _owner_key(owner)))
        open_uploads, stored = self._usage(conn, owner)
        if (opening and open_uploads >= room.max_open_uploads) or stored + size > room.quota_bytes:
            raise QuotaUsed

    @staticmethod
    def _find(conn: Any, owner: str, key: str) -> Row | None:
        rows = conn.execute(_ROW + " WHERE owner = %s AND key = %s", (owner, key)).fetchall()
        return dict(zip(ROW_KEYS, rows[0], strict=True)) if rows else None

    def create_upload(self, owner: str, key: str, size: int, room: Room) -> Row:
        with self._conn() as conn, conn.transaction():
            found = self._find(conn, owner, key)
            if found is None:
                self._room(conn, owner, size, room, opening=True)
                conn.execute(
                    "INSERT INTO uploads(id, owner, key, size, created_at)"
                    " VALUES (%s, %s, %s, %s, %s) ON CONFLICT (owner, key) DO NOTHING",
                    (secrets.token_hex(16), owner, key, size, hour()),
                )
                found = self._find(conn, owner, key)  # ours, or a concurrent retry's
        assert found is not None  # noqa: S101 - written above or by a concurrent retry
        return found

    async def stage(self, size: int, body: AsyncIterator[bytes]) -> Staged:
        upload_id = secrets.token_hex(16)
        digest = hashlib.sha256()
        spooled = await self.objects.spool_body(body, 0, size, digest)
        name = self.objects.piece_name(upload_id, 0)
        try:
            await run_in_threadpool(self.objects.put, name, spooled)
        finally:
            spooled.file.close()
        return Staged(upload_id, spooled.length, digest.hexdigest(), name)

    def add_complete(self, owner: str, key: str, staged: Staged, room: Room) -> tuple[Row, bool]:
        now = hour()
        with self._conn() as conn, conn.transaction():
            found = self._find(conn, owner, key)
            if found is None:
                self._room(conn, owner, staged.size, room, opening=False)
                found = self._find(conn, owner, key)
            created = False
            if found is None:
                cursor = self._next_cursor(conn)  # locked until commit: commit order
                created = (
                    conn.execute(
                        "INSERT INTO uploads(id, owner, key, size, received, sha256, state,"
                        " cursor, created_at, completed_at) VALUES (%s, %s, %s, %s, %s, %s,"
                        " 'complete', %s, %s, %s) ON CONFLICT (owner, key) DO NOTHING",
                        (
                            staged.upload_id,
                            owner,
                            key,
                            staged.size,
                            staged.size,
                            staged.sha256,
                            cursor,
                            now,
                            now,
                        ),
                    ).rowcount
                    == 1
                )
                if created:
                    conn.execute(
                        "INSERT INTO pieces VALUES (%s, 0, %s, %s)",
                        (staged.upload_id, staged.size, staged.ref),
                    )
            row = self._find(conn, owner, key)
        assert row is not None  # noqa: S101 - written above
        return row, created

    @staticmethod
    def _next_cursor(conn: Any) -> int:
        return int(
            conn.execute(
                "UPDATE counters SET value = value + 1 WHERE name = 'cursor' RETURNING value"
            ).fetchone()[0]
        )

    def discard(self, staged: Staged) -> None:
        self.objects.delete([staged.ref])

    def writer(self, upload_id: str) -> PieceWriter:
        return PieceWriter(self, upload_id)

    def pieces(self, upload_id: str) -> list[tuple[int, int, str]]:
        return [
            (int(r[0]), int(r[1]), str(r[2]))
            for r in self.query(
                "SELECT start, length, object FROM pieces WHERE upload_id = %s ORDER BY start",
                (upload_id,),
            )
        ]

    def read(self, upload_id: str) -> Iterator[bytes] | None:
        """The first piece is opened now, so bytes acknowledged meanwhile are a 410, not a
        broken stream."""
        pieces = self.pieces(upload_id)
        first = self.objects.open(pieces[0][2]) if pieces else None
        return None if first is None else self._stream(pieces, first)

    def _stream(
        self, pieces: list[tuple[int, int, str]], first: Any | None = None
    ) -> Iterator[bytes]:
        for n, (_, length, name) in enumerate(pieces):
            yield from self.objects.blocks(name, length, first if n == 0 else None)

    def receipt(self, upload_id: str) -> bytes | None:
        rows = self.query("SELECT receipt FROM uploads WHERE id = %s", (upload_id,))
        return bytes(rows[0][0]) if rows and rows[0][0] is not None else None

    def receipts(self, owner: str, upload_ids: list[str]) -> dict[str, bytes]:
        if not upload_ids:
            return {}
        rows = self.query(
            "SELECT id, receipt FROM uploads WHERE owner = %s AND id = ANY(%s)"
            " AND receipt IS NOT NULL",
            (owner, upload_ids),
        )
        return {row[0]: bytes(row[1]) for row in rows}

    def _forget_bytes(self, conn: Any, upload_ids: list[str]) -> list[str]:
        return [
            r[0]
            for r in conn.execute(
                "DELETE FROM pieces WHERE upload_id = ANY(%s) RETURNING object", (upload_ids,)
            )
        ]

    def _drop_bytes(self, refs: list[str]) -> None:
        self.objects.delete(refs)

    def expire(self, retention_seconds: float) -> int:
        """In batches that other processes skip (SKIP LOCKED): safe on every process."""
        limit = time.time() - retention_seconds
        removed = 0
        while True:
            with self._conn() as conn:
                with conn.transaction():
                    ids = [
                        r[0]
                        for r in conn.execute(
                            "SELECT id FROM uploads WHERE created_at < %s ORDER BY id LIMIT 500"
                            " FOR UPDATE SKIP LOCKED",
                            (limit,),
                        )
                    ]
                    names = [
                        r[0]
                        for r in conn.execute(
                            "DELETE FROM pieces WHERE upload_id = ANY(%s) RETURNING object", (ids,)
                        )
                    ]
                    conn.execute("DELETE FROM uploads WHERE id = ANY(%s)", (ids,))
                conn.execute("DELETE FROM calls WHERE minute < %s", (int(time.time() // 60) - 1,))
            self.objects.delete(names)
            removed += len(ids)
            if len(ids) < 500:
                self.expire_shared(limit)
                return removed

    def remove_orphans(self, older_than_seconds: float) -> int:
        """Objects no piece row names (a process died between PUT and commit); one process
        at a time lists the bucket, the others skip the round."""
        limit = time.time() - older_than_seconds
        removed = 0
        with self._conn() as conn:
            if not conn.execute("SELECT pg_try_advisory_lock(%s, %s)", _ORPHAN_LOCK).fetchone()[0]:
                return 0
            try:
                for page in self.objects.listing():
                    old = [name for name, moment in page if moment < limit]
                    known = {
                        r[0]
                        for r in conn.execute(
                            "SELECT object FROM pieces WHERE object = ANY(%s)", (old,)
                        )
                    }
                    gone = [name for name in old if name not in known]
                    self.objects.delete(gone)
                    removed += len(gone)
            finally:
                conn.execute("SELECT pg_advisory_unlock(%s, %s)", _ORPHAN_LOCK)
        return removed


class PieceWriter:
    """One upload held by this request: an advisory lock on its id, on a connection of its
    own for the request's length. Each piece is an object, recorded with the offset's move
    in one transaction; a process killed between the two leaves an orphan object, no row."""

    def __init__(self, store: PostgresS3Store, upload_id: str) -> None:
        from psycopg_pool import PoolTimeout

        self.store, self.upload_id = store, upload_id
        self.key = _lock_key(upload_id)
        self.piece: tuple[int, int, str] | None = None
        try:
            self.conn = store.pool.getconn()
        except PoolTimeout:
            raise RelayError(503, "unavailable", "the relay is busy; retry") from None
        try:
            if store.upload_row(upload_id) is None:
                raise RelayError(404, "not_found", "no such upload")
            locked = self.conn.execute("SELECT pg_try_advisory_lock(%s)", (self.key,)).fetchone()
            if locked is None or not locked[0]:
                raise RelayError(BUSY.status, BUSY.code, BUSY.message)
        except BaseException:
            store.pool.putconn(self.conn)
            raise

    def row(self) -> Row | None:
        rows = self.conn.execute(_ROW + " WHERE id = %s", (self.upload_id,)).fetchall()
        return dict(zip(ROW_KEYS, rows[0], strict=True)) if rows else None

    async def write(self, offset: int, size: int, body: AsyncIterator[bytes], digest: Any) -> int:
        objects = self.store.objects
        spooled = await objects.spool_body(body, offset, size, digest)
        try:
            if spooled.length:
                name = objects.piece_name(self.upload_id, offset)
                await run_in_threadpool(objects.put, name, spooled)
                self.piece = (offset, spooled.length, name)
        finally:
            spooled.file.close()
        return offset + spooled.length

    def moved(self, row: Row, received: int) -> bool:
        piece, self.piece = self.piece, None
        with self.conn.transaction():
            moved = (
                self.conn.execute(
                    "UPDATE uploads SET received = %s, generation = generation + 1 WHERE id = %s"
                    " AND state = 'open' AND received = %s AND generation = %s",
                    (received, row["id"], row["received"], row["generation"]),
                ).rowcount
                == 1
            )
            if moved and piece is not None:
                self.conn.execute(
                    "INSERT INTO pieces VALUES (%s, %s, %s, %s)", (self.upload_id, *piece)
                )
        if not moved and piece is not None:
            self.store.objects.delete([piece[2]])
        return moved

    def stored_sha256(self, size: int) -> str | None:
        """Read back once: only when this process did not see every piece arrive."""
        pieces = self.store.pieces(self.upload_id)
        expected = 0
        for start, length, _ in pieces:
            if start != expected:
                return None
            expected += length
        if expected != size:
            return None
        digest = hashlib.sha256()
        try:
            for block in self.store._stream(pieces):
                digest.update(block)
        except OSError:
            return None
        return digest.hexdigest()

    def restart(self, row: Row) -> None:
        with self.conn.transaction():
            moved = self.conn.execute(
                "UPDATE uploads SET received = 0, generation = generation + 1 WHERE id = %s"
                " AND state = 'open' AND generation = %s",
                (row["id"], row["generation"]),
            ).rowcount
            names = (
                [
                    r[0]
                    for r in self.conn.execute(
                        "DELETE FROM pieces WHERE upload_id = %s RETURNING object",
                        (self.upload_id,),
                    )
                ]
                if moved
                else []
            )
        self.store.objects.delete(names)

    def complete(self, row: Row, sha256: str) -> Row | None:
        import psycopg

        try:
            with self.conn.transaction():
                cursor = self.store._next_cursor(self.conn)
                done = self.conn.execute(
                    "UPDATE uploads SET state = 'complete', received = size, sha256 = %s,"
                    " cursor = %s, completed_at = %s, generation = generation + 1 WHERE id = %s"
                    " AND state = 'open' AND generation = %s",
                    (sha256, cursor, hour(), row["id"], row["generation"]),
                ).rowcount
                if done != 1:
                    raise psycopg.Rollback
        except psycopg.Rollback:
            return None
        if done != 1:
            return None
        return self.row()

    def close(self) -> None:
        try:
            self.conn.execute("SELECT pg_advisory_unlock(%s)", (self.key,))
        except Exception:
            self.conn.close()  # a broken connection: its locks went with it
        finally:
            self.store.pool.putconn(self.conn)
