"""What several coordinators share on the relay, written once for both engines.

- **Acknowledgements** are per coordinator: a row (upload, coordinator pseudonym) each. An
  upload's bytes and the row's details go (``FORGET_ACKED``) only once every enrolled
  coordinator has acknowledged it, and at least one did (no coordinator enrolled is not
  "all of them agreed"). The rule is checked in the acknowledging transaction, with the
  upload's row locked (``FOR UPDATE`` on PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite), so two
  coordinators acknowledging at once on two processes cannot both miss the other's row; and
  in the periodic job, in batches other processes skip (``SKIP LOCKED``), which also catches
  what a coordinator's removal unblocked.
- **Coordination objects** (opaque, padded age ciphertext coordinators exchange), **messages
  to a device** and the **published profile** are small (1 MiB, 16 KiB, 64 KiB at most), so
  they live in the database on both engines (SQLite BLOB, PostgreSQL BYTEA), never in the
  folder or the bucket. Coordination objects keep no author; cursors come from a counter row
  locked until commit, so they are handed out in commit order. Their total bytes are a
  counter row too (``coordination_bytes``: added to in the adding transaction, which the
  cursor's lock makes one at a time, taken from by expiry), so the relay's quota for them is
  checked without reading every object; a store from before the counter counts them once.
  Objects and messages go at the retention time; the profile is replaced, never expired.

SQL here is written with ``%s`` placeholders; the SQLite store swaps them for ``?``.
"""

from __future__ import annotations

import contextlib
import secrets
from typing import Any, ClassVar

from reporter.relay.storage.base import FORGET_ACKED, QuotaUsed, hour

MAX_MESSAGES_WAITING = 1000  # per device: a coordinator cannot fill the store with them
COORDINATION_BYTES = "coordination_bytes"  # the counter row of the objects' total size
SHARED_SCHEMA = """
CREATE TABLE IF NOT EXISTS acks (
    upload_id TEXT NOT NULL, coordinator TEXT NOT NULL, PRIMARY KEY (upload_id, coordinator));
CREATE INDEX IF NOT EXISTS acks_coordinator ON acks(coordinator);
CREATE TABLE IF NOT EXISTS coordination (
    id TEXT PRIMARY KEY, cursor BIGINT NOT NULL UNIQUE, size BIGINT NOT NULL,
    data {blob} NOT NULL, created_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS coordination_created ON coordination(created_at);
CREATE TABLE IF NOT EXISTS messages (
    id TEXT PRIMARY KEY, seq BIGINT NOT NULL UNIQUE, upload_id TEXT NOT NULL,
    owner TEXT NOT NULL, data {blob} NOT NULL, created_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS messages_owner ON messages(owner, seq);
CREATE TABLE IF NOT EXISTS profile (
    name TEXT PRIMARY KEY, data {blob} NOT NULL, updated_at BIGINT NOT NULL);
"""
LAST_SHARED_TABLE = "profile"  # PostgreSQL: its absence says the schema needs creating

# Every enrolled coordinator has acknowledged it, and somebody did.
ALL_ACKED = (
    "state = 'complete' AND EXISTS (SELECT 1 FROM acks a WHERE a.upload_id = uploads.id)"
    " AND NOT EXISTS (SELECT 1 FROM credentials c WHERE c.role = 'coordinator' AND NOT EXISTS"
    " (SELECT 1 FROM acks a WHERE a.upload_id = uploads.id AND a.coordinator = c.pseudonym))"
)
BATCH = 500


