"""Importing many bundle files in group commits: one durable transaction per batch.

Each commit is a WAL fsync and SQLCipher's work on commit; here several bundles share one
transaction, bounded by count, bytes and time. A bundle is refused by its checks before it
writes anything; should its writes fail anyway, the batch is rolled back and its earlier
bundles written again from memory, so a bad bundle never takes the good ones with it. (A
savepoint per bundle did the same and cost more than the commit it saved: its journal is
memory that SQLCipher's memory security locks and wipes, ~170 more mlock calls a bundle.)
An outcome is handed out only once its batch is committed: a crash before that loses
nothing anyone was told, and the files still hold it all. The batch's blobs (kept originals,
received files, and the one pack file holding its small originals) are fsynced together just
before its commit, not one by one (``reporter.vault.blob_store.DeferredSync``); if that fails,
the batch is rolled back.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import sqlcipher3

from reporter.errors import TestigoError, UnprocessableBundle
from reporter.fsutil import storage_error
from reporter.inbox.inbox import ImportResult, Inbox
from reporter.vault.blob_store import DeferredSync
from reporter.vault.database import classify
from reporter.vault.vault import DB_FILE, Vault

Outcome = tuple[Path, "ImportResult | TestigoError"]
K = TypeVar("K")  # what names a bundle in its outcome: its file, or the relay's upload id


@dataclass(frozen=True)
class Limits:
    """When a batch commits. A file above ``alone`` bytes is imported on its own: its
    decryption dominates, and the vault (held by an open batch) should not wait for it."""

    bundles: int = 500
    bytes: int = 32 * 1024 * 1024
    seconds: float = 0.25
    alone: int = 4 * 1024 * 1024


class GroupCommit(Generic[K]):
    """The batch's open transaction and the outcomes waiting for its commit."""

    def __init__(self, vault: Vault, limits: Limits) -> None:
        self._vault, self._limits = vault, limits
        self._stack: contextlib.ExitStack | None = None
        self._conn: Any = None
        self._started = 0.0
        self._bytes = 0
        self._waiting: list[tuple[K, ImportResult | TestigoError]] = []  # in order, refusals too
        self._writes: list[Callable[[Any], None]] = []  # this batch's bundles, to replay
        self._failed: TestigoError | None = None
        self._ready: list[tuple[K, ImportResult | TestigoError]] = []
        self.deferred = DeferredSync()  # the batch's blobs, made durable before its commit

    def connection(self) -> Any:
        """The batch's connection, beginning its transaction (and holding the vault) if new."""
        if self._stack is None:
            stack = contextlib.ExitStack()
            self._conn = stack.enter_context(self._vault.transaction())
            self._stack, self._started, self._bytes = stack, time.monotonic(), 0
        return self._conn

    def due(self, size: int) -> bool:
        """Whether to commit before a file of ``size`` bytes joins the batch."""
        if self._stack is None:
            return False
        return (
            len(self._waiting) >= self._limits.bundles
            or self._bytes + size > self._limits.bytes
            or time.monotonic() - self._started >= self._limits.seconds
        )

    def write(self, write: Callable[[Any], None]) -> None:
        """Run one bundle's writes in the batch; if they fail, the batch is as before them."""
        conn = self.connection()
        try:
            write(conn)
        except BaseException as exc:
            self._replay()
            if isinstance(exc, sqlcipher3.Error):
                raise classify(exc, self._vault.data_dir / DB_FILE) from None
            raise
        self._writes.append(write)

    def _replay(self) -> None:
        """Roll the batch back and write its earlier bundles again (same rows, same times)."""
        writes = self._writes
        self.abandon()
        self._writes = writes
        try:
            conn = self.connection()
            for write in writes:
                write(conn)
        except Exception as exc:
            self.abandon()
            self._writes = []
            self._failed = (
                classify(exc, self._vault.data_dir / DB_FILE)
                if isinstance(exc, sqlcipher3.Error)
                else exc
                if isinstance(exc, TestigoError)
                else UnprocessableBundle(kind=type(exc).__name__)
            )

    def add(self, outcome: tuple[K, ImportResult | TestigoError], size: int) -> None:
        self._waiting.append(outcome)
        self._bytes += size

    def commit(self) -> None:
        """Make the batch durable; if that fails, none of its bundles was imported."""
        stack, self._stack, self._conn, self._writes = self._stack, None, None, []
        waiting, self._waiting = self._waiting, []
        failed, self._failed = self._failed, None
        if stack is not None:
            try:
                self.deferred.flush()  # before any row naming these blobs is committed
            except TestigoError as exc:
                failed = exc
                with contextlib.suppress(TestigoError):
                    stack.__exit__(type(exc), exc, None)  # rolled back
            else:
                try:
                    stack.close()
                except TestigoError as exc:
                    failed = exc
        if failed is not None:
            # Nothing of this batch is in the vault (its blobs are orphans, collected at
            # the next open); a refusal recorded earlier was committed on its own.
            waiting = [(p, failed if isinstance(r, ImportResult) else r) for p, r in waiting]
        self._ready += waiting

    def abandon(self) -> None:
        """Roll the open batch back (nothing of it was handed out)."""
        stack, self._stack, self._conn, self._writes = self._stack, None, None, []
        if stack is not None:
            with contextlib.suppress(TestigoError):
                stack.__exit__(RuntimeError, RuntimeError("abandoned"), None)

    def take(self) -> list[tuple[K, ImportResult | TestigoError]]:
        ready, self._ready = self._ready, []
        return ready


def import_files(
    inbox: Inbox,
    files: list[Path],
    cancelled: Callable[[], bool] | None = None,
    limits: Limits | None = None,
) -> Iterator[Outcome]:
    """Import bundle files in group commits; each outcome comes once it is durable.

    Cancelling (or closing the iterator) stops before the next file, after committing what
    was imported so far.
    """
    limits = limits or Limits()
    group: GroupCommit[Path] = GroupCommit(inbox.vault, limits)
    inbox.group = group
    try:
        for path in files:
            outcome: Outcome
            if cancelled is not None and cancelled():
                break
            try:
                size = path.stat().st_size
            except OSError as exc:
                size, outcome = 0, (path, storage_error(exc))
            else:
                alone = size > limits.alone
                if alone or group.due(size):
                    group.commit()
                    yield from group.take()
                inbox.group = None if alone else group
                try:
                    outcome = (path, inbox.import_file(path))
                except TestigoError as exc:
                    outcome = (path, exc)
                finally:
                    inbox.group = group
                if alone:  # durable already, in a transaction of its own
                    yield outcome
                    continue
            group.add(outcome, size)
        group.commit()
        yield from group.take()
    except BaseException:
        group.abandon()
        raise
    finally:
        inbox.group = None
        group.deferred.close()
