"""What the relay's API needs from its storage, whichever engines hold it.

Two implementations: SQLite + a folder of files (one process or a few on one disk, the
default) and PostgreSQL + an S3-compatible object store (any number of relay processes).
The API's rules (offsets, hashes, quotas, roles) live once in ``app.py``; what must hold
across processes (one writer per upload, a token spent once, a quota checked as the row is
written, cursors in commit order) is each implementation's duty, by its engine's own locks.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

Row = dict[str, Any]
ROW_KEYS = (
    "id",
    "owner",
    "key",
    "size",
    "received",
    "sha256",
    "state",
    "cursor",
    "completed_at",
    "has_receipt",
    "generation",
)

# After every coordinator acknowledged it, an upload keeps its owner, id and sealed receipt
# (the device fetches it by id); the idempotency key, hash, size and times go.
FORGET_ACKED = (
    "UPDATE uploads SET state = 'acked', key = id, sha256 = NULL, size = 0,"
    " received = 0, cursor = NULL, completed_at = NULL, acked_at = NULL"
)


def hour(moment: float | None = None) -> int:
    """A time to the hour: what the relay keeps (rows, relay receipts), never more precise."""
    return int((time.time() if moment is None else moment) // 3600 * 3600)


def secret_hash(secret: str) -> str:
    """Tokens and credentials are 256-bit random strings: a plain SHA-256 is enough."""
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class Staged:
    """The bytes of a one-request upload, stored but not yet recorded (no row points at them)."""

    upload_id: str
    size: int
    sha256: str
    ref: str


@dataclass(frozen=True)
class Room:
    """A device's allowance, checked in the same transaction that adds its upload."""

    max_open_uploads: int
    quota_bytes: int


class QuotaUsed(Exception):
    """The device's open uploads or stored bytes would pass its allowance."""


class UploadWriter(Protocol):
    """One upload held for one request: nobody else writes it until ``close``."""

    def row(self) -> Row | None: ...

    async def write(self, offset: int, size: int, body: AsyncIterator[bytes], digest: Any) -> int:
        """Store the body as the bytes from ``offset``; durable before it returns."""
        ...

    def moved(self, row: Row, received: int) -> bool:
        """Record the new offset if the row is still as ``row`` saw it."""
        ...

    def stored_sha256(self, size: int) -> str | None:
        """The hash of the stored bytes (read back), or None unless exactly ``size``."""
        ...

    def restart(self, row: Row) -> None: ...

    def complete(self, row: Row, sha256: str) -> Row | None: ...

    def close(self) -> None: ...


class RelayStorage(Protocol):
    """Tokens, credentials, uploads and their bytes, receipts, each coordinator's
    acknowledgements, coordination objects, messages to devices, the published profile."""

    def close(self) -> None: ...

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        """Read-only SQL for tests and operators (the schema is the same on both engines)."""
        ...

    def create_token(self, role: str) -> str: ...

    def redeem(self, token: str, credential: str | None = None) -> tuple[str, str] | None: ...

    def who(self, credential: str) -> tuple[str, str] | None: ...

    def allow_call(self, name: str, allowance: int) -> bool:
        """Count one request for ``name`` in this minute; False once past ``allowance``."""
        ...

    def usage(self, owner: str) -> tuple[int, int]: ...

    def upload_row(self, upload_id: str) -> Row | None: ...

    def find_upload(self, owner: str, key: str) -> Row | None: ...

    def create_upload(self, owner: str, key: str, size: int, room: Room) -> Row:
        """The upload (owner, key), new or as it was; QuotaUsed if a new one does not fit."""
        ...

    async def stage(self, size: int, body: AsyncIterator[bytes]) -> Staged: ...

    def add_complete(
        self, owner: str, key: str, staged: Staged, room: Room
    ) -> tuple[Row, bool]: ...

    def discard(self, staged: Staged) -> None: ...

    def writer(self, upload_id: str) -> UploadWriter:
        """The upload locked for this request; RelayError busy/not_found otherwise."""
        ...

    def read(self, upload_id: str) -> Iterator[bytes] | None:
        """The complete upload's bytes as blocks, or None if they are gone."""
        ...

    def pending(self, after: int, limit: int, coordinator: str) -> list[dict[str, Any]]:
        """Complete uploads after ``after`` that ``coordinator`` has not acknowledged."""
        ...

    def acked_by(self, upload_id: str, coordinator: str) -> bool: ...

    def set_receipt(self, upload_id: str, receipt: bytes) -> None:
        """Keeps the first receipt stored; later ones change nothing."""
        ...

    def receipt(self, upload_id: str) -> bytes | None: ...

    def receipts(self, owner: str, upload_ids: list[str]) -> dict[str, bytes]: ...

    def acknowledge(self, upload_id: str, coordinator: str) -> bool:
        """One coordinator's acknowledgement; the bytes go once every coordinator's is in."""
        ...

    def forget_acknowledged(self) -> int: ...

    def coordinators(self) -> list[dict[str, Any]]: ...

    def remove_coordinator(self, pseudonym: str) -> bool: ...

    def add_coordination(self, data: bytes, quota: int) -> dict[str, Any]: ...

    def list_coordination(self, after: int, limit: int) -> list[dict[str, Any]]: ...

    def coordination(self, object_id: str) -> bytes | None: ...

    def add_message(self, upload_id: str, data: bytes) -> str | None: ...

    def messages(self, owner: str, limit: int = 100) -> list[dict[str, Any]]: ...

    def delete_message(self, owner: str, message_id: str) -> bool: ...

    def set_profile(self, data: bytes) -> None: ...

    def profile(self) -> bytes | None: ...

    def expire(self, retention_seconds: float) -> int: ...

    def remove_orphans(self, older_than_seconds: float) -> int: ...


@dataclass(frozen=True)
class PostgresS3:
    """Where a relay at scale keeps its index (PostgreSQL) and its ciphertext (S3)."""

    database: str  # postgresql://… (libpq conninfo)
    objects: str  # s3://bucket/prefix
    s3_endpoint: str | None = None  # any S3-compatible endpoint; AWS_* give credentials
    spool: Path | None = None  # where a piece waits on its way to S3 (unnamed files)
    pool_size: int = 64  # database connections of this process

    def __str__(self) -> str:  # what `relay serve` says it runs on: no password
        host = self.database.split("@")[-1] if "@" in self.database else "local socket"
        return f"PostgreSQL {host.split('?')[0]}, {self.objects}"


StorageConfig = Path | PostgresS3