class SharedKinds:
    """Mixed into each store; the engine supplies transactions, locking words and bytes."""

    PLACEHOLDER: ClassVar[str] = "%s"
    FOR_UPDATE: ClassVar[str] = ""  # locks the rows read, where the engine has row locks
    SKIP_LOCKED: ClassVar[str] = ""  # ...and skips rows another process holds

    # -- what the engine provides ----------------------------------------------------------
    def _tx(self) -> contextlib.AbstractContextManager[Any]:
        raise NotImplementedError

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        raise NotImplementedError

    def _forget_bytes(self, conn: Any, upload_ids: list[str]) -> list[str]:
        """In the stripping transaction: what to delete once it has committed."""
        raise NotImplementedError

    def _drop_bytes(self, refs: list[str]) -> None:
        raise NotImplementedError

    # -- helpers ---------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql.replace("%s", self.PLACEHOLDER)

    def _run(self, conn: Any, sql: str, params: tuple[Any, ...] = ()) -> Any:
        return conn.execute(self._sql(sql), params)

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        return self.query(self._sql(sql), params)

    def _count(self, conn: Any, name: str) -> int:
        """The next value of a counter; its row stays locked until commit (commit order)."""
        self._run(conn, "INSERT INTO counters VALUES (%s, 0) ON CONFLICT DO NOTHING", (name,))
        row = self._run(
            conn, "UPDATE counters SET value = value + 1 WHERE name = %s RETURNING value", (name,)
        ).fetchone()
        return int(row[0])

    # -- the coordinators' queue and their acknowledgements --------------------------------
    def pending(self, after: int, limit: int, coordinator: str) -> list[dict[str, Any]]:
        """Complete uploads after ``after`` that this coordinator has not acknowledged."""
        rows = self._read(
            "SELECT id, cursor, size, sha256 FROM uploads WHERE state = 'complete' AND cursor > %s"
            " AND NOT EXISTS (SELECT 1 FROM acks a WHERE a.upload_id = uploads.id"
            " AND a.coordinator = %s) ORDER BY cursor LIMIT %s",
            (after, coordinator, limit),
        )
        return [{"upload_id": r[0], "cursor": r[1], "size": r[2], "sha256": r[3]} for r in rows]

    def acked_by(self, upload_id: str, coordinator: str) -> bool:
        return bool(
            self._read(
                "SELECT 1 FROM acks WHERE upload_id = %s AND coordinator = %s",
                (upload_id, coordinator),
            )
        )

    def set_receipt(self, upload_id: str, receipt: bytes) -> None:
        """The first receipt stored is kept: every coordinator's is the coalition's."""
        with self._tx() as conn:
            self._run(
                conn,
                "UPDATE uploads SET receipt = %s WHERE id = %s AND receipt IS NULL",
                (receipt, upload_id),
            )

    def acknowledge(self, upload_id: str, coordinator: str) -> bool:
        """Record this coordinator's acknowledgement; True if that was the last one needed
        and the upload's bytes are now gone."""
        with self._tx() as conn:
            row = self._run(
                conn,
                "SELECT state FROM uploads WHERE id = %s" + self.FOR_UPDATE,  # noqa: S608 - fixed SQL
                (upload_id,),
            ).fetchone()
            if row is None or row[0] != "complete":
                return False
            self._run(
                conn,
                "INSERT INTO acks VALUES (%s, %s) ON CONFLICT DO NOTHING",
                (upload_id, coordinator),
            )
            done = self._run(
                conn,
                "SELECT id FROM uploads WHERE id = %s AND " + ALL_ACKED,  # noqa: S608 - fixed SQL
                (upload_id,),
            ).fetchall()
            refs = self._strip(conn, [r[0] for r in done])
        self._drop_bytes(refs)
        return bool(done)

    def _strip(self, conn: Any, upload_ids: list[str]) -> list[str]:
        for upload_id in upload_ids:
            self._run(conn, FORGET_ACKED + " WHERE id = %s AND state = 'complete'", (upload_id,))
            self._run(conn, "DELETE FROM acks WHERE upload_id = %s", (upload_id,))
        return self._forget_bytes(conn, upload_ids) if upload_ids else []

    def forget_acknowledged(self) -> int:
        """Strip every upload all coordinators have acknowledged (the periodic job's share:
        a removed coordinator may have been the last one missing). Safe on every process."""
        stripped = 0
        while True:
            with self._tx() as conn:
                ids = [
                    r[0]
                    for r in self._run(
                        conn,
                        f"SELECT id FROM uploads WHERE {ALL_ACKED}"  # noqa: S608 - fixed SQL
                        f" ORDER BY id LIMIT %s{self.SKIP_LOCKED}",
                        (BATCH,),
                    )
                ]
                refs = self._strip(conn, ids)
            self._drop_bytes(refs)
            stripped += len(ids)
            if len(ids) < BATCH:
                return stripped

    def coordinators(self) -> list[dict[str, Any]]:
        """Enrolled coordinators: pseudonym, the hour they enrolled, bundles they still owe."""
        rows = self._read(
            "SELECT c.pseudonym, c.created_at, (SELECT count(*) FROM uploads u WHERE"
            " u.state = 'complete' AND NOT EXISTS (SELECT 1 FROM acks a WHERE"
            " a.upload_id = u.id AND a.coordinator = c.pseudonym)) FROM credentials c"
            " WHERE c.role = 'coordinator' ORDER BY c.created_at, c.pseudonym"
        )
        return [{"pseudonym": r[0], "enrolled_at": int(r[1]), "waiting": int(r[2])} for r in rows]

    def remove_coordinator(self, pseudonym: str) -> bool:
        """Revoke a coordinator's credential (401 from then on) and forget their
        acknowledgements; what they alone were holding back is deleted now."""
        with self._tx() as conn:
            gone = self._run(
                conn,
                "DELETE FROM credentials WHERE role = 'coordinator' AND pseudonym = %s"
                " RETURNING pseudonym",
                (pseudonym,),
            ).fetchall()
            self._run(conn, "DELETE FROM acks WHERE coordinator = %s", (pseudonym,))
        self.forget_acknowledged()
        return bool(gone)

    # -- coordination objects --------------------------------------------------------------
    def add_coordination(self, data: bytes, quota: int) -> dict[str, Any]:
        """Keep one object; QuotaUsed if the objects kept would pass ``quota`` bytes."""
        object_id = secrets.token_hex(16)
        with self._tx() as conn:
            cursor = self._count(conn, "coordination")  # locked: one adder at a time
            row = self._run(
                conn, "SELECT value FROM counters WHERE name = %s", (COORDINATION_BYTES,)
            ).fetchone()
            used = self._coordination_bytes(conn) if row is None else int(row[0])
            if used + len(data) > quota:
                raise QuotaUsed  # rolled back: the cursor is not used up either
            self._run(
                conn,
                "UPDATE counters SET value = value + %s WHERE name = %s",
                (len(data), COORDINATION_BYTES),
            )
            self._run(
                conn,
                "INSERT INTO coordination(id, cursor, size, data, created_at)"
                " VALUES (%s, %s, %s, %s, %s)",
                (object_id, cursor, len(data), data, hour()),
            )
        return {"id": object_id, "cursor": cursor}

    def _coordination_bytes(self, conn: Any) -> int:
        """Once, for a store made before the counter: what its objects take now."""
        used = int(self._run(conn, "SELECT coalesce(sum(size), 0) FROM coordination").fetchone()[0])
        self._run(conn, "INSERT INTO counters VALUES (%s, %s)", (COORDINATION_BYTES, used))
        return used

    def list_coordination(self, after: int, limit: int) -> list[dict[str, Any]]:
        rows = self._read(
            "SELECT id, cursor, size FROM coordination WHERE cursor > %s ORDER BY cursor LIMIT %s",
            (after, limit),
        )
        return [{"id": r[0], "cursor": int(r[1]), "size": int(r[2])} for r in rows]

    def coordination(self, object_id: str) -> bytes | None:
        rows = self._read("SELECT data FROM coordination WHERE id = %s", (object_id,))
        return bytes(rows[0][0]) if rows else None

    # -- messages to a device --------------------------------------------------------------
    def add_message(self, upload_id: str, data: bytes) -> str | None:
        """A message for the owner of a complete (or acknowledged) upload; None if there is
        no such upload; QuotaUsed if the device already has too many waiting."""
        message_id = secrets.token_hex(16)
        with self._tx() as conn:
            row = self._run(
                conn,
                "SELECT owner, state FROM uploads WHERE id = %s" + self.FOR_UPDATE,  # noqa: S608
                (upload_id,),
            ).fetchone()
            if row is None or row[1] == "open":
                return None
            waiting = self._run(
                conn, "SELECT count(*) FROM messages WHERE owner = %s", (row[0],)
            ).fetchone()[0]
            if waiting >= MAX_MESSAGES_WAITING:
                raise QuotaUsed
            self._run(
                conn,
                "INSERT INTO messages(id, seq, upload_id, owner, data, created_at)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
                (message_id, self._count(conn, "message"), upload_id, row[0], data, hour()),
            )
        return message_id

    def messages(self, owner: str, limit: int = 100) -> list[dict[str, Any]]:
        rows = self._read(
            "SELECT id, upload_id, data FROM messages WHERE owner = %s ORDER BY seq LIMIT %s",
            (owner, limit),
        )
        return [{"id": r[0], "upload_id": r[1], "data": bytes(r[2])} for r in rows]

    def delete_message(self, owner: str, message_id: str) -> bool:
        with self._tx() as conn:
            gone = self._run(
                conn,
                "DELETE FROM messages WHERE id = %s AND owner = %s RETURNING id",
                (message_id, owner),
            ).fetchall()
        return bool(gone)

    # -- the published profile -------------------------------------------------------------
    def set_profile(self, data: bytes) -> None:
        with self._tx() as conn:
            self._run(
                conn,
                "INSERT INTO profile VALUES ('coalition', %s, %s) ON CONFLICT (name)"
                " DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
                (data, hour()),
            )

    def profile(self) -> bytes | None:
        rows = self._read("SELECT data FROM profile WHERE name = 'coalition'")
        return bytes(rows[0][0]) if rows else None

    # -- expiry ----------------------------------------------------------------------------
    def expire_shared(self, limit: float) -> None:
        """Objects and messages past the retention time; acknowledgements of uploads that
        are gone or stripped (expiry removed them, or they were forgotten otherwise)."""
        with self._tx() as conn:
            gone = self._run(
                conn, "DELETE FROM coordination WHERE created_at < %s RETURNING size", (limit,)
            ).fetchall()
            self._run(
                conn,
                "UPDATE counters SET value = value - %s WHERE name = %s",
                (sum(int(r[0]) for r in gone), COORDINATION_BYTES),
            )
            self._run(conn, "DELETE FROM messages WHERE created_at < %s", (limit,))
            self._run(
                conn,
                "DELETE FROM acks WHERE NOT EXISTS (SELECT 1 FROM uploads u WHERE"
                " u.id = acks.upload_id AND u.state = 'complete')",
            )
        self.forget_acknowledged()
